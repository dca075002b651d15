/* Dates as staff type them on forms: Western, 和暦, full-width, compact. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>
#include "tsunagu/date.h"
#include "tsunagu/localtime.h"
#include "tsunagu/timeofday.h"

static void assert_date(const char *in, const char *want)
{
	char out[DATE_ISO_LEN + 1] = "";
	struct tsu_error err = {0};

	if (date_parse(in, out, &err) != TSU_OK)
		fail_msg("「%s」 rejected: %s", in, err.msg);
	assert_string_equal(out, want);
}

/* Rejected with TSU_INVALID and a message that quotes the input. */
static void assert_not_date(const char *in)
{
	char out[DATE_ISO_LEN + 1] = "";
	struct tsu_error err = {0};

	if (date_parse(in, out, &err) != TSU_INVALID)
		fail_msg("「%s」 accepted as %s", in, out);
	assert_int_equal(err.status, TSU_INVALID);
	if (!strstr(err.msg, in))
		fail_msg("message does not name 「%s」: %s", in, err.msg);
}

static void test_western_forms(void **state)
{
	assert_date("2021-04-01", "2021-04-01");
	assert_date("2021/4/1", "2021-04-01");
	assert_date("2021.4.1", "2021-04-01");
	assert_date("20210401", "2021-04-01");
	assert_date("2021年4月1日", "2021-04-01");
	assert_date(" 2021/12/31 ", "2021-12-31");
}

static void test_wareki_forms(void **state)
{
	assert_date("令和3年4月1日", "2021-04-01");
	assert_date("令和元年5月1日", "2019-05-01");
	assert_date("R3.4.1", "2021-04-01");
	assert_date("R3/4/1", "2021-04-01");
	assert_date("r3.4.1", "2021-04-01");
	assert_date("R03.04.01", "2021-04-01");
	assert_date("令4. 10. 5", "2022-10-05");
	assert_date("平29. 7. 1", "2017-07-01");
	assert_date("平成29年7月1日", "2017-07-01");
	assert_date("H29.7.1", "2017-07-01");
	assert_date("h29.7.1", "2017-07-01");
	assert_date("昭和64年1月7日", "1989-01-07");
	assert_date("S50.3.3", "1975-03-03");
	assert_date("s50.3.3", "1975-03-03");
	assert_date("大正15年12月24日", "1926-12-24");
	assert_date("T1.7.30", "1912-07-30");
	assert_date("明治45年7月29日", "1912-07-29");
	assert_date("M1.10.23", "1868-10-23");
	assert_date("m44.1.1", "1911-01-01");
	assert_date("令和 3 年 4 月 1 日", "2021-04-01");
}

static void test_full_width_input(void **state)
{
	assert_date("２０２１／４／１", "2021-04-01");
	assert_date("令和３年４月１日", "2021-04-01");
	assert_date("Ｒ３．４．１", "2021-04-01");
	assert_date("　令和３年　４月　１日　", "2021-04-01");
	assert_date("２０２１０４０１", "2021-04-01");
	assert_date("２０２１－０４－０１", "2021-04-01");
	assert_date("㋿3年4月1日", "2021-04-01");
	assert_date("㍻31年4月30日", "2019-04-30");
}

static void test_calendar_checked(void **state)
{
	assert_not_date("2021/2/29");
	assert_date("2020/2/29", "2020-02-29");
	assert_date("2000/2/29", "2000-02-29");
	assert_not_date("1900/2/29");
	assert_not_date("2021/13/1");
	assert_not_date("2021/4/31");
	assert_not_date("2021/0/1");
	assert_not_date("2021/4/0");
	assert_not_date("20210230");
	assert_date("令和2年2月29日", "2020-02-29");
	assert_not_date("令和3年2月29日");
}

