/*
 * A record's history, read from the change log (changelog.c): one line per
 * field and change, as a person reading it wants it.  A creation (one change
 * holding every field) is shown as 作成 followed by each field it set; a set
 * element added or removed is shown as (空) → element or element → (空).
 */
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "tsunagu/clock.h"

static const char *history_label(const struct entity_def *e, const char *field)
{
	if (strcmp(field, "_created") == 0)
		return "作成";
	if (strcmp(field, "_deleted") == 0)
		return "削除";
	if (strcmp(field, "_restored") == 0)
		return "復元";
	if (strcmp(field, "_folded_into") == 0)
		return "統合先";
	const struct field_def *f = entity_field(e, field);
	return f ? f->label : field;
}

/* Name of a set element for people: the referenced row's name. */
static char *element_name(struct store *st, const struct entity_def *e, const char *field,
			  const char *value)
{
	const struct set_def *d = set_find(e->name, field);
	sqlite3_stmt *s;
	char *name = NULL;
	if (!value || !d || !d->ref_table)
		return value ? xstrdup(value) : NULL;
	struct sbuf sql = {0};
	sbuf_addf(&sql, "SELECT name FROM %s WHERE id = ?1", d->ref_table);
	if (store_prepare(st, sql.s, &s, NULL) == TSU_OK) {
		sqlite3_bind_text(s, 1, value, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(s) == SQLITE_ROW)
			name = store_col_dup(s, 0);
		store_finish(st, s);
	}
	sbuf_free(&sql);
	return name ? name : xstrdup(value);
}

struct history_walk {
	struct store *st;
	const struct entity_def *e;
	store_history_cb cb;
	void *ud;
	char at[32];
	const char *author, *change_id;
	const char *row_id;
};

static int emit(struct history_walk *w, const char *field, const char *old_value,
		const char *new_value)
{
	struct history_row h = {
		.at = w->at, .author = w->author, .field = field,
		.field_label = history_label(w->e, field),
		.old_value = old_value, .new_value = new_value, .change_id = w->change_id,
	};
	return w->cb(w->ud, &h);
}

/* The fields of a creation change in the entity's order; sets joined. */
static int emit_created(struct history_walk *w, const char *json)
{
	sqlite3_stmt *s;
	int stop = emit(w, "_created", NULL, NULL);
	if (stop || !json || store_prepare(w->st, "SELECT j.value, j.type FROM json_each(?1) j"
					   " WHERE j.key = ?2", &s, NULL) != TSU_OK)
		return stop;
	for (int i = 0; i < w->e->nfields && !stop; i++) {
		const char *field = w->e->fields[i].name;
		sqlite3_bind_text(s, 1, json, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 2, field, -1, SQLITE_STATIC);
		if (sqlite3_step(s) != SQLITE_ROW) {
			sqlite3_reset(s);
			continue;
		}
		struct sbuf v = {0};
		if (strcmp((const char *)sqlite3_column_text(s, 1), "array") == 0) {
			sqlite3_stmt *a;
			if (store_prepare(w->st, "SELECT value FROM json_each(?1)", &a, NULL) == TSU_OK) {
				sqlite3_bind_text(a, 1, (const char *)sqlite3_column_text(s, 0), -1,
						  SQLITE_TRANSIENT);
				while (sqlite3_step(a) == SQLITE_ROW) {
					char *name = element_name(w->st, w->e, field,
								  (const char *)sqlite3_column_text(a, 0));
					sbuf_addf(&v, "%s%s", v.len ? "," : "", name);
					free(name);
				}
				store_finish(w->st, a);
			}
		} else {
			sbuf_add(&v, (const char *)sqlite3_column_text(s, 0));
		}
		sqlite3_reset(s);
		stop = emit(w, field, NULL, sbuf_str(&v));
		sbuf_free(&v);
	}
	store_finish(w->st, s);
	return stop;
}

static int emit_change(struct history_walk *w, sqlite3_stmt *s)
{
	const char *field = (const char *)sqlite3_column_text(s, 3);
	const char *old_value = (const char *)sqlite3_column_text(s, 4);
	const char *new_value = (const char *)sqlite3_column_text(s, 5);
	clock_iso((uint64_t)sqlite3_column_int64(s, 0), w->at, sizeof w->at);
	w->author = (const char *)sqlite3_column_text(s, 1);
	w->change_id = (const char *)sqlite3_column_text(s, 2);
	if (strcmp(field, "_created") == 0 && !new_value) {
		/* still the row's own (creation.c) */
		char *json = creation_value(w->st, w->e, w->row_id);
		int stop = emit_created(w, json);
		free(json);
		return stop;
	}
	if (strcmp(field, "_created") == 0)
		return emit_created(w, new_value);
	if (strcmp(field, "_folded_into") == 0 && new_value) {
		/* where a folded party went: "山田 太郎 (442bbcbf)" */
		struct sbuf v = {0};
		sqlite3_stmt *q;
		if (store_prepare(w->st, "SELECT name FROM party WHERE id = ?1", &q, NULL) == TSU_OK) {
			sqlite3_bind_text(q, 1, new_value, -1, SQLITE_TRANSIENT);
			if (sqlite3_step(q) == SQLITE_ROW)
				sbuf_addf(&v, "%s ", (const char *)sqlite3_column_text(q, 0));
			store_finish(w->st, q);
		}
		sbuf_addf(&v, "(%s)", new_value + strlen(new_value) - (strlen(new_value) > 8 ? 8 : 0));
		int stop = emit(w, field, NULL, v.s);
		sbuf_free(&v);
		return stop;
	}
	if (!set_find(w->e->name, field))
		return emit(w, field, old_value, new_value);
	char *o = element_name(w->st, w->e, field, old_value);
	char *n = element_name(w->st, w->e, field, new_value);
	int stop = emit(w, field, o, n);
	free(o);
	free(n);
	return stop;
}

enum tsu_status store_history(struct store *st, const char *entity, const char *id,
			      store_history_cb cb, void *ud, struct tsu_error *err)
{
	const struct entity_def *e = entity_find(entity);
	sqlite3_stmt *s;
	if (!e)
		return tsu_fail(err, TSU_INVALID, "「%s」という種類はありません", entity);
	if (store_prepare(st, "SELECT at, author, change_id, field, old_value, new_value"
			  " FROM changelog WHERE row_id = ?1 AND entity = ?2"
			  " ORDER BY hlc, change_id", &s, err))
		return err->status;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, e->name, -1, SQLITE_STATIC);
	struct history_walk w = {.st = st, .e = e, .cb = cb, .ud = ud, .row_id = id};
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (emit_change(&w, s))
			break;
	store_finish(st, s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, "history");
}
