/*
 * pregon.h: the public interface of libpregon, a checker of institutional
 * social-media posts against Norma Técnica No. 10 "Uso de Redes Sociales"
 * of the Ayuntamiento de Tecate.
 *
 * Flow: pregon_engine_new() compiles the configuration and the rule sets
 * once; pregon_check() turns one document into a pregon_report; the
 * pregon_format_*() functions turn finished reports into one buffer.
 *
 * Units: `offset`/`length` are bytes of the input as read; `line`/`col` are
 * 1-based and `col` counts Unicode code points; end columns are exclusive.
 *
 * Errors: functions returning int give 0 on success or a negative
 * PREGON_E* code, and fill the caller's pregon_diag.  Nothing here keeps a
 * hidden "last error".  Messages are Spanish unless the engine was created
 * with PREGON_LANG_EN.
 */
#ifndef PREGON_H
#define PREGON_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PREGON_VERSION "0.1.0"
#define PREGON_JSON_VERSION 1

enum {
	PREGON_OK = 0,
	PREGON_EINVAL = -1,  /* bad input: YAML, regex, UTF-8, option value */
	PREGON_EIO = -2,     /* a file could not be read or written */
	PREGON_ENOTFOUND = -3, /* a rule, file or data directory is missing */
	PREGON_ELIMIT = -4   /* a resource limit was hit */
};

typedef enum { PREGON_LANG_ES = 0, PREGON_LANG_EN = 1 } pregon_lang;

typedef enum {
	PREGON_SEV_INFO = 0,
	PREGON_SEV_WARNING = 1,
	PREGON_SEV_ERROR = 2
} pregon_severity;

typedef enum {
	PREGON_VERDICT_PUBLISH = 0,
	PREGON_VERDICT_REVIEW = 1,
	PREGON_VERDICT_BLOCK = 2
} pregon_verdict;

/*
 * A diagnostic: where, what, and what to do.  The strings are owned by the
 * diag; release them with pregon_diag_dispose().  `line`/`col` are 0 when the
 * problem has no position.  `source_line` is the offending line of the input
 * when known (for the caret display), `span` the number of code points to
 * underline (at least 1 when a position is given).
 */
typedef struct {
	char *path;
	int line;
	int col;
	int span;
	char *message;
	char *hint;
	char *source_line;
} pregon_diag;

void pregon_diag_init(pregon_diag *diag);
void pregon_diag_dispose(pregon_diag *diag);

/* "ruta:línea:columna: error: mensaje; pista" plus the caret lines when known.
 * The caller frees the result with free(). */
char *pregon_diag_format(const pregon_diag *diag);

/*
 * Set the process up for messages: the locale, the language (Spanish, the
 * source language, or English from the catalogue, which works even in the C
 * locale) and the catalogue's directory under the data directory
 * (`data_dir`, or found as pregon_engine_new() does).  Process-wide: call it
 * once, from a client, before any other call.
 */
int pregon_i18n_init(const char *data_dir, pregon_lang lang);

typedef struct pregon_engine pregon_engine;

/* How an engine is built.  Every pointer is borrowed for the call only. */
typedef struct {
	pregon_lang lang;
	/* Directory holding rules/, dictionaries/ and locale/; NULL finds it
	 * (PREGON_DATA, next to the executable, or the installed share dir). */
	const char *data_dir;
	/* Configuration file (.pregon.yaml); NULL means none. */
	const char *config_path;
	/* Rule-set files or directories that replace the default rule sets;
	 * NULL/0 means the defaults plus the configuration's `conjuntos`. */
	const char *const *rule_paths;
	size_t n_rule_paths;
	/* How the configuration was chosen ("--config", "encontrado desde
	 * docs/aviso.md"), shown by pregon_engine_config_yaml(); NULL: not
	 * said. */
	const char *config_origin;
	/* Only these default rule sets (names of the data directory's
	 * rules/ files without ".yaml", e.g. "ofensivo"), for a client
	 * that needs a few, such as `pregon comments`; the configuration's
	 * `conjuntos` still load.  Ignored with rule_paths.  NULL/0: all the
	 * default rule sets.  A name with no file is PREGON_ENOTFOUND. */
	const char *const *default_sets;
	size_t n_default_sets;
} pregon_engine_options;

