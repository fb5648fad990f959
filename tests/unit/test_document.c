/* test_document.c: front matter, Markdown masking and positions of a post. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "document.h"

static void parse_ok(doc_t *doc, const char *input, size_t len, int plain)
{
	pregon_diag diag;
	pregon_diag_init(&diag);
	int rc = doc_parse(doc, "p.md", input, len, plain, &diag);
	if (rc != 0)
		fail_msg("doc_parse failed: %d:%d %s", diag.line, diag.col,
			 diag.message ? diag.message : "");
	assert_null(diag.message);
	pregon_diag_dispose(&diag);
}

/* doc_parse must refuse input; the diag is left for the caller. */
static void parse_fail(const char *input, size_t len, pregon_diag *diag)
{
	doc_t doc;
	pregon_diag_init(diag);
	assert_int_equal(doc_parse(&doc, "p.md", input, len, 0, diag),
			 PREGON_EINVAL);
	assert_non_null(diag->message);
	assert_string_equal(diag->path, "p.md");
}

#include "check_diag.h"

/* The prose of `input` as Markdown must be exactly `want` (same length:
 * masked bytes are spaces, newlines stay). */
static void check_prose(const char *input, const char *want, int plain)
{
	size_t len = strlen(input);
	assert_int_equal(strlen(want), len);
	char got[512];
	assert_true(len < sizeof got);
	doc_t doc;
	parse_ok(&doc, input, len, plain);
	/* Copied out and disposed before comparing, so that a failure does
	 * not leak the document. */
	memcpy(got, doc.prose, len + 1);
	doc_dispose(&doc);
	if (strcmp(got, want) != 0)
		fail_msg("prose of\n[%s]\nis\n[%s]\nexpected\n[%s]", input, got,
			 want);
}

/* ---- front matter ----------------------------------------------------- */

static void test_front_matter(void **state)
{
	(void)state;
	/* "---\n" 4 + "fecha: 2026-03-10\n" 18 + "tema: salud\n" 12 +
	 * "---\n" 4 = 38 */
	static const char in[] =
		"---\nfecha: 2026-03-10\ntema: salud\n---\nHola, Tecate.\n";
	doc_t doc;
	parse_ok(&doc, in, strlen(in), 0);
	assert_int_equal(doc.body_off, 38);
	assert_non_null(doc.fm);
	assert_int_equal(doc.fm->type, Y_MAP);
	assert_int_equal(y_map_size(doc.fm), 2);
	const y_node *fecha = y_get(doc.fm, "fecha");
	assert_non_null(fecha);
	assert_string_equal(fecha->str, "2026-03-10");
	/* Positions are lines of the whole input (the opening --- is 1). */
	assert_int_equal(fecha->line, 2);
	assert_int_equal(fecha->col, 8);
	assert_int_equal(y_key(doc.fm, 1)->line, 3);
	assert_string_equal(y_get(doc.fm, "tema")->str, "salud");
	/* The front matter is not prose. */
	assert_string_equal(doc.prose,
			    "   \n                 \n           \n   \nHola, Tecate.\n");
	assert_int_equal(doc.lines.n_lines, 6);
	doc_dispose(&doc);

	/* "..." also closes it; trailing blanks are allowed on the marks. */
	static const char dots[] = "--- \nfecha: 2026-03-10\n...\t\nHola\n";
	parse_ok(&doc, dots, strlen(dots), 0);
	assert_non_null(doc.fm);
	assert_int_equal(doc.body_off, 28);
	assert_string_equal(doc.prose + doc.body_off, "Hola\n");
	doc_dispose(&doc);

	/* An empty front matter: no map, but the body still starts after it. */
	parse_ok(&doc, "---\n---\nHola\n", 13, 0);
	assert_null(doc.fm);
	assert_int_equal(doc.body_off, 8);
	assert_string_equal(doc.prose, "   \n   \nHola\n");
	doc_dispose(&doc);

	/* Closing mark at the very end, without a newline. */
	parse_ok(&doc, "---\na: 1\n---", 12, 0);
	assert_non_null(doc.fm);
	assert_int_equal(doc.body_off, 12);
	doc_dispose(&doc);
}

