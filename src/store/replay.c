/*
 * Rebuilding a record from its changes (merge, DESIGN §5).
 *
 * A record's state is a function of the *set* of its changes, never of the
 * order they arrived in, which is what makes A⊕B equal B⊕A:
 *  - each column holds the value of the latest change (stamp, then change
 *    id) that set it — the creation sets every column, an edit one;
 *  - each set field holds the elements some add of which no removal covers
 *    (sets.c);
 *  - the record is deleted when its latest change is a deletion.  So an
 *    edit made after a deletion, on a copy that had not seen it, brings the
 *    record back; a deletion made after the last edit removes it.  Either
 *    way merge.c lists the pair as a conflict;
 *  - created_at/by come from the creation, updated_at/by from the latest
 *    change, deleted_at from the deletion.
 * A local write (record.c) produces the same row directly, since its change
 * is always the latest.
 */
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "tsunagu/clock.h"

struct replay {
	const struct entity_def *e;
	sqlite3_value **vals;   /* per field; NULL = SQL NULL */
	char created_at[32], updated_at[32], deleted_at[32];
	char *created_by, *updated_by;
	bool has_created, deleted;
};

static void set_val(struct replay *r, int i, sqlite3_value *v)
{
	sqlite3_value_free(r->vals[i]);
	r->vals[i] = v && sqlite3_value_type(v) != SQLITE_NULL ? sqlite3_value_dup(v) : NULL;
}

/* The creation: every column from its JSON object, NULL when absent. */
static enum tsu_status take_created(struct store *st, struct replay *r, const char *json,
				    struct tsu_error *err)
{
	sqlite3_stmt *s;
	for (int i = 0; i < r->e->nfields; i++)
		set_val(r, i, NULL);
	if (!json)
		return TSU_OK;
	if (store_prepare(st, "SELECT key, value FROM json_each(?1) WHERE type <> 'array'", &s, err))
		return err ? err->status : TSU_DB;
	sqlite3_bind_text(s, 1, json, -1, SQLITE_TRANSIENT);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int i = entity_field_index(r->e, (const char *)sqlite3_column_text(s, 0));
		if (i >= 0 && r->e->fields[i].type != FIELD_SET)
			set_val(r, i, sqlite3_column_value(s, 1));
	}
	store_finish(st, s);
	return rc == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, "changelog");
}

static void take_meta(char at_out[32], char **by_out, sqlite3_stmt *s)
{
	clock_iso((uint64_t)sqlite3_column_int64(s, 1), at_out, 32);
	free(*by_out);
	*by_out = store_col_dup(s, 2);
}

/* Folds the changes of the row, oldest first, into r. */
static enum tsu_status fold_changes(struct store *st, struct replay *r, const char *id,
				    struct tsu_error *err)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT field, at, author, new_value FROM changelog"
			  " WHERE row_id = ?1 AND entity = ?2 ORDER BY hlc, change_id", &s, err))
		return err ? err->status : TSU_DB;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, r->e->name, -1, SQLITE_STATIC);
	enum tsu_status rc = TSU_OK;
	int step;
	while (rc == TSU_OK && (step = sqlite3_step(s)) == SQLITE_ROW) {
		const char *field = (const char *)sqlite3_column_text(s, 0);
		if (strcmp(field, "_created") == 0) {
			rc = take_created(st, r, (const char *)sqlite3_column_text(s, 3), err);
			if (!r->has_created)
				take_meta(r->created_at, &r->created_by, s);
			r->has_created = true;
		} else if (field[0] != '_') {
			int i = entity_field_index(r->e, field);
			if (i >= 0 && r->e->fields[i].type != FIELD_SET)
				set_val(r, i, sqlite3_column_value(s, 3));
		}
		r->deleted = strcmp(field, "_deleted") == 0;
		take_meta(r->updated_at, &r->updated_by, s);
		if (r->deleted)
			memcpy(r->deleted_at, r->updated_at, sizeof r->deleted_at);
	}
	if (rc == TSU_OK && step != SQLITE_DONE)
		rc = store_sql_fail(st, err, "changelog");
	store_finish(st, s);
	return rc;
}

/* INSERT ... ON CONFLICT(id) DO UPDATE of every column, unless the row is
 * so already (a change that lost to this file's own, say: an update that
 * writes the same values still rewrites the row's indexes and fires its
 * triggers).  Made once per open file: a merge replays thousands of rows. */
