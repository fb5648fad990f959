/* test_date.c: date parsing, calendar arithmetic and Tijuana's offset.
 *
 * Reference facts used below (worked out by hand):
 *   - 2026-01-01 is a Thursday and day 20454 since 1970-01-01
 *     (56 years × 365 + 14 leap days 1972..2024).
 *   - 2026: March 1 is a Sunday, so the second Sunday of March is the 8th;
 *     November 1 is a Sunday, the first Sunday of November.
 *   - 2025: March 1 is a Saturday, so the second Sunday is the 9th;
 *     November 1 is a Saturday, the first Sunday is the 2nd.
 *   - Summer time starts at 10:00 UTC (02:00 PST) and ends at 09:00 UTC
 *     (02:00 PDT).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "date.h"
#include "pregon.h"

static void check_date(const char *s, int y, int m, int d, int has_time,
		       int hour, int minute)
{
	date_t out;
	if (date_parse(s, &out) != 0)
		fail_msg("date_parse(\"%s\") failed", s);
	assert_int_equal(out.year, y);
	assert_int_equal(out.month, m);
	assert_int_equal(out.day, d);
	assert_int_equal(out.has_time, has_time);
	assert_int_equal(out.hour, hour);
	assert_int_equal(out.minute, minute);
}

static void check_invalid(const char *s)
{
	date_t out;
	if (date_parse(s, &out) != -1)
		fail_msg("date_parse(\"%s\") accepted an invalid date", s);
	assert_int_equal(pregon_date_valid(s), 0);
}

static void test_parse_dates(void **state)
{
	(void)state;
	check_date("2026-03-10", 2026, 3, 10, 0, 0, 0);
	check_date("2026-12-31", 2026, 12, 31, 0, 0, 0);
	check_date("2024-02-29", 2024, 2, 29, 0, 0, 0); /* leap year */
	check_date("2000-02-29", 2000, 2, 29, 0, 0, 0); /* divisible by 400 */
	check_date("1900-01-01", 1900, 1, 1, 0, 0, 0);
	assert_int_equal(pregon_date_valid("2026-03-10"), 1);
}

static void test_parse_invalid_dates(void **state)
{
	(void)state;
	check_invalid("2026-02-29"); /* 2026 is not a leap year */
	check_invalid("1900-02-29"); /* divisible by 100, not by 400 */
	check_invalid("2026-13-01");
	check_invalid("2026-00-10");
	check_invalid("2026-04-31");
	check_invalid("2026-12-32");
	check_invalid("2026-01-00");
	check_invalid("1899-12-31"); /* before the supported range */
	check_invalid("10/03/2026");
	check_invalid("2026/03/10");
	check_invalid("2026-3-10");
	check_invalid("20260310");
	check_invalid("2026-03-1");
	check_invalid("");
	check_invalid("2026-03-10x");      /* trailing junk */
	check_invalid("2026-03-10 ");
	check_invalid("2026-03-10T");
	check_invalid("mañana");
}

static void test_parse_local_times(void **state)
{
	(void)state;
	/* No zone: already Tijuana's local time, kept as written. */
	check_date("2026-03-10T14:30", 2026, 3, 10, 1, 14, 30);
	check_date("2026-03-10 14:30:59", 2026, 3, 10, 1, 14, 30);
	check_date("2026-03-10t08:05", 2026, 3, 10, 1, 8, 5);
	check_date("2026-03-10T05:00:00", 2026, 3, 10, 1, 5, 0);
	check_date("2026-03-10T23:59:60", 2026, 3, 10, 1, 23, 59);
	check_date("2026-03-10T00:00:00.999", 2026, 3, 10, 1, 0, 0);
}

static void test_parse_invalid_times(void **state)
{
	(void)state;
	check_invalid("2026-03-10T24:00");
	check_invalid("2026-03-10T12:60");
	check_invalid("2026-03-10T1:00");
	check_invalid("2026-03-10T12");
	check_invalid("2026-03-10T12:00:");
	check_invalid("2026-03-10T12:00:61");
	check_invalid("2026-03-10T12:00Q");
	check_invalid("2026-03-10T12:00Zjunk");
	check_invalid("2026-03-10T12:00Z ");
	check_invalid("2026-03-10T12:00+15:00");
	check_invalid("2026-03-10T12:00+05:60");
	check_invalid("2026-03-10T12:00+5");
	check_invalid("2026-03-10T12:00+05:0");
	check_invalid("2026-03-10_12:00");
}

