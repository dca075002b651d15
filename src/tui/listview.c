#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include "draw.h"
#include "listview.h"
#include "strings.h"

long lv_total(struct tui *t, struct listview *lv)
{
	return rows_count(&lv->rows, t->st) + (lv->first_label ? 1 : 0);
}

long lv_row(struct tui *t, struct listview *lv)
{
	long total = lv_total(t, lv);
	if (lv->sel >= total)
		return -1;
	return lv->first_label ? lv->sel - 1 : lv->sel;
}

const char *lv_get(struct tui *t, struct listview *lv, const char *col)
{
	long r = lv_row(t, lv);
	return r < 0 ? NULL : rows_get(&lv->rows, t->st, r, col);
}

/* Widths of the shown columns; flexible ones share what is left. */
static void lv_widths(const struct lv_col *cols, int ncols, int pw, int *w)
{
	int fixed = 0, nflex = 0;
	for (int i = 0; i < ncols; i++) {
		w[i] = 0;
		if (cols[i].min_pane_w > pw)
			continue;
		if (cols[i].width == 0) {
			nflex++;
			continue;
		}
		w[i] = cols[i].width;
		fixed += w[i] + 1;
	}
	if (!nflex)
		return;
	int share = (pw - fixed - (nflex - 1)) / nflex;
	for (int i = 0; i < ncols; i++)
		if (cols[i].width == 0 && cols[i].min_pane_w <= pw)
			w[i] = share > 4 ? share : 4;
}

static void lv_draw_row(struct tui *t, struct pane *p, struct listview *lv,
			const struct lv_col *cols, int ncols, const int *w, long i, int y)
{
	bool selected = i == lv->sel;
	bool focused = &t->panes[t->focus] == p;
	int base = selected ? draw_attr(t, focused ? ROLE_SELECTED : ROLE_SELECTED_DIM)
			    : (int)A_NORMAL;
	draw_fill(y, p->x, 1, p->w, base);
	if (lv->first_label && i == 0) {
		draw_text(y, p->x, p->w, lv->first_label, base | A_BOLD, TEXT_LEFT);
		return;
	}
	long r = lv->first_label ? i - 1 : i;
	int x = p->x;
	for (int c = 0; c < ncols; c++) {
		char buf[256];
		const char *v;
		if (!w[c])
			continue;
		if (x + w[c] > p->x + p->w)
			break;
		if (cols[c].cell)
			v = cols[c].cell(t, &lv->rows, r, buf, sizeof(buf));
		else
			v = rows_get(&lv->rows, t->st, r, cols[c].col);
		int a = base;
		if (cols[c].emph && cols[c].emph(t, &lv->rows, r))
			a |= draw_attr(t, ROLE_OVERDUE);
		draw_text(y, x, w[c], v ? v : "", a, cols[c].align);
		x += w[c] + 1;
	}
}

void lv_draw(struct tui *t, struct pane *p, struct listview *lv,
	     const struct lv_col *cols, int ncols)
{
	int w[16];
	long total = lv_total(t, lv);
	int h = p->h - 1;
	lv_widths(cols, ncols, p->w, w);
	/* headings */
	int x = p->x;
	draw_fill(p->y, p->x, 1, p->w, draw_attr(t, ROLE_HEADER));
	for (int c = 0; c < ncols; c++) {
		if (!w[c])
			continue;
		if (x + w[c] > p->x + p->w)
			break;
		draw_text(p->y, x, w[c], cols[c].heading, draw_attr(t, ROLE_HEADER),
			  cols[c].align);
		x += w[c] + 1;
	}
	if (lv->rows.failed) {
		draw_text(p->y + 1, p->x, p->w, lv->rows.err.msg, draw_attr(t, ROLE_ERROR),
			  TEXT_LEFT);
		return;
	}
	if (total == 0) {
		draw_text(p->y + 1, p->x, p->w, S_NO_ROWS, A_NORMAL, TEXT_LEFT);
		return;
	}
	rows_clamp(total, h, &lv->sel, &lv->top);
	for (int i = 0; i < h && lv->top + i < total; i++)
		lv_draw_row(t, p, lv, cols, ncols, w, lv->top + i, p->y + 1 + i);
}

enum tui_handled lv_move(struct tui *t, struct pane *p, struct listview *lv,
			 enum tui_action a)
{
	long total = lv_total(t, lv);
	int page = p->h - 2 > 1 ? p->h - 2 : 1;
	switch (a) {
	case ACT_DOWN:
		lv->sel++;
		break;
	case ACT_UP:
		lv->sel--;
		break;
	case ACT_PAGE_DOWN:
		lv->sel += page;
		lv->top += page;
		break;
	case ACT_PAGE_UP:
		lv->sel -= page;
		lv->top -= page;
		break;
	case ACT_TOP:
		lv->sel = 0;
		break;
	case ACT_BOTTOM:
		lv->sel = total - 1;
		break;
	default:
		return TUI_UNHANDLED;
	}
	rows_clamp(total, p->h - 1, &lv->sel, &lv->top);
	return TUI_HANDLED;
}

void lv_click(struct tui *t, struct pane *p, struct listview *lv, int y)
{
	long i = lv->top + (y - p->y - 1);
	if (y > p->y && i < lv_total(t, lv))
		lv->sel = i;
}

bool lv_select_id(struct tui *t, struct listview *lv, const char *id)
{
	long total = rows_count(&lv->rows, t->st);
	for (long i = 0; i < total; i++) {
		const char *v = rows_get(&lv->rows, t->st, i, "id");
		if (v && strcmp(v, id) == 0) {
			lv->sel = lv->first_label ? i + 1 : i;
			return true;
		}
	}
	return false;
}
