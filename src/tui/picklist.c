/*
 * Pick lists: choice fields, area and party pickers, menus.  A list is
 * either static (typing narrows it by the same search key the store uses,
 * so ｻｸﾗ finds さくら) or filled by a callback on each keystroke (party
 * search through the store, paged to what fits).
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include "app.h"
#include "draw.h"
#include "strings.h"
#include "widgets.h"
#include "tsunagu/store.h"
#include "tsunagu/textnorm.h"

/* wide enough for a name with its area, generation, role and kana; a
 * list of longer lines (two parties side by side) grows to the screen */
#define PICK_MAX_W 100
/* lines of the selected line shown whole under a list that cuts it */
#define PICK_WHOLE_MAX 8

void pick_add(struct pick_list *l, const char *label, const char *value)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->items = xrealloc(l->items, (size_t)l->cap * sizeof(*l->items));
	}
	l->items[l->n].label = xstrdup(label ? label : "");
	l->items[l->n].value = value ? xstrdup(value) : NULL;
	l->n++;
}

void pick_clear(struct pick_list *l)
{
	for (int i = 0; i < l->n; i++) {
		free(l->items[i].label);
		free(l->items[i].value);
	}
	free(l->items);
	memset(l, 0, sizeof(*l));
}

static int pick_choice_cb(void *ud, const char *code, const char *label)
{
	/* short codes (duty A-F) are what people say: show them too */
	if (strcmp(code, label) != 0 && strlen(code) <= 2) {
		struct sbuf b = {0};
		sbuf_addf(&b, "%s %s", code, label);
		pick_add(ud, b.s, code);
		sbuf_free(&b);
	} else {
		pick_add(ud, label, code);
	}
	return 0;
}

void pick_choices(struct tui *t, const char *kind, bool none, struct pick_list *out)
{
	struct tsu_error err;
	if (none)
		pick_add(out, S_PICK_NONE, "");
	if (store_choices(t->st, kind, pick_choice_cb, out, &err) != TSU_OK)
		tui_error(t, &err);
}

static void pick_filter(const struct pick_list *all, const char *query, struct pick_list *out)
{
	char *qk = text_search_key(query);
	for (int i = 0; i < all->n; i++) {
		char *k = text_search_key(all->items[i].label);
		if (!qk || !*qk || (k && strstr(k, qk)))
			pick_add(out, all->items[i].label, all->items[i].value);
		free(k);
	}
	free(qk);
}

struct picker {
	const char *title;
	const char *hint;
	struct pick_list shown;
	struct lineedit query;
	int sel, top;
	struct pick_list *marked;  /* multi-choice: the values marked, else NULL */
};

static int pick_find(const struct pick_list *l, const char *value)
{
	for (int i = 0; l && i < l->n; i++)
		if (l->items[i].value && value && strcmp(l->items[i].value, value) == 0)
			return i;
	return -1;
}

/* Columns of the box: PICK_MAX_W, or what the longest line needs. */
static int picklist_width(const struct picker *pk)
{
	int w = PICK_MAX_W;
	for (int i = 0; i < pk->shown.n; i++) {
		int need = text_width(pk->shown.items[i].label) + 4 +
			   (pk->marked ? text_width(S_PICK_ON) : 0);
		if (need > w)
			w = need;
	}
	return COLS - 8 > w ? w : COLS - 8;
}

/* The selected line whole, wrapped to the box, when the box cuts it (a
 * conflict's two long values, a party with many roles): a choice is never
 * made on a value that cannot be read to its end. */
struct pick_whole {
	char *lines[PICK_WHOLE_MAX];
	int n, max;
};

static void pick_whole_add(void *ud, const char *line)
{
	struct pick_whole *pw = ud;
	if (pw->n < pw->max)
		pw->lines[pw->n++] = xstrdup(line);
}

/* s in lines of `cols` columns, at most `max` of them. */
static void pick_wrap(const char *s, int cols, int max, struct pick_whole *pw)
{
	pw->n = 0;
	pw->max = max < PICK_WHOLE_MAX ? max : PICK_WHOLE_MAX;
	if (pw->max >= 1)
		draw_wrap(s, cols, pick_whole_add, pw);
}

static void pick_whole_fill(const struct picker *pk, int cols, int max, struct pick_whole *pw)
{
	pw->n = 0;
	if (pk->sel < 0 || pk->sel >= pk->shown.n)
		return;
	const char *label = pk->shown.items[pk->sel].label;
	int mark = pk->marked ? text_width(S_PICK_ON) : 0;
	if (text_width(label) + mark > cols)
		pick_wrap(label, cols, max, pw);
}

