/* date.c: date parsing and calendar arithmetic.  Pure functions: no time
 * zone database or global TZ is consulted, so results do not depend on the
 * machine. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "pregon.h"

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && is_leap(y) ? 29 : dm[m - 1];
}

int date_is_valid(int year, int month, int day)
{
	return year >= 1900 && year <= 9999 && month >= 1 && month <= 12 &&
	       day >= 1 && day <= days_in_month(year, month);
}

/* Howard Hinnant's days_from_civil. */
long date_days(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void date_from_days(long z, int *year, int *month, int *day)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp < 10 ? mp + 3 : mp - 9;
	*year = (int)(y + (m <= 2));
	*month = (int)m;
	*day = (int)d;
}

int date_weekday(int year, int month, int day)
{
	long d = date_days(year, month, day);
	return (int)(((d % 7) + 11) % 7); /* 1970-01-01 was a Thursday */
}

/* Day of month of the n-th Sunday of a month. */
static int nth_sunday(int year, int month, int n)
{
	int first = date_weekday(year, month, 1);
	return 1 + (7 - first) % 7 + 7 * (n - 1);
}

int date_tijuana_offset(long utc_days, int utc_minutes)
{
	int y, m, d;
	date_from_days(utc_days, &y, &m, &d);
	/* Summer time runs from 2:00 local standard time (10:00 UTC) on the
	 * second Sunday of March to 2:00 local summer time (09:00 UTC) on the
	 * first Sunday of November (rules in force since 2007 in the US and
	 * since 2010 on Mexico's northern border). */
	long start = date_days(y, 3, nth_sunday(y, 3, 2)) * 1440 + 600;
	long end = date_days(y, 11, nth_sunday(y, 11, 1)) * 1440 + 540;
	long t = utc_days * 1440 + utc_minutes;
	return t >= start && t < end ? -420 : -480;
}

static int digits(const char *s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int date_parse(const char *s, date_t *out)
{
	memset(out, 0, sizeof *out);
	int y, mo, d;
	if (strlen(s) < 10 || digits(s, 4, &y) || s[4] != '-' ||
	    digits(s + 5, 2, &mo) || s[7] != '-' || digits(s + 8, 2, &d) ||
	    !date_is_valid(y, mo, d))
		return -1;
	const char *p = s + 10;
	out->year = y;
	out->month = mo;
	out->day = d;
	if (!*p)
		return 0;
	if (*p != 'T' && *p != 't' && *p != ' ')
		return -1;
	p++;
	int h, mi, sec = 0;
	if (digits(p, 2, &h) || p[2] != ':' || digits(p + 3, 2, &mi) ||
	    h > 23 || mi > 59)
		return -1;
	p += 5;
	if (*p == ':') {
		if (digits(p + 1, 2, &sec) || sec > 60)
			return -1;
		p += 3;
		if (*p == '.') /* fractions of a second are ignored */
			for (p++; *p >= '0' && *p <= '9'; p++)
				;
	}
	out->has_time = 1;
	out->hour = h;
	out->minute = mi;
	if (!*p)
		return 0;
	int zone;
	if (*p == 'Z' || *p == 'z') {
		zone = 0;
		p++;
	} else if (*p == '+' || *p == '-') {
		int zh, zm;
		int sign = *p == '-' ? -1 : 1;
		p++;
		if (digits(p, 2, &zh))
			return -1;
		p += 2;
		if (*p == ':')
			p++;
		if (digits(p, 2, &zm) || zh > 14 || zm > 59)
			return -1;
		p += 2;
		zone = sign * (zh * 60 + zm);
	} else {
		return -1;
	}
	if (*p)
		return -1;
	/* To UTC, then to Tijuana's local time at that instant. */
	long minutes = date_days(y, mo, d) * 1440 + (long)h * 60 + mi - zone;
	long days = minutes >= 0 ? minutes / 1440 : -((-minutes + 1439) / 1440);
	int in_day = (int)(minutes - days * 1440);
	long local = minutes + date_tijuana_offset(days, in_day);
	long ldays = local >= 0 ? local / 1440 : -((-local + 1439) / 1440);
	date_from_days(ldays, &out->year, &out->month, &out->day);
	int lmin = (int)(local - ldays * 1440);
	out->hour = lmin / 60;
	out->minute = lmin % 60;
	return 0;
}

void pregon_today(char out[11])
{
	time_t now = time(NULL);
	long days = (long)(now / 86400);
	int minutes = (int)((now % 86400) / 60);
	long local = days * 1440 + minutes + date_tijuana_offset(days, minutes);
	int y, m, d;
	date_from_days(local / 1440, &y, &m, &d);
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
		 (unsigned)d % 100u);
}

int pregon_date_valid(const char *s)
{
	date_t d;
	return date_parse(s, &d) == 0;
}
