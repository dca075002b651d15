/*
 * The aging-rate heatmap (key A): each district of the selected area, or
 * of every area under its area's heading, as a row: name, the figure, and
 * a bar whose length follows the rate, its shade (░▒▓█) how far it lies
 * from the city average, whose place the bar marks with │.  Length,
 * glyphs and figures carry the meaning, so monochrome and NO_COLOR lose
 * nothing; colour only adds red above the average.  % switches between
 * district order and highest rate first, * between the area and all.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app.h"
#include "draw.h"
#include "screens.h"
#include "strings.h"
#include "widgets.h"
#include "tsunagu/heatmap.h"
#include "tsunagu/karte.h"
#include "tsunagu/record.h"
#include "tsunagu/store.h"

#define LEGEND_MAX 6  /* lines of the legend (the average, the shades) */
#define NAME_MAX_COLS 20

static const enum tui_action heat_hints[] = {
	ACT_RATE_ORDER, ACT_ALL_AREAS, ACT_KARTE, ACT_HELP, ACT_QUIT, ACT_NONE,
};

struct heat_line {
	char *text;        /* a heading ("■ 諏訪中学区  37.3%") or a district's name */
	char *area_id;
	bool heading;
	bool has_rate;
	double rate;
};

struct heat {
	struct tui *t;
	const char *area_id;  /* the selected area, or NULL */
	char *area_name;
	bool all, by_rate;
	struct heat_line *v;
	int n, cap, cur, top;
	int name_cols;
	int head_rows;        /* title, legend (wrapped), column headings */
	double max;
	struct karte_basics city;
	const char *last_area; /* the area of the previous row while loading */
};

static void heat_clear(struct heat *h)
{
	for (int i = 0; i < h->n; i++) {
		free(h->v[i].text);
		free(h->v[i].area_id);
	}
	h->n = 0;
	h->max = 0;
	h->name_cols = text_width(S_HEAT_HEAD_DIST);
}

static struct heat_line *heat_push(struct heat *h, const char *text, const char *area_id)
{
	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 64;
		h->v = xrealloc(h->v, (size_t)h->cap * sizeof *h->v);
	}
	struct heat_line *l = &h->v[h->n++];
	*l = (struct heat_line){xstrdup(text), xstrdup(area_id), false, false, 0};
	return l;
}

/* "■ 諏訪中学区  37.3%" before the first district of each area. */
static void heat_heading(struct heat *h, const struct heat_row *r)
{
	struct karte_basics b;
	struct tsu_error err = {0};
	char rate[24] = "－";
	if (store_karte_basics(h->t->st, r->area_id, &b, &err) == TSU_OK && b.has_rate)
		snprintf(rate, sizeof rate, "%.1f%%", b.rate);
	struct sbuf s = {0};
	sbuf_addf(&s, S_HEAT_AREA, r->area ? r->area : "", rate);
	heat_push(h, s.s, r->area_id)->heading = true;
	sbuf_free(&s);
}

static int heat_row(void *ud, const struct heat_row *r)
{
	struct heat *h = ud;
	if (h->all && (!h->n || strcmp(h->v[h->n - 1].area_id, r->area_id) != 0))
		heat_heading(h, r);
	struct heat_line *l = heat_push(h, r->district ? r->district : "", r->area_id);
	l->has_rate = r->has_rate;
	l->rate = r->rate;
	if (r->has_rate && r->rate > h->max)
		h->max = r->rate;
	int w = text_width(l->text);
	if (w > h->name_cols)
		h->name_cols = w < NAME_MAX_COLS ? w : NAME_MAX_COLS;
	return 0;
}

static bool heat_load(struct heat *h)
{
	struct tsu_error err = {0};
	heat_clear(h);
	if (store_karte_basics(h->t->st, NULL, &h->city, &err) != TSU_OK ||
	    store_heatmap(h->t->st, h->all ? NULL : h->area_id, h->by_rate, heat_row, h,
			  &err) != TSU_OK) {
		tui_error(h->t, &err);
		return false;
	}
	return true;
}

