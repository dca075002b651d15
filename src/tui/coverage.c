/*
 * Staff and coverage (key T): the staff list (appointment, rank,
 * organisation, areas), the coordinators (社協) each with both of its
 * areas, its partner and the area supporters there, and every area with
 * who covers it; an area without an area supporter (市) or a coordinator
 * (社協) is marked "!", and the names of such areas are listed at the top
 * (「エリアサポーター未配置」「コーディネーター未配置」).  Enter on a staff line
 * opens that staff member; e edits.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app.h"
#include "form.h"
#include "screens.h"
#include "sheet.h"
#include "strings.h"
#include "tsunagu/coverage.h"
#include "tsunagu/textwidth.h"

static const enum tui_action coverage_hints[] = {
	ACT_OPEN, ACT_EDIT, ACT_NEXT_PANE, ACT_HELP, ACT_QUIT, ACT_NONE,
};

#define COV_NONE "－"

/* Rows of one table gathered from a store walk; for areas also the
 * names of those without a supporter / a coordinator. */
struct cov_table {
	struct sheet_rows rows;
	struct sbuf no_supporter, no_coord;
	long n_no_supporter, n_no_coord;
};

/* A row; an empty cell shows COV_NONE. */
static void cov_push(struct cov_table *c, const char *const *vals, const char *id,
		     enum draw_role role)
{
	const char *cells[4];
	for (int i = 0; i < 4; i++)
		cells[i] = vals[i] && *vals[i] ? vals[i] : COV_NONE;
	sheet_rows_add(&c->rows, cells, id, role);
}

static void cov_free(struct cov_table *c)
{
	sheet_rows_free(&c->rows);
	sbuf_free(&c->no_supporter);
	sbuf_free(&c->no_coord);
}

static int cov_area(void *ud, const struct coverage_area *a)
{
	struct cov_table *c = ud;
	if (!a->supporters) {
		sbuf_addf(&c->no_supporter, "%s%s", c->n_no_supporter++ ? "、" : "", a->name);
	}
	if (!a->coordinators)
		sbuf_addf(&c->no_coord, "%s%s", c->n_no_coord++ ? "、" : "", a->name);
	bool gap = !a->supporters || !a->coordinators;
	cov_push(c, (const char *const[]){gap ? "!" : " ", a->name,
					  a->supporters ? a->supporters : S_ST_MISSING,
					  a->coordinators ? a->coordinators : S_ST_MISSING},
		 NULL, gap ? ROLE_OVERDUE : ROLE_NORMAL);
	return 0;
}

/* One flag with its areas, wrapped between two names:
 * 「! エリアサポーター未配置 (2): 青陵中学区、落合中学区」. */
static void cov_flag(struct sheet *s, const char *what, long n, const char *names)
{
	struct sbuf line = {0};
	sbuf_addf(&line, "! %s (%ld): ", what, n);
	size_t head = line.len;
	for (const char *p = names; *p;) {
		const char *sep = strstr(p, "、");
		size_t len = sep ? (size_t)(sep - p) + strlen("、") : strlen(p);
		char *part = xstrndup(p, len);
		if (line.len > head && text_width(line.s) + text_width(part) > sheet_width()) {
			sheet_add(s, ROLE_OVERDUE, line.s, NULL);
			sbuf_reset(&line);
			sbuf_add(&line, "   ");
			head = line.len;
		}
		sbuf_add(&line, part);
		free(part);
		p += len;
	}
	sheet_add(s, ROLE_OVERDUE, line.s, NULL);
	sbuf_free(&line);
}

/* The flags first, so that a gap is seen without scrolling. */
static void cov_flags(struct sheet *s, const struct cov_table *areas)
{
	if (areas->n_no_supporter)
		cov_flag(s, S_ST_NO_SUPPORTER, areas->n_no_supporter, areas->no_supporter.s);
	if (areas->n_no_coord)
		cov_flag(s, S_ST_NO_COORD, areas->n_no_coord, areas->no_coord.s);
	if (!areas->n_no_supporter && !areas->n_no_coord)
		sheet_add_wrapped(s, ROLE_NORMAL, S_ST_ALL_COVERED);
}

static int cov_coord(void *ud, const struct coverage_coord *co)
{
	cov_push(ud, (const char *const[]){co->name, co->areas, co->team, co->supporters}, co->id,
		 ROLE_NORMAL);
	return 0;
}

