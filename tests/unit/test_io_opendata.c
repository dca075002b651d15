/* Open-data headings and place-name keys (src/io/opendata.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "tsunagu/csvcell.h"
#include "tsunagu/opendata.h"

static void check_key(const char *a, const char *b)
{
	char *ka = place_key(a), *kb = place_key(b);

	assert_string_equal(ka, kb);
	free(ka);
	free(kb);
}

static void test_place_keys(void **state)
{
	check_key("桜ヶ丘三丁目", "桜ケ丘3丁目");
	check_key("桜ヶ丘３丁目", "桜が丘 3丁目");
	check_key("一ノ宮一丁目", "一の宮1丁目");
	check_key("諏訪十二丁目", "諏訪12丁目");
	check_key("諏訪二十丁目", "諏訪20丁目");
	check_key("諏訪十丁目", "諏訪10丁目");
	char *k = place_key("一ノ宮");
	assert_string_equal(k, "一ノ宮");  /* 一 not before 丁目 stays a kanji */
	free(k);
}

static size_t in_address(const char *addr, const char *district)
{
	char *a = place_key(addr), *d = place_key(district);
	size_t m = place_in_address(a, d);

	free(a);
	free(d);
	return m;
}

static void test_address_match(void **state)
{
	assert_true(in_address("東京都多摩市関戸六丁目12番地1", "関戸6丁目") > 0);
	assert_true(in_address("多摩市一の宮3－1－1", "一ノ宮3丁目") > 0);
	assert_true(in_address("多摩市一の宮3ー1ー1", "一ノ宮3丁目") > 0);
	assert_true(in_address("多摩市諏訪2番地", "諏訪2丁目") > 0);
	assert_int_equal(in_address("多摩市諏訪12-1", "諏訪1丁目"), 0);
	assert_int_equal(in_address("多摩市諏訪1-1", "諏訪2丁目"), 0);
	/* the more precise district wins: longer key */
	assert_true(in_address("多摩市東寺方1丁目2", "東寺方1丁目") >
		    in_address("多摩市東寺方1丁目2", "東寺方"));
}

static void test_age_bands(void **state)
{
	int lo, hi;
	char sex;

	assert_true(od_age_band("65-69歳の男性", &lo, &hi, &sex));
	assert_int_equal(lo, 65);
	assert_int_equal(hi, 69);
	assert_int_equal(sex, 'm');
	assert_true(od_age_band("100歳以上の女性", &lo, &hi, &sex));
	assert_int_equal(lo, 100);
	assert_int_equal(hi, -1);
	assert_int_equal(sex, 'f');
	assert_true(od_age_band("70~74歳", &lo, &hi, &sex));
	assert_int_equal(sex, 't');
	/* one year of age (各歳の人口) */
	assert_true(od_age_band("65歳の男", &lo, &hi, &sex));
	assert_int_equal(lo, 65);
	assert_int_equal(hi, 65);
	assert_int_equal(sex, 'm');
	assert_false(od_age_band("15歳未満の人口", &lo, &hi, &sex));
	assert_false(od_age_band("年齢不詳の男性", &lo, &hi, &sex));
	assert_false(od_age_band("65歳以上割合", &lo, &hi, &sex));
}

static char **keys_of(const char *const *names, size_t n)
{
	char **k = calloc(n, sizeof(*k));

	for (size_t i = 0; i < n; i++)
		k[i] = csv_header_key(names[i]);
	return k;
}

static void free_keys(char **k, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(k[i]);
	free(k);
}

static void test_population_columns(void **state)
{
	/* 85歳以上 beside 85-89 … 100歳以上 must not be counted twice */
	static const char *const h[] = {
		"全国地方公共団体コード", "地域コード", "都道府県名", "市区町村名", "調査年月日",
		"地域名", "総人口", "60-64歳の男性", "65-69歳の男性", "65-69歳の女性",
		"85歳以上の男性", "85-89歳の男性", "100歳以上の男性", "年齢不詳の男性", "世帯数"};
	size_t n = sizeof(h) / sizeof(h[0]);
	char **k = keys_of(h, n);
	struct od_population p;

	assert_true(od_population_columns(k, n, &p));
	assert_int_equal(p.name, 5);
	assert_int_equal(p.total, 6);
	assert_int_equal(p.households, 14);
	assert_int_equal(p.date, 4);
	assert_int_equal(p.nold, 4);  /* 65-69 m, 85-89 m, 100+ m, 65-69 f */
	for (size_t i = 0; i < p.nold; i++)
		assert_true(p.old[i] != 10 && p.old[i] != 7 && p.old[i] != 13);
	od_population_free(&p);
	free_keys(k, n);

	static const char *const other[] = {"名前", "人数"};
	k = keys_of(other, 2);
	assert_false(od_population_columns(k, 2, &p));
	od_population_free(&p);
	free_keys(k, 2);
}

static void test_facility_columns(void **state)
{
	static const char *const h[] = {"ID", "名称", "名称＿カナ", "名称_通称", "ＰＯＩコード",
					"住所", "方書", "緯度", "経度", "電話番号", "料金（基本）"};
	size_t n = sizeof(h) / sizeof(h[0]);
	char **k = keys_of(h, n);
	struct od_facility f;

	assert_true(od_facility_columns(k, n, &f));
	assert_int_equal(f.name, 1);
	assert_int_equal(f.kana, 2);
	assert_int_equal(f.poi_code, 4);
	assert_int_equal(f.phone, 9);
	assert_int_equal(f.kind, -1);
	assert_int_equal(csv_header_find(k, n, "料金(基本)"), 10);
	free_keys(k, n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_place_keys),
		cmocka_unit_test(test_address_match),
		cmocka_unit_test(test_age_bands),
		cmocka_unit_test(test_population_columns),
		cmocka_unit_test(test_facility_columns),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
