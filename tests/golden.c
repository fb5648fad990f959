/* golden.c: data-driven tests.  Every tests/golden/<dir>/<case>.md (or .txt)
 * is checked with the default rule sets (plus the folder's .pregon.yaml when
 * there is one) and its JSON report compared with <case>.expected.json.  A
 * case that pregon must refuse (bad UTF-8, broken front matter) expects
 * {"error": "..."} with the formatted diagnostic.  The cases of a folder
 * with a `.lote` file are one batch, checked in name order, as the files of
 * one run are (for the rules that compare files); elsewhere each case stands
 * alone.  All cases run in one
 * process, so `make valgrind` stays fast.
 *
 *   golden DIR            run every case, print a unified diff per failure
 *   golden --update DIR   rewrite the expected files from the output
 *   golden --leaks DIR..  run every case (and draft) through every output
 *                         format and fail if a datum that a personal-data
 *                         rule found appears unmasked in any of them; a
 *                         folder without .pregon.yaml uses its parent's
 *   golden --formats [--update] DIR
 *                         also compare every format of formats[] that has
 *                         a suffix with <case>.expected.SUFFIX
 *   golden --emit FORMAT OUT DIR..
 *                         write FORMAT's output of every case to OUT/N.json
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pregon.h"
#include "support.h"

typedef struct {
	char *config; /* path of the folder's .pregon.yaml, or "" */
	pregon_engine *engine;
} engine_slot;

static engine_slot engines[64];
static size_t n_engines;

static int write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	fputs(text, f);
	return fclose(f);
}

/* --leaks: drafts like examples/borradores take the configuration of the
 * folder above them. */
static int config_from_parent;

static pregon_engine *engine_for(const char *dir)
{
	char cfg[4096];
	struct stat st;
	snprintf(cfg, sizeof cfg, "%s/.pregon.yaml", dir);
	if (config_from_parent && stat(cfg, &st) != 0)
		snprintf(cfg, sizeof cfg, "%s/../.pregon.yaml", dir);
	const char *key = stat(cfg, &st) == 0 ? cfg : "";
	for (size_t i = 0; i < n_engines; i++)
		if (strcmp(engines[i].config, key) == 0)
			return engines[i].engine;
	pregon_engine *e = test_engine(*key ? key : NULL, "golden");
	if (!e)
		exit(1); /* every case would fail the same way */
	if (n_engines == sizeof engines / sizeof *engines)
		abort();
	engines[n_engines].config = strdup(key);
	engines[n_engines++].engine = e;
	return e;
}

/* The batch of the folder being walked when its cases are one run. */
static pregon_batch *folder_batch;

/* Check one case with its folder's engine: 0 with *out the report (NULL
 * when pregon refused the input; *diag says why), or -1 when the case could
 * not be read.  The caller frees *input after the report. */
static int check_case(const char *path, const char *dir, char **input,
		      pregon_report **out, pregon_diag *diag)
{
	*out = NULL;
	pregon_engine *e = engine_for(dir);
	size_t len;
	*input = e ? test_slurp(path, &len) : NULL;
	if (!*input)
		return -1;
	size_t n = strlen(path);
	pregon_check_options o = { 0 };
	o.today = "2026-01-15";
	o.plain_text = n > 4 && strcmp(path + n - 4, ".txt") == 0;
	o.batch = folder_batch;
	pregon_check(out, e, path, *input, len, &o, diag);
	return 0;
}

/* The case's report as indented JSON (the same document `--format json`
 * prints, re-indented so that diffs read line by line). */
static char *actual_json(const char *path, const char *dir)
{
	char *input;
	pregon_report *r = NULL;
	pregon_diag d;
	pregon_diag_init(&d);
	if (check_case(path, dir, &input, &r, &d))
		return NULL;
	char *out;
	if (!r) {
		char *msg = pregon_diag_format(&d);
		json_t *j = json_pack("{s:s}", "error", msg);
		out = json_dumps(j, JSON_INDENT(2));
		json_decref(j);
		free(msg);
	} else {
		const pregon_report *one[1] = { r };
		pregon_format_options fo = { 0 };
		char *compact = pregon_format_json(one, 1, &fo);
		json_error_t err;
		json_t *j = json_loads(compact, 0, &err);
		if (!j) {
			fprintf(stderr, "golden: %s: el JSON del informe no es válido: %s\n",
				path, err.text);
			out = NULL;
		} else {
			/* figures with the report's precision */
			out = json_dumps(j, JSON_INDENT(2) | JSON_REAL_PRECISION(6));
			json_decref(j);
		}
		free(compact);
	}
	pregon_diag_dispose(&d);
	pregon_report_free(r);
	free(input);
	if (out) {
		size_t k = strlen(out);
		out = realloc(out, k + 2);
		out[k] = '\n';
		out[k + 1] = '\0';
	}
	return out;
}

