/*
 * Area requests (request.h): the request states of a 地域要望 task, the
 * edit that moves one (board status, dates, answer, and the report on the
 * area's log in the same action), and the list of open requests.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "query.h"
#include "tsunagu/clock.h"
#include "tsunagu/request.h"

#define T(i) ((const char *)sqlite3_column_text(s, i))
#define REQUEST_LOG_KIND "会議"
#define REQUEST_FV_MAX 72

static const struct {
	const char *label, *status;
} states[REQUEST_STATE_COUNT] = {
#define REQUEST_STATE_ROW(id, label, status) [REQUEST_##id] = {label, status},
	REQUEST_STATE_LIST(REQUEST_STATE_ROW)
#undef REQUEST_STATE_ROW
};

int request_state_parse(const char *label)
{
	for (int i = 0; label && i < REQUEST_STATE_COUNT; i++)
		if (strcmp(states[i].label, label) == 0)
			return i;
	return -1;
}

const char *request_state_label(enum request_state s)
{
	return s < REQUEST_STATE_COUNT ? states[s].label : "";
}

const char *request_state_status(enum request_state s)
{
	return s < REQUEST_STATE_COUNT ? states[s].status : "";
}

static const char *fv_get(const struct field_value *fv, size_t n, const char *name, bool *given)
{
	for (size_t i = n; i-- > 0;)
		if (strcmp(fv[i].name, name) == 0) {
			if (given)
				*given = true;
			return fv[i].value;
		}
	return NULL;
}

static bool empty(const char *s)
{
	return !s || !*s;
}

/* The department's name for the log text ("部局" when none). */
static char *department_name(struct store *st, const char *dept_id)
{
	struct record *d = NULL;
	struct tsu_error err = {0};
	char *name = NULL;
	if (!empty(dept_id) && store_get(st, "department", dept_id, false, &d, &err) == TSU_OK) {
		const char *v = record_get(d, "name");
		name = v ? xstrdup(v) : NULL;
		record_free(d);
	}
	return name ? name : xstrdup("担当部局");
}

/* The report back to the area: a 会議 entry on the area's log (and the
 * task's) quoting the department and its answer. */
static enum tsu_status request_log(struct store *st, const char *id, struct tsu_error *err)
{
	struct record *t = NULL;
	if (store_get(st, "task", id, false, &t, err) != TSU_OK)
		return err->status;
	char today[16];
	clock_today(today, sizeof today);
	char *dept = department_name(st, record_get(t, "department_id"));
	const char *answered = record_get(t, "answered_on");
	struct sbuf text = {0};
	sbuf_addf(&text, "地域要望「%s」への%sの回答を地域へ報告しました。", record_get(t, "title"), dept);
	if (!empty(record_get(t, "asked_on")))
		sbuf_addf(&text, "\n照会日: %s", record_get(t, "asked_on"));
	if (!empty(answered))
		sbuf_addf(&text, "\n回答日: %s", answered);
	sbuf_addf(&text, "\n回答: %s", record_get(t, "answer"));
	const char *area = record_get(t, "area_id");
	struct field_value fv[] = {
		{"task_id", id}, {"kind", REQUEST_LOG_KIND}, {"date", today}, {"text", text.s},
		{"area_id", area},
	};
	uuid_str log_id;
	enum tsu_status rc = store_insert(st, "log", fv, empty(area) ? 4 : 5, log_id, err);
	sbuf_free(&text);
	free(dept);
	record_free(t);
	return rc;
}

/* The fields of the edit with the request state's consequences. */
static enum tsu_status request_fields(const struct record *t, const struct field_value *fv,
				      size_t n, enum request_state to, const char *today,
				      struct field_value *out, size_t *nout, struct tsu_error *err)
{
	size_t k = 0;
	bool given = false;
	for (size_t i = 0; i < n && k < REQUEST_FV_MAX - 6; i++)
		if (strcmp(fv[i].name, "status") && strcmp(fv[i].name, "request_state"))
			out[k++] = fv[i];
	out[k++] = (struct field_value){"request_state", request_state_label(to)};
	out[k++] = (struct field_value){"status", request_state_status(to)};
	given = false;
	fv_get(fv, n, "asked_on", &given);
	if (to >= REQUEST_ASKED && !given && empty(record_get(t, "asked_on")))
		out[k++] = (struct field_value){"asked_on", today};
	given = false;
	fv_get(fv, n, "answered_on", &given);
	if (to >= REQUEST_ANSWERED && !given && empty(record_get(t, "answered_on")))
		out[k++] = (struct field_value){"answered_on", today};
	given = false;
	const char *answer = fv_get(fv, n, "answer", &given);
	if (to >= REQUEST_ANSWERED && (given ? empty(answer) : empty(record_get(t, "answer"))))
		return tsu_fail(err, TSU_INVALID, "「%s」にするには部局の回答を入れてください"
				" (--answer 回答の文)", request_state_label(to));
	*nout = k;
	return TSU_OK;
}

