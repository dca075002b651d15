/*
 * What triggers keep beside the rows, during an import.
 *
 * Three things are derived from the rows and kept up to date by triggers
 * on every write: the counts of live parties by area (area_tally, schema
 * 6), the directory's order (party_key, schema 7) and each replica's sums
 * (change_replica.held and idset, schema 13).  A statement that fires a
 * trigger opens a statement journal and copies into it every page it
 * touches, so that the trigger's writes can be undone with the statement's:
 * an import's inserts of each party, of its creation change and of its
 * area copied some forty pages a row that way (issue 7).
 *
 * So an import takes out, for its own transaction only, the triggers that
 * fire on those inserts (derived_defer) and brings what they keep up to
 * date once at its end, from the rows added (derived_catch_up): the
 * directory's order of the parties added, the counts of live parties, the
 * replicas' sums of the changes added.  The triggers' text is read from
 * the file and put back as it was before the commit; a rollback or a
 * killed process gives them back with everything else, so no file is ever
 * without them.  The triggers on updates and deletes stay.  Rows and
 * changes are never deleted (only marked), so everything added since the
 * import began lies above the highest rowid and seq it found.  The counts
 * by area are caught up from the new parties' links alone unless a link
 * of an area was put or taken otherwise (an import that changes a party's
 * areas): then they are counted again whole, 40-70 ms of a city's file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

static const char *const deferred_names[] = {
	"party_key_new", "tally_party_new", "tally_party_area_in", "change_held",
};
#define NDEFERRED (sizeof deferred_names / sizeof deferred_names[0])

struct derived_wait {
	sqlite3_int64 party_mark, change_mark;
	char *sql[NDEFERRED];
	bool guarding;               /* a row written without a savepoint */
	sqlite3_int64 guard_changes; /* sqlite3_total_changes64 as it began */
	bool broken;                 /* a row given up after its first write */
	bool areas_touched;          /* an area link put or taken but a new record's */
};

void derived_forget(struct store *st)
{
	struct derived_wait *w = st->deferred;
	if (!w)
		return;
	for (size_t i = 0; i < NDEFERRED; i++)
		free(w->sql[i]);
	free(w);
	st->deferred = NULL;
}

/* Each trigger's CREATE statement as the file keeps it; false if one is
 * not there (nothing is then deferred). */
static bool read_triggers(struct store *st, struct derived_wait *w)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?1",
			  &s, NULL) != TSU_OK)
		return false;
	bool all = true;
	for (size_t i = 0; i < NDEFERRED && all; i++) {
		sqlite3_bind_text(s, 1, deferred_names[i], -1, SQLITE_STATIC);
		all = sqlite3_step(s) == SQLITE_ROW && (w->sql[i] = store_col_dup(s, 0)) != NULL;
		sqlite3_reset(s);
	}
	store_finish(st, s);
	return all;
}

static enum tsu_status drop_triggers(struct store *st, struct tsu_error *err)
{
	enum tsu_status rc = TSU_OK;
	for (size_t i = 0; i < NDEFERRED && rc == TSU_OK; i++) {
		char sql[64];
		snprintf(sql, sizeof sql, "DROP TRIGGER %s", deferred_names[i]);
		rc = store_exec(st, sql, err);
	}
	return rc;
}

enum tsu_status derived_defer(struct store *st, struct tsu_error *err)
{
	if (st->deferred || st->tx_depth == 0 || st->readonly)
		return TSU_OK;
	struct derived_wait *w = calloc(1, sizeof *w);
	if (!w)
		return tsu_fail(err, TSU_NOMEM, "%s", "メモリが足りません");
	st->deferred = w;
	long long party = 0, change = 0;
	if (!read_triggers(st, w) ||
	    store_read_int(st, "SELECT coalesce(max(rowid), 0) FROM party", &party, NULL) != TSU_OK ||
	    store_read_int(st, "SELECT coalesce(max(seq), 0) FROM changes", &change, NULL) != TSU_OK) {
		derived_forget(st); /* the triggers stay and do the work */
		return TSU_OK;
	}
	w->party_mark = party;
	w->change_mark = change;
	enum tsu_status rc = drop_triggers(st, err);
	if (rc != TSU_OK) /* the caller rolls back: the triggers come back */
		derived_forget(st);
	return rc;
}

/* The parties added since the mark into the directory's order (a party
 * added and changed since is there already, by party_key_set). */
#define CATCH_UP_ORDER \
	"INSERT OR REPLACE INTO party_key SELECT rowid, coalesce(kana, name), name, id FROM party" \
	" WHERE rowid > ?1 AND deleted_at IS NULL"
/* The areas of the parties added since the mark into the counts by area
 * (what tally_party_area_in adds as each link comes, its party live).  A
 * new record's links are put while it is live (sets.c, link_add), so each
 * of them counts, a party deleted again since among them (tally_party_live
 * took its areas out as it went) — as long as no link of an area was put
 * or taken otherwise during the import (derived_area_link_touched): then
 * every count is counted again. */
