/* eval_comments.c: `pregon comments` on the labelled real tweets of HatEval
 * 2019, Spanish part (../shared/corpus/offensive-es-hateval2019, 6,569
 * tweets about women and immigrants labelled hate speech HS and aggressive
 * AG).  The command runs as a user runs it, on the corpus file itself (JSON
 * lines with `id` and `text`); its verdicts are compared with two sets of
 * labels.
 *
 * HatEval's own:
 *   recall      the aggressive tweets (AG) marked to block;
 *   precision   the marked tweets that are aggressive;
 *   clean rate  the tweets labelled neither hateful nor aggressive marked.
 *
 * HatEval marks aggression only against women and immigrants, while
 * criterion XII blocks insults to anyone, so tests/comments/anotacion-xii.tsv
 * labels a random sample (650 ids) by that criterion; against it:
 *   recall and precision of the marks against the criterion;
 *   benign rate  the HS=0 tweets that insult nobody, marked;
 *   and the share of HS=0 tweets that do insult someone, which bounds what
 *   the clean rate can be for a command that follows the criterion.
 *
 * Bars: MIN_AG % of AG marked; MAX_BENIGN % of the benign ones marked and
 * MIN_XII_RECALL / MIN_XII_PRECISION against the criterion; the clean rate
 * at most MAX_CLEAN %, a ceiling against regressions (docs/comentarios.md
 * says why it cannot be 10 %).
 *
 *   eval_comments PREGON ANNOTATION
 *
 * Without the corpus the test is skipped with a notice, unless
 * PREGON_REQUIRE_ALL=1 (CI), where that is a failure. */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "support.h"

#define HATEVAL_FOLDER "offensive-es-hateval2019"

#define MIN_AG 50.0
#define MAX_CLEAN 28.0
#define MAX_BENIGN 10.0
#define MIN_XII_RECALL 60.0
#define MIN_XII_PRECISION 70.0

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

/* What the corpus and the command say of each tweet, by id. */
typedef struct {
	int hs, ag, marked;
} verdict;

typedef struct {
	size_t n, marked, ag, ag_marked, clean, clean_marked;
} hateval_counts;

/* What the walk over the corpus needs and counts. */
typedef struct {
	json_t *verdicts, *by_id;
	hateval_counts c;
} walk;

/* One tweet beside the command's verdict on it: HatEval's counts, and
 * by_id (id -> [hs, ag, marked]) for the annotation. */
static int walk_post(void *ctx, const test_source *src, json_t *post,
		     const char *text, int line)
{
	(void)src;
	(void)text;
	walk *w = ctx;
	hateval_counts *c = &w->c;
	json_t *v = json_array_get(w->verdicts, c->n++);
	const char *id = json_string_value(json_object_get(post, "id"));
	const char *vid = json_string_value(json_object_get(v, "id"));
	if (!id || !vid || strcmp(id, vid) != 0) {
		printf("comentarios: la salida no sigue al corpus en la línea %d\n", line);
		return 1;
	}
	json_t *labels = json_object_get(post, "labels");
	verdict x = {
		(int)json_integer_value(json_object_get(labels, "HS")),
		(int)json_integer_value(json_object_get(labels, "AG")),
		strcmp(json_string_value(json_object_get(v, "action")), "block") == 0,
	};
	c->marked += (size_t)x.marked;
	if (x.ag) {
		c->ag++;
		c->ag_marked += (size_t)x.marked;
	} else if (!x.hs) {
		c->clean++;
		c->clean_marked += (size_t)x.marked;
	}
	/* the rules that marked it, each once */
	json_t *rules = json_array();
	json_t *reason;
	size_t k;
	json_array_foreach(json_object_get(v, "reasons"), k, reason) {
		json_t *rule = json_object_get(reason, "rule");
		int seen = 0;
		for (size_t j = 0; j < json_array_size(rules) && !seen; j++)
			seen = json_equal(json_array_get(rules, j), rule);
		if (!seen)
			json_array_append(rules, rule);
	}
	json_object_set_new(w->by_id, id, json_pack("[iiio]", x.hs, x.ag, x.marked, rules));
	return 0;
}

/* The marks against the criterion-XII labels of one sample, or all. */
typedef struct {
	size_t tp, fp, fn, hs0, hs0_insulting, benign, benign_marked;
} xii_counts;

static double pct(size_t a, size_t b)
{
	return b ? 100.0 * (double)a / (double)b : 0;
}

static void print_xii(const char *what, const xii_counts *x)
{
	double share = pct(x->hs0_insulting, x->hs0) / 100.0;
	double half = x->hs0 ? 196.0 * sqrt(share * (1 - share) / (double)x->hs0) : 0;
	printf("  %s: exhaustividad %.1f%%, precisión %.1f%%; HS=0 que insultan: "
	       "%zu de %zu (%.1f%% ± %.1f); HS=0 que no insultan marcados: %zu de %zu (%.1f%%)\n",
	       what, pct(x->tp, x->tp + x->fn), pct(x->tp, x->tp + x->fp),
	       x->hs0_insulting, x->hs0, 100 * share, half, x->benign_marked,
	       x->benign, pct(x->benign_marked, x->benign));
}

