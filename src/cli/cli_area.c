/* `karte` and `heatmap`: an area's 地域カルテ and the aging-rate heatmap
 * (issue 9), read from store/karte.c and store/heatmap.c like the
 * full-screen views; JSON comes from SQLite's JSON functions there. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "cli_table.h"
#include "tsunagu/heatmap.h"
#include "tsunagu/karte.h"
#include "tsunagu/record.h"
#include "tsunagu/sanitize.h"
#include "tsunagu/textwidth.h"

#define BAR_WIDTH 30

static void print_text(FILE *f, const char *indent, const char *text)
{
	char *safe = text_sanitize(text, 1);
	fputs(indent, f);
	for (const char *p = safe; *p; p++) {
		fputc(*p, f);
		if (*p == '\n')
			fputs(indent, f);
	}
	fputc('\n', f);
	free(safe);
}

struct karte_print {
	struct cli *c;
	long n;
};

static int print_item(void *ud, const struct karte_item *it)
{
	struct karte_print *kp = ud;
	char *title = text_sanitize(it->title ? it->title : "", 0);
	fprintf(kp->c->out, "  %ld. %s\n", ++kp->n, title);
	if (it->body && *it->body)
		print_text(kp->c->out, "     ", it->body);
	free(title);
	return 0;
}

static int print_facility(void *ud, const struct record *r)
{
	struct karte_print *kp = ud;
	const char *f[] = {record_get(r, "name"), record_get(r, "kind"), record_get(r, "address")};
	struct sbuf b = {0};
	for (int i = 0; i < 3; i++)
		if (f[i] && *f[i])
			sbuf_addf(&b, "%s%s", b.len ? "  " : "", f[i]);
	char *safe = text_sanitize(b.s ? b.s : "", 0);
	fprintf(kp->c->out, "  ・%s\n", safe);
	free(safe);
	sbuf_free(&b);
	kp->n++;
	return 0;
}

static void print_basics(struct cli *c, const struct record *area, const struct karte_basics *b)
{
	char date[LOCALTIME_MAX];
	const char *pt = record_get(area, "platform_type"), *pr = record_get(area, "projection");
	if (b->districts == 0) {
		fputs("  町丁目の数字がありません\n", c->out);
	} else {
		fprintf(c->out, "  町丁目 %ld", b->districts);
		if (b->counted < b->districts)
			fprintf(c->out, " (数字のあるもの %ld)", b->counted);
		fprintf(c->out, "  人口 %ld 人  65歳以上 %ld 人  高齢化率 ", b->population,
			b->population_65);
		if (b->has_rate)
			fprintf(c->out, "%.1f%%", b->rate);
		else
			fputs("－", c->out);
		fprintf(c->out, "  世帯数 %ld", b->households);
		if (b->as_of[0])
			fprintf(c->out, "  (%s現在)", localtime_date(b->as_of, c->date_style, date,
								   sizeof date));
		fputc('\n', c->out);
	}
	char *safe = text_sanitize(pt ? pt : "未設定", 0);
	fprintf(c->out, "  プラットフォーム: %s\n", safe);
	free(safe);
	if (pr && *pr) {
		fputs("  将来推計:\n", c->out);
		print_text(c->out, "    ", pr);
	}
}

static int karte_table(struct cli *c, const char *area_id)
{
	struct record *area = NULL;
	struct karte_basics b;
	struct tsu_error err = {0};
	if (store_get(c->st, "area", area_id, false, &area, &err) != TSU_OK ||
	    store_karte_basics(c->st, area_id, &b, &err) != TSU_OK) {
		record_free(area);
		return cli_fail(c, &err);
	}
	char *name = text_sanitize(record_get(area, "name"), 0);
	fprintf(c->out, "地域カルテ: %s\n", name);
	free(name);
	enum tsu_status rc = TSU_OK;
	for (int s = 0; s < KARTE_SECTION_COUNT && rc == TSU_OK; s++) {
		struct karte_print kp = {c, 0};
		fprintf(c->out, "\n■ %s\n", karte_sections[s].heading);
		if (s == KARTE_BASICS)
			print_basics(c, area, &b);
		if (s == KARTE_FACILITIES)
			rc = store_each(c->st, "facility", area_id, print_facility, &kp, &err);
		long before = kp.n;
		kp.n = 0;
		if (rc == TSU_OK)
			rc = store_karte_items(c->st, area_id, karte_sections[s].code, print_item,
					       &kp, &err);
		if (rc == TSU_OK && kp.n + before == 0 && s != KARTE_BASICS)
			fputs("  (なし)\n", c->out);
	}
	record_free(area);
	return rc == TSU_OK ? 0 : cli_fail(c, &err);
}

int cli_cmd_karte(struct cli *c, int argc, char **argv)
{
	const char *area = NULL, *area_id;
	int json = 0, rc;
	for (int i = 1; i < argc; i++) {
		if ((rc = cli_area_opt(c, "karte", argc, argv, &i, NULL, &json)) < 0)
			return -rc;
		if (rc)
			continue;
		if (!area && argv[i][0] != '-')
			area = argv[i];
		else
			return cli_usage(c, "karte", "知らないオプションか、余分な引数です");
	}
	if (!area)
		return cli_usage(c, "karte", "エリアを指定してください");
	uuid_str id;
	struct tsu_error err = {0};
	if ((rc = cli_open_area(c, area, id, &area_id)))
		return rc;
	if (!json)
		return karte_table(c, id);
	char *out = NULL;
	return cli_json_out(c, store_karte_json(c->st, id, &out, &err), &out, &err);
}

/* ---- heatmap ---- */

