/*
 * FIELD_SET fields (party areas and offers, task parties and needs, staff
 * areas) live in link tables: one row per member, tombstoned when removed
 * and revived when added back, so that a merge sees each membership as a
 * row of its own.  The owner's history also gets the whole set old -> new,
 * which is what a person reading `history` wants to see.
 */
#include <stdlib.h>
#include <string.h>
#include "internal.h"

struct set_def {
	const char *entity, *field;  /* owner entity and its field */
	const char *table;           /* link table */
	const char *owner_col, *value_col;
	const char *ref_table;       /* for reference sets: table to show names from */
};

static const struct set_def set_defs[] = {
	{"party", "areas",  "party_area", "party_id", "area_id",  "area"},
	{"party", "offers", "offer",      "party_id", "tag",      NULL},
	{"task",  "parties","task_party", "task_id",  "party_id", "party"},
	{"task",  "needs",  "task_need",  "task_id",  "tag",      NULL},
	{"staff", "areas",  "staff_area", "staff_id", "area_id",  "area"},
};

static const struct set_def *set_find(const char *entity, const char *field)
{
	for (size_t i = 0; i < sizeof set_defs / sizeof set_defs[0]; i++)
		if (strcmp(set_defs[i].entity, entity) == 0 && strcmp(set_defs[i].field, field) == 0)
			return &set_defs[i];
	return NULL;
}

/* Shown value of the live set: names for references, tags otherwise,
 * joined with ","; NULL when empty. */
char *sets_read(struct store *st, const struct entity_def *e, const char *id,
		const struct field_def *f)
{
	const struct set_def *d = set_find(e->name, f->name);
	struct sbuf sql = {0}, out = {0};
	sqlite3_stmt *s;
	if (!d)
		return NULL;
	if (d->ref_table)
		sbuf_addf(&sql, "SELECT r.name FROM %s l JOIN %s r ON r.id = l.%s"
			  " WHERE l.%s = ?1 AND l.deleted_at IS NULL AND r.deleted_at IS NULL"
			  " ORDER BY l.created_at, l.id", d->table, d->ref_table, d->value_col, d->owner_col);
	else
		sbuf_addf(&sql, "SELECT %s FROM %s WHERE %s = ?1 AND deleted_at IS NULL"
			  " ORDER BY created_at, id", d->value_col, d->table, d->owner_col);
	if (store_prepare(st, sql.s, &s, NULL) == TSU_OK) {
		sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
		while (sqlite3_step(s) == SQLITE_ROW)
			sbuf_addf(&out, "%s%s", out.len ? "," : "", sqlite3_column_text(s, 0));
		store_finish(st, s);
	}
	sbuf_free(&sql);
	return out.len ? sbuf_detach(&out) : NULL;
}

/* Resolves each item to what the link table stores. */
static enum tsu_status resolve_items(struct store *st, const struct set_def *d,
				     const struct field_def *f, char **items, size_t n,
				     struct tsu_error *err)
{
	for (size_t i = 0; i < n && f->ref; i++) {
		uuid_str id;
		if (store_resolve(st, f->ref, items[i], id, err) != TSU_OK)
			return err ? err->status : TSU_NOT_FOUND;
		free(items[i]);
		items[i] = xstrdup(id);
	}
	(void)d;
	return TSU_OK;
}

