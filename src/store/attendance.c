/* Attendance of one event, all generations at once (attendance.h).  Every
 * write goes through store_insert / store_update, so history, merge and
 * undo carry it like any edit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "tsunagu/attendance.h"

#define ATT_SQL "SELECT id, count FROM attendance WHERE event_id = ?1 AND generation = ?2" \
	" AND deleted_at IS NULL"

/* The row of (event, generation): *id ("" when none) and its count. */
static enum tsu_status att_row(struct store *st, const char *event_id, const char *gen,
			       uuid_str id, long *count, struct tsu_error *err)
{
	sqlite3_stmt *s;
	enum tsu_status rc = store_prepare(st, ATT_SQL, &s, err);
	if (rc != TSU_OK)
		return rc;
	store_bind_texts(s, 2, (const char *const[]){event_id, gen});
	int step = sqlite3_step(s);
	id[0] = '\0';
	*count = -1;
	if (step == SQLITE_ROW) {
		snprintf(id, sizeof(uuid_str), "%s", (const char *)sqlite3_column_text(s, 0));
		*count = sqlite3_column_type(s, 1) == SQLITE_NULL ? 0 : (long)sqlite3_column_int64(s, 1);
	}
	store_finish(st, s);
	return step == SQLITE_ROW || step == SQLITE_DONE ? TSU_OK
							 : store_sql_fail(st, err, "世代別の参加者数");
}

enum tsu_status store_attendance_get(struct store *st, const char *event_id,
				     struct attendance_count *counts, int n,
				     struct tsu_error *err)
{
	for (int i = 0; i < n; i++) {
		uuid_str id;
		enum tsu_status rc = att_row(st, event_id, counts[i].generation, id, &counts[i].count,
					     err);
		if (rc != TSU_OK)
			return rc;
	}
	return TSU_OK;
}

enum tsu_status store_attendance_set(struct store *st, const char *event_id,
				     const struct attendance_count *counts, int n,
				     int *changed, struct tsu_error *err)
{
	int done = 0;
	enum tsu_status rc = TSU_OK;
	for (int i = 0; i < n && rc == TSU_OK; i++) {
		uuid_str id, new_id;
		long old;
		char num[32];
		if (counts[i].count < 0)
			continue;
		if ((rc = att_row(st, event_id, counts[i].generation, id, &old, err)) != TSU_OK)
			break;
		if (old == counts[i].count)
			continue;
		snprintf(num, sizeof num, "%ld", counts[i].count);
		if (id[0]) {
			rc = store_update(st, "attendance", id,
					  (const struct field_value[]){{"count", num}}, 1, err);
		} else {
			const struct field_value fv[] = {{"event_id", event_id},
							 {"generation", counts[i].generation},
							 {"count", num}};
			rc = store_insert(st, "attendance", fv, 3, new_id, err);
		}
		done++;
	}
	if (changed)
		*changed = rc == TSU_OK ? done : 0;
	return rc;
}