/*
 * The configuration file that applies to `path`: the nearest `.pregon.yaml`
 * in the folder of `path` (or in `path`, when it is a folder) or in one
 * above it, stopping at the repository
 * root (a folder that holds `.git`) or at the file-system root.  NULL or "-"
 * (standard input) starts from the working directory, and so does a path
 * whose folder does not exist.  On success *out is the file's path, relative
 * to the working directory when it lies inside it, which the caller frees;
 * or NULL when no file applies.  PREGON_EIO when the working directory cannot
 * be read.
 */
int pregon_config_find(char **out, const char *path);

/*
 * Load the configuration and compile every rule set.  On success *out is an
 * engine the caller frees with pregon_engine_free(); on failure *out is NULL,
 * diag says what and where, and the return is PREGON_EINVAL (bad YAML, bad
 * rule, bad regex), PREGON_EIO or PREGON_ENOTFOUND.
 */
int pregon_engine_new(pregon_engine **out, const pregon_engine_options *opts,
		      pregon_diag *diag);
void pregon_engine_free(pregon_engine *engine);

pregon_lang pregon_engine_lang(const pregon_engine *engine);

/*
 * A batch: the documents of one run checked together, as the files of a
 * content repository are.  It remembers a fingerprint of every post checked
 * with it, so that a rule can tell when a later file publishes the same
 * text as an earlier one (the finding goes on the later file and names the
 * earlier).  "Earlier" is the document's place in the run,
 * pregon_check_options.batch_seq (0, 1, 2...): a document waits, inside
 * pregon_check, until every lower place is settled, so that threads
 * checking several documents at once find exactly what one thread finds in
 * order.  A place is settled by pregon_check (whatever its outcome) or, for
 * a document that is never checked (it could not be read), by
 * pregon_batch_settle(); every place below the highest one checked must be
 * settled, or that check waits for ever.  A client that numbers nothing
 * (every batch_seq 0) gets the order of its pregon_check() calls.  Create
 * a batch with pregon_batch_new(), pass it in pregon_check_options.batch,
 * free it with pregon_batch_free() after the last check that used it
 * (reports do not point into it).
 */
typedef struct pregon_batch pregon_batch;

pregon_batch *pregon_batch_new(void);
void pregon_batch_free(pregon_batch *batch);
void pregon_batch_settle(pregon_batch *batch, size_t seq);

/* Per-document context.  Every pointer is borrowed for the call only; NULL
 * fields fall back to the front matter, then to defaults. */
typedef struct {
	const char *date;     /* YYYY-MM-DD: overrides the front matter's `fecha` */
	const char *today;    /* YYYY-MM-DD: used when no date is known */
	const char *platform; /* overrides `plataforma` */
	const char *topic;    /* overrides `tema` */
	int plain_text;       /* 1: not Markdown (e.g. a .txt file) */
	/* Run only the rule with this full id (`set.rule`); NULL runs all. */
	const char *only_rule;
	int suggest;          /* 1: compute costly suggestions (spelling) */
	/* The run this document belongs to, for rules that compare posts
	 * (repeated text); NULL checks the document alone.  Borrowed. */
	pregon_batch *batch;
	size_t batch_seq;     /* the document's place in the batch */
	/* 1: only the checks that compare the document with the others of
	 * the batch (a run split in shards does them apart, once) */
	int cross_files_only;
} pregon_check_options;

typedef struct {
	const char *text;   /* the suggested replacement */
} pregon_suggestion;

/* One finding.  All strings are owned by the report. */
typedef struct {
	const char *rule;      /* "set.rule-id" */
	const char *category;  /* "caps", "spelling", ... */
	pregon_severity severity;
	int weight;
	const char *message;   /* in the engine's language */
	const char *criterio;  /* "XX", "Const. art. 134", ... */
	size_t offset;         /* bytes into the input as read */
	size_t length;         /* bytes */
	int line, col, end_line, end_col; /* 1-based; col in code points */
	/* The matched text.  Personal data never appears here in full: a
	 * finding on a datum, and any other finding whose span touches one,
	 * shows it masked (see pregon_report_excerpt); a finding that
	 * touches one carries no suggestions, which could repeat it, and
	 * its rule's own message, which quotes `text`. */
	const char *text;
	const pregon_suggestion *suggestions;
	size_t n_suggestions;
	/* 1: replacing [offset, offset + length) by the only suggestion is
	 * safe to do unattended (the rule's `correccion_segura`); the span and
	 * the suggestion never hold a line break. */
	int safe_fix;
} pregon_finding;

