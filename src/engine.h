/* engine.h: what the engine, the rule-set loader and the kinds share. */
#ifndef PREGON_ENGINE_H
#define PREGON_ENGINE_H

#include <pthread.h>

#include "config.h"
#include "count.h"
#include "kinds/kind.h"

/* `correccion_segura`: when --fix may apply a finding's only suggestion. */
enum { RS_FIX_NONE, RS_FIX_ALWAYS, RS_FIX_ACCENTS /* if it only adds accents */ };

typedef struct {
	pregon_rule_info info;   /* its strings point into the fields below */
	int safe_fix;            /* RS_FIX_* */
	char *id, *category, *criterio, *source;
	char *message_es, *message_en;
	char *description_es, *description_en;
	const kind_ops *kind;
	void *state;
	int prepared;            /* kind->prepare ran (enabled rules only) */
	char **must_flag;        /* `ejemplos.marcar` */
	size_t n_must_flag;
	char **must_pass;        /* `ejemplos.no_marcar` */
	size_t n_must_pass;
} rule_t;

typedef struct {
	rule_t *items;
	size_t n, cap;
	/* Link, hashtag and mention patterns, built when the first rule that
	 * needs them is compiled (kind_lexer); shared by all of them. */
	count_lexer *lexer;
	/* The rule files' trees and texts, kept while the rules live: a rule
	 * prepared late (for its examples) still reports errors at its node. */
	struct rs_document {
		y_node *root;
		char *text;
	} *docs;
	size_t n_docs, cap_docs;
} rule_list;

/* The categories of the report contract, NULL-terminated. */
extern const char *const rs_categories[];

/* Load a rule-set file, or every *.yaml of a directory (sorted), appending
 * compiled rules.  The configuration's `opciones` reach each kind at compile
 * time.  Errors name file:line:col. */
int rs_load_path(rule_list *rules, const char *path, const config_t *config,
		 const char *data_dir, pregon_diag *diag);
void rs_rule_dispose(rule_t *rule);
/* The rules, their shared lexer and their files' trees. */
void rs_list_dispose(rule_list *rules);

struct pregon_engine {
	pregon_lang lang;
	char *data_dir;
	config_t *config;
	char *config_origin;     /* how it was chosen, for --print-config */
	rule_list rules;
	char **sources;          /* rule-set files loaded, for --print-config */
	size_t n_sources;
	pthread_mutex_t pool_lock;
	rx_scratch **pool;       /* idle scratch, one per concurrent check */
	size_t n_pool, pool_cap;
};

/* Find pregon's data directory: `explicit`, PREGON_DATA, beside the
 * executable, or the installed share directory.  Caller frees; NULL when
 * none holds a rules/ folder. */
char *engine_find_data_dir(const char *explicit_dir);

#endif
