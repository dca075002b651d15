/*
 * Time zones and recurrence rules (icaltime.h) through libical.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libical/ical.h>
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

static icaltimezone *find_zone(const struct ical_zones *z, const char *tzid)
{
	for (size_t i = 0; z && i < z->n; i++) {
		const char *id = icaltimezone_get_tzid(z->z[i]);
		if (id && strcmp(id, tzid) == 0)
			return z->z[i];
	}
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

static void by_day(const struct icalrecurrencetype *r, struct sbuf *out)
{
	bool any = false;
	for (int i = 0; i < ICAL_BY_DAY_SIZE && r->by_day[i] != ICAL_RECURRENCE_ARRAY_MAX; i++) {
		int wd = (int)icalrecurrencetype_day_day_of_week(r->by_day[i]);
		int pos = icalrecurrencetype_day_position(r->by_day[i]);
		if (wd < 1 || wd > 7)
			continue;
		sbuf_add(out, any ? "・" : " ");
		if (pos == -1)
			sbuf_add(out, "最終");
		else if (pos > 0)
			sbuf_addf(out, "第%d", pos);
		sbuf_add(out, weekday_ja[wd]);
		any = true;
	}
	if (any)
		sbuf_add(out, "曜");
}

void ical_rrule_japanese(const char *rrule, struct sbuf *out)
{
	static const char *const every[] = {"毎秒", "毎分", "毎時", "毎日", "毎週", "毎月", "毎年"};
	static const char *const unit[] = {"秒", "分", "時間", "日", "週", "か月", "年"};
	struct icalrecurrencetype r = icalrecurrencetype_from_string(rrule);
	icalerror_clear_errno();
	if (r.freq == ICAL_NO_RECURRENCE || r.freq > ICAL_YEARLY_RECURRENCE) {
		sbuf_add(out, rrule);
		return;
	}
	if (r.interval > 1)
		sbuf_addf(out, "%d%sごと", r.interval, unit[r.freq]);
	else
		sbuf_add(out, every[r.freq]);
	by_day(&r, out);
	if (r.by_month_day[0] != ICAL_RECURRENCE_ARRAY_MAX)
		sbuf_addf(out, " %d日", r.by_month_day[0]);
	if (!icaltime_is_null_time(r.until))
		sbuf_addf(out, " (%04d-%02d-%02d まで)", r.until.year, r.until.month, r.until.day);
	else if (r.count > 0)
		sbuf_addf(out, " (全 %d 回)", r.count);
}
