/*
 * The department matrix (key X, seed 004's 一覧表): categories down,
 * departments across, each cell the counts of its entries by state
 * ("取2 検1").  The category and mark columns stay while the departments
 * scroll sideways to keep the selected cell in view, so any number of
 * departments works in 80 columns.  A category with 取組中 in two or more
 * departments is marked 「◆重複?」, one with none 「◇空白」: words and
 * shapes, so the marks read without colour.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include "app.h"
#include "draw.h"
#include "matrixview.h"
#include "screens.h"
#include "strings.h"
#include "widgets.h"
#include "tsunagu/sbuf.h"

#define MG_CAT_MAX  14  /* columns of the category column at most */
#define MG_MARK_W   7
#define MG_DEPT_MIN 8
#define MG_DEPT_MAX 16
#define MG_LEGEND_MAX 4 /* lines of the legend under the grid */

bool mgrid_reload(struct tui *t, struct mgrid *g)
{
	char *cat = g->cat < g->m.ncats ? xstrdup(g->m.cats[g->cat].code) : NULL;
	char *dept = g->dept < g->m.ndepts ? xstrdup(g->m.depts[g->dept].code) : NULL;
	struct tsu_error err = {0};
	store_matrix_free(&g->m);
	bool ok = store_matrix_load(t->st, g->area_id, &g->m, &err) == TSU_OK;
	if (!ok)
		tui_error(t, &err);
	for (int i = 0; ok && cat && i < g->m.ncats; i++)
		if (strcmp(g->m.cats[i].code, cat) == 0)
			g->cat = i;
	for (int i = 0; ok && dept && i < g->m.ndepts; i++)
		if (strcmp(g->m.depts[i].code, dept) == 0)
			g->dept = i;
	if (g->cat >= g->m.ncats)
		g->cat = g->m.ncats ? g->m.ncats - 1 : 0;
	if (g->dept >= g->m.ndepts)
		g->dept = g->m.ndepts ? g->m.ndepts - 1 : 0;
	free(cat);
	free(dept);
	return ok;
}

bool mgrid_add_entry(struct tui *t, struct mgrid *g, int state)
{
	if (tui_readonly(t))
		return false;
	if (!g->m.ndepts) /* nothing to put an entry under yet */
		return form_run(t, "department", NULL, (struct form_values){0},
				(struct form_values){0}, NULL);
	struct field_value preset[] = {
		{"category", g->m.cats[g->cat].code}, {"department_id", g->m.depts[g->dept].code},
	};
	if (state < 0 || state >= MATRIX_NSTATES)
		state = MATRIX_ACTIVE;
	struct field_value init[] = {{"state", matrix_states[state]}, {"area_id", g->area_id}};
	bool saved = form_run(t, "matrix", NULL, (struct form_values){preset, 2},
			      (struct form_values){init, g->area_id ? 2 : 1}, NULL);
	if (saved)
		tui_msg(t, "%s", S_MATRIX_ADDED);
	return saved;
}

static int cat_width(const struct mgrid *g)
{
	int w = text_width(S_MATRIX_CAT);
	for (int c = 0; c < g->m.ncats; c++)
		if (text_width(g->m.cats[c].name) > w)
			w = text_width(g->m.cats[c].name);
	return w > MG_CAT_MAX ? MG_CAT_MAX : w;
}

/* Columns department d's name and counts take, at least MG_DEPT_MIN. */
static int dept_natural(const struct mgrid *g, int d)
{
	int w = text_width(g->m.depts[d].name);
	for (int c = 0; c < g->m.ncats; c++) {
		char *s = matrix_cell_counts(&g->m, c, d);
		if (text_width(s) > w)
			w = text_width(s);
		free(s);
	}
	return w < MG_DEPT_MIN ? MG_DEPT_MIN : w;
}

static int dept_width(const struct mgrid *g, int d)
{
	int w = dept_natural(g, d), cap = g->dept_cap > 0 ? g->dept_cap : MG_DEPT_MAX;
	return w > cap ? cap : w;
}

/* Columns are cut to MG_DEPT_MAX only when the departments do not all fit
 * whole in `cols` (子ども・若者政策課 whole on a wide screen). */
static void mgrid_cap(struct mgrid *g, int cols)
{
	int used = 0;
	for (int d = 0; d < g->m.ndepts; d++)
		used += dept_natural(g, d) + 1;
	g->dept_cap = used <= cols ? cols : MG_DEPT_MAX;
}

