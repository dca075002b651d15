/*
 * The history table is both the audit trail (who changed which field,
 * when, old -> new) and what a merge will replay: each row carries a
 * hybrid-logical-clock stamp and a unique change id (DESIGN §5).
 */
#include <string.h>
#include "internal.h"

enum tsu_status history_add(struct store *st, const char *entity, const char *row_id,
			    const char *field, const char *old_value, const char *new_value,
			    struct tsu_error *err)
{
	uuid_str change_id;
	char at[32];
	sqlite3_stmt *s;
	if (uuid_v7(change_id, err) != TSU_OK)
		return err ? err->status : TSU_IO;
	store_now_iso(at);
	if (store_prepare(st, "INSERT INTO history(change_id, hlc, entity, row_id, field,"
			  " old_value, new_value, author, at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
			  &s, err))
		return err->status;
	sqlite3_bind_text(s, 1, change_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)store_hlc_tick(st));
	const char *rest[] = {entity, row_id, field, old_value, new_value, st->author, at};
	for (int i = 0; i < 7; i++) {
		if (rest[i])
			sqlite3_bind_text(s, i + 3, rest[i], -1, SQLITE_TRANSIENT);
		else
			sqlite3_bind_null(s, i + 3);
	}
	int rc = sqlite3_step(s);
	store_finish(st, s);
	return rc == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, "history");
}

static const char *history_label(const struct entity_def *e, const char *field)
{
	if (strcmp(field, "_created") == 0)
		return "作成";
	if (strcmp(field, "_deleted") == 0)
		return "削除";
	const struct field_def *f = entity_field(e, field);
	return f ? f->label : field;
}

enum tsu_status store_history(struct store *st, const char *entity, const char *id,
			      store_history_cb cb, void *ud, struct tsu_error *err)
{
	const struct entity_def *e = entity_find(entity);
	sqlite3_stmt *s;
	if (!e)
		return tsu_fail(err, TSU_INVALID, "「%s」という種類はありません", entity);
	if (store_prepare(st, "SELECT at, author, field, old_value, new_value, change_id"
			  " FROM history WHERE entity = ?1 AND row_id = ?2"
			  " ORDER BY hlc, change_id", &s, err))
		return err->status;
	sqlite3_bind_text(s, 1, e->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, id, -1, SQLITE_TRANSIENT);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *field = (const char *)sqlite3_column_text(s, 2);
		struct history_row h = {
			.at = (const char *)sqlite3_column_text(s, 0),
			.author = (const char *)sqlite3_column_text(s, 1),
			.field = field,
			.field_label = history_label(e, field),
			.old_value = (const char *)sqlite3_column_text(s, 3),
			.new_value = (const char *)sqlite3_column_text(s, 4),
			.change_id = (const char *)sqlite3_column_text(s, 5),
		};
		if (cb(ud, &h))
			break;
	}
	store_finish(st, s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, "history");
}