/* The bar of one row: `cells` glyphs, the average's │, colour on top. */
static void heat_bar(struct heat *h, int y, int x, int width, const struct heat_line *l)
{
	double scale = heatmap_scale(h->max > h->city.rate ? h->max : h->city.rate);
	int cells = l->has_rate ? heatmap_cells(l->rate, scale, width) : 0;
	int mark = h->city.has_rate ? heatmap_cells(h->city.rate, scale, width) - 1 : -1;
	struct sbuf b = {0};
	const char *glyph = heatmap_shade(l->rate, h->city.rate);
	for (int i = 0; i < cells; i++)
		sbuf_add(&b, glyph);
	bool above = h->city.has_rate && l->rate >= h->city.rate;
	int attr = h->t->color ? draw_attr(h->t, above ? ROLE_OVERDUE : ROLE_FRAME_FOCUS) : (int)A_NORMAL;
	if (cells)
		draw_text(y, x, cells, b.s, attr, TEXT_LEFT);
	if (mark >= 0 && mark < width)
		draw_text(y, x + mark, 1, "│", A_BOLD, TEXT_LEFT);
	sbuf_free(&b);
}

static void heat_draw_line(struct heat *h, int y, int i)
{
	struct heat_line *l = &h->v[i];
	int attr = i == h->cur ? draw_attr(h->t, ROLE_SELECTED) : (int)A_NORMAL;
	if (l->heading) {
		draw_text(y, 1, COLS - 2, l->text, i == h->cur ? attr : draw_attr(h->t, ROLE_SECTION),
			  TEXT_LEFT);
		return;
	}
	char rate[16];
	snprintf(rate, sizeof rate, l->has_rate ? "%.1f%%" : "－", l->rate);
	draw_text(y, 1, h->name_cols + 2, l->text, attr, TEXT_LEFT);
	draw_text(y, 1 + h->name_cols + 2, 8, rate, A_NORMAL, TEXT_RIGHT);
	int bx = 1 + h->name_cols + 2 + 8 + 2;
	if (l->has_rate || h->city.has_rate)
		heat_bar(h, y, bx, COLS - bx - 1, l);
}

struct heat_legend {
	int y, n;
};

static void heat_legend_line(void *ud, const char *line)
{
	struct heat_legend *l = ud;
	if (l->n++ < LEGEND_MAX)
		draw_text(l->y++, 1, COLS - 2, line, A_NORMAL, TEXT_LEFT);
}

/* The legend under the title, wrapped (at 60 columns its lines were cut
 * before the shades' meaning): the average and the scale of a bar, the
 * shades.  Returns the line after it. */
static int heat_draw_legend(struct heat *h)
{
	struct sbuf s = {0};
	double scale = heatmap_scale(h->max > h->city.rate ? h->max : h->city.rate);
	int bw = COLS - (1 + h->name_cols + 2 + 8 + 2) - 1;
	if (h->city.has_rate)
		sbuf_addf(&s, S_HEAT_AVG, h->city.rate, bw > 0 ? scale / bw : 0);
	struct heat_legend l = {.y = 1};
	draw_wrap(h->city.has_rate ? s.s : S_HEAT_NO_AVG, COLS - 2, heat_legend_line, &l);
	draw_wrap(S_HEAT_SHADES, COLS - 2, heat_legend_line, &l);
	sbuf_free(&s);
	return l.y;
}

