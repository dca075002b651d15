/* The 支援経過記録 report (report_kinds.h): the header of one task or
 * party, then every log entry in date order with its full text. */
#include <stdlib.h>
#include <string.h>
#include "tsunagu/report_kinds.h"

struct entry {
	char *sort, *date, *kind, *author, *text;
};

struct entries {
	const char *field, *id;    /* task_id or party_id, the full id */
	const struct report_options *opt;
	struct entry *v;
	size_t n, cap;
};

static const char *nz(const char *s)
{
	return s ? s : "";
}

static int log_row(void *ud, const struct record *r)
{
	struct entries *e = ud;
	const char *date = record_get(r, "date");

	if (strcmp(nz(record_get(r, e->field)), e->id) != 0)
		return 0;
	if ((e->opt->from || e->opt->to) && !report_in_period(e->opt, date ? date : r->created_at))
		return 0;
	if (e->n == e->cap) {
		e->cap = e->cap ? e->cap * 2 : 32;
		e->v = xrealloc(e->v, e->cap * sizeof(*e->v));
	}
	struct sbuf key = {0};
	/* undated entries sort by the day they were written; then by when */
	sbuf_addf(&key, "%.10s %s", date ? date : nz(r->created_at), nz(r->created_at));
	char shown[LOCALTIME_MAX];
	report_date(e->opt, date ? date : "", shown, sizeof(shown));
	e->v[e->n++] = (struct entry){sbuf_detach(&key), xstrdup(shown),
				      xstrdup(nz(record_get(r, "kind"))),
				      xstrdup(nz(record_get(r, "author") ? record_get(r, "author")
									  : r->created_by)),
				      xstrdup(nz(record_get(r, "text")))};
	return 0;
}

static int by_sort(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->sort, ((const struct entry *)b)->sort);
}

struct duty_find {
	const char *code;
	struct sbuf *out;
};

static int duty_cb(void *ud, const char *code, const char *label)
{
	struct duty_find *f = ud;
	if (strcmp(code, f->code) != 0)
		return 0;
	sbuf_addf(f->out, " %s", label);
	return 1;
}

/* "A 作業支援" for the duty code "A". */
static void duty_text(struct store *st, const char *code, struct sbuf *out)
{
	struct duty_find f = {code, out};
	if (!code)
		return;
	sbuf_add(out, code);
	store_choices(st, "duty", duty_cb, &f, NULL);
}

static void period(const struct report_options *opt, struct rdoc *d)
{
	char a[LOCALTIME_MAX], b[LOCALTIME_MAX];
	struct sbuf p = {0};

	if (!opt->from && !opt->to)
		return;
	sbuf_addf(&p, "%s 〜 %s", opt->from ? report_date(opt, opt->from, a, sizeof(a)) : "",
		  opt->to ? report_date(opt, opt->to, b, sizeof(b)) : "");
	rdoc_kv(d, "期間", p.s);
	sbuf_free(&p);
}

/* "a,b" as a list reads in Japanese: "a、b" (new string or NULL). */
static char *report_joined(const char *set)
{
	struct sbuf b = {0};
	if (!set)
		return NULL;
	for (const char *p = set; *p; p++) {
		if (*p == ',')
			sbuf_add(&b, "、");
		else
			sbuf_addc(&b, *p);
	}
	return sbuf_detach(&b);
}

static void task_header(struct store *st, const struct report_options *opt,
			const struct record *t, struct rdoc *d)
{
	struct sbuf duty = {0};
	char *area = report_name_of(st, "area", record_get(t, "area_id"));
	struct sbuf title = {0};

	sbuf_addf(&title, "支援経過記録: %s", nz(record_get(t, "title")));
	rdoc_set_title(d, title.s);
	rdoc_kv(d, "ケース", record_get(t, "title"));
	rdoc_kv(d, "エリア", area);
	rdoc_kv(d, "種別", record_get(t, "kind"));
	rdoc_kv(d, "状態", record_get(t, "status"));
	duty_text(st, record_get(t, "duty"), &duty);
	rdoc_kv(d, "支援区分", duty.s);
	rdoc_kv(d, "担当者", record_get(t, "assignee"));
	char *parties = report_joined(record_get(t, "parties"));
	rdoc_kv(d, "関係者", parties);
	free(parties);
	rdoc_kv(d, "期限", record_get(t, "due"));
	period(opt, d);
	rdoc_kv(d, "ID", t->id);
	if (record_get(t, "body")) {
		rdoc_heading(d, 2, "内容", false);
		rdoc_para(d, record_get(t, "body"));
	}
	sbuf_free(&title);
	sbuf_free(&duty);
	free(area);
}

