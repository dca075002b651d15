/*
 * The directory's search (schema 7, issue 13): a page chosen by walking
 * the directory's order or by sorting the matches is the same slice of the
 * same list the command line prints whole, for dense and sparse queries,
 * within an area or not; the count is the list's length; a party is found
 * by its log entries and by the area it works in, and loses both when they
 * change; an edit of what is not searched, made here or merged in, leaves
 * the index alone; check
 * finds a document that is not what its party makes.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <sqlite3.h>
#include "tsunagu/list.h"
#include "tsunagu/record.h"
#include "tsunagu/restore.h"
#include "tsunagu/sbuf.h"
#include "tsunagu/store.h"
#include "tsunagu/merge.h"
#include "test_util.h"
#include "test_copies.h"
#include "../../src/store/internal.h"

struct ids {
	char *id[4096];
	long n;
};

static int keep_id(void *ud, int n, const char *const *vals)
{
	struct ids *ids = ud;
	(void)n;
	if (ids->n < 4096)
		ids->id[ids->n++] = strdup(vals[0]);
	return 0;
}

static void ids_free(struct ids *ids)
{
	for (long i = 0; i < ids->n; i++)
		free(ids->id[i]);
	ids->n = 0;
}

static long count_of(struct store *st, const char *search, const char *area)
{
	struct list_query q = {.search = search, .area_id = area};
	long n = -1;
	assert_int_equal(store_list_count(st, LIST_PARTIES, &q, &n, NULL), TSU_OK);
	return n;
}

static char *area_named(struct store *st, const char *name)
{
	struct ids ids = {0};
	struct list_query q = {.search = name};
	assert_int_equal(store_list(st, LIST_AREAS, &q, keep_id, &ids, NULL), TSU_OK);
	assert_int_equal(ids.n, 1);
	return ids.id[0];
}

/* Each page (walked or sorted) is the slice of the whole list. */
static void pages_are_slices_of_the_whole_list(void **state)
{
	(void)state;
	char path[512];
	struct store *st;
	test_path(path, sizeof path, "dirsearch.db");
	unlink(path);
	assert_int_equal(store_open(path, STORE_OPEN_CREATE, &st, NULL), TSU_OK);
	assert_int_equal(store_demo(st, 3, NULL), TSU_OK);
	char *suwa = area_named(st, "諏訪");
	/* デ: every party (its notes), walked; 山 and ｽｽﾞｷ: a few, sorted */
	static const char *const queries[] = {"デ", "デモ用", "山", "やま", "ｽｽﾞｷ", "見守り",
					      "会 デモ", "団体", NULL};
	const char *areas[] = {NULL, suwa};
	static const long offsets[] = {0, 40, 300};
	for (int qi = 0; queries[qi]; qi++) {
		for (int a = 0; a < 2; a++) {
			struct ids whole = {0};
			struct list_query q = {.search = queries[qi], .area_id = areas[a]};
			assert_int_equal(store_list(st, LIST_PARTIES, &q, keep_id, &whole, NULL), TSU_OK);
			assert_int_equal(count_of(st, queries[qi], areas[a]), whole.n);
			for (int o = 0; o < 3; o++) {
				struct ids page = {0};
				q.offset = offsets[o];
				q.limit = 40;
				assert_int_equal(store_list(st, LIST_PARTIES, &q, keep_id, &page, NULL), TSU_OK);
				long want = whole.n - q.offset;
				want = want < 0 ? 0 : want > 40 ? 40 : want;
				assert_int_equal(page.n, want);
				for (long i = 0; i < page.n; i++)
					assert_string_equal(page.id[i], whole.id[q.offset + i]);
				ids_free(&page);
			}
			ids_free(&whole);
		}
	}
	/* the dense query finds every party, the area's all of the area's */
	assert_int_equal(count_of(st, "デ", NULL), count_of(st, NULL, NULL));
	free(suwa);
	store_close(st);
}

#define FV(...) (struct field_value[]){__VA_ARGS__}, \
	sizeof((struct field_value[]){__VA_ARGS__}) / sizeof(struct field_value)

