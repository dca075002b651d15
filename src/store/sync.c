/*
 * `tsunagu sync DIR` (DESIGN §5): sync through a shared folder.
 *
 * Every copy of a tsunagu file has its own replica id (changelog.c; a
 * copy mints a new one), and writes only DIR/<replica-id>.tsunagu-changes
 * (changefile.c): no file in the folder has two writers, so whatever
 * carries the folder (a file server, Nextcloud, Syncthing, a USB stick)
 * never has to choose between two versions of one file.
 *
 * A sync first reads: every other change file is checked on its own
 * (skipped with a reason when it is cut short, damaged, newer or not
 * ours), then attached and merged by merge.c's rules, each in a savepoint
 * of one transaction (a file that fails half-way is rolled back alone and
 * skipped).  SQLite attaches at most ten files at once and cannot detach
 * one inside a transaction, so a folder of more than SYNC_BATCH other
 * copies is read in several transactions, each whole.  The backup copy
 * FILE.bak-merge is written only when something comes in.  Then it writes
 * its own change file — the whole change log, so that each change file
 * carries everything its copy knows and copies converge after everyone
 * has synced twice — unless the one there already holds exactly that.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "internal.h"
#include "tsunagu/sync.h"
#include "tsunagu/syserr.h"

#define SYNC_BATCH 8

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct sync_file *)a)->name, ((const struct sync_file *)b)->name);
}

static bool is_change_file(const char *name, const char *own)
{
	size_t n = strlen(name), k = strlen(SYNC_SUFFIX);
	return n > k && name[0] != '.' && strcmp(name + n - k, SYNC_SUFFIX) == 0 &&
	       strcmp(name, own) != 0;
}

/* The other change files of dir, by name. */
static enum tsu_status list_files(const char *dir, const char *own, struct sync_report *r,
				  struct tsu_error *err)
{
	DIR *d = opendir(dir);
	if (!d)
		return tsu_fail(err, TSU_IO, "%s: フォルダを読めません: %s", dir,
				syserr_text(errno, false));
	struct dirent *e;
	int cap = 0;
	while ((e = readdir(d)) != NULL) {
		if (!is_change_file(e->d_name, own))
			continue;
		if (r->nfiles == cap) {
			cap = cap ? cap * 2 : 8;
			r->files = xrealloc(r->files, (size_t)cap * sizeof *r->files);
		}
		r->files[r->nfiles++] = (struct sync_file){.name = xstrdup(e->d_name),
							   .state = SYNC_FILE_NOTHING};
	}
	closedir(d);
	if (r->nfiles)
		qsort(r->files, (size_t)r->nfiles, sizeof *r->files, by_name);
	return TSU_OK;
}

static char *join(const char *dir, const char *name)
{
	struct sbuf p = {0};
	sbuf_addf(&p, "%s/%s", dir, name);
	return sbuf_detach(&p);
}

static void skip(struct sync_file *f, const char *why)
{
	f->state = SYNC_FILE_SKIPPED;
	free(f->why);
	f->why = xstrdup(why);
	f->sum = (struct merge_summary){0};
}

static void check_files(const char *dir, struct sync_report *r)
{
	for (int i = 0; i < r->nfiles; i++) {
		struct sync_file *f = &r->files[i];
		char *path = join(dir, f->name);
		char *replica = xstrndup(f->name, strlen(f->name) - strlen(SYNC_SUFFIX));
		char *why = changefile_check(path, replica, NULL);
		if (why)
			skip(f, why);
		free(why);
		free(replica);
		free(path);
	}
}

/* A failure of this file (a full disk, a lock, the backup) ends the sync;
 * any other is the change file's, which is skipped. */
static bool fatal(enum tsu_status s)
{
	return s == TSU_DB_FULL || s == TSU_DB_IO || s == TSU_DB_LOCKED || s == TSU_NOMEM ||
	       s == TSU_IO || s == TSU_READONLY;
}

static bool attach(struct store *st, const char *path, const char *schema, struct tsu_error *err)
{
	sqlite3_stmt *s;
	struct sbuf sql = {0};
	sbuf_addf(&sql, "ATTACH DATABASE ?1 AS %s", schema);
	bool ok = sqlite3_prepare_v2(st->db, sql.s, -1, &s, NULL) == SQLITE_OK;
	sbuf_free(&sql);
	if (!ok) {
		store_sql_fail(st, err, "sync");
		return false;
	}
	char *uri = store_file_uri(path, "ro");
	sqlite3_bind_text(s, 1, uri, -1, SQLITE_TRANSIENT);
	ok = sqlite3_step(s) == SQLITE_DONE;
	if (!ok)
		tsu_fail(err, TSU_DB_CORRUPT, "開けません (%s)", sqlite3_errmsg(st->db));
	sqlite3_finalize(s);
	free(uri);
	return ok;
}

/* Merges one attached change file in a savepoint of the open transaction. */
static enum tsu_status merge_one(struct store *st, struct sync_file *f, struct merge_run *run,
				 struct tsu_error *err)
{
	struct tsu_error ferr = {0};
	enum tsu_status rc = store_savepoint(st, &ferr);
	if (rc == TSU_OK) /* a failure rolls back to the savepoint, and what goes with it */
		rc = store_release(st, merge_attached(st, run, &f->sum, &ferr), &ferr);
	if (rc == TSU_OK) {
		f->state = f->sum.changes || f->sum.conflicts ? SYNC_FILE_MERGED : SYNC_FILE_NOTHING;
		return TSU_OK;
	}
	if (fatal(rc)) {
		*err = ferr;
		return rc;
	}
	skip(f, ferr.msg);
	return TSU_OK;
}