static void test_front_matter_crlf(void **state)
{
	(void)state;
	/* "---\r\n" 5 + "fecha: 2026-03-10\r\n" 19 + "---\r\n" 5 = 29 */
	static const char in[] = "---\r\nfecha: 2026-03-10\r\n---\r\nHola\r\n";
	doc_t doc;
	parse_ok(&doc, in, strlen(in), 0);
	assert_int_equal(doc.body_off, 29);
	assert_non_null(doc.fm);
	const y_node *fecha = y_get(doc.fm, "fecha");
	assert_non_null(fecha);
	assert_string_equal(fecha->str, "2026-03-10");
	assert_int_equal(fecha->line, 2);
	assert_int_equal(fecha->col, 8);
	assert_string_equal(doc.prose,
			    "   \r\n                 \r\n   \r\nHola\r\n");
	doc_dispose(&doc);
}

static void test_front_matter_bom(void **state)
{
	(void)state;
	static const char in[] = "\xEF\xBB\xBF---\nfecha: 2026-03-10\n---\nHola\n";
	doc_t doc;
	parse_ok(&doc, in, strlen(in), 0);
	assert_int_equal(doc.body_off, 29);
	assert_non_null(doc.fm);
	assert_int_equal(y_get(doc.fm, "fecha")->line, 2);
	assert_memory_equal(doc.prose, "   ---", 3); /* the BOM is blanked */
	assert_string_equal(doc.prose + 29, "Hola\n");
	doc_dispose(&doc);

	/* A BOM without front matter: the body starts after it. */
	parse_ok(&doc, "\xEF\xBB\xBFHola", 7, 0);
	assert_null(doc.fm);
	assert_int_equal(doc.body_off, 3);
	assert_string_equal(doc.prose, "   Hola");
	doc_dispose(&doc);
}

static void test_no_front_matter(void **state)
{
	(void)state;
	doc_t doc;
	/* No closing ---: everything is body. */
	static const char open[] = "---\nfecha: 2026-03-10\nHola\n";
	parse_ok(&doc, open, strlen(open), 0);
	assert_null(doc.fm);
	assert_int_equal(doc.body_off, 0);
	assert_string_equal(doc.prose, open);
	doc_dispose(&doc);

	/* The mark must be alone on the first line. */
	static const char text[] = "--- no es encabezado\na: 1\n---\n";
	parse_ok(&doc, text, strlen(text), 0);
	assert_null(doc.fm);
	assert_int_equal(doc.body_off, 0);
	doc_dispose(&doc);

	static const char late[] = "\n---\na: 1\n---\nHola\n";
	parse_ok(&doc, late, strlen(late), 0);
	assert_null(doc.fm);
	assert_int_equal(doc.body_off, 0);
	doc_dispose(&doc);

	parse_ok(&doc, "", 0, 0);
	assert_null(doc.fm);
	assert_int_equal(doc.body_off, 0);
	assert_string_equal(doc.prose, "");
	doc_dispose(&doc);
}

static void test_front_matter_errors(void **state)
{
	(void)state;
	pregon_diag diag;
	static const char seq[] = "---\n- a\n- b\n---\nHola\n";
	parse_fail(seq, strlen(seq), &diag);
	check_diag(&diag, 2, 1, "el encabezado YAML debe ser un mapa de claves",
		   "escriba claves como «fecha: 2026-03-10»");
	pregon_diag_dispose(&diag);

	static const char scalar[] = "---\nsolo texto\n---\nHola\n";
	parse_fail(scalar, strlen(scalar), &diag);
	check_diag(&diag, 2, 1, "el encabezado YAML debe ser un mapa de claves",
		   "escriba claves como «fecha: 2026-03-10»");
	pregon_diag_dispose(&diag);

	/* YAML errors are at lines of the whole input. */
	static const char syntax[] = "---\ntema: salud\nfecha: [1\n---\nHola\n";
	parse_fail(syntax, strlen(syntax), &diag);
	check_diag(&diag, 3, 8, "YAML mal formado: se esperaba «,» o «]»", NULL);
	pregon_diag_dispose(&diag);

	static const char dup[] = "---\nfecha: 1\nfecha: 2\n---\n";
	parse_fail(dup, strlen(dup), &diag);
	check_diag(&diag, 3, 1, "clave repetida «fecha»", NULL);
	assert_string_equal(diag.source_line, "fecha: 2");
	pregon_diag_dispose(&diag);
}

