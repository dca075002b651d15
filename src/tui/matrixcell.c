/*
 * One cell of the department matrix (Enter on the grid): its entries under
 * the headings 取組中 / 検討中 / 既往データ / 課題 / 意見・考え方, each with
 * its area (or 全市).  a adds an entry to this cell (category and
 * department filled in, and the state of the heading the cursor is under:
 * a on 既往データ's 「記入なし — a で追加」 adds 既往データ), e edits the entry under the cursor, d deletes it
 * (asks first), i shows its history.  Each is one action of the store.
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

/* A line of the page: a state's heading (entry -1) or an entry. */
struct mc_line {
	char *text;
	int entry;   /* index into g->m.entries, or -1 */
	bool heading;
	int state;   /* the state it stands under, or -1 */
};

struct mcell {
	struct mgrid *g;
	struct mc_line *lines;
	int n, cur, top;
};

static void mc_add(struct mcell *c, char *text, int entry, bool heading, int state)
{
	c->lines = xrealloc(c->lines, (size_t)(c->n + 1) * sizeof *c->lines);
	c->lines[c->n++] = (struct mc_line){text, entry, heading, state};
}

static void mc_clear(struct mcell *c)
{
	for (int i = 0; i < c->n; i++)
		free(c->lines[i].text);
	free(c->lines);
	c->lines = NULL;
	c->n = 0;
}

static const char *state_label(int s)
{
	return s == 4 ? "意見・考え方" : matrix_states[s];
}

/* The lines of the selected cell, state by state (entries of a state the
 * list does not know come last under their own name). */
static void mc_build(struct mcell *c)
{
	const struct matrix *m = &c->g->m;
	mc_clear(c);
	for (int s = -1; s < MATRIX_NSTATES; s++) {
		int n = s < 0 ? 0 : matrix_count(m, c->g->cat, c->g->dept, s);
		struct sbuf h = {0};
		if (s >= 0) {
			sbuf_addf(&h, S_MATRIX_STATE_HEAD, state_label(s), n);
			mc_add(c, sbuf_detach(&h), -1, true, s);
		}
		for (int i = 0; i < m->nentries; i++) {
			const struct matrix_entry *e = &m->entries[i];
			if (e->cat != c->g->cat || e->dept != c->g->dept ||
			    (s < 0 ? e->state_ix >= 0 : e->state_ix != s))
				continue;
			struct sbuf l = {0};
			if (s < 0)
				sbuf_addf(&l, "%s: ", e->state ? e->state : "");
			sbuf_addf(&l, "  %s  〔%s〕", e->text ? e->text : "",
				  e->area_name ? e->area_name : S_MATRIX_CITYWIDE);
			mc_add(c, sbuf_detach(&l), i, false, s);
		}
		if (s >= 0 && !n)
			mc_add(c, xstrdup(S_MATRIX_CELL_EMPTY), -1, false, s);
	}
	if (c->cur >= c->n)
		c->cur = c->n - 1;
	if (c->cur < 0)
		c->cur = 0;
}

/* The entry under the cursor, or NULL. */
static const struct matrix_entry *mc_entry(struct mcell *c)
{
	if (c->cur < 0 || c->cur >= c->n || c->lines[c->cur].entry < 0)
		return NULL;
	return &c->g->m.entries[c->lines[c->cur].entry];
}

static const enum tui_action mc_hints[] = {
	ACT_ADD, ACT_EDIT, ACT_DELETE, ACT_DOWN, ACT_UP, ACT_HISTORY, ACT_UNDO, ACT_REDO, ACT_HELP, ACT_QUIT,
	ACT_NONE,
};

