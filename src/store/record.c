/*
 * Generic reads and writes of entity rows (record.h).  The SQL is built
 * from the entity tables, with names that come only from those tables and
 * values that are always bound parameters.
 */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include "internal.h"
#include "cascade.h"
#include "tsunagu/clock.h"

#define META_COLS "id, created_at, created_by, updated_at, updated_by, deleted_at"
#define META_N 6

const char *record_get(const struct record *r, const char *field)
{
	int i = entity_field_index(r->def, field);
	return i < 0 ? NULL : r->values[i];
}

void record_free(struct record *r)
{
	if (!r)
		return;
	for (int i = 0; i < r->def->nfields; i++)
		free(r->values[i]);
	free(r->values);
	free(r->created_at);
	free(r->created_by);
	free(r->updated_at);
	free(r->updated_by);
	free(r->deleted_at);
	free(r);
}

static bool is_column(const struct field_def *f)
{
	return f->type != FIELD_SET;
}

/* "SELECT meta, col1, col2 FROM table" */
static void select_sql(struct sbuf *sql, const struct entity_def *e)
{
	sbuf_add(sql, "SELECT " META_COLS);
	for (int i = 0; i < e->nfields; i++)
		if (is_column(&e->fields[i]))
			sbuf_addf(sql, ", %s", e->fields[i].name);
	sbuf_addf(sql, " FROM %s", e->table);
}

static struct record *record_from_row(struct store *st, const struct entity_def *e,
				      sqlite3_stmt *s)
{
	struct record *r = xcalloc(1, sizeof *r);
	r->def = e;
	r->values = xcalloc((size_t)e->nfields, sizeof *r->values);
	snprintf(r->id, sizeof r->id, "%s", (const char *)sqlite3_column_text(s, 0));
	r->created_at = store_col_dup(s, 1);
	r->created_by = store_col_dup(s, 2);
	r->updated_at = store_col_dup(s, 3);
	r->updated_by = store_col_dup(s, 4);
	r->deleted_at = store_col_dup(s, 5);
	int col = META_N;
	for (int i = 0; i < e->nfields; i++) {
		const struct field_def *f = &e->fields[i];
		r->values[i] = is_column(f) ? store_col_dup(s, col++) : sets_read(st, e, r->id, f);
	}
	return r;
}

static const struct entity_def *entity_or_fail(const char *entity, struct tsu_error *err)
{
	const struct entity_def *e = entity_find(entity);
	if (!e)
		tsu_fail(err, TSU_INVALID, "「%s」という種類はありません", entity);
	return e;
}

enum tsu_status store_get(struct store *st, const char *entity, const char *id,
			  bool with_deleted, struct record **out, struct tsu_error *err)
{
	const struct entity_def *e = entity_or_fail(entity, err);
	struct sbuf sql = {0};
	sqlite3_stmt *s;
	*out = NULL;
	if (!e)
		return TSU_INVALID;
	select_sql(&sql, e);
	sbuf_addf(&sql, " WHERE id = ?1%s", with_deleted ? "" : " AND deleted_at IS NULL");
	enum tsu_status rc = store_prepare(st, sql.s, &s, err);
	sbuf_free(&sql);
	if (rc != TSU_OK)
		return rc;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	int step = sqlite3_step(s);
	if (step == SQLITE_ROW)
		*out = record_from_row(st, e, s);
	store_finish(st, s);
	if (step == SQLITE_ROW)
		return TSU_OK;
	if (step == SQLITE_DONE)
		return tsu_fail(err, TSU_NOT_FOUND, "%s %s が見つかりません", e->label, id);
	return store_sql_fail(st, err, e->table);
}

/* Runs a SELECT of every column of e (bound ?1 = key when given), a
 * record per row to cb. */
static enum tsu_status each_row(struct store *st, const struct entity_def *e, const char *sql,
				const char *key, store_record_cb cb, void *ud,
				struct tsu_error *err)
{
	sqlite3_stmt *s;
	enum tsu_status rc = store_prepare(st, sql, &s, err);
	if (rc != TSU_OK)
		return rc;
	if (key)
		sqlite3_bind_text(s, 1, key, -1, SQLITE_TRANSIENT);
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct record *r = record_from_row(st, e, s);
		int stop = cb(ud, r);
		record_free(r);
		if (stop)
			break;
	}
	store_finish(st, s);
	return step == SQLITE_ROW || step == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, e->table);
}

