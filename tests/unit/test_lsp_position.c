/* test_lsp_position.c: LSP positions of byte offsets in UTF-16 and UTF-8,
 * with accents, an emoji beyond the BMP and the three kinds of line
 * break. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "lsp/position.h"

/* "AGUA" after "Hola 👋 vecinos: " is at code point 16, UTF-16 unit 17,
 * byte 19 (0-based). */
static const char text[] = "Hola 👋 vecinos: AGUA\r\nñandú\rfin\n";

static void test_utf16_and_utf8(void **state)
{
	(void)state;
	lsp_lines l;
	size_t len = strlen(text);
	lsp_lines_init(&l, text, len);
	assert_int_equal(l.n, 4);
	size_t agua = (size_t)(strstr(text, "AGUA") - text);
	assert_int_equal(agua, 19);
	lsp_position p = lsp_position_at(&l, text, len, agua, LSP_UTF16);
	assert_int_equal(p.line, 0);
	assert_int_equal(p.character, 17);
	p = lsp_position_at(&l, text, len, agua, LSP_UTF8);
	assert_int_equal(p.character, 19);
	assert_int_equal(lsp_offset_at(&l, text, len, (lsp_position){ 0, 17 }, LSP_UTF16), agua);
	assert_int_equal(lsp_offset_at(&l, text, len, (lsp_position){ 0, 19 }, LSP_UTF8), agua);
	/* "\r\n" and a lone "\r" both end a line */
	size_t fin = (size_t)(strstr(text, "fin") - text);
	p = lsp_position_at(&l, text, len, fin, LSP_UTF16);
	assert_int_equal(p.line, 2);
	assert_int_equal(p.character, 0);
	size_t u = (size_t)(strstr(text, "dú") - text) + 1;
	p = lsp_position_at(&l, text, len, u, LSP_UTF16);
	assert_int_equal(p.line, 1);
	assert_int_equal(p.character, 4);
	assert_int_equal(lsp_position_at(&l, text, len, u, LSP_UTF8).character, 5);
	lsp_lines_dispose(&l);
}

static void test_clamping(void **state)
{
	(void)state;
	lsp_lines l;
	size_t len = strlen(text);
	lsp_lines_init(&l, text, len);
	/* inside the emoji: its start; inside its surrogate pair: its start */
	lsp_position p = lsp_position_at(&l, text, len, 7, LSP_UTF16);
	assert_int_equal(p.character, 5);
	assert_int_equal(lsp_offset_at(&l, text, len, (lsp_position){ 0, 6 }, LSP_UTF16), 5);
	/* past the line's end: the end, before the break */
	assert_int_equal(lsp_offset_at(&l, text, len, (lsp_position){ 0, 500 }, LSP_UTF16), 23);
	assert_int_equal(lsp_line_end(&l, text, len, 0), 23);
	/* past the last line, or before the first: the text's ends */
	assert_int_equal(lsp_offset_at(&l, text, len, (lsp_position){ 9, 0 }, LSP_UTF8), len);
	assert_int_equal(lsp_offset_at(&l, text, len, (lsp_position){ -1, 0 }, LSP_UTF8), 0);
	p = lsp_position_at(&l, text, len, len + 10, LSP_UTF8);
	assert_int_equal(p.line, 3);
	assert_int_equal(p.character, 0);
	lsp_lines_dispose(&l);
}

/* Positions on a long line with CRLF breaks, where each is counted from
 * the nearest block: the same as counting from the line's start. */
static void test_long_line(void **state)
{
	(void)state;
	static char buf[3 * 7000 + 16];
	size_t len = 0;
	for (int i = 0; i < 3000; i++) {
		const char *piece = i == 1500 ? "\r\n" : i % 3 ? "ñ👋a" : "x";
		len += (size_t)snprintf(buf + len, sizeof buf - len, "%s", piece);
	}
	lsp_lines l;
	lsp_lines_init(&l, buf, len);
	assert_int_equal(l.n, 2);
	long units = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i > 0 && buf[i - 1] == '\n')
			units = 0;
		if (i == len || (buf[i] & 0xC0) != 0x80) {
			lsp_position p = lsp_position_at(&l, buf, len, i, LSP_UTF16);
			assert_int_equal(p.character, units);
		}
		if (i < len)
			units += (buf[i] & 0xC0) == 0x80 ? 0 : (unsigned char)buf[i] >= 0xF0 ? 2 : 1;
	}
	lsp_lines_dispose(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf16_and_utf8),
		cmocka_unit_test(test_clamping),
		cmocka_unit_test(test_long_line),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
