/* The 引継ぎ report (report_kinds.h): what a successor needs on day one
 * in an area (人事異動 every spring) — open tasks with their latest log
 * entry, key persons and their current roles with terms ending soon
 * marked, pending 地域要望 with the days they have waited, upcoming
 * events, and the カルテ's 課題.  One area, or every area with a page
 * each.  Persons appear by name and role only, never with contact
 * details. */
#include <stdio.h>
#include <stdlib.h>
#include "tsunagu/clock.h"
#include "tsunagu/report_kinds.h"

struct handover {
	struct store *st;
	const struct report_options *opt;
	struct rdoc *d;
	int lv;   /* level of the area's section headings */
	struct tsu_error *err;
	enum tsu_status rc;
};

static const char *nz(const char *s)
{
	return s ? s : "";
}

static const char *date_of(struct handover *h, const char *iso, char *buf, size_t n)
{
	return iso ? report_date(h->opt, iso, buf, n) : "";
}

/* Starts a section: its heading and its table. */
static void section(struct handover *h, const char *title, size_t ncols, const char *const *cols)
{
	rdoc_heading(h->d, h->lv, title, false);
	rdoc_table(h->d, title, ncols, cols);
}

static bool open_task_row(void *ud, const struct report_open_task *t)
{
	struct handover *h = ud;
	char due[LOCALTIME_MAX], last[LOCALTIME_MAX];
	rdoc_row(h->d, (const char *[]){
		nz(t->title), nz(t->kind), nz(t->status), nz(t->assignee),
		date_of(h, t->due, due, sizeof due), date_of(h, t->last_date, last, sizeof last),
		nz(t->last_kind), nz(t->last_author), nz(t->last_text),
	});
	return false;
}

static bool key_role_row(void *ud, const struct report_key_role *r)
{
	struct handover *h = ud;
	char from[LOCALTIME_MAX], to[LOCALTIME_MAX], note[64] = "";
	if (r->ending_soon)
		snprintf(note, sizeof note, "任期まもなく終了（あと%ld日）", r->days_left);
	rdoc_row(h->d, (const char *[]){
		nz(r->person), nz(r->org), r->org ? nz(r->role) : "（現在の役職なし）",
		date_of(h, r->from, from, sizeof from), date_of(h, r->to, to, sizeof to), note,
	});
	return false;
}

static bool request_row(void *ud, const struct report_request *r)
{
	struct handover *h = ud;
	char start[LOCALTIME_MAX], due[LOCALTIME_MAX], days[24];
	snprintf(days, sizeof days, "%ld", r->days_waiting);
	rdoc_row(h->d, (const char *[]){
		nz(r->title), nz(r->status), nz(r->assignee), date_of(h, r->start, start, sizeof start),
		days, date_of(h, r->due, due, sizeof due),
	});
	return false;
}

static bool event_row(void *ud, const struct report_event *e)
{
	struct handover *h = ud;
	char date[LOCALTIME_MAX];
	rdoc_row(h->d, (const char *[]){
		date_of(h, e->date, date, sizeof date), nz(e->start_time), nz(e->title), nz(e->kind),
		nz(e->place),
	});
	return false;
}

static bool issue_row(void *ud, const char *title, const char *body)
{
	struct handover *h = ud;
	rdoc_row(h->d, (const char *[]){nz(title), nz(body)});
	return false;
}

static enum tsu_status one_area(struct handover *h, const char *area_id)
{
	enum tsu_status rc;
	section(h, "未完了の課題・取組", 9, (const char *[]){
		"件名", "種別", "状態", "担当者", "次の期限", "最新の記録日", "記録種別", "記録者", "最新の経過"});
	if ((rc = store_report_open_tasks(h->st, area_id, open_task_row, h, h->err)) != TSU_OK)
		return rc;
	section(h, "キーパーソンと現在の役職", 6, (const char *[]){
		"氏名", "団体", "役職", "任期開始", "任期終了", "注意"});
	if ((rc = store_report_key_roles(h->st, area_id, key_role_row, h, h->err)) != TSU_OK)
		return rc;
	section(h, "対応待ちの地域要望", 6, (const char *[]){
		"件名", "状態", "担当者", "受付日", "待ち日数", "期限"});
	if ((rc = store_report_requests(h->st, area_id, request_row, h, h->err)) != TSU_OK)
		return rc;
	section(h, "今後の行事", 5, (const char *[]){"日付", "開始", "名称", "種別", "会場"});
	if ((rc = store_report_upcoming(h->st, area_id, event_row, h, h->err)) != TSU_OK)
		return rc;
	section(h, "地域カルテの課題", 2, (const char *[]){"見出し", "内容"});
	return store_report_issues(h->st, area_id, issue_row, h, h->err);
}

static int area_cb(void *ud, const struct record *area)
{
	struct handover *h = ud;
	struct sbuf title = {0};
	sbuf_addf(&title, "引継ぎ: %s", nz(record_get(area, "name")));
	if (h->opt->area_id)
		rdoc_set_title(h->d, title.s);
	else
		rdoc_heading(h->d, 2, title.s, true);
	sbuf_free(&title);
	h->rc = one_area(h, area->id);
	return h->rc != TSU_OK;
}

enum tsu_status report_handover(struct store *st, const struct report_options *opt,
				struct rdoc *d, struct tsu_error *err)
{
	struct handover h = {.st = st, .opt = opt, .d = d, .lv = opt->area_id ? 2 : 3, .err = err};
	char today[16], shown[LOCALTIME_MAX];
	clock_today(today, sizeof today);
	rdoc_kv(d, "基準日", report_date(opt, today, shown, sizeof shown));
	struct sbuf note = {0};
	sbuf_addf(&note, "任期終了が基準日から %d 日以内の役職には「任期まもなく終了」と記しています。"
		  "連絡先は載せていません。", REPORT_TERM_SOON_DAYS);
	rdoc_para(d, note.s);
	sbuf_free(&note);
	enum tsu_status rc = store_each(st, "area", opt->area_id, area_cb, &h, err);
	return rc == TSU_OK ? h.rc : rc;
}
