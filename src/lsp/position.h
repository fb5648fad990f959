/* position.h: LSP positions (0-based line and character) from the byte
 * offsets of pregon's reports, and back.  A character counts UTF-16 code
 * units (the protocol's default) or UTF-8 bytes when the client offers
 * "utf-8" (LSP 3.17 PositionEncodingKind).  Lines end at "\n", "\r\n" or
 * "\r", as the protocol says. */
#ifndef PREGON_LSP_POSITION_H
#define PREGON_LSP_POSITION_H

#include <stddef.h>

typedef enum { LSP_UTF16 = 0, LSP_UTF8 = 1 } lsp_encoding;

typedef struct {
	long line;
	long character;
} lsp_position;

/* The first byte of every line of a text, and for every block of
 * LSP_BLOCK bytes the UTF-16 units between its line's start and the block,
 * so that no position costs more than a block's walk (a 1 MB line with
 * thousands of findings stays linear). */
#define LSP_BLOCK 128
typedef struct {
	size_t *starts;
	size_t n;
	long *block_units;
} lsp_lines;

void lsp_lines_init(lsp_lines *lines, const char *text, size_t len);
void lsp_lines_dispose(lsp_lines *lines);

/* The position of byte `offset` (clamped to the text and moved back to
 * the start of its code point). */
lsp_position lsp_position_at(const lsp_lines *lines, const char *text,
			     size_t len, size_t offset, lsp_encoding enc);

/* The byte offset of a position; a line past the end gives the text's
 * length, a character past the line's end gives the line's end. */
size_t lsp_offset_at(const lsp_lines *lines, const char *text, size_t len,
		     lsp_position pos, lsp_encoding enc);

/* The byte that ends line `line` (before its line break). */
size_t lsp_line_end(const lsp_lines *lines, const char *text, size_t len,
		    long line);

#endif
