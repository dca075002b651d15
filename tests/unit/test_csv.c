/* CSV reader, encodings and cell values (src/io/csv.c, encoding.c, csvcell.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <iconv.h>
#include "tsunagu/csv.h"
#include "tsunagu/csvcell.h"
#include "tsunagu/encoding.h"

/* A reader over bytes held in a temporary file (fmemopen has no fd). */
static struct csv_reader *open_bytes(const char *bytes, size_t len, enum io_encoding enc,
				     enum tsu_status *st, struct tsu_error *err)
{
	FILE *fp = tmpfile();
	struct csv_reader *r = NULL;

	assert_non_null(fp);
	assert_int_equal(fwrite(bytes, 1, len, fp), len);
	rewind(fp);
	*st = csv_open_fp(fp, "t.csv", enc, &r, err);
	return r;
}

#define OPEN(lit, enc, st, err) open_bytes(lit, sizeof(lit) - 1, enc, st, err)

/* Reads every row; returns the status of the first failure. */
static enum tsu_status read_all(struct csv_reader *r, int *rows, struct tsu_error *err)
{
	const struct csv_row *row;
	enum tsu_status st;

	*rows = 0;
	while ((st = csv_next(r, &row, err)) == TSU_OK && row)
		(*rows)++;
	return st;
}

static void test_utf8_bom_crlf_quotes(void **state)
{
	struct tsu_error err = {0};
	enum tsu_status st;
	struct csv_reader *r = OPEN("\xEF\xBB\xBF名前,備考,数\r\n"
				    "\"山田, 太郎\",\"一行目\r\n二行目 \"\"引用\"\"\",\"1,029\"\r\n"
				    "\r\n"
				    "鈴木,,\r\n", IO_ENC_AUTO, &st, &err);
	const struct csv_row *row;

	assert_int_equal(st, TSU_OK);
	assert_int_equal(csv_encoding(r), IO_ENC_UTF8);
	assert_int_equal(csv_next(r, &row, &err), TSU_OK);
	assert_int_equal(row->n, 3);
	assert_string_equal(row->f[0], "名前");
	assert_int_equal(row->line, 1);
	assert_int_equal(csv_next(r, &row, &err), TSU_OK);
	assert_string_equal(row->f[0], "山田, 太郎");
	assert_string_equal(row->f[1], "一行目\n二行目 \"引用\"");
	assert_string_equal(row->f[2], "1,029");
	assert_int_equal(row->line, 2);
	assert_int_equal(csv_next(r, &row, &err), TSU_OK);
	assert_int_equal(row->line, 5);  /* the empty line 4 is skipped */
	assert_int_equal(row->n, 3);
	assert_string_equal(row->f[0], "鈴木");
	assert_string_equal(row->f[2], "");
	assert_int_equal(csv_next(r, &row, &err), TSU_OK);
	assert_null(row);
	csv_close(r);
}

static void test_cp932_detected(void **state)
{
	struct tsu_error err = {0};
	enum tsu_status st;
	/* 名前,電話 / 山田　太郎,"０３－１２３４" / 髙橋,～① (NEC and IBM forms of 髙) */
	struct csv_reader *r = OPEN("\x96\xbc\x91\x4f\x2c\x93\x64\x98\x62\x0d\x0a"
		"\x8e\x52\x93\x63\x81\x40\x91\xbe\x98\x59\x2c\x22\x82\x4f\x82\x52\x81\x7c"
		"\x82\x50\x82\x51\x82\x52\x82\x53\x22\x0d\x0a"
		"\xee\xe0\x8b\xb4\x2c\x81\x60\x87\x40\xfb\xfc", IO_ENC_AUTO, &st, &err);
	const struct csv_row *row;

	assert_int_equal(st, TSU_OK);
	assert_int_equal(csv_encoding(r), IO_ENC_CP932);
	assert_int_equal(csv_next(r, &row, &err), TSU_OK);
	assert_string_equal(row->f[1], "電話");
	assert_int_equal(csv_next(r, &row, &err), TSU_OK);
	assert_string_equal(row->f[0], "山田　太郎");
	assert_string_equal(row->f[1], "０３－１２３４");
	assert_int_equal(csv_next(r, &row, &err), TSU_OK);
	assert_string_equal(row->f[0], "髙橋");
	assert_string_equal(row->f[1], "～①髙");
	csv_close(r);
}

