#ifndef TSUNAGU_REPORT_DATA_H
#define TSUNAGU_REPORT_DATA_H
#include <stdbool.h>
#include <stddef.h>
#include "tsunagu/store.h"

/*
 * The figures behind the 支援ケース一覧 (cases), 活動報告 (activity) and
 * 引継ぎ (handover) reports, read from the store; the io layer lays them
 * out (report_cases.c ...).  No contact details are read here.  "Today"
 * is clock_today(), so $TSUNAGU_NOW fixes it for tests.
 *
 * A period is two ISO dates, either end open (NULL).  A task belongs to a
 * period when it was started (made) in it or has a log entry dated in it:
 * it was worked on then.  The case list also keeps every case still open
 * that was started before the period ended, since an open case with no
 * contact is what a list of cases is for.
 */
struct report_scope {
	const char *area_id;   /* full id, or NULL: every area */
	const char *from, *to; /* ISO dates, or NULL: no limit */
};

/* ---- 支援ケース一覧 ---- */
struct report_case {
	const char *id, *title, *kind, *status, *area, *assignee;
	const char *start;        /* local date the task was made */
	const char *last_contact; /* date of its latest log entry, or NULL */
	long days_since;          /* today - (last contact, or start when none) */
	const char *due;          /* its due date, or NULL */
};
/* Returns true to stop. */
typedef bool (*report_case_cb)(void *ud, const struct report_case *c);
/* The cases of the scope by area (in the areas' order), status (未着手,
 * 対応中, 保留, 完了), start date. */
enum tsu_status store_report_cases(struct store *st, const struct report_scope *sc,
				   report_case_cb cb, void *ud, struct tsu_error *err);

/* ---- 活動報告 ---- */
/* The tallies: id, title (a table's heading), what is counted. */
#define REPORT_TALLY_LIST(_) \
	_(KIND,      "種別",       "課題") \
	_(DUTY,      "支援区分",   "課題") \
	_(PILLAR,    "柱",         "課題") \
	_(AREA,      "エリア",     "課題") \
	_(REFERRAL,  "きっかけ",   "課題") \
	_(CONNECTED, "つなぎ先",   "課題") \
	_(LOG_KIND,  "記録種別",   "経過記録")
enum report_tally_id {
#define REPORT_TALLY_ENUM(id, title, unit) REPORT_TALLY_##id,
	REPORT_TALLY_LIST(REPORT_TALLY_ENUM)
#undef REPORT_TALLY_ENUM
	REPORT_TALLY_COUNT
};

/* What an unset field is counted as. */
#define REPORT_UNSET "未設定"

struct report_count {
	char *label; /* the choice as users see it ("A 作業支援", "民生委員") */
	long n;
};
/* One tally: every choice of its list in the list's order (zero counts
 * too), then values outside the list, then REPORT_UNSET when any; the
 * counts add up to `total`. */
struct report_tally {
	const char *title, *unit;
	struct report_count *rows;
	size_t nrows;
	long total;
};
struct report_activity {
	long tasks; /* tasks of the period (the total of every task tally) */
	long logs;  /* log entries dated in the period */
	struct report_tally tally[REPORT_TALLY_COUNT];
};
/* Log entries count in an area's report when they are on the area, on one
 * of its tasks or on one of its parties. */
enum tsu_status store_report_activity(struct store *st, const struct report_scope *sc,
				      struct report_activity *out, struct tsu_error *err);
void store_report_activity_free(struct report_activity *a);

/* ---- 引継ぎ (one area; report_handover.c) ---- */
/* Days ahead in which a term's end counts as "ending soon". */
#define REPORT_TERM_SOON_DAYS 90

/* An open task with its latest log entry (all NULL when none). */
struct report_open_task {
	const char *id, *title, *kind, *status, *assignee, *due;
	const char *last_date, *last_kind, *last_author, *last_text;
};
typedef bool (*report_open_task_cb)(void *ud, const struct report_open_task *t);
/* Open tasks (not 完了) of the area: the ones due first first. */
enum tsu_status store_report_open_tasks(struct store *st, const char *area_id,
					report_open_task_cb cb, void *ud, struct tsu_error *err);

/* A key person's current role (org and role NULL when the person holds
 * none); one call per role. */
struct report_key_role {
	const char *person_id, *person, *org, *role, *from, *to;
	bool ending_soon; /* `to` within REPORT_TERM_SOON_DAYS of today */
	long days_left;   /* to - today when `to` is set, else -1 */
};
typedef bool (*report_key_role_cb)(void *ud, const struct report_key_role *r);
/* The area's key persons (キーパーソン) by reading, each role current
 * today (to_date not past), the soonest ending first. */
enum tsu_status store_report_key_roles(struct store *st, const char *area_id,
				       report_key_role_cb cb, void *ud, struct tsu_error *err);

/* A pending 地域要望 (not 完了). */
struct report_request {
	const char *id, *title, *status, *assignee, *start, *due;
	long days_waiting; /* today - start */
};
typedef bool (*report_request_cb)(void *ud, const struct report_request *r);
/* Longest waiting first. */
enum tsu_status store_report_requests(struct store *st, const char *area_id,
				      report_request_cb cb, void *ud, struct tsu_error *err);

struct report_event {
	const char *id, *date, *start_time, *title, *kind, *place;
};
typedef bool (*report_event_cb)(void *ud, const struct report_event *e);
/* The area's events dated today or later, in date order. */
enum tsu_status store_report_upcoming(struct store *st, const char *area_id,
				      report_event_cb cb, void *ud, struct tsu_error *err);

/* The area's カルテ items of section 課題 in their order. */
typedef bool (*report_issue_cb)(void *ud, const char *title, const char *body);
enum tsu_status store_report_issues(struct store *st, const char *area_id,
				    report_issue_cb cb, void *ud, struct tsu_error *err);

#endif
