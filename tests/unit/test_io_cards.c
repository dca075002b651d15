/* vCard and iCalendar reading and writing (src/io/ctline.c, vcard.c, ical.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "tsunagu/ctline.h"
#include "tsunagu/ical.h"
#include "tsunagu/vcard.h"
#include "tsunagu/icaltime.h"

static struct ctl_reader *open_text(const char *text)
{
	FILE *fp = tmpfile();
	struct ctl_reader *r = NULL;
	struct tsu_error err = {0};

	assert_non_null(fp);
	fputs(text, fp);
	rewind(fp);
	assert_int_equal(ctl_open_fp(fp, "t.vcf", IO_ENC_AUTO, &r, &err), TSU_OK);
	return r;
}

static void test_vcard30_quoted_printable(void **state)
{
	/* an older phone: 3.0 with Shift_JIS quoted-printable, a soft line
	 * break, X-IRMC reading in half-width kana, two TELs (PREF second) */
	struct ctl_reader *r = open_text(
		"BEGIN:VCARD\r\nVERSION:3.0\r\n"
		"N;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:=8E=52=93=63;=91=BE=98=59;;;\r\n"
		"FN;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:=8E=52=93=63=20=91=BE=\r\n"
		"=98=59\r\n"
		"SOUND;X-IRMC-N;CHARSET=SHIFT_JIS:\xd4\xcf\xc0\xde;\xc0\xdb\xb3;;;\r\n"
		"TEL;TYPE=HOME:042-111-2222\r\n"
		"TEL;TYPE=CELL,PREF:090-1111-2222\r\n"
		"ADR;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:;;1-2-3;=93=8C=8B=9E=93=73=91=BD=96=80=8E=73=8A=D6=8C=CB;;206-0011;\r\n"
		"NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:=E3=83=A1=E3=83=A2\r\n"
		"END:VCARD\r\n");
	struct vcard c = {0};
	struct tsu_error err = {0};
	bool got;

	assert_int_equal(vcard_next(r, &c, &got, &err), TSU_OK);
	assert_true(got);
	/* the raw Shift_JIS half-width kana made the file CP932 as a whole */
	assert_string_equal(c.fn, "山田 太郎");
	assert_string_equal(c.family, "山田");
	assert_string_equal(c.given, "太郎");
	assert_string_equal(c.kana, "ヤマダ タロウ");
	assert_string_equal(c.tel, "090-1111-2222");
	assert_string_equal(c.adr, "〒206-0011 東京都多摩市関戸1-2-3");
	assert_string_equal(c.note, "メモ");
	assert_false(vcard_is_org(&c));
	assert_int_equal(vcard_next(r, &c, &got, &err), TSU_OK);
	assert_false(got);
	vcard_clear(&c);
	ctl_close(r);
}

static void test_vcard40_folding_and_org(void **state)
{
	struct ctl_reader *r = open_text(
		"BEGIN:VCARD\nVERSION:4.0\nKIND:org\nFN:関戸一丁目自治会\n"
		"ORG;SORT-AS=\"せきどいっちょうめじちかい\":関戸一丁目自治会\n"
		"EMAIL;PREF=1:jichikai@example.jp\n"
		"NOTE:一行目\\n二行目\\, カンマ\\; セミコロン。長い備考はここで折り返\n"
		" されます\n"
		"END:VCARD\n"
		"BEGIN:VCARD\nVERSION:4.0\nFN:鈴木 花子\nN:鈴木;花子;;;\n"
		"X-PHONETIC-LAST-NAME:すずき\nX-PHONETIC-FIRST-NAME:はなこ\n"
		"TEL;VALUE=uri:tel:+81-42-000-0000\nEND:VCARD\n");
	struct vcard c = {0};
	struct tsu_error err = {0};
	bool got;

	assert_int_equal(vcard_next(r, &c, &got, &err), TSU_OK);
	assert_true(vcard_is_org(&c));
	assert_string_equal(c.org_kana, "せきどいっちょうめじちかい");
	assert_string_equal(c.note, "一行目\n二行目, カンマ; セミコロン。長い備考はここで折り返されます");
	assert_int_equal(vcard_next(r, &c, &got, &err), TSU_OK);
	assert_string_equal(c.kana, "すずき はなこ");
	assert_string_equal(c.tel, "+81-42-000-0000");
	assert_int_equal(c.line, 10);
	vcard_clear(&c);
	ctl_close(r);
}

