/* Opening files: versions, read-only fallback, missing/corrupt/locked files. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>
#include <sqlite3.h>
#include "tsunagu/record.h"
#include "tsunagu/list.h"
#include "tsunagu/store_verify.h"
#include "test_util.h"
#include "../../src/store/internal.h"
#include "../../src/store/schema.h"

static void make_db(char *path, size_t n, const char *name)
{
	struct store *st;
	test_path(path, n, name);
	unlink(path);
	assert_int_equal(store_open(path, STORE_OPEN_CREATE, &st, NULL), TSU_OK);
	store_close(st);
}

/* tsu_test_grams(document): a document of version 10 (search keys, area
 * tokens) as version 9 wrote it, in grams. */
static void test_grams(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *doc = (const char *)sqlite3_value_text(argv[0]);
	struct sbuf out = {0}, key = {0};
	for (const char *p = doc ? doc : ""; *p; p++) {
		if (*p != ' ') {
			sbuf_addc(&key, *p);
			continue;
		}
		if (key.s && key.s[0] == '_')
			sbuf_addf(&out, "%s ", key.s);
		else
			search_add_grams(&out, sbuf_str(&key));
		sbuf_reset(&key);
	}
	sqlite3_result_text(ctx, sbuf_str(&out), -1, SQLITE_TRANSIENT);
	sbuf_free(&out);
	sbuf_free(&key);
}

static void sql(const char *path, const char *stmt)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(gramtok_register(db), SQLITE_OK); /* the search indexes' */
	sqlite3_create_function(db, "tsu_test_grams", 1, SQLITE_UTF8, NULL, test_grams, NULL, NULL);
	assert_int_equal(sqlite3_exec(db, stmt, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

static void missing_file_is_reported(void **state)
{
	char path[512];
	struct store *st;
	struct tsu_error err = {0};
	test_path(path, sizeof path, "nothing-here.db");
	assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &st, &err), TSU_DB_MISSING);
	assert_null(st);
	assert_non_null(strstr(err.msg, "nothing-here.db"));
	assert_int_equal(access(path, F_OK), -1); /* not created */
}

static void corrupt_file_is_reported(void **state)
{
	char path[512];
	struct store *st;
	struct tsu_error err = {0};
	test_path(path, sizeof path, "corrupt.db");
	FILE *f = fopen(path, "w");
	fputs("これはデータベースではありません。This is not a database file at all..........", f);
	fclose(f);
	assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &st, &err), TSU_DB_CORRUPT);
	assert_int_equal(tsu_status_exit_code(err.status), 3);
}

static void foreign_sqlite_file_is_refused(void **state)
{
	char path[512];
	struct store *st;
	struct tsu_error err = {0};
	test_path(path, sizeof path, "foreign.db");
	unlink(path);
	sql(path, "CREATE TABLE t(x)");
	assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &st, &err), TSU_DB_CORRUPT);
	assert_non_null(strstr(err.msg, "tsunagu のデータベースではありません"));
}

static void newer_file_opens_read_only(void **state)
{
	char path[512];
	struct store *st;
	struct tsu_error err = {0};
	make_db(path, sizeof path, "newer.db");
	sql(path, "PRAGMA user_version = 99");
	assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &st, &err), TSU_OK);
	assert_int_equal(err.status, TSU_DB_NEWER);
	assert_non_null(strstr(err.msg, "読み取り専用"));
	assert_true(store_readonly(st));
	/* reading works, writing is refused and changes nothing */
	struct list_query q = {0};
	long n = 0;
	assert_int_equal(store_list_count(st, LIST_AREAS, &q, &n, NULL), TSU_OK);
	assert_int_equal(n, 10);
	uuid_str id;
	struct field_value fv[] = {{"name", "鈴木"}};
	assert_int_equal(store_insert(st, "party", fv, 1, id, &err), TSU_READONLY);
	store_close(st);
}

static void copied_world_readable_file_is_made_private(void **state)
{
	char path[512];
	struct store *st;
	struct stat sb;
	make_db(path, sizeof path, "copied.db");
	chmod(path, 0644);
	assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &st, NULL), TSU_OK);
	stat(path, &sb);
	assert_int_equal(sb.st_mode & 0777, 0600);
	store_close(st);
}

static void locked_file_is_reported(void **state)
{
	char path[512];
	struct store *st;
	struct tsu_error err = {0};
	make_db(path, sizeof path, "locked.db");
	sqlite3 *other;
	sqlite3_open(path, &other);
	assert_int_equal(sqlite3_exec(other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), SQLITE_OK);
	enum tsu_status rc = store_open(path, STORE_OPEN_EXISTING, &st, &err);
	assert_int_equal(rc, TSU_DB_LOCKED);
	assert_int_equal(tsu_status_exit_code(rc), 3);
	sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(other);
}

static void snapshot_is_complete_and_private(void **state)
{
	char path[512], out[512];
	struct store *st;
	struct stat sb;
	make_db(path, sizeof path, "snap-src.db");
	test_path(out, sizeof out, "snap-out.db");
	unlink(out);
	assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &st, NULL), TSU_OK);
	uuid_str id;
	struct field_value fv[] = {{"name", "諏訪の見守り隊"}, {"org_type", "市民団体"}};
	assert_int_equal(store_insert(st, "party", fv, 2, id, NULL), TSU_OK);
	assert_int_equal(store_snapshot(st, out, NULL), TSU_OK);
	struct tsu_error err = {0};
	assert_int_equal(store_snapshot(st, out, &err), TSU_IO); /* never overwrites */
	store_close(st);
	stat(out, &sb);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(store_open(out, STORE_OPEN_EXISTING, &st, NULL), TSU_OK);
	struct record *r;
	assert_int_equal(store_get(st, "party", id, false, &r, NULL), TSU_OK);
	assert_string_equal(record_get(r, "name"), "諏訪の見守り隊");
	record_free(r);
	store_close(st);
}

static void seeded_areas_have_the_same_ids_in_every_file(void **state)
{
	char a[512], b[512];
	struct store *sa, *sb;
	uuid_str ida, idb;
	make_db(a, sizeof a, "seed-a.db");
	make_db(b, sizeof b, "seed-b.db");
	store_open(a, STORE_OPEN_EXISTING, &sa, NULL);
	store_open(b, STORE_OPEN_EXISTING, &sb, NULL);
	assert_int_equal(store_resolve(sa, "area", "鶴牧", ida, NULL), TSU_OK);
	assert_int_equal(store_resolve(sb, "area", "鶴牧", idb, NULL), TSU_OK);
	assert_string_equal(ida, idb);
	store_close(sa);
	store_close(sb);
}

/* A later version adds a column: the file is backed up first, then
 * migrated; the data stays. */
/* The real migrations followed by `extra` as one more version. */
static const char *const *migrations_then(const char *extra)
{
	static const char *next[32];
	int n = schema_version_latest();
	for (int i = 0; i < n; i++)
		next[i] = schema_migrations[i];
	next[n] = extra;
	next[n + 1] = NULL;
	return next;
}

