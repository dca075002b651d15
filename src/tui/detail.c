/*
 * Detail views (Enter): an area, a party or a task on one scrolling page.
 *
 * The page is a list of entries built from the row's fields (driven by
 * entity.h) and its related rows (store_related).  An entry may name a
 * row to open (Enter: a linked task, the other end of a membership) and a
 * row it stands for (e / d / E act on that: a log entry, a membership, a
 * task's link to a party); elsewhere e / d / E act on the page's own row.
 * The cursor is a display line, so long notes scroll like a pager.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app.h"
#include "detail.h"
#include "draw.h"
#include "form.h"
#include "screens.h"
#include "strings.h"
#include "widgets.h"
#include "tsunagu/list.h"
#include "tsunagu/store.h"

void dl_add(struct detail *d, enum draw_role role, const char *text)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 64;
		d->e = xrealloc(d->e, (size_t)d->cap * sizeof(*d->e));
	}
	memset(&d->e[d->n], 0, sizeof(d->e[d->n]));
	d->e[d->n].text = xstrdup(text ? text : "");
	d->e[d->n].role = role;
	d->n++;
}

void dl_ref(struct detail *d, const char *open_entity, const char *open_id,
	    const char *item_entity, const char *item_id)
{
	struct detail_entry *e = &d->e[d->n - 1];
	if (open_entity && open_id) {
		e->open_entity = open_entity;
		e->open_id = xstrdup(open_id);
	}
	if (item_entity && item_id) {
		e->item_entity = item_entity;
		e->item_id = xstrdup(item_id);
	}
}

void dl_hang(struct detail *d, int hang)
{
	d->e[d->n - 1].hang = hang;
}

static void detail_clear(struct detail *d)
{
	for (int i = 0; i < d->n; i++) {
		free(d->e[i].text);
		free(d->e[i].open_id);
		free(d->e[i].item_id);
	}
	free(d->e);
	d->e = NULL;
	d->n = d->cap = 0;
	free(d->title);
	d->title = NULL;
}

struct wrap_ctx {
	struct detail *d;
	int entry;
	int indent;
};

static void detail_wrap_line(void *ud, const char *line)
{
	struct wrap_ctx *w = ud;
	struct detail *d = w->d;
	if (d->nlines == d->lcap) {
		d->lcap = d->lcap ? d->lcap * 2 : 128;
		d->lines = xrealloc(d->lines, (size_t)d->lcap * sizeof(*d->lines));
		d->lentry = xrealloc(d->lentry, (size_t)d->lcap * sizeof(*d->lentry));
	}
	d->lines[d->nlines] = xstrdup(line);
	d->lentry[d->nlines] = w->entry;
	d->nlines++;
}

static void detail_wrap_indented(void *ud, const char *line)
{
	struct wrap_ctx *w = ud;
	struct sbuf b = {0};
	sbuf_addf(&b, "%*s%s", w->indent, "", line);
	detail_wrap_line(ud, b.s);
	sbuf_free(&b);
}

#define DETAIL_HANG_ROOM 20  /* columns a hung line keeps for its text */

/* One line of an entry: wrapped lines keep its indentation, or go on at
 * the entry's hang (under a log entry's own text, past its date) when
 * that leaves DETAIL_HANG_ROOM columns. */
static void detail_wrap_entry_line(struct wrap_ctx *w, const char *line, int cols, int hang)
{
	if (hang <= w->indent || cols - hang < DETAIL_HANG_ROOM) {
		draw_wrap(line, cols - w->indent, detail_wrap_indented, w);
		return;
	}
	struct wrap_ctx hung = *w;
	hung.indent = hang;
	draw_wrap_hung(line, cols - w->indent, hang - w->indent, detail_wrap_indented, w,
		       detail_wrap_indented, &hung);
}

/* Lays the entries out in display lines of `cols` columns; a wrapped line
 * keeps the indentation it started with, or the entry's hang. */
