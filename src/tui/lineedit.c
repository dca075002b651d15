/*
 * The one-line editor behind every text input.  Text is kept as UTF-8; the
 * cursor is a byte offset that only ever stops on a character start, so
 * Backspace removes a whole character (one kanji, one kana) and the cursor
 * moves on screen by that character's display width.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include "action.h"
#include "draw.h"
#include "widgets.h"
#include "tsunagu/textwidth.h"
#include "tsunagu/utf8.h"

void le_init(struct lineedit *le, const char *text)
{
	memset(le, 0, sizeof(*le));
	le_set(le, text);
}

void le_free(struct lineedit *le)
{
	sbuf_free(&le->buf);
}

void le_set(struct lineedit *le, const char *text)
{
	sbuf_reset(&le->buf);
	sbuf_add(&le->buf, text ? text : "");
	le->cur = le->buf.len;
	le->start = 0;
}

const char *le_text(const struct lineedit *le)
{
	return sbuf_str(&le->buf);
}

static size_t le_prev(const struct lineedit *le, size_t pos)
{
	if (pos == 0)
		return 0;
	pos--;
	while (pos > 0 && ((unsigned char)le->buf.s[pos] & 0xC0) == 0x80)
		pos--;
	return pos;
}

static size_t le_next(const struct lineedit *le, size_t pos)
{
	int32_t cp;
	if (pos >= le->buf.len)
		return le->buf.len;
	return pos + utf8_decode(le->buf.s + pos, le->buf.len - pos, &cp);
}

static void le_delete(struct lineedit *le, size_t from, size_t to)
{
	memmove(le->buf.s + from, le->buf.s + to, le->buf.len - to + 1);
	le->buf.len -= to - from;
	if (le->cur > to)
		le->cur -= to - from;
	else if (le->cur > from)
		le->cur = from;
	if (le->start > le->cur)
		le->start = le->cur;
}

static void le_insert(struct lineedit *le, int key)
{
	char enc[4];
	size_t n = utf8_encode(key, enc);
	struct sbuf tail = {0};
	sbuf_add(&tail, le->buf.s + le->cur);
	le->buf.len = le->cur;
	le->buf.s[le->cur] = '\0';
	sbuf_addn(&le->buf, enc, n);
	sbuf_add(&le->buf, sbuf_str(&tail));
	sbuf_free(&tail);
	le->cur += n;
}

void le_replace(struct lineedit *le, size_t from, size_t to, const char *text)
{
	if (!le->buf.s)
		sbuf_add(&le->buf, "");
	if (to > le->buf.len)
		to = le->buf.len;
	if (from > to)
		from = to;
	le_delete(le, from, to);
	struct sbuf tail = {0};
	sbuf_add(&tail, le->buf.s + from);
	le->buf.len = from;
	le->buf.s[from] = '\0';
	sbuf_add(&le->buf, text);
	sbuf_add(&le->buf, sbuf_str(&tail));
	sbuf_free(&tail);
	if (le->cur >= from)
		le->cur += strlen(text);
}

enum le_result le_key(struct lineedit *le, int key)
{
	if (!le->buf.s)
		sbuf_add(&le->buf, "");
	switch (key) {
	case TUI_FKEY(KEY_BACKSPACE):
	case 127:
	case 8:
		if (le->cur == 0)
			return LE_IGNORED;
		le_delete(le, le_prev(le, le->cur), le->cur);
		return LE_CHANGED;
	case TUI_FKEY(KEY_DC):
	case TUI_CTRL('d'):
		if (le->cur >= le->buf.len)
			return LE_IGNORED;
		le_delete(le, le->cur, le_next(le, le->cur));
		return LE_CHANGED;
	case TUI_FKEY(KEY_LEFT):
	case TUI_CTRL('b'):
		le->cur = le_prev(le, le->cur);
		return LE_MOVED;
	case TUI_FKEY(KEY_RIGHT):
	case TUI_CTRL('f'):
		le->cur = le_next(le, le->cur);
		return LE_MOVED;
	case TUI_FKEY(KEY_HOME):
	case TUI_CTRL('a'):
		le->cur = 0;
		return LE_MOVED;
	case TUI_FKEY(KEY_END):
	case TUI_CTRL('e'):
		le->cur = le->buf.len;
		return LE_MOVED;
	case TUI_CTRL('u'):
		le_delete(le, 0, le->cur);
		return LE_CHANGED;
	case TUI_CTRL('k'):
		le_delete(le, le->cur, le->buf.len);
		return LE_CHANGED;
	default:
		break;
	}
	if (key >= 0x20 && key != 127 && key < 0x110000 && !(key >= 0x80 && key < 0xa0)) {
		le_insert(le, key);
		return LE_CHANGED;
	}
	return LE_IGNORED;
}

int le_cols(const struct lineedit *le, size_t from, size_t to)
{
	char *s = xstrndup(le->buf.s + from, to - from);
	int w = text_width(s);
	free(s);
	return w;
}

int le_draw(struct lineedit *le, int y, int x, int cols, int attr)
{
	if (!le->buf.s)
		sbuf_add(&le->buf, "");
	if (cols < 2)
		cols = 2;
	if (le->start > le->cur)
		le->start = le->cur;
	/* keep one column free after the cursor for the caret */
	while (le->start < le->cur && le_cols(le, le->start, le->cur) > cols - 1)
		le->start = le_next(le, le->start);
	draw_text(y, x, cols, le->buf.s + le->start, attr, TEXT_LEFT);
	return x + le_cols(le, le->start, le->cur);
}
