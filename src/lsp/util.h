/* util.h: allocation and small helpers shared by the language server's
 * files (a client of pregon.h: it does not use the library's internals). */
#ifndef PREGON_LSP_UTIL_H
#define PREGON_LSP_UTIL_H

#include <libintl.h>
#include <stddef.h>

/* Messages in Spanish (the msgids), translated by pregon's catalogue. */
#define _(s) dgettext("pregon", s)

/* Out of memory prints one line and aborts, as the library does. */
void *lsp_xalloc(size_t n);
void *lsp_xresize(void *p, size_t n);
char *lsp_xdup(const char *s);
char *lsp_xdupn(const char *s, size_t n);

/* Grow *items (of `size` bytes each) so that it holds at least `need`. */
void lsp_grow(void *items, size_t *cap, size_t need, size_t size);

/* A whole regular file into *out (NUL-terminated, *out_len bytes); 0, or
 * -1 with errno set. */
int lsp_read_file(char **out, size_t *out_len, const char *path);

#endif
