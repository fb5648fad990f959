/* test_ytree.c: YAML trees, their positions and their error messages. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ytree.h"

static y_node *parse_ok(const char *text, int line_base)
{
	y_node *root = (y_node *)1;
	pregon_diag diag;
	pregon_diag_init(&diag);
	int rc = y_parse(&root, "t.yaml", text, strlen(text), line_base, &diag);
	if (rc != 0)
		fail_msg("y_parse failed: %d:%d %s", diag.line, diag.col,
			 diag.message ? diag.message : "");
	assert_null(diag.message);
	assert_non_null(root);
	pregon_diag_dispose(&diag);
	return root;
}

/* Parse text that must be refused; the diag is left for the caller. */
static void parse_fail(const char *text, size_t len, int line_base,
		       pregon_diag *diag)
{
	y_node *root = (y_node *)1;
	pregon_diag_init(diag);
	int rc = y_parse(&root, "t.yaml", text, len, line_base, diag);
	assert_int_equal(rc, PREGON_EINVAL);
	assert_null(root);
}

#include "check_diag.h"

static void check_node(const y_node *n, y_type type, int line, int col,
		       const char *str)
{
	assert_non_null(n);
	assert_int_equal(n->type, type);
	assert_int_equal(n->line, line);
	assert_int_equal(n->col, col);
	if (str) {
		assert_non_null(n->str);
		assert_string_equal(n->str, str);
		assert_int_equal(n->len, strlen(str));
	}
}

static const char doc[] =
	"título: Año nuevo\n"
	"lista:\n"
	"  - uno\n"
	"  - \"dos\"\n"
	"mapa: {a: 1, ñandú: 2}\n";

static void test_positions(void **state)
{
	(void)state;
	y_node *root = parse_ok(doc, 0);
	check_node(root, Y_MAP, 1, 1, NULL);
	assert_int_equal(y_map_size(root), 3);

	check_node(y_key(root, 0), Y_SCALAR, 1, 1, "título");
	/* "título: " is 8 code points (9 bytes): the value is at column 9 */
	check_node(y_value(root, 0), Y_SCALAR, 1, 9, "Año nuevo");
	assert_int_equal(y_value(root, 0)->plain, 1);
	assert_int_equal(y_value(root, 0)->single_line, 1);

	check_node(y_key(root, 1), Y_SCALAR, 2, 1, "lista");
	const y_node *seq = y_value(root, 1);
	check_node(seq, Y_SEQ, 3, 3, NULL);
	assert_int_equal(seq->n, 2);
	check_node(seq->items[0], Y_SCALAR, 3, 5, "uno");
	check_node(seq->items[1], Y_SCALAR, 4, 5, "dos");
	assert_int_equal(seq->items[0]->plain, 1);
	assert_int_equal(seq->items[1]->plain, 0);

	const y_node *map = y_get(root, "mapa");
	check_node(map, Y_MAP, 5, 7, NULL);
	assert_int_equal(y_map_size(map), 2);
	check_node(y_key(map, 0), Y_SCALAR, 5, 8, "a");
	check_node(y_value(map, 0), Y_SCALAR, 5, 11, "1");
	/* "mapa: {a: 1, " is 13 code points; "ñandú: " 7 more */
	check_node(y_key(map, 1), Y_SCALAR, 5, 14, "ñandú");
	check_node(y_get(map, "ñandú"), Y_SCALAR, 5, 21, "2");

	assert_ptr_equal(y_get(root, "lista"), seq);
	assert_null(y_get(root, "nada"));
	assert_null(y_get(seq, "uno"));       /* not a map */
	assert_int_equal(y_map_size(seq), 0);
	assert_null(y_get(NULL, "x"));
	assert_string_equal(root->src->path, "t.yaml");
	y_free(root);
}

static void test_line_base(void **state)
{
	(void)state;
	y_node *root = parse_ok(doc, 10);
	check_node(root, Y_MAP, 11, 1, NULL);
	check_node(y_value(root, 0), Y_SCALAR, 11, 9, "Año nuevo");
	check_node(y_value(root, 1)->items[1], Y_SCALAR, 14, 5, "dos");
	check_node(y_key(y_get(root, "mapa"), 1), Y_SCALAR, 15, 14, "ñandú");
	assert_int_equal(root->src->line_base, 10);
	y_free(root);
}

static void test_multiline_scalar(void **state)
{
	(void)state;
	y_node *root = parse_ok("texto: |\n  uno\n  dos\ncorto: 'x'\n", 0);
	const y_node *t = y_get(root, "texto");
	check_node(t, Y_SCALAR, 1, 8, "uno\ndos\n");
	assert_int_equal(t->single_line, 0);
	assert_int_equal(t->plain, 0);
	const y_node *c = y_get(root, "corto");
	check_node(c, Y_SCALAR, 4, 8, "x");
	assert_int_equal(c->single_line, 1);
	y_free(root);
}