/* Files [from, to) of r, attached as sync0, sync1 ..., in one transaction. */
static enum tsu_status merge_batch(struct store *st, const char *dir, struct sync_report *r,
				   int from, int to, struct merge_run *run, struct tsu_error *err)
{
	enum tsu_status rc = store_begin(st, err);
	int attached = 0;
	char schema[16];
	for (int i = from; rc == TSU_OK && i < to; i++) {
		struct sync_file *f = &r->files[i];
		if (f->state == SYNC_FILE_SKIPPED)
			continue;
		struct tsu_error aerr = {0};
		char *path = join(dir, f->name);
		snprintf(schema, sizeof schema, "sync%d", attached);
		bool ok = attach(st, path, schema, &aerr);
		free(path);
		if (!ok) {
			skip(f, aerr.msg);
			continue;
		}
		attached++;
		run->schema = schema;
		rc = merge_one(st, f, run, err);
	}
	if (rc == TSU_OK)
		rc = store_commit(st, err);
	else
		store_rollback(st);
	for (int i = 0; i < attached; i++) {
		struct sbuf sql = {0};
		sbuf_addf(&sql, "DETACH DATABASE sync%d", i);
		sqlite3_exec(st->db, sql.s, NULL, NULL, NULL);
		sbuf_free(&sql);
	}
	return rc;
}

static enum tsu_status receive(struct store *st, const char *dir, struct sync_report *r,
			       struct tsu_error *err)
{
	struct sbuf bak = {0};
	sbuf_addf(&bak, "%s.bak-merge", st->path);
	struct merge_run run = {.backup = bak.s};
	enum tsu_status rc = TSU_OK;
	for (int from = 0; rc == TSU_OK && from < r->nfiles; from += SYNC_BATCH) {
		int to = from + SYNC_BATCH < r->nfiles ? from + SYNC_BATCH : r->nfiles;
		rc = merge_batch(st, dir, r, from, to, &run, err);
		if (rc == TSU_OK)
			changelog_absorb(st, run.max_hlc);
	}
	sbuf_free(&bak);
	for (int i = 0; i < r->nfiles; i++) {
		r->received += r->files[i].sum.changes;
		r->conflicts += r->files[i].sum.conflicts;
	}
	return rc;
}

/* Writes this file's change file unless the one there holds the same. */
static enum tsu_status send(struct store *st, const char *dir, const char *replica,
			    struct sync_report *r, struct tsu_error *err)
{
	struct changefile_info now = {0}, before = {0};
	enum tsu_status rc = changefile_fingerprint(st, &now, err);
	if (rc != TSU_OK)
		return rc;
	char *bad = changefile_check(r->own_path, replica, &before);
	r->sent = now.changes;
	r->sent_new = bad ? now.changes : now.changes - before.changes;
	r->own_created = bad != NULL;
	if (!bad && strcmp(before.fingerprint, now.fingerprint) == 0) {
		r->own_unchanged = true;
		r->sent_new = 0;
		return TSU_OK;
	}
	free(bad);
	struct tsu_error werr = {0};
	if (changefile_write(st, dir, r->own_path, replica, &now, &werr) != TSU_OK)
		r->own_error = xstrdup(werr.msg);
	return TSU_OK;
}

enum tsu_status store_sync(struct store *st, const char *dir, struct sync_report *r,
			   struct tsu_error *err)
{
	*r = (struct sync_report){0};
	if (st->readonly)
		return tsu_fail(err, TSU_READONLY, "%s: 読み取り専用で開いているため同期できません", st->path);
	struct stat sb;
	if (stat(dir, &sb) != 0)
		return tsu_fail(err, TSU_NOT_FOUND, "%s: 同期フォルダがありません (%s)", dir,
				syserr_text(errno, false));
	if (!S_ISDIR(sb.st_mode))
		return tsu_fail(err, TSU_INVALID, "%s: フォルダではありません", dir);
	if (changelog_replica(st, err) != TSU_OK)
		return err ? err->status : TSU_DB;
	char replica[UUID_STR_LEN + 1], own[UUID_STR_LEN + sizeof SYNC_SUFFIX];
	memcpy(replica, st->replica, sizeof replica);
	snprintf(own, sizeof own, "%s%s", replica, SYNC_SUFFIX);
	r->own_path = join(dir, own);
	enum tsu_status rc = list_files(dir, own, r, err);
	if (rc == TSU_OK) {
		check_files(dir, r);
		rc = receive(st, dir, r, err);
	}
	if (rc == TSU_OK)
		rc = send(st, dir, replica, r, err);
	return rc;
}

void sync_report_free(struct sync_report *r)
{
	for (int i = 0; i < r->nfiles; i++) {
		free(r->files[i].name);
		free(r->files[i].why);
	}
	free(r->files);
	free(r->own_path);
	free(r->own_error);
	*r = (struct sync_report){0};
}