static void test_invalid_input(void **state)
{
	(void)state;
	pregon_diag diag;
	static const char bad[] = "Hola\n\xC3(mundo";
	parse_fail(bad, strlen(bad), &diag);
	check_diag(&diag, 2, 1, "secuencia UTF-8 inválida en el byte 5",
		   "guarde el archivo como UTF-8");
	assert_null(diag.source_line); /* the line itself is not UTF-8 */
	pregon_diag_dispose(&diag);

	/* "mañana " is 8 bytes but 7 code points. */
	static const char later[] = "Año\nmañana \xFF fin\n";
	parse_fail(later, strlen(later), &diag);
	check_diag(&diag, 2, 8, "secuencia UTF-8 inválida en el byte 13",
		   "guarde el archivo como UTF-8");
	pregon_diag_dispose(&diag);

	/* Inside the front matter: found before any YAML is read. */
	static const char fm[] = "---\nfecha: \xED\xA0\x80\n---\n";
	parse_fail(fm, strlen(fm), &diag);
	check_diag(&diag, 2, 8, "secuencia UTF-8 inválida en el byte 11",
		   "guarde el archivo como UTF-8");
	pregon_diag_dispose(&diag);

	parse_fail("ab\0c", 4, &diag);
	check_diag(&diag, 1, 3, "byte nulo en la posición 2",
		   "los textos no pueden contener bytes nulos; guarde el archivo "
		   "como texto UTF-8");
	assert_null(diag.source_line);
	pregon_diag_dispose(&diag);
}

/* ---- Markdown --------------------------------------------------------- */

static void test_mask_fenced_code(void **state)
{
	(void)state;
	check_prose("Hola\n```js\ncódigo\n```\nAdiós\n",
		    "Hola\n     \n       \n   \nAdiós\n", 0);
	/* Tildes; a longer closing fence closes. */
	check_prose("~~~\nx\n~~~~\nFin\n", "   \n \n    \nFin\n", 0);
	/* A shorter fence does not close; an unclosed one runs to the end. */
	check_prose("```\na\n``\nb\n```\nFin\n",
		    "   \n \n  \n \n   \nFin\n", 0);
	check_prose("Texto\n```\ncódigo sin cerrar\n",
		    "Texto\n   \n                  \n", 0);
	/* Indented up to 3 spaces. */
	check_prose("   ```\nx\n   ```\nok\n", "      \n \n      \nok\n", 0);
}

static void test_mask_code_span(void **state)
{
	(void)state;
	check_prose("Usa `rm -rf` hoy y ``a ` b`` fin\n",
		    "Usa          hoy y           fin\n", 0);
	/* An unmatched backtick is prose. */
	check_prose("a `b c\n", "a `b c\n", 0);
	/* A span does not cross lines (a documented simplification). */
	check_prose("a `b\nc` d\n", "a `b\nc` d\n", 0);
}

static void test_mask_html_comment(void **state)
{
	(void)state;
	check_prose("Hola <!-- nota\ninterna --> fin\n",
		    "Hola          \n            fin\n", 0);
	check_prose("a<!--\r\nx-->b", "a    \r\n    b", 0);
	/* Unclosed: hidden to the end. */
	check_prose("a <!-- b\nc\n", "a       \n \n", 0);
	/* Two comments, prose between them stays. */
	check_prose("<!--x-->MEDIO<!--y-->", "        MEDIO        ", 0);
}

static void test_mask_links(void **state)
{
	(void)state;
	/* The link text stays; "](https://x.y)" is 14 bytes of target. */
	check_prose("Ver [texto](https://x.y) hoy\n",
		    "Ver [texto               hoy\n", 0);
	/* Parentheses nest in a target. */
	check_prose("[a](https://x.y/(b)) c", "[a                   c", 0);
	/* Image: the alt text stays. */
	check_prose("![alt del logo](logo.png)\n",
		    "![alt del logo           \n", 0);
	/* An escaped bracket is not a link. */
	check_prose("\\[no\\](enlace)", "\\[no\\](enlace)", 0);
	/* Autolinks are kept, brackets and all. */
	check_prose("Ver <https://x.y> o <ana@x.y>\n",
		    "Ver <https://x.y> o <ana@x.y>\n", 0);
}

static void test_mask_reference_definition(void **state)
{
	(void)state;
	check_prose("[1]: https://x.y\nTexto [uno][1]\n",
		    "                \nTexto [uno][1]\n", 0);
	check_prose("   [nota]: https://x.y \"título\"\nFin\n",
		    "                                \nFin\n", 0);
	/* Brackets without a colon are prose. */
	check_prose("[1] y más\n", "[1] y más\n", 0);
}

