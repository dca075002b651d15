/* Text core: what a user sees when names are laid out, searched and shown. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "tsunagu/sanitize.h"
#include "tsunagu/textnorm.h"
#include "tsunagu/textwidth.h"
#include "tsunagu/utf8.h"
#include <stdio.h>
#include <utf8proc.h>
#include "tsunagu/utf8.h"

static void assert_key_equal(const char *a, const char *b)
{
	char *ka = text_search_key(a);
	char *kb = text_search_key(b);
	assert_string_equal(ka, kb);
	free(ka);
	free(kb);
}

static void assert_key(const char *in, const char *want)
{
	char *k = text_search_key(in);
	assert_string_equal(k, want);
	free(k);
}

static void assert_fit(const char *in, int cols, enum text_align al, const char *want)
{
	char *f = text_width_fit(in, cols, al);
	assert_string_equal(f, want);
	assert_int_equal(text_width(f), cols > 0 ? cols : 0);
	free(f);
}

static void test_width_of_names(void **state)
{
	assert_int_equal(text_width("鈴木一郎"), 8);
	assert_int_equal(text_width("ｽｽﾞｷ"), 4);
	assert_int_equal(text_width("abc"), 3);
	assert_int_equal(text_width("山田 花子 (ﾔﾏﾀﾞ)"), 16);
	assert_int_equal(text_width("ＡＢＣ１２３"), 12);
	assert_int_equal(text_width(""), 0);
	/* か + combining voiced mark is one cell pair, not three columns */
	assert_int_equal(text_width("か\xE3\x82\x99"), 2);
}

static void test_width_of_controls_matches_display(void **state)
{
	char *shown = text_sanitize("\x1b[1m田中\x7f\xc2\x85", 0);
	assert_int_equal(text_width("\x1b[1m田中\x7f\xc2\x85"), text_width(shown));
	free(shown);
	assert_int_equal(text_width_cp(0x1b), 2);
	assert_int_equal(text_width_cp(0x202E), 8);
	assert_int_equal(text_width_cp(0x3042), 2);
	assert_int_equal(text_width_cp(0x0301), 0);
}

static void test_cut_never_splits_a_character(void **state)
{
	int used = -1;
	size_t n = text_width_cut("鈴木一郎", 5, &used);
	assert_int_equal(n, strlen("鈴木"));
	assert_int_equal(used, 4);

	n = text_width_cut("鈴木一郎", 1, &used);
	assert_int_equal(n, 0);
	assert_int_equal(used, 0);

	n = text_width_cut("a鈴木", 3, &used);
	assert_int_equal(n, strlen("a鈴"));
	assert_int_equal(used, 3);

	n = text_width_cut("佐藤", 100, NULL);
	assert_int_equal(n, strlen("佐藤"));

	/* the combining mark stays with its base */
	n = text_width_cut("か\xE3\x82\x99き", 2, &used);
	assert_int_equal(n, strlen("か\xE3\x82\x99"));
}

static void test_fit_pads_and_cuts(void **state)
{
	assert_fit("鈴木", 6, TEXT_LEFT, "鈴木  ");
	assert_fit("鈴木", 6, TEXT_RIGHT, "  鈴木");
	assert_fit("鈴木一郎", 8, TEXT_LEFT, "鈴木一郎");
	assert_fit("鈴木一郎", 5, TEXT_LEFT, "鈴木…");
	/* 一 would straddle column 5/6: a space takes its place before … */
	assert_fit("鈴木一郎", 6, TEXT_LEFT, "鈴木 …");
	assert_fit("鈴木一郎", 6, TEXT_RIGHT, "鈴木 …");
	assert_fit("abcdef", 4, TEXT_LEFT, "abc…");
	assert_fit("鈴木", 1, TEXT_LEFT, " ");
	assert_fit("abc", 1, TEXT_LEFT, "a");
	assert_fit("鈴木", 0, TEXT_LEFT, "");
	assert_fit("鈴木\x1b[31m", 4, TEXT_LEFT, "鈴 …");
	assert_fit("鈴木\x1b", 6, TEXT_LEFT, "鈴木^[");
}

static void test_search_key_folds_what_users_see_as_same(void **state)
{
	assert_key_equal("すずき", "スズキ");
	assert_key_equal("スズキ", "ｽｽﾞｷ");
	assert_key_equal("すずき", "ｽｽﾞｷ");
	assert_key_equal("ＡＢＣ１２３", "abc123");
	assert_key_equal("ABC", "abc");
	assert_key_equal("鈴木 一郎", "鈴木一郎");
	assert_key_equal("鈴木　一郎", "鈴木一郎");
	assert_key_equal("鈴木・一郎", "鈴木一郎");
	assert_key_equal("ゝゞ", "ヽヾ");
	assert_key("ｽﾞｽﾞｷ", "ズズキ");
	assert_key("ｽｽﾞｷ", "スズキ");
	assert_key("らーめん", "ラーメン");
	assert_key("ﾗｰﾒﾝ", "ラーメン");
	assert_key("佐々木", "佐々木");
	assert_key("【緊急】山田！", "緊急山田");
	assert_key("", "");
	/* invalid bytes are skipped, not fatal */
	assert_key("山\xff田", "山田");
}