/* A new file (at `path`) with one person, 柚木 朔 of 諏訪 (*suwa), and a
 * log entry of theirs about 剪定. */
static struct store *one_person_with_a_log(char *path, size_t n, const char *name, char **suwa,
					   uuid_str pid, uuid_str lid)
{
	struct store *st;
	test_path(path, n, name);
	unlink(path);
	assert_int_equal(store_open(path, STORE_OPEN_CREATE, &st, NULL), TSU_OK);
	store_set_author(st, "山田 花子");
	*suwa = area_named(st, "諏訪");
	assert_int_equal(store_insert(st, "party", FV({"name", "柚木 朔"}, {"kind", "person"},
						      {"kana", "ゆのき さく"}, {"areas", *suwa}), pid, NULL), TSU_OK);
	assert_int_equal(store_insert(st, "log", FV({"party_id", pid}, {"date", "2026-11-30"},
						    {"text", "庭木の剪定を手伝った"}), lid, NULL), TSU_OK);
	return st;
}

/* A party's log entries and areas are in its document, and leave it. */
static void log_entries_and_areas_find_a_party(void **state)
{
	(void)state;
	char path[512], *suwa;
	uuid_str pid, lid;
	struct store *st = one_person_with_a_log(path, sizeof path, "dirsearch-log.db", &suwa,
						 pid, lid);
	char *nagayama = area_named(st, "永山");
	assert_int_equal(count_of(st, "剪定", NULL), 1);
	assert_int_equal(count_of(st, "ｾﾝﾃｲ", NULL), 0);   /* the text, not its reading */
	assert_int_equal(count_of(st, "剪定", suwa), 1);
	assert_int_equal(count_of(st, "剪定", nagayama), 0);
	assert_int_equal(count_of(st, "ゆの", suwa), 1);
	/* moves to 永山: found there, no longer in 諏訪 */
	assert_int_equal(store_update(st, "party", pid, FV({"areas", nagayama}), NULL), TSU_OK);
	assert_int_equal(count_of(st, "剪定", suwa), 0);
	assert_int_equal(count_of(st, "剪定", nagayama), 1);
	/* the entry moved to a task: the party's document leaves it */
	uuid_str tid;
	assert_int_equal(store_insert(st, "task", FV({"title", "庭の手入れ"}), tid, NULL), TSU_OK);
	assert_int_equal(store_update(st, "log", lid, FV({"task_id", tid}, {"party_id", ""}), NULL),
			 TSU_OK);
	assert_int_equal(count_of(st, "剪定", NULL), 0);
	assert_int_equal(count_of(st, "柚木", NULL), 1);
	assert_int_equal(store_update(st, "log", lid, FV({"task_id", ""}, {"party_id", pid}), NULL),
			 TSU_OK);
	assert_int_equal(count_of(st, "剪定", nagayama), 1);
	/* the log entry deleted: its words find nothing, the name still does */
	assert_int_equal(store_delete(st, "log", lid, NULL), TSU_OK);
	assert_int_equal(count_of(st, "剪定", NULL), 0);
	assert_int_equal(count_of(st, "柚木", NULL), 1);
	/* the party deleted and brought back */
	assert_int_equal(store_delete(st, "party", pid, NULL), TSU_OK);
	assert_int_equal(count_of(st, "柚木", NULL), 0);
	struct restore_result back = {0};
	assert_int_equal(store_restore(st, "party", pid, &back, NULL), TSU_OK);
	restore_result_free(&back);
	assert_int_equal(count_of(st, "柚木", NULL), 1);
	free(suwa);
	free(nagayama);
	store_close(st);
}

