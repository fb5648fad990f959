/* spam.c: the `spam` kind (criterio XXI: no spam).  `cuenta` says what is
 * limited per post, and `maximo` how many are still fine:
 *
 *   etiquetas, menciones, enlaces   as X recognizes them (count.h)
 *   exclamaciones                   "!" signs (a "¡…!" pair is one)
 *   emoji                           emoji sequences (a family is one)
 *   letras-repetidas                the same letter more than `maximo`
 *                                   times in a row ("graciaaaas")
 *   texto-repetido                  a paragraph that repeats an earlier one
 *                                   of the post, or a post whose text an
 *                                   earlier file of the batch published;
 *                                   only texts of `min_palabras` words
 *
 * A limit finding spans from the first item over the limit to the last. */
#include <assert.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "kind.h"

enum { S_HASHTAGS, S_MENTIONS, S_LINKS, S_EXCLAMATIONS, S_EMOJI, S_LETTERS,
       S_REPEATED };

typedef struct {
	int what;
	long max;
	long min_words;
	const count_lexer *lexer;
	char *message[2];
} spam_state;

static const char *const keys[] = { "cuenta", "maximo", "min_palabras", NULL };
static const char *const what_names[] = { "etiquetas", "menciones", "enlaces",
					  "exclamaciones", "emoji",
					  "letras-repetidas", "texto-repetido",
					  NULL };

static void spam_free(void *p)
{
	spam_state *s = p;
	if (!s)
		return;
	free(s->message[0]);
	free(s->message[1]);
	free(s);
}

static int spam_compile(void **out, const kind_compile *c, pregon_diag *diag)
{
	*out = NULL;
	spam_state *s = xcalloc(1, sizeof *s);
	if (kind_overrides_known(c, &kind_spam, diag) ||
	    kind_required_choice(c, "cuenta", what_names, &s->what, diag))
		goto fail;
	if (kind_int(c, "maximo", s->what == S_LETTERS ? 3 : 5, 0, 1000, &s->max, diag) ||
	    kind_int(c, "min_palabras", 8, 1, 1000, &s->min_words, diag))
		goto fail;
	if ((s->what <= S_LINKS || s->what == S_LETTERS) &&
	    kind_lexer(&s->lexer, c, diag))
		goto fail;
	kind_messages(c, s->message);
	*out = s;
	return 0;
fail:
	spam_free(s);
	return PREGON_EINVAL;
}

static void emit(const spam_state *s, kind_run *run, const text_view *v,
		 size_t vs, size_t ve, long count, const char *earlier)
{
	char n[32], max[32];
	snprintf(n, sizeof n, "%ld", count);
	snprintf(max, sizeof max, "%ld", s->max);
	const char *names[] = { "cuenta", "maximo", "anterior" };
	const char *values[] = { n, max, earlier ? earlier : "" };
	char *msg = kind_fill(s->message[run->lang == PREGON_LANG_EN], names,
			      values, 3);
	kind_emit_view_span(run, v, vs, ve, msg, NULL, 0);
	free(msg);
}

/* Items of a limit, in order: how many, where the first one over the
 * maximum starts and where the last one ends. */
typedef struct {
	size_t n, over_start, last_end;
} tally;

static void tally_add(const spam_state *s, tally *t, size_t start, size_t end)
{
	if (t->n++ == (size_t)s->max)
		t->over_start = start;
	t->last_end = end;
}

static void count_signs(const spam_state *s, const text_view *v, tally *t)
{
	for (size_t i = 0; i < v->len;) {
		if (s->what == S_EMOJI) {
			size_t e = count_cluster_end(v->s, v->len, i);
			if (count_is_emoji_cluster(v->s + i, e - i))
				tally_add(s, t, i, e);
			i = e;
			continue;
		}
		/* the "!" of an HTML comment's "<!--" is markup (a
		 * suppression directive), not emphasis */
		if (v->s[i] == '!' &&
		    !(i > 0 && v->s[i - 1] == '<' && i + 2 < v->len &&
		      v->s[i + 1] == '-' && v->s[i + 2] == '-'))
			tally_add(s, t, i, i + 1);
		i += (size_t)text_u8len((unsigned char)v->s[i]);
	}
}

