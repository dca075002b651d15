/* Snapshot (a consistent copy while the program may run) and `check`. */
#define _GNU_SOURCE /* copy_file_range */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "internal.h"
#include "schema.h"
#include "tsunagu/store_verify.h"
#include "tsunagu/tmpfiles.h"
#include "tsunagu/syserr.h"

/* Copies the open database into `dst` with the online backup API. */
static enum tsu_status backup_into(struct store *st, const char *dst, struct tsu_error *err)
{
	sqlite3 *out = NULL;
	enum tsu_status rc = TSU_OK;
	if (sqlite3_open_v2(dst, &out, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		rc = tsu_fail(err, TSU_IO, "%s: 書き込めません", dst);
	} else {
		sqlite3_backup *b = sqlite3_backup_init(out, "main", st->db, "main");
		int step = b ? sqlite3_backup_step(b, -1) : SQLITE_ERROR;
		if (b)
			sqlite3_backup_finish(b);
		if (step != SQLITE_DONE)
			rc = step == SQLITE_BUSY || step == SQLITE_LOCKED
				? tsu_fail(err, TSU_DB_LOCKED, "%s: 使用中のためコピーできません", st->path)
				: tsu_fail(err, TSU_IO, "%s: コピーに失敗しました (%s)", dst, sqlite3_errmsg(out));
		else if (sqlite3_exec(out, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL) != SQLITE_OK)
			rc = tsu_fail(err, TSU_IO, "%s: %s", dst, sqlite3_errmsg(out));
	}
	sqlite3_close(out);
	return rc;
}

/* The copy is made in a private directory beside `out` (tmpfiles.h), so
 * that a signal or a failure never leaves a readable copy behind, and
 * renamed into place when complete. */
enum tsu_status store_snapshot(struct store *st, const char *out, struct tsu_error *err)
{
	if (access(out, F_OK) == 0)
		return tsu_fail(err, TSU_IO, "%s: 既にあります (上書きしません)", out);
	struct tmpdir tmp;
	char *parent = tmpfiles_parent_of(out);
	enum tsu_status rc = tmpdir_make(&tmp, parent, "snapshot.partial", err);
	free(parent);
	if (rc != TSU_OK)
		return rc;
	int fd = open(tmp.file, O_WRONLY | O_CREAT | O_EXCL, 0600);
	if (fd < 0) {
		rc = tsu_fail(err, TSU_IO, "%s: 作成できません: %s", out, syserr_text(errno, true));
	} else {
		close(fd);
		rc = backup_into(st, tmp.file, err);
		if (rc == TSU_OK && rename(tmp.file, out) != 0)
			rc = tsu_fail(err, TSU_IO, "%s: 作成できません: %s", out, syserr_text(errno, true));
	}
	if (rc == TSU_OK)
		tmpdir_keep_file(&tmp);
	else
		tmpdir_remove(&tmp);
	return rc;
}

/* Copies the bytes of src to dst (new, 0600), in the kernel when it can. */
enum tsu_status store_copy_file(const char *src, const char *dst, struct tsu_error *err)
{
	int in = open(src, O_RDONLY), out = -1;
	enum tsu_status rc = TSU_OK;
	if (in < 0 || (out = open(dst, O_WRONLY | O_CREAT | O_EXCL, 0600)) < 0) {
		rc = tsu_fail(err, TSU_IO, "%s: 作成できません: %s", dst, syserr_text(errno, true));
	} else {
		ssize_t n;
		while ((n = copy_file_range(in, NULL, out, NULL, 1 << 30, 0)) > 0)
			;
		if (n < 0) { /* another file system: copy through a buffer */
			char buf[1 << 16];
			lseek(in, 0, SEEK_SET);
			lseek(out, 0, SEEK_SET);
			while ((n = read(in, buf, sizeof buf)) > 0 && write(out, buf, (size_t)n) == n)
				;
		}
		if (n < 0 || close(out) != 0)
			rc = tsu_fail(err, TSU_IO, "%s: 書き込めません: %s", dst, syserr_text(errno, true));
		out = -1;
	}
	if (in >= 0)
		close(in);
	if (out >= 0)
		close(out);
	return rc;
}

enum tsu_status store_backup_locked(struct store *st, const char *out, struct tsu_error *err)
{
	struct sbuf tmp = {0};
	sbuf_addf(&tmp, "%s.tmp-%ld", out, (long)getpid());
	unlink(tmp.s);
	enum tsu_status rc = store_copy_file(st->path, tmp.s, err);
	if (rc == TSU_OK && rename(tmp.s, out) != 0)
		rc = tsu_fail(err, TSU_IO, "%s: 作成できません: %s", out, syserr_text(errno, true));
	if (rc != TSU_OK)
		unlink(tmp.s);
	sbuf_free(&tmp);
	return rc;
}

/* Runs a check query; every row it returns is one problem line. */
static int report_rows(struct store *st, const char *sql, const char *ok_row,
		       store_problem_cb cb, void *ud)
{
	sqlite3_stmt *s;
	int problems = 0;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
		cb(ud, sqlite3_errmsg(st->db));
		return 1;
	}
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct sbuf line = {0};
		for (int i = 0; i < sqlite3_column_count(s); i++) {
			const char *t = (const char *)sqlite3_column_text(s, i);
			sbuf_addf(&line, "%s%s", i ? " " : "", t ? t : "NULL");
		}
		if (!ok_row || strcmp(line.s, ok_row) != 0) {
			cb(ud, line.s);
			problems++;
		}
		sbuf_free(&line);
	}
	if (rc != SQLITE_DONE) {
		cb(ud, sqlite3_errmsg(st->db));
		problems++;
	}
	sqlite3_finalize(s);
	return problems;
}

