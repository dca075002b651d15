/*
 * iCalendar reading follows the nesting of BEGIN/END with a small stack;
 * only VEVENT and VTODO directly inside VCALENDAR become items, and
 * anything nested in them (VALARM) is passed over.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "tsunagu/date.h"
#include "tsunagu/ical.h"
#include "tsunagu/icaltime.h"

#define ICAL_DEPTH_MAX 16

void ical_clear(struct ical_item *it)
{
	free(it->uid);
	free(it->summary);
	free(it->description);
	free(it->location);
	free(it->status);
	free(it->x_status);
	free(it->categories);
	free(it->problem);
	free(it->rrule);
	free(it->exdate);
	free(it->rdate);
	memset(it, 0, sizeof(*it));
}

static bool digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return true;
}

/* "HH:MM" for 0 <= h < 24, 0 <= m < 60 (written by hand: snprintf's
 * truncation warnings cannot see the ranges). */
static void hhmm(char out[6], int h, int m)
{
	out[0] = (char)('0' + h / 10);
	out[1] = (char)('0' + h % 10);
	out[2] = ':';
	out[3] = (char)('0' + m / 10);
	out[4] = (char)('0' + m % 10);
	out[5] = '\0';
}

/* DATE or DATE-TIME value to Japan date and "HH:MM" ("" for a DATE):
 * UTC ("...Z") moved to +09:00, a time with a TZID converted from that
 * zone (*tz_unknown set, and the time kept, when no zone of that name is
 * known), a floating time taken as it stands. */
static bool parse_when(const char *v, const char *tzid, const struct ical_zones *zones,
		       char date[11], char time[6], bool *tz_unknown)
{
	int y, mo, d, h = 0, mi = 0;

	time[0] = '\0';
	if (strlen(v) < 8 || !digits(v, 8))
		return false;
	if (sscanf(v, "%4d%2d%2d", &y, &mo, &d) != 3 || mo < 1 || mo > 12 || d < 1 || d > 31)
		return false;
	if (v[8] == 'T') {
		if (strlen(v) < 15 || !digits(v + 9, 6) || sscanf(v + 9, "%2d%2d", &h, &mi) != 2 ||
		    h > 23 || mi > 59)
			return false;
		if (v[15] == 'Z') {
			long min = date_days_from_civil(y, mo, d) * 1440 + h * 60 + mi + 9 * 60;
			date_civil_from_days(min / 1440, &y, &mo, &d);
			h = (int)(min % 1440 / 60);
			mi = (int)(min % 60);
		} else if (tzid && *tzid) {
			if (ical_to_japan(zones, tzid, y, mo, d, h, mi, date, time))
				return true;
			*tz_unknown = true;
		}
		hhmm(time, h, mi);
	} else if (v[8]) {
		return false;
	}
	snprintf(date, 11, "%04d-%02d-%02d", y, mo, d);
	return true;
}

bool ical_parse_hhmm(const char *s, char out[6])
{
	int h = -1, m = 0;
	const char *p = s;

	while (*p && !isdigit((unsigned char)*p))
		p++;
	if (!*p)
		return false;
	if (digits(p, 4) && !isdigit((unsigned char)p[4])) {
		h = (p[0] - '0') * 10 + (p[1] - '0');
		m = (p[2] - '0') * 10 + (p[3] - '0');
	} else {
		h = (int)strtol(p, (char **)&p, 10);
		while (*p && !isdigit((unsigned char)*p))
			p++;
		if (*p)
			m = (int)strtol(p, NULL, 10);
	}
	if (h < 0 || h > 23 || m < 0 || m > 59)
		return false;
	hhmm(out, h, m);
	return true;
}

/* The end `minutes` after the item's start: the same-day end_time, or the
 * later day and time it ends on. */
static void timed_end(struct ical_item *it, long minutes)
{
	long at = atoi(it->start_time) * 60L + atoi(it->start_time + 3) + minutes;

	if (at < 24 * 60) {
		hhmm(it->end_time, (int)(at / 60), (int)(at % 60));
		return;
	}
	date_add_days(it->date, at / (24 * 60), it->last_date);
	hhmm(it->last_time, (int)(at % (24 * 60) / 60), (int)(at % 60));
}

/* EXDATE or RDATE: one or more comma-separated dates or times (an RDATE
 * may be a PERIOD, start/end or start/duration: its start), each added
 * to the list as a Japan date. */
