/*
 * Undo and redo (undo.h, DESIGN §5).
 *
 * An action is every change the change log holds under one action id.  Its
 * inverse, written as a new action, is computed change by change, newest
 * first:
 *  - a creation or a restoration is undone by deleting the row, a deletion
 *    by restoring it (so a group deleted with its memberships in one
 *    action comes back with all of them);
 *  - a column edit old → new puts back `old` only while the column still
 *    holds `new`; holding anything else, someone changed it since, and the
 *    field is left and reported;
 *  - a set element added is removed again, one removed is added again.
 * Redo is the inverse of the undo.  `undo_step` (schema v3) records each
 * undo and redo with the action it reversed; from it and the change log:
 *  - undoable: this replica's actions by this author that are neither an
 *    undo nor undone (a redo is undoable: it stands for the action again);
 *  - redoable: the newest undo not yet redone, unless the author made an
 *    ordinary action after it (a new edit ends the redo chain).
 * Merged changes are another replica's and are never undone here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "tsunagu/clock.h"
#include "tsunagu/textwidth.h"
#include "tsunagu/undo.h"

#define TITLE_COLS 40

struct change {
	char *entity, *row_id, *field, *old_value, *new_value;
};

struct action {
	struct change *c;
	size_t n;
};

static void action_free(struct action *a)
{
	for (size_t i = 0; i < a->n; i++) {
		free(a->c[i].entity);
		free(a->c[i].row_id);
		free(a->c[i].field);
		free(a->c[i].old_value);
		free(a->c[i].new_value);
	}
	free(a->c);
	a->c = NULL;
	a->n = 0;
}

/* The changes of action `id`, oldest first. */
static enum tsu_status action_load(struct store *st, const char *id, struct action *a,
				   struct tsu_error *err)
{
	sqlite3_stmt *s;
	a->c = NULL;
	a->n = 0;
	if (store_prepare(st, "SELECT entity, row_id, field, old_value, new_value FROM changelog"
			  " WHERE action_id = ?1 ORDER BY hlc, change_id", &s, err))
		return err ? err->status : TSU_DB;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		a->c = xrealloc(a->c, (a->n + 1) * sizeof *a->c);
		struct change *c = &a->c[a->n++];
		c->entity = store_col_dup(s, 0);
		c->row_id = store_col_dup(s, 1);
		c->field = store_col_dup(s, 2);
		c->old_value = store_col_dup(s, 3);
		c->new_value = store_col_dup(s, 4);
	}
	store_finish(st, s);
	return step == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, "changelog");
}

/* ---- what an action did, in words ---- */

/* The row's name or title, shortened for one line (new string or NULL). */
static char *row_title(struct store *st, const struct entity_def *e, const char *id)
{
	struct sbuf sql = {0};
	sqlite3_stmt *s;
	char *title = NULL;
	sbuf_addf(&sql, "SELECT %s FROM %s WHERE id = ?1", e->title_field, e->table);
	if (store_prepare(st, sql.s, &s, NULL) == TSU_OK) {
		sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(s) == SQLITE_ROW)
			title = store_col_dup(s, 0);
		store_finish(st, s);
	}
	sbuf_free(&sql);
	if (title && text_width(title) > TITLE_COLS) {
		title[text_width_cut(title, TITLE_COLS - 1, NULL)] = '\0';
		struct sbuf b = {0};
		sbuf_addf(&b, "%s…", title);
		free(title);
		title = sbuf_detach(&b);
	}
	return title;
}

static const char *verb_of(const char *field)
{
	if (strcmp(field, "_created") == 0)
		return "追加";
	if (strcmp(field, "_deleted") == 0)
		return "削除";
	if (strcmp(field, "_restored") == 0)
		return "復元";
	return NULL;
}

/* One record an action touched: what happened to it, and which fields. */
struct touched {
	const char *entity, *row_id;
	const char *verb;       /* 追加・削除・復元, NULL: edited */
	struct sbuf fields;     /* labels of the edited fields */
	int nfields;
};

