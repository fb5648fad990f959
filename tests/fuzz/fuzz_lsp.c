/* fuzz_lsp.c: the language server's message reader (framing, JSON, the
 * shape of JSON-RPC) fed in pieces, as a pipe delivers them, and the
 * position conversions over the text of every didOpen it yields.
 *
 * The first byte chooses the size of the pieces (1 to 256 bytes), so that
 * a header or a body split anywhere is reached.  The body limit is small
 * (4 KiB) so that oversized messages are skipped too. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "lsp/position.h"
#include "lsp/rpc.h"

/* Every code-point boundary of the text maps to a position and back to
 * itself, in both encodings. */
static void check_positions(const char *text, size_t len)
{
	lsp_lines lines;
	lsp_lines_init(&lines, text, len);
	for (size_t i = 0; i <= len; i++) {
		if (i < len && ((unsigned char)text[i] & 0xC0) == 0x80)
			continue;
		for (int enc = LSP_UTF16; enc <= LSP_UTF8; enc++) {
			lsp_position p = lsp_position_at(&lines, text, len, i, enc);
			size_t back = lsp_offset_at(&lines, text, len, p, enc);
			/* a "\r\n" is one break: its "\n" has no position */
			if (back != i && !(i > 0 && text[i - 1] == '\r' && text[i] == '\n'))
				abort();
		}
	}
	lsp_lines_dispose(&lines);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	size_t piece = (size_t)data[0] + 1;
	rpc_reader reader;
	rpc_reader_init(&reader, 4096);
	for (size_t at = 1; at < size; at += piece) {
		size_t n = size - at < piece ? size - at : piece;
		rpc_reader_feed(&reader, (const char *)data + at, n);
		rpc_item item;
		rpc_status st;
		while ((st = rpc_reader_next(&item, &reader)) != RPC_NONE) {
			if (st == RPC_ERROR && (!item.error || item.code >= 0))
				abort();
			json_t *text = json_object_get(
				json_object_get(json_object_get(item.msg, "params"), "textDocument"),
				"text");
			if (json_is_string(text))
				check_positions(json_string_value(text), json_string_length(text));
			rpc_item_dispose(&item);
		}
	}
	rpc_reader_dispose(&reader);
	return 0;
}
