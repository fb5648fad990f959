/* test_business_days.c: Mexico's days of rest (LFT art. 74) and the
 * business-day deadline of criterion VII.
 *
 * Reference dates, worked out on a calendar:
 *   - first Monday of February: 2024-02-05, 2025-02-03, 2026-02-02,
 *     2027-02-01, 2030-02-04;
 *   - third Monday of March: 2024-03-18, 2025-03-17, 2026-03-16,
 *     2027-03-15, 2030-03-18;
 *   - third Monday of November: 2024-11-18, 2025-11-17, 2026-11-16,
 *     2027-11-15, 2030-11-18;
 *   - federal election days (first Sunday of June): 2024-06-02,
 *     2027-06-06;
 *   - the presidential term began on Saturday 2018-12-01 and on Tuesday
 *     2024-10-01; the next transfer is 2030-10-01.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "business_days.h"
#include "date.h"

static long day_of(const char *s)
{
	date_t d;
	assert_int_equal(date_parse(s, &d), 0);
	return date_days(d.year, d.month, d.day);
}

static void check_reason(const char *s, bd_reason want)
{
	bd_reason got = bd_rest_reason(day_of(s), NULL, 0);
	if (got != want)
		fail_msg("%s: reason %d, expected %d", s, (int)got, (int)want);
}

static void test_fixed_days(void **state)
{
	(void)state;
	check_reason("2026-01-01", BD_NEW_YEAR);
	check_reason("2026-05-01", BD_LABOUR);
	check_reason("2026-09-16", BD_INDEPENDENCE);
	check_reason("2026-12-25", BD_CHRISTMAS);
	/* the commemorated dates themselves are working days */
	check_reason("2026-02-05", BD_WORKDAY);
	check_reason("2027-03-22", BD_WORKDAY);
	check_reason("2026-11-20", BD_WORKDAY);
	/* not in art. 74: Holy Thursday, 12 December, 2 November */
	check_reason("2026-04-02", BD_WORKDAY);
	check_reason("2025-12-12", BD_WORKDAY);
	check_reason("2026-11-02", BD_WORKDAY);
	check_reason("2026-03-14", BD_WEEKEND);
	check_reason("2026-03-15", BD_WEEKEND);
}

static void test_movable_mondays(void **state)
{
	(void)state;
	static const char *const feb[] = { "2024-02-05", "2025-02-03", "2026-02-02",
					   "2027-02-01", "2030-02-04" };
	static const char *const mar[] = { "2024-03-18", "2025-03-17", "2026-03-16",
					   "2027-03-15", "2030-03-18" };
	static const char *const nov[] = { "2024-11-18", "2025-11-17", "2026-11-16",
					   "2027-11-15", "2030-11-18" };
	for (size_t i = 0; i < 5; i++) {
		check_reason(feb[i], BD_CONSTITUTION);
		check_reason(mar[i], BD_JUAREZ);
		check_reason(nov[i], BD_REVOLUTION);
	}
	/* the Mondays before and after are working days */
	check_reason("2026-02-09", BD_WORKDAY);
	check_reason("2026-03-09", BD_WORKDAY);
	check_reason("2026-03-23", BD_WORKDAY);
	check_reason("2026-11-09", BD_WORKDAY);
	check_reason("2026-11-23", BD_WORKDAY);
	check_reason("2025-02-10", BD_WORKDAY);
}

static void test_executive_transfer(void **state)
{
	(void)state;
	check_reason("2024-10-01", BD_EXECUTIVE);  /* as reformed, DOF 30-09-2024 */
	check_reason("2030-10-01", BD_EXECUTIVE);
	check_reason("2018-12-01", BD_EXECUTIVE);  /* before the reform */
	check_reason("2018-10-01", BD_WORKDAY);
	check_reason("2024-12-02", BD_WORKDAY);
	check_reason("2025-10-01", BD_WORKDAY);    /* not a transfer year */
	check_reason("2026-10-01", BD_WORKDAY);
}

static void test_election_days(void **state)
{
	(void)state;
	check_reason("2024-06-02", BD_ELECTION);
	check_reason("2027-06-06", BD_ELECTION);
	check_reason("2026-06-07", BD_WEEKEND);  /* no federal election */
}

static void test_deadline(void **state)
{
	(void)state;
	/* Friday 13 March 2026: Monday 16 is a rest day */
	assert_int_equal(bd_add(day_of("2026-03-13"), 3, NULL, 0), day_of("2026-03-19"));
	/* Thursday 30 April 2026: Friday 1 May is a rest day */
	assert_int_equal(bd_add(day_of("2026-04-30"), 3, NULL, 0), day_of("2026-05-06"));
	/* Monday: no rest day in between */
	assert_int_equal(bd_add(day_of("2026-03-02"), 3, NULL, 0), day_of("2026-03-05"));
	/* a consultation on a Saturday starts counting on Monday */
	assert_int_equal(bd_add(day_of("2026-03-07"), 1, NULL, 0), day_of("2026-03-09"));
	/* Christmas and New Year */
	assert_int_equal(bd_add(day_of("2026-12-24"), 3, NULL, 0), day_of("2026-12-30"));
	assert_int_equal(bd_add(day_of("2026-12-31"), 1, NULL, 0), day_of("2027-01-04"));
	assert_int_equal(bd_add(day_of("2026-03-02"), 0, NULL, 0), day_of("2026-03-02"));
}

static void test_local_days(void **state)
{
	(void)state;
	/* Holy Thursday and Friday 2026, declared by the municipality */
	long extra[] = { day_of("2026-04-02"), day_of("2026-04-03") };
	assert_int_equal(bd_rest_reason(extra[0], extra, 2), BD_LOCAL);
	assert_int_equal(bd_rest_reason(day_of("2026-04-01"), extra, 2), BD_WORKDAY);
	assert_int_equal(bd_add(day_of("2026-04-01"), 3, extra, 2), day_of("2026-04-08"));
	assert_int_equal(bd_add(day_of("2026-04-01"), 3, NULL, 0), day_of("2026-04-06"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixed_days),
		cmocka_unit_test(test_movable_mondays),
		cmocka_unit_test(test_executive_transfer),
		cmocka_unit_test(test_election_days),
		cmocka_unit_test(test_deadline),
		cmocka_unit_test(test_local_days),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
