/* pattern.c: the `pattern` kind.  PCRE2 patterns (`patron`) or word lists
 * (`palabras`, or a configuration list named by `lista`), matched on the
 * view the rule asks for: case-insensitive and accent-insensitive unless
 * `distingue_mayusculas` / `distingue_acentos` say otherwise.  A
 * `sugerencia` may quote capture groups as {1}..{9}; their text is taken
 * from the original input, so accents and case survive.
 *
 * Two exceptions keep a rule from speaking where the words mean the
 * opposite: `salvo` (a pattern) drops a match when its sentence, or the
 * whole text with `salvo_alcance: publicacion`, also matches it ("circula
 * en redes ... es falso"); `salvo_entre_comillas` drops a match inside
 * quotation marks (a citizen's words quoted in a reply).
 *
 * `requiere` lists strings one of which every match holds (compared without
 * case or accents): a text with none is not searched at all, which spares
 * the patterns that try many alternatives at every position.  Each text of
 * the rule's `ejemplos.marcar` must hold one, or the rule is refused, so the
 * list cannot silently switch the rule off. */
#include <stdlib.h>
#include <string.h>

#include "kind.h"

typedef struct {
	rx **res;
	size_t n;
	int view;
	char *suggestion;
	rx *unless;         /* `salvo` */
	int unless_in_post; /* `salvo_alcance: publicacion` */
	int skip_quoted;    /* `salvo_entre_comillas` */
	char **required;    /* `requiere`, folded and without accents */
	size_t n_required;
} pattern_state;

static const char *const keys[] = { "patron", "palabras", "lista",
				    "distingue_mayusculas", "distingue_acentos",
				    "palabra_completa", "sugerencia", "salvo",
				    "salvo_alcance", "salvo_entre_comillas", "requiere",
				    NULL };

static void pattern_free(void *p)
{
	pattern_state *s = p;
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++)
		rx_free(s->res[i]);
	free(s->res);
	free(s->suggestion);
	rx_free(s->unless);
	for (size_t i = 0; i < s->n_required; i++)
		free(s->required[i]);
	free(s->required);
	free(s);
}

static void add_rx(pattern_state *s, rx *r)
{
	s->res = xrealloc(s->res, (s->n + 1) * sizeof *s->res);
	s->res[s->n++] = r;
}

static int compile_words(pattern_state *s, const y_node *where, const char *const *words,
			 size_t n, int whole, pregon_diag *diag)
{
	if (n == 0) {
		y_error(diag, where, _("añada al menos una palabra"),
			_("la lista de palabras está vacía"));
		return PREGON_EINVAL;
	}
	char *alt = kind_word_alternation(words, n, s->view);
	rx *r;
	int rc = rx_compile(&r, alt, strlen(alt),
			    (s->view & TEXT_FOLD ? RX_CASELESS : 0) |
				    (whole ? RX_WORD : 0),
			    NULL, diag);
	free(alt);
	if (rc == 0)
		add_rx(s, r);
	return rc;
}

static int compile_unless(pattern_state *s, const kind_compile *c,
			  pregon_diag *diag)
{
	const y_node *unless = kind_get(c, "salvo"), *scope = kind_get(c, "salvo_alcance");
	if (kind_bool(c, "salvo_entre_comillas", 0, &s->skip_quoted, diag))
		return PREGON_EINVAL;
	if (scope) {
		const char *v;
		if (y_to_str(scope, &v, diag))
			return PREGON_EINVAL;
		if (strcmp(v, "oracion") != 0 && strcmp(v, "publicacion") != 0) {
			y_error(diag, scope, _("use «oracion» o «publicacion»"),
				_("alcance desconocido «%s»"), v);
			return PREGON_EINVAL;
		}
		s->unless_in_post = strcmp(v, "publicacion") == 0;
	}
	if (!unless)
		return 0;
	const char *pat;
	if (y_to_str(unless, &pat, diag))
		return PREGON_EINVAL;
	char *norm = text_normalize(pat, strlen(pat), s->view & TEXT_STRIP);
	int rc = rx_compile(&s->unless, norm, strlen(norm),
			    s->view & TEXT_FOLD ? RX_CASELESS : 0, unless, diag);
	free(norm);
	return rc;
}

