/*
 * Delete cascade and restore across copies (store/cascade.c, restore.c):
 * a group deleted on one copy while the other adds a member merges the
 * same both ways and shows no membership of a deleted group; restoring it
 * brings back what its deletion took and merges onward; a link whose other
 * end is deleted meanwhile is left out and can be restored later.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>
#include <sqlite3.h>
#include "tsunagu/record.h"
#include "tsunagu/merge.h"
#include "tsunagu/restore.h"
#include "tsunagu/list.h"
#include "test_util.h"
#include "../../src/store/internal.h"
#include "test_copies.h"

static void merge(struct store *st, const char *other)
{
	struct merge_summary sum;
	struct tsu_error err = {0};
	if (store_merge(st, other, false, &sum, &err) != TSU_OK)
		fail_msg("merge %s: %s", other, err.msg);
}

static void add(struct store *st, const char *entity, const struct field_value *fv, size_t n,
		uuid_str id)
{
	struct tsu_error err = {0};
	if (store_insert(st, entity, fv, n, id, &err) != TSU_OK)
		fail_msg("add %s: %s", entity, err.msg);
}

static void add_member(struct store *st, const char *person, const char *org, uuid_str id)
{
	struct field_value fv[] = {{"person_id", person}, {"org_id", org}, {"role", "会員"}};
	add(st, "membership", fv, 3, id);
}

static void add_person(struct store *st, const char *name, uuid_str id)
{
	struct field_value fv[] = {{"name", name}, {"kind", "person"}};
	add(st, "party", fv, 2, id);
}

/* The rows a user sees of memberships and links, and every tombstone. */
static char *dump(struct store *st)
{
	static const char *const sql[] = {
		"SELECT id, deleted_at, updated_at, updated_by FROM party ORDER BY id",
		"SELECT id, deleted_at, updated_at FROM membership ORDER BY id",
		"SELECT id, deleted_at, updated_at FROM task ORDER BY id",
		"SELECT task_id, party_id, added FROM task_party ORDER BY 1, 2",
		"SELECT party_id, area_id, added FROM party_area ORDER BY 1, 2",
	};
	struct sbuf out = {0};
	for (size_t q = 0; q < sizeof sql / sizeof sql[0]; q++) {
		sqlite3_stmt *s;
		assert_int_equal(sqlite3_prepare_v2(st->db, sql[q], -1, &s, NULL), SQLITE_OK);
		while (sqlite3_step(s) == SQLITE_ROW) {
			for (int i = 0; i < sqlite3_column_count(s); i++) {
				const char *t = (const char *)sqlite3_column_text(s, i);
				sbuf_addf(&out, "%s|", t ? t : "NULL");
			}
			sbuf_addc(&out, '\n');
		}
		sqlite3_finalize(s);
		sbuf_add(&out, "--\n");
	}
	return sbuf_detach(&out);
}

static void same(struct store *a, struct store *b)
{
	char *da = dump(a), *db = dump(b);
	assert_string_equal(da, db);
	free(da);
	free(db);
}

static int count_cb(void *ud, int n, const char *const *names, const char *const *vals)
{
	(*(int *)ud)++;
	return 0;
}

static int memberships_shown(struct store *st, const char *party)
{
	int n = 0;
	assert_int_equal(store_related(st, "party", party, "memberships", count_cb, &n, NULL), TSU_OK);
	return n;
}

static void delete_one(struct store *st, const char *entity, const char *id)
{
	struct tsu_error err = {0};
	if (store_delete(st, entity, id, &err) != TSU_OK)
		fail_msg("delete %s: %s", entity, err.msg);
}

