/*
 * Time zones and recurrence rules (icaltime.h) through libical, and the
 * notes lines of ical.h that are made of them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libical/ical.h>
#include "tsunagu/date.h"
#include "tsunagu/ical.h"
#include "tsunagu/icaltime.h"

struct ical_zones {
	icaltimezone **z;
	size_t n;
};

struct ical_zones *ical_zones_new(void)
{
	return xcalloc(1, sizeof(struct ical_zones));
}

void ical_zones_free(struct ical_zones *z)
{
	if (!z)
		return;
	for (size_t i = 0; i < z->n; i++)
		icaltimezone_free(z->z[i], 1);
	free(z->z);
	free(z);
}

bool ical_zones_add(struct ical_zones *z, const char *vtimezone)
{
	icalcomponent *c = icalcomponent_new_from_string(vtimezone);
	if (!c || icalcomponent_isa(c) != ICAL_VTIMEZONE_COMPONENT) {
		if (c)
			icalcomponent_free(c);
		icalerror_clear_errno();
		return false;
	}
	icaltimezone *tz = icaltimezone_new();
	if (!icaltimezone_set_component(tz, c)) {
		icaltimezone_free(tz, 1);
		icalcomponent_free(c);
		icalerror_clear_errno();
		return false;
	}
	z->z = xrealloc(z->z, (z->n + 1) * sizeof(*z->z));
	z->z[z->n++] = tz;
	return true;
}

/* Windows' names of time zones, which Outlook writes as TZID, often
 * without the VTIMEZONE that would define them: the zones a city office
 * meets.  A display name of UTC+09:00 ("(UTC+09:00) 大阪、札幌、東京",
 * "(UTC+09:00) Osaka, Sapporo, Tokyo") is Japan's time in any language. */
static icaltimezone *windows_zone(const char *tzid)
{
	static const char *const names[][2] = {
		{"Tokyo Standard Time", "Asia/Tokyo"},
		{"Korea Standard Time", "Asia/Seoul"},
		{"China Standard Time", "Asia/Shanghai"},
		{"Taipei Standard Time", "Asia/Taipei"},
		{"Singapore Standard Time", "Asia/Singapore"},
		{"AUS Eastern Standard Time", "Australia/Sydney"},
		{"GMT Standard Time", "Europe/London"},
		{"W. Europe Standard Time", "Europe/Berlin"},
		{"Romance Standard Time", "Europe/Paris"},
		{"Eastern Standard Time", "America/New_York"},
		{"Central Standard Time", "America/Chicago"},
		{"Pacific Standard Time", "America/Los_Angeles"},
		{"Hawaiian Standard Time", "Pacific/Honolulu"},
	};
	if (strncmp(tzid, "(UTC+09:00)", 11) == 0 || strncmp(tzid, "(GMT+09:00)", 11) == 0)
		return icaltimezone_get_builtin_timezone("Asia/Tokyo");
	if (strcmp(tzid, "UTC") == 0 || strcmp(tzid, "Coordinated Universal Time") == 0)
		return icaltimezone_get_utc_timezone();
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(tzid, names[i][0]) == 0)
			return icaltimezone_get_builtin_timezone(names[i][1]);
	return NULL;
}

static icaltimezone *find_zone(const struct ical_zones *z, const char *tzid)
{
	for (size_t i = 0; z && i < z->n; i++) {
		const char *id = icaltimezone_get_tzid(z->z[i]);
		if (id && strcmp(id, tzid) == 0)
			return z->z[i];
	}
	icaltimezone *w = windows_zone(tzid);
	if (w)
		return w;
	/* "/mozilla.org/20050126_1/Europe/Berlin" and other prefixed names */
	const char *slash = tzid;
	for (int parts = 0; (slash = strchr(slash, '/')) && parts < 8; parts++, slash++) {
		icaltimezone *b = icaltimezone_get_builtin_timezone(slash + 1);
		if (b)
			return b;
	}
	return icaltimezone_get_builtin_timezone(tzid);
}