/* A span of the input, in bytes. */
typedef struct {
	size_t offset;
	size_t length;
} pregon_span;

/* A per-post figure: "caracteres" (code points of the body) and "palabras"
 * (words of the prose) always; with a platform, "longitud" (the body as
 * that platform counts it: X's weighted characters, YouTube's bytes...)
 * and "longitud_maxima" (its limit), from the `length` rule of the text.
 * `name` is static. */
typedef struct {
	const char *name;
	double value;
} pregon_metric;

typedef struct {
	const char *path;
	int score;               /* 0..100 */
	pregon_verdict verdict;
	const char *error;       /* non-NULL when the file could not be checked */
	const pregon_finding *findings; /* sorted by offset, then rule */
	size_t n_findings;
	const pregon_metric *metrics;
	size_t n_metrics;
	/* The input, kept for formatters that print source lines.  Borrowed
	 * from the caller of pregon_check(): valid while that buffer is. */
	const char *input;
	size_t input_len;
	/* Where the input holds personal data (criterion III), sorted and
	 * disjoint.  A formatter must never print these bytes: it prints
	 * source text only through pregon_report_excerpt(). */
	const pregon_span *sensitive;
	size_t n_sensitive;
	/* The first byte of the body, after the BOM and the front matter (0
	 * for plain text and for reports with an error): where inline
	 * suppressions are read. */
	size_t body_offset;
} pregon_report;

/*
 * Check one document.  `input` is borrowed and must outlive the report (the
 * text formatter prints source lines from it).  On success *out is a report
 * the caller frees with pregon_report_free().  Input the engine cannot read
 * (invalid UTF-8, a NUL byte, unparsable front matter) returns PREGON_EINVAL
 * with diag naming the byte offset or line:col; *out is then NULL.
 */
int pregon_check(pregon_report **out, const pregon_engine *engine,
		 const char *path, const char *input, size_t input_len,
		 const pregon_check_options *opts, pregon_diag *diag);

/* A report for a file that could not be checked: `error` is set, verdict is
 * block and score 0.  The caller frees it with pregon_report_free(). */
pregon_report *pregon_report_new_error(const char *path, const char *error);

void pregon_report_free(pregon_report *report);

/*
 * The input bytes [offset, offset + length) of a report as they may be
 * shown: every code point of a sensitive span is replaced by "•" except
 * separators and, as a hint for the reviewer, the last 2 letters or digits
 * of a datum of 8 or more (and the first 4 of a datum of 18 or more written
 * as one word, like a CURP).  Each masked code point stays one column wide,
 * so carets under an excerpt still line up.  Offsets are clamped to the
 * input and to code-point boundaries.  The caller frees the result with
 * free().
 */
char *pregon_report_excerpt(const pregon_report *report, size_t offset,
			    size_t length);

/* The report's vocabulary: stable names for machine formats ("publish",
 * "warning") and labels in the process's language ("publicar",
 * "advertencia").  Static strings. */
const char *pregon_verdict_name(pregon_verdict verdict);
const char *pregon_verdict_label(pregon_verdict verdict);
const char *pregon_severity_name(pregon_severity severity);
const char *pregon_severity_label(pregon_severity severity);

/* A system error in the process's language: Spanish for the errors a
 * user meets (missing file, permission, full disk...), else strerror(). */
const char *pregon_strerror(int errnum);

/* The platform ids (`plataforma`, --platform) and topic ids (`tema`,
 * --topic), NULL-terminated static arrays. */
const char *const *pregon_platforms(void);
const char *const *pregon_topics(void);

/* Today's date in America/Tijuana as "YYYY-MM-DD" into out[11]. */
void pregon_today(char out[11]);

/* 1 when `s` is a valid --date (YYYY-MM-DD, optionally with a time). */
int pregon_date_valid(const char *s);

/* Output formatting.  Each formatter gets finished reports and returns one
 * NUL-terminated buffer the caller frees with free(); NULL only when out of
 * memory (which aborts) never happens, so the result is always valid. */
/* The unit of the columns the line, github and checkstyle formats print
 * (SARIF always counts code points, rdjson always bytes). */
typedef enum {
	PREGON_COLUMN_CHAR = 0,  /* Unicode code points (Emacs, ESLint, ruff) */
	PREGON_COLUMN_BYTE = 1,  /* UTF-8 bytes (Vim quickfix, ALE) */
	PREGON_COLUMN_UTF16 = 2  /* UTF-16 code units (VS Code, LSP) */
} pregon_column_unit;