/* Takes a file of the latest version back to version 4 as version 4 left
 * it: no counts kept by triggers, no area-work columns, no event
 * participants, no new choice lists. */
/* 1 when the file has no search_doc (version 12 on), nor its indexes */
#define SEARCH_DOC_GONE "SELECT count(*) = 0 FROM sqlite_schema WHERE name LIKE 'search_doc%'"
/* A file of version 11: each document of a task or log entry under a
 * search_doc row of its own (numbered here from the last, so that no
 * rowid is the one version 12 gives it by chance, rowid * 2 (+ 1)). */
#define TO_V11 \
	"CREATE TABLE search_doc(rowid INTEGER PRIMARY KEY, entity TEXT NOT NULL," \
	" row_id TEXT NOT NULL UNIQUE, owner_entity TEXT NOT NULL, owner_id TEXT NOT NULL);" \
	" CREATE INDEX search_doc_owner ON search_doc(owner_id);" \
	" CREATE TABLE v9doc AS SELECT rowid AS r, grams FROM search_index;" \
	" DELETE FROM search_index;" \
	" INSERT INTO search_doc(entity, row_id, owner_entity, owner_id)" \
	" SELECT CASE WHEN v.r & 1 THEN 'log' ELSE 'task' END, coalesce(l.id, t.id)," \
	" CASE WHEN v.r & 1 = 0 OR l.task_id IS NOT NULL THEN 'task' ELSE 'area' END," \
	" CASE WHEN v.r & 1 THEN coalesce(l.task_id, l.area_id) ELSE t.id END FROM v9doc v" \
	" LEFT JOIN log_entry l ON v.r & 1 AND l.rowid = v.r >> 1" \
	" LEFT JOIN task t ON v.r & 1 = 0 AND t.rowid = v.r >> 1 ORDER BY v.r DESC;" \
	" INSERT INTO search_index(rowid, grams) SELECT d.rowid, v.grams FROM search_doc d" \
	" JOIN v9doc v ON v.r = CASE d.entity WHEN 'task'" \
	" THEN (SELECT rowid * 2 FROM task WHERE id = d.row_id)" \
	" ELSE (SELECT rowid * 2 + 1 FROM log_entry WHERE id = d.row_id) END;" \
	" DROP TABLE v9doc; PRAGMA user_version = 11;"
/* A file of version 10: link tables of ids (as tests/cli/lib/to-v4.sql
 * begins). */
#define TO_V10 \
	TO_V11 \
	"CREATE TEMP TABLE party_area_v10 AS SELECT * FROM party_area; DROP VIEW party_area; " \
	"DROP TABLE party_area_link; CREATE TABLE party_area(party_id TEXT NOT NULL REFERENCES party(id), " \
	" area_id TEXT NOT NULL REFERENCES area(id), added INTEGER NOT NULL DEFAULT 0, " \
	" PRIMARY KEY(party_id, area_id)) WITHOUT ROWID; " \
	"INSERT INTO party_area SELECT * FROM temp.party_area_v10; DROP TABLE temp.party_area_v10; " \
	"CREATE INDEX party_area_area ON party_area(area_id); " \
	"CREATE TEMP TABLE offer_v10 AS SELECT * FROM offer; DROP VIEW offer; " \
	"DROP TABLE offer_link; CREATE TABLE offer(party_id TEXT NOT NULL REFERENCES party(id), " \
	" tag TEXT NOT NULL, added INTEGER NOT NULL DEFAULT 0, " \
	" PRIMARY KEY(party_id, tag)) WITHOUT ROWID; " \
	"INSERT INTO offer SELECT * FROM temp.offer_v10; DROP TABLE temp.offer_v10; " \
	"CREATE INDEX offer_tag ON offer(tag); " \
	"CREATE TEMP TABLE task_party_v10 AS SELECT * FROM task_party; DROP VIEW task_party; " \
	"DROP TABLE task_party_link; CREATE TABLE task_party(task_id TEXT NOT NULL REFERENCES task(id), " \
	" party_id TEXT NOT NULL REFERENCES party(id), added INTEGER NOT NULL DEFAULT 0, " \
	" PRIMARY KEY(task_id, party_id)) WITHOUT ROWID; " \
	"INSERT INTO task_party SELECT * FROM temp.task_party_v10; DROP TABLE temp.task_party_v10; " \
	"CREATE INDEX task_party_party ON task_party(party_id); " \
	"CREATE TEMP TABLE task_need_v10 AS SELECT * FROM task_need; DROP VIEW task_need; " \
	"DROP TABLE task_need_link; CREATE TABLE task_need(task_id TEXT NOT NULL REFERENCES task(id), " \
	" tag TEXT NOT NULL, added INTEGER NOT NULL DEFAULT 0, " \
	" PRIMARY KEY(task_id, tag)) WITHOUT ROWID; " \
	"INSERT INTO task_need SELECT * FROM temp.task_need_v10; DROP TABLE temp.task_need_v10; " \
	"CREATE TEMP TABLE staff_area_v10 AS SELECT * FROM staff_area; DROP VIEW staff_area; " \
	"DROP TABLE staff_area_link; CREATE TABLE staff_area(staff_id TEXT NOT NULL REFERENCES staff(id), " \
	" area_id TEXT NOT NULL REFERENCES area(id), added INTEGER NOT NULL DEFAULT 0, " \
	" PRIMARY KEY(staff_id, area_id)) WITHOUT ROWID; " \
	"INSERT INTO staff_area SELECT * FROM temp.staff_area_v10; DROP TABLE temp.staff_area_v10; " \
	"CREATE INDEX staff_area_area ON staff_area(area_id); " \
	"CREATE TEMP TABLE event_party_v10 AS SELECT * FROM event_party; DROP VIEW event_party; " \
	"DROP TABLE event_party_link; CREATE TABLE event_party(event_id TEXT NOT NULL REFERENCES event(id), " \
	" party_id TEXT NOT NULL REFERENCES party(id), added INTEGER NOT NULL DEFAULT 0, " \
	" PRIMARY KEY(event_id, party_id)) WITHOUT ROWID; " \
	"INSERT INTO event_party SELECT * FROM temp.event_party_v10; DROP TABLE temp.event_party_v10; " \
	"CREATE INDEX event_party_party ON event_party(party_id); " \
	"CREATE TRIGGER tally_party_area_in AFTER INSERT ON party_area BEGIN " \
	" INSERT INTO area_tally(area_id, parties) SELECT NEW.area_id, +1 FROM party " \
	" WHERE id = NEW.party_id AND deleted_at IS NULL " \
	" ON CONFLICT(area_id) DO UPDATE SET parties = parties + excluded.parties;END; " \
	"CREATE TRIGGER tally_party_area_out AFTER DELETE ON party_area BEGIN " \
	" INSERT INTO area_tally(area_id, parties) SELECT OLD.area_id, -1 FROM party " \
	" WHERE id = OLD.party_id AND deleted_at IS NULL " \
	" ON CONFLICT(area_id) DO UPDATE SET parties = parties + excluded.parties;END; " \
	"PRAGMA user_version = 10; " \
	""
