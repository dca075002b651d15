/* The 地域カルテ report (report_kinds.h): one area, or every area with a
 * page each.  Persons appear by name and role only, never with contact
 * details: the karte is meant to be shared at area meetings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tsunagu/clock.h"
#include "tsunagu/karte.h"
#include "tsunagu/report_kinds.h"

#define RECENT_EVENTS 10

struct karte {
	struct store *st;
	const struct report_options *opt;
	struct rdoc *d;
	const char *area_id;
	int lv;                /* level of the area's section headings */
	long n;
	const char *code;      /* karte section / duty being written */
	char today[11];
	struct sbuf tmp, cap;
	const char *area_name;
	struct tsu_error *err;  /* the walk over areas: where a failure goes */
	enum tsu_status rc;
};

static const char *nz(const char *s)
{
	return s ? s : "";
}

/* A table's caption (its title row in CSV): with every area in one
 * report, led by the area's name. */
static const char *cap(struct karte *k, const char *what)
{
	sbuf_reset(&k->cap);
	if (!k->opt->area_id)
		sbuf_addf(&k->cap, "%s ", k->area_name);
	sbuf_add(&k->cap, what);
	return k->cap.s;
}

static int district_row(void *ud, const struct record *r)
{
	struct karte *k = ud;
	const char *pop = record_get(r, "population"), *old = record_get(r, "population_65");
	const char *hh = record_get(r, "households");
	char rate[16] = "";

	if (pop && old && atol(pop) > 0)
		snprintf(rate, sizeof(rate), "%.1f%%", 100.0 * atol(old) / atol(pop));
	rdoc_row(k->d, (const char *[]){record_get(r, "name"), pop, old, rate, hh,
					record_get(r, "as_of")});
	k->n++;
	return 0;
}

static int item_row(void *ud, const struct karte_item *it)
{
	struct karte *k = ud;

	if (it->title)
		rdoc_heading(k->d, k->lv + 1, it->title, false);
	if (it->body)
		rdoc_para(k->d, it->body);
	k->n++;
	return 0;
}

/* The karte items of one section (karte_section code) in their order,
 * as the カルテ view shows them. */
static enum tsu_status items(struct karte *k, const char *code, struct tsu_error *err)
{
	return store_karte_items(k->st, k->area_id, code, item_row, k, err);
}

static void none(struct karte *k, long n)
{
	if (n == 0)
		rdoc_para(k->d, "（登録なし）");
}

static enum tsu_status basics(struct karte *k, struct tsu_error *err)
{
	static const char *const head[] = {"町丁目", "人口", "65歳以上", "高齢化率", "世帯数", "基準日"};
	enum tsu_status st;

	rdoc_heading(k->d, k->lv, "基礎データ", false);
	rdoc_table(k->d, cap(k, "基礎データ"), 6, head);
	k->n = 0;
	st = store_each(k->st, "district", k->area_id, district_row, k, err);
	/* the totals are the カルテ's (karte.h), the same as the view shows */
	struct karte_basics b;
	if (st == TSU_OK)
		st = store_karte_basics(k->st, k->area_id, &b, err);
	if (st == TSU_OK && b.has_rate) {
		rdoc_rowf(k->d, "合計\t%ld\t%ld\t%.1f%%\t%ld\t", b.population, b.population_65,
			  b.rate, b.households);
		sbuf_reset(&k->tmp);
		sbuf_addf(&k->tmp, "合計: 人口 %ld 人、65歳以上 %ld 人（高齢化率 %.1f%%）、世帯数 %ld",
			  b.population, b.population_65, b.rate, b.households);
		rdoc_para(k->d, k->tmp.s);
	}
	return st == TSU_OK ? items(k, "基礎データ", err) : st;
}

static int org_row(void *ud, const struct record *r)
{
	struct karte *k = ud;

	if (strcmp(nz(record_get(r, "kind")), "org") != 0)
		return 0;
	rdoc_row(k->d, (const char *[]){record_get(r, "name"), record_get(r, "org_type"),
					record_get(r, "offers")});
	k->n++;
	return 0;
}