typedef struct {
	pregon_lang lang;
	int color;  /* 1: ANSI colours (text only) */
	int quiet;  /* 1: findings only, no per-file or total summary */
	pregon_column_unit column_unit;
	/* The engine that made the reports, for the rule metadata of SARIF;
	 * NULL describes each rule by its first finding.  Borrowed. */
	const pregon_engine *engine;
} pregon_format_options;

char *pregon_format_text(const pregon_report *const *reports, size_t n,
			 const pregon_format_options *opts);
char *pregon_format_json(const pregon_report *const *reports, size_t n,
			 const pregon_format_options *opts);
/* SARIF 2.1.0 as GitHub code scanning ingests it: percent-encoded relative
 * URIs, code-point columns plus byte regions, score and verdict in the
 * run's properties, fingerprints from masked text only. */
char *pregon_format_sarif(const pregon_report *const *reports, size_t n,
			  const pregon_format_options *opts);
/* GitHub Actions workflow commands (::error file=...::message), escaped;
 * a closing ::notice when there are more findings than GitHub annotates. */
char *pregon_format_github(const pregon_report *const *reports, size_t n,
			   const pregon_format_options *opts);
/* Markdown table of every finding for $GITHUB_STEP_SUMMARY. */
char *pregon_format_github_summary(const pregon_report *const *reports,
				   size_t n, const pregon_format_options *opts);
/* 1 when the github format cannot show every finding as an annotation. */
int pregon_github_over_limit(const pregon_report *const *reports, size_t n);
/* reviewdog's rdjson (DiagnosticResult); columns in UTF-8 bytes. */
char *pregon_format_rdjson(const pregon_report *const *reports, size_t n,
			   const pregon_format_options *opts);
/* checkstyle XML (version 4.3), start positions only. */
char *pregon_format_checkstyle(const pregon_report *const *reports, size_t n,
			       const pregon_format_options *opts);
/* GitLab Code Quality: a JSON array of Code Climate issues. */
char *pregon_format_gitlab(const pregon_report *const *reports, size_t n,
			   const pregon_format_options *opts);
/* One line per finding, "ruta:línea:col: severity: mensaje [regla]", with
 * newlines in messages turned into spaces; for editors' error parsers. */
char *pregon_format_line(const pregon_report *const *reports, size_t n,
			 const pregon_format_options *opts);

/*
 * A formatter that takes the reports one at a time, so that a run over many
 * files need not keep them all: the text, json and line formats, whose
 * output is the same as one pregon_format_*() call over the same reports.
 * pregon_formatter_new() returns NULL for a format that needs every report
 * at once (sarif, github, rdjson, checkstyle, gitlab) or an unknown name.
 * `opts` is copied; the engine it names is borrowed.  Each call returns the
 * output to write next ("" when there is none), which the caller frees;
 * pregon_formatter_finish() returns the closing output (totals, brackets)
 * and frees the formatter.
 */
typedef struct pregon_formatter pregon_formatter;

pregon_formatter *pregon_formatter_new(const char *format,
				       const pregon_format_options *opts);
char *pregon_formatter_add(pregon_formatter *f, const pregon_report *report);
char *pregon_formatter_finish(pregon_formatter *f);

/*
 * The stable identity of each finding inside its file, for SARIF, GitLab
 * and baselines: a hash of the rule and the finding's *masked* text, then
 * ":" and its occurrence among earlier findings with the same hash.  It
 * survives lines added above the finding and never derives from an
 * unmasked datum.  Returns report->n_findings strings of
 * PREGON_FINGERPRINT_SIZE bytes each (finding i at i * SIZE), NUL-
 * terminated; the caller frees the block with free().
 */
#define PREGON_FINGERPRINT_SIZE 32
char *pregon_report_fingerprints(const pregon_report *report);

/*
 * A baseline (--baseline FILE): the findings a repository has accepted, so
 * that a run reports only new ones.  Each entry is a path, a rule and the
 * finding's fingerprint (pregon_report_fingerprints), never the datum.
 *
 * pregon_baseline_load() reads FILE; a missing file is an empty baseline
 * that the first save fills with every finding.  A file that is not a
 * baseline returns PREGON_EINVAL (diag with line:col), an unreadable one
 * PREGON_EIO; *out is then NULL.  Free it with pregon_baseline_free().
 *
 * pregon_baseline_match() sets is_new[i] (report->n_findings bytes) to 1
 * for each finding not in the baseline and returns how many there are.
 *
 * pregon_baseline_save() writes the file atomically (a temporary file in
 * the same folder, then a rename) and only when it changes: it drops the
 * entries whose finding is gone from a file checked in this run and adds
 * the new findings only on the first run or when `record_all` is 1.
 * *out_entries receives the number of entries kept.
 */
