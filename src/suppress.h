/* suppress.h: inline suppressions in Markdown posts.
 *
 *   <!-- pregon-disable ID[, ID...] -- motivo -->   ...   <!-- pregon-enable -->
 *   <!-- pregon-disable-next-line ID[, ID...] -- motivo -->
 *
 * An ID is a full rule id (`estilo.palabra-duplicada`) or a rule set
 * (`estilo`).  The reason after ` -- ` is required: a directive without one
 * suppresses nothing.  The engine drops the findings a directive covers and
 * the `supresion` kind reports the directives that are wrong or idle. */
#ifndef PREGON_SUPPRESS_H
#define PREGON_SUPPRESS_H

#include <stddef.h>

#include "document.h"

typedef enum {
	SUP_OK = 0,
	SUP_SYNTAX,    /* unknown directive, no ids, or an enable with none open */
	SUP_NO_REASON  /* a disable without `-- motivo` */
} sup_problem;

typedef struct {
	size_t offset, length; /* the id's bytes in the input */
	int known;             /* names a loaded rule or rule set */
	int used;              /* dropped at least one finding */
} sup_id;

typedef struct {
	size_t offset, length; /* the whole comment */
	sup_problem problem;
	size_t from, to;       /* the input bytes it covers: [from, to) */
	int range;             /* a pregon-disable, open until an enable */
	sup_id *ids;
	size_t n_ids;
} sup_directive;

typedef struct sup_list {
	sup_directive *items;
	size_t n, cap;
} sup_list;

/* Read the directives of a Markdown body (plain text has none). */
void sup_parse(sup_list *out, const doc_t *doc);
void sup_dispose(sup_list *list);

/* 1 when the id names rule `rule_id`: the same id, or its rule set. */
int sup_id_names(const char *input, const sup_id *id, const char *rule_id);

/* 1 when a valid directive covers a finding of `rule_id` starting at
 * `offset`; the ids that matched are marked used. */
int sup_covers(sup_list *list, const char *input, size_t offset,
	       const char *rule_id);

#endif
