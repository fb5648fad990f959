/* caps.c: the `caps` kind (criterion XX: capitals only to highlight words).
 *
 * Words are classed as capitals, lower case or neutral.  Neutral words
 * neither count nor break a run: acronyms of the allow-list (`siglas` plus
 * the configuration list named by `lista`), roman numerals, numbers,
 * hashtags, mentions, URLs and e-mail addresses.  One or two words in
 * capitals among lower-case ones are highlights or acronyms ("el IMSS y la
 * CFE"); a longer run is shouting ("SE SUSPENDE EL SERVICIO") whatever the
 * length of its words.  Findings, from the widest:
 * the whole post when capitals dominate it, a sentence when they dominate it,
 * and any run of more than `max_palabras` words in capitals. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "kind.h"

typedef struct {
	char **acronyms; /* sorted */
	size_t n_acronyms;
	long max_run;
	long min_words;
	double ratio;
} caps_state;

static const char *const keys[] = { "max_palabras", "min_palabras",
				    "proporcion", "siglas", "lista", NULL };

enum { W_CAPS, W_LOWER, W_NEUTRAL };

typedef struct {
	size_t vs, ve;   /* view bytes */
	int cls;
	int sentence;
	int para;
	int starts_sentence;
	int covered;
} word;

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void caps_free(void *p)
{
	caps_state *s = p;
	if (!s)
		return;
	for (size_t i = 0; i < s->n_acronyms; i++)
		free(s->acronyms[i]);
	free(s->acronyms);
	free(s);
}

static void add_acronyms(caps_state *s, const char *const *words, size_t n)
{
	s->acronyms = xrealloc(s->acronyms,
			       (s->n_acronyms + n + 1) * sizeof *s->acronyms);
	for (size_t i = 0; i < n; i++)
		s->acronyms[s->n_acronyms++] =
			text_normalize(words[i], strlen(words[i]), 0);
}

static int caps_compile(void **out, const kind_compile *c, pregon_diag *diag)
{
	*out = NULL;
	caps_state *s = xcalloc(1, sizeof *s);
	if (kind_overrides_known(c, &kind_caps, diag) ||
	    kind_int(c, "max_palabras", 2, 1, 100, &s->max_run, diag) ||
	    kind_int(c, "min_palabras", 4, 1, 1000, &s->min_words, diag) ||
	    kind_double(c, "proporcion", 0.6, 0.01, 1.0, &s->ratio, diag))
		goto fail;
	const y_node *n = kind_get(c, "siglas");
	if (n) {
		const y_node **items;
		size_t k;
		if (y_to_str_list(n, &items, &k, diag))
			goto fail;
		const char **w = xmalloc((k ? k : 1) * sizeof *w);
		for (size_t i = 0; i < k; i++)
			w[i] = items[i]->str;
		add_acronyms(s, w, k);
		free(w);
		free(items);
	}
	/* `lista` must exist; the default «siglas» may not */
	const config_list *l = config_list_get(c->config, "siglas");
	if ((n = kind_get(c, "lista")) && kind_config_list(c, n, &l, diag))
		goto fail;
	if (l)
		add_acronyms(s, l->words, l->n);
	if (s->n_acronyms)
		qsort(s->acronyms, s->n_acronyms, sizeof *s->acronyms, cmp_str);
	*out = s;
	return 0;
fail:
	caps_free(s);
	return PREGON_EINVAL;
}

