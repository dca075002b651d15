/*
 * Conflicts left by merge.c: each pairs the change that was kept with the
 * one that lost (both stay in the change log).  Reviewing one either keeps
 * the current value or takes the other — as an ordinary edit, deletion or
 * restoration, so the choice merges onward like any other change.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "tsunagu/restore.h"
#include "tsunagu/merge.h"
#include "tsunagu/clock.h"

#define CONFLICT_SELECT \
	"SELECT c.id, c.entity, c.row_id, c.field, c.reviewed," \
	" k.field, k.old_value, k.new_value, k.author, k.at," \
	" l.field, l.old_value, l.new_value, l.author, l.at" \
	" FROM conflict c JOIN changelog k ON k.change_id = c.kept_change" \
	" JOIN changelog l ON l.change_id = c.lost_change"

/* Name of the row `id` of `table` by its title field, or NULL. */
static char *row_title(struct store *st, const struct entity_def *e, const char *id)
{
	struct sbuf sql = {0};
	sqlite3_stmt *s;
	char *t = NULL;
	if (!e)
		return NULL;
	sbuf_addf(&sql, "SELECT %s FROM %s WHERE id = ?1", e->title_field, e->table);
	if (store_prepare(st, sql.s, &s, NULL) == TSU_OK) {
		sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(s) == SQLITE_ROW)
			t = store_col_dup(s, 0);
		store_finish(st, s);
	}
	sbuf_free(&sql);
	return t;
}

/* The fields of a creation: "世代: シニア、参加者数: 15". */
static void created_text(struct store *st, const struct entity_def *e, const char *json,
			 struct sbuf *out)
{
	sqlite3_stmt *s;
	if (!e || !json || store_prepare(st, "SELECT key, value FROM json_each(?1)"
					 " WHERE type NOT IN ('array', 'object')", &s, NULL) != TSU_OK)
		return;
	sqlite3_bind_text(s, 1, json, -1, SQLITE_TRANSIENT);
	while (sqlite3_step(s) == SQLITE_ROW) {
		const struct field_def *f = entity_field(e, (const char *)sqlite3_column_text(s, 0));
		if (!f || f->type == FIELD_REF)
			continue;
		sbuf_addf(out, "%s%s: %s", out->len ? "、" : "", f->label, sqlite3_column_text(s, 1));
	}
	store_finish(st, s);
}

/* What a change did, for people: the value set, 削除, 復元, ＋/－ element,
 * or for the edit side of a deletion conflict "電話: 042-…". */
static char *change_text(struct store *st, const struct entity_def *e, sqlite3_stmt *s, int col,
			 bool name_field)
{
	const char *field = (const char *)sqlite3_column_text(s, col);
	const char *old_value = (const char *)sqlite3_column_text(s, col + 1);
	const char *new_value = (const char *)sqlite3_column_text(s, col + 2);
	const struct field_def *f = e ? entity_field(e, field) : NULL;
	struct sbuf out = {0};
	if (strcmp(field, "_deleted") == 0)
		sbuf_add(&out, "削除");
	else if (strcmp(field, "_restored") == 0)
		sbuf_add(&out, "復元");
	else if (strcmp(field, "_created") == 0)
		created_text(st, e, new_value, &out);
	if (out.len || !f)
		return out.len ? sbuf_detach(&out) : xstrdup(field);
	if (name_field)
		sbuf_addf(&out, "%s: ", f->label);
	if (f->type == FIELD_SET) {
		sbuf_addf(&out, "%s%s", new_value ? "＋" : "－", new_value ? new_value : old_value);
	} else if (f->type == FIELD_REF && new_value) {
		char *name = row_title(st, entity_find(f->ref), new_value);
		sbuf_add(&out, name ? name : new_value);
		free(name);
	} else {
		sbuf_add(&out, new_value ? new_value : "(空)");
	}
	return sbuf_detach(&out);
}

static int emit_row(struct store *st, sqlite3_stmt *s, store_conflict_cb cb, void *ud)
{
	const char *entity = (const char *)sqlite3_column_text(s, 1);
	const char *field = (const char *)sqlite3_column_text(s, 3);
	const struct entity_def *e = entity_find(entity);
	bool del = strcmp(field, "_deleted") == 0;
	const struct field_def *f = e && !del ? entity_field(e, field) : NULL;
	char kept_at[32], lost_at[32];
	clock_iso((uint64_t)sqlite3_column_int64(s, 9), kept_at, sizeof kept_at);
	clock_iso((uint64_t)sqlite3_column_int64(s, 14), lost_at, sizeof lost_at);
	char *title = row_title(st, e, (const char *)sqlite3_column_text(s, 2));
	char *kept = change_text(st, e, s, 5, del), *lost = change_text(st, e, s, 10, del);
	struct conflict_row c = {
		.id = (const char *)sqlite3_column_text(s, 0), .entity = entity,
		.entity_label = e ? e->label : entity,
		.row_id = (const char *)sqlite3_column_text(s, 2), .title = title ? title : "",
		.field = field,
		.field_label = del ? "削除と編集" : strcmp(field, "_created") == 0 ? "両方で追加" :
			       f ? f->label : field,
		.kept_value = kept, .kept_author = (const char *)sqlite3_column_text(s, 8),
		.kept_at = kept_at, .lost_value = lost,
		.lost_author = (const char *)sqlite3_column_text(s, 13), .lost_at = lost_at,
		.reviewed = sqlite3_column_int(s, 4) != 0,
	};
	int stop = cb(ud, &c);
	free(title);
	free(kept);
	free(lost);
	return stop;
}