static int facility_row(void *ud, const struct record *r)
{
	struct karte *k = ud;

	rdoc_row(k->d, (const char *[]){record_get(r, "name"), record_get(r, "kind"),
					record_get(r, "address")});
	k->n++;
	return 0;
}

static enum tsu_status resources(struct karte *k, struct tsu_error *err)
{
	enum tsu_status st;

	rdoc_heading(k->d, k->lv, "地域資源", false);
	rdoc_table(k->d, cap(k, "地域資源（団体）"), 3, (const char *[]){"団体", "種別", "できること"});
	k->n = 0;
	st = store_each(k->st, "party", k->area_id, org_row, k, err);
	if (st == TSU_OK)
		st = items(k, "地域資源", err);
	if (st != TSU_OK)
		return st;
	rdoc_heading(k->d, k->lv, "拠点・施設", false);
	rdoc_table(k->d, cap(k, "拠点・施設"), 3, (const char *[]){"名称", "種別", "住所"});
	k->n = 0;
	st = store_each(k->st, "facility", k->area_id, facility_row, k, err);
	return st == TSU_OK ? items(k, "拠点・施設", err) : st;
}

/* A text section: the karte items of `code`, then the area's own text. */
static enum tsu_status text_section(struct karte *k, const char *heading, const char *code,
				    const char *text, struct tsu_error *err)
{
	enum tsu_status st;

	rdoc_heading(k->d, k->lv, heading, false);
	k->n = 0;
	st = items(k, code, err);
	if (text && *text) {
		rdoc_para(k->d, text);
		k->n++;
	}
	none(k, k->n);
	return st;
}

static int role_row(void *ud, const struct record *m)
{
	struct karte *k = ud;
	const char *to = record_get(m, "to_date");

	if (to && strcmp(to, k->today) < 0)
		return 0;   /* a role that has ended */
	char *org = report_name_of(k->st, "party", record_get(m, "org_id"));
	sbuf_addf(&k->tmp, "%s%s%s%s", k->tmp.len ? "、" : "", org,
		  record_get(m, "role") ? " " : "", nz(record_get(m, "role")));
	free(org);
	return 0;
}

static int key_row(void *ud, const struct record *r)
{
	struct karte *k = ud;
	const char *want = k->n < 0 ? "org" : "person";
	const char *key = record_get(r, "key_person");

	if (strcmp(nz(record_get(r, "kind")), want) != 0 || !key || strcmp(key, "1") != 0)
		return 0;
	if (k->n < 0) {
		rdoc_row(k->d, (const char *[]){record_get(r, "name"), record_get(r, "org_type"),
						record_get(r, "offers")});
		return 0;
	}
	sbuf_reset(&k->tmp);
	store_each_of(k->st, "membership", "person_id", r->id, role_row, k, NULL);
	rdoc_row(k->d, (const char *[]){record_get(r, "name"), record_get(r, "generation"),
					k->tmp.s});
	return 0;
}

static enum tsu_status key_people(struct karte *k, struct tsu_error *err)
{
	enum tsu_status st;

	rdoc_heading(k->d, k->lv, "キーグループ・キーパーソン", false);
	rdoc_heading(k->d, k->lv + 1, "キーグループ", false);
	rdoc_table(k->d, cap(k, "キーグループ"), 3, (const char *[]){"団体", "種別", "できること"});
	k->n = -1;
	st = store_each(k->st, "party", k->area_id, key_row, k, err);
	rdoc_heading(k->d, k->lv + 1, "キーパーソン", false);
	rdoc_table(k->d, cap(k, "キーパーソン"), 3, (const char *[]){"氏名", "世代", "役職（団体）"});
	k->n = 0;
	if (st == TSU_OK)
		st = store_each(k->st, "party", k->area_id, key_row, k, err);
	return st;
}

