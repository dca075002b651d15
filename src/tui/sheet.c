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
#include "widgets.h"
#include "tsunagu/sanitize.h"
#include "tsunagu/sbuf.h"
#include "tsunagu/textwidth.h"

#define SHEET_SEP 2
#define SHEET_MIN_FLEX 8
#define SHEET_MIN_COL 4
#define SHEET_TITLE_MAX 2   /* rows the title bar may take */

int sheet_width(void)
{
	return COLS - 2;
}

void sheet_clear(struct sheet *s)
{
	const char *id = sheet_id(s);
	if (id && !s->keep_id) {
		free(s->keep_id);
		s->keep_id = xstrdup(id);
	}
	for (int i = 0; i < s->n; i++) {
		free(s->l[i].text);
		free(s->l[i].id);
		free(s->l[i].note);
	}
	s->n = 0;
	free(s->title);
	s->title = NULL;
}

void sheet_keep(struct sheet *s, const char *id)
{
	free(s->keep_id);
	s->keep_id = xstrdup(id);
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
					   id ? xstrdup(id) : NULL, NULL};
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

/* A heading wider than its column goes on two lines rather than being
 * cut (世代別's 割合の増減 at 60 columns was 割合の …).  It breaks where
 * both parts fit `w` columns: at a space or before "(" when it can,
 * else at the character nearest its middle.  Returns the byte offset of
 * the break (the second part starts after a space there), 0 for none. */
static size_t sheet_head_break(const char *h, int w)
{
	int total = text_width(h), best_score = 1 << 30;
	size_t best = 0;
	for (size_t i = 1; h[i]; i++) {
		if (((unsigned char)h[i] & 0xC0) == 0x80)
			continue;
		char *first = xstrndup(h, i);
		int fw = text_width(first), rw = total - fw - (h[i] == ' ');
		free(first);
		if (fw > w || rw > w || h[i - 1] == ' ')
			continue;
		int mid = fw - total / 2, score = mid < 0 ? -mid : mid;
		if (h[i] == ' ' || h[i] == '(')
			score -= total;   /* a word's edge beats the middle */
		if (score < best_score) {
			best_score = score;
			best = i;
		}
	}
	return best;
}

/* The narrowest a column may be for its heading: on two lines. */
static int sheet_head_min(const char *h)
{
	int total = text_width(h);
	for (int w = (total + 1) / 2; w < total; w++)
		if (sheet_head_break(h, w))
			return w;
	return total;
}

static int sheet_floor(const char *heading, int cells)
{
	int h = sheet_head_min(heading);
	return h > cells ? h : cells;
}

/* Takes `over` columns from the columns wider than their floor (the
 * widest first, never `skip`); returns what it could not take. */
static int sheet_shrink(int *w, const int *floor, int ncols, int skip, int over)
{
	while (over > 0) {
		int widest = -1;
		for (int c = 0; c < ncols; c++)
			if (c != skip && w[c] > floor[c] && (widest < 0 || w[c] > w[widest]))
				widest = c;
		if (widest < 0)
			break;
		w[widest]--;
		over--;
	}
	return over;
}

/* Column widths for the cells (already sanitised) in `width` columns.
 * Too wide, the columns give up room in three steps: the flexible column
 * (the one that takes what is left) down to its heading on two lines,
 * then the other headings go on two lines (a column keeps its cells and
 * half its heading), then the widest columns cut their cells. */
