/*
 * The Mine pane: open tasks assigned to the current user in every area,
 * overdue first, then by due date (the order comes from LIST_MINE).  It is
 * what a staff member opens first in the morning, so it shows the area
 * and lets the card move along the board from here too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "draw.h"
#include "listview.h"
#include "screens.h"
#include "strings.h"
#include "tsunagu/localtime.h"
#include "tsunagu/sbuf.h"

static bool mine_overdue(struct tui *t, struct rows *r, long idx)
{
	const char *v = rows_get(r, t->st, idx, "overdue");
	return v && strcmp(v, "1") == 0;
}

static const char *mine_due(struct tui *t, struct rows *r, long idx, char *buf, size_t n)
{
	char shown[LOCALTIME_MAX];
	localtime_date(rows_get(r, t->st, idx, "due"), t->date_style, shown, sizeof shown);
	snprintf(buf, n, "%s%s", mine_overdue(t, r, idx) ? S_OVERDUE_MARK : " ", shown);
	return buf;
}

static const struct lv_col mine_cols[] = {
	{S_COL_DUE, "due", 11, TEXT_LEFT, 0, mine_due, mine_overdue, 0},
	{S_COL_STATUS, "status", 6, TEXT_LEFT, 0, NULL, NULL, 0},
	{S_COL_DUTY, "duty", 4, TEXT_LEFT, 0, NULL, NULL, 0},
	{S_COL_TITLE, "title", 0, TEXT_LEFT, 0, NULL, NULL, 0},
	{S_COL_ASSIGNEE, "assignee", 10, TEXT_LEFT, 90, NULL, NULL, 0},
	{S_COL_AREA, "area", 14, TEXT_LEFT, 60, NULL, NULL, 0},
};

static void mine_open(struct tui *t, struct pane *p)
{
	struct listview *lv = xcalloc(1, sizeof(*lv));
	rows_init(&lv->rows, LIST_MINE);
	p->priv = lv;
}

static void mine_close(struct pane *p)
{
	struct listview *lv = p->priv;
	rows_free(&lv->rows);
	free(lv);
	p->priv = NULL;
}

static void mine_reload(struct tui *t, struct pane *p)
{
	struct listview *lv = p->priv;
	rows_reload(&lv->rows, t->st);
}

static void mine_draw(struct tui *t, struct pane *p)
{
	lv_draw(t, p, p->priv, mine_cols, (int)(sizeof(mine_cols) / sizeof(mine_cols[0])));
}

static const char *mine_subtitle(struct tui *t, struct pane *p)
{
	(void)p;
	return t->author;
}

static enum tui_handled mine_action(struct tui *t, struct pane *p, enum tui_action a)
{
	struct listview *lv = p->priv;
	if (lv_move(t, p, lv, a) == TUI_HANDLED)
		return TUI_HANDLED;
	if (a == ACT_REPORTS) { /* the task's 支援経過記録 offered first */
		const char *sel = lv_get(t, lv, "id");
		char *task = sel ? xstrdup(sel) : NULL;
		reports_run(t, task);
		free(task);
		return TUI_HANDLED;
	}
	if (a != ACT_OPEN && a != ACT_EDIT && a != ACT_LOG && a != ACT_LONGTEXT &&
	    a != ACT_CARD_LEFT && a != ACT_CARD_RIGHT && a != ACT_LINK && a != ACT_SUGGEST &&
	    a != ACT_REQUEST_NEXT)
		return TUI_UNHANDLED;
	const char *cur = lv_get(t, lv, "id");
	if (!cur) {
		tui_msg(t, "%s", S_SELECT_FIRST);
		return TUI_HANDLED;
	}
	if (a != ACT_OPEN && a != ACT_SUGGEST && tui_readonly(t))
		return TUI_HANDLED;
	char *id = xstrdup(cur);
	const char *stv = lv_get(t, lv, "status");
	char *status = xstrdup(stv ? stv : "");
	bool move = a == ACT_CARD_LEFT || a == ACT_CARD_RIGHT;
	bool changed = move ? ops_move_task(t, id, status, a == ACT_CARD_LEFT ? -1 : 1)
			    : ops_task_action(t, a, id, NULL);
	if (changed)
		tui_reload_all(t);
	free(id);
	free(status);
	return TUI_HANDLED;
}

static void mine_click(struct tui *t, struct pane *p, int y, int x)
{
	lv_click(t, p, p->priv, y);
}

static char *mine_status(struct tui *t, struct pane *p)
{
	struct listview *lv = p->priv;
	const char *title = lv_get(t, lv, "title");
	if (!title)
		return NULL;
	const char *area = lv_get(t, lv, "area");
	struct sbuf s = {0};
	sbuf_add(&s, title);
	if (area)
		sbuf_addf(&s, "  %s", area);
	if (mine_overdue(t, &lv->rows, lv_row(t, lv)))
		sbuf_add(&s, S_OVERDUE_TEXT);
	return sbuf_detach(&s);
}

static const enum tui_action mine_hints[] = {
	ACT_OPEN, ACT_EDIT, ACT_CARD_LEFT, ACT_CARD_RIGHT, ACT_LOG, ACT_MINE, ACT_SUGGEST,
	ACT_REQUEST_NEXT, ACT_HELP, ACT_QUIT, ACT_NONE,
};

const struct pane_ops pane_mine_ops = {
	.name = "mine",
	.title = S_PANE_MINE,
	.open = mine_open,
	.close = mine_close,
	.reload = mine_reload,
	.draw = mine_draw,
	.action = mine_action,
	.click = mine_click,
	.hints = mine_hints,
	.status = mine_status,
	.subtitle = mine_subtitle,
};
