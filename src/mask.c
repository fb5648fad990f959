/* mask.c: masking personal data in everything a report prints. */
#include <stdlib.h>
#include <string.h>

#include "mask.h"
#include "text.h"

#define MASK "\xE2\x80\xA2" /* • */

/* How much of a datum a reviewer may see: enough to find it in the draft,
 * never enough to use it. */
typedef struct {
	size_t alnum;     /* letters and digits in the span */
	size_t show_head; /* shown at the start */
	size_t show_tail; /* shown at the end */
} mask_plan;

static mask_plan plan_for(const char *s, size_t len)
{
	mask_plan p = { 0, 0, 0 };
	int one_word = 1;
	for (size_t i = 0; i < len;) {
		int32_t cp;
		i += (size_t)text_decode(s + i, len - i, &cp);
		if (text_is_alnum(cp))
			p.alnum++;
		else
			one_word = 0;
	}
	/* An address or a card is written in several words: its head could
	 * name a person or an issuer, so only a long single token (a CURP, a
	 * CLABE) keeps its first four. */
	p.show_head = one_word && p.alnum >= 18 ? 4 : 0;
	p.show_tail = p.alnum >= 8 ? 2 : 0;
	return p;
}

/* The first span that ends after `offset`: spans are sorted and disjoint,
 * so their ends are sorted too.  A report may hold thousands of them. */
static size_t first_ending_after(const pregon_span *spans, size_t n,
				 size_t offset)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (spans[mid].offset + spans[mid].length <= offset)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int mask_touches(const pregon_span *spans, size_t n, size_t offset,
		 size_t length)
{
	size_t end = offset + length;
	for (size_t i = first_ending_after(spans, n, offset); i < n; i++) {
		size_t s = spans[i].offset, e = s + spans[i].length;
		if (s < end && offset < e)
			return 1;
		if (s >= end)
			break;
	}
	return 0;
}

/* Masked bytes of span [s, e) that fall in [from, to). */
static void put_span(buf *out, const char *in, size_t s, size_t e,
		     size_t from, size_t to)
{
	mask_plan p = plan_for(in + s, e - s);
	size_t k = 0; /* letters and digits seen so far */
	for (size_t i = s; i < e;) {
		int32_t cp;
		size_t n = (size_t)text_decode(in + i, e - i, &cp);
		int alnum = text_is_alnum(cp);
		int shown = !alnum || k < p.show_head || k >= p.alnum - p.show_tail;
		if (i >= from && i < to) {
			if (shown)
				buf_put(out, in + i, n);
			else
				buf_puts(out, MASK);
		}
		k += alnum;
		i += n;
	}
}

static size_t cp_start(const char *s, size_t len, size_t at)
{
	if (at > len)
		at = len;
	while (at > 0 && at < len && ((unsigned char)s[at] & 0xC0) == 0x80)
		at--;
	return at;
}

void mask_put(buf *out, const char *in, size_t len, size_t from, size_t to,
	      const pregon_span *spans, size_t n)
{
	from = cp_start(in, len, from);
	to = cp_start(in, len, to);
	size_t at = from;
	for (size_t i = first_ending_after(spans, n, from); i < n && at < to; i++) {
		size_t s = spans[i].offset, e = s + spans[i].length;
		if (e <= at)
			continue;
		if (s >= to)
			break;
		if (s > at) {
			buf_put(out, in + at, s - at);
			at = s;
		}
		put_span(out, in, s, e, at, to);
		at = e < to ? e : to;
	}
	if (at < to)
		buf_put(out, in + at, to - at);
}

char *pregon_report_excerpt(const pregon_report *r, size_t offset,
			    size_t length)
{
	buf b;
	buf_init(&b);
	if (r->input && offset < r->input_len) {
		size_t end = length > r->input_len - offset ? r->input_len
							     : offset + length;
		mask_put(&b, r->input, r->input_len, offset, end, r->sensitive,
			 r->n_sensitive);
	}
	return buf_detach(&b);
}