enum tsu_status store_each(struct store *st, const char *entity, const char *area_id,
			   store_record_cb cb, void *ud, struct tsu_error *err)
{
	const struct entity_def *e = entity_or_fail(entity, err);
	struct sbuf sql = {0};
	if (!e)
		return TSU_INVALID;
	select_sql(&sql, e);
	sbuf_add(&sql, " WHERE deleted_at IS NULL");
	/* the area's parties by their links' rowids; the link view has no
	 * deleted_at, so naming one there meant the party's: a subquery run
	 * again for every party (the karte of one area of a city's file did
	 * not end in minutes) */
	if (area_id && strcmp(e->name, "party") == 0)
		sbuf_add(&sql, " AND rowid IN (SELECT l.owner FROM party_area_link l"
			 " JOIN area v ON v.rowid = l.value WHERE v.id = ?1)");
	else if (area_id && entity_field(e, "area_id"))
		sbuf_add(&sql, " AND area_id = ?1");
	else if (area_id && strcmp(e->name, "area") == 0)
		sbuf_add(&sql, " AND id = ?1");
	sbuf_add(&sql, " ORDER BY created_at, id");
	enum tsu_status rc = each_row(st, e, sql.s, area_id, cb, ud, err);
	sbuf_free(&sql);
	return rc;
}

enum tsu_status store_each_of(struct store *st, const char *entity, const char *field,
			      const char *value, store_record_cb cb, void *ud,
			      struct tsu_error *err)
{
	const struct entity_def *e = entity_or_fail(entity, err);
	if (!e)
		return TSU_INVALID;
	const struct field_def *f = entity_field(e, field);
	if (!f || f->type == FIELD_SET)
		return tsu_fail(err, TSU_INVALID, "%s: %s では絞り込めません", e->label, field);
	struct sbuf sql = {0};
	select_sql(&sql, e);
	sbuf_addf(&sql, " WHERE deleted_at IS NULL AND %s = ?1 ORDER BY created_at, id", f->name);
	enum tsu_status rc = each_row(st, e, sql.s, value ? value : "", cb, ud, err);
	sbuf_free(&sql);
	return rc;
}

/* ---- writing ---- */

/* Finds the value given for field f in fv; *given tells whether it was. */
static const char *given_value(const struct field_value *fv, size_t n, const char *name,
			       bool *given)
{
	*given = false;
	for (size_t i = 0; i < n; i++) {
		if (fv[i].name[0] == name[0] && strcmp(fv[i].name, name) == 0) {
			*given = true;
			return fv[i].value;
		}
	}
	return NULL;
}

const char *field_value_of(const struct field_value *fv, size_t n, const char *name)
{
	bool given;
	return given_value(fv, n, name, &given);
}

static enum tsu_status check_names(const struct entity_def *e, const struct field_value *fv,
				   size_t n, struct tsu_error *err)
{
	for (size_t i = 0; i < n; i++)
		if (!entity_field(e, fv[i].name))
			return tsu_fail(err, TSU_INVALID, "%sに「%s」という項目はありません", e->label, fv[i].name);
	return TSU_OK;
}

/* Values the program fills in when the user gave none. */
static const char *default_value(struct store *st, const struct entity_def *e,
				 const char *field, char **vals, char today[11])
{
	const struct field_def *f = entity_field(e, field);
	if (f->type == FIELD_BOOL)
		return "0";
	if (strcmp(e->name, "party") == 0 && strcmp(field, "kind") == 0)
		return vals[entity_field_index(e, "org_type")] ? "org" : "person";
	if (strcmp(e->name, "task") == 0 && strcmp(field, "status") == 0)
		return "未着手";
	if (strcmp(e->name, "log") == 0 && strcmp(field, "date") == 0)
		return today;
	if (strcmp(e->name, "log") == 0 && strcmp(field, "author") == 0)
		return st->author;
	if (strcmp(e->name, "log") == 0 && strcmp(field, "kind") == 0)
		return "メモ";
	return NULL;
}

/* A log entry belongs to a task, a party or an area: the one it ends with
 * (the values given, else those it had; `old` NULL for a new entry). */
