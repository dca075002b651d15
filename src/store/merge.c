/*
 * `tsunagu merge OTHER.db` (DESIGN §5).
 *
 * OTHER is attached read-only.  Its changes that this file lacks (by change
 * id) are copied into the change log, and every record they touch is
 * rebuilt from all of its changes (replay.c), so the result depends only on
 * the union of the two logs: merging both ways gives the same data, merging
 * again brings nothing.  Where both files changed one field since they
 * parted, or one deleted a record the other edited, the losing change stays
 * in the log and is listed in `conflict` for review (conflict.c).
 *
 * All of it is one transaction after a backup copy (FILE.bak-merge); a dry
 * run does the same work and rolls it back.
 *
 * The work from an attached file on is merge_attached(), shared with
 * `tsunagu sync` (sync.c), whose change files hold a `changelog` and a
 * `conflict` table of the same columns: the SQL below names the attached
 * schema "other", and merge_attached() puts in the schema it is given.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "internal.h"
#include "schema.h"
#include "tsunagu/merge.h"
#include "tsunagu/clock.h"

#define CHANGE_HEAD "change_id, hlc, replica, action_id, author, at, entity, row_id, field," \
	" old_value"
#define CHANGE_COLS CHANGE_HEAD ", new_value, covers"

/* merge_in into this file's log: replica and action ids by their numbers
 * here (schema 9), new ones added. */
#define KEEP_IN \
	"INSERT OR IGNORE INTO main.change_replica(id) SELECT DISTINCT replica FROM merge_in;" \
	"INSERT OR IGNORE INTO main.change_action(id) SELECT DISTINCT action_id FROM merge_in;" \
	"INSERT INTO main.changes(change_id, hlc, replica, action, author, at, entity, row_id," \
	" field, old_value, new_value, covers) SELECT change_id, hlc," \
	" (SELECT r.n FROM main.change_replica r WHERE r.id = x.replica)," \
	" (SELECT a.n FROM main.change_action a WHERE a.id = x.action_id)," \
	" author, at, entity, row_id, field, old_value, new_value, covers" \
	" FROM merge_in x ORDER BY hlc, change_id"

/* The columns of the change-log rows aliased `a`, a creation that stands
 * on its row filled in from the rows of schema `source` (a whole tsunagu
 * file; NULL: a change file, whose creations are whole already). */
static void change_cols(struct sbuf *sql, const char *a, const char *source)
{
	sbuf_add(sql, CHANGE_HEAD ", ");
	if (source)
		creation_filled_sql(sql, source, a);
	sbuf_add(sql, source ? " AS new_value, covers" : "new_value, covers");
}

char *store_file_uri(const char *path, const char *mode)
{
	struct sbuf u = {0};
	sbuf_add(&u, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    strchr("/._-~", *p))
			sbuf_addc(&u, (char)*p);
		else
			sbuf_addf(&u, "%%%02X", *p);
	}
	sbuf_addf(&u, "?mode=%s", mode);
	return sbuf_detach(&u);
}

static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

