/*
 * Full-screen sheets (sheet.h).  Tables are laid out once per build by
 * display width: each column as wide as its widest cell, the flexible
 * column taking what is left, so that 80 columns stay readable; text is
 * sanitised before it is measured, so stored escapes cannot shift a line.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include "app.h"
#include "screens.h"
#include "sheet.h"
#include "strings.h"
#include "tsunagu/sanitize.h"
#include "tsunagu/sbuf.h"
#include "tsunagu/textwidth.h"

#define SHEET_SEP 2
#define SHEET_MIN_FLEX 8

int sheet_width(void)
{
	return COLS - 2;
}

void sheet_clear(struct sheet *s)
{
	const char *id = sheet_id(s);
	if (id) {
		free(s->keep_id);
		s->keep_id = xstrdup(id);
	}
	for (int i = 0; i < s->n; i++) {
		free(s->l[i].text);
		free(s->l[i].id);
	}
	s->n = 0;
	free(s->title);
	s->title = NULL;
}

void sheet_free(struct sheet *s)
{
	sheet_clear(s);
	free(s->l);
	free(s->keep_id);
	memset(s, 0, sizeof *s);
}

void sheet_title(struct sheet *s, const char *text)
{
	free(s->title);
	s->title = text_sanitize(text ? text : "", 0);
}

void sheet_add(struct sheet *s, enum draw_role role, const char *text, const char *id)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->l = xrealloc(s->l, (size_t)s->cap * sizeof *s->l);
	}
	s->l[s->n++] = (struct sheet_line){text_sanitize(text ? text : "", 0), role,
					   id ? xstrdup(id) : NULL};
}

struct sheet_wrap {
	struct sheet *s;
	enum draw_role role;
};

static void sheet_wrap_line(void *ud, const char *line)
{
	struct sheet_wrap *w = ud;
	sheet_add(w->s, w->role, line, NULL);
}

void sheet_add_wrapped(struct sheet *s, enum draw_role role, const char *text)
{
	struct sheet_wrap w = {s, role};
	draw_wrap(text, sheet_width(), sheet_wrap_line, &w);
}

/* Column widths for the cells (already sanitised) in `width` columns. */
static void sheet_widths(int width, const struct sheet_col *cols, int ncols,
			 char *const *shown, int nrows, int *w)
{
	int used = 0, flex = -1;
	for (int c = 0; c < ncols; c++) {
		w[c] = text_width(cols[c].heading);
		for (int r = 0; r < nrows; r++) {
			int tw = text_width(shown[r * ncols + c]);
			if (tw > w[c])
				w[c] = tw;
		}
		if (cols[c].flex)
			flex = c;
		else
			used += w[c];
	}
	used += SHEET_SEP * (ncols - 1);
	if (flex >= 0) {
		int left = width - used;
		if (left < w[flex])
			w[flex] = left > SHEET_MIN_FLEX ? left : SHEET_MIN_FLEX;
	}
}

static char *sheet_row(const struct sheet_col *cols, int ncols, const int *w,
		       char *const *cells)
{
	struct sbuf b = {0};
	for (int c = 0; c < ncols; c++) {
		char *cell = text_width_fit(cells[c], w[c], cols[c].align);
		sbuf_addf(&b, "%s%s", c ? "  " : "", cell);
		free(cell);
	}
	return sbuf_detach(&b);
}

void sheet_table(struct sheet *s, int width, const struct sheet_col *cols, int ncols,
		 const char *const *cells, int nrows, const char *const *ids,
		 const enum draw_role *roles)
{
	char **shown = xcalloc((size_t)(nrows + 1) * (size_t)ncols + 1, sizeof *shown);
	int *w = xcalloc((size_t)ncols, sizeof *w);
	for (int i = 0; i < nrows * ncols; i++)
		shown[i] = text_sanitize(cells[i] ? cells[i] : "", 0);
	sheet_widths(width, cols, ncols, shown, nrows, w);
	char **head = shown + nrows * ncols;
	for (int c = 0; c < ncols; c++)
		head[c] = (char *)cols[c].heading;
	char *line = sheet_row(cols, ncols, w, head);
	sheet_add(s, ROLE_HEADER, line, NULL);
	free(line);
	for (int r = 0; r < nrows; r++) {
		line = sheet_row(cols, ncols, w, shown + r * ncols);
		sheet_add(s, roles ? roles[r] : ROLE_NORMAL, line, ids ? ids[r] : NULL);
		free(line);
	}
	for (int i = 0; i < nrows * ncols; i++)
		free(shown[i]);
	free(shown);
	free(w);
}