bool ical_to_japan(const struct ical_zones *z, const char *tzid, int y, int mo, int d, int h,
		   int mi, char date[11], char time[6])
{
	icaltimezone *from = find_zone(z, tzid);
	icaltimezone *japan = icaltimezone_get_builtin_timezone("Asia/Tokyo");
	icalerror_clear_errno();
	if (!from || !japan)
		return false;
	struct icaltimetype t = icaltime_null_time();
	t.year = y;
	t.month = mo;
	t.day = d;
	t.hour = h;
	t.minute = mi;
	icaltimezone_convert_time(&t, from, japan);
	if (t.year < 1 || t.year > 9999 || t.month < 1 || t.month > 12 || t.day < 1 || t.day > 31 ||
	    t.hour < 0 || t.hour > 23 || t.minute < 0 || t.minute > 59)
		return false;
	char buf[32];
	snprintf(buf, sizeof buf, "%04d-%02d-%02d", t.year, t.month, t.day);
	memcpy(date, buf, 11);
	snprintf(buf, sizeof buf, "%02d:%02d", t.hour, t.minute);
	memcpy(time, buf, 6);
	return true;
}

static const char *const weekday_ja[] = {"", "日", "月", "火", "水", "木", "金", "土"};

/* A position in a month: 第2, 最終 (-1), 最後から3番目 (-3). */
static void position(int pos, struct sbuf *out)
{
	if (pos == -1)
		sbuf_add(out, "最終");
	else if (pos < 0)
		sbuf_addf(out, "最後から%d番目の", -pos);
	else
		sbuf_addf(out, "第%d", pos);
}

/* BYDAY (火曜, 第2火曜, 最終金曜).  BYSETPOS picks one of the days the rule
 * gives in the month (Outlook and Apple write 第2火曜 as BYDAY=TU;
 * BYSETPOS=2): with one weekday it is that weekday's position, with
 * several it is said after them (月・火・水・木・金曜のうち第2). */
static void by_day(const struct icalrecurrencetype *r, struct sbuf *out)
{
	int n = 0, setpos = r->by_set_pos[0] != ICAL_RECURRENCE_ARRAY_MAX ? r->by_set_pos[0] : 0;
	bool several = setpos && r->by_set_pos[1] != ICAL_RECURRENCE_ARRAY_MAX;

	for (int i = 0; i < ICAL_BY_DAY_SIZE && r->by_day[i] != ICAL_RECURRENCE_ARRAY_MAX; i++)
		if (icalrecurrencetype_day_position(r->by_day[i]) == 0)
			n++;
	if (n != 1 || several) /* several days, or several positions: said after them */
		n = 0;
	bool any = false;
	for (int i = 0; i < ICAL_BY_DAY_SIZE && r->by_day[i] != ICAL_RECURRENCE_ARRAY_MAX; i++) {
		int wd = (int)icalrecurrencetype_day_day_of_week(r->by_day[i]);
		int pos = icalrecurrencetype_day_position(r->by_day[i]);
		if (wd < 1 || wd > 7)
			continue;
		sbuf_add(out, any ? "・" : " ");
		if (pos == 0 && n == 1 && setpos)
			pos = setpos;
		if (pos)
			position(pos, out);
		sbuf_add(out, weekday_ja[wd]);
		any = true;
	}
	if (any)
		sbuf_add(out, "曜");
	for (int i = 0; any && (n != 1 || several) && i < ICAL_BY_SETPOS_SIZE &&
			r->by_set_pos[i] != ICAL_RECURRENCE_ARRAY_MAX; i++) {
		sbuf_add(out, i ? "・" : "のうち");
		position(r->by_set_pos[i], out);
	}
}

