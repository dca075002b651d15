/* The store: seeding, writes with history, validation, search, tombstones. */
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
#include "test_util.h"
#include "../../src/store/internal.h"

struct fixture {
	char path[512];
	struct store *st;
};

static int setup(void **state)
{
	static int n;
	struct fixture *f = calloc(1, sizeof *f);
	char name[64];
	snprintf(name, sizeof name, "store-%d.db", ++n);
	test_path(f->path, sizeof f->path, name);
	unlink(f->path);
	struct tsu_error err = {0};
	assert_int_equal(store_open(f->path, STORE_OPEN_CREATE, &f->st, &err), TSU_OK);
	store_set_author(f->st, "山田 太郎");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	store_close(f->st);
	free(f);
	return 0;
}

static int count_row(void *ud, int n, const char *const *v)
{
	(*(int *)ud)++;
	return 0;
}

static int count_list(struct store *st, enum list_kind k, const char *search)
{
	struct list_query q = {.search = search};
	int n = 0;
	assert_int_equal(store_list(st, k, &q, count_row, &n, NULL), TSU_OK);
	return n;
}

static void add_person(struct store *st, const char *name, const char *kana, uuid_str id)
{
	struct field_value fv[] = {{"name", name}, {"kana", kana}, {"offers", "見守り、スマホ講師"}};
	struct tsu_error err = {0};
	assert_int_equal(store_insert(st, "party", fv, 3, id, &err), TSU_OK);
}