/* Two ORG lines whose first part is empty (ORG:;総務課): the first one's
 * department is kept, and the second's is not left allocated (the fuzzer's
 * leak, found under ASan). */
static void test_vcard_two_orgs_without_name(void **state)
{
	struct ctl_reader *r = open_text(
		"BEGIN:VCARD\nVERSION:3.0\nFN:山田 太郎\nORG:;総務課\nORG:;企画課\nEND:VCARD\n"
		"BEGIN:VCARD\nVERSION:3.0\nFN:川口 花子\nORG:\nORG:多摩市;健康福祉部\nEND:VCARD\n");
	struct vcard c = {0};
	struct tsu_error err = {0};
	bool got;

	assert_int_equal(vcard_next(r, &c, &got, &err), TSU_OK);
	assert_null(c.org);
	assert_string_equal(c.org_unit, "総務課");
	assert_int_equal(vcard_next(r, &c, &got, &err), TSU_OK);
	assert_string_equal(c.org, "多摩市");
	assert_string_equal(c.org_unit, "健康福祉部");
	vcard_clear(&c);
	ctl_close(r);
}

static void test_vcard21_photo(void **state)
{
	/* base64 lines without the leading space, as some old phones write */
	struct ctl_reader *r = open_text(
		"BEGIN:VCARD\r\nVERSION:2.1\r\nN:加藤;誠\r\n"
		"PHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQSkZJRgABAQ\r\nAAAQABAAD/2wBDAAgGBg\r\n\r\n"
		"TEL;CELL:090-0000-0000\r\nEND:VCARD\r\n");
	struct vcard c = {0};
	struct tsu_error err = {0};
	bool got;

	assert_int_equal(vcard_next(r, &c, &got, &err), TSU_OK);
	assert_string_equal(c.fn, "加藤 誠");
	assert_string_equal(c.tel, "090-0000-0000");
	vcard_clear(&c);
	ctl_close(r);
}

/* A card that cannot be used comes back marked, with the line of the
 * problem, and the next card is still read. */
static void test_vcard_errors(void **state)
{
	struct ctl_reader *r = open_text("BEGIN:VCARD\nFN:a\nBEGIN:VCARD\nFN:二枚目\nEND:VCARD\n");
	struct vcard c = {0};
	struct tsu_error err = {0};
	bool got;

	assert_int_equal(vcard_next(r, &c, &got, &err), TSU_OK);
	assert_true(got);
	assert_non_null(strstr(c.problem, "END:VCARD がありません"));
	assert_int_equal(c.problem_line, 3);
	assert_int_equal(vcard_next(r, &c, &got, &err), TSU_OK);
	assert_true(got);
	assert_null(c.problem);
	assert_string_equal(c.fn, "二枚目");
	vcard_clear(&c);
	ctl_close(r);
	r = open_text("BEGIN:VCARD\nFN:a\nthis line has no colon\nEND:VCARD\nEND:VCARD\n");
	assert_int_equal(vcard_next(r, &c, &got, &err), TSU_OK);
	assert_string_equal(c.problem, "「:」のない行です");
	assert_int_equal(c.problem_line, 3);
	assert_int_equal(vcard_next(r, &c, &got, &err), TSU_OK);
	assert_non_null(strstr(c.problem, "BEGIN:VCARD のない END:VCARD"));
	assert_int_equal(c.problem_line, 5);
	assert_int_equal(vcard_next(r, &c, &got, &err), TSU_OK);
	assert_false(got);
	vcard_clear(&c);
	ctl_close(r);
}

