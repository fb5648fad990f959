/* clarity.c: the `clarity` kind (plain language, "lenguaje claro" in the
 * definitions of the norm; criterion XVIII).  `mide` chooses the measure,
 * taken on the body's prose with the counts of readability.h:
 *
 *   legibilidad  the INFLESZ perspicuity of the post under `minimo`, for
 *                posts of at least `min_palabras` words (the formula says
 *                little about a line or two);
 *   oraciones    each sentence of more than `maximo` words;
 *   palabras     each word of `silabas` syllables or more, save those of
 *                `excepto` (names of programs, of the institution).
 *
 * The thresholds are kind keys, so a configuration changes them in
 * `opciones`; the defaults come from the government posts of the corpus
 * (docs/lenguaje-claro.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kind.h"

enum { M_READABILITY, M_SENTENCES, M_WORDS };

typedef struct {
	int what;
	double minimum;       /* legibilidad */
	long min_words;
	long max_words;       /* oraciones */
	long syllables;       /* palabras */
	char **exempt;        /* folded, accentless */
	size_t n_exempt;
	char *message[2];
} clarity_state;

static const char *const keys[] = { "mide", "minimo", "min_palabras",
				    "maximo", "silabas", "excepto", NULL };
static const char *const measures[] = { "legibilidad", "oraciones",
					"palabras", NULL };

static void clarity_free(void *p)
{
	clarity_state *s = p;
	if (!s)
		return;
	for (size_t i = 0; i < s->n_exempt; i++)
		free(s->exempt[i]);
	free(s->exempt);
	free(s->message[0]);
	free(s->message[1]);
	free(s);
}

static int clarity_compile(void **out, const kind_compile *c, pregon_diag *diag)
{
	*out = NULL;
	clarity_state *s = xcalloc(1, sizeof *s);
	const y_node *ex = kind_get(c, "excepto");
	const y_node **items = NULL;
	if (kind_overrides_known(c, &kind_clarity, diag) ||
	    kind_required_choice(c, "mide", measures, &s->what, diag) ||
	    kind_double(c, "minimo", 40, 0, 120, &s->minimum, diag) ||
	    kind_int(c, "min_palabras", 30, 1, 100000, &s->min_words, diag) ||
	    kind_int(c, "maximo", 40, 1, 100000, &s->max_words, diag) ||
	    kind_int(c, "silabas", 7, 2, 64, &s->syllables, diag) ||
	    (ex && y_to_str_list(ex, &items, &s->n_exempt, diag))) {
		clarity_free(s);
		return PREGON_EINVAL;
	}
	s->exempt = xmalloc((s->n_exempt ? s->n_exempt : 1) * sizeof *s->exempt);
	for (size_t i = 0; items && i < s->n_exempt; i++)
		s->exempt[i] = text_normalize(items[i]->str, items[i]->len,
					      TEXT_FOLD | TEXT_STRIP);
	free(items);
	kind_messages(c, s->message);
	*out = s;
	return 0;
}

static int is_exempt(const clarity_state *s, const char *w, size_t len)
{
	if (!s->n_exempt)
		return 0;
	char *norm = text_normalize(w, len, TEXT_FOLD | TEXT_STRIP);
	int found = 0;
	for (size_t i = 0; i < s->n_exempt && !found; i++)
		found = strcmp(norm, s->exempt[i]) == 0;
	free(norm);
	return found;
}

static int clarity_check(const void *p, kind_run *run)
{
	const clarity_state *s = p;
	const text_view *v = doc_view(run->doc, TEXT_EXACT);
	const rd_text *t = doc_readability(run->doc);
	const char *tmpl = s->message[run->lang == PREGON_LANG_EN];
	char a[32], b[32];
	if (s->what == M_READABILITY) {
		double value = rd_inflesz(t);
		if ((long)t->n_words < s->min_words || value >= s->minimum)
			return 0;
		snprintf(a, sizeof a, "%.1f", value);
		snprintf(b, sizeof b, "%.0f", s->minimum);
		const char *names[] = { "valor", "grado", "minimo" };
		const char *values[] = { a, rd_inflesz_grade(value), b };
		char *msg = kind_fill(tmpl, names, values, 3);
		kind_emit_post(run, msg);
		free(msg);
		return 0;
	}
	if (s->what == M_SENTENCES) {
		snprintf(b, sizeof b, "%ld", s->max_words);
		for (size_t i = 0; i < t->n_sentences; i++) {
			const rd_sentence *x = &t->sentences[i];
			if ((long)x->words <= s->max_words)
				continue;
			snprintf(a, sizeof a, "%zu", x->words);
			const char *names[] = { "palabras", "maximo" };
			const char *values[] = { a, b };
			char *msg = kind_fill(tmpl, names, values, 2);
			kind_emit_view_span(run, v, x->offset, x->offset + x->len, msg,
					    NULL, 0);
			free(msg);
		}
		return 0;
	}
	for (size_t i = 0; i < t->n_words; i++) {
		const rd_word *w = &t->words[i];
		if (w->syllables < s->syllables || is_exempt(s, v->s + w->offset, w->len))
			continue;
		snprintf(a, sizeof a, "%d", w->syllables);
		const char *names[] = { "silabas" };
		const char *values[] = { a };
		char *msg = kind_fill(tmpl, names, values, 1);
		kind_emit_view_span(run, v, w->offset, w->offset + w->len, msg, NULL, 0);
		free(msg);
	}
	return 0;
}

const kind_ops kind_clarity = { "clarity", keys, clarity_compile, NULL,
				clarity_check, clarity_free, NULL };
