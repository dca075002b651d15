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
	char *problem;         /* why the item cannot be used, or NULL */
	long problem_line;
};

/* The next VEVENT or VTODO (other components are skipped); *got false at
 * end of file.  An item with a bad date, a value that cannot be decoded
 * or a line without ':' comes back with it->problem set (and its line),
 * for the caller to skip; unbalanced BEGIN/END is an error naming its
 * line.  SUMMARY and LOCATION have escaped line breaks turned into
 * spaces.  Several VCALENDAR blocks in one file are read in turn. */
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

/* "10:00", "9:5", "10時30分", "1000" -> "10:00" / "09:05" / "10:30"; false
 * when s holds no time of day. */
bool ical_parse_hhmm(const char *s, char out[6]);

#endif
