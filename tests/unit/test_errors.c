/* Error messages and error paths (issue 14, items 3 and 8): a message
 * that quotes the one before it, messages cut at the buffer size, and
 * the failures of the importers, which must free what they took (the
 * sanitizer build runs these under LeakSanitizer). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "test_util.h"
#include "tsunagu/ctline.h"
#include "tsunagu/ical.h"
#include "tsunagu/io.h"
#include "tsunagu/vcard.h"

static int count_of(const char *s, const char *needle)
{
	int n = 0;
	for (const char *p = s; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

static bool utf8_whole(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		int n = *p < 0x80 ? 1 : (*p >> 5) == 6 ? 2 : (*p >> 4) == 14 ? 3 : (*p >> 3) == 30 ? 4 : 0;
		if (!n)
			return false;
		for (int i = 1; i < n; i++)
			if ((p[i] & 0xC0) != 0x80)
				return false;
		p += n;
	}
	return true;
}

static void test_message_quotes_itself(void **state)
{
	struct tsu_error err = {0};

	tsu_fail(&err, TSU_INVALID, "「%s」は見つかりません", "山田 太郎");
	tsu_fail(&err, TSU_INVALID, "名簿.csv:3: %s", err.msg);
	assert_string_equal(err.msg, "名簿.csv:3: 「山田 太郎」は見つかりません");
	assert_int_equal(err.status, TSU_INVALID);
}

static void test_long_message_cut_between_characters(void **state)
{
	struct tsu_error err = {0};
	char big[TSU_ERROR_MSG_MAX * 2] = "";

	for (size_t i = 0; i + 3 < sizeof(big); i += 3)
		strcat(big, "あ");
	tsu_fail(&err, TSU_INVALID, "%s", big);
	/* quoting a full message adds a prefix and cuts the end again */
	tsu_fail(&err, TSU_INVALID, "x:%s", err.msg);
	assert_true(strlen(err.msg) < TSU_ERROR_MSG_MAX);
	assert_true(utf8_whole(err.msg));
	assert_int_equal(strncmp(err.msg, "x:あ", strlen("x:あ")), 0);
}

static struct ctl_reader *open_text(const char *name, const char *text)
{
	FILE *fp = tmpfile();
	struct ctl_reader *r = NULL;
	struct tsu_error err = {0};

	assert_non_null(fp);
	fputs(text, fp);
	rewind(fp);
	assert_int_equal(ctl_open_fp(fp, name, IO_ENC_UTF8, &r, &err), TSU_OK);
	return r;
}

/* A bad value in a card is named once, with its line (vcard.c used to
 * format err->msg into itself: a doubled "t.vcf:3:" prefix).  The card
 * comes back marked unusable; the importer puts "FILE:LINE: " before the
 * reason, once. */
static void test_vcard_error_named_once(void **state)
{
	struct ctl_reader *r = open_text("名刺.vcf",
		"BEGIN:VCARD\r\nVERSION:3.0\r\n"
		"N;CHARSET=X-NO-SUCH-CHARSET;ENCODING=QUOTED-PRINTABLE:=E5=B1=B1;=E7=94=B0;;;\r\n"
		"END:VCARD\r\n");
	struct vcard c = {0};
	struct tsu_error err = {0};
	bool got;

	assert_int_equal(vcard_next(r, &c, &got, &err), TSU_OK);
	assert_true(got);
	assert_non_null(c.problem);
	assert_int_equal(c.problem_line, 3);
	assert_int_equal(count_of(c.problem, "名刺.vcf"), 0);
	assert_non_null(strstr(c.problem, "X-NO-SUCH-CHARSET"));
	vcard_clear(&c);
	ctl_close(r);
}

static void test_ical_error_named_once(void **state)
{
	struct ctl_reader *r = open_text("予定.ics",
		"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n"
		"SUMMARY;CHARSET=X-NO-SUCH-CHARSET;ENCODING=QUOTED-PRINTABLE:=E4=BC=9A\r\n"
		"END:VEVENT\r\nEND:VCALENDAR\r\n");
	struct ical_item it = {0};
	struct tsu_error err = {0};
	bool got;

	assert_int_equal(ical_next(r, NULL, &it, &got, &err), TSU_OK);
	assert_true(got);
	assert_non_null(it.problem);
	assert_int_equal(it.problem_line, 3);
	assert_int_equal(count_of(it.problem, "予定.ics"), 0);
	ical_clear(&it);
	ctl_close(r);
}

/* Quoted-printable Shift_JIS that decodes part-way: the part already
 * converted must be freed with the error (a leak under LeakSanitizer). */
static void test_structured_value_bad_bytes_freed(void **state)
{
	struct ctl_reader *r = open_text("名刺.vcf",
		"BEGIN:VCARD\r\nVERSION:2.1\r\n"
		"N;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:=8E=52=93=63=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82=A0=82;=91=BE\r\n"
		"END:VCARD\r\n");
	struct vcard c = {0};
	struct tsu_error err = {0};
	bool got;

	assert_int_equal(vcard_next(r, &c, &got, &err), TSU_OK);
	assert_non_null(c.problem);
	assert_true(utf8_whole(c.problem));
	vcard_clear(&c);
	ctl_close(r);
}

/* Every row of a CSV import that is rejected must free what it built
 * (the too-many-columns path leaked one array per row). */
static void test_rejected_csv_row_freed(void **state)
{
	char db[512], csv[512];
	struct store *st = NULL;
	struct tsu_error err = {0};
	struct io_options opt = {.encoding = IO_ENC_AUTO};

	test_path(db, sizeof(db), "errors.db");
	test_path(csv, sizeof(csv), "多すぎ.csv");
	FILE *fp = fopen(csv, "w");
	assert_non_null(fp);
	fputs("name,kind\n鈴木 一郎,person,余分,もう一つ\n", fp);
	fclose(fp);
	assert_int_equal(store_open(db, STORE_OPEN_CREATE, &st, &err), TSU_OK);
	assert_int_equal(io_import(st, "parties", csv, &opt, NULL, NULL, NULL, &err), TSU_INVALID);
	assert_non_null(strstr(err.msg, "多すぎ.csv:2: "));
	assert_int_equal(count_of(err.msg, "多すぎ.csv"), 1);
	store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_message_quotes_itself),
		cmocka_unit_test(test_long_message_cut_between_characters),
		cmocka_unit_test(test_vcard_error_named_once),
		cmocka_unit_test(test_ical_error_named_once),
		cmocka_unit_test(test_structured_value_bad_bytes_freed),
		cmocka_unit_test(test_rejected_csv_row_freed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