/* Checks OTHER is a tsunagu file of this version before it is attached. */
static enum tsu_status check_other(const char *path, bool *older, struct tsu_error *err)
{
	sqlite3 *db = NULL;
	long long app = 0, version = 0;
	enum tsu_status rc = TSU_OK;
	if (access(path, R_OK) != 0)
		return tsu_fail(err, TSU_DB_MISSING, "%s: 読めないか、ありません", path);
	char *uri = store_file_uri(path, "ro"); /* OTHER is never written */
	int orc = sqlite3_open_v2(uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
	free(uri);
	sqlite3_stmt *s = NULL;
	if (orc != SQLITE_OK || sqlite3_prepare_v2(db, "SELECT (SELECT application_id FROM"
		" pragma_application_id), (SELECT user_version FROM pragma_user_version)",
		-1, &s, NULL) != SQLITE_OK || sqlite3_step(s) != SQLITE_ROW)
		rc = tsu_fail(err, TSU_DB_CORRUPT, "%s: tsunagu のデータベースではないか、壊れています", path);
	if (rc == TSU_OK) {
		app = sqlite3_column_int64(s, 0);
		version = sqlite3_column_int64(s, 1);
	}
	sqlite3_finalize(s);
	sqlite3_close(db);
	if (rc != TSU_OK)
		return rc;
	if (app != 0x54535547 || version < 1)
		return tsu_fail(err, TSU_DB_CORRUPT, "%s: tsunagu のデータベースではありません", path);
	if (version > schema_version_latest())
		return tsu_fail(err, TSU_DB_NEWER, "%s: 新しい版の tsunagu で作られたファイルです (版 %lld > %d)。"
				"この版ではマージできません", path, version, schema_version_latest());
	*older = version < schema_version_latest();
	return TSU_OK;
}

/* A copy of an older file, brought to this version in a private
 * directory (OTHER itself stays as it is); *dir gets the directory to
 * remove afterwards. */
static enum tsu_status upgraded_copy(const char *path, char **dir, char **copy,
				     struct tsu_error *err)
{
	struct sbuf d = {0}, f = {0};
	const char *tmp = getenv("TMPDIR");
	sbuf_addf(&d, "%s/tsunagu-merge-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(d.s)) {
		sbuf_free(&d);
		return tsu_fail(err, TSU_IO, "一時フォルダを作れません");
	}
	sbuf_addf(&f, "%s/other.db", d.s);
	struct store *o = NULL;
	enum tsu_status rc = store_copy_file(path, f.s, err);
	if (rc == TSU_OK)
		rc = store_open(f.s, STORE_OPEN_UPGRADE, &o, err); /* its search is not read */
	store_close(o);
	*dir = sbuf_detach(&d);
	*copy = sbuf_detach(&f);
	return rc;
}

/* The upgraded copy, its journal and the backup its migration made
 * (other.db.bak-vN for whichever older version it was). */
static void remove_dir(const char *dir)
{
	struct sbuf f = {0};
	static const char *const names[] = {"other.db", "other.db-journal", NULL};
	for (int i = 0; names[i]; i++) {
		sbuf_reset(&f);
		sbuf_addf(&f, "%s/%s", dir, names[i]);
		unlink(f.s);
	}
	for (int v = 1; v < schema_version_latest(); v++) {
		sbuf_reset(&f);
		sbuf_addf(&f, "%s/other.db.bak-v%d", dir, v);
		unlink(f.s);
	}
	sbuf_free(&f);
	rmdir(dir);
}

/* sql with every "other." put as "<schema>." (schema is ours, never typed
 * by a user).  New string. */
static char *with_schema(const char *sql, const char *schema)
{
	struct sbuf out = {0};
	const char *p;
	while ((p = strstr(sql, "other.")) != NULL) {
		sbuf_addf(&out, "%.*s%s.", (int)(p - sql), sql, schema);
		sql = p + strlen("other.");
	}
	sbuf_add(&out, sql);
	return sbuf_detach(&out);
}

/* Prepares sql (with the attached schema put in) without the cache. */
static enum tsu_status prepare_in(struct store *st, const char *schema, const char *sql,
				  sqlite3_stmt **s, struct tsu_error *err)
{
	char *q = with_schema(sql, schema);
	int rc = sqlite3_prepare_v2(st->db, q, -1, s, NULL);
	free(q);
	return rc == SQLITE_OK ? TSU_OK : store_sql_fail(st, err, "merge");
}

static enum tsu_status exec_in(struct store *st, const char *schema, const char *sql,
			       const char *arg, struct tsu_error *err)
{
	sqlite3_stmt *s;
	if (prepare_in(st, schema, sql, &s, err) != TSU_OK)
		return err ? err->status : TSU_DB;
	if (arg)
		sqlite3_bind_text(s, 1, arg, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? TSU_OK : store_sql_fail(st, err, "merge");
}

static enum tsu_status exec_bind1(struct store *st, const char *sql, const char *arg,
				  struct tsu_error *err)
{
	return exec_in(st, "other", sql, arg, err);
}

/*
 * Finding what OTHER has and this file lacks without comparing every change
 * id (a city's file holds millions).  A replica writes its changes with
 * rising stamps, and a merge takes all or nothing, so each file holds, of
 * each replica's changes, the ones up to some stamp.  So per replica: if
 * both files hold the same changes up to the lower of their two latest
 * stamps W — the same number, and the same set of ids (idset.c) — only
 * OTHER's changes after W can be new.  A tsunagu file keeps both sums for
 * all of a replica's changes (schema 13), so only the changes after W are
 * read; a change file of sync is read whole.  Where they differ (a file
 * restored from a backup and written again under its old replica id, say)
 * every change of that replica is compared.
 */

/* The latest stamp of the replica's changes in schema ("main", "other"),
 * -1 when it has none. */
static sqlite3_int64 replica_latest(struct store *st, const char *schema, const char *in,
				    const char *replica, bool numbered)
{
	struct sbuf sql = {0};
	sqlite3_stmt *s;
	sqlite3_int64 latest = -1;
	if (numbered)
		sbuf_addf(&sql, "SELECT max(c.hlc) FROM %s.changes c WHERE c.replica ="
			  " (SELECT n FROM %s.change_replica WHERE id = ?1)", schema, schema);
	else
		sbuf_addf(&sql, "SELECT max(hlc) FROM %s.changelog WHERE replica = ?1", schema);
	if (prepare_in(st, in, sql.s, &s, NULL) == TSU_OK) {
		sqlite3_bind_text(s, 1, replica, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL)
			latest = sqlite3_column_int64(s, 0);
		sqlite3_finalize(s);
	}
	sbuf_free(&sql);
	return latest;
}

/* "count:idset" of the replica's changes up to stamp w in schema: its sums
 * less the changes after w (XOR in SQL: (a | b) - (a & b)), or, in a change
 * file, its changes up to w read whole.  NULL on failure. */
static char *replica_held(struct store *st, const char *schema, const char *in,
			  const char *replica, bool numbered, sqlite3_int64 w)
{
	struct sbuf sql = {0};
	sqlite3_stmt *s;
	char *out = NULL;
	if (numbered)
		sbuf_addf(&sql, "SELECT (r.held - t.n) || ':' || ((r.idset | t.x) - (r.idset & t.x))"
			  " FROM %s.change_replica r, (SELECT count(*) AS n, tsu_idset(c.change_id) AS x"
			  " FROM %s.changes c WHERE c.replica = (SELECT n FROM %s.change_replica"
			  " WHERE id = ?1) AND c.hlc > ?2) t WHERE r.id = ?1", schema, schema, schema);
	else
		sbuf_addf(&sql, "SELECT count(*) || ':' || tsu_idset(change_id) FROM %s.changelog"
			  " WHERE replica = ?1 AND hlc <= ?2", schema);
	if (prepare_in(st, in, sql.s, &s, NULL) == TSU_OK) {
		sqlite3_bind_text(s, 1, replica, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(s, 2, w);
		if (sqlite3_step(s) == SQLITE_ROW)
			out = store_col_dup(s, 0);
		sqlite3_finalize(s);
	}
	sbuf_free(&sql);
	return out;
}

/* The stamp up to which both files hold the same changes of the replica,
 * -1 when they differ (every change of it is compared then). */
static sqlite3_int64 replica_same_until(struct store *st, const char *schema,
					const char *replica, bool whole)
{
	sqlite3_int64 mine = replica_latest(st, "main", schema, replica, true);
	sqlite3_int64 theirs = replica_latest(st, "other", schema, replica, whole);
	if (mine < 0 || theirs < 0)
		return -1;
	sqlite3_int64 w = mine < theirs ? mine : theirs;
	char *a = replica_held(st, "main", schema, replica, true, w);
	char *b = replica_held(st, "other", schema, replica, whole, w);
	bool same = a && b && strcmp(a, b) == 0;
	free(a);
	free(b);
	return same ? w : -1;
}

static enum tsu_status replica_step(struct store *st, const char *schema, const char *replica,
				    bool whole, struct tsu_error *err)
{
	sqlite3_int64 from = replica_same_until(st, schema, replica, whole);
	struct sbuf sql = {0};
	sqlite3_stmt *s;
	sbuf_add(&sql, "INSERT INTO merge_in SELECT ");
	change_cols(&sql, "o", whole ? "other" : NULL);
	sbuf_add(&sql, " FROM other.changelog o WHERE o.replica = ?1 AND o.hlc > ?2"
		 " AND NOT EXISTS (SELECT 1 FROM main.changes m WHERE m.change_id = o.change_id)");
	enum tsu_status prc = prepare_in(st, schema, sql.s, &s, err);
	sbuf_free(&sql);
	if (prc != TSU_OK)
		return prc;
	sqlite3_bind_text(s, 1, replica, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 2, from);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, "merge");
}

/* Whether the attached file is a whole tsunagu file (its creations may
 * stand on its rows), not a change file of sync (whole changes only). */
static bool whole_file(struct store *st, const char *schema)
{
	sqlite3_stmt *s;
	bool whole = false;
	if (prepare_in(st, schema, "SELECT 1 FROM other.sqlite_schema WHERE name = 'party'", &s,
		       NULL) == TSU_OK) {
		whole = sqlite3_step(s) == SQLITE_ROW;
		sqlite3_finalize(s);
	}
	return whole;
}

/* merge_in: OTHER's changes that this file lacks, per replica. */
static enum tsu_status collect_in(struct store *st, const char *schema, struct tsu_error *err)
{
	bool whole = whole_file(st, schema);
	sqlite3_stmt *s;
	if (prepare_in(st, schema, whole ? "SELECT id FROM other.change_replica"
		       : "SELECT DISTINCT replica FROM other.changelog", &s, err) != TSU_OK)
		return err ? err->status : TSU_DB;
	enum tsu_status rc = TSU_OK;
	int step;
	while (rc == TSU_OK && (step = sqlite3_step(s)) == SQLITE_ROW) {
		char *replica = store_col_dup(s, 0);
		rc = replica_step(st, schema, replica, whole, err);
		free(replica);
	}
	if (rc == TSU_OK && step != SQLITE_DONE)
		rc = store_sql_fail(st, err, "merge");
	sqlite3_finalize(s);
	return rc;
}

/* The merge's working tables, made once per connection and emptied after
 * each merge, not dropped: every change to the TEMP schema has SQLite read
 * the creation triggers (creation.c) again, and dropping these three cost
 * a merge of 10,000 changes a twentieth of its time. */
#define SCRATCH_COLS "(change_id, hlc, replica, action_id, author, at, entity, row_id, field," \
	" old_value, new_value, covers)"
static enum tsu_status scratch_make(struct store *st, struct tsu_error *err)
{
	return store_exec(st, "CREATE TEMP TABLE IF NOT EXISTS merge_in" SCRATCH_COLS ";"
			  "CREATE INDEX IF NOT EXISTS temp.merge_in_row ON merge_in(row_id, field);"
			  "CREATE TEMP TABLE IF NOT EXISTS merge_local" SCRATCH_COLS ";"
			  "CREATE INDEX IF NOT EXISTS temp.merge_local_row ON merge_local(row_id, field);"
			  "CREATE TEMP TABLE IF NOT EXISTS merge_rows(entity, row_id)", err);
}

static void scratch_empty(struct store *st)
{
	sqlite3_exec(st->db, "DELETE FROM temp.merge_in; DELETE FROM temp.merge_local;"
		     " DELETE FROM temp.merge_rows", NULL, NULL, NULL);
}

/* merge_in, and merge_local: this file's changes to the same records that
 * OTHER lacks.  A creation that stands on its row, in either file, is
 * made whole in these copies (only temp tables: nothing is written before
 * the backup). */
static enum tsu_status collect(struct store *st, const char *schema, struct tsu_error *err)
{
	struct sbuf local = {0};
	sbuf_add(&local, "INSERT INTO merge_local SELECT ");
	change_cols(&local, "m", "main");
	sbuf_add(&local, " FROM main.changelog m WHERE m.row_id IN (SELECT row_id FROM merge_in)"
		 " AND NOT EXISTS (SELECT 1 FROM other.changelog o WHERE o.change_id = m.change_id)");
	const char *const steps[] = {
		local.s,
		"INSERT INTO merge_rows SELECT DISTINCT entity, row_id FROM merge_in",
	};
	enum tsu_status rc = scratch_make(st, err);
	if (rc == TSU_OK)
		rc = collect_in(st, schema, err);
	for (size_t i = 0; rc == TSU_OK && i < sizeof steps / sizeof steps[0]; i++)
		rc = exec_in(st, schema, steps[i], NULL, err);
	sbuf_free(&local);
	return rc;
}

/* The latest change of each side per (row, field) where both sides have
 * one: a field edited on both, or a deletion against an edit. */
#define CONFLICT_PAIRS \
	"WITH latest_in AS (SELECT row_id, entity, field, change_id, hlc, new_value FROM merge_in x" \
	"  WHERE NOT EXISTS (SELECT 1 FROM merge_in y WHERE y.row_id = x.row_id AND y.field = x.field" \
	"  AND (y.hlc > x.hlc OR (y.hlc = x.hlc AND y.change_id > x.change_id))))," \
	" latest_local AS (SELECT row_id, entity, field, change_id, hlc, new_value FROM merge_local x" \
	"  WHERE NOT EXISTS (SELECT 1 FROM merge_local y WHERE y.row_id = x.row_id AND y.field = x.field" \
	"  AND (y.hlc > x.hlc OR (y.hlc = x.hlc AND y.change_id > x.change_id))))," \
	" edits_in AS (SELECT * FROM merge_in WHERE field NOT LIKE '\\_%' ESCAPE '\\' OR field = '_restored')," \
	" edits_local AS (SELECT * FROM merge_local WHERE field NOT LIKE '\\_%' ESCAPE '\\' OR field = '_restored')" \
	"SELECT i.entity, i.row_id, i.field, i.change_id, i.hlc, l.change_id, l.hlc," \
	" i.new_value IS l.new_value FROM latest_in i JOIN latest_local l" \
	" ON l.row_id = i.row_id AND l.field = i.field" \
	" WHERE i.field NOT LIKE '\\_%' ESCAPE '\\' OR i.field = '_created'" \
	" UNION ALL SELECT d.entity, d.row_id, '_deleted', d.change_id, d.hlc, e.change_id, e.hlc, 0" \
	" FROM latest_in d JOIN edits_local e ON e.row_id = d.row_id WHERE d.field = '_deleted'" \
	"  AND NOT EXISTS (SELECT 1 FROM edits_local z WHERE z.row_id = e.row_id AND (z.hlc > e.hlc" \
	"  OR (z.hlc = e.hlc AND z.change_id > e.change_id)))" \
	" UNION ALL SELECT d.entity, d.row_id, '_deleted', d.change_id, d.hlc, e.change_id, e.hlc, 0" \
	" FROM latest_local d JOIN edits_in e ON e.row_id = d.row_id WHERE d.field = '_deleted'" \
	"  AND NOT EXISTS (SELECT 1 FROM edits_in z WHERE z.row_id = e.row_id AND (z.hlc > e.hlc" \
	"  OR (z.hlc = e.hlc AND z.change_id > e.change_id)))"

static bool later(sqlite3_int64 h1, const char *c1, sqlite3_int64 h2, const char *c2)
{
	return h1 > h2 || (h1 == h2 && strcmp(c1, c2) > 0);
}

static enum tsu_status record_conflict(struct store *st, sqlite3_stmt *pair, struct tsu_error *err)
{
	const char *entity = (const char *)sqlite3_column_text(pair, 0);
	const char *field = (const char *)sqlite3_column_text(pair, 2);
	const char *a = (const char *)sqlite3_column_text(pair, 3);
	const char *b = (const char *)sqlite3_column_text(pair, 5);
	const struct entity_def *e = entity_find(entity);
	if (!e || sqlite3_column_int(pair, 7) || (field[0] != '_' && set_find(entity, field)))
		return TSU_OK; /* same value, or a set: nothing lost */
	bool a_wins = later(sqlite3_column_int64(pair, 4), a, sqlite3_column_int64(pair, 6), b);
	uuid_str id;
	char now[32];
	sqlite3_stmt *s;
	if (uuid_v7(id, err) != TSU_OK)
		return TSU_IO;
	clock_iso(clock_now_ms(), now, sizeof now);
	if (store_prepare(st, "INSERT OR IGNORE INTO conflict(id, entity, row_id, field, kept_change,"
			  " lost_change, found_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)", &s, err))
		return err ? err->status : TSU_DB;
	const char *vals[] = {id, entity, (const char *)sqlite3_column_text(pair, 1), field,
			      a_wins ? a : b, a_wins ? b : a, now};
	store_bind_texts(s, 7, vals);
	enum tsu_status rc = sqlite3_step(s) == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, "conflict");
	store_finish(st, s);
	return rc;
}

static enum tsu_status find_conflicts(struct store *st, struct tsu_error *err)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, CONFLICT_PAIRS, -1, &s, NULL) != SQLITE_OK)
		return store_sql_fail(st, err, "merge");
	enum tsu_status rc = TSU_OK;
	int step;
	while (rc == TSU_OK && (step = sqlite3_step(s)) == SQLITE_ROW)
		rc = record_conflict(st, s, err);
	if (rc == TSU_OK && step != SQLITE_DONE)
		rc = store_sql_fail(st, err, "merge");
	sqlite3_finalize(s);
	return rc;
}