static bool same_verb(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* A change by its record, and where it stands in the action. */
struct by_record {
	const struct change *c;
	size_t i;
};

static int record_then_place(const void *x, const void *y)
{
	const struct by_record *a = x, *b = y;
	int k = strcmp(a->c->row_id, b->c->row_id);
	if (!k)
		k = strcmp(a->c->entity, b->c->entity);
	return k ? k : (a->i > b->i) - (a->i < b->i);
}

/* slot[i]: the place, in the order first touched, of the record change i
 * is of; returns how many records.  Sorted, not searched change by change:
 * an import's undo names 100,000 records (that search took minutes). */
static size_t record_slots(const struct action *a, size_t *slot)
{
	struct by_record *r = xcalloc(a->n ? a->n : 1, sizeof *r);
	size_t *first = xcalloc(a->n ? a->n : 1, sizeof *first);
	for (size_t i = 0; i < a->n; i++)
		r[i] = (struct by_record){&a->c[i], i};
	qsort(r, a->n, sizeof *r, record_then_place);
	size_t lead = 0; /* the first change of the record at hand */
	for (size_t i = 0; i < a->n; i++) {
		if (i == 0 || strcmp(r[i].c->row_id, r[i - 1].c->row_id) != 0 ||
		    strcmp(r[i].c->entity, r[i - 1].c->entity) != 0)
			lead = r[i].i;
		first[r[i].i] = lead;
	}
	size_t n = 0;
	for (size_t i = 0; i < a->n; i++)
		slot[i] = first[i] == i ? n++ : slot[first[i]];
	free(first);
	free(r);
	return n;
}

/* Groups the changes by record, in the order first touched. */
static size_t touched_list(const struct action *a, struct touched **out)
{
	size_t *slot = xcalloc(a->n ? a->n : 1, sizeof *slot);
	size_t n = record_slots(a, slot);
	struct touched *t = xcalloc(n ? n : 1, sizeof *t);
	for (size_t i = 0; i < a->n; i++) {
		const struct change *c = &a->c[i];
		struct touched *r = &t[slot[i]];
		if (!r->row_id)
			*r = (struct touched){.entity = c->entity, .row_id = c->row_id};
		const char *verb = verb_of(c->field);
		const struct entity_def *e = entity_find(c->entity);
		const struct field_def *f = e ? entity_field(e, c->field) : NULL;
		if (verb && !r->verb)
			r->verb = verb;
		else if (!verb && f && r->nfields < 3 && !strstr(sbuf_str(&r->fields), f->label)) {
			sbuf_addf(&r->fields, "%s%s", r->nfields ? "・" : "", f->label);
			r->nfields++;
		}
	}
	free(slot);
	*out = t;
	return n;
}

/* How many of the n records share record i's kind and verb; counted once
 * per kind and verb (a few), not record against record. */
static size_t *group_sizes(const struct touched *t, size_t n)
{
	size_t *k = xcalloc(n ? n : 1, sizeof *k), *head = xcalloc(n ? n : 1, sizeof *head);
	size_t heads = 0;
	for (size_t i = 0; i < n; i++) {
		size_t h = 0;
		while (h < heads && !(strcmp(t[head[h]].entity, t[i].entity) == 0 &&
				      same_verb(t[head[h]].verb, t[i].verb)))
			h++;
		if (h == heads)
			head[heads++] = i;
		k[i] = h; /* its group, for now */
	}
	size_t *count = xcalloc(heads ? heads : 1, sizeof *count);
	for (size_t i = 0; i < n; i++)
		count[k[i]]++;
	for (size_t i = 0; i < n; i++)
		k[i] = count[k[i]];
	free(count);
	free(head);
	return k;
}

/* The title of the event attendance row `id` counts for, or NULL: the
 * four counts of a meeting are named by the meeting, not as 4 rows. */
static char *attendance_event(struct store *st, const char *id)
{
	sqlite3_stmt *s;
	char *event = NULL, *title = NULL;
	if (store_prepare(st, "SELECT event_id FROM attendance WHERE id = ?1", &s, NULL) == TSU_OK) {
		sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(s) == SQLITE_ROW)
			event = store_col_dup(s, 0);
		store_finish(st, s);
	}
	if (event)
		title = row_title(st, entity_find("event"), event);
	free(event);
	return title;
}

/* "関係者・団体「多摩ボランティア会」の削除", "関係者・団体 12 件の追加",
 * "課題・取組「見守り」の状態の変更"; other records touched along
 * (memberships of a deleted group) are counted after it. */