static void mc_draw(struct tui *t, void *ud)
{
	struct mcell *c = ud;
	struct mgrid *g = c->g;
	int h = LINES - 3;
	struct sbuf title = {0};
	char *counts = matrix_cell_counts(&g->m, g->cat, g->dept);
	erase();
	sbuf_addf(&title, S_MATRIX_CELL_TITLE, g->m.cats[g->cat].name, g->m.depts[g->dept].name,
		  *counts ? counts : S_MATRIX_NONE_HERE);
	free(counts);
	draw_role_text(t, 0, 0, COLS, title.s, ROLE_TITLE);
	sbuf_free(&title);
	if (c->top > c->cur)
		c->top = c->cur;
	if (c->cur >= c->top + h)
		c->top = c->cur - h + 1;
	for (int i = 0; i < h && c->top + i < c->n; i++) {
		const struct mc_line *l = &c->lines[c->top + i];
		int a = l->heading ? draw_attr(t, ROLE_SECTION) : (int)A_NORMAL;
		if (c->top + i == c->cur)
			a = draw_attr(t, ROLE_SELECTED);
		draw_text(1 + i, 1, COLS - 2, l->text, a, TEXT_LEFT);
	}
	prompt_status(t, t->msg, t->msg_error);
	char *hints = tui_hint_line(mc_hints, TUI_SCREEN_SUB, COLS, &t->hintbar);
	draw_hints(t, LINES - 1, 0, COLS, hints);
	free(hints);
	curs_set(0);
}

/* Moves by `dir` to the next line that is not a heading. */
static void mc_move(struct mcell *c, int dir)
{
	int i = c->cur + dir;
	while (i >= 0 && i < c->n && c->lines[i].heading)
		i += dir;
	if (i >= 0 && i < c->n)
		c->cur = i;
}

/* One action on the cell page; true when the data changed.  *close. */
static bool mc_action(struct tui *t, struct mcell *c, enum tui_action a, bool *close)
{
	const struct matrix_entry *e = mc_entry(c);
	switch (a) {
	case ACT_QUIT: *close = true; return false;
	case ACT_DOWN: mc_move(c, 1); return false;
	case ACT_UP: mc_move(c, -1); return false;
	case ACT_TOP: c->cur = 0; mc_move(c, 1); return false;
	case ACT_BOTTOM: c->cur = c->n; mc_move(c, -1); return false;
	case ACT_HELP: help_show(t); return false;
	case ACT_MORE_KEYS: t->hintbar.page++; return false;
	case ACT_ADD:
		return mgrid_add_entry(t, c->g, c->cur < c->n ? c->lines[c->cur].state : -1);
	case ACT_UNDO:
	case ACT_REDO:
		ops_undo(t, a == ACT_REDO);
		return true;
	case ACT_EDIT:
	case ACT_DELETE:
	case ACT_HISTORY:
		if (!e) {
			tui_msg(t, "%s", S_NOTHING_HERE);
			return false;
		}
		if (a == ACT_HISTORY) {
			history_show(t, "matrix", e->id, e->text);
			return false;
		}
		if (a == ACT_DELETE)
			return ops_delete(t, "matrix", e->id, e->text);
		return !tui_readonly(t) && form_run(t, "matrix", e->id, (struct form_values){0},
						    (struct form_values){0}, NULL);
	default:
		tui_msg(t, "%s", S_NOTHING_HERE);
		return false;
	}
}

bool matrixcell_run(struct tui *t, struct mgrid *g)
{
	struct mcell c = {.g = g};
	struct tui_backdrop saved = t->under;
	bool any = false, close = false;
	mc_build(&c);
	mc_move(&c, 1);
	while (!close && !t->hangup) {
		enum tui_action a = tui_view_key(t, (struct tui_backdrop){mc_draw, &c});
		if (a == ACT_NONE || a == ACT_REDRAW)
			continue;
		if (mc_action(t, &c, a, &close)) {
			any = true;
			if (!mgrid_reload(t, g))
				break;
			mc_build(&c);
			if (c.lines[c.cur].heading)
				mc_move(&c, 1);
		}
	}
	t->under = saved;
	mc_clear(&c);
	return any;
}