/* The conflicts OTHER found are listed here too (both copies show what
 * was lost), and one reviewed there is reviewed here. */
static enum tsu_status carry_conflicts(struct store *st, const char *schema, struct tsu_error *err)
{
	enum tsu_status rc = exec_in(st, schema, "INSERT OR IGNORE INTO main.conflict SELECT * FROM other.conflict",
				     NULL, err);
	if (rc == TSU_OK)
		rc = exec_in(st, schema, "UPDATE main.conflict SET reviewed = 1 WHERE reviewed = 0 AND EXISTS"
				" (SELECT 1 FROM other.conflict o WHERE o.kept_change = conflict.kept_change"
				" AND o.lost_change = conflict.lost_change AND o.reviewed = 1)", NULL, err);
	return rc;
}

/* The conflicts this merge listed (found or carried: rows after `last`)
 * that are still to be looked at; one already settled on the other copy
 * is not news here. */
static long conflicts_new(struct store *st, sqlite3_int64 last)
{
	sqlite3_stmt *s;
	long n = 0;
	if (store_prepare(st, "SELECT count(*) FROM conflict WHERE rowid > ?1 AND reviewed = 0",
			  &s, NULL) != TSU_OK)
		return 0;
	sqlite3_bind_int64(s, 1, last);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(s, 0);
	store_finish(st, s);
	return n;
}