static char *describe(struct store *st, const struct action *a)
{
	struct touched *t;
	size_t n = touched_list(a, &t), main = 0, same = 0;
	struct sbuf out = {0};
	if (n == 0) {
		sbuf_add(&out, "変更のない操作");
		return sbuf_detach(&out);
	}
	/* the largest group of one kind and one verb names the action; a
	 * record added, deleted or restored before records only edited along
	 * (the tasks a deleted party is taken out of); memberships only when
	 * nothing else was touched */
	int rank = -1;
	size_t *k = group_sizes(t, n);
	for (size_t i = 0; i < n; i++) {
		int r = (strcmp(t[i].entity, "membership") != 0) * 2 + (t[i].verb != NULL);
		if (r > rank || (r == rank && k[i] > same)) {
			main = i;
			same = k[i];
			rank = r;
		}
	}
	free(k);
	const struct entity_def *e = entity_find(t[main].entity);
	const char *label = e ? e->label : t[main].entity;
	char *event = strcmp(t[main].entity, "attendance") == 0
			      ? attendance_event(st, t[main].row_id) : NULL;
	if (event && n == same) {   /* 行事「諏訪 防災」の世代別参加者数の追加 */
		sbuf_addf(&out, "行事「%s」の世代別参加者数の%s", event,
			  t[main].verb ? t[main].verb : "変更");
		free(event);
		for (size_t i = 0; i < n; i++)
			sbuf_free(&t[i].fields);
		free(t);
		return sbuf_detach(&out);
	}
	free(event);
	struct sbuf verb = {0};
	if (same == 1 && !t[main].verb && t[main].nfields)
		sbuf_addf(&verb, "%sの", t[main].fields.s);
	sbuf_add(&verb, t[main].verb ? t[main].verb : "変更");
	char *title = e && same == 1 ? row_title(st, e, t[main].row_id) : NULL;
	if (same > 1)
		sbuf_addf(&out, "%s %zu 件の%s", label, same, verb.s);
	else if (title && *title)
		sbuf_addf(&out, "%s「%s」の%s", label, title, verb.s);
	else
		sbuf_addf(&out, "%sの%s", label, verb.s);
	sbuf_free(&verb);
	if (n > same)
		sbuf_addf(&out, " (ほか %zu 件)", n - same);
	free(title);
	for (size_t i = 0; i < n; i++)
		sbuf_free(&t[i].fields);
	free(t);
	return sbuf_detach(&out);
}

/* The action an undo or redo stands for in the end: the target of
 * undo_step, followed back to an ordinary action. */
static void action_root(struct store *st, const char *id, uuid_str root)
{
	sqlite3_stmt *s;
	snprintf(root, UUID_STR_LEN + 1, "%s", id);
	if (store_prepare(st, "SELECT target FROM undo_step WHERE action_id = ?1", &s, NULL))
		return;
	for (int guard = 0; guard < 1000; guard++) {
		sqlite3_reset(s);
		sqlite3_bind_text(s, 1, root, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(s) != SQLITE_ROW || !sqlite3_column_text(s, 0))
			break;
		snprintf(root, UUID_STR_LEN + 1, "%s", (const char *)sqlite3_column_text(s, 0));
	}
	store_finish(st, s);
}

/* describe() of the ordinary action behind `id`. */
static char *describe_root(struct store *st, const char *id, struct tsu_error *err)
{
	uuid_str root;
	struct action a;
	action_root(st, id, root);
	if (action_load(st, root, &a, err) != TSU_OK)
		return NULL;
	char *what = describe(st, &a);
	action_free(&a);
	return what;
}

/* ---- writing the inverse ---- */

struct undo_run {
	struct store *st;
	struct undo_result *out;
	char **gone;            /* deleted rows already reported */
	size_t ngone;
};

/* *state: 1 deleted, 0 live, -1 no such row. */
static enum tsu_status row_state(struct store *st, const struct entity_def *e, const char *id,
				 int *state, struct tsu_error *err)
{
	struct sbuf sql = {0};
	sqlite3_stmt *s;
	sbuf_addf(&sql, "SELECT deleted_at IS NOT NULL FROM %s WHERE id = ?1", e->table);
	enum tsu_status rc = store_prepare(st, sql.s, &s, err);
	sbuf_free(&sql);
	if (rc != TSU_OK)
		return rc;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	int step = sqlite3_step(s);
	*state = step == SQLITE_ROW ? sqlite3_column_int(s, 0) : -1;
	store_finish(st, s);
	return step == SQLITE_ROW || step == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, e->table);
}