static void test_lone_cr_and_lf(void **state)
{
	struct tsu_error err = {0};
	enum tsu_status st;
	struct csv_reader *r = OPEN("a,b\rc,d\ne,\"f\r\ng\"", IO_ENC_UTF8, &st, &err);
	const struct csv_row *row;

	assert_int_equal(csv_next(r, &row, &err), TSU_OK);
	assert_int_equal(csv_next(r, &row, &err), TSU_OK);
	assert_string_equal(row->f[0], "c");
	assert_int_equal(row->line, 2);
	assert_int_equal(csv_next(r, &row, &err), TSU_OK);
	assert_string_equal(row->f[1], "f\ng");
	assert_int_equal(row->line, 3);
	assert_int_equal(csv_next(r, &row, &err), TSU_OK);
	assert_null(row);
	csv_close(r);
}

static void test_sep_line(void **state)
{
	struct tsu_error err = {0};
	enum tsu_status st;
	const struct csv_row *row;
	struct csv_reader *r = OPEN("sep=,\r\n名前,電話\r\n", IO_ENC_AUTO, &st, &err);

	assert_int_equal(csv_next(r, &row, &err), TSU_OK);
	assert_string_equal(row->f[0], "名前");
	assert_int_equal(row->line, 2);
	csv_close(r);
	r = OPEN("sep=;\n名前;電話\n", IO_ENC_AUTO, &st, &err);
	assert_int_equal(csv_next(r, &row, &err), TSU_INVALID);
	assert_non_null(strstr(err.msg, "t.csv:1: "));
	csv_close(r);
}

static void test_broken_quotes(void **state)
{
	struct tsu_error err = {0};
	enum tsu_status st;
	int rows;
	struct csv_reader *r;

	r = OPEN("a,b\nc,d\n\"e\"x,f\ng,h\n", IO_ENC_UTF8, &st, &err);
	assert_int_equal(read_all(r, &rows, &err), TSU_INVALID);
	assert_non_null(strstr(err.msg, "t.csv:3: "));
	csv_close(r);

	/* unclosed: reported where it opened, not at the end of the file */
	r = OPEN("a,b\nc,\"d\ne,f\ng,h\n", IO_ENC_UTF8, &st, &err);
	assert_int_equal(read_all(r, &rows, &err), TSU_INVALID);
	assert_non_null(strstr(err.msg, "t.csv:2: "));
	csv_close(r);

	/* unclosed, then a later quote closes it in the wrong place */
	r = OPEN("a,b\nc,\"d\ne,f\n\"g\",h\n", IO_ENC_UTF8, &st, &err);
	assert_int_equal(read_all(r, &rows, &err), TSU_INVALID);
	assert_non_null(strstr(err.msg, "t.csv:2: "));
	csv_close(r);

	r = OPEN("a,b\nc,d\"d\n", IO_ENC_UTF8, &st, &err);
	assert_int_equal(read_all(r, &rows, &err), TSU_INVALID);
	assert_non_null(strstr(err.msg, "t.csv:2: "));
	csv_close(r);

	/* spaces around a quoted field are tolerated */
	r = OPEN("a, \"b\" ,c\n", IO_ENC_UTF8, &st, &err);
	assert_int_equal(read_all(r, &rows, &err), TSU_OK);
	assert_int_equal(rows, 1);
	csv_close(r);
}

static void test_undecodable(void **state)
{
	struct tsu_error err = {0};
	enum tsu_status st;
	int rows;
	struct csv_reader *r;

	r = OPEN("名前\n山\xff田\n", IO_ENC_UTF8, &st, &err);
	assert_int_equal(read_all(r, &rows, &err), TSU_ENCODING);
	assert_non_null(strstr(err.msg, "t.csv:2: "));
	assert_non_null(strstr(err.msg, "0xFF"));
	csv_close(r);

	/* neither UTF-8 nor CP932: 0x81 0x20 has no valid trail byte */
	r = OPEN("a\nb\nc\x81\x20\n", IO_ENC_AUTO, &st, &err);
	assert_int_equal(read_all(r, &rows, &err), TSU_ENCODING);
	assert_non_null(strstr(err.msg, "t.csv:3: "));
	csv_close(r);

	/* forced UTF-8 on CP932 bytes */
	r = OPEN("ok\n\x8e\x52\x93\x63\n", IO_ENC_UTF8, &st, &err);
	assert_int_equal(read_all(r, &rows, &err), TSU_ENCODING);
	assert_non_null(strstr(err.msg, "t.csv:2: "));
	csv_close(r);
}

