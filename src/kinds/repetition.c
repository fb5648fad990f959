/* repetition.c: the `repetition` kind: doubled words ("de de"), repeated
 * punctuation ("!!!", "¿¿", "....") and the same emoji again and again.
 * `que` chooses which: palabras, signos or emoji; `maximo` is how many in a
 * row are still fine (signos 1, emoji 2); `excepto` lists words that may be
 * doubled on purpose. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "kind.h"

enum { R_WORDS, R_MARKS, R_EMOJI };

typedef struct {
	int what;
	long max;
	char **allowed; /* folded, sorted */
	size_t n_allowed;
} rep_state;

static const char *const keys[] = { "que", "maximo", "excepto", NULL };

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void rep_free(void *p)
{
	rep_state *s = p;
	if (!s)
		return;
	for (size_t i = 0; i < s->n_allowed; i++)
		free(s->allowed[i]);
	free(s->allowed);
	free(s);
}

static int rep_compile(void **out, const kind_compile *c, pregon_diag *diag)
{
	*out = NULL;
	rep_state *s = xcalloc(1, sizeof *s);
	const y_node *what = kind_get(c, "que");
	const char *w;
	if (kind_overrides_known(c, &kind_repetition, diag))
		goto fail;
	if (!what) {
		y_error(diag, c->rule, _("escriba «que: palabras», «signos» o «emoji»"),
			_("falta la clave obligatoria «%s»"), "que");
		goto fail;
	}
	if (y_to_str(what, &w, diag))
		goto fail;
	if (strcmp(w, "palabras") == 0)
		s->what = R_WORDS;
	else if (strcmp(w, "signos") == 0)
		s->what = R_MARKS;
	else if (strcmp(w, "emoji") == 0)
		s->what = R_EMOJI;
	else {
		y_error(diag, what, _("use palabras, signos o emoji"),
			_("valor desconocido «%s» para «que»"), w);
		goto fail;
	}
	if (kind_int(c, "maximo", s->what == R_EMOJI ? 2 : 1, 1, 100, &s->max,
		     diag))
		goto fail;
	const y_node *ex = kind_get(c, "excepto");
	if (ex) {
		const y_node **items;
		size_t k;
		if (y_to_str_list(ex, &items, &k, diag))
			goto fail;
		s->allowed = xmalloc((k ? k : 1) * sizeof *s->allowed);
		for (size_t i = 0; i < k; i++)
			s->allowed[i] = text_normalize(items[i]->str, items[i]->len,
						       TEXT_FOLD);
		s->n_allowed = k;
		free(items);
		qsort(s->allowed, s->n_allowed, sizeof *s->allowed, cmp_str);
	}
	*out = s;
	return 0;
fail:
	rep_free(s);
	return PREGON_EINVAL;
}

/* Next word of the view from *i: [*ws, *we); returns 0 at the end.  `gap`
 * tells whether only blanks separate it from the previous word. */
static int next_word(const text_view *v, size_t *i, size_t *ws, size_t *we,
		     int *only_blanks)
{
	*only_blanks = 1;
	while (*i < v->len) {
		int32_t cp;
		int k = text_decode(v->s + *i, v->len - *i, &cp);
		if (text_is_letter(cp))
			break;
		if (cp != ' ' && cp != '\t')
			*only_blanks = 0;
		*i += (size_t)k;
	}
	if (*i >= v->len)
		return 0;
	*ws = *i;
	while (*i < v->len) {
		int32_t cp;
		int k = text_decode(v->s + *i, v->len - *i, &cp);
		if (!text_is_alnum(cp))
			break;
		*i += (size_t)k;
	}
	*we = *i;
	return 1;
}

static void check_words(const rep_state *s, kind_run *run)
{
	const text_view *v = doc_view(run->doc, TEXT_FOLD);
	size_t i = 0, ps = 0, pe = 0, ws, we;
	int have_prev = 0, blanks;
	while (next_word(v, &i, &ws, &we, &blanks)) {
		size_t n = we - ws;
		if (have_prev && blanks && n == pe - ps &&
		    memcmp(v->s + ps, v->s + ws, n) == 0) {
			char *key = xstrndup(v->s + ws, n);
			int allowed = s->n_allowed && bsearch(&key, s->allowed, s->n_allowed,
					      sizeof *s->allowed, cmp_str) != NULL;
			free(key);
			if (!allowed) {
				size_t os, oe;
				text_view_span(v, ps, pe, &os, &oe);
				char *sug = xstrndup(run->doc->input + os, oe - os);
				const char *sugs[1] = { sug };
				kind_emit_view_span(run, v, ps, we, NULL, sugs, 1);
				free(sug);
				have_prev = 0; /* "de de de" is one finding */
				continue;
			}
		}
		ps = ws;
		pe = we;
		have_prev = 1;
	}
}