static void group_deleted_while_member_added(void **state)
{
	char a[512], b[512];
	uuid_str g, p1, p2, p3, m, k;
	test_path(a, sizeof a, "cascade-a.db");
	test_path(b, sizeof b, "cascade-b.db");
	unlink(a);
	unlink(b);
	struct store *sa = open_db(a, "山田 太郎");
	struct field_value gv[] = {{"name", "多摩ボランティア会"}, {"kind", "org"}, {"areas", "諏訪"}};
	add(sa, "party", gv, 3, g);
	add_person(sa, "鈴木一郎", p1);
	add_person(sa, "佐藤花子", p2);
	add_member(sa, p1, g, m);
	add_member(sa, p2, g, m);
	struct field_value kv[] = {{"title", "見守り活動の立ち上げ"}, {"parties", g}};
	add(sa, "task", kv, 2, k);
	store_close(sa);
	copy_file(a, b);
	sa = open_db(a, "山田 太郎");
	struct store *sb = open_db(b, "佐藤 花子");

	struct store_links links;
	assert_int_equal(store_delete_links(sa, "party", g, &links, NULL), TSU_OK);
	assert_int_equal(links.n[STORE_LINK_MEMBER], 2);
	assert_int_equal(links.n[STORE_LINK_TASK], 1);
	assert_int_equal(links.n[STORE_LINK_AREA], 1);
	delete_one(sa, "party", g);
	add_person(sb, "高橋健", p3);        /* meanwhile, on the laptop */
	add_member(sb, p3, g, m);

	merge(sa, b);
	merge(sb, a);
	same(sa, sb);
	assert_int_equal(memberships_shown(sa, p1), 0);
	assert_int_equal(memberships_shown(sa, p3), 0); /* its group is deleted */
	assert_int_equal(memberships_shown(sb, p3), 0);

	struct restore_result res;
	assert_int_equal(store_restore(sa, "party", g, &res, NULL), TSU_OK);
	assert_string_equal(res.title, "多摩ボランティア会");
	assert_int_equal(res.links.n[STORE_LINK_MEMBER], 2);
	assert_int_equal(res.links.n[STORE_LINK_TASK], 1);
	assert_int_equal(res.links.n[STORE_LINK_AREA], 1);
	assert_int_equal(res.skipped, 0);
	restore_result_free(&res);
	merge(sb, a);
	merge(sa, b);
	same(sa, sb);
	assert_int_equal(memberships_shown(sb, g), 3); /* two back, one never gone */
	char *ids = store_set_ids(sb, "task", k, "parties");
	assert_string_equal(ids, g);
	free(ids);
	assert_int_equal(store_restore(sb, "party", g, &res, NULL), TSU_NOT_FOUND);
	restore_result_free(&res);
	store_close(sa);
	store_close(sb);
}

static int count_deleted(void *ud, const struct deleted_row *r)
{
	(*(int *)ud)++;
	return 0;
}

static void link_to_a_deleted_party_waits(void **state)
{
	char a[512];
	uuid_str g, p1, m;
	test_path(a, sizeof a, "skip.db");
	unlink(a);
	struct store *st = open_db(a, "山田 太郎");
	struct field_value gv[] = {{"name", "永山商店会"}, {"kind", "org"}};
	add(st, "party", gv, 2, g);
	add_person(st, "田中美咲", p1);
	add_member(st, p1, g, m);
	delete_one(st, "party", g);
	int n = 0;
	assert_int_equal(store_deleted(st, NULL, count_deleted, &n, NULL), TSU_OK);
	assert_int_equal(n, 1); /* the membership went with the group */
	delete_one(st, "party", p1);
	struct restore_result res;
	assert_int_equal(store_restore(st, "party", g, &res, NULL), TSU_OK);
	assert_int_equal(res.skipped, 1);
	assert_int_equal(res.links.n[STORE_LINK_MEMBER], 0);
	restore_result_free(&res);
	assert_int_equal(store_restore(st, "party", p1, &res, NULL), TSU_OK);
	restore_result_free(&res);
	n = 0;
	assert_int_equal(store_deleted(st, "membership", count_deleted, &n, NULL), TSU_OK);
	assert_int_equal(n, 1); /* now listed on its own, to be restored */
	assert_int_equal(store_restore(st, "membership", m, &res, NULL), TSU_OK);
	restore_result_free(&res);
	assert_int_equal(memberships_shown(st, g), 1);
	store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(group_deleted_while_member_added),
		cmocka_unit_test(link_to_a_deleted_party_waits),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	test_cleanup();
	return rc;
}
