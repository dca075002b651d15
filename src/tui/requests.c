/*
 * Area requests in the app (store/request.c).  Key o: the open 地域要望
 * (not 地域へ報告済) under a heading per department, the oldest asked
 * first, with state, date asked and days waiting; Enter opens one, O moves
 * it on.  Key O on a 地域要望 card or page moves it to the next request
 * state: to 部局照会中 it asks which department when none is set, to
 * 回答済 it asks for the answer; 地域へ報告済 records the answer on the
 * area's log.  Each move is one action (u takes it back, in the list too).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app.h"
#include "screens.h"
#include "sheet.h"
#include "strings.h"
#include "widgets.h"
#include "tsunagu/request.h"
#include "tsunagu/sbuf.h"

static int add_department(void *ud, const struct record *r)
{
	const char *name = record_get(r, "name");
	pick_add(ud, name ? name : r->id, r->id);
	return 0;
}

/* The department to ask, when the task has none: "" to go on without
 * (no departments yet), NULL when the user gave up. */
static char *ask_department(struct tui *t)
{
	struct pick_list l = {0};
	struct tsu_error err = {0};
	if (store_each(t->st, "department", NULL, add_department, &l, &err) != TSU_OK) {
		tui_error(t, &err);
		return NULL;
	}
	char *v = l.n ? picklist_run(t, S_REQ_PICK_DEPT, &l, NULL, NULL, NULL) : xstrdup("");
	pick_clear(&l);
	return v;
}

/* Writes the move in one transaction; true when it was made. */
static bool request_write(struct tui *t, const char *id, enum request_state to,
			  const char *answer, const char *dept)
{
	struct tsu_error err = {0};
	struct field_value fv[3] = {{"request_state", request_state_label(to)}};
	size_t n = 1;
	if (answer)
		fv[n++] = (struct field_value){"answer", answer};
	if (dept && *dept)
		fv[n++] = (struct field_value){"department_id", dept};
	enum tsu_status rc = store_begin(t->st, &err);
	if (rc == TSU_OK && (rc = store_task_update(t->st, id, fv, n, &err)) == TSU_OK)
		rc = store_commit(t->st, &err);
	if (rc != TSU_OK) {
		store_rollback(t->st);
		tui_error(t, &err);
		return false;
	}
	tui_msg(t, to == REQUEST_REPORTED ? S_REQ_REPORTED : S_REQ_MOVED, request_state_label(to));
	return true;
}

bool requests_next(struct tui *t, const char *task_id)
{
	struct record *rec = NULL;
	struct tsu_error err = {0};
	if (tui_readonly(t))
		return false;
	if (store_get(t->st, "task", task_id, false, &rec, &err) != TSU_OK) {
		tui_error(t, &err);
		return false;
	}
	const char *kind = record_get(rec, "kind");
	bool request = kind && strcmp(kind, REQUEST_TASK_KIND) == 0;
	int cur = request_state_parse(record_get(rec, "request_state"));
	bool has_dept = record_get(rec, "department_id") != NULL;
	char *old_answer = xstrdup(record_get(rec, "answer") ? record_get(rec, "answer") : "");
	record_free(rec);
	bool ok = false;
	char *dept = NULL, *answer = NULL;
	enum request_state to = (enum request_state)((cur < 0 ? REQUEST_RECEIVED : cur) + 1);
	if (!request) {
		tui_msg(t, "%s", S_REQ_NOT_REQUEST);
		t->msg_error = true;
	} else if (cur == REQUEST_REPORTED) {
		tui_msg(t, "%s", S_REQ_LAST);
	} else if (to == REQUEST_ASKED && !has_dept && !(dept = ask_department(t))) {
		tui_msg(t, "%s", S_CANCELLED);
	} else if (to == REQUEST_ANSWERED &&
		   (!(answer = prompt_text(t, S_REQ_ANSWER, old_answer)) || !*answer)) {
		tui_msg(t, "%s", answer ? S_REQ_ANSWER_EMPTY : S_CANCELLED);
	} else {
		ok = request_write(t, task_id, to, answer, dept);
	}
	free(dept);
	free(answer);
	free(old_answer);
	return ok;
}