static int is_letter_at(const text_view *v, size_t i)
{
	int32_t c;
	text_decode(v->s + i, v->len - i, &c);
	return text_is_letter(c);
}

/* Letters repeated in a link, a mention or a hashtag are names, not
 * emphasis ("t.co/A63sZCcCC7"): those spans are skipped. */
static void repeated_letters(const spam_state *s, kind_run *run,
			     const text_view *v, const count_entities *names)
{
	size_t next_name = 0;
	for (size_t i = 0; i < v->len;) {
		while (next_name < names->n &&
		       names->items[next_name].offset + names->items[next_name].len <= i)
			next_name++;
		if (next_name < names->n && names->items[next_name].offset <= i) {
			i = names->items[next_name].offset + names->items[next_name].len;
			continue;
		}
		int32_t cp, next;
		size_t start = i;
		i += (size_t)text_decode(v->s + i, v->len - i, &cp);
		if (!text_is_letter(cp))
			continue;
		cp = utf8proc_tolower(cp);
		long count = 1;
		while (i < v->len) {
			int k = text_decode(v->s + i, v->len - i, &next);
			if (utf8proc_tolower(next) != cp)
				break;
			i += (size_t)k;
			count++;
		}
		if (count <= s->max)
			continue;
		/* the finding shows the whole word: «Graciaaaas» */
		size_t ws = start, we = i;
		while (ws > 0) {
			size_t k = ws - 1;
			while (k > 0 && ((unsigned char)v->s[k] & 0xC0) == 0x80)
				k--;
			if (!is_letter_at(v, k))
				break;
			ws = k;
		}
		while (we < v->len && is_letter_at(v, we))
			we += (size_t)text_u8len((unsigned char)v->s[we]);
		emit(s, run, v, ws, we, count, NULL);
		i = we;
	}
}

/* The words of view bytes [a, b) as "w1 w2 …" (folded, no accents), and
 * how many there are. */
static size_t words_key(const text_view *v, size_t a, size_t b, buf *key)
{
	size_t n = 0;
	int in_word = 0;
	key->len = 0;
	buf_puts(key, "");
	for (size_t i = a; i < b;) {
		int32_t cp;
		int k = text_decode(v->s + i, b - i, &cp);
		int alnum = text_is_alnum(cp);
		if (alnum && !in_word && n++)
			buf_putc(key, ' ');
		if (alnum)
			buf_put(key, v->s + i, (size_t)k);
		in_word = alnum;
		i += (size_t)k;
	}
	return n;
}

/* Paragraphs (runs of non-blank lines) of the view, as [start, end). */
static int next_paragraph(const text_view *v, size_t *at, size_t *ps, size_t *pe)
{
	size_t i = *at;
	for (;;) {
		while (i < v->len && (v->s[i] == ' ' || v->s[i] == '\t' || v->s[i] == '\r'))
			i++;
		if (i < v->len && v->s[i] == '\n') {
			i++;
			continue;
		}
		break;
	}
	if (i >= v->len)
		return 0;
	*ps = i;
	size_t line_start = i;
	while (i < v->len) {
		if (v->s[i] == '\n') {
			size_t j = line_start;
			while (j < i && (v->s[j] == ' ' || v->s[j] == '\t' || v->s[j] == '\r'))
				j++;
			if (j == i && j > *ps)
				break; /* a blank line ends the paragraph */
			line_start = i + 1;
		}
		i++;
	}
	*pe = i;
	while (*pe > *ps && (v->s[*pe - 1] == '\n' || v->s[*pe - 1] == ' ' ||
			     v->s[*pe - 1] == '\r' || v->s[*pe - 1] == '\t'))
		(*pe)--;
	*at = i;
	return 1;
}

/* A paragraph already seen in the document: its words and where it starts. */
typedef struct {
	uint64_t hash;
	char *key;
	size_t len;
	size_t start;
} seen_para;

