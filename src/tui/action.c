/*
 * The action table and the default key bindings.  Bindings are data, in
 * the order help lists them; the first key of an action is the one the
 * bottom line shows.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>
#include <string.h>
#include "action.h"
#include "strings.h"
#include "tsunagu/sbuf.h"
#include "tsunagu/textwidth.h"

static const struct {
	const char *label;
	const char *help;
} action_info[ACT_COUNT] = {
#define TUI_ACTION_INFO(id, label, help) [ACT_##id] = {label, help},
	TUI_ACTION_LIST(TUI_ACTION_INFO)
#undef TUI_ACTION_INFO
};

#define F(k) TUI_FKEY(k)
const struct tui_keybind tui_default_keys[] = {
	{'\t', ACT_NEXT_PANE},
	{F(KEY_BTAB), ACT_PREV_PANE},
	{'j', ACT_DOWN}, {F(KEY_DOWN), ACT_DOWN},
	{'k', ACT_UP}, {F(KEY_UP), ACT_UP},
	{F(KEY_NPAGE), ACT_PAGE_DOWN}, {' ', ACT_PAGE_DOWN}, {TUI_CTRL('f'), ACT_PAGE_DOWN},
	{F(KEY_PPAGE), ACT_PAGE_UP}, {TUI_CTRL('b'), ACT_PAGE_UP},
	{'g', ACT_TOP}, {F(KEY_HOME), ACT_TOP},
	{'G', ACT_BOTTOM}, {F(KEY_END), ACT_BOTTOM},
	{'h', ACT_LEFT}, {F(KEY_LEFT), ACT_LEFT},
	{'l', ACT_RIGHT}, {F(KEY_RIGHT), ACT_RIGHT},
	{'\n', ACT_OPEN}, {'\r', ACT_OPEN}, {F(KEY_ENTER), ACT_OPEN},
	{'a', ACT_ADD},
	{'e', ACT_EDIT},
	{'d', ACT_DELETE}, {F(KEY_DC), ACT_DELETE},
	{'/', ACT_SEARCH},
	{'f', ACT_FILTER},
	{'H', ACT_CARD_LEFT}, {'<', ACT_CARD_LEFT},
	{'L', ACT_CARD_RIGHT}, {'>', ACT_CARD_RIGHT},
	{'n', ACT_LOG},
	{'E', ACT_LONGTEXT},
	{'p', ACT_LINK},
	{'r', ACT_MEMBER},
	{'i', ACT_HISTORY},
	{'m', ACT_MINE},
	{':', ACT_COMMAND},
	{'c', ACT_CONFLICTS},
	{TUI_CTRL('l'), ACT_REDRAW},
	{'?', ACT_HELP}, {F(KEY_F(1)), ACT_HELP},
	{'q', ACT_QUIT}, {TUI_ESC, ACT_QUIT},
	{0, ACT_NONE},
};
#undef F

enum tui_action tui_action_for_key(int key)
{
	for (const struct tui_keybind *b = tui_default_keys; b->action != ACT_NONE; b++)
		if (b->key == key)
			return b->action;
	return ACT_NONE;
}

const char *tui_action_label(enum tui_action a)
{
	return a < ACT_COUNT ? action_info[a].label : "";
}

const char *tui_action_help(enum tui_action a)
{
	return a < ACT_COUNT ? action_info[a].help : "";
}

static const struct {
	int key;
	const char *name;
} fkey_names[] = {
	{KEY_BTAB, "S-Tab"}, {KEY_DOWN, "↓"}, {KEY_UP, "↑"}, {KEY_LEFT, "←"},
	{KEY_RIGHT, "→"}, {KEY_NPAGE, "PgDn"}, {KEY_PPAGE, "PgUp"},
	{KEY_HOME, "Home"}, {KEY_END, "End"}, {KEY_ENTER, "Enter"},
	{KEY_DC, "Del"}, {KEY_F(1), "F1"},
};

void tui_key_name(int key, char *buf, size_t n)
{
	if (key < 0) {
		for (size_t i = 0; i < sizeof(fkey_names) / sizeof(fkey_names[0]); i++)
			if (fkey_names[i].key == -key) {
				snprintf(buf, n, "%s", fkey_names[i].name);
				return;
			}
		snprintf(buf, n, "<%d>", -key);
	} else if (key == '\t') {
		snprintf(buf, n, "Tab");
	} else if (key == '\n' || key == '\r') {
		snprintf(buf, n, "Enter");
	} else if (key == ' ') {
		snprintf(buf, n, "Space");
	} else if (key == TUI_ESC) {
		snprintf(buf, n, "Esc");
	} else if (key < 0x20) {
		snprintf(buf, n, "^%c", key + '@');
	} else {
		char tmp[8] = {0};
		wchar_t wc[2] = {(wchar_t)key, 0};
		if (wcstombs(tmp, wc, sizeof(tmp) - 1) == (size_t)-1)
			snprintf(tmp, sizeof(tmp), "?");
		snprintf(buf, n, "%s", tmp);
	}
}

/* True when the space-separated list has the token name. */
static bool action_keys_has(const char *list, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = list; (p = strstr(p, name)) != NULL; p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return true;
	return false;
}

