/*
 * What a successor needs on day one in an area (report_data.h, 引継ぎ):
 * open tasks with their latest log entry, key persons' current roles,
 * pending 地域要望, upcoming events, the カルテ's 課題.  Every query takes
 * ?1 the area and ?2 today; persons' contact details are never read.
 */
#include <stdlib.h>
#include <string.h>
#include "query.h"
#include "tsunagu/report_data.h"

#define T(i) ((const char *)sqlite3_column_text(s, i))
#define STR_(x) #x
#define STR(x) STR_(x)

static enum tsu_status finish(struct store *st, sqlite3_stmt *s, int step, const char *what,
			      struct tsu_error *err)
{
	store_finish(st, s);
	return step == SQLITE_ROW || step == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, what);
}

/* the latest live log entry of task t (latest date, then latest made) */
#define LAST_LOG(col) \
	"(SELECT l." col " FROM log_entry l WHERE l.task_id = t.id AND l.deleted_at IS NULL" \
	" ORDER BY l.date DESC, l.created_at DESC, l.id DESC LIMIT 1)"

static const char open_tasks_sql[] =
	"SELECT t.id, t.title, t.kind, t.status, t.assignee, t.due,"
	" " LAST_LOG("date") ", " LAST_LOG("kind") ", " LAST_LOG("author") ", " LAST_LOG("text")
	" FROM task t WHERE t.deleted_at IS NULL AND t.area_id = ?1 AND t.status <> '完了'"
	" ORDER BY t.due IS NULL, t.due, date(t.created_at, 'localtime'), t.id";

enum tsu_status store_report_open_tasks(struct store *st, const char *area_id,
					report_open_task_cb cb, void *ud, struct tsu_error *err)
{
	sqlite3_stmt *s;
	if (store_prepare_area_today(st, open_tasks_sql, area_id, &s, err))
		return err->status;
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct report_open_task t = {
			.id = T(0), .title = T(1), .kind = T(2), .status = T(3), .assignee = T(4),
			.due = T(5), .last_date = T(6), .last_kind = T(7), .last_author = T(8),
			.last_text = T(9),
		};
		if (cb(ud, &t))
			break;
	}
	return finish(st, s, step, "未完了の課題", err);
}

/* Key persons of the area and their roles current today (a role with no
 * end, or ending today or later, in a live group); a person with none
 * gives one row without a role. */
static const char key_roles_sql[] =
	"SELECT p.id, p.name, o.name, m.role, m.from_date, m.to_date,"
	" m.to_date IS NOT NULL AND m.to_date <= date(?2, '+" STR(REPORT_TERM_SOON_DAYS) " days'),"
	" CASE WHEN m.to_date IS NOT NULL THEN CAST(julianday(m.to_date) - julianday(?2) AS INTEGER)"
	" ELSE -1 END"
	" FROM party p"
	" LEFT JOIN membership m ON m.person_id = p.id AND m.deleted_at IS NULL"
	"  AND (m.to_date IS NULL OR m.to_date >= ?2)"
	"  AND EXISTS (SELECT 1 FROM party g WHERE g.id = m.org_id AND g.deleted_at IS NULL)"
	" LEFT JOIN party o ON o.id = m.org_id"
	" WHERE p.deleted_at IS NULL AND p.kind = 'person' AND p.key_person = 1"
	" AND p.id IN (SELECT party_id FROM party_area WHERE area_id = ?1)"
	" ORDER BY coalesce(p.kana, p.name), p.name, p.id,"
	" m.to_date IS NULL, m.to_date, o.name";

enum tsu_status store_report_key_roles(struct store *st, const char *area_id,
				       report_key_role_cb cb, void *ud, struct tsu_error *err)
{
	sqlite3_stmt *s;
	if (store_prepare_area_today(st, key_roles_sql, area_id, &s, err))
		return err->status;
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct report_key_role r = {
			.person_id = T(0), .person = T(1), .org = T(2), .role = T(3), .from = T(4),
			.to = T(5), .ending_soon = sqlite3_column_int(s, 6) != 0,
			.days_left = sqlite3_column_int64(s, 7),
		};
		if (cb(ud, &r))
			break;
	}
	return finish(st, s, step, "キーパーソン", err);
}

static const char requests_sql[] =
	"SELECT t.id, t.title, t.status, t.assignee, date(t.created_at, 'localtime'), t.due,"
	" CAST(julianday(?2) - julianday(date(t.created_at, 'localtime')) AS INTEGER)"
	" FROM task t WHERE t.deleted_at IS NULL AND t.area_id = ?1 AND t.kind = '地域要望'"
	" AND t.status <> '完了'"
	" ORDER BY t.created_at, t.id";

enum tsu_status store_report_requests(struct store *st, const char *area_id,
				      report_request_cb cb, void *ud, struct tsu_error *err)
{
	sqlite3_stmt *s;
	if (store_prepare_area_today(st, requests_sql, area_id, &s, err))
		return err->status;
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct report_request r = {
			.id = T(0), .title = T(1), .status = T(2), .assignee = T(3), .start = T(4),
			.due = T(5), .days_waiting = sqlite3_column_int64(s, 6),
		};
		if (cb(ud, &r))
			break;
	}
	return finish(st, s, step, "地域要望", err);
}

static const char upcoming_sql[] =
	"SELECT e.id, e.date, e.start_time, e.title, e.kind, e.place FROM event e"
	" WHERE e.deleted_at IS NULL AND e.area_id = ?1 AND e.date >= ?2"
	" ORDER BY e.date, e.start_time IS NULL, e.start_time, e.id";

enum tsu_status store_report_upcoming(struct store *st, const char *area_id,
				      report_event_cb cb, void *ud, struct tsu_error *err)
{
	sqlite3_stmt *s;
	if (store_prepare_area_today(st, upcoming_sql, area_id, &s, err))
		return err->status;
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct report_event e = {
			.id = T(0), .date = T(1), .start_time = T(2), .title = T(3), .kind = T(4),
			.place = T(5),
		};
		if (cb(ud, &e))
			break;
	}
	return finish(st, s, step, "行事", err);
}

static const char issues_sql[] =
	"SELECT title, body FROM karte_item WHERE deleted_at IS NULL AND area_id = ?1"
	" AND section = '課題'"
	" ORDER BY sort IS NULL, sort, created_at, id";

enum tsu_status store_report_issues(struct store *st, const char *area_id,
				    report_issue_cb cb, void *ud, struct tsu_error *err)
{
	sqlite3_stmt *s;
	if (store_prepare_area_today(st, issues_sql, area_id, &s, err))
		return err->status;
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW)
		if (cb(ud, T(0), T(1)))
			break;
	return finish(st, s, step, "課題", err);
}
