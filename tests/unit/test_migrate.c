/* Opening files: versions, read-only fallback, missing/corrupt/locked files. */
#include "migrate_util.h"

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
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
