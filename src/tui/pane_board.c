/*
 * The Board pane: a kanban of the selected area's tasks in four columns
 * 未着手 / 対応中 / 保留 / 完了.  Each column is its own paged query, so a
 * large file costs one page per column.  A card is two lines: the title
 * alone, so that a narrow column still shows ten columns of it; then duty
 * letter, due date and assignee, with "!" and emphasis when overdue (the
 * mark keeps it visible in monochrome).  H/L (or < >) move a card and the
 * selection follows it.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app.h"
#include "draw.h"
#include "rows.h"
#include "screens.h"
#include "strings.h"
#include "widgets.h"
#include "tsunagu/record.h"
#include "tsunagu/request.h"
#include "tsunagu/sbuf.h"

#define BOARD_COLS 4
#define CARD_H 2

const char *const tui_board_status[BOARD_COLS] = {"未着手", "対応中", "保留", "完了"};

struct board {
	struct rows col[BOARD_COLS];
	long sel[BOARD_COLS], top[BOARD_COLS];
	int cur;
	char subtitle[256];
	char *last_search;   /* brought back by ↑ in the next search */
};

static void board_open(struct tui *t, struct pane *p)
{
	struct board *b = xcalloc(1, sizeof(*b));
	for (int c = 0; c < BOARD_COLS; c++) {
		rows_init(&b->col[c], LIST_TASKS);
		rows_set(&b->col[c], &b->col[c].status, tui_board_status[c]);
	}
	p->priv = b;
}

static void board_close(struct pane *p)
{
	struct board *b = p->priv;
	for (int c = 0; c < BOARD_COLS; c++)
		rows_free(&b->col[c]);
	free(b->last_search);
	free(b);
	p->priv = NULL;
}

static bool board_follow(struct tui *t, struct board *b, int c, const char *id);
static bool board_select(struct tui *t, struct board *b, const char *id);

/* Reloads the columns; the selected card stays selected in whichever
 * column it now stands (an undo, a redo or a change made elsewhere may
 * have moved it: after u took a move back, the selection stayed where the
 * card had been, on another card, and the next L moved that one). */
static void board_reload(struct tui *t, struct pane *p)
{
	struct board *b = p->priv;
	struct rows *col = &b->col[b->cur];
	/* not on the first load, nor when another area is chosen (the card
	 * is not among the new area's) */
	bool same = col->loaded && (col->area_id && t->area_id ? strcmp(col->area_id, t->area_id) == 0
							       : col->area_id == t->area_id);
	const char *cur = same ? rows_get(col, t->st, b->sel[b->cur], "id") : NULL;
	char *id = cur ? xstrdup(cur) : NULL;
	for (int c = 0; c < BOARD_COLS; c++) {
		rows_set(&b->col[c], &b->col[c].area_id, t->area_id);
		rows_reload(&b->col[c], t->st);
	}
	if (id && !board_follow(t, b, b->cur, id))
		board_select(t, b, id);
	free(id);
}

/* Column positions and widths.  When the board has the focus and equal
 * columns would be narrow (80×24), the current column gets two fifths so
 * that its cards can be read; the others keep their counts and a glimpse.
 * A column is never narrower than its heading ("対応中 46", hw[c]) while
 * another has columns to spare beyond its own. */
