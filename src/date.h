/* date.h: calendar dates of publication, in America/Tijuana. */
#ifndef PREGON_DATE_H
#define PREGON_DATE_H

typedef struct {
	int year, month, day;
	int has_time;
	int hour, minute; /* local time in Tijuana when has_time */
} date_t;

/* Parse "YYYY-MM-DD", optionally followed by "THH:MM[:SS]" or " HH:MM[:SS]"
 * and a zone ("Z", "+HH:MM", "-HHMM").  A time with a zone is converted to
 * Tijuana's local date; without one it is already local.  Returns 0, or -1
 * when the text is not a valid date. */
int date_parse(const char *s, date_t *out);

int date_is_valid(int year, int month, int day);
/* Days since 1970-01-01 (proleptic Gregorian). */
long date_days(int year, int month, int day);
void date_from_days(long days, int *year, int *month, int *day);
/* 0 = Sunday ... 6 = Saturday. */
int date_weekday(int year, int month, int day);
/* Tijuana's offset from UTC in minutes (-480 or -420 in summer) at a UTC
 * instant given as days since the epoch and minutes of that day.  Baja
 * California follows the United States' daylight-saving rules. */
int date_tijuana_offset(long utc_days, int utc_minutes);

#endif
