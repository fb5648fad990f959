/* common.h: allocation, the growable buffer, messages and diagnostics,
 * shared by every file of libpregon.  Not part of the public API. */
#ifndef PREGON_COMMON_H
#define PREGON_COMMON_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "pregon.h"

#define PREGON_DOMAIN "pregon"

/* Messages are written in Spanish (the msgids) and translated by the
 * catalogue; N_ marks a string for extraction without translating it. */
const char *pregon_gettext(const char *msgid) __attribute__((format_arg(1)));
const char *pregon_ngettext(const char *one, const char *many, unsigned long n)
	__attribute__((format_arg(1))) __attribute__((format_arg(2)));
#define _(s) pregon_gettext(s)
#define P_(one, many, n) pregon_ngettext(one, many, n)
#define N_(s) (s)

/* Out of memory prints one line and aborts: there is no useful recovery. */
void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* FNV-1a of n bytes: short keys, no adversary to defend against. */
uint64_t hash_bytes(const char *p, size_t n);

/* Grow *items (of `size` bytes each) so that it holds at least `need`. */
void xgrow(void *items, size_t *cap, size_t need, size_t size);

typedef struct {
	char *ptr;
	size_t len;
	size_t cap;
} buf;

void buf_init(buf *b);
void buf_put(buf *b, const char *s, size_t n);
void buf_puts(buf *b, const char *s);
void buf_putc(buf *b, char c);
void buf_printf(buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_vprintf(buf *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* The NUL-terminated contents; the buffer is left empty.  Caller frees. */
char *buf_detach(buf *b);
void buf_dispose(buf *b);

/* Fill diag (disposing what it held).  `source_line` may be NULL. */
void diag_set(pregon_diag *diag, const char *path, int line, int col,
	      int span, const char *source_line, const char *hint,
	      const char *fmt, ...) __attribute__((format(printf, 8, 9)));

/* Read a whole file; returns 0, or PREGON_EIO with diag set. */
int read_file(const char *path, char **out, size_t *out_len,
	      pregon_diag *diag);

/* The line of `text` that holds byte `offset`, as a new string. */
char *line_at(const char *text, size_t len, size_t offset);

/* Levenshtein distance, capped at `max` + 1, for "did you mean". */
int edit_distance(const char *a, const char *b, int max);
/* The closest of `candidates` (NULL-terminated) to `word` within distance
 * 2, or NULL. */
const char *closest_word(const char *word, const char *const *candidates);

#endif