struct sheet_rows {
	struct tui *t;
	enum list_kind kind;
	const struct sheet_col *cols;
	int ncols, idcol;
	char **cells, **ids;
	int n, cap;
};

static int sheet_list_row(void *ud, int ncols, const char *const *values)
{
	struct sheet_rows *r = ud;
	(void)ncols;
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 64;
		r->cells = xrealloc(r->cells, (size_t)r->cap * (size_t)r->ncols * sizeof *r->cells);
		r->ids = xrealloc(r->ids, (size_t)r->cap * sizeof *r->ids);
	}
	for (int c = 0; c < r->ncols; c++) {
		int i = list_column_index(r->kind, r->cols[c].list_col);
		const char *v = i >= 0 && values[i] ? values[i] : "";
		char shown[LOCALTIME_MAX];
		if (r->cols[c].date && *v)
			v = localtime_date(v, r->t->date_style, shown, sizeof shown);
		r->cells[r->n * r->ncols + c] = xstrdup(v);
	}
	r->ids[r->n++] = xstrdup(r->idcol >= 0 && values[r->idcol] ? values[r->idcol] : "");
	return 0;
}

long sheet_list(struct tui *t, struct sheet *s, enum list_kind kind, const struct list_query *q,
		const struct sheet_col *cols, int ncols)
{
	struct sheet_rows r = {t, kind, cols, ncols, list_column_index(kind, "id"), NULL, NULL, 0, 0};
	struct tsu_error err = {0};
	long n = r.n;
	if (store_list(t->st, kind, q, sheet_list_row, &r, &err) != TSU_OK) {
		tui_error(t, &err);
		n = -1;
	} else {
		sheet_table(s, sheet_width(), cols, ncols, (const char *const *)r.cells, r.n,
			    (const char *const *)r.ids, NULL);
		n = r.n;
	}
	for (int i = 0; i < r.n * ncols; i++)
		free(r.cells[i]);
	for (int i = 0; i < r.n; i++)
		free(r.ids[i]);
	free(r.cells);
	free(r.ids);
	return n;
}

const char *sheet_id(const struct sheet *s)
{
	return s->sel >= 0 && s->sel < s->n ? s->l[s->sel].id : NULL;
}

/* The next selectable line from `from` in direction dir, or -1. */
static int sheet_next(const struct sheet *s, int from, int dir)
{
	for (int i = from; i >= 0 && i < s->n; i += dir)
		if (s->l[i].id)
			return i;
	return -1;
}

/* Puts the selection on a record line near `want` (or on the record
 * kept from before the rebuild). */
static void sheet_settle(struct sheet *s, int want, int dir)
{
	if (s->keep_id) {
		for (int i = 0; i < s->n; i++)
			if (s->l[i].id && strcmp(s->l[i].id, s->keep_id) == 0)
				want = i;
		free(s->keep_id);
		s->keep_id = NULL;
	}
	if (want >= s->n)
		want = s->n - 1;
	if (want < 0)
		want = 0;
	int to = sheet_next(s, want, dir);
	if (to < 0)
		to = sheet_next(s, want, -dir);
	s->sel = to >= 0 ? to : want;
}

static void sheet_draw(struct tui *t, struct sheet *s)
{
	int h = LINES - 3;
	erase();
	draw_role_text(t, 0, 0, COLS, s->title ? s->title : "", ROLE_TITLE);
	bool any = sheet_next(s, 0, 1) >= 0;
	int last_top = s->n > h ? s->n - h : 0;
	if (s->top > last_top)
		s->top = last_top;
	if (s->top < 0)
		s->top = 0;
	/* without records the cursor only scrolls: show the page from top */
	for (int i = 0; i < h && s->top + i < s->n; i++) {
		const struct sheet_line *l = &s->l[s->top + i];
		bool sel = any && s->top + i == s->sel;
		draw_role_text(t, 1 + i, 1, sheet_width(), l->text, sel ? ROLE_SELECTED : l->role);
	}
	draw_role_text(t, LINES - 2, 0, COLS, t->msg, t->msg_error ? ROLE_ERROR : ROLE_STATUS);
	char *hints = tui_hint_line(s->hints, COLS, &t->hintbar);
	draw_hints(t, LINES - 1, 0, COLS, hints);
	free(hints);
	curs_set(0);
}

