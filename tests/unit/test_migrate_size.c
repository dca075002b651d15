/* Upgrades that keep the same data in fewer bytes (schemas 9 to 15, issue
 * 7): every change, search token and set element reads the same after. */
#include "migrate_util.h"
#include "test_copies.h"
#include "tsunagu/merge.h"

/* One column of each row a list gives, joined by '|'. */
struct found {
	int col;
	struct sbuf out;
};

static int add_found(void *ud, int n, const char *const *v)
{
	struct found *f = ud;
	assert_true(f->col >= 0 && f->col < n);
	sbuf_addf(&f->out, "%s%s", f->out.len ? "|" : "", v[f->col]);
	return 0;
}

/* What a search of `kind` finds (in an area, when area_id is given), by
 * `column`, in the list's order. */
static char *found_by(struct store *st, enum list_kind kind, const char *column,
		      const char *words, const char *area_id)
{
	struct list_query q = {.search = words, .area_id = area_id};
	struct found f = {.col = list_column_index(kind, column)};
	assert_int_equal(store_list(st, kind, &q, add_found, &f, NULL), TSU_OK);
	return sbuf_detach(&f.out);
}

static char *tasks_found(struct store *st, const char *words)
{
	return found_by(st, LIST_TASKS, "title", words, NULL);
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

/* Version 13 sums, per replica, the changes the file holds: a version 12
 * file with the changes of two replicas gets the sums of both from its
 * upgrade (check compares them with the changes), the trigger keeps them
 * through the next edit, and a merge still finds what is new. */
static void version_12_file_sums_its_replicas(void **state)
{
	(void)state;
	char a[512], b[512];
	make_db(a, sizeof a, "v12-a.db");
	test_path(b, sizeof b, "v12-b.db");
	unlink(b);
	struct store *st = open_db(a, "山田 太郎");
	uuid_str pid;
	struct field_value pv[] = {{"name", "柚木 朔"}, {"kind", "個人"}, {"offers", "見守り"}};
	assert_int_equal(store_insert(st, "party", pv, 3, pid, NULL), TSU_OK);
	store_close(st);
	copy_file(a, b);
	st = open_db(b, "佐藤 花子"); /* a copy: its changes under a replica of its own */
	struct field_value ev[] = {{"phone", "042-338-0001"}};
	assert_int_equal(store_update(st, "party", pid, ev, 1, NULL), TSU_OK);
	store_close(st);
	st = open_db(a, "山田 太郎");
	struct merge_summary sum;
	assert_int_equal(store_merge(st, b, false, &sum, NULL), TSU_OK);
	assert_int_equal(sum.changes, 1);
	store_close(st);
	sql(a, TO_V12);
	assert_int_equal(count_of(a, "SELECT count(*) FROM change_replica"), 3); /* seed, a, b */
	assert_int_equal(store_open(a, STORE_OPEN_EXISTING, &st, NULL), TSU_OK);
	assert_int_equal(problems_of(st), 0);
	struct field_value nv[] = {{"notes", "十時に訪問"}};
	assert_int_equal(store_update(st, "party", pid, nv, 1, NULL), TSU_OK);
	assert_int_equal(problems_of(st), 0);
	store_close(st);
	assert_int_equal(count_of(a, "SELECT (SELECT sum(held) FROM change_replica) ="
				  " (SELECT count(*) FROM changes) AND (SELECT count(*) FROM"
				  " change_replica WHERE held > 0) = 3"), 1);
	/* b's next change is the only news for a */
	st = open_db(b, "佐藤 花子");
	struct field_value kv[] = {{"kana", "ゆのき さく"}};
	assert_int_equal(store_update(st, "party", pid, kv, 1, NULL), TSU_OK);
	store_close(st);
	st = open_db(a, "山田 太郎");
	assert_int_equal(store_merge(st, b, false, &sum, NULL), TSU_OK);
	assert_int_equal(sum.changes, 1);
	assert_int_equal(problems_of(st), 0);
	store_close(st);
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

/* The rowids each query of the directory's index finds, as the store's
 * searches ask it (search.c: a character is a prefix, more are grams; an
 * area is one more token), read by SQL alone: no open upgrades the file. */
static char *index_matches(const char *path)
{
	static const char *const queries[] = {
		"'\"ス\" *'", "'\"鈴\" *'", "'\"スズ\"'", "'\"スズ ズキ\"'", "'\"セン ンテ テイ\"'",
		"'\"ス\" * AND \"_a' || (SELECT replace(id, '-', '') FROM area"
		" WHERE name = '諏訪中学区') || '\"'",
	};
	sqlite3 *db;
	sqlite3_stmt *s;
	struct sbuf out = {0}, q = {0};
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(gramtok_register(db), SQLITE_OK);
	for (size_t i = 0; i < sizeof queries / sizeof *queries; i++) {
		sbuf_reset(&q);
		sbuf_addf(&q, "SELECT group_concat(rowid) FROM search_party WHERE search_party"
			  " MATCH %s", queries[i]);
		assert_int_equal(sqlite3_prepare_v2(db, q.s, -1, &s, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(s), SQLITE_ROW);
		const char *t = (const char *)sqlite3_column_text(s, 0);
		sbuf_addf(&out, "%s\n", t ? t : "-");
		sqlite3_finalize(s);
	}
	sqlite3_close(db);
	sbuf_free(&q);
	return sbuf_detach(&out);
}

/* Version 14 drops the directory index's lists by first character: a
 * version 13 file's index keeps the same tokens in less room, every query
 * finds the same parties, and the directory's searches of one character
 * or more, in an area or not, find them in its order. */
static void version_13_directory_index_is_smaller(void **state)
{
	(void)state;
	char path[512];
	make_db(path, sizeof path, "v13.db");
	struct store *st = open_db(path, "山田 太郎");
	static const char *const people[][4] = {
		{"鈴木 一郎", "すずき いちろう", "諏訪中学区", "見守り"},
		{"鈴木 花子", "すずき はなこ", "永山中学区", "会場提供"},
		{"鈴村 進", "すずむら すすむ", "諏訪中学区", "見守り,送迎"},
		{"ｽｽﾞｷ商店", "すずきしょうてん", "諏訪中学区", "会場提供"},
		{"髙橋 すず", "たかはし すず", "永山中学区", "見守り"},
	};
	uuid_str pid, lid;
	for (size_t i = 0; i < sizeof people / sizeof *people; i++) {
		struct field_value pv[] = {{"name", people[i][0]}, {"kana", people[i][1]},
					   {"kind", "個人"}, {"areas", people[i][2]},
					   {"offers", people[i][3]}};
		assert_int_equal(store_insert(st, "party", pv, 5, pid, NULL), TSU_OK);
	}
	struct field_value lv[] = {{"party_id", pid}, {"date", "2026-11-30"}, {"text", "庭木の剪定"}};
	assert_int_equal(store_insert(st, "log", lv, 3, lid, NULL), TSU_OK);
	store_close(st);
	sql(path, TO_V13);
	const char *const data = "SELECT sum(length(block)) FROM search_party_data";
	long long before = count_of(path, data);
	char *tokens_before = index_tokens(path, "search_party", true);
	char *matches_before = index_matches(path);
	assert_non_null(strstr(matches_before, "1,2,3,4,5\n")); /* ス: all five */
	st = open_db(path, "山田 太郎"); /* upgrades the file */
	uuid_str area;
	assert_int_equal(store_resolve(st, "area", "諏訪", area, NULL), TSU_OK);
	char *one = found_by(st, LIST_PARTIES, "name", "ｽ", area);
	char *two = found_by(st, LIST_PARTIES, "name", "剪定", NULL);
	assert_string_equal(one, "鈴木 一郎|ｽｽﾞｷ商店|鈴村 進");
	assert_string_equal(two, "髙橋 すず");
	assert_int_equal(problems_of(st), 0);
	store_close(st);
	assert_int_equal(count_of(path, "PRAGMA user_version"), schema_version_latest());
	assert_int_equal(count_of(path, "SELECT count(*) FROM sqlite_schema"
				  " WHERE name = 'search_party' AND sql LIKE '%prefix%'"), 0);
	assert_true(count_of(path, data) < before);
	char *tokens_after = index_tokens(path, "search_party", true);
	char *matches_after = index_matches(path);
	assert_string_equal(tokens_after, tokens_before);
	assert_string_equal(matches_after, matches_before);
	free(one);
	free(two);
	free(tokens_before);
	free(tokens_after);
	free(matches_before);
	free(matches_after);
}

/* The texts of one owner's log entries as its detail view lists them
 * (newest first), joined by '|'. */
static int add_text(void *ud, int n, const char *const *names, const char *const *values)
{
	struct sbuf *out = ud;
	for (int i = 0; i < n; i++)
		if (strcmp(names[i], "text") == 0)
			sbuf_addf(out, "%s%s", out->len ? "|" : "", values[i]);
	return 0;
}

static char *logs_of(struct store *st, const char *entity, const char *id)
{
	struct sbuf out = {0};
	assert_int_equal(store_related(st, entity, id, "logs", add_text, &out, NULL), TSU_OK);
	return sbuf_detach(&out);
}

/* Entries in an index of log entries by owner, in its leaves. */
#define LOG_INDEX_CELLS(name) \
	"SELECT sum(ncell) FROM dbstat WHERE name = '" name "' AND pagetype = 'leaf'"

/* Version 15 keeps in the indexes of log entries by party and by area
 * only the entries that have one: a version 14 file's, which held every
 * entry, hold a party's and an area's entries alone after its upgrade,
 * and each detail view (a task's too) lists the same entries. */
static void version_14_log_indexes_keep_their_owners(void **state)
{
	(void)state;
	char path[512];
	make_db(path, sizeof path, "v14.db");
	struct store *st = open_db(path, "山田 太郎");
	uuid_str pid, tid, area, lid;
	struct field_value pv[] = {{"name", "柚木 朔"}, {"kind", "個人"}};
	assert_int_equal(store_insert(st, "party", pv, 2, pid, NULL), TSU_OK);
	struct field_value tv[] = {{"title", "買い物支援の仕組みづくり"}, {"area_id", "諏訪"}};
	assert_int_equal(store_insert(st, "task", tv, 2, tid, NULL), TSU_OK);
	assert_int_equal(store_resolve(st, "area", "諏訪", area, NULL), TSU_OK);
	static const char *const logs[][3] = {
		{"party_id", "2026-11-01", "庭木の剪定を相談"}, {"party_id", "2026-11-20", "剪定の日を決めた"},
		{"task_id", "2026-10-05", "自治会長と相談"}, {"task_id", "2026-10-19", "商店会に声かけ"},
		{"task_id", "2026-11-02", "試行の日程"}, {"area_id", "2026-09-30", "地域会議で報告"},
	};
	for (size_t i = 0; i < sizeof logs / sizeof *logs; i++) {
		const char *owner = logs[i][0][0] == 'p' ? pid : logs[i][0][0] == 't' ? tid : area;
		struct field_value lv[] = {{logs[i][0], owner}, {"date", logs[i][1]},
					   {"text", logs[i][2]}};
		assert_int_equal(store_insert(st, "log", lv, 3, lid, NULL), TSU_OK);
	}
	store_close(st);
	sql(path, TO_V14);
	assert_int_equal(count_of(path, LOG_INDEX_CELLS("log_party")), 6);
	assert_int_equal(count_of(path, LOG_INDEX_CELLS("log_area")), 6);
	st = open_db(path, "山田 太郎"); /* upgrades the file */
	char *p = logs_of(st, "party", pid), *t = logs_of(st, "task", tid), *a = logs_of(st, "area", area);
	assert_string_equal(p, "剪定の日を決めた|庭木の剪定を相談");
	assert_string_equal(t, "試行の日程|商店会に声かけ|自治会長と相談");
	assert_string_equal(a, "地域会議で報告");
	assert_int_equal(problems_of(st), 0);
	store_close(st);
	assert_int_equal(count_of(path, "PRAGMA user_version"), schema_version_latest());
	assert_int_equal(count_of(path, LOG_INDEX_CELLS("log_party")), 2);
	assert_int_equal(count_of(path, LOG_INDEX_CELLS("log_task")), 6); /* whole, as before */
	assert_int_equal(count_of(path, LOG_INDEX_CELLS("log_area")), 1);
	free(p);
	free(t);
	free(a);
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
		cmocka_unit_test(version_8_log_reads_the_same),
		cmocka_unit_test(version_9_search_keeps_its_tokens),
		cmocka_unit_test(version_10_sets_read_the_same),
		cmocka_unit_test(version_11_file_keys_documents_by_row),
		cmocka_unit_test(version_12_file_sums_its_replicas),
		cmocka_unit_test(version_13_directory_index_is_smaller),
		cmocka_unit_test(version_14_log_indexes_keep_their_owners),
		cmocka_unit_test(check_finds_the_task_documents_astray),
		cmocka_unit_test(version_1_file_still_finds_its_task),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