/* Every output format, the one place to extend when a format is added.
 * `suffix` names the expected file of --formats (<case>.expected.SUFFIX);
 * NULL leaves the variant to the leak test only. */
static const struct {
	const char *name;
	char *(*format)(const pregon_report *const *, size_t,
			const pregon_format_options *);
	int color;
	pregon_column_unit unit;
	const char *suffix;
} formats[] = {
	{ "text", pregon_format_text, 0, PREGON_COLUMN_CHAR, "txt" },
	{ "text --color", pregon_format_text, 1, PREGON_COLUMN_CHAR, NULL },
	{ "json", pregon_format_json, 0, PREGON_COLUMN_CHAR, NULL }, /* .expected.json */
	{ "sarif", pregon_format_sarif, 0, PREGON_COLUMN_CHAR, "sarif.json" },
	{ "github", pregon_format_github, 0, PREGON_COLUMN_CHAR, "github" },
	{ "github --column-unit utf16", pregon_format_github, 0, PREGON_COLUMN_UTF16, NULL },
	{ "github summary", pregon_format_github_summary, 0, PREGON_COLUMN_CHAR, "summary.md" },
	{ "rdjson", pregon_format_rdjson, 0, PREGON_COLUMN_CHAR, "rdjson.json" },
	{ "checkstyle", pregon_format_checkstyle, 0, PREGON_COLUMN_CHAR, "checkstyle.xml" },
	{ "gitlab", pregon_format_gitlab, 0, PREGON_COLUMN_CHAR, "gitlab.json" },
	{ "line", pregon_format_line, 0, PREGON_COLUMN_CHAR, "line" },
	{ "line --column-unit byte", pregon_format_line, 0, PREGON_COLUMN_BYTE, "line-byte" },
	{ "line --column-unit utf16", pregon_format_line, 0, PREGON_COLUMN_UTF16, "line-utf16" },
};

#define N_FORMATS (sizeof formats / sizeof *formats)

/* Format one report as formats[f] does on the command line.  Without
 * `dir` no engine is given: SARIF then describes each rule by its first
 * (masked) finding instead of the rule set's texts, which the leak test
 * must not count (the RFC rule's description quotes a sample RFC). */
static char *format_report(size_t f, const pregon_report *r, const char *dir)
{
	const pregon_report *one[1] = { r };
	pregon_format_options fo = { 0 };
	fo.color = formats[f].color;
	fo.column_unit = formats[f].unit;
	fo.engine = dir ? engine_for(dir) : NULL;
	return formats[f].format(one, 1, &fo);
}

/* Letters and digits of s[0..n) only: a formatter that dropped the
 * separators ("665 123 4567" -> "6651234567") would still leak. */
static char *compact(const char *s, size_t n)
{
	char *out = malloc(n + 1);
	size_t k = 0;
	if (!out)
		abort();
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		    (c >= 'A' && c <= 'Z'))
			out[k++] = (char)c;
	}
	out[k] = '\0';
	return out;
}

/* 1 when `out` shows the datum, whole, without separators, or any 8 of
 * its letters and digits in a row (the mask shows at most 6). */
static int leaks(const char *out, const char *datum, size_t n)
{
	char *whole = malloc(n + 1);
	if (!whole)
		abort();
	memcpy(whole, datum, n);
	whole[n] = '\0';
	int leak = strstr(out, whole) != NULL;
	char *d = compact(datum, n), *o = compact(out, strlen(out));
	size_t dn = strlen(d);
	for (size_t i = 0; !leak && dn >= 8 && i + 8 <= dn; i++) {
		char window[9];
		memcpy(window, d + i, 8);
		window[8] = '\0';
		leak = strstr(o, window) != NULL;
	}
	free(whole);
	free(d);
	free(o);
	return leak;
}

