/* count.h: how each platform counts a post, and the entities X recognizes in
 * it (links, hashtags, mentions).  Pure functions over UTF-8 text: they read
 * the text they are given and nothing else, so the rule kinds, an editor
 * server or a web page can all share them.
 *
 * Offsets and lengths are bytes of the text passed in.  The counters expect
 * NFC text (X counts after NFC; text_normalize() or the NFC view of a
 * document give it); the extractor works on any valid UTF-8. */
#ifndef PREGON_COUNT_H
#define PREGON_COUNT_H

#include <stddef.h>
#include <stdint.h>

#include "pregon.h"
#include "regex.h"

/* The top-level domains come from the Public Suffix List that Debian ships
 * in the `publicsuffix` package: a bare "tecate.gob.mx" is a link only when
 * its last label is a real TLD. */
#define COUNT_TLD_LIST "/usr/share/publicsuffix/public_suffix_list.dat"

/* Compiled link, hashtag and mention patterns.  Read-only once built, so
 * one lexer serves many threads (each with its own rx_scratch). */
typedef struct count_lexer count_lexer;

/* Build a lexer from a Public Suffix List file (`tld_path`, NULL for
 * COUNT_TLD_LIST).  0 and *out, or PREGON_EIO / PREGON_EINVAL with diag
 * (the message names the Debian package when the list is missing).  Free
 * with count_lexer_free(). */
int count_lexer_new(count_lexer **out, const char *tld_path, pregon_diag *diag);
void count_lexer_free(count_lexer *lexer);

typedef enum {
	COUNT_URL = 1,
	COUNT_HASHTAG = 2,
	COUNT_MENTION = 4
} count_kind;

typedef struct {
	count_kind kind;
	size_t offset, len;  /* the whole entity: "https://x.mx/a", "#Tecate" */
	size_t host, host_len; /* links: the domain; hashtags and mentions: the
			       * name without its sign */
	int scheme;          /* links: 0 none, 1 http://, 2 https:// */
} count_entity;

typedef struct {
	count_entity *items;
	size_t n, cap;
} count_entities;

void count_entities_init(count_entities *list);
void count_entities_dispose(count_entities *list);

/*
 * Append to `out`, in text order, the entities of the kinds in `kinds` (a
 * mask of count_kind) as X's twitter-text recognizes them: links with or
 * without a scheme (the latter only on a known TLD), hashtags that do not
 * overlap a link, mentions of 1 to 20 characters that are not lists.
 * Returns 0, or PREGON_ELIMIT when a match limit stopped the search.
 */
int count_extract(const count_lexer *lexer, rx_scratch *scratch,
		  const char *text, size_t len, unsigned kinds,
		  count_entities *out);

/* How many entities of `kind` the list holds; *nth gets the one at index
 * `n` among them (0-based) or NULL, *last the last one or NULL. */
size_t count_select(const count_entities *list, count_kind kind, size_t n,
		    const count_entity **nth, const count_entity **last);

/* How a platform measures a text. */
typedef enum {
	COUNT_CHARS,       /* code points (Instagram, LinkedIn, Facebook, YouTube titles) */
	COUNT_BYTES,       /* UTF-8 bytes (YouTube descriptions) */
	COUNT_UTF16,       /* UTF-16 code units (TikTok's API) */
	COUNT_EMOJI_BYTES, /* characters, but an emoji costs its UTF-8 bytes (Threads) */
	COUNT_WEIGHTED     /* X: weights by code-point range, links and emoji fixed */
} count_unit;

/* X's weighting (twitter-text configuration). */
typedef struct {
	int scale;          /* weights are in 1/scale of a character */
	int default_weight; /* code points outside the ranges */
	int url_weight;     /* a link, already scaled (23 * scale) */
	int emoji;          /* 1: an emoji sequence weighs default_weight once */
	size_t n_ranges;
	struct {
		int32_t first, last;
		int weight;
	} ranges[8];
} count_weights;

/* twitter-text configuration v3, the one X uses today. */
extern const count_weights count_weights_x;

typedef struct {
	long total;    /* in the unit's characters (weighted ones divided by scale) */
	size_t cross;  /* first byte beyond `limit`, or len when within it */
	int valid_chars; /* 0 when X would refuse a character (U+FFFE, U+FEFF,
			  * U+FFFF); `cross` then stops before it */
} count_result;

/*
 * Measure text[0..len) (NFC) in `unit` against `limit` (in the unit's
 * characters; <= 0 means no limit).  COUNT_WEIGHTED needs `weights` and the
 * text's links (`links`, from count_extract; NULL when there are none); the
 * other units ignore both.
 */
void count_measure(count_result *out, count_unit unit, const char *text,
		   size_t len, long limit, const count_weights *weights,
		   const count_entities *links);

/* 1 when the grapheme cluster text[0..len) is an emoji sequence (a
 * pictograph, a flag, a keycap, with its modifiers and joiners). */
int count_is_emoji_cluster(const char *text, size_t len);

/* End of the grapheme cluster that starts at text[i]. */
size_t count_cluster_end(const char *text, size_t len, size_t i);

#endif
