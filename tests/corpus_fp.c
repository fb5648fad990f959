/* corpus_fp.c: how often the default rules speak up on real posts that
 * Mexican government accounts published (../shared/corpus, 3,119 posts).
 * Those posts went out, so every finding on them is at best a debatable
 * call: the rate per rule is the false-alarm budget, and this test fails when
 * a rule goes over the ceiling written here (see the README's table).
 *
 *   corpus_fp                 check the ceilings
 *   corpus_fp --show RULE     print the posts RULE flags, for tuning
 *
 * The corpus is not part of the project: without it the test is skipped with
 * a notice, unless PREGON_REQUIRE_ALL=1 (CI), where that is a failure. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "pregon.h"

/* Ceilings: percentage of posts a rule may flag. */
static const struct {
	const char *rule;
	double max_pct;
} ceilings[] = {
	{ "estilo.mayusculas-sostenidas", 3.0 },
	{ "estilo.palabra-duplicada", 0.5 },
	{ "estilo.signos-repetidos", 3.0 },
	{ "estilo.emoji-repetidos", 2.0 },
	{ "estilo.ortografia-frecuente", 1.0 },
	{ "estilo.espacio-antes-de-signo", 1.0 },
	{ "estilo.interrogacion-de-apertura", 1.5 },
	{ "estilo.exclamacion-de-apertura", 3.0 },
};

/* The Mexican government posts: folder and, where the folder mixes
 * countries, the one to keep. */
static const struct {
	const char *folder;
	const char *country;
} sources[] = {
	{ "gov-mx-tecate-comunicados", NULL },
	{ "gov-mx-twitter-2024-25", NULL },
	{ "gov-mx-federal-twitter-2020", NULL },
	{ "gov-presidents-tuits-seguridad", "MX" },
};

typedef struct {
	char *id;
	size_t posts;
} tally;

static tally tallies[256];
static size_t n_tallies;

static void count_rule(const char *id)
{
	for (size_t i = 0; i < n_tallies; i++)
		if (strcmp(tallies[i].id, id) == 0) {
			tallies[i].posts++;
			return;
		}
	if (n_tallies < sizeof tallies / sizeof *tallies) {
		tallies[n_tallies].id = strdup(id);
		tallies[n_tallies++].posts = 1;
	}
}

static int require_all(void)
{
	const char *v = getenv("PREGON_REQUIRE_ALL");
	return v && strcmp(v, "1") == 0;
}

int main(int argc, char **argv)
{
	const char *show = argc > 2 && strcmp(argv[1], "--show") == 0 ? argv[2] : NULL;
	const char *corpus = getenv("PREGON_CORPUS");
	if (!corpus || !*corpus)
		corpus = "../shared/corpus";
	struct stat st;
	if (stat(corpus, &st) != 0 || !S_ISDIR(st.st_mode)) {
		printf("corpus: %s no existe; se omite la medición de falsas alarmas%s\n",
		       corpus, require_all() ? " (PREGON_REQUIRE_ALL=1: falla)" : "");
		return require_all() ? 1 : 0;
	}
	pregon_i18n_init(NULL, PREGON_LANG_ES);
	pregon_engine *e = NULL;
	pregon_diag d;
	pregon_diag_init(&d);
	if (pregon_engine_new(&e, NULL, &d)) {
		char *m = pregon_diag_format(&d);
		fprintf(stderr, "corpus: %s", m);
		free(m);
		pregon_diag_dispose(&d);
		return 1;
	}
	size_t total = 0;
	int failed = 0;
	for (size_t s = 0; s < sizeof sources / sizeof *sources && !failed; s++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s/posts.jsonl", corpus, sources[s].folder);
		FILE *f = fopen(path, "r");
		if (!f) {
			printf("corpus: no se puede leer %s\n", path);
			failed = 1;
			break;
		}
		char *line = NULL;
		size_t cap = 0;
		int lineno = 0;
		while (getline(&line, &cap, f) > 0) {
			lineno++;
			json_error_t err;
			json_t *post = json_loads(line, 0, &err);
			const char *text = json_string_value(json_object_get(post, "text"));
			const char *country = json_string_value(json_object_get(post, "country"));
			if (!text) {
				printf("corpus: %s:%d: registro sin texto\n", path, lineno);
				failed = 1;
				json_decref(post);
				break;
			}
			if (sources[s].country &&
			    (!country || strcmp(country, sources[s].country) != 0)) {
				json_decref(post);
				continue;
			}
			total++;
			pregon_check_options o = { 0 };
			o.today = "2026-01-15";
			o.plain_text = 1;
			pregon_report *r = NULL;
			if (pregon_check(&r, e, "-", text, strlen(text), &o, &d) == 0) {
				/* each rule counts once per post */
				for (size_t i = 0; i < r->n_findings; i++) {
					int seen = 0;
					for (size_t k = 0; k < i && !seen; k++)
						seen = strcmp(r->findings[k].rule, r->findings[i].rule) == 0;
					if (!seen)
						count_rule(r->findings[i].rule);
					if (show && strcmp(show, r->findings[i].rule) == 0)
						printf("%s:%d: «%s» en: %s\n", sources[s].folder, lineno,
						       r->findings[i].text, text);
				}
			}
			pregon_report_free(r);
			pregon_diag_dispose(&d);
			json_decref(post);
		}
		free(line);
		fclose(f);
	}
	if (!show && !failed) {
		printf("corpus: %zu publicaciones de gobierno de México\n", total);
		printf("  %-36s %9s %8s %8s\n", "regla", "marcadas", "%", "techo");
		for (size_t c = 0; c < sizeof ceilings / sizeof *ceilings; c++) {
			size_t posts = 0;
			for (size_t i = 0; i < n_tallies; i++)
				if (strcmp(tallies[i].id, ceilings[c].rule) == 0)
					posts = tallies[i].posts;
			double pct = total ? 100.0 * (double)posts / (double)total : 0;
			int over = pct > ceilings[c].max_pct;
			printf("  %-36s %9zu %7.2f%% %7.2f%%%s\n", ceilings[c].rule, posts,
			       pct, ceilings[c].max_pct, over ? "  SUPERA EL TECHO" : "");
			failed |= over;
		}
		for (size_t i = 0; i < n_tallies; i++) {
			int known = 0;
			for (size_t c = 0; c < sizeof ceilings / sizeof *ceilings && !known; c++)
				known = strcmp(tallies[i].id, ceilings[c].rule) == 0;
			if (!known) {
				printf("  %-36s %9zu  sin techo definido\n", tallies[i].id,
				       tallies[i].posts);
				failed = 1;
			}
		}
		if (total != 3119) {
			printf("corpus: se esperaban 3119 publicaciones\n");
			failed = 1;
		}
	}
	for (size_t i = 0; i < n_tallies; i++)
		free(tallies[i].id);
	pregon_engine_free(e);
	return failed;
}