static void sheet_widths(int width, const struct sheet_col *cols, int ncols,
			 char *const *shown, int nrows, int *w)
{
	int used = SHEET_SEP * (ncols - 1), flex = -1;
	int *floor = xcalloc((size_t)ncols, sizeof *floor);
	int *least = xcalloc((size_t)ncols, sizeof *least);
	for (int c = 0; c < ncols; c++) {
		int cells = 0;
		for (int r = 0; r < nrows; r++) {
			int tw = text_width(shown[r * ncols + c]);
			if (tw > cells)
				cells = tw;
		}
		int head = text_width(cols[c].heading);
		w[c] = cells > head ? cells : head;
		floor[c] = sheet_floor(cols[c].heading, cells);
		least[c] = SHEET_MIN_COL;
		if (cols[c].flex)
			flex = c;
		used += w[c];
	}
	if (flex >= 0) {
		int fmin = sheet_head_min(cols[flex].heading);
		floor[flex] = fmin > SHEET_MIN_FLEX ? fmin : SHEET_MIN_FLEX;
		least[flex] = SHEET_MIN_FLEX;
		/* the flexible column takes what is left, down to its floor */
		int over = used - width, give = w[flex] - floor[flex];
		int take = over < give ? over : give;
		if (take > 0) {
			w[flex] -= take;
			used -= take;
		}
	}
	int over = sheet_shrink(w, floor, ncols, flex, used - width);
	sheet_shrink(w, least, ncols, -1, over);
	free(floor);
	free(least);
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

/* The heading line, or two when a heading is wider than its column: the
 * headings that break stand on both, the others on the second, next to
 * the rows. */
static void sheet_put_heads(struct sheet *s, const struct sheet_col *cols, int ncols,
			    const int *w)
{
	char **top = xcalloc((size_t)ncols, sizeof *top);
	char **bottom = xcalloc((size_t)ncols, sizeof *bottom);
	bool two = false;
	for (int c = 0; c < ncols; c++) {
		const char *h = cols[c].heading;
		size_t at = text_width(h) > w[c] ? sheet_head_break(h, w[c]) : 0;
		top[c] = xstrndup(h, at);
		bottom[c] = xstrdup(h + at + (at && h[at] == ' '));
		two |= at > 0;
	}
	char *line;
	if (two) {
		line = sheet_row(cols, ncols, w, top);
		sheet_add(s, ROLE_HEADER, line, NULL);
		free(line);
	}
	line = sheet_row(cols, ncols, w, bottom);
	sheet_add(s, ROLE_HEADER, line, NULL);
	free(line);
	for (int c = 0; c < ncols; c++) {
		free(top[c]);
		free(bottom[c]);
	}
	free(top);
	free(bottom);
}

/* Adds a table's lines: the headings, then each row (a group heading
 * before it where groups[r] is set); cells are already sanitised. */
static void sheet_put(struct sheet *s, int width, const struct sheet_col *cols, int ncols,
		      char *const *shown, int nrows, const struct sheet_rows *r)
{
	int *w = xcalloc((size_t)ncols, sizeof *w);
	sheet_widths(width, cols, ncols, shown, nrows, w);
	sheet_put_heads(s, cols, ncols, w);
	char *line;
	for (int i = 0; i < nrows; i++) {
		if (r->groups && r->groups[i]) {
			struct sbuf g = {0};
			sbuf_addf(&g, "■ %s", r->groups[i]);
			sheet_add(s, ROLE_SECTION, g.s, NULL);
			sbuf_free(&g);
		}
		line = sheet_row(cols, ncols, w, shown + i * ncols);
		sheet_add(s, r->roles ? r->roles[i] : ROLE_NORMAL, line, r->ids ? r->ids[i] : NULL);
		free(line);
		char *note = r->notes && r->notes[i] ? text_sanitize(r->notes[i], 0) : NULL;
		if (note && !strstr(s->l[s->n - 1].text, note))   /* only what the row cut */
			s->l[s->n - 1].note = note;
		else
			free(note);
	}
	free(w);
}

static void sheet_lay(struct sheet *s, int width, const struct sheet_col *cols, int ncols,
		      const char *const *cells, int nrows, const struct sheet_rows *r)
{
	char **shown = xcalloc((size_t)nrows * (size_t)ncols + 1, sizeof *shown);
	for (int i = 0; i < nrows * ncols; i++)
		shown[i] = text_sanitize(cells[i] ? cells[i] : "", 0);
	sheet_put(s, width, cols, ncols, shown, nrows, r);
	for (int i = 0; i < nrows * ncols; i++)
		free(shown[i]);
	free(shown);
}

void sheet_table(struct sheet *s, int width, const struct sheet_col *cols, int ncols,
		 const char *const *cells, int nrows, const char *const *ids,
		 const enum draw_role *roles)
{
	struct sheet_rows r = {.ncols = ncols, .ids = (char **)ids, .roles = (enum draw_role *)roles};
	sheet_lay(s, width, cols, ncols, cells, nrows, &r);
}

void sheet_rows_add(struct sheet_rows *r, const char *const *cells, const char *id,
		    enum draw_role role)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 32;
		size_t n = (size_t)r->cap;
		r->cells = xrealloc(r->cells, n * (size_t)r->ncols * sizeof *r->cells);
		r->ids = xrealloc(r->ids, n * sizeof *r->ids);
		r->notes = xrealloc(r->notes, n * sizeof *r->notes);
		r->groups = xrealloc(r->groups, n * sizeof *r->groups);
		r->roles = xrealloc(r->roles, n * sizeof *r->roles);
	}
	for (int c = 0; c < r->ncols; c++)
		r->cells[r->n * r->ncols + c] = xstrdup(cells[c] ? cells[c] : "");
	r->ids[r->n] = id ? xstrdup(id) : NULL;
	r->notes[r->n] = NULL;
	r->groups[r->n] = r->group;
	r->group = NULL;
	r->roles[r->n++] = role;
}