static bool add_dates(const struct ctl_prop *p, struct ical_item *it,
		      const struct ical_zones *zones, char (**list)[11], size_t *n)
{
	char *copy = xstrdup(p->value), *save = NULL;
	bool ok = true;

	for (char *v = strtok_r(copy, ",", &save); v && ok; v = strtok_r(NULL, ",", &save)) {
		char tm[6], *slash = strchr(v, '/');
		if (slash)
			*slash = '\0';
		*list = xrealloc(*list, (*n + 1) * sizeof(**list));
		ok = parse_when(v, ctl_param(p, "TZID"), zones, (*list)[*n], tm, &it->tz_unknown);
		*n += ok;
	}
	free(copy);
	return ok;
}

static int date_cmp(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* A list of dates sorted, each date once. */
static void dates_tidy(char (*list)[11], size_t *n)
{
	size_t k = 0;

	if (!*n)
		return;
	qsort(list, *n, sizeof(*list), date_cmp);
	for (size_t i = 1; i < *n; i++)
		if (strcmp(list[i], list[k]) != 0)
			memcpy(list[++k], list[i], sizeof(*list));
	*n = k + 1;
}

/* Takes `date` out of a tidy list. */
static void drop_date(char (*list)[11], size_t *n, const char *date)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp(list[i], date) == 0) {
			memmove(list[i], list[i + 1], (*n - i - 1) * sizeof(*list));
			(*n)--;
			return;
		}
}

void ical_exclude(struct ical_item *it, const char *date)
{
	it->exdate = xrealloc(it->exdate, (it->nexdate + 1) * sizeof(*it->exdate));
	snprintf(it->exdate[it->nexdate++], sizeof(*it->exdate), "%s", date);
	dates_tidy(it->exdate, &it->nexdate);
}

static char **text_slot(struct ical_item *it, const char *name)
{
	if (strcmp(name, "UID") == 0) return &it->uid;
	if (strcmp(name, "SUMMARY") == 0) return &it->summary;
	if (strcmp(name, "DESCRIPTION") == 0) return &it->description;
	if (strcmp(name, "LOCATION") == 0) return &it->location;
	if (strcmp(name, "STATUS") == 0) return &it->status;
	if (strcmp(name, "X-TSUNAGU-STATUS") == 0) return &it->x_status;
	if (strcmp(name, "CATEGORIES") == 0) return &it->categories;
	return NULL;
}

/* Outlook ends DESCRIPTION with "\n" (Exchange often with "\n\n" or a
 * space before it): white space and line breaks at the end of notes are
 * not kept.  ASCII white space and the ideographic space U+3000. */
static void trim_end(char *s)
{
	size_t n = strlen(s);

	for (;;) {
		if (n > 0 && strchr(" \t\r\n\v\f", s[n - 1]))
			n--;
		else if (n >= 3 && memcmp(s + n - 3, "\xe3\x80\x80", 3) == 0)
			n -= 3;
		else
			break;
	}
	s[n] = '\0';
}

struct ical_times {
	char end_date[11];
	char *duration;
	bool all_day;      /* X-MICROSOFT-CDO-ALLDAYEVENT:TRUE (Outlook, Exchange) */
};

/* Marks the item unusable (the first problem found is the one named). */
static void item_problem(struct ical_item *it, long line, const char *why)
{
	if (it->problem)
		return;
	it->problem = xstrdup(why);
	it->problem_line = line;
}

static enum tsu_status item_prop(const struct ctl_prop *p, struct ical_item *it,
				 struct ical_times *t, const struct ical_zones *zones,
				 struct tsu_error *err)
{
	char **slot = text_slot(it, p->name);
	char d[11], tm[6];
	enum tsu_status st;

