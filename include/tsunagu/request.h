#ifndef TSUNAGU_REQUEST_H
#define TSUNAGU_REQUEST_H
#include <stdbool.h>
#include "tsunagu/record.h"

/*
 * Area requests (地域要望, issue 9 part 9).  A 地域要望 task passes through
 * 受付 → 部局照会中 → 回答済 → 地域へ報告済 (task.request_state), with the
 * department asked (department_id), the dates asked and answered and the
 * department's answer.  Each state keeps the board status in step, so the
 * card stands in the right column:
 */
#define REQUEST_STATE_LIST(_) \
	_(RECEIVED, "受付",         "未着手") \
	_(ASKED,    "部局照会中",   "保留") \
	_(ANSWERED, "回答済",       "対応中") \
	_(REPORTED, "地域へ報告済", "完了")

enum request_state {
#define REQUEST_STATE_ENUM(id, label, status) REQUEST_##id,
	REQUEST_STATE_LIST(REQUEST_STATE_ENUM)
#undef REQUEST_STATE_ENUM
	REQUEST_STATE_COUNT
};

#define REQUEST_TASK_KIND "地域要望"

/* The state named `label` (受付 ...), or -1. */
int request_state_parse(const char *label);
const char *request_state_label(enum request_state s);
/* The board status (task_status) the state puts the card in. */
const char *request_state_status(enum request_state s);

/*
 * store_update for a task, knowing request states: when `status` names a
 * request state (edit task ID --status 部局照会中) or request_state is
 * given, the task must be a 地域要望 (else TSU_INVALID, saying so in
 * Japanese); request_state is set, the board status follows it, asked_on
 * (from 部局照会中 on) and answered_on (from 回答済 on) become today when
 * empty; 回答済 and 地域へ報告済 need an answer (given as `answer` now or
 * stored before); 地域へ報告済 also writes a log entry (会議) on the area
 * and the task quoting the department and the answer.  All in the
 * caller's transaction: one action, one undo.  Other edits are plain
 * store_update.
 */
enum tsu_status store_task_update(struct store *st, const char *id, const struct field_value *fv,
				  size_t n, struct tsu_error *err);

/* Moves task `id` to request state `to` (answer may be NULL), as
 * store_task_update does for --status. */
enum tsu_status store_request_move(struct store *st, const char *id, enum request_state to,
				   const char *answer, struct tsu_error *err);

/* An open request: a 地域要望 not 地域へ報告済 (nor 完了 on the board). */
struct request_row {
	const char *id, *title, *area, *department; /* department NULL: not yet chosen */
	const char *state;       /* request state; 受付 when never set */
	const char *asked_on, *answered_on;
	long days_waiting;       /* today (or the day answered) - asked_on (or
				  * the day it came in): an answer stops the count */
};
typedef bool (*request_row_cb)(void *ud, const struct request_row *r);
/* Grouped by department (by name, requests with none last), the oldest
 * asked first (requests never asked after, oldest first). */
enum tsu_status store_requests(struct store *st, const char *area_id, request_row_cb cb,
			       void *ud, struct tsu_error *err);
/* The same as one JSON array; *out malloc'd. */
enum tsu_status store_requests_json(struct store *st, const char *area_id, char **out,
				    struct tsu_error *err);

#endif