static int leak_case(const char *path, const char *dir)
{
	char *input;
	pregon_report *r = NULL;
	pregon_diag d;
	pregon_diag_init(&d);
	if (check_case(path, dir, &input, &r, &d)) {
		printf("FALLA %s: no se pudo revisar\n", path);
		pregon_diag_dispose(&d);
		return 1;
	}
	int failed = 0;
	for (size_t f = 0; r && f < N_FORMATS; f++) {
		char *out = format_report(f, r, NULL);
		for (size_t k = 0; k < r->n_sensitive; k++) {
			const pregon_span *sp = &r->sensitive[k];
			if (leaks(out, input + sp->offset, sp->length)) {
				printf("FALLA %s: --format %s muestra sin máscara el dato del byte %zu\n",
				       path, formats[f].name, sp->offset);
				failed = 1;
			}
		}
		free(out);
	}
	pregon_report_free(r);
	pregon_diag_dispose(&d);
	free(input);
	return failed;
}

static int show_diff(const char *expected_path, const char *actual)
{
	char tmp[] = "/tmp/pregon-golden-XXXXXX";
	int fd = mkstemp(tmp);
	if (fd < 0)
		return -1;
	close(fd);
	write_file(tmp, actual);
	char cmd[8192];
	snprintf(cmd, sizeof cmd, "diff -u '%s' '%s'", expected_path, tmp);
	int rc = system(cmd);
	unlink(tmp);
	return rc;
}

/* Compare `actual` with the file `expected_path`, or rewrite the file. */
static int expect(const char *path, const char *expected_path,
		  const char *actual, int update)
{
	if (update) {
		if (write_file(expected_path, actual) == 0)
			return 0;
		printf("FALLA %s: no se pudo escribir %s\n", path, expected_path);
		return 1;
	}
	size_t len;
	char *expected = test_slurp(expected_path, &len);
	int failed = 1;
	if (!expected) {
		printf("FALLA %s: falta %s (ejecute con --update)\n", path,
		       expected_path);
	} else if (strcmp(expected, actual) != 0) {
		printf("FALLA %s\n", path);
		fflush(stdout);
		show_diff(expected_path, actual);
	} else {
		failed = 0;
	}
	free(expected);
	return failed;
}

/* --formats: besides the JSON, every format with a suffix is compared. */
static int formats_mode;

static int run_formats(const char *path, const char *dir, const char *stem,
		       int update)
{
	char *input;
	pregon_report *r = NULL;
	pregon_diag d;
	pregon_diag_init(&d);
	int failed = 0;
	if (check_case(path, dir, &input, &r, &d) || !r) {
		printf("FALLA %s: no se pudo revisar\n", path);
		failed = 1;
	}
	for (size_t f = 0; r && f < N_FORMATS; f++) {
		if (!formats[f].suffix)
			continue;
		char expected_path[4200];
		snprintf(expected_path, sizeof expected_path, "%s.expected.%s", stem,
			 formats[f].suffix);
		char *out = format_report(f, r, dir);
		failed |= expect(path, expected_path, out, update);
		free(out);
	}
	pregon_report_free(r);
	pregon_diag_dispose(&d);
	free(input);
	return failed;
}

static int run_case(const char *path, const char *dir, int update)
{
	char stem[4096], expected_path[4200];
	const char *dot = strrchr(path, '.');
	snprintf(stem, sizeof stem, "%.*s", (int)(dot - path), path);
	snprintf(expected_path, sizeof expected_path, "%s.expected.json", stem);
	char *actual = actual_json(path, dir);
	if (!actual) {
		printf("FALLA %s: no se pudo revisar\n", path);
		return 1;
	}
	int failed = expect(path, expected_path, actual, update);
	free(actual);
	if (formats_mode)
		failed |= run_formats(path, dir, stem, update);
	return failed;
}

/* --emit: the output of one format for every case, one file each, for the
 * schema validators (tests/schemas/run.sh). */
static size_t emit_format;
static const char *emit_dir;