/* Multi-byte characters across the 64 KiB chunk boundaries. */
static void chunked(const char *iconv_to, enum io_encoding expect)
{
	struct sbuf b = {0}, enc = {0};
	struct tsu_error err = {0};
	struct enc_cp932 e = {0};
	int32_t bad;
	enum tsu_status st;
	const struct csv_row *row;
	int n = 0;

	for (int i = 0; i < 20000; i++)
		sbuf_addf(&b, "%d,日本語の「テキスト」,\"複数\n行\"\r\n", i);
	if (iconv_to)
		assert_int_equal(enc_to_cp932(&e, b.s, b.len, &enc, &bad, &err), TSU_OK);
	else
		sbuf_add(&enc, b.s);
	struct csv_reader *r = open_bytes(enc.s, enc.len, IO_ENC_AUTO, &st, &err);
	assert_int_equal(csv_encoding(r), expect);
	while ((st = csv_next(r, &row, &err)) == TSU_OK && row) {
		assert_int_equal(row->n, 3);
		assert_int_equal(atoi(row->f[0]), n);
		assert_string_equal(row->f[1], "日本語の「テキスト」");
		assert_string_equal(row->f[2], "複数\n行");
		assert_int_equal(row->line, 2 * n + 1);
		n++;
	}
	assert_int_equal(st, TSU_OK);
	assert_int_equal(n, 20000);
	csv_close(r);
	enc_cp932_free(&e);
	sbuf_free(&b);
	sbuf_free(&enc);
}

static void test_chunk_boundaries(void **state)
{
	chunked(NULL, IO_ENC_UTF8);
	chunked("CP932", IO_ENC_CP932);
}

/* s (UTF-8) as UTF-16 in `charset` ("UTF-16LE" or "UTF-16BE") after its
 * byte order mark, as Excel's 「Unicode テキスト」 is written. */
static void to_utf16(const char *s, size_t len, const char *charset, struct sbuf *out)
{
	iconv_t cd = iconv_open(charset, "UTF-8");
	size_t cap = len * 2 + 2;
	char *buf = malloc(cap), *inp = (char *)s, *outp = buf;
	size_t inleft = len, outleft = cap;

	assert_true(cd != (iconv_t)-1);
	assert_non_null(buf);
	assert_int_equal(iconv(cd, &inp, &inleft, &outp, &outleft), 0);
	sbuf_addn(out, strcmp(charset, "UTF-16LE") == 0 ? "\xff\xfe" : "\xfe\xff", 2);
	sbuf_addn(out, buf, cap - outleft);
	iconv_close(cd);
	free(buf);
}

/* Excel's 「Unicode テキスト」: UTF-16 with a byte order mark, tabs, CRLF,
 * a quoted cell with a line break, a tab and doubled quotes, a comma in a
 * cell; a character outside the BMP (a surrogate pair). */
