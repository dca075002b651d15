/* Workbook cells as Excel's CSV shows them (src/io/sheetcell.c): serial
 * dates in both date systems with Excel's 1900-02-29, number formats that
 * show dates (和暦 included), numbers, cell references, _xHHHH_ escapes. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "tsunagu/sheetcell.h"

static void assert_value(const char *v, enum sheet_numfmt k, bool d1904, const char *want)
{
	char out[64];

	sheet_value_text(v, k, d1904, out, sizeof out);
	if (strcmp(out, want) != 0)
		fail_msg("「%s」 (format %d%s) gave 「%s」, wanted 「%s」", v, (int)k,
			 d1904 ? ", 1904" : "", out, want);
}

static void test_serial_dates_1900(void **state)
{
	assert_value("1", SHEET_DATE, false, "1900-01-01");
	assert_value("59", SHEET_DATE, false, "1900-02-28");
	assert_value("60", SHEET_DATE, false, "1900-02-29");   /* Excel's, never was */
	assert_value("61", SHEET_DATE, false, "1900-03-01");
	assert_value("36526", SHEET_DATE, false, "2000-01-01");
	assert_value("43586", SHEET_DATE, false, "2019-05-01"); /* 令和元年5月1日 */
	assert_value("45383", SHEET_DATE, false, "2024-04-01");
	assert_value("45352", SHEET_DATE, false, "2024-03-01");
	assert_value("45351", SHEET_DATE, false, "2024-02-29"); /* a real leap day */
	assert_value("2958465", SHEET_DATE, false, "9999-12-31");
	/* past 9999 and negative serials are no dates: the number stays */
	assert_value("2958466", SHEET_DATE, false, "2958466");
	assert_value("-1", SHEET_DATE, false, "-1");
}

static void test_serial_dates_1904(void **state)
{
	assert_value("0", SHEET_DATE, true, "1904-01-01");
	assert_value("43921", SHEET_DATE, true, "2024-04-01"); /* 45383 - 1462 */
	assert_value("59", SHEET_DATE, true, "1904-02-29");
}

static void test_times(void **state)
{
	assert_value("45383.375", SHEET_DATETIME, false, "2024-04-01 09:00");
	assert_value("45383.5", SHEET_DATE, false, "2024-04-01");      /* format shows no time */
	assert_value("45383.99999", SHEET_DATETIME, false, "2024-04-01 23:59");
	assert_value("45383.9999999", SHEET_DATETIME, false, "2024-04-02 00:00"); /* rounds to the second */
	assert_value("0.5", SHEET_TIME, false, "12:00");
	assert_value("0.40625", SHEET_TIME, false, "09:45");
	assert_value("45858.000000000007", SHEET_DATE, false, "2025-07-20");
}

static void test_numbers(void **state)
{
	assert_value("42", SHEET_NUMBER, false, "42");
	assert_value("42.0", SHEET_NUMBER, false, "42");
	assert_value("1.5", SHEET_NUMBER, false, "1.5");
	assert_value("-0.25", SHEET_NUMBER, false, "-0.25");
	assert_value("100000", SHEET_NUMBER, false, "100000");
	assert_value("1E+5", SHEET_NUMBER, false, "100000");
	assert_value("123456789012", SHEET_NUMBER, false, "123456789012");
	assert_value("0.30000000000000004", SHEET_NUMBER, false, "0.3");
	assert_value("3.3333333333333335", SHEET_NUMBER, false, "3.33333333333333");
	assert_value("1E+20", SHEET_NUMBER, false, "1E+20");
	assert_value("0", SHEET_NUMBER, false, "0");
	assert_value("-0", SHEET_NUMBER, false, "0");
	/* not a number as a workbook writes one: copied */
	assert_value("042-374-0001", SHEET_NUMBER, false, "042-374-0001");
	assert_value("0x10", SHEET_NUMBER, false, "0x10");
	assert_value("nan", SHEET_DATE, false, "nan");
	assert_value("", SHEET_DATE, false, "");
}

static void test_builtin_formats(void **state)
{
	assert_int_equal(sheet_numfmt_builtin(0), SHEET_NUMBER);
	assert_int_equal(sheet_numfmt_builtin(14), SHEET_DATE);
	assert_int_equal(sheet_numfmt_builtin(22), SHEET_DATETIME);
	assert_int_equal(sheet_numfmt_builtin(20), SHEET_TIME);
	assert_int_equal(sheet_numfmt_builtin(28), SHEET_DATE);  /* ggge"年"m"月"d"日" */
	assert_int_equal(sheet_numfmt_builtin(32), SHEET_TIME);  /* h"時"mm"分" */
	assert_int_equal(sheet_numfmt_builtin(46), SHEET_TIME);
	assert_int_equal(sheet_numfmt_builtin(49), SHEET_NUMBER); /* @ text */
	assert_int_equal(sheet_numfmt_builtin(57), SHEET_DATE);
	assert_int_equal(sheet_numfmt_builtin(59), SHEET_NUMBER);
}

