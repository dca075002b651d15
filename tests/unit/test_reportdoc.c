/* The report document model and its renderers (src/io/reportdoc.c):
 * HTML escaping and structure, page breaks, numeric cells, Markdown
 * tables with line breaks, CSV with one and with several tables. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "tsunagu/reportdoc.h"

static struct rdoc *sample(bool two_tables)
{
	struct rdoc *d = rdoc_new("地域カルテ <諏訪> & \"テスト\"");
	rdoc_heading(d, 2, "諏訪中学区", true);
	rdoc_kv(d, "担当", "山田 太郎");
	rdoc_kv(d, "区分", "A");
	rdoc_para(d, "一行目\n二行目 <b>");
	rdoc_table(d, NULL, 3, (const char *[]){"町丁目", "人口", "高齢化率"});
	rdoc_row(d, (const char *[]){"諏訪1丁目", "1000", "25.0%"});
	rdoc_rowf(d, "%s\t%d\t%s", "a|b\nc", 800, "");
	if (two_tables) {
		rdoc_heading(d, 2, "青陵中学区", true);
		rdoc_table(d, "行事", 2, (const char *[]){"行事", "人数"});
		rdoc_row(d, (const char *[]){"サロン, 春", "12"});
	}
	rdoc_footer(d, "山田 太郎", "2026-12-05 00:30");
	return d;
}

static void html(void **state)
{
	(void)state;
	struct rdoc *d = sample(true);
	struct sbuf o = {0};
	rdoc_html(d, &o);
	assert_non_null(strstr(o.s, "<meta charset=\"utf-8\">"));
	assert_non_null(strstr(o.s, "@page { size: A4"));
	assert_non_null(strstr(o.s, "sans-serif"));
	assert_non_null(strstr(o.s, "<h1>地域カルテ &lt;諏訪&gt; &amp; &quot;テスト&quot;</h1>"));
	/* the first heading starts no page; the second does */
	assert_non_null(strstr(o.s, "<h2>諏訪中学区</h2>"));
	assert_non_null(strstr(o.s, "<h2 class=\"newpage\">青陵中学区</h2>"));
	assert_non_null(strstr(o.s, "<p>一行目\n二行目 &lt;b&gt;</p>"));
	assert_non_null(strstr(o.s, "<dl>\n<dt>担当</dt><dd>山田 太郎</dd>\n<dt>区分</dt><dd>A</dd>\n</dl>"));
	assert_non_null(strstr(o.s, "<thead><tr><th>町丁目</th><th>人口</th><th>高齢化率</th></tr></thead>"));
	assert_non_null(strstr(o.s, "<td>諏訪1丁目</td><td class=\"num\">1000</td><td class=\"num\">25.0%</td>"));
	assert_non_null(strstr(o.s, "<footer>作成者: 山田 太郎　作成日時: 2026-12-05 00:30"));
	assert_null(strstr(o.s, "<b>"));
	assert_null(strstr(o.s, "http"));
	sbuf_free(&o);
	rdoc_free(d);
}

static void markdown(void **state)
{
	(void)state;
	struct rdoc *d = sample(true);
	struct sbuf o = {0};
	rdoc_markdown(d, &o);
	assert_non_null(strstr(o.s, "# 地域カルテ &lt;諏訪> &amp; \"テスト\"\n"));
	assert_non_null(strstr(o.s, "\n## 諏訪中学区\n"));
	assert_non_null(strstr(o.s, "\n---\n\n## 青陵中学区\n"));
	assert_non_null(strstr(o.s, "| 町丁目 | 人口 | 高齢化率 |\n|---|---:|---:|\n"));
	assert_non_null(strstr(o.s, "| 諏訪1丁目 | 1000 | 25.0% |\n"));
	assert_non_null(strstr(o.s, "| a\\|b<br>c | 800 |  |\n"));
	assert_non_null(strstr(o.s, "- 担当: 山田 太郎\n"));
	assert_non_null(strstr(o.s, "作成者: 山田 太郎　作成日時: 2026-12-05 00:30"));
	sbuf_free(&o);
	rdoc_free(d);
}

/* A column left empty in every row (備考 not yet written) is text, not a
 * figure: Markdown aligns it left. */
static void empty_column_is_left(void **state)
{
	(void)state;
	struct rdoc *d = rdoc_new("ケース一覧");
	rdoc_table(d, NULL, 3, (const char *[]){"件名", "件数", "備考"});
	rdoc_row(d, (const char *[]){"見守り", "3", ""});
	rdoc_row(d, (const char *[]){"配食", "12", ""});
	struct sbuf o = {0};
	rdoc_markdown(d, &o);
	assert_non_null(strstr(o.s, "| 件名 | 件数 | 備考 |\n|---|---:|---|\n"));
	sbuf_free(&o);
	rdoc_free(d);
}

static void csv(void **state)
{
	(void)state;
	struct rdoc *d = sample(false);
	struct sbuf o = {0};
	rdoc_csv(d, &o);
	/* one table: the table alone, then the footer after a blank row */
	assert_string_equal(o.s, "町丁目,人口,高齢化率\r\n諏訪1丁目,1000,25.0%\r\n\"a|b\nc\",800,\r\n"
				 "\r\n作成者: 山田 太郎,作成日時: 2026-12-05 00:30\r\n");
	sbuf_free(&o);
	rdoc_free(d);
	d = sample(true);
	rdoc_csv(d, &o);
	/* several: each under its title row, a blank row between */
	assert_string_equal(o.s, "諏訪中学区\r\n町丁目,人口,高齢化率\r\n諏訪1丁目,1000,25.0%\r\n"
				 "\"a|b\nc\",800,\r\n\r\n行事\r\n行事,人数\r\n\"サロン, 春\",12\r\n"
				 "\r\n作成者: 山田 太郎,作成日時: 2026-12-05 00:30\r\n");
	sbuf_free(&o);
	rdoc_free(d);
}

static void numbers(void **state)
{
	(void)state;
	assert_true(rdoc_is_number("1029"));
	assert_true(rdoc_is_number("1,029"));
	assert_true(rdoc_is_number("6.9%"));
	assert_true(rdoc_is_number("-3"));
	assert_false(rdoc_is_number("12人"));
	assert_false(rdoc_is_number("2024-01-01"));
	assert_false(rdoc_is_number("%"));
	assert_false(rdoc_is_number(""));
	assert_false(rdoc_is_number(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(html),
		cmocka_unit_test(markdown),
		cmocka_unit_test(empty_column_is_left),
		cmocka_unit_test(csv),
		cmocka_unit_test(numbers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
