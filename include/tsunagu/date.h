#ifndef TSUNAGU_DATE_H
#define TSUNAGU_DATE_H
#include <stdbool.h>
#include <stddef.h>
#include "tsunagu/status.h"

#define DATE_ISO_LEN 10

/*
 * Parses a date typed by a person and writes ISO 8601 "YYYY-MM-DD" to out
 * (11 bytes).  Accepts: 2021-04-01, 2021/4/1, 2021.4.1, 20210401,
 * 令和3年4月1日, 令和元年5月1日, R3.4.1, R3/4/1, 令4. 10. 5, 平29. 7. 1,
 * 平成/昭和/大正/明治 and H/S/T/M, full-width digits and spaces.  Checks the
 * calendar (2月30日 fails) and the era range (平成32年 is not a date).
 * On failure: TSU_INVALID with a message naming the input.
 */
enum tsu_status date_parse(const char *in, char out[DATE_ISO_LEN + 1], struct tsu_error *err);

/* True for a valid ISO "YYYY-MM-DD". */
bool date_is_iso(const char *s);

/* "令和3年4月1日" for an ISO date; out at least 32 bytes.  False if invalid. */
bool date_to_wareki(const char *iso, char *out, size_t n);

/* Days since 1970-01-01 of a (proleptic Gregorian) date, and back. */
long date_days_from_civil(int y, int m, int d);
void date_civil_from_days(long days, int *y, int *m, int *d);

/* Days from a to b (b - a) for ISO dates; false if either is invalid. */
bool date_diff_days(const char *a, const char *b, long *days);
/* The ISO date `days` after iso into out (which may be iso itself): ""
 * past 9999; false, out untouched, if iso is not a date. */
bool date_add_days(const char *iso, long days, char out[11]);

#endif