static void board_columns(const struct pane *p, const struct board *b, bool focused,
			  const int *hw, int *xs, int *ws)
{
	int avail = p->w - (BOARD_COLS - 1);
	int eq = avail / BOARD_COLS;
	for (int c = 0; c < BOARD_COLS; c++)
		ws[c] = eq;
	if (focused && eq < 20) {
		ws[b->cur] = avail * 2 / 5;
		int rest = (avail - ws[b->cur]) / (BOARD_COLS - 1);
		for (int c = 0; c < BOARD_COLS; c++)
			if (c != b->cur)
				ws[c] = rest;
	}
	/* columns that division left short get the remainder, one each */
	int spare = avail;
	for (int c = 0; c < BOARD_COLS; c++)
		spare -= ws[c];
	for (int c = 0; spare > 0; c = (c + 1) % BOARD_COLS, spare--)
		ws[c]++;
	for (int c = 0; c < BOARD_COLS; c++)
		while (ws[c] < hw[c]) {
			int rich = -1;  /* the column with the most to spare */
			for (int k = 0; k < BOARD_COLS; k++)
				if (ws[k] > hw[k] && (rich < 0 || ws[k] - hw[k] > ws[rich] - hw[rich]))
					rich = k;
			if (rich < 0)
				break;
			ws[rich]--;
			ws[c]++;
		}
	for (int c = 0, x = p->x; c < BOARD_COLS; c++) {
		xs[c] = x;
		x += ws[c] + 1;
	}
}

/* "対応中 46" in `cw` columns; narrower, the label gives way and the
 * count stays (cut by columns, never inside a character). */
static char *board_heading(int c, long total, int cw)
{
	char count[24];
	struct sbuf b = {0};
	snprintf(count, sizeof(count), "%ld", total);
	int room = cw - (int)strlen(count) - 1;
	if (text_width(tui_board_status[c]) <= room) {
		sbuf_addf(&b, "%s %s", tui_board_status[c], count);
	} else if (room >= 2) {
		char *cut = text_width_fit(tui_board_status[c], room, TEXT_LEFT);
		sbuf_addf(&b, "%s %s", cut, count);
		free(cut);
	} else {
		sbuf_add(&b, count);
	}
	return sbuf_detach(&b);
}

/* The columns' counts and places, as drawn and as clicked. */
static void board_layout(struct tui *t, const struct pane *p, struct board *b, bool focused,
			 long *totals, int *xs, int *ws)
{
	int hw[BOARD_COLS];
	for (int c = 0; c < BOARD_COLS; c++) {
		char head[64];
		totals[c] = rows_count(&b->col[c], t->st);
		snprintf(head, sizeof(head), "%s %ld", tui_board_status[c], totals[c]);
		hw[c] = text_width(head);
	}
	board_columns(p, b, focused, hw, xs, ws);
}

static void board_draw_card(struct tui *t, struct rows *r, long idx, int y, int x, int w,
			    bool selected)
{
	const char *duty = rows_get(r, t->st, idx, "duty");
	const char *title = rows_get(r, t->st, idx, "title");
	const char *due = rows_get(r, t->st, idx, "due");
	const char *who = rows_get(r, t->st, idx, "assignee");
	const char *over = rows_get(r, t->st, idx, "overdue");
	bool overdue = over && strcmp(over, "1") == 0;
	int base = selected ? draw_attr(t, ROLE_SELECTED) : (int)A_NORMAL;
	struct sbuf l1 = {0}, l2 = {0};
	sbuf_add(&l1, title ? title : "");
	/* a short date fits narrow columns; the year shows when there is room */
	const char *d = due ? due : "";
	if (due && strlen(due) == 10 && w < 22)
		d = due + 5;
	sbuf_addf(&l2, "%s %s%s %s", duty ? duty : "-", overdue ? S_OVERDUE_MARK : "", d,
		  who ? who : "");
	draw_text(y, x, w, l1.s, base | (selected ? 0 : (int)A_BOLD), TEXT_LEFT);
	draw_text(y + 1, x, w, l2.s, base | (overdue ? draw_attr(t, ROLE_OVERDUE) : 0),
		  TEXT_LEFT);
	sbuf_free(&l1);
	sbuf_free(&l2);
}

