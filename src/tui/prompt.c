/*
 * Questions and inputs on the status line, and the full-screen pager used
 * by help.  Like nano, a question shows its answers next to it.
 */
#include <curses.h>
#include <poll.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>
#include "app.h"
#include "draw.h"
#include "strings.h"
#include "widgets.h"
#include "tsunagu/store.h"

static int status_row(void)
{
	return LINES - 2;
}

/* A question takes at most this many rows above the bottom line. */
#define CONFIRM_ROWS 3

struct confirm_lines {
	char *v[CONFIRM_ROWS];
	int n;
};

static void confirm_add(void *ud, const char *line)
{
	struct confirm_lines *l = ud;
	if (l->n < CONFIRM_ROWS)
		l->v[l->n++] = xstrdup(line);
}

/* Text ending on row `bottom`, whole however narrow the screen: too long
 * for one line, it takes the rows above (up to CONFIRM_ROWS in all). */
static void status_draw(const char *text, int attr, int bottom)
{
	struct confirm_lines l = {0};
	draw_wrap(text, COLS, confirm_add, &l);
	if (!l.n)
		draw_text(bottom, 0, COLS, "", attr, TEXT_LEFT);
	for (int i = 0; i < l.n; i++) {
		draw_text(bottom - (l.n - 1) + i, 0, COLS, l.v[i], attr, TEXT_LEFT);
		free(l.v[i]);
	}
}

void prompt_status(struct tui *t, const char *text, bool error)
{
	status_draw(text ? text : "", draw_attr(t, error ? ROLE_ERROR : ROLE_STATUS), status_row());
}

/* The question whole, and the bottom line shows the answers (not the keys
 * of the screen under it, which do nothing here). */
static void confirm_draw(struct tui *t, const char *text)
{
	status_draw(text, draw_attr(t, ROLE_ERROR) | A_REVERSE, status_row());
	draw_hints(t, LINES - 1, 0, COLS, S_CONFIRM_KEYS);
}

bool prompt_confirm(struct tui *t, const char *question)
{
	struct sbuf b = {0};
	sbuf_addf(&b, "%s%s", question, S_YES_NO);
	bool answer = false;
	for (;;) {
		tui_draw_under(t);
		confirm_draw(t, b.s);
		curs_set(0);
		refresh();
		int key = tui_key_plain(tui_getkey(t));
		if (key == 'y' || key == 'Y') {
			answer = true;
			break;
		}
		if (key == 'n' || key == 'N' || key == TUI_ESC || key == 'q')
			break;
	}
	sbuf_free(&b);
	return answer;
}

/* columns an input on the status line keeps for the text typed */
#define PROMPT_INPUT_MIN 24

/* What one input on the status line starts with and can bring back. */
struct prompt_input {
	const char *label;
	const char *initial;   /* text at the start */
	const char *recall;    /* brought back by ↑ or Ctrl-P (NULL: none) */
	const char *restore;   /* what `changed` sees again on Esc */
	prompt_change_cb changed;
	void *ud;
	bool guard;            /* Esc after typing asks before dropping it */
};

static void prompt_draw(struct tui *t, const struct prompt_input *in, struct lineedit *le)
{
	int row = status_row();
	struct sbuf label = {0};
	sbuf_add(&label, in->label);
	if (in->recall && !le->buf.len)
		sbuf_addf(&label, S_PROMPT_RECALL, in->recall);
	/* the label stands before the text typed when it leaves
	 * PROMPT_INPUT_MIN columns to type in; a longer one (the report's
	 * 保存先 with what each ending makes, at 60 columns) stands whole on
	 * the rows above, and the text typed has the whole line */
	/* ... and so does one that would hide the start of the text offered
	 * (~/諏訪中学区_活動報告_2026-12-05.html showed as _活動報告_…) */
	int lw = text_width(label.s), room = PROMPT_INPUT_MIN;
	if (in->initial && text_width(in->initial) + 1 > room)
		room = text_width(in->initial) + 1;
	draw_fill(row, 0, 1, COLS, A_NORMAL);
	if (lw > COLS - room) {
		status_draw(label.s, A_BOLD, row - 1);
		lw = 0;
	}
	draw_text(row, 0, lw, label.s, A_BOLD, TEXT_LEFT);
	sbuf_free(&label);
	/* the keys of the line being typed, not those of the screen under it */
	draw_hints(t, LINES - 1, 0, COLS, in->recall ? S_PROMPT_KEYS_RECALL : S_PROMPT_KEYS);
	int cx = le_draw(le, row, lw, COLS - lw, draw_attr(t, ROLE_FIELD));
	move(row, cx);
	curs_set(1);
}

/* A key is waiting to be read (the terminal's input, not yet taken). */
static int prompt_key_waiting(void *ud)
{
	(void)ud;
	struct pollfd fd = {.fd = STDIN_FILENO, .events = POLLIN};
	return poll(&fd, 1, 0) > 0;
}

