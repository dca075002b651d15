#ifndef TSUNAGU_ATTENDANCE_H
#define TSUNAGU_ATTENDANCE_H
#include "tsunagu/store.h"

/*
 * The attendance of one event per generation, read and written as a whole
 * (one row per generation, attendance in entity.h), so that a screen can
 * take the four counts of an area meeting in one step.
 */
struct attendance_count {
	const char *generation;   /* choice code of "generation" */
	long count;               /* -1: no row (not counted) */
};

/* Fills counts[i].count for each counts[i].generation of event `event_id`
 * (-1 where the event has no row for it). */
enum tsu_status store_attendance_get(struct store *st, const char *event_id,
				     struct attendance_count *counts, int n,
				     struct tsu_error *err);
/* Writes the counts (>= 0) of event `event_id`: a generation's row is
 * added or changed; a count of -1 leaves it as it is.  Inside the
 * caller's transaction; *changed (may be NULL) gets how many rows
 * changed. */
enum tsu_status store_attendance_set(struct store *st, const char *event_id,
				     const struct attendance_count *counts, int n,
				     int *changed, struct tsu_error *err);

#endif