/* A file of version 9: search documents written as grams, in indexes of
 * the ascii tokenizer. */
#define TO_V9 \
	TO_V10 \
	"CREATE TABLE v9party AS SELECT rowid AS r, tsu_test_grams(grams) AS g FROM search_party;" \
	" CREATE TABLE v9index AS SELECT rowid AS r, tsu_test_grams(grams) AS g FROM search_index;" \
	" DROP TABLE search_party; DROP TABLE search_index;" \
	" CREATE VIRTUAL TABLE search_party USING fts5(grams," \
	" tokenize = \"ascii tokenchars '_'\", prefix = '1');" \
	" CREATE VIRTUAL TABLE search_index USING fts5(grams, tokenize='ascii');" \
	" INSERT INTO search_party(rowid, grams) SELECT r, g FROM v9party;" \
	" INSERT INTO search_index(rowid, grams) SELECT r, g FROM v9index;" \
	" DROP TABLE v9party; DROP TABLE v9index; PRAGMA user_version = 9;"
/* A file of version 8: the change log one table, replica and action ids
 * written out on every change. */
#define TO_V8 \
	TO_V9 \
	"CREATE TABLE changelog_v8(seq INTEGER PRIMARY KEY, change_id TEXT NOT NULL UNIQUE," \
	" hlc INTEGER NOT NULL, replica TEXT NOT NULL, action_id TEXT NOT NULL," \
	" author TEXT NOT NULL, at INTEGER NOT NULL, entity TEXT NOT NULL, row_id TEXT NOT NULL," \
	" field TEXT NOT NULL, old_value, new_value, covers TEXT);" \
	" INSERT INTO changelog_v8 SELECT * FROM changelog;" \
	" DROP VIEW changelog; DROP TABLE changes; DROP TABLE change_replica;" \
	" DROP TABLE change_action; ALTER TABLE changelog_v8 RENAME TO changelog;" \
	" CREATE INDEX changelog_row ON changelog(row_id, hlc);" \
	" CREATE INDEX changelog_replica ON changelog(replica, hlc, change_id);" \
	" CREATE INDEX changelog_action ON changelog(action_id); PRAGMA user_version = 8;"
/* A file of version 6: each party's document (less its area tokens)
 * under a search_doc row of its own, in an index without '_' tokens, and
 * no party_key. */
#define TO_V6 \
	TO_V8 \
	"CREATE TABLE v7doc AS SELECT p.id AS pid, CASE WHEN instr(s.grams, '_a')" \
	" THEN substr(s.grams, 1, instr(s.grams, '_a') - 1) ELSE s.grams END AS grams" \
	" FROM search_party s JOIN party p ON p.rowid = s.rowid;" \
	" INSERT INTO search_doc(entity, row_id, owner_entity, owner_id)" \
	" SELECT 'party', pid, 'party', pid FROM v7doc;" \
	" DROP TABLE search_party;" \
	" CREATE VIRTUAL TABLE search_party USING fts5(grams, tokenize='ascii', prefix='1');" \
	" INSERT INTO search_party(rowid, grams) SELECT d.rowid, v.grams FROM v7doc v" \
	" JOIN search_doc d ON d.row_id = v.pid;" \
	" DROP TABLE v7doc; DROP TRIGGER party_key_new; DROP TRIGGER party_key_set;" \
	" DROP TRIGGER party_key_gone; DROP TABLE party_key; PRAGMA user_version = 6;"
#define TO_V4 \
	TO_V6 \
	" DROP TRIGGER tally_party_area_in; DROP TRIGGER tally_party_area_out;" \
	" DROP TRIGGER tally_party_live; DROP TRIGGER tally_party_new; DROP TRIGGER tally_party_gone;" \
	" DROP TRIGGER tally_task_in; DROP TRIGGER tally_task_out; DROP TRIGGER tally_task_moved;" \
	" DROP TABLE area_tally; DROP TABLE task_tally; DROP INDEX task_board;" \
	" DROP INDEX task_area_board; DROP INDEX task_mine;" \
	" INSERT INTO search_index(rowid, grams) SELECT rowid, grams FROM search_party;" \
	" DROP TABLE search_party;" \
	" CREATE INDEX task_area_status ON task(area_id, status);" \
	" ALTER TABLE area DROP COLUMN platform_type; ALTER TABLE area DROP COLUMN projection;" \
	" ALTER TABLE event DROP COLUMN form; ALTER TABLE event DROP COLUMN theme;" \
	" DROP TABLE event_party; ALTER TABLE survey DROP COLUMN collaboration;" \
	" DROP INDEX task_request; ALTER TABLE task DROP COLUMN request_state;" \
	" ALTER TABLE task DROP COLUMN asked_on; ALTER TABLE task DROP COLUMN answered_on;" \
	" ALTER TABLE task DROP COLUMN answer;" \
	" DELETE FROM refvalue WHERE kind IN ('platform_type', 'event_form', 'request_state')" \
	"  OR (kind = 'matrix_state' AND code = '意見');" \
	" PRAGMA user_version = 4;"

static void migration_backs_up_then_moves_forward(void **state)
{
	char path[512], bak[600];
	struct store *st;
	struct tsu_error err = {0};
	make_db(path, sizeof path, "migrate.db");
	int latest = schema_version_latest();
	snprintf(bak, sizeof bak, "%s.bak-v%d", path, latest);
	unlink(bak);
	assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &st, NULL), TSU_OK);
	uuid_str id;
	struct field_value fv[] = {{"name", "鈴木一郎"}, {"kana", "すずきいちろう"}};
	assert_int_equal(store_insert(st, "party", fv, 2, id, NULL), TSU_OK);
	assert_int_equal(store_migrate(st, migrations_then("ALTER TABLE party ADD COLUMN nickname TEXT"),
				       &err), TSU_OK);
	store_close(st);
	struct stat sb;
	assert_int_equal(stat(bak, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	sqlite3 *db;
	sqlite3_stmt *s;
	sqlite3_open(path, &db);
	sqlite3_prepare_v2(db, "SELECT (SELECT user_version FROM pragma_user_version),"
			   " name, nickname IS NULL FROM party", -1, &s, NULL);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(s, 0), latest + 1);
	assert_string_equal((const char *)sqlite3_column_text(s, 1), "鈴木一郎");
	sqlite3_finalize(s);
	sqlite3_close(db);
	/* the backup is the file as it was: the latest version, same data */
	sqlite3_open(bak, &db);
	sqlite3_prepare_v2(db, "SELECT (SELECT user_version FROM pragma_user_version), name FROM party", -1, &s, NULL);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(s, 0), latest);
	assert_string_equal((const char *)sqlite3_column_text(s, 1), "鈴木一郎");
	sqlite3_finalize(s);
	sqlite3_close(db);
}

