/*
 * Change files of `tsunagu sync` (sync.c): an SQLite file holding a copy
 * of one tsunagu file's change log and conflict list, nothing else.
 *
 * Its `changelog` and `conflict` tables have the columns of the file's own,
 * so merge.c reads one as it reads a whole tsunagu file.  Its header marks
 * it as ours (application_id "TSUC", user_version = format version) and a
 * small `meta` table says who wrote it: format, schema version, replica
 * id, when, how many changes, and a fingerprint of the change ids and
 * conflicts (so a sync that has nothing new leaves the file alone, and a
 * file-sync engine has nothing to carry).
 *
 * It is built under a temporary name in the folder and renamed into place,
 * so a reader never sees half of one; a reader still checks what it reads
 * (a copy cut short by a file-sync engine, a damaged disk, another
 * program's file) and says why it will not read it.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "internal.h"
#include "schema.h"
#include "tsunagu/clock.h"
#include "tsunagu/syserr.h"

#define CF_APP_ID 0x54535543 /* "TSUC" */
#define CF_FORMAT 1
#define TSU_APP_ID 0x54535547 /* a whole tsunagu file */

static char *why(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *why(const char *fmt, ...)
{
	char buf[TSU_ERROR_MSG_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return xstrdup(buf);
}

static char *meta_text(sqlite3 *db, const char *key)
{
	sqlite3_stmt *s;
	char *v = NULL;
	if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = ?1", -1, &s, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = store_col_dup(s, 0);
	sqlite3_finalize(s);
	return v;
}

static sqlite3_int64 one_int(sqlite3 *db, const char *sql, bool *ok)
{
	sqlite3_stmt *s;
	sqlite3_int64 v = 0;
	*ok = false;
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		return 0;
	if (sqlite3_step(s) == SQLITE_ROW) {
		v = sqlite3_column_int64(s, 0);
		*ok = true;
	}
	sqlite3_finalize(s);
	return v;
}

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* The SQLite header (https://sqlite.org/fileformat.html §1.3), read
 * before SQLite opens the file: ours, of a format we read, and as long as
 * it says (SQLite itself reports a cut file only as "malformed"). */
static char *check_header(const char *path, off_t size)
{
	unsigned char h[100];
	int fd = open(path, O_RDONLY);
	ssize_t n = fd >= 0 ? read(fd, h, sizeof h) : -1;
	if (fd >= 0)
		close(fd);
	if (n < 0)
		return why("読めません: %s", syserr_text(errno, false));
	if (n < (ssize_t)sizeof h || memcmp(h, "SQLite format 3", 16) != 0)
		return why("tsunagu の変更ファイルではありません");
	uint32_t app = be32(h + 68), version = be32(h + 60);
	if (app == TSU_APP_ID)
		return why("tsunagu のデータベースで、変更ファイルではありません");
	if (app != CF_APP_ID)
		return why("tsunagu の変更ファイルではありません");
	if (version > CF_FORMAT)
		return why("新しい版の tsunagu で書かれた変更ファイルです (形式 %u)。この版では読めません",
			   (unsigned)version);
	uint32_t psize = (uint32_t)h[16] << 8 | h[17];
	if (psize == 1)
		psize = 65536;
	if ((off_t)psize * be32(h + 28) > size)
		return why("途中で切れています (書きかけか、コピーが途中で止まったファイルです)");
	return NULL;
}

static char *check_pages(sqlite3 *db)
{
	sqlite3_stmt *s;
	char *bad = NULL;
	if (sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &s, NULL) != SQLITE_OK ||
	    sqlite3_step(s) != SQLITE_ROW || strcmp((const char *)sqlite3_column_text(s, 0), "ok") != 0)
		bad = why("壊れています (中身を確かめられません)");
	sqlite3_finalize(s);
	return bad;
}

/* Who wrote it, and whether all of its changes are there. */
static char *check_meta(sqlite3 *db, const char *replica, struct changefile_info *info)
{
	char *format = meta_text(db, "format"), *rep = meta_text(db, "replica_id");
	char *schema = meta_text(db, "schema_version"), *count = meta_text(db, "changes");
	char *fp = meta_text(db, "fingerprint");
	char *bad = NULL;
	bool ok;
	long n = one_int(db, "SELECT count(*) FROM changelog", &ok);
	if (!format || strcmp(format, "tsunagu-changes") != 0 || !rep || !schema || !count || !fp)
		bad = why("変更ファイルの見出し (meta) が足りません (書きかけか、壊れています)");
	else if (atoi(schema) > schema_version_latest())
		bad = why("新しい版の tsunagu (データベースの版 %s) で書かれています。この版では読めません",
			  schema);
	else if (strcmp(rep, replica) != 0)
		bad = why("ファイル名と中身の複製 ID が違います (名前を変えたコピーです)");
	else if (!ok || n != atol(count))
		bad = why("途中で切れています (変更 %ld 件のはずが %ld 件です)", atol(count), n);
	if (!bad && info) {
		info->changes = n;
		snprintf(info->fingerprint, sizeof info->fingerprint, "%s", fp);
	}
	free(format);
	free(rep);
	free(schema);
	free(count);
	free(fp);
	return bad;
}

char *changefile_check(const char *path, const char *replica, struct changefile_info *info)
{
	struct stat sb;
	if (stat(path, &sb) != 0)
		return why("読めません: %s", syserr_text(errno, false));
	if (!S_ISREG(sb.st_mode))
		return why("ふつうのファイルではありません");
	if (sb.st_size == 0)
		return why("空のファイルです (書きかけか、途中で切れています)");
	char *bad = check_header(path, sb.st_size);
	if (bad)
		return bad;
	sqlite3 *db = NULL;
	char *uri = store_file_uri(path, "ro");
	int orc = sqlite3_open_v2(uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
	free(uri);
	bad = orc == SQLITE_OK ? check_pages(db) : why("開けません");
	if (!bad)
		bad = check_meta(db, replica, info);
	sqlite3_close(db);
	return bad;
}

/* The count of this file's changes and the set of their ids from each
 * replica's sums (schema 13: a sync of a city's file read and hashed every
 * change id to learn whether it had anything new to write), then its
 * conflicts. */
enum tsu_status changefile_fingerprint(struct store *st, struct changefile_info *info,
				       struct tsu_error *err)
{
	sqlite3_stmt *s;
	long long n = 0;
	uint64_t ids = 0;
	if (store_prepare(st, "SELECT held, idset FROM change_replica", &s, err))
		return err ? err->status : TSU_DB;
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		n += sqlite3_column_int64(s, 0);
		ids ^= (uint64_t)sqlite3_column_int64(s, 1);
	}
	store_finish(st, s);
	if (step != SQLITE_DONE)
		return store_sql_fail(st, err, "sync");
	if (store_prepare(st, "SELECT count(*) || ':' || coalesce(sum(reviewed), 0) FROM conflict",
			  &s, err))
		return err ? err->status : TSU_DB;
	enum tsu_status rc = TSU_OK;
	if (sqlite3_step(s) == SQLITE_ROW) {
		info->changes = n;
		snprintf(info->fingerprint, sizeof info->fingerprint, "%lld:%lld/%s", n,
			 (long long)ids, (const char *)sqlite3_column_text(s, 0));
	} else {
		rc = store_sql_fail(st, err, "sync");
	}
	store_finish(st, s);
	return rc;
}

/* The copy of the change log: every change whole, a creation's object
 * made from its row where the row still stands for it (creation.c), so
 * the file travels whole while this file keeps its creations unpinned
 * (pinning them all here first grew a city's file by 160 MB, 29 %).  In
 * the log's own order, which is its rows' and their records' order too:
 * by change id it read a city's file at random (10 s a sync, not 6). */
static char *copy_sql(void)
{
	struct sbuf sql = {0};
	sbuf_add(&sql, "INSERT INTO syncout.changelog SELECT c.change_id, c.hlc, c.replica,"
		 " c.action_id, c.author, c.at, c.entity, c.row_id, c.field, c.old_value, ");
	creation_filled_sql(&sql, "main", "c");
	sbuf_add(&sql, ", c.covers FROM main.changelog c ORDER BY c.seq");
	return sbuf_detach(&sql);
}

/* The tables and rows of the change file, into the attached `syncout`. */
static enum tsu_status fill(struct store *st, const char *replica,
			    const struct changefile_info *info, struct tsu_error *err)
{
	char *copy = copy_sql();
	const char *const steps[] = {
		"PRAGMA syncout.journal_mode = OFF", /* a temporary file: renamed when whole */
		"PRAGMA syncout.synchronous = FULL",
		"BEGIN",
		"CREATE TABLE syncout.changelog(change_id TEXT PRIMARY KEY NOT NULL,"
		" hlc INTEGER NOT NULL, replica TEXT NOT NULL, action_id TEXT NOT NULL,"
		" author TEXT NOT NULL, at INTEGER NOT NULL, entity TEXT NOT NULL,"
		" row_id TEXT NOT NULL, field TEXT NOT NULL, old_value, new_value, covers TEXT)",
		/* made before the rows: afterwards it sorted them all in memory
		 * (113 MB for a city's log; 29 MB so) */
		"CREATE INDEX syncout.changelog_replica ON changelog(replica, hlc, change_id)",
		copy,
		/* the columns of this version's conflict table, as merge.c copies them */
		"CREATE TABLE syncout.conflict AS SELECT * FROM main.conflict",
		"CREATE TABLE syncout.meta(key TEXT PRIMARY KEY NOT NULL, value)",
	};
	char header[128];
	snprintf(header, sizeof header, "PRAGMA syncout.application_id = %d;"
		 " PRAGMA syncout.user_version = %d", CF_APP_ID, CF_FORMAT);
	enum tsu_status rc = TSU_OK;
	if (sqlite3_exec(st->db, header, NULL, NULL, NULL) != SQLITE_OK)
		rc = store_sql_fail(st, err, "sync");
	for (size_t i = 0; rc == TSU_OK && i < sizeof steps / sizeof steps[0]; i++)
		if (sqlite3_exec(st->db, steps[i], NULL, NULL, NULL) != SQLITE_OK)
			rc = store_sql_fail(st, err, "sync");
	free(copy);
	char now[32], schema[16], count[32];
	clock_iso(clock_now_ms(), now, sizeof now);
	snprintf(schema, sizeof schema, "%d", schema_version_latest());
	snprintf(count, sizeof count, "%ld", info->changes);
	const char *rows[][2] = {{"format", "tsunagu-changes"}, {"format_version", "1"},
		{"schema_version", schema}, {"replica_id", replica}, {"written_at", now},
		{"changes", count}, {"fingerprint", info->fingerprint}};
	sqlite3_stmt *s = NULL;
	if (rc == TSU_OK && sqlite3_prepare_v2(st->db, "INSERT INTO syncout.meta VALUES(?1, ?2)",
					       -1, &s, NULL) != SQLITE_OK)
		rc = store_sql_fail(st, err, "sync");
	for (size_t i = 0; rc == TSU_OK && i < sizeof rows / sizeof rows[0]; i++) {
		sqlite3_reset(s);
		store_bind_texts(s, 2, rows[i]);
		if (sqlite3_step(s) != SQLITE_DONE)
			rc = store_sql_fail(st, err, "sync");
	}
	sqlite3_finalize(s);
	if (rc == TSU_OK && sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		rc = store_sql_fail(st, err, "sync");
	if (rc != TSU_OK)
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

/* Temporary files of this replica left by a sync that was stopped (a
 * crash, a power cut) are removed once they are an hour old; younger ones
 * may belong to a sync of this file running now.  Nobody else writes
 * names starting with ".<replica-id>.". */
static void sweep(const char *dir, const char *replica)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	struct sbuf prefix = {0}, path = {0};
	sbuf_addf(&prefix, ".%s.tsunagu-changes-", replica);
	while (d && (e = readdir(d)) != NULL) {
		struct stat sb;
		if (strncmp(e->d_name, prefix.s, strlen(prefix.s)) != 0)
			continue;
		sbuf_reset(&path);
		sbuf_addf(&path, "%s/%s", dir, e->d_name);
		if (lstat(path.s, &sb) == 0 && S_ISREG(sb.st_mode) && time(NULL) - sb.st_mtime > 3600)
			unlink(path.s);
	}
	if (d)
		closedir(d);
	sbuf_free(&prefix);
	sbuf_free(&path);
}

/* Builds dir/.<replica>.tsunagu-changes-XXXXXX (0600), fills it, renames
 * it to path. */
enum tsu_status changefile_write(struct store *st, const char *dir, const char *path,
				 const char *replica, const struct changefile_info *info,
				 struct tsu_error *err)
{
	struct sbuf tmp = {0};
	sweep(dir, replica);
	sbuf_addf(&tmp, "%s/.%s.tsunagu-changes-XXXXXX", dir, replica);
	int fd = mkstemp(tmp.s); /* 0600 */
	if (fd < 0) {
		enum tsu_status rc = tsu_fail(err, TSU_IO, "%s", syserr_text(errno, true));
		sbuf_free(&tmp);
		return rc;
	}
	close(fd);
	char *uri = store_file_uri(tmp.s, "rw");
	sqlite3_stmt *s;
	enum tsu_status rc = TSU_OK;
	if (sqlite3_prepare_v2(st->db, "ATTACH DATABASE ?1 AS syncout", -1, &s, NULL) != SQLITE_OK)
		rc = store_sql_fail(st, err, "sync");
	else {
		sqlite3_bind_text(s, 1, uri, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(s) != SQLITE_DONE)
			rc = store_sql_fail(st, err, "sync");
		sqlite3_finalize(s);
	}
	free(uri);
	if (rc == TSU_OK) {
		rc = fill(st, replica, info, err);
		sqlite3_exec(st->db, "DETACH DATABASE syncout", NULL, NULL, NULL);
	}
	if (rc == TSU_OK && rename(tmp.s, path) != 0)
		rc = tsu_fail(err, TSU_IO, "%s", syserr_text(errno, true));
	int dfd = rc == TSU_OK ? open(dir, O_RDONLY | O_DIRECTORY) : -1;
	if (dfd >= 0) { /* the new name survives a power cut */
		fsync(dfd);
		close(dfd);
	}
	if (rc != TSU_OK)
		unlink(tmp.s);
	sbuf_free(&tmp);
	return rc;
}