/* Sets column f of row id from `from` to `to`, one change, as an edit does. */
static enum tsu_status write_column(struct store *st, const struct entity_def *e, const char *id,
				    const struct field_def *f, const char *from, const char *to,
				    struct tsu_error *err)
{
	enum tsu_status rc = record_write_column(st, e, id, f, from, to, err);
	return rc == TSU_OK ? record_reindex(st, e->name, id, err) : rc;
}

/* Who wrote the field's current value last (new string). */
static char *last_author(struct store *st, const char *id, const char *field)
{
	sqlite3_stmt *s;
	char *by = NULL;
	if (store_prepare(st, "SELECT author FROM changelog WHERE row_id = ?1"
			  " AND field IN (?2, '_created') ORDER BY hlc DESC, change_id DESC LIMIT 1",
			  &s, NULL) == TSU_OK) {
		const char *vals[] = {id, field};
		store_bind_texts(s, 2, vals);
		if (sqlite3_step(s) == SQLITE_ROW)
			by = store_col_dup(s, 0);
		store_finish(st, s);
	}
	return by;
}

/* f NULL: the record was deleted since. */
static void add_skip(struct undo_run *u, const struct entity_def *e, const char *id,
		     const struct field_def *f, char *current)
{
	struct undo_result *r = u->out;
	r->skips = xrealloc(r->skips, (r->nskips + 1) * sizeof *r->skips);
	r->skips[r->nskips++] = (struct undo_skip){
		.entity_label = xstrdup(e->label), .title = row_title(u->st, e, id), .field = f,
		.current = current, .by = last_author(u->st, id, f ? f->name : "_deleted"),
	};
}

/* True when row id is deleted now: its fields stay as they are (a change
 * to a deleted record would bring it back when other copies replay it),
 * and it is reported once. */
static bool gone_since(struct undo_run *u, const struct entity_def *e, const char *id)
{
	int state;
	if (row_state(u->st, e, id, &state, NULL) != TSU_OK || state != 1)
		return false;
	for (size_t i = 0; i < u->ngone; i++)
		if (strcmp(u->gone[i], id) == 0)
			return true;
	u->gone = xrealloc(u->gone, (u->ngone + 1) * sizeof *u->gone);
	u->gone[u->ngone++] = xstrdup(id);
	add_skip(u, e, id, NULL, NULL);
	return true;
}

/* A column edit from → to: put `from` back while the column holds `to`. */
static enum tsu_status invert_column(struct undo_run *u, const struct entity_def *e,
				     const struct field_def *f, const struct change *c,
				     struct tsu_error *err)
{
	struct sbuf sql = {0};
	sqlite3_stmt *s;
	sbuf_addf(&sql, "SELECT %s IS ?1, %s IS ?2, %s FROM %s WHERE id = ?3", f->name, f->name,
		  f->name, e->table);
	enum tsu_status rc = store_prepare(u->st, sql.s, &s, err);
	sbuf_free(&sql);
	if (rc != TSU_OK)
		return rc;
	const char *vals[] = {c->new_value, c->old_value, c->row_id};
	store_bind_texts(s, 3, vals);
	int step = sqlite3_step(s);
	bool still = step == SQLITE_ROW && sqlite3_column_int(s, 0);
	bool back = step == SQLITE_ROW && sqlite3_column_int(s, 1);
	char *current = step == SQLITE_ROW ? store_col_dup(s, 2) : NULL;
	store_finish(u->st, s);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		rc = store_sql_fail(u->st, err, e->table);
	else if (still) {
		rc = write_column(u->st, e, c->row_id, f, c->new_value, c->old_value, err);
		u->out->changes++;
	} else if (step == SQLITE_ROW && !back) {
		add_skip(u, e, c->row_id, f, current);
		current = NULL;
	}
	free(current);
	return rc;
}

/* A creation or restoration is undone by a deletion, a deletion by a
 * restoration; a row already so is left. */
static enum tsu_status invert_existence(struct undo_run *u, const struct entity_def *e,
					const struct change *c, struct tsu_error *err)
{
	int state;
	bool want_deleted = strcmp(c->field, "_deleted") != 0;
	enum tsu_status rc = row_state(u->st, e, c->row_id, &state, err);
	if (rc != TSU_OK || state < 0 || (state == 1) == want_deleted)
		return rc;
	u->out->changes++;
	return want_deleted ? store_delete(u->st, e->name, c->row_id, err)
			    : record_restore(u->st, e, c->row_id, err);
}

