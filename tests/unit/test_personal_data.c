/* test_personal_data.c: the check digits of Mexican identifiers, on the
 * worked examples and published values of the domain notes, and the
 * masking of personal data in report texts. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "kinds/personal_data.h"
#include "mask.h"

static void test_date_real(void **state)
{
	(void)state;
	assert_true(pd_date_real("870314", 19));
	assert_true(pd_date_real("000229", 20));  /* 2000 is a leap year */
	assert_false(pd_date_real("000229", 19)); /* 1900 is not */
	assert_true(pd_date_real("000229", 0));   /* either century */
	assert_false(pd_date_real("000000", 0));  /* the placeholder */
	assert_false(pd_date_real("871301", 0));
	assert_false(pd_date_real("870431", 0));
	assert_false(pd_date_real("87a314", 0));
}

static void test_curp_worked_example(void **state)
{
	(void)state;
	/* HERG870314MBCRZD0: sum 2162, digit 8 */
	assert_int_equal(pd_curp_check_digit("HERG870314MBCRZD0"), '8');
	assert_int_equal(pd_curp_validate("HERG870314MBCRZD08"), 1);
	assert_int_equal(pd_curp_validate("HERG870314MBCRZD09"), -1);
}

static void test_curp_published(void **state)
{
	(void)state;
	static const char *const valid[] = { "BOXW310820HNERXN09",
					     "SOMM910125MVZLZR07",
					     "HEBO790923HDFRRM09",
					     "TEGA931217MDFRMR05",
					     "RUMA020715MBCZRNA3" };
	for (size_t i = 0; i < sizeof valid / sizeof *valid; i++)
		assert_int_equal(pd_curp_validate(valid[i]), 1);
	assert_int_equal(pd_curp_validate("BOXW310820HNERXN08"), -1);
	/* a letter in position 17 means born from 2000: 2002-07-15 */
	assert_int_equal(pd_curp_validate("RUMA020715MBCZRNA4"), -1);
	/* placeholders have no real date */
	assert_int_equal(pd_curp_validate("AAAA000000HBCXXX00"), 0);
	assert_int_equal(pd_curp_check_digit("HERG87031?MBCRZD0"), 0);
}

static void test_rfc(void **state)
{
	(void)state;
	assert_int_equal(pd_rfc_check_char("HERG870314K5", 12), '6');
	assert_int_equal(pd_rfc_check_char("GODE561231GR", 12), '8');
	/* persona moral: 11 characters, padded with a space */
	assert_int_equal(pd_rfc_check_char("MAB9307148T", 11), '4');
	assert_int_equal(pd_rfc_check_char("GODE56123", 9), 0);
	assert_int_equal(pd_rfc_check_char("GODE5612?1GR", 12), 0);
	assert_true(pd_rfc_is_generic("XAXX010101000"));
	assert_true(pd_rfc_is_generic("XEXX010101000"));
	assert_false(pd_rfc_is_generic("GODE561231GR8"));
	/* the generic RFCs fail the check: they must be excluded by name */
	assert_int_not_equal(pd_rfc_check_char("XAXX01010100", 12), '0');
}

static void test_clabe(void **state)
{
	(void)state;
	/* 032180000118359719: sum 61, digit 9 */
	assert_int_equal(pd_clabe_check_digit("03218000011835971"), '9');
	assert_int_equal(pd_clabe_check_digit("07202801029384756"), '2');
	assert_int_not_equal(pd_clabe_check_digit("03218000011835972"), '9');
	assert_true(pd_clabe_bank_known("072028010293847562"));
	assert_true(pd_clabe_bank_known("002180022334455667"));
	assert_false(pd_clabe_bank_known("032180000118359719"));
	assert_false(pd_clabe_bank_known("999180000118359719"));
}