/* Departments that fit from g->left in `cols` columns (at least one). */
static int fitting(const struct mgrid *g, int cols)
{
	int n = 0, used = 0;
	for (int d = g->left; d < g->m.ndepts; d++) {
		used += dept_width(g, d) + 1;
		if (used > cols && n)
			break;
		n++;
	}
	return n;
}

/* Scrolls so that the selected cell is in view. */
static void mgrid_settle(struct mgrid *g, int rows, int cols)
{
	if (g->top > g->cat)
		g->top = g->cat;
	if (g->cat >= g->top + rows)
		g->top = g->cat - rows + 1;
	if (g->left > g->dept)
		g->left = g->dept;
	while (g->left < g->dept && g->dept >= g->left + fitting(g, cols))
		g->left++;
}

static const char *mark_of(const struct mgrid *g, int c)
{
	return matrix_overlap(&g->m, c) ? S_MATRIX_OVERLAP : matrix_gap(&g->m, c) ? S_MATRIX_GAP : "";
}

static void draw_row(struct tui *t, struct mgrid *g, int y, int c, int cw, int ndep)
{
	int x = 0, sel = draw_attr(t, ROLE_SELECTED);
	draw_text(y, x, cw, g->m.cats[c].name, c == g->cat ? (int)A_BOLD : (int)A_NORMAL, TEXT_LEFT);
	x += cw + 1;
	draw_text(y, x, MG_MARK_W, mark_of(g, c), matrix_overlap(&g->m, c) ? (int)A_BOLD : (int)A_NORMAL,
		  TEXT_LEFT);
	x += MG_MARK_W + 1;
	for (int d = g->left; d < g->left + ndep; d++) {
		int w = dept_width(g, d);
		char *s = matrix_cell_counts(&g->m, c, d);
		draw_text(y, x, w, *s ? s : S_MATRIX_EMPTY, c == g->cat && d == g->dept ? sel : (int)A_NORMAL,
			  TEXT_LEFT);
		free(s);
		x += w + 1;
	}
}

static void draw_header(struct tui *t, struct mgrid *g, int cw, int ndep)
{
	int x = 0, head = draw_attr(t, ROLE_HEADER);
	draw_fill(1, 0, 1, COLS, head);
	draw_text(1, x, cw, S_MATRIX_CAT, head, TEXT_LEFT);
	x += cw + 1;
	draw_text(1, x, MG_MARK_W, S_MATRIX_MARK, head, TEXT_LEFT);
	x += MG_MARK_W;
	draw_text(1, x, 1, g->left > 0 ? "<" : " ", head, TEXT_LEFT);
	x++;
	for (int d = g->left; d < g->left + ndep; d++) {
		int w = dept_width(g, d);
		draw_text(1, x, w, g->m.depts[d].name, d == g->dept ? head | (int)A_UNDERLINE : head,
			  TEXT_LEFT);
		x += w + 1;
	}
	if (g->left + ndep < g->m.ndepts)
		draw_text(1, COLS - 1, 1, ">", head, TEXT_LEFT);
}

/* The selected cell in words: its counts, and who has 取組中 when the
 * category is marked as a possible overlap. */
static void draw_cellinfo(struct mgrid *g, int y)
{
	struct sbuf b = {0};
	if (!g->m.ndepts) {
		draw_text(y, 0, COLS, S_MATRIX_NODEPTS, A_NORMAL, TEXT_LEFT);
		return;
	}
	char *counts = matrix_cell_counts(&g->m, g->cat, g->dept);
	sbuf_addf(&b, S_MATRIX_CELLINFO, g->m.cats[g->cat].name, g->m.depts[g->dept].name,
		  *counts ? counts : S_MATRIX_NONE_HERE);
	free(counts);
	if (matrix_overlap(&g->m, g->cat)) {
		struct sbuf who = {0};
		for (int d = 0; d < g->m.ndepts; d++)
			if (matrix_count(&g->m, g->cat, d, MATRIX_ACTIVE))
				sbuf_addf(&who, "%s%s", who.len ? "・" : "", g->m.depts[d].name);
		sbuf_addf(&b, S_MATRIX_ACTIVE_IN, who.s);
		sbuf_free(&who);
	}
	draw_text(y, 0, COLS, b.s, A_BOLD, TEXT_LEFT);
	sbuf_free(&b);
}

static const enum tui_action mgrid_hints[] = {
	ACT_OPEN, ACT_ADD, ACT_LEFT, ACT_RIGHT, ACT_UNDO, ACT_REDO, ACT_HELP, ACT_QUIT, ACT_NONE,
};

/* The legend's lines, wrapped to the screen (at 60 columns it was cut
 * before ◇空白 said what it means). */
