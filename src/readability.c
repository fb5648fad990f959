/* readability.c: words, sentences and the INFLESZ scale (readability.h). */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "readability.h"
#include "spanish.h"
#include "syllables.h"
#include "text.h"

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* A whitespace-delimited token that is a link, a mention, a hashtag or an
 * e-mail address: no word of it is read as prose. */
static int is_entity(const char *s, size_t len)
{
	if (len && (s[0] == '#' || s[0] == '@'))
		return 1;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '@' || (i + 3 <= len && memcmp(s + i, "://", 3) == 0))
			return 1;
		/* a domain: tecate.gob.mx, bit.ly/pago */
		if (i && s[i] == '.' && i + 1 < len && s[i + 1] >= 'a' && s[i + 1] <= 'z')
			return 1;
	}
	return 0;
}

static int32_t cp_at(const char *s, size_t len, size_t i, int *n)
{
	int32_t cp = 0;
	int k = i < len ? text_decode(s + i, len - i, &cp) : 0;
	*n = k > 0 ? k : 1;
	return i < len && k > 0 ? cp : 0;
}

/* The first code point at or after i that is not a space (0 at the end),
 * and whether a blank line lies on the way. */
static int32_t next_visible(const char *s, size_t len, size_t i, int *blank_line)
{
	int newlines = 0;
	*blank_line = 0;
	while (i < len && is_space(s[i])) {
		newlines += s[i] == '\n';
		i++;
	}
	*blank_line = newlines > 1;
	int n;
	return cp_at(s, len, i, &n);
}

static int ends_sentence_mark(int32_t cp)
{
	return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;
}

/* Closing quotes and brackets that may follow an end mark. */
static int is_closer(int32_t cp)
{
	return cp == '"' || cp == ')' || cp == ']' || cp == 0xBB || cp == 0x201D ||
	       cp == 0x2019 || cp == '\'' || cp == '*' || cp == '_';
}

typedef struct {
	rd_text *t;
	size_t cap_w, cap_s;
	size_t first_word;   /* index of the current sentence's first word */
} builder;

static void close_sentence(builder *b, size_t end)
{
	rd_text *t = b->t;
	if (t->n_words == b->first_word)
		return;
	assert(t->words); /* a sentence holds words */
	if (t->n_sentences == b->cap_s) {
		b->cap_s = b->cap_s ? 2 * b->cap_s : 16;
		t->sentences = xrealloc(t->sentences, b->cap_s * sizeof *t->sentences);
	}
	rd_sentence *s = &t->sentences[t->n_sentences++];
	s->offset = t->words[b->first_word].offset;
	s->len = end - s->offset;
	s->words = t->n_words - b->first_word;
	b->first_word = t->n_words;
}

static void add_word(builder *b, const char *s, size_t start, size_t end)
{
	rd_text *t = b->t;
	if (t->n_words == b->cap_w) {
		b->cap_w = b->cap_w ? 2 * b->cap_w : 64;
		t->words = xrealloc(t->words, b->cap_w * sizeof *t->words);
	}
	rd_word *w = &t->words[t->n_words++];
	w->offset = start;
	w->len = end - start;
	w->syllables = syl_count(s + start, end - start);
	t->syllables += (size_t)w->syllables;
}

void rd_analyze(rd_text *out, const char *s, size_t len)
{
	memset(out, 0, sizeof *out);
	builder b = { out, 0, 0, 0 };
	size_t i = 0;
	while (i < len) {
		if (is_space(s[i])) {
			if (s[i] == '\n') {
				int blank;
				int32_t next = next_visible(s, len, i, &blank);
				if (blank || !next || !text_is_letter(next))
					close_sentence(&b, i);
			}
			i++;
			continue;
		}
		size_t tok = i;
		while (i < len && !is_space(s[i]))
			i++;
		if (is_entity(s + tok, i - tok))
			continue;
		/* the words and end marks inside the token */
		for (size_t j = tok; j < i;) {
			int n;
			int32_t cp = cp_at(s, i, j, &n);
			if (text_is_letter(cp)) {
				size_t w = j;
				while (j < i && text_is_letter(cp_at(s, i, j, &n)))
					j += (size_t)n;
				add_word(&b, s, w, j);
				continue;
			}
			j += (size_t)n;
			if (!ends_sentence_mark(cp))
				continue;
			size_t k = j;
			while (k < i && (ends_sentence_mark(cp_at(s, i, k, &n)) ||
					 is_closer(cp_at(s, i, k, &n))))
				k += (size_t)n;
			if (k < i)
				continue; /* inside a token: 8.5, tecate.gob.mx */
			int blank;
			int32_t next = next_visible(s, len, i, &blank);
			const rd_word *last = out->n_words ? &out->words[out->n_words - 1] : NULL;
			if (cp == '.' && next && !blank &&
			    (text_is_lower(next) || (next >= '0' && next <= '9') ||
			     (last && last->offset + last->len + 1 == j &&
			      sp_abbreviation(s + last->offset, last->len))))
				continue; /* an abbreviation: Sr. López, núm. 5 */
			close_sentence(&b, k);
			j = k;
		}
	}
	close_sentence(&b, len);
}

void rd_dispose(rd_text *t)
{
	free(t->words);
	free(t->sentences);
	memset(t, 0, sizeof *t);
}

double rd_inflesz(const rd_text *t)
{
	if (!t->n_words)
		return 0;
	double w = (double)t->n_words;
	double f = t->n_sentences ? (double)t->n_sentences : 1;
	return 206.835 - 62.3 * (double)t->syllables / w - w / f;
}

const char *rd_inflesz_grade(double v)
{
	if (v < 40)
		return _("muy difícil");
	if (v < 55)
		return _("algo difícil");
	if (v <= 65)
		return _("normal");
	if (v <= 80)
		return _("bastante fácil");
	return _("muy fácil");
}
