/*
 * Opening the file, migrations, transactions (DESIGN §4).
 *
 * The journal mode is DELETE, not WAL: after every commit the one .db file
 * is complete, so a coordinator can copy it to a USB stick at any moment
 * the program is closed.  Files are created 0600 before SQLite touches
 * them (SQLite gives its journal the same mode).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "internal.h"
#include "consent_sql.h"
#include "schema.h"
#include "tsunagu/clock.h"
#include "tsunagu/config.h"
#include "tsunagu/store_activity.h"
#include "tsunagu/store_verify.h"
#include "tsunagu/syserr.h"

#define TSUNAGU_APPLICATION_ID 0x54535547 /* "TSUG" */

enum tsu_status store_sql_fail(struct store *st, struct tsu_error *err, const char *what)
{
	int code = sqlite3_extended_errcode(st->db) & 0xFF;
	const char *msg = sqlite3_errmsg(st->db);
	switch (code) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED: {
		char note[512];
		if (store_activity_describe(st->path, note, sizeof(note)))
			return tsu_fail(err, TSU_DB_LOCKED, "%s: %s のため使えません。終わってからやり直してください",
					st->path, note);
		return tsu_fail(err, TSU_DB_LOCKED, "%s: 他のプログラムが使用中です (しばらく待ってからやり直してください)", st->path);
	}
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
		if (st->pages_ok) /* damage the page check did not see, or since it */
			pagecheck_forget(st->path);
		st->pages_ok = false;
		return tsu_fail(err, TSU_DB_CORRUPT, "%s: tsunagu のデータベースではないか、壊れています", st->path);
	case SQLITE_READONLY:
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
		return tsu_fail(err, TSU_DB, "%s: 開けないか書き込めません (%s)", st->path, msg);
	case SQLITE_CONSTRAINT:
		return tsu_fail(err, TSU_INVALID, "%s: 制約に反します (%s)", what, msg);
	case SQLITE_INTERRUPT: /* store_yield_to: the user typed on */
		return tsu_fail(err, TSU_INTERRUPTED, "%s", "次の入力を優先して中断しました");
	case SQLITE_FULL: /* the transaction is rolled back by the caller */
		return tsu_fail(err, TSU_DB_FULL, "%s: ディスクがいっぱいです。変更は取り消しました", st->path);
	case SQLITE_IOERR:
		st->pages_ok = false;
		return tsu_fail(err, TSU_DB_IO, "%s: 読み書きに失敗しました。変更は取り消しました (%s)",
				st->path, msg);
	default:
		return tsu_fail(err, TSU_DB, "%s: %s", what, msg);
	}
}

/* A running query asks `pending` every few thousand steps and stops
 * (SQLITE_INTERRUPT, TSU_INTERRUPTED) once it says so. */
static int yield_check(void *ud)
{
	struct store *st = ud;
	return st->yield_pending && st->yield_pending(st->yield_ud);
}

void store_yield_to(struct store *st, int (*pending)(void *ud), void *ud)
{
	st->yield_pending = pending;
	st->yield_ud = ud;
	sqlite3_progress_handler(st->db, pending ? 1000 : 0, pending ? yield_check : NULL, st);
}

/* The cache's key: the length and the first and last 32 bytes (a long
 * statement of an import row, a kilobyte, was hashed whole for every row;
 * two statements alike there are told apart by strcmp). */
