/*
 * Questions and inputs on the status line, and the full-screen pager used
 * by help.  Like nano, a question shows its answers next to it.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include "app.h"
#include "draw.h"
#include "strings.h"
#include "widgets.h"

static int status_row(void)
{
	return LINES - 2;
}

bool prompt_confirm(struct tui *t, const char *question)
{
	struct sbuf b = {0};
	sbuf_addf(&b, "%s%s", question, S_YES_NO);
	bool answer = false;
	for (;;) {
		tui_draw_under(t);
		draw_text(status_row(), 0, COLS, b.s, draw_attr(t, ROLE_ERROR) | A_REVERSE,
			  TEXT_LEFT);
		curs_set(0);
		refresh();
		int key = tui_getkey(t);
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

char *prompt_line(struct tui *t, const char *label, const char *initial,
		  prompt_change_cb changed, void *ud)
{
	struct lineedit le;
	char *result = NULL;
	le_init(&le, initial);
	for (;;) {
		tui_draw_under(t);
		int row = status_row();
		int lw = text_width(label);
		draw_fill(row, 0, 1, COLS, A_NORMAL);
		draw_text(row, 0, lw, label, A_BOLD, TEXT_LEFT);
		int cx = le_draw(&le, row, lw, COLS - lw, draw_attr(t, ROLE_FIELD));
		move(row, cx);
		curs_set(1);
		refresh();
		int key = tui_getkey(t);
		if (key == TUI_ESC) {
			if (changed)
				changed(t, ud, initial ? initial : "");
			break;
		}
		if (key == '\n' || key == '\r' || key == TUI_FKEY(KEY_ENTER)) {
			result = xstrdup(le_text(&le));
			break;
		}
		if (le_key(&le, key) == LE_CHANGED && changed)
			changed(t, ud, le_text(&le));
	}
	curs_set(0);
	le_free(&le);
	return result;
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

void prompt_pager(struct tui *t, const char *title, const char *text)
{
	int top = 0;
	for (;;) {
		struct pager_lines l = {0};
		int h = LINES - 3, w = COLS - 2;
		draw_wrap(text, w, pager_add, &l);
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