/* What phones and mail programs write: iPhone's CR CR LF, a lone CR,
 * Gmail's escaped line breaks in ADR, comments, 2.1 backslash
 * continuation, SORT-AS with ';', a nested AGENT card, nameless cards. */
static void test_vcard_real_writers(void **state)
{
	struct ctl_reader *r = open_text(
		"# 書き出し\r\nBEGIN:VCARD\r\r\nVERSION:3.0\r\r\nFN:安藤 美咲\r\r\n"
		"ADR:;;永山1-2-3\\nハイツ101;多摩市;東京都;206-0025;\r\r\nEND:VCARD\r\r\n"
		"BEGIN:VCARD\rVERSION:2.1\rN:森;和夫\rNOTE:会計\\\r夏祭り\rAGENT:\r"
		"BEGIN:VCARD\rFN:代理\rEND:VCARD\rEND:VCARD\r"
		"BEGIN:VCARD\nEMAIL:only@example.jp\nEND:VCARD\n"
		"BEGIN:VCARD\nN;SORT-AS=\"あんどう;ろいど\":安藤;ロイド;;;\nEND:VCARD\n");
	struct vcard c = {0};
	struct tsu_error err = {0};
	bool got;

	assert_int_equal(vcard_next(r, &c, &got, &err), TSU_OK);
	assert_null(c.problem);
	assert_string_equal(c.fn, "安藤 美咲");
	assert_string_equal(c.adr, "〒206-0025 東京都多摩市永山1-2-3 ハイツ101");
	assert_int_equal(c.adr_line, 5);
	assert_int_equal(vcard_next(r, &c, &got, &err), TSU_OK);
	assert_null(c.problem);
	assert_string_equal(c.fn, "森 和夫");
	assert_string_equal(c.note, "会計\n夏祭り");
	assert_int_equal(vcard_next(r, &c, &got, &err), TSU_OK);
	assert_null(c.problem);
	assert_string_equal(c.fn, "only@example.jp");
	assert_int_equal(vcard_next(r, &c, &got, &err), TSU_OK);
	assert_string_equal(c.kana, "あんどう ろいど");
	assert_int_equal(vcard_next(r, &c, &got, &err), TSU_OK);
	assert_false(got);
	vcard_clear(&c);
	ctl_close(r);
}

static void test_vcard_write_roundtrip(void **state)
{
	struct vcard in = {0}, out = {0};
	struct sbuf b = {0};
	struct tsu_error err = {0};
	bool got;

	in.uid = "urn:uuid:01234567-89ab-7def-8123-456789abcdef";
	in.fn = "山田　太郎";
	in.kana = "やまだ　たろう";
	in.tel = "042-111-2222";
	in.adr = "東京都多摩市関戸一丁目1番地の1 サンプルマンション101号室（管理人室の隣）";
	in.note = "a;b,c\\d\n次の行";
	vcard_write(&b, &in);
	/* every physical line at most 75 octets and CRLF-terminated */
	for (char *line = b.s, *nl; (nl = strstr(line, "\r\n")); line = nl + 2)
		assert_true(nl - line <= 75);
	struct ctl_reader *r = open_text(b.s);
	assert_int_equal(vcard_next(r, &out, &got, &err), TSU_OK);
	assert_string_equal(out.fn, in.fn);
	assert_string_equal(out.uid, in.uid);
	assert_string_equal(out.family, "山田");
	assert_string_equal(out.kana, "やまだ たろう");
	assert_string_equal(out.adr, in.adr);
	assert_string_equal(out.note, in.note);
	assert_string_equal(out.tel, in.tel);
	vcard_clear(&out);
	ctl_close(r);
	sbuf_free(&b);
}