static void board_draw(struct tui *t, struct pane *p)
{
	struct board *b = p->priv;
	int cards = (p->h - 1) / CARD_H;
	bool focused = &t->panes[t->focus] == p;
	int xs[BOARD_COLS], ws[BOARD_COLS];
	long totals[BOARD_COLS];
	board_layout(t, p, b, focused, totals, xs, ws);
	if (cards < 1)
		cards = 1;
	for (int c = 0; c < BOARD_COLS; c++) {
		int x = xs[c], cw = ws[c];
		long total = totals[c];
		char *head = board_heading(c, total, cw);
		int ha = draw_attr(t, ROLE_HEADER);
		if (focused && c == b->cur)
			ha |= A_BOLD | A_REVERSE;
		draw_text(p->y, x, cw, head, ha, TEXT_LEFT);
		free(head);
		if (c > 0)
			mvvline(p->y, x - 1, ACS_VLINE, p->h);
		if (b->col[c].failed) {
			draw_text(p->y + 1, x, cw, b->col[c].err.msg, draw_attr(t, ROLE_ERROR),
				  TEXT_LEFT);
			continue;
		}
		rows_clamp(total, cards, &b->sel[c], &b->top[c]);
		for (int i = 0; i < cards && b->top[c] + i < total; i++) {
			long idx = b->top[c] + i;
			bool sel = idx == b->sel[c] && c == b->cur && focused;
			board_draw_card(t, &b->col[c], idx, p->y + 1 + i * CARD_H, x, cw, sel);
		}
	}
}

/* Finds task `id` in column c and selects it (within the first page). */
static bool board_follow(struct tui *t, struct board *b, int c, const char *id)
{
	long total = rows_count(&b->col[c], t->st);
	for (long i = 0; i < total && i < 240; i++) {
		const char *v = rows_get(&b->col[c], t->st, i, "id");
		if (v && strcmp(v, id) == 0) {
			b->sel[c] = i;
			return true;
		}
	}
	return false;
}

static void board_move_card(struct tui *t, struct board *b, int dir)
{
	int c = b->cur;
	const char *cur = rows_get(&b->col[c], t->st, b->sel[c], "id");
	if (!cur) {
		tui_msg(t, "%s", S_SELECT_FIRST);
		return;
	}
	if (c + dir < 0 || c + dir >= BOARD_COLS) {
		tui_msg(t, "%s", S_NOT_MOVABLE);
		return;
	}
	char *id = xstrdup(cur);
	if (ops_move_task(t, id, tui_board_status[c], dir)) {
		tui_reload_all(t);
		b->cur = c + dir;
		board_follow(t, b, b->cur, id);
	}
	free(id);
}

/* Live search over the cards of all four columns.  When the column the
 * user stands in has none of the cards found, the first column that has
 * comes to the front, so that Enter opens what the search found (it
 * said 行を選んでください under the one card found in 保留). */
static void board_search_changed(struct tui *t, void *ud, const char *text)
{
	struct board *b = ud;
	for (int c = 0; c < BOARD_COLS; c++) {
		rows_set(&b->col[c], &b->col[c].search, text);
		rows_reload(&b->col[c], t->st);
		b->sel[c] = b->top[c] = 0;
	}
	for (int c = 0; c < BOARD_COLS && rows_count(&b->col[b->cur], t->st) == 0; c++)
		if (rows_count(&b->col[c], t->st) > 0)
			b->cur = c;
}

static void board_remember(struct board *b, const char *q)
{
	if (!q || !*q)
		return;
	free(b->last_search);
	b->last_search = xstrdup(q);
}

/* `/` starts empty; ↑ brings back the previous query. */
static void board_search(struct tui *t, struct board *b)
{
	const char *cur = b->col[0].search;
	char *old = cur ? xstrdup(cur) : NULL;
	char *q = prompt_recall(t, S_SEARCH_PROMPT, b->last_search, old, board_search_changed, b);
	if (q) {
		board_search_changed(t, b, q);
		board_remember(b, q);
	}
	free(q);
	free(old);
}

/* Selects task `id` in whichever column holds it. */
static bool board_select(struct tui *t, struct board *b, const char *id)
{
	for (int c = 0; c < BOARD_COLS; c++)
		if (board_follow(t, b, c, id)) {
			b->cur = c;
			return true;
		}
	return false;
}