static void test_luhn(void **state)
{
	(void)state;
	assert_true(pd_luhn_valid("4111111111111111", 16));
	assert_false(pd_luhn_valid("4111111111111112", 16));
	assert_true(pd_luhn_valid("378282246310005", 15));
	/* NSS 0287634125 -> check 2 */
	assert_true(pd_luhn_valid("02876341252", 11));
	assert_false(pd_luhn_valid("02876341253", 11));
	assert_false(pd_luhn_valid("4", 1));
}

static void test_card_networks(void **state)
{
	(void)state;
	assert_true(pd_card_network_known("4111111111111111", 16));
	assert_false(pd_card_network_known("4111111111111111", 15));
	assert_true(pd_card_network_known("5555555555554444", 16));
	assert_true(pd_card_network_known("2221000000000009", 16));
	assert_false(pd_card_network_known("2720990000000000", 15));
	assert_true(pd_card_network_known("378282246310005", 15));
	assert_true(pd_card_network_known("6011111111111117", 16));
	assert_true(pd_card_network_known("3530111333300000", 16));
	assert_true(pd_card_network_known("30569309025904", 14));
	assert_false(pd_card_network_known("9111111111111111", 16));
}

static void test_icao(void **state)
{
	(void)state;
	assert_int_equal(pd_icao_check_digit("123456789", 9), '7');
	assert_int_equal(pd_icao_check_digit("<<<", 3), '0');
	/* A = 10: 10*7 = 70 -> 0 */
	assert_int_equal(pd_icao_check_digit("A", 1), '0');
	assert_int_equal(pd_icao_check_digit("B", 1), '7');
}

static char *masked(const char *in, size_t from, size_t to,
		    const pregon_span *spans, size_t n)
{
	buf b;
	buf_init(&b);
	mask_put(&b, in, strlen(in), from, to, spans, n);
	return buf_detach(&b);
}

static void test_mask_curp(void **state)
{
	(void)state;
	const char *in = "CURP: GOMC850612HBCMRR03.";
	pregon_span s = { 6, 18 };
	char *m = masked(in, 0, strlen(in), &s, 1);
	assert_string_equal(m, "CURP: GOMC••••••••••••03.");
	free(m);
	/* a piece of the datum shows only its masked part */
	m = masked(in, 8, 12, &s, 1);
	assert_string_equal(m, "MC••");
	free(m);
	assert_true(mask_touches(&s, 1, 0, 7));
	assert_false(mask_touches(&s, 1, 0, 6));
	assert_false(mask_touches(&s, 1, 24, 1));
}

static void test_mask_short_and_spaced(void **state)
{
	(void)state;
	/* written in groups: no head shown, separators kept */
	const char *in = "Tel. (665) 123-4567 y ana@x.com";
	pregon_span s[2] = { { 5, 14 }, { 22, 9 } };
	char *m = masked(in, 0, strlen(in), s, 2);
	assert_string_equal(m, "Tel. (•••) •••-••67 y •••@•.•••");
	free(m);
	/* short data show nothing; accents and wide text stay intact */
	const char *acc = "Av Ñu 5 é";
	pregon_span a = { 0, 8 };
	m = masked(acc, 0, strlen(acc), &a, 1);
	assert_string_equal(m, "•• •• • é");
	free(m);
	/* a cut inside a multi-byte character moves to its start */
	m = masked(acc, 4, strlen(acc), &a, 1);
	assert_string_equal(m, "•• • é");
	free(m);
	/* eight letters and digits: the last two are shown */
	const char *eight = "Calle Ñu 5";
	pregon_span e8 = { 0, strlen(eight) };
	m = masked(eight, 0, strlen(eight), &e8, 1);
	assert_string_equal(m, "••••• •u 5");
	free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date_real),
		cmocka_unit_test(test_curp_worked_example),
		cmocka_unit_test(test_curp_published),
		cmocka_unit_test(test_rfc),
		cmocka_unit_test(test_clabe),
		cmocka_unit_test(test_luhn),
		cmocka_unit_test(test_card_networks),
		cmocka_unit_test(test_icao),
		cmocka_unit_test(test_mask_curp),
		cmocka_unit_test(test_mask_short_and_spaced),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
