/*
 * Participation by generation (key W): for the selected area (or all
 * areas) the attendance of its events per generation over a period —
 * this fiscal year at first — with shares, and the change against the
 * period of the same length before it (people, and points for shares).
 * h / l (← / →) move the period back and forward by its length.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app.h"
#include "screens.h"
#include "sheet.h"
#include "strings.h"
#include "tsunagu/generations.h"

static const enum tui_action gen_hints[] = {
	ACT_LEFT, ACT_RIGHT, ACT_HELP, ACT_QUIT, ACT_NONE,
};

enum { GEN_NC = 7 };

/* The cells of one line (a generation, or the total when r is NULL). */
static void gen_cells(const struct gen_summary *s, const struct gen_row *r, char buf[][72])
{
	long n = r ? r->count : s->total, p = r ? r->prev : s->prev_total;
	double sh = r ? r->share : (s->total ? 100.0 : 0.0);
	double ps = r ? r->prev_share : (s->prev_total ? 100.0 : 0.0);
	snprintf(buf[0], 72, "%s", r ? r->generation : "合計");
	snprintf(buf[1], 72, "%ld", n);
	snprintf(buf[2], 72, "%.1f%%", sh);
	snprintf(buf[3], 72, "%ld", p);
	snprintf(buf[4], 72, "%.1f%%", ps);
	snprintf(buf[5], 72, "%+ld", n - p);
	if (r)
		snprintf(buf[6], 72, "%+.1fpt", sh - ps);
	else
		buf[6][0] = '\0';   /* the total's share is 100% in both periods */
}

static void gen_build(struct tui *t, struct sheet *sh, void *ud)
{
	const struct gen_period *p = ud;
	static const struct sheet_col cols[GEN_NC] = {
		{"世代", TEXT_LEFT, false, NULL, false},
		{"参加者数", TEXT_RIGHT, false, NULL, false},
		{"割合", TEXT_RIGHT, false, NULL, false},
		{"前の期間", TEXT_RIGHT, false, NULL, false},
		{"前の割合", TEXT_RIGHT, false, NULL, false},
		{"増減", TEXT_RIGHT, false, NULL, false},
		{"割合の増減", TEXT_RIGHT, false, NULL, false},
	};
	struct gen_summary s;
	struct tsu_error err = {0};
	char f1[LOCALTIME_MAX], t1[LOCALTIME_MAX], f0[LOCALTIME_MAX], t0[LOCALTIME_MAX], line[512];
	sheet_clear(sh);
	sh->hints = gen_hints;
	snprintf(line, sizeof line, S_GEN_TITLE, t->area_name ? t->area_name : S_ALL_AREAS,
		 localtime_date(p->from, t->date_style, f1, sizeof f1),
		 localtime_date(p->to, t->date_style, t1, sizeof t1));
	sheet_title(sh, line);
	if (store_generations(t->st, t->area_id, p, &s, &err) != TSU_OK) {
		sheet_add(sh, ROLE_ERROR, err.msg, NULL);
		return;
	}
	snprintf(line, sizeof line, S_GEN_PREV,
		 localtime_date(s.prev.from, t->date_style, f0, sizeof f0),
		 localtime_date(s.prev.to, t->date_style, t0, sizeof t0));
	sheet_add_wrapped(sh, ROLE_NORMAL, line);
	sheet_add(sh, ROLE_NORMAL, "", NULL);
	char buf[GEN_MAX + 1][GEN_NC][72];
	const char *cells[(GEN_MAX + 1) * GEN_NC];
	enum draw_role roles[GEN_MAX + 1];
	for (int i = 0; i <= s.n; i++) {
		gen_cells(&s, i < s.n ? &s.rows[i] : NULL, buf[i]);
		for (int c = 0; c < GEN_NC; c++)
			cells[i * GEN_NC + c] = buf[i][c];
		roles[i] = i < s.n ? ROLE_NORMAL : ROLE_SECTION;
	}
	sheet_table(sh, sheet_width(), cols, GEN_NC, cells, s.n + 1, NULL, roles);
	sheet_add(sh, ROLE_NORMAL, "", NULL);
	snprintf(line, sizeof line, S_GEN_EVENTS, s.events, s.prev_events);
	sheet_add_wrapped(sh, ROLE_NORMAL, line);
	sheet_add_wrapped(sh, ROLE_NORMAL, S_GEN_NOTE);
}

/* h / l (← / →): the period before / after. */
static bool gen_act(struct tui *t, struct sheet *s, enum tui_action a, const char *id, void *ud)
{
	(void)s;
	(void)id;
	if (a == ACT_LEFT || a == ACT_RIGHT)
		gen_shift(ud, a == ACT_LEFT ? -1 : 1);
	else
		tui_msg(t, "%s", S_NOTHING_HERE);
	return false;
}

void generations_show(struct tui *t)
{
	struct gen_period p;
	gen_fiscal_year(t->today, &p);
	sheet_show(t, gen_build, gen_act, &p);
}
