/*
 * Undo and redo in the store (undo.h): an action that deleted several rows
 * (a group and its memberships) comes back whole in one undo; an undo that
 * could put nothing back (someone changed the field since) still counts,
 * so the next undo goes further back.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <unistd.h>
#include <cmocka.h>
#include "tsunagu/record.h"
#include "tsunagu/undo.h"
#include "test_util.h"

static struct store *fresh_store(const char *name)
{
	char path[512];
	struct store *st;
	struct tsu_error err = {0};
	test_path(path, sizeof path, name);
	unlink(path);
	assert_int_equal(store_open(path, STORE_OPEN_CREATE, &st, &err), TSU_OK);
	store_set_author(st, "山田 太郎");
	return st;
}

static void add(struct store *st, const char *entity, const struct field_value *fv, size_t n,
		uuid_str id)
{
	struct tsu_error err = {0};
	if (store_insert(st, entity, fv, n, id, &err) != TSU_OK)
		fail_msg("insert %s: %s", entity, err.msg);
}

static bool live(struct store *st, const char *entity, const char *id)
{
	struct record *r = NULL;
	bool ok = store_get(st, entity, id, false, &r, NULL) == TSU_OK;
	record_free(r);
	return ok;
}

static void delete_group_with_members(void **state)
{
	(void)state;
	struct store *st = fresh_store("undo-group.db");
	struct tsu_error err = {0};
	uuid_str org, p1, p2, m1, m2;
	add(st, "party", (struct field_value[]){{"name", "多摩ボランティア会"}, {"kind", "org"}}, 2, org);
	add(st, "party", (struct field_value[]){{"name", "佐藤花子"}}, 1, p1);
	add(st, "party", (struct field_value[]){{"name", "鈴木一郎"}}, 1, p2);
	add(st, "membership", (struct field_value[]){{"person_id", p1}, {"org_id", org}, {"role", "会長"}}, 3, m1);
	add(st, "membership", (struct field_value[]){{"person_id", p2}, {"org_id", org}, {"role", "会計"}}, 3, m2);
	/* one action: the group, and with it (store/cascade.c) both memberships */
	assert_int_equal(store_begin(st, &err), TSU_OK);
	assert_int_equal(store_delete(st, "party", org, &err), TSU_OK);
	assert_int_equal(store_commit(st, &err), TSU_OK);
	assert_false(live(st, "party", org));
	assert_false(live(st, "membership", m1));
	assert_false(live(st, "membership", m2));

	struct undo_result r;
	assert_int_equal(store_undo(st, &r, &err), TSU_OK);
	assert_string_equal(r.what, "関係者・団体「多摩ボランティア会」の削除 (ほか 2 件)");
	assert_int_equal(r.changes, 3);
	assert_int_equal(r.nskips, 0);
	undo_result_free(&r);
	assert_true(live(st, "party", org));
	assert_true(live(st, "membership", m1));
	assert_true(live(st, "membership", m2));

	assert_int_equal(store_redo(st, &r, &err), TSU_OK);
	assert_int_equal(r.changes, 3);
	undo_result_free(&r);
	assert_false(live(st, "party", org));
	assert_false(live(st, "membership", m1));
	assert_false(live(st, "membership", m2));
	store_close(st);
}

/* A party that two tasks name, deleted: the tasks are edited along (the
 * party leaves their sets), but the action is the deletion. */
static void delete_party_named_by_tasks(void **state)
{
	(void)state;
	struct store *st = fresh_store("undo-party-tasks.db");
	struct tsu_error err = {0};
	uuid_str p, t1, t2;
	add(st, "party", (struct field_value[]){{"name", "永山ふれあい会"}, {"kind", "org"}}, 2, p);
	add(st, "task", (struct field_value[]){{"title", "見守り訪問"}, {"parties", p}}, 2, t1);
	add(st, "task", (struct field_value[]){{"title", "夏祭りの準備"}, {"parties", p}}, 2, t2);
	assert_int_equal(store_begin(st, &err), TSU_OK);
	assert_int_equal(store_delete(st, "party", p, &err), TSU_OK);
	assert_int_equal(store_commit(st, &err), TSU_OK);
	struct undo_result r;
	assert_int_equal(store_undo(st, &r, &err), TSU_OK);
	assert_string_equal(r.what, "関係者・団体「永山ふれあい会」の削除 (ほか 2 件)");
	undo_result_free(&r);
	assert_true(live(st, "party", p));
	store_close(st);
}

