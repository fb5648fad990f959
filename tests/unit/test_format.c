/* test_format.c: what the report formats share: columns in each unit,
 * URIs, XML and one-line text, fingerprints; and GitHub's escaping. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "format/format.h"

/* A report over `input` with one finding at byte `offset` (code-point
 * column `col` on line 1), enough for the formatters. */
static pregon_report report_of(const char *input, pregon_finding *f,
			       size_t offset, size_t length, int col,
			       const char *message)
{
	memset(f, 0, sizeof *f);
	f->rule = "prueba.regla";
	f->category = "style";
	f->severity = PREGON_SEV_WARNING;
	f->message = message;
	f->criterio = "XIX";
	f->offset = offset;
	f->length = length;
	f->line = f->end_line = 1;
	f->col = col;
	f->end_col = col + 1;
	f->text = "";
	pregon_report r = { 0 };
	r.path = "campaña/año, 1:2.md";
	r.findings = f;
	r.n_findings = 1;
	r.input = input;
	r.input_len = strlen(input);
	return r;
}

static void test_columns(void **state)
{
	(void)state;
	/* "AGUA" starts at code point 16, UTF-16 unit 17, byte 19 (0-based) */
	const char *in = "Hola 👋 vecinos: AGUA";
	pregon_finding f;
	pregon_report r = report_of(in, &f, 19, 4, 17, "m");
	assert_int_equal(fmt_column(&r, 19, 17, PREGON_COLUMN_CHAR), 17);
	assert_int_equal(fmt_column(&r, 19, 17, PREGON_COLUMN_UTF16), 18);
	assert_int_equal(fmt_column(&r, 19, 17, PREGON_COLUMN_BYTE), 20);
	/* second line, after an accent; a byte-order mark never counts */
	const char *two = "\xEF\xBB\xBF" "ñ x\náé y";
	r = report_of(two, &f, 0, 0, 1, "m");
	assert_int_equal(fmt_column(&r, 3, 1, PREGON_COLUMN_BYTE), 1);
	assert_int_equal(fmt_column(&r, 6, 3, PREGON_COLUMN_BYTE), 4);
	assert_int_equal(fmt_column(&r, 13, 4, PREGON_COLUMN_BYTE), 6);
	assert_int_equal(fmt_column(&r, 13, 4, PREGON_COLUMN_UTF16), 4);
}

static void test_uri(void **state)
{
	(void)state;
	buf b;
	buf_init(&b);
	fmt_put_uri(&b, "./2025/05/comunicación de prensa, 100%.md");
	assert_string_equal(b.ptr, "2025/05/comunicaci%C3%B3n%20de%20prensa%2C%20100%25.md");
	b.len = 0;
	fmt_put_uri(&b, "/srv/posts/año.md");
	assert_string_equal(b.ptr, "file:///srv/posts/a%C3%B1o.md");
	buf_dispose(&b);
}

static void test_xml_and_one_line(void **state)
{
	(void)state;
	buf b;
	buf_init(&b);
	fmt_put_xml(&b, "a<b>&'\"\nc");
	assert_string_equal(b.ptr, "a&lt;b&gt;&amp;&apos;&quot;&#10;c");
	b.len = 0;
	fmt_put_one_line(&b, "uno\r\ndos\ntres");
	assert_string_equal(b.ptr, "uno  dos tres");
	buf_dispose(&b);
}

static void test_github_escaping(void **state)
{
	(void)state;
	pregon_finding f;
	pregon_report r = report_of("x", &f, 0, 1, 1, "100% listo:\nsí, %0A");
	const pregon_report *one[1] = { &r };
	char *out = pregon_format_github(one, 1, NULL);
	assert_string_equal(out,
		"::warning file=campaña/año%2C 1%3A2.md,line=1,endLine=1,col=1,endColumn=2,"
		"title=prueba.regla (criterio XIX)::100%25 listo:%0Así, %250A\n");
	free(out);
}

static void test_fingerprints(void **state)
{
	(void)state;
	/* same rule and text twice: same hash, occurrences 0 and 1; the hash
	 * does not depend on where the text is */
	const char *in = "hola\nhola";
	pregon_finding fs[2];
	pregon_report r = report_of(in, &fs[0], 0, 4, 1, "m");
	report_of(in, &fs[1], 5, 4, 1, "m");
	r.n_findings = 2;
	r.findings = fs;
	char *p = pregon_report_fingerprints(&r);
	const char *a = p, *b = p + PREGON_FINGERPRINT_SIZE;
	assert_int_equal(strlen(a), 18);
	assert_memory_equal(a, b, 16);
	assert_string_equal(a + 16, ":0");
	assert_string_equal(b + 16, ":1");
	free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_columns),
		cmocka_unit_test(test_uri),
		cmocka_unit_test(test_xml_and_one_line),
		cmocka_unit_test(test_github_escaping),
		cmocka_unit_test(test_fingerprints),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
