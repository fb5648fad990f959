/* text.c: UTF-8, the line map and normalized views (utf8proc). */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "common.h"
#include "text.h"

int text_u8len(unsigned char c)
{
	if (c < 0xC0)
		return 1;
	if (c < 0xE0)
		return 2;
	if (c < 0xF0)
		return 3;
	return 4;
}

int text_validate(const char *s, size_t len, size_t *bad)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < len) {
		unsigned char c = p[i];
		if (c < 0x80) {
			if (c == 0) {
				*bad = i;
				return 2;
			}
			i++;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
		if (n < 0) {
			*bad = i;
			return 1;
		}
		i += (size_t)n;
	}
	return 0;
}

int text_decode(const char *s, size_t len, int32_t *cp)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s,
					      (utf8proc_ssize_t)len, &c);
	if (n <= 0) {
		*cp = 0xFFFD;
		return 1;
	}
	*cp = c;
	return (int)n;
}

size_t text_count_cp(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

void text_linemap_init(text_linemap *lm, const char *text, size_t len)
{
	lm->text = text;
	lm->len = len;
	lm->bom = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	size_t cap = 16;
	lm->line_starts = xmalloc(cap * sizeof *lm->line_starts);
	lm->n_lines = 0;
	lm->line_starts[lm->n_lines++] = 0;
	size_t n_marks = len / TEXT_CP_STEP + 1;
	lm->cp_marks = xmalloc(n_marks * sizeof *lm->cp_marks);
	uint32_t cps = 0;
	for (size_t i = 0; i < len; i++) {
		if (i % TEXT_CP_STEP == 0)
			lm->cp_marks[i / TEXT_CP_STEP] = cps;
		unsigned char c = (unsigned char)text[i];
		cps += (c & 0xC0) != 0x80;
		if (c == '\n') {
			xgrow(&lm->line_starts, &cap, lm->n_lines + 1,
			      sizeof *lm->line_starts);
			lm->line_starts[lm->n_lines++] = i + 1;
		}
	}
	if (len % TEXT_CP_STEP == 0)
		lm->cp_marks[len / TEXT_CP_STEP] = cps;
}

void text_linemap_dispose(text_linemap *lm)
{
	free(lm->line_starts);
	free(lm->cp_marks);
	memset(lm, 0, sizeof *lm);
}

static size_t cp_before(const text_linemap *lm, size_t offset)
{
	size_t k = offset / TEXT_CP_STEP;
	size_t n = lm->cp_marks[k];
	for (size_t i = k * TEXT_CP_STEP; i < offset; i++)
		n += ((unsigned char)lm->text[i] & 0xC0) != 0x80;
	return n;
}

void text_linemap_locate(const text_linemap *lm, size_t offset, int *line,
			 int *col)
{
	if (offset > lm->len)
		offset = lm->len;
	size_t lo = 0, hi = lm->n_lines;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (lm->line_starts[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	size_t start = lm->line_starts[lo];
	if (lo == 0 && lm->bom && offset >= lm->bom)
		start = lm->bom;
	*line = (int)lo + 1;
	*col = (int)(cp_before(lm, offset) - cp_before(lm, start)) + 1;
}

/* Characters that views turn into a plain space or drop: typing habits and
 * evasions must not change what a rule sees. */
static int space_like(int32_t cp)
{
	return cp == 0x00A0 || cp == 0x2007 || cp == 0x202F || cp == 0x3000 ||
	       (cp >= 0x2000 && cp <= 0x200A);
}

static int invisible(int32_t cp)
{
	return cp == 0x00AD || cp == 0x200B || cp == 0x2060 || cp == 0xFEFF;
}

static int is_combining(const char *s, size_t len)
{
	if (len == 0 || (unsigned char)s[0] < 0x80)
		return 0;
	int32_t cp;
	text_decode(s, len, &cp);
	return utf8proc_get_property(cp)->combining_class != 0 ||
	       utf8proc_category(cp) == UTF8PROC_CATEGORY_MN;
}

/* Normalize one segment (a starter and its combining marks) into out;
 * returns the number of bytes written.  `tmp` holds scratch code points. */
static size_t normalize_segment(const char *s, size_t len, int flags,
				int32_t **tmp, size_t *tmp_cap, buf *out)
{
	int32_t first;
	text_decode(s, len, &first);
	if (!(flags & TEXT_EXACT) && invisible(first) &&
	    text_u8len((unsigned char)s[0]) == (int)len)
		return 0;
	if (!(flags & TEXT_EXACT) && space_like(first)) {
		buf_putc(out, ' ');
		return 1;
	}
	utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
	if (flags & TEXT_FOLD)
		opt |= UTF8PROC_CASEFOLD;
	if (flags & TEXT_COMPAT)
		opt |= UTF8PROC_COMPAT;
	utf8proc_ssize_t n;
	for (;;) {
		n = utf8proc_decompose((const utf8proc_uint8_t *)s,
				       (utf8proc_ssize_t)len, *tmp,
				       (utf8proc_ssize_t)*tmp_cap,
				       (opt & ~UTF8PROC_COMPOSE) | UTF8PROC_DECOMPOSE);
		if (n < 0)
			return 0;
		if ((size_t)n <= *tmp_cap)
			break;
		*tmp_cap = (size_t)n * 2;
		*tmp = xrealloc(*tmp, *tmp_cap * sizeof **tmp);
	}
	if (flags & TEXT_STRIP) {
		/* Drop combining marks, except the tilde of ñ: "año" and "ano"
		 * are different words to every Spanish reader. */
		utf8proc_ssize_t w = 0;
		for (utf8proc_ssize_t i = 0; i < n; i++) {
			int32_t cp = (*tmp)[i];
			int mark = utf8proc_category(cp) == UTF8PROC_CATEGORY_MN;
			int tilde = cp == 0x0303 && w > 0 &&
				    ((*tmp)[w - 1] == 'n' || (*tmp)[w - 1] == 'N');
			if (!mark || tilde)
				(*tmp)[w++] = cp;
		}
		n = w;
	}
	/* reencode composes in place and writes UTF-8 over the buffer, which
	 * needs room for 4 bytes per code point: it has it (int32 each). */
	utf8proc_ssize_t bytes = utf8proc_reencode(*tmp, n, opt);
	if (bytes < 0)
		return 0;
	buf_put(out, (const char *)*tmp, (size_t)bytes);
	return (size_t)bytes;
}

/* Append the run of view bytes from `view` on, coming from `orig`; a
 * one-for-one run that continues the last one only extends it. */
static void push_run(text_view *v, size_t *cap, size_t view, size_t orig, int same)
{
	if (v->n_runs) {
		const text_run *last = &v->runs[v->n_runs - 1];
		if (same && last->same && last->orig + (view - last->view) == orig)
			return;
		if (last->view == view) { /* the last run turned out empty */
			v->runs[v->n_runs - 1] = (text_run){ (uint32_t)view, (uint32_t)orig,
							     (uint32_t)same };
			return;
		}
	}
	xgrow(&v->runs, cap, v->n_runs + 1, sizeof *v->runs);
	v->runs[v->n_runs++] = (text_run){ (uint32_t)view, (uint32_t)orig, (uint32_t)same };
}

/* The last run that starts at or before view byte i. */
static const text_run *run_of(const text_view *v, size_t i)
{
	size_t lo = 0, hi = v->n_runs;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (v->runs[mid].view <= i)
			lo = mid;
		else
			hi = mid;
	}
	return &v->runs[lo];
}

void text_view_build(text_view *out, const char *src, size_t len,
		     size_t base, int flags)
{
	buf b;
	buf_init(&b);
	buf_put(&b, "", 0);
	memset(out, 0, sizeof *out);
	out->src = src;
	out->base = base;
	size_t runs_cap = 0;
	size_t tmp_cap = 32;
	int32_t *tmp = xmalloc(tmp_cap * sizeof *tmp);

	size_t i = 0;
	while (i < len) {
		unsigned char c = (unsigned char)src[i];
		size_t seg = (size_t)text_u8len(c);
		if (seg > len - i)
			seg = len - i;
		size_t first = seg;
		while (i + seg < len && is_combining(src + i + seg, len - i - seg))
			seg += (size_t)text_u8len((unsigned char)src[i + seg]);
		size_t before = b.len;
		if (c < 0x80 && seg == 1) {
			char ch = (char)c;
			if ((flags & TEXT_FOLD) && c >= 'A' && c <= 'Z')
				ch = (char)(c + 32);
			buf_putc(&b, ch);
			/* the common case: the one-for-one run goes on */
			const text_run *last = out->n_runs ? &out->runs[out->n_runs - 1] : NULL;
			if (!last || !last->same || last->orig + (before - last->view) != base + i)
				push_run(out, &runs_cap, before, base + i, 1);
			i++;
			continue;
		}
		normalize_segment(src + i, seg, flags, &tmp, &tmp_cap, &b);
		/* one character for one of the same length maps byte for byte */
		size_t made = b.len - before;
		int same = seg == first && made == seg &&
			   (size_t)text_u8len((unsigned char)b.ptr[before]) == made;
		if (made)
			push_run(out, &runs_cap, before, base + i, same);
		i += seg;
	}
	push_run(out, &runs_cap, b.len, base + len, 0);
	free(tmp);
	out->len = b.len;
	out->s = buf_detach(&b);
}

void text_view_dispose(text_view *v)
{
	free(v->s);
	free(v->runs);
	memset(v, 0, sizeof *v);
}

size_t text_view_orig(const text_view *v, size_t i)
{
	if (i >= v->len)
		return v->runs[v->n_runs - 1].orig;
	const text_run *r = run_of(v, i);
	if (!r->same)
		return r->orig;
	size_t o = r->orig + (i - r->view);
	while (o > r->orig && ((unsigned char)v->src[o - v->base] & 0xC0) == 0x80)
		o--;
	return o;
}

size_t text_view_find(const text_view *v, size_t off)
{
	size_t lo = 0, hi = v->len;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (text_view_orig(v, mid) < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void text_view_select(text_view *out, const text_view *x, const size_t *ranges,
		      size_t n_ranges)
{
	memset(out, 0, sizeof *out);
	out->src = x->src;
	out->base = x->base;
	size_t total = 0, runs_cap = 0;
	for (size_t k = 0; k < n_ranges; k++)
		total += ranges[2 * k + 1] - ranges[2 * k];
	out->s = xmalloc(total + 1);
	size_t at = 0;
	for (size_t k = 0; k < n_ranges; k++) {
		size_t from = ranges[2 * k], to = ranges[2 * k + 1];
		memcpy(out->s + at, x->s + from, to - from);
		/* the runs of x over [from, to), moved to `at` */
		for (size_t i = from; i < to;) {
			const text_run *r = run_of(x, i);
			size_t end = r + 1 < x->runs + x->n_runs ? r[1].view : x->len;
			if (end > to)
				end = to;
			push_run(out, &runs_cap, at + (i - from),
				 r->same ? r->orig + (i - r->view) : r->orig, (int)r->same);
			i = end;
		}
		at += to - from;
	}
	out->s[at] = '\0';
	out->len = at;
	/* the end: where the byte after the last one kept comes from */
	push_run(out, &runs_cap, at,
		 text_view_orig(x, n_ranges ? ranges[2 * n_ranges - 1] : 0), 0);
}

void text_view_span(const text_view *v, size_t vs, size_t ve, size_t *start,
		    size_t *end)
{
	if (vs > v->len)
		vs = v->len;
	if (ve > v->len)
		ve = v->len;
	if (ve < vs)
		ve = vs;
	*start = text_view_orig(v, vs);
	if (ve == vs) {
		*end = *start;
		return;
	}
	/* The end rounds up to the end of the last segment touched. */
	size_t last = text_view_orig(v, ve - 1), j = ve;
	while (j < v->len && text_view_orig(v, j) == last)
		j++;
	*end = text_view_orig(v, j);
}

char *text_normalize(const char *s, size_t len, int flags)
{
	text_view v;
	text_view_build(&v, s, len, 0, flags);
	free(v.runs);
	return v.s;
}

char *text_encode(const int32_t *cps, size_t n)
{
	buf b;
	buf_init(&b);
	for (size_t i = 0; i < n; i++) {
		utf8proc_uint8_t enc[4];
		utf8proc_ssize_t k = utf8proc_encode_char(cps[i], enc);
		buf_put(&b, (const char *)enc, (size_t)k);
	}
	return buf_detach(&b);
}

int text_is_letter(int32_t cp)
{
	if (cp < 0x80)
		return (cp | 32) >= 'a' && (cp | 32) <= 'z';
	utf8proc_category_t c = utf8proc_category(cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

int text_is_upper(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	utf8proc_category_t c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

int text_is_lower(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'a' && cp <= 'z';
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

int text_is_alnum(int32_t cp)
{
	if (cp < 0x80)
		return text_is_letter(cp) || (cp >= '0' && cp <= '9');
	utf8proc_category_t c = utf8proc_category(cp);
	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
	       c == UTF8PROC_CATEGORY_ND || c == UTF8PROC_CATEGORY_MN;
}

int text_is_emoji(int32_t cp)
{
	if (cp < 0xA9)
		return 0;
	int bc = utf8proc_get_property(cp)->boundclass;
	return bc == UTF8PROC_BOUNDCLASS_EXTENDED_PICTOGRAPHIC ||
	       bc == UTF8PROC_BOUNDCLASS_REGIONAL_INDICATOR;
}
