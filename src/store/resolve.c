/*
 * What a user types to name a row (DESIGN §7): any unique prefix of the
 * UUID, as git does with hashes; else the exact name or title; for areas
 * also a unique part of the name (諏訪 -> 諏訪中学区).
 *
 * A UUID v7 begins with its creation time, so rows made in the same minute
 * share their first 8+ characters.  Tables therefore show the *last* 8
 * characters (random bits) as the short id, and a unique suffix of 6 or
 * more characters is accepted too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "tsunagu/restore.h"

static bool looks_like_id_prefix(const char *s)
{
	size_t n = strlen(s);
	if (n < 4 || n > UUID_STR_LEN)
		return false;
	for (; *s; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f') || *s == '-'))
			return false;
	return true;
}

/* For a party, what tells namesakes apart in the list of candidates: its
 * reading, areas and, by the one consent rule (consent.h), its phone. */
#define PARTY_WHO \
	", kana, (SELECT group_concat(a.name, '・') FROM party_area x JOIN area a ON a.id = x.area_id" \
	" WHERE x.party_id = party.id)," \
	" CASE WHEN tsu_contact_ok(kind, consent) THEN phone END"

/* "3f9a1c2e 鈴木一郎 (すずきいちろう、諏訪中学区、042-…)" into names. */
static void add_candidate(struct sbuf *names, sqlite3_stmt *s, bool party)
{
	const char *id = (const char *)sqlite3_column_text(s, 0);
	const char *title = (const char *)sqlite3_column_text(s, 1);
	int n = 0;

	sbuf_addf(names, "%s%s %s", names->len ? ", " : "", id + UUID_STR_LEN - 8, title ? title : "");
	for (int c = 2; party && c < 5; c++) {
		const char *v = (const char *)sqlite3_column_text(s, c);
		if (v && *v)
			sbuf_addf(names, "%s%s", n++ ? "、" : " (", v);
	}
	if (n)
		sbuf_addc(names, ')');
}

/* Collects up to 5 ids matching the WHERE clause with ?1 = ref. */
static enum tsu_status candidates(struct store *st, const struct entity_def *e,
				  const char *where, const char *ref, bool deleted, int *count,
				  uuid_str first, struct sbuf *names, struct tsu_error *err)
{
	struct sbuf sql = {0};
	sqlite3_stmt *s;
	bool party = strcmp(e->name, "party") == 0;

	sbuf_addf(&sql, "SELECT id, %s%s FROM %s WHERE deleted_at IS %sNULL AND (%s)"
		  " ORDER BY id LIMIT 5", e->title_field, party ? PARTY_WHO : "", e->table,
		  deleted ? "NOT " : "", where);
	enum tsu_status rc = store_prepare(st, sql.s, &s, err);
	sbuf_free(&sql);
	if (rc != TSU_OK)
		return rc;
	sqlite3_bind_text(s, 1, ref, -1, SQLITE_TRANSIENT);
	*count = 0;
	while (sqlite3_step(s) == SQLITE_ROW) {
		if ((*count)++ == 0)
			snprintf(first, UUID_STR_LEN + 1, "%s", (const char *)sqlite3_column_text(s, 0));
		if (*count <= 3)
			add_candidate(names, s, party);
	}
	store_finish(st, s);
	return TSU_OK;
}

/* "山田 太郎 (b8b59d3f)": a name with the short ID that tells namesakes
 * apart, as forms write them.  TSU_NOT_FOUND when ref is not of that
 * form, or not exactly one row has that ID's end and that name. */
static enum tsu_status resolve_name_id(struct store *st, const struct entity_def *e,
				       const char *ref, bool deleted, uuid_str out)
{
	size_t n = strlen(ref);
	const char *open = n > 3 && ref[n - 1] == ')' ? strrchr(ref, '(') : NULL;
	if (!open || open == ref || open[-1] != ' ')
		return TSU_NOT_FOUND;
	char *hex = xstrndup(open + 1, (size_t)(ref + n - 1 - (open + 1)));
	struct sbuf sql = {0};
	sqlite3_stmt *s = NULL;
	int count = 0;
	sbuf_addf(&sql, "SELECT id FROM %s WHERE deleted_at IS %sNULL AND"
		  " substr(id, -length(?1)) = ?1 AND %s = ?2 LIMIT 2",
		  e->table, deleted ? "NOT " : "", e->title_field);
	if (strlen(hex) >= 6 && looks_like_id_prefix(hex) &&
	    store_prepare(st, sql.s, &s, NULL) == TSU_OK) {
		sqlite3_bind_text(s, 1, hex, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 2, ref, (int)(open - 1 - ref), SQLITE_TRANSIENT);
		while (sqlite3_step(s) == SQLITE_ROW)
			if (count++ == 0)
				snprintf(out, UUID_STR_LEN + 1, "%s", sqlite3_column_text(s, 0));
		store_finish(st, s);
	}
	sbuf_free(&sql);
	free(hex);
	return count == 1 ? TSU_OK : TSU_NOT_FOUND;
}

