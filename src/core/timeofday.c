/*
 * Times of day (timeofday.h).  The input goes through NFKC, which makes
 * full-width digits and colons ASCII, then is read as: an optional
 * 午前/午後 (or AM/PM, before or after), hours, and minutes after ":" or
 * as 時…分 / 時半, or the 3-4 digits of 930 / 1400.  Seconds are dropped.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "tsunagu/sanitize.h"
#include "tsunagu/textnorm.h"
#include "tsunagu/timeofday.h"

enum half { HALF_NONE, HALF_AM, HALF_PM };

static const char *skip_spaces(const char *p)
{
	while (*p == ' ')
		p++;
	return p;
}

/* 午前/午後/AM/PM at *p: moves past it. */
static enum half read_half(const char **p)
{
	static const struct {
		const char *word;
		enum half half;
	} words[] = {{"午前", HALF_AM}, {"午後", HALF_PM}, {"AM", HALF_AM}, {"PM", HALF_PM},
		     {"am", HALF_AM}, {"pm", HALF_PM}, {"A.M.", HALF_AM}, {"P.M.", HALF_PM}};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		size_t n = strlen(words[i].word);
		if (strncmp(*p, words[i].word, n) == 0) {
			*p = skip_spaces(*p + n);
			return words[i].half;
		}
	}
	return HALF_NONE;
}

/* Up to `max` digits as a number; -1 when there is none. */
static int read_number(const char **p, int max, int *ndigits)
{
	int v = 0, n = 0;
	while (n < max && isdigit((unsigned char)**p)) {
		v = v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	*ndigits = n;
	return n ? v : -1;
}

/* The minutes after the hour: ":MM[:SS]", "時[MM分]", "時半", or none. */
static bool read_minutes(const char **p, int *m)
{
	int n;
	*m = 0;
	if (**p == ':' || **p == '.') {
		(*p)++;
		*m = read_number(p, 2, &n);
		if (n != 2)
			return false;
		if (**p == ':') {  /* seconds */
			(*p)++;
			if (read_number(p, 2, &n) < 0 || n != 2)
				return false;
		}
		return true;
	}
	if (strncmp(*p, "時", 3) != 0)
		return true;
	*p += 3;
	if (strncmp(*p, "半", 3) == 0) {
		*p += 3;
		*m = 30;
	} else if (isdigit((unsigned char)**p)) {
		*m = read_number(p, 2, &n);
		if (strncmp(*p, "分", 3) != 0)
			return false;
		*p += 3;
	}
	return true;
}

/* Hours and minutes of t; false when it is not a time of that shape. */
static bool scan_time(const char *t, int *h, int *m)
{
	const char *p = skip_spaces(t);
	enum half half = read_half(&p);
	int n;
	*h = read_number(&p, 4, &n);
	if (n == 3 || n == 4) { /* 930, 1400 */
		*m = *h % 100;
		*h /= 100;
	} else if (n == 0 || !read_minutes(&p, m)) {
		return false;
	}
	p = skip_spaces(p);
	if (half == HALF_NONE)
		half = read_half(&p);
	if (*p || *h < 0 || *m < 0 || *m > 59)
		return false;
	if (half != HALF_NONE && (*h < 1 || *h > 12) && !(half == HALF_AM && *h == 0))
		return false;
	if (half == HALF_AM && *h == 12)
		*h = 0;
	else if (half == HALF_PM && *h < 12)
		*h += 12;
	return *h <= 23;
}

enum tsu_status time_parse(const char *in, char out[TIME_HM_LEN + 1], struct tsu_error *err)
{
	char *t = text_nfkc_trim(in ? in : "");
	int h = 0, m = 0;
	bool ok = t && *t && scan_time(t, &h, &m);
	free(t);
	if (ok) {
		snprintf(out, TIME_HM_LEN + 1, "%02d:%02d", h, m);
		return TSU_OK;
	}
	char *shown = text_sanitize(in ? in : "", 0);
	enum tsu_status st = tsu_fail(err, TSU_INVALID,
				      "時刻として読めません: 「%s」 (例 9:30、14:00、午後2時)", shown);
	free(shown);
	return st;
}