static int is_roman(const char *w, size_t n)
{
	/* strict: M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3}) */
	static const char *const groups[3][10] = {
		{ "", "C", "CC", "CCC", "CD", "D", "DC", "DCC", "DCCC", "CM" },
		{ "", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC" },
		{ "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX" },
	};
	size_t i = 0;
	while (i < n && i < 3 && w[i] == 'M')
		i++;
	for (int g = 0; g < 3; g++) {
		size_t best = 0;
		for (int k = 1; k < 10; k++) {
			size_t len = strlen(groups[g][k]);
			if (len > best && i + len <= n &&
			    memcmp(w + i, groups[g][k], len) == 0)
				best = len;
		}
		i += best;
	}
	return n > 0 && i == n;
}

static int is_acronym(const caps_state *s, const char *w, size_t n)
{
	if (!s->n_acronyms)
		return 0;
	char *key = xstrndup(w, n);
	int hit = bsearch(&key, s->acronyms, s->n_acronyms, sizeof *s->acronyms,
			  cmp_str) != NULL;
	free(key);
	return hit;
}

static int classify(const caps_state *s, const char *w, size_t n)
{
	int upper = 0, lower = 0;
	for (size_t i = 0; i < n;) {
		int32_t cp;
		i += (size_t)text_decode(w + i, n - i, &cp);
		upper += text_is_upper(cp);
		lower += text_is_lower(cp);
	}
	if (lower)
		return W_LOWER;
	if (!upper || is_acronym(s, w, n) || is_roman(w, n))
		return W_NEUTRAL;
	return W_CAPS;
}

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Hashtags, mentions, URLs and e-mail addresses are chunks to skip. */
static int neutral_chunk(const char *s, size_t n)
{
	if (n && (s[0] == '#' || s[0] == '@'))
		return 1;
	for (size_t i = 0; i + 2 < n; i++)
		if (s[i] == ':' && s[i + 1] == '/' && s[i + 2] == '/')
			return 1;
	if (n > 4 && (strncmp(s, "www.", 4) == 0 || strncmp(s, "WWW.", 4) == 0))
		return 1;
	return memchr(s, '@', n) != NULL;
}

static size_t tokenize(const caps_state *st, const char *s, size_t len,
		       word **out)
{
	size_t cap = 32, n = 0;
	word *w = xmalloc(cap * sizeof *w);
	int sentence = 0, para = 0, newlines = 0, pending_break = 1;
	size_t i = 0;
	while (i < len) {
		if (is_space((unsigned char)s[i])) {
			if (s[i] == '\n' && ++newlines >= 2) {
				para++;
			}
			if (s[i] == '\n')
				pending_break = 1;
			i++;
			continue;
		}
		size_t e = i;
		while (e < len && !is_space((unsigned char)s[e]))
			e++;
		int chunk_neutral = neutral_chunk(s + i, e - i);
		if (pending_break) {
			sentence++;
			pending_break = 0;
		}
		newlines = 0;
		for (size_t j = i; j < e;) {
			int32_t cp;
			int k = text_decode(s + j, e - j, &cp);
			if (!text_is_alnum(cp)) {
				if (cp == '.' || cp == '!' || cp == '?' || cp == 0x2026)
					pending_break = 1;
				j += (size_t)k;
				continue;
			}
			if (pending_break) {
				sentence++;
				pending_break = 0;
			}
			size_t ws = j;
			while (j < e) {
				k = text_decode(s + j, e - j, &cp);
				if (text_is_alnum(cp)) {
					j += (size_t)k;
					continue;
				}
				/* an apostrophe or hyphen inside a word */
				int32_t next = 0;
				if (j + (size_t)k < e)
					text_decode(s + j + k, e - j - (size_t)k, &next);
				if ((cp == '-' || cp == '\'' || cp == 0x2019) &&
				    text_is_alnum(next)) {
					j += (size_t)k;
					continue;
				}
				break;
			}
			xgrow(&w, &cap, n + 1, sizeof *w);
			word *x = &w[n++];
			x->vs = ws;
			x->ve = j;
			x->cls = chunk_neutral ? W_NEUTRAL
					       : classify(st, s + ws, j - ws);
			x->sentence = sentence;
			x->para = para;
			x->starts_sentence = n == 1 || w[n - 2].sentence != sentence;
			x->covered = 0;
		}
		i = e;
	}
	*out = w;
	return n;
}

/* The span's text with its shouted words in lower case, keeping a capital
 * at the start of each sentence. */
static char *lowered(const doc_t *d, const text_view *v, const word *w,
		     size_t from, size_t to)
{
	buf b;
	buf_init(&b);
	size_t start, end, cursor;
	text_view_span(v, w[from].vs, w[to].ve, &start, &end);
	cursor = start;
	for (size_t i = from; i <= to; i++) {
		size_t ws, we;
		text_view_span(v, w[i].vs, w[i].ve, &ws, &we);
		buf_put(&b, d->input + cursor, ws - cursor);
		if (w[i].cls != W_CAPS) {
			buf_put(&b, d->input + ws, we - ws);
		} else {
			int keep = w[i].starts_sentence;
			for (size_t k = ws; k < we;) {
				int32_t cp;
				k += (size_t)text_decode(d->input + k, we - k, &cp);
				if (!keep && text_is_letter(cp))
					cp = utf8proc_tolower(cp);
				else if (text_is_letter(cp))
					keep = 0;
				utf8proc_uint8_t enc[4];
				utf8proc_ssize_t n = utf8proc_encode_char(cp, enc);
				buf_put(&b, (const char *)enc, (size_t)n);
			}
		}
		cursor = we;
	}
	buf_put(&b, d->input + cursor, end - cursor);
	return buf_detach(&b);
}

static void emit_span(kind_run *run, const text_view *v, word *w, size_t from,
		      size_t to, const char *message)
{
	char *sug = lowered(run->doc, v, w, from, to);
	const char *sugs[1] = { sug };
	kind_emit_view_span(run, v, w[from].vs, w[to].ve, message, sugs, 1);
	free(sug);
	for (size_t i = from; i <= to; i++)
		w[i].covered = 1;
}

/* Counted (not neutral) and capital words in [from, to]. */
static void tally(const word *w, size_t from, size_t to, size_t *counted,
		  size_t *caps)
{
	*counted = *caps = 0;
	for (size_t i = from; i <= to; i++) {
		if (w[i].cls == W_NEUTRAL)
			continue;
		(*counted)++;
		*caps += w[i].cls == W_CAPS;
	}
}

/* Capitals dominate when there are enough words, more capitals than the
 * highlights a run may have, and their share reaches `proporcion`. */
static int dominated(const caps_state *s, size_t counted, size_t caps)
{
	return counted >= (size_t)s->min_words && caps > (size_t)s->max_run &&
	       (double)caps >= s->ratio * (double)counted;
}

static int caps_check(const void *p, kind_run *run)
{
	const caps_state *s = p;
	const text_view *v = doc_view(run->doc, 0);
	word *w;
	size_t n = tokenize(s, v->s, v->len, &w);
	size_t counted, caps;
	if (n == 0)
		goto done;
	/* the whole post */
	tally(w, 0, n - 1, &counted, &caps);
	if (dominated(s, counted, caps) && w[0].sentence != w[n - 1].sentence) {
		emit_span(run, v, w, 0, n - 1,
			  _("la publicación está escrita casi toda en mayúsculas; úselas solo para destacar palabras"));
		goto done;
	}
	/* each sentence */
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j + 1 < n && w[j + 1].sentence == w[i].sentence)
			j++;
		tally(w, i, j, &counted, &caps);
		if (dominated(s, counted, caps))
			emit_span(run, v, w, i, j,
				  _("la oración está escrita casi toda en mayúsculas; úselas solo para destacar palabras"));
		i = j + 1;
	}
	/* runs of capitals; neutral words neither count nor break them */
	for (size_t i = 0; i < n;) {
		if (w[i].cls != W_CAPS) {
			i++;
			continue;
		}
		size_t j = i, last = i, len = 1;
		int covered = w[i].covered;
		for (size_t k = i + 1; k < n && w[k].para == w[i].para; k++) {
			if (w[k].cls == W_LOWER)
				break;
			if (w[k].cls == W_CAPS) {
				len++;
				last = k;
				covered |= w[k].covered;
			}
			j = k;
		}
		if (len > (size_t)s->max_run && !covered)
			emit_span(run, v, w, i, last, NULL);
		i = j + 1;
	}
done:
	free(w);
	return 0;
}

const kind_ops kind_caps = { "caps", keys, caps_compile, NULL, caps_check, caps_free, NULL };
