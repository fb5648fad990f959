/* text.h: UTF-8 checks, the line map and normalized views of a text whose
 * every byte maps back to the original input. */
#ifndef PREGON_TEXT_H
#define PREGON_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* Find the first invalid UTF-8 sequence or NUL byte in s[0..len).
 * Returns 0 when the text is clean; otherwise 1 for invalid UTF-8 or 2 for a
 * NUL byte, with its byte offset in *bad. */
int text_validate(const char *s, size_t len, size_t *bad);

/* Length in bytes of the UTF-8 sequence starting with byte c (1 for
 * continuation bytes, so that loops always advance). */
int text_u8len(unsigned char c);

/* Decode one code point at s (valid UTF-8 assumed); returns its length. */
int text_decode(const char *s, size_t len, int32_t *cp);

/* Number of code points in s[0..len). */
size_t text_count_cp(const char *s, size_t len);

/*
 * The line map answers offset -> (line, col) for a whole input in O(log n)
 * plus a short scan: lines are found by binary search, code points from a
 * checkpoint taken every TEXT_CP_STEP bytes.  A leading BOM is not counted
 * as a column.
 */
typedef struct {
	const char *text;
	size_t len;
	size_t *line_starts;
	size_t n_lines;
	uint32_t *cp_marks; /* code points before byte k * TEXT_CP_STEP */
	size_t bom;         /* 3 when the text starts with a BOM */
} text_linemap;

#define TEXT_CP_STEP 64

void text_linemap_init(text_linemap *lm, const char *text, size_t len);
void text_linemap_dispose(text_linemap *lm);
/* 1-based line and code-point column of byte `offset` (<= len). */
void text_linemap_locate(const text_linemap *lm, size_t offset, int *line,
			 int *col);

/* Flags of a view; the NFC view has none. */
enum {
	TEXT_FOLD = 1,  /* case folded */
	TEXT_STRIP = 2, /* accents and other combining marks removed */
	TEXT_COMPAT = 4, /* compatibility forms unified (NFKC): 𝐝𝐞 -> de */
	/* NFC and nothing else: no space unified, no invisible character
	 * dropped, as platforms count (X rejects U+FEFF, counts U+200B) */
	TEXT_EXACT = 8
};
#define TEXT_VIEWS 16

/*
 * A normalized copy of a span of the input: NFC, optionally case-folded and
 * accent-stripped.  text_view_orig(v, i) is the original offset of the
 * segment that produced byte i (of the character, for a character that maps
 * to one of the same length), and of the original end for i = len, so any
 * [start, end) of the view maps back to whole original characters.
 *
 * The map is kept as runs, not an offset per byte: in a run that copies or
 * case-folds characters one for one, byte k comes from run.orig + k (backed
 * up to its character's first byte in the source); in any other run every
 * byte comes from run.orig.  Most text is one long run, so a view costs
 * little more than its bytes.
 */
typedef struct {
	uint32_t view; /* first view byte of the run */
	uint32_t orig; /* where it comes from */
	uint32_t same; /* 1: one for one (see above); 0: all from orig */
} text_run;

typedef struct {
	char *s;
	size_t len;
	text_run *runs; /* by view offset; a last one at len gives the end */
	size_t n_runs;
	const char *src; /* the source, whose byte k is at offset base + k */
	size_t base;
} text_view;

/* Build a view of src[0..len), whose offsets in the original input start at
 * `base`.  The source must be valid UTF-8. */
void text_view_build(text_view *out, const char *src, size_t len,
		     size_t base, int flags);
void text_view_dispose(text_view *v);
/* The original offset of view byte i (i <= len; clamped). */
size_t text_view_orig(const text_view *v, size_t i);
/* The first view byte that comes from input byte `off` or later (len when
 * none does). */
size_t text_view_find(const text_view *v, size_t off);
/* A view of the bytes of `x` in the ranges [from[2k], from[2k + 1]), in
 * order and disjoint, with their origins; `x` must outlive it. */
void text_view_select(text_view *out, const text_view *x, const size_t *ranges,
		      size_t n_ranges);
/* Original [*start, *end) for view bytes [vs, ve). */
void text_view_span(const text_view *v, size_t vs, size_t ve, size_t *start,
		    size_t *end);

/* Normalize a standalone string with the same flags (for word lists and
 * patterns).  Caller frees. */
char *text_normalize(const char *s, size_t len, int flags);

/* UTF-8 of n code points.  Caller frees. */
char *text_encode(const int32_t *cps, size_t n);

/* Unicode helpers on code points. */
int text_is_letter(int32_t cp);
int text_is_upper(int32_t cp);
int text_is_lower(int32_t cp);
int text_is_alnum(int32_t cp);
/* Emoji-like: Extended_Pictographic or a regional indicator. */
int text_is_emoji(int32_t cp);

#endif