typedef struct pregon_baseline pregon_baseline;

int pregon_baseline_load(pregon_baseline **out, const char *path,
			 pregon_diag *diag);
size_t pregon_baseline_match(pregon_baseline *baseline,
			     const pregon_report *report,
			     unsigned char *is_new);
/* 1 when the file did not exist when loaded. */
int pregon_baseline_is_new_file(const pregon_baseline *baseline);
int pregon_baseline_save(pregon_baseline *baseline, int record_all,
			 size_t *out_entries, pregon_diag *diag);
void pregon_baseline_free(pregon_baseline *baseline);

/*
 * The input of `report` with its safe fixes applied (findings with
 * `safe_fix`, in order; one that overlaps a fix already applied is left
 * for a later pass).  Line breaks are never added or removed.  *out is a
 * NUL-terminated buffer of *out_len bytes the caller frees with free().
 * Returns the number of fixes applied.
 */
size_t pregon_fix_apply(char **out, size_t *out_len, const pregon_report *report);

/*
 * Replace the file at `path` by `data` atomically: the bytes go to a
 * temporary file in the same folder, which is flushed to disk (fsync) and
 * then renamed over `path`, keeping its permissions; an interrupted or
 * failed write leaves the old file whole and removes the temporary one.
 * 0, or PREGON_EIO with diag naming the path and the system error.
 */
int pregon_file_replace(const char *path, const char *data, size_t len,
			pregon_diag *diag);

/*
 * A unified diff ("--- a/PATH", "+++ b/PATH", hunks with 3 lines of
 * context) from `old` to `new`, which have the same number of lines (as
 * pregon_fix_apply keeps them).  "" when they are equal.  Caller frees.
 */
char *pregon_format_diff(const char *path, const char *old, size_t old_len,
			 const char *new_text, size_t new_len);

/* Rule introspection for --list-rules and --explain. */
typedef struct {
	const char *id;        /* "set.rule-id" */
	const char *kind;
	const char *category;
	pregon_severity severity;
	int weight;
	const char *criterio;
	const char *message;   /* in the engine's language */
	const char *source;    /* rule-set file */
	int line;              /* of the rule in that file */
	int enabled;
} pregon_rule_info;

size_t pregon_engine_rule_count(const pregon_engine *engine);
/* Borrowed; valid until the engine is freed.  `i` < pregon_engine_rule_count. */
const pregon_rule_info *pregon_engine_rule(const pregon_engine *engine, size_t i);
/* The rule with this full id, or NULL. */
const pregon_rule_info *pregon_engine_find_rule(const pregon_engine *engine,
						const char *id);

/* The rule's `descripcion` in the engine's language, or NULL. */
const char *pregon_engine_rule_description(const pregon_engine *engine,
					   const char *id);

/* The rule's `ejemplos`, for --explain.  Borrowed like the rule info. */
size_t pregon_rule_example_count(const pregon_engine *engine, const char *id,
				 int must_flag);
const char *pregon_rule_example(const pregon_engine *engine, const char *id,
				int must_flag, size_t i);

/* The merged configuration as YAML (for --print-config); caller frees. */
char *pregon_engine_config_yaml(const pregon_engine *engine);

/*
 * Run every rule's `ejemplos` (texts it must flag and texts it must not).
 * Returns the number of failed examples (0 when all pass) and appends one
 * line per failure to *out_log, which the caller frees with free().
 * `*out_total` receives the number of examples run.
 */
int pregon_engine_test_examples(const pregon_engine *engine, char **out_log,
				size_t *out_total);

/*
 * The windows of the electoral calendar the engine knows: the calendar of
 * the `electoral` rules (rules/datos/calendario-electoral.yaml), then the
 * configuration's `ventanas_electorales` and the annual-report windows of
 * its `funcionarios` (kind "informe": 7 days before to 5 days after the
 * report, LGIPE art. 242.5).  Borrowed; valid until the engine is freed.
 * No electoral rule loaded means no windows.
 */
