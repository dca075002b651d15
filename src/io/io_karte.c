/* 地域カルテ report.  Each section is one walk over one entity. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tsunagu/clock.h"
#include "tsunagu/io_karte.h"
#include "tsunagu/utf8.h"

struct karte {
	struct io_ctx *c;
	struct sbuf *out;
	long pop, old, households, ndistricts, n;
	bool old_known;
	const char *section;   /* karte items: the section being written */
};

/* Cell text with the characters that would break a Markdown table row
 * replaced. */
static void cell(struct sbuf *b, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '|')
			sbuf_add(b, "｜");
		else
			sbuf_addc(b, *s == '\n' ? ' ' : *s);
	}
}

static int district_row(void *ud, const struct record *r)
{
	struct karte *k = ud;
	const char *pop = record_get(r, "population"), *old = record_get(r, "population_65");
	const char *hh = record_get(r, "households");

	sbuf_add(k->out, "| ");
	cell(k->out, record_get(r, "name"));
	sbuf_addf(k->out, " | %s | %s | ", pop ? pop : "", old ? old : "");
	if (pop && old && atol(pop) > 0)
		sbuf_addf(k->out, "%.1f%%", 100.0 * atol(old) / atol(pop));
	sbuf_addf(k->out, " | %s | %s |\n", hh ? hh : "", record_get(r, "as_of") ? record_get(r, "as_of") : "");
	k->ndistricts++;
	if (pop && old) {
		k->pop += atol(pop);
		k->old += atol(old);
		k->old_known = true;
	}
	if (hh)
		k->households += atol(hh);
	return 0;
}

static int org_row(void *ud, const struct record *r)
{
	struct karte *k = ud;
	const char *kind = record_get(r, "kind"), *type = record_get(r, "org_type");

	if (!kind || strcmp(kind, "org") != 0)
		return 0;
	sbuf_add(k->out, "- ");
	cell(k->out, record_get(r, "name"));
	if (type)
		sbuf_addf(k->out, "（%s）", type);
	if (record_get(r, "offers")) {
		sbuf_add(k->out, " できること: ");
		cell(k->out, record_get(r, "offers"));
	}
	sbuf_addc(k->out, '\n');
	k->n++;
	return 0;
}

static int facility_row(void *ud, const struct record *r)
{
	struct karte *k = ud;

	sbuf_add(k->out, "- ");
	cell(k->out, record_get(r, "name"));
	if (record_get(r, "address")) {
		sbuf_add(k->out, "（");
		cell(k->out, record_get(r, "address"));
		sbuf_add(k->out, "）");
	}
	sbuf_addc(k->out, '\n');
	k->n++;
	return 0;
}

static int task_row(void *ud, const struct record *r)
{
	struct karte *k = ud;
	const char *status = record_get(r, "status");

	if (status && strcmp(status, "完了") == 0)
		return 0;
	sbuf_addf(k->out, "- [%s] ", status ? status : "");
	cell(k->out, record_get(r, "title"));
	if (record_get(r, "due"))
		sbuf_addf(k->out, "（期限 %s）", record_get(r, "due"));
	sbuf_addc(k->out, '\n');
	k->n++;
	return 0;
}

static int item_row(void *ud, const struct record *r)
{
	struct karte *k = ud;

	if (strcmp(record_get(r, "section") ? record_get(r, "section") : "", k->section) != 0)
		return 0;
	if (record_get(r, "title"))
		sbuf_addf(k->out, "\n### %s\n", record_get(r, "title"));
	if (record_get(r, "body"))
		sbuf_addf(k->out, "\n%s\n", record_get(r, "body"));
	return 0;
}

static int section_cb(void *ud, const char *code, const char *label)
{
	struct karte *k = ud;
	struct tsu_error e2 = {0};
	size_t before = k->out->len;

	sbuf_addf(k->out, "\n## %s（カルテ項目）\n", label);
	size_t header = k->out->len;
	k->section = code;
	store_each(k->c->st, "karte", k->c->opt->area_id, item_row, k, &e2);
	if (k->out->len == header) {
		k->out->len = before;   /* no items: leave the heading out */
		k->out->s[before] = '\0';
	}
	return 0;
}