static void detail_layout(struct detail *d, int cols)
{
	for (int i = 0; i < d->nlines; i++)
		free(d->lines[i]);
	d->nlines = 0;
	for (int i = 0; i < d->n; i++) {
		const char *p = d->e[i].text;
		bool first = true;
		do {
			const char *nl = strchr(p, '\n');
			size_t len = nl ? (size_t)(nl - p) : strlen(p);
			struct wrap_ctx w = {d, i, 0};
			while ((size_t)w.indent < len && p[w.indent] == ' ' && w.indent < cols / 2)
				w.indent++;
			char *line = xstrndup(p + w.indent, len - (size_t)w.indent);
			detail_wrap_entry_line(&w, line, cols, first ? d->e[i].hang : 0);
			free(line);
			first = false;
			p = nl ? nl + 1 : NULL;
		} while (p);
	}
}

static void detail_free(struct detail *d)
{
	detail_clear(d);
	for (int i = 0; i < d->nlines; i++)
		free(d->lines[i]);
	free(d->lines);
	free(d->lentry);
}

/* Puts the cursor on the entry standing for d->show_item (a log entry
 * just added), scrolled into view; once. */
static void detail_seek(struct detail *d, int h)
{
	for (int l = 0; l < d->nlines; l++) {
		struct detail_entry *e = &d->e[d->lentry[l]];
		if (e->item_id && strcmp(e->item_id, d->show_item) == 0) {
			d->cur = l;
			if (d->top > l || l >= d->top + h)
				d->top = l > h / 2 ? l - h / 2 : 0;
			break;
		}
	}
	d->show_item[0] = '\0';
}

/* Headings and the blank lines between sections hold nothing to act on:
 * the cursor never rests on them. */
static bool detail_skipped(const struct detail *d, int l)
{
	const struct detail_entry *e = &d->e[d->lentry[l]];
	return e->role == ROLE_SECTION || e->text[0] == '\0';
}

/* Moves the cursor by dir (±1) to the nearest line it may rest on, from
 * line `from` inclusive; stays where it was when there is none. */
static void detail_land(struct detail *d, int from, int dir)
{
	for (int l = from; l >= 0 && l < d->nlines; l += dir)
		if (!detail_skipped(d, l)) {
			d->cur = l;
			return;
		}
}

/* Keeps the cursor inside the page and off headings (forward first). */
static void detail_settle(struct detail *d)
{
	if (d->nlines == 0)
		return;
	if (d->cur >= d->nlines)
		d->cur = d->nlines - 1;
	if (d->cur < 0)
		d->cur = 0;
	if (detail_skipped(d, d->cur)) {
		int was = d->cur;
		detail_land(d, was, 1);
		if (d->cur == was)
			detail_land(d, was, -1);
	}
}

/* First line after the heading of each section, in order; returns the
 * count.  Sections without a line to rest on are left out. */
static int detail_sections(const struct detail *d, int *starts, int max)
{
	int n = 0;
	for (int l = 0; l < d->nlines && n < max; l++) {
		if (d->e[d->lentry[l]].role != ROLE_SECTION)
			continue;
		int c = l + 1;
		while (c < d->nlines && detail_skipped(d, c) &&
		       d->e[d->lentry[c]].role != ROLE_SECTION)
			c++;
		if (c < d->nlines && !detail_skipped(d, c))
			starts[n++] = c;
	}
	return n;
}

/* Tab / Shift-Tab: the cursor jumps to the start of the next (previous)
 * section, so a long list of members is one key, not one key a row;
 * past the last section it comes round to the first. */
static void detail_next_section(struct detail *d, int dir)
{
	int starts[64];
	int n = detail_sections(d, starts, 64);
	if (n == 0)
		return;
	int here = -1;  /* the section the cursor is in */
	for (int i = 0; i < n; i++)
		if (starts[i] <= d->cur)
			here = i;
	int to;
	if (dir > 0)
		to = here + 1 < n ? here + 1 : 0;
	else if (here >= 0 && d->cur > starts[here])
		to = here;
	else
		to = here > 0 ? here - 1 : n - 1;
	d->cur = starts[to];
}