static void test_mask_indented_code(void **state)
{
	(void)state;
	/* After a blank line: code; continuing a paragraph: prose. */
	check_prose("Hola\n\n    codigo()\n    más()\nFin\n    sigue\n",
		    "Hola\n\n            \n          \nFin\n    sigue\n", 0);
	check_prose("Hola\n\n\tcodigo\n", "Hola\n\n       \n", 0);
	/* At the start of the body. */
	check_prose("    x = 1\nok\n", "         \nok\n", 0);
	/* Inside a list it is a continuation, not code. */
	check_prose("- item\n\n    continuación\n",
		    "- item\n\n    continuación\n", 0);
}

static void test_mask_raw_html(void **state)
{
	(void)state;
	check_prose("Hola <b>mundo</b> y <span class=\"x\">sí</span>\n",
		    "Hola    mundo     y                 sí       \n", 0);
	check_prose("a<br/>b", "a     b", 0);
	check_prose("<a href=\"https://x.y\">enlace</a>",
		    "                      enlace    ", 0);
	/* Comparisons are not tags. */
	check_prose("si 3 < 5 y 5 > 3\n", "si 3 < 5 y 5 > 3\n", 0);
	check_prose("te quiero <3\n", "te quiero <3\n", 0);
}

static void test_plain_text(void **state)
{
	(void)state;
	static const char in[] =
		"```\nx\n```\n`c` <!-- n --> [t](https://x.y) <b>b</b>\n"
		"[1]: https://x.y\n\n    sangría\n";
	check_prose(in, in, 1);
	/* The front matter is still read and blanked in plain text. */
	doc_t doc;
	static const char fm[] = "---\ntema: salud\n---\n`c`\n";
	parse_ok(&doc, fm, strlen(fm), 1);
	assert_non_null(doc.fm);
	assert_int_equal(doc.body_off, 20);
	assert_string_equal(doc.prose + doc.body_off, "`c`\n");
	doc_dispose(&doc);
}

/* "<!--" that Markdown shows literally (in a code span or a fenced code
 * block) does not open a comment. */
static void test_mask_comment_opener_in_code_span(void **state)
{
	(void)state;
	/* BUG (src/document.c, mask_markdown): the HTML-comment pass scans
	 * the raw input, so a "<!--" inside a code span blanks everything up
	 * to the next "-->" or the end of the input; the second line is
	 * hidden from every rule. */
	check_prose("Escriba `<!--` para comentar.\nTEXTO EN MAYÚSCULAS\n",
		    "Escriba        para comentar.\nTEXTO EN MAYÚSCULAS\n", 0);
}

static void test_mask_comment_opener_in_fence(void **state)
{
	(void)state;
	/* BUG (same cause as above): "<!--" inside a fenced code block hides
	 * the prose after the block. */
	check_prose("```html\n<!-- ejemplo\n```\nTEXTO VISIBLE\n",
		    "       \n            \n   \nTEXTO VISIBLE\n", 0);
}

/* ---- views and positions ---------------------------------------------- */

static void test_doc_view(void **state)
{
	(void)state;
	/* body_off = 4 + 18 + 4 = 26; the body is "ÁRBOL `x` y\n" and its
	 * prose "ÁRBOL     y\n". */
	static const char in[] = "---\nfecha: 2026-03-10\n---\nÁRBOL `x` y\n";
	doc_t doc;
	parse_ok(&doc, in, strlen(in), 0);
	assert_int_equal(doc.body_off, 26);

	const text_view *v = doc_view(&doc, TEXT_FOLD | TEXT_STRIP);
	assert_string_equal(v->s, "arbol     y\n");
	assert_int_equal(v->len, 12);
	size_t start, end;
	text_view_span(v, 0, 5, &start, &end);
	assert_int_equal(start, 26);
	assert_int_equal(end, 32);
	assert_memory_equal(in + start, "ÁRBOL", end - start);
	/* y: 26 + Á (2) + RBOL (4) + 5 spaces = 37 */
	text_view_span(v, 10, 11, &start, &end);
	assert_int_equal(start, 37);
	assert_int_equal(end, 38);
	assert_int_equal(in[start], 'y');
	assert_int_equal(text_view_orig(v, v->len), strlen(in));
	/* Cached: the same view comes back; extra flag bits are ignored. */
	assert_ptr_equal(doc_view(&doc, TEXT_FOLD | TEXT_STRIP), v);
	assert_ptr_equal(doc_view(&doc, TEXT_FOLD | TEXT_STRIP | TEXT_VIEWS), v);

	const text_view *nfc = doc_view(&doc, 0);
	assert_true(nfc != v);
	assert_string_equal(nfc->s, "ÁRBOL     y\n");
	assert_int_equal(text_view_orig(nfc, 0), 26);
	const text_view *fold = doc_view(&doc, TEXT_FOLD);
	assert_string_equal(fold->s, "árbol     y\n");
	doc_dispose(&doc);

	/* A decomposed ñ in the body maps back to its 3 original bytes. */
	static const char dec[] = "Feliz an\xCC\x83o nuevo";
	parse_ok(&doc, dec, strlen(dec), 0);
	v = doc_view(&doc, TEXT_FOLD);
	assert_string_equal(v->s, "feliz año nuevo");
	text_view_span(v, 6, 10, &start, &end); /* "año" */
	assert_int_equal(start, 6);
	assert_int_equal(end, 11);
	assert_memory_equal(dec + start, "an\xCC\x83o", 5);
	doc_dispose(&doc);
}

