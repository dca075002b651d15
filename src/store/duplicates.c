/*
 * Likely duplicate parties and folding one into another (duplicates.h).
 *
 * The keys are computed once per party into a temporary table with an
 * index on each, so finding the pairs is a join through indexes, not a
 * comparison of every party with every other.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "tsunagu/duplicates.h"
#include "tsunagu/textnorm.h"

char *dup_phone_key(const char *phone)
{
	struct sbuf b = {0};
	char *n = phone ? text_nfkc_trim(phone) : NULL;

	for (const char *p = n ? n : ""; *p; p++)
		if (*p >= '0' && *p <= '9')
			sbuf_addc(&b, *p);
	free(n);
	char *key = sbuf_detach(&b);
	if (!key)
		return xstrdup("");
	/* +81 42-111-2222 is 042-111-2222 */
	if (phone && strchr(phone, '+') && strncmp(key, "81", 2) == 0 && strlen(key) >= 11) {
		key[1] = '0';
		memmove(key, key + 1, strlen(key));
	}
	return key;
}

char *dup_email_key(const char *email)
{
	char *k = email ? text_nfkc_trim(email) : NULL;
	if (!k)
		return xstrdup("");
	for (char *q = k; *q; q++)
		if (*q >= 'A' && *q <= 'Z')
			*q = (char)(*q - 'A' + 'a');
	return k;
}

static void sql_key(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *t = (const char *)sqlite3_value_text(argv[0]);
	char *k = text_search_key(t ? t : "");
	sqlite3_result_text(ctx, k, -1, free);
}

static void sql_phone(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char *k = dup_phone_key((const char *)sqlite3_value_text(argv[0]));
	sqlite3_result_text(ctx, k, -1, free);
}

static void sql_email(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char *k = dup_email_key((const char *)sqlite3_value_text(argv[0]));
	sqlite3_result_text(ctx, k, -1, free);
}

static enum tsu_status keys_table(struct store *st, struct tsu_error *err)
{
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
	if (sqlite3_create_function(st->db, "tsu_key", 1, flags, NULL, sql_key, NULL, NULL) ||
	    sqlite3_create_function(st->db, "tsu_phone", 1, flags, NULL, sql_phone, NULL, NULL) ||
	    sqlite3_create_function(st->db, "tsu_email", 1, flags, NULL, sql_email, NULL, NULL))
		return store_sql_fail(st, err, "duplicates");
	return store_exec(st,
		"DROP TABLE IF EXISTS temp.dup_key;"
		"CREATE TEMP TABLE dup_key AS SELECT rowid AS n, id, kind, name,"
		" tsu_key(name) AS nk, tsu_key(coalesce(kana, '')) AS kk, tsu_phone(phone) AS ph,"
		" tsu_email(email) AS em, tsu_key(coalesce(address, '')) AS ak"
		" FROM party WHERE deleted_at IS NULL;"
		"CREATE INDEX temp.dup_key_nk ON dup_key(nk);"
		"CREATE INDEX temp.dup_key_ph ON dup_key(ph);"
		"CREATE INDEX temp.dup_key_em ON dup_key(em);", err);
}

/* The pairs sharing one key, through that key's index; the three are
 * joined by UNION (a pair found by two keys is one row).  As one join ON
 * (name OR phone OR mail), SQLite used none of the indexes and compared
 * every party with every other of its kind: minutes for a city's file. */
#define PAIR_COLUMNS \
	"SELECT a.id, a.name, b.id, b.name, a.kind," \
	" a.ph <> '' AND a.ph = b.ph, a.em <> '' AND a.em = b.em," \
	" a.nk <> '' AND a.nk = b.nk AND a.kk <> '' AND a.kk = b.kk," \
	" a.nk <> '' AND a.nk = b.nk AND (a.kk = '' OR b.kk = '')," \
	" a.nk <> '' AND a.nk = b.nk AND a.ak <> '' AND a.ak = b.ak, a.n AS older, b.n AS newer"
#define PAIRS_BY(key) PAIR_COLUMNS " FROM dup_key a JOIN dup_key b ON b." key " = a." key \
	" AND b.n > a.n AND b.kind = a.kind WHERE a." key " <> ''"
