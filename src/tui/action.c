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
	const char *sub_label;
	const char *help;
} action_info[ACT_COUNT] = {
#define TUI_ACTION_INFO(id, label, sub_label, help) [ACT_##id] = {label, sub_label, help},
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
	{'S', ACT_SYNC},
	{'D', ACT_DELETED},
	{'u', ACT_UNDO},
	{'U', ACT_REDO}, {TUI_CTRL('r'), ACT_REDO},
	{'=', ACT_DUPLICATES},
	{'R', ACT_REPORTS},
	{'K', ACT_KARTE},
	{'A', ACT_HEATMAP},
	{'-', ACT_ITEM_EARLIER},
	{'+', ACT_ITEM_LATER},
	{'%', ACT_RATE_ORDER},
	{'*', ACT_ALL_AREAS},
	{'v', ACT_EVENTS},
	{'W', ACT_GENERATIONS},
	{'Q', ACT_SURVEYS},
	{'T', ACT_STAFF},
	{'s', ACT_SUGGEST},
	{'w', ACT_LOAD},
	{'o', ACT_REQUESTS},
	{'O', ACT_REQUEST_NEXT},
	{'X', ACT_MATRIX},
	{TUI_CTRL('l'), ACT_REDRAW},
	{'.', ACT_MORE_KEYS},
	{'?', ACT_HELP}, {F(KEY_F(1)), ACT_HELP},
	{'q', ACT_QUIT}, {TUI_ESC, ACT_QUIT},
	{0, ACT_NONE},
};
#undef F

int tui_key_plain(int key)
{
	if (key >= 0xFF01 && key <= 0xFF5E)   /* ！ … ～: what IME typed for ! … ~ */
		return key - 0xFEE0;
	if (key == 0x3000)                    /* the ideographic space */
		return ' ';
	return key;
}

enum tui_action tui_action_for_key(int key)
{
	key = tui_key_plain(key);
	for (const struct tui_keybind *b = tui_default_keys; b->action != ACT_NONE; b++)
		if (b->key == key)
			return b->action;
	return ACT_NONE;
}

const char *tui_action_label(enum tui_action a, enum tui_screen where)
{
	if (a >= ACT_COUNT)
		return "";
	if (where == TUI_SCREEN_SUB && action_info[a].sub_label)
		return action_info[a].sub_label;
	return action_info[a].label;
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

/* Two actions that read as one hint: "H/L 移動", "a/n 記録". */
static const struct {
	enum tui_action first, second;
	const char *label;
} hint_pairs[] = {
	{ACT_CARD_LEFT, ACT_CARD_RIGHT, S_HINT_CARD_MOVE},
	{ACT_ADD, ACT_LOG, S_HINT_ADD_LOG},
	{ACT_UNDO, ACT_REDO, S_HINT_UNDO_REDO},
	{ACT_ITEM_EARLIER, ACT_ITEM_LATER, S_HINT_ITEM_MOVE},
	{ACT_LEFT, ACT_RIGHT, S_HINT_LEFT_RIGHT},
};

/* The hint for acts[*i] ("key label"), consuming a pair; new string. */
static char *hint_item(const enum tui_action *acts, int *i, enum tui_screen where)
{
	char k1[24], k2[24];
	struct sbuf b = {0};
	for (size_t p = 0; p < sizeof(hint_pairs) / sizeof(hint_pairs[0]); p++)
		if (acts[*i] == hint_pairs[p].first && acts[*i + 1] == hint_pairs[p].second) {
			tui_key_name(hint_key(hint_pairs[p].first), k1, sizeof(k1));
			tui_key_name(hint_key(hint_pairs[p].second), k2, sizeof(k2));
			sbuf_addf(&b, "%s/%s %s", k1, k2, hint_pairs[p].label);
			(*i)++;
			return sbuf_detach(&b);
		}
	tui_key_name(hint_key(acts[*i]), k1, sizeof(k1));
	sbuf_addf(&b, "%s %s", k1, tui_action_label(acts[*i], where));
	return sbuf_detach(&b);
}

#define HINT_SEP 2   /* columns between two hints */
#define HINT_MAX 32

static bool hint_fixed(enum tui_action a)
{
	return a == ACT_HELP || a == ACT_QUIT;
}

/* Appends hints[from..to) to b, HINT_SEP apart. */
static void hint_join(struct sbuf *b, char *const *hints, int from, int to)
{
	for (int i = from; i < to; i++)
		sbuf_addf(b, "%s%s", b->len ? "  " : "", hints[i]);
}

char *tui_hint_line(const enum tui_action *acts, enum tui_screen where, int cols,
		    struct tui_hintbar *bar)
{
	/* Everything in one line when it fits.  Else the bar has pages: the
	 * page key, help and quit stay at the end of every page and the
	 * other hints are dealt out to pages in order, so that every key
	 * can be seen at 80 columns. */
	char *opt[HINT_MAX], *fixed[HINT_MAX];
	int nopt = 0, nfixed = 0, wopt = 0, wfixed = 0;
	for (int i = 0; acts[i] != ACT_NONE && nopt < HINT_MAX - 1 && nfixed < HINT_MAX - 1; i++) {
		bool fx = hint_fixed(acts[i]);
		char *h = hint_item(acts, &i, where);
		if (fx) {
			fixed[nfixed++] = h;
			wfixed += text_width(h) + HINT_SEP;
		} else {
			opt[nopt++] = h;
			wopt += text_width(h) + HINT_SEP;
		}
	}
	struct sbuf b = {0};
	int page = 0;
	if (bar && bar->acts != acts) {
		bar->acts = acts;
		bar->page = 0;
	}
	if (wopt + wfixed - HINT_SEP > cols) {
		int i = 0;
		fixed[nfixed] = hint_item((const enum tui_action[]){ACT_MORE_KEYS, ACT_NONE}, &i,
					  where);
		wfixed += text_width(fixed[nfixed++]) + HINT_SEP;
		int start[HINT_MAX + 1], npages = 0;
		for (int k = 0; k < nopt; npages++) {
			int used = 0;
			start[npages] = k;
			do
				used += text_width(opt[k++]) + HINT_SEP;
			while (k < nopt && used + text_width(opt[k]) + HINT_SEP + wfixed - HINT_SEP <= cols);
		}
		start[npages] = nopt;
		page = bar && npages ? bar->page % npages : 0;
		if (npages)
			hint_join(&b, opt, start[page], start[page + 1]);
	} else {
		hint_join(&b, opt, 0, nopt);
	}
	hint_join(&b, fixed, 0, nfixed);
	for (int k = 0; k < nopt; k++)
		free(opt[k]);
	for (int k = 0; k < nfixed; k++)
		free(fixed[k]);
	return sbuf_detach(&b);
}