/* BYMONTH and BYMONTHDAY (毎年 4月18日, 毎月 1・15日, 毎月 末日). */
static void by_month_and_day(const struct icalrecurrencetype *r, struct sbuf *out)
{
	for (int i = 0; i < ICAL_BY_MONTH_SIZE && r->by_month[i] != ICAL_RECURRENCE_ARRAY_MAX; i++) {
		bool last = i + 1 >= ICAL_BY_MONTH_SIZE || r->by_month[i + 1] == ICAL_RECURRENCE_ARRAY_MAX;
		sbuf_addf(out, "%s%d%s", i ? "・" : " ", icalrecurrencetype_month_month(r->by_month[i]),
			  last ? "月" : "");
	}
	for (int i = 0; i < ICAL_BY_MONTHDAY_SIZE &&
			r->by_month_day[i] != ICAL_RECURRENCE_ARRAY_MAX; i++) {
		int d = r->by_month_day[i];
		bool last = i + 1 >= ICAL_BY_MONTHDAY_SIZE ||
			    r->by_month_day[i + 1] == ICAL_RECURRENCE_ARRAY_MAX;
		sbuf_add(out, i ? "・" : (r->by_month[0] != ICAL_RECURRENCE_ARRAY_MAX ? "" : " "));
		if (d == -1)
			sbuf_add(out, "末日");
		else if (d < 0)
			sbuf_addf(out, "末日の%d日前", -d - 1);
		else
			sbuf_addf(out, "%d%s", d, last ? "日" : "");
	}
}

/* UNTIL as a Japan date: a UTC time (Google's ...T145959Z, Outlook's start
 * time in UTC) is moved to Japan time, a date or local time taken as written. */
static void until_japan(struct icaltimetype until, struct sbuf *out)
{
	if (icaltime_is_utc(until) && !until.is_date)
		icaltimezone_convert_time(&until, icaltimezone_get_utc_timezone(),
					  icaltimezone_get_builtin_timezone("Asia/Tokyo"));
	icalerror_clear_errno();
	sbuf_addf(out, "%04d-%02d-%02d まで", until.year, until.month, until.day);
}

static void date_list(const char (*list)[11], size_t n, struct sbuf *out)
{
	for (size_t i = 0; i < n; i++)
		sbuf_addf(out, "%s%s", i ? "・" : "", list[i]);
}

/* The rule's end (r NULL: none), the dates taken out of it and those added
 * to it (it NULL: none), in one bracket: " (2027-03-30 まで、2026-12-29・
 * 2027-01-05 を除く、2027-01-10 を追加)"; nothing when there is none. */
static void rule_bounds(const struct icalrecurrencetype *r, const struct ical_item *it,
			struct sbuf *out)
{
	bool until = r && !icaltime_is_null_time(r->until), count = r && !until && r->count > 0;
	size_t nex = it ? it->nexdate : 0, nr = it ? it->nrdate : 0;
	const char *sep = "";

	if (!until && !count && !nex && !nr)
		return;
	sbuf_add(out, " (");
	if (until)
		until_japan(r->until, out);
	else if (count)
		sbuf_addf(out, "全 %d 回", r->count);
	if (until || count)
		sep = "、";
	if (nex) {
		sbuf_add(out, sep);
		date_list((const char (*)[11])it->exdate, nex, out);
		sbuf_add(out, " を除く");
		sep = "、";
	}
	if (nr) {
		sbuf_add(out, sep);
		date_list((const char (*)[11])it->rdate, nr, out);
		sbuf_add(out, " を追加");
	}
	sbuf_add(out, ")");
}

/* The rule in Japanese with the item's excluded and added dates (Japan
 * dates, sorted; it may be NULL). */