static const struct sheet_col cols[] = {
	{S_COL_TITLE, TEXT_LEFT, true, NULL, false},
	{S_COL_AREA, TEXT_LEFT, false, NULL, false},
	{S_REQ_STATE, TEXT_LEFT, false, NULL, false},
	{S_REQ_ASKED, TEXT_LEFT, false, NULL, false},
	{S_REQ_DAYS, TEXT_LEFT, false, NULL, false},
};

static const enum tui_action requests_hints[] = {
	ACT_OPEN, ACT_REQUEST_NEXT, ACT_UNDO, ACT_REDO, ACT_DOWN, ACT_UP, ACT_HELP, ACT_QUIT, ACT_NONE,
};

struct requests_fill {
	struct tui *t;
	struct sheet_rows rows;
	char *dept;           /* heading of the rows being added */
	bool any;
};

static bool add_request(void *ud, const struct request_row *r)
{
	struct requests_fill *f = ud;
	const char *dept = r->department ? r->department : S_REQ_NO_DEPT;
	if (!f->any || strcmp(f->dept, dept) != 0) {
		free(f->dept);
		f->dept = xstrdup(dept);
		f->any = true;
		sheet_rows_group(&f->rows, dept);
	}
	/* not asked yet: no days of waiting for a department to count */
	char asked[LOCALTIME_MAX] = S_REQ_NOT_ASKED, days[32] = "";
	if (r->asked_on) {
		localtime_date(r->asked_on, f->t->date_style, asked, sizeof asked);
		snprintf(days, sizeof days, S_REQ_DAYS_FMT, r->days_waiting);
	}
	const char *cells[] = {r->title, r->area, r->state, asked, days};
	const char *one_area[] = {r->title, r->state, asked, days};
	sheet_rows_add(&f->rows, f->t->area_id ? one_area : cells, r->id, ROLE_NORMAL);
	sheet_rows_note(&f->rows, r->title);
	return false;
}

static void requests_build(struct tui *t, struct sheet *s, void *ud)
{
	/* with one area chosen its column would say the same on every line */
	const struct sheet_col one_area[] = {cols[0], cols[2], cols[3], cols[4]};
	struct requests_fill f = {.t = t, .rows = {.ncols = t->area_id ? 4 : 5}};
	struct tsu_error err = {0};
	(void)ud;
	sheet_clear(s);
	s->hints = requests_hints;
	if (store_requests(t->st, t->area_id, add_request, &f, &err) != TSU_OK)
		tui_error(t, &err);
	free(f.dept);
	struct sbuf b = {0};
	sbuf_addf(&b, S_REQ_TITLE, t->area_name ? t->area_name : S_ALL_AREAS);
	sbuf_add(&b, "  ");
	sbuf_addf(&b, S_REQ_COUNT, (long)f.rows.n);
	sheet_title(s, b.s);
	sbuf_free(&b);
	bool none = f.rows.n == 0;
	sheet_rows_put(s, sheet_width(), t->area_id ? one_area : cols, &f.rows);
	if (none)
		sheet_add_wrapped(s, ROLE_NORMAL, S_REQ_NONE);
}

static bool requests_act(struct tui *t, struct sheet *s, enum tui_action a, const char *id,
			 void *ud)
{
	(void)s;
	(void)ud;
	if (a == ACT_UNDO || a == ACT_REDO)   /* O's message offers u */
		ops_undo(t, a == ACT_REDO);
	else if (a != ACT_OPEN && a != ACT_REQUEST_NEXT)
		tui_msg(t, "%s", S_NOTHING_HERE);
	else if (!id)
		tui_msg(t, "%s", S_LIST_EMPTY);
	else if (a == ACT_OPEN)
		detail_run(t, "task", id);
	else
		requests_next(t, id);
	return false;
}

void requests_show(struct tui *t)
{
	sheet_show(t, requests_build, requests_act, NULL);
	tui_reload_all(t);
}