static void test_empty(void **state)
{
	(void)state;
	static const char *const empties[] = { "", "# solo un comentario\n",
					       "\n\n   \n" };
	for (size_t i = 0; i < sizeof empties / sizeof *empties; i++) {
		y_node *root = (y_node *)1;
		pregon_diag diag;
		pregon_diag_init(&diag);
		int rc = y_parse(&root, "t.yaml", empties[i], strlen(empties[i]),
				 0, &diag);
		assert_int_equal(rc, 0);
		assert_null(root);
		assert_null(diag.message);
		pregon_diag_dispose(&diag);
		y_free(root); /* NULL is allowed */
	}
}

static void test_syntax_error(void **state)
{
	(void)state;
	pregon_diag diag;
	static const char bad[] = "a: b: c\n";
	parse_fail(bad, strlen(bad), 0, &diag);
	check_diag(&diag, 1, 5,
		   "YAML mal formado: no se permite un valor de mapa en este contexto",
		   NULL);
	assert_string_equal(diag.path, "t.yaml");
	assert_non_null(diag.source_line);
	assert_string_equal(diag.source_line, "a: b: c");
	pregon_diag_dispose(&diag);

	/* With a line base the reported line moves, the source line does
	 * not; the column counts code points after an accented key. */
	static const char accented[] = "x: 1\ntítulo: b: c\n";
	parse_fail(accented, strlen(accented), 3, &diag);
	check_diag(&diag, 5, 10,
		   "YAML mal formado: no se permite un valor de mapa en este contexto",
		   NULL);
	assert_string_equal(diag.source_line, "título: b: c");
	char *text = pregon_diag_format(&diag);
	assert_string_equal(text,
			    "t.yaml:5:10: error: YAML mal formado: no se permite "
			    "un valor de mapa en este contexto\n"
			    "    5 | título: b: c\n"
			    "      |          ^\n");
	free(text);
	pregon_diag_dispose(&diag);

	static const char flow[] = "clave: [1, 2\n";
	parse_fail(flow, strlen(flow), 0, &diag);
	check_diag(&diag, 1, 8, "YAML mal formado: se esperaba «,» o «]»", NULL);
	pregon_diag_dispose(&diag);

	static const char tab[] = "a:\n\t- b\n";
	parse_fail(tab, strlen(tab), 0, &diag);
	check_diag(&diag, 2, 1,
		   "YAML mal formado: carácter que no puede iniciar ningún elemento",
		   NULL);
	pregon_diag_dispose(&diag);

	static const char two[] = "a: 1\n---\nb: 2\n";
	parse_fail(two, strlen(two), 0, &diag);
	check_diag(&diag, 2, 1, "se esperaba un solo documento YAML", NULL);
	assert_int_equal(diag.span, 3);
	pregon_diag_dispose(&diag);
}

static void test_alias_refused(void **state)
{
	(void)state;
	pregon_diag diag;
	static const char text[] = "a: &x 1\nb: *x\n";
	parse_fail(text, strlen(text), 0, &diag);
	check_diag(&diag, 2, 4, "no se admiten alias YAML (*ancla)",
		   "escriba el valor completo");
	assert_string_equal(diag.source_line, "b: *x");
	pregon_diag_dispose(&diag);

	/* An alias deep inside a sequence, with a line base. */
	static const char seq[] = "base: &b [1, 2]\notra:\n  - [*b, *b]\n";
	parse_fail(seq, strlen(seq), 1, &diag);
	check_diag(&diag, 4, 6, "no se admiten alias YAML (*ancla)",
		   "escriba el valor completo");
	pregon_diag_dispose(&diag);
}

static void test_duplicate_key(void **state)
{
	(void)state;
	pregon_diag diag;
	static const char text[] = "a: 1\nb: 2\na: 3\n";
	parse_fail(text, strlen(text), 0, &diag);
	check_diag(&diag, 3, 1, "clave repetida «a»", NULL);
	assert_string_equal(diag.source_line, "a: 3");
	pregon_diag_dispose(&diag);

	/* A quoted spelling of the same key is the same key. */
	static const char quoted[] = "fecha: 1\n\"fecha\": 2\n";
	parse_fail(quoted, strlen(quoted), 0, &diag);
	check_diag(&diag, 2, 1, "clave repetida «fecha»", NULL);
	assert_int_equal(diag.span, 7); /* the key and its quotes */
	pregon_diag_dispose(&diag);
}

