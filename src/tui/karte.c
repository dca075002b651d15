/*
 * The 地域カルテ of one area (key K): a detail page (detail.c) built here.
 * Its sections are headings in the karte's order (karte.h); the cursor
 * skips them as on every detail page.  基礎データ shows the figures the
 * districts add up to with the area's platform type and projection, 拠点・
 * 施設 the area's facilities, and every section its karte items in order.
 *
 * a adds an item to the section under the cursor (the form opens with the
 * area fixed and that section filled in); e / d edit and delete the item
 * under the cursor through the detail page's own paths; - / + move it
 * within its section (one action writing `sort`, karte.c of the store).
 * e elsewhere in 基礎データ edits the area (platform type, projection).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app.h"
#include "detail.h"
#include "screens.h"
#include "strings.h"
#include "tsunagu/karte.h"
#include "tsunagu/localtime.h"
#include "tsunagu/store.h"

static const enum tui_action karte_hints[] = {
	ACT_NEXT_PANE, ACT_ADD, ACT_EDIT, ACT_DELETE, ACT_ITEM_EARLIER, ACT_ITEM_LATER,
	ACT_LONGTEXT, ACT_HISTORY, ACT_HEATMAP, ACT_UNDO, ACT_REDO, ACT_HELP, ACT_QUIT, ACT_NONE,
};

struct kb {
	struct detail *d;
	long n;       /* entries of the section so far */
};

/* "    text" under a label, each line indented. */
static void add_indented(struct detail *d, const char *text)
{
	struct sbuf b = {0};
	sbuf_add(&b, "    ");
	for (const char *p = text; *p; p++) {
		sbuf_addc(&b, *p);
		if (*p == '\n')
			sbuf_add(&b, "    ");
	}
	dl_add(d, ROLE_NORMAL, b.s);
	sbuf_free(&b);
}

static int item_entry(void *ud, const struct karte_item *it)
{
	struct kb *k = ud;
	struct sbuf b = {0};
	sbuf_addf(&b, "  %ld. %s", ++k->n, it->title && *it->title ? it->title : "");
	if (it->body && *it->body) {
		sbuf_add(&b, it->title && *it->title ? "\n    " : "");
		for (const char *p = it->body; *p; p++) {
			sbuf_addc(&b, *p);
			if (*p == '\n')
				sbuf_add(&b, "    ");
		}
	}
	dl_add(k->d, ROLE_NORMAL, b.s);
	dl_ref(k->d, NULL, NULL, "karte", it->id);
	sbuf_free(&b);
	return 0;
}

static int facility_entry(void *ud, const struct record *r)
{
	struct kb *k = ud;
	const char *f[] = {record_get(r, "name"), record_get(r, "kind"), record_get(r, "address")};
	struct sbuf b = {0};
	sbuf_add(&b, "  ・");
	for (int i = 0; i < 3; i++)
		if (f[i] && *f[i])
			sbuf_addf(&b, "%s%s", i ? "  " : "", f[i]);
	dl_add(k->d, ROLE_NORMAL, b.s);
	dl_ref(k->d, NULL, NULL, "facility", r->id);
	sbuf_free(&b);
	k->n++;
	return 0;
}

static void num(long v, char *out, size_t n)
{
	char raw[24];
	snprintf(raw, sizeof raw, "%ld", v);
	draw_thousands(raw, out, n);
}

/* The figures of the districts; false when the store failed. */
static bool basics(struct tui *t, struct detail *d, const struct record *area)
{
	struct karte_basics b, city;
	struct tsu_error err = {0};
	if (store_karte_basics(t->st, d->id, &b, &err) != TSU_OK ||
	    store_karte_basics(t->st, NULL, &city, &err) != TSU_OK) {
		dl_add(d, ROLE_ERROR, err.msg);
		return false;
	}
	struct sbuf s = {0};
	char p[32], p65[32], hh[32], avg[24] = "－", date[LOCALTIME_MAX];
	if (b.districts) {
		num(b.population, p, sizeof p);
		num(b.population_65, p65, sizeof p65);
		num(b.households, hh, sizeof hh);
		sbuf_addf(&s, S_KARTE_FIGURES, b.districts, p, p65, hh);
		if (b.counted < b.districts)
			sbuf_addf(&s, S_KARTE_COUNTED, b.counted);
		dl_add(d, ROLE_NORMAL, s.s);
		sbuf_reset(&s);
		if (city.has_rate)
			snprintf(avg, sizeof avg, "%.1f%%", city.rate);
		if (b.has_rate)
			sbuf_addf(&s, S_KARTE_RATE, b.rate, avg);
		dl_add(d, ROLE_NORMAL, b.has_rate ? s.s : S_KARTE_NO_RATE);
		if (b.as_of[0]) {
			sbuf_reset(&s);
			sbuf_addf(&s, S_KARTE_AS_OF, localtime_date(b.as_of, t->date_style, date,
								     sizeof date));
			dl_add(d, ROLE_NORMAL, s.s);
		}
	} else {
		dl_add(d, ROLE_NORMAL, S_KARTE_NO_DIST);
	}
	const char *pt = record_get(area, "platform_type"), *pr = record_get(area, "projection");
	sbuf_reset(&s);
	sbuf_addf(&s, S_KARTE_PLATFORM, pt ? pt : S_KARTE_UNSET);
	dl_add(d, ROLE_NORMAL, s.s);
	if (pr) {
		dl_add(d, ROLE_NORMAL, S_KARTE_PROJ);
		add_indented(d, pr);
	}
	if (record_get(area, "profile")) {
		dl_add(d, ROLE_NORMAL, S_KARTE_PROFILE);
		add_indented(d, record_get(area, "profile"));
	}
	sbuf_free(&s);
	return true;
}