/* A task just saved is shown and selected: a search it does not match is
 * cleared, and the status line says so. */
static void board_show_new(struct tui *t, struct board *b, const char *id)
{
	if (board_select(t, b, id))
		return;
	if (b->col[0].search) {
		board_remember(b, b->col[0].search);
		board_search_changed(t, b, "");
		tui_msg(t, S_SAVED_UNSEARCHED, b->last_search);
	}
	if (!board_select(t, b, id))
		tui_msg(t, "%s", S_SAVED_UNLISTED);
}

static const char *board_subtitle(struct tui *t, struct pane *p)
{
	struct board *b = p->priv;
	if (!b->col[0].search)
		return NULL;
	snprintf(b->subtitle, sizeof(b->subtitle), "%s:%s", S_SEARCH_ACTIVE, b->col[0].search);
	return b->subtitle;
}

static void board_add(struct tui *t, struct board *b)
{
	struct field_value init[] = {
		{"status", tui_board_status[b->cur]},
		{"assignee", t->author},
		{"area_id", t->area_id},
	};
	uuid_str id;
	if (form_run(t, "task", NULL, (struct form_values){0},
		     (struct form_values){init, t->area_id ? 3 : 2}, id)) {
		tui_reload_all(t);
		board_show_new(t, b, id);
	}
}

static enum tui_handled board_on_card(struct tui *t, struct board *b, enum tui_action a)
{
	int c = b->cur;
	const char *cur = rows_get(&b->col[c], t->st, b->sel[c], "id");
	if (!cur) {
		tui_msg(t, "%s", S_SELECT_FIRST);
		return TUI_HANDLED;
	}
	if (a != ACT_OPEN && a != ACT_SUGGEST && tui_readonly(t))
		return TUI_HANDLED;
	char *id = xstrdup(cur);
	const char *tt = rows_get(&b->col[c], t->st, b->sel[c], "title");
	char *title = xstrdup(tt ? tt : "");
	if (ops_task_action(t, a, id, title)) {
		/* its page, its form or O may have moved it to another column */
		tui_reload_all(t);
		board_select(t, b, id);
	}
	free(id);
	free(title);
	return TUI_HANDLED;
}

static enum tui_handled board_action(struct tui *t, struct pane *p, enum tui_action a)
{
	struct board *b = p->priv;
	int c = b->cur;
	long total = rows_count(&b->col[c], t->st);
	int page = (p->h - 1) / CARD_H;
	switch (a) {
	case ACT_LEFT:
		b->cur = c > 0 ? c - 1 : 0;
		return TUI_HANDLED;
	case ACT_RIGHT:
		b->cur = c < BOARD_COLS - 1 ? c + 1 : c;
		return TUI_HANDLED;
	case ACT_DOWN:
		b->sel[c]++;
		break;
	case ACT_UP:
		b->sel[c]--;
		break;
	case ACT_PAGE_DOWN:
		b->sel[c] += page;
		break;
	case ACT_PAGE_UP:
		b->sel[c] -= page;
		break;
	case ACT_TOP:
		b->sel[c] = 0;
		break;
	case ACT_BOTTOM:
		b->sel[c] = total - 1;
		break;
	case ACT_CARD_LEFT:
	case ACT_CARD_RIGHT:
		if (!tui_readonly(t))
			board_move_card(t, b, a == ACT_CARD_LEFT ? -1 : 1);
		return TUI_HANDLED;
	case ACT_ADD:
		if (!tui_readonly(t))
			board_add(t, b);
		return TUI_HANDLED;
	case ACT_SEARCH:
		board_search(t, b);
		return TUI_HANDLED;
	case ACT_REPORTS: { /* the card's 支援経過記録 offered first */
		const char *cur = rows_get(&b->col[c], t->st, b->sel[c], "id");
		char *id = cur ? xstrdup(cur) : NULL;   /* the rows may be reloaded */
		reports_run(t, id);
		free(id);
		return TUI_HANDLED;
	}
	case ACT_OPEN:
	case ACT_EDIT:
	case ACT_DELETE:
	case ACT_LOG:
	case ACT_LONGTEXT:
	case ACT_LINK:
	case ACT_SUGGEST:
	case ACT_REQUEST_NEXT:
		return board_on_card(t, b, a);
	default:
		return TUI_UNHANDLED;
	}
	rows_clamp(total, page, &b->sel[c], &b->top[c]);
	return TUI_HANDLED;
}

