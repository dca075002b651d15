/* Header, schema and page checks of the open file (store_verify.h). */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "schema.h"
#include "tsunagu/store_verify.h"

#define TSUNAGU_APPLICATION_ID 0x54535547 /* "TSUG", as db.c sets it */

static unsigned long be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 | p[3];
}

static void problemf(store_problem_cb cb, void *ud, int *n, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void problemf(store_problem_cb cb, void *ud, int *n, const char *fmt, ...)
{
	char line[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	cb(ud, line);
	(*n)++;
}

/* Reads the header through SQLite's own file handle: opening and closing
 * another descriptor on the file would drop every POSIX lock this
 * process holds on it, the write lock of the open transaction included. */
static int header_problems(sqlite3 *db, store_problem_cb cb, void *ud)
{
	unsigned char h[100];
	sqlite3_file *f = NULL;
	sqlite3_int64 fsize = 0;
	int n = 0;
	size_t got = sizeof(h);
	if (sqlite3_file_control(db, "main", SQLITE_FCNTL_FILE_POINTER, &f) != SQLITE_OK || !f ||
	    !f->pMethods || f->pMethods->xFileSize(f, &fsize) != SQLITE_OK) {
		problemf(cb, ud, &n, "ファイルを読めません");
		return n;
	}
	if (fsize < (sqlite3_int64)sizeof(h) || f->pMethods->xRead(f, h, sizeof(h), 0) != SQLITE_OK)
		got = (size_t)(fsize < (sqlite3_int64)sizeof(h) ? fsize : 0);
	if (got < sizeof(h) || memcmp(h, "SQLite format 3", 16) != 0) {
		problemf(cb, ud, &n, "ヘッダー: SQLite のファイルではありません (%zu バイト)", got);
		return n;
	}
	unsigned long page = (unsigned long)h[16] << 8 | h[17];
	if (page == 1)
		page = 65536;
	if (page < 512 || page > 65536 || (page & (page - 1))) {
		problemf(cb, ud, &n, "ヘッダー: ページサイズ %lu が正しくありません", page);
		return n;
	}
	unsigned long long size = (unsigned long long)fsize;
	if (size % page)
		problemf(cb, ud, &n, "ヘッダー: ファイルの長さ %llu がページ (%lu) の倍数ではありません", size, page);
	unsigned long pages = be32(h + 28);
	if (pages && be32(h + 24) == be32(h + 92) && size < (unsigned long long)pages * page)
		problemf(cb, ud, &n, "ヘッダー: ファイルが途中で切れています (%lu ページのはずが %llu バイト)",
			 pages, size);
	return n;
}

struct schema_row {
	char *type, *name, *sql;
};

/* The rows of sqlite_schema (without SQLite's own sqlite_* tables). */
static int read_schema(sqlite3 *db, struct schema_row **out, size_t *n)
{
	sqlite3_stmt *s;
	*out = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(db, "SELECT type, name, coalesce(sql, '') FROM sqlite_schema"
			       " WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name",
			       -1, &s, NULL) != SQLITE_OK)
		return -1;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*out = xrealloc(*out, (*n + 1) * sizeof(**out));
		(*out)[(*n)++] = (struct schema_row){xstrdup((const char *)sqlite3_column_text(s, 0)),
						     xstrdup((const char *)sqlite3_column_text(s, 1)),
						     xstrdup((const char *)sqlite3_column_text(s, 2))};
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

static void free_schema(struct schema_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(rows[i].type);
		free(rows[i].name);
		free(rows[i].sql);
	}
	free(rows);
}

/* The schema the migrations build, in a database of its own (once per
 * open file: every outermost transaction compares against it). */
struct schema_want {
	struct schema_row *rows;
	size_t n;
};

static int build_expected(struct schema_row **out, size_t *n)
{
	sqlite3 *mem = NULL;
	int rc = sqlite3_open(":memory:", &mem) == SQLITE_OK && gramtok_register(mem) == SQLITE_OK
		 && idset_register(mem) == SQLITE_OK ? 0 : -1;
	for (int v = 0; rc == 0 && schema_migrations[v]; v++)
		if (sqlite3_exec(mem, schema_migrations[v], NULL, NULL, NULL) != SQLITE_OK)
			rc = -1;
	if (rc == 0)
		rc = read_schema(mem, out, n);
	sqlite3_close(mem);
	return rc;
}

static const struct schema_row *find_row(const struct schema_row *rows, size_t n,
					 const struct schema_row *want)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(rows[i].type, want->type) == 0 && strcmp(rows[i].name, want->name) == 0)
			return &rows[i];
	return NULL;
}

static int expected_schema(struct store *st, struct schema_row **out, size_t *n)
{
	if (!st->schema_want) {
		struct schema_want w = {0};
		if (build_expected(&w.rows, &w.n) != 0) {
			free_schema(w.rows, w.n);
			return -1;
		}
		st->schema_want = xmalloc(sizeof w);
		*st->schema_want = w;
	}
	*out = st->schema_want->rows;
	*n = st->schema_want->n;
	return 0;
}

void store_schema_want_free(struct store *st)
{
	if (st->schema_want)
		free_schema(st->schema_want->rows, st->schema_want->n);
	free(st->schema_want);
	st->schema_want = NULL;
}