static void test_parse_zones(void **state)
{
	(void)state;
	/* 05:00 UTC on 03-10; summer time since 03-08, so UTC-7: 22:00 on
	 * the evening before. */
	check_date("2026-03-10T05:00:00Z", 2026, 3, 9, 1, 22, 0);
	check_date("2026-03-10 05:00z", 2026, 3, 9, 1, 22, 0);
	check_date("2026-03-10T05:00:00.250Z", 2026, 3, 9, 1, 22, 0);
	/* January: UTC-8, 05:00Z is 21:00 the day before. */
	check_date("2026-01-15T05:00:00Z", 2026, 1, 14, 1, 21, 0);
	/* +02:00: 05:00 there is 03:00 UTC, 20:00 the day before in Tijuana
	 * (UTC-7). */
	check_date("2026-03-10T05:00:00+02:00", 2026, 3, 9, 1, 20, 0);
	/* -0600: 05:00 there is 11:00 UTC, 04:00 in Tijuana. */
	check_date("2026-03-10T05:00-0600", 2026, 3, 10, 1, 4, 0);
	/* -07:00 in summer is Tijuana's own offset: unchanged, even though
	 * the UTC instant (05:30 on 03-11) is on the next day. */
	check_date("2026-03-10T22:30:00-07:00", 2026, 3, 10, 1, 22, 30);
	/* +14:00: 00:00 on 07-01 there is 10:00 UTC on 06-30, 03:00 local. */
	check_date("2026-07-01T00:00:00+14:00", 2026, 6, 30, 1, 3, 0);
	/* New year: 07:59:59Z is 23:59 on 12-31 of the year before (UTC-8);
	 * 08:00Z is midnight. */
	check_date("2026-01-01T07:59:59Z", 2025, 12, 31, 1, 23, 59);
	check_date("2026-01-01T08:00Z", 2026, 1, 1, 1, 0, 0);
	/* Winter, leap year: 2024-03-01 05:00Z is 21:00 on 02-29. */
	check_date("2024-03-01T05:00Z", 2024, 2, 29, 1, 21, 0);
	assert_int_equal(pregon_date_valid("2026-03-10T05:00:00Z"), 1);
}

static void test_parse_zone_at_dst_switch(void **state)
{
	(void)state;
	/* 2026-03-08: until 09:59 UTC the offset is -8 (01:59 PST); from
	 * 10:00 UTC it is -7 and the clock reads 03:00. */
	check_date("2026-03-08T09:59Z", 2026, 3, 8, 1, 1, 59);
	check_date("2026-03-08T10:00Z", 2026, 3, 8, 1, 3, 0);
	/* 2026-11-01: 08:59 UTC is 01:59 PDT; 09:00 UTC is 01:00 PST. */
	check_date("2026-11-01T08:59Z", 2026, 11, 1, 1, 1, 59);
	check_date("2026-11-01T09:00Z", 2026, 11, 1, 1, 1, 0);
	/* 2025: 03-09 and 11-02. */
	check_date("2025-03-09T09:59Z", 2025, 3, 9, 1, 1, 59);
	check_date("2025-03-09T10:00Z", 2025, 3, 9, 1, 3, 0);
	check_date("2025-11-02T08:59Z", 2025, 11, 2, 1, 1, 59);
	check_date("2025-11-02T09:00Z", 2025, 11, 2, 1, 1, 0);
}

static void test_tijuana_offset(void **state)
{
	(void)state;
	/* The switch days, by hand: 2025-01-01 is day 20089, so 2025-03-09
	 * is 20089 + 31 + 28 + 8 = 20156 and 2025-11-02 is 20089 + 304 + 1 =
	 * 20394; 2026-03-08 is 20454 + 59 + 7 = 20520 and 2026-11-01 is
	 * 20454 + 304 = 20758. */
	assert_int_equal(date_days(2025, 3, 9), 20156);
	assert_int_equal(date_days(2025, 11, 2), 20394);
	assert_int_equal(date_days(2026, 3, 8), 20520);
	assert_int_equal(date_days(2026, 11, 1), 20758);

	assert_int_equal(date_tijuana_offset(20156, 0), -480);
	assert_int_equal(date_tijuana_offset(20156, 599), -480);
	assert_int_equal(date_tijuana_offset(20156, 600), -420);
	assert_int_equal(date_tijuana_offset(20156 - 1, 1439), -480);
	assert_int_equal(date_tijuana_offset(20394, 539), -420);
	assert_int_equal(date_tijuana_offset(20394, 540), -480);
	assert_int_equal(date_tijuana_offset(20394 - 1, 1439), -420);

	assert_int_equal(date_tijuana_offset(20520, 599), -480);
	assert_int_equal(date_tijuana_offset(20520, 600), -420);
	assert_int_equal(date_tijuana_offset(20758, 539), -420);
	assert_int_equal(date_tijuana_offset(20758, 540), -480);

	/* One week either side: the rule is the second Sunday of March, not
	 * the first, and the first Sunday of November, not the last of
	 * October. */
	assert_int_equal(date_tijuana_offset(date_days(2026, 3, 1), 720), -480);
	assert_int_equal(date_tijuana_offset(date_days(2026, 3, 15), 720), -420);
	assert_int_equal(date_tijuana_offset(date_days(2026, 10, 25), 720), -420);
	assert_int_equal(date_tijuana_offset(date_days(2026, 11, 8), 720), -480);
	/* Mid-summer, mid-winter and the last minute of the year. */
	assert_int_equal(date_tijuana_offset(date_days(2026, 7, 1), 0), -420);
	assert_int_equal(date_tijuana_offset(date_days(2026, 1, 15), 0), -480);
	assert_int_equal(date_tijuana_offset(date_days(2026, 12, 31), 1439),
			 -480);
}