static void test_ical_read(void **state)
{
	struct ctl_reader *r = open_text(
		"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
		"BEGIN:VTIMEZONE\r\nTZID:Asia/Tokyo\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
		"END:STANDARD\r\nEND:VTIMEZONE\r\n"
		"BEGIN:VEVENT\r\nUID:ev1\r\nSUMMARY:エリアミーティング（防災）\r\n"
		"DTSTART:20250331T230000Z\r\nDTEND:20250401T010000Z\r\n"
		"LOCATION:関戸公民館\\, 大会議室\r\nDESCRIPTION:持ち物：筆記用具\\n\r\n  上履き\r\n"
		"BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:alarm\r\nEND:VALARM\r\n"
		"END:VEVENT\r\n"
		"BEGIN:VEVENT\r\nSUMMARY:終日\r\nDTSTART;VALUE=DATE:20251005\r\nDTEND;VALUE=DATE:20251006\r\nEND:VEVENT\r\n"
		"BEGIN:VEVENT\r\nSUMMARY:長さ\r\nDTSTART;TZID=Asia/Tokyo:20251005T133000\r\nDURATION:PT1H45M\r\nEND:VEVENT\r\n"
		"BEGIN:VTODO\r\nSUMMARY:回覧板の作成\r\nDUE;VALUE=DATE:20260110\r\nSTATUS:IN-PROCESS\r\nEND:VTODO\r\n"
		"END:VCALENDAR\r\n");
	struct ical_item it = {0};
	struct tsu_error err = {0};
	bool got;

	assert_int_equal(ical_next(r, NULL, &it, &got, &err), TSU_OK);
	assert_true(got);
	assert_false(it.todo);
	assert_string_equal(it.summary, "エリアミーティング（防災）");
	assert_string_equal(it.date, "2025-04-01");  /* 23:00Z is 08:00 JST next day */
	assert_string_equal(it.start_time, "08:00");
	assert_string_equal(it.end_time, "10:00");
	assert_string_equal(it.location, "関戸公民館, 大会議室");
	assert_string_equal(it.description, "持ち物：筆記用具\n 上履き");
	assert_int_equal(it.line, 9);
	assert_int_equal(ical_next(r, NULL, &it, &got, &err), TSU_OK);
	assert_string_equal(it.date, "2025-10-05");
	assert_string_equal(it.start_time, "");
	assert_int_equal(ical_next(r, NULL, &it, &got, &err), TSU_OK);
	assert_string_equal(it.end_time, "15:15");
	assert_int_equal(ical_next(r, NULL, &it, &got, &err), TSU_OK);
	assert_true(it.todo);
	assert_string_equal(it.due, "2026-01-10");
	assert_string_equal(it.status, "IN-PROCESS");
	assert_int_equal(ical_next(r, NULL, &it, &got, &err), TSU_OK);
	assert_false(got);
	ical_clear(&it);
	ctl_close(r);
}

/* A bad date marks its item (named by line) and the next one is read;
 * unbalanced BEGIN/END stays an error. */
static void test_ical_errors(void **state)
{
	struct ctl_reader *r = open_text("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:2025-04-01\nEND:VEVENT\n"
					 "BEGIN:VEVENT\nDTSTART:20250402\nLOCATION:公民館\\n2階\nEND:VEVENT\n");
	struct ical_item it = {0};
	struct tsu_error err = {0};
	bool got;

	assert_int_equal(ical_next(r, NULL, &it, &got, &err), TSU_OK);
	assert_true(got);
	assert_non_null(strstr(it.problem, "DTSTART の日時が正しくありません"));
	assert_int_equal(it.problem_line, 3);
	assert_int_equal(ical_next(r, NULL, &it, &got, &err), TSU_OK);
	assert_null(it.problem);
	assert_string_equal(it.date, "2025-04-02");
	assert_string_equal(it.location, "公民館 2階");
	ical_clear(&it);
	ctl_close(r);
	r = open_text("BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VTODO\n");
	assert_int_equal(ical_next(r, NULL, &it, &got, &err), TSU_INVALID);
	assert_non_null(strstr(err.msg, "t.vcf:3: "));
	ical_clear(&it);
	ctl_close(r);
}

/* Zones and rules through libical: a zone the calendar defines, a zone of
 * the tz database, an unknown one; RRULEs in Japanese. */
