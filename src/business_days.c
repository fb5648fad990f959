/* business_days.c: the days of rest of the Ley Federal del Trabajo, art.
 * 74, as in force (the movable Mondays since the reform of DOF 17-01-2006;
 * fraction VII moved from 1 December to 1 October by DOF 30-09-2024, in
 * force from 1 October 2024, after Const. art. 83 moved the start of the
 * presidential term), plus the federal election days of fraction IX, which
 * LGIPE art. 22 puts on the first Sunday of June every three years. */
#include <stdlib.h>

#include "business_days.h"
#include "date.h"

/* The day of the month of the `nth` Monday of `month`. */
static int nth_monday(int year, int month, int nth)
{
	int first = date_weekday(year, month, 1);
	return 1 + (8 - first) % 7 + 7 * (nth - 1);
}

/* Federal ordinary elections are held every three years (2018, 2021,
 * 2024, 2027...), on the first Sunday of June. */
static int is_election_day(int year, int month, int day)
{
	if (month != 6 || (year - 2000) % 3 != 0)
		return 0;
	int first = date_weekday(year, 6, 1);
	return day == 1 + (7 - first) % 7;
}

/* Every six years (2000, 2006 ... 2024) the presidential term starts: on 1 December
 * until 2018, on 1 October from 2024. */
static int is_executive_transfer(int year, int month, int day)
{
	if ((year - 2000) % 6 != 0 || day != 1)
		return 0;
	return year >= 2024 ? month == 10 : month == 12;
}

static int cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;
	return (x > y) - (x < y);
}

bd_reason bd_rest_reason(long day, const long *extra, size_t n_extra)
{
	int y, m, d;
	date_from_days(day, &y, &m, &d);
	int wd = date_weekday(y, m, d);
	if (m == 1 && d == 1)
		return BD_NEW_YEAR;
	if (m == 2 && d == nth_monday(y, 2, 1))
		return BD_CONSTITUTION;
	if (m == 3 && d == nth_monday(y, 3, 3))
		return BD_JUAREZ;
	if (m == 5 && d == 1)
		return BD_LABOUR;
	if (m == 9 && d == 16)
		return BD_INDEPENDENCE;
	if (is_executive_transfer(y, m, d))
		return BD_EXECUTIVE;
	if (m == 11 && d == nth_monday(y, 11, 3))
		return BD_REVOLUTION;
	if (m == 12 && d == 25)
		return BD_CHRISTMAS;
	if (is_election_day(y, m, d))
		return BD_ELECTION;
	if (wd == 0 || wd == 6)
		return BD_WEEKEND;
	if (n_extra && bsearch(&day, extra, n_extra, sizeof *extra, cmp_long))
		return BD_LOCAL;
	return BD_WORKDAY;
}

long bd_add(long day, int n, const long *extra, size_t n_extra)
{
	while (n > 0) {
		day++;
		n -= bd_rest_reason(day, extra, n_extra) == BD_WORKDAY;
	}
	return day;
}