/* A migration that fails leaves the file exactly as it was. */
static void failed_migration_changes_nothing(void **state)
{
	char path[512];
	struct store *st;
	struct tsu_error err = {0};
	make_db(path, sizeof path, "migrate-fail.db");
	assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &st, NULL), TSU_OK);
	const char *const *next =
		migrations_then("ALTER TABLE party ADD COLUMN nickname TEXT; SELECT * FROM no_such_table");
	assert_int_not_equal(store_migrate(st, next, &err), TSU_OK);
	char want[16];
	snprintf(want, sizeof want, "版 %d", schema_version_latest() + 1);
	assert_non_null(strstr(err.msg, want));
	store_close(st);
	sqlite3 *db;
	sqlite3_stmt *s;
	sqlite3_open(path, &db);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT nickname FROM party", -1, &s, NULL), SQLITE_ERROR);
	sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, NULL);
	sqlite3_step(s);
	assert_int_equal(sqlite3_column_int(s, 0), schema_version_latest());
	sqlite3_finalize(s);
	sqlite3_close(db);
}

static long long count_of(const char *path, const char *query)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(gramtok_register(db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, query, -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	long long n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return n;
}

/* Version 4 adds きっかけ and つなぎ先 to tasks: a version 3 file (made here
 * as version 3 left it: no such columns, no such choice lists) is backed
 * up, upgraded, keeps every record and change, and takes the new fields
 * as ordinary ones, recorded in the change log. */
static void version_3_file_gains_referral_fields(void **state)
{
	char path[512], bak[600];
	struct store *st;
	struct tsu_error err = {0};
	make_db(path, sizeof path, "v3.db");
	snprintf(bak, sizeof bak, "%s.bak-v3", path);
	unlink(bak);
	assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &st, NULL), TSU_OK);
	uuid_str pid, tid, lid;
	struct field_value pv[] = {{"name", "諏訪の見守り隊"}, {"kind", "団体"}};
	assert_int_equal(store_insert(st, "party", pv, 2, pid, NULL), TSU_OK);
	struct field_value tv[] = {{"title", "独居高齢者の見守り"}, {"kind", "個別支援"},
				   {"area_id", "諏訪"}, {"parties", pid}};
	assert_int_equal(store_insert(st, "task", tv, 4, tid, NULL), TSU_OK);
	struct field_value lv[] = {{"task_id", tid}, {"kind", "訪問"}, {"date", "2025-05-01"},
				   {"text", "ご自宅を訪問"}};
	assert_int_equal(store_insert(st, "log", lv, 4, lid, NULL), TSU_OK);
	store_close(st);
	sql(path, TO_V4);
	sql(path, "ALTER TABLE task DROP COLUMN referral_source;"
		  " ALTER TABLE task DROP COLUMN connected_to;"
		  " DELETE FROM refvalue WHERE kind IN ('referral_source', 'connected_to');"
		  " PRAGMA user_version = 3");
	static const char *const tables[] = {"party", "task", "log_entry", "task_party", "area",
					     "district", "changelog", "refvalue"};
	long long before[8];
	char q[128];
	for (int i = 0; i < 8; i++) {
		snprintf(q, sizeof q, "SELECT count(*) FROM %s", tables[i]);
		before[i] = count_of(path, q);
	}
	assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &st, &err), TSU_OK);
	store_close(st);
	struct stat sb;
	assert_int_equal(stat(bak, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(count_of(bak, "PRAGMA user_version"), 3);
	assert_int_equal(count_of(path, "PRAGMA user_version"), schema_version_latest());
	for (int i = 0; i < 7; i++) {
		snprintf(q, sizeof q, "SELECT count(*) FROM %s", tables[i]);
		assert_int_equal(count_of(path, q), before[i]);
	}
	assert_int_equal(count_of(path, "SELECT count(*) FROM refvalue"), before[7] + 16 + 10);
	/* the new fields take their choices by label and are logged */
	assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &st, NULL), TSU_OK);
	struct field_value uv[] = {{"referral_source", "民生委員"}, {"connected_to", "地域包括支援センター"}};
	assert_int_equal(store_update(st, "task", tid, uv, 2, NULL), TSU_OK);
	struct field_value bad[] = {{"referral_source", "通りすがり"}};
	assert_int_not_equal(store_update(st, "task", tid, bad, 1, NULL), TSU_OK);
	struct record *r;
	assert_int_equal(store_get(st, "task", tid, false, &r, NULL), TSU_OK);
	assert_string_equal(record_get(r, "title"), "独居高齢者の見守り");
	assert_string_equal(record_get(r, "referral_source"), "民生委員");
	assert_string_equal(record_get(r, "connected_to"), "地域包括支援センター");
	record_free(r);
	store_close(st);
	assert_int_equal(count_of(path, "SELECT count(*) FROM changelog WHERE field = 'referral_source'"
				  " AND new_value = '民生委員'"), 1);
	assert_int_equal(count_of(path, "SELECT count(*) FROM changelog WHERE field = 'connected_to'"), 1);
}

/* Version 5 adds the area work: a version 4 file is backed up, upgraded,
 * keeps every record, and takes the platform type, event participants
 * (a set in the change log), survey 連携・協働の意識 and the request state
 * of a 地域要望 as ordinary fields. */