static void pick_whole_free(struct pick_whole *pw)
{
	for (int i = 0; i < pw->n; i++)
		free(pw->lines[i]);
	pw->n = 0;
}

/* Under the list: a rule naming what follows, then the whole line. */
static void pick_whole_draw(const struct pick_whole *pw, int y, int x, int w)
{
	if (!pw->n)
		return;
	struct sbuf rule = {0};
	sbuf_addf(&rule, "── %s ", S_PICK_WHOLE);
	while (text_width(rule.s) < w)
		sbuf_add(&rule, "─");
	draw_text(y, x, w, rule.s, A_NORMAL, TEXT_LEFT);
	for (int i = 0; i < pw->n; i++)
		draw_text(y + 1 + i, x, w, pw->lines[i], A_NORMAL, TEXT_LEFT);
	sbuf_free(&rule);
}

static void picklist_draw(struct tui *t, struct picker *pk)
{
	int w = picklist_width(pk);
	struct pick_whole head = {0}, pw = {0};
	/* a title the frame cuts (what the marks mean) is read whole inside */
	if (text_width(pk->title) + 2 > w - 4)
		pick_wrap(pk->title, w - 4, 3, &head);
	/* the whole line may take what the list leaves beyond 3 rows */
	pick_whole_fill(pk, w - 4, LINES - 6 - 4 - 1 - 3 - head.n, &pw);
	int extra = pw.n ? pw.n + 1 : 0;
	int h = LINES - 6;
	int want = pk->shown.n + 5 + extra + head.n;
	if (want < 8)
		want = 8;
	if (h > want)
		h = want;
	int y = (LINES - h) / 2, x = (COLS - w) / 2;
	int lh = h - 4 - extra - head.n;
	tui_draw_under(t);
	draw_fill(y, x, h, w, A_NORMAL);
	draw_frame(t, y, x, h, w, pk->title, true);
	for (int i = 0; i < head.n; i++)
		draw_text(y + 1 + i, x + 2, w - 4, head.lines[i], A_BOLD, TEXT_LEFT);
	y += head.n;   /* the rest stands under the title */
	h -= head.n;
	pick_whole_free(&head);
	draw_text(y + 1, x + 2, 6, S_PICK_FILTER, A_BOLD, TEXT_LEFT);
	int cx = le_draw(&pk->query, y + 1, x + 8, w - 10, draw_attr(t, ROLE_FIELD));
	if (pk->sel >= pk->shown.n)
		pk->sel = pk->shown.n - 1;
	if (pk->sel < 0)
		pk->sel = 0;
	if (pk->top > pk->sel)
		pk->top = pk->sel;
	if (pk->sel >= pk->top + lh)
		pk->top = pk->sel - lh + 1;
	for (int i = 0; i < lh; i++) {
		int idx = pk->top + i;
		if (idx >= pk->shown.n) {
			if (pk->shown.n == 0 && i == 0)
				draw_text(y + 2, x + 2, w - 4, S_NO_ROWS, A_NORMAL, TEXT_LEFT);
			continue;
		}
		int a = idx == pk->sel ? draw_attr(t, ROLE_SELECTED) : (int)A_NORMAL;
		const struct pick_item *it = &pk->shown.items[idx];
		struct sbuf b = {0};
		if (pk->marked)
			sbuf_add(&b, pick_find(pk->marked, it->value) >= 0 ? S_PICK_ON : S_PICK_OFF);
		sbuf_add(&b, it->label);
		draw_text(y + 2 + i, x + 2, w - 4, b.s, a, TEXT_LEFT);
		sbuf_free(&b);
	}
	pick_whole_draw(&pw, y + 2 + lh, x + 2, w - 4);
	pick_whole_free(&pw);
	draw_text(y + h - 2, x + 2, w - 4, pk->hint, A_NORMAL, TEXT_LEFT);
	move(y + 1, cx);
	curs_set(1);
	refresh();
}

static void picklist_refill(struct tui *t, struct picker *pk, const struct pick_list *all,
			    pick_fill_cb fill, void *ud)
{
	pick_clear(&pk->shown);
	if (fill)
		fill(t, ud, le_text(&pk->query), &pk->shown);
	else
		pick_filter(all, le_text(&pk->query), &pk->shown);
	pk->sel = 0;
	pk->top = 0;
}