static void sheet_backdrop(struct tui *t, void *ud)
{
	sheet_draw(t, ud);
}

static int clampi(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static int sheet_page(void)
{
	return LINES - 3 > 1 ? LINES - 3 : 1;
}

/* Scrolls by `by` lines (lines below the last record stay reachable). */
static void sheet_scroll(struct sheet *s, int by)
{
	int h = sheet_page();
	s->top = clampi(s->top + by, 0, s->n > h ? s->n - h : 0);
}

/* Brings the selection into view; the headings above the first record
 * stay in view while they fit. */
static void sheet_follow(struct sheet *s)
{
	int h = sheet_page();
	if (s->sel < s->top)
		s->top = s->sel;
	if (s->sel >= s->top + h)
		s->top = s->sel - h + 1;
	if (sheet_next(s, s->sel - 1, -1) < 0 && s->sel < h)
		s->top = 0;
}

/* Selects record line `to` (>= 0) or, when there is none that way,
 * scrolls by `by`. */
static void sheet_go(struct sheet *s, int to, int by)
{
	if (to >= 0 && to != s->sel) {
		s->sel = to;
		sheet_follow(s);
	} else {
		sheet_scroll(s, by);
	}
}

/* Moves for a movement action; false when `a` is not one.  Only record
 * lines are selected; past the last record (or without records) the
 * sheet scrolls. */
static bool sheet_move(struct sheet *s, enum tui_action a)
{
	int page = sheet_page(), to;
	bool any = sheet_next(s, 0, 1) >= 0;
	bool shown = s->sel >= s->top && s->sel < s->top + page;
	switch (a) {
	case ACT_DOWN:
		sheet_go(s, any && shown ? sheet_next(s, s->sel + 1, 1) : -1, 1);
		return true;
	case ACT_PAGE_DOWN:
		to = any && shown ? sheet_next(s, clampi(s->sel + page, 0, s->n - 1), -1) : -1;
		sheet_go(s, to > s->sel ? to : -1, page);
		return true;
	case ACT_UP:
		sheet_go(s, any && shown ? sheet_next(s, s->sel - 1, -1) : -1, -1);
		return true;
	case ACT_PAGE_UP:
		to = any && shown ? sheet_next(s, clampi(s->sel - page, 0, s->n - 1), 1) : -1;
		sheet_go(s, to >= 0 && to < s->sel ? to : -1, -page);
		return true;
	case ACT_TOP:
		if (any)
			s->sel = sheet_next(s, 0, 1);
		s->top = 0;
		return true;
	case ACT_BOTTOM:
		if (any)
			s->sel = sheet_next(s, s->n - 1, -1);
		sheet_scroll(s, s->n);
		return true;
	default:
		return false;
	}
}

enum tui_action sheet_run(struct tui *t, struct sheet *s)
{
	enum tui_action a = ACT_QUIT;
	sheet_settle(s, s->sel, 1);
	sheet_follow(s);
	while (!t->quit) {
		t->under = (struct tui_backdrop){sheet_backdrop, s};
		sheet_draw(t, s);
		refresh();
		int key = tui_getkey(t);
		if (key == TUI_FKEY(KEY_RESIZE)) {
			a = ACT_REDRAW;
			break;
		}
		a = tui_action_for_key(key);
		if (a == ACT_NONE)
			continue;
		t->msg[0] = '\0';
		if (sheet_move(s, a))
			continue;
		if (a == ACT_MORE_KEYS) {
			t->hintbar.page++;
			continue;
		}
		if (a == ACT_HELP) {
			help_show(t);
			continue;
		}
		break;
	}
	if (t->quit)
		a = ACT_QUIT;
	return a;
}
