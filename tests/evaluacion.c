/* evaluacion.c: precision and recall of the length, link, spam,
 * offensive, source, tone and style rules on
 * a set of realistic municipal drafts (tests/evaluacion/borradores/), each
 * labelled in tests/evaluacion/etiquetas.tsv with the categories it must get
 * ("-": a post a careful communications chief would publish as it is).  The
 * drafts are checked as one batch, with the folder's .pregon.yaml.
 *
 * Prints precision, recall and F1 per category, the macro-F1 and the share
 * of clean drafts with a false alarm; fails when the macro-F1 is under 0.85
 * or the false alarms go over 3%. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pregon.h"
#include "support.h"

#define DIR "tests/evaluacion"

static const char *const categories[] = { "length", "links", "spam", "offensive",
					  "sources", "tone", "style" };
#define N_CATS (sizeof categories / sizeof *categories)

int main(void)
{
	pregon_i18n_init(NULL, PREGON_LANG_ES);
	pregon_engine *e = test_engine(DIR "/.pregon.yaml", "evaluación");
	if (!e)
		return 1;
	pregon_diag d;
	pregon_diag_init(&d);
	FILE *labels = fopen(DIR "/etiquetas.tsv", "r");
	if (!labels) {
		printf("evaluación: no se puede leer %s/etiquetas.tsv\n", DIR);
		pregon_engine_free(e);
		return 1;
	}
	pregon_batch *batch = pregon_batch_new();
	int tp[N_CATS] = { 0 }, fp[N_CATS] = { 0 }, fn[N_CATS] = { 0 };
	int clean = 0, clean_flagged = 0, failed = 0;
	char *line = NULL;
	size_t cap = 0;
	while (getline(&line, &cap, labels) > 0) {
		if (line[0] == '#')
			continue;
		char *name = strtok(line, "\t\n"), *want = strtok(NULL, "\t\n");
		if (!name || !want)
			continue;
		char path[4096];
		snprintf(path, sizeof path, "%s/borradores/%s", DIR, name);
		size_t len;
		char *input = test_slurp(path, &len);
		pregon_report *r = NULL;
		pregon_check_options o = { 0 };
		o.today = "2026-03-15";
		o.batch = batch;
		if (!input || pregon_check(&r, e, path, input, len, &o, &d)) {
			printf("evaluación: no se puede revisar %s\n", path);
			pregon_diag_dispose(&d);
			free(input);
			failed = 1;
			continue;
		}
		int any = 0;
		for (size_t c = 0; c < N_CATS; c++) {
			int got = 0;
			for (size_t i = 0; i < r->n_findings && !got; i++)
				got = strcmp(r->findings[i].category, categories[c]) == 0;
			int expected = strstr(want, categories[c]) != NULL;
			tp[c] += got && expected;
			fp[c] += got && !expected;
			fn[c] += !got && expected;
			any |= got;
			if (got != expected)
				printf("  %s: %s %s\n", name, expected ? "no recibe" : "recibe de más",
				       categories[c]);
		}
		if (strcmp(want, "-") == 0) {
			clean++;
			clean_flagged += any;
		}
		pregon_report_free(r);
		free(input);
	}
	free(line);
	fclose(labels);
	double macro = 0;
	for (size_t c = 0; c < N_CATS; c++) {
		double p = tp[c] + fp[c] ? (double)tp[c] / (tp[c] + fp[c]) : 1;
		double rc = tp[c] + fn[c] ? (double)tp[c] / (tp[c] + fn[c]) : 1;
		double f1 = p + rc > 0 ? 2 * p * rc / (p + rc) : 0;
		macro += f1 / N_CATS;
		printf("evaluación: %-7s precisión %.2f  exhaustividad %.2f  F1 %.2f\n",
		       categories[c], p, rc, f1);
	}
	double fa = clean ? 100.0 * clean_flagged / clean : 0;
	printf("evaluación: F1 macro %.2f (mínimo 0.85); falsas alarmas en %d de %d borradores limpios (%.1f%%, máximo 3%%)\n",
	       macro, clean_flagged, clean, fa);
	pregon_batch_free(batch);
	pregon_engine_free(e);
	return failed || macro < 0.85 || fa > 3.0;
}