enum tsu_status store_conflicts(struct store *st, bool with_reviewed, store_conflict_cb cb,
				void *ud, struct tsu_error *err)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, CONFLICT_SELECT " WHERE ?1 OR c.reviewed = 0"
			       " ORDER BY c.found_at, c.id", -1, &s, NULL) != SQLITE_OK)
		return store_sql_fail(st, err, "conflict");
	sqlite3_bind_int(s, 1, with_reviewed);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (emit_row(st, s, cb, ud))
			break;
	sqlite3_finalize(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, "conflict");
}

#define JSON_SIDE(a) "json_object('field', " a ".field, 'old', " a ".old_value, 'value', " \
	a ".new_value, 'author', " a ".author, 'at', strftime('%Y-%m-%dT%H:%M:%SZ', " a ".at / 1000," \
	" 'unixepoch'))"

enum tsu_status store_conflicts_json(struct store *st, bool with_reviewed, char **out,
				     struct tsu_error *err)
{
	struct sbuf sql = {0};
	sqlite3_stmt *s;
	*out = NULL;
	sbuf_add(&sql, "SELECT json_group_array(json_object('id', c.id, 'kind', c.entity,"
		 " 'record', c.row_id, 'title', CASE c.entity");
	for (const struct entity_def *const *e = entity_all(); *e; e++)
		sbuf_addf(&sql, " WHEN '%s' THEN (SELECT %s FROM %s WHERE id = c.row_id)",
			  (*e)->name, (*e)->title_field, (*e)->table);
	sbuf_add(&sql, " END, 'field', c.field, 'kept', " JSON_SIDE("k") ", 'other', " JSON_SIDE("l")
		 ", 'reviewed', json(CASE c.reviewed WHEN 0 THEN 'false' ELSE 'true' END)))"
		 " FROM (SELECT * FROM conflict WHERE ?1 OR reviewed = 0 ORDER BY found_at, id) c"
		 " JOIN changelog k ON k.change_id = c.kept_change"
		 " JOIN changelog l ON l.change_id = c.lost_change");
	int prc = sqlite3_prepare_v2(st->db, sql.s, -1, &s, NULL);
	sbuf_free(&sql);
	if (prc != SQLITE_OK)
		return store_sql_fail(st, err, "conflict");
	sqlite3_bind_int(s, 1, with_reviewed);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*out = store_col_dup(s, 0);
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? TSU_OK : store_sql_fail(st, err, "conflict");
}

long store_conflicts_open(struct store *st)
{
	sqlite3_stmt *s;
	long n = 0;
	if (store_prepare(st, "SELECT count(*) FROM conflict WHERE reviewed = 0", &s, NULL) == TSU_OK) {
		if (sqlite3_step(s) == SQLITE_ROW)
			n = sqlite3_column_int64(s, 0);
		store_finish(st, s);
	}
	return n;
}

/* The conflict whose id starts or ends with ref, and what taking the
 * other side means: its entity, row, field and value. */
struct pick {
	uuid_str id, row_id;
	char *entity, *field, *lost_field, *lost_value;
	bool reviewed;
};

static enum tsu_status find_conflict(struct store *st, const char *ref, struct pick *p,
				     struct tsu_error *err)
{
	sqlite3_stmt *s;
	int n = 0;
	if (!ref || strlen(ref) < 4)
		return tsu_fail(err, TSU_INVALID, "競合の ID を 4 文字以上で指定してください");
	if (sqlite3_prepare_v2(st->db, "SELECT c.id, c.row_id, c.entity, c.field, l.field,"
			       " l.new_value, c.reviewed FROM conflict c JOIN changelog l"
			       " ON l.change_id = c.lost_change WHERE substr(c.id, 1, length(?1)) = ?1"
			       " OR substr(c.id, -length(?1)) = ?1", -1, &s, NULL) != SQLITE_OK)
		return store_sql_fail(st, err, "conflict");
	sqlite3_bind_text(s, 1, ref, -1, SQLITE_TRANSIENT);
	while (sqlite3_step(s) == SQLITE_ROW && ++n == 1) {
		snprintf(p->id, sizeof p->id, "%s", (const char *)sqlite3_column_text(s, 0));
		snprintf(p->row_id, sizeof p->row_id, "%s", (const char *)sqlite3_column_text(s, 1));
		p->entity = store_col_dup(s, 2);
		p->field = store_col_dup(s, 3);
		p->lost_field = store_col_dup(s, 4);
		p->lost_value = store_col_dup(s, 5);
		p->reviewed = sqlite3_column_int(s, 6) != 0;
	}
	sqlite3_finalize(s);
	if (n == 0)
		return tsu_fail(err, TSU_NOT_FOUND, "競合 %s が見つかりません", ref);
	if (n > 1)
		return tsu_fail(err, TSU_AMBIGUOUS, "競合 %s に当てはまるものが複数あります", ref);
	return TSU_OK;
}