static void test_ical_zones_and_rules(void **state)
{
	struct ical_zones *z = ical_zones_new();
	char date[11], time[6];
	assert_true(ical_zones_add(z, "BEGIN:VTIMEZONE\r\nTZID:Custom Plus Two\r\nBEGIN:STANDARD\r\n"
				      "DTSTART:16010101T000000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0200\r\n"
				      "END:STANDARD\r\nEND:VTIMEZONE\r\n"));
	assert_false(ical_zones_add(z, "BEGIN:VEVENT\r\nSUMMARY:x\r\nEND:VEVENT\r\n"));
	assert_true(ical_to_japan(z, "Custom Plus Two", 2026, 12, 31, 20, 30, date, time));
	assert_string_equal(date, "2027-01-01");
	assert_string_equal(time, "03:30");
	assert_true(ical_to_japan(z, "America/New_York", 2026, 7, 1, 9, 0, date, time));
	assert_string_equal(time, "22:00"); /* summer time: -04:00 */
	assert_true(ical_to_japan(NULL, "/mozilla.org/20050126_1/Asia/Tokyo", 2026, 7, 1, 9, 0,
				  date, time));
	assert_string_equal(time, "09:00");
	assert_false(ical_to_japan(z, "Mars/Olympus", 2026, 7, 1, 9, 0, date, time));
	ical_zones_free(z);

	static const char *const rules[][2] = {
		{"FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270331", "毎週 火・木曜 (2027-03-31 まで)"},
		{"FREQ=MONTHLY;BYDAY=-1FR", "毎月 最終金曜"},
		{"FREQ=DAILY;INTERVAL=2;COUNT=10", "2日ごと (全 10 回)"},
		{"FREQ=MONTHLY;BYMONTHDAY=15", "毎月 15日"},
		{"NOT A RULE", "NOT A RULE"},
	};
	for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
		struct sbuf b = {0};
		ical_rrule_japanese(rules[i][0], &b);
		assert_string_equal(b.s, rules[i][1]);
		sbuf_free(&b);
	}
}

/* EXDATE read into Japan dates (sorted, each once) and ends on later days,
 * then the notes lines made of them, in their order. */
static void test_ical_notes_head(void **state)
{
	struct ctl_reader *r = open_text(
		"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
		"BEGIN:VEVENT\r\nSUMMARY:多摩川清掃\r\nDTSTART;TZID=Asia/Tokyo:20261222T180000\r\n"
		"DTEND;TZID=Asia/Tokyo:20261223T010000\r\nRRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=8\r\n"
		"EXDATE;TZID=Asia/Tokyo:20270105T180000,20261229T180000\r\n"
		"EXDATE:20270112T090000Z\r\nEXDATE;VALUE=DATE:20261229\r\nEND:VEVENT\r\n"
		"BEGIN:VEVENT\r\nSUMMARY:連休\r\nDTSTART;VALUE=DATE:20261226\r\nDURATION:P1W\r\nEND:VEVENT\r\n"
		"BEGIN:VEVENT\r\nSUMMARY:悪い除外\r\nDTSTART:20261201\r\nEXDATE:2026-12-08\r\nEND:VEVENT\r\n"
		"END:VCALENDAR\r\n");
	struct ical_item it = {0};
	struct tsu_error err = {0};
	struct sbuf b = {0};
	bool got;

	assert_int_equal(ical_next(r, NULL, &it, &got, &err), TSU_OK);
	assert_int_equal(it.nexdate, 3);
	assert_string_equal(it.exdate[0], "2026-12-29");
	assert_string_equal(it.exdate[2], "2027-01-12"); /* 09:00Z is 18:00 in Japan */
	assert_string_equal(it.end_time, "");
	assert_string_equal(it.last_date, "2026-12-23");
	ical_notes_head(&it, &b);
	assert_string_equal(b.s, "繰り返し: 毎週 火曜 (全 8 回、2026-12-29・2027-01-05・2027-01-12 を除く)\n"
				 "終了: 2026-12-23 01:00\n");
	sbuf_reset(&b);
	assert_int_equal(ical_next(r, NULL, &it, &got, &err), TSU_OK);
	ical_notes_head(&it, &b);
	assert_string_equal(b.s, "期間: 2026-12-26〜2027-01-01 (7日間)\n");
	assert_int_equal(ical_next(r, NULL, &it, &got, &err), TSU_OK);
	assert_string_equal(it.problem, "EXDATE の日時が正しくありません");
	ical_clear(&it);
	ctl_close(r);

	/* UNTIL in UTC is a Japan date; a rule libical cannot read keeps its dates */
	struct ical_item ev = {.rrule = "FREQ=DAILY;UNTIL=20270330T150000Z"};
	char ex[2][11] = {"2027-01-01", "2027-01-02"};
	sbuf_reset(&b);
	ical_notes_head(&ev, &b);
	assert_string_equal(b.s, "繰り返し: 毎日 (2027-03-31 まで)\n");
	ev.rrule = "NOT A RULE";
	ev.exdate = ex;
	ev.nexdate = 2;
	sbuf_reset(&b);
	ical_notes_head(&ev, &b);
	assert_string_equal(b.s, "繰り返し: NOT A RULE (2027-01-01・2027-01-02 を除く)\n");
	sbuf_free(&b);

	long min;
	assert_true(ical_duration_minutes("P1DT2H30M", &min));
	assert_int_equal(min, 26 * 60 + 30);
	assert_false(ical_duration_minutes("-PT1H", &min));
	assert_false(ical_duration_minutes("nonsense", &min));
	assert_false(ical_duration_minutes("P99999999W", &min));
}