static enum tsu_status invert_change(struct undo_run *u, const struct change *c,
				     struct tsu_error *err)
{
	const struct entity_def *e = entity_find(c->entity);
	if (!e)
		return TSU_OK;
	if (verb_of(c->field))
		return invert_existence(u, e, c, err);
	const struct field_def *f = entity_field(e, c->field);
	if (!f || gone_since(u, e, c->row_id))
		return TSU_OK;
	if (f->type != FIELD_SET)
		return invert_column(u, e, f, c, err);
	const struct set_def *d = set_find(e->name, f->name);
	bool add = c->old_value && !c->new_value, changed = false;
	const char *value = add ? c->old_value : c->new_value;
	if (!d || !value)
		return TSU_OK;
	enum tsu_status rc = sets_element(u->st, d, c->row_id, value, add, &changed, err);
	if (rc == TSU_OK && changed) {
		u->out->changes++;
		rc = record_touch(u->st, e->name, c->row_id, err);
	}
	return rc;
}

/* ---- which action ---- */

/* This author's changes in this file. */
#define MINE "replica = ?1 AND author = ?2"
#define UNDOABLE_SQL \
	"SELECT action_id, max(hlc) AS h, min(at), count(*) FROM changelog WHERE " MINE \
	" AND action_id NOT IN (SELECT action_id FROM undo_step WHERE kind = 'undo')" \
	" AND action_id NOT IN (SELECT target FROM undo_step WHERE kind = 'undo')" \
	" GROUP BY action_id ORDER BY h DESC LIMIT ?3"
#define REDOABLE_SQL \
	"SELECT u.action_id FROM undo_step u WHERE u.kind = 'undo'" \
	" AND u.replica = ?1 AND u.author = ?2" \
	" AND u.action_id NOT IN (SELECT target FROM undo_step WHERE kind = 'redo')" \
	" AND NOT EXISTS (SELECT 1 FROM changelog c WHERE c.replica = ?1 AND c.author = ?2" \
	"  AND c.hlc > u.hlc AND c.action_id NOT IN (SELECT action_id FROM undo_step))" \
	" ORDER BY u.seq DESC LIMIT 1"

/* The action to reverse (empty: none). */
static enum tsu_status pick_target(struct store *st, const char *replica, bool redo,
				   uuid_str out, struct tsu_error *err)
{
	sqlite3_stmt *s;
	out[0] = '\0';
	if (store_prepare(st, redo ? REDOABLE_SQL : UNDOABLE_SQL, &s, err))
		return err ? err->status : TSU_DB;
	const char *vals[] = {replica, st->author};
	store_bind_texts(s, 2, vals);
	if (!redo)
		sqlite3_bind_int(s, 3, 1);
	int step = sqlite3_step(s);
	if (step == SQLITE_ROW)
		snprintf(out, UUID_STR_LEN + 1, "%s", (const char *)sqlite3_column_text(s, 0));
	store_finish(st, s);
	return step == SQLITE_ROW || step == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, "undo");
}

static enum tsu_status record_step(struct store *st, const char *target, bool redo,
				   struct tsu_error *err)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "INSERT INTO undo_step(action_id, target, kind, replica, author, hlc)"
			  " VALUES(?1, ?2, ?3, ?4, ?5, ?6)", &s, err))
		return err ? err->status : TSU_DB;
	const char *vals[] = {st->action_id, target, redo ? "redo" : "undo", st->replica,
			      st->author};
	store_bind_texts(s, 5, vals);
	sqlite3_bind_int64(s, 6, (sqlite3_int64)st->hlc_last);
	enum tsu_status rc = sqlite3_step(s) == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, "undo");
	store_finish(st, s);
	return rc;
}