static enum tsu_status log_keeps_an_owner(const struct entity_def *e, const struct record *old,
					  char **vals, const bool *given, struct tsu_error *err)
{
	static const char *const owners[] = {"task_id", "party_id", "area_id"};
	if (strcmp(e->name, "log") != 0)
		return TSU_OK;
	for (int k = 0; k < 3; k++) {
		int i = entity_field_index(e, owners[k]);
		if (given[i] || !old ? vals[i] != NULL : old->values[i] != NULL)
			return TSU_OK;
	}
	return tsu_fail(err, TSU_INVALID, "経過記録には課題・関係者・エリアのどれかを指定してください");
}

/* Normalises every given column value into vals[] (indexed like fields). */
static enum tsu_status normalize_all(struct store *st, const struct entity_def *e,
				     const struct field_value *fv, size_t n, bool insert,
				     char **vals, bool *given, struct tsu_error *err)
{
	char today[11];
	clock_today(today, sizeof today);
	for (int i = 0; i < e->nfields; i++) {
		const struct field_def *f = &e->fields[i];
		const char *in = given_value(fv, n, f->name, &given[i]);
		if (!is_column(f))
			continue;
		if (given[i] && (f->flags & FIELD_READONLY))
			return tsu_fail(err, TSU_INVALID, "「%s」は変更できません", f->label);
		enum tsu_status rc = value_normalize(st, f, in, &vals[i], err);
		if (rc != TSU_OK)
			return rc;
	}
	for (int i = 0; insert && i < e->nfields; i++) {
		const struct field_def *f = &e->fields[i];
		const char *d = is_column(f) && !vals[i] ? default_value(st, e, f->name, vals, today) : NULL;
		if (d) {
			vals[i] = xstrdup(d);
			given[i] = true;
		}
		if ((f->flags & FIELD_REQUIRED) && is_column(f) && !vals[i])
			return tsu_fail(err, TSU_INVALID, "「%s」は必須です", f->label);
	}
	return insert ? log_keeps_an_owner(e, NULL, vals, given, err) : TSU_OK;
}

static void free_vals(char **vals, int n)
{
	for (int i = 0; i < n; i++)
		free(vals[i]);
	free(vals);
}

/* INSERT INTO e's table of its identity columns (?1 id, ?2 time, ?3
 * author) and its columns in field order from ?5 on. */
static void insert_sql(struct sbuf *sql, const struct entity_def *e)
{
	struct sbuf params = {0};
	sbuf_addf(sql, "INSERT INTO %s(id, created_at, created_by, updated_at, updated_by", e->table);
	int p = 4;
	for (int i = 0; i < e->nfields; i++) {
		if (!is_column(&e->fields[i]))
			continue;
		sbuf_addf(sql, ", %s", e->fields[i].name);
		sbuf_addf(&params, ", ?%d", ++p);
	}
	sbuf_addf(sql, ") VALUES(?1, ?2, ?3, ?2, ?3%s)", sbuf_str(&params));
	sbuf_free(&params);
}

static enum tsu_status insert_row(struct store *st, const struct entity_def *e,
				  const char *id, char **vals, sqlite3_int64 *rowid,
				  struct tsu_error *err)
{
	char now[32];
	sqlite3_stmt *s;
	store_now_iso(st, now);
	enum tsu_status rc = store_prepare(st, store_entity_sql(st, e, ENTITY_SQL_INSERT, insert_sql),
					   &s, err);
	if (rc != TSU_OK)
		return rc;
	const char *meta[] = {id, now, st->author};
	store_bind_texts(s, 3, meta);
	int p = 4;
	for (int i = 0; i < e->nfields; i++)
		if (is_column(&e->fields[i]))
			sqlite3_bind_text(s, ++p, vals[i], -1, SQLITE_STATIC);
	int step = sqlite3_step(s);
	*rowid = sqlite3_last_insert_rowid(st->db);
	store_finish(st, s);
	return step == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, e->label);
}

/* Each set field given a value, read and checked (sets[i] for field i;
 * sets[i].d NULL for the others) before the row is written. */
static enum tsu_status sets_of_new(struct store *st, const struct entity_def *e,
				   const struct field_value *fv, size_t n,
				   struct set_given *sets, struct tsu_error *err)
{
	enum tsu_status rc = TSU_OK;
	for (int i = 0; i < e->nfields && rc == TSU_OK; i++) {
		const struct field_def *f = &e->fields[i];
		bool given;
		const char *in = given_value(fv, n, f->name, &given);
		if (!is_column(f) && given && in && *in)
			rc = sets_given(st, e, f, in, &sets[i], err);
	}
	return rc;
}