static void test_days_known(void **state)
{
	(void)state;
	assert_int_equal(date_days(1970, 1, 1), 0);
	assert_int_equal(date_days(1969, 12, 31), -1);
	assert_int_equal(date_days(2026, 1, 1), 20454);
	assert_int_equal(date_days(2026, 3, 10), 20522);
	assert_int_equal(date_days(2000, 3, 1), 11017);
	assert_int_equal(date_days(1900, 1, 1), -25567);
	assert_int_equal(date_days(9999, 12, 31), 2932896);

	int y, m, d;
	date_from_days(20522, &y, &m, &d);
	assert_int_equal(y, 2026);
	assert_int_equal(m, 3);
	assert_int_equal(d, 10);
	date_from_days(-1, &y, &m, &d);
	assert_int_equal(y, 1969);
	assert_int_equal(m, 12);
	assert_int_equal(d, 31);
	date_from_days(11016, &y, &m, &d);
	assert_int_equal(y, 2000);
	assert_int_equal(m, 2);
	assert_int_equal(d, 29);
}

/* Every day from 1900-01-01 to 2200-12-31: from_days and days are inverse,
 * consecutive days are consecutive dates and weekdays cycle. */
static void test_days_round_trip(void **state)
{
	(void)state;
	long first = date_days(1900, 1, 1), last = date_days(2200, 12, 31);
	int py = 1899, pm = 12, pd = 31, pw = 0; /* 1899-12-31, a Sunday */
	long n = 0;
	for (long z = first; z <= last; z++, n++) {
		int y, m, d;
		date_from_days(z, &y, &m, &d);
		if (!date_is_valid(y, m, d) || date_days(y, m, d) != z)
			fail_msg("day %ld -> %04d-%02d-%02d", z, y, m, d);
		int next = (d == pd + 1 && m == pm && y == py) ||
			   (d == 1 && m == pm + 1 && y == py) ||
			   (d == 1 && m == 1 && pm == 12 && y == py + 1);
		if (!next)
			fail_msg("%04d-%02d-%02d does not follow %04d-%02d-%02d",
				 y, m, d, py, pm, pd);
		int w = date_weekday(y, m, d);
		if (w != (pw + 1) % 7)
			fail_msg("%04d-%02d-%02d: weekday %d after %d", y, m, d,
				 w, pw);
		py = y, pm = m, pd = d, pw = w;
	}
	/* 301 years with 73 leap years (1900, 2100 and 2200 are not). */
	assert_int_equal(n, 301L * 365 + 73);
	assert_int_equal(py, 2200);
	assert_int_equal(pm, 12);
	assert_int_equal(pd, 31);
}

static void test_weekday(void **state)
{
	(void)state;
	assert_int_equal(date_weekday(2026, 12, 1), 2);  /* Tuesday */
	assert_int_equal(date_weekday(1970, 1, 1), 4);   /* Thursday */
	assert_int_equal(date_weekday(2026, 1, 1), 4);   /* Thursday */
	assert_int_equal(date_weekday(2026, 3, 8), 0);   /* Sunday */
	assert_int_equal(date_weekday(2026, 3, 10), 2);  /* Tuesday */
	assert_int_equal(date_weekday(2025, 11, 2), 0);  /* Sunday */
	assert_int_equal(date_weekday(2024, 2, 29), 4);  /* Thursday */
	assert_int_equal(date_weekday(2000, 1, 1), 6);   /* Saturday */
	assert_int_equal(date_weekday(1900, 1, 1), 1);   /* Monday */
	assert_int_equal(date_weekday(1969, 12, 31), 3); /* Wednesday */
}

static void test_is_valid(void **state)
{
	(void)state;
	assert_int_equal(date_is_valid(2026, 2, 28), 1);
	assert_int_equal(date_is_valid(2026, 2, 29), 0);
	assert_int_equal(date_is_valid(2024, 2, 29), 1);
	assert_int_equal(date_is_valid(2100, 2, 29), 0);
	assert_int_equal(date_is_valid(2000, 2, 29), 1);
	assert_int_equal(date_is_valid(2026, 6, 31), 0);
	assert_int_equal(date_is_valid(2026, 12, 31), 1);
	assert_int_equal(date_is_valid(2026, 0, 1), 0);
	assert_int_equal(date_is_valid(2026, 13, 1), 0);
	assert_int_equal(date_is_valid(1899, 12, 31), 0);
	assert_int_equal(date_is_valid(10000, 1, 1), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_dates),
		cmocka_unit_test(test_parse_invalid_dates),
		cmocka_unit_test(test_parse_local_times),
		cmocka_unit_test(test_parse_invalid_times),
		cmocka_unit_test(test_parse_zones),
		cmocka_unit_test(test_parse_zone_at_dst_switch),
		cmocka_unit_test(test_tijuana_offset),
		cmocka_unit_test(test_days_known),
		cmocka_unit_test(test_days_round_trip),
		cmocka_unit_test(test_weekday),
		cmocka_unit_test(test_is_valid),
	};
	return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