	if (slot) {
		char *text;
		if ((st = ctl_text(p, &text, err)) != TSU_OK)
			return st;
		if (slot == &it->description)
			trim_end(text);
		free(*slot);
		*slot = text;
		return TSU_OK;
	}
	bool start = strcmp(p->name, "DTSTART") == 0, end = strcmp(p->name, "DTEND") == 0;
	bool due = strcmp(p->name, "DUE") == 0;
	bool recur = strcmp(p->name, "RECURRENCE-ID") == 0;
	if (strcmp(p->name, "DURATION") == 0) {
		free(t->duration);
		t->duration = xstrdup(p->value);
	}
	if ((strcmp(p->name, "X-MICROSOFT-CDO-ALLDAYEVENT") == 0 ||
	     strcmp(p->name, "X-MICROSOFT-MSNCALENDAR-ALLDAYEVENT") == 0) &&
	    strcasecmp(p->value, "TRUE") == 0)
		t->all_day = true;
	if (strcmp(p->name, "RRULE") == 0 && !it->rrule)
		it->rrule = xstrdup(p->value);
	if (strcmp(p->name, "EXDATE") == 0 && !add_dates(p, it, zones, &it->exdate, &it->nexdate))
		return tsu_fail(err, TSU_INVALID, "EXDATE の日時が正しくありません");
	if (strcmp(p->name, "RDATE") == 0 && !add_dates(p, it, zones, &it->rdate, &it->nrdate))
		return tsu_fail(err, TSU_INVALID, "RDATE の日時が正しくありません");
	if (!start && !end && !due && !recur)
		return TSU_OK;
	if (!parse_when(p->value, ctl_param(p, "TZID"), zones, d, tm, &it->tz_unknown))
		return tsu_fail(err, TSU_INVALID, "%s の日時が正しくありません", p->name);
	if (recur) {
		memcpy(it->recur_date, d, sizeof(d));
		memcpy(it->recur_time, tm, sizeof(tm));
	} else if (start) {
		memcpy(it->date, d, sizeof(d));
		memcpy(it->start_time, tm, sizeof(tm));
	} else if (end) {
		memcpy(t->end_date, d, sizeof(d));
		memcpy(it->end_time, tm, sizeof(tm));
	} else {
		memcpy(it->due, d, sizeof(d));
	}
	return TSU_OK;
}

/* An event's end from DTEND (DATE: exclusive) or DURATION: a timed event
 * ending on its start day keeps end_time, one ending on a later day gets
 * last_date and last_time; an all-day event over several days gets its
 * last day.  An end before the start is dropped. */
static void event_end(struct ical_item *it, const struct ical_times *t)
{
	long minutes, days;
	bool end_date = t->end_date[0] && strcmp(t->end_date, it->date) >= 0;
	bool dur = !t->end_date[0] && t->duration && ical_duration_minutes(t->duration, &minutes);
	char end_time[6];

	memcpy(end_time, it->end_time, sizeof(end_time));
	it->end_time[0] = '\0';
	if (it->todo || !it->date[0])
		return;
	if (it->start_time[0] && end_date && end_time[0] && strcmp(t->end_date, it->date) == 0) {
		memcpy(it->end_time, end_time, sizeof(end_time));
	} else if (it->start_time[0] && end_date && end_time[0]) {
		memcpy(it->last_date, t->end_date, sizeof(it->last_date));
		memcpy(it->last_time, end_time, sizeof(it->last_time));
	} else if (it->start_time[0] && dur) {
		timed_end(it, minutes);
	} else if (!it->start_time[0] && end_date && !end_time[0] &&
		   date_diff_days(it->date, t->end_date, &days) && days > 1) {
		date_add_days(it->date, days - 1, it->last_date);
	} else if (!it->start_time[0] && dur && minutes > 24 * 60) {
		date_add_days(it->date, (minutes + 24 * 60 - 1) / (24 * 60) - 1, it->last_date);
	}
}

/* Exchange and Outlook write some all-day events as midnight to midnight
 * with X-MICROSOFT-CDO-ALLDAYEVENT:TRUE: such an event (from midnight in
 * Japan time, ending at midnight or not said) is read as the all-day
 * event it is, its DTEND date the day after the last as for a date. */
static void exchange_all_day(struct ical_item *it, const struct ical_times *t)
{
	if (!t->all_day || it->todo || strcmp(it->start_time, "00:00") != 0 ||
	    (it->end_time[0] && strcmp(it->end_time, "00:00") != 0))
		return;
	it->start_time[0] = '\0';
	it->end_time[0] = '\0';
	if (strcmp(it->recur_time, "00:00") == 0)
		it->recur_time[0] = '\0';
}

static void finish_item(struct ical_item *it, struct ical_times *t)
{
	exchange_all_day(it, t);
	ctl_one_line(it->summary);
	ctl_one_line(it->location);
	event_end(it, t);
	dates_tidy(it->exdate, &it->nexdate);
	dates_tidy(it->rdate, &it->nrdate);
	drop_date(it->rdate, &it->nrdate, it->date); /* the start itself adds nothing */
	free(t->duration);
	t->duration = NULL;
}

