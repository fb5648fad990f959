/* offensive.c: the `offensive` kind (criteria XII and XVI: replies never
 * insult, disqualify or lack courtesy).
 *
 * A lexicon of words and phrases (`palabras`), matched whole-word on the
 * text folded to lower case without accents, so "IMBÉCIL" and "imbecil" are
 * one word.  An entry ending in * is a stem ("pendej*": pendejo, pendejada).
 * Entries of `dirigidas` are words that insult only when aimed at someone
 * ("eres una rata", "pinche rata", not "control de ratas"): they count after
 * one of the `destinatarios` within `ventana` words.  `excepciones` name
 * words whose innocent sense shows in their context ("perras" near
 * "esterilización"; "perra" right after "mi"), on either side or only on
 * the one `lado` says; one without `palabras` covers every word of the rule
 * ("soy" before an insult: one speaks of oneself, not of others).  With
 * `salvo_entre_comillas` a match inside quotation marks does not count: the
 * words of someone else, reported.  With `evasiones` (on by default) the
 * usual disguises are undone before matching: digits and symbols for
 * letters ("p3nd3j0", "put@"), letters stretched ("imbecilll") or spaced
 * ("p u t o", "p.u.t.o"), and * for a letter ("p*ndejo").  A post is
 * tokenized once for all the rules of this kind (doc_tokens). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kind.h"

typedef struct {
	char **words;  /* normalized, without the * of a stem */
	uint8_t *stem; /* the word was written with a final * */
	size_t n;
	int directed;
} entry;

typedef enum { SIDE_BOTH, SIDE_BEFORE, SIDE_AFTER } side;

typedef struct {
	entry *words;   /* the words the exception covers; none: all of them */
	size_t n_words;
	entry *context; /* one word each */
	size_t n_context;
	long distance;
	side where;     /* where the context may be */
} exception;

typedef struct {
	const char *key; /* first word of an entry (without its *) */
	size_t entry;
} index_item;

typedef struct {
	entry *entries;
	size_t n_entries;
	index_item *exact, *stems; /* sorted by key */
	size_t n_exact, n_stems;
	char **markers;            /* sorted */
	size_t n_markers;
	exception *exceptions;
	size_t n_exceptions;
	long window;
	int evasions;
	int skip_quoted; /* `salvo_entre_comillas` */
} off_state;

static const char *const keys[] = { "palabras", "dirigidas", "destinatarios",
				    "ventana", "excepciones", "evasiones",
				    "lista", "salvo_entre_comillas", NULL };

static void entries_free(entry *e, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < e[i].n; k++)
			free(e[i].words[k]);
		free(e[i].words);
		free(e[i].stem);
	}
	free(e);
}

static void off_free(void *p)
{
	off_state *s = p;
	if (!s)
		return;
	entries_free(s->entries, s->n_entries);
	for (size_t i = 0; i < s->n_exceptions; i++) {
		entries_free(s->exceptions[i].words, s->exceptions[i].n_words);
		entries_free(s->exceptions[i].context, s->exceptions[i].n_context);
	}
	free(s->exceptions);
	free(s->exact);
	free(s->stems);
	for (size_t i = 0; i < s->n_markers; i++)
		free(s->markers[i]);
	free(s->markers);
	free(s);
}

/* ---- compile ----------------------------------------------------------- */

/* "Hijo de  PUTA" -> words "hijo", "de", "puta"; NULL with diag when an
 * entry is empty or misplaces its *. */
