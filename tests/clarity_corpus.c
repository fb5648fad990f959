/* clarity_corpus.c: plain language measured on the real posts of Mexican
 * government accounts (../shared/corpus, the 3,119 of corpus_fp.c, of which
 * 3,117 have words).  It prints the distribution of the INFLESZ
 * perspicuity (the report's `legibilidad`), of the longest sentence of each
 * post and of the syllables per word, from which the default thresholds of
 * rules/claridad.yaml were chosen (docs/lenguaje-claro.md), and how many
 * posts each clarity rule flags with those defaults.
 *
 * It fails when a rule flags more posts than its ceiling, or when the
 * median moves away from the figure the documentation states: the
 * thresholds would then no longer say what the documentation says.
 *
 * Without the corpus the test is skipped with a notice, unless
 * PREGON_REQUIRE_ALL=1 (CI), where that is a failure. */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "pregon.h"
#include "readability.h"
#include "support.h"

#define CONFIG "tests/corpus/claridad.pregon.yaml"
/* docs/lenguaje-claro.md: the median perspicuity of the posts */
#define STATED_MEDIAN 48.7
#define MAX_POSTS 4096


/* Percentage of posts each rule may flag with its default threshold. */
static const struct {
	const char *rule;
	double max_pct;
} ceilings[] = {
	{ "claridad.legibilidad", 6.0 },
	{ "claridad.oracion-larga", 8.0 },
	{ "claridad.palabra-larga", 8.0 },
};

#define N_RULES (sizeof ceilings / sizeof *ceilings)

typedef struct {
	pregon_engine *e;
	double inflesz[MAX_POSTS], longest[MAX_POSTS];
	size_t n;            /* posts with words */
	size_t total;        /* posts */
	size_t flagged[N_RULES];
	size_t words, by_syllables[8]; /* 1..6, 7 or more at [7] */
} tally;

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double percentile(const double *v, size_t n, double p)
{
	size_t i = (size_t)(p / 100 * (double)n);
	return v[i < n ? i : n - 1];
}

static void measure(tally *t, const char *text)
{
	rd_text r;
	rd_analyze(&r, text, strlen(text));
	if (r.n_words && t->n < MAX_POSTS) {
		size_t longest = 0;
		for (size_t i = 0; i < r.n_sentences; i++)
			if (r.sentences[i].words > longest)
				longest = r.sentences[i].words;
		t->inflesz[t->n] = rd_inflesz(&r);
		t->longest[t->n++] = (double)longest;
	}
	for (size_t i = 0; i < r.n_words; i++) {
		int s = r.words[i].syllables;
		t->by_syllables[s < 7 ? s : 7]++;
		t->words++;
	}
	rd_dispose(&r);
	pregon_check_options o = { 0 };
	o.today = "2026-01-15";
	o.plain_text = 1;
	pregon_report *rep = NULL;
	pregon_diag d;
	pregon_diag_init(&d);
	if (pregon_check(&rep, t->e, "-", text, strlen(text), &o, &d) == 0)
		for (size_t k = 0; k < N_RULES; k++)
			for (size_t i = 0; i < rep->n_findings; i++)
				if (strcmp(rep->findings[i].rule, ceilings[k].rule) == 0) {
					t->flagged[k]++;
					break;
				}
	pregon_report_free(rep);
	pregon_diag_dispose(&d);
	t->total++;
}

static int measure_post(void *ctx, const test_source *src, json_t *post,
			const char *text, int line)
{
	(void)src;
	(void)post;
	(void)line;
	measure(ctx, text);
	return 0;
}

static void print_distribution(tally *t)
{
	static const double ps[] = { 5, 10, 25, 50, 75, 90, 95 };
	qsort(t->inflesz, t->n, sizeof *t->inflesz, by_value);
	qsort(t->longest, t->n, sizeof *t->longest, by_value);
	printf("claridad: %zu publicaciones de gobierno, %zu con palabras\n", t->total, t->n);
	printf("  %-10s %12s %22s\n", "percentil", "INFLESZ", "oración más larga");
	for (size_t i = 0; i < sizeof ps / sizeof *ps; i++)
		printf("  p%-9.0f %12.1f %22.0f\n", ps[i], percentile(t->inflesz, t->n, ps[i]),
		       percentile(t->longest, t->n, ps[i]));
	static const char *const grades[] = { "muy difícil (< 40)", "algo difícil (40-55)",
					      "normal (55-65)", "bastante fácil (65-80)",
					      "muy fácil (> 80)" };
	size_t g[5] = { 0 };
	for (size_t i = 0; i < t->n; i++) {
		double v = t->inflesz[i];
		g[v < 40 ? 0 : v < 55 ? 1 : v <= 65 ? 2 : v <= 80 ? 3 : 4]++;
	}
	for (size_t i = 0; i < 5; i++)
		printf("  %-24s %5.1f%%\n", grades[i], 100.0 * (double)g[i] / (double)t->n);
	for (int s = 1; s <= 7; s++)
		printf("  palabras de %d%s: %.2f%%\n", s,
		       s == 1 ? " sílaba" : s == 7 ? " o más sílabas" : " sílabas",
		       100.0 * (double)t->by_syllables[s] / (double)t->words);
}

int main(void)
{
	const char *corpus = getenv("PREGON_CORPUS");
	if (!corpus || !*corpus)
		corpus = "../shared/corpus";
	struct stat st;
	if (stat(corpus, &st) != 0 || !S_ISDIR(st.st_mode)) {
		printf("claridad: %s no existe; se omite la medición%s\n", corpus,
		       test_require_all() ? " (PREGON_REQUIRE_ALL=1: falla)" : "");
		return test_require_all() ? 1 : 0;
	}
	pregon_i18n_init(NULL, PREGON_LANG_ES);
	tally *t = calloc(1, sizeof *t);
	if (!t)
		return 1;
	t->e = test_engine(CONFIG, "claridad");
	int failed = !t->e;
	for (size_t s = 0; !failed && s < test_n_gov_sources; s++)
		failed = test_each_post(corpus, &test_gov_sources[s], measure_post, t);
	if (!failed) {
		print_distribution(t);
		double median = percentile(t->inflesz, t->n, 50);
		if (fabs(median - STATED_MEDIAN) > 1.0) {
			printf("claridad: la mediana (%.1f) ya no es la de la documentación (%.1f)\n",
			       median, STATED_MEDIAN);
			failed = 1;
		}
		for (size_t k = 0; k < N_RULES; k++) {
			double pct = 100.0 * (double)t->flagged[k] / (double)t->total;
			int over = pct > ceilings[k].max_pct;
			printf("  %-24s marca %4zu (%5.2f%%), techo %.1f%%%s\n", ceilings[k].rule,
			       t->flagged[k], pct, ceilings[k].max_pct,
			       over ? "  SUPERA EL TECHO" : "");
			failed |= over;
		}
	}
	pregon_engine_free(t->e);
	free(t);
	return failed;
}