static void test_era_ranges(void **state)
{
	assert_date("平成31年4月30日", "2019-04-30");
	assert_not_date("平成31年5月1日");
	assert_not_date("令和元年4月30日");
	assert_not_date("令和0年1月1日");
	assert_not_date("平成32年1月1日");
	assert_not_date("昭和64年1月8日");
	assert_date("平成元年1月8日", "1989-01-08");
	assert_not_date("平成元年1月7日");
	assert_not_date("明治元年1月1日");
	assert_not_date("大正15年12月25日");
}

static void test_garbage_rejected(void **state)
{
	assert_not_date("あした");
	assert_not_date("2021/4");
	assert_not_date("21/4/1");
	assert_not_date("2021/4-1");
	assert_not_date("2021年4/1");
	assert_not_date("令和3年4月1日ごろ");
	assert_not_date("X3.4.1");
	assert_not_date("R123.4.1");
	assert_not_date("2021/4/1/");
	assert_not_date("202141");
}

static void test_blank_rejected(void **state)
{
	char out[DATE_ISO_LEN + 1];
	struct tsu_error err = {0};

	assert_int_equal(date_parse("", out, &err), TSU_INVALID);
	assert_string_equal(err.msg, "日付が入力されていません");
	assert_int_equal(date_parse("　 ", out, &err), TSU_INVALID);
	assert_string_equal(err.msg, "日付が入力されていません");
}

static void test_error_message(void **state)
{
	char out[DATE_ISO_LEN + 1];
	struct tsu_error err = {0};

	assert_int_equal(date_parse("2021/13/1", out, &err), TSU_INVALID);
	assert_string_equal(err.msg, "日付として読めません: 「2021/13/1」");
	assert_int_equal(date_parse("平成32年1月1日", out, &err), TSU_INVALID);
	assert_non_null(strstr(err.msg, "平成は2019年4月30日まで"));
	assert_int_equal(date_parse("令和元年4月30日", out, &err), TSU_INVALID);
	assert_non_null(strstr(err.msg, "令和は2019年5月1日から"));
	assert_int_equal(date_parse("2021/2/29", out, &err), TSU_INVALID);
	assert_non_null(strstr(err.msg, "2021年2月は28日まで"));
	/* a control character in the input is not echoed raw */
	assert_int_equal(date_parse("\x1b[2J", out, &err), TSU_INVALID);
	assert_null(strchr(err.msg, 0x1b));
	/* a NULL error is allowed */
	assert_int_equal(date_parse("だめ", out, NULL), TSU_INVALID);
}

static void test_is_iso(void **state)
{
	assert_true(date_is_iso("2021-04-01"));
	assert_true(date_is_iso("2020-02-29"));
	assert_false(date_is_iso("2021-02-29"));
	assert_false(date_is_iso("2021-4-1"));
	assert_false(date_is_iso("2021/04/01"));
	assert_false(date_is_iso("令和3年4月1日"));
	assert_false(date_is_iso(""));
}

static void assert_wareki(const char *iso, const char *want)
{
	char out[32];
	assert_true(date_to_wareki(iso, out, sizeof(out)));
	assert_string_equal(out, want);
}

static void test_to_wareki(void **state)
{
	char out[32];

	assert_wareki("2021-04-01", "令和3年4月1日");
	assert_wareki("2019-05-01", "令和元年5月1日");
	assert_wareki("2019-04-30", "平成31年4月30日");
	assert_wareki("1989-01-07", "昭和64年1月7日");
	assert_wareki("1989-01-08", "平成元年1月8日");
	assert_wareki("1926-12-25", "昭和元年12月25日");
	assert_wareki("1912-07-29", "明治45年7月29日");
	assert_false(date_to_wareki("1868-01-01", out, sizeof(out)));
	assert_false(date_to_wareki("2021-02-29", out, sizeof(out)));
	assert_false(date_to_wareki("2021-04-01", out, 8));
}