static int task_row(void *ud, const struct record *r)
{
	struct karte *k = ud;
	const char *status = record_get(r, "status");

	if (status && strcmp(status, "完了") == 0)
		return 0;
	if (strcmp(nz(record_get(r, "duty")), k->code) != 0)
		return 0;
	rdoc_row(k->d, (const char *[]){k->tmp.s, record_get(r, "title"), status,
					record_get(r, "kind"), record_get(r, "due"),
					record_get(r, "assignee")});
	k->n++;
	return 0;
}

static int duty_cb(void *ud, const char *code, const char *label)
{
	struct karte *k = ud;
	struct tsu_error e2 = {0};

	sbuf_reset(&k->tmp);
	sbuf_addf(&k->tmp, "%s%s%s", code, *code ? " " : "（区分なし）", label);
	k->code = code;
	return store_each(k->st, "task", k->area_id, task_row, k, &e2) != TSU_OK;
}

static enum tsu_status open_tasks(struct karte *k, struct tsu_error *err)
{
	enum tsu_status st;

	rdoc_heading(k->d, k->lv, "未完了の課題・取組（支援区分 A〜F 別）", false);
	rdoc_table(k->d, cap(k, "未完了の課題・取組"),
		   6, (const char *[]){"支援区分", "件名", "状態", "種別", "期限", "担当者"});
	k->n = 0;
	st = store_choices(k->st, "duty", duty_cb, k, err);
	if (st == TSU_OK)
		duty_cb(k, "", "");
	return st;
}

/* ---- recent events with attendance by generation ---- */

#define MAX_GEN 8

struct ev {
	char *id, *date, *title, *place;
	long count[MAX_GEN + 1];   /* by generation; the last: total */
};

struct events {
	struct karte *k;
	struct ev *v;
	size_t n, cap;
	char *gen[MAX_GEN];
	size_t ngen;
};

static int gen_cb(void *ud, const char *code, const char *label)
{
	struct events *e = ud;
	(void)label;
	if (e->ngen < MAX_GEN)
		e->gen[e->ngen++] = xstrdup(code);
	return 0;
}

static int event_row(void *ud, const struct record *r)
{
	struct events *e = ud;
	const char *date = record_get(r, "date");

	if (!date || strcmp(date, e->k->today) > 0)
		return 0;   /* undated or still to come */
	if (e->n == e->cap) {
		e->cap = e->cap ? e->cap * 2 : 16;
		e->v = xrealloc(e->v, e->cap * sizeof(*e->v));
	}
	e->v[e->n++] = (struct ev){xstrdup(r->id), xstrdup(date), xstrdup(nz(record_get(r, "title"))),
				   xstrdup(nz(record_get(r, "place"))), {0}};
	return 0;
}

static int attendance_row(void *ud, const struct record *r)
{
	struct events *e = ud;
	const char *ev = nz(record_get(r, "event_id")), *gen = nz(record_get(r, "generation"));
	long n = record_get(r, "count") ? atol(record_get(r, "count")) : 0;

	for (size_t i = 0; i < e->n; i++) {
		if (strcmp(e->v[i].id, ev) != 0)
			continue;
		for (size_t g = 0; g < e->ngen; g++)
			if (strcmp(e->gen[g], gen) == 0)
				e->v[i].count[g] += n;
		e->v[i].count[MAX_GEN] += n;
	}
	return 0;
}

static int by_date_desc(const void *a, const void *b)
{
	return strcmp(((const struct ev *)b)->date, ((const struct ev *)a)->date);
}

