/* eval_personal_data.c: span-level precision, recall and F1 of the
 * `datos-personales` rules on the evaluation drafts of
 * tests/eval/datos-personales, checked with the example configuration
 * (examples/.pregon.yaml, whose allow-list holds the Ayuntamiento's public
 * lines, e-mails, address and accounts).
 *
 * Each draft NAME.md or NAME.txt has NAME.esperado.tsv: one line per datum,
 * "detector<TAB>text as written[<TAB>occurrence]", the occurrence (1 by
 * default) saying which appearance of the text is meant.  A finding counts
 * as a true positive when its rule is `datos-personales.<detector>` and it
 * overlaps the expected span by at least half of each span's length.
 *
 *   eval_personal_data [DIR [CONFIG [MIN_F1]]]
 *
 * Prints the figures per detector and in total; fails when F1 is under
 * MIN_F1 (0.95 by default). */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pregon.h"
#include "support.h"

#define PREFIX "datos-personales."

typedef struct {
	char detector[64];
	size_t offset, length;
	int matched;
} span;

typedef struct {
	char name[64];
	int tp, fp, fn;
} score;

static score scores[32];
static size_t n_scores;

static score *score_for(const char *detector)
{
	for (size_t i = 0; i < n_scores; i++)
		if (strcmp(scores[i].name, detector) == 0)
			return &scores[i];
	if (n_scores == sizeof scores / sizeof *scores)
		abort();
	score *s = &scores[n_scores++];
	memset(s, 0, sizeof *s);
	snprintf(s->name, sizeof s->name, "%s", detector);
	return s;
}

/* The expected spans of a draft, located in its text. */
static span *expected_spans(const char *tsv_path, const char *text,
			    size_t *out_n, int *bad)
{
	size_t len;
	char *tsv = test_slurp(tsv_path, &len);
	span *spans = NULL;
	size_t n = 0;
	*out_n = 0;
	if (!tsv) {
		printf("eval: falta %s\n", tsv_path);
		*bad = 1;
		return NULL;
	}
	for (char *line = strtok(tsv, "\n"); line; line = strtok(NULL, "\n")) {
		char *tab = strchr(line, '\t');
		if (!tab || line[0] == '#')
			continue;
		*tab = '\0';
		char *datum = tab + 1;
		char *tab2 = strchr(datum, '\t');
		int occurrence = 1;
		if (tab2) {
			*tab2 = '\0';
			occurrence = atoi(tab2 + 1);
		}
		const char *at = text;
		for (int k = 0; at && k < occurrence; k++) {
			at = strstr(k ? at + 1 : at, datum);
		}
		if (!at) {
			printf("eval: %s: el dato esperado de «%s» no está en el borrador\n",
			       tsv_path, line);
			*bad = 1;
			continue;
		}
		spans = realloc(spans, (n + 1) * sizeof *spans);
		if (!spans)
			abort();
		memset(&spans[n], 0, sizeof spans[n]);
		snprintf(spans[n].detector, sizeof spans[n].detector, "%s", line);
		spans[n].offset = (size_t)(at - text);
		spans[n].length = strlen(datum);
		n++;
	}
	free(tsv);
	*out_n = n;
	return spans;
}

static size_t overlap(size_t a, size_t al, size_t b, size_t bl)
{
	size_t s = a > b ? a : b, e = a + al < b + bl ? a + al : b + bl;
	return e > s ? e - s : 0;
}