static void test_utf16_text(void **state)
{
	static const char text[] = "名前\tよみ\t備考\r\n"
				   "𠮷田 和子\tよしだ かずこ\t\"見守り、\"\"配食\"\"\n（月・木）\"\r\n"
				   "桜ヶ丘サロン\tさくらがおか\t会場: 集会所, 第2水曜\r\n"
				   "小林 道子\tこばやし\t\"持ち物:\t筆記用具\"\r\n";
	const char *charsets[] = {"UTF-16LE", "UTF-16BE"};
	const enum io_encoding want[] = {IO_ENC_UTF16LE, IO_ENC_UTF16BE};

	for (int k = 0; k < 2; k++) {
		struct sbuf b = {0};
		struct tsu_error err = {0};
		enum tsu_status st;
		const struct csv_row *row;

		to_utf16(text, sizeof(text) - 1, charsets[k], &b);
		/* the mark wins over an encoding asked for */
		struct csv_reader *r = open_bytes(b.s, b.len, k ? IO_ENC_UTF8 : IO_ENC_AUTO, &st, &err);
		assert_int_equal(st, TSU_OK);
		assert_int_equal(csv_encoding(r), want[k]);
		assert_int_equal(csv_next(r, &row, &err), TSU_OK);
		assert_int_equal(row->n, 3);
		assert_string_equal(row->f[0], "名前");
		assert_int_equal(csv_next(r, &row, &err), TSU_OK);
		assert_int_equal(row->n, 3);
		assert_string_equal(row->f[0], "𠮷田 和子");
		assert_string_equal(row->f[2], "見守り、\"配食\"\n（月・木）");
		assert_int_equal(csv_next(r, &row, &err), TSU_OK);
		assert_int_equal(row->line, 4);
		assert_int_equal(row->n, 3);
		assert_string_equal(row->f[2], "会場: 集会所, 第2水曜");
		assert_int_equal(csv_next(r, &row, &err), TSU_OK);
		assert_string_equal(row->f[2], "持ち物:\t筆記用具");
		assert_int_equal(csv_next(r, &row, &err), TSU_OK);
		assert_null(row);
		csv_close(r);
		sbuf_free(&b);
	}
}

/* A broken UTF-16 file is refused naming the line: an odd byte at the
 * end, a surrogate without its partner (alone, before another character,
 * or cut by the end of the file). */
static void test_utf16_broken(void **state)
{
	static const struct {
		const char *tail;
		size_t len;
		const char *msg;
	} bad[] = {
		{"x", 1, "t.csv:3: ファイルの終わりで UTF-16LE の文字が途切れています（バイト数が奇数です）"},
		{"\x00\xdc" "a\0", 4, "t.csv:3: UTF-16LE として読めない文字があります（対になっていないサロゲート U+DC00）"},
		{"\x3d\xd8" "a\0", 4, "t.csv:3: UTF-16LE として読めない文字があります（対になっていないサロゲート U+D83D）"},
		{"\x3d\xd8", 2, "t.csv:3: ファイルの終わりで UTF-16LE の文字が途切れています（サロゲート U+D83D の対がありません）"},
	};
	static const char text[] = "名前,よみ\r\n山田,やまだ\r\n鈴木,";

	for (size_t k = 0; k < sizeof(bad) / sizeof(bad[0]); k++) {
		struct sbuf b = {0};
		struct tsu_error err = {0};
		enum tsu_status st;
		int rows;

		to_utf16(text, sizeof(text) - 1, "UTF-16LE", &b);
		sbuf_addn(&b, bad[k].tail, bad[k].len);
		struct csv_reader *r = open_bytes(b.s, b.len, IO_ENC_AUTO, &st, &err);
		assert_int_equal(st, TSU_OK);
		assert_int_equal(read_all(r, &rows, &err), TSU_ENCODING);
		assert_string_equal(err.msg, bad[k].msg);
		csv_close(r);
		sbuf_free(&b);
	}
}

/* Surrogate pairs and line breaks across the 64 KiB chunks of UTF-16
 * (four of the chunks end between the two halves of a pair). */
static void test_utf16_chunks(void **state)
{
	struct sbuf b = {0}, enc = {0};
	struct tsu_error err = {0};
	enum tsu_status st;
	const struct csv_row *row;
	int n = 0;

	for (int i = 0; i < 20000; i++)
		sbuf_addf(&b, "%d\t𠮷野𠮷の「𠀋」𠮷\t\"複数\r\n𠮷行\"\r\n", i);
	to_utf16(b.s, b.len, "UTF-16LE", &enc);
	struct csv_reader *r = open_bytes(enc.s, enc.len, IO_ENC_AUTO, &st, &err);
	assert_int_equal(st, TSU_OK);
	while ((st = csv_next(r, &row, &err)) == TSU_OK && row) {
		assert_int_equal(row->n, 3);
		assert_int_equal(atoi(row->f[0]), n);
		assert_string_equal(row->f[1], "𠮷野𠮷の「𠀋」𠮷");
		assert_string_equal(row->f[2], "複数\n𠮷行");
		assert_int_equal(row->line, 2 * n + 1);
		n++;
	}
	assert_int_equal(st, TSU_OK);
	assert_int_equal(n, 20000);
	csv_close(r);
	sbuf_free(&b);
	sbuf_free(&enc);
}