/* After the row (`rowid`) exists: set fields, the one creation change,
 * search. */
static enum tsu_status insert_followups(struct store *st, const struct entity_def *e,
					const char *id, sqlite3_int64 rowid, char *const *vals,
					const struct set_given *sets, struct tsu_error *err)
{
	enum tsu_status rc = TSU_OK;
	for (int i = 0; i < e->nfields && rc == TSU_OK; i++)
		if (sets[i].d)
			rc = sets_put_new(st, rowid, &sets[i], err);
	if (rc == TSU_OK)
		rc = changelog_created(st, e, id, NULL, err);
	/* a party's document from what was just written (a fifth of an
	 * import's time went to reading it back) */
	if (rc == TSU_OK && strcmp(e->name, "party") == 0)
		return search_party_created(st, e, rowid, vals, sets, err);
	return rc == TSU_OK ? search_index_new(st, e->name, id, err) : rc;
}

/*
 * A row that is one of a kind by its fields (the attendance of one
 * generation at one event: UNIQUE in the schema) gets its id from them, so
 * that two copies adding it apart make one record, not a merge that
 * breaks the constraint.
 */
static void natural_id(const struct entity_def *e, char **vals, uuid_str id)
{
	if (strcmp(e->name, "attendance") != 0)
		return;
	const char *ev = vals[entity_field_index(e, "event_id")];
	const char *gen = vals[entity_field_index(e, "generation")];
	if (!ev || !gen)
		return;
	struct sbuf key = {0};
	sbuf_addf(&key, "attendance/%s/%s", ev, gen);
	seed_id(key.s, id);
	sbuf_free(&key);
}

static enum tsu_status insert_impl(struct store *st, const char *entity,
				  const struct field_value *fv, size_t n,
				  const char *fixed_id, uuid_str id, struct tsu_error *err)
{
	const struct entity_def *e = entity_or_fail(entity, err);
	if (!e)
		return TSU_INVALID;
	enum tsu_status rc = check_names(e, fv, n, err);
	if (rc == TSU_OK && !fixed_id)
		rc = uuid_v7(id, err);
	if (rc != TSU_OK)
		return rc;
	if (fixed_id)
		snprintf(id, UUID_STR_LEN + 1, "%s", fixed_id);
	char **vals = xcalloc((size_t)e->nfields, sizeof *vals);
	bool *given = xcalloc((size_t)e->nfields, sizeof *given);
	struct set_given *sets = xcalloc((size_t)e->nfields, sizeof *sets);
	/* every check before the first write (store_savepoint_checked) */
	rc = store_savepoint_checked(st, err);
	if (rc == TSU_OK) {
		rc = normalize_all(st, e, fv, n, true, vals, given, err);
		if (rc == TSU_OK && !fixed_id)
			natural_id(e, vals, id);
		if (rc == TSU_OK)
			rc = sets_of_new(st, e, fv, n, sets, err);
		sqlite3_int64 rowid = 0;
		if (rc == TSU_OK)
			rc = insert_row(st, e, id, vals, &rowid, err);
		if (rc == TSU_OK)
			rc = insert_followups(st, e, id, rowid, vals, sets, err);
		rc = store_release(st, rc, err);
	}
	for (int i = 0; i < e->nfields; i++)
		sets_given_free(&sets[i]);
	free(sets);
	free_vals(vals, e->nfields);
	free(given);
	return rc;
}

enum tsu_status record_insert_fixed(struct store *st, const char *entity,
				    const struct field_value *fv, size_t n,
				    const char *fixed_id, struct tsu_error *err)
{
	uuid_str id;
	return insert_impl(st, entity, fv, n, fixed_id, id, err);
}

enum tsu_status store_insert(struct store *st, const char *entity,
			     const struct field_value *fv, size_t n,
			     uuid_str out_id, struct tsu_error *err)
{
	return insert_impl(st, entity, fv, n, NULL, out_id, err);
}