static void detail_draw(struct tui *t, struct detail *d)
{
	int h = LINES - 3, w = COLS - 2;
	erase();
	detail_layout(d, w - 1);
	draw_role_text(t, 0, 0, COLS, d->title, ROLE_TITLE);
	detail_settle(d);
	if (d->top > d->cur)
		d->top = d->cur;
	if (d->cur >= d->top + h)
		d->top = d->cur - h + 1;
	if (d->show_item[0])
		detail_seek(d, h);
	int ce = d->nlines ? d->lentry[d->cur] : -1;
	for (int i = 0; i < h && d->top + i < d->nlines; i++) {
		int li = d->top + i, ei = d->lentry[li];
		struct detail_entry *e = &d->e[ei];
		int a = draw_attr(t, e->role);
		if (li == d->cur || (ei == ce && (e->open_id || e->item_id)))
			a = draw_attr(t, ROLE_SELECTED);
		draw_text(1 + i, 1, w, d->lines[li], a, TEXT_LEFT);
	}
	prompt_status(t, t->msg, t->msg_error);
	char *hints = tui_hint_line(d->hints, TUI_SCREEN_SUB, COLS, &t->hintbar);
	draw_hints(t, LINES - 1, 0, COLS, hints);
	free(hints);
	curs_set(0);
}

static void detail_backdrop(struct tui *t, void *ud)
{
	detail_draw(t, ud);
}

/* The entry under the cursor, or NULL. */
static struct detail_entry *detail_current(struct detail *d)
{
	if (d->cur < 0 || d->cur >= d->nlines)
		return NULL;
	return &d->e[d->lentry[d->cur]];
}

/* Actions on the entry under the cursor; false when it stands for nothing. */
static bool detail_on_item(struct tui *t, struct detail *d, enum tui_action a, bool *changed)
{
	struct detail_entry *e = detail_current(d);
	if (!e || !e->item_id)
		return false;
	char *id = xstrdup(e->item_id);
	const char *ent = e->item_entity;
	char *text = xstrdup(e->text);
	if (strcmp(ent, "task_party") == 0) {
		if (a != ACT_DELETE) {
			free(id);
			free(text);
			return false;
		}
		*changed = ops_unlink_party(t, d->id, id, text);
	} else if (a == ACT_EDIT) {
		*changed = form_run(t, ent, id, (struct form_values){0}, (struct form_values){0},
				    NULL);
	} else if (a == ACT_DELETE) {
		*changed = ops_delete(t, ent, id, text);
	} else if (a == ACT_LONGTEXT) {
		*changed = ops_edit_longtext(t, ent, id, NULL);
	}
	free(id);
	free(text);
	return true;
}

/* H / L in a task's page move it along the board like on the Board. */
static bool detail_move_task(struct tui *t, struct detail *d, int dir)
{
	struct record *rec = NULL;
	struct tsu_error err = {0};
	if (store_get(t->st, "task", d->id, false, &rec, &err) != TSU_OK) {
		tui_error(t, &err);
		return false;
	}
	const char *status = record_get(rec, "status");
	bool ok = ops_move_task(t, d->id, status ? status : "", dir);
	record_free(rec);
	return ok;
}

/* a or n on a page: a log entry on the page's task, party or area; on an
 * event's page on the event's area (what was said at the meeting), on a
 * survey's page on its group, dated the day of the meeting or survey.  Elsewhere a log entry would belong to no
 * page, so the key is refused. */
static bool detail_add_log(struct tui *t, struct detail *d)
{
	const char *e = d->entity;
	if (strcmp(e, "task") == 0 || strcmp(e, "party") == 0 || strcmp(e, "area") == 0)
		return ops_add_log(t, strcmp(e, "task") == 0 ? d->id : NULL,
				   strcmp(e, "party") == 0 ? d->id : NULL,
				   strcmp(e, "area") == 0 ? d->id : NULL, NULL, d->show_item);
	if (strcmp(e, "event") != 0 && strcmp(e, "survey") != 0) {
		tui_msg(t, "%s", S_NOTHING_HERE);
		return false;
	}
	struct record *rec = NULL;
	struct tsu_error err = {0};
	if (store_get(t->st, e, d->id, false, &rec, &err) != TSU_OK) {
		tui_error(t, &err);
		return false;
	}
	const char *party = record_get(rec, "party_id"), *area = record_get(rec, "area_id");
	party = strcmp(e, "survey") == 0 && party && *party ? party : NULL;
	area = area && *area ? area : NULL;
	bool saved = false;
	if (party || area)
		saved = ops_add_log(t, NULL, party, area, record_get(rec, "date"), d->show_item);
	else
		tui_msg(t, "%s", S_LOG_NO_HOME);
	if (saved) {   /* this page does not list it: say where it is */
		char *home = form_ref_title(t, party ? "party" : "area", party ? party : area);
		tui_msg(t, S_LOG_SAVED_ON, home ? home : "");
		free(home);
	}
	record_free(rec);
	return saved;
}