static void test_cp932_encode(void **state)
{
	struct enc_cp932 e = {0};
	struct sbuf out = {0};
	struct tsu_error err = {0};
	int32_t bad;

	assert_int_equal(enc_to_cp932(&e, "髙①～－〜", strlen("髙①～－〜"), &out, &bad, &err),
			 TSU_OK);
	assert_memory_equal(out.s, "\xfb\xfc\x87\x40\x81\x60\x81\x7c\x81\x60", 10);
	sbuf_reset(&out);
	assert_int_equal(enc_to_cp932(&e, "吉田𠮷野", strlen("吉田𠮷野"), &out, &bad, &err),
			 TSU_ENCODING);
	assert_int_equal(bad, 0x20BB7);
	assert_int_equal(out.len, 0);
	enc_cp932_free(&e);
	sbuf_free(&out);
}

static void check_number(const char *in, const char *want, bool want_ok)
{
	bool ok;
	char *got = csv_cell_number(in, &ok);

	assert_int_equal(ok, want_ok);
	if (want)
		assert_string_equal(got, want);
	else
		assert_null(got);
	free(got);
}

static void test_numbers(void **state)
{
	check_number("1,029", "1029", true);
	check_number("１，０２９", "1029", true);
	check_number("　12,345,678 ", "12345678", true);
	check_number("-", "0", true);
	check_number("－", "0", true);
	check_number("", NULL, true);
	check_number("X", NULL, true);
	check_number("35.6", "35.6", true);
	check_number("△5", "-5", true);
	check_number("12,34", NULL, false);
	check_number("1,0290", NULL, false);
	check_number("abc", NULL, false);
}

static void check_phone(const char *in, const char *want)
{
	char *got = csv_cell_phone(in);
	assert_string_equal(got, want);
	free(got);
}

/* the dashes an IME or a word processor puts between the parts of a
 * number; a long-vowel mark in a word stays */
static void test_phones(void **state)
{
	check_phone("０４２ー３７４ー１２３４", "042-374-1234");
	check_phone("042‐374‐1234", "042-374-1234");
	check_phone("042−374−1234", "042-374-1234");
	check_phone("（０４２）―３７４―５５５５", "(042)-374-5555");
	check_phone(" ０９０－１１１１－２２２２ ", "090-1111-2222");
	check_phone("042-371-3333（センター）", "042-371-3333(センター)");
	check_phone("ー042", "ー042");
	check_phone("", "");
}

static void test_header_keys(void **state)
{
	char *a = csv_header_key("料金（基本）"), *b = csv_header_key(" 料金 (基本)");
	char *c = csv_header_key("料金【基本】"), *d = csv_header_key("ＰＯＩコード");
	char *keys[] = {a, d};

	assert_string_equal(a, b);
	assert_string_equal(a, c);
	assert_string_equal(d, "poiコード");
	assert_int_equal(csv_header_find(keys, 2, "POIコード"), 1);
	assert_int_equal(csv_header_find(keys, 2, "料金(基本)"), 0);
	assert_int_equal(csv_header_find(keys, 2, "名称"), -1);
	free(a);
	free(b);
	free(c);
	free(d);
}

static void test_write_fields(void **state)
{
	struct sbuf b = {0};

	csv_put_field(&b, "山田");
	csv_put_sep(&b);
	csv_put_field(&b, "a,\"b\"\nc");
	csv_put_sep(&b);
	csv_put_field(&b, NULL);
	csv_end_row(&b);
	assert_string_equal(b.s, "山田,\"a,\"\"b\"\"\nc\",\r\n");
	sbuf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_bom_crlf_quotes),
		cmocka_unit_test(test_cp932_detected),
		cmocka_unit_test(test_lone_cr_and_lf),
		cmocka_unit_test(test_sep_line),
		cmocka_unit_test(test_broken_quotes),
		cmocka_unit_test(test_undecodable),
		cmocka_unit_test(test_chunk_boundaries),
		cmocka_unit_test(test_utf16_text),
		cmocka_unit_test(test_utf16_broken),
		cmocka_unit_test(test_utf16_chunks),
		cmocka_unit_test(test_cp932_encode),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_phones),
		cmocka_unit_test(test_header_keys),
		cmocka_unit_test(test_write_fields),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