static int repeatable_mark(int32_t cp)
{
	return cp == '!' || cp == '?' || cp == 0xA1 || cp == 0xBF || cp == ',' ||
	       cp == ';' || cp == ':' || cp == '.';
}

static void check_marks(const rep_state *s, kind_run *run)
{
	const text_view *v = doc_view(run->doc, 0);
	size_t i = 0;
	while (i < v->len) {
		int32_t cp;
		int k = text_decode(v->s + i, v->len - i, &cp);
		if (!repeatable_mark(cp)) {
			i += (size_t)k;
			continue;
		}
		size_t start = i, count = 0;
		int32_t c2;
		while (i < v->len) {
			int k2 = text_decode(v->s + i, v->len - i, &c2);
			if (c2 != cp)
				break;
			i += (size_t)k2;
			count++;
		}
		/* three dots are an ellipsis; two or four and more are not */
		int bad = cp == '.' ? count == 2 || count > 3 : count > (size_t)s->max;
		if (bad) {
			char single[5] = { 0 };
			utf8proc_encode_char(cp, (utf8proc_uint8_t *)single);
			const char *sugs[2] = { single, NULL };
			size_t n_sugs = 1;
			if (cp == '.') {
				sugs[0] = count == 2 ? "." : "…";
				sugs[1] = count == 2 ? "…" : ".";
				n_sugs = 2;
			}
			kind_emit_view_span(run, v, start, i, NULL, sugs, n_sugs);
		}
	}
}

/* Next grapheme cluster from i: its end. */
static size_t cluster_end(const text_view *v, size_t i)
{
	int32_t prev, cp;
	int state = 0;
	i += (size_t)text_decode(v->s + i, v->len - i, &prev);
	while (i < v->len) {
		int k = text_decode(v->s + i, v->len - i, &cp);
		if (utf8proc_grapheme_break_stateful(prev, cp, &state))
			break;
		prev = cp;
		i += (size_t)k;
	}
	return i;
}

static void check_emoji(const rep_state *s, kind_run *run)
{
	const text_view *v = doc_view(run->doc, 0);
	size_t i = 0;
	size_t run_start = 0, run_end = 0, cs = 0, ce = 0, count = 0;
	while (i <= v->len) {
		int32_t cp = 0;
		size_t e = i;
		if (i < v->len) {
			text_decode(v->s + i, v->len - i, &cp);
			e = cluster_end(v, i);
		}
		if (i < v->len && (cp == ' ' || cp == 0xFE0F)) {
			i = e; /* blanks between the same emoji keep the run */
			continue;
		}
		int same = i < v->len && text_is_emoji(cp) && count &&
			   e - i == ce - cs && memcmp(v->s + i, v->s + cs, e - i) == 0;
		if (same) {
			count++;
			run_end = e;
		} else {
			if (count > (size_t)s->max) {
				char *one = xstrndup(v->s + cs, ce - cs);
				const char *sugs[1] = { one };
				kind_emit_view_span(run, v, run_start, run_end, NULL,
						    sugs, 1);
				free(one);
			}
			count = 0;
			if (i < v->len && text_is_emoji(cp)) {
				count = 1;
				run_start = cs = i;
				run_end = ce = e;
			}
		}
		if (i >= v->len)
			break;
		i = e;
	}
}

static int rep_check(const void *p, kind_run *run)
{
	const rep_state *s = p;
	switch (s->what) {
	case R_WORDS:
		check_words(s, run);
		break;
	case R_MARKS:
		check_marks(s, run);
		break;
	default:
		check_emoji(s, run);
		break;
	}
	return 0;
}

const kind_ops kind_repetition = { "repetition", keys, rep_compile, NULL, rep_check,
				   rep_free, NULL };