/* FNV-1a over the rows, each column ended by a NUL. */
static uint64_t digest_of(const struct schema_row *rows, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (size_t i = 0; i < n; i++) {
		const char *cols[] = {rows[i].type, rows[i].name, rows[i].sql};
		for (int c = 0; c < 3; c++) {
			for (const unsigned char *p = (const unsigned char *)cols[c];; p++) {
				h = (h ^ *p) * 0x100000001b3ULL;
				if (!*p)
					break;
			}
		}
	}
	return h;
}

uint64_t store_schema_digest(struct store *st)
{
	struct schema_row *have = NULL;
	size_t n = 0;
	uint64_t h = read_schema(st->db, &have, &n) == 0 ? digest_of(have, n) : 0;
	free_schema(have, n);
	return h;
}

/* A file whose schema is the one this version builds has its digest, a
 * constant (schema.c, kept true by test_migrate): the migrations are run
 * in memory, which is most of a command's time, only to say what
 * differs. */
static int compare_schema(struct store *st, store_problem_cb cb, void *ud)
{
	sqlite3 *db = st->db;
	struct schema_row *want = NULL, *have = NULL;
	size_t nwant = 0, nhave = 0;
	int n = 0;
	if (read_schema(db, &have, &nhave) != 0) {
		problemf(cb, ud, &n, "スキーマ: 読めません (%s)", sqlite3_errmsg(db));
	} else if (digest_of(have, nhave) == schema_digest_latest) {
		/* as built */
	} else if (expected_schema(st, &want, &nwant) != 0) {
		problemf(cb, ud, &n, "スキーマ: 期待するスキーマを作れません");
	} else {
		for (size_t i = 0; i < nwant; i++) {
			const struct schema_row *h = find_row(have, nhave, &want[i]);
			if (!h)
				problemf(cb, ud, &n, "スキーマ: %s %s がありません", want[i].type, want[i].name);
			else if (strcmp(h->sql, want[i].sql) != 0)
				problemf(cb, ud, &n, "スキーマ: %s %s の定義が違います", want[i].type, want[i].name);
		}
		for (size_t i = 0; i < nhave; i++)
			if (!find_row(want, nwant, &have[i]))
				problemf(cb, ud, &n, "スキーマ: 余分な %s %s があります", have[i].type, have[i].name);
	}
	free_schema(have, nhave);
	return n;
}

static long long pragma_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s;
	long long v = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW)
			v = sqlite3_column_int64(s, 0);
		sqlite3_finalize(s);
	}
	return v;
}

int store_verify_structure(struct store *st, store_problem_cb cb, void *ud)
{
	int n = header_problems(st->db, cb, ud);
	if (n)
		return n;
	long long version = pragma_int(st->db, "PRAGMA user_version");
	long long app = pragma_int(st->db, "PRAGMA application_id");
	if (version != schema_version_latest())
		problemf(cb, ud, &n, "版 (user_version) が %lld です (この tsunagu は 版 %d)", version,
			 schema_version_latest());
	if (app != TSUNAGU_APPLICATION_ID)
		problemf(cb, ud, &n, "application_id が %lld です (tsunagu のファイルではありません)", app);
	return n + compare_schema(st, cb, ud);
}

struct first_problem {
	char line[TSU_ERROR_MSG_MAX / 2];
	int n;
};

static void keep_first(void *ud, const char *line)
{
	struct first_problem *f = ud;
	if (f->n++ == 0)
		snprintf(f->line, sizeof(f->line), "%s", line);
}

static enum tsu_status verify(struct store *st, bool pages, struct tsu_error *err)
{
	struct first_problem f = {{0}, 0};
	/* checked before in this session and written only by it since, or
	 * remembered so by another tsunagu */
	bool ours = pagecheck_still_ours(st);
	bool remembered = pages && (ours || pagecheck_is_current(st->path));
	if (store_verify_structure(st, keep_first, &f) == 0 && pages && !remembered) {
		sqlite3_stmt *s;
		if (sqlite3_prepare_v2(st->db, "PRAGMA quick_check(1)", -1, &s, NULL) != SQLITE_OK) {
			keep_first(&f, sqlite3_errmsg(st->db));
		} else {
			const char *r = sqlite3_step(s) == SQLITE_ROW ? (const char *)sqlite3_column_text(s, 0) : NULL;
			if (!r || strcmp(r, "ok") != 0)
				keep_first(&f, r ? r : sqlite3_errmsg(st->db));
			sqlite3_finalize(s);
		}
	}
	if (f.n == 0) {
		if (pages) {
			st->pages_ok = true;
			pagecheck_identity(st->path, &st->pages_of);
		}
		return TSU_OK;
	}
	if (pages)
		pagecheck_forget(st->path);
	return tsu_fail(err, TSU_DB_CORRUPT, "%s: 壊れているか tsunagu の形ではないため書き込みません (%s)。"
			"tsunagu check で確かめてください", st->path, f.line);
}

enum tsu_status store_verify(struct store *st, struct tsu_error *err)
{
	return verify(st, true, err);
}

enum tsu_status store_verify_quick(struct store *st, struct tsu_error *err)
{
	return verify(st, false, err);
}