static void version_4_file_gains_area_work_fields(void **state)
{
	char path[512], bak[600];
	struct store *st;
	struct tsu_error err = {0};
	make_db(path, sizeof path, "v4.db");
	snprintf(bak, sizeof bak, "%s.bak-v4", path);
	unlink(bak);
	assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &st, NULL), TSU_OK);
	uuid_str pid, eid, tid;
	struct field_value pv[] = {{"name", "永山 花子"}, {"kind", "個人"}};
	assert_int_equal(store_insert(st, "party", pv, 2, pid, NULL), TSU_OK);
	struct field_value ev[] = {{"title", "第3回エリアミーティング"}, {"kind", "エリアミーティング"},
				   {"area_id", "諏訪"}};
	assert_int_equal(store_insert(st, "event", ev, 3, eid, NULL), TSU_OK);
	struct field_value tv[] = {{"title", "バス停にベンチを"}, {"kind", "地域要望"}};
	assert_int_equal(store_insert(st, "task", tv, 2, tid, NULL), TSU_OK);
	store_close(st);
	sql(path, TO_V4);
	long long parties = count_of(path, "SELECT count(*) FROM party");
	long long changes = count_of(path, "SELECT count(*) FROM changelog");
	assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &st, &err), TSU_OK);
	store_close(st);
	assert_int_equal(count_of(bak, "PRAGMA user_version"), 4);
	assert_int_equal(count_of(path, "PRAGMA user_version"), schema_version_latest());
	assert_int_equal(count_of(path, "SELECT count(*) FROM party"), parties);
	assert_int_equal(count_of(path, "SELECT count(*) FROM changelog"), changes);
	assert_int_equal(count_of(path, "SELECT count(*) FROM refvalue WHERE kind = 'request_state'"), 4);
	/* the party's document moved to the directory's own index (version 6) */
	assert_int_equal(count_of(path, "SELECT count(*) FROM search_party WHERE search_party MATCH '\"花子\"'"), 1);
	assert_int_equal(count_of(path, "SELECT count(*) FROM search_index WHERE search_index MATCH '\"花子\"'"), 0);
	assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &st, NULL), TSU_OK);
	struct list_query lq = {.search = "花子"};
	long found = 0;
	assert_int_equal(store_list_count(st, LIST_PARTIES, &lq, &found, NULL), TSU_OK);
	assert_int_equal(found, 1);
	struct field_value eu[] = {{"form", "オンライン"}, {"participants", pid}};
	assert_int_equal(store_update(st, "event", eid, eu, 2, NULL), TSU_OK);
	struct field_value tu[] = {{"request_state", "部局照会中"}, {"asked_on", "2026-11-02"}};
	assert_int_equal(store_update(st, "task", tid, tu, 2, NULL), TSU_OK);
	struct field_value au[] = {{"platform_type", "協議会型"}};
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_prepare_v2(st->db, "SELECT id FROM area WHERE name = '諏訪中学区'",
					    -1, &q, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_int_equal(store_update(st, "area", (const char *)sqlite3_column_text(q, 0), au, 1, NULL),
			 TSU_OK);
	sqlite3_finalize(q);
	struct record *r;
	assert_int_equal(store_get(st, "event", eid, false, &r, NULL), TSU_OK);
	assert_string_equal(record_get(r, "participants"), "永山 花子");
	assert_string_equal(record_get(r, "form"), "オンライン");
	record_free(r);
	store_close(st);
	assert_int_equal(count_of(path, "SELECT count(*) FROM changelog WHERE field = 'participants'"
				  " AND new_value IS NOT NULL"), 1);
	assert_int_equal(count_of(path, "SELECT count(*) FROM changelog WHERE field = 'request_state'"), 1);
}

/* Version 7 keys the directory's index by party: a version 6 file's party
 * documents (a party's own and its log entries') become one per party
 * under its rowid, with its areas, and party_key holds the order. */
static void version_6_file_gets_the_party_index(void **state)
{
	(void)state;
	char path[512], bak[600];
	struct store *st;
	struct tsu_error err = {0};
	make_db(path, sizeof path, "v6.db");
	snprintf(bak, sizeof bak, "%s.bak-v6", path);
	unlink(bak);
	assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &st, NULL), TSU_OK);
	uuid_str pid, lid, other;
	struct field_value pv[] = {{"name", "柚木 朔"}, {"kind", "個人"}, {"areas", "諏訪中学区"}};
	assert_int_equal(store_insert(st, "party", pv, 3, pid, NULL), TSU_OK);
	struct field_value ov[] = {{"name", "和田 一郎"}, {"kind", "個人"}};
	assert_int_equal(store_insert(st, "party", ov, 2, other, NULL), TSU_OK);
	struct field_value lv[] = {{"party_id", pid}, {"date", "2026-11-30"}, {"text", "庭木の剪定"}};
	assert_int_equal(store_insert(st, "log", lv, 3, lid, NULL), TSU_OK);
	store_close(st);
	sql(path, TO_V6);
	assert_int_equal(count_of(path, "SELECT count(*) FROM search_doc WHERE owner_entity = 'party'"), 2);
	assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &st, &err), TSU_OK);
	struct list_query q = {.search = "剪定"};
	long n = 0;
	assert_int_equal(store_list_count(st, LIST_PARTIES, &q, &n, NULL), TSU_OK);
	assert_int_equal(n, 1);
	q.search = "和田";
	assert_int_equal(store_list_count(st, LIST_PARTIES, &q, &n, NULL), TSU_OK);
	assert_int_equal(n, 1);
	store_close(st);
	assert_int_equal(count_of(bak, "PRAGMA user_version"), 6);
	assert_int_equal(count_of(path, "PRAGMA user_version"), schema_version_latest());
	assert_int_equal(count_of(path, SEARCH_DOC_GONE), 1);
	assert_int_equal(count_of(path, "SELECT count(*) FROM search_party s JOIN party p"
				  " ON p.rowid = s.rowid WHERE s.grams LIKE '%剪定%'"
				  " AND s.grams LIKE '%_a%' AND p.name = '柚木 朔'"), 1);
	assert_int_equal(count_of(path, "SELECT count(*) FROM party_key"), 2);
}

/* The constant that lets a command skip building the schema in memory is
 * the digest of what the migrations build; a migrated file has it too. */
static void schema_digest_is_the_built_one(void **state)
{
	(void)state;
	char path[512];
	struct store *st;
	make_db(path, sizeof path, "digest.db");
	assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &st, NULL), TSU_OK);
	uint64_t built = store_schema_digest(st);
	if (built != schema_digest_latest)
		fail_msg("src/store/schema.c: schema_digest_latest must be 0x%016llxULL",
			 (unsigned long long)built);
	assert_int_equal(store_verify_quick(st, NULL), TSU_OK);
	store_close(st);
	sql(path, "CREATE INDEX 余分 ON party(phone)");
	assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &st, NULL), TSU_OK);
	assert_true(store_schema_digest(st) != schema_digest_latest);
	assert_int_equal(store_verify_quick(st, NULL), TSU_DB_CORRUPT);
	store_close(st);
}

/* Version 8 changes no table: a version 7 file of few free pages is
 * upgraded without being rebuilt (VACUUM would rebuild a city file of gigabytes, in memory), and
 * its creations, written in full by version 7, read the same after. */
static void version_7_file_is_not_rebuilt(void **state)
{
	(void)state;
	char path[512];
	struct store *st;
	make_db(path, sizeof path, "v7.db");
	assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &st, NULL), TSU_OK);
	uuid_str id;
	struct field_value fv[] = {{"name", "多摩 花子"}, {"phone", "042-338-6800"}};
	assert_int_equal(store_insert(st, "party", fv, 2, id, NULL), TSU_OK);
	store_close(st);
	/* as version 7 wrote it: the creation in full; and pages left free */
	char q[512];
	sql(path, TO_V8);
	snprintf(q, sizeof q, "UPDATE changelog SET new_value = json_object('kind', 'person',"
		 " 'name', '多摩 花子', 'phone', '042-338-6800', 'key_person', 0, 'consent', 0)"
		 " WHERE row_id = '%s' AND field = '_created';"
		 " CREATE TABLE filler AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1"
		 " FROM n WHERE i < 60) SELECT randomblob(400) FROM n; DROP TABLE filler;"
		 " PRAGMA user_version = 7", id);
	sql(path, q);
	long long free_before = count_of(path, "PRAGMA freelist_count");
	assert_true(free_before > 0);
	assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &st, NULL), TSU_OK);
	store_close(st);
	assert_int_equal(count_of(path, "PRAGMA user_version"), schema_version_latest());
	/* not rebuilt: VACUUM leaves no free page (version 9 uses some of the
	 * free pages and frees the old log's) */
	assert_true(count_of(path, "PRAGMA freelist_count") > 0);
	snprintf(q, sizeof q, "SELECT json_extract(new_value, '$.phone') = '042-338-6800' FROM changelog"
		 " WHERE row_id = '%s' AND field = '_created'", id);
	assert_int_equal(count_of(path, q), 1);
}