static enum tsu_status request_apply(struct store *st, const char *id, const struct field_value *fv,
				     size_t n, enum request_state to, struct tsu_error *err)
{
	struct record *t = NULL;
	if (store_get(st, "task", id, false, &t, err) != TSU_OK)
		return err->status;
	bool kind_given = false;
	const char *kind = fv_get(fv, n, "kind", &kind_given);
	if (!kind_given)
		kind = record_get(t, "kind");
	if (!kind || strcmp(kind, REQUEST_TASK_KIND) != 0) {
		enum tsu_status rc = tsu_fail(err, TSU_INVALID,
			"「%s」は地域要望の状況です。課題「%s」の種別は「%s」のため使えません"
			" (状態は 未着手・対応中・保留・完了 のどれかです)",
			request_state_label(to), record_get(t, "title"), empty(kind) ? "未設定" : kind);
		record_free(t);
		return rc;
	}
	char today[16];
	clock_today(today, sizeof today);
	const char *was = record_get(t, "request_state");
	bool reported_before = was && strcmp(was, request_state_label(REQUEST_REPORTED)) == 0;
	struct field_value out[REQUEST_FV_MAX];
	size_t k = 0;
	enum tsu_status rc = request_fields(t, fv, n, to, today, out, &k, err);
	if (rc == TSU_OK)
		rc = store_update(st, "task", id, out, k, err);
	if (rc == TSU_OK && to == REQUEST_REPORTED && !reported_before)
		rc = request_log(st, id, err);
	record_free(t);
	return rc;
}

enum tsu_status store_task_update(struct store *st, const char *id, const struct field_value *fv,
				  size_t n, struct tsu_error *err)
{
	int to = -1;
	for (size_t i = 0; i < n; i++) {
		int s = request_state_parse(fv[i].value);
		if (s >= 0 && (strcmp(fv[i].name, "status") == 0 ||
			       strcmp(fv[i].name, "request_state") == 0))
			to = s;
	}
	if (to < 0)
		return store_update(st, "task", id, fv, n, err);
	return request_apply(st, id, fv, n, (enum request_state)to, err);
}

enum tsu_status store_request_move(struct store *st, const char *id, enum request_state to,
				   const char *answer, struct tsu_error *err)
{
	struct field_value fv[] = {
		{"request_state", request_state_label(to)}, {"answer", answer},
	};
	return store_task_update(st, id, fv, answer ? 2 : 1, err);
}

/* ?1 area (NULL: all), ?2 today */
#define REQUESTS_SQL \
	"SELECT t.id AS id, t.title AS title, (SELECT name FROM area a WHERE a.id = t.area_id) AS area," \
	" d.name AS department, coalesce(t.request_state, '受付') AS state, t.asked_on AS asked_on," \
	" t.answered_on AS answered_on, CAST(julianday(coalesce(t.answered_on, ?2))" \
	" - julianday(coalesce(t.asked_on," \
	" date(t.created_at, 'localtime'))) AS INTEGER) AS days_waiting" \
	" FROM task t LEFT JOIN department d ON d.id = t.department_id AND d.deleted_at IS NULL" \
	" WHERE t.deleted_at IS NULL AND t.kind = '" REQUEST_TASK_KIND "'" \
	" AND coalesce(t.request_state, '') <> '地域へ報告済' AND t.status <> '完了'" \
	" AND (?1 IS NULL OR t.area_id = ?1)" \
	" ORDER BY d.name IS NULL, coalesce(d.kana, d.name), d.id, t.asked_on IS NULL, t.asked_on," \
	" t.created_at, t.id"

enum tsu_status store_requests(struct store *st, const char *area_id, request_row_cb cb,
			       void *ud, struct tsu_error *err)
{
	sqlite3_stmt *s;
	if (store_prepare_area_today(st, REQUESTS_SQL, area_id, &s, err))
		return err->status;
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct request_row r = {
			.id = T(0), .title = T(1), .area = T(2), .department = T(3), .state = T(4),
			.asked_on = T(5), .answered_on = T(6), .days_waiting = sqlite3_column_int64(s, 7),
		};
		if (cb(ud, &r))
			break;
	}
	store_finish(st, s);
	return step == SQLITE_ROW || step == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, "地域要望");
}

enum tsu_status store_requests_json(struct store *st, const char *area_id, char **out,
				    struct tsu_error *err)
{
	sqlite3_stmt *s;
	*out = NULL;
	if (store_prepare_area_today(st, "SELECT coalesce(json_group_array(json_object('id', id,"
			     " 'department', department, 'title', title, 'area', area, 'state', state,"
			     " 'asked_on', asked_on, 'answered_on', answered_on,"
			     " 'days_waiting', days_waiting)), '[]') FROM (" REQUESTS_SQL ")",
			     area_id, &s, err))
		return err->status;
	return store_json_row(st, s, out, "地域要望", err);
}