void sheet_rows_note(struct sheet_rows *r, const char *note)
{
	if (r->n) {
		free(r->notes[r->n - 1]);
		r->notes[r->n - 1] = note ? xstrdup(note) : NULL;
	}
}

void sheet_rows_group(struct sheet_rows *r, const char *heading)
{
	free(r->group);
	r->group = xstrdup(heading ? heading : "");
}

void sheet_rows_free(struct sheet_rows *r)
{
	for (int i = 0; i < r->n * r->ncols; i++)
		free(r->cells[i]);
	for (int i = 0; i < r->n; i++) {
		free(r->ids[i]);
		free(r->notes[i]);
		free(r->groups[i]);
	}
	free(r->cells);
	free(r->ids);
	free(r->notes);
	free(r->groups);
	free(r->roles);
	free(r->group);
	int ncols = r->ncols;
	memset(r, 0, sizeof *r);
	r->ncols = ncols;
}

void sheet_rows_put(struct sheet *s, int width, const struct sheet_col *cols,
		    struct sheet_rows *r)
{
	sheet_lay(s, width, cols, r->ncols, (const char *const *)r->cells, r->n, r);
	sheet_rows_free(r);
}

struct sheet_listing {
	struct tui *t;
	enum list_kind kind;
	const struct sheet_col *cols;
	int idcol;
	struct sheet_rows rows;
};

static int sheet_list_row(void *ud, int ncols, const char *const *values)
{
	struct sheet_listing *l = ud;
	int nc = l->rows.ncols;
	const char **cells = xcalloc((size_t)nc, sizeof *cells);
	char (*shown)[LOCALTIME_MAX] = xcalloc((size_t)nc, sizeof *shown);
	(void)ncols;
	for (int c = 0; c < nc; c++) {
		int i = list_column_index(l->kind, l->cols[c].list_col);
		const char *v = i >= 0 && values[i] ? values[i] : "";
		if (l->cols[c].date && *v)
			v = localtime_date(v, l->t->date_style, shown[c], sizeof shown[c]);
		cells[c] = v;
	}
	sheet_rows_add(&l->rows, cells, l->idcol >= 0 && values[l->idcol] ? values[l->idcol] : "",
		       ROLE_NORMAL);
	for (int c = 0; c < nc; c++)   /* the flexible column may be cut: whole below */
		if (l->cols[c].flex && *cells[c])
			sheet_rows_note(&l->rows, cells[c]);
	free(shown);
	free(cells);
	return 0;
}