static void cov_staff(struct tui *t, struct sheet *s)
{
	static const struct sheet_col cols[] = {
		{"氏名", TEXT_LEFT, false, "name", false},
		{"任用", TEXT_LEFT, false, "appointment", false},
		{"職位", TEXT_LEFT, false, "rank", false},
		{"所属", TEXT_LEFT, false, "organisation", false},
		{"担当エリア", TEXT_LEFT, true, "areas", false},
	};
	struct list_query q = {0};
	long n = 0;
	struct tsu_error err = {0};
	store_list_count(t->st, LIST_STAFF, &q, &n, &err);
	char line[128];
	snprintf(line, sizeof line, S_ST_STAFF, n);
	sheet_add(s, ROLE_SECTION, line, NULL);
	if (n == 0)
		sheet_add_wrapped(s, ROLE_NORMAL, S_ST_NO_STAFF);
	else
		sheet_list(t, s, LIST_STAFF, &q, cols, 5);
}

static void cov_build(struct tui *t, struct sheet *s, void *ud)
{
	static const struct sheet_col coord_cols[] = {
		{"コーディネーター", TEXT_LEFT, false, NULL, false},
		{"担当エリア", TEXT_LEFT, true, NULL, false},
		{"組む相手", TEXT_LEFT, false, NULL, false},
		{"エリアサポーター", TEXT_LEFT, false, NULL, false},
	};
	static const struct sheet_col area_cols[] = {
		{" ", TEXT_LEFT, false, NULL, false},
		{"エリア", TEXT_LEFT, false, NULL, false},
		{"エリアサポーター (市)", TEXT_LEFT, false, NULL, false},
		{"コーディネーター (社協)", TEXT_LEFT, true, NULL, false},
	};
	struct cov_table coords = {.rows = {.ncols = 4}}, areas = {.rows = {.ncols = 4}};
	struct tsu_error err = {0};
	(void)ud;
	sheet_clear(s);
	s->hints = coverage_hints;
	sheet_title(s, S_ST_TITLE);
	if (store_coverage_areas(t->st, cov_area, &areas, &err) != TSU_OK ||
	    store_coverage_coords(t->st, cov_coord, &coords, &err) != TSU_OK) {
		sheet_add(s, ROLE_ERROR, err.msg, NULL);
	} else {
		cov_flags(s, &areas);
		sheet_add(s, ROLE_NORMAL, "", NULL);
		cov_staff(t, s);
		sheet_add(s, ROLE_NORMAL, "", NULL);
		sheet_add(s, ROLE_SECTION, S_ST_PAIRS, NULL);
		if (coords.rows.n)
			sheet_rows_put(s, sheet_width(), coord_cols, &coords.rows);
		else
			sheet_add(s, ROLE_NORMAL, S_ST_NO_PAIRS, NULL);
		sheet_add(s, ROLE_NORMAL, "", NULL);
		sheet_add(s, ROLE_SECTION, S_ST_AREAS, NULL);
		sheet_rows_put(s, sheet_width(), area_cols, &areas.rows);
	}
	cov_free(&coords);
	cov_free(&areas);
}

/* Tab: the next section's first record (wraps to the top). */
static void cov_next_section(struct sheet *s)
{
	int i = s->sel + 1;
	while (i < s->n && s->l[i].role != ROLE_SECTION)
		i++;
	while (i < s->n && !s->l[i].id)
		i++;
	if (i >= s->n)
		for (i = 0; i < s->n && !s->l[i].id; i++)
			;
	if (i < s->n)
		s->sel = i;
}

/* Tab, Enter, e on the sheet; *ud (bool) notes a change. */
static bool cov_act(struct tui *t, struct sheet *s, enum tui_action a, const char *id, void *ud)
{
	bool *any = ud;
	if (a == ACT_NEXT_PANE)
		cov_next_section(s);
	else if (id && a == ACT_OPEN)
		detail_run(t, "staff", id);
	else if (id && a == ACT_EDIT)
		*any = (!tui_readonly(t) && form_run(t, "staff", id, (struct form_values){0},
						     (struct form_values){0}, NULL)) || *any;
	else
		tui_msg(t, "%s", !id && (a == ACT_OPEN || a == ACT_EDIT) ? S_LIST_EMPTY : S_NOTHING_HERE);
	return false;
}

void coverage_show(struct tui *t)
{
	bool any = false;
	sheet_show(t, cov_build, cov_act, &any);
	if (any)
		tui_reload_all(t);
}