static void rule_japanese(const char *rrule, const struct ical_item *it, struct sbuf *out)
{
	static const char *const every[] = {"毎秒", "毎分", "毎時", "毎日", "毎週", "毎月", "毎年"};
	static const char *const unit[] = {"秒", "分", "時間", "日", "週", "か月", "年"};
	struct icalrecurrencetype r = icalrecurrencetype_from_string(rrule);
	icalerror_clear_errno();
	if (r.freq == ICAL_NO_RECURRENCE || r.freq > ICAL_YEARLY_RECURRENCE) {
		sbuf_add(out, rrule);
		rule_bounds(NULL, it, out);
		return;
	}
	if (r.interval > 1)
		sbuf_addf(out, "%d%sごと", r.interval, unit[r.freq]);
	else
		sbuf_add(out, every[r.freq]);
	by_month_and_day(&r, out);
	by_day(&r, out);
	rule_bounds(&r, it, out);
}

void ical_rrule_japanese(const char *rrule, struct sbuf *out)
{
	rule_japanese(rrule, NULL, out);
}

void ical_notes_head(const struct ical_item *it, struct sbuf *out)
{
	long days;

	if (it->todo)
		return;
	if (it->rrule) {
		sbuf_add(out, "繰り返し: ");
		rule_japanese(it->rrule, it, out);
		sbuf_add(out, "\n");
	} else if (it->nrdate) { /* dates of its own, no rule */
		sbuf_add(out, "繰り返し: ほかに ");
		date_list((const char (*)[11])it->rdate, it->nrdate, out);
		sbuf_add(out, "\n");
	}
	if (!it->last_date[0])
		return;
	if (it->start_time[0])
		sbuf_addf(out, "終了: %s %s\n", it->last_date, it->last_time);
	else if (date_diff_days(it->date, it->last_date, &days) && days > 0)
		sbuf_addf(out, "期間: %s〜%s (%ld日間)\n", it->date, it->last_date, days + 1);
}

bool ical_duration_minutes(const char *duration, long *minutes)
{
	struct icaldurationtype d = icaldurationtype_from_string(duration);
	bool ok = !icaldurationtype_is_bad_duration(d) && !d.is_neg;

	icalerror_clear_errno();
	/* added up here: libical's icaldurationtype_as_int is an int of seconds */
	long days = 7L * d.weeks + (long)d.days;
	if (!ok || days > 100L * 366)
		return false;
	*minutes = (days * 24 + (long)d.hours) * 60 + (long)d.minutes + (long)d.seconds / 60;
	return true;
}

static bool excluded(const struct ical_item *it, const char *date)
{
	for (size_t i = 0; i < it->nexdate; i++)
		if (strcmp(it->exdate[i], date) == 0)
			return true;
	return false;
}

bool ical_first_kept(struct ical_item *it)
{
	int y, m, d;
	if (it->todo || !it->rrule || !excluded(it, it->date) ||
	    sscanf(it->date, "%d-%d-%d", &y, &m, &d) != 3)
		return false;
	struct icalrecurrencetype r = icalrecurrencetype_from_string(it->rrule);
	icalerror_clear_errno();
	if (r.freq == ICAL_NO_RECURRENCE)
		return false;
	/* stepped as dates in Japan time, where the item's date already is
	 * (a date made by icaltime_from_string: one filled in field by field
	 * stepped a week as six days) */
	char ymd[16];
	snprintf(ymd, sizeof ymd, "%04d%02d%02d", y, m, d);
	icalrecur_iterator *ri = icalrecur_iterator_new(r, icaltime_from_string(ymd));
	bool moved = false;
	char next[11];
	for (int i = 0; ri && i < 1000 && !moved; i++) {
		struct icaltimetype t = icalrecur_iterator_next(ri);
		if (icaltime_is_null_time(t))
			break;
		snprintf(next, sizeof next, "%04d-%02d-%02d", t.year, t.month, t.day);
		moved = !excluded(it, next);
	}
	if (ri)
		icalrecur_iterator_free(ri);
	icalerror_clear_errno();
	long days;
	if (!moved || !date_diff_days(it->date, next, &days))
		return false;
	memcpy(it->date, next, sizeof next);
	date_add_days(it->last_date, days, it->last_date); /* "" stays "" */
	return true;
}