void tui_action_keys(enum tui_action a, char *buf, size_t n)
{
	size_t used = 0;
	buf[0] = '\0';
	for (const struct tui_keybind *b = tui_default_keys; b->action != ACT_NONE; b++) {
		char name[24];
		if (b->action != a)
			continue;
		tui_key_name(b->key, name, sizeof(name));
		if (action_keys_has(buf, name))
			continue;
		int w = snprintf(buf + used, n - used, "%s%s", used ? " " : "", name);
		if (w < 0 || (size_t)w >= n - used)
			break;
		used += (size_t)w;
	}
}

/* The first key bound to a, or 0. */
static int hint_key(enum tui_action a)
{
	for (const struct tui_keybind *k = tui_default_keys; k->action != ACT_NONE; k++)
		if (k->action == a)
			return k->key;
	return 0;
}

/* "key label" of the first key bound to a. */
static void hint_item(enum tui_action a, struct sbuf *b)
{
	char name[24];
	int key = hint_key(a);
	if (!key)
		return;
	tui_key_name(key, name, sizeof(name));
	sbuf_addf(b, "%s%s %s", b->len ? "  " : "", name, tui_action_label(a));
}

char *tui_hint_line(const enum tui_action *acts, int cols)
{
	/* Help and quit are always shown: when the line is too long, the
	 * other hints are dropped from the end (help lists them all). */
	int n = 0, keep = 0;
	while (acts[n] != ACT_NONE)
		n++;
	for (int i = 0; i < n; i++)
		if (acts[i] == ACT_HELP || acts[i] == ACT_QUIT)
			keep++;
	for (int shown = n - keep; shown >= 0; shown--) {
		struct sbuf b = {0};
		int used = 0;
		for (int i = 0; i < n; i++) {
			bool fixed = acts[i] == ACT_HELP || acts[i] == ACT_QUIT;
			if (!fixed && used++ >= shown)
				continue;
			if (acts[i] == ACT_CARD_LEFT && acts[i + 1] == ACT_CARD_RIGHT) {
				/* a pair that reads as one: "H/L 左右へ移す" */
				char l[24], r[24];
				tui_key_name(hint_key(ACT_CARD_LEFT), l, sizeof(l));
				tui_key_name(hint_key(ACT_CARD_RIGHT), r, sizeof(r));
				sbuf_addf(&b, "%s%s/%s %s", b.len ? "  " : "", l, r, S_HINT_CARD_MOVE);
				i++;
				continue;
			}
			hint_item(acts[i], &b);
		}
		if (shown == 0 || text_width(sbuf_str(&b)) <= cols)
			return sbuf_detach(&b);
		sbuf_free(&b);
	}
	return xstrdup("");
}
