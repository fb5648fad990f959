/* test_score.c: the score and the verdict of a post. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>

#include "score.h"

#define N(a) (sizeof(a) / sizeof *(a))

static void test_score_no_findings(void **state)
{
	(void)state;
	assert_int_equal(score_compute(NULL, 0), 100);
	static const int w[] = { 25 };
	/* n = 0 ignores the array. */
	assert_int_equal(score_compute(w, 0), 100);
}

static void test_score_sum(void **state)
{
	(void)state;
	static const int one[] = { 15 };
	static const int some[] = { 10, 20, 5 };
	static const int zeros[] = { 0, 0, 0 };
	static const int exact[] = { 60, 40 };
	assert_int_equal(score_compute(one, N(one)), 85);
	assert_int_equal(score_compute(some, N(some)), 65);
	assert_int_equal(score_compute(zeros, N(zeros)), 100);
	assert_int_equal(score_compute(exact, N(exact)), 0);
}

static void test_score_floor(void **state)
{
	(void)state;
	static const int over[] = { 60, 50 };
	static const int huge[] = { INT_MAX, INT_MAX, INT_MAX };
	static const int many[] = { 30, 30, 30, 30, 30, 30, 30, 30 };
	assert_int_equal(score_compute(over, N(over)), 0);
	assert_int_equal(score_compute(huge, N(huge)), 0);
	assert_int_equal(score_compute(many, N(many)), 0);
}

static void test_score_negative_ignored(void **state)
{
	(void)state;
	static const int neg[] = { -30, 10 };
	static const int only_neg[] = { -5, -50 };
	static const int min[] = { INT_MIN, 20 };
	assert_int_equal(score_compute(neg, N(neg)), 90);
	assert_int_equal(score_compute(only_neg, N(only_neg)), 100);
	assert_int_equal(score_compute(min, N(min)), 80);
}

static void test_verdict_error_blocks(void **state)
{
	(void)state;
	static const pregon_severity e[] = { PREGON_SEV_ERROR };
	static const pregon_severity mixed[] = { PREGON_SEV_INFO,
						 PREGON_SEV_WARNING,
						 PREGON_SEV_ERROR,
						 PREGON_SEV_INFO };
	assert_int_equal(score_verdict(e, N(e), 100, 70), PREGON_VERDICT_BLOCK);
	assert_int_equal(score_verdict(mixed, N(mixed), 100, 70),
			 PREGON_VERDICT_BLOCK);
	assert_int_equal(score_verdict(mixed, N(mixed), 0, 70),
			 PREGON_VERDICT_BLOCK);
}

static void test_verdict_warning_reviews(void **state)
{
	(void)state;
	static const pregon_severity w[] = { PREGON_SEV_WARNING };
	static const pregon_severity iw[] = { PREGON_SEV_INFO, PREGON_SEV_INFO,
					      PREGON_SEV_WARNING };
	/* A warning sends to review even with a perfect score. */
	assert_int_equal(score_verdict(w, N(w), 100, 70), PREGON_VERDICT_REVIEW);
	assert_int_equal(score_verdict(iw, N(iw), 95, 70),
			 PREGON_VERDICT_REVIEW);
	assert_int_equal(score_verdict(w, N(w), 100, 0), PREGON_VERDICT_REVIEW);
}

static void test_verdict_info_publishes(void **state)
{
	(void)state;
	static const pregon_severity i[] = { PREGON_SEV_INFO, PREGON_SEV_INFO };
	assert_int_equal(score_verdict(NULL, 0, 100, 70), PREGON_VERDICT_PUBLISH);
	assert_int_equal(score_verdict(i, N(i), 90, 70), PREGON_VERDICT_PUBLISH);
	/* At the threshold exactly: not under it. */
	assert_int_equal(score_verdict(i, N(i), 70, 70), PREGON_VERDICT_PUBLISH);
}

static void test_verdict_low_score_reviews(void **state)
{
	(void)state;
	static const pregon_severity i[] = { PREGON_SEV_INFO, PREGON_SEV_INFO };
	assert_int_equal(score_verdict(i, N(i), 69, 70), PREGON_VERDICT_REVIEW);
	assert_int_equal(score_verdict(i, N(i), 0, 70), PREGON_VERDICT_REVIEW);
	assert_int_equal(score_verdict(NULL, 0, 99, 100), PREGON_VERDICT_REVIEW);
	assert_int_equal(score_verdict(NULL, 0, 50, 50), PREGON_VERDICT_PUBLISH);
}

static void test_names(void **state)
{
	(void)state;
	assert_string_equal(pregon_verdict_name(PREGON_VERDICT_PUBLISH), "publish");
	assert_string_equal(pregon_verdict_name(PREGON_VERDICT_REVIEW), "review");
	assert_string_equal(pregon_verdict_name(PREGON_VERDICT_BLOCK), "block");
	assert_string_equal(pregon_severity_name(PREGON_SEV_INFO), "info");
	assert_string_equal(pregon_severity_name(PREGON_SEV_WARNING), "warning");
	assert_string_equal(pregon_severity_name(PREGON_SEV_ERROR), "error");
	/* No catalogue is loaded here: the labels are the Spanish msgids. */
	assert_string_equal(pregon_verdict_label(PREGON_VERDICT_PUBLISH),
			    "publicar");
	assert_string_equal(pregon_verdict_label(PREGON_VERDICT_BLOCK),
			    "bloquear");
	assert_string_equal(pregon_severity_label(PREGON_SEV_WARNING),
			    "advertencia");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_score_no_findings),
		cmocka_unit_test(test_score_sum),
		cmocka_unit_test(test_score_floor),
		cmocka_unit_test(test_score_negative_ignored),
		cmocka_unit_test(test_verdict_error_blocks),
		cmocka_unit_test(test_verdict_warning_reviews),
		cmocka_unit_test(test_verdict_info_publishes),
		cmocka_unit_test(test_verdict_low_score_reviews),
		cmocka_unit_test(test_names),
	};
	return cmocka_run_group_tests_name("score", tests, NULL, NULL);
}
