/* test_promotion.c: the promotion and blackout rules on pathological
 * posts must finish (a generous bound catches a quadratic scan, it is no
 * benchmark), and their findings keep to the words they name. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pregon.h"

#define MAX_SECONDS 60.0

static pregon_engine *engine;

static int setup(void **state)
{
	(void)state;
	pregon_diag d;
	pregon_diag_init(&d);
	int rc = pregon_engine_new(&engine, NULL, &d);
	pregon_diag_dispose(&d);
	return rc;
}

static int teardown(void **state)
{
	(void)state;
	pregon_engine_free(engine);
	return 0;
}

/* `unit` repeated until the text holds `bytes`. */
static char *repeat(const char *unit, size_t bytes, size_t *len)
{
	size_t n = strlen(unit), k = bytes / n;
	char *s = malloc(k * n + 1);
	assert_non_null(s);
	for (size_t i = 0; i < k; i++)
		memcpy(s + i * n, unit, n);
	s[k * n] = '\0';
	*len = k * n;
	return s;
}

static size_t count(const pregon_report *r, const char *rule)
{
	size_t n = 0;
	for (size_t i = 0; i < r->n_findings; i++)
		n += strcmp(r->findings[i].rule, rule) == 0;
	return n;
}

/* Checks `text` with one rule; returns the report, asserting the time. */
static pregon_report *timed_check(const char *text, size_t len,
				  const char *rule, const char *date)
{
	pregon_check_options o = { 0 };
	o.only_rule = rule;
	o.date = date;
	o.plain_text = 1;
	pregon_report *r = NULL;
	pregon_diag d;
	pregon_diag_init(&d);
	struct timespec a, b;
	clock_gettime(CLOCK_MONOTONIC, &a);
	assert_int_equal(pregon_check(&r, engine, "-", text, len, &o, &d), 0);
	clock_gettime(CLOCK_MONOTONIC, &b);
	pregon_diag_dispose(&d);
	double secs = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
	if (secs > MAX_SECONDS)
		fail_msg("%s tardó %.1f s", rule, secs);
	return r;
}

/* One sentence of a megabyte full of names: every name looks for titles,
 * credit and praise in its sentence. */
static void test_megabyte_sentence_of_names(void **state)
{
	(void)state;
	size_t len;
	char *text = repeat("Juan Pérez y ", 1 << 20, &len);
	pregon_report *r = timed_check(text, len, "promocion.persona", NULL);
	assert_int_equal(count(r, "promocion.persona"), 0); /* no credit, no title */
	pregon_report_free(r);
	free(text);
}

static void test_thousands_of_personal_hashtags(void **state)
{
	(void)state;
	size_t len;
	char *text = repeat("#JuanCumple ", 5000 * 12, &len);
	pregon_report *r = timed_check(text, len, "promocion.persona", NULL);
	assert_int_equal(count(r, "promocion.persona"), 5000);
	assert_int_equal(r->findings[0].offset, 1); /* the word after the # */
	assert_int_equal(r->findings[0].length, strlen("JuanCumple"));
	pregon_report_free(r);
	free(text);
}

static void test_megabyte_of_credit_in_a_blackout(void **state)
{
	(void)state;
	size_t len;
	char *text = repeat("vacunación y nuestro alcalde inauguró ", 1 << 20, &len);
	pregon_report *r = timed_check(text, len, "electoral.veda", "2024-04-10");
	assert_int_equal(count(r, "electoral.veda"), 1);
	assert_int_equal(r->findings[0].severity, PREGON_SEV_ERROR);
	pregon_report_free(r);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_megabyte_sentence_of_names),
		cmocka_unit_test(test_thousands_of_personal_hashtags),
		cmocka_unit_test(test_megabyte_of_credit_in_a_blackout),
	};
	pregon_i18n_init(NULL, PREGON_LANG_ES);
	return cmocka_run_group_tests(tests, setup, teardown);
}