struct ical_stack {
	char *names[ICAL_DEPTH_MAX];
	int depth;
};

static void stack_free(struct ical_stack *s)
{
	while (s->depth > 0)
		free(s->names[--s->depth]);
}

/* BEGIN/END bookkeeping; *item_end set when the item being read closed. */
static enum tsu_status nest(struct ctl_reader *r, const struct ctl_prop *p,
			    struct ical_stack *s, struct ical_item *it, int *item_depth,
			    bool *item_end, struct tsu_error *err)
{
	if (strcmp(p->name, "BEGIN") == 0) {
		if (s->depth == ICAL_DEPTH_MAX)
			return tsu_fail(err, TSU_INVALID, "%s:%ld: 入れ子が深すぎます",
					ctl_name(r), p->line);
		s->names[s->depth++] = xstrdup(p->value);
		bool ev = strcasecmp(p->value, "VEVENT") == 0, todo = strcasecmp(p->value, "VTODO") == 0;
		if ((ev || todo) && *item_depth < 0 && s->depth == 2) {
			ical_clear(it);
			it->todo = todo;
			it->line = p->line;
			*item_depth = s->depth;
		}
		return TSU_OK;
	}
	if (s->depth == 0 || strcasecmp(s->names[s->depth - 1], p->value) != 0)
		return tsu_fail(err, TSU_INVALID, "%s:%ld: END:%s に対応する BEGIN がありません",
				ctl_name(r), p->line, p->value);
	if (*item_depth == s->depth) {
		*item_end = true;
		*item_depth = -1;
	}
	free(s->names[--s->depth]);
	return TSU_OK;
}

/* Appends a property of a VTIMEZONE being read, as a content line. */
static void tz_line(struct sbuf *tz, const struct ctl_prop *p)
{
	sbuf_add(tz, p->name);
	for (size_t i = 0; i < p->nparams; i++)
		sbuf_addf(tz, ";%s=%s", p->params[i].name, p->params[i].value);
	sbuf_addf(tz, ":%s\r\n", p->value);
}

/* A VTIMEZONE of the calendar: its lines gathered while *depth > 0, the
 * zone made when it ends. */
static void vtimezone(struct ical_zones *zones, const struct ctl_prop *p, int stack_depth,
		      int *depth, struct sbuf *tz)
{
	bool begin = strcmp(p->name, "BEGIN") == 0, end = strcmp(p->name, "END") == 0;
	if (!*depth && begin && strcasecmp(p->value, "VTIMEZONE") == 0 && stack_depth == 2)
		*depth = stack_depth;
	if (!*depth)
		return;
	tz_line(tz, p);
	if (end && stack_depth == *depth - 1) {
		if (zones)
			ical_zones_add(zones, tz->s);
		sbuf_reset(tz);
		*depth = 0;
	}
}

enum tsu_status ical_next(struct ctl_reader *r, struct ical_zones *zones, struct ical_item *it,
			  bool *got, struct tsu_error *err)
{
	/* the nesting state lives in the reader's position: items never span
	 * calls, so the stack starts at VCALENDAR depth each time */
	struct ical_stack s = {{0}, 0};
	struct ical_times t = {{0}, NULL, false};
	const struct ctl_prop *p;
	struct tsu_error ierr = {0};
	struct sbuf tz = {0};
	enum tsu_status st;
	int item_depth = -1, tz_depth = 0;

	ical_clear(it);
	*got = false;
	s.names[s.depth++] = xstrdup("VCALENDAR");
	while ((st = ctl_next(r, &p, err)) == TSU_OK && p) {
		bool item_end = false;
		if (p->malformed && item_depth > 0) {
			item_problem(it, p->line, "「:」のない行です");
			continue;
		}
		if (p->malformed) {
			st = tsu_fail(err, TSU_INVALID, "%s:%ld: 「:」のない行です", ctl_name(r), p->line);
			break;
		}
		if (strcmp(p->name, "BEGIN") == 0 && strcasecmp(p->value, "VCALENDAR") == 0 &&
		    s.depth == 1)
			continue;
		if (strcmp(p->name, "END") == 0 && strcasecmp(p->value, "VCALENDAR") == 0 &&
		    s.depth == 1)
			continue;
		if (strcmp(p->name, "BEGIN") == 0 || strcmp(p->name, "END") == 0)
			st = nest(r, p, &s, it, &item_depth, &item_end, err);
		else if (item_depth > 0 && s.depth == item_depth &&
			 item_prop(p, it, &t, zones, &ierr) != TSU_OK)
			item_problem(it, p->line, ierr.msg);
		if (st == TSU_OK)
			vtimezone(zones, p, s.depth, &tz_depth, &tz);
		if (st != TSU_OK)
			break;
		if (item_end) {
			finish_item(it, &t);
			*got = true;
			break;
		}
	}
	if (st == TSU_OK && !*got && s.depth > 1)
		st = tsu_fail(err, TSU_INVALID, "%s:%ld: BEGIN:%s に END がないまま終わっています",
			      ctl_name(r), item_depth > 0 ? it->line : 0L, s.names[s.depth - 1]);
	free(t.duration);
	sbuf_free(&tz);
	stack_free(&s);
	return st;
}

