/*
 * Writing the change log (DESIGN §5; the table is described in schema.c).
 *
 * Every change belongs to an *action*: the first change written after a
 * commit starts one (a fresh action id, one wall-clock time for all its
 * rows, the clock caught up with every stamp already in the file, the
 * file's replica id checked), and the outermost commit, rollback or
 * release ends it.  So one save, one card move or one import is one action,
 * and undo and merge can treat it as one.
 *
 * The replica id lives in meta beside the device and inode where it was
 * minted.  A file found elsewhere (copied, restored, carried back) mints a
 * new id before its first change, so two copies never write under one id.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "internal.h"
#include "tsunagu/clock.h"

#define SEED_EPOCH_MS 1617235200000ULL /* seed.c: 2021-04-01T00:00:00Z */
#define SEED_REPLICA "00000000-0000-7000-8000-000000000000"

enum tsu_status store_meta_get(struct store *st, const char *key, char *out, size_t n,
				struct tsu_error *err)
{
	sqlite3_stmt *s;
	out[0] = '\0';
	if (store_prepare(st, "SELECT value FROM meta WHERE key = ?1", &s, err))
		return err ? err->status : TSU_DB;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && sqlite3_column_text(s, 0))
		snprintf(out, n, "%s", (const char *)sqlite3_column_text(s, 0));
	store_finish(st, s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, "meta");
}

enum tsu_status store_meta_set(struct store *st, const char *key, const char *value,
				struct tsu_error *err)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "INSERT INTO meta(key, value) VALUES(?1, ?2)"
			  " ON CONFLICT(key) DO UPDATE SET value = excluded.value", &s, err))
		return err ? err->status : TSU_DB;
	const char *vals[] = {key, value};
	store_bind_texts(s, 2, vals);
	int rc = sqlite3_step(s);
	store_finish(st, s);
	return rc == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, "meta");
}

/* "device:inode" of the open file: where a replica id belongs. */
static void file_home(const struct store *st, char *out, size_t n)
{
	struct stat sb;
	if (stat(st->path, &sb) == 0)
		snprintf(out, n, "%llu:%llu", (unsigned long long)sb.st_dev,
			 (unsigned long long)sb.st_ino);
	else
		snprintf(out, n, "?");
}

enum tsu_status changelog_replica(struct store *st, struct tsu_error *err)
{
	char id[64], home[64], here[64];
	if (st->replica[0])
		return TSU_OK;
	if (store_meta_get(st, "replica_id", id, sizeof id, err) ||
	    store_meta_get(st, "replica_home", home, sizeof home, err))
		return err ? err->status : TSU_DB;
	file_home(st, here, sizeof here);
	if (uuid_valid(id) && strcmp(home, here) == 0) {
		memcpy(st->replica, id, sizeof st->replica);
		return TSU_OK;
	}
	if (uuid_v7(st->replica, err) != TSU_OK || store_meta_set(st, "replica_id", st->replica, err) ||
	    store_meta_set(st, "replica_home", here, err)) {
		st->replica[0] = '\0';
		return err ? err->status : TSU_DB;
	}
	return TSU_OK;
}

void changelog_replica_peek(struct store *st, char out[UUID_STR_LEN + 1])
{
	char id[64], home[64], here[64];
	out[0] = '\0';
	if (store_meta_get(st, "replica_id", id, sizeof id, NULL) ||
	    store_meta_get(st, "replica_home", home, sizeof home, NULL))
		return;
	file_home(st, here, sizeof here);
	if (uuid_valid(id) && strcmp(home, here) == 0)
		memcpy(out, id, UUID_STR_LEN + 1);
}

/* The highest stamp in the file: one seek per replica in the index
 * changelog_replica, instead of reading a city's million changes at every
 * open and every action. */
uint64_t changelog_max_hlc(struct store *st)
{
	sqlite3_stmt *s;
	uint64_t max = 0;
	if (store_prepare(st, "SELECT max((SELECT max(hlc) FROM changes WHERE replica = r.n))"
			  " FROM change_replica r", &s, NULL) == TSU_OK) {
		if (sqlite3_step(s) == SQLITE_ROW)
			max = (uint64_t)sqlite3_column_int64(s, 0);
		store_finish(st, s);
	}
	return max;
}

void changelog_absorb(struct store *st, uint64_t stamp)
{
	if (stamp > st->hlc_last)
		st->hlc_last = stamp;
}

enum tsu_status changelog_action(struct store *st, struct tsu_error *err)
{
	if (st->action_id[0])
		return TSU_OK;
	if (st->seeding) {
		snprintf(st->action_id, sizeof st->action_id, "%s", SEED_REPLICA);
		st->action_ms = SEED_EPOCH_MS;
		return TSU_OK;
	}
	if (changelog_replica(st, err) != TSU_OK)
		return err ? err->status : TSU_DB;
	/* another process may have written or merged since we last looked */
	changelog_absorb(st, changelog_max_hlc(st));
	st->action_ms = clock_now_ms();
	return uuid_v7_at(st->action_id, st->action_ms, err);
}

void changelog_action_end(struct store *st)
{
	st->action_id[0] = '\0';
	changelog_refs_forget(st);
	st->replica[0] = '\0'; /* re-checked by the next action: the file may have moved */
}

