/* regex.h: PCRE2 compiled once with JIT, matched under limits. */
#ifndef PREGON_REGEX_H
#define PREGON_REGEX_H

#include <stddef.h>

#include "pregon.h"
#include "ytree.h"

typedef struct rx rx;

/* Per-thread matching state: match data, a bounded JIT stack and a match
 * context with the match limit. */
typedef struct rx_scratch rx_scratch;

rx_scratch *rx_scratch_new(void);
void rx_scratch_free(rx_scratch *s);

enum {
	RX_CASELESS = 1,
	RX_WORD = 2 /* whole words: no letter or digit right before or after */
};

/*
 * Compile `pattern` (UTF-8, PCRE2 syntax, Unicode properties on).  `where`
 * is the YAML node the pattern came from, for errors: the position points
 * into the pattern when the scalar is plain and on one line.  Returns 0 and
 * *out, or PREGON_EINVAL with diag.
 */
int rx_compile(rx **out, const char *pattern, size_t len, int flags,
	       const y_node *where, pregon_diag *diag);
void rx_free(rx *r);

/*
 * Find the next match in subject[0..len) at or after `start`.  Returns 1 with
 * [*ms, *me) set, 0 when there is none, or PREGON_ELIMIT when the match limit
 * or the JIT stack ran out.  Empty matches are skipped.
 */
int rx_next(const rx *r, rx_scratch *s, const char *subject, size_t len,
	    size_t start, size_t *ms, size_t *me);

/* Bounds of capture group k (1..9) of the last match of rx_next; 0 when the
 * group did not take part. */
int rx_group(const rx_scratch *s, int k, size_t *gs, size_t *ge);

/* Bounds of every match, for the documentation and the README. */
#define RX_MATCH_LIMIT 1000000u
#define RX_JIT_STACK_MAX ((size_t)1024 * 1024)

/* `s` quoted as a literal for a pattern; caller frees. */
char *rx_quote(const char *s, size_t len);

#endif