static void test_offset_of(void **state)
{
	(void)state;
	/* Line 2 starts at 4; "título: " is 9 bytes (8 code points).
	 * "título: Año\n" is 14 bytes, so line 3 starts at 18. */
	static const char in[] =
		"---\ntítulo: Año\nfecha: 2026-03-10\n---\n¡Hola!\n";
	doc_t doc;
	parse_ok(&doc, in, strlen(in), 0);
	const y_node *t = y_get(doc.fm, "título");
	assert_non_null(t);
	assert_int_equal(t->line, 2);
	assert_int_equal(t->col, 9);
	size_t off = doc_offset_of(&doc, t->line, t->col);
	assert_int_equal(off, 13);
	assert_memory_equal(in + off, "Año", 4);
	const y_node *f = y_get(doc.fm, "fecha");
	off = doc_offset_of(&doc, f->line, f->col);
	assert_int_equal(off, 25);
	assert_memory_equal(in + off, "2026-03-10", 10);

	assert_int_equal(doc_offset_of(&doc, 2, 1), 4);
	assert_int_equal(doc_offset_of(&doc, 1, 1), 0);
	/* Past the end of a line: the end of that line. */
	assert_int_equal(doc_offset_of(&doc, 2, 100), 17);
	/* Line 5 starts at 40 and is "¡Hola!": ¡ is 2 bytes. */
	assert_int_equal(doc_offset_of(&doc, 5, 1), 40);
	assert_int_equal(doc_offset_of(&doc, 5, 2), 42);
	assert_int_equal(in[42], 'H');
	/* Out of range. */
	assert_int_equal(doc_offset_of(&doc, 0, 5), 0);
	assert_int_equal(doc_offset_of(&doc, 99, 1), strlen(in));

	/* Round trip with the line map over the body. */
	for (size_t i = doc.body_off; i < doc.len; i++) {
		if (((unsigned char)in[i] & 0xC0) == 0x80)
			continue;
		int line, col;
		text_linemap_locate(&doc.lines, i, &line, &col);
		assert_int_equal(doc_offset_of(&doc, line, col), i);
	}
	doc_dispose(&doc);
}

static void test_known_ids(void **state)
{
	(void)state;
	assert_true(doc_is_platform("facebook"));
	assert_true(doc_is_platform("x"));
	assert_false(doc_is_platform("Facebook"));
	assert_false(doc_is_platform("myspace"));
	assert_true(doc_is_topic("proteccion-civil"));
	assert_false(doc_is_topic("protección-civil"));
	assert_ptr_equal(pregon_platforms(), doc_platforms);
	assert_ptr_equal(pregon_topics(), doc_topics);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_front_matter),
		cmocka_unit_test(test_front_matter_crlf),
		cmocka_unit_test(test_front_matter_bom),
		cmocka_unit_test(test_no_front_matter),
		cmocka_unit_test(test_front_matter_errors),
		cmocka_unit_test(test_invalid_input),
		cmocka_unit_test(test_mask_fenced_code),
		cmocka_unit_test(test_mask_code_span),
		cmocka_unit_test(test_mask_html_comment),
		cmocka_unit_test(test_mask_links),
		cmocka_unit_test(test_mask_reference_definition),
		cmocka_unit_test(test_mask_indented_code),
		cmocka_unit_test(test_mask_raw_html),
		cmocka_unit_test(test_plain_text),
		cmocka_unit_test(test_mask_comment_opener_in_code_span),
		cmocka_unit_test(test_mask_comment_opener_in_fence),
		cmocka_unit_test(test_doc_view),
		cmocka_unit_test(test_offset_of),
		cmocka_unit_test(test_known_ids),
	};
	return cmocka_run_group_tests_name("document", tests, NULL, NULL);
}
