/* business_days.h: Mexico's business days, for the deadlines of the norm
 * (criterion VII: Comunicación Social answers a consultation within three
 * business days).  Pure functions over days since 1970-01-01 (date.h).
 * The rules and their legal sources are in docs/dias-inhabiles.md. */
#ifndef PREGON_BUSINESS_DAYS_H
#define PREGON_BUSINESS_DAYS_H

#include <stddef.h>

/* Why a day is not a business day. */
typedef enum {
	BD_WORKDAY = 0,
	BD_WEEKEND,        /* Saturday or Sunday */
	BD_NEW_YEAR,       /* 1 January (LFT art. 74 I) */
	BD_CONSTITUTION,   /* first Monday of February (II) */
	BD_JUAREZ,         /* third Monday of March (III) */
	BD_LABOUR,         /* 1 May (IV) */
	BD_INDEPENDENCE,   /* 16 September (V) */
	BD_EXECUTIVE,      /* transfer of federal executive power (VII) */
	BD_REVOLUTION,     /* third Monday of November (VI) */
	BD_CHRISTMAS,      /* 25 December (VIII) */
	BD_ELECTION,       /* a federal ordinary election day (IX) */
	BD_LOCAL           /* a non-working day of the configuration */
} bd_reason;

/* The statutory reason `day` is not a business day, or BD_WORKDAY; the
 * `extra` days (sorted, days since the epoch) are the municipality's own. */
bd_reason bd_rest_reason(long day, const long *extra, size_t n_extra);

/* The day on which `n` business days after `day` have passed: the n-th
 * business day that follows it (`day` itself does not count). */
long bd_add(long day, int n, const long *extra, size_t n_extra);

#endif