static void test_nesting_limit(void **state)
{
	(void)state;
	pregon_diag diag;
	/* 10,000 unclosed '[': refused at the 65th level, no crash. */
	size_t n = 10000;
	char *deep = malloc(n + 1);
	assert_non_null(deep);
	memset(deep, '[', n);
	deep[n] = '\0';
	parse_fail(deep, n, 0, &diag);
	check_diag(&diag, 1, 65, "el YAML anida demasiados niveles", NULL);
	pregon_diag_dispose(&diag);

	/* The same as nested maps. */
	char *maps = malloc(4 * n + 1);
	assert_non_null(maps);
	for (size_t i = 0; i < n; i++)
		memcpy(maps + 4 * i, "{a: ", 4);
	maps[4 * n] = '\0';
	parse_fail(maps, 4 * n, 0, &diag);
	check_diag(&diag, 1, 4 * 64 + 1, "el YAML anida demasiados niveles",
		   NULL);
	pregon_diag_dispose(&diag);

	/* 64 levels are allowed, 65 are not. */
	memset(deep, '[', 64);
	memset(deep + 64, ']', 64);
	y_node *root = NULL;
	pregon_diag_init(&diag);
	assert_int_equal(y_parse(&root, "t.yaml", deep, 128, 0, &diag), 0);
	int levels = 0;
	for (const y_node *p = root; p; p = p->n ? p->items[0] : NULL) {
		assert_int_equal(p->type, Y_SEQ);
		levels++;
	}
	assert_int_equal(levels, 64);
	y_free(root);
	pregon_diag_dispose(&diag);

	memset(deep, '[', 65);
	memset(deep + 65, ']', 65);
	parse_fail(deep, 130, 0, &diag);
	check_diag(&diag, 1, 65, "el YAML anida demasiados niveles", NULL);
	pregon_diag_dispose(&diag);
	free(maps);
	free(deep);
}

static const char *const fm_keys[] = { "fecha", "plataforma", "tema", NULL };

static void test_check_keys(void **state)
{
	(void)state;
	pregon_diag diag;
	pregon_diag_init(&diag);
	y_node *ok = parse_ok("tema: salud\nfecha: 2026-03-10\n", 0);
	assert_int_equal(y_check_keys(ok, fm_keys, "el encabezado", &diag), 0);
	assert_null(diag.message);
	y_free(ok);

	y_node *root = parse_ok("fecha: 2026-03-10\nplatafroma: x\n", 0);
	assert_int_equal(y_check_keys(root, fm_keys, "el encabezado", &diag),
			 PREGON_EINVAL);
	check_diag(&diag, 2, 1, "clave desconocida «platafroma» en el encabezado",
		   "¿quiso decir «plataforma»?");
	assert_int_equal(diag.span, 10);
	char *text = pregon_diag_format(&diag);
	assert_string_equal(text,
			    "t.yaml:2:1: error: clave desconocida «platafroma» en "
			    "el encabezado; ¿quiso decir «plataforma»?\n"
			    "    2 | platafroma: x\n"
			    "      | ^~~~~~~~~~\n");
	free(text);
	pregon_diag_dispose(&diag);
	y_free(root);

	/* Nothing close: the hint lists the valid keys. */
	root = parse_ok("zzzzzz: 1\n", 0);
	assert_int_equal(y_check_keys(root, fm_keys, "el encabezado", &diag),
			 PREGON_EINVAL);
	check_diag(&diag, 1, 1, "clave desconocida «zzzzzz» en el encabezado",
		   "claves válidas: fecha, plataforma, tema");
	pregon_diag_dispose(&diag);
	y_free(root);

	/* A key that is not a scalar. */
	root = parse_ok("? [a, b]\n: 1\n", 0);
	assert_int_equal(y_check_keys(root, fm_keys, "el encabezado", &diag),
			 PREGON_EINVAL);
	check_diag(&diag, 1, 3, "las claves deben ser textos", NULL);
	pregon_diag_dispose(&diag);
	y_free(root);
}

static const char values[] =
	"n: 42\n"
	"neg: -3\n"
	"abc: abc\n"
	"big: 150\n"
	"huge: 99999999999999999999\n"
	"frac: 12.5\n"
	"hex: 0x10\n"
	"vacio:\n"
	"t: true\n"
	"f: false\n"
	"si: sí\n"
	"no_: no\n"
	"qt: \"true\"\n"
	"quiza: quizá\n"
	"d: 0.5\n"
	"d2: 1.5\n"
	"dnan: nan\n"
	"dinf: inf\n"
	"dbig: 1e400\n"
	"lista: [a, b]\n"
	"mapa: {x: 1}\n"
	"mixta: [a, {b: 1}]\n";