static int parse_entry(const y_node *where, const char *text, int directed,
		       entry *out, pregon_diag *diag)
{
	char *norm = text_normalize(text, strlen(text), TEXT_FOLD | TEXT_STRIP);
	out->words = NULL;
	out->stem = NULL;
	out->n = 0;
	out->directed = directed;
	size_t cap = 0;
	for (char *save = NULL, *w = strtok_r(norm, " \t", &save); w;
	     w = strtok_r(NULL, " \t", &save)) {
		char *star = strchr(w, '*');
		if (star && (star[1] || star - w < 3)) {
			y_error(diag, where,
				_("el asterisco va al final de una raíz de al menos tres letras («pendej*»)"),
				_("entrada no válida «%s»"), text);
			free(norm);
			/* the words parsed so far */
			for (size_t k = 0; k < out->n; k++)
				free(out->words[k]);
			free(out->words);
			free(out->stem);
			return PREGON_EINVAL;
		}
		size_t old = cap;
		xgrow(&out->words, &cap, out->n + 1, sizeof *out->words);
		if (cap != old)
			out->stem = xrealloc(out->stem, cap);
		out->stem[out->n] = star != NULL;
		if (star)
			*star = '\0';
		out->words[out->n++] = xstrdup(w);
	}
	free(norm);
	if (out->n == 0) {
		y_error(diag, where, NULL, _("entrada vacía en la lista de palabras"));
		return PREGON_EINVAL;
	}
	return 0;
}

/* Append the entries of a list of strings. */
static int add_entries(entry **list, size_t *n, const y_node *node,
		       int directed, pregon_diag *diag)
{
	const y_node **items;
	size_t k;
	if (y_to_str_list(node, &items, &k, diag))
		return PREGON_EINVAL;
	*list = xrealloc(*list, (*n + k + 1) * sizeof **list);
	for (size_t i = 0; i < k; i++) {
		if (parse_entry(items[i], items[i]->str, directed, &(*list)[*n], diag)) {
			free(items);
			return PREGON_EINVAL;
		}
		(*n)++;
	}
	free(items);
	return 0;
}