void store_now_iso(struct store *st, char buf[32])
{
	if (changelog_action(st, NULL) != TSU_OK)
		st->action_ms = clock_now_ms();
	clock_iso(st->action_ms, buf, 32);
}

/* Id and stamp of the next change.  Seeded rows get the same ones in
 * every file (derived from the row), so fresh files share their log. */
static enum tsu_status next_change(struct store *st, const char *row_id, const char *field,
				   uuid_str id, uint64_t *hlc, struct tsu_error *err)
{
	if (st->seeding) {
		struct sbuf key = {0};
		sbuf_addf(&key, "change/%s/%s", row_id, field);
		seed_id(key.s, id);
		sbuf_free(&key);
		*hlc = SEED_EPOCH_MS << HLC_COUNTER_BITS;
		return TSU_OK;
	}
	st->hlc_last = hlc_next(st->hlc_last, clock_now_ms());
	*hlc = st->hlc_last;
	return uuid_v7_at(id, st->action_ms, err);
}

void changelog_refs_forget(struct store *st)
{
	st->replica_n = st->action_n = 0;
}

/* The number an id has in change_replica or change_action, added there if
 * it is new. */
static enum tsu_status ref_number(struct store *st, const char *table, const char *id,
				  sqlite3_int64 *n, struct tsu_error *err)
{
	struct sbuf sql = {0};
	sqlite3_stmt *s;
	sbuf_addf(&sql, "INSERT INTO %s(id) VALUES(?1) ON CONFLICT(id) DO UPDATE SET id = id"
		  " RETURNING n", table);
	enum tsu_status rc = store_prepare(st, sql.s, &s, err);
	sbuf_free(&sql);
	if (rc != TSU_OK)
		return rc;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(s) == SQLITE_ROW)
		*n = sqlite3_column_int64(s, 0);
	else
		rc = store_sql_fail(st, err, table);
	store_finish(st, s);
	return rc;
}

/* The numbers of this action's replica and action id, found once per
 * action (and again after a rollback may have taken the rows). */
static enum tsu_status action_refs(struct store *st, struct tsu_error *err)
{
	if (st->action_n)
		return TSU_OK;
	const char *rep = st->seeding ? SEED_REPLICA : st->replica;
	enum tsu_status rc = ref_number(st, "change_replica", rep, &st->replica_n, err);
	if (rc == TSU_OK)
		rc = ref_number(st, "change_action", st->action_id, &st->action_n, err);
	if (rc != TSU_OK)
		changelog_refs_forget(st);
	return rc;
}

#define CHANGE_INSERT "INSERT INTO changes(change_id, hlc, replica, action, author, at," \
	" entity, row_id, field, old_value, new_value, covers)" \
	" VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "

/* Binds ?1..?9 of CHANGE_INSERT; *hlc_out gets the change's stamp. */
static enum tsu_status bind_head(struct store *st, sqlite3_stmt *s, const char *entity,
				 const char *row_id, const char *field, uint64_t *hlc_out,
				 struct tsu_error *err)
{
	uuid_str id;
	uint64_t hlc;
	if (changelog_action(st, err) != TSU_OK || action_refs(st, err) != TSU_OK ||
	    next_change(st, row_id, field, id, &hlc, err) != TSU_OK)
		return err ? err->status : TSU_IO;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)hlc);
	sqlite3_bind_int64(s, 3, st->replica_n);
	sqlite3_bind_int64(s, 4, st->action_n);
	sqlite3_bind_text(s, 5, st->author, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 6, (sqlite3_int64)st->action_ms);
	sqlite3_bind_text(s, 7, entity, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 8, row_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 9, field, -1, SQLITE_TRANSIENT);
	if (hlc_out)
		*hlc_out = hlc;
	return TSU_OK;
}

enum tsu_status changelog_add(struct store *st, const char *entity, const char *row_id,
			      const char *field, const char *old_value, const char *new_value,
			      const char *covers, uint64_t *hlc_out, struct tsu_error *err)
{
	sqlite3_stmt *s;
	if (store_prepare(st, CHANGE_INSERT "?11, ?12)", &s, err))
		return err ? err->status : TSU_DB;
	enum tsu_status rc = bind_head(st, s, entity, row_id, field, hlc_out, err);
	if (rc == TSU_OK) {
		const char *vals[] = {old_value, new_value, covers};
		for (int i = 0; i < 3; i++) {
			if (vals[i])
				sqlite3_bind_text(s, 10 + i, vals[i], -1, SQLITE_TRANSIENT);
			else
				sqlite3_bind_null(s, 10 + i);
		}
		if (sqlite3_step(s) != SQLITE_DONE)
			rc = store_sql_fail(st, err, "changelog");
	}
	store_finish(st, s);
	return rc;
}

/* The creation change of a new row: new_value NULL while the row is as
 * created (creation.c). */
enum tsu_status changelog_created(struct store *st, const struct entity_def *e,
				  const char *row_id, uint64_t *hlc_out, struct tsu_error *err)
{
	return changelog_add(st, e->name, row_id, "_created", NULL, NULL, NULL, hlc_out, err);
}
