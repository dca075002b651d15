/*
 * Dates as people type them on Japanese forms.  The input is first put
 * through NFKC, which turns full-width digits, spaces and punctuation into
 * ASCII and the one-character era signs (㋿ ㍻ ...) into 令和 平成 ...; what
 * is left is read by a small hand-written scanner:
 *
 *     [era] year sep month sep day [日]
 *
 * where era is a name (令和), its first kanji (令) or its letter (R, r),
 * year is 元 or 1-2 digits after an era and 4 digits without one, and sep
 * is 年/月 or one of "-" "/" "." used throughout; spaces may surround any
 * part.  Eight bare digits are YYYYMMDD.  The result is checked against the
 * Gregorian calendar and against the era's first and last day.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tsunagu/date.h"
#include "tsunagu/sanitize.h"
#include "tsunagu/textnorm.h"

struct era {
	const char *name;
	const char *kanji;
	char letter;
	int start;		/* first day as yyyymmdd */
};

/* Oldest first; an era ends the day before the next one starts. */
static const struct era date_eras[] = {
	{"明治", "明", 'M', 18681023},
	{"大正", "大", 'T', 19120730},
	{"昭和", "昭", 'S', 19261225},
	{"平成", "平", 'H', 19890108},
	{"令和", "令", 'R', 20190501},
};

#define ERA_COUNT ((int)(sizeof(date_eras) / sizeof(date_eras[0])))

struct ymd {
	int y, m, d;
};

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

static int ymd_key(struct ymd v)
{
	return v.y * 10000 + v.m * 100 + v.d;
}

static struct ymd key_ymd(int key)
{
	return (struct ymd){key / 10000, key / 100 % 100, key % 100};
}

/* --- scanner ---------------------------------------------------------- */

static void skip_spaces(const char **p)
{
	while (**p == ' ')
		(*p)++;
}

static bool eat(const char **p, const char *word)
{
	size_t n = strlen(word);

	if (strncmp(*p, word, n) != 0)
		return false;
	*p += n;
	return true;
}

/* Reads min..max ASCII digits; -1 if there are fewer or more. */
static int read_number(const char **p, int min, int max)
{
	int v = 0, n = 0;

	while (**p >= '0' && **p <= '9') {
		if (++n > max)
			return -1;
		v = v * 10 + (**p - '0');
		(*p)++;
	}
	return n >= min ? v : -1;
}

/* Index into date_eras of the era sign at *p (consumed), or -1. */
static int read_era(const char **p)
{
	for (int i = 0; i < ERA_COUNT; i++) {
		const struct era *e = &date_eras[i];
		if (eat(p, e->name) || eat(p, e->kanji))
			return i;
		if (**p == e->letter || **p == e->letter - 'A' + 'a') {
			(*p)++;
			return i;
		}
	}
	return -1;
}

/* Reads the separator after year (after_year) or month.  *style is 0 until
 * the first separator fixes it to '年' style ('J') or a punctuation char. */
static bool read_sep(const char **p, char *style, bool after_year)
{
	skip_spaces(p);
	if (*style == 0 || *style == 'J') {
		if (eat(p, after_year ? "年" : "月")) {
			*style = 'J';
			skip_spaces(p);
			return true;
		}
		if (*style == 'J')
			return false;
	}
	if (**p != '-' && **p != '/' && **p != '.')
		return false;
	if (*style != 0 && **p != *style)
		return false;
	*style = **p;
	(*p)++;
	skip_spaces(p);
	return true;
}

/* Scans t into *v (unchecked) and *era (-1 for none); false when the text
 * does not have the shape of a date at all. */
static bool scan_date(const char *t, struct ymd *v, int *era)
{
	const char *p = t;
	char style = 0;

	if (strlen(t) == 8 && strspn(t, "0123456789") == 8) {
		*era = -1;
		v->y = atoi(t) / 10000;
		v->m = atoi(t) / 100 % 100;
		v->d = atoi(t) % 100;
		return true;
	}
	*era = read_era(&p);
	skip_spaces(&p);
	if (*era >= 0)
		v->y = eat(&p, "元") ? 1 : read_number(&p, 1, 2);
	else
		v->y = read_number(&p, 4, 4);
	if (v->y < 0 || !read_sep(&p, &style, true))
		return false;
	v->m = read_number(&p, 1, 2);
	if (v->m < 0 || !read_sep(&p, &style, false))
		return false;
	v->d = read_number(&p, 1, 2);
	if (v->d < 0)
		return false;
	skip_spaces(&p);
	if (style == 'J')
		eat(&p, "日");
	skip_spaces(&p);
	return *p == '\0';
}

/* --- checks ----------------------------------------------------------- */

static enum tsu_status fail_date(struct tsu_error *err, const char *in, const char *why)
{
	char *shown = text_sanitize(in, 0);
	enum tsu_status st = tsu_fail(err, TSU_INVALID, "日付として読めません: 「%s」%s",
				      shown, why);
	free(shown);
	return st;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (any sign). */
static long days_from_civil(struct ymd v)
{
	long y = v.m <= 2 ? v.y - 1 : v.y;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (v.m > 2 ? v.m - 3 : v.m + 9) + 2) / 5 + v.d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

static struct ymd civil_from_days(long z)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	int d = (int)(doy - (153 * mp + 2) / 5 + 1);
	int m = (int)(mp < 10 ? mp + 3 : mp - 9);