/* The titles of the tasks a search finds, joined by '|'. */
static int add_title(void *ud, int n, const char *const *v)
{
	struct sbuf *out = ud;
	int t = list_column_index(LIST_TASKS, "title");
	assert_true(t >= 0 && t < n);
	sbuf_addf(out, "%s%s", out->len ? "|" : "", v[t]);
	return 0;
}

static char *tasks_found(struct store *st, const char *words)
{
	struct list_query q = {.search = words};
	struct sbuf out = {0};
	assert_int_equal(store_list(st, LIST_TASKS, &q, add_title, &out, NULL), TSU_OK);
	return sbuf_detach(&out);
}

static void count_problem(void *ud, const char *line)
{
	fprintf(stderr, "problem: %s\n", line);
	++*(int *)ud;
}

static int problems_of(struct store *st)
{
	int n = 0;
	store_check(st, count_problem, &n, NULL);
	return n;
}

/* Version 12 keys the documents of tasks and log entries by their rows'
 * rowids and drops search_doc: a version 11 file's documents move over,
 * a task is found by its title and by its log entries as before, and a
 * log entry found under its task follows it to another one. */
static void version_11_file_keys_documents_by_row(void **state)
{
	(void)state;
	char path[512];
	struct store *st;
	make_db(path, sizeof path, "v11.db");
	assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &st, NULL), TSU_OK);
	uuid_str pid, t1, t2, t3, l1, l2, l3;
	struct field_value pv[] = {{"name", "柚木 朔"}, {"kind", "個人"}};
	assert_int_equal(store_insert(st, "party", pv, 2, pid, NULL), TSU_OK);
	struct field_value tv1[] = {{"title", "見守り体制づくり"}, {"body", "民生委員と分担"}};
	assert_int_equal(store_insert(st, "task", tv1, 2, t1, NULL), TSU_OK);
	struct field_value tv2[] = {{"title", "夏祭りの会場調整"}};
	assert_int_equal(store_insert(st, "task", tv2, 1, t2, NULL), TSU_OK);
	assert_int_equal(store_delete(st, "task", t2, NULL), TSU_OK);
	struct field_value tv3[] = {{"title", "買い物支援"}};
	assert_int_equal(store_insert(st, "task", tv3, 1, t3, NULL), TSU_OK);
	struct field_value lv1[] = {{"task_id", t1}, {"date", "2026-11-01"},
				    {"text", "会長宅を訪問。見守りの担い手について相談。"}};
	assert_int_equal(store_insert(st, "log", lv1, 3, l1, NULL), TSU_OK);
	struct field_value lv2[] = {{"area_id", "諏訪"}, {"date", "2026-11-02"}, {"text", "防災訓練の打合せ"}};
	assert_int_equal(store_insert(st, "log", lv2, 3, l2, NULL), TSU_OK);
	struct field_value lv3[] = {{"party_id", pid}, {"date", "2026-11-03"}, {"text", "庭木の剪定"}};
	assert_int_equal(store_insert(st, "log", lv3, 3, l3, NULL), TSU_OK);
	store_close(st);
	sql(path, TO_V11);
	assert_int_equal(count_of(path, "SELECT count(*) FROM search_doc"), 4); /* t1, t3, l1, l2 */
	assert_int_equal(count_of(path, "SELECT count(*) FROM search_doc d JOIN search_index i"
				  " ON i.rowid = d.rowid"), 4);
	assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &st, NULL), TSU_OK);
	assert_int_equal(problems_of(st), 0);
	char *found = tasks_found(st, "会長宅");
	assert_string_equal(found, "見守り体制づくり");
	free(found);
	found = tasks_found(st, "体制");
	assert_string_equal(found, "見守り体制づくり");
	free(found);
	found = tasks_found(st, "夏祭り 剪定 防災");
	assert_string_equal(found, "");
	free(found);
	/* the entry goes to another task: found under that one, no document changed */
	struct field_value mv[] = {{"task_id", t3}};
	assert_int_equal(store_update(st, "log", l1, mv, 1, NULL), TSU_OK);
	found = tasks_found(st, "担い手");
	assert_string_equal(found, "買い物支援");
	free(found);
	/* then to a party alone: its document is the party's */
	struct field_value pv2[] = {{"party_id", pid}}, nv[] = {{"task_id", ""}};
	assert_int_equal(store_update(st, "log", l1, pv2, 1, NULL), TSU_OK);
	assert_int_equal(store_update(st, "log", l1, nv, 1, NULL), TSU_OK);
	found = tasks_found(st, "担い手");
	assert_string_equal(found, "");
	free(found);
	struct list_query q = {.search = "担い手"};
	long n = 0;
	assert_int_equal(store_list_count(st, LIST_PARTIES, &q, &n, NULL), TSU_OK);
	assert_int_equal(n, 1);
	assert_int_equal(problems_of(st), 0);
	store_close(st);
	assert_int_equal(count_of(path, SEARCH_DOC_GONE), 1);
	/* t1, t3 and l2 under their rows' rowids */
	assert_int_equal(count_of(path, "SELECT count(*) FROM search_index i LEFT JOIN task t"
				  " ON t.rowid * 2 = i.rowid LEFT JOIN log_entry l ON l.rowid * 2 + 1 = i.rowid"
				  " WHERE t.title IN ('見守り体制づくり', '買い物支援') OR l.text = '防災訓練の打合せ'"), 3);
	assert_int_equal(count_of(path, "SELECT count(*) FROM search_index"), 3);
}

/* check finds a document without its row and a row without its document
 * in search_index. */
static void check_finds_the_task_documents_astray(void **state)
{
	(void)state;
	char path[512];
	struct store *st;
	make_db(path, sizeof path, "astray.db");
	assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &st, NULL), TSU_OK);
	uuid_str tid, lid;
	struct field_value tv[] = {{"title", "独居高齢者の見守り"}};
	assert_int_equal(store_insert(st, "task", tv, 1, tid, NULL), TSU_OK);
	struct field_value lv[] = {{"task_id", tid}, {"date", "2026-11-01"}, {"text", "ご自宅を訪問"}};
	assert_int_equal(store_insert(st, "log", lv, 3, lid, NULL), TSU_OK);
	assert_int_equal(problems_of(st), 0);
	store_close(st);
	static const char *const harm[] = {
		"DELETE FROM search_index WHERE rowid = (SELECT rowid * 2 FROM task)",
		"DELETE FROM search_index WHERE rowid = (SELECT rowid * 2 + 1 FROM log_entry)",
		"INSERT INTO search_index(rowid, grams) VALUES(1000001, 'ミマ マモ モリ リ ')",
		"UPDATE task SET deleted_at = '2026-11-02T00:00:00Z'",
	};
	char copy[512];
	for (size_t i = 0; i < sizeof harm / sizeof harm[0]; i++) {
		test_path(copy, sizeof copy, "astray-copy.db");
		unlink(copy);
		assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &st, NULL), TSU_OK);
		assert_int_equal(store_snapshot(st, copy, NULL), TSU_OK);
		store_close(st);
		sql(copy, harm[i]);
		assert_int_equal(store_open(copy, STORE_OPEN_EXISTING, &st, NULL), TSU_OK);
		assert_int_equal(problems_of(st), 1);
		store_close(st);
	}
}