static void count_xii(xii_counts *x, int insults, const verdict *v)
{
	x->tp += (size_t)(insults && v->marked);
	x->fn += (size_t)(insults && !v->marked);
	x->fp += (size_t)(!insults && v->marked);
	if (!v->hs) {
		x->hs0++;
		x->hs0_insulting += (size_t)insults;
		x->benign += (size_t)!insults;
		x->benign_marked += (size_t)(!insults && v->marked);
	}
}

/* Reads the annotation (id TAB 0|1 TAB sample; # comments) and checks its
 * bars; 0, or 1 after a message. */
static int check_annotation(const char *path, json_t *by_id)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		printf("comentarios: no se puede leer %s\n", path);
		return 1;
	}
	xii_counts all = { 0 }, held_out = { 0 };
	json_t *benign_rules = json_object(); /* rule -> harmless tweets it marks */
	char *line = NULL;
	size_t cap = 0;
	int lineno = 0, failed = 0;
	while (!failed && getline(&line, &cap, f) > 0) {
		lineno++;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		char id[128], sample[8];
		int insults;
		json_t *v;
		if (sscanf(line, "%127[^\t]\t%d\t%7s", id, &insults, sample) != 3 ||
		    (insults != 0 && insults != 1) || !(v = json_object_get(by_id, id))) {
			printf("%s:%d: línea no válida o id que no está en el corpus\n", path, lineno);
			failed = 1;
			break;
		}
		verdict x = { (int)json_integer_value(json_array_get(v, 0)),
			      (int)json_integer_value(json_array_get(v, 1)),
			      (int)json_integer_value(json_array_get(v, 2)) };
		count_xii(&all, insults, &x);
		if (strcmp(sample, "C") == 0)
			count_xii(&held_out, insults, &x);
		json_t *rule;
		size_t k;
		json_array_foreach(!x.hs && !insults ? json_array_get(v, 3) : NULL, k, rule) {
			const char *r = json_string_value(rule);
			json_int_t n = json_integer_value(json_object_get(benign_rules, r));
			json_object_set_new(benign_rules, r, json_integer(n + 1));
		}
	}
	free(line);
	fclose(f);
	if (failed) {
		json_decref(benign_rules);
		return 1;
	}
	printf("comentarios: frente al criterio XII (%s)\n", path);
	print_xii("toda la muestra", &all);
	print_xii("muestra C, no usada para ajustar", &held_out);
	/* where to look first when the harmless ones marked grow */
	printf("  reglas que marcan los HS=0 que no insultan:");
	const char *r;
	json_t *n;
	json_object_foreach(benign_rules, r, n)
		printf(" %s %lld", r, (long long)json_integer_value(n));
	printf("\n");
	json_decref(benign_rules);
	double recall = pct(all.tp, all.tp + all.fn), precision = pct(all.tp, all.tp + all.fp),
	       benign = pct(all.benign_marked, all.benign);
	printf("  mínimos: exhaustividad %.0f%%, precisión %.0f%%; techo de HS=0 que no insultan "
	       "marcados %.0f%%\n", MIN_XII_RECALL, MIN_XII_PRECISION, MAX_BENIGN);
	return recall < MIN_XII_RECALL || precision < MIN_XII_PRECISION || benign > MAX_BENIGN;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "uso: eval_comments PREGON ANOTACION\n");
		return 2;
	}
	const char *corpus = getenv("PREGON_CORPUS");
	if (!corpus || !*corpus)
		corpus = "../shared/corpus";
	char posts[4096];
	snprintf(posts, sizeof posts, "%s/" HATEVAL_FOLDER "/posts.jsonl", corpus);
	struct stat st;
	if (stat(posts, &st) != 0) {
		printf("comentarios: %s no existe; se omite la medición%s\n", posts,
		       test_require_all() ? " (PREGON_REQUIRE_ALL=1: falla)" : "");
		return test_require_all() ? 1 : 0;
	}
	json_t *out = run_command(argv[1], posts);
	if (!out)
		return 1;
	static const test_source hateval = { HATEVAL_FOLDER, NULL, 0 };
	walk w = { json_object_get(out, "comments"), json_object(), { 0 } };
	json_t *by_id = w.by_id;
	int failed = test_each_post(corpus, &hateval, walk_post, &w);
	if (!failed && w.c.n != json_array_size(w.verdicts)) {
		printf("comentarios: %zu comentarios en la salida, %zu en el corpus\n",
		       json_array_size(w.verdicts), w.c.n);
		failed = 1;
	}
	const hateval_counts c = w.c;
	if (!failed) {
		double recall = pct(c.ag_marked, c.ag), clean = pct(c.clean_marked, c.clean);
		printf("comentarios: HatEval 2019: %zu comentarios, %zu marcados para bloquear\n",
		       c.n, c.marked);
		printf("  agresivos (AG) marcados: %zu de %zu (exhaustividad %.1f%%, mínimo %.0f%%)\n",
		       c.ag_marked, c.ag, recall, MIN_AG);
		printf("  marcados que son AG: precisión %.1f%%\n", pct(c.ag_marked, c.marked));
		printf("  sin odio ni agresión marcados: %zu de %zu (%.1f%%, techo %.0f%%)\n",
		       c.clean_marked, c.clean, clean, MAX_CLEAN);
		failed = recall < MIN_AG || clean > MAX_CLEAN;
		failed |= check_annotation(argv[2], by_id);
	}
	json_decref(by_id);
	json_decref(out);
	return failed;
}