void ical_begin(struct sbuf *out)
{
	sbuf_add(out, "BEGIN:VCALENDAR\r\n"
		      "VERSION:2.0\r\n"
		      "PRODID:-//tsunagu//tsunagu//JA\r\n"
		      "CALSCALE:GREGORIAN\r\n"
		      "BEGIN:VTIMEZONE\r\n"
		      "TZID:Asia/Tokyo\r\n"
		      "BEGIN:STANDARD\r\n"
		      "DTSTART:19700101T000000\r\n"
		      "TZOFFSETFROM:+0900\r\n"
		      "TZOFFSETTO:+0900\r\n"
		      "TZNAME:JST\r\n"
		      "END:STANDARD\r\n"
		      "END:VTIMEZONE\r\n");
}

void ical_end(struct sbuf *out)
{
	sbuf_add(out, "END:VCALENDAR\r\n");
}

static void put_text(struct sbuf *out, const char *name, const char *value)
{
	struct sbuf line = {0};

	if (!value || !*value)
		return;
	sbuf_addf(&line, "%s:", name);
	ctl_escape(&line, value);
	ctl_fold(out, sbuf_str(&line));
	sbuf_free(&line);
}

/* "2025-04-01" (+ "10:00") as 20250401 / 20250401T100000. */
static void put_when(struct sbuf *out, const char *name, const char *date, const char *time)
{
	char d[9];

	if (!date_is_iso(date)) /* an item read without this date */
		return;
	snprintf(d, sizeof(d), "%.4s%.2s%.2s", date, date + 5, date + 8);
	if (time && *time)
		sbuf_addf(out, "%s;TZID=Asia/Tokyo:%sT%.2s%.2s00\r\n", name, d, time, time + 3);
	else
		sbuf_addf(out, "%s;VALUE=DATE:%s\r\n", name, d);
}

static const char *todo_status(const char *code)
{
	if (!code)
		return "NEEDS-ACTION";
	if (strcmp(code, "完了") == 0)
		return "COMPLETED";
	if (strcmp(code, "対応中") == 0)
		return "IN-PROCESS";
	return "NEEDS-ACTION";
}

void ical_write(struct sbuf *out, const struct ical_item *it, const char *dtstamp)
{
	sbuf_add(out, it->todo ? "BEGIN:VTODO\r\n" : "BEGIN:VEVENT\r\n");
	sbuf_addf(out, "UID:%s\r\nDTSTAMP:%s\r\n", it->uid ? it->uid : "", dtstamp);
	put_text(out, "SUMMARY", it->summary);
	if (it->todo) {
		put_when(out, "DUE", it->due, NULL);
		sbuf_addf(out, "STATUS:%s\r\n", todo_status(it->x_status));
		put_text(out, "X-TSUNAGU-STATUS", it->x_status);
	} else {
		put_when(out, "DTSTART", it->date, it->start_time);
		if (it->start_time[0] && it->end_time[0]) {
			put_when(out, "DTEND", it->date, it->end_time);
		} else if (!it->start_time[0] && date_is_iso(it->date)) {
			char next[11];
			if (date_add_days(it->date, 1, next) && next[0])
				put_when(out, "DTEND", next, NULL);
		}
		put_text(out, "LOCATION", it->location);
	}
	put_text(out, "CATEGORIES", it->categories);
	put_text(out, "DESCRIPTION", it->description);
	sbuf_add(out, it->todo ? "END:VTODO\r\n" : "END:VEVENT\r\n");
}