static void evaluate(const char *path, const char *tsv, pregon_engine *e,
		     int *bad)
{
	size_t len;
	char *text = test_slurp(path, &len);
	if (!text) {
		*bad = 1;
		return;
	}
	size_t n_exp;
	span *exp = expected_spans(tsv, text, &n_exp, bad);
	pregon_check_options o = { 0 };
	o.today = "2026-01-15";
	size_t pl = strlen(path);
	o.plain_text = pl > 4 && strcmp(path + pl - 4, ".txt") == 0;
	pregon_report *r = NULL;
	pregon_diag d;
	pregon_diag_init(&d);
	if (pregon_check(&r, e, path, text, len, &o, &d)) {
		printf("eval: %s: %s\n", path, d.message);
		*bad = 1;
	}
	for (size_t i = 0; r && i < r->n_findings; i++) {
		const pregon_finding *f = &r->findings[i];
		if (strncmp(f->rule, PREFIX, strlen(PREFIX)) != 0)
			continue;
		const char *det = f->rule + strlen(PREFIX);
		int hit = 0;
		for (size_t k = 0; k < n_exp && !hit; k++) {
			size_t ov = overlap(f->offset, f->length, exp[k].offset,
					    exp[k].length);
			if (!exp[k].matched && strcmp(exp[k].detector, det) == 0 &&
			    2 * ov >= f->length && 2 * ov >= exp[k].length) {
				exp[k].matched = hit = 1;
			}
		}
		if (hit) {
			score_for(det)->tp++;
		} else {
			score_for(det)->fp++;
			printf("  falso positivo: %s:%d:%d %s (%s)\n", path, f->line, f->col,
			       det, f->text);
		}
	}
	for (size_t k = 0; k < n_exp; k++)
		if (!exp[k].matched) {
			score_for(exp[k].detector)->fn++;
			printf("  no detectado:   %s: %s en el byte %zu\n", path,
			       exp[k].detector, exp[k].offset);
		}
	pregon_report_free(r);
	pregon_diag_dispose(&d);
	free(exp);
	free(text);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static double ratio(int a, int b)
{
	return b ? (double)a / (double)b : 1.0;
}

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "tests/eval/datos-personales";
	const char *config = argc > 2 ? argv[2] : "examples/.pregon.yaml";
	double min_f1 = argc > 3 ? atof(argv[3]) : 0.95;
	pregon_i18n_init(NULL, PREGON_LANG_ES);
	pregon_engine *e = test_engine(config, "eval");
	if (!e)
		return 1;
	pregon_diag d;
	pregon_diag_init(&d);
	DIR *dp = opendir(dir);
	if (!dp) {
		printf("eval: no se puede abrir %s\n", dir);
		pregon_engine_free(e);
		return 1;
	}
	char **names = NULL;
	size_t n = 0;
	struct dirent *de;
	while ((de = readdir(dp))) {
		size_t l = strlen(de->d_name);
		if ((l > 3 && strcmp(de->d_name + l - 3, ".md") == 0) ||
		    (l > 4 && strcmp(de->d_name + l - 4, ".txt") == 0)) {
			names = realloc(names, (n + 1) * sizeof *names);
			if (!names)
				abort();
			names[n++] = strdup(de->d_name);
		}
	}
	closedir(dp);
	qsort(names, n, sizeof *names, by_name);
	int bad = 0;
	for (size_t i = 0; i < n; i++) {
		char path[4096], tsv[4096];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		const char *dot = strrchr(names[i], '.');
		snprintf(tsv, sizeof tsv, "%s/%.*s.esperado.tsv", dir,
			 (int)(dot - names[i]), names[i]);
		evaluate(path, tsv, e, &bad);
		free(names[i]);
	}
	free(names);
	int tp = 0, fp = 0, fn = 0;
	printf("eval: %zu borradores\n  %-18s %4s %4s %4s %9s %9s %6s\n", n,
	       "detector", "vp", "fp", "fn", "precisión", "exhaust.", "F1");
	for (size_t i = 0; i < n_scores; i++) {
		const score *s = &scores[i];
		double p = ratio(s->tp, s->tp + s->fp), r = ratio(s->tp, s->tp + s->fn);
		printf("  %-18s %4d %4d %4d %9.3f %9.3f %6.3f\n", s->name, s->tp, s->fp,
		       s->fn, p, r, p + r > 0 ? 2 * p * r / (p + r) : 0.0);
		tp += s->tp;
		fp += s->fp;
		fn += s->fn;
	}
	double p = ratio(tp, tp + fp), r = ratio(tp, tp + fn);
	double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
	printf("eval: total vp %d, fp %d, fn %d: precisión %.3f, exhaustividad %.3f, F1 %.3f (mínimo %.2f)\n",
	       tp, fp, fn, p, r, f1, min_f1);
	pregon_engine_free(e);
	return bad || f1 < min_f1;
}
