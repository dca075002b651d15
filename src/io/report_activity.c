/* The 活動報告 report (report_kinds.h): the tasks and log entries of a
 * period tallied by kind, duty A–F, pillar, area, きっかけ and つなぎ先,
 * and the log entries by kind.  Each tally is one table ending in its
 * 合計, so that the CSV opens in Excel as one table per tally. */
#include <stdio.h>
#include "tsunagu/report_kinds.h"

static void share(long n, long total, char *buf, size_t size)
{
	if (total == 0)
		snprintf(buf, size, "-");
	else
		snprintf(buf, size, "%.1f%%", 100.0 * (double)n / (double)total);
}

static void tally_table(struct rdoc *d, const struct report_tally *t)
{
	struct sbuf caption = {0};
	char count[24], pct[24];
	sbuf_addf(&caption, "%s別の%s件数", t->title, t->unit);
	rdoc_heading(d, 2, caption.s, false);
	rdoc_table(d, caption.s, 3, (const char *[]){t->title, "件数", "割合"});
	for (size_t i = 0; i < t->nrows; i++) {
		snprintf(count, sizeof count, "%ld", t->rows[i].n);
		share(t->rows[i].n, t->total, pct, sizeof pct);
		rdoc_row(d, (const char *[]){t->rows[i].label, count, pct});
	}
	snprintf(count, sizeof count, "%ld", t->total);
	rdoc_row(d, (const char *[]){"合計", count, t->total ? "100.0%" : "-"});
	sbuf_free(&caption);
}

enum tsu_status report_activity(struct store *st, const struct report_options *opt,
				struct rdoc *d, struct tsu_error *err)
{
	struct report_scope sc;
	struct report_activity a;
	struct sbuf title = {0};
	char line[32];
	report_scope_of(opt, &sc);
	if (store_report_activity(st, &sc, &a, err) != TSU_OK)
		return err->status;
	sbuf_add(&title, "活動報告");
	if (opt->from || opt->to) {
		sbuf_add(&title, ": ");
		report_period_text(opt, &title);
	}
	rdoc_set_title(d, title.s);
	report_scope_header(st, opt, d);
	snprintf(line, sizeof line, "%ld 件", a.tasks);
	rdoc_kv(d, "課題・取組", line);
	snprintf(line, sizeof line, "%ld 件", a.logs);
	rdoc_kv(d, "経過記録", line);
	rdoc_para(d, "課題・取組は、期間中に開始したか、期間中の日付の経過記録があるものを数えます。"
		  "経過記録は期間中の日付のものです。未設定は項目が空のものです。");
	for (int i = 0; i < REPORT_TALLY_COUNT; i++)
		tally_table(d, &a.tally[i]);
	store_report_activity_free(&a);
	sbuf_free(&title);
	return TSU_OK;
}
