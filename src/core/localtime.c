/*
 * Stored UTC times shown in the local time zone and the user's date style
 * (see localtime.h).  localtime_r reads $TZ, so a staff member's TZ (or
 * the system's zone) decides the hour shown.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "tsunagu/date.h"
#include "tsunagu/localtime.h"

static const char *const style_words[] = {
#define DATE_STYLE_WORD(id, word) word,
	DATE_STYLE_LIST(DATE_STYLE_WORD)
#undef DATE_STYLE_WORD
};

bool date_style_parse(const char *word, enum date_style *out)
{
	for (int i = 0; word && i < DATE_STYLE_COUNT; i++) {
		if (strcmp(word, style_words[i]) == 0) {
			*out = (enum date_style)i;
			return true;
		}
	}
	return false;
}

const char *date_style_name(enum date_style style)
{
	return style >= 0 && style < DATE_STYLE_COUNT ? style_words[style] : style_words[0];
}

/* "YYYY-MM-DDTHH:MM:SS" followed by "Z" (or nothing): seconds since the epoch. */
static bool read_utc(const char *s, time_t *t)
{
	int y, mo, d, h, mi, sec, used = 0;
	if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &sec, &used) != 6)
		return false;
	if (used != 19 || (s[used] && strcmp(s + used, "Z") != 0))
		return false;
	char day[DATE_ISO_LEN + 1];
	snprintf(day, sizeof day, "%.10s", s);
	if (!date_is_iso(day) || h > 23 || mi > 59 || sec > 60 || h < 0 || mi < 0 || sec < 0)
		return false;
	long days = date_days_from_civil(y, mo, d);
	*t = (time_t)days * 86400 + h * 3600 + mi * 60 + sec;
	return true;
}

static char *copy(const char *s, char *out, size_t n)
{
	if (n)
		snprintf(out, n, "%s", s ? s : "");
	return out;
}

char *localtime_date(const char *iso_date, enum date_style style, char *out, size_t n)
{
	if (style == DATE_STYLE_WAREKI && iso_date && date_to_wareki(iso_date, out, n))
		return out;
	return copy(iso_date, out, n);
}

char *localtime_format(const char *iso_utc, enum date_style style, char *out, size_t n)
{
	time_t t;
	struct tm tm;
	if (!iso_utc || !read_utc(iso_utc, &t))
		return copy(iso_utc, out, n);
	tzset();
	if (!localtime_r(&t, &tm))
		return copy(iso_utc, out, n);
	char day[DATE_ISO_LEN + 1], shown[48], hm[8];
	strftime(day, sizeof day, "%Y-%m-%d", &tm);
	strftime(hm, sizeof hm, "%H:%M", &tm);
	localtime_date(day, style, shown, sizeof shown);
	snprintf(out, n, "%s %s", shown, hm);
	return out;
}
