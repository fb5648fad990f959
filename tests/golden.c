/* golden.c: data-driven tests.  Every tests/golden/<dir>/<case>.md (or .txt)
 * is checked with the default rule sets (plus the folder's .pregon.yaml when
 * there is one) and its JSON report compared with <case>.expected.json.  A
 * case that pregon must refuse (bad UTF-8, broken front matter) expects
 * {"error": "..."} with the formatted diagnostic.  The cases of a folder are
 * one batch, checked in name order, as the files of one run are.  All cases run in one
 * process, so `make valgrind` stays fast.
 *
 *   golden DIR            run every case, print a unified diff per failure
 *   golden --update DIR   rewrite the expected files from the output
 */
#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pregon.h"

typedef struct {
	char *config; /* path of the folder's .pregon.yaml, or "" */
	pregon_engine *engine;
} engine_slot;

static engine_slot engines[64];
static size_t n_engines;

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 4096, n = 0, k;
	char *p = malloc(cap + 1);
	while (p && (k = fread(p + n, 1, cap - n, f)) > 0) {
		n += k;
		if (n == cap)
			p = realloc(p, (cap *= 2) + 1);
	}
	fclose(f);
	if (!p)
		abort();
	p[n] = '\0';
	*len = n;
	return p;
}

static int write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	fputs(text, f);
	return fclose(f);
}

static pregon_engine *engine_for(const char *dir)
{
	char cfg[4096];
	struct stat st;
	snprintf(cfg, sizeof cfg, "%s/.pregon.yaml", dir);
	const char *key = stat(cfg, &st) == 0 ? cfg : "";
	for (size_t i = 0; i < n_engines; i++)
		if (strcmp(engines[i].config, key) == 0)
			return engines[i].engine;
	pregon_engine_options o = { 0 };
	o.config_path = *key ? key : NULL;
	pregon_diag d;
	pregon_diag_init(&d);
	pregon_engine *e = NULL;
	if (pregon_engine_new(&e, &o, &d)) {
		char *msg = pregon_diag_format(&d);
		fprintf(stderr, "golden: %s", msg);
		free(msg);
		pregon_diag_dispose(&d);
		exit(1); /* every case would fail the same way */
	}
	if (n_engines == sizeof engines / sizeof *engines)
		abort();
	engines[n_engines].config = strdup(key);
	engines[n_engines++].engine = e;
	return e;
}

/* The case's report as indented JSON (the same document `--format json`
 * prints, re-indented so that diffs read line by line). */
static char *actual_json(const char *path, const char *dir, pregon_batch *batch)
{
	pregon_engine *e = engine_for(dir);
	if (!e)
		return NULL;
	size_t len;
	char *input = slurp(path, &len);
	if (!input)
		return NULL;
	size_t n = strlen(path);
	pregon_check_options o = { 0 };
	o.today = "2026-01-15";
	o.batch = batch;
	o.plain_text = n > 4 && strcmp(path + n - 4, ".txt") == 0;
	pregon_report *r = NULL;
	pregon_diag d;
	pregon_diag_init(&d);
	char *out;
	if (pregon_check(&r, e, path, input, len, &o, &d)) {
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
			out = json_dumps(j, JSON_INDENT(2));
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

static int run_case(const char *path, const char *dir, pregon_batch *batch,
		    int update)
{
	char expected_path[4096];
	const char *dot = strrchr(path, '.');
	snprintf(expected_path, sizeof expected_path, "%.*s.expected.json",
		 (int)(dot - path), path);
	char *actual = actual_json(path, dir, batch);
	if (!actual) {
		printf("FALLA %s: no se pudo revisar\n", path);
		return 1;
	}
	int failed = 0;
	if (update) {
		if (write_file(expected_path, actual)) {
			printf("FALLA %s: no se pudo escribir %s\n", path, expected_path);
			failed = 1;
		}
	} else {
		size_t len;
		char *expected = slurp(expected_path, &len);
		if (!expected) {
			printf("FALLA %s: falta %s (ejecute con --update)\n", path,
			       expected_path);
			failed = 1;
		} else if (strcmp(expected, actual) != 0) {
			printf("FALLA %s\n", path);
			fflush(stdout);
			show_diff(expected_path, actual);
			failed = 1;
		}
		free(expected);
	}
	free(actual);
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

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Cases in sorted order, folder by folder. */
static void walk(const char *dir, int update, int *total, int *failed)
{
	DIR *d = opendir(dir);
	if (!d) {
		printf("FALLA %s: no se puede abrir\n", dir);
		(*failed)++;
		return;
	}
	char **names = NULL;
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		names = realloc(names, (n + 1) * sizeof *names);
		size_t len = strlen(dir) + strlen(e->d_name) + 2;
		names[n] = malloc(len);
		snprintf(names[n++], len, "%s/%s", dir, e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof *names, by_name);
	pregon_batch *batch = pregon_batch_new();
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		const char *base = strrchr(names[i], '/') + 1;
		if (stat(names[i], &st) == 0 && S_ISDIR(st.st_mode))
			walk(names[i], update, total, failed);
		else if (is_case(base)) {
			(*total)++;
			*failed += run_case(names[i], dir, batch, update);
		}
		free(names[i]);
	}
	pregon_batch_free(batch);
	free(names);
}

int main(int argc, char **argv)
{
	int update = argc > 1 && strcmp(argv[1], "--update") == 0;
	const char *dir = argc > 1 + update ? argv[1 + update] : "tests/golden";
	pregon_i18n_init(NULL, PREGON_LANG_ES);
	int total = 0, failed = 0;
	walk(dir, update, &total, &failed);
	for (size_t i = 0; i < n_engines; i++) {
		pregon_engine_free(engines[i].engine);
		free(engines[i].config);
	}
	printf("golden: %d casos, %d fallidos%s\n", total, failed,
	       update ? " (esperados reescritos)" : "");
	return failed || total == 0 ? 1 : 0;
}
