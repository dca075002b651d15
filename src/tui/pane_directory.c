/*
 * The Directory pane: parties (groups and people) of the selected area.
 * `/` searches as you type, through the same search index as the CLI, so
 * half-width katakana, hiragana and full-width letters all find the row;
 * `f` filters by org type, generation or offer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "draw.h"
#include "listview.h"
#include "screens.h"
#include "strings.h"
#include "widgets.h"
#include "tsunagu/sbuf.h"

struct directory {
	struct listview lv;
	char *subtitle;
	char *last_search;   /* brought back by ↑ in the next search */
};

static const char *dir_type(struct tui *t, struct rows *r, long idx, char *buf, size_t n)
{
	const char *kind = rows_get(r, t->st, idx, "kind");
	const char *type = rows_get(r, t->st, idx, "org_type");
	if (kind && strcmp(kind, S_PERSON) == 0)
		return S_PERSON;
	snprintf(buf, n, "%s", type ? type : (kind ? kind : ""));
	return buf;
}

static const char *dir_key(struct tui *t, struct rows *r, long idx, char *buf, size_t n)
{
	const char *v = rows_get(r, t->st, idx, "key_person");
	return v && strcmp(v, "1") == 0 ? S_KEY_MARK : "";
}

/* Area, generation and first role in one column, for a narrow pane. */
static const char *dir_who(struct tui *t, struct rows *r, long idx, char *buf, size_t n)
{
	struct sbuf b = {0};
	rows_party_who(&b, rows_get(r, t->st, idx, "areas"), rows_get(r, t->st, idx, "generation"),
		       rows_get(r, t->st, idx, "roles"), rows_get(r, t->st, idx, "load"));
	snprintf(buf, n, "%s", b.len ? b.s : "");
	sbuf_free(&b);
	return buf;
}

/* Namesakes differ by the columns after the name: area, generation and
 * roles, each its own column on a wide pane, one column on a narrow one. */
#define DIR_WIDE 80
#define DIR_WHO_MIN 56  /* the focused pane at 80 columns is 60 wide */
static const struct lv_col dir_cols[] = {
	{S_COL_KEY, "key_person", 2, TEXT_LEFT, 0, dir_key, NULL, 0},
	{S_COL_TYPE, "org_type", 10, TEXT_LEFT, 0, dir_type, NULL, 0},
	{S_COL_NAME, "name", 0, TEXT_LEFT, 0, NULL, NULL, 0},
	{S_COL_KANA, "kana", 14, TEXT_LEFT, 44, NULL, NULL, 0},
	{S_COL_WHO, "areas", 0, TEXT_LEFT, DIR_WHO_MIN, dir_who, NULL, DIR_WIDE},
	{S_COL_AREA, "areas", 12, TEXT_LEFT, DIR_WIDE, NULL, NULL, 0},
	{S_COL_GEN, "generation", 6, TEXT_LEFT, DIR_WIDE, NULL, NULL, 0},
	{S_COL_ROLES, "roles", 0, TEXT_LEFT, DIR_WIDE, NULL, NULL, 0},
};

static void dir_open(struct tui *t, struct pane *p)
{
	struct directory *d = xcalloc(1, sizeof(*d));
	rows_init(&d->lv.rows, LIST_PARTIES);
	p->priv = d;
}

static void dir_close(struct pane *p)
{
	struct directory *d = p->priv;
	rows_free(&d->lv.rows);
	free(d->subtitle);
	free(d->last_search);
	free(d);
	p->priv = NULL;
}

static void dir_reload(struct tui *t, struct pane *p)
{
	struct directory *d = p->priv;
	rows_set(&d->lv.rows, &d->lv.rows.area_id, t->area_id);
	rows_reload(&d->lv.rows, t->st);
}

static void dir_draw(struct tui *t, struct pane *p)
{
	struct directory *d = p->priv;
	lv_draw(t, p, &d->lv, dir_cols, (int)(sizeof(dir_cols) / sizeof(dir_cols[0])));
}