/* 1 when the folded text holds one of the required strings. */
static int holds_required(const pattern_state *s, const char *text, size_t len)
{
	for (size_t i = 0; i < s->n_required; i++)
		if (memmem(text, len, s->required[i], strlen(s->required[i])))
			return 1;
	return 0;
}

static int compile_required(pattern_state *s, const kind_compile *c,
			    pregon_diag *diag)
{
	const y_node *req = kind_get(c, "requiere");
	if (!req)
		return 0;
	const y_node **items;
	size_t n;
	if (y_to_str_list(req, &items, &n, diag))
		return PREGON_EINVAL;
	s->required = xcalloc(n ? n : 1, sizeof *s->required);
	for (size_t i = 0; i < n; i++)
		s->required[s->n_required++] =
			text_normalize(items[i]->str, items[i]->len, TEXT_FOLD | TEXT_STRIP);
	free(items);
	if (n == 0) {
		y_error(diag, req, _("añada al menos una cadena o quite «requiere»"),
			_("la lista «requiere» está vacía"));
		return PREGON_EINVAL;
	}
	const y_node *ex = y_get(c->rule, "ejemplos");
	const y_node *flag = ex ? y_get(ex, "marcar") : NULL;
	size_t count = !flag ? 0 : flag->type == Y_SEQ ? flag->n : 1;
	for (size_t i = 0; i < count; i++) {
		const y_node *x = flag->type == Y_SEQ ? flag->items[i] : flag;
		char *norm = text_normalize(x->str, x->len, TEXT_FOLD | TEXT_STRIP);
		int ok = holds_required(s, norm, strlen(norm));
		free(norm);
		if (!ok) {
			y_error(diag, x, _("añada a «requiere» la palabra que la regla busca en este ejemplo"),
				_("este ejemplo que la regla debe marcar no tiene ninguna cadena de «requiere»"));
			return PREGON_EINVAL;
		}
	}
	return 0;
}

static int pattern_compile(void **out, const kind_compile *c,
			   pregon_diag *diag)
{
	*out = NULL;
	pattern_state *s = xcalloc(1, sizeof *s);
	int case_sens, accent_sens, whole;
	const y_node *pat = kind_get(c, "patron");
	const y_node *words = kind_get(c, "palabras");
	const y_node *list = kind_get(c, "lista");
	if (kind_overrides_known(c, &kind_pattern, diag) ||
	    kind_bool(c, "distingue_mayusculas", 0, &case_sens, diag) ||
	    kind_bool(c, "distingue_acentos", 0, &accent_sens, diag) ||
	    kind_bool(c, "palabra_completa", pat == NULL, &whole, diag))
		goto fail;
	s->view = (case_sens ? 0 : TEXT_FOLD) | (accent_sens ? 0 : TEXT_STRIP);
	if (!pat && !words && !list) {
		y_error(diag, c->rule, _("añada «patron», «palabras» o «lista»"),
			_("la regla no dice qué buscar"));
		goto fail;
	}
	const y_node *sug = kind_get(c, "sugerencia");
	const char *sug_text;
	if (sug) {
		if (y_to_str(sug, &sug_text, diag))
			goto fail;
		s->suggestion = xstrdup(sug_text);
	}
	if (pat) {
		const y_node **items;
		size_t n;
		if (y_to_str_list(pat, &items, &n, diag))
			goto fail;
		for (size_t i = 0; i < n; i++) {
			const y_node *p = items[i];
			/* The pattern sees the same normalization as the text:
			 * NFC always, accents stripped when the view strips
			 * them; case is left to PCRE2_CASELESS. */
			char *norm = text_normalize(p->str, p->len,
						    s->view & TEXT_STRIP);
			rx *r;
			int rc = rx_compile(&r, norm, strlen(norm),
					    (s->view & TEXT_FOLD ? RX_CASELESS : 0) |
						    (whole ? RX_WORD : 0),
					    p, diag);
			free(norm);
			if (rc) {
				free(items);
				goto fail;
			}
			add_rx(s, r);
		}
		free(items);
	}
	if (words) {
		const y_node **items;
		size_t n;
		if (y_to_str_list(words, &items, &n, diag))
			goto fail;
		const char **w = xmalloc((n ? n : 1) * sizeof *w);
		for (size_t i = 0; i < n; i++)
			w[i] = items[i]->str;
		int rc = compile_words(s, words, w, n, whole, diag);
		free(w);
		free(items);
		if (rc)
			goto fail;
	}
	if (list) {
		const config_list *l;
		if (kind_config_list(c, list, &l, diag))
			goto fail;
		if (l->n && compile_words(s, list, l->words, l->n, whole, diag))
			goto fail;
	}
	if (compile_unless(s, c, diag) || compile_required(s, c, diag))
		goto fail;
	*out = s;
	return 0;
fail:
	pattern_free(s);
	return PREGON_EINVAL;
}

