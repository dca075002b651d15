/* What the cases, activity and handover reports share (report_kinds.h):
 * the store's scope from the options, and the period as people say it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tsunagu/clock.h"
#include "tsunagu/date.h"
#include "tsunagu/report_kinds.h"

void report_scope_of(const struct report_options *opt, struct report_scope *sc)
{
	*sc = (struct report_scope){opt->area_id, opt->from, opt->to};
}

/* "令和7年度" when from..to is exactly one fiscal year (April to March). */
static bool fiscal_year(const char *from, const char *to, char *out, size_t n)
{
	int y, m, d, y2, m2, d2;
	char wareki[32];
	if (!from || !to || sscanf(from, "%d-%d-%d", &y, &m, &d) != 3 ||
	    sscanf(to, "%d-%d-%d", &y2, &m2, &d2) != 3)
		return false;
	if (m != 4 || d != 1 || y2 != y + 1 || m2 != 3 || d2 != 31 ||
	    !date_to_wareki(from, wareki, sizeof wareki))
		return false;
	char *nen = strstr(wareki, "年");
	if (!nen)
		return false;
	snprintf(out, n, "%.*s年度", (int)(nen - wareki), wareki);
	return true;
}

void report_period_text(const struct report_options *opt, struct sbuf *out)
{
	char a[LOCALTIME_MAX], b[LOCALTIME_MAX], fy[48];
	if (!opt->from && !opt->to) {
		sbuf_add(out, "指定なし（すべて）");
		return;
	}
	if (fiscal_year(opt->from, opt->to, fy, sizeof fy))
		sbuf_addf(out, "%s（", fy);
	sbuf_addf(out, "%s〜%s", opt->from ? report_date(opt, opt->from, a, sizeof a) : "",
		  opt->to ? report_date(opt, opt->to, b, sizeof b) : "");
	if (fiscal_year(opt->from, opt->to, fy, sizeof fy))
		sbuf_add(out, "）");
}

void report_scope_header(struct store *st, const struct report_options *opt, struct rdoc *d)
{
	struct sbuf period = {0};
	char today[16], shown[LOCALTIME_MAX];
	report_period_text(opt, &period);
	rdoc_kv(d, "期間", period.s);
	if (opt->area_id) {
		char *area = report_name_of(st, "area", opt->area_id);
		rdoc_kv(d, "エリア", area);
		free(area);
	} else {
		rdoc_kv(d, "エリア", "すべてのエリア");
	}
	clock_today(today, sizeof today);
	rdoc_kv(d, "基準日", report_date(opt, today, shown, sizeof shown));
	sbuf_free(&period);
}
