/* eval_comments.c: `pregon comments` on the labelled real tweets of HatEval
 * 2019, Spanish part (../shared/corpus/offensive-es-hateval2019, 6,569
 * tweets about women and immigrants labelled hate speech HS and aggressive
 * AG).  The command runs as a user runs it, on the corpus file itself (JSON
 * lines with `id` and `text`); its verdicts are compared with the labels:
 *
 *   recall      the aggressive tweets (AG) marked to block;
 *   precision   the marked tweets that are aggressive;
 *   clean rate  the tweets labelled neither hateful nor aggressive marked.
 *
 * Bars: at least MIN_AG % of AG marked, at most MAX_CLEAN % of the clean
 * ones (see docs/comentarios.md for why the clean rate is what it is: many
 * of those tweets insult a person all the same).
 *
 *   eval_comments PREGON
 *
 * Without the corpus the test is skipped with a notice, unless
 * PREGON_REQUIRE_ALL=1 (CI), where that is a failure. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "support.h"

#define MIN_AG 50.0
#define MAX_CLEAN 30.0

/* The command's output for the corpus file, parsed; NULL on failure. */
static json_t *run_command(const char *pregon, const char *posts)
{
	char cmd[8192];
	snprintf(cmd, sizeof cmd, "'%s' comments --format json '%s'", pregon, posts);
	FILE *p = popen(cmd, "r");
	if (!p)
		return NULL;
	json_error_t err;
	json_t *out = json_loadf(p, 0, &err);
	int status = pclose(p);
	/* 1: some comment to block, as expected here */
	if (!out || !WIFEXITED(status) || WEXITSTATUS(status) != 1) {
		printf("comentarios: %s falló (%s)\n", cmd, out ? "estado" : err.text);
		json_decref(out);
		return NULL;
	}
	return out;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "uso: eval_comments PREGON\n");
		return 2;
	}
	const char *corpus = getenv("PREGON_CORPUS");
	if (!corpus || !*corpus)
		corpus = "../shared/corpus";
	char posts[4096];
	snprintf(posts, sizeof posts, "%s/offensive-es-hateval2019/posts.jsonl", corpus);
	struct stat st;
	if (stat(posts, &st) != 0) {
		printf("comentarios: %s no existe; se omite la medición%s\n", posts,
		       test_require_all() ? " (PREGON_REQUIRE_ALL=1: falla)" : "");
		return test_require_all() ? 1 : 0;
	}
	json_t *out = run_command(argv[1], posts);
	if (!out)
		return 1;
	json_t *verdicts = json_object_get(out, "comments");
	FILE *f = fopen(posts, "r");
	char *line = NULL;
	size_t cap = 0, i = 0;
	size_t ag = 0, ag_marked = 0, clean = 0, clean_marked = 0, marked = 0;
	int failed = !f;
	while (f && getline(&line, &cap, f) > 0) {
		json_error_t err;
		json_t *post = json_loads(line, 0, &err);
		json_t *v = json_array_get(verdicts, i++);
		const char *id = json_string_value(json_object_get(post, "id"));
		const char *vid = json_string_value(json_object_get(v, "id"));
		if (!id || !vid || strcmp(id, vid) != 0) {
			printf("comentarios: la salida no sigue al corpus en %zu\n", i);
			failed = 1;
			json_decref(post);
			break;
		}
		json_t *labels = json_object_get(post, "labels");
		int hs = (int)json_integer_value(json_object_get(labels, "HS"));
		int is_ag = (int)json_integer_value(json_object_get(labels, "AG"));
		int m = strcmp(json_string_value(json_object_get(v, "action")), "block") == 0;
		marked += (size_t)m;
		if (is_ag) {
			ag++;
			ag_marked += (size_t)m;
		} else if (!hs) {
			clean++;
			clean_marked += (size_t)m;
		}
		json_decref(post);
	}
	free(line);
	if (f)
		fclose(f);
	if (!failed && i != json_array_size(verdicts)) {
		printf("comentarios: %zu comentarios en la salida, %zu en el corpus\n",
		       json_array_size(verdicts), i);
		failed = 1;
	}
	if (!failed) {
		double recall = ag ? 100.0 * (double)ag_marked / (double)ag : 0;
		double precision = marked ? 100.0 * (double)ag_marked / (double)marked : 0;
		double clean_pct = clean ? 100.0 * (double)clean_marked / (double)clean : 0;
		printf("comentarios: HatEval 2019: %zu comentarios, %zu marcados para bloquear\n",
		       i, marked);
		printf("  agresivos (AG) marcados: %zu de %zu (exhaustividad %.1f%%, mínimo %.0f%%)\n",
		       ag_marked, ag, recall, MIN_AG);
		printf("  marcados que son AG: precisión %.1f%%\n", precision);
		printf("  sin odio ni agresión marcados: %zu de %zu (%.1f%%, techo %.0f%%)\n",
		       clean_marked, clean, clean_pct, MAX_CLEAN);
		failed = recall < MIN_AG || clean_pct > MAX_CLEAN;
	}
	json_decref(out);
	return failed;
}
