/* kind.h: the interface every rule kind implements, and the table of kinds.
 *
 * A kind compiles the YAML of one rule into private state once, then checks
 * many documents with it.  State is read-only after compile, so one rule may
 * check documents on several threads at once; anything a check needs to
 * write lives in the per-thread scratch of kind_run.  Adding a kind is one
 * file plus one line in kind_table (kinds.c). */
#ifndef PREGON_KIND_H
#define PREGON_KIND_H

#include <stddef.h>

#include "../batch.h"
#include "../config.h"
#include "../count.h"
#include "../document.h"
#include "../regex.h"
#include "../ytree.h"

/* What a check reports: a span of the input and, optionally, a message that
 * replaces the rule's, a masked text and suggestions (all copied by the
 * engine). */
typedef struct {
	size_t offset, length;   /* bytes of the input */
	const char *message;     /* NULL: the rule's `mensaje` */
	const char *text;        /* NULL: the input's bytes; set when masking */
	const char *const *suggestions;
	size_t n_suggestions;
	int is_error;            /* 1: error severity whatever the rule says */
	int at_most_warning;     /* 1: a doubtful match: warning at most */
	int sensitive;           /* 1: personal data: `text` is ignored, the
				  * engine masks the span in every text the
				  * report prints, this finding's and others' */
} kind_finding;

typedef struct kind_run {
	doc_t *doc;
	rx_scratch *scratch;
	const config_t *config;
	pregon_lang lang;
	int suggest;  /* compute costly suggestions (Hunspell's) */
	void (*emit)(struct kind_run *run, const kind_finding *f);
	/* A per-post figure for the report's metrics (`name` static, such as
	 * "longitud"); a second call with the same name replaces the value. */
	void (*metric)(struct kind_run *run, const char *name, double value);
	void *emit_ctx;
	pregon_batch *batch; /* the documents checked together, or NULL */
	size_t batch_seq;    /* this document's place in the batch */
	int cross_files_only; /* 1: only what compares documents */
	/* The post's inline suppressions, already applied (set only for the
	 * rules of kind `supresion`, which run last); NULL otherwise. */
	const struct sup_list *suppressions;
} kind_run;

/* Compile input: the rule's YAML map, and the configuration's `opciones`
 * for this rule (which win over the rule's own keys). */
typedef struct {
	const y_node *rule;
	const y_node *overrides;
	const config_t *config;
	const char *rule_id;
	const char *data_dir; /* holds dictionaries/; may be NULL */
	count_lexer **lexer;  /* the engine's, built on first use: kind_lexer() */
} kind_compile;

/* The value of a kind key: the configuration's override, else the rule's. */
const y_node *kind_get(const kind_compile *c, const char *key);
/* A key the rule must have: 0 and *out, or PREGON_EINVAL with diag at the
 * rule saying what it lacks (`what`) and what to add (`hint`). */
int kind_require(const kind_compile *c, const char *key, const char *hint,
		 const char *what, const y_node **out, pregon_diag *diag);

typedef struct {
	const char *name;          /* the `tipo:` word */
	const char *const *keys;   /* the kind's own YAML keys, NULL-terminated */
	int (*compile)(void **out, const kind_compile *c, pregon_diag *diag);
	/* Optional: load what only an enabled rule needs (a dictionary), once,
	 * before any check.  0 or a PREGON_E* code with diag. */
	int (*prepare)(void *state, pregon_diag *diag);
	/* 0, or PREGON_ELIMIT when a match limit stopped the check (the
	 * engine reports it as an error of the rule). */
	int (*check)(const void *state, kind_run *run);
	void (*free)(void *state);
	/* Optional: 1 when the rule compares the document with the others of
	 * the batch (the only rules a cross-files-only check runs). */
	int (*across_files)(const void *state);
} kind_ops;

/* Kind keys with defaults; 0 or PREGON_EINVAL with diag. */
int kind_bool(const kind_compile *c, const char *key, int dflt, int *out,
	      pregon_diag *diag);
int kind_int(const kind_compile *c, const char *key, long dflt, long min,
	     long max, long *out, pregon_diag *diag);
int kind_double(const kind_compile *c, const char *key, double dflt,
		double min, double max, double *out, pregon_diag *diag);
/* The configuration's `opciones` may only name the kind's keys. */
int kind_overrides_known(const kind_compile *c, const kind_ops *ops,
			 pregon_diag *diag);

