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

static bool lv_shown(const struct lv_col *c, int pw)
{
	return c->min_pane_w <= pw && (!c->max_pane_w || pw < c->max_pane_w);
}

/* Widths of the shown columns; flexible ones share what is left. */
static void lv_widths(const struct lv_col *cols, int ncols, int pw, int *w)
{
	int fixed = 0, nflex = 0;
	for (int i = 0; i < ncols; i++) {
		w[i] = 0;
		if (!lv_shown(&cols[i], pw))
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
		if (cols[i].width == 0 && lv_shown(&cols[i], pw))
			w[i] = share > 4 ? share : 4;
}

/* The text of a cell as drawn. */
static const char *lv_cell(struct tui *t, struct listview *lv, const struct lv_col *c,
			   long r, char *buf, size_t n)
{
	if (c->cell)
		return c->cell(t, &lv->rows, r, buf, n);
	return rows_get(&lv->rows, t->st, r, c->col);
}

/* Columns width by their content (what the rows on screen hold) and
 * heading: a column wider than both gives its blank columns to the
 * columns whose text is cut, to each in proportion to what it lacks;
 * what nobody needs goes back to the flexible columns.  When every
 * column is full the layout stays as lv_widths made it. */
static void lv_fit(struct tui *t, struct listview *lv, const struct lv_col *cols, int ncols,
		   int h, int *w)
{
	int need[16], lack[16], spare = 0, lacking = 0, nflex = 0;
	long total = lv_total(t, lv);
	for (int c = 0; c < ncols; c++) {
		/* the values decide, but a column keeps its whole heading
		 * (headings are short: 名称・氏名 is the longest) */
		int least = text_width(cols[c].heading);
		need[c] = 0;
		for (long i = lv->top; i < lv->top + h && i < total && w[c]; i++) {
			char buf[256];
			long r = lv->first_label ? i - 1 : i;
			const char *v = r < 0 ? NULL : lv_cell(t, lv, &cols[c], r, buf, sizeof(buf));
			int vw = v ? text_width(v) : 0;
			if (vw > need[c])
				need[c] = vw;
		}
		if (w[c] && cols[c].width == 0)
			nflex++;
		int keep = need[c] > least ? need[c] : least;
		if (w[c] > keep) {
			spare += w[c] - keep;
			w[c] = keep;
		}
		lack[c] = w[c] && need[c] > w[c] ? need[c] - w[c] : 0;
		lacking += lack[c];
	}
	/* each share rounded up, smallest shortfall first: a column one
	 * column short is not left cut for want of a rounding */
	int left = spare;
	for (int done = 0; done < ncols && lacking && left > 0; done++) {
		int c = -1;
		for (int k = 0; k < ncols; k++)
			if (lack[k] > 0 && (c < 0 || lack[k] < lack[c]))
				c = k;
		if (c < 0)
			break;
		int add = (int)(((long)spare * lack[c] + lacking - 1) / lacking);
		if (add > lack[c])
			add = lack[c];
		if (add > left)
			add = left;
		w[c] += add;
		left -= add;
		lack[c] = 0;
	}
	spare = left;
	for (int c = 0, k = 0; c < ncols && spare > 0 && nflex; c++)
		if (w[c] && cols[c].width == 0) {
			int add = k == nflex - 1 ? spare : spare / (nflex - k);
			w[c] += add;
			spare -= add;
			k++;
		}
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
		v = lv_cell(t, lv, &cols[c], r, buf, sizeof(buf));
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
	rows_clamp(total, h, &lv->sel, &lv->top);
	lv_widths(cols, ncols, p->w, w);
	lv_fit(t, lv, cols, ncols, h, w);
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
		draw_text(p->y + 1, p->x, p->w, lv->rows.interrupted ? S_SEARCHING : S_NO_ROWS, A_NORMAL,
			  TEXT_LEFT);
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