/* Elements of sets whose owner or referenced row is not in the file: the
 * link tables hold rowids (schema 11), which no foreign key checks. */
static int link_problems(struct store *st, store_problem_cb cb, void *ud)
{
	size_t n;
	const struct set_def *d = sets_all(&n);
	int problems = 0;
	for (size_t i = 0; i < n; i++) {
		struct sbuf sql = {0};
		sbuf_addf(&sql, "SELECT '%s: ' || count(*) || ' 件の要素の持ち主か参照先がありません'"
			  " FROM %s l WHERE NOT EXISTS (SELECT 1 FROM %s o WHERE o.rowid = l.owner)",
			  d[i].link, d[i].link, entity_find(d[i].entity)->table);
		if (d[i].ref_table)
			sbuf_addf(&sql, " OR NOT EXISTS (SELECT 1 FROM %s v WHERE v.rowid = l.value)",
				  d[i].ref_table);
		sbuf_add(&sql, " HAVING count(*) > 0");
		problems += report_rows(st, sql.s, NULL, cb, ud);
		sbuf_free(&sql);
	}
	return problems;
}

/* Which rows have a document in search_index (schema 12): live tasks, and
 * live log entries of a task or of an area (a party's are in its own
 * document); of task row t, log entry row l. */
#define TASK_INDEXED(t) t ".deleted_at IS NULL"
#define LOG_INDEXED(l) l ".deleted_at IS NULL AND (" l ".task_id IS NOT NULL OR " l ".party_id IS NULL)"
/* Of a document of search_index i, its row: NULL when it is not there,
 * else whether it is one indexed (one lookup by rowid). */
#define DOC_ROW_STATE \
	"CASE WHEN " SEARCH_DOC_IS_LOG("i.rowid") " THEN (SELECT " LOG_INDEXED("l") \
	" FROM log_entry l WHERE l.rowid = " SEARCH_DOC_ROW("i.rowid") ") ELSE (SELECT " \
	TASK_INDEXED("t") " FROM task t WHERE t.rowid = " SEARCH_DOC_ROW("i.rowid") ") END"

/* search_index against the rows, from one pass over the index (one
 * lookup of its row a document): its documents without a row, those of
 * a row not indexed, and those of indexed tasks and log entries; an
 * indexed row has at most one document (its rowid), so the rows without
 * theirs are the rows counted less those.  (Asking each row for its
 * document read the tasks and log entries whole besides, +2.5 s of a
 * city's check.) */
static const char search_index_problems_sql[] =
	"WITH c AS MATERIALIZED (SELECT sum(s IS NULL) AS gone, sum(NOT s) AS dead,"
	"  sum(s AND NOT g) AS tasks, sum(s AND g) AS logs FROM"
	"  (SELECT " SEARCH_DOC_IS_LOG("i.rowid") " AS g, " DOC_ROW_STATE " AS s FROM search_index i)),"
	" n AS MATERIALIZED (SELECT (SELECT count(*) FROM task t WHERE " TASK_INDEXED("t") ") AS tasks,"
	"  (SELECT count(*) FROM log_entry l WHERE " LOG_INDEXED("l") ") AS logs)"
	" SELECT 'search index: ' || (n.tasks - coalesce(c.tasks, 0)) || ' tasks without their"
	" document' FROM c, n WHERE n.tasks > coalesce(c.tasks, 0)"
	" UNION ALL SELECT 'search index: ' || (n.logs - coalesce(c.logs, 0)) || ' log entries"
	" without their document' FROM c, n WHERE n.logs > coalesce(c.logs, 0)"
	" UNION ALL SELECT 'search index: ' || gone || ' documents without a row' FROM c WHERE gone > 0"
	" UNION ALL SELECT 'search index: ' || dead || ' documents of a deleted row or of a"
	" party''s log entry' FROM c WHERE dead > 0";

/* The search indexes against the rows: each indexed task and log entry
 * has its document in search_index under its rowid (search.c) and each
 * document there an indexed row; each live party exactly its own in the
 * directory's index (and no other row one there), holding what the party
 * makes now; and party_key is the parties' order. */