static void party_header(const struct report_options *opt, const struct record *p,
			 struct rdoc *d)
{
	struct sbuf title = {0}, contact = {0};

	sbuf_addf(&title, "支援経過記録: %s", nz(record_get(p, "name")));
	rdoc_set_title(d, title.s);
	rdoc_kv(d, "関係者", record_get(p, "name"));
	rdoc_kv(d, "区分", strcmp(nz(record_get(p, "kind")), "org") == 0 ? "団体" : "個人");
	char *areas = report_joined(record_get(p, "areas"));
	rdoc_kv(d, "エリア", areas);
	free(areas);
	report_contact(p, &contact);
	if (contact.len)
		rdoc_kv(d, "連絡先", contact.s);
	period(opt, d);
	rdoc_kv(d, "ID", p->id);
	sbuf_free(&title);
	sbuf_free(&contact);
}

/* An area's own entries: its meetings and what was noted for the area. */
static void area_header(const struct report_options *opt, const struct record *a,
			struct rdoc *d)
{
	struct sbuf title = {0};

	sbuf_addf(&title, "支援経過記録: %s (エリア)", nz(record_get(a, "name")));
	rdoc_set_title(d, title.s);
	rdoc_kv(d, "エリア", record_get(a, "name"));
	rdoc_kv(d, "記録", "エリアに付けた経過 (会議・話し合いなど)");
	period(opt, d);
	rdoc_kv(d, "ID", a->id);
	sbuf_free(&title);
}

/* The subject: a task, a party or (alone) an area, and its header. */
static enum tsu_status subject(struct store *st, const struct report_options *opt,
			       struct entries *e, struct rdoc *d, struct tsu_error *err)
{
	static const char *const entity[] = {"task", "party", "area"};
	int k = opt->task_id ? 0 : opt->party_id ? 1 : opt->area_id ? 2 : -1;
	struct record *r = NULL;

	if (k < 0)
		return tsu_fail(err, TSU_USAGE, "支援経過記録には --task ID か --party ID で課題か関係者を、"
				"--area でエリアを指定してください");
	e->field = k == 0 ? "task_id" : k == 1 ? "party_id" : "area_id";
	e->id = k == 0 ? opt->task_id : k == 1 ? opt->party_id : opt->area_id;
	enum tsu_status rc = store_get(st, entity[k], e->id, false, &r, err);
	if (rc != TSU_OK)
		return rc;
	if (k == 0)
		task_header(st, opt, r, d);
	else if (k == 1)
		party_header(opt, r, d);
	else
		area_header(opt, r, d);
	record_free(r);
	return TSU_OK;
}

enum tsu_status report_log(struct store *st, const struct report_options *opt,
			   struct rdoc *d, struct tsu_error *err)
{
	struct entries e = {.opt = opt};
	enum tsu_status rc = subject(st, opt, &e, d, err);

	if (rc != TSU_OK)
		return rc;
	rc = store_each(st, "log", NULL, log_row, &e, err);
	if (rc == TSU_OK) {
		if (e.n)
			qsort(e.v, e.n, sizeof(*e.v), by_sort);
		struct sbuf h = {0};
		sbuf_addf(&h, "経過（%zu 件）", e.n);
		rdoc_heading(d, 2, h.s, false);
		sbuf_free(&h);
		rdoc_table(d, "経過", 4, (const char *[]){"日付", "種別", "記録者", "内容"});
		for (size_t i = 0; i < e.n; i++)
			rdoc_row(d, (const char *[]){e.v[i].date, e.v[i].kind, e.v[i].author,
						     e.v[i].text});
		if (e.n == 0)
			rdoc_para(d, "（記録なし）");
	}
	for (size_t i = 0; i < e.n; i++) {
		free(e.v[i].sort);
		free(e.v[i].date);
		free(e.v[i].kind);
		free(e.v[i].author);
		free(e.v[i].text);
	}
	free(e.v);
	return rc;
}