static void undo_that_restores_nothing_still_counts(void **state)
{
	(void)state;
	struct store *st = fresh_store("undo-skip.db");
	struct tsu_error err = {0};
	uuid_str org;
	add(st, "party", (struct field_value[]){{"name", "桜ヶ丘三丁目自治会"}, {"kind", "org"}}, 2, org);
	struct field_value mine = {"phone", "042-111-1111"}, hers = {"phone", "042-222-2222"};
	assert_int_equal(store_update(st, "party", org, &mine, 1, &err), TSU_OK);
	store_set_author(st, "佐藤 花子");
	assert_int_equal(store_update(st, "party", org, &hers, 1, &err), TSU_OK);
	store_set_author(st, "山田 太郎");

	struct undo_result r;
	assert_int_equal(store_undo(st, &r, &err), TSU_OK);
	assert_string_equal(r.what, "関係者・団体「桜ヶ丘三丁目自治会」の電話の変更");
	assert_int_equal(r.changes, 0);
	assert_int_equal(r.nskips, 1);
	assert_string_equal(r.skips[0].field->name, "phone");
	assert_string_equal(r.skips[0].current, "042-222-2222");
	assert_string_equal(r.skips[0].by, "佐藤 花子");
	undo_result_free(&r);
	/* further back: the creation */
	assert_int_equal(store_undo(st, &r, &err), TSU_OK);
	assert_string_equal(r.what, "関係者・団体「桜ヶ丘三丁目自治会」の追加");
	undo_result_free(&r);
	assert_false(live(st, "party", org));
	assert_int_equal(store_undo(st, &r, &err), TSU_NOT_FOUND);
	store_close(st);
}

/* An action names its records once each, whatever order their changes
 * came in: two parties added around an edit of two fields of a third is
 * "2 件の追加 (ほか 1 件)", and undone whole.  (The records are grouped by
 * sorting, not by searching each change against every record: an import's
 * undo names 100,000 and took minutes to describe; scripts/bench-import.) */
static void records_named_once_in_any_order(void **state)
{
	(void)state;
	struct store *st = fresh_store("undo-order.db");
	struct tsu_error err = {0};
	uuid_str old, a, b;
	add(st, "party", (struct field_value[]){{"name", "連光寺 自治会"}, {"kind", "org"}}, 2, old);
	struct field_value phone = {"phone", "042-333-4444"}, notes = {"notes", "第３土曜に集会"};
	assert_int_equal(store_begin(st, &err), TSU_OK);
	add(st, "party", (struct field_value[]){{"name", "百草 一郎"}}, 1, a);
	assert_int_equal(store_update(st, "party", old, &phone, 1, &err), TSU_OK);
	add(st, "party", (struct field_value[]){{"name", "百草 花子"}}, 1, b);
	assert_int_equal(store_update(st, "party", old, &notes, 1, &err), TSU_OK);
	assert_int_equal(store_commit(st, &err), TSU_OK);

	struct undo_result r;
	assert_int_equal(store_undo(st, &r, &err), TSU_OK);
	assert_string_equal(r.what, "関係者・団体 2 件の追加 (ほか 1 件)");
	undo_result_free(&r);
	assert_false(live(st, "party", a));
	assert_false(live(st, "party", b));
	assert_true(live(st, "party", old));
	store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(delete_group_with_members),
		cmocka_unit_test(delete_party_named_by_tasks),
		cmocka_unit_test(undo_that_restores_nothing_still_counts),
		cmocka_unit_test(records_named_once_in_any_order),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	if (!failed)
		test_cleanup();
	return failed;
}
