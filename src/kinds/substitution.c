/* substitution.c: the `substitution` kind.  A table `sustituciones` of
 * wrong -> right forms, matched as whole words, case-insensitively and (by
 * default) accent-sensitively, since in Spanish an accent often makes the
 * difference ("esta"/"está").  Each finding suggests the right form in the
 * case of the original ("Atravez" -> "A través"). */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "kind.h"

typedef struct {
	char *wrong; /* normalized as the view is */
	char *right;
} pair;

typedef struct {
	rx *re;
	pair *pairs; /* sorted by wrong */
	size_t n;
	int view;
} subst_state;

static const char *const keys[] = { "sustituciones", "distingue_acentos",
				    "palabra_completa", NULL };

static void subst_free(void *p)
{
	subst_state *s = p;
	if (!s)
		return;
	rx_free(s->re);
	for (size_t i = 0; i < s->n; i++) {
		free(s->pairs[i].wrong);
		free(s->pairs[i].right);
	}
	free(s->pairs);
	free(s);
}

static int by_wrong(const void *a, const void *b)
{
	return strcmp(((const pair *)a)->wrong, ((const pair *)b)->wrong);
}

static int subst_compile(void **out, const kind_compile *c, pregon_diag *diag)
{
	*out = NULL;
	subst_state *s = xcalloc(1, sizeof *s);
	int accent_sens, whole;
	const y_node *table = kind_get(c, "sustituciones");
	if (kind_overrides_known(c, &kind_substitution, diag) ||
	    kind_bool(c, "distingue_acentos", 1, &accent_sens, diag) ||
	    kind_bool(c, "palabra_completa", 1, &whole, diag))
		goto fail;
	if (!table) {
		y_error(diag, c->rule, _("añada «sustituciones: {incorrecto: correcto}»"),
			_("falta la clave obligatoria «%s»"), "sustituciones");
		goto fail;
	}
	if (y_expect(table, Y_MAP, "sustituciones", diag))
		goto fail;
	s->view = TEXT_FOLD | (accent_sens ? 0 : TEXT_STRIP);
	s->n = y_map_size(table);
	if (s->n == 0) {
		y_error(diag, table, NULL, _("la tabla de sustituciones está vacía"));
		goto fail;
	}
	s->pairs = xcalloc(s->n, sizeof *s->pairs);
	const char **wrongs = xmalloc(s->n * sizeof *wrongs);
	for (size_t i = 0; i < s->n; i++) {
		const char *w, *r;
		if (y_to_str(y_key(table, i), &w, diag) ||
		    y_to_str(y_value(table, i), &r, diag)) {
			free(wrongs);
			goto fail;
		}
		wrongs[i] = w;
		s->pairs[i].wrong = text_normalize(w, strlen(w), s->view);
		s->pairs[i].right = xstrdup(r);
	}
	qsort(s->pairs, s->n, sizeof *s->pairs, by_wrong);
	for (size_t i = 1; i < s->n; i++)
		if (strcmp(s->pairs[i].wrong, s->pairs[i - 1].wrong) == 0) {
			free(wrongs);
			y_error(diag, table, NULL,
				_("«%s» aparece dos veces en la tabla"),
				s->pairs[i].wrong);
			goto fail;
		}
	char *alt = kind_word_alternation(wrongs, s->n, s->view);
	free(wrongs);
	int rc = rx_compile(&s->re, alt, strlen(alt),
			    RX_CASELESS | (whole ? RX_WORD : 0), table, diag);
	free(alt);
	if (rc)
		goto fail;
	*out = s;
	return 0;
fail:
	subst_free(s);
	return PREGON_EINVAL;
}

/* `right` written in the case of `orig`: ALL CAPS, Capitalized or as is. */
static char *match_case(const char *orig, size_t len, const char *right)
{
	int upper = 0, lower = 0, first_upper = -1;
	for (size_t i = 0; i < len;) {
		int32_t cp;
		i += (size_t)text_decode(orig + i, len - i, &cp);
		if (text_is_upper(cp)) {
			upper++;
			if (first_upper < 0)
				first_upper = 1;
		} else if (text_is_lower(cp)) {
			lower++;
			if (first_upper < 0)
				first_upper = 0;
		}
	}
	int all = upper >= 2 && lower == 0;
	buf b;
	buf_init(&b);
	size_t rl = strlen(right);
	int first = 1;
	for (size_t i = 0; i < rl;) {
		int32_t cp;
		i += (size_t)text_decode(right + i, rl - i, &cp);
		if (all || (first && first_upper == 1 && text_is_letter(cp)))
			cp = utf8proc_toupper(cp);
		if (text_is_letter(cp))
			first = 0;
		utf8proc_uint8_t enc[4];
		utf8proc_ssize_t n = utf8proc_encode_char(cp, enc);
		buf_put(&b, (const char *)enc, (size_t)n);
	}
	return buf_detach(&b);
}

static int subst_check(const void *p, kind_run *run)
{
	const subst_state *s = p;
	const text_view *v = doc_view(run->doc, s->view);
	size_t at = 0, ms, me;
	int rc;
	while ((rc = rx_next(s->re, run->scratch, v->s, v->len, at, &ms, &me)) == 1) {
		at = me;
		char *key = xstrndup(v->s + ms, me - ms);
		pair probe = { key, NULL };
		const pair *hit = bsearch(&probe, s->pairs, s->n, sizeof *s->pairs,
					  by_wrong);
		free(key);
		if (!hit)
			continue; /* caseless matching found another form */
		size_t start, end;
		text_view_span(v, ms, me, &start, &end);
		char *sug = match_case(run->doc->input + start, end - start,
				       hit->right);
		const char *sugs[1] = { sug };
		kind_emit_view_span(run, v, ms, me, NULL, sugs, 1);
		free(sug);
	}
	return rc == PREGON_ELIMIT ? rc : 0;
}

const kind_ops kind_substitution = { "substitution", keys, subst_compile, NULL,
				     subst_check, subst_free, NULL };