/* The suggestion with {1}..{9} replaced by the groups' original text. */
static char *fill_groups(const char *tmpl, const kind_run *run,
			 const text_view *v)
{
	buf b;
	buf_init(&b);
	for (const char *t = tmpl; *t; t++) {
		size_t gs, ge;
		if (t[0] == '{' && t[1] >= '1' && t[1] <= '9' && t[2] == '}') {
			if (rx_group(run->scratch, t[1] - '0', &gs, &ge)) {
				size_t os, oe;
				text_view_span(v, gs, ge, &os, &oe);
				buf_put(&b, run->doc->input + os, oe - os);
			}
			t += 2;
			continue;
		}
		buf_putc(&b, *t);
	}
	return buf_detach(&b);
}

/* The sentence around [ms, me): from after the previous . ! ? or line
 * break to the next one. */
static void sentence_of(const text_view *v, size_t ms, size_t me, size_t *ss, size_t *se)
{
	size_t a = ms, b = me;
	while (a > 0 && !strchr(".!?\n", v->s[a - 1]))
		a--;
	while (b < v->len && !strchr(".!?\n", v->s[b]))
		b++;
	*ss = a;
	*se = b < v->len ? b + 1 : b;
}

/* 1 when an exception drops the match; PREGON_ELIMIT as rx_next. */
static int excepted(const pattern_state *s, kind_run *run, const text_view *v,
		    size_t ms, size_t me)
{
	if (s->skip_quoted && kind_quoted(v, ms))
		return 1;
	if (!s->unless)
		return 0;
	size_t ss = 0, se = v->len, xs, xe;
	if (!s->unless_in_post)
		sentence_of(v, ms, me, &ss, &se);
	int rc = rx_next(s->unless, run->scratch, v->s, se, ss, &xs, &xe);
	return rc == PREGON_ELIMIT ? rc : rc == 1;
}

static int pattern_check(const void *p, kind_run *run)
{
	const pattern_state *s = p;
	if (s->n_required) {
		const text_view *folded = doc_view(run->doc, TEXT_FOLD | TEXT_STRIP);
		if (!holds_required(s, folded->s, folded->len))
			return 0;
	}
	const text_view *v = doc_view(run->doc, s->view);
	for (size_t i = 0; i < s->n; i++) {
		size_t at = 0, ms, me;
		int rc;
		while ((rc = rx_next(s->res[i], run->scratch, v->s, v->len, at, &ms,
				     &me)) == 1) {
			at = me > ms || me >= v->len ? me + (me == ms)
						      : me + (size_t)text_u8len((unsigned char)v->s[me]);
			/* the groups first: the exception's search reuses the
			 * scratch */
			char *sug = s->suggestion ? fill_groups(s->suggestion, run, v)
						  : NULL;
			int skip = excepted(s, run, v, ms, me);
			if (skip) {
				free(sug);
				if (skip == PREGON_ELIMIT)
					return skip;
				continue;
			}
			const char *sugs[1] = { sug };
			kind_emit_view_span(run, v, ms, me, NULL, sugs, sug ? 1 : 0);
			free(sug);
		}
		if (rc == PREGON_ELIMIT)
			return rc;
	}
	return 0;
}

const kind_ops kind_pattern = { "pattern", keys, pattern_compile, NULL,
				pattern_check, pattern_free, NULL };