static void test_diff_days(void **state)
{
	long d = 0;

	assert_true(date_diff_days("2021-04-01", "2021-04-01", &d));
	assert_int_equal(d, 0);
	assert_true(date_diff_days("2021-03-31", "2021-04-01", &d));
	assert_int_equal(d, 1);
	assert_true(date_diff_days("2020-02-28", "2020-03-01", &d));
	assert_int_equal(d, 2);
	assert_true(date_diff_days("2021-02-28", "2021-03-01", &d));
	assert_int_equal(d, 1);
	assert_true(date_diff_days("2021-01-01", "2020-01-01", &d));
	assert_int_equal(d, -366);
	assert_true(date_diff_days("1989-01-07", "2019-05-01", &d));
	assert_int_equal(d, 11071);
	assert_false(date_diff_days("2021-02-30", "2021-03-01", &d));
	assert_false(date_diff_days("2021-03-01", "令和3年3月1日", &d));
}

/* A parsed date read back as 和暦 parses to the same day. */
static void test_round_trip(void **state)
{
	const char *days[] = {"1868-10-23", "1912-07-30", "1926-12-25", "1989-01-08",
			      "2019-04-30", "2019-05-01", "2024-02-29"};

	for (size_t i = 0; i < sizeof(days) / sizeof(days[0]); i++) {
		char w[32];
		assert_true(date_to_wareki(days[i], w, sizeof(w)));
		assert_date(w, days[i]);
	}
}

static const char *shown(const char *tz, const char *at, enum date_style style)
{
	static char out[LOCALTIME_MAX];
	setenv("TZ", tz, 1);
	tzset();
	return localtime_format(at, style, out, sizeof out);
}

/* Stored UTC times read in the local zone: the hour and, near midnight,
 * the day (and year) move with TZ. */
static void test_local_time(void **state)
{
	(void)state;
	assert_string_equal(shown("Asia/Tokyo", "2026-11-25T06:17:17Z", DATE_STYLE_ISO),
			    "2026-11-25 15:17");
	assert_string_equal(shown("UTC", "2026-11-25T06:17:17Z", DATE_STYLE_ISO),
			    "2026-11-25 06:17");
	assert_string_equal(shown("Asia/Tokyo", "2026-12-31T15:30:00Z", DATE_STYLE_ISO),
			    "2027-01-01 00:30");
	assert_string_equal(shown("America/New_York", "2026-11-25T03:00:00Z", DATE_STYLE_ISO),
			    "2026-11-24 22:00");
	assert_string_equal(shown("Asia/Tokyo", "2026-11-25T06:17:17Z", DATE_STYLE_WAREKI),
			    "令和8年11月25日 15:17");
	assert_string_equal(shown("Asia/Tokyo", "2019-04-30T15:00:00Z", DATE_STYLE_WAREKI),
			    "令和元年5月1日 00:00");
}

/* What is not a stored time is shown as it is, never less. */
static void test_local_time_other_text(void **state)
{
	(void)state;
	char out[LOCALTIME_MAX];
	assert_string_equal(shown("Asia/Tokyo", "2026-11-25", DATE_STYLE_ISO), "2026-11-25");
	assert_string_equal(shown("Asia/Tokyo", "2026-02-30T06:17:17Z", DATE_STYLE_ISO),
			    "2026-02-30T06:17:17Z");
	assert_string_equal(shown("Asia/Tokyo", "2026-11-25T06:17:17Zx", DATE_STYLE_ISO),
			    "2026-11-25T06:17:17Zx");
	assert_string_equal(shown("Asia/Tokyo", "山田", DATE_STYLE_WAREKI), "山田");
	assert_string_equal(localtime_format(NULL, DATE_STYLE_ISO, out, sizeof out), "");
	assert_string_equal(localtime_date("2026-11-25", DATE_STYLE_WAREKI, out, sizeof out),
			    "令和8年11月25日");
	assert_string_equal(localtime_date("2026-11-25", DATE_STYLE_ISO, out, sizeof out),
			    "2026-11-25");
	assert_string_equal(localtime_date("未定", DATE_STYLE_WAREKI, out, sizeof out), "未定");
}