	return (struct ymd){(int)(yoe + era * 400 + (m <= 2)), m, d};
}

/* Checks that v (already a Western date) lies within era `era`. */
long date_days_from_civil(int y, int m, int d)
{
	return days_from_civil((struct ymd){y, m, d});
}

void date_civil_from_days(long days, int *y, int *m, int *d)
{
	struct ymd v = civil_from_days(days);
	*y = v.y;
	*m = v.m;
	*d = v.d;
}

static enum tsu_status check_era_range(int era, struct ymd v, const char *in,
				       struct tsu_error *err)
{
	const struct era *e = &date_eras[era];
	char why[128];

	if (ymd_key(v) < e->start) {
		struct ymd first = key_ymd(e->start);
		snprintf(why, sizeof(why), "（%sは%d年%d月%d日からです）",
			 e->name, first.y, first.m, first.d);
		return fail_date(err, in, why);
	}
	if (era + 1 < ERA_COUNT && ymd_key(v) >= date_eras[era + 1].start) {
		struct ymd next = key_ymd(date_eras[era + 1].start);
		struct ymd last = civil_from_days(days_from_civil(next) - 1);
		snprintf(why, sizeof(why), "（%sは%d年%d月%d日までです）",
			 e->name, last.y, last.m, last.d);
		return fail_date(err, in, why);
	}
	return TSU_OK;
}

enum tsu_status date_parse(const char *in, char out[DATE_ISO_LEN + 1], struct tsu_error *err)
{
	char *t = text_nfkc_trim(in);
	struct ymd v;
	int era;
	bool shaped;
	char why[128];

	if (!t)
		return fail_date(err, in, "");
	if (!*t) {
		free(t);
		return tsu_fail(err, TSU_INVALID, "日付が入力されていません");
	}
	shaped = scan_date(t, &v, &era);
	free(t);
	if (!shaped || v.y < 1 || v.m < 1 || v.m > 12 || v.d < 1)
		return fail_date(err, in, "");
	if (era >= 0)
		v.y += key_ymd(date_eras[era].start).y - 1;
	if (v.d > days_in_month(v.y, v.m)) {
		snprintf(why, sizeof(why), "（%d年%d月は%d日までです）",
			 v.y, v.m, days_in_month(v.y, v.m));
		return fail_date(err, in, why);
	}
	if (era >= 0) {
		enum tsu_status st = check_era_range(era, v, in, err);
		if (st != TSU_OK)
			return st;
	}
	/* the ranges were checked above; the modulos let the compiler see it */
	snprintf(out, DATE_ISO_LEN + 1, "%04u-%02u-%02u", (unsigned)v.y % 10000u,
		 (unsigned)v.m % 100u, (unsigned)v.d % 100u);
	return TSU_OK;
}

/* Reads a strict "YYYY-MM-DD" with a real calendar day. */
static bool iso_read(const char *s, struct ymd *v)
{
	if (!s || strlen(s) != DATE_ISO_LEN || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < DATE_ISO_LEN; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	v->y = atoi(s);
	v->m = atoi(s + 5);
	v->d = atoi(s + 8);
	return v->y >= 1 && v->m >= 1 && v->m <= 12 && v->d >= 1 &&
	       v->d <= days_in_month(v->y, v->m);
}

bool date_is_iso(const char *s)
{
	struct ymd v;
	return iso_read(s, &v);
}

/* Year 1 of an era is written 元年, as on official documents.  Dates before
 * 明治 (1868-10-23) have no supported era and give false. */
bool date_to_wareki(const char *iso, char *out, size_t n)
{
	struct ymd v;
	int era = ERA_COUNT - 1;
	char year[16];

	if (!iso_read(iso, &v))
		return false;
	while (era >= 0 && ymd_key(v) < date_eras[era].start)
		era--;
	if (era < 0)
		return false;
	int ey = v.y - key_ymd(date_eras[era].start).y + 1;
	if (ey == 1)
		snprintf(year, sizeof(year), "元");
	else
		snprintf(year, sizeof(year), "%d", ey);
	int len = snprintf(out, n, "%s%s年%d月%d日", date_eras[era].name, year, v.m, v.d);
	return len >= 0 && (size_t)len < n;
}

bool date_add_days(const char *iso, long days, char out[11])
{
	struct ymd v;
	int y, m, d;
	char buf[32];

	if (!iso_read(iso, &v))
		return false;
	date_civil_from_days(days_from_civil(v) + days, &y, &m, &d);
	snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
	if (y > 9999) /* past what a date field holds */
		buf[0] = '\0';
	memcpy(out, buf, 11);
	return true;
}

bool date_diff_days(const char *a, const char *b, long *days)
{
	struct ymd va, vb;

	if (!iso_read(a, &va) || !iso_read(b, &vb))
		return false;
	*days = days_from_civil(vb) - days_from_civil(va);
	return true;
}
