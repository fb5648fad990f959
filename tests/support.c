/* support.c: what the test programs share. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "support.h"

char *test_slurp(const char *path, size_t *len)
{
	char *text = NULL;
	pregon_diag d;
	pregon_diag_init(&d);
	if (read_file(path, &text, len, &d))
		text = NULL;
	pregon_diag_dispose(&d);
	return text;
}

int test_require_all(void)
{
	const char *v = getenv("PREGON_REQUIRE_ALL");
	return v && strcmp(v, "1") == 0;
}

pregon_engine *test_engine(const char *config, const char *who)
{
	pregon_engine_options o = { 0 };
	o.config_path = config;
	pregon_engine *e = NULL;
	pregon_diag d;
	pregon_diag_init(&d);
	if (pregon_engine_new(&e, &o, &d)) {
		char *m = pregon_diag_format(&d);
		fprintf(stderr, "%s: %s", who, m);
		free(m);
		e = NULL;
	}
	pregon_diag_dispose(&d);
	return e;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **test_list_dir(const char *dir, size_t *n)
{
	*n = 0;
	DIR *d = opendir(dir);
	if (!d)
		return NULL;
	char **names = NULL;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		names = realloc(names, (*n + 1) * sizeof *names);
		size_t len = strlen(dir) + strlen(e->d_name) + 2;
		names[*n] = malloc(len);
		if (!names || !names[*n])
			abort();
		snprintf(names[(*n)++], len, "%s/%s", dir, e->d_name);
	}
	closedir(d);
	if (*n)
		qsort(names, *n, sizeof *names, by_name);
	return names ? names : calloc(1, sizeof *names);
}

const test_source test_gov_sources[] = {
	{ "gov-mx-tecate-comunicados", NULL, 1 },
	{ "gov-mx-twitter-2024-25", NULL, 1 },
	{ "gov-mx-federal-twitter-2020", NULL, 0 },
	{ "gov-presidents-tuits-seguridad", "MX", 1 },
};
const size_t test_n_gov_sources = sizeof test_gov_sources / sizeof *test_gov_sources;

int test_each_post(const char *corpus, const test_source *src, test_post_fn fn,
		   void *ctx)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s/posts.jsonl", corpus, src->folder);
	FILE *f = fopen(path, "r");
	if (!f) {
		printf("corpus: no se puede leer %s\n", path);
		return 1;
	}
	char *line = NULL;
	size_t cap = 0;
	int lineno = 0, rc = 0;
	while (rc == 0 && getline(&line, &cap, f) > 0) {
		lineno++;
		json_error_t err;
		json_t *post = json_loads(line, 0, &err);
		const char *text = json_string_value(json_object_get(post, "text"));
		const char *country = json_string_value(json_object_get(post, "country"));
		if (!text) {
			printf("corpus: %s:%d: registro sin texto\n", path, lineno);
			rc = 1;
		} else if (!src->country || (country && strcmp(country, src->country) == 0)) {
			rc = fn(ctx, src, post, text, lineno);
		}
		json_decref(post);
	}
	free(line);
	fclose(f);
	return rc;
}