/* Live rows, or only deleted ones (`deleted`). */
static enum tsu_status resolve_in(struct store *st, const char *entity, const char *ref,
				  bool deleted, uuid_str out, struct tsu_error *err)
{
	const struct entity_def *e = entity_find(entity);
	if (!e)
		return tsu_fail(err, TSU_INVALID, "「%s」という種類はありません", entity);
	if (!ref || !*ref)
		return tsu_fail(err, TSU_INVALID, "%sの指定が空です", e->label);
	if (resolve_name_id(st, e, ref, deleted, out) == TSU_OK)
		return TSU_OK;
	static const char *const by_prefix = "id >= ?1 AND id < ?1 || 'g'";
	static const char *const by_suffix = "substr(id, -length(?1)) = ?1";
	char where_title[80];
	bool hex = looks_like_id_prefix(ref);
	snprintf(where_title, sizeof where_title, "%s = ?1", e->title_field);
	const char *tries[4] = {hex ? by_prefix : NULL, hex && strlen(ref) >= 6 ? by_suffix : NULL,
				where_title, strcmp(e->name, "area") == 0 ? "instr(name, ?1) > 0" : NULL};
	for (int i = 0; i < 4; i++) {
		struct sbuf names = {0};
		int count = 0;
		if (!tries[i])
			continue;
		enum tsu_status rc = candidates(st, e, tries[i], ref, deleted, &count, out, &names, err);
		if (rc == TSU_OK && count > 1)
			rc = tsu_fail(err, TSU_AMBIGUOUS, "%s「%s」に当てはまるものが複数あります: %s%s",
				      e->label, ref, names.s, count > 3 ? " ..." : "");
		sbuf_free(&names);
		if (rc != TSU_OK || count == 1)
			return rc;
	}
	return tsu_fail(err, TSU_NOT_FOUND, "%s%s「%s」が見つかりません", deleted ? "削除された" : "",
			e->label, ref);
}

void resolve_forget(struct store *st)
{
	for (int i = 0; i < st->nresolved; i++)
		free(st->resolved[i].ref);
	st->nresolved = 0;
}

/* SQLite's update hook: a row of `table` was written. */
static void table_written(void *ud, int op, const char *db, const char *table, sqlite3_int64 row)
{
	struct store *st = ud;
	(void)op, (void)db, (void)row;
	for (int i = 0; i < st->nresolved; i++)
		if (strcmp(st->resolved[i].e->table, table) == 0) {
			resolve_forget(st);
			return;
		}
}

void resolve_keep_begin(struct store *st)
{
	resolve_forget(st);
	sqlite3_update_hook(st->db, table_written, st);
}

void resolve_keep_end(struct store *st)
{
	sqlite3_update_hook(st->db, NULL, NULL);
	resolve_forget(st);
}

/* A kept answer, or one found now and kept while a bulk write runs. */
static enum tsu_status resolve_kept(struct store *st, const char *entity, const char *ref,
				    bool deleted, uuid_str out, struct tsu_error *err)
{
	const struct entity_def *e = st->bulk && ref ? entity_find(entity) : NULL;
	for (int i = 0; e && i < st->nresolved; i++) {
		struct resolved *k = &st->resolved[i];
		if (k->e == e && k->deleted == deleted && strcmp(k->ref, ref) == 0) {
			memcpy(out, k->id, sizeof k->id);
			return TSU_OK;
		}
	}
	enum tsu_status rc = resolve_in(st, entity, ref, deleted, out, err);
	if (rc == TSU_OK && e && st->nresolved < RESOLVE_KEPT) {
		struct resolved *k = &st->resolved[st->nresolved++];
		*k = (struct resolved){e, deleted, xstrdup(ref), {0}};
		memcpy(k->id, out, sizeof k->id);
	}
	return rc;
}

enum tsu_status store_resolve(struct store *st, const char *entity, const char *ref,
			      uuid_str out, struct tsu_error *err)
{
	return resolve_kept(st, entity, ref, false, out, err);
}

enum tsu_status store_resolve_deleted(struct store *st, const char *entity, const char *ref,
				      uuid_str out, struct tsu_error *err)
{
	return resolve_kept(st, entity, ref, true, out, err);
}
