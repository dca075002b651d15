#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include "app.h"
#include "draw.h"
#include "tsunagu/sanitize.h"
#include "tsunagu/sbuf.h"

/* Monochrome attribute of each role: these alone must carry the meaning. */
static const int mono_attr[ROLE_COUNT] = {
	[ROLE_NORMAL] = A_NORMAL,
	[ROLE_TITLE] = A_REVERSE,
	[ROLE_FRAME] = A_NORMAL,
	[ROLE_FRAME_FOCUS] = A_BOLD,
	[ROLE_HEADER] = A_UNDERLINE,
	[ROLE_SELECTED] = A_REVERSE,
	[ROLE_SELECTED_DIM] = A_UNDERLINE,
	[ROLE_OVERDUE] = A_BOLD,
	[ROLE_STATUS] = A_NORMAL,
	[ROLE_ERROR] = A_BOLD,
	[ROLE_HINT] = A_NORMAL,
	[ROLE_HINT_KEY] = A_REVERSE,
	[ROLE_SECTION] = A_BOLD | A_UNDERLINE,
	[ROLE_FIELD] = A_UNDERLINE,
};

/* Colour pair (fg, bg) added on top when colours are allowed; -1 default. */
static const struct {
	short fg, bg;
} role_colors[ROLE_COUNT] = {
	[ROLE_TITLE] = {COLOR_WHITE, COLOR_BLUE},
	[ROLE_FRAME_FOCUS] = {COLOR_CYAN, -1},
	[ROLE_HEADER] = {COLOR_CYAN, -1},
	[ROLE_SELECTED] = {COLOR_BLACK, COLOR_CYAN},
	[ROLE_OVERDUE] = {COLOR_RED, -1},
	[ROLE_ERROR] = {COLOR_RED, -1},
	[ROLE_HINT_KEY] = {COLOR_BLACK, COLOR_CYAN},
	[ROLE_SECTION] = {COLOR_YELLOW, -1},
};

void draw_theme_init(struct tui *t)
{
	const char *nc = getenv("NO_COLOR");
	t->color = (!nc || !*nc) && has_colors();
	if (!t->color)
		return;
	start_color();
	use_default_colors();
	for (int r = 0; r < ROLE_COUNT; r++)
		if (role_colors[r].fg || role_colors[r].bg)
			init_pair((short)r, role_colors[r].fg, role_colors[r].bg);
}

int draw_attr(const struct tui *t, enum draw_role role)
{
	int a = mono_attr[role];
	if (t->color && (role_colors[role].fg || role_colors[role].bg)) {
		/* with colour the pair replaces reverse video for these */
		if (role == ROLE_SELECTED || role == ROLE_TITLE || role == ROLE_HINT_KEY)
			a &= ~A_REVERSE;
		a |= COLOR_PAIR(role);
	}
	return a;
}

void draw_text(int y, int x, int cols, const char *s, int attr, enum text_align align)
{
	if (cols <= 0)
		return;
	char *clean = text_sanitize(s ? s : "", 0);
	char *fit = text_width_fit(clean, cols, align);
	attrset(attr);
	mvaddstr(y, x, fit);
	attrset(A_NORMAL);
	free(fit);
	free(clean);
}

void draw_role_text(const struct tui *t, int y, int x, int cols, const char *s,
		    enum draw_role role)
{
	draw_text(y, x, cols, s, draw_attr(t, role), TEXT_LEFT);
}

void draw_fill(int y, int x, int h, int w, int attr)
{
	attrset(attr);
	for (int i = 0; i < h; i++)
		mvhline(y + i, x, ' ', w);
	attrset(A_NORMAL);
}

void draw_frame(const struct tui *t, int y, int x, int h, int w, const char *title,
		bool focused)
{
	int a = draw_attr(t, focused ? ROLE_FRAME_FOCUS : ROLE_FRAME);
	attrset(a);
	mvhline(y, x + 1, ACS_HLINE, w - 2);
	mvhline(y + h - 1, x + 1, ACS_HLINE, w - 2);
	mvvline(y + 1, x, ACS_VLINE, h - 2);
	mvvline(y + 1, x + w - 1, ACS_VLINE, h - 2);
	mvaddch(y, x, ACS_ULCORNER);
	mvaddch(y, x + w - 1, ACS_URCORNER);
	mvaddch(y + h - 1, x, ACS_LLCORNER);
	mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
	attrset(A_NORMAL);
	if (title && w > 6) {
		struct sbuf b = {0};
		sbuf_addf(&b, "%s%s ", focused ? "[" : " ", title);
		if (focused)
			b.s[b.len - 1] = ']';
		int tw = text_width(b.s);
		if (tw > w - 4)
			tw = w - 4;
		draw_text(y, x + 2, tw, b.s,
			  focused ? (A_REVERSE | A_BOLD) : (int)A_BOLD, TEXT_LEFT);
		sbuf_free(&b);
	}
}

void draw_hints(const struct tui *t, int y, int x, int cols, const char *line)
{
	/* "k label  k label": each key in ROLE_HINT_KEY, labels plain */
	draw_fill(y, x, 1, cols, draw_attr(t, ROLE_HINT));
	int col = 0;
	const char *p = line;
	while (*p && col < cols) {
		const char *sp = strchr(p, ' ');
		size_t klen = sp ? (size_t)(sp - p) : strlen(p);
		char *key = xstrndup(p, klen);
		int kw = text_width(key);
		if (col + kw > cols) {
			free(key);
			break;
		}
		draw_text(y, x + col, kw, key, draw_attr(t, ROLE_HINT_KEY), TEXT_LEFT);
		col += kw;
		free(key);
		p += klen;
		const char *next = strstr(p, "  ");
		size_t llen = next ? (size_t)(next - p) : strlen(p);
		char *label = xstrndup(p, llen);
		int lw = text_width(label);
		if (col + lw > cols)
			lw = cols - col;
		draw_text(y, x + col, lw, label, draw_attr(t, ROLE_HINT), TEXT_LEFT);
		col += lw + 2;
		free(label);
		p += llen;
		while (*p == ' ')
			p++;
	}
}