#define PAIRS_SQL \
	PAIRS_BY("nk") " UNION " PAIRS_BY("ph") " UNION " PAIRS_BY("em") " ORDER BY older, newer"

static const char *const reason_text[] = {
	"電話が同じ", "メールが同じ", "氏名・よみが同じ", "氏名が同じ (よみなし)", "氏名・住所が同じ",
};

static int emit_pair(sqlite3_stmt *s, store_dup_cb cb, void *ud)
{
	struct sbuf why = {0};
	bool any = false;
	for (int i = 0; i < 5; i++) {
		if (!sqlite3_column_int(s, 5 + i) || (i == 3 && sqlite3_column_int(s, 9)))
			continue;
		sbuf_addf(&why, "%s%s", why.len ? "、" : "", reason_text[i]);
		any = true;
	}
	int stop = 0;
	if (any) {
		struct dup_pair p = {
			(const char *)sqlite3_column_text(s, 0), (const char *)sqlite3_column_text(s, 1),
			(const char *)sqlite3_column_text(s, 2), (const char *)sqlite3_column_text(s, 3),
			(const char *)sqlite3_column_text(s, 4), why.s,
			sqlite3_column_int(s, 5) || sqlite3_column_int(s, 6),
		};
		stop = cb(ud, &p);
	}
	sbuf_free(&why);
	return stop;
}

enum tsu_status store_duplicates(struct store *st, store_dup_cb cb, void *ud,
				 struct tsu_error *err)
{
	sqlite3_stmt *s;
	enum tsu_status rc = keys_table(st, err);
	if (rc == TSU_OK)
		rc = store_prepare(st, PAIRS_SQL, &s, err);
	if (rc != TSU_OK)
		return rc;
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW)
		if (emit_pair(s, cb, ud))
			break;
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		rc = store_sql_fail(st, err, "duplicates");
	store_finish(st, s);
	store_exec(st, "DROP TABLE IF EXISTS temp.dup_key", NULL);
	return rc;
}

struct json_walk {
	struct store *st;
	struct sbuf out;
	enum tsu_status rc;
	struct tsu_error *err;
};

static int json_pair(void *ud, const struct dup_pair *p)
{
	struct json_walk *w = ud;
	sqlite3_stmt *s;
	if (store_prepare(w->st, "SELECT json_object('a', json_object('id', ?1, 'name', ?2),"
			  " 'b', json_object('id', ?3, 'name', ?4), 'kind', ?5,"
			  " 'reasons', (SELECT json_group_array(value) FROM json_each("
			  "  '[\"' || replace(?6, '、', '\",\"') || '\"]')),"
			  " 'certain', json(?7))", &s, w->err) != TSU_OK) {
		w->rc = w->err ? w->err->status : TSU_DB;
		return 1;
	}
	const char *vals[] = {p->a_id, p->a_name, p->b_id, p->b_name, p->kind, p->reasons,
			      p->certain ? "true" : "false"};
	store_bind_texts(s, 7, vals);
	if (sqlite3_step(s) == SQLITE_ROW)
		sbuf_addf(&w->out, "%s%s", w->out.len > 1 ? "," : "",
			  (const char *)sqlite3_column_text(s, 0));
	else
		w->rc = store_sql_fail(w->st, w->err, "duplicates");
	store_finish(w->st, s);
	return w->rc != TSU_OK;
}

enum tsu_status store_duplicates_json(struct store *st, char **out, struct tsu_error *err)
{
	struct json_walk w = {.st = st, .err = err};
	sbuf_addc(&w.out, '[');
	enum tsu_status rc = store_duplicates(st, json_pair, &w, err);
	if (rc == TSU_OK)
		rc = w.rc;
	sbuf_addc(&w.out, ']');
	if (rc == TSU_OK)
		*out = sbuf_detach(&w.out);
	else
		sbuf_free(&w.out);
	return rc;
}

/* ---- folding ---- */

