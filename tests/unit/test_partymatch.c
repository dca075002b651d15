/*
 * The party an import is about (io/partymatch.c), read from a store: the
 * same name and phone (or e-mail), as written differently, is the party
 * already there; a deleted party is not; the name alone is a namesake;
 * of two that fit, the same one is chosen whatever order they were read.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <unistd.h>
#include <cmocka.h>
#include "tsunagu/partymatch.h"
#include "tsunagu/record.h"
#include "test_util.h"

static void add(struct store *st, const char *name, const char *phone, const char *email,
		uuid_str id)
{
	struct field_value fv[] = {{"name", name}, {"kind", "person"}, {"phone", phone},
				   {"email", email}};
	assert_int_equal(store_insert(st, "party", fv, email ? 4 : 3, id, NULL), TSU_OK);
}

static void found_in_a_store(void **state)
{
	(void)state;
	char path[512];
	struct store *st;
	test_path(path, sizeof path, "match.db");
	unlink(path);
	assert_int_equal(store_open(path, STORE_OPEN_CREATE, &st, NULL), TSU_OK);
	uuid_str hanako, gone, ichiro;
	add(st, "山田 花子", "042-111-2222", NULL, hanako);
	add(st, "鈴木 次郎", "042-333-4444", NULL, gone);
	add(st, "佐藤 一郎", "090-1111-2222", "Ichiro.Sato@example.jp", ichiro);
	assert_int_equal(store_delete(st, "party", gone, NULL), TSU_OK);
	struct partymatch *m = partymatch_load(st, NULL);
	assert_non_null(m);
	struct party_found f;

	partymatch_find(m, "山田花子", "０４２（１１１）２２２２", NULL, &f);
	assert_non_null(f.id);
	assert_string_equal(f.id, hanako);
	assert_true(f.same_phone);

	partymatch_find(m, "鈴木 次郎", "042-333-4444", NULL, &f);
	assert_null(f.id);
	assert_null(f.namesake);

	partymatch_find(m, "佐藤一郎", NULL, "ｉｃｈｉｒｏ.sato@EXAMPLE.jp", &f);
	assert_non_null(f.id);
	assert_string_equal(f.id, ichiro);
	assert_false(f.same_phone);

	partymatch_find(m, "佐藤 一郎", "042-999-0000", NULL, &f);
	assert_null(f.id);
	assert_non_null(f.namesake);
	assert_string_equal(f.namesake, ichiro);
	partymatch_free(m);
	store_close(st);
}

/* The parties of a new, empty file `name`. */
static struct partymatch *match_in_new_file(const char *name, struct store **st)
{
	char path[512];
	test_path(path, sizeof path, name);
	unlink(path);
	assert_int_equal(store_open(path, STORE_OPEN_CREATE, st, NULL), TSU_OK);
	struct partymatch *m = partymatch_load(*st, NULL);
	assert_non_null(m);
	return m;
}

static const char *find_after(const char *first, const char *second, uuid_str out)
{
	struct store *st;
	struct partymatch *m = match_in_new_file("order.db", &st);
	partymatch_add(m, first, "高橋 美咲", "042-555-6666", NULL);
	partymatch_add(m, second, "髙橋 美咲", "042-555-6666", NULL);
	struct party_found f;
	partymatch_find(m, "高橋美咲", "0425556666", NULL, &f);
	assert_non_null(f.id);
	snprintf(out, UUID_STR_LEN + 1, "%s", f.id);
	partymatch_free(m);
	store_close(st);
	return out;
}

static void the_same_one_whatever_the_order(void **state)
{
	(void)state;
	const char *older = "01890000-0000-7000-8000-000000000001";
	const char *newer = "01990000-0000-7000-8000-000000000002";
	uuid_str a, b;
	assert_string_equal(find_after(older, newer, a), newer);
	assert_string_equal(find_after(newer, older, b), newer);
}

/* An import finds each row's party, then adds the row: the keys made for
 * the one found are used for the one added only when it is the same. */
static void a_party_added_after_a_find_keeps_its_own_keys(void **state)
{
	(void)state;
	struct store *st;
	struct partymatch *m = match_in_new_file("keys.db", &st);
	const char *suzuki = "01990000-0000-7000-8000-000000000003";
	const char *yamada = "01990000-0000-7000-8000-000000000004";
	struct party_found f;
	partymatch_find(m, "山田 太郎", "042-111-2222", NULL, &f);
	assert_null(f.id);
	partymatch_add(m, suzuki, "鈴木 花子", "042-333-4444", NULL);
	partymatch_find(m, "山田 太郎", "042-111-2222", NULL, &f);
	assert_null(f.id);
	partymatch_add(m, yamada, "山田 太郎", "042-111-2222", NULL);
	partymatch_find(m, "鈴木花子", "0423334444", NULL, &f);
	assert_non_null(f.id);
	assert_string_equal(f.id, suzuki);
	partymatch_find(m, "山田太郎", "0421112222", NULL, &f);
	assert_non_null(f.id);
	assert_string_equal(f.id, yamada);
	partymatch_free(m);
	store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(found_in_a_store),
		cmocka_unit_test(the_same_one_whatever_the_order),
		cmocka_unit_test(a_party_added_after_a_find_keeps_its_own_keys),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	test_cleanup();
	return rc;
}