/* Name variants (data/name_variants.tsv) and variation selectors: 高橋
 * finds 髙橋, 葛󠄀 (with an IVS) is 葛; other kanji stay as they are. */
static void test_search_key_folds_name_variants(void **state)
{
	assert_key_equal("髙橋", "高橋");
	assert_key_equal("山﨑", "山崎");
	assert_key_equal("渡邊", "渡辺");
	assert_key_equal("渡邉", "渡辺");
	assert_key_equal("齋藤", "斎藤");
	assert_key_equal("濱田", "浜田");
	assert_key_equal("𠮷田", "吉田");
	assert_key_equal("葛\U000E0100飾", "葛飾");
	assert_key_equal("神\uFE00", "神");
	assert_key("斉藤", "斉藤"); /* 斉 and 斎 are two names */
	assert_int_equal(text_variant_fold(0x9AD9), 0x9AD8);
	assert_int_equal(text_variant_fold(0x6589), 0x6589);
	for (size_t i = 1; i < text_variants_count; i++)
		assert_true(text_variants[i - 1].variant < text_variants[i].variant);
}

static void test_search_key_finds_short_queries(void **state)
{
	char *hay = text_search_key("諏訪 ｻﾄｺ（さとこ）");
	char *q1 = text_search_key("諏訪");
	char *q2 = text_search_key("サトコ");
	assert_non_null(strstr(hay, q1));
	assert_non_null(strstr(hay, q2));
	free(hay);
	free(q1);
	free(q2);
}

static void test_nfc_composes(void **state)
{
	char *s = text_nfc("か\xE3\x82\x99");	/* か + U+3099 */
	assert_string_equal(s, "が");
	free(s);
	s = text_nfc("ｶﾞ");	/* NFC keeps half-width as typed */
	assert_string_equal(s, "ｶﾞ");
	free(s);
	assert_null(text_nfc("山\xff"));
	assert_null(text_nfc("やまだ\xe3\x81"));	/* cut in the middle of a character */
	s = text_nfc("神\xEF\xA8\x99");	/* a compatibility ideograph (U+FA19) among inert ones */
	assert_string_equal(s, "神神");
	free(s);
}

/* Every code point `inert` names is left as it is by utf8proc's mapping
 * `opts`: alone, after a letter, after kana (which a voiced mark would
 * compose with) and before kana.  A string of such code points only is
 * passed by as it is (one with any other goes through utf8proc whole). */
static void inert_ones_stay(bool (*inert)(int32_t), utf8proc_option_t opts, const char *letter)
{
	const char *const around[][2] = {{"", ""}, {letter, ""}, {"か", ""}, {"", "ア"}};
	int n = 0;
	for (int32_t cp = 0x20; cp <= 0xFFFF; cp++) {
		if (!inert(cp))
			continue;
		n++;
		char one[8] = {0};
		utf8_encode(cp, one);
		for (size_t k = 0; k < sizeof around / sizeof around[0]; k++) {
			char in[32];
			utf8proc_uint8_t *out = NULL;
			snprintf(in, sizeof in, "%s%s%s", around[k][0], one, around[k][1]);
			utf8proc_map((const utf8proc_uint8_t *)in, 0, &out, UTF8PROC_NULLTERM | opts);
			if (!out || strcmp((char *)out, in) != 0)
				fail_msg("U+%04X in \"%s\": utf8proc changes it", (unsigned)cp, in);
			free(out);
		}
	}
	assert_true(n > 20000); /* kana and the ideographs at least */
}

static void test_nfc_inert_agrees_with_utf8proc(void **state)
{
	inert_ones_stay(text_nfc_inert, UTF8PROC_STABLE | UTF8PROC_COMPOSE, "A");
	assert_false(text_nfc_inert(0x3099));
	assert_false(text_nfc_inert(0xFA19));
}

static void test_fold_inert_agrees_with_utf8proc(void **state)
{
	inert_ones_stay(text_fold_inert, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
			UTF8PROC_CASEFOLD, "a");
	char *k = text_search_key("すずき　花子（ＮＰＯ）");	/* not all inert: full width */
	assert_string_equal(k, "スズキ花子npo");
	free(k);
	k = text_search_key("すずき花子");
	assert_string_equal(k, "スズキ花子");
	free(k);
}