static void upsert_sql(struct sbuf *sql, const struct entity_def *e)
{
	static const char meta[] = "created_at, created_by, updated_at, updated_by, deleted_at";
	struct sbuf cols = {0}, params = {0}, sets = {0}, news = {0};
	int p = 6;
	for (int i = 0; i < e->nfields; i++) {
		if (e->fields[i].type == FIELD_SET)
			continue;
		sbuf_addf(&cols, ", %s", e->fields[i].name);
		sbuf_addf(&params, ", ?%d", ++p);
		sbuf_addf(&sets, ", %s = excluded.%s", e->fields[i].name, e->fields[i].name);
		sbuf_addf(&news, ", excluded.%s", e->fields[i].name);
	}
	sbuf_addf(sql, "INSERT INTO %s(id, %s%s) VALUES(?1, ?2, ?3, ?4, ?5, ?6%s)"
		  " ON CONFLICT(id) DO UPDATE SET"
		  " created_at = excluded.created_at, created_by = excluded.created_by,"
		  " updated_at = excluded.updated_at, updated_by = excluded.updated_by,"
		  " deleted_at = excluded.deleted_at%s"
		  " WHERE (%s%s) IS NOT (excluded.created_at, excluded.created_by,"
		  " excluded.updated_at, excluded.updated_by, excluded.deleted_at%s)",
		  e->table, meta, sbuf_str(&cols), sbuf_str(&params), sbuf_str(&sets), meta,
		  sbuf_str(&cols), sbuf_str(&news));
	sbuf_free(&cols);
	sbuf_free(&params);
	sbuf_free(&sets);
	sbuf_free(&news);
}

static enum tsu_status write_row(struct store *st, const struct replay *r, const char *id,
				 struct tsu_error *err)
{
	sqlite3_stmt *s;
	enum tsu_status rc = store_prepare(st, store_entity_sql(st, r->e, ENTITY_SQL_UPSERT,
								upsert_sql), &s, err);
	if (rc != TSU_OK)
		return rc;
	const char *meta[] = {id, r->created_at, r->created_by, r->updated_at, r->updated_by,
			      r->deleted ? r->deleted_at : NULL};
	store_bind_texts(s, 6, meta);
	int p = 6;
	for (int i = 0; i < r->e->nfields; i++) {
		if (r->e->fields[i].type == FIELD_SET)
			continue;
		if (r->vals[i])
			sqlite3_bind_value(s, ++p, r->vals[i]);
		else
			sqlite3_bind_null(s, ++p);
	}
	rc = sqlite3_step(s) == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, r->e->label);
	store_finish(st, s);
	return rc;
}

static enum tsu_status replay_sets(struct store *st, const struct entity_def *e, const char *id,
				   const struct replay_need *need, struct tsu_error *err)
{
	enum tsu_status rc = TSU_OK;
	for (int i = 0; i < e->nfields && rc == TSU_OK; i++)
		if (e->fields[i].type == FIELD_SET && (!need || i >= 64 || (need->sets >> i & 1)))
			rc = sets_replay(st, set_find(e->name, e->fields[i].name), id, err);
	return rc;
}

enum tsu_status replay_record(struct store *st, const struct entity_def *e, const char *id,
			      const struct replay_need *need, bool *deleted, struct tsu_error *err)
{
	struct replay r = {.e = e};
	r.vals = xcalloc((size_t)e->nfields, sizeof *r.vals);
	char *was = search_holder(st, e->name, id); /* a party's entry may move */
	/* the row stands for its creation until now: keep it before rewriting */
	enum tsu_status rc = creation_pin(st, e, id, err);
	if (rc == TSU_OK)
		rc = fold_changes(st, &r, id, err);
	if (rc == TSU_OK && !r.has_created)
		rc = tsu_fail(err, TSU_DB_CORRUPT, "%s %s: 作成の記録がありません", e->label, id);
	if (rc == TSU_OK)
		rc = write_row(st, &r, id, err);
	if (rc == TSU_OK)
		rc = replay_sets(st, e, id, need, err);
	if (rc == TSU_OK && (!need || need->search || need->was_deleted != r.deleted))
		rc = r.deleted ? search_remove(st, e->name, id, err) : search_reindex(st, e->name, id, err);
	if (rc == TSU_OK)
		rc = search_left(st, e->name, id, was, err);
	free(was);
	if (deleted)
		*deleted = r.deleted;
	for (int i = 0; i < e->nfields; i++)
		sqlite3_value_free(r.vals[i]);
	free(r.vals);
	free(r.created_by);
	free(r.updated_by);
	return rc;
}