struct heat_print {
	struct cli *c;
	bool all;               /* every area: an area column */
	bool collect;           /* first pass: widths and the highest rate */
	int wa, wd;
	double max, scale, avg;
	bool has_avg;
	long n;
};

static void print_bar(FILE *f, const struct heat_print *hp, const struct heat_row *r)
{
	int cells = r->has_rate ? heatmap_cells(r->rate, hp->scale, BAR_WIDTH) : 0;
	int mark = hp->has_avg ? heatmap_cells(hp->avg, hp->scale, BAR_WIDTH) - 1 : -1;
	int end = cells > mark + 1 ? cells : mark + 1;
	for (int i = 0; i < end; i++)
		fputs(i == mark ? "│" : i < cells ? "█" : " ", f);
}

static int heat_row(void *ud, const struct heat_row *r)
{
	struct heat_print *hp = ud;
	char *area = text_sanitize(r->area ? r->area : "", 0);
	char *dist = text_sanitize(r->district ? r->district : "", 0);
	if (hp->collect) {
		if (text_width(area) > hp->wa)
			hp->wa = text_width(area);
		if (text_width(dist) > hp->wd)
			hp->wd = text_width(dist);
		if (r->has_rate && r->rate > hp->max)
			hp->max = r->rate;
	} else {
		char rate[16], pop[24] = "", p65[24] = "";
		snprintf(rate, sizeof rate, r->has_rate ? "%.1f%%" : "－", r->rate);
		if (r->has_figures) {
			snprintf(pop, sizeof pop, "%ld", r->population);
			snprintf(p65, sizeof p65, "%ld", r->population_65);
		}
		char *a = text_width_fit(area, hp->wa, TEXT_LEFT);
		char *d = text_width_fit(dist, hp->wd, TEXT_LEFT);
		char *ra = text_width_fit(rate, 8, TEXT_RIGHT);
		if (hp->all)
			fprintf(hp->c->out, "%s  ", a);
		fprintf(hp->c->out, "%s  %7s  %8s  %s  ", d, pop, p65, ra);
		print_bar(hp->c->out, hp, r);
		fputc('\n', hp->c->out);
		free(a);
		free(d);
		free(ra);
	}
	hp->n++;
	free(area);
	free(dist);
	return 0;
}

static void heat_heading(struct heat_print *hp)
{
	FILE *f = hp->c->out;
	if (hp->has_avg)
		fprintf(f, "高齢化率 (市平均 %.1f%%。│ は市平均の位置、█ 1つ = %.1f%%)\n", hp->avg,
			hp->scale / BAR_WIDTH);
	else
		fputs("高齢化率 (市平均は出せません: 人口のある町丁目がありません)\n", f);
	char *a = text_width_fit("エリア", hp->wa, TEXT_LEFT);
	char *d = text_width_fit("町丁目", hp->wd, TEXT_LEFT);
	if (hp->all)
		fprintf(f, "%s  ", a);
	fprintf(f, "%s  %s  %s  %s\n", d, "   人口", "65歳以上", "高齢化率");
	free(a);
	free(d);
}

static int heat_table(struct cli *c, const char *area_id, bool by_rate)
{
	struct heat_print hp = {.c = c, .all = !area_id, .collect = true};
	struct karte_basics city;
	struct tsu_error err = {0};
	hp.wa = text_width("エリア");
	hp.wd = text_width("町丁目");
	if (store_karte_basics(c->st, NULL, &city, &err) != TSU_OK ||
	    store_heatmap(c->st, area_id, by_rate, heat_row, &hp, &err) != TSU_OK)
		return cli_fail(c, &err);
	if (hp.n == 0)
		return cli_error(c, TSU_NOT_FOUND, "町丁目がありません (tsunagu import districts で取り込めます)");
	hp.has_avg = city.has_rate;
	hp.avg = city.rate;
	hp.scale = heatmap_scale(hp.max > hp.avg ? hp.max : hp.avg);
	hp.collect = false;
	heat_heading(&hp);
	if (store_heatmap(c->st, area_id, by_rate, heat_row, &hp, &err) != TSU_OK)
		return cli_fail(c, &err);
	return 0;
}

int cli_cmd_heatmap(struct cli *c, int argc, char **argv)
{
	const char *area = NULL, *area_id, *v;
	int json = 0, rc;
	bool by_rate = false, missing;
	for (int i = 1; i < argc; i++) {
		if ((rc = cli_area_opt(c, "heatmap", argc, argv, &i, &area, &json)) < 0)
			return -rc;
		if (rc)
			continue;
		if ((v = cli_opt(argc, argv, &i, "--sort", &missing)) || missing) {
			if (!v || (strcmp(v, "rate") != 0 && strcmp(v, "district") != 0))
				return cli_usage(c, "heatmap", "--sort は rate か district です");
			by_rate = strcmp(v, "rate") == 0;
		} else {
			return cli_usage(c, "heatmap", "知らないオプションか、余分な引数です");
		}
	}
	uuid_str id;
	struct tsu_error err = {0};
	if ((rc = cli_open_area(c, area, id, &area_id)))
		return rc;
	if (!json)
		return heat_table(c, area_id, by_rate);
	char *out = NULL;
	return cli_json_out(c, store_heatmap_json(c->st, area_id, by_rate, &out, &err), &out, &err);
}