/* "a,b" + "b,c" -> "a,b,c" (each element once, in order). */
static char *set_union(const char *a, const char *b)
{
	struct sbuf out = {0};
	const char *parts[] = {a ? a : "", b ? b : ""};
	for (int i = 0; i < 2; i++) {
		char *copy = xstrdup(parts[i]), *save = NULL;
		for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
			struct sbuf probe = {0};
			sbuf_addf(&probe, ",%s,", t);
			struct sbuf have = {0};
			sbuf_addf(&have, ",%s,", sbuf_str(&out));
			if (!strstr(have.s, probe.s))
				sbuf_addf(&out, "%s%s", out.len ? "," : "", t);
			sbuf_free(&probe);
			sbuf_free(&have);
		}
		free(copy);
	}
	return sbuf_detach(&out);
}

/* KEEP's empty fields from OTHER; notes joined; areas and offers united. */
static enum tsu_status fill_keep(struct store *st, const struct record *keep,
				 const struct record *other, long *filled, struct tsu_error *err)
{
	const struct entity_def *e = keep->def;
	struct field_value fv[32];
	char *owned[32];
	size_t n = 0, no = 0;
	for (int i = 0; i < e->nfields && n < 32; i++) {
		const struct field_def *f = &e->fields[i];
		const char *k = keep->values[i], *o = other->values[i];
		if (!o || !*o || strcmp(f->name, "kind") == 0 || strcmp(f->name, "name") == 0)
			continue;
		if (f->type == FIELD_SET) {
			char *ki = store_set_ids(st, "party", keep->id, f->name);
			char *oi = store_set_ids(st, "party", other->id, f->name);
			char *u = set_union(ki ? ki : k, oi ? oi : o);
			bool same = strcmp(u, ki ? ki : k ? k : "") == 0;
			free(ki);
			free(oi);
			if (same)
				free(u);
			else
				fv[n++] = (struct field_value){f->name, owned[no++] = u};
		} else if (!k || !*k) {
			fv[n++] = (struct field_value){f->name, o};
		} else if (f->type == FIELD_LONGTEXT && strcmp(k, o) != 0) {
			struct sbuf j = {0};
			sbuf_addf(&j, "%s\n%s", k, o);
			fv[n++] = (struct field_value){f->name, owned[no++] = sbuf_detach(&j)};
		}
	}
	enum tsu_status rc = n ? store_update(st, "party", keep->id, fv, n, err) : TSU_OK;
	*filled = (long)n;
	for (size_t i = 0; i < no; i++)
		free(owned[i]);
	return rc;
}

/* Rows of entity e whose reference field f is OTHER now name KEEP. */
static enum tsu_status move_refs(struct store *st, const struct entity_def *e,
				 const struct field_def *f, const char *keep, const char *other,
				 long *moved, struct tsu_error *err)
{
	struct sbuf sql = {0};
	sqlite3_stmt *s;
	const struct set_def *d = f->type == FIELD_SET ? set_find(e->name, f->name) : NULL;
	if (f->type == FIELD_SET && !d)
		return TSU_OK; /* a set kept in no link table of its own */
	if (d)
		sbuf_addf(&sql, "SELECT DISTINCT l.%s FROM %s l JOIN %s o ON o.id = l.%s"
			  " WHERE l.%s = ?1 AND o.deleted_at IS NULL", d->owner_col, d->table,
			  e->table, d->owner_col, d->value_col);
	else
		sbuf_addf(&sql, "SELECT id FROM %s WHERE %s = ?1 AND deleted_at IS NULL",
			  e->table, f->name);
	enum tsu_status rc = store_prepare(st, sql.s, &s, err);
	sbuf_free(&sql);
	if (rc != TSU_OK)
		return rc;
	sqlite3_bind_text(s, 1, other, -1, SQLITE_TRANSIENT);
	/* the ids first: updating while reading the same table is not safe */
	struct sbuf ids = {0};
	while (sqlite3_step(s) == SQLITE_ROW)
		sbuf_addf(&ids, "%s\n", (const char *)sqlite3_column_text(s, 0));
	store_finish(st, s);
	char *save = NULL;
	for (char *id = ids.s ? strtok_r(ids.s, "\n", &save) : NULL; id && rc == TSU_OK;
	     id = strtok_r(NULL, "\n", &save)) {
		char *value = NULL;
		if (d) {
			char *cur = store_set_ids(st, e->name, id, f->name);
			struct sbuf swapped = {0};
			sbuf_addf(&swapped, ",%s,", cur ? cur : "");
			free(cur);
			char *at = strstr(swapped.s, other);
			if (at)
				memcpy(at, keep, UUID_STR_LEN); /* same length */
			value = set_union(swapped.s, NULL);
			sbuf_free(&swapped);
		}
		struct field_value fv[] = {{f->name, d ? value : keep}};
		rc = store_update(st, e->name, id, fv, 1, err);
		free(value);
		(*moved)++;
	}
	sbuf_free(&ids);
	return rc;
}