static void test_custom_formats(void **state)
{
	assert_int_equal(sheet_numfmt_code("[$-411]ggge\"年\"m\"月\"d\"日\";@"), SHEET_DATE);
	assert_int_equal(sheet_numfmt_code("[$-ja-JP-x-gannen]ggge\"年\"m\"月\"d\"日\""), SHEET_DATE);
	assert_int_equal(sheet_numfmt_code("yyyy/m/d"), SHEET_DATE);
	assert_int_equal(sheet_numfmt_code("mm/dd/yy"), SHEET_DATE);
	assert_int_equal(sheet_numfmt_code("yyyy\"年\"m\"月\"d\"日\" h:mm"), SHEET_DATETIME);
	assert_int_equal(sheet_numfmt_code("h:mm AM/PM"), SHEET_TIME);
	assert_int_equal(sheet_numfmt_code("[h]:mm:ss"), SHEET_TIME);
	assert_int_equal(sheet_numfmt_code("mm:ss"), SHEET_TIME);
	assert_int_equal(sheet_numfmt_code("m\"月\""), SHEET_DATE);
	assert_int_equal(sheet_numfmt_code("General"), SHEET_NUMBER);
	assert_int_equal(sheet_numfmt_code("0.00E+00"), SHEET_NUMBER);
	assert_int_equal(sheet_numfmt_code("#,##0\"円\";[Red]-#,##0\"円\""), SHEET_NUMBER);
	assert_int_equal(sheet_numfmt_code("\"days\" 0"), SHEET_NUMBER);
	assert_int_equal(sheet_numfmt_code("0_);\\(0\\)"), SHEET_NUMBER);
	assert_int_equal(sheet_numfmt_code("@"), SHEET_NUMBER);
	assert_int_equal(sheet_numfmt_code(""), SHEET_NUMBER);
}

static void test_cell_refs(void **state)
{
	long col, row;

	assert_true(sheet_cell_ref("A1", &col, &row));
	assert_int_equal(col, 0);
	assert_int_equal(row, 1);
	assert_true(sheet_cell_ref("C3", &col, &row));
	assert_int_equal(col, 2);
	assert_true(sheet_cell_ref("AA10", &col, &row));
	assert_int_equal(col, 26);
	assert_int_equal(row, 10);
	assert_true(sheet_cell_ref("XFD1048576", &col, &row));
	assert_int_equal(col, 16383);
	assert_true(sheet_cell_ref("F", &col, &row));
	assert_int_equal(row, 0);
	assert_false(sheet_cell_ref("XFE1", &col, &row));
	assert_false(sheet_cell_ref("A1048577", &col, &row));
	assert_false(sheet_cell_ref("1", &col, &row));
	assert_false(sheet_cell_ref("A1B", &col, &row));
	assert_false(sheet_cell_ref("", &col, &row));
	assert_false(sheet_cell_ref("A0", &col, &row));
}

static void assert_unescaped(const char *in, const char *want)
{
	struct sbuf out = {0};

	sheet_unescape(in, strlen(in), &out);
	assert_string_equal(sbuf_str(&out), want);
	sbuf_free(&out);
}

static void test_unescape(void **state)
{
	assert_unescaped("一行目_x000D_\n二行目", "一行目\n二行目");
	assert_unescaped("一行目\r\n二行目", "一行目\n二行目");
	assert_unescaped("一行目\r二行目", "一行目\n二行目");
	assert_unescaped("末尾\r", "末尾\n");
	assert_unescaped("_x005F_x000D_", "_x000D_");
	assert_unescaped("タブ_x0009_あり", "タブ\tあり");
	assert_unescaped("_x9AD9_橋", "髙橋");
	assert_unescaped("NUL_x0000_なし", "NULなし");
	assert_unescaped("_xD800_ と _x12_ と _xZZZZ_", "_xD800_ と _x12_ と _xZZZZ_");
	assert_unescaped("", "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_serial_dates_1900),
		cmocka_unit_test(test_serial_dates_1904),
		cmocka_unit_test(test_times),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_builtin_formats),
		cmocka_unit_test(test_custom_formats),
		cmocka_unit_test(test_cell_refs),
		cmocka_unit_test(test_unescape),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