struct mg_legend {
	char *v[MG_LEGEND_MAX];
	int n;
};

static void mg_legend_add(void *ud, const char *line)
{
	struct mg_legend *l = ud;
	if (l->n < MG_LEGEND_MAX)
		l->v[l->n++] = xstrdup(line);
}

static void mgrid_draw(struct tui *t, void *ud)
{
	struct mgrid *g = ud;
	struct sbuf title = {0}, scope = {0};
	struct mg_legend legend = {0};
	draw_wrap(S_MATRIX_LEGEND, COLS, mg_legend_add, &legend);
	draw_wrap(S_MATRIX_LEGEND2, COLS, mg_legend_add, &legend);
	int rows = LINES - 5 - legend.n, cw = cat_width(g), cols = COLS - cw - MG_MARK_W - 3;
	erase();
	if (g->area_name)
		sbuf_addf(&scope, S_MATRIX_SCOPE_AREA, g->area_name);
	sbuf_addf(&title, S_MATRIX_TITLE, g->area_name ? scope.s : S_MATRIX_SCOPE_ALL);
	draw_role_text(t, 0, 0, COLS, title.s, ROLE_TITLE);
	sbuf_free(&title);
	sbuf_free(&scope);
	mgrid_cap(g, cols);
	mgrid_settle(g, rows > 1 ? rows : 1, cols > MG_DEPT_MIN ? cols : MG_DEPT_MIN);
	int ndep = g->m.ndepts ? fitting(g, cols) : 0;
	draw_header(t, g, cw, ndep);
	for (int i = 0; i < rows && g->top + i < g->m.ncats; i++)
		draw_row(t, g, 2 + i, g->top + i, cw, ndep);
	for (int i = 0; i < legend.n; i++) {
		draw_text(LINES - 3 - legend.n + i, 0, COLS, legend.v[i], A_NORMAL, TEXT_LEFT);
		free(legend.v[i]);
	}
	draw_cellinfo(g, LINES - 3);
	prompt_status(t, t->msg, t->msg_error);
	char *hints = tui_hint_line(mgrid_hints, TUI_SCREEN_SUB, COLS, &t->hintbar);
	draw_hints(t, LINES - 1, 0, COLS, hints);
	free(hints);
	curs_set(0);
}

/* One action on the grid; *changed when the data changed.  True: close. */
static bool mgrid_action(struct tui *t, struct mgrid *g, enum tui_action a, bool *changed)
{
	switch (a) {
	case ACT_QUIT: return true;
	case ACT_DOWN: g->cat += g->cat + 1 < g->m.ncats; break;
	case ACT_UP: g->cat -= g->cat > 0; break;
	case ACT_RIGHT: case ACT_NEXT_PANE: g->dept += g->dept + 1 < g->m.ndepts; break;
	case ACT_LEFT: case ACT_PREV_PANE: g->dept -= g->dept > 0; break;
	case ACT_TOP: g->cat = 0; break;
	case ACT_BOTTOM: g->cat = g->m.ncats ? g->m.ncats - 1 : 0; break;
	case ACT_HELP: help_show(t); break;
	case ACT_MORE_KEYS: t->hintbar.page++; break;
	case ACT_ADD: *changed = mgrid_add_entry(t, g, -1); break;
	case ACT_OPEN:
		if (g->m.ndepts)
			*changed = matrixcell_run(t, g);
		else
			tui_msg(t, "%s", S_MATRIX_NODEPTS);
		break;
	case ACT_UNDO:
	case ACT_REDO:
		ops_undo(t, a == ACT_REDO);
		*changed = true;
		break;
	default:
		tui_msg(t, "%s", S_NOTHING_HERE);
		break;
	}
	return false;
}

void matrix_show(struct tui *t)
{
	struct mgrid g = {.area_id = t->area_id, .area_name = t->area_name};
	struct tui_backdrop saved = t->under;
	bool any = false;
	if (!mgrid_reload(t, &g))
		return;
	t->msg[0] = '\0';
	while (!t->hangup) {
		enum tui_action a = tui_view_key(t, (struct tui_backdrop){mgrid_draw, &g});
		if (a == ACT_NONE || a == ACT_REDRAW)
			continue;
		bool changed = false;
		if (mgrid_action(t, &g, a, &changed))
			break;
		if (changed) {
			any = true;
			if (!mgrid_reload(t, &g))
				break;
		}
	}
	t->under = saved;
	store_matrix_free(&g.m);
	if (any)
		tui_reload_all(t);
}