/* Writes the inverse of `target` as the current action. */
static enum tsu_status reverse(struct store *st, const char *target, bool redo,
			       struct undo_result *out, struct tsu_error *err)
{
	struct action a;
	struct undo_run u = {.st = st, .out = out};
	enum tsu_status rc = action_load(st, target, &a, err);
	if (rc != TSU_OK)
		return rc;
	out->what = describe_root(st, target, err);
	if (!out->what)
		rc = err ? err->status : TSU_DB;
	/* as a bulk write: the search documents wait and go to the index a
	 * few thousand at a time, so the savepoint of each record's write
	 * has nothing of FTS5's to flush (an import's undo spent a quarter
	 * of its time flushing the index at every savepoint) */
	store_bulk_begin(st);
	for (size_t i = a.n; i-- > 0 && rc == TSU_OK;)
		rc = invert_change(&u, &a.c[i], err);
	if (rc == TSU_OK)
		rc = store_bulk_end(st, err);
	else
		store_bulk_cancel(st);
	action_free(&a);
	value_free_list(u.gone, u.ngone);
	return rc == TSU_OK ? record_step(st, target, redo, err) : rc;
}

static enum tsu_status undo_or_redo(struct store *st, bool redo, struct undo_result *out,
				    struct tsu_error *err)
{
	uuid_str target;
	memset(out, 0, sizeof *out);
	enum tsu_status rc = store_begin(st, err);
	if (rc != TSU_OK)
		return rc;
	rc = changelog_action(st, err);
	if (rc == TSU_OK)
		rc = pick_target(st, st->replica, redo, target, err);
	if (rc == TSU_OK && !target[0])
		rc = tsu_fail(err, TSU_NOT_FOUND, "%s", redo ? "やり直せる操作はありません"
			      : "取り消せる操作はありません (このファイルで自分が行った操作だけを"
				"取り消せます。マージで取り込んだ変更は取り消しません)");
	if (rc == TSU_OK)
		rc = reverse(st, target, redo, out, err);
	if (rc == TSU_OK)
		rc = store_commit(st, err);
	else
		store_rollback(st);
	if (rc != TSU_OK)
		undo_result_free(out);
	return rc;
}

enum tsu_status store_undo(struct store *st, struct undo_result *out, struct tsu_error *err)
{
	return undo_or_redo(st, false, out, err);
}

enum tsu_status store_redo(struct store *st, struct undo_result *out, struct tsu_error *err)
{
	return undo_or_redo(st, true, out, err);
}

void undo_result_free(struct undo_result *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->nskips; i++) {
		free(r->skips[i].entity_label);
		free(r->skips[i].title);
		free(r->skips[i].current);
		free(r->skips[i].by);
	}
	free(r->skips);
	free(r->what);
	memset(r, 0, sizeof *r);
}

static int large_entry(void *ud, const struct undo_entry *e)
{
	struct undo_entry *first = ud;
	if (e->changes > UNDO_CONFIRM_CHANGES) {
		first->what = xstrdup(e->what);
		first->changes = e->changes;
	}
	return 1;
}

void store_undo_large(struct store *st, char **what, long *changes)
{
	struct undo_entry first = {0};
	store_undo_list(st, 1, large_entry, &first, NULL); /* store_undo says what is wrong */
	*what = (char *)first.what;
	*changes = first.changes;
}

enum tsu_status store_undo_list(struct store *st, int limit, store_undo_cb cb, void *ud,
				struct tsu_error *err)
{
	char replica[UUID_STR_LEN + 1];
	sqlite3_stmt *s;
	changelog_replica_peek(st, replica);
	if (store_prepare(st, UNDOABLE_SQL, &s, err))
		return err ? err->status : TSU_DB;
	const char *vals[] = {replica, st->author};
	store_bind_texts(s, 2, vals);
	sqlite3_bind_int(s, 3, limit);
	struct {
		uuid_str id;
		char at[32];
		long n;
	} *rows = NULL;
	size_t n = 0;
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		rows = xrealloc(rows, (n + 1) * sizeof *rows);
		snprintf(rows[n].id, sizeof rows[n].id, "%s", (const char *)sqlite3_column_text(s, 0));
		clock_iso((uint64_t)sqlite3_column_int64(s, 2), rows[n].at, sizeof rows[n].at);
		rows[n++].n = sqlite3_column_int(s, 3);
	}
	store_finish(st, s);
	enum tsu_status rc = step == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, "undo");
	for (size_t i = 0; i < n && rc == TSU_OK; i++) {
		char *what = describe_root(st, rows[i].id, err);
		if (!what)
			rc = err ? err->status : TSU_DB;
		struct undo_entry e = {.at = rows[i].at, .what = what, .changes = rows[i].n};
		int stop = what ? cb(ud, &e) : 0;
		free(what);
		if (stop)
			break;
	}
	free(rows);
	return rc;
}