static void test_ical_write(void **state)
{
	struct ical_item ev = {0}, todo = {0}, back = {0};
	struct sbuf b = {0};
	struct tsu_error err = {0};
	bool got;

	ev.uid = "u1";
	ev.summary = "報告会";
	memcpy(ev.date, "2025-12-31", 11);
	todo.todo = true;
	todo.uid = "u2";
	todo.summary = "名簿の確認";
	todo.x_status = "保留";
	memcpy(todo.due, "2026-02-01", 11);
	ical_begin(&b);
	ical_write(&b, &ev, "20261123T000000Z");
	ical_write(&b, &todo, "20261123T000000Z");
	ical_end(&b);
	assert_non_null(strstr(b.s, "DTEND;VALUE=DATE:20260101\r\n"));
	assert_non_null(strstr(b.s, "TZID:Asia/Tokyo\r\n"));
	struct ctl_reader *r = open_text(b.s);
	assert_int_equal(ical_next(r, NULL, &back, &got, &err), TSU_OK);
	assert_string_equal(back.date, "2025-12-31");
	assert_int_equal(ical_next(r, NULL, &back, &got, &err), TSU_OK);
	assert_string_equal(back.x_status, "保留");
	assert_string_equal(back.due, "2026-02-01");
	ical_clear(&back);
	ctl_close(r);
	sbuf_free(&b);
}

static void test_hhmm(void **state)
{
	char t[6];

	assert_true(ical_parse_hhmm("9:05", t));
	assert_string_equal(t, "09:05");
	assert_true(ical_parse_hhmm("10時30分", t));
	assert_string_equal(t, "10:30");
	assert_true(ical_parse_hhmm("1400", t));
	assert_string_equal(t, "14:00");
	assert_false(ical_parse_hhmm("午後", t));
	assert_false(ical_parse_hhmm("25:00", t));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vcard30_quoted_printable),
		cmocka_unit_test(test_vcard40_folding_and_org),
		cmocka_unit_test(test_vcard_two_orgs_without_name),
		cmocka_unit_test(test_vcard21_photo),
		cmocka_unit_test(test_vcard_errors),
		cmocka_unit_test(test_vcard_real_writers),
		cmocka_unit_test(test_vcard_write_roundtrip),
		cmocka_unit_test(test_ical_read),
		cmocka_unit_test(test_ical_errors),
		cmocka_unit_test(test_ical_zones_and_rules),
		cmocka_unit_test(test_ical_notes_head),
		cmocka_unit_test(test_ical_write),
		cmocka_unit_test(test_hhmm),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