/* Marks a Japanese line should not begin with (禁則): the closing ones. */
static bool wrap_no_start(const char *p)
{
	static const char *const marks[] = {
		"。", "、", "，", "．", "」", "』", "）", "】", "〕", "！", "？", "ー", "・", "…",
		")", ",", ".",
	};
	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
		if (strncmp(p, marks[i], strlen(marks[i])) == 0)
			return true;
	return false;
}

/* The length of an opening mark that ends q at byte `at`, or 0: a line
 * should not end with one (禁則; 「… (」 then 「Enter で詳細 …)」). */
static size_t wrap_no_end(const char *q, size_t at)
{
	static const char *const marks[] = {"（", "「", "『", "【", "〔", "(", "["};
	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
		size_t n = strlen(marks[i]);
		if (at >= n && strncmp(q + at - n, marks[i], n) == 0)
			return n;
	}
	return 0;
}

/* A character of a Latin word or of a figure ("Excel", "$EDITOR", "042",
 * "16,461", "36.8%", "14:27", "2026/4/1"): a figure cut in two reads as
 * two numbers. */
static bool wrap_word_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '$' || c == '_' || c == '-' || c == '.' || c == ',' || c == ':' ||
	       c == '/' || c == '%';
}

/* The start of the Latin word or figure that `cut` falls inside, when
 * the line keeps something before it; else cut. */
static size_t wrap_word_start(const char *q, size_t cut)
{
	if (q[cut] && wrap_word_char(q[cut]) && wrap_word_char(q[cut - 1])) {
		size_t start = cut;
		while (start > 0 && wrap_word_char(q[start - 1]))
			start--;
		if (start > 0)
			return start;
	}
	return cut;
}

/* Where to cut q at `cut` bytes: not inside a Latin word or a figure
 * (before it, when the line keeps something), and so that the next line
 * does not begin with a closing mark (one character earlier when that
 * leaves some, and then before the word that character ends). */
static size_t wrap_cut_start(const char *q, size_t cut)
{
	size_t word = wrap_word_start(q, cut);
	if (word != cut || !q[cut] || !wrap_no_start(q + cut))
		return word;
	size_t back = cut;
	while (back > 0 && ((unsigned char)q[back - 1] & 0xC0) == 0x80)
		back--;
	return back > 1 ? wrap_word_start(q, back - 1) : cut;
}

/* As wrap_cut_start, and an opening mark the line would end with goes
 * to the next line, when the line keeps something before it. */
static size_t wrap_cut(const char *q, size_t cut)
{
	size_t at = wrap_cut_start(q, cut), open = q[at] ? wrap_no_end(q, at) : 0;
	return open && at > open ? at - open : at;
}

void draw_wrap(const char *s, int cols, draw_line_cb cb, void *ud)
{
	char *clean = text_sanitize(s ? s : "", 1);
	const char *p = clean;
	if (cols < 2)
		cols = 2;
	for (;;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *line = xstrndup(p, len);
		const char *q = line;
		do {
			size_t cut = text_width_cut(q, cols, NULL);
			if (cut == 0 && *q)
				cut = 1; /* cannot happen with cols >= 2; be safe */
			cut = wrap_cut(q, cut);
			char *part = xstrndup(q, cut);
			cb(ud, part);
			free(part);
			q += cut;
			/* the space a line broke at does not start the next */
			while (*q == ' ')
				q++;
		} while (*q);
		free(line);
		if (!nl)
			break;
		p = nl + 1;
	}
	free(clean);
}

struct wrap_first {
	draw_line_cb cb;
	void *ud;
	int n;
	struct sbuf rest;   /* what did not fit on the first line */
};

static void wrap_first(void *ud, const char *piece)
{
	struct wrap_first *f = ud;
	if (f->n++ == 0)
		f->cb(f->ud, piece);
	else
		sbuf_add(&f->rest, piece);
}

void draw_wrap_hung(const char *line, int cols, int hang, draw_line_cb first, void *first_ud,
		    draw_line_cb hung, void *hung_ud)
{
	struct wrap_first f = {.cb = first, .ud = first_ud};
	draw_wrap(line, cols, wrap_first, &f);
	if (f.rest.len) {
		const char *rest = f.rest.s;
		while (*rest == ' ')
			rest++;
		draw_wrap(rest, cols - hang, hung, hung_ud);
	}
	sbuf_free(&f.rest);
}

void draw_thousands(const char *num, char *out, size_t n)
{
	size_t len = strlen(num), j = 0;
	size_t start = (num[0] == '-') ? 1 : 0;
	const char *dot = strchr(num, '.');
	size_t intlen = dot ? (size_t)(dot - num) : len;
	for (size_t i = 0; i < len && j + 2 < n; i++) {
		out[j++] = num[i];
		if (i >= start && i + 1 < intlen && (intlen - i - 1) % 3 == 0)
			out[j++] = ',';
	}
	out[j] = '\0';
}