static void test_trim_and_nfkc(void **state)
{
	char *s = text_trim("　 山田 花子\t　");
	assert_string_equal(s, "山田 花子");
	free(s);
	s = text_trim("　　");
	assert_string_equal(s, "");
	free(s);
	s = text_nfkc_trim(" １，０２９ ");
	assert_string_equal(s, "1,029");
	free(s);
	s = text_nfkc_trim("　Ｒ３　");
	assert_string_equal(s, "R3");
	free(s);
	assert_null(text_nfkc_trim("\xc0\xaf"));
}

static void test_sanitize_escape_sequences(void **state)
{
	char *s = text_sanitize("\x1b[31m赤\x1b[0m", 0);
	assert_string_equal(s, "^[[31m赤^[[0m");
	assert_null(strchr(s, 0x1b));
	free(s);

	s = text_sanitize("田中\x07\x7f", 0);
	assert_string_equal(s, "田中^G^?");
	free(s);

	s = text_sanitize("\xc2\x9b" "2J消去", 0);	/* C1 CSI */
	assert_string_equal(s, "<U+009B>2J消去");
	free(s);

	s = text_sanitize("abc\xe2\x80\xae" "cba", 0);	/* RLO */
	assert_string_equal(s, "abc<U+202E>cba");
	free(s);

	s = text_sanitize("\xe2\x81\xa6x\xe2\x81\xa9", 0);	/* LRI .. PDI */
	assert_string_equal(s, "<U+2066>x<U+2069>");
	free(s);
}

static void test_sanitize_newlines_tabs_invalid(void **state)
{
	char *s = text_sanitize("一行目\n二行目", 0);
	assert_string_equal(s, "一行目↵二行目");
	free(s);
	s = text_sanitize("一行目\n二行目", 1);
	assert_string_equal(s, "一行目\n二行目");
	free(s);
	s = text_sanitize("氏名\t住所\r", 1);
	assert_string_equal(s, "氏名 住所^M");
	free(s);
	/* each stray byte of a broken sequence shows as one U+FFFD */
	s = text_sanitize("山\xff田\xe3\x81", 0);
	assert_string_equal(s, "山\xEF\xBF\xBD田\xEF\xBF\xBD\xEF\xBF\xBD");
	free(s);
	s = text_sanitize("", 0);
	assert_string_equal(s, "");
	free(s);
}

static void test_utf8_valid_reports_offset(void **state)
{
	size_t bad = 99;
	const char *ok = "鈴木一郎";
	assert_true(utf8_valid(ok, strlen(ok), &bad));

	const char *broken = "鈴木\x82一郎";
	assert_false(utf8_valid(broken, strlen(broken), &bad));
	assert_int_equal(bad, 6);

	const char *overlong = "ab\xc0\xaf";
	assert_false(utf8_valid(overlong, 4, &bad));
	assert_int_equal(bad, 2);

	const char *surrogate = "\xed\xa0\x80";
	assert_false(utf8_valid(surrogate, 3, &bad));
	assert_int_equal(bad, 0);

	/* a character cut off at the end of the buffer */
	assert_false(utf8_valid("山", 2, &bad));
	assert_int_equal(bad, 0);

	assert_true(utf8_valid("\xEF\xBF\xBD", 3, &bad));
}

static void test_utf8_decode_encode(void **state)
{
	int32_t cp;
	char buf[4];

	assert_int_equal(utf8_decode("鈴", 3, &cp), 3);
	assert_int_equal(cp, 0x9234);
	assert_int_equal(utf8_encode(0x9234, buf), 3);
	assert_memory_equal(buf, "鈴", 3);
	assert_int_equal(utf8_decode("\xf0\x9f\x98\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x1F600);
	assert_int_equal(utf8_decode("\xff", 1, &cp), 1);
	assert_int_equal(cp, 0xFFFD);
	assert_int_equal(utf8_count("鈴木a"), 3);
	assert_int_equal(utf8_count("\xff\xfe"), 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width_of_names),
		cmocka_unit_test(test_width_of_controls_matches_display),
		cmocka_unit_test(test_cut_never_splits_a_character),
		cmocka_unit_test(test_fit_pads_and_cuts),
		cmocka_unit_test(test_search_key_folds_what_users_see_as_same),
		cmocka_unit_test(test_search_key_folds_name_variants),
		cmocka_unit_test(test_search_key_finds_short_queries),
		cmocka_unit_test(test_nfc_composes),
		cmocka_unit_test(test_nfc_inert_agrees_with_utf8proc),
		cmocka_unit_test(test_fold_inert_agrees_with_utf8proc),
		cmocka_unit_test(test_trim_and_nfkc),
		cmocka_unit_test(test_sanitize_escape_sequences),
		cmocka_unit_test(test_sanitize_newlines_tabs_invalid),
		cmocka_unit_test(test_utf8_valid_reports_offset),
		cmocka_unit_test(test_utf8_decode_encode),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
