/* The 支援ケース一覧 report (report_kinds.h): one table of the cases of
 * the area and period, with the last contact and the days since, so that
 * a case nobody has contacted for long stands out.  No contact details. */
#include <stdio.h>
#include <stdlib.h>
#include "tsunagu/report_kinds.h"

struct cases {
	const struct report_options *opt;
	struct rdoc *d;
};

static const char *nz(const char *s)
{
	return s ? s : "";
}

static bool case_row(void *ud, const struct report_case *c)
{
	struct cases *k = ud;
	char start[LOCALTIME_MAX], last[LOCALTIME_MAX], due[LOCALTIME_MAX], days[24];
	snprintf(days, sizeof days, "%ld", c->days_since);
	rdoc_row(k->d, (const char *[]){
		nz(c->kind), nz(c->title), nz(c->status), nz(c->area), nz(c->assignee),
		report_date(k->opt, c->start, start, sizeof start),
		c->last_contact ? report_date(k->opt, c->last_contact, last, sizeof last) : "",
		days, c->due ? report_date(k->opt, c->due, due, sizeof due) : "",
	});
	return false;
}

enum tsu_status report_cases(struct store *st, const struct report_options *opt,
			     struct rdoc *d, struct tsu_error *err)
{
	struct report_scope sc;
	struct cases k = {opt, d};
	report_scope_of(opt, &sc);
	if (opt->area_id) {
		char *area = report_name_of(st, "area", opt->area_id);
		struct sbuf title = {0};
		sbuf_addf(&title, "支援ケース一覧: %s", area);
		rdoc_set_title(d, title.s);
		sbuf_free(&title);
		free(area);
	}
	report_scope_header(st, opt, d);
	rdoc_para(d, "経過日数は最終連絡日（最新の経過記録の日付）から基準日までの日数です。"
		  "連絡の記録がないケースは開始日から数えます。");
	rdoc_table(d, "支援ケース一覧", 9, (const char *[]){
		"種別", "件名", "状態", "エリア", "担当者", "開始日", "最終連絡日", "経過日数", "次の期限",
	});
	return store_report_cases(st, &sc, case_row, &k, err);
}