static uint32_t sql_hash(const char *s)
{
	size_t n = strlen(s);
	uint32_t h = 2166136261u ^ (uint32_t)n;
	for (size_t i = 0; i < n; i = (i == 31 && n > 64) ? n - 32 : i + 1)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

enum tsu_status store_prepare(struct store *st, const char *sql, sqlite3_stmt **out,
			      struct tsu_error *err)
{
	uint32_t h = sql_hash(sql);
	for (int i = 0; i < st->ncache; i++) {
		struct stmt_slot *c = &st->cache[i];
		if (!c->busy && c->hash == h && strcmp(c->sql, sql) == 0) {
			c->busy = true;
			*out = c->stmt;
			return TSU_OK;
		}
	}
	if (sqlite3_prepare_v2(st->db, sql, -1, out, NULL) != SQLITE_OK)
		return store_sql_fail(st, err, "SQL");
	if (st->ncache < STORE_STMT_CACHE)
		st->cache[st->ncache++] = (struct stmt_slot){h, xstrdup(sql), *out, true};
	return TSU_OK;
}

void store_finish(struct store *st, sqlite3_stmt *s)
{
	for (int i = 0; i < st->ncache; i++) {
		if (st->cache[i].stmt == s) {
			sqlite3_reset(s);
			sqlite3_clear_bindings(s);
			st->cache[i].busy = false;
			return;
		}
	}
	sqlite3_finalize(s);
}

void store_cache_clear(struct store *st)
{
	for (int i = 0; i < st->ncache; i++) {
		sqlite3_finalize(st->cache[i].stmt);
		free(st->cache[i].sql);
	}
	st->ncache = 0;
}

static size_t entity_count(void)
{
	size_t n = 0;
	while (entity_all()[n])
		n++;
	return n;
}

const char *store_entity_sql(struct store *st, const struct entity_def *e, enum entity_sql kind,
			     entity_sql_make *make)
{
	const struct entity_def *const *all = entity_all();
	size_t i = 0;
	while (all[i] && all[i] != e)
		i++;
	if (!all[i])
		return NULL;
	if (!st->entity_sql) /* counted once: this runs for every row of an import */
		st->entity_sql = xcalloc(entity_count() * ENTITY_SQL_KINDS, sizeof *st->entity_sql);
	char **slot = &st->entity_sql[i * ENTITY_SQL_KINDS + kind];
	if (!*slot) {
		struct sbuf sql = {0};
		make(&sql, e);
		*slot = sbuf_detach(&sql);
	}
	return *slot;
}

static void entity_sql_free(struct store *st)
{
	for (size_t i = 0; st->entity_sql && i < entity_count() * ENTITY_SQL_KINDS; i++)
		free(st->entity_sql[i]);
	free(st->entity_sql);
	st->entity_sql = NULL;
}

enum tsu_status store_exec(struct store *st, const char *sql, struct tsu_error *err)
{
	if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_sql_fail(st, err, "SQL");
	return TSU_OK;
}

enum tsu_status store_run(struct store *st, const char *sql, struct tsu_error *err)
{
	sqlite3_stmt *s;
	if (store_prepare(st, sql, &s, err) != TSU_OK)
		return err ? err->status : TSU_DB;
	int rc = sqlite3_step(s);
	store_finish(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? TSU_OK : store_sql_fail(st, err, "SQL");
}

void store_bind_texts(sqlite3_stmt *s, int n, const char *const *vals)
{
	for (int i = 0; i < n; i++) {
		if (vals[i])
			sqlite3_bind_text(s, i + 1, vals[i], -1, SQLITE_TRANSIENT);
		else
			sqlite3_bind_null(s, i + 1);
	}
}

char *store_col_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	return t ? xstrdup((const char *)t) : NULL;
}

enum tsu_status store_read_int(struct store *st, const char *sql, long long *out,
			       struct tsu_error *err)
{
	sqlite3_stmt *s;
	if (store_prepare(st, sql, &s, err) != TSU_OK)
		return err ? err->status : TSU_DB;
	int rc = sqlite3_step(s);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	store_finish(st, s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_fail(st, err, "SQL");
	return TSU_OK;
}

/* ---- transactions ---- */

static enum tsu_status begin_unchecked(struct store *st, struct tsu_error *err)
{
	if (st->readonly)
		return tsu_fail(err, TSU_READONLY, "%s: 読み取り専用で開いているため変更できません", st->path);
	if (st->tx_depth++ > 0)
		return TSU_OK;
	enum tsu_status rc = store_exec(st, "BEGIN IMMEDIATE", err);
	if (rc != TSU_OK)
		st->tx_depth = 0;
	return rc;
}

/* The outermost transaction first checks, under the write lock, that the
 * header and the schema are still what tsunagu wrote: nothing is written
 * into a file that is damaged or was changed behind the program's back. */
enum tsu_status store_begin(struct store *st, struct tsu_error *err)
{
	bool outermost = st->tx_depth == 0;
	/* before the transaction, which would take them away if rolled back
	 * (not in begin_unchecked: the migrations run without them); a file
	 * they do not fit is refused by the check below, in its own words */
	struct tsu_error terr = {0};
	enum tsu_status trc = outermost && !st->sp_depth ? creation_triggers(st, &terr) : TSU_OK;
	enum tsu_status rc = begin_unchecked(st, err);
	if (rc == TSU_OK && outermost && (rc = store_verify_quick(st, err)) != TSU_OK)
		store_rollback(st);
	if (rc == TSU_OK && trc != TSU_OK) {
		store_rollback(st);
		rc = tsu_fail(err, trc, "%s", terr.msg);
	}
	return rc;
}

/* After a disk-full or I/O error SQLite has already given up the
 * transaction, but it leaves the journal hot (and the .db holding half a
 * transaction) for the next reader to roll back.  Reading once plays the
 * journal back now, so the file is whole again before the program exits
 * (or before someone copies the .db alone).  True when the ROLLBACK itself
 * ran: the transaction was still open and is undone. */
static bool rollback_now(struct store *st)
{
	bool undone = sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL) == SQLITE_OK;
	sqlite3_exec(st->db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
	return undone;
}

enum tsu_status store_commit(struct store *st, struct tsu_error *err)
{
	if (st->tx_depth == 0 || --st->tx_depth > 0)
		return TSU_OK;
	enum tsu_status rc = store_exec(st, "COMMIT", err);
	if (rc != TSU_OK)
		rollback_now(st);
	else
		pagecheck_written(st);
	changelog_action_end(st);
	return rc;
}

/* A bulk write (an import, a merge) dirties pages faster than it reads
 * them again: SQLite writes the older ones out to the file (it spills)
 * when the cache is full, so a smaller cache keeps an import of 100,000
 * rows within the memory the program allows itself (issue 7: 32 MB)
 * at little cost. */
#define CACHE_PRAGMA "PRAGMA cache_size=-16384"
#define BULK_CACHE_PRAGMA "PRAGMA cache_size=-8192"

void store_bulk_begin(struct store *st)
{
	st->bulk = true;
	sqlite3_exec(st->db, BULK_CACHE_PRAGMA, NULL, NULL, NULL);
	resolve_keep_begin(st);
}

enum tsu_status store_bulk_defer(struct store *st, struct tsu_error *err)
{
	return st->bulk ? derived_defer(st, err) : TSU_OK;
}

static void bulk_done(struct store *st)
{
	derived_forget(st);
	if (st->bulk) {
		sqlite3_exec(st->db, CACHE_PRAGMA, NULL, NULL, NULL);
		resolve_keep_end(st);
	}
	st->bulk = false;
}

enum tsu_status store_bulk_end(struct store *st, struct tsu_error *err)
{
	enum tsu_status rc = derived_catch_up(st, err);
	if (rc == TSU_OK)
		rc = search_flush(st, err);
	bulk_done(st);
	return rc;
}

void store_bulk_cancel(struct store *st)
{
	bulk_done(st);
	search_wait_clear(st);
}

void store_rollback(struct store *st)
{
	bulk_done(st);
	search_wait_clear(st);
	/* A transaction given up (a dry run, a refused import) leaves the
	 * pages as they were but not the file's times: a cache that spilled
	 * wrote pages out and the rollback wrote them back.  The write lock
	 * was held since BEGIN IMMEDIATE, so no one else wrote between: the
	 * file stays remembered as checked (pagecheck.c), and the merge that
	 * follows its dry run does not read 500 MB again first. */
	if (st->tx_depth > 0) {
		st->tx_depth = 0;
		if (rollback_now(st))
			pagecheck_written(st);
	}
	changelog_action_end(st);
}

enum tsu_status store_savepoint(struct store *st, struct tsu_error *err)
{
	if (st->readonly)
		return tsu_fail(err, TSU_READONLY, "%s: 読み取り専用で開いているため変更できません", st->path);
	bool outermost = !st->tx_depth && !st->sp_depth;
	if (outermost) /* as store_begin's check does: anyone else written since? */
		pagecheck_still_ours(st);
	enum tsu_status rc = outermost ? creation_triggers(st, err) : TSU_OK;
	if (rc == TSU_OK)
		rc = store_run(st, "SAVEPOINT tsu_write", err);
	if (rc == TSU_OK) {
		st->sp_depth++;
		search_wait_mark(st);
	}
	return rc;
}

enum tsu_status store_savepoint_checked(struct store *st, struct tsu_error *err)
{
	if (!derived_guard_begin(st)) /* (never for a read-only file: no import) */
		return store_savepoint(st, err);
	st->sp_depth++;
	search_wait_mark(st);
	return TSU_OK;
}

/* The end of a write of store_savepoint_checked that took no savepoint. */
static enum tsu_status release_guarded(struct store *st, enum tsu_status result,
				       struct tsu_error *err)
{
	enum tsu_status rc = derived_guard_end(st, result, err);
	enum tsu_status wrc = search_wait_release(st, rc != TSU_OK, rc == TSU_OK ? err : NULL);
	st->sp_depth--;
	return rc == TSU_OK ? wrc : rc;
}

enum tsu_status store_release(struct store *st, enum tsu_status result, struct tsu_error *err)
{
	if (derived_guarding(st))
		return release_guarded(st, result, err);
	enum tsu_status rc = result;
	if (result != TSU_OK) {
		store_run(st, "ROLLBACK TO tsu_write", NULL);
		store_run(st, "RELEASE tsu_write", NULL);
		resolve_forget(st);      /* rows a kept name was found in may have gone */
		changelog_refs_forget(st);
		search_wait_release(st, true, NULL);
	} else {
		rc = store_run(st, "RELEASE tsu_write", err);
		enum tsu_status wrc = search_wait_release(st, rc != TSU_OK, err);
		rc = rc == TSU_OK ? wrc : rc;
	}
	/* a savepoint outside any transaction was the whole action */
	if (--st->sp_depth == 0 && st->tx_depth == 0) {
		changelog_action_end(st);
		if (rc == TSU_OK && result == TSU_OK)
			pagecheck_written(st);
	}
	return rc;
}

/* ---- opening ---- */

/* Creates `path` empty with mode 0600 if it does not exist. */
static enum tsu_status create_private_file(const char *path, struct tsu_error *err)
{
	if (config_make_parent_dirs(path, err) != TSU_OK)
		return err ? err->status : TSU_IO;
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
	if (fd < 0 && errno != EEXIST)
		return tsu_fail(err, TSU_IO, "%s: ファイルを作れません: %s", path, syserr_text(errno, true));
	if (fd >= 0)
		close(fd);
	return TSU_OK;
}

static enum tsu_status apply_pragmas(struct store *st, struct tsu_error *err)
{
	sqlite3_busy_timeout(st->db, 3000);
	/* secure_delete stays on: a write that fails or is rolled back (a
	 * full disk in the middle of an import) leaves none of its rows in
	 * the file's free pages; FAST measured no faster.  The page cache
	 * (16 MB; 8 MB while a bulk write runs, store_bulk_begin) holds the
	 * screens' working set; temporary tables and statement journals (one
	 * per row's savepoint) stay in memory, never in files of their own. */
	if (store_exec(st, "PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON;"
		       " " CACHE_PRAGMA "; PRAGMA temp_store=MEMORY;"
		       " PRAGMA trusted_schema=OFF", err) != TSU_OK)
		return err->status;
	if (!st->readonly && store_exec(st, "PRAGMA journal_mode=DELETE", err) != TSU_OK)
		return err->status;
	return TSU_OK;
}

/* Before SQLite starts (the first connection): no counting of every
 * allocation under a global lock (MEMSTATUS can only be set then; later
 * calls change nothing, and a connection opened first left every
 * allocation of an import taking that lock, 5 % of its time). */
static void sqlite_configure(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

int store_file_version(const char *path)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *s = NULL;
	int v = -1;
	sqlite_configure();
	char *uri = store_file_uri(path, "ro");
	if (sqlite3_open_v2(uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	free(uri);
	return v;
}

int store_upgrade_pending(const char *path)
{
	int v = store_file_version(path);
	return v > 0 && v < schema_version_latest() && access(path, W_OK) == 0 ? v : 0;
}

/* Copies the file to FILE.bak-vN (0600) before migrating it. */
static enum tsu_status backup_before_migration(struct store *st, long long version,
					       struct tsu_error *err)
{
	struct sbuf out = {0};
	sbuf_addf(&out, "%s.bak-v%lld", st->path, version);
	unlink(out.s);
	enum tsu_status rc = store_snapshot(st, out.s, err);
	sbuf_free(&out);
	return rc;
}

static int migrations_count(const char *const *migrations)
{
	int n = 0;
	while (migrations[n])
		n++;
	return n;
}

enum tsu_status store_migrate(struct store *st, const char *const *migrations,
			      struct tsu_error *err)
{
	long long from;
	int latest = migrations_count(migrations);
	if (store_read_int(st, "PRAGMA user_version", &from, err) != TSU_OK)
		return err->status;
	if (from > 0 && from < latest && backup_before_migration(st, from, err) != TSU_OK)
		return err->status;
	for (long long v = from; v < latest; v++) {
		char sql[96];
		if (begin_unchecked(st, err) != TSU_OK) /* the schema is on its way */
			return err->status;
		snprintf(sql, sizeof sql, "PRAGMA user_version=%lld; PRAGMA application_id=%d",
			 v + 1, TSUNAGU_APPLICATION_ID);
		/* a new file gets its reference data once it has the whole
		 * schema; an older one the choice lists added since it was made */
		bool last = v + 1 == latest;
		if (store_exec(st, migrations[v], err) != TSU_OK ||
		    store_exec(st, sql, err) != TSU_OK ||
		    (last && from == 0 && seed_reference(st, err) != TSU_OK) ||
		    (last && from > 0 && seed_choice_lists(st, err) != TSU_OK)) {
			char why[TSU_ERROR_MSG_MAX];
			snprintf(why, sizeof why, "%s", err->msg);
			store_rollback(st);
			return tsu_fail(err, err->status, "版 %lld への更新に失敗しました (変更は戻しました): %s",
					v + 1, why);
		}
		if (store_commit(st, err) != TSU_OK)
			return err->status;
	}
	/* the steps leave the pages of replaced tables free: give them back
	 * when they are many.  No old text stays in them either way
	 * (secure_delete zeroes what is freed); a step that adds no table
	 * leaves only the few the file had, and VACUUM would rebuild a city
	 * file for nothing.  A new file (a few pages; schemas 9 to 12 drop
	 * tables) keeps none: a write that fails and is rolled back leaves
	 * what it wrote in the free pages it took (SQLite does not journal a
	 * free page it takes, its content not mattering), and the file would
	 * not be byte for byte as before (cli/disk_full).  VACUUM builds the
	 * new file in a temporary one: on disk, not in memory (a city's file
	 * is most of a gigabyte), which SQLite deletes as it opens it, so no
	 * copy outlives the process */
	long long free_pages = 0, pages = 0;
	if (from < latest && !st->upgrade_only &&
	    store_read_int(st, "PRAGMA freelist_count", &free_pages, NULL) == TSU_OK &&
	    store_read_int(st, "PRAGMA page_count", &pages, NULL) == TSU_OK &&
	    (free_pages * 4 > pages || (from == 0 && free_pages > 0)))
		store_exec(st, "PRAGMA temp_store=FILE; VACUUM; PRAGMA temp_store=MEMORY", NULL);
	return TSU_OK;
}

/* Checks the file is ours and brings it to the current schema. */
static enum tsu_status check_version(struct store *st, struct tsu_error *err)
{
	long long version, app, tables;
	if (store_read_int(st, "PRAGMA user_version", &version, err) != TSU_OK ||
	    store_read_int(st, "PRAGMA application_id", &app, err) != TSU_OK ||
	    store_read_int(st, "SELECT count(*) FROM sqlite_schema", &tables, err) != TSU_OK)
		return err->status;
	if (version < 0 || (version == 0 && tables > 0) ||
	    (app != 0 && app != TSUNAGU_APPLICATION_ID))
		return tsu_fail(err, TSU_DB_CORRUPT, "%s: tsunagu のデータベースではありません", st->path);
	if (version > schema_version_latest()) {
		st->readonly = true;
		return TSU_DB_NEWER;
	}
	if (version < schema_version_latest()) {
		if (st->readonly)
			return tsu_fail(err, TSU_READONLY, "%s: 古い版のファイルを読み取り専用では更新できません", st->path);
		return store_migrate(st, schema_migrations, err);
	}
	return TSU_OK;
}

static enum tsu_status open_sqlite(struct store *st, bool readonly, struct tsu_error *err)
{
	/* URIs on, so that merge can attach the other file read-only; a
	 * plain name that happens to start with "file:" stays a name */
	int flags = (readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_URI;
	/* one thread per connection: no locking of it (NOMUTEX) */
	flags |= SQLITE_OPEN_NOMUTEX;
	sqlite_configure();
	store_cache_clear(st);
	if (st->db)
		sqlite3_close(st->db);
	st->readonly = readonly;
	struct sbuf name = {0};
	sbuf_addf(&name, "%s%s", strncmp(st->path, "file:", 5) == 0 ? "./" : "", st->path);
	int rc = sqlite3_open_v2(name.s, &st->db, flags, NULL);
	sbuf_free(&name);
	if (rc != SQLITE_OK)
		return store_sql_fail(st, err, st->path);
	if (consent_sql_register(st->db) != SQLITE_OK || /* the lists use them */
	    search_sql_register(st->db) != SQLITE_OK || gramtok_register(st->db) != SQLITE_OK ||
	    idset_register(st->db) != SQLITE_OK)
		return store_sql_fail(st, err, st->path);
	return apply_pragmas(st, err);
}

static enum tsu_status open_checked(struct store *st, struct tsu_error *err)
{
	bool writable = access(st->path, W_OK) == 0;
	if (open_sqlite(st, !writable, err) != TSU_OK)
		return err->status;
	enum tsu_status rc = check_version(st, err);
	if (rc == TSU_DB_NEWER) {
		if (open_sqlite(st, true, err) != TSU_OK)
			return err->status;
		long long v = 0;
		store_read_int(st, "PRAGMA user_version", &v, NULL);
		tsu_fail(err, TSU_DB_NEWER, "%s: 新しい版の tsunagu で作られたファイルです (版 %lld > %d)。読み取り専用で開きます",
			 st->path, v, schema_version_latest());
		return TSU_OK;
	}
	if (rc != TSU_OK)
		return rc;
	if (!writable)
		tsu_fail(err, TSU_READONLY, "%s: 書き込めないため読み取り専用で開きます", st->path);
	st->hlc_last = changelog_max_hlc(st);
	pagecheck_take_up(st);
	rc = choices_load(st, err);
	return rc == TSU_OK && !st->upgrade_only ? search_key_check(st, err) : rc;
}

enum tsu_status store_open(const char *path, enum store_mode mode, struct store **out,
			   struct tsu_error *err)
{
	struct stat sb;
	*out = NULL;
	tsu_error_clear(err);
	if (stat(path, &sb) != 0) {
		if (errno != ENOENT || mode != STORE_OPEN_CREATE)
			return tsu_fail(err, TSU_DB_MISSING, "%s: ファイルがありません (tsunagu init で作成できます)", path);
		if (create_private_file(path, err) != TSU_OK)
			return err->status;
	} else if (!S_ISREG(sb.st_mode)) {
		return tsu_fail(err, TSU_IO, "%s: 通常のファイルではありません", path);
	} else if (sb.st_size == 0 && mode != STORE_OPEN_CREATE) {
		/* SQLite would take it for a new database and we would seed it */
		return tsu_fail(err, TSU_DB_CORRUPT, "%s: 空のファイルです (tsunagu のデータベースではありません)", path);
	} else if ((sb.st_mode & 077) && sb.st_uid == getuid()) {
		chmod(path, 0600); /* a copied file may have come back world-readable */
	}
	struct store *st = xcalloc(1, sizeof *st);
	st->path = xstrdup(path);
	st->author = xstrdup(config_login_name());
	st->upgrade_only = mode == STORE_OPEN_UPGRADE;
	struct tsu_error local;
	enum tsu_status rc = open_checked(st, err ? err : &local);
	if (rc != TSU_OK) {
		store_close(st);
		return rc;
	}
	*out = st;
	return TSU_OK;
}

void store_close(struct store *st)
{
	if (!st)
		return;
	store_rollback(st);
	choices_free(st);
	store_cache_clear(st);
	/* closed first: the journal is gone, the file as the next one finds it */
	if (st->db && sqlite3_close(st->db) == SQLITE_OK && st->pages_ok)
		pagecheck_remember(st->path, &st->pages_of);
	free(st->path);
	free(st->author);
	free(st->party_n_fts);
	entity_sql_free(st);
	store_schema_want_free(st);
	search_wait_free(st);
	free(st);
}

const char *store_path(const struct store *st)
{
	return st->path;
}

bool store_readonly(const struct store *st)
{
	return st->readonly;
}

void store_set_author(struct store *st, const char *author)
{
	if (!author || !*author)
		return;
	free(st->author);
	st->author = xstrdup(author);
}

const char *store_author(const struct store *st)
{
	return st->author;
}