static char *prompt_run(struct tui *t, const struct prompt_input *in)
{
	struct lineedit le;
	char *result = NULL;
	le_init(&le, in->initial);
	/* search as you type: a search gives way to the next key */
	if (in->changed)
		store_yield_to(t->st, prompt_key_waiting, NULL);
	for (;;) {
		tui_draw_under(t);
		prompt_draw(t, in, &le);
		refresh();
		int key = tui_getkey(t);
		if (key == TUI_ESC && in->guard && *le_text(&le) &&
		    strcmp(le_text(&le), in->initial ? in->initial : "") != 0 &&
		    !prompt_confirm(t, S_PROMPT_DISCARD))
			continue;   /* n: back to the text, as it was */
		if (key == TUI_ESC) {
			if (in->changed)
				in->changed(t, in->ud, in->restore ? in->restore : "");
			break;
		}
		if (key == '\n' || key == '\r' || key == TUI_FKEY(KEY_ENTER)) {
			result = xstrdup(le_text(&le));
			break;
		}
		enum le_result r;
		if (in->recall && (key == TUI_FKEY(KEY_UP) || key == TUI_CTRL('p'))) {
			le_set(&le, in->recall);
			r = LE_CHANGED;
		} else {
			r = le_key(&le, key);
		}
		if (r == LE_CHANGED && in->changed)
			in->changed(t, in->ud, le_text(&le));
	}
	if (in->changed)
		store_yield_to(t->st, NULL, NULL);
	curs_set(0);
	le_free(&le);
	return result;
}

char *prompt_line(struct tui *t, const char *label, const char *initial,
		  prompt_change_cb changed, void *ud)
{
	struct prompt_input in = {label, initial, NULL, initial, changed, ud, false};
	return prompt_run(t, &in);
}

char *prompt_text(struct tui *t, const char *label, const char *initial)
{
	struct prompt_input in = {label, initial, NULL, initial, NULL, NULL, true};
	return prompt_run(t, &in);
}

char *prompt_recall(struct tui *t, const char *label, const char *recall,
		    const char *restore, prompt_change_cb changed, void *ud)
{
	struct prompt_input in = {label, "", recall && *recall ? recall : NULL, restore,
				  changed, ud, false};
	return prompt_run(t, &in);
}

struct pager_lines {
	char **v;
	int n, cap;
};

static void pager_add(void *ud, const char *line)
{
	struct pager_lines *l = ud;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = xrealloc(l->v, (size_t)l->cap * sizeof(char *));
	}
	l->v[l->n++] = xstrdup(line);
}

/* Where a wrapped line of the pager goes on: an indented line ("  j ↓
 * <gap> 一行下へ", a help entry) under its text after the first gap of
 * two spaces, past its keys; else under its own start.  Never past half
 * the width. */
static int pager_hang(const char *line, int w)
{
	int lead = 0;
	while (line[lead] == ' ')
		lead++;
	if (lead == 0)
		return 0;
	int hang = lead;
	const char *gap = strstr(line + lead, "  ");
	if (gap) {
		while (*gap == ' ')
			gap++;
		char *head = xstrndup(line, (size_t)(gap - line));
		hang = text_width(head);
		free(head);
	}
	return hang < w / 2 ? hang : lead < w / 2 ? lead : 0;
}

struct pager_hang {
	struct pager_lines *l;
	int hang;
};

static void pager_hung(void *ud, const char *piece)
{
	struct pager_hang *p = ud;
	struct sbuf b = {0};
	sbuf_addf(&b, "%*s%s", p->hang, "", piece);
	pager_add(p->l, b.s);
	sbuf_free(&b);
}

/* The text's lines in `w` columns, a wrapped line going on under its
 * hang (pager_hang) instead of at the left edge. */
static void pager_wrap(const char *text, int w, struct pager_lines *l)
{
	for (const char *p = text; p;) {
		const char *nl = strchr(p, '\n');
		char *line = xstrndup(p, nl ? (size_t)(nl - p) : strlen(p));
		struct pager_hang h = {l, pager_hang(line, w)};
		draw_wrap_hung(line, w, h.hang, pager_add, l, pager_hung, &h);
		free(line);
		p = nl ? nl + 1 : NULL;
	}
}

void prompt_pager(struct tui *t, const char *title, const char *text)
{
	int top = 0;
	for (;;) {
		struct pager_lines l = {0};
		int h = LINES - 3, w = COLS - 2;
		/* a title the bar cuts (a merge's counts) is read whole first */
		if (text_width(title) > COLS) {
			pager_wrap(title, w, &l);
			pager_add(&l, "");
		}
		pager_wrap(text, w, &l);
		erase();
		draw_role_text(t, 0, 0, COLS, title, ROLE_TITLE);
		if (top > l.n - h)
			top = l.n - h;
		if (top < 0)
			top = 0;
		for (int i = 0; i < h && top + i < l.n; i++) {
			const char *s = l.v[top + i];
			bool sec = s[0] && s[0] != ' ';
			draw_text(1 + i, 1, w, s, sec ? draw_attr(t, ROLE_SECTION) : (int)A_NORMAL,
				  TEXT_LEFT);
		}
		draw_hints(t, LINES - 1, 0, COLS, S_PAGER_HINT);
		curs_set(0);
		refresh();
		for (int i = 0; i < l.n; i++)
			free(l.v[i]);
		free(l.v);
		int key = tui_getkey(t);
		enum tui_action a = tui_action_for_key(key);
		if (a == ACT_QUIT || a == ACT_HELP)
			return;
		if (a == ACT_DOWN)
			top++;
		else if (a == ACT_UP)
			top--;
		else if (a == ACT_PAGE_DOWN)
			top += h - 1;
		else if (a == ACT_PAGE_UP)
			top -= h - 1;
		else if (a == ACT_TOP)
			top = 0;
		else if (a == ACT_BOTTOM)
			top = 1 << 20;
	}
}