/* Adds (or revives) the link owner -> value. */
static enum tsu_status link_add(struct store *st, const struct set_def *d, const char *owner,
				const char *value, struct tsu_error *err)
{
	struct sbuf sql = {0};
	sqlite3_stmt *s;
	uuid_str id;
	char now[32];
	store_now_iso(now);
	if (uuid_v7(id, err) != TSU_OK)
		return TSU_IO;
	sbuf_addf(&sql, "INSERT INTO %s(id, created_at, created_by, updated_at, updated_by, %s, %s)"
		  " VALUES(?1, ?2, ?3, ?2, ?3, ?4, ?5) ON CONFLICT(%s, %s) DO UPDATE SET"
		  " deleted_at = NULL, updated_at = ?2, updated_by = ?3 WHERE deleted_at IS NOT NULL"
		  " RETURNING id", d->table, d->owner_col, d->value_col, d->owner_col, d->value_col);
	enum tsu_status rc = store_prepare(st, sql.s, &s, err);
	sbuf_free(&sql);
	if (rc != TSU_OK)
		return rc;
	const char *vals[] = {id, now, st->author, owner, value};
	store_bind_texts(s, 5, vals);
	int step = sqlite3_step(s);
	char *row_id = step == SQLITE_ROW ? store_col_dup(s, 0) : NULL;
	store_finish(st, s);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return store_sql_fail(st, err, d->table);
	if (row_id)
		rc = history_add(st, d->table, row_id, "_created", NULL, value, err);
	free(row_id);
	return rc;
}

/* Tombstones the live links of owner whose value is not in items. */
static enum tsu_status links_prune(struct store *st, const struct set_def *d, const char *owner,
				   char **items, size_t n, struct tsu_error *err)
{
	struct sbuf sql = {0};
	sqlite3_stmt *s;
	char now[32];
	store_now_iso(now);
	sbuf_addf(&sql, "SELECT id, %s FROM %s WHERE %s = ?1 AND deleted_at IS NULL",
		  d->value_col, d->table, d->owner_col);
	enum tsu_status rc = store_prepare(st, sql.s, &s, err);
	sbuf_free(&sql);
	if (rc != TSU_OK)
		return rc;
	sqlite3_bind_text(s, 1, owner, -1, SQLITE_TRANSIENT);
	while (rc == TSU_OK && sqlite3_step(s) == SQLITE_ROW) {
		const char *value = (const char *)sqlite3_column_text(s, 1);
		bool keep = false;
		for (size_t i = 0; i < n && !keep; i++)
			keep = strcmp(items[i], value) == 0;
		if (keep)
			continue;
		char *row_id = store_col_dup(s, 0);
		struct sbuf del = {0};
		sbuf_addf(&del, "UPDATE %s SET deleted_at = ?2, updated_at = ?2, updated_by = ?3"
			  " WHERE id = ?1", d->table);
		sqlite3_stmt *u;
		rc = store_prepare(st, del.s, &u, err);
		if (rc == TSU_OK) {
			const char *vals[] = {row_id, now, st->author};
			store_bind_texts(u, 3, vals);
			if (sqlite3_step(u) != SQLITE_DONE)
				rc = store_sql_fail(st, err, d->table);
			store_finish(st, u);
		}
		if (rc == TSU_OK)
			rc = history_add(st, d->table, row_id, "_deleted", value, NULL, err);
		sbuf_free(&del);
		free(row_id);
	}
	store_finish(st, s);
	return rc;
}

enum tsu_status sets_write(struct store *st, const struct entity_def *e, const char *id,
			   const struct field_def *f, const char *value, struct tsu_error *err)
{
	const struct set_def *d = set_find(e->name, f->name);
	if (!d)
		return tsu_fail(err, TSU_INVALID, "「%s」は変更できません", f->label);
	char **items;
	size_t n = value_split_set(value, &items);
	char *before = sets_read(st, e, id, f);
	enum tsu_status rc = resolve_items(st, d, f, items, n, err);
	if (rc == TSU_OK)
		rc = links_prune(st, d, id, items, n, err);
	for (size_t i = 0; i < n && rc == TSU_OK; i++)
		rc = link_add(st, d, id, items[i], err);
	char *after = rc == TSU_OK ? sets_read(st, e, id, f) : NULL;
	if (rc == TSU_OK && !(before == after || (before && after && strcmp(before, after) == 0)))
		rc = history_add(st, e->name, id, f->name, before, after, err);
	free(before);
	free(after);
	value_free_list(items, n);
	return rc;
}