/* The party index's pages, as one text. */
static char *index_pages(struct store *st)
{
	sqlite3_stmt *s;
	char *out = NULL;
	assert_int_equal(sqlite3_prepare_v2(st->db, "SELECT group_concat(hex(block), '') FROM"
					    " (SELECT block FROM search_party_data ORDER BY id)",
					    -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	out = strdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	return out;
}

/* An edit that leaves a party's text as it was (its phone) leaves the
 * index as it was: a merge replaying thousands of such edits wrote every
 * document out and in again.  One that changes the text is found by it. */
static void an_edit_outside_the_text_leaves_the_index(void **state)
{
	(void)state;
	char path[512], *suwa;
	uuid_str pid, lid;
	struct store *st = one_person_with_a_log(path, sizeof path, "dirsearch-same.db", &suwa,
						 pid, lid);
	char *before = index_pages(st);
	assert_int_equal(store_update(st, "party", pid, FV({"phone", "042-338-0001"}), NULL), TSU_OK);
	char *after = index_pages(st);
	assert_string_equal(after, before);
	assert_int_equal(count_of(st, "柚木", NULL), 1);
	assert_int_equal(count_of(st, "剪定", suwa), 1);
	free(after);
	assert_int_equal(store_update(st, "party", pid, FV({"name", "柚木 千草"}), NULL), TSU_OK);
	after = index_pages(st);
	assert_string_not_equal(after, before);
	assert_int_equal(count_of(st, "千草", NULL), 1);
	assert_int_equal(count_of(st, "剪定", suwa), 1);
	free(before);
	free(after);
	free(suwa);
	store_close(st);
}

/* A merge that brings a phone edit leaves the index as it was (the
 * replayed party's document is not made again); one that brings a new
 * name is found by it. */
static void a_merge_outside_the_text_leaves_the_index(void **state)
{
	(void)state;
	char path[512], copy[512], *suwa;
	uuid_str pid, lid;
	struct store *st = one_person_with_a_log(path, sizeof path, "dirsearch-merge.db", &suwa,
						 pid, lid);
	store_close(st);
	test_path(copy, sizeof copy, "dirsearch-merge-copy.db");
	unlink(copy);
	copy_file(path, copy);
	struct store *laptop = open_db(copy, "佐藤 花子");
	assert_int_equal(store_update(laptop, "party", pid, FV({"phone", "042-338-0002"}), NULL),
			 TSU_OK);
	store_close(laptop);
	st = open_db(path, "山田 花子");
	char *before = index_pages(st);
	struct merge_summary sum;
	assert_int_equal(store_merge(st, copy, false, &sum, NULL), TSU_OK);
	assert_int_equal(sum.changes, 1);
	char *after = index_pages(st);
	assert_string_equal(after, before);
	free(after);
	laptop = open_db(copy, "佐藤 花子");
	assert_int_equal(store_update(laptop, "party", pid, FV({"name", "柚木 千草"}), NULL), TSU_OK);
	store_close(laptop);
	assert_int_equal(store_merge(st, copy, false, &sum, NULL), TSU_OK);
	assert_int_equal(count_of(st, "千草", NULL), 1);
	assert_int_equal(count_of(st, "剪定", suwa), 1);
	free(before);
	free(suwa);
	store_close(st);
}

static void count_line(void *ud, const char *line)
{
	if (strstr(line, "search_party") && strstr(line, "今の内容と違います"))
		++*(int *)ud;
}

/* check reads each party's document against what the party makes now: a
 * document left behind by some other program is reported. */
static void check_finds_a_stale_document(void **state)
{
	(void)state;
	char path[512], *suwa;
	uuid_str pid, lid;
	struct store *st = one_person_with_a_log(path, sizeof path, "dirsearch-stale.db", &suwa,
						 pid, lid);
	int stale = 0;
	assert_int_equal(store_check(st, count_line, &stale, NULL), TSU_OK);
	assert_int_equal(stale, 0);
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(st->db, "UPDATE search_party SET grams = '柚木 '"
					    " WHERE rowid = (SELECT rowid FROM party WHERE id = ?1)",
					    -1, &s, NULL), SQLITE_OK);
	sqlite3_bind_text(s, 1, pid, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(s), SQLITE_DONE);
	sqlite3_finalize(s);
	assert_int_equal(count_of(st, "剪定", NULL), 0); /* the entry's words no longer find it */
	assert_int_equal(store_check(st, count_line, &stale, NULL), TSU_DB_CORRUPT);
	assert_int_equal(stale, 1);
	free(suwa);
	store_close(st);
}

/* A new party's document is made from the values it is written with, not
 * read back (an import's fifth): it must be the very text its row, its
 * links and its areas make, which check compares: elements given out of
 * order, twice, with signs, areas twice, fields left empty. */
static void a_new_partys_document_is_what_its_row_makes(void **state)
{
	(void)state;
	char path[512];
	struct store *st;
	test_path(path, sizeof path, "dirsearch-new.db");
	unlink(path);
	assert_int_equal(store_open(path, STORE_OPEN_CREATE, &st, NULL), TSU_OK);
	char *suwa = area_named(st, "諏訪"), *nagayama = area_named(st, "永山");
	struct sbuf areas = {0};
	sbuf_addf(&areas, "%s,%s,%s", nagayama, suwa, nagayama);
	uuid_str a, b, c;
	assert_int_equal(store_insert(st, "party", FV({"name", "落合 見守り隊"}, {"kind", "org"},
		{"kana", "おちあい みまもりたい"}, {"org_type", "市民団体"},
		{"offers", "見守り,会場提供,見守り,Ｐｃ教室"}, {"areas", areas.s},
		{"notes", "第２・第４土曜"}), a, NULL), TSU_OK);
	assert_int_equal(store_insert(st, "party", FV({"name", "ｽｽﾞｷ 商店"}, {"kind", "org"},
		{"offers", "+配食,+送迎,+配食"}, {"areas", suwa}), b, NULL), TSU_OK);
	assert_int_equal(store_insert(st, "party", FV({"name", "髙橋 すず"}, {"kind", "person"},
		{"notes", ""}), c, NULL), TSU_OK);
	int stale = 0;
	assert_int_equal(store_check(st, count_line, &stale, NULL), TSU_OK);
	assert_int_equal(stale, 0);
	assert_int_equal(count_of(st, "会場", nagayama), 1);
	assert_int_equal(count_of(st, "ｐｃ", suwa), 1);
	assert_int_equal(count_of(st, "配食", suwa), 1);
	assert_int_equal(count_of(st, "送迎", NULL), 1);
	assert_int_equal(count_of(st, "すず", NULL), 2);
	sbuf_free(&areas);
	free(suwa);
	free(nagayama);
	store_close(st);
}

/* A file whose search keys were made by another version of the folding is
 * indexed anew when opened: a party's log entries are in its document
 * again, and its areas. */
static void a_rebuilt_index_keeps_log_entries_and_areas(void **state)
{
	(void)state;
	char path[512], *suwa;
	uuid_str pid, lid;
	struct store *st = one_person_with_a_log(path, sizeof path, "dirsearch-rebuild.db", &suwa,
						 pid, lid);
	store_close(st);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(gramtok_register(db), SQLITE_OK); /* the index's tokenizer */
	assert_int_equal(sqlite3_exec(db, "UPDATE meta SET value = '0' WHERE key = 'search_key';"
				      "DELETE FROM search_party", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &st, NULL), TSU_OK);
	assert_int_equal(count_of(st, "柚木", NULL), 1);
	assert_int_equal(count_of(st, "剪定", NULL), 1);
	assert_int_equal(count_of(st, "剪定", suwa), 1);
	free(suwa);
	store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pages_are_slices_of_the_whole_list),
		cmocka_unit_test(log_entries_and_areas_find_a_party),
		cmocka_unit_test(a_rebuilt_index_keeps_log_entries_and_areas),
		cmocka_unit_test(an_edit_outside_the_text_leaves_the_index),
		cmocka_unit_test(a_merge_outside_the_text_leaves_the_index),
		cmocka_unit_test(check_finds_a_stale_document),
		cmocka_unit_test(a_new_partys_document_is_what_its_row_makes),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	test_cleanup();
	return rc;
}