static const char *dir_subtitle(struct tui *t, struct pane *p)
{
	struct directory *d = p->priv;
	struct rows *r = &d->lv.rows;
	struct sbuf b = {0};
	long total = rows_count(r, t->st);
	if (total > 0)
		sbuf_addf(&b, "%ld/", d->lv.sel + 1);
	sbuf_addf(&b, S_ROWS_FMT, total);
	if (r->search)
		sbuf_addf(&b, " %s:%s", S_SEARCH_ACTIVE, r->search);
	if (r->org_type || r->generation || r->offer)
		sbuf_addf(&b, " %s:%s", S_FILTER_ACTIVE,
			  r->org_type ? r->org_type : r->generation ? r->generation : r->offer);
	free(d->subtitle);
	d->subtitle = sbuf_detach(&b);
	return d->subtitle;
}

/* Live search: every keystroke re-queries (the count and the first page). */
static void dir_search_changed(struct tui *t, void *ud, const char *text)
{
	struct directory *d = ud;
	rows_set(&d->lv.rows, &d->lv.rows.search, text);
	rows_reload(&d->lv.rows, t->st);
	d->lv.sel = d->lv.top = 0;
}

static void dir_remember(struct directory *d, const char *q)
{
	if (!q || !*q)
		return;
	free(d->last_search);
	d->last_search = xstrdup(q);
}

/* `/` starts empty; ↑ brings back the previous query. */
static void dir_search(struct tui *t, struct directory *d)
{
	char *old = d->lv.rows.search ? xstrdup(d->lv.rows.search) : NULL;
	char *q = prompt_recall(t, S_SEARCH_PROMPT, d->last_search, old, dir_search_changed, d);
	if (q) {
		dir_search_changed(t, d, q);
		dir_remember(d, q);
	}
	free(q);
	free(old);
}

static void dir_filter(struct tui *t, struct directory *d)
{
	struct pick_list menu = {0}, choices = {0};
	struct rows *r = &d->lv.rows;
	pick_add(&menu, S_FILTER_ORGTYPE, "org_type");
	pick_add(&menu, S_FILTER_GEN, "generation");
	pick_add(&menu, S_FILTER_OFFER, "offer");
	pick_add(&menu, S_FILTER_CLEAR, "clear");
	char *what = picklist_run(t, S_FILTER_TITLE, &menu, NULL, NULL, NULL);
	char *v = NULL;
	if (!what) {
		/* cancelled */
	} else if (strcmp(what, "clear") == 0) {
		rows_set(r, &r->org_type, NULL);
		rows_set(r, &r->generation, NULL);
		rows_set(r, &r->offer, NULL);
	} else if (strcmp(what, "offer") == 0) {
		v = prompt_line(t, S_FILTER_OFFER_Q, r->offer, NULL, NULL);
		if (v)
			rows_set(r, &r->offer, v);
	} else {
		pick_add(&choices, S_FILTER_ALL, "");
		pick_choices(t, what, false, &choices);
		v = picklist_run(t, S_FILTER_TITLE, &choices, NULL, NULL, NULL);
		if (v)
			rows_set(r, strcmp(what, "org_type") == 0 ? &r->org_type : &r->generation, v);
	}
	rows_reload(r, t->st);
	d->lv.sel = d->lv.top = 0;
	free(v);
	free(what);
	pick_clear(&menu);
	pick_clear(&choices);
}

/* A party just saved is shown and selected: a search it does not match
 * is cleared, and the status line says so. */
static void dir_show_new(struct tui *t, struct directory *d, const char *id)
{
	struct rows *r = &d->lv.rows;
	if (lv_select_id(t, &d->lv, id))
		return;
	if (r->search) {
		dir_remember(d, r->search);
		rows_set(r, &r->search, NULL);
		rows_reload(r, t->st);
		tui_msg(t, S_SAVED_UNSEARCHED, d->last_search);
	}
	if (!lv_select_id(t, &d->lv, id))
		tui_msg(t, "%s", S_SAVED_UNLISTED);
}

static void dir_add(struct tui *t, struct directory *d)
{
	struct field_value init[] = {
		{"kind", "org"},
		{"areas", t->area_name},
	};
	uuid_str id;
	if (form_run(t, "party", NULL, (struct form_values){0},
		     (struct form_values){init, t->area_name ? 2 : 1}, id)) {
		tui_reload_all(t);
		dir_show_new(t, d, id);
	}
}

/* Actions on the selected party; the id is copied because reloading the
 * rows (after a save) frees the window it came from. */
