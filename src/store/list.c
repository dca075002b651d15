/*
 * The lists behind the panes and `tsunagu list`.  Each kind is a column
 * table (name, Japanese heading, SQL expression) and a FROM clause; the
 * filters of struct list_query become bound parameters.  JSON output wraps
 * the same query in json_group_array(json_object(...)).  Contact columns
 * go through the consent rule (consent.h) in every format.
 */
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "tsunagu/list.h"
#include "tsunagu/clock.h"

struct column {
	const char *name, *label, *expr;
};

/* What a list shows in place of a contact detail the consent rule keeps
 * out, so that an empty cell is never a mystery (JSON gives null). */
#define LIST_WITHHELD "(本人同意なし)"

#define POP_SUM "(SELECT sum(population) FROM district d WHERE d.area_id = a.id AND d.deleted_at IS NULL)"
#define P65_SUM "(SELECT sum(population_65) FROM district d WHERE d.area_id = a.id AND d.deleted_at IS NULL)"

#define AREA_COLS(_) \
	_("id", "ID", "a.id") \
	_("name", "エリア", "a.name") \
	_("kind", "地区種別", "a.kind") \
	_("schools", "学校", "a.schools") \
	_("population", "人口", "coalesce(" POP_SUM ", a.population_approx)") \
	_("aging_rate", "高齢化率", "round(100.0 * " P65_SUM " / nullif(" POP_SUM ", 0), 1)") \
	_("open_tasks", "未完了", "(SELECT coalesce(sum(n), 0) FROM task_tally x WHERE x.area_id = a.id" \
	" AND x.status <> '完了')") \
	_("parties", "関係者", "(SELECT coalesce(sum(parties), 0) FROM area_tally x WHERE x.area_id = a.id)")

#define PARTY_COLS(_) \
	_("id", "ID", "p.id") \
	_("kind", "区分", "CASE p.kind WHEN 'org' THEN '団体' ELSE '個人' END") \
	_("org_type", "種別", "p.org_type") \
	_("name", "名称・氏名", "p.name") \
	_("kana", "よみ", "p.kana") \
	_("roles", "役職", "(SELECT group_concat(m.role || '(' || o.name || ')', '、') FROM membership m" \
	" JOIN party o ON o.id = m.org_id WHERE m.person_id = p.id AND m.deleted_at IS NULL" \
	" AND o.deleted_at IS NULL AND (m.to_date IS NULL OR m.to_date >= ?9))") \
	_("key_person", "キーパーソン", "p.key_person") \
	_("load", "兼務", "(SELECT count(*) FROM membership m JOIN party o ON o.id = m.org_id" \
	" WHERE m.person_id = p.id AND m.deleted_at IS NULL AND o.deleted_at IS NULL" \
	" AND (m.to_date IS NULL OR m.to_date >= ?9))") \
	_("areas", "エリア", "(SELECT group_concat(a.name, '、') FROM party_area pa JOIN area a" \
	" ON a.id = pa.area_id WHERE pa.party_id = p.id)") \
	_("offers", "できること", "(SELECT group_concat(tag, '、') FROM offer o WHERE o.party_id = p.id)") \
	_("generation", "世代", "p.generation") \
	_("phone", "電話", "CASE WHEN tsu_contact_ok(p.kind, p.consent) THEN p.phone" \
	" WHEN p.phone IS NOT NULL THEN '" LIST_WITHHELD "' END")

#define TASK_COLS(_) \
	_("id", "ID", "t.id") \
	_("status", "状態", "t.status") \
	_("title", "件名", "t.title") \
	_("kind", "種別", "t.kind") \
	_("duty", "区分", "t.duty") \
	_("area", "エリア", "(SELECT name FROM area a WHERE a.id = t.area_id)") \
	_("assignee", "担当者", "t.assignee") \
	_("due", "期限", "t.due") \
	_("priority", "優先度", "t.priority") \
	_("overdue", "期限切れ", "(t.due IS NOT NULL AND t.due < ?9 AND t.status <> '完了')")