/* Moves the selection for arrows, Ctrl-N/P and pages; other keys go to
 * the filter.  Letters, j and k included, always filter. */
static void picker_key(struct tui *t, struct picker *pk, int key, const struct pick_list *all,
		       pick_fill_cb fill, void *ud)
{
	int lh = LINES - 10 > 1 ? LINES - 10 : 1;
	if (key == TUI_FKEY(KEY_DOWN) || key == TUI_CTRL('n'))
		pk->sel++;
	else if (key == TUI_FKEY(KEY_UP) || key == TUI_CTRL('p'))
		pk->sel = pk->sel > 0 ? pk->sel - 1 : 0;
	else if (key == TUI_FKEY(KEY_NPAGE))
		pk->sel += lh;
	else if (key == TUI_FKEY(KEY_PPAGE))
		pk->sel = pk->sel > lh ? pk->sel - lh : 0;
	else if (le_key(&pk->query, key) == LE_CHANGED)
		picklist_refill(t, pk, all, fill, ud);
}

static bool picker_enter(int key)
{
	return key == '\n' || key == '\r' || key == TUI_FKEY(KEY_ENTER);
}

char *picklist_run(struct tui *t, const char *title, const struct pick_list *items,
		   const char *current, pick_fill_cb fill, void *ud)
{
	struct picker pk = {.title = title, .hint = S_PICK_HINT};
	char *result = NULL;
	le_init(&pk.query, "");
	picklist_refill(t, &pk, items, fill, ud);
	for (int i = 0; current && i < pk.shown.n; i++)
		if (pk.shown.items[i].value && strcmp(pk.shown.items[i].value, current) == 0)
			pk.sel = i;
	for (;;) {
		picklist_draw(t, &pk);
		int key = tui_getkey(t);
		if (key == TUI_ESC)
			break;
		if (picker_enter(key)) {
			if (pk.shown.n > 0) {
				const char *v = pk.shown.items[pk.sel].value;
				result = xstrdup(v ? v : "");
				break;
			}
			continue;
		}
		picker_key(t, &pk, key, items, fill, ud);
	}
	curs_set(0);
	pick_clear(&pk.shown);
	le_free(&pk.query);
	return result;
}

/* Space marks or unmarks the selected item. */
static void picker_toggle(struct picker *pk)
{
	if (pk->sel < 0 || pk->sel >= pk->shown.n)
		return;
	const struct pick_item *it = &pk->shown.items[pk->sel];
	int at = pick_find(pk->marked, it->value);
	if (at < 0) {
		pick_add(pk->marked, it->label, it->value);
		return;
	}
	free(pk->marked->items[at].label);
	free(pk->marked->items[at].value);
	memmove(&pk->marked->items[at], &pk->marked->items[at + 1],
		(size_t)(pk->marked->n - at - 1) * sizeof(pk->marked->items[0]));
	pk->marked->n--;
}

/* The marked values in the order of `items`, joined by ",". */
static char *picker_joined(const struct pick_list *items, const struct pick_list *marked)
{
	struct sbuf b = {0};
	for (int i = 0; i < items->n; i++)
		if (pick_find(marked, items->items[i].value) >= 0)
			sbuf_addf(&b, "%s%s", b.len ? "," : "", items->items[i].value);
	return sbuf_detach(&b);
}

char *picklist_multi(struct tui *t, const char *title, const struct pick_list *items,
		     const char *current)
{
	struct pick_list marked = {0};
	struct picker pk = {.title = title, .hint = S_PICK_MULTI_HINT, .marked = &marked};
	char *copy = xstrdup(current ? current : ""), *save = NULL, *result = NULL;
	for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
		if (pick_find(items, tok) >= 0 && pick_find(&marked, tok) < 0)
			pick_add(&marked, tok, tok);
	free(copy);
	le_init(&pk.query, "");
	picklist_refill(t, &pk, items, NULL, NULL);
	for (;;) {
		picklist_draw(t, &pk);
		int key = tui_getkey(t);
		if (key == TUI_ESC)
			break;
		if (picker_enter(key)) {
			result = picker_joined(items, &marked);
			break;
		}
		if (tui_key_plain(key) == ' ')
			picker_toggle(&pk);
		else
			picker_key(t, &pk, key, items, NULL, NULL);
	}
	curs_set(0);
	pick_clear(&pk.shown);
	pick_clear(&marked);
	le_free(&pk.query);
	return result;
}