/* Days added across a month, a year and a leap day; in place; past 9999
 * is no date; what is no date is left alone. */
static void test_date_add_days(void **state)
{
	(void)state;
	char out[11] = "x";
	assert_true(date_add_days("2026-12-26", 7, out));
	assert_string_equal(out, "2027-01-02");
	assert_true(date_add_days("2028-02-28", 1, out));
	assert_string_equal(out, "2028-02-29");
	char in_place[11] = "2027-03-01";
	assert_true(date_add_days(in_place, -1, in_place));
	assert_string_equal(in_place, "2027-02-28");
	assert_true(date_add_days("9999-12-31", 1, out));
	assert_string_equal(out, "");
	strcpy(out, "2027-01-01");
	assert_false(date_add_days("", 1, out));
	assert_false(date_add_days("令和9年", 1, out));
	assert_string_equal(out, "2027-01-01");
}

static void test_date_style_words(void **state)
{
	(void)state;
	enum date_style s = DATE_STYLE_ISO;
	assert_true(date_style_parse("wareki", &s));
	assert_int_equal(s, DATE_STYLE_WAREKI);
	assert_true(date_style_parse("iso", &s));
	assert_int_equal(s, DATE_STYLE_ISO);
	assert_false(date_style_parse("和暦", &s));
	assert_int_equal(s, DATE_STYLE_ISO);
	assert_string_equal(date_style_name(DATE_STYLE_WAREKI), "wareki");
}

/* Times as staff type them and as Outlook's and Excel's lists write them. */
static void test_time_forms(void **state)
{
	static const char *const good[][2] = {
		{"9:30", "09:30"}, {"09:30", "09:30"}, {"14:00:00", "14:00"}, {"930", "09:30"},
		{"1400", "14:00"}, {"14時", "14:00"}, {"14時30分", "14:30"}, {"9時半", "09:30"},
		{"午前9時", "09:00"}, {"午後2時30分", "14:30"}, {"午後 2:30", "14:30"},
		{"2:30 PM", "14:30"}, {"AM 9:05", "09:05"}, {"１４：００", "14:00"}, {" 0:00 ", "00:00"},
		{"午前12時", "00:00"}, {"午後12時", "12:00"}, {"23:59", "23:59"},
	};
	static const char *const bad[] = {"24:00", "9:5", "12:60", "午後13時", "14時半分", "あさ",
					  "10時ごろ", "1:2:3", "12345", ":30", "PM"};
	(void)state;
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		char out[TIME_HM_LEN + 1] = "";
		struct tsu_error err = {0};
		if (time_parse(good[i][0], out, &err) != TSU_OK)
			fail_msg("「%s」 rejected: %s", good[i][0], err.msg);
		assert_string_equal(out, good[i][1]);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char out[TIME_HM_LEN + 1] = "";
		struct tsu_error err = {0};
		if (time_parse(bad[i], out, &err) != TSU_INVALID)
			fail_msg("「%s」 accepted as %s", bad[i], out);
		if (!strstr(err.msg, bad[i]))
			fail_msg("message does not name 「%s」: %s", bad[i], err.msg);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_time_forms),
		cmocka_unit_test(test_western_forms),
		cmocka_unit_test(test_wareki_forms),
		cmocka_unit_test(test_full_width_input),
		cmocka_unit_test(test_calendar_checked),
		cmocka_unit_test(test_era_ranges),
		cmocka_unit_test(test_garbage_rejected),
		cmocka_unit_test(test_blank_rejected),
		cmocka_unit_test(test_error_message),
		cmocka_unit_test(test_is_iso),
		cmocka_unit_test(test_to_wareki),
		cmocka_unit_test(test_diff_days),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_local_time),
		cmocka_unit_test(test_local_time_other_text),
		cmocka_unit_test(test_date_style_words),
		cmocka_unit_test(test_date_add_days),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