long sheet_list(struct tui *t, struct sheet *s, enum list_kind kind, const struct list_query *q,
		const struct sheet_col *cols, int ncols)
{
	struct sheet_listing l = {t, kind, cols, list_column_index(kind, "id"), {.ncols = ncols}};
	struct tsu_error err = {0};
	long n = -1;
	if (store_list(t->st, kind, q, sheet_list_row, &l, &err) != TSU_OK) {
		tui_error(t, &err);
		sheet_rows_free(&l.rows);
	} else {
		n = l.rows.n;
		sheet_rows_put(s, sheet_width(), cols, &l.rows);
	}
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

struct sheet_head {
	const struct tui *t;
	int n;
};

static void sheet_head_count(void *ud, const char *line)
{
	(void)line;
	((struct sheet_head *)ud)->n++;
}

static void sheet_head_line(void *ud, const char *line)
{
	struct sheet_head *h = ud;
	if (h->n < SHEET_TITLE_MAX)
		draw_role_text(h->t, h->n++, 0, COLS, line, ROLE_TITLE);
}

/* Rows of the title bar: a title too wide for one (兼務's counts at 60
 * columns) goes on in a second rather than being cut. */
static int sheet_title_rows(const struct sheet *s)
{
	struct sheet_head h = {0};
	if (s->title && text_width(s->title) > COLS)
		draw_wrap(s->title, COLS, sheet_head_count, &h);
	return h.n < 1 ? 1 : h.n > SHEET_TITLE_MAX ? SHEET_TITLE_MAX : h.n;
}

/* Rows the selected line's whole text takes on the status line and the
 * rows above it (兼務's roles of a person with four groups). */
static int sheet_note_rows(const char *note)
{
	struct sheet_head h = {0};
	draw_wrap(note, COLS, sheet_head_count, &h);
	return h.n < 1 ? 1 : h.n;
}

static void sheet_draw(struct tui *t, struct sheet *s)
{
	bool any = sheet_next(s, 0, 1) >= 0;
	const char *note = !t->msg[0] && any && s->sel < s->n ? s->l[s->sel].note : NULL;
	int rows = sheet_title_rows(s), h = LINES - 2 - rows;
	/* a note too long for the status line takes rows of the list; the
	 * selected line stays above it */
	if (note && h - (sheet_note_rows(note) - 1) >= 1) {
		h -= sheet_note_rows(note) - 1;
		if (s->sel >= s->top + h)
			s->top = s->sel - h + 1;
	}
	erase();
	if (rows > 1) {
		struct sheet_head head = {t, 0};
		draw_wrap(s->title, COLS, sheet_head_line, &head);
	} else {
		draw_role_text(t, 0, 0, COLS, s->title ? s->title : "", ROLE_TITLE);
	}
	int last_top = s->n > h ? s->n - h : 0;
	if (s->top > last_top)
		s->top = last_top;
	if (s->top < 0)
		s->top = 0;
	/* without records the cursor only scrolls: show the page from top */
	for (int i = 0; i < h && s->top + i < s->n; i++) {
		const struct sheet_line *l = &s->l[s->top + i];
		bool sel = any && s->top + i == s->sel;
		draw_role_text(t, rows + i, 1, sheet_width(), l->text, sel ? ROLE_SELECTED : l->role);
	}
	if (note)
		prompt_status(t, note, false);
	else
		prompt_status(t, t->msg, t->msg_error);
	char *hints = tui_hint_line(s->hints, TUI_SCREEN_SUB, COLS, &t->hintbar);
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

static int sheet_page(const struct sheet *s)
{
	int h = LINES - 2 - sheet_title_rows(s);
	return h > 1 ? h : 1;
}

/* Scrolls by `by` lines (lines below the last record stay reachable). */
static void sheet_scroll(struct sheet *s, int by)
{
	int h = sheet_page(s);
	s->top = clampi(s->top + by, 0, s->n > h ? s->n - h : 0);
}

/* Brings the selection into view; the headings above the first record
 * stay in view while they fit. */
static void sheet_follow(struct sheet *s)
{
	int h = sheet_page(s);
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
	int page = sheet_page(s), to;
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
		a = tui_view_key(t, (struct tui_backdrop){sheet_backdrop, s});
		if (a == ACT_REDRAW)
			break;
		if (a == ACT_NONE)
			continue;
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

void sheet_show(struct tui *t, sheet_build_fn build, sheet_act_fn act, void *ud)
{
	struct tui_backdrop saved = t->under;
	struct sheet s = {0};
	for (;;) {
		build(t, &s, ud);
		enum tui_action a = sheet_run(t, &s);
		if (a == ACT_QUIT || t->hangup)
			break;
		if (a == ACT_REDRAW)
			continue;
		char *id = sheet_id(&s) ? xstrdup(sheet_id(&s)) : NULL;
		bool close = act(t, &s, a, id, ud);
		free(id);
		if (close)
			break;
	}
	sheet_free(&s);
	t->under = saved;
}
