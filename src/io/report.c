/* Reports (report.h): the kinds table, the format by extension, the
 * footer, and the output file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "tsunagu/clock.h"
#include "tsunagu/consent.h"
#include "tsunagu/entity.h"
#include "tsunagu/outfile.h"
#include "tsunagu/outguard.h"
#include "tsunagu/report_kinds.h"
#include "tsunagu/sanitize.h"
#include "tsunagu/utf8.h"

/* The kinds.  A new kind: one line here, its builder in
 * src/io/report_KIND.c declared in report_kinds.h. */
static const struct {
	struct report_kind k;
	report_build_fn build;
} kinds[] = {
	{{"karte", "地域カルテ", "カルテ", REPORT_USES_AREA}, report_karte},
	{{"log", "支援経過記録", "支援経過記録", REPORT_USES_TASK | REPORT_AREA_SUBJECT}, report_log},
	{{"cases", "支援ケース一覧", "ケース一覧", REPORT_USES_AREA | REPORT_USES_PERIOD}, report_cases},
	{{"activity", "活動報告", "活動報告", REPORT_USES_AREA | REPORT_USES_PERIOD}, report_activity},
	{{"handover", "引継ぎ", "引継ぎ", REPORT_USES_AREA}, report_handover},
};

#define NKINDS (sizeof(kinds) / sizeof(kinds[0]))

bool report_kind_at(size_t i, struct report_kind *k)
{
	if (i >= NKINDS)
		return false;
	*k = kinds[i].k;
	return true;
}

bool report_kind_find(const char *word, struct report_kind *k)
{
	for (size_t i = 0; word && i < NKINDS; i++) {
		if (strcmp(word, kinds[i].k.kind) == 0) {
			*k = kinds[i].k;
			return true;
		}
	}
	return false;
}

enum tsu_status report_format_of(const char *path, enum report_format *out,
				 struct tsu_error *err)
{
	const char *dot = path ? strrchr(path, '.') : NULL;

	if (dot && strchr(dot, '/') == NULL) {
		if (strcasecmp(dot, ".html") == 0 || strcasecmp(dot, ".htm") == 0)
			return *out = REPORT_HTML, TSU_OK;
		if (strcasecmp(dot, ".csv") == 0)
			return *out = REPORT_CSV, TSU_OK;
		if (strcasecmp(dot, ".md") == 0)
			return *out = REPORT_MD, TSU_OK;
	}
	return tsu_fail(err, TSU_USAGE,
			"%s: 書き出す形式がわかりません。ファイル名の末尾を .html (印刷用)、.csv (Excel)、.md (Markdown) のどれかにしてください",
			path ? path : "");
}

void report_contact(const struct record *party, struct sbuf *out)
{
	const struct entity_def *e = party->def;
	bool any = false;

	if (!consent_record_allowed(party))
		return;
	for (int i = 0; i < e->nfields; i++) {
		const char *v = party->values[i];
		if (!(e->fields[i].flags & FIELD_CONTACT) || !v || !*v)
			continue;
		sbuf_addf(out, "%s%s %s", any ? " / " : "", e->fields[i].label, v);
		any = true;
	}
}

const char *report_time(const struct report_options *opt, const char *iso, char *buf, size_t n)
{
	return localtime_format(iso, opt->date_style, buf, n);
}

const char *report_date(const struct report_options *opt, const char *iso, char *buf, size_t n)
{
	return localtime_date(iso, opt->date_style, buf, n);
}

bool report_in_period(const struct report_options *opt, const char *d)
{
	if (!d || !*d)
		return !opt->from && !opt->to;
	if (opt->from && strncmp(d, opt->from, 10) < 0)
		return false;
	if (opt->to && strncmp(d, opt->to, 10) > 0)
		return false;
	return true;
}

char *report_name_of(struct store *st, const char *entity, const char *id)
{
	const struct entity_def *e = entity_find(entity);
	struct record *r = NULL;
	char *name;

	if (!id || !*id || !e || store_get(st, entity, id, false, &r, NULL) != TSU_OK)
		return xstrdup("");
	name = xstrdup(record_get(r, e->title_field) ? record_get(r, e->title_field) : "");
	record_free(r);
	return name;
}

void report_footer(struct store *st, const struct report_options *opt, struct rdoc *d)
{
	char iso[32], when[LOCALTIME_MAX];

	clock_iso(clock_now_ms(), iso, sizeof(iso));
	localtime_format(iso, opt->date_style, when, sizeof(when));
	rdoc_footer(d, store_author(st) ? store_author(st) : "", when);
}