static void heat_draw(struct tui *t, struct heat *h)
{
	struct sbuf s = {0};
	erase();
	sbuf_addf(&s, S_HEAT_TITLE, h->all || !h->area_name ? S_ALL_AREAS : h->area_name,
		  h->by_rate ? S_HEAT_BY_RATE : S_HEAT_BY_DIST);
	draw_role_text(t, 0, 0, COLS, s.s, ROLE_TITLE);
	int hy = heat_draw_legend(h);
	h->head_rows = hy + 1;
	int rows = LINES - h->head_rows - 2;
	draw_text(hy, 1, h->name_cols + 2, S_HEAT_HEAD_DIST, draw_attr(t, ROLE_HEADER), TEXT_LEFT);
	draw_text(hy, 1 + h->name_cols + 2, 8, S_HEAT_HEAD_RATE, draw_attr(t, ROLE_HEADER),
		  TEXT_RIGHT);
	if (h->n == 0)
		draw_text(h->head_rows, 1, COLS - 2, S_HEAT_EMPTY, A_NORMAL, TEXT_LEFT);
	if (h->cur >= h->n)
		h->cur = h->n - 1;
	if (h->cur < 0)
		h->cur = 0;
	if (h->top > h->cur)
		h->top = h->cur;
	if (rows > 0 && h->cur >= h->top + rows)
		h->top = h->cur - rows + 1;
	for (int i = 0; i < rows && h->top + i < h->n; i++)
		heat_draw_line(h, h->head_rows + i, h->top + i);
	prompt_status(t, t->msg, t->msg_error);
	char *hints = tui_hint_line(heat_hints, TUI_SCREEN_SUB, COLS, &t->hintbar);
	draw_hints(t, LINES - 1, 0, COLS, hints);
	free(hints);
	sbuf_free(&s);
	curs_set(0);
}

static void heat_backdrop(struct tui *t, void *ud)
{
	heat_draw(t, ud);
}

/* Returns true when the view should close. */
static bool heat_action(struct tui *t, struct heat *h, enum tui_action a, bool *reload)
{
	int page = LINES - h->head_rows - 3;
	switch (a) {
	case ACT_QUIT: return true;
	case ACT_DOWN: h->cur++; break;
	case ACT_UP: h->cur--; break;
	case ACT_PAGE_DOWN: h->cur += page; break;
	case ACT_PAGE_UP: h->cur -= page; break;
	case ACT_TOP: h->cur = 0; break;
	case ACT_BOTTOM: h->cur = h->n - 1; break;
	case ACT_HELP: help_show(t); break;
	case ACT_MORE_KEYS: t->hintbar.page++; break;
	case ACT_RATE_ORDER:
		h->by_rate = !h->by_rate;
		*reload = true;
		break;
	case ACT_ALL_AREAS:
		if (!h->area_id) {
			tui_msg(t, "%s", S_HEAT_ALL_ONLY);
			break;
		}
		h->all = !h->all;
		h->cur = h->top = 0;
		*reload = true;
		break;
	case ACT_KARTE:
		if (h->cur < h->n) {
			char *id = xstrdup(h->v[h->cur].area_id);
			karte_show(t, id);
			free(id);
			*reload = true;
		}
		break;
	default:
		tui_msg(t, "%s", S_NOTHING_HERE);
		break;
	}
	return false;
}

void heatmap_show(struct tui *t, const char *area_id)
{
	struct heat h = {.t = t, .area_id = area_id, .all = !area_id, .head_rows = 4};
	struct tui_backdrop saved = t->under;
	bool reload = true;
	struct record *area = NULL;
	struct tsu_error err = {0};
	if (area_id && store_get(t->st, "area", area_id, false, &area, &err) == TSU_OK)
		h.area_name = xstrdup(record_get(area, "name") ? record_get(area, "name") : "");
	record_free(area);
	for (;;) {
		if (reload && !heat_load(&h))
			break;
		reload = false;
		enum tui_action a = tui_view_key(t, (struct tui_backdrop){heat_backdrop, &h});
		if (a == ACT_NONE || a == ACT_REDRAW)
			continue;
		if (heat_action(t, &h, a, &reload) || t->hangup)
			break;
	}
	t->under = saved;
	heat_clear(&h);
	free(h.v);
	free(h.area_name);
}