/* The area work's keys on a record's page (issue 9): the カルテ and
 * heatmap of an area, suggestions of a task or party, a request's next
 * state, an event's attendance, a group's survey.  False for any other. */
/* On an area's page the area views open for that area (the selected one
 * is given back afterwards). */
static bool detail_area_view(struct tui *t, struct detail *d, enum tui_action a)
{
	static const enum tui_action views[] = {ACT_EVENTS, ACT_GENERATIONS, ACT_SURVEYS, ACT_STAFF,
						ACT_LOAD, ACT_REQUESTS, ACT_MATRIX};
	bool view = false;
	for (size_t i = 0; i < sizeof views / sizeof views[0]; i++)
		view |= views[i] == a;
	if (!view || strcmp(d->entity, "area") != 0)
		return false;
	char *selected = t->area_id;
	t->area_id = xstrdup(d->id);
	tui_area_view(t, a);
	free(t->area_id);
	t->area_id = selected;
	tui_reload_all(t);
	return true;
}

static bool detail_area_key(struct tui *t, struct detail *d, enum tui_action a, bool *changed)
{
	if (detail_area_view(t, d, a)) {
		*changed = true;
		return true;
	}
	switch (a) {
	case ACT_KARTE:
		if (strcmp(d->entity, "area") == 0)
			karte_show(t, d->id);
		*changed = true;
		break;
	case ACT_HEATMAP:
		heatmap_show(t, strcmp(d->entity, "area") == 0 ? d->id : NULL);
		break;
	case ACT_SUGGEST:
		if (strcmp(d->entity, "task") == 0)
			suggest_for_task(t, d->id);
		else if (strcmp(d->entity, "party") == 0)
			suggest_for_party(t, d->id);
		else
			tui_msg(t, "%s", S_NOTHING_HERE);
		*changed = true;
		break;
	case ACT_REQUEST_NEXT:
		if (strcmp(d->entity, "task") != 0)
			tui_msg(t, "%s", S_NOTHING_HERE);
		else
			*changed = requests_next(t, d->id);
		break;
	case ACT_GENERATIONS:
		if (strcmp(d->entity, "event") == 0)
			*changed = events_attendance(t, d->id);
		break;
	case ACT_SURVEYS:
		if (strcmp(d->entity, "party") == 0)
			*changed = surveys_add(t, d->id);
		break;
	default:
		return false;
	}
	return true;
}

/* Returns true when the detail view should close. */
/* e, E or d on a page: the line's own row when it has one, else the
 * page's record; true when the record was deleted (the page closes). */
static bool detail_edit(struct tui *t, struct detail *d, const struct detail_entry *e,
			enum tui_action a, bool *changed)
{
	if (tui_readonly(t) || detail_on_item(t, d, a, changed))
		return false;
	if (a == ACT_EDIT)
		*changed = form_run(t, d->entity, d->id, (struct form_values){0},
				    (struct form_values){0}, NULL);
	else if (a == ACT_LONGTEXT)
		*changed = ops_edit_longtext(t, d->entity, d->id,
					     strcmp(d->entity, "task") == 0 ? "body" : NULL);
	else if (strcmp(d->entity, "area") == 0 || (e && e->open_id))
		/* d on a linked row never deletes the page's own row */
		tui_msg(t, "%s", S_NOTHING_HERE);
	else
		return ops_delete(t, d->entity, d->id, d->name);
	return false;
}

