/* Full-screen tables opened by a key (tscreen.h). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tscreen.h"
#include "screens.h"
#include "strings.h"
#include "tsunagu/sanitize.h"
#include "tsunagu/sbuf.h"

#define TS_MIN_COL 4
#define TS_MIN_LAST 12

void tscreen_add(struct tscreen *s, const char *const *cells, const char *value,
		 enum draw_role role)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 32;
		s->rows = xrealloc(s->rows, (size_t)s->cap * sizeof *s->rows);
	}
	struct tscreen_row *r = &s->rows[s->n++];
	int nc = role == ROLE_SECTION ? 1 : s->ncols;
	r->cells = xcalloc((size_t)nc, sizeof *r->cells);
	for (int c = 0; c < nc; c++)
		r->cells[c] = text_sanitize(cells[c] ? cells[c] : "", 0);
	r->value = value ? xstrdup(value) : NULL;
	r->role = role;
}

void tscreen_heading(struct tscreen *s, const char *text)
{
	const char *cells[] = {text};
	tscreen_add(s, cells, NULL, ROLE_SECTION);
}

void tscreen_clear(struct tscreen *s)
{
	for (int i = 0; i < s->n; i++) {
		int nc = s->rows[i].role == ROLE_SECTION ? 1 : s->ncols;
		for (int c = 0; c < nc; c++)
			free(s->rows[i].cells[c]);
		free(s->rows[i].cells);
		free(s->rows[i].value);
	}
	free(s->rows);
	s->rows = NULL;
	s->n = s->cap = 0;
	free(s->subtitle);
	s->subtitle = NULL;
}

const char *tscreen_value(const struct tscreen *s)
{
	if (s->sel < 0 || s->sel >= s->n || s->rows[s->sel].role == ROLE_SECTION)
		return NULL;
	return s->rows[s->sel].value;
}

/* Natural widths; when the row is too wide the last column (free text:
 * roles, offers) gives up room first, down to TS_MIN_LAST, then the widest
 * column a column at a time until the row fits in `avail`. */
static void tscreen_widths(const struct tscreen *s, int avail, int *w)
{
	int sum = 0;
	for (int c = 0; c < s->ncols; c++) {
		w[c] = text_width(s->heads[c]);
		for (int i = 0; i < s->n; i++)
			if (s->rows[i].role != ROLE_SECTION && text_width(s->rows[i].cells[c]) > w[c])
				w[c] = text_width(s->rows[i].cells[c]);
		sum += w[c] + (c ? 2 : 0);
	}
	int last = s->ncols - 1;
	while (sum > avail && w[last] > TS_MIN_LAST) {
		w[last]--;
		sum--;
	}
	while (sum > avail) {
		int widest = 0;
		for (int c = 1; c < s->ncols; c++)
			if (w[c] > w[widest])
				widest = c;
		if (w[widest] <= TS_MIN_COL)
			break;
		w[widest]--;
		sum--;
	}
}

static void tscreen_line(const struct tscreen *s, const char *const *cells, const int *w,
			 struct sbuf *b)
{
	for (int c = 0; c < s->ncols; c++) {
		char *fit = text_width_fit(cells[c], w[c], TEXT_LEFT);
		sbuf_addf(b, "%s%s", c ? "  " : "", fit);
		free(fit);
	}
}

/* Keeps the selection on a row that is not a heading, in view. */
static void tscreen_settle(struct tscreen *s, int dir, int h)
{
	if (s->sel >= s->n)
		s->sel = s->n - 1;
	if (s->sel < 0)
		s->sel = 0;
	int at = s->sel;
	while (at >= 0 && at < s->n && s->rows[at].role == ROLE_SECTION)
		at += dir;
	if (at < 0 || at >= s->n)
		for (at = s->sel; at >= 0 && at < s->n && s->rows[at].role == ROLE_SECTION; at -= dir)
			;
	if (at >= 0 && at < s->n)
		s->sel = at;
	if (s->top > s->sel)
		s->top = s->sel > 0 && s->rows[s->sel - 1].role == ROLE_SECTION ? s->sel - 1 : s->sel;
	if (s->sel >= s->top + h)
		s->top = s->sel - h + 1;
	if (s->top < 0)
		s->top = 0;
}

