/* position.c: byte offsets <-> LSP positions. */
#include <stdlib.h>

#include "position.h"
#include "util.h"

static int is_continuation(char c)
{
	return ((unsigned char)c & 0xC0) == 0x80;
}

/* Units of the code point led by byte `c` (0 for the bytes that follow). */
static long units(char c, lsp_encoding enc)
{
	if (enc == LSP_UTF8)
		return 1;
	if (is_continuation(c))
		return 0;
	return (unsigned char)c >= 0xF0 ? 2 : 1; /* beyond the BMP: a surrogate pair */
}

void lsp_lines_init(lsp_lines *l, const char *text, size_t len)
{
	size_t cap = 16;
	l->starts = cli_xalloc(cap * sizeof *l->starts);
	l->starts[0] = 0;
	l->n = 1;
	l->block_units = cli_xalloc((len / LSP_BLOCK + 1) * sizeof *l->block_units);
	long units16 = 0; /* since the start of the current line */
	for (size_t i = 0; i < len; i++) {
		if (i % LSP_BLOCK == 0)
			l->block_units[i / LSP_BLOCK] = units16;
		if (text[i] != '\n' && text[i] != '\r') {
			units16 += units(text[i], LSP_UTF16);
			continue;
		}
		if (text[i] == '\r' && i + 1 < len && text[i + 1] == '\n') {
			i++;
			if (i % LSP_BLOCK == 0)
				l->block_units[i / LSP_BLOCK] = units16 + 1;
		}
		cli_grow(&l->starts, &cap, l->n + 1, sizeof *l->starts);
		l->starts[l->n++] = i + 1;
		units16 = 0;
	}
	if (len % LSP_BLOCK == 0)
		l->block_units[len / LSP_BLOCK] = units16;
}

void lsp_lines_dispose(lsp_lines *l)
{
	free(l->starts);
	free(l->block_units);
	l->starts = NULL;
	l->block_units = NULL;
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
	size_t from = l->starts[line];
	if (enc == LSP_UTF8)
		p.character = (long)(offset - from);
	else {
		size_t block = offset / LSP_BLOCK * LSP_BLOCK;
		if (block > from) { /* the block's count is from this line's start */
			from = block;
			p.character = l->block_units[block / LSP_BLOCK];
		}
		for (size_t i = from; i < offset; i++)
			p.character += units(text[i], enc);
	}
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