static void section(struct tui *t, struct detail *d, int sec, const struct record *area)
{
	struct kb k = {d, 0};
	struct tsu_error err = {0};
	enum tsu_status rc = TSU_OK;
	if (sec > 0)
		dl_add(d, ROLE_NORMAL, "");
	dl_add(d, ROLE_SECTION, karte_sections[sec].heading);
	if (sec == KARTE_BASICS && basics(t, d, area))
		k.n = 1;
	if (sec == KARTE_FACILITIES)
		rc = store_each(t->st, "facility", d->id, facility_entry, &k, &err);
	long before = k.n;
	k.n = 0;
	if (rc == TSU_OK)
		rc = store_karte_items(t->st, d->id, karte_sections[sec].code, item_entry, &k, &err);
	if (sec == KARTE_PLAN && record_get(area, "plan")) {
		dl_add(d, ROLE_NORMAL, S_KARTE_PLAN);
		add_indented(d, record_get(area, "plan"));
		k.n++;
	}
	if (rc != TSU_OK)
		dl_add(d, ROLE_ERROR, err.msg);
	else if (k.n + before == 0)
		dl_add(d, ROLE_NORMAL, S_KARTE_NONE);
}

static bool karte_build(struct tui *t, struct detail *d)
{
	struct record *area = NULL;
	struct tsu_error err = {0};
	if (store_get(t->st, "area", d->id, false, &area, &err) != TSU_OK) {
		tui_error(t, &err);
		return false;
	}
	const char *name = record_get(area, "name");
	snprintf(d->name, sizeof d->name, "%s", name ? name : d->id);
	struct sbuf title = {0};
	sbuf_addf(&title, S_KARTE_TITLE, d->name);
	d->title = sbuf_detach(&title);
	d->hints = karte_hints;
	for (int s = 0; s < KARTE_SECTION_COUNT; s++)
		section(t, d, s, area);
	record_free(area);
	return true;
}

/* The entry under the cursor, or NULL. */
static struct detail_entry *current(struct detail *d)
{
	return d->cur >= 0 && d->cur < d->nlines ? &d->e[d->lentry[d->cur]] : NULL;
}

/* The section the cursor is in (by the heading above it), or -1. */
static int current_section(struct detail *d)
{
	if (d->cur < 0 || d->cur >= d->nlines)
		return -1;
	for (int i = d->lentry[d->cur]; i >= 0; i--)
		if (d->e[i].role == ROLE_SECTION)
			for (int s = 0; s < KARTE_SECTION_COUNT; s++)
				if (strcmp(d->e[i].text, karte_sections[s].heading) == 0)
					return s;
	return -1;
}

/* a: a new item in the section under the cursor. */
static bool karte_add(struct tui *t, struct detail *d)
{
	int sec = current_section(d);
	const char *code = karte_sections[sec < 0 ? KARTE_RESOURCES : sec].code;
	struct field_value preset[] = {{"area_id", d->id}};
	struct field_value init[] = {{"section", code}};
	return form_run(t, "karte", NULL, (struct form_values){preset, 1},
			(struct form_values){init, 1}, d->show_item);
}

/* - / +: the item under the cursor one place earlier / later. */
static bool karte_move(struct tui *t, struct detail *d, int dir)
{
	struct detail_entry *e = current(d);
	if (!e || !e->item_id || strcmp(e->item_entity, "karte") != 0) {
		tui_msg(t, "%s", S_KARTE_NOT_ITEM);
		return false;
	}
	char *id = xstrdup(e->item_id);
	struct tsu_error err = {0};
	bool moved = false;
	enum tsu_status rc = store_begin(t->st, &err);
	if (rc == TSU_OK && (rc = store_karte_move(t->st, id, dir, &moved, &err)) != TSU_OK)
		store_rollback(t->st);
	else if (rc == TSU_OK)
		rc = store_commit(t->st, &err);
	if (rc != TSU_OK)
		tui_error(t, &err);
	else
		tui_msg(t, "%s", moved ? S_KARTE_MOVED : dir < 0 ? S_KARTE_FIRST : S_KARTE_LAST);
	if (moved)
		snprintf(d->show_item, sizeof d->show_item, "%s", id);
	free(id);
	return moved;
}

static enum tui_handled karte_action(struct tui *t, struct detail *d, enum tui_action a,
				     bool *changed)
{
	struct detail_entry *e = current(d);
	bool on_item = e && e->item_id;
	switch (a) {
	case ACT_ADD:
		if (!tui_readonly(t))
			*changed = karte_add(t, d);
		return TUI_HANDLED;
	case ACT_ITEM_EARLIER:
	case ACT_ITEM_LATER:
		if (!tui_readonly(t))
			*changed = karte_move(t, d, a == ACT_ITEM_EARLIER ? -1 : 1);
		return TUI_HANDLED;
	case ACT_EDIT:
		/* off an item, e edits the area only in 基礎データ */
		if (on_item || current_section(d) == KARTE_BASICS || current_section(d) == KARTE_PLAN)
			return TUI_UNHANDLED;
		tui_msg(t, "%s", S_KARTE_ADD_HERE);
		return TUI_HANDLED;
	case ACT_DELETE:
		if (on_item)
			return TUI_UNHANDLED;
		tui_msg(t, "%s", S_KARTE_NOT_ITEM);
		return TUI_HANDLED;
	case ACT_HEATMAP:
		heatmap_show(t, d->id);
		return TUI_HANDLED;
	case ACT_KARTE:
		return TUI_HANDLED; /* already here */
	default:
		return TUI_UNHANDLED;
	}
}

static const struct detail_kind karte_kind = {karte_build, karte_action};

void karte_show(struct tui *t, const char *area_id)
{
	detail_run_kind(t, "area", area_id, &karte_kind);
}