static struct merge_kind *kind_slot(struct merge_summary *sum, const struct entity_def *e)
{
	for (int i = 0; i < sum->nkinds; i++)
		if (sum->kinds[i].entity == e->name)
			return &sum->kinds[i];
	if (sum->nkinds >= MERGE_MAX_KINDS)
		return NULL;
	struct merge_kind *k = &sum->kinds[sum->nkinds++];
	*k = (struct merge_kind){.entity = e->name, .label = e->label};
	return k;
}

/* 0: no row, 1: live, 2: deleted. */
static int row_state(struct store *st, const struct entity_def *e, const char *id)
{
	struct sbuf sql = {0};
	sqlite3_stmt *s;
	int state = 0;
	sbuf_addf(&sql, "SELECT deleted_at IS NOT NULL FROM %s WHERE id = ?1", e->table);
	if (store_prepare(st, sql.s, &s, NULL) == TSU_OK) {
		sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(s) == SQLITE_ROW)
			state = sqlite3_column_int(s, 0) ? 2 : 1;
		store_finish(st, s);
	}
	sbuf_free(&sql);
	return state;
}

/* What the changes of row `id` that came in can have moved: the set
 * fields some change of which came in (all of them with its creation),
 * and whether any reads into a search document. */
static struct replay_need brought(struct store *st, const struct entity_def *e, const char *id)
{
	sqlite3_stmt *s;
	struct replay_need need = {0, false, false};
	if (store_prepare(st, "SELECT DISTINCT field FROM temp.merge_in WHERE row_id = ?1", &s,
			  NULL) != TSU_OK)
		return (struct replay_need){~0ULL, true, false};
	sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *field = (const char *)sqlite3_column_text(s, 0);
		int i = entity_field_index(e, field);
		if (strcmp(field, "_created") == 0 || i >= 64)
			need.sets = ~0ULL;
		else if (i >= 0 && e->fields[i].type == FIELD_SET)
			need.sets |= 1ULL << i;
		need.search |= search_reads_field(e->name, field);
	}
	store_finish(st, s);
	return need;
}