/* The table twice as large (16 at first), entries rehashed. */
static seen_para *grow_seen(seen_para *old, size_t *cap)
{
	size_t n = *cap ? *cap * 2 : 16;
	seen_para *t = xcalloc(n, sizeof *t);
	for (size_t i = 0; i < *cap; i++) {
		if (!old[i].key)
			continue;
		size_t j = (size_t)old[i].hash & (n - 1);
		while (t[j].key)
			j = (j + 1) & (n - 1);
		t[j] = old[i];
	}
	free(old);
	*cap = n;
	return t;
}

static void repeated_text(const spam_state *s, kind_run *run)
{
	doc_t *d = run->doc;
	const text_view *v = doc_view(d, TEXT_FOLD | TEXT_STRIP);
	buf key;
	buf_init(&key);
	if (run->batch && words_key(v, 0, v->len, &key) >= (size_t)s->min_words) {
		const char *earlier = batch_record(run->batch, key.ptr, key.len, d->path,
						   run->batch_seq);
		if (earlier)
			emit(s, run, v, 0, v->len, 0, earlier);
	}
	if (run->cross_files_only)
		goto done;
	/* each paragraph's words once, in a hash table of the earlier ones:
	 * a long input costs one pass, not one per pair of paragraphs */
	seen_para *table = NULL;
	size_t cap = 0, used = 0, at = 0, ps, pe;
	while (next_paragraph(v, &at, &ps, &pe)) {
		if (words_key(v, ps, pe, &key) < (size_t)s->min_words)
			continue;
		if (used * 2 >= cap)
			table = grow_seen(table, &cap);
		uint64_t h = hash_bytes(key.ptr, key.len);
		size_t i = (size_t)h & (cap - 1);
		while (table[i].key && (table[i].hash != h || table[i].len != key.len ||
					memcmp(table[i].key, key.ptr, key.len) != 0))
			i = (i + 1) & (cap - 1);
		if (!table[i].key) {
			table[i] = (seen_para){ h, xstrndup(key.ptr, key.len), key.len, ps };
			used++;
			continue;
		}
		size_t os, oe;
		int line, col;
		text_view_span(v, table[i].start, table[i].start, &os, &oe);
		text_linemap_locate(&d->lines, os, &line, &col);
		char where[64];
		snprintf(where, sizeof where, _("la línea %d"), line);
		emit(s, run, v, ps, pe, 0, where);
	}
	for (size_t i = 0; i < cap; i++)
		free(table[i].key);
	free(table);
done:
	buf_dispose(&key);
}

static int spam_check(const void *p, kind_run *run)
{
	const spam_state *s = p;
	if (s->what == S_REPEATED) {
		repeated_text(s, run);
		return 0;
	}
	const text_view *v;
	const count_entities *found = NULL;
	int rc = kind_body(run, s->lexer, &v, s->lexer ? &found : NULL);
	if (rc)
		return rc;
	/* these counts have a lexer (spam_compile), so kind_body found them */
	assert(found || (s->what != S_LETTERS && s->what > S_LINKS));
	if (s->what == S_LETTERS) {
		repeated_letters(s, run, v, found);
		return 0;
	}
	if (s->what <= S_LINKS) {
		static const count_kind kinds[] = { COUNT_HASHTAG, COUNT_MENTION,
						    COUNT_URL };
		const count_entity *first, *last;
		size_t n = count_select(found, kinds[s->what], (size_t)s->max, &first,
					&last);
		if (first)
			emit(s, run, v, first->offset, last->offset + last->len,
			     (long)n, NULL);
		return 0;
	}
	tally t = { 0, 0, 0 };
	count_signs(s, v, &t);
	if (t.n > (size_t)s->max)
		emit(s, run, v, t.over_start, t.last_end, (long)t.n, NULL);
	return 0;
}

static int spam_across_files(const void *p)
{
	return ((const spam_state *)p)->what == S_REPEATED;
}

const kind_ops kind_spam = { "spam", keys, spam_compile, NULL, spam_check,
			     spam_free, spam_across_files };