/* A file of version 1 (tests/fixtures/v1, made by tsunagu 0.1.0) goes
 * through every migration: its task is still found by a word of its
 * title and of its log entry, and search_doc is gone. */
static void version_1_file_still_finds_its_task(void **state)
{
	(void)state;
	char src[512], path[512];
	const char *fixtures = getenv("FIXTURES");
	assert_non_null(fixtures);
	snprintf(src, sizeof src, "%s/v1/v1.db", fixtures);
	test_path(path, sizeof path, "v1.db");
	unlink(path);
	char q[1200];
	snprintf(q, sizeof q, "VACUUM INTO '%s'", path);
	sql(src, q);
	chmod(path, 0600);
	struct store *st;
	assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &st, NULL), TSU_OK);
	char *found = tasks_found(st, "会長宅");      /* its log entry */
	assert_string_equal(found, "見守り体制づくり");
	free(found);
	found = tasks_found(st, "体制");              /* its title */
	assert_string_equal(found, "見守り体制づくり");
	free(found);
	found = tasks_found(st, "会場");              /* a deleted task's */
	assert_string_equal(found, "");
	free(found);
	assert_int_equal(problems_of(st), 0);
	store_close(st);
	assert_int_equal(count_of(path, SEARCH_DOC_GONE), 1);
}

/* Every change of a version 8 file as text, in arrival order. */
static char *log_text(const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT group_concat(quote(seq) || quote(change_id)"
		" || quote(hlc) || quote(replica) || quote(action_id) || quote(author) || quote(at)"
		" || quote(entity) || quote(row_id) || quote(field) || quote(old_value)"
		" || quote(new_value) || quote(covers), char(10)) FROM (SELECT * FROM changelog"
		" ORDER BY seq)", -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	char *t = strdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	sqlite3_close(db);
	return t;
}

/* Version 9 keeps the change log's replica and action ids once each: a
 * version 8 file's log reads the same after, change for change, and a
 * change made after joins its replica's and its action's numbers. */
static void version_8_log_reads_the_same(void **state)
{
	(void)state;
	char path[512];
	struct store *st;
	make_db(path, sizeof path, "v8.db");
	assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &st, NULL), TSU_OK);
	uuid_str id;
	struct field_value fv[] = {{"name", "多摩 花子"}, {"phone", "042-338-6800"},
				   {"offers", "見守り,会場提供"}};
	assert_int_equal(store_insert(st, "party", fv, 3, id, NULL), TSU_OK);
	struct field_value ev[] = {{"phone", "042-375-0000"}, {"offers", "+配食"}};
	assert_int_equal(store_update(st, "party", id, ev, 2, NULL), TSU_OK);
	store_close(st);
	sql(path, TO_V8);
	char *before = log_text(path);
	long long changes = count_of(path, "SELECT count(*) FROM changelog");
	assert_true(changes > 40); /* the seeded areas and choices, and the party's */
	assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &st, NULL), TSU_OK);
	store_close(st);
	assert_int_equal(count_of(path, "PRAGMA user_version"), schema_version_latest());
	char *after = log_text(path);
	assert_string_equal(after, before);
	free(before);
	free(after);
	/* the seeds' replica and this file's: each id once */
	assert_int_equal(count_of(path, "SELECT count(*) FROM change_replica"), 2);
	assert_int_equal(count_of(path, "SELECT count(DISTINCT action) FROM changes"),
			 count_of(path, "SELECT count(*) FROM change_action"));
	assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &st, NULL), TSU_OK);
	struct field_value nv[] = {{"notes", "月例会の会場"}};
	assert_int_equal(store_update(st, "party", id, nv, 1, NULL), TSU_OK);
	store_close(st);
	assert_int_equal(count_of(path, "SELECT count(*) FROM change_replica"), 2);
	char q[256];
	snprintf(q, sizeof q, "SELECT count(DISTINCT replica) FROM changelog WHERE row_id = '%s'", id);
	assert_int_equal(count_of(path, q), 1);
	snprintf(q, sizeof q, "SELECT count(*) FROM changelog WHERE row_id = '%s' AND field = 'notes'"
		 " AND new_value = '月例会の会場' AND length(action_id) = 36", id);
	assert_int_equal(count_of(path, q), 1);
}

/* The tokens of a search index with their places, in one text: party
 * documents by their party's rowid, the others in order of their text. */
static char *index_tokens(const char *path, const char *table, bool by_doc)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	char q[512];
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(gramtok_register(db), SQLITE_OK);
	snprintf(q, sizeof q, "CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, %s, 'instance')",
		 table);
	assert_int_equal(sqlite3_exec(db, q, NULL, NULL, NULL), SQLITE_OK);
	snprintf(q, sizeof q, "SELECT group_concat(t, ' ') FROM (SELECT %s term || '@' || offset AS t"
		 " FROM temp.v ORDER BY %s term, offset)", by_doc ? "doc || ':' ||" : "",
		 by_doc ? "doc," : "");
	assert_int_equal(sqlite3_prepare_v2(db, q, -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	char *t = strdup(sqlite3_column_text(s, 0) ? (const char *)sqlite3_column_text(s, 0) : "");
	sqlite3_finalize(s);
	sqlite3_close(db);
	return t;
}

/* Version 10 keeps each document's text once and cuts it into grams with
 * its own tokenizer: a version 9 file's indexes, rebuilt, hold the same
 * tokens at the same places (so every query finds what it found), and
 * the text they keep is smaller. */
static void version_9_search_keeps_its_tokens(void **state)
{
	(void)state;
	char path[512];
	struct store *st;
	make_db(path, sizeof path, "v9.db");
	assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &st, NULL), TSU_OK);
	uuid_str pid, tid, lid;
	struct field_value pv[] = {{"name", "髙橋 すずき"}, {"kana", "タカハシ スズキ"},
				   {"notes", "ＡＢＣ体操、毎週火曜"}, {"areas", "諏訪中学区,永山中学区"},
				   {"offers", "見守り"}};
	assert_int_equal(store_insert(st, "party", pv, 5, pid, NULL), TSU_OK);
	struct field_value lv[] = {{"party_id", pid}, {"date", "2026-11-30"}, {"text", "庭木の剪定"}};
	assert_int_equal(store_insert(st, "log", lv, 3, lid, NULL), TSU_OK);
	struct field_value tv[] = {{"title", "買い物支援の仕組みづくり"}, {"area_id", "諏訪"}};
	assert_int_equal(store_insert(st, "task", tv, 2, tid, NULL), TSU_OK);
	struct field_value tl[] = {{"task_id", tid}, {"date", "2026-12-01"}, {"text", "自治会長と相談"}};
	assert_int_equal(store_insert(st, "log", tl, 3, lid, NULL), TSU_OK);
	store_close(st);
	sql(path, TO_V9);
	char *party_before = index_tokens(path, "search_party", true);
	char *task_before = index_tokens(path, "search_index", false);
	long long party_text = count_of(path, "SELECT sum(length(grams)) FROM search_party");
	long long task_text = count_of(path, "SELECT sum(length(grams)) FROM search_index");
	assert_non_null(strstr(party_before, "剪定@"));
	assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &st, NULL), TSU_OK);
	store_close(st);
	assert_int_equal(count_of(path, "PRAGMA user_version"), schema_version_latest());
	char *party_after = index_tokens(path, "search_party", true);
	char *task_after = index_tokens(path, "search_index", false);
	assert_string_equal(party_after, party_before);
	assert_string_equal(task_after, task_before);
	/* the text kept: a third (an area's token stays as it was) */
	assert_true(count_of(path, "SELECT sum(length(grams)) FROM search_party") < party_text);
	assert_true(count_of(path, "SELECT sum(length(grams)) FROM search_index") * 5 < task_text * 2);
	free(party_before);
	free(party_after);
	free(task_before);
	free(task_after);
}