static enum tsu_status replay_rows(struct store *st, struct merge_summary *sum,
				   struct tsu_error *err)
{
	sqlite3_stmt *s;
	/* the rows sets refer to first: a set holds its elements by rowid
	 * (schema 11), so a party new to this file must be in before a task
	 * that names it */
	if (sqlite3_prepare_v2(st->db, "SELECT entity, row_id FROM merge_rows ORDER BY"
			       " CASE entity WHEN 'area' THEN 0 WHEN 'party' THEN 1 ELSE 2 END", -1,
			       &s, NULL) != SQLITE_OK)
		return store_sql_fail(st, err, "merge");
	enum tsu_status rc = TSU_OK;
	while (rc == TSU_OK && sqlite3_step(s) == SQLITE_ROW) {
		const struct entity_def *e = entity_find((const char *)sqlite3_column_text(s, 0));
		const char *id = (const char *)sqlite3_column_text(s, 1);
		if (!e)
			continue; /* a kind this version does not know: kept in the log */
		int before = row_state(st, e, id);
		bool deleted;
		struct replay_need need = brought(st, e, id);
		need.was_deleted = before == 2;
		rc = replay_record(st, e, id, before ? &need : NULL, &deleted, err);
		struct merge_kind *k = kind_slot(sum, e);
		if (rc != TSU_OK || !k)
			continue;
		if (before != 1 && !deleted)
			k->added++;
		else if (before == 1 && deleted)
			k->deleted++;
		else if (before == 1)
			k->changed++;
	}
	sqlite3_finalize(s);
	return rc;
}

