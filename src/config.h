/* config.h: the configuration file (.pregon.yaml), validated whole. */
#ifndef PREGON_CONFIG_H
#define PREGON_CONFIG_H

#include <stddef.h>

#include "common.h"
#include "date.h"
#include "ytree.h"

/* Overrides for one rule, or for a whole rule set when `id` has no dot. */
typedef struct {
	const char *id;
	int enabled;        /* -1: not set */
	int severity;       /* -1: not set, else pregon_severity */
	long weight;        /* -1: not set */
	const y_node *options; /* `opciones`, or NULL */
	const y_node *where;   /* the id's key, for errors */
} config_rule;

typedef struct {
	const char *name;
	const char **words;
	size_t n;
} config_list;

/* A serving official (`funcionarios`, Const. art. 134).  Strings borrow the
 * configuration's tree. */
typedef struct {
	const char *name;           /* `nombre` */
	const char **forms;         /* `formas`: the short forms people use */
	size_t n_forms;
	const char *office;         /* `cargo`, or NULL */
	const char **handles;       /* `cuentas` */
	size_t n_handles;
	int has_report;             /* `informe`: date of the annual report */
	date_t report;              /* (LGIPE art. 242.5) */
} config_official;

/* A blackout window added by the configuration (`ventanas_electorales`). */
typedef struct {
	const char *id;             /* `id`, or NULL */
	const char *name;
	const char *kind;           /* `tipo`, or NULL */
	const char *scope;          /* `ambito`, or NULL */
	const char *source;         /* `fuente`, or NULL */
	date_t start, end;          /* inclusive */
	int confirmed;              /* `confirmada` (true by default) */
	const char **exceptions;    /* `excepciones`; NULL: the four of the law */
	size_t n_exceptions;
} config_window;

typedef struct config_t {
	char *path;         /* NULL for the built-in defaults */
	char *dir;          /* directory that relative paths start from */
	char *text;
	size_t text_len;
	y_node *tree;
	int defaults;       /* `predeterminados`: load the default rule sets */
	int review_threshold;
	char **rule_sets;   /* `conjuntos`, resolved against dir */
	const y_node **rule_set_nodes;
	size_t n_rule_sets;
	config_rule *rules;
	size_t n_rules;
	config_list *lists;
	size_t n_lists;
	/* `ortografia` */
	const char *dictionary;     /* system dictionary name or .dic path */
	const y_node *dictionary_node;
	const char **words;         /* the project's own words */
	size_t n_words;
	char *word_file;            /* plain word list, resolved against dir */
	const y_node *word_file_node;
	config_official *officials;
	size_t n_officials;
	config_window *windows;
	size_t n_windows;
	/* `dias_inhabiles`: the municipality's non-working days, as days since
	 * the epoch, sorted (for business-day deadlines). */
	long *non_working;
	size_t n_non_working;
} config_t;

/* The topics exempt from the electoral blackout (Const. art. 41 Base III
 * Apartado C; LGIPE art. 209), NULL-terminated. */
extern const char *const config_exempt_topics[];

/* The configuration with nothing set. */
config_t *config_new_default(void);
/* Read and validate a file.  On error diag has file:line:col and the
 * return is PREGON_EINVAL or PREGON_EIO; *out is NULL. */
int config_load(config_t **out, const char *path, pregon_diag *diag);
void config_free(config_t *config);

/* "error", "warning", "info" -> pregon_severity, or -1. */
int config_severity_parse(const char *s);

/* The word list `name` (`listas`), or NULL. */
const config_list *config_list_get(const config_t *config, const char *name);

/* The configuration's own keys as YAML for --print-config. */
void config_emit(const config_t *config, buf *out);
/* A y_node tree as YAML at `indent` spaces (scalars double-quoted). */
void config_emit_node(buf *out, const y_node *node, int indent);
void config_emit_scalar(buf *out, const char *s);

#endif