static void test_to_int(void **state)
{
	(void)state;
	y_node *root = parse_ok(values, 0);
	pregon_diag diag;
	pregon_diag_init(&diag);
	long v = 0;
	assert_int_equal(y_to_int(y_get(root, "n"), 0, 100, &v, &diag), 0);
	assert_int_equal(v, 42);
	assert_int_equal(y_to_int(y_get(root, "neg"), -5, 5, &v, &diag), 0);
	assert_int_equal(v, -3);
	assert_int_equal(y_to_int(y_get(root, "big"), 0, 150, &v, &diag), 0);
	assert_int_equal(v, 150);
	assert_null(diag.message);

	v = 7;
	assert_int_equal(y_to_int(y_get(root, "abc"), 0, 100, &v, &diag),
			 PREGON_EINVAL);
	check_diag(&diag, 3, 6, "número no válido «abc»",
		   "escriba un entero entre 0 y 100");
	assert_int_equal(v, 7); /* untouched on error */
	assert_int_equal(y_to_int(y_get(root, "big"), 0, 100, &v, &diag),
			 PREGON_EINVAL);
	check_diag(&diag, 4, 6, "número no válido «150»",
		   "escriba un entero entre 0 y 100");
	assert_int_equal(y_to_int(y_get(root, "neg"), 0, 100, &v, &diag),
			 PREGON_EINVAL);
	check_diag(&diag, 2, 6, "número no válido «-3»",
		   "escriba un entero entre 0 y 100");
	assert_int_equal(y_to_int(y_get(root, "huge"), 0, 100, &v, &diag),
			 PREGON_EINVAL);
	check_diag(&diag, 5, 7, "número no válido «99999999999999999999»",
		   "escriba un entero entre 0 y 100");
	assert_int_equal(y_to_int(y_get(root, "frac"), 0, 100, &v, &diag),
			 PREGON_EINVAL);
	check_diag(&diag, 6, 7, "número no válido «12.5»",
		   "escriba un entero entre 0 y 100");
	assert_int_equal(y_to_int(y_get(root, "hex"), 0, 100, &v, &diag),
			 PREGON_EINVAL);
	check_diag(&diag, 7, 6, "número no válido «0x10»",
		   "escriba un entero entre 0 y 100");
	assert_int_equal(y_to_int(y_get(root, "vacio"), 0, 100, &v, &diag),
			 PREGON_EINVAL);
	check_diag(&diag, 8, 7, "número no válido «»",
		   "escriba un entero entre 0 y 100");
	assert_int_equal(y_to_int(y_get(root, "mapa"), -1, 1, &v, &diag),
			 PREGON_EINVAL);
	check_diag(&diag, 21, 7, "número no válido «…»",
		   "escriba un entero entre -1 y 1");
	pregon_diag_dispose(&diag);
	y_free(root);
}

static void test_to_bool(void **state)
{
	(void)state;
	y_node *root = parse_ok(values, 0);
	pregon_diag diag;
	pregon_diag_init(&diag);
	int b = -1;
	assert_int_equal(y_to_bool(y_get(root, "t"), &b, &diag), 0);
	assert_int_equal(b, 1);
	assert_int_equal(y_to_bool(y_get(root, "f"), &b, &diag), 0);
	assert_int_equal(b, 0);
	assert_int_equal(y_to_bool(y_get(root, "si"), &b, &diag), 0);
	assert_int_equal(b, 1);
	assert_int_equal(y_to_bool(y_get(root, "no_"), &b, &diag), 0);
	assert_int_equal(b, 0);
	assert_null(diag.message);

	/* A quoted "true" is a text, not a truth value. */
	assert_int_equal(y_to_bool(y_get(root, "qt"), &b, &diag), PREGON_EINVAL);
	check_diag(&diag, 13, 5, "se esperaba un valor lógico",
		   "escriba true o false");
	assert_int_equal(diag.span, 6);
	assert_int_equal(y_to_bool(y_get(root, "quiza"), &b, &diag),
			 PREGON_EINVAL);
	check_diag(&diag, 14, 8, "se esperaba un valor lógico",
		   "escriba true o false");
	assert_int_equal(diag.span, 5); /* code points of «quizá» */
	assert_int_equal(y_to_bool(y_get(root, "lista"), &b, &diag),
			 PREGON_EINVAL);
	check_diag(&diag, 20, 8, "se esperaba un valor lógico",
		   "escriba true o false");
	assert_int_equal(diag.span, 1);
	assert_int_equal(b, 0); /* untouched by the failures */
	pregon_diag_dispose(&diag);
	y_free(root);
}