static enum tsu_status render(struct rdoc *d, enum report_format f, const char *path,
			      const struct report_options *opt, struct tsu_error *err)
{
	struct sbuf text = {0};
	struct outfile *o;
	enum io_encoding enc = f == REPORT_CSV && opt->encoding == IO_ENC_CP932 ? IO_ENC_CP932
									      : IO_ENC_UTF8;
	int32_t bad;
	enum tsu_status rc;

	if (f == REPORT_HTML)
		rdoc_html(d, &text);
	else if (f == REPORT_CSV)
		rdoc_csv(d, &text);
	else
		rdoc_markdown(d, &text);
	rc = outfile_open(path, enc, f == REPORT_CSV, &o, err);
	if (rc == TSU_OK) {
		rc = outfile_write(o, text.s ? text.s : "", text.len, &bad, err);
		if (rc == TSU_ENCODING)
			rc = report_cp932_fail(err, "レポート", text.s, bad);
		if (rc == TSU_OK)
			rc = outfile_commit(o, err);
		else
			outfile_abort(o);
	}
	sbuf_free(&text);
	return rc;
}

enum tsu_status report_write(struct store *st, const char *kind, const char *path,
			     const struct report_options *opt, struct tsu_error *err)
{
	enum report_format f = REPORT_MD;
	bool to_file = path && strcmp(path, "-") != 0;
	enum tsu_status rc;

	for (size_t i = 0; i < NKINDS; i++) {
		if (strcmp(kind, kinds[i].k.kind) != 0)
			continue;
		if (to_file && (rc = report_format_of(path, &f, err)) != TSU_OK)
			return rc;
		if (opt->encoding == IO_ENC_CP932 && f != REPORT_CSV)
			return tsu_fail(err, TSU_USAGE, "--encoding cp932 は .csv のときだけ使えます (HTML と Markdown は UTF-8 です)");
		if (to_file && (rc = outguard_check(path, store_path(st), opt->force, err)) != TSU_OK)
			return rc;
		struct rdoc *d = rdoc_new(kinds[i].k.title);
		rc = kinds[i].build(st, opt, d, err);
		if (rc == TSU_OK) {
			report_footer(st, opt, d);
			rc = render(d, f, to_file ? path : NULL, opt, err);
		}
		rdoc_free(d);
		return rc;
	}
	struct sbuf names = {0};
	for (size_t i = 0; i < NKINDS; i++)
		sbuf_addf(&names, "%s%s (%s)", i ? "、" : "", kinds[i].k.kind, kinds[i].k.title);
	rc = tsu_fail(err, TSU_USAGE, "レポートの種類 %s はありません。種類: %s", kind, names.s);
	sbuf_free(&names);
	return rc;
}

/* Where a cell or line of the written text starts or ends. */
static bool context_stop(int32_t cp)
{
	return cp == '\n' || cp == ',' || cp == '|' || cp == '\t' || cp == '"';
}

/* Up to 12 characters either side of the first bad, within its cell. */
static void bad_context(const char *text, int32_t bad, struct sbuf *out)
{
	char enc[5] = {0};
	size_t n = utf8_encode(bad, enc);
	const char *at = text && n ? strstr(text, enc) : NULL;
	const char *from, *to;
	int k;

	if (!at)
		return;
	for (from = at, k = 0; from > text && k < 12; k++) {
		const char *p = from - 1;
		int32_t cp;
		while (p > text && ((unsigned char)*p & 0xC0) == 0x80)
			p--;
		utf8_decode(p, (size_t)(from - p), &cp);
		if (context_stop(cp))
			break;
		from = p;
	}
	for (to = at + n, k = 0; *to && k < 12; k++) {
		int32_t cp;
		size_t m = utf8_decode(to, strlen(to), &cp);
		if (context_stop(cp))
			break;
		to += m;
	}
	while (*from == ' ')
		from++;
	while (to > from && to[-1] == ' ')
		to--;
	sbuf_addn(out, from, (size_t)(to - from));
}

enum tsu_status report_cp932_fail(struct tsu_error *err, const char *what, const char *text,
				  int32_t bad)
{
	struct sbuf where = {0};
	char ch[5] = {0};
	bool selector = (bad >= 0xFE00 && bad <= 0xFE0F) || (bad >= 0xE0100 && bad <= 0xE01EF);
	enum tsu_status rc;

	utf8_encode(bad, ch);
	bad_context(text, bad, &where);
	char *shown = text_sanitize(sbuf_str(&where), 0);
	if (selector)
		rc = tsu_fail(err, TSU_ENCODING,
			      "%sにある異体字セレクタ (U+%04X、前の字の字形の指定) は CP932 で表せません"
			      "（「%s」のところ）。--encoding utf-8 で書き出してください",
			      what, (unsigned)bad, shown);
	else
		rc = tsu_fail(err, TSU_ENCODING,
			      "%sにある文字「%s」(U+%04X) は CP932 で表せません（「%s」のところ）。"
			      "--encoding utf-8 で書き出してください",
			      what, ch, (unsigned)bad, shown);
	free(shown);
	sbuf_free(&where);
	return rc;
}