typedef struct {
	const char *id;
	const char *name;
	const char *kind;      /* "eleccion", "consulta-popular", "informe"... */
	const char *scope;     /* "federal", "local", "municipal", or NULL */
	const char *start;     /* "YYYY-MM-DD", both ends inclusive; NULL when */
	const char *end;       /* the dates are unknown (it never fires) */
	int confirmed;         /* 0: warns ("verifique el calendario") */
	const char *const *exceptions; /* topic ids still allowed */
	size_t n_exceptions;
	const char *const *sources;
	size_t n_sources;
	const char *origin;    /* the file it comes from */
} pregon_window;

size_t pregon_engine_window_count(const pregon_engine *engine);
/* `i` < pregon_engine_window_count. */
const pregon_window *pregon_engine_window(const pregon_engine *engine,
					  size_t i);

/* The project's word list (`ortografia: archivo_palabras`), a plain file
 * of one word per line, as a path resolved against the configuration's
 * folder; NULL when the configuration names none.  Borrowed; valid until
 * the engine is freed.  The engine reads it once: to see a change, build
 * a new engine. */
const char *pregon_engine_word_file(const pregon_engine *engine);

/* The score under which a post is sent to review (configuration
 * `umbral_revision`, 70 by default). */
int pregon_engine_review_threshold(const pregon_engine *engine);

/*
 * The registry of institutional accounts (`cuentas.yaml`, docs/cuentas.md):
 * every account the Ayuntamiento has opened, who answers for it, its
 * authorisation, state and evaluations (the norm's *Procedimiento de la
 * apertura y baja de cuentas* and its *Evaluación* chapter).
 *
 * pregon_registry_load() reads and validates FILE: an unknown key, a wrong
 * type, an impossible date, an unknown platform, state, level or rhythm, or
 * an account listed twice is PREGON_EINVAL with diag at file:line:col; an
 * unreadable file is PREGON_EIO.  *out is NULL on failure; free it with
 * pregon_registry_free().  What the schema allows but the norm does not
 * (a missing authorisation, an e-mail outside the domain...) is a finding of
 * pregon_registry_check(), not a load error.
 */
typedef struct pregon_registry pregon_registry;

int pregon_registry_load(pregon_registry **out, const char *path,
			 pregon_diag *diag);
void pregon_registry_free(pregon_registry *registry);

/* The number of accounts, and "@usuario (plataforma)" of account `i`
 * (< the count) into a new string the caller frees. */
size_t pregon_registry_count(const pregon_registry *registry);
char *pregon_registry_label(const pregon_registry *registry, size_t i);

/*
 * One post as the passes across files see it: its path and what its front
 * matter says.  Filled by pregon_post_ref_parse(), or by a caller that
 * already knows the values (then every pointer is the caller's).
 */
typedef struct {
	const char *path;     /* as reported */
	const char *account;  /* `cuenta`, or NULL when it has none */
	const char *platform; /* `plataforma`, or NULL */
	const char *date;     /* "YYYY-MM-DD" of publication, or NULL */
	int line, col;        /* of the `cuenta` value; 0 when unknown */
} pregon_post_ref;

/*
 * Read the front matter of a post (the bytes a check would read): its
 * account, platform and date (a time with a zone is taken to Tijuana's
 * date).  Input pregon_check() would refuse is PREGON_EINVAL with diag as it
 * gives it.  The strings belong to *out: release them with
 * pregon_post_ref_dispose() (only for a ref this function filled).
 */
int pregon_post_ref_parse(pregon_post_ref *out, const char *path,
			  const char *input, size_t input_len, int plain_text,
			  pregon_diag *diag);
void pregon_post_ref_dispose(pregon_post_ref *ref);

/*
 * The registry's own checks as of `today` ("YYYY-MM-DD"), each a finding of
 * category "registry" that cites its place in the norm: e-mail in the
 * municipality's domain, X handle ending in "Tecate", two administrators
 * with a titular of mid-level command or higher, authorisation recorded,
 * closing date of a closed account, evaluation within six months,
 * verification requested where the platform offers it.  When `posts` is
 * not NULL it is the whole activity known (the repository's posts, the
 * activity log), and an active account silent for longer than its `ritmo`
 * allows is a finding too; NULL skips that check.  Returns a report on the
 * registry file (its input is the registry's text, valid while the
 * registry is) that the caller frees with pregon_report_free().
 */