static int emit_case(const char *path, const char *dir, int number)
{
	char *input;
	pregon_report *r = NULL;
	pregon_diag d;
	pregon_diag_init(&d);
	int failed = 0;
	if (check_case(path, dir, &input, &r, &d)) {
		printf("FALLA %s: no se pudo revisar\n", path);
		failed = 1;
	} else if (r) { /* a refused input has no report to format */
		char out_path[4096];
		snprintf(out_path, sizeof out_path, "%s/%04d.json", emit_dir, number);
		char *out = format_report(emit_format, r, dir);
		if (write_file(out_path, out)) {
			printf("FALLA %s: no se pudo escribir %s\n", path, out_path);
			failed = 1;
		}
		free(out);
	}
	pregon_report_free(r);
	pregon_diag_dispose(&d);
	free(input);
	return failed;
}

static int is_case(const char *name)
{
	size_t n = strlen(name);
	if (name[0] == '.' || strstr(name, ".expected."))
		return 0;
	return (n > 3 && strcmp(name + n - 3, ".md") == 0) ||
	       (n > 4 && strcmp(name + n - 4, ".txt") == 0);
}

/* Cases in sorted order, folder by folder.  `update`: 1 rewrites the
 * expectations, -1 checks for leaks instead of comparing, -2 emits. */
static void walk(const char *dir, int update, int *total, int *failed)
{
	size_t n;
	char **names = test_list_dir(dir, &n);
	if (!names) {
		printf("FALLA %s: no se puede abrir\n", dir);
		(*failed)++;
		return;
	}
	pregon_batch *outer = folder_batch;
	char marker[4096];
	snprintf(marker, sizeof marker, "%s/.lote", dir);
	struct stat lote;
	folder_batch = stat(marker, &lote) == 0 ? pregon_batch_new() : NULL;
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		const char *base = strrchr(names[i], '/') + 1;
		if (stat(names[i], &st) == 0 && S_ISDIR(st.st_mode))
			walk(names[i], update, total, failed);
		else if (is_case(base)) {
			(*total)++;
			*failed += update == -2 ? emit_case(names[i], dir, *total)
				   : update < 0 ? leak_case(names[i], dir)
						: run_case(names[i], dir, update);
		}
		free(names[i]);
	}
	free(names);
	if (folder_batch)
		pregon_batch_free(folder_batch);
	folder_batch = outer;
}

int main(int argc, char **argv)
{
	int update = 0, leak_mode = 0, emit_mode = 0, i = 1;
	for (; i < argc && strncmp(argv[i], "--", 2) == 0; i++) {
		if (strcmp(argv[i], "--update") == 0)
			update = 1;
		else if (strcmp(argv[i], "--formats") == 0)
			formats_mode = 1;
		else if (strcmp(argv[i], "--leaks") == 0)
			leak_mode = 1;
		else if (strcmp(argv[i], "--emit") == 0 && i + 2 < argc) {
			emit_mode = 1;
			while (emit_format < N_FORMATS &&
			       strcmp(formats[emit_format].name, argv[i + 1]) != 0)
				emit_format++;
			if (emit_format == N_FORMATS) {
				fprintf(stderr, "golden: formato desconocido %s\n", argv[i + 1]);
				return 2;
			}
			emit_dir = argv[i + 2];
			i += 2;
		} else {
			fprintf(stderr, "golden: opción desconocida %s\n", argv[i]);
			return 2;
		}
	}
	pregon_i18n_init(NULL, PREGON_LANG_ES);
	int total = 0, failed = 0;
	config_from_parent = leak_mode;
	int mode = emit_mode ? -2 : leak_mode ? -1 : update;
	if (i == argc)
		walk("tests/golden", mode, &total, &failed);
	for (; i < argc; i++)
		walk(argv[i], mode, &total, &failed);
	for (size_t k = 0; k < n_engines; k++) {
		pregon_engine_free(engines[k].engine);
		free(engines[k].config);
	}
	if (leak_mode)
		printf("sin fugas: %d textos en %zu formatos, %d con datos sin máscara\n",
		       total, N_FORMATS, failed);
	else if (emit_mode)
		printf("golden: %d casos escritos en %s como %s\n", total, emit_dir,
		       formats[emit_format].name);
	else
		printf("golden: %d casos, %d fallidos%s\n", total, failed,
		       update ? " (esperados reescritos)" : "");
	return failed || total == 0 ? 1 : 0;
}