/* Every element of every set, by ids, in one text. */
static char *sets_text(const char *path)
{
	static const char *const q =
		"SELECT group_concat(x, char(10)) FROM (SELECT * FROM ("
		"SELECT 'pa ' || party_id || ' ' || area_id || ' ' || added AS x FROM party_area"
		" UNION ALL SELECT 'of ' || party_id || ' ' || tag || ' ' || added FROM offer"
		" UNION ALL SELECT 'tp ' || task_id || ' ' || party_id || ' ' || added FROM task_party"
		" UNION ALL SELECT 'tn ' || task_id || ' ' || tag || ' ' || added FROM task_need"
		" UNION ALL SELECT 'sa ' || staff_id || ' ' || area_id || ' ' || added FROM staff_area"
		" UNION ALL SELECT 'ep ' || event_id || ' ' || party_id || ' ' || added FROM event_party)"
		" ORDER BY x)";
	sqlite3 *db;
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, q, -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	char *t = strdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	sqlite3_close(db);
	return t;
}


/* Version 11 keeps sets by rowids: a version 10 file's sets read the same
 * after, element for element, the counts by area still agree, and a set
 * changed after the upgrade changes as before. */
static void version_10_sets_read_the_same(void **state)
{
	(void)state;
	char path[512];
	struct store *st;
	make_db(path, sizeof path, "v10.db");
	assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &st, NULL), TSU_OK);
	uuid_str pid, qid, tid, eid, sid;
	struct field_value pv[] = {{"name", "永山 花子"}, {"areas", "諏訪中学区,永山中学区"},
				   {"offers", "見守り,会場提供"}};
	assert_int_equal(store_insert(st, "party", pv, 3, pid, NULL), TSU_OK);
	struct field_value qv[] = {{"name", "諏訪 一郎"}, {"areas", "諏訪中学区"}};
	assert_int_equal(store_insert(st, "party", qv, 2, qid, NULL), TSU_OK);
	struct field_value tv[] = {{"title", "配食の担い手探し"}, {"parties", "永山 花子,諏訪 一郎"},
				   {"needs", "配食"}};
	assert_int_equal(store_insert(st, "task", tv, 3, tid, NULL), TSU_OK);
	struct field_value ev[] = {{"title", "ふれあいサロン"}, {"date", "2026-12-10"},
				   {"participants", "諏訪 一郎"}};
	assert_int_equal(store_insert(st, "event", ev, 3, eid, NULL), TSU_OK);
	struct field_value sv[] = {{"name", "多摩 太郎"}, {"areas", "永山中学区"}};
	assert_int_equal(store_insert(st, "staff", sv, 2, sid, NULL), TSU_OK);
	store_close(st);
	sql(path, TO_V10);
	char *before = sets_text(path);
	assert_non_null(strstr(before, "見守り"));
	assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &st, NULL), TSU_OK);
	store_close(st);
	assert_int_equal(count_of(path, "PRAGMA user_version"), schema_version_latest());
	char *after = sets_text(path);
	assert_string_equal(after, before);
	free(before);
	free(after);
	assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &st, NULL), TSU_OK);
	int problems = 0;
	assert_int_equal(store_check(st, count_problem, &problems, NULL), TSU_OK);
	assert_int_equal(problems, 0);
	struct field_value nv[] = {{"areas", "-諏訪中学区"}};
	assert_int_equal(store_update(st, "party", pid, nv, 1, NULL), TSU_OK);
	struct record *r = NULL;
	assert_int_equal(store_get(st, "task", tid, false, &r, NULL), TSU_OK);
	assert_string_equal(record_get(r, "parties"), "永山 花子,諏訪 一郎");
	record_free(r);
	assert_int_equal(store_check(st, count_problem, &problems, NULL), TSU_OK);
	assert_int_equal(problems, 0);
	store_close(st);
	assert_int_equal(count_of(path, "SELECT parties FROM area_tally a JOIN area x ON x.id = a.area_id"
				  " WHERE x.name = '諏訪中学区'"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(missing_file_is_reported),
		cmocka_unit_test(corrupt_file_is_reported),
		cmocka_unit_test(foreign_sqlite_file_is_refused),
		cmocka_unit_test(newer_file_opens_read_only),
		cmocka_unit_test(copied_world_readable_file_is_made_private),
		cmocka_unit_test(locked_file_is_reported),
		cmocka_unit_test(snapshot_is_complete_and_private),
		cmocka_unit_test(seeded_areas_have_the_same_ids_in_every_file),
		cmocka_unit_test(migration_backs_up_then_moves_forward),
		cmocka_unit_test(failed_migration_changes_nothing),
		cmocka_unit_test(version_3_file_gains_referral_fields),
		cmocka_unit_test(version_4_file_gains_area_work_fields),
		cmocka_unit_test(version_6_file_gets_the_party_index),
		cmocka_unit_test(schema_digest_is_the_built_one),
		cmocka_unit_test(version_7_file_is_not_rebuilt),
		cmocka_unit_test(version_8_log_reads_the_same),
		cmocka_unit_test(version_9_search_keeps_its_tokens),
		cmocka_unit_test(version_10_sets_read_the_same),
		cmocka_unit_test(version_11_file_keys_documents_by_row),
		cmocka_unit_test(check_finds_the_task_documents_astray),
		cmocka_unit_test(version_1_file_still_finds_its_task),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