static void count_in(struct store *st, long *changes, sqlite3_int64 *max_hlc)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, "SELECT count(*), coalesce(max(hlc), 0) FROM merge_in", -1,
			       &s, NULL) != SQLITE_OK)
		return;
	if (sqlite3_step(s) == SQLITE_ROW) {
		*changes = sqlite3_column_int64(s, 0);
		*max_hlc = sqlite3_column_int64(s, 1);
	}
	sqlite3_finalize(s);
}

enum tsu_status merge_attached(struct store *st, struct merge_run *run, struct merge_summary *sum,
			       struct tsu_error *err)
{
	/* from the first read on: the anti-join over both change logs fills
	 * a cache as well as the replay does (db.c, bulk writes) */
	store_bulk_begin(st);
	enum tsu_status rc = store_exec(st, "PRAGMA defer_foreign_keys = ON", err);
	if (rc == TSU_OK)
		rc = collect(st, run->schema, err);
	long changes = 0;
	sqlite3_int64 max_hlc = 0;
	if (rc == TSU_OK)
		count_in(st, &changes, &max_hlc);
	/* the backup, under the write lock and before anything is written */
	if (rc == TSU_OK && changes > 0 && run->backup && !run->backed_up) {
		rc = store_backup_locked(st, run->backup, err);
		run->backed_up = rc == TSU_OK;
	}
	sum->changes += changes;
	if ((uint64_t)max_hlc > run->max_hlc)
		run->max_hlc = (uint64_t)max_hlc;
	long long last = 0;
	if (rc == TSU_OK)
		rc = store_read_int(st, "SELECT coalesce(max(rowid), 0) FROM conflict", &last, err);
	if (rc == TSU_OK)
		rc = find_conflicts(st, err);
	if (rc == TSU_OK)
		rc = carry_conflicts(st, run->schema, err);
	if (rc == TSU_OK)
		sum->conflicts += conflicts_new(st, last);
	if (rc == TSU_OK)
		rc = store_exec(st, KEEP_IN, err);
	if (rc == TSU_OK)
		rc = replay_rows(st, sum, err);
	if (rc == TSU_OK)
		rc = store_bulk_end(st, err);
	scratch_empty(st);
	if (rc != TSU_OK) /* the caller rolls back; nothing waits for the index */
		store_bulk_cancel(st);
	return rc;
}

