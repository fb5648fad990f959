/* position.c: byte offsets <-> LSP positions. */
#include <stdlib.h>

#include "position.h"
#include "util.h"

void lsp_lines_init(lsp_lines *l, const char *text, size_t len)
{
	size_t cap = 16;
	l->starts = lsp_xalloc(cap * sizeof *l->starts);
	l->starts[0] = 0;
	l->n = 1;
	for (size_t i = 0; i < len; i++) {
		if (text[i] != '\n' && text[i] != '\r')
			continue;
		if (text[i] == '\r' && i + 1 < len && text[i + 1] == '\n')
			i++;
		lsp_grow(&l->starts, &cap, l->n + 1, sizeof *l->starts);
		l->starts[l->n++] = i + 1;
	}
}

void lsp_lines_dispose(lsp_lines *l)
{
	free(l->starts);
	l->starts = NULL;
	l->n = 0;
}

/* The line holding byte `offset`: the last start <= offset. */
static size_t line_of(const lsp_lines *l, size_t offset)
{
	size_t lo = 0, hi = l->n;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (l->starts[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

static int is_continuation(char c)
{
	return ((unsigned char)c & 0xC0) == 0x80;
}

/* Units of the code point led by byte `c`. */
static long units(char c, lsp_encoding enc)
{
	unsigned char b = (unsigned char)c;
	if (enc == LSP_UTF8)
		return 1;
	if (is_continuation(c))
		return 0;
	return b >= 0xF0 ? 2 : 1; /* beyond the BMP: a surrogate pair */
}

size_t lsp_line_end(const lsp_lines *l, const char *text, size_t len, long line)
{
	if (line < 0)
		return 0;
	if ((size_t)line + 1 >= l->n)
		return len;
	size_t end = l->starts[line + 1];
	if (end > 0 && text[end - 1] == '\n')
		end--;
	if (end > 0 && text[end - 1] == '\r')
		end--;
	return end;
}

lsp_position lsp_position_at(const lsp_lines *l, const char *text, size_t len,
			     size_t offset, lsp_encoding enc)
{
	if (offset > len)
		offset = len;
	while (offset > 0 && offset < len && is_continuation(text[offset]))
		offset--;
	size_t line = line_of(l, offset);
	lsp_position p = { (long)line, 0 };
	for (size_t i = l->starts[line]; i < offset; i++)
		p.character += units(text[i], enc);
	return p;
}

size_t lsp_offset_at(const lsp_lines *l, const char *text, size_t len,
		     lsp_position pos, lsp_encoding enc)
{
	if (pos.line < 0)
		return 0;
	if ((size_t)pos.line >= l->n)
		return len;
	size_t i = l->starts[pos.line];
	size_t end = lsp_line_end(l, text, len, pos.line);
	long ch = 0;
	while (i < end && ch < pos.character) {
		size_t next = i + 1;
		long w = units(text[i], enc);
		while (next < end && is_continuation(text[next]))
			w += units(text[next++], enc);
		if (ch + w > pos.character)
			break; /* inside a code point: its start */
		ch += w;
		i = next;
	}
	return i;
}