enum tsu_status store_insert_with_id(struct store *st, const char *entity,
				     const struct field_value *fv, size_t n,
				     const char *id, struct tsu_error *err)
{
	struct record *old = NULL;
	uuid_str out;
	if (!uuid_valid(id))
		return tsu_fail(err, TSU_INVALID, "「%s」は UUID の形ではありません", id);
	if (store_get(st, entity, id, true, &old, NULL) == TSU_OK) {
		record_free(old);
		return tsu_fail(err, TSU_INVALID, "ID %s は既に使われています", id);
	}
	return insert_impl(st, entity, fv, n, id, out, err);
}

static bool same_value(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* Stamps the row as changed by this action. */
static enum tsu_status touch_row(struct store *st, const struct entity_def *e, const char *id,
				 struct tsu_error *err)
{
	struct sbuf sql = {0};
	sqlite3_stmt *s;
	char now[32];
	store_now_iso(st, now);
	sbuf_addf(&sql, "UPDATE %s SET updated_at = ?1, updated_by = ?2 WHERE id = ?3", e->table);
	enum tsu_status rc = store_prepare(st, sql.s, &s, err);
	sbuf_free(&sql);
	if (rc != TSU_OK)
		return rc;
	const char *vals[] = {now, st->author, id};
	store_bind_texts(s, 3, vals);
	rc = sqlite3_step(s) == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, e->label);
	store_finish(st, s);
	return rc;
}

enum tsu_status record_reindex(struct store *st, const char *entity, const char *id,
			       struct tsu_error *err)
{
	struct record *live = NULL;
	enum tsu_status rc = TSU_OK;
	/* a deleted row has no search document to bring up to date */
	if (store_get(st, entity, id, false, &live, NULL) == TSU_OK)
		rc = search_reindex(st, entity, id, err);
	record_free(live);
	return rc;
}

enum tsu_status record_touch(struct store *st, const char *entity, const char *id,
			     struct tsu_error *err)
{
	const struct entity_def *e = entity_or_fail(entity, err);
	enum tsu_status rc = e ? touch_row(st, e, id, err) : TSU_INVALID;
	return rc == TSU_OK ? record_reindex(st, e->name, id, err) : rc;
}

enum tsu_status record_write_column(struct store *st, const struct entity_def *e,
				    const char *id, const struct field_def *f,
				    const char *old_value, const char *new_value,
				    struct tsu_error *err)
{
	struct sbuf sql = {0};
	sqlite3_stmt *s;
	char now[32];
	store_now_iso(st, now);
	sbuf_addf(&sql, "UPDATE %s SET %s = ?1, updated_at = ?2, updated_by = ?3 WHERE id = ?4",
		  e->table, f->name);
	enum tsu_status rc = store_prepare(st, sql.s, &s, err);
	sbuf_free(&sql);
	if (rc != TSU_OK)
		return rc;
	char *was = search_holder(st, e->name, id); /* a party's entry may leave it */
	const char *vals[] = {new_value, now, st->author, id};
	store_bind_texts(s, 4, vals);
	int step = sqlite3_step(s);
	store_finish(st, s);
	rc = step == SQLITE_DONE ? search_left(st, e->name, id, was, err)
				 : store_sql_fail(st, err, e->label);
	free(was);
	return rc == TSU_OK ? changelog_add(st, e->name, id, f->name, old_value, new_value, NULL,
					    NULL, err) : rc;
}

/* One given field of an update written (or checked, or left when it is
 * as it was). */
static enum tsu_status apply_field(struct store *st, const struct entity_def *e,
				   const struct record *old, const struct field_value *fv, size_t n,
				   int i, const char *val, struct tsu_error *err)
{
	const struct field_def *f = &e->fields[i];
	if (!is_column(f)) {
		bool g, changed = false;
		enum tsu_status rc = sets_write(st, e, old->id, f, given_value(fv, n, f->name, &g),
						&changed, err);
		return rc == TSU_OK && changed ? touch_row(st, e, old->id, err) : rc;
	}
	if ((f->flags & FIELD_REQUIRED) && !val)
		return tsu_fail(err, TSU_INVALID, "「%s」は必須です", f->label);
	if (f->type == FIELD_BOOL && !val)
		return tsu_fail(err, TSU_INVALID, "「%s」ははい/いいえ (1/0) で入力してください"
				" (空にはできません)", f->label);
	return same_value(old->values[i], val) ? TSU_OK
		: record_write_column(st, e, old->id, f, old->values[i], val, err);
}