static void pick_free(struct pick *p)
{
	free(p->entity);
	free(p->field);
	free(p->lost_field);
	free(p->lost_value);
}

/* Both copies added the same one-of-a-kind row: taking the other side
 * sets every field it was created with. */
static enum tsu_status take_created(struct store *st, const struct entity_def *e,
				    const struct pick *p, struct tsu_error *err)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT key, value FROM json_each(?1) WHERE type NOT IN ('array', 'object')",
			  &s, err))
		return err ? err->status : TSU_DB;
	sqlite3_bind_text(s, 1, p->lost_value ? p->lost_value : "{}", -1, SQLITE_TRANSIENT);
	struct field_value *fv = NULL;
	size_t n = 0;
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(s, 0);
		const struct field_def *f = entity_field(e, key);
		if (!f || (f->flags & FIELD_READONLY))
			continue;
		fv = xrealloc(fv, (n + 1) * sizeof *fv);
		fv[n++] = (struct field_value){f->name, store_col_dup(s, 1)};
	}
	store_finish(st, s);
	enum tsu_status rc = store_update(st, e->name, p->row_id, fv, n, err);
	for (size_t i = 0; i < n; i++)
		free((char *)fv[i].value);
	free(fv);
	return rc;
}

/* Taking the other side: the lost value as an edit; for a deletion
 * conflict, delete what was kept alive or restore what was deleted. */
static enum tsu_status take_other(struct store *st, const struct pick *p, struct tsu_error *err)
{
	const struct entity_def *e = entity_find(p->entity);
	if (!e)
		return tsu_fail(err, TSU_INVALID, "「%s」という種類はありません", p->entity);
	if (strcmp(p->field, "_created") == 0)
		return take_created(st, e, p, err);
	if (strcmp(p->field, "_deleted") != 0) {
		struct field_value fv = {p->field, p->lost_value};
		return store_update(st, e->name, p->row_id, &fv, 1, err);
	}
	if (strcmp(p->lost_field, "_deleted") == 0)
		return store_delete(st, e->name, p->row_id, err);
	/* brought back as `restore` would: with the links its deletion took */
	struct restore_result res;
	enum tsu_status rc = store_restore(st, e->name, p->row_id, &res, err);
	restore_result_free(&res);
	return rc;
}

static enum tsu_status mark_reviewed(struct store *st, const char *id, struct tsu_error *err)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "UPDATE conflict SET reviewed = 1 WHERE id = ?1 OR ?1 IS NULL", &s, err))
		return err ? err->status : TSU_DB;
	if (id)
		sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(s);
	store_finish(st, s);
	return rc == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, "conflict");
}

enum tsu_status store_conflict_resolve(struct store *st, const char *ref, bool take,
				       struct tsu_error *err)
{
	struct pick p = {0};
	enum tsu_status rc = store_begin(st, err);
	if (rc != TSU_OK)
		return rc;
	rc = find_conflict(st, ref, &p, err);
	if (rc == TSU_OK && take)
		rc = take_other(st, &p, err);
	if (rc == TSU_OK)
		rc = mark_reviewed(st, p.id, err);
	pick_free(&p);
	if (rc != TSU_OK) {
		store_rollback(st);
		return rc;
	}
	return store_commit(st, err);
}

enum tsu_status store_conflict_reviewed(struct store *st, const char *ref, bool *reviewed,
					struct tsu_error *err)
{
	struct pick p = {0};
	enum tsu_status rc = find_conflict(st, ref, &p, err);
	*reviewed = p.reviewed;
	pick_free(&p);
	return rc;
}

enum tsu_status store_conflicts_review_all(struct store *st, long *n, struct tsu_error *err)
{
	*n = store_conflicts_open(st);
	enum tsu_status rc = store_begin(st, err);
	if (rc == TSU_OK)
		rc = mark_reviewed(st, NULL, err);
	if (rc != TSU_OK) {
		store_rollback(st);
		return rc;
	}
	return store_commit(st, err);
}