static bool detail_action(struct tui *t, struct detail *d, enum tui_action a, bool *changed)
{
	int page = LINES - 4;
	struct detail_entry *e = detail_current(d);
	if (detail_area_key(t, d, a, changed))
		return false;
	switch (a) {
	case ACT_QUIT:
		return true;
	case ACT_DOWN: detail_land(d, d->cur + 1, 1); break;
	case ACT_UP: detail_land(d, d->cur - 1, -1); break;
	case ACT_PAGE_DOWN: d->cur += page; break;
	case ACT_PAGE_UP: d->cur -= page; break;
	case ACT_TOP: d->cur = 0; break;
	case ACT_NEXT_PANE: detail_next_section(d, 1); break;
	case ACT_PREV_PANE: detail_next_section(d, -1); break;
	case ACT_BOTTOM:
		d->cur = d->nlines - 1;
		detail_land(d, d->cur, -1);
		break;
	case ACT_HELP: help_show(t); break;
	case ACT_MORE_KEYS: t->hintbar.page++; break;
	case ACT_HISTORY:
		if (e && e->item_id && strcmp(e->item_entity, "task_party") != 0)
			history_show(t, e->item_entity, e->item_id, e->text);
		else
			history_show(t, d->entity, d->id, d->name);
		break;
	case ACT_OPEN:
		if (e && e->open_id) {
			char *id = xstrdup(e->open_id);
			detail_run(t, e->open_entity, id);
			free(id);
			*changed = true;
		}
		break;
	case ACT_EDIT:
	case ACT_DELETE:
	case ACT_LONGTEXT:
		return detail_edit(t, d, e, a, changed);
	case ACT_ADD:
	case ACT_LOG:
		*changed = detail_add_log(t, d);
		break;
	case ACT_LINK:
		if (strcmp(d->entity, "task") == 0)
			*changed = ops_link_party(t, d->id);
		else
			tui_msg(t, "%s", S_NOTHING_HERE);
		break;
	case ACT_MEMBER:
		if (strcmp(d->entity, "party") == 0)
			*changed = ops_add_membership(t, d->id);
		else
			tui_msg(t, "%s", S_NOTHING_HERE);
		break;
	case ACT_CARD_LEFT:
	case ACT_CARD_RIGHT:
		if (strcmp(d->entity, "task") == 0)
			*changed = detail_move_task(t, d, a == ACT_CARD_LEFT ? -1 : 1);
		else
			tui_msg(t, "%s", S_NOTHING_HERE);
		break;
	case ACT_UNDO:
	case ACT_REDO:
		/* as on the main screen; the page is read again (and closes
		 * when its own record was taken back) */
		ops_undo(t, a == ACT_REDO);
		*changed = true;
		break;
	default:
		break;
	}
	return false;
}

/* Reads the page again; false when its record is gone.  After a change
 * made from the page (u took back the record's own creation), the status
 * line keeps what the change said instead of "<record> <uuid> が見つかりま
 * せん": the page closes because of it, not because of an error. */
static bool detail_rebuild(struct tui *t, struct detail *d, bool after_change)
{
	char said[sizeof t->msg];
	bool said_error = t->msg_error;
	memcpy(said, t->msg, sizeof said);
	detail_clear(d);
	if (d->kind ? d->kind->build(t, d) : detail_build(t, d))
		return true;
	if (after_change && said[0] && !said_error) {
		memcpy(t->msg, said, sizeof said);
		t->msg_error = false;
	}
	return false;
}

void detail_run(struct tui *t, const char *entity, const char *id)
{
	detail_run_kind(t, entity, id, NULL);
}

void detail_run_kind(struct tui *t, const char *entity, const char *id,
		     const struct detail_kind *kind)
{
	struct detail d = {.kind = kind};
	bool reload = true, any_change = false;
	struct tui_backdrop saved = t->under;
	snprintf(d.entity, sizeof(d.entity), "%s", entity);
	snprintf(d.id, sizeof(d.id), "%s", id);
	for (;;) {
		if (reload) {
			if (!detail_rebuild(t, &d, any_change))
				break;
			reload = false;
		}
		enum tui_action a = tui_view_key(t, (struct tui_backdrop){detail_backdrop, &d});
		if (a == ACT_NONE || a == ACT_REDRAW)
			continue;
		bool changed = false;
		if (kind && kind->action(t, &d, a, &changed) == TUI_HANDLED)
			;
		else if (detail_action(t, &d, a, &changed))
			break;
		if (changed) {
			reload = true;
			any_change = true;
		}
	}
	t->under = saved;
	detail_free(&d);
}