#define EVENT_COLS(_) \
	_("id", "ID", "e.id") \
	_("date", "日付", "e.date") \
	_("start", "開始", "e.start_time") \
	_("title", "名称", "e.title") \
	_("kind", "種別", "e.kind") \
	_("area", "エリア", "(SELECT name FROM area a WHERE a.id = e.area_id)") \
	_("place", "会場", "e.place") \
	_("attendance", "参加者", "(SELECT sum(count) FROM attendance x WHERE x.event_id = e.id" \
	" AND x.deleted_at IS NULL)") \
	_("form", "形式", "e.form")

/* A survey's area: its own, else the group's first area. */
#define SURVEY_AREA_ID "coalesce(s.area_id, (SELECT pa.area_id FROM party_area pa JOIN area a2" \
	" ON a2.id = pa.area_id WHERE pa.party_id = s.party_id ORDER BY a2.sort, a2.name LIMIT 1))"

#define STAFF_COLS(_) \
	_("id", "ID", "s.id") \
	_("name", "氏名", "s.name") \
	_("organisation", "所属組織", "s.organisation") \
	_("appointment", "任用", "s.appointment") \
	_("rank", "職位", "s.rank") \
	_("department", "所属課", "(SELECT name FROM department d WHERE d.id = s.department_id)") \
	_("areas", "担当エリア", "(SELECT group_concat(name, '、') FROM (SELECT a.name FROM staff_area x" \
	" JOIN area a ON a.id = x.area_id WHERE x.staff_id = s.id AND a.deleted_at IS NULL" \
	" ORDER BY a.sort, a.name))")

#define SURVEY_COLS(_) \
	_("id", "ID", "s.id") \
	_("area", "エリア", "(SELECT name FROM area a WHERE a.id = " SURVEY_AREA_ID ")") \
	_("group", "団体", "(SELECT name FROM party p WHERE p.id = s.party_id)") \
	_("kind", "種別", "s.kind") \
	_("date", "実施日", "s.date") \
	_("respondents", "回答数", "s.respondents")

/* Each column list gives the SQL table, the names and the headings. */
#define COL_ROW(name, label, expr) {name, label, expr},
#define COL_NAME(name, label, expr) name,
#define COL_LABEL(name, label, expr) label,
#define COLUMN_SET(list, id) \
	static const struct column id##_cols[] = {list(COL_ROW)}; \
	static const char *const id##_names[] = {list(COL_NAME)}; \
	static const char *const id##_labels[] = {list(COL_LABEL)};
COLUMN_SET(AREA_COLS, area)
COLUMN_SET(PARTY_COLS, party)
COLUMN_SET(TASK_COLS, task)
COLUMN_SET(EVENT_COLS, event)
COLUMN_SET(STAFF_COLS, staff)
COLUMN_SET(SURVEY_COLS, survey)

#define N_OF(a) (int)(sizeof(a) / sizeof((a)[0]))

static const struct list_columns column_sets[] = {
	[LIST_AREAS] = {N_OF(area_cols), area_names, area_labels},
	[LIST_PARTIES] = {N_OF(party_cols), party_names, party_labels},
	[LIST_TASKS] = {N_OF(task_cols), task_names, task_labels},
	[LIST_EVENTS] = {N_OF(event_cols), event_names, event_labels},
	[LIST_MINE] = {N_OF(task_cols), task_names, task_labels},
	[LIST_STAFF] = {N_OF(staff_cols), staff_names, staff_labels},
	[LIST_SURVEYS] = {N_OF(survey_cols), survey_names, survey_labels},
};

struct list_def {
	const char *alias;     /* of the main table in `from` */
	const struct column *cols;
	int ncols;
	const char *from;      /* FROM ... WHERE <live> */
	const char *area_cond; /* uses ?1 */
	const char *order;
	const char *order_status; /* the order when one status is asked for (an index's) */
	const char *search_col, *search_owner;
	const char *find_cols; /* without an index: the texts tsu_finds searches */
};

#define COLS(a) a, (int)(sizeof(a) / sizeof((a)[0]))