static void text_section(struct sbuf *out, const char *title, const char *text)
{
	if (text && *text)
		sbuf_addf(out, "\n## %s\n\n%s\n", title, text);
}

/* One area; opt->area_id is narrowed to it for the walks. */
static enum tsu_status one_area(struct io_ctx *c, const struct record *area, struct sbuf *out,
				struct tsu_error *err)
{
	struct karte k = {.c = c, .out = out};
	char today[11];
	enum tsu_status st;

	clock_today(today, sizeof(today));
	sbuf_addf(out, "# 地域カルテ: %s\n\n作成日: %s\n\n## 基礎データ\n\n", record_get(area, "name"), today);
	sbuf_add(out, "| 町丁目 | 人口 | 65歳以上 | 高齢化率 | 世帯数 | 基準日 |\n|---|---:|---:|---:|---:|---|\n");
	st = store_each(c->st, "district", area->id, district_row, &k, err);
	if (st == TSU_OK && k.old_known && k.pop > 0)
		sbuf_addf(out, "\n合計: 人口 %ld 人、65歳以上 %ld 人（高齢化率 %.1f%%）、世帯数 %ld\n",
			  k.pop, k.old, 100.0 * k.old / k.pop, k.households);
	sbuf_add(out, "\n## 地域資源（団体）\n\n");
	k.n = 0;
	if (st == TSU_OK)
		st = store_each(c->st, "party", area->id, org_row, &k, err);
	sbuf_add(out, k.n ? "" : "（登録なし）\n");
	sbuf_add(out, "\n## 拠点・施設\n\n");
	k.n = 0;
	if (st == TSU_OK)
		st = store_each(c->st, "facility", area->id, facility_row, &k, err);
	sbuf_add(out, k.n ? "" : "（登録なし）\n");
	sbuf_add(out, "\n## 課題（未完了の課題・取組）\n\n");
	k.n = 0;
	if (st == TSU_OK)
		st = store_each(c->st, "task", area->id, task_row, &k, err);
	sbuf_add(out, k.n ? "" : "（なし）\n");
	if (st == TSU_OK)
		st = store_choices(c->st, "karte_section", section_cb, &k, err);
	text_section(out, "地域カルテ（概要）", record_get(area, "profile"));
	text_section(out, "地域計画", record_get(area, "plan"));
	return st;
}

struct karte_walk {
	struct io_ctx *c;
	struct outfile *o;
	struct tsu_error *err;
	enum tsu_status st;
	bool first;
};

static int area_cb(void *ud, const struct record *area)
{
	struct karte_walk *w = ud;
	struct sbuf out = {0};
	struct io_options opt = *w->c->opt;
	const struct io_options *saved = w->c->opt;
	int32_t bad;

	opt.area_id = area->id;
	w->c->opt = &opt;
	if (!w->first)
		sbuf_add(&out, "\n---\n\n");
	w->first = false;
	w->st = one_area(w->c, area, &out, w->err);
	w->c->opt = saved;
	if (w->st == TSU_OK)
		w->st = outfile_write(w->o, out.s, out.len, &bad, w->err);
	if (w->st == TSU_ENCODING) {
		char ch[5] = {0};
		utf8_encode(bad, ch);
		w->st = tsu_fail(w->err, TSU_ENCODING,
				 "エリア %s のカルテにある文字「%s」(U+%04X) は CP932 で表せません",
				 area->id, ch, (unsigned)bad);
	}
	sbuf_free(&out);
	w->c->written++;
	return w->st != TSU_OK;
}

enum tsu_status io_export_karte(struct io_ctx *c, struct outfile *o, struct tsu_error *err)
{
	struct karte_walk w = {.c = c, .o = o, .err = err, .first = true};
	enum tsu_status st = store_each(c->st, "area", c->opt->area_id, area_cb, &w, err);

	return st == TSU_OK ? w.st : st;
}
