#ifndef TSUNAGU_ICALTIME_H
#define TSUNAGU_ICALTIME_H
#include <stdbool.h>
#include "tsunagu/sbuf.h"

/*
 * Time zones and recurrence rules of iCalendar files, through libical:
 * times stated in a zone (TZID) become Japan time using the calendar's
 * own VTIMEZONE (Outlook names zones "Tokyo Standard Time", "W. Europe
 * Standard Time" and defines them there) or the system's tz database
 * (Google, Apple: "America/New_York"); an RRULE becomes a line in Japanese.
 */
struct ical_zones;

struct ical_zones *ical_zones_new(void);
void ical_zones_free(struct ical_zones *z);
/* Adds the zone a VTIMEZONE component defines (its text, BEGIN to END);
 * false when libical cannot read it. */
bool ical_zones_add(struct ical_zones *z, const char *vtimezone);

/* The Japan date ("YYYY-MM-DD") and time ("HH:MM") of a local date-time
 * in zone `tzid`: the calendar's zone of that name, else the tz database's;
 * false when neither knows the name (the time is then left as stated). */
bool ical_to_japan(const struct ical_zones *z, const char *tzid, int y, int mo, int d, int h,
		   int mi, char date[11], char time[6]);

/* An RRULE value in Japanese: "毎週 火・木曜 (2027-03-31 まで)", "毎月 第2火曜",
 * "2日ごと (全 10 回)"; the rule as written when libical cannot read it.
 * Appended to out. */
void ical_rrule_japanese(const char *rrule, struct sbuf *out);

#endif