static const struct list_def list_defs[] = {
	[LIST_AREAS] = {"a", COLS(area_cols), "area a WHERE a.deleted_at IS NULL", "a.id = ?1",
			"a.sort, a.name", NULL, NULL, NULL, "a.name, a.schools"},
	[LIST_PARTIES] = {"p", COLS(party_cols), "party p WHERE p.deleted_at IS NULL",
			  /* walks the directory's order, asking each party: a page of an
			   * area's 10,000 parties without sorting them all */
			  "EXISTS (SELECT 1 FROM party_area x WHERE x.party_id = p.id AND x.area_id = ?1)",
			  "coalesce(p.kana, p.name), p.name, p.id", NULL, "p.rowid", "party", NULL},
	[LIST_TASKS] = {"t", COLS(task_cols), "task t WHERE t.deleted_at IS NULL", "t.area_id = ?1",
			"CASE t.status WHEN '未着手' THEN 0 WHEN '対応中' THEN 1 WHEN '保留' THEN 2 ELSE 3 END,"
			" t.due IS NULL, t.due, t.id", "t.due IS NULL, t.due, t.id", "t.rowid", "task", NULL},
	[LIST_EVENTS] = {"e", COLS(event_cols), "event e WHERE e.deleted_at IS NULL", "e.area_id = ?1",
			 "e.date DESC, e.start_time, e.id", NULL, NULL, NULL, "e.title, e.place, e.theme, e.notes"},
	[LIST_MINE] = {"t", COLS(task_cols), "task t WHERE t.deleted_at IS NULL AND t.status <> '完了'"
		       " AND t.assignee = ?8", "t.area_id = ?1",
		       /* overdue first: they have the earliest dues (index task_mine) */
		       "t.due IS NULL, t.due, t.id", NULL, "t.rowid", "task", NULL},
	/* city staff (area supporters) first, then 社協 (coordinators) */
	[LIST_STAFF] = {"s", COLS(staff_cols), "staff s WHERE s.deleted_at IS NULL",
			"s.id IN (SELECT staff_id FROM staff_area WHERE area_id = ?1)",
			"CASE s.organisation WHEN '市' THEN 0 WHEN '社協' THEN 1 ELSE 2 END,"
			" coalesce(s.kana, s.name), s.id", NULL, NULL, NULL,
			"s.name, s.kana, s.organisation, s.appointment, s.notes"},
	[LIST_SURVEYS] = {"s", COLS(survey_cols), "survey s WHERE s.deleted_at IS NULL",
			  SURVEY_AREA_ID " = ?1",
			  "(SELECT sort FROM area a WHERE a.id = " SURVEY_AREA_ID ") IS NULL,"
			  " (SELECT sort FROM area a WHERE a.id = " SURVEY_AREA_ID "), s.date DESC, s.id",
			  NULL, NULL, NULL, "(SELECT name FROM party p WHERE p.id = s.party_id),"
			  " s.structure, s.activities, s.issues, s.plans, s.collaboration"},
};

bool list_kind_parse(const char *word, enum list_kind *out)
{
	static const char *const words[] = {"areas", "parties", "tasks", "events", "mine",
					    "staff", "surveys"};
	for (int i = 0; i < N_OF(words); i++) {
		if (strcmp(word, words[i]) == 0) {
			*out = (enum list_kind)i;
			return true;
		}
	}
	return false;
}

const struct list_columns *list_columns(enum list_kind kind)
{
	return &column_sets[kind];
}

int list_column_index(enum list_kind kind, const char *name)
{
	const struct list_columns *c = &column_sets[kind];
	for (int i = 0; i < c->n; i++)
		if (strcmp(c->names[i], name) == 0)
			return i;
	return -1;
}

/*
 * Parameters: ?1 area, ?2 status, ?3 search (FTS), ?4 org_type,
 * ?5 generation, ?6 offer, ?7 assignee, ?8 author, ?9 today, ?10 the
 * rowids of a directory page found by search_party_page (`ids`).
 */