/* Everything between attach and detach, inside one transaction. */
static enum tsu_status merge_tx(struct store *st, bool dry_run, struct merge_summary *sum,
				struct tsu_error *err)
{
	enum tsu_status rc = store_begin(st, err);
	if (rc != TSU_OK)
		return rc;
	/* the backup, under the write lock taken before anything is written */
	if (!dry_run) {
		struct sbuf bak = {0};
		sbuf_addf(&bak, "%s.bak-merge", st->path);
		rc = store_backup_locked(st, bak.s, err);
		sbuf_free(&bak);
	}
	struct merge_run run = {.schema = "other"};
	if (rc == TSU_OK)
		rc = merge_attached(st, &run, sum, err);
	if (rc != TSU_OK || dry_run) {
		store_rollback(st);
		return rc;
	}
	rc = store_commit(st, err);
	if (rc == TSU_OK)
		changelog_absorb(st, run.max_hlc);
	return rc;
}

enum tsu_status store_merge(struct store *st, const char *other, bool dry_run,
			    struct merge_summary *sum, struct tsu_error *err)
{
	*sum = (struct merge_summary){0};
	if (st->readonly)
		return tsu_fail(err, TSU_READONLY, "%s: 読み取り専用で開いているためマージできません", st->path);
	bool older = false;
	enum tsu_status rc = check_other(other, &older, err);
	if (rc != TSU_OK || same_file(st->path, other))
		return rc; /* a file merged with itself: nothing to bring */
	if (older) {
		char *dir = NULL, *copy = NULL;
		rc = upgraded_copy(other, &dir, &copy, err);
		if (rc == TSU_OK)
			rc = store_merge(st, copy, dry_run, sum, err);
		if (dir)
			remove_dir(dir);
		free(dir);
		free(copy);
		return rc;
	}
	char *uri = store_file_uri(other, "ro");
	rc = exec_bind1(st, "ATTACH DATABASE ?1 AS other", uri, err);
	free(uri);
	if (rc != TSU_OK)
		return tsu_fail(err, TSU_DB_CORRUPT, "%s: 開けません (%s)", other, err->msg);
	rc = merge_tx(st, dry_run, sum, err);
	sqlite3_exec(st->db, "DETACH DATABASE other", NULL, NULL, NULL);
	return rc;
}
