/*
 * The record a row of a hand-made list is about when it has no id
 * (record.h, store_same_record): a list of events or tasks read twice
 * must not double them.  An event is the same when its 名称, 日付 and
 * 開始 are; a task when its 件名 and エリア are.  Values are compared as
 * the store keeps them (value_normalize: NFC, dates in ISO, an area
 * named by its id), so 2026/12/10 and 令和8年12月10日 are one date.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

#define SAME_KEYS_MAX 3

static const struct {
	const char *entity;
	const char *keys[SAME_KEYS_MAX];
	const char *what;  /* for the message when several are the same */
} same_keys[] = {
	{"event", {"title", "date", "start_time"}, "名称・日付・開始"},
	{"task", {"title", "area_id", NULL}, "件名・エリア"},
};

/* Binds each key's value as the store keeps it; "col = ?k" or
 * "col IS NULL" for an empty one. */
static enum tsu_status key_sql(struct store *st, const struct entity_def *e,
			       const char *const *keys, const struct field_value *fv, size_t n,
			       struct sbuf *sql, char **vals, struct tsu_error *err)
{
	sbuf_addf(sql, "SELECT id FROM %s WHERE deleted_at IS NULL", e->table);
	for (int k = 0; k < SAME_KEYS_MAX && keys[k]; k++) {
		const struct field_def *f = entity_field(e, keys[k]);
		enum tsu_status rc = value_normalize(st, f, field_value_of(fv, n, keys[k]), &vals[k], err);
		if (rc != TSU_OK)
			return rc;
		if (vals[k])
			sbuf_addf(sql, " AND %s = ?%d", keys[k], k + 1);
		else
			sbuf_addf(sql, " AND %s IS NULL", keys[k]);
	}
	sbuf_add(sql, " ORDER BY id LIMIT 2");
	return TSU_OK;
}

enum tsu_status store_same_record(struct store *st, const char *entity,
				  const struct field_value *fv, size_t n, uuid_str out,
				  bool *found, struct tsu_error *err)
{
	*found = false;
	size_t i = 0;
	while (i < sizeof same_keys / sizeof same_keys[0] && strcmp(same_keys[i].entity, entity))
		i++;
	const struct entity_def *e = entity_find(entity);
	if (i == sizeof same_keys / sizeof same_keys[0] || !e || !field_value_of(fv, n, "title"))
		return TSU_OK;
	struct sbuf sql = {0};
	char *vals[SAME_KEYS_MAX] = {0};
	sqlite3_stmt *s = NULL;
	int count = 0;
	enum tsu_status rc = key_sql(st, e, same_keys[i].keys, fv, n, &sql, vals, err);
	if (rc == TSU_OK)
		rc = store_prepare(st, sql.s, &s, err);
	for (int k = 0; rc == TSU_OK && k < SAME_KEYS_MAX; k++)
		if (vals[k])
			sqlite3_bind_text(s, k + 1, vals[k], -1, SQLITE_TRANSIENT);
	while (rc == TSU_OK && sqlite3_step(s) == SQLITE_ROW)
		if (count++ == 0)
			snprintf(out, UUID_STR_LEN + 1, "%s", (const char *)sqlite3_column_text(s, 0));
	if (s)
		store_finish(st, s);
	for (int k = 0; k < SAME_KEYS_MAX; k++)
		free(vals[k]);
	sbuf_free(&sql);
	if (rc == TSU_OK && count > 1)
		return tsu_fail(err, TSU_AMBIGUOUS,
				"%sが同じ%s「%s」がすでに複数あり、どれのことか決められません"
				" (id の列で指定してください)", same_keys[i].what, e->label,
				field_value_of(fv, n, "title"));
	*found = rc == TSU_OK && count == 1;
	return rc;
}
