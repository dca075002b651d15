/*
 * The multi-line editor of long text fields (内容, 備考): a notepad inside
 * the form.  It edits the same buffer as the one-line editor (lineedit.c);
 * Enter inserts a line break, the text wraps at the field's width by
 * display columns, ↑ ↓ move between the lines shown, and the field scrolls
 * so the cursor line is always visible.  lineedit's `start` holds the
 * byte offset of the first line shown.
 *
 * The lines shown are recomputed from the text on every call: notes are
 * short and this keeps wrapping right after every edit and every resize.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include "action.h"
#include "draw.h"
#include "widgets.h"
#include "tsunagu/textwidth.h"
#include "tsunagu/utf8.h"

/* One line as shown: the bytes [from, to), without its line break. */
struct ta_line {
	size_t from, to;
};

struct ta_layout {
	struct ta_line *v;
	int n, cap;
};

static void ta_push(struct ta_layout *l, size_t from, size_t to)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xrealloc(l->v, (size_t)l->cap * sizeof(*l->v));
	}
	l->v[l->n++] = (struct ta_line){from, to};
}

/* Splits the text at its line breaks and wraps each line to fit a field
 * `cols` wide, keeping one column for the caret after a full line. */
static void ta_layout(const struct lineedit *le, int cols, struct ta_layout *l)
{
	const char *s = le->buf.s ? le->buf.s : "";
	size_t len = le->buf.len, pos = 0, start = 0;
	int w = 0;
	cols = cols > 2 ? cols - 1 : 1;
	l->n = 0;
	while (pos < len) {
		if (s[pos] == '\n') {
			ta_push(l, start, pos);
			start = ++pos;
			w = 0;
			continue;
		}
		int32_t cp;
		size_t n = utf8_decode(s + pos, len - pos, &cp);
		int cw = text_width_cp(cp);
		if (w + cw > cols && pos > start) {
			ta_push(l, start, pos);
			start = pos;
			w = 0;
			continue;
		}
		w += cw;
		pos += n ? n : 1;
	}
	ta_push(l, start, len);
}

/* The line holding byte offset `pos` (at a wrap, the later line). */
static int ta_line_of(const struct ta_layout *l, size_t pos)
{
	int k = 0;
	while (k + 1 < l->n && l->v[k + 1].from <= pos)
		k++;
	return k;
}

/* Byte offset in line k nearest to column `col` (not past it). */
static size_t ta_at_col(const struct lineedit *le, const struct ta_line *ln, int col)
{
	size_t pos = ln->from;
	int w = 0;
	while (pos < ln->to) {
		int32_t cp;
		size_t n = utf8_decode(le->buf.s + pos, ln->to - pos, &cp);
		int cw = text_width_cp(cp);
		if (w + cw > col)
			break;
		w += cw;
		pos += n ? n : 1;
	}
	return pos;
}

int ta_height(const struct lineedit *le, int cols)
{
	struct ta_layout l = {0};
	ta_layout(le, cols, &l);
	int n = l.n;
	free(l.v);
	return n;
}

/* The keys that act on the line shown (↑ ↓ Home End ^A ^U ^K);
 * LE_IGNORED for ↑ on the first line and ↓ on the last, so that the form
 * moves to the neighbouring field. */
static enum le_result ta_move(struct lineedit *le, const struct ta_layout *l, int key)
{
	int k = ta_line_of(l, le->cur);
	const struct ta_line *ln = &l->v[k];
	int col = le_cols(le, ln->from, le->cur);
	switch (key) {
	case TUI_FKEY(KEY_UP):
		if (k == 0)
			return LE_IGNORED;
		le->cur = ta_at_col(le, &l->v[k - 1], col);
		return LE_MOVED;
	case TUI_FKEY(KEY_DOWN):
		if (k + 1 >= l->n)
			return LE_IGNORED;
		le->cur = ta_at_col(le, &l->v[k + 1], col);
		return LE_MOVED;
	case TUI_FKEY(KEY_HOME):
	case TUI_CTRL('a'):
		le->cur = ln->from;
		return LE_MOVED;
	case TUI_FKEY(KEY_END):
		le->cur = ln->to;
		return LE_MOVED;
	case TUI_CTRL('u'):
		le_replace(le, ln->from, le->cur, "");
		return LE_CHANGED;
	case TUI_CTRL('k'):
		/* at the end of a line, ^K joins the next one */
		le_replace(le, le->cur, le->cur == ln->to && ln->to < le->buf.len ? ln->to + 1
			   : ln->to, "");
		return LE_CHANGED;
	default:
		return LE_IGNORED;
	}
}

enum le_result ta_key(struct lineedit *le, int key, int cols)
{
	if (!le->buf.s)
		sbuf_add(&le->buf, "");
	if (key == '\n' || key == '\r' || key == TUI_FKEY(KEY_ENTER)) {
		le_replace(le, le->cur, le->cur, "\n");
		return LE_CHANGED;
	}
	switch (key) {
	case TUI_FKEY(KEY_UP):
	case TUI_FKEY(KEY_DOWN):
	case TUI_FKEY(KEY_HOME):
	case TUI_FKEY(KEY_END):
	case TUI_CTRL('a'):
	case TUI_CTRL('u'):
	case TUI_CTRL('k'): {
		struct ta_layout l = {0};
		ta_layout(le, cols, &l);
		enum le_result r = ta_move(le, &l, key);
		free(l.v);
		return r;
	}
	default:
		return le_key(le, key);
	}
}

int ta_draw(struct lineedit *le, int y, int x, int cols, int rows, int attr, int *cy)
{
	struct ta_layout l = {0};
	if (!le->buf.s)
		sbuf_add(&le->buf, "");
	if (cols < 2)
		cols = 2;
	ta_layout(le, cols, &l);
	int k = ta_line_of(&l, le->cur);
	int top = ta_line_of(&l, le->start);
	if (k < top)
		top = k;
	if (k >= top + rows)
		top = k - rows + 1;
	if (top > 0 && l.n - top < rows)
		top = l.n - rows > 0 ? l.n - rows : 0;
	le->start = l.v[top].from;
	for (int i = 0; i < rows; i++) {
		char *s = top + i < l.n ? xstrndup(le->buf.s + l.v[top + i].from,
						   l.v[top + i].to - l.v[top + i].from)
					: xstrndup("", 0);
		draw_text(y + i, x, cols, s, attr, TEXT_LEFT);
		free(s);
	}
	*cy = y + k - top;
	int cx = x + le_cols(le, l.v[k].from, le->cur);
	free(l.v);
	return cx;
}