static void board_click(struct tui *t, struct pane *p, int y, int x)
{
	struct board *b = p->priv;
	int xs[BOARD_COLS], ws[BOARD_COLS], c = BOARD_COLS - 1;
	long totals[BOARD_COLS];
	board_layout(t, p, b, &t->panes[t->focus] == p, totals, xs, ws);
	while (c > 0 && x < xs[c])
		c--;
	b->cur = c;
	if (y > p->y) {
		long idx = b->top[c] + (y - p->y - 1) / CARD_H;
		if (idx < rows_count(&b->col[c], t->st))
			b->sel[c] = idx;
	}
}

/* What the card asks for next, with its key: its needs (s 候補) and, on
 * a 地域要望, its request state (O 要望を進める). */
static void board_status_hint(struct tui *t, const char *id, struct sbuf *s)
{
	struct record *rec = NULL;
	struct tsu_error err = {0};
	if (!id || store_get(t->st, "task", id, false, &rec, &err) != TSU_OK)
		return;
	const char *needs = record_get(rec, "needs");
	const char *kind = record_get(rec, "kind");
	const char *state = record_get(rec, "request_state");
	if (needs && *needs)
		sbuf_addf(s, S_BOARD_NEEDS, needs);
	if (kind && strcmp(kind, REQUEST_TASK_KIND) == 0)
		sbuf_addf(s, S_BOARD_REQUEST, state && *state ? state : request_state_label(REQUEST_RECEIVED));
	record_free(rec);
}

static char *board_status(struct tui *t, struct pane *p)
{
	struct board *b = p->priv;
	struct rows *r = &b->col[b->cur];
	long i = b->sel[b->cur];
	const char *title = rows_get(r, t->st, i, "title");
	if (!title)
		return NULL;
	const char *due = rows_get(r, t->st, i, "due");
	const char *who = rows_get(r, t->st, i, "assignee");
	const char *area = rows_get(r, t->st, i, "area");
	const char *over = rows_get(r, t->st, i, "overdue");
	struct sbuf s = {0};
	sbuf_addf(&s, "%s", title);
	board_status_hint(t, rows_get(r, t->st, i, "id"), &s);
	if (due)
		sbuf_addf(&s, "  %s %s%s", S_COL_DUE, due,
			  over && strcmp(over, "1") == 0 ? S_OVERDUE_TEXT : "");
	if (who)
		sbuf_addf(&s, "  %s %s", S_COL_ASSIGNEE, who);
	if (area && !t->area_id)
		sbuf_addf(&s, "  %s", area);
	return sbuf_detach(&s);
}

static const enum tui_action board_hints[] = {
	ACT_OPEN, ACT_ADD, ACT_EDIT, ACT_CARD_LEFT, ACT_CARD_RIGHT, ACT_LOG, ACT_LINK,
	ACT_SEARCH, ACT_DELETE, ACT_UNDO, ACT_REDO, ACT_SUGGEST, ACT_REQUEST_NEXT, ACT_REQUESTS,
	ACT_HELP, ACT_QUIT, ACT_NONE,
};

const struct pane_ops pane_board_ops = {
	.name = "board",
	.title = S_PANE_BOARD,
	.open = board_open,
	.close = board_close,
	.reload = board_reload,
	.draw = board_draw,
	.action = board_action,
	.click = board_click,
	.hints = board_hints,
	.status = board_status,
	.subtitle = board_subtitle,
};