static enum tsu_status apply_update(struct store *st, const struct entity_def *e,
				    const struct record *old, const struct field_value *fv,
				    size_t n, struct tsu_error *err)
{
	char **vals = xcalloc((size_t)e->nfields, sizeof *vals);
	bool *given = xcalloc((size_t)e->nfields, sizeof *given);
	enum tsu_status rc = normalize_all(st, e, fv, n, false, vals, given, err);
	if (rc == TSU_OK)
		rc = log_keeps_an_owner(e, old, vals, given, err);
	/* values set before those emptied: a log entry moved from a task to a
	 * party in one edit never stands without either on the way */
	for (int pass = 0; pass < 2 && rc == TSU_OK; pass++)
		for (int i = 0; i < e->nfields && rc == TSU_OK; i++)
			if (given[i] && (pass == 0) == (!is_column(&e->fields[i]) || vals[i] != NULL))
				rc = apply_field(st, e, old, fv, n, i, vals[i], err);
	free_vals(vals, e->nfields);
	free(given);
	return rc == TSU_OK ? search_reindex(st, e->name, old->id, err) : rc;
}

enum tsu_status store_update(struct store *st, const char *entity, const char *id,
			     const struct field_value *fv, size_t n, struct tsu_error *err)
{
	const struct entity_def *e = entity_or_fail(entity, err);
	struct record *old = NULL;
	if (!e)
		return TSU_INVALID;
	enum tsu_status rc = check_names(e, fv, n, err);
	if (rc == TSU_OK)
		rc = store_savepoint(st, err);
	if (rc != TSU_OK)
		return rc;
	rc = store_get(st, entity, id, false, &old, err);
	if (rc == TSU_OK)
		rc = apply_update(st, e, old, fv, n, err);
	record_free(old);
	return store_release(st, rc, err);
}

/* Deletes (a tombstone) or restores row `id`: one change, search updated. */
static enum tsu_status set_deleted(struct store *st, const struct entity_def *e, const char *id,
				   bool deleted, struct tsu_error *err)
{
	struct sbuf sql = {0};
	sqlite3_stmt *s;
	char now[32];
	enum tsu_status rc = store_savepoint(st, err);
	if (rc != TSU_OK)
		return rc;
	store_now_iso(st, now);
	sbuf_addf(&sql, "UPDATE %s SET deleted_at = %s, updated_at = ?1, updated_by = ?2"
		  " WHERE id = ?3 AND deleted_at IS %s", e->table, deleted ? "?1" : "NULL",
		  deleted ? "NULL" : "NOT NULL");
	rc = store_prepare(st, sql.s, &s, err);
	sbuf_free(&sql);
	if (rc == TSU_OK) {
		const char *vals[] = {now, st->author, id};
		store_bind_texts(s, 3, vals);
		int step = sqlite3_step(s);
		store_finish(st, s);
		if (step != SQLITE_DONE)
			rc = store_sql_fail(st, err, e->label);
		else if (sqlite3_changes(st->db) == 0)
			rc = tsu_fail(err, TSU_NOT_FOUND, "%s%s %s が見つかりません",
				      deleted ? "" : "削除された", e->label, id);
	}
	if (rc == TSU_OK)
		rc = changelog_add(st, e->name, id, deleted ? "_deleted" : "_restored", NULL, NULL,
				   NULL, NULL, err);
	if (rc == TSU_OK)
		rc = deleted ? search_remove(st, e->name, id, err) : search_reindex(st, e->name, id, err);
	return store_release(st, rc, err);
}

/* The record's links go first, in the same action (cascade.c), so that
 * its tombstone stays its latest change. */
enum tsu_status store_delete(struct store *st, const char *entity, const char *id,
			     struct tsu_error *err)
{
	const struct entity_def *e = entity_or_fail(entity, err);
	struct record *r = NULL;
	if (!e)
		return TSU_INVALID;
	enum tsu_status rc = store_savepoint(st, err);
	if (rc != TSU_OK)
		return rc;
	rc = store_get(st, entity, id, false, &r, err);
	record_free(r);
	if (rc == TSU_OK)
		rc = cascade_delete(st, e, id, err);
	if (rc == TSU_OK)
		rc = set_deleted(st, e, id, true, err);
	return store_release(st, rc, err);
}

enum tsu_status record_restore(struct store *st, const struct entity_def *e, const char *id,
			       struct tsu_error *err)
{
	return set_deleted(st, e, id, false, err);
}