static void event_table(struct events *e)
{
	const char *head[MAX_GEN + 4] = {"日付", "行事", "会場"};
	const char *cells[MAX_GEN + 4];
	char num[MAX_GEN + 1][24];
	size_t nc = 3 + e->ngen + 1;

	for (size_t g = 0; g < e->ngen; g++)
		head[3 + g] = e->gen[g];
	head[nc - 1] = "参加者計";
	rdoc_table(e->k->d, cap(e->k, "最近の行事（世代別参加者数）"), nc, head);
	for (size_t i = 0; i < e->n && i < RECENT_EVENTS; i++) {
		cells[0] = e->v[i].date;
		cells[1] = e->v[i].title;
		cells[2] = e->v[i].place;
		for (size_t g = 0; g <= e->ngen; g++) {
			size_t slot = g < e->ngen ? g : MAX_GEN;
			snprintf(num[g], sizeof(num[g]), "%ld", e->v[i].count[slot]);
			cells[3 + g] = num[g];
		}
		rdoc_row(e->k->d, cells);
	}
}

static enum tsu_status recent_events(struct karte *k, struct tsu_error *err)
{
	struct events e = {.k = k};
	enum tsu_status st;
	size_t all;

	rdoc_heading(k->d, k->lv, "最近の行事", false);
	st = store_choices(k->st, "generation", gen_cb, &e, err);
	if (st == TSU_OK)
		st = store_each(k->st, "event", k->area_id, event_row, &e, err);
	all = e.n;
	if (st == TSU_OK && e.n) {
		qsort(e.v, e.n, sizeof(*e.v), by_date_desc);
		if (e.n > RECENT_EVENTS)
			e.n = RECENT_EVENTS;   /* the rest are freed below */
		st = store_each(k->st, "attendance", NULL, attendance_row, &e, err);
	}
	if (st == TSU_OK)
		event_table(&e);
	for (size_t i = 0; i < all; i++) {
		free(e.v[i].id);
		free(e.v[i].date);
		free(e.v[i].title);
		free(e.v[i].place);
	}
	free(e.v);
	for (size_t g = 0; g < e.ngen; g++)
		free(e.gen[g]);
	return st;
}

/* ---- one area, every area ---- */

static enum tsu_status one_area(struct karte *k, const struct record *area, struct tsu_error *err)
{
	enum tsu_status st;

	k->area_id = area->id;
	k->area_name = nz(record_get(area, "name"));
	if (record_get(area, "profile")) {
		rdoc_heading(k->d, k->lv, "概要", false);
		rdoc_para(k->d, record_get(area, "profile"));
	}
	st = basics(k, err);
	if (st == TSU_OK)
		st = resources(k, err);
	if (st == TSU_OK)
		st = text_section(k, "課題", "課題", NULL, err);
	if (st == TSU_OK)
		st = text_section(k, "地域ビジョン", "ビジョン", NULL, err);
	if (st == TSU_OK)
		st = text_section(k, "地域計画", "計画", record_get(area, "plan"), err);
	if (st == TSU_OK)
		st = key_people(k, err);
	if (st == TSU_OK)
		st = open_tasks(k, err);
	if (st == TSU_OK)
		st = recent_events(k, err);
	return st;
}

static int area_cb(void *ud, const struct record *area)
{
	struct karte *k = ud;

	if (k->opt->area_id) {
		sbuf_reset(&k->tmp);
		sbuf_addf(&k->tmp, "地域カルテ: %s", nz(record_get(area, "name")));
		rdoc_set_title(k->d, k->tmp.s);
	} else {
		sbuf_reset(&k->tmp);
		sbuf_addf(&k->tmp, "地域カルテ: %s", nz(record_get(area, "name")));
		rdoc_heading(k->d, 2, k->tmp.s, true);
	}
	k->rc = one_area(k, area, k->err);
	return k->rc != TSU_OK;
}

enum tsu_status report_karte(struct store *st, const struct report_options *opt,
			     struct rdoc *d, struct tsu_error *err)
{
	struct karte k = {.st = st, .opt = opt, .d = d, .lv = opt->area_id ? 2 : 3, .err = err};
	enum tsu_status rc;

	clock_today(k.today, sizeof(k.today));
	rc = store_each(st, "area", opt->area_id, area_cb, &k, err);
	sbuf_free(&k.tmp);
	sbuf_free(&k.cap);
	return rc == TSU_OK ? k.rc : rc;
}
