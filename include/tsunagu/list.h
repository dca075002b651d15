#ifndef TSUNAGU_LIST_H
#define TSUNAGU_LIST_H
#include "tsunagu/store.h"

/*
 * Lists for screens and `tsunagu list`: each kind is one SQL query with a
 * fixed set of columns (names for tsv/csv/json, Japanese headings for the
 * table).  Filters are bound parameters; paging is LIMIT/OFFSET so a pane
 * never loads all rows.
 */
enum list_kind {
	LIST_AREAS,
	LIST_PARTIES,
	LIST_TASKS,
	LIST_EVENTS,
	LIST_MINE,      /* tasks of the current author, overdue first, then due */
	LIST_STAFF,     /* staff: organisation, appointment, rank, areas */
	LIST_SURVEYS,   /* surveys and hearings of groups, by area */
};

struct list_query {
	const char *area_id;    /* full id, or NULL for all areas */
	const char *status;     /* task status code (未着手 ...) */
	const char *search;     /* user query, normalised inside (text_search_key) */
	const char *org_type;   /* parties: choice code */
	const char *generation; /* parties */
	const char *offer;      /* parties: offer tag */
	const char *assignee;   /* tasks: exact name; LIST_MINE uses the author */
	long limit;             /* 0: no limit */
	long offset;
};

struct list_columns {
	int n;
	const char *const *names;  /* "id", "name", ... */
	const char *const *labels; /* "ID", "名称", ... */
};

/* Parses "areas", "parties", "tasks", "events", "mine", "staff", "surveys". */
bool list_kind_parse(const char *word, enum list_kind *out);
const struct list_columns *list_columns(enum list_kind kind);
/* Position of column `name` in list_columns(kind), or -1. */
int list_column_index(enum list_kind kind, const char *name);

/* Calls cb once per row with the columns of list_columns(kind); values may
 * be NULL.  cb returning non-zero stops early. */
typedef int (*list_row_cb)(void *ud, int ncols, const char *const *values);
enum tsu_status store_list(struct store *st, enum list_kind kind,
			   const struct list_query *q, list_row_cb cb, void *ud,
			   struct tsu_error *err);
/* Number of rows the query matches (ignores limit/offset). */
enum tsu_status store_list_count(struct store *st, enum list_kind kind,
				 const struct list_query *q, long *count,
				 struct tsu_error *err);
/* The same rows as one JSON array of objects, built by SQLite's JSON
 * functions; appended to out. */
enum tsu_status store_list_json(struct store *st, enum list_kind kind,
				const struct list_query *q, struct sbuf *out,
				struct tsu_error *err);

/*
 * Related rows for detail views, e.g. ("party", id, "memberships").
 * Relations: area: districts, staff, tasks, logs, parties;
 * party: memberships (both directions), areas, tasks, logs, offers;
 * task: parties, logs (newest first); event: attendance;
 * party: surveys (newest first, each with the handbook's items);
 * event: participants (the parties named as having come).
 * cb gets the column names once per row (names[i] for values[i]).
 */
typedef int (*related_row_cb)(void *ud, int ncols, const char *const *names,
			      const char *const *values);
enum tsu_status store_related(struct store *st, const char *entity, const char *id,
			      const char *relation, related_row_cb cb, void *ud,
			      struct tsu_error *err);

#endif