static int by_key(const void *a, const void *b)
{
	return strcmp(((const index_item *)a)->key, ((const index_item *)b)->key);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Longest entries first, so that "hijo de puta" wins over "hijo". */
static int longer_entry(const void *a, const void *b)
{
	const entry *x = a, *y = b;
	return x->n != y->n ? (x->n > y->n ? -1 : 1) : 0;
}

static void build_index(off_state *s)
{
	qsort(s->entries, s->n_entries, sizeof *s->entries, longer_entry);
	s->exact = xmalloc((s->n_entries + 1) * sizeof *s->exact);
	s->stems = xmalloc((s->n_entries + 1) * sizeof *s->stems);
	for (size_t i = 0; i < s->n_entries; i++) {
		index_item it = { s->entries[i].words[0], i };
		if (s->entries[i].stem[0])
			s->stems[s->n_stems++] = it;
		else
			s->exact[s->n_exact++] = it;
	}
	qsort(s->exact, s->n_exact, sizeof *s->exact, by_key);
	qsort(s->stems, s->n_stems, sizeof *s->stems, by_key);
}

static int parse_exceptions(off_state *s, const y_node *n, pregon_diag *diag)
{
	static const char *const exc_keys[] = { "palabras", "contexto", "distancia",
						"lado", NULL };
	static const char *const side_names[] = { "ambos", "antes", "despues", NULL };
	if (y_expect(n, Y_SEQ, "excepciones", diag))
		return PREGON_EINVAL;
	s->exceptions = xcalloc(n->n + 1, sizeof *s->exceptions);
	for (size_t i = 0; i < n->n; i++) {
		const y_node *x = n->items[i];
		exception *e = &s->exceptions[s->n_exceptions++];
		int where = SIDE_BOTH;
		e->distance = 10;
		if (y_expect(x, Y_MAP, "excepciones", diag) ||
		    y_check_keys(x, exc_keys, "excepciones", diag))
			return PREGON_EINVAL;
		const y_node *w = y_get(x, "palabras"), *c = y_get(x, "contexto"),
			     *d = y_get(x, "distancia"), *l = y_get(x, "lado");
		if (!c) {
			y_error(diag, x, NULL, _("falta la clave «%s» en %s"),
				"contexto", "excepciones");
			return PREGON_EINVAL;
		}
		if ((w && add_entries(&e->words, &e->n_words, w, 0, diag)) ||
		    add_entries(&e->context, &e->n_context, c, 0, diag) ||
		    (d && y_to_int(d, 1, 100, &e->distance, diag)) ||
		    (l && kind_choice(l, side_names, "lado", &where, diag)))
			return PREGON_EINVAL;
		e->where = (side)where;
	}
	return 0;
}

static int off_compile(void **out, const kind_compile *c, pregon_diag *diag)
{
	*out = NULL;
	off_state *s = xcalloc(1, sizeof *s);
	const y_node *words = kind_get(c, "palabras"), *directed = kind_get(c, "dirigidas"),
		     *markers = kind_get(c, "destinatarios"), *list = kind_get(c, "lista"),
		     *exc = kind_get(c, "excepciones");
	if (kind_overrides_known(c, &kind_offensive, diag) ||
	    kind_int(c, "ventana", 3, 1, 20, &s->window, diag) ||
	    kind_bool(c, "evasiones", 1, &s->evasions, diag) ||
	    kind_bool(c, "salvo_entre_comillas", 0, &s->skip_quoted, diag))
		goto fail;
	if (!words && !directed && !list) {
		y_error(diag, c->rule, _("añada «palabras», «dirigidas» o «lista»"),
			_("la regla no dice qué buscar"));
		goto fail;
	}
	if ((words && add_entries(&s->entries, &s->n_entries, words, 0, diag)) ||
	    (directed && add_entries(&s->entries, &s->n_entries, directed, 1, diag)))
		goto fail;
	if (list) {
		const config_list *l;
		if (kind_config_list(c, list, &l, diag))
			goto fail;
		s->entries = xrealloc(s->entries, (s->n_entries + l->n + 1) * sizeof *s->entries);
		for (size_t i = 0; i < l->n; i++)
			if (parse_entry(list, l->words[i], 0, &s->entries[s->n_entries++], diag))
				goto fail;
	}
	if (directed && !markers) {
		y_error(diag, directed, _("añada «destinatarios»: las palabras que señalan a quién va («eres», «pinche»)"),
			_("«dirigidas» necesita «destinatarios»"));
		goto fail;
	}
	if (markers) {
		const y_node **items;
		size_t k;
		if (y_to_str_list(markers, &items, &k, diag))
			goto fail;
		s->markers = xmalloc((k + 1) * sizeof *s->markers);
		for (size_t i = 0; i < k; i++)
			s->markers[s->n_markers++] =
				text_normalize(items[i]->str, items[i]->len, TEXT_FOLD | TEXT_STRIP);
		free(items);
		qsort(s->markers, s->n_markers, sizeof *s->markers, cmp_str);
	}
	if (exc && parse_exceptions(s, exc, diag))
		goto fail;
	build_index(s);
	*out = s;
	return 0;
fail:
	off_free(s);
	return PREGON_EINVAL;
}

/* ---- tokens ------------------------------------------------------------ */

typedef struct {
	size_t vs, ve;   /* view bytes */
	char *text;      /* normalized, in the check's buffer */
	int wildcard;    /* has a * standing for a letter */
	int single;      /* one letter, for spaced-out words */
} token;

typedef struct {
	token *t;
	size_t n, cap;
	buf text;        /* the tokens' texts, NUL-separated */
	size_t *offsets; /* offset of each token's text in `text` */
} tokens;

static int leet_letter(int c)
{
	switch (c) {
	case '0': return 'o';
	case '1': return 'i';
	case '3': return 'e';
	case '4': return 'a';
	case '5': return 's';
	case '7': return 't';
	case '@': return 'a';
	case '$': return 's';
	default: return 0;
	}
}

/* The character at s[i] belongs to a word: its length in bytes, else 0.
 * Letters beyond ASCII (ñ) do, emoji and other symbols do not, so that
 * "imbécil😡" is a word and an emoji. */
static size_t token_char(const char *s, size_t i, size_t len)
{
	unsigned char c = (unsigned char)s[i];
	if (c >= 0x80) {
		int32_t cp;
		int n = text_decode(s + i, len - i, &cp);
		return text_is_letter(cp) ? (size_t)n : 0;
	}
	if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '*' || c == '$')
		return 1;
	/* @ inside or at the end of a word ("put@"), not a mention */
	return c == '@' && i > 0 && ((unsigned char)s[i - 1] >= 'a' || (i + 1 < len &&
								 s[i + 1] >= 'a'));
}