static enum tui_handled dir_on_row(struct tui *t, struct directory *d, enum tui_action a)
{
	const char *cur = lv_get(t, &d->lv, "id");
	if (!cur) {
		tui_msg(t, "%s", S_SELECT_FIRST);
		return TUI_HANDLED;
	}
	char *id = xstrdup(cur);
	const char *nm = lv_get(t, &d->lv, "name");
	char *name = xstrdup(nm ? nm : "");
	bool changed = false;
	switch (a) {
	case ACT_OPEN:
		detail_run(t, "party", id);
		changed = true;
		break;
	case ACT_EDIT:
		changed = form_run(t, "party", id, (struct form_values){0},
				   (struct form_values){0}, NULL);
		break;
	case ACT_DELETE:
		changed = ops_delete(t, "party", id, name);
		break;
	case ACT_LOG:
		changed = ops_add_log(t, NULL, id, NULL, NULL, NULL);
		break;
	case ACT_LONGTEXT:
		changed = ops_edit_longtext(t, "party", id, NULL);
		break;
	case ACT_MEMBER:
		changed = ops_add_membership(t, id);
		break;
	case ACT_SUGGEST:
		suggest_for_party(t, id);
		changed = true;
		break;
	default:
		break;
	}
	if (changed)
		tui_reload_all(t);
	free(id);
	free(name);
	return TUI_HANDLED;
}

static enum tui_handled dir_action(struct tui *t, struct pane *p, enum tui_action a)
{
	struct directory *d = p->priv;
	if (lv_move(t, p, &d->lv, a) == TUI_HANDLED)
		return TUI_HANDLED;
	switch (a) {
	case ACT_SEARCH:
		dir_search(t, d);
		return TUI_HANDLED;
	case ACT_FILTER:
		dir_filter(t, d);
		return TUI_HANDLED;
	case ACT_ADD:
		if (!tui_readonly(t))
			dir_add(t, d);
		return TUI_HANDLED;
	case ACT_OPEN:
	case ACT_EDIT:
	case ACT_DELETE:
	case ACT_LOG:
	case ACT_LONGTEXT:
	case ACT_MEMBER:
	case ACT_SUGGEST:
		if (a != ACT_OPEN && a != ACT_SUGGEST && tui_readonly(t))
			return TUI_HANDLED;
		return dir_on_row(t, d, a);
	default:
		return TUI_UNHANDLED;
	}
}

static void dir_click(struct tui *t, struct pane *p, int y, int x)
{
	struct directory *d = p->priv;
	lv_click(t, p, &d->lv, y);
}

static char *dir_status(struct tui *t, struct pane *p)
{
	struct directory *d = p->priv;
	const char *name = lv_get(t, &d->lv, "name");
	if (!name)
		return NULL;
	const char *kana = lv_get(t, &d->lv, "kana");
	const char *roles = lv_get(t, &d->lv, "roles");
	const char *offers = lv_get(t, &d->lv, "offers");
	const char *areas = lv_get(t, &d->lv, "areas");
	const char *key = lv_get(t, &d->lv, "key_person");
	struct sbuf s = {0};
	if (key && strcmp(key, "1") == 0)   /* what ＊ under 鍵 stands for */
		sbuf_add(&s, S_KEY_PERSON_TAG);
	sbuf_add(&s, name);
	if (kana)
		sbuf_addf(&s, " (%s)", kana);
	if (roles)
		sbuf_addf(&s, "  %s", roles);
	if (offers)
		sbuf_addf(&s, "  %s: %s", S_SEC_OFFERS, offers);
	if (areas && !t->area_id)
		sbuf_addf(&s, "  %s", areas);
	return sbuf_detach(&s);
}

static const enum tui_action dir_hints[] = {
	ACT_OPEN, ACT_ADD, ACT_EDIT, ACT_DELETE, ACT_SEARCH, ACT_FILTER, ACT_LOG,
	ACT_MEMBER, ACT_UNDO, ACT_REDO, ACT_DUPLICATES, ACT_SUGGEST, ACT_LOAD, ACT_HELP, ACT_QUIT, ACT_NONE,
};

const struct pane_ops pane_directory_ops = {
	.name = "directory",
	.title = S_PANE_DIRECTORY,
	.open = dir_open,
	.close = dir_close,
	.reload = dir_reload,
	.draw = dir_draw,
	.action = dir_action,
	.click = dir_click,
	.hints = dir_hints,
	.status = dir_status,
	.subtitle = dir_subtitle,
};