#define CATCH_UP_AREAS \
	"INSERT INTO area_tally(area_id, parties) SELECT a.id, count(*) FROM party_area_link l" \
	" JOIN area a ON a.rowid = l.value WHERE l.owner > ?1 GROUP BY a.id" \
	" ON CONFLICT(area_id) DO UPDATE SET parties = parties + excluded.parties"
#define RECOUNT_AREAS \
	"DELETE FROM area_tally;" \
	"INSERT INTO area_tally(area_id, parties) " AREA_TALLY_RECOUNT_SQL ";" \
	"INSERT INTO area_tally(area_id, parties) SELECT '', count(*) FROM party" \
	" WHERE deleted_at IS NULL;"
/* The parties added since the mark into the count of all live parties
 * (what tally_party_new adds).  A row is always written live (record.c,
 * insert_row; only a merge's replay writes one deleted, and a merge sets
 * nothing aside), so each added row counts, those deleted again since
 * among them: tally_party_live took them out of the count as they went.
 * (Counted again with the areas when those are.) */
#define CATCH_UP_TOTAL \
	"INSERT INTO area_tally(area_id, parties) SELECT '', count(*) FROM party WHERE rowid > ?1" \
	" ON CONFLICT(area_id) DO UPDATE SET parties = parties + excluded.parties"

static enum tsu_status run_from(struct store *st, const char *sql, sqlite3_int64 mark,
				struct tsu_error *err)
{
	sqlite3_stmt *s;
	enum tsu_status rc = store_prepare(st, sql, &s, err);
	if (rc != TSU_OK)
		return rc;
	sqlite3_bind_int64(s, 1, mark);
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = store_sql_fail(st, err, "並び順と件数の控え");
	store_finish(st, s);
	return rc;
}

/* The counts by area and of all live parties, from the parties added. */
static enum tsu_status catch_up_counts(struct store *st, sqlite3_int64 mark,
				       struct tsu_error *err)
{
	enum tsu_status rc = run_from(st, CATCH_UP_AREAS, mark, err);
	return rc == TSU_OK ? run_from(st, CATCH_UP_TOTAL, mark, err) : rc;
}

void derived_area_link_touched(struct store *st)
{
	if (st->deferred)
		st->deferred->areas_touched = true;
}

/*
 * A new record is checked whole before its first write (record.c), so
 * during an import it needs no savepoint of its own: a row given up before
 * that write has nothing to undo, and the savepoint's journal copied some
 * thirty pages of every row (a tenth of an import's time).  A row given up
 * after its first write (nothing the checks can see: a full disk, an I/O
 * error) cannot be taken back alone; the whole import then fails and is
 * rolled back, nothing of it kept.
 */
bool derived_guard_begin(struct store *st)
{
	struct derived_wait *w = st->deferred;
	if (!w || w->guarding || st->sp_depth > 0 || st->tx_depth == 0)
		return false;
	w->guarding = true;
	w->guard_changes = sqlite3_total_changes64(st->db);
	return true;
}

bool derived_guarding(const struct store *st)
{
	return st->deferred && st->deferred->guarding && st->sp_depth == 1;
}

enum tsu_status derived_guard_end(struct store *st, enum tsu_status result,
				  struct tsu_error *err)
{
	struct derived_wait *w = st->deferred;
	w->guarding = false;
	if (result == TSU_OK || sqlite3_total_changes64(st->db) == w->guard_changes)
		return result;
	w->broken = true;
	if (result != TSU_INVALID && result != TSU_NOT_FOUND && result != TSU_AMBIGUOUS)
		return result; /* the import stops at it anyway */
	char why[TSU_ERROR_MSG_MAX];
	snprintf(why, sizeof why, "%s", err ? err->msg : "");
	return tsu_fail(err, TSU_DB, "%s (行の途中で止まったため、取り込みをすべて取り消します)", why);
}

enum tsu_status derived_catch_up(struct store *st, struct tsu_error *err)
{
	struct derived_wait *w = st->deferred;
	if (!w)
		return TSU_OK;
	if (w->broken)
		return tsu_fail(err, TSU_DB, "%s", "行の途中で止まった書き込みがあったため、取り込みをすべて取り消します");
	enum tsu_status rc = run_from(st, CATCH_UP_ORDER, w->party_mark, err);
	if (rc == TSU_OK)
		rc = idset_add_since(st, w->change_mark, err);
	if (rc == TSU_OK)
		rc = w->areas_touched ? store_exec(st, RECOUNT_AREAS, err)
				      : catch_up_counts(st, w->party_mark, err);
	for (size_t i = 0; i < NDEFERRED && rc == TSU_OK; i++)
		rc = store_exec(st, w->sql[i], err);
	derived_forget(st);
	return rc;
}
