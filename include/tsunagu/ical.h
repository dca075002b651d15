#ifndef TSUNAGU_ICAL_H
#define TSUNAGU_ICAL_H
#include <stdbool.h>
#include "tsunagu/ctline.h"
#include "tsunagu/sbuf.h"
#include "tsunagu/status.h"

/*
 * iCalendar (RFC 5545) reduced to what events and tasks hold.  Times are
 * Japan time: a UTC time ("...Z") is moved to +09:00 (Japan has had no
 * daylight saving since 1951, so the offset is fixed); a time with a TZID
 * is converted from that zone (the calendar's VTIMEZONE, else the tz
 * database: icaltime.h); a floating time is taken as it stands.
 */
struct ical_item {
	bool todo;             /* VTODO (task) rather than VEVENT (event) */
	char *uid;
	char *summary;
	char *description;
	char *location;
	char *status;          /* STATUS as written (NEEDS-ACTION, ...) */
	char *x_status;        /* X-TSUNAGU-STATUS: the task status code */
	char *categories;
	char date[11];         /* VEVENT: start date "YYYY-MM-DD" */
	char start_time[6];    /* "HH:MM", "" for an all-day event */
	char end_time[6];      /* same day only */
	char due[11];          /* VTODO: due date */
	long line;             /* line of BEGIN:VEVENT / BEGIN:VTODO */
	char *rrule;           /* RRULE as written, or NULL */
	char recur_date[11];   /* RECURRENCE-ID (Japan time): this item changes */
	char recur_time[6];    /* that one occurrence of the item with its UID */
	bool tz_unknown;       /* a TZID no zone was found for: time as stated */
	char (*exdate)[11];    /* EXDATE values (Japan dates), sorted, no repeats */
	size_t nexdate;
	char (*rdate)[11];     /* RDATE values (dates added to the series), the same */
	size_t nrdate;
	/* What the one date and the same-day end_time cannot hold: the last day
	 * of an all-day event over several days (DTEND is exclusive, so DTEND
	 * 20261229 is "2026-12-28"; or from DURATION:P3D), or the day and time a
	 * timed event ends on when that is a later day; both "" otherwise. */
	char last_date[11];
	char last_time[6];     /* "HH:MM" for a timed event, "" for an all-day one */
	char *problem;         /* why the item cannot be used, or NULL */
	long problem_line;
};

/* The next VEVENT or VTODO (other components are skipped); *got false at
 * end of file.  An item with a bad date, a value that cannot be decoded
 * or a line without ':' comes back with it->problem set (and its line),
 * for the caller to skip; unbalanced BEGIN/END is an error naming its
 * line.  SUMMARY and LOCATION have escaped line breaks turned into
 * spaces; DESCRIPTION loses the white space and line breaks it ends in
 * (Outlook's last "\n").  Several VCALENDAR blocks in one file are read in turn. */
struct ical_zones;
/* `zones` (may be NULL) gathers the calendar's VTIMEZONEs as they are
 * read, for the times of the items after them. */
enum tsu_status ical_next(struct ctl_reader *r, struct ical_zones *zones, struct ical_item *it,
			  bool *got, struct tsu_error *err);
void ical_clear(struct ical_item *it);

/* VCALENDAR header with the Asia/Tokyo VTIMEZONE. */
void ical_begin(struct sbuf *out);
/* One VEVENT or VTODO; dtstamp is "YYYYMMDDTHHMMSSZ". */
void ical_write(struct sbuf *out, const struct ical_item *it, const char *dtstamp);
void ical_end(struct sbuf *out);

/* The lines an event's notes begin with, each ending in "\n", for what the
 * event's fields cannot hold, in this order: 「繰り返し: 毎週 火曜 (2027-03-30
 * まで、2026-12-29・2027-01-05 を除く)」 (RRULE, EXDATE and RDATE: 「… を追加」), 「期間: 2026-12-26〜
 * 2026-12-28 (3日間)」 (all-day over several days) or 「終了: 2026-12-27 01:00」
 * (ends on a later day).  Nothing for an item with none of these.  The rule
 * is read by libical (icaltime.c). */
void ical_notes_head(const struct ical_item *it, struct sbuf *out);

/* Takes the occurrence on `date` (Japan date) out of the series, as an
 * EXDATE of it would. */
void ical_exclude(struct ical_item *it, const char *date);

/* A series whose first occurrence is taken out by its own EXDATE: the
 * item moves to the first occurrence that is kept (its span or end on a
 * later day moved with it), stepping the rule by dates in Japan time;
 * true when it moved.  The notes still name the excluded dates. */
bool ical_first_kept(struct ical_item *it);

/* The length of a DURATION value ("P3D", "PT1H30M", "P1W", "P1DT2H") in
 * minutes, read by libical (icaltime.c); false for a value it cannot read
 * or a negative one. */
bool ical_duration_minutes(const char *duration, long *minutes);

/* "10:00", "9:5", "10時30分", "1000" -> "10:00" / "09:05" / "10:30"; false
 * when s holds no time of day. */
bool ical_parse_hhmm(const char *s, char out[6]);

#endif
