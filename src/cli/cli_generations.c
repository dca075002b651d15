/* `generations`: attendance at events by generation over a period, with
 * shares and the change against the period before (generations.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "cli_table.h"
#include "tsunagu/clock.h"
#include "tsunagu/date.h"
#include "tsunagu/generations.h"
#include "tsunagu/record.h"

struct gen_args {
	const char *area, *from, *to;
	int json;
};

static int gen_parse(struct cli *c, int argc, char **argv, struct gen_args *a)
{
	bool missing;
	const char *v;
	int rc;
	for (int i = 1; i < argc; i++) {
		if ((rc = cli_area_opt(c, "generations", argc, argv, &i, &a->area, &a->json)) < 0)
			return -rc;
		if (rc)
			continue;
		if ((v = cli_opt(argc, argv, &i, "--from", &missing)) || missing)
			a->from = v;
		else if ((v = cli_opt(argc, argv, &i, "--to", &missing)) || missing)
			a->to = v;
		if (v)
			continue;
		return cli_usage(c, "generations", missing ? "オプションに値がありません"
						    : "知らないオプションか、余分な引数です");
	}
	if (!a->from != !a->to)
		return cli_usage(c, "generations", "--from と --to は両方を指定してください");
	return 0;
}

/* The period asked for: --from/--to, else this fiscal year. */
static int gen_period_of(struct cli *c, const struct gen_args *a, struct gen_period *p)
{
	struct tsu_error err = {0};
	if (!a->from) {
		char today[11];
		clock_today(today, sizeof today);
		gen_fiscal_year(today, p);
		return 0;
	}
	char iso[DATE_ISO_LEN + 1];
	if (date_parse(a->from, iso, &err) != TSU_OK)
		return cli_fail(c, &err);
	snprintf(p->from, sizeof p->from, "%s", iso);
	if (date_parse(a->to, iso, &err) != TSU_OK)
		return cli_fail(c, &err);
	snprintf(p->to, sizeof p->to, "%s", iso);
	return 0;
}

static void gen_print(struct cli *c, const char *area, const struct gen_summary *s)
{
	char f1[LOCALTIME_MAX], t1[LOCALTIME_MAX], f0[LOCALTIME_MAX], t0[LOCALTIME_MAX];
	cli_say(c->out, "", "%s  %s〜%s (前の期間 %s〜%s)", area ? area : "全エリア",
		localtime_date(s->cur.from, c->date_style, f1, sizeof f1),
		localtime_date(s->cur.to, c->date_style, t1, sizeof t1),
		localtime_date(s->prev.from, c->date_style, f0, sizeof f0),
		localtime_date(s->prev.to, c->date_style, t0, sizeof t0));
	static const char *const head[] = {"世代", "参加者数", "割合", "前の期間", "前の割合",
					   "増減", "割合の増減"};
	static const bool right[] = {false, true, true, true, true, true, true};
	enum { NC = 7 };
	char buf[GEN_MAX + 1][NC][72];
	const char *cells[(GEN_MAX + 1) * NC];
	for (int i = 0; i <= s->n; i++) {
		bool total = i == s->n;
		const struct gen_row *r = total ? NULL : &s->rows[i];
		long n = total ? s->total : r->count, p = total ? s->prev_total : r->prev;
		double sh = total ? (s->total ? 100.0 : 0.0) : r->share;
		double ps = total ? (s->prev_total ? 100.0 : 0.0) : r->prev_share;
		snprintf(buf[i][0], 72, "%s", total ? "合計" : r->generation);
		snprintf(buf[i][1], 72, "%ld", n);
		snprintf(buf[i][2], 72, "%.1f%%", sh);
		snprintf(buf[i][3], 72, "%ld", p);
		snprintf(buf[i][4], 72, "%.1f%%", ps);
		snprintf(buf[i][5], 72, "%+ld", n - p);
		if (total)
			buf[i][6][0] = '\0';   /* shares of the total do not change */
		else
			snprintf(buf[i][6], 72, "%+.1fpt", sh - ps);
		for (int k = 0; k < NC; k++)
			cells[i * NC + k] = buf[i][k];
	}
	cli_table_cells(c->out, NC, head, cells, (size_t)s->n + 1, right);
	fprintf(c->out, "行事 %ld 件 (前の期間 %ld 件)\n", s->events, s->prev_events);
}

int cli_cmd_generations(struct cli *c, int argc, char **argv)
{
	struct gen_args a = {0};
	struct gen_period p;
	int rc = gen_parse(c, argc, argv, &a);
	uuid_str area_id;
	const char *aid;
	if (rc || (rc = gen_period_of(c, &a, &p)) || (rc = cli_open_area(c, a.area, area_id, &aid)))
		return rc;
	struct tsu_error err = {0};
	if (a.json) {
		struct sbuf out = {0};
		if (store_generations_json(c->st, aid, &p, &out, &err) != TSU_OK)
			return cli_fail(c, &err);
		cli_json_put(c->out, out.s);
		sbuf_free(&out);
		return 0;
	}
	struct gen_summary s;
	if (store_generations(c->st, aid, &p, &s, &err) != TSU_OK)
		return cli_fail(c, &err);
	struct record *rec = NULL;
	if (aid && store_get(c->st, "area", aid, false, &rec, &err) != TSU_OK)
		return cli_fail(c, &err);
	gen_print(c, rec ? record_get(rec, "name") : NULL, &s);
	record_free(rec);
	return 0;
}