/* Emit the original span of view bytes [vs, ve). */
void kind_emit_view_span(kind_run *run, const text_view *v, size_t vs,
			 size_t ve, const char *message,
			 const char *const *suggestions, size_t n_suggestions);

/* A finding on the whole post (its body), with `message` or the rule's. */
void kind_emit_post(kind_run *run, const char *message);

/* "w1|w2|..." of the words normalized with view `flags` and quoted,
 * longest first.  Caller frees. */
char *kind_word_alternation(const char *const *words, size_t n, int flags);

/* Inside quotation marks: an opening mark (« " “ ‘ or a straight ' that
 * is not an apostrophe within a word) before view byte `at` in its
 * paragraph that no closing mark follows before `at`. */
int kind_quoted(const text_view *v, size_t at);

/* The index in `names` (NULL-terminated) of the scalar `n`, the value of
 * `key`; otherwise an error at `n` with the closest name or all of them. */
int kind_choice(const y_node *n, const char *const *names, const char *key,
		int *out, pregon_diag *diag);
/* The same for the kind key `key`, which must be present. */
int kind_required_choice(const kind_compile *c, const char *key,
			 const char *const *names, int *out, pregon_diag *diag);

/* The engine's link, hashtag and mention lexer, built by the first rule
 * that asks (the Public Suffix List is read once).  0, or an error with
 * diag (the list is missing). */
int kind_lexer(const count_lexer **out, const kind_compile *c,
	       pregon_diag *diag);

/* The rule's `mensaje` and `message_en` (the Spanish one when there is no
 * English), for kinds that fill in figures; the caller frees both. */
void kind_messages(const kind_compile *c, char *out[2]);

/* `tmpl` with each {names[i]} replaced by values[i]; placeholders of the
 * engine ({texto}, {sugerencia}) are left for it.  Caller frees. */
char *kind_fill(const char *tmpl, const char *const *names,
		const char *const *values, size_t n);

/* The post's body as it will be published (everything after the front
 * matter, Markdown syntax included, HTML comments and trailing blanks left
 * out), in NFC and
 * nothing else (TEXT_EXACT), mapped back to the input; with `lexer`, also
 * the links, hashtags and mentions X finds in it, in order.  Built once
 * per document and shared by every rule; both are borrowed from it.
 * Returns 0, or PREGON_ELIMIT when the extraction hit a match limit. */
int kind_body(kind_run *run, const count_lexer *lexer, const text_view **body,
	      const count_entities **entities);

/* "X", "Instagram"... for a platform id of doc_platforms. */
const char *kind_platform_label(const char *id);
/* A data file a rule names (`calendario`, `lexico`): relative names are
 * under the data directory's rules/.  Returns the path to open; *shown gets
 * the path for messages, relative to the data directory so that they read
 * the same wherever pregon is installed.  The caller frees both. */
char *kind_data_path(const kind_compile *c, const char *name, char **shown);

/* One caseless, accentless whole-word pattern for the words of `n` (a text
 * or a list of them; NULL or an empty list leaves *out NULL).  0 or
 * PREGON_EINVAL with diag. */
int kind_words_rx(rx **out, const y_node *n, pregon_diag *diag);

/* The configuration list named by the scalar `n` (`lista`); an error at
 * `n` when there is none. */
int kind_config_list(const kind_compile *c, const y_node *n,
		     const config_list **out, pregon_diag *diag);

/* The bytes of a front-matter node as written on its line: a plain
 * scalar's text, a quoted one with its quotes, else the rest of the line. */
void kind_node_span(const doc_t *d, const y_node *n, size_t *off, size_t *len);

const kind_ops *kind_find(const char *name);
/* "pattern, substitution, ..." for messages; a static string. */
const char *kind_names(void);

extern const kind_ops kind_pattern;
extern const kind_ops kind_substitution;
extern const kind_ops kind_caps;
extern const kind_ops kind_repetition;
extern const kind_ops kind_front_matter;
extern const kind_ops kind_spelling;
extern const kind_ops kind_offensive;
extern const kind_ops kind_length;
extern const kind_ops kind_links;
extern const kind_ops kind_spam;
extern const kind_ops kind_personal_data;
extern const kind_ops kind_promotion;
extern const kind_ops kind_electoral;
extern const kind_ops kind_suppression;
extern const kind_ops kind_endorsement;
extern const kind_ops kind_clarity;

#endif