static enum tsu_status move_all_refs(struct store *st, const char *keep, const char *other,
				     long *moved, struct tsu_error *err)
{
	enum tsu_status rc = TSU_OK;
	for (const struct entity_def *const *e = entity_all(); *e && rc == TSU_OK; e++)
		for (int i = 0; i < (*e)->nfields && rc == TSU_OK; i++) {
			const struct field_def *f = &(*e)->fields[i];
			if ((f->type == FIELD_REF || f->type == FIELD_SET) && f->ref &&
			    strcmp(f->ref, "party") == 0)
				rc = move_refs(st, *e, f, keep, other, moved, err);
		}
	return rc;
}

static enum tsu_status fold(struct store *st, const struct record *keep,
			    const struct record *other, struct fold_summary *sum,
			    struct tsu_error *err)
{
	enum tsu_status rc = fill_keep(st, keep, other, &sum->fields, err);
	if (rc == TSU_OK)
		rc = move_all_refs(st, keep->id, other->id, &sum->links, err);
	/* where it went, written before the tombstone: a later change to a
	 * row would undo its deletion in the merge's replay */
	if (rc == TSU_OK)
		rc = changelog_add(st, "party", other->id, "_folded_into", NULL, keep->id, NULL,
				   NULL, err);
	if (rc == TSU_OK)
		rc = store_delete(st, "party", other->id, err);
	return rc;
}

enum tsu_status store_fold_party(struct store *st, const char *keep, const char *other,
				 struct fold_summary *sum, struct tsu_error *err)
{
	struct record *k = NULL, *o = NULL;
	memset(sum, 0, sizeof *sum);
	enum tsu_status rc = store_resolve(st, "party", keep, sum->keep, err);
	if (rc == TSU_OK)
		rc = store_resolve(st, "party", other, sum->other, err);
	if (rc == TSU_OK && strcmp(sum->keep, sum->other) == 0)
		rc = tsu_fail(err, TSU_INVALID, "残す関係者とまとめる関係者が同じです");
	if (rc == TSU_OK)
		rc = store_get(st, "party", sum->keep, false, &k, err);
	if (rc == TSU_OK)
		rc = store_get(st, "party", sum->other, false, &o, err);
	if (rc == TSU_OK)
		rc = store_savepoint(st, err);
	if (rc == TSU_OK)
		rc = store_release(st, fold(st, k, o, sum, err), err);
	record_free(k);
	record_free(o);
	return rc;
}

/* The import matcher's reading (io/partymatch.c): four short columns of
 * every live party in the table's own order, not whole records (their sets
 * are two queries each, and a sort of them all was 48 MB and 1.2 s on a
 * city's 100,000 parties before every import). */
enum tsu_status store_each_party_contact(struct store *st, store_contact_cb cb, void *ud,
					 struct tsu_error *err)
{
	sqlite3_stmt *s;
	/* NOT INDEXED: the table read in its order, not through party_order
	 * (a partial index on the same condition) and a seek per row */
	if (store_prepare(st, "SELECT id, name, phone, email FROM party NOT INDEXED"
			  " WHERE deleted_at IS NULL",
			  &s, err) != TSU_OK)
		return err ? err->status : TSU_DB;
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		const char *col[4];
		for (int i = 0; i < 4; i++)
			col[i] = (const char *)sqlite3_column_text(s, i);
		cb(ud, col[0], col[1], col[2], col[3]);
	}
	store_finish(st, s);
	return step == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, "party");
}