pregon_report *pregon_registry_check(const pregon_registry *registry,
				     const char *today,
				     const pregon_post_ref *posts,
				     size_t n_posts);

/*
 * The cross-check of posts against the registry, a pass across files:
 * every post's `cuenta` must name an account of the registry on its
 * platform, authorised on or before the post's date and not closed before
 * it.  Returns n_posts reports, report i on posts[i] (its path, findings at
 * the `cuenta` line, no input), many with no findings; the caller frees
 * each with pregon_report_free() and the array with free().  A caller
 * holding the posts' own reports can append these findings to them.
 */
pregon_report **pregon_registry_check_posts(const pregon_registry *registry,
					    const pregon_post_ref *posts,
					    size_t n_posts);

/*
 * The activity log (`--log FILE`, the *bitácora* the norm asks for): one
 * JSON line per checked post with the time (UTC), the path, the SHA-256 of
 * the content, the account, the date, the platform, the score, the verdict
 * and the ids of the rules that fired; never the text, so never a datum.
 * pregon_log_append() appends the line of `report` (a report with an
 * error is not logged): the date, platform and account come from `opts`'s
 * overrides, then the front matter, then `opts->today`, as the check used
 * them.  The file is opened with O_APPEND, locked while the one line is
 * written, so several processes may log to it at once.  0, or PREGON_EIO
 * with diag naming the path.
 */
int pregon_log_append(const char *log_path, const pregon_report *report,
		      const pregon_check_options *opts, pregon_diag *diag);

/*
 * The evaluation report (`pregon report`): the posts of a period, what
 * the activity log says about it and the registry's findings, per account
 * and overall.  pregon_evaluation_new() starts one for [from, to]
 * ("YYYY-MM-DD", both ends included) as seen on `today`; `engine` (borrowed,
 * may be NULL) names the criterion of the rules the log cites.  The caller
 * frees it with pregon_evaluation_free().  Everything added is copied.
 */
typedef struct pregon_evaluation pregon_evaluation;

pregon_evaluation *pregon_evaluation_new(const char *from, const char *to,
					 const char *today,
					 const pregon_engine *engine);
void pregon_evaluation_free(pregon_evaluation *evaluation);

/* A post of the repository and its report.  One dated outside the period,
 * or not dated, is counted apart and left out. */
void pregon_evaluation_add_post(pregon_evaluation *evaluation,
				const pregon_post_ref *post,
				const pregon_report *report);

/*
 * Read an activity log written by pregon_log_append(): its lines add the
 * posts the repository no longer holds (the latest line of each path not
 * added with pregon_evaluation_add_post) and the number of checks made.
 * A line that is not a log entry is PREGON_EINVAL with diag at
 * path:line:column and nothing of the file is added; PREGON_EIO when it
 * cannot be read.
 */
int pregon_evaluation_read_log(pregon_evaluation *evaluation,
			       const char *log_path, pregon_diag *diag);

/* The registry, for silent and over-posting accounts, and its findings
 * (pregon_registry_check()); both borrowed until the evaluation is freed. */
void pregon_evaluation_set_registry(pregon_evaluation *evaluation,
				    const pregon_registry *registry,
				    const pregon_report *findings);

/* Every post the evaluation was given, in the period or not (the
 * repository's, then the log's), for pregon_registry_check(); borrowed
 * until the evaluation is freed or given more. */
const pregon_post_ref *pregon_evaluation_posts(const pregon_evaluation *evaluation,
					       size_t *out_n);

/* The report as one self-contained HTML page in Spanish (inline SVG
 * charts, no scripts, fonts or other files; printable and readable on a
 * phone), or as JSON with the same data.  The caller frees either with
 * free(). */
char *pregon_evaluation_format_html(const pregon_evaluation *evaluation);
char *pregon_evaluation_format_json(const pregon_evaluation *evaluation);

/* The formatter with this --format name ("text", "json", "sarif"...), or
 * NULL; the names in order through pregon_format_names(), NULL-terminated. */
typedef char *(*pregon_format_fn)(const pregon_report *const *reports,
				  size_t n, const pregon_format_options *opts);
pregon_format_fn pregon_format_find(const char *name);
const char *const *pregon_format_names(void);

/* Today for a client: PREGON_TODAY when it is a valid date (for tests),
 * else Tijuana's date, as "YYYY-MM-DD" into out[11]. */
void pregon_today_or_env(char out[11]);

#ifdef __cplusplus
}
#endif

#endif