static void new_file_is_private_and_has_ten_areas(void **state)
{
	struct fixture *f = *state;
	struct stat sb;
	assert_int_equal(stat(f->path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(count_list(f->st, LIST_AREAS, NULL), 10);
	uuid_str id;
	assert_int_equal(store_resolve(f->st, "area", "諏訪", id, NULL), TSU_OK);
	struct record *r;
	assert_int_equal(store_get(f->st, "area", id, false, &r, NULL), TSU_OK);
	assert_string_equal(record_get(r, "name"), "諏訪中学区");
	assert_string_equal(record_get(r, "kind"), "NT地区");
	assert_string_equal(record_get(r, "schools"), "北諏訪小・諏訪小");
	record_free(r);
}

/* Every column field of entity.c must exist in the schema. */
static void entities_match_schema(void **state)
{
	struct fixture *f = *state;
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(f->path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	for (const struct entity_def *const *e = entity_all(); *e; e++) {
		for (int i = 0; i < (*e)->nfields; i++) {
			if ((*e)->fields[i].type == FIELD_SET)
				continue;
			char sql[256];
			snprintf(sql, sizeof sql, "SELECT %s FROM %s LIMIT 0", (*e)->fields[i].name, (*e)->table);
			sqlite3_stmt *s = NULL;
			int rc = sqlite3_prepare_v2(db, sql, -1, &s, NULL);
			if (rc != SQLITE_OK)
				fail_msg("%s.%s missing: %s", (*e)->table, (*e)->fields[i].name, sqlite3_errmsg(db));
			sqlite3_finalize(s);
		}
	}
	sqlite3_close(db);
}

static void search_ignores_kana_width_and_script(void **state)
{
	struct fixture *f = *state;
	uuid_str id;
	add_person(f->st, "鈴木一郎", "すずきいちろう", id);
	add_person(f->st, "山田花子", "やまだはなこ", id);
	add_person(f->st, "諏訪 次郎", "すわじろう", id);
	assert_int_equal(count_list(f->st, LIST_PARTIES, "すずき"), 1);
	assert_int_equal(count_list(f->st, LIST_PARTIES, "ｽｽﾞｷ"), 1);
	assert_int_equal(count_list(f->st, LIST_PARTIES, "スズキ"), 1);
	assert_int_equal(count_list(f->st, LIST_PARTIES, "ＳＵＺＵＫＩ"), 0);
	assert_int_equal(count_list(f->st, LIST_PARTIES, "山田"), 1);
	assert_int_equal(count_list(f->st, LIST_PARTIES, "諏訪"), 1);
	assert_int_equal(count_list(f->st, LIST_PARTIES, "郎"), 2);   /* 1 character */
	assert_int_equal(count_list(f->st, LIST_PARTIES, "見守り"), 3); /* offers */
	assert_int_equal(count_list(f->st, LIST_PARTIES, "鈴木 ｲﾁﾛｳ"), 1); /* two terms */
	assert_int_equal(count_list(f->st, LIST_PARTIES, "存在しない"), 0);
	assert_int_equal(count_list(f->st, LIST_PARTIES, "、、"), 0);
}

/* In a bulk write (an import, a merge, a sync of several files) a part
 * rolled back to its savepoint after its documents were queued (a row
 * skipped, a change file refused) takes the queue's table with it if it
 * made it; the next document must not find it missing. */
static void bulk_write_goes_on_after_a_part_rolled_back(void **state)
{
	struct fixture *f = *state;
	uuid_str id;
	assert_int_equal(store_begin(f->st, NULL), TSU_OK);
	store_bulk_begin(f->st);
	assert_int_equal(store_savepoint(f->st, NULL), TSU_OK);
	add_person(f->st, "取り消し 太郎", "とりけしたろう", id);
	store_release(f->st, TSU_INVALID, NULL); /* the part given up */
	add_person(f->st, "永山 花子", "ながやまはなこ", id);
	struct tsu_error err = {0};
	assert_int_equal(store_bulk_end(f->st, &err), TSU_OK);
	assert_int_equal(store_commit(f->st, &err), TSU_OK);
	assert_int_equal(count_list(f->st, LIST_PARTIES, "永山"), 1);
	assert_int_equal(count_list(f->st, LIST_PARTIES, "取り消し"), 0);
	/* the action's id went with the part given up, and came back for
	 * the rest: every change names its replica and action (schema 9) */
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(f->st->db, "SELECT count(*), count(replica),"
		" count(action_id) FROM changelog WHERE row_id = ?1", -1, &s, NULL), SQLITE_OK);
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_true(sqlite3_column_int(s, 0) > 0);
	assert_int_equal(sqlite3_column_int(s, 1), sqlite3_column_int(s, 0));
	assert_int_equal(sqlite3_column_int(s, 2), sqlite3_column_int(s, 0));
	sqlite3_finalize(s);
}

/* A bulk write gives its search documents to the index a few thousand at
 * a time (searchwait.c): a part given up just as they are that many
 * takes only its own with it, never those of the rows kept before it. */
static void bulk_write_keeps_the_index_of_rows_before_a_part_given_up(void **state)
{
	struct fixture *f = *state;
	struct tsu_error err = {0};
	uuid_str id;
	char name[64];
	assert_int_equal(store_begin(f->st, NULL), TSU_OK);
	store_bulk_begin(f->st);
	for (int i = 1; i <= 4095; i++) {
		snprintf(name, sizeof name, "多摩 見守%d", i);
		add_person(f->st, name, NULL, id);
	}
	assert_int_equal(store_savepoint(f->st, NULL), TSU_OK);
	add_person(f->st, "取り消し 見守", NULL, id); /* the 4,096th document */
	store_release(f->st, TSU_INVALID, NULL);
	add_person(f->st, "永山 見守", NULL, id);
	assert_int_equal(store_bulk_end(f->st, &err), TSU_OK);
	assert_int_equal(store_commit(f->st, &err), TSU_OK);
	assert_int_equal(count_list(f->st, LIST_PARTIES, "見守"), 4096);
	assert_int_equal(count_list(f->st, LIST_PARTIES, "多摩見守1"), 1111); /* 1, 1x, 1xx, 1xxx */
	assert_int_equal(count_list(f->st, LIST_PARTIES, "取り消し"), 0);
}

static void count_problem(void *ud, const char *line)
{
	(void)line;
	(*(int *)ud)++;
}

/* A check of the whole file finds nothing. */
static void assert_checks_clean(struct store *st)
{
	struct tsu_error err = {0};
	int problems = 0;
	assert_int_equal(store_check(st, count_problem, &problems, &err), TSU_OK);
	assert_int_equal(problems, 0);
}

/* An import's transaction begun as io.c begins it, with one party in. */
static void begin_import(struct store *st, uuid_str id)
{
	struct tsu_error err = {0};
	assert_int_equal(store_begin(st, NULL), TSU_OK);
	store_bulk_begin(st);
	assert_int_equal(store_bulk_defer(st, &err), TSU_OK);
	add_person(st, "聖ヶ丘 一郎", "ひじりがおかいちろう", id);
}

/* An import sets its insert triggers aside and writes each new record
 * without a savepoint, every check before the first write (derived.c): a
 * row given up at its checks (an area that does not exist) leaves nothing
 * and the import goes on; at the end the order, counts and sums the
 * triggers keep are whole, and a later write keeps them again. */
static void import_gives_up_a_row_at_its_checks_and_keeps_the_rest(void **state)
{
	struct fixture *f = *state;
	struct tsu_error err = {0};
	uuid_str id;
	begin_import(f->st, id);
	struct field_value bad[] = {{"name", "落合 二郎"}, {"areas", "落合中学区,どこにもない地区"}};
	assert_int_equal(store_insert(f->st, "party", bad, 2, id, &err), TSU_NOT_FOUND);
	struct field_value good[] = {{"name", "落合 三郎"}, {"areas", "落合中学区"}};
	assert_int_equal(store_insert(f->st, "party", good, 2, id, &err), TSU_OK);
	assert_int_equal(store_bulk_end(f->st, &err), TSU_OK);
	assert_int_equal(store_commit(f->st, &err), TSU_OK);
	assert_int_equal(count_list(f->st, LIST_PARTIES, NULL), 2);
	assert_int_equal(count_list(f->st, LIST_PARTIES, "落合"), 1);
	add_person(f->st, "鶴牧 四郎", NULL, id); /* the triggers are back */
	assert_checks_clean(f->st);
}

/* A row given up after its first write (what no check sees) cannot be
 * taken back alone: the whole import fails, and nothing of it stays. */
static void import_fails_whole_at_a_row_given_up_after_a_write(void **state)
{
	struct fixture *f = *state;
	struct tsu_error err = {0};
	uuid_str id;
	begin_import(f->st, id);
	assert_int_equal(store_savepoint_checked(f->st, &err), TSU_OK);
	assert_int_equal(sqlite3_exec(f->st->db, "UPDATE party SET notes = '書きかけ'",
				      NULL, NULL, NULL), SQLITE_OK);
	tsu_fail(&err, TSU_INVALID, "「生年月日」は日付で書いてください");
	assert_int_equal(store_release(f->st, TSU_INVALID, &err), TSU_DB);
	assert_non_null(strstr(err.msg, "生年月日"));
	assert_non_null(strstr(err.msg, "取り込みをすべて取り消します"));
	add_person(f->st, "落合 三郎", NULL, id); /* an importer that went on */
	assert_int_equal(store_bulk_end(f->st, &err), TSU_DB);
	store_rollback(f->st);
	assert_int_equal(count_list(f->st, LIST_PARTIES, NULL), 0);
	add_person(f->st, "鶴牧 四郎", NULL, id);
	assert_checks_clean(f->st);
}

static void update_records_history_with_author(void **state)
{
	struct fixture *f = *state;
	uuid_str id;
	add_person(f->st, "鈴木一郎", "すずきいちろう", id);
	struct field_value fv[] = {{"phone", "042-000-1111"}};
	assert_int_equal(store_update(f->st, "party", id, fv, 1, NULL), TSU_OK);
	fv[0].value = "042-000-2222";
	assert_int_equal(store_update(f->st, "party", id, fv, 1, NULL), TSU_OK);
	sqlite3 *db;
	sqlite3_open(f->path, &db);
	sqlite3_stmt *s;
	sqlite3_prepare_v2(db, "SELECT old_value, new_value, author FROM changelog WHERE row_id = ?1"
			   " AND field = 'phone' ORDER BY hlc", -1, &s, NULL);
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_null(sqlite3_column_text(s, 0));
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(s, 0), "042-000-1111");
	assert_string_equal((const char *)sqlite3_column_text(s, 1), "042-000-2222");
	assert_string_equal((const char *)sqlite3_column_text(s, 2), "山田 太郎");
	assert_int_equal(sqlite3_step(s), SQLITE_DONE);
	sqlite3_finalize(s);
	sqlite3_close(db);
}

static void invalid_input_changes_nothing(void **state)
{
	struct fixture *f = *state;
	struct tsu_error err = {0};
	uuid_str id;
	struct field_value bad_choice[] = {{"name", "田中"}, {"org_type", "宇宙人"}};
	assert_int_equal(store_insert(f->st, "party", bad_choice, 2, id, &err), TSU_INVALID);
	assert_non_null(strstr(err.msg, "団体種別"));
	struct field_value bad_date[] = {{"title", "見守り"}, {"due", "令和3年2月30日"}};
	assert_int_equal(store_insert(f->st, "task", bad_date, 2, id, &err), TSU_INVALID);
	assert_non_null(strstr(err.msg, "期限"));
	struct field_value bad_utf8[] = {{"name", "\xe9\x88\xb4\xff"}};
	assert_int_equal(store_insert(f->st, "party", bad_utf8, 1, id, &err), TSU_ENCODING);
	assert_non_null(strstr(err.msg, "4 バイト目"));
	struct field_value missing[] = {{"kana", "たなか"}};
	assert_int_equal(store_insert(f->st, "party", missing, 1, id, &err), TSU_INVALID);
	struct field_value bad_area[] = {{"name", "田中"}, {"areas", "存在しない区"}};
	assert_int_equal(store_insert(f->st, "party", bad_area, 2, id, &err), TSU_NOT_FOUND);
	assert_int_equal(count_list(f->st, LIST_PARTIES, NULL), 0);
}

static void values_are_normalised(void **state)
{
	struct fixture *f = *state;
	uuid_str id;
	struct record *r;
	struct field_value fv[] = {
		{"title", "  防災訓練の企画  "}, {"due", "R8.4.1"}, {"duty", "調整支援"},
		{"area_id", "青陵"}, {"status", "対応中"},
	};
	assert_int_equal(store_insert(f->st, "task", fv, 5, id, NULL), TSU_OK);
	assert_int_equal(store_get(f->st, "task", id, false, &r, NULL), TSU_OK);
	assert_string_equal(record_get(r, "title"), "防災訓練の企画");
	assert_string_equal(record_get(r, "due"), "2026-04-01");
	assert_string_equal(record_get(r, "duty"), "E");
	assert_string_equal(record_get(r, "status"), "対応中");
	uuid_str area;
	store_resolve(f->st, "area", "青陵中学区", area, NULL);
	assert_string_equal(record_get(r, "area_id"), area);
	record_free(r);
}

static void delete_leaves_tombstone(void **state)
{
	struct fixture *f = *state;
	uuid_str id;
	struct record *r;
	add_person(f->st, "鈴木一郎", "すずきいちろう", id);
	assert_int_equal(store_delete(f->st, "party", id, NULL), TSU_OK);
	assert_int_equal(store_get(f->st, "party", id, false, &r, NULL), TSU_NOT_FOUND);
	assert_int_equal(store_get(f->st, "party", id, true, &r, NULL), TSU_OK);
	assert_non_null(r->deleted_at);
	record_free(r);
	assert_int_equal(count_list(f->st, LIST_PARTIES, NULL), 0);
	assert_int_equal(count_list(f->st, LIST_PARTIES, "すずき"), 0);
	assert_int_equal(store_delete(f->st, "party", id, NULL), TSU_NOT_FOUND);
}

static void sets_add_remove_and_revive(void **state)
{
	struct fixture *f = *state;
	uuid_str id;
	struct record *r;
	add_person(f->st, "佐藤花子", "さとうはなこ", id);
	struct field_value fv[] = {{"offers", "会場提供"}};
	assert_int_equal(store_update(f->st, "party", id, fv, 1, NULL), TSU_OK);
	fv[0].value = "見守り,会場提供";
	assert_int_equal(store_update(f->st, "party", id, fv, 1, NULL), TSU_OK);
	assert_int_equal(store_get(f->st, "party", id, false, &r, NULL), TSU_OK);
	assert_string_equal(record_get(r, "offers"), "会場提供,見守り"); /* in the order added */
	record_free(r);
	assert_int_equal(count_list(f->st, LIST_PARTIES, "スマホ"), 0);
	assert_int_equal(count_list(f->st, LIST_PARTIES, "会場"), 1);
}

static void resolve_by_prefix_suffix_and_reports_ambiguity(void **state)
{
	struct fixture *f = *state;
	uuid_str a, b, got;
	struct tsu_error err = {0};
	add_person(f->st, "鈴木一郎", "すずきいちろう", a);
	add_person(f->st, "鈴木一郎", "すずきいちろう", b);
	assert_int_equal(store_resolve(f->st, "party", a, got, NULL), TSU_OK);
	assert_string_equal(got, a);
	assert_int_equal(store_resolve(f->st, "party", a + 28, got, NULL), TSU_OK);
	assert_string_equal(got, a);
	assert_int_equal(store_resolve(f->st, "party", "鈴木一郎", got, &err), TSU_AMBIGUOUS);
	assert_int_equal(store_resolve(f->st, "party", "佐藤", got, &err), TSU_NOT_FOUND);
	assert_int_equal(store_resolve(f->st, "area", "中学区", got, &err), TSU_AMBIGUOUS);
}

/* A bulk write keeps the names it resolved (every row of an import names
 * the same areas), but not past a write to their table or a rollback: a
 * party added under a name afterwards goes where the name now points. */
static void bulk_write_resolves_names_as_they_are_now(void **state)
{
	struct fixture *f = *state;
	uuid_str suwa, got, party;
	struct tsu_error err = {0};
	assert_int_equal(store_resolve(f->st, "area", "諏訪", suwa, NULL), TSU_OK);
	assert_int_equal(store_begin(f->st, NULL), TSU_OK);
	store_bulk_begin(f->st);
	assert_int_equal(store_resolve(f->st, "area", "諏訪", got, NULL), TSU_OK);
	assert_string_equal(got, suwa);
	struct field_value rename[] = {{"name", "永山北エリア"}};
	assert_int_equal(store_update(f->st, "area", suwa, rename, 1, NULL), TSU_OK);
	assert_int_equal(store_resolve(f->st, "area", "諏訪", got, &err), TSU_NOT_FOUND);
	assert_int_equal(store_resolve(f->st, "area", "永山北エリア", got, NULL), TSU_OK);

	assert_int_equal(store_savepoint(f->st, NULL), TSU_OK);
	struct field_value fresh[] = {{"name", "多摩センター地区"}};
	assert_int_equal(store_insert(f->st, "area", fresh, 1, got, NULL), TSU_OK);
	assert_int_equal(store_resolve(f->st, "area", "多摩センター地区", got, NULL), TSU_OK);
	store_release(f->st, TSU_INVALID, NULL); /* the part given up */
	assert_int_equal(store_resolve(f->st, "area", "多摩センター地区", got, &err), TSU_NOT_FOUND);
	struct field_value fv[] = {{"kind", "person"}, {"name", "永山 花子"}, {"areas", "多摩センター地区"}};
	assert_int_equal(store_insert(f->st, "party", fv, 3, party, &err), TSU_NOT_FOUND);
	assert_int_equal(store_bulk_end(f->st, &err), TSU_OK);
	assert_int_equal(store_commit(f->st, &err), TSU_OK);
}

static void mine_lists_overdue_first(void **state)
{
	struct fixture *f = *state;
	uuid_str id;
	setenv("TSUNAGU_NOW", "2026-06-01T00:00:00", 1);
	struct field_value later[] = {{"title", "後の課題"}, {"assignee", "山田 太郎"}, {"due", "2026-07-01"}};
	struct field_value overdue[] = {{"title", "期限切れの課題"}, {"assignee", "山田 太郎"}, {"due", "2026-05-01"}};
	struct field_value other[] = {{"title", "他人の課題"}, {"assignee", "佐藤"}, {"due", "2026-05-01"}};
	store_insert(f->st, "task", later, 3, id, NULL);
	store_insert(f->st, "task", overdue, 3, id, NULL);
	store_insert(f->st, "task", other, 3, id, NULL);
	struct sbuf json = {0};
	struct list_query q = {0};
	assert_int_equal(store_list_json(f->st, LIST_MINE, &q, &json, NULL), TSU_OK);
	const char *first = strstr(json.s, "期限切れの課題"), *second = strstr(json.s, "後の課題");
	assert_non_null(first);
	assert_non_null(second);
	assert_true(first < second);
	assert_null(strstr(json.s, "他人の課題"));
	sbuf_free(&json);
	unsetenv("TSUNAGU_NOW");
}

/* The generation a related row names (by its column's name). */
static int generation_of(void *ud, int n, const char *const *names, const char *const *vals)
{
	for (int i = 0; i < n; i++)
		if (strcmp(names[i], "generation") == 0)
			snprintf(ud, 64, "%s", vals[i] ? vals[i] : "");
	return 0;
}

/* A page's related rows come with their columns' names even when the
 * file's schema changed since the statement was cached (another program
 * or a newer tsunagu changed it while this one was open). */
static void related_rows_survive_a_schema_change(void **state)
{
	struct fixture *f = *state;
	uuid_str ev, att;
	struct field_value e[] = {{"title", "エリアミーティング"}, {"area_id", "諏訪"}};
	assert_int_equal(store_insert(f->st, "event", e, 2, ev, NULL), TSU_OK);
	struct field_value a[] = {{"event_id", ev}, {"generation", "子ども"}, {"count", "4"}};
	assert_int_equal(store_insert(f->st, "attendance", a, 3, att, NULL), TSU_OK);
	char gen[64] = "";
	assert_int_equal(store_related(f->st, "event", ev, "attendance", generation_of, gen, NULL), TSU_OK);
	assert_string_equal(gen, "子ども");
	sqlite3 *db;
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE another_program(x)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	gen[0] = '\0';
	assert_int_equal(store_related(f->st, "event", ev, "attendance", generation_of, gen, NULL), TSU_OK);
	assert_string_equal(gen, "子ども");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(new_file_is_private_and_has_ten_areas, setup, teardown),
		cmocka_unit_test_setup_teardown(entities_match_schema, setup, teardown),
		cmocka_unit_test_setup_teardown(search_ignores_kana_width_and_script, setup, teardown),
		cmocka_unit_test_setup_teardown(bulk_write_goes_on_after_a_part_rolled_back, setup, teardown),
		cmocka_unit_test_setup_teardown(bulk_write_keeps_the_index_of_rows_before_a_part_given_up,
						setup, teardown),
		cmocka_unit_test_setup_teardown(import_gives_up_a_row_at_its_checks_and_keeps_the_rest,
						setup, teardown),
		cmocka_unit_test_setup_teardown(import_fails_whole_at_a_row_given_up_after_a_write,
						setup, teardown),
		cmocka_unit_test_setup_teardown(update_records_history_with_author, setup, teardown),
		cmocka_unit_test_setup_teardown(invalid_input_changes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(values_are_normalised, setup, teardown),
		cmocka_unit_test_setup_teardown(delete_leaves_tombstone, setup, teardown),
		cmocka_unit_test_setup_teardown(sets_add_remove_and_revive, setup, teardown),
		cmocka_unit_test_setup_teardown(bulk_write_resolves_names_as_they_are_now, setup, teardown),
		cmocka_unit_test_setup_teardown(resolve_by_prefix_suffix_and_reports_ambiguity, setup, teardown),
		cmocka_unit_test_setup_teardown(mine_lists_overdue_first, setup, teardown),
		cmocka_unit_test_setup_teardown(related_rows_survive_a_schema_change, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
