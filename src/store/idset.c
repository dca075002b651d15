/*
 * Sets of change ids, told apart without reading them (merge.c).
 *
 * A set of change ids is summed up as its count and the XOR of its ids'
 * 64-bit hashes: the same for the same ids in any order, and one id more
 * or less is one XOR.  Each file keeps the sum of every replica's changes
 * it holds in change_replica (held, idset; schema 13), updated by a
 * trigger on every change written (tsu_idxor), so a merge that asks
 * whether two files hold the same changes of a replica up to some stamp
 * reads only the changes after it.
 *
 * The hash is part of the file format: a file keeps sums made by every
 * version that wrote it, so it never changes, and it reads the id's bytes
 * in one order on every machine.  SQL functions, registered on every
 * connection (a program without them, such as the sqlite3 tool, cannot
 * write a change: the trigger names tsu_idxor):
 *   tsu_idxor(acc, change_id)  acc XOR the id's hash
 *   tsu_idset(change_id)       aggregate: XOR of the ids' hashes (0: none)
 */
#include <stdlib.h>
#include <string.h>
#include "internal.h"

static uint64_t word_at(const unsigned char *t)
{
	uint64_t w = 0;
	for (int i = 7; i >= 0; i--)
		w = w << 8 | t[i];
	return w;
}

/* Eight bytes at a time: a merge that cannot use the sums hashes every
 * change of a replica (a city's file holds millions). */
static uint64_t idset_hash(const unsigned char *t, size_t n)
{
	const uint64_t k = 0x9E3779B97F4A7C15ULL;
	uint64_t h = 0x243F6A8885A308D3ULL ^ (n * k);
	for (; n >= 8; t += 8, n -= 8) {
		h = (h ^ word_at(t)) * k;
		h ^= h >> 29;
	}
	for (; n > 0; t++, n--)
		h = (h ^ *t) * k;
	h ^= h >> 32;
	h *= 0xD6E8FEB86659FD93ULL;
	return h ^ (h >> 32);
}

static uint64_t value_hash(sqlite3_value *v)
{
	const unsigned char *t = sqlite3_value_text(v);
	return t ? idset_hash(t, (size_t)sqlite3_value_bytes(v)) : 0;
}

static void sql_idxor(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	uint64_t acc = (uint64_t)sqlite3_value_int64(argv[0]);
	sqlite3_result_int64(ctx, (sqlite3_int64)(acc ^ value_hash(argv[1])));
}

static void idset_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	uint64_t *acc = sqlite3_aggregate_context(ctx, sizeof *acc);
	(void)argc;
	if (acc)
		*acc ^= value_hash(argv[0]);
}

static void idset_final(sqlite3_context *ctx)
{
	uint64_t *acc = sqlite3_aggregate_context(ctx, 0);
	sqlite3_result_int64(ctx, acc ? (sqlite3_int64)*acc : 0);
}

int idset_register(sqlite3 *db)
{
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS; /* in a trigger */
	int rc = sqlite3_create_function(db, "tsu_idxor", 2, flags, NULL, sql_idxor, NULL, NULL);
	return rc != SQLITE_OK ? rc : sqlite3_create_function(db, "tsu_idset", 1, flags, NULL, NULL,
								idset_step, idset_final);
}

/* One replica's changes added since a mark, summed. */
struct replica_sum {
	sqlite3_int64 n;
	sqlite3_int64 count;
	uint64_t x;
};

static struct replica_sum *sum_of(struct replica_sum **sums, size_t *nsums, sqlite3_int64 n)
{
	for (size_t i = 0; i < *nsums; i++)
		if ((*sums)[i].n == n)
			return &(*sums)[i];
	*sums = xrealloc(*sums, (*nsums + 1) * sizeof **sums);
	(*sums)[*nsums] = (struct replica_sum){.n = n};
	return &(*sums)[(*nsums)++];
}

static enum tsu_status put_sums(struct store *st, const struct replica_sum *sums, size_t nsums,
				struct tsu_error *err)
{
	sqlite3_stmt *s;
	enum tsu_status rc = store_prepare(st, "UPDATE change_replica SET held = held + ?2,"
					   " idset = (idset | ?3) - (idset & ?3) WHERE n = ?1", &s, err);
	if (rc != TSU_OK)
		return rc;
	for (size_t i = 0; i < nsums && rc == TSU_OK; i++) {
		sqlite3_bind_int64(s, 1, sums[i].n);
		sqlite3_bind_int64(s, 2, sums[i].count);
		sqlite3_bind_int64(s, 3, (sqlite3_int64)sums[i].x);
		if (sqlite3_step(s) != SQLITE_DONE)
			rc = store_sql_fail(st, err, "change_replica");
		sqlite3_reset(s);
	}
	store_finish(st, s);
	return rc;
}

/* The changes after seq `mark` (written while the trigger was set aside,
 * derived.c) added to their replicas' sums: read in seq order, summed
 * here (a file knows a few replicas), not grouped by SQLite, which chose
 * to walk every change of the replica index to group them. */
enum tsu_status idset_add_since(struct store *st, sqlite3_int64 mark, struct tsu_error *err)
{
	sqlite3_stmt *s;
	enum tsu_status rc = store_prepare(st, "SELECT replica, change_id FROM changes"
					   " WHERE seq > ?1 ORDER BY seq", &s, err);
	if (rc != TSU_OK)
		return rc;
	struct replica_sum *sums = NULL;
	size_t nsums = 0;
	sqlite3_bind_int64(s, 1, mark);
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct replica_sum *r = sum_of(&sums, &nsums, sqlite3_column_int64(s, 0));
		r->count++;
		r->x ^= value_hash(sqlite3_column_value(s, 1));
	}
	if (step != SQLITE_DONE)
		rc = store_sql_fail(st, err, "changes");
	store_finish(st, s);
	if (rc == TSU_OK)
		rc = put_sums(st, sums, nsums, err);
	free(sums);
	return rc;
}
