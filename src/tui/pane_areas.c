/*
 * The Areas pane: every area with population, aging rate and open tasks.
 * Moving the selection filters Directory and Board at once (a first row
 * 「全エリア」 shows everything); Enter opens the area's detail view.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "draw.h"
#include "listview.h"
#include "screens.h"
#include "strings.h"
#include "tsunagu/sbuf.h"

static const char *areas_aging(struct tui *t, struct rows *r, long idx, char *buf, size_t n)
{
	const char *v = rows_get(r, t->st, idx, "aging_rate");
	if (!v)
		return "";
	snprintf(buf, n, "%s%%", v);
	return buf;
}

static const char *areas_pop(struct tui *t, struct rows *r, long idx, char *buf, size_t n)
{
	const char *v = rows_get(r, t->st, idx, "population");
	if (!v)
		return "";
	draw_thousands(v, buf, n);
	return buf;
}

static const struct lv_col areas_cols[] = {
	{S_COL_AREA, "name", 0, TEXT_LEFT, 0, NULL, NULL, 0},
	{S_COL_OPEN, "open_tasks", 4, TEXT_RIGHT, 20, NULL, NULL, 0},
	{S_COL_AGING, "aging_rate", 6, TEXT_RIGHT, 26, areas_aging, NULL, 0},
	{S_COL_POP, "population", 7, TEXT_RIGHT, 34, areas_pop, NULL, 0},
	{S_COL_KIND, "kind", 16, TEXT_LEFT, 52, NULL, NULL, 0},
};

static void areas_open(struct tui *t, struct pane *p)
{
	struct listview *lv = xcalloc(1, sizeof(*lv));
	rows_init(&lv->rows, LIST_AREAS);
	lv->first_label = S_ALL_AREAS;
	p->priv = lv;
}

static void areas_close(struct pane *p)
{
	struct listview *lv = p->priv;
	rows_free(&lv->rows);
	free(lv);
	p->priv = NULL;
}

static void areas_reload(struct tui *t, struct pane *p)
{
	struct listview *lv = p->priv;
	rows_reload(&lv->rows, t->st);
}

static void areas_draw(struct tui *t, struct pane *p)
{
	struct listview *lv = p->priv;
	lv_draw(t, p, lv, areas_cols, (int)(sizeof(areas_cols) / sizeof(areas_cols[0])));
}

/* The selected row becomes the area filter of the other panes. */
static void areas_apply(struct tui *t, struct pane *p)
{
	struct listview *lv = p->priv;
	long r = lv_row(t, lv);
	if (r < 0) {
		tui_set_area(t, NULL, NULL);
		return;
	}
	char *id = xstrdup(rows_get(&lv->rows, t->st, r, "id"));
	const char *nm = rows_get(&lv->rows, t->st, r, "name");
	char *name = xstrdup(nm ? nm : "");
	tui_set_area(t, id, name);
	free(id);
	free(name);
}

static enum tui_handled areas_action(struct tui *t, struct pane *p, enum tui_action a)
{
	struct listview *lv = p->priv;
	if (lv_move(t, p, lv, a) == TUI_HANDLED) {
		areas_apply(t, p);
		return TUI_HANDLED;
	}
	switch (a) {
	case ACT_OPEN: {
		const char *id = lv_get(t, lv, "id");
		if (!id) {
			tui_msg(t, "%s", S_SELECT_FIRST);
			return TUI_HANDLED;
		}
		char *copy = xstrdup(id);
		detail_run(t, "area", copy);
		free(copy);
		tui_reload_all(t);
		return TUI_HANDLED;
	}
	case ACT_LOG: {
		const char *id = lv_get(t, lv, "id");
		if (!id) {
			tui_msg(t, "%s", S_SELECT_FIRST);
			return TUI_HANDLED;
		}
		char *copy = xstrdup(id);
		ops_add_log(t, NULL, NULL, copy, NULL, NULL);
		free(copy);
		return TUI_HANDLED;
	}
	case ACT_LONGTEXT: {
		const char *id = lv_get(t, lv, "id");
		if (id) {
			char *copy = xstrdup(id);
			ops_edit_longtext(t, "area", copy, NULL);
			free(copy);
		}
		return TUI_HANDLED;
	}
	default:
		return TUI_UNHANDLED;
	}
}

static void areas_click(struct tui *t, struct pane *p, int y, int x)
{
	lv_click(t, p, p->priv, y);
	areas_apply(t, p);
}

/* The selected area's figures in full (the narrow pane shows few). */
static char *areas_status(struct tui *t, struct pane *p)
{
	struct listview *lv = p->priv;
	const char *name = lv_get(t, lv, "name");
	if (!name)
		return NULL;
	const char *kind = lv_get(t, lv, "kind");
	const char *pop = lv_get(t, lv, "population");
	const char *aging = lv_get(t, lv, "aging_rate");
	const char *open = lv_get(t, lv, "open_tasks");
	const char *schools = lv_get(t, lv, "schools");
	struct sbuf s = {0};
	char num[64];
	sbuf_add(&s, name);
	if (kind)
		sbuf_addf(&s, "  %s", kind);
	if (pop) {
		draw_thousands(pop, num, sizeof(num));
		sbuf_addf(&s, "  %s %s", S_COL_POP, num);
	}
	if (aging)
		sbuf_addf(&s, "  %s %s%%", S_COL_AGING, aging);
	if (open)
		sbuf_addf(&s, "  %s %s", S_OPEN_TASKS, open);
	if (schools)
		sbuf_addf(&s, "  (%s)", schools);
	return sbuf_detach(&s);
}

static const enum tui_action areas_hints[] = {
	/* the selected area's views first: the area pane is where its work starts */
	ACT_OPEN, ACT_NEXT_PANE, ACT_KARTE, ACT_HEATMAP, ACT_EVENTS, ACT_GENERATIONS, ACT_REQUESTS,
	ACT_LOAD, ACT_SURVEYS, ACT_STAFF, ACT_MATRIX,
	ACT_LOG, ACT_MINE, ACT_COMMAND, ACT_CONFLICTS, ACT_DELETED, ACT_HELP, ACT_QUIT, ACT_SYNC,
	ACT_REPORTS, ACT_UNDO, ACT_REDO,
	ACT_NONE,
};

const struct pane_ops pane_areas_ops = {
	.name = "areas",
	.title = S_PANE_AREAS,
	.open = areas_open,
	.close = areas_close,
	.reload = areas_reload,
	.draw = areas_draw,
	.action = areas_action,
	.click = areas_click,
	.hints = areas_hints,
	.status = areas_status,
};