static void where_sql(struct sbuf *sql, const struct list_def *d, enum list_kind kind,
		      const struct list_query *q, bool has_search, bool ids)
{
	sbuf_addf(sql, " FROM %s", d->from);
	if (q->area_id)
		sbuf_addf(sql, " AND %s", d->area_cond);
	if (q->status && (kind == LIST_TASKS || kind == LIST_MINE))
		sbuf_add(sql, " AND t.status = ?2");
	if (ids) {
		sbuf_add(sql, " AND p.rowid IN (SELECT value FROM json_each(?10))");
	} else if (has_search && d->search_col) {
		sbuf_add(sql, " AND ");
		search_sql_filter(sql, d->search_col, d->search_owner, 3);
	} else if (has_search && d->find_cols) {
		sbuf_addf(sql, " AND tsu_finds(?3, %s)", d->find_cols);
	}
	if (kind == LIST_PARTIES) {
		if (q->org_type)
			sbuf_add(sql, " AND p.org_type = ?4");
		if (q->generation)
			sbuf_add(sql, " AND p.generation = ?5");
		if (q->offer)
			sbuf_add(sql, " AND p.id IN (SELECT party_id FROM offer WHERE tag = ?6)");
	}
	if (q->assignee && kind == LIST_TASKS)
		sbuf_add(sql, " AND t.assignee = ?7");
}

static void bind_params(struct store *st, sqlite3_stmt *s, const struct list_query *q,
			const char *fts)
{
	char today[11];
	clock_today(today, sizeof today);
	const char *vals[] = {q->area_id, q->status, fts, q->org_type, q->generation,
			      q->offer, q->assignee, st->author, today};
	for (int i = 0; i < 9; i++) {
		int idx = sqlite3_bind_parameter_index(s, (char[]){'?', (char)('1' + i), 0});
		if (idx > 0 && vals[i])
			sqlite3_bind_text(s, idx, vals[i], -1, SQLITE_TRANSIENT);
	}
}

/* Whether a search of the directory asks nothing else of the parties (the
 * party index answers it alone, area included). */
static bool party_search_only(enum list_kind kind, const struct list_query *q)
{
	return kind == LIST_PARTIES && q->search && *q->search && !q->org_type && !q->generation &&
	       !q->offer;
}

/* The MATCH expression of the list's search (new string), or NULL. */
static char *list_fts(enum list_kind kind, const struct list_query *q)
{
	if (!q->search || !*q->search || list_defs[kind].find_cols)
		return NULL;
	return kind == LIST_PARTIES ? search_party_fts(q->search, q->area_id)
				    : search_fts_query(q->search);
}

/* Builds and prepares the list query.  mode 0: rows, 1: count, 2: JSON. */
static enum tsu_status prepare_list(struct store *st, enum list_kind kind,
				    const struct list_query *q, int mode, sqlite3_stmt **s,
				    struct tsu_error *err)
{
	const struct list_def *d = &list_defs[kind];
	bool has_search = q->search && *q->search;
	char *fts = list_fts(kind, q), *ids = NULL;
	bool paged = mode != 1 && q->limit > 0;
	/* a page of a dense search: its rows found by walking the order */
	enum tsu_status rc = TSU_OK;
	if (fts && paged && mode == 0 && party_search_only(kind, q))
		rc = search_party_page(st, fts, q->offset, q->limit, &ids, err);
	if (rc != TSU_OK) {
		free(fts);
		return rc;
	}
	struct sbuf sql = {0};
	if (mode == 2) {
		sbuf_add(&sql, "SELECT json_group_array(json_object(");
		for (int i = 0; i < d->ncols; i++)
			sbuf_addf(&sql, "%s'%s', nullif(\"%s\", '" LIST_WITHHELD "')", i ? ", " : "",
				  d->cols[i].name, d->cols[i].name);
		sbuf_add(&sql, ")) FROM (");
	}
	if (mode == 1) {
		sbuf_add(&sql, "SELECT count(*)");
	} else {
		sbuf_add(&sql, "SELECT ");
		for (int i = 0; i < d->ncols; i++)
			sbuf_addf(&sql, "%s%s AS \"%s\"", i ? ", " : "", d->cols[i].expr, d->cols[i].name);
	}
	/* A page: choose its rows first, then compute the costly columns
	 * (roles, counts) for those rows only. */
	/* one status: the order of the board's index, sorting nothing */
	const char *order = q->status && d->order_status ? d->order_status : d->order;
	if (paged)
		sbuf_addf(&sql, " FROM (SELECT %s.*", d->alias);
	where_sql(&sql, d, kind, q, has_search, ids != NULL);
	if (has_search && !d->find_cols && !fts)
		sbuf_add(&sql, " AND 0");
	if (paged)
		sbuf_addf(&sql, " ORDER BY %s LIMIT %ld OFFSET %ld) AS %s", order,
			  q->limit, ids ? 0 : q->offset, d->alias);
	if (mode != 1)
		sbuf_addf(&sql, " ORDER BY %s", order);
	if (mode == 2)
		sbuf_add(&sql, ")");
	rc = store_prepare(st, sql.s, s, err);
	if (rc == TSU_OK)
		bind_params(st, *s, q, d->find_cols ? q->search : fts);
	if (rc == TSU_OK && ids)
		sqlite3_bind_text(*s, 10, ids, -1, SQLITE_TRANSIENT);
	sbuf_free(&sql);
	free(fts);
	free(ids);
	return rc;
}