static int search_problems(struct store *st, store_problem_cb cb, void *ud)
{
	int problems = report_rows(st, search_index_problems_sql, NULL, cb, ud);
	problems += report_rows(st,
		"SELECT '関係者の検索索引 (search_party): ' || count(*) || ' 件の関係者に文書がありません'"
		" FROM party p WHERE p.deleted_at IS NULL"
		" AND NOT EXISTS (SELECT 1 FROM search_party s WHERE s.rowid = p.rowid)"
		" HAVING count(*) > 0", NULL, cb, ud);
	problems += report_rows(st,
		"SELECT '関係者の検索索引 (search_party): ' || count(*) || ' 件の文書に生きた関係者がいません'"
		" FROM search_party s WHERE NOT EXISTS"
		" (SELECT 1 FROM party p WHERE p.rowid = s.rowid AND p.deleted_at IS NULL)"
		" HAVING count(*) > 0", NULL, cb, ud);
	long stale = search_party_stale(st);
	if (stale != 0) {
		char line[160];
		if (stale < 0)
			snprintf(line, sizeof line, "関係者の検索索引 (search_party): 文書を確かめられません");
		else
			snprintf(line, sizeof line, "関係者の検索索引 (search_party): %ld 件の文書が"
				 "関係者の今の内容と違います", stale);
		cb(ud, line);
		problems++;
	}
	problems += report_rows(st,
		"SELECT '並び順の控え (party_key): ' || count(*) || ' 件が関係者と違います' FROM"
		" (SELECT rowid AS r, coalesce(kana, name) AS k, name, id FROM party"
		"  WHERE deleted_at IS NULL) a FULL JOIN party_key b ON b.r = a.r"
		" WHERE a.k IS NOT b.k OR a.name IS NOT b.name OR a.id IS NOT b.id"
		" HAVING count(*) > 0", NULL, cb, ud);
	return problems;
}

enum tsu_status store_check(struct store *st, store_problem_cb cb, void *ud,
			    struct tsu_error *err)
{
	int problems = store_verify_structure(st, cb, ud);
	problems += report_rows(st, "PRAGMA integrity_check", "ok", cb, ud);
	problems += report_rows(st, "PRAGMA foreign_key_check", NULL, cb, ud);
	problems += link_problems(st, cb, ud);
	problems += search_problems(st, cb, ud);
	/* the counts the triggers keep (schema 6) against a fresh count */
	problems += report_rows(st,
		"SELECT '件数の控え (area_tally): ' || count(*) || ' エリアの関係者数が数え直しと違います' FROM"
		" (" AREA_TALLY_RECOUNT_SQL
		"  UNION ALL SELECT '', count(*) FROM party WHERE deleted_at IS NULL HAVING count(*) > 0) c"
		" FULL JOIN (SELECT area_id, parties FROM area_tally WHERE parties <> 0) t"
		" ON t.area_id = c.area_id WHERE c.n IS NOT t.parties HAVING count(*) > 0", NULL, cb, ud);
	/* the sums of each replica's changes (schema 13) against the changes */
	problems += report_rows(st,
		"SELECT '変更の記録の控え (change_replica): ' || count(*) || ' 件の複製の変更の数か印が"
		"記録と違います' FROM change_replica r LEFT JOIN (SELECT replica, count(*) AS n,"
		" tsu_idset(change_id) AS x FROM changes GROUP BY replica) c ON c.replica = r.n"
		" WHERE r.held IS NOT coalesce(c.n, 0) OR r.idset IS NOT coalesce(c.x, 0)"
		" HAVING count(*) > 0", NULL, cb, ud);
	/* Counted per (area_id, status) first, which task_area_board gives in
	 * order, and only those few groups then merged under coalesce(area_id,
	 * ''): grouping the tasks by the expression directly sorted every live
	 * task in a temporary B-tree, +10 MB on a city's 100,000 tasks, which
	 * took check past its 32 MB (issue 13). */
	problems += report_rows(st,
		"SELECT '件数の控え (task_tally): ' || count(*) || ' 組 (エリア・状態) の課題数が数え直しと違います' FROM"
		" (SELECT coalesce(area_id, '') AS a, status, sum(n) AS n FROM"
		"  (SELECT area_id, status, count(*) AS n FROM task"
		"   WHERE deleted_at IS NULL GROUP BY area_id, status) GROUP BY 1, 2) c"
		" FULL JOIN (SELECT area_id, status, n FROM task_tally WHERE n <> 0) t"
		" ON t.area_id = c.a AND t.status = c.status WHERE c.n IS NOT t.n HAVING count(*) > 0",
		NULL, cb, ud);
	if (!st->readonly && sqlite3_exec(st->db,
		"INSERT INTO search_index(search_index) VALUES('integrity-check');"
		"INSERT INTO search_party(search_party) VALUES('integrity-check')",
		NULL, NULL, NULL) != SQLITE_OK) {
		cb(ud, "search index: integrity-check failed");
		problems++;
	}
	st->pages_ok = problems == 0; /* read whole: the next write need not read it again */
	pagecheck_identity(st->path, &st->pages_of);
	if (problems) {
		pagecheck_forget(st->path);
		return tsu_fail(err, TSU_DB_CORRUPT, "%s: %d 件の問題が見つかりました", st->path, problems);
	}
	return TSU_OK;
}