static void tscreen_draw(struct tui *t, void *ud)
{
	struct tscreen *s = ud;
	int h = LINES - 4, *w = xcalloc((size_t)s->ncols, sizeof *w);
	erase();
	struct sbuf b = {0};
	sbuf_addf(&b, " %s%s%s", s->title, s->subtitle ? "  " : "", s->subtitle ? s->subtitle : "");
	draw_role_text(t, 0, 0, COLS, b.s, ROLE_TITLE);
	sbuf_free(&b);
	tscreen_widths(s, COLS - 2, w);
	tscreen_line(s, s->heads, w, &b);
	draw_role_text(t, 1, 1, COLS - 2, b.s, ROLE_HEADER);
	sbuf_free(&b);
	if (!s->n)
		draw_text(2, 1, COLS - 2, s->empty ? s->empty : S_NO_ROWS, A_NORMAL, TEXT_LEFT);
	for (int i = 0; i < h && s->top + i < s->n; i++) {
		const struct tscreen_row *r = &s->rows[s->top + i];
		if (r->role == ROLE_SECTION)
			sbuf_addf(&b, "■ %s", r->cells[0]);
		else
			tscreen_line(s, (const char *const *)r->cells, w, &b);
		enum draw_role role = s->top + i == s->sel ? ROLE_SELECTED : r->role;
		draw_role_text(t, 2 + i, 1, COLS - 2, b.s, role);
		sbuf_free(&b);
	}
	free(w);
	const char *line = t->msg;
	if (!line[0] && s->show_status && s->sel < s->n && s->rows[s->sel].role != ROLE_SECTION)
		line = s->rows[s->sel].cells[s->status_col];
	draw_role_text(t, LINES - 2, 0, COLS, line, t->msg_error ? ROLE_ERROR : ROLE_STATUS);
	char *hints = tui_hint_line(s->hints, COLS, &t->hintbar);
	draw_hints(t, LINES - 1, 0, COLS, hints);
	free(hints);
	curs_set(0);
}

/* Movement keys; false for the others. */
static bool tscreen_move(struct tscreen *s, enum tui_action a, int h)
{
	int dir = 1;
	switch (a) {
	case ACT_DOWN: s->sel++; break;
	case ACT_UP: s->sel--; dir = -1; break;
	case ACT_PAGE_DOWN: s->sel += h; break;
	case ACT_PAGE_UP: s->sel -= h; dir = -1; break;
	case ACT_TOP: s->sel = 0; break;
	case ACT_BOTTOM: s->sel = s->n - 1; dir = -1; break;
	default: return false;
	}
	tscreen_settle(s, dir, h);
	return true;
}

void tscreen_run(struct tui *t, struct tscreen *s)
{
	struct tui_backdrop saved = t->under;
	bool reload = true;
	for (;;) {
		if (reload) {
			tscreen_clear(s);
			s->fill(t, s);
			tscreen_settle(s, 1, LINES - 4);
			reload = false;
		}
		t->under = (struct tui_backdrop){tscreen_draw, s};
		tscreen_draw(t, s);
		refresh();
		int key = tui_getkey(t);
		if (key == TUI_FKEY(KEY_RESIZE))
			continue;
		enum tui_action a = tui_action_for_key(key);
		if (a == ACT_NONE || tscreen_move(s, a, LINES - 4))
			continue;
		t->msg[0] = '\0';
		t->msg_error = false;
		if (a == ACT_QUIT || t->hangup)
			break;
		if (a == ACT_HELP) {
			help_show(t);
			continue;
		}
		if (a == ACT_MORE_KEYS) {
			t->hintbar.page++;
			continue;
		}
		if (s->act(t, s, a, tscreen_value(s), &reload))
			break;
	}
	t->under = saved;
	tscreen_clear(s);
}