enum tsu_status store_list(struct store *st, enum list_kind kind,
			   const struct list_query *q, list_row_cb cb, void *ud,
			   struct tsu_error *err)
{
	sqlite3_stmt *s;
	enum tsu_status rc = prepare_list(st, kind, q, 0, &s, err);
	if (rc != TSU_OK)
		return rc;
	int n = list_defs[kind].ncols, step;
	const char *vals[16];
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		for (int i = 0; i < n; i++)
			vals[i] = (const char *)sqlite3_column_text(s, i);
		if (cb(ud, n, vals))
			break;
	}
	store_finish(st, s);
	return step == SQLITE_ROW || step == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, "list");
}

/* Counts the triggers keep (schema 6) answer a board column (tasks of
 * one status, maybe of one area) and the directory (parties, maybe of one
 * area) when nothing else is asked; NULL when they do not. */
static const char *tally_sql(enum list_kind kind, const struct list_query *q)
{
	if (q->search && *q->search)
		return NULL;
	if (kind == LIST_TASKS && q->status && !q->assignee)
		return q->area_id ? "SELECT coalesce(sum(n), 0) FROM task_tally WHERE status = ?2 AND area_id = ?1"
				  : "SELECT coalesce(sum(n), 0) FROM task_tally WHERE status = ?2";
	if (kind == LIST_PARTIES && !q->org_type && !q->generation && !q->offer)
		return "SELECT coalesce(sum(parties), 0) FROM area_tally WHERE area_id = coalesce(?1, '')";
	return NULL;
}

enum tsu_status store_list_count(struct store *st, enum list_kind kind,
				 const struct list_query *q, long *count, struct tsu_error *err)
{
	if (party_search_only(kind, q)) {
		char *fts = list_fts(kind, q);
		enum tsu_status rc = fts ? search_party_count(st, fts, count, err) : TSU_OK;
		if (!fts)
			*count = 0;
		free(fts);
		return rc;
	}
	sqlite3_stmt *s;
	const char *tally = tally_sql(kind, q);
	enum tsu_status rc = tally ? store_prepare(st, tally, &s, err)
				   : prepare_list(st, kind, q, 1, &s, err);
	if (rc == TSU_OK && tally) {
		if (q->area_id)
			sqlite3_bind_text(s, 1, q->area_id, -1, SQLITE_TRANSIENT);
		if (sqlite3_bind_parameter_index(s, "?2") > 0)
			sqlite3_bind_text(s, 2, q->status, -1, SQLITE_TRANSIENT);
	}
	if (rc != TSU_OK)
		return rc;
	int step = sqlite3_step(s);
	*count = step == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : 0;
	store_finish(st, s);
	return step == SQLITE_ROW ? TSU_OK : store_sql_fail(st, err, "list");
}

enum tsu_status store_list_json(struct store *st, enum list_kind kind,
				const struct list_query *q, struct sbuf *out,
				struct tsu_error *err)
{
	sqlite3_stmt *s;
	enum tsu_status rc = prepare_list(st, kind, q, 2, &s, err);
	if (rc != TSU_OK)
		return rc;
	int step = sqlite3_step(s);
	if (step == SQLITE_ROW)
		sbuf_add(out, (const char *)sqlite3_column_text(s, 0));
	store_finish(st, s);
	return step == SQLITE_ROW ? TSU_OK : store_sql_fail(st, err, "list");
}