static void test_to_double(void **state)
{
	(void)state;
	y_node *root = parse_ok(values, 0);
	pregon_diag diag;
	pregon_diag_init(&diag);
	double d = -1;
	assert_int_equal(y_to_double(y_get(root, "d"), 0, 1, &d, &diag), 0);
	assert_true(d == 0.5);
	assert_int_equal(y_to_double(y_get(root, "n"), 0, 100, &d, &diag), 0);
	assert_true(d == 42.0);
	assert_null(diag.message);

	assert_int_equal(y_to_double(y_get(root, "d2"), 0, 1, &d, &diag),
			 PREGON_EINVAL);
	check_diag(&diag, 16, 5, "número no válido «1.5»",
		   "escriba un número entre 0 y 1");
	assert_int_equal(y_to_double(y_get(root, "dnan"), 0, 1, &d, &diag),
			 PREGON_EINVAL);
	check_diag(&diag, 17, 7, "número no válido «nan»",
		   "escriba un número entre 0 y 1");
	assert_int_equal(y_to_double(y_get(root, "dinf"), 0, INFINITY, &d, &diag),
			 PREGON_EINVAL);
	check_diag(&diag, 18, 7, "número no válido «inf»",
		   "escriba un número entre 0 y inf");
	assert_int_equal(y_to_double(y_get(root, "dbig"), 0, 1e300, &d, &diag),
			 PREGON_EINVAL);
	check_diag(&diag, 19, 7, "número no válido «1e400»",
		   "escriba un número entre 0 y 1e+300");
	assert_int_equal(y_to_double(y_get(root, "abc"), 0, 1, &d, &diag),
			 PREGON_EINVAL);
	check_diag(&diag, 3, 6, "número no válido «abc»",
		   "escriba un número entre 0 y 1");
	assert_true(d == 42.0); /* untouched by the failures */
	pregon_diag_dispose(&diag);
	y_free(root);
}

static void test_to_str_and_lists(void **state)
{
	(void)state;
	y_node *root = parse_ok(values, 0);
	pregon_diag diag;
	pregon_diag_init(&diag);
	const char *s = NULL;
	assert_int_equal(y_to_str(y_get(root, "abc"), &s, &diag), 0);
	assert_string_equal(s, "abc");
	assert_int_equal(y_to_str(y_get(root, "lista"), &s, &diag),
			 PREGON_EINVAL);
	check_diag(&diag, 20, 8, "se esperaba un texto, no una lista", NULL);

	const y_node **items = NULL;
	size_t n = 0;
	assert_int_equal(y_to_str_list(y_get(root, "abc"), &items, &n, &diag), 0);
	assert_int_equal(n, 1);
	assert_string_equal(items[0]->str, "abc");
	free(items);
	assert_int_equal(y_to_str_list(y_get(root, "lista"), &items, &n, &diag),
			 0);
	assert_int_equal(n, 2);
	assert_string_equal(items[0]->str, "a");
	assert_string_equal(items[1]->str, "b");
	free(items);
	assert_int_equal(y_to_str_list(y_get(root, "mixta"), &items, &n, &diag),
			 PREGON_EINVAL);
	check_diag(&diag, 22, 12, "se esperaba un texto en la lista", NULL);
	assert_null(items);
	assert_int_equal(n, 0);
	assert_int_equal(y_to_str_list(y_get(root, "mapa"), &items, &n, &diag),
			 PREGON_EINVAL);
	check_diag(&diag, 21, 7, "se esperaba un texto o una lista de textos",
		   NULL);

	assert_int_equal(y_expect(root, Y_MAP, "el archivo", &diag), 0);
	assert_int_equal(y_expect(y_get(root, "lista"), Y_MAP, "«lista»", &diag),
			 PREGON_EINVAL);
	check_diag(&diag, 20, 8,
		   "«lista» debe ser un mapa (clave: valor), no una lista", NULL);
	pregon_diag_dispose(&diag);
	y_free(root);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_line_base),
		cmocka_unit_test(test_multiline_scalar),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_syntax_error),
		cmocka_unit_test(test_alias_refused),
		cmocka_unit_test(test_duplicate_key),
		cmocka_unit_test(test_nesting_limit),
		cmocka_unit_test(test_check_keys),
		cmocka_unit_test(test_to_int),
		cmocka_unit_test(test_to_bool),
		cmocka_unit_test(test_to_double),
		cmocka_unit_test(test_to_str_and_lists),
	};
	return cmocka_run_group_tests_name("ytree", tests, NULL, NULL);
}