/* The normalized text of view bytes [s, s + n): with evasions, digits and
 * symbols become letters ("p3nd3j0", "put@") and runs of three or more of
 * a letter become one ("imbecilll"). */
static void normalize_token(const off_state *st, const char *s, size_t n,
			    buf *out, int *wildcard)
{
	size_t letters = 0;
	for (size_t i = 0; i < n; i++)
		letters += ((unsigned char)s[i] >= 'a' && (unsigned char)s[i] <= 'z') ||
			   (unsigned char)s[i] >= 0x80;
	size_t start = out->len;
	*wildcard = 0;
	for (size_t i = 0; i < n; i++) {
		int c = (unsigned char)s[i];
		if (st->evasions && letters >= 2 && leet_letter(c))
			c = leet_letter(c);
		*wildcard |= c == '*';
		buf_putc(out, (char)c);
	}
	if (!st->evasions)
		return;
	char *t = out->ptr + start;
	size_t k = out->len - start, w = 0;
	for (size_t i = 0; i < k;) {
		size_t r = i + 1;
		while (r < k && t[r] == t[i])
			r++;
		size_t keep = r - i >= 3 && (unsigned char)t[i] < 0x80 ? 1 : r - i;
		memmove(t + w, t + i, keep);
		w += keep;
		i = r;
	}
	out->len = start + w;
}

static void tokens_add(tokens *tk, const off_state *st, const text_view *v,
		       size_t s, size_t e)
{
	size_t old_cap = tk->cap;
	xgrow(&tk->t, &tk->cap, tk->n + 1, sizeof *tk->t);
	if (tk->cap != old_cap)
		tk->offsets = xrealloc(tk->offsets, tk->cap * sizeof *tk->offsets);
	token *t = &tk->t[tk->n];
	t->vs = s;
	t->ve = e;
	t->single = e - s == 1 && v->s[s] >= 'a' && v->s[s] <= 'z';
	tk->offsets[tk->n] = tk->text.len;
	normalize_token(st, v->s + s, e - s, &tk->text, &t->wildcard);
	buf_putc(&tk->text, '\0');
	tk->n++;
}

/* Words of the view; mentions, URLs and e-mail addresses are not words. */
static void tokenize(tokens *tk, const off_state *st, const text_view *v)
{
	const char *s = v->s;
	size_t len = v->len;
	for (size_t i = 0; i < len;) {
		size_t chunk = i;
		while (chunk < len && s[chunk] != ' ' && s[chunk] != '\n' && s[chunk] != '\t')
			chunk++;
		int skip = s[i] == '@' || memchr(s + i, '/', chunk - i) != NULL;
		for (size_t k = i + 1; !skip && k + 1 < chunk; k++)
			skip = s[k] == '@' && s[k + 1] >= 'a' && s[k - 1] >= 'a' &&
			       memchr(s + k, '.', chunk - k) != NULL;
		for (size_t j = i; !skip && j < chunk;) {
			size_t n = token_char(s, j, len);
			if (!n) {
				j += (unsigned char)s[j] >= 0x80 ? (size_t)text_u8len((unsigned char)s[j]) : 1;
				continue;
			}
			size_t e = j;
			while (e < chunk && (n = token_char(s, e, len)))
				e += n;
			tokens_add(tk, st, v, j, e);
			j = e;
		}
		i = chunk;
		while (i < len && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t'))
			i++;
	}
	for (size_t i = 0; i < tk->n; i++)
		tk->t[i].text = tk->text.ptr + tk->offsets[i];
}

/* ---- matching ---------------------------------------------------------- */

/* Token text against one word of an entry: exact, or a stem; * in the
 * token stands for any one letter. */
static int word_matches(const token *t, const char *w, int stem)
{
	const char *a = t->text;
	size_t i = 0;
	for (; w[i]; i++) {
		if (!a[i])
			return 0;
		if (a[i] != w[i] && a[i] != '*')
			return 0;
	}
	return stem || a[i] == '\0';
}

/* Tokens matched by entry e from token i on: its length in tokens, or 0. */
static size_t match_at(const entry *en, const token *t, size_t n_left)
{
	if (en->n > n_left)
		return 0;
	for (size_t k = 0; k < en->n; k++)
		if (!word_matches(&t[k], en->words[k], en->stem[k]))
			return 0;
	return en->n;
}

static int any_word(const entry *list, size_t n, const token *t)
{
	for (size_t i = 0; i < n; i++)
		if (word_matches(t, list[i].words[0], list[i].stem[0]))
			return 1;
	return 0;
}

static int is_marker(const off_state *s, const token *t)
{
	const char *key = t->text;
	return bsearch(&key, s->markers, s->n_markers, sizeof *s->markers, cmp_str) != NULL;
}

/* An innocent sense: the matched words are an exception's and one of its
 * context words is near, on its side. */
static int excused(const off_state *s, const tokens *tk, size_t i, size_t j)
{
	for (size_t x = 0; x < s->n_exceptions; x++) {
		const exception *e = &s->exceptions[x];
		int covered = e->n_words == 0;
		for (size_t k = i; k < j && !covered; k++)
			covered = any_word(e->words, e->n_words, &tk->t[k]);
		if (!covered)
			continue;
		size_t from = i > (size_t)e->distance ? i - (size_t)e->distance : 0;
		size_t to = j + (size_t)e->distance < tk->n ? j + (size_t)e->distance : tk->n;
		if (e->where == SIDE_AFTER)
			from = j;
		if (e->where == SIDE_BEFORE)
			to = i;
		for (size_t k = from; k < to; k++)
			if ((k < i || k >= j) && any_word(e->context, e->n_context, &tk->t[k]))
				return 1;
	}
	return 0;
}

static int aimed(const off_state *s, const tokens *tk, size_t i)
{
	size_t from = i > (size_t)s->window ? i - (size_t)s->window : 0;
	for (size_t k = from; k < i; k++)
		if (is_marker(s, &tk->t[k]))
			return 1;
	return 0;
}

/* Candidate entries for the token at i, longest first: from the exact
 * index, every stem that is a prefix of it, and all entries for a token
 * with a wildcard. */
static size_t candidates(const off_state *s, const token *t, size_t *out, size_t max)
{
	size_t n = 0;
	if (t->wildcard) {
		for (size_t e = 0; e < s->n_entries && n < max; e++)
			out[n++] = e;
		return n;
	}
	index_item key = { t->text, 0 };
	index_item *hit = bsearch(&key, s->exact, s->n_exact, sizeof *s->exact, by_key);
	if (hit) {
		while (hit > s->exact && strcmp(hit[-1].key, t->text) == 0)
			hit--;
		for (; hit < s->exact + s->n_exact && strcmp(hit->key, t->text) == 0 && n < max; hit++)
			out[n++] = hit->entry;
	}
	char prefix[64];
	size_t len = strlen(t->text);
	for (size_t k = len < sizeof prefix - 1 ? len : sizeof prefix - 1; k >= 3; k--) {
		memcpy(prefix, t->text, k);
		prefix[k] = '\0';
		index_item pk = { prefix, 0 };
		index_item *h = bsearch(&pk, s->stems, s->n_stems, sizeof *s->stems, by_key);
		if (!h)
			continue;
		while (h > s->stems && strcmp(h[-1].key, prefix) == 0)
			h--;
		for (; h < s->stems + s->n_stems && strcmp(h->key, prefix) == 0 && n < max; h++)
			out[n++] = h->entry;
	}
	/* entries are sorted longest first: keep that order */
	for (size_t a = 1; a < n; a++)
		for (size_t b = a; b > 0 && out[b] < out[b - 1]; b--) {
			size_t tmp = out[b];
			out[b] = out[b - 1];
			out[b - 1] = tmp;
		}
	return n;
}

/* Spaced-out letters ("p u t o", "p.u.t.o"): three or more single letters
 * one separator apart become one token, matched as such. */
static void join_spaced(const tokens *tk, const text_view *v, size_t i, size_t *end,
			char *joined, size_t cap)
{
	size_t k = i, n = 0;
	while (k < tk->n && tk->t[k].single && n + 1 < cap &&
	       (k == i || tk->t[k].vs == tk->t[k - 1].ve + 1)) {
		if (k > i) {
			char sep = v->s[tk->t[k - 1].ve];
			if (sep != ' ' && sep != '.' && sep != '-' && sep != '_')
				break;
		}
		joined[n++] = tk->t[k].text[0];
		k++;
	}
	joined[n] = '\0';
	*end = k - i >= 3 ? k : i;
}

/* The longest entry that matches from token i (or the spaced-out
 * letters joined in *t), aimed when it must be and not excused: its length
 * in tokens, or 0. */
static size_t longest_match(const off_state *s, const tokens *tk, size_t i,
			    const token *t, size_t span)
{
	size_t cand[256];
	size_t nc = candidates(s, t, cand, 256);
	for (size_t c = 0; c < nc; c++) {
		const entry *en = &s->entries[cand[c]];
		size_t m = span ? (en->n == 1 && match_at(en, t, 1) ? span : 0)
				: match_at(en, &tk->t[i], tk->n - i);
		if (m && (!en->directed || aimed(s, tk, i)) && !excused(s, tk, i, i + m))
			return m;
	}
	return 0;
}

static void tokens_free(void *p)
{
	tokens *tk = p;
	free(tk->t);
	free(tk->offsets);
	buf_dispose(&tk->text);
	free(tk);
}

/* The words of the post for a rule with or without evasions, tokenized
 * by the first offensive rule that asks and kept with the document. */
static const tokens *doc_tokens(const off_state *s, kind_run *run, const text_view *v)
{
	void **slot = &run->doc->offensive_words[s->evasions != 0];
	if (!*slot) {
		tokens *tk = xcalloc(1, sizeof *tk);
		buf_init(&tk->text);
		tokenize(tk, s, v);
		*slot = tk;
		run->doc->offensive_words_free = tokens_free;
	}
	return *slot;
}

static int off_check(const void *p, kind_run *run)
{
	const off_state *s = p;
	const text_view *v = doc_view(run->doc, TEXT_FOLD | TEXT_STRIP);
	const tokens *tk = doc_tokens(s, run, v);
	for (size_t i = 0; i < tk->n;) {
		size_t len = 0;
		if (s->evasions && tk->t[i].single) {
			/* the longest run of the letters that spells an entry */
			char joined[64];
			size_t end;
			join_spaced(tk, v, i, &end, joined, sizeof joined);
			for (; end >= i + 3 && !len; end--) {
				joined[end - i] = '\0';
				token t = { tk->t[i].vs, tk->t[end - 1].ve, joined, 0, 0 };
				len = longest_match(s, tk, i, &t, end - i);
			}
		}
		if (!len)
			len = longest_match(s, tk, i, &tk->t[i], 0);
		if (len && !(s->skip_quoted && kind_quoted(v, tk->t[i].vs)))
			kind_emit_view_span(run, v, tk->t[i].vs, tk->t[i + len - 1].ve, NULL, NULL, 0);
		i += len ? len : 1;
	}
	return 0;
}

const kind_ops kind_offensive = { "offensive", keys, off_compile, NULL,
				  off_check, off_free, NULL };
