/*
 * Events (key v): エリアミーティング, ワークショップ, 講座, 報告会 of the
 * selected area (or all), newest first, with form and total attendance.
 * Enter opens an event's page, a adds one (then asks its attendance by
 * generation), e edits, d deletes, W enters the attendance by generation:
 * the four counts are asked one after the other on the status line and
 * written together as one action (store/attendance.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app.h"
#include "form.h"
#include "screens.h"
#include "sheet.h"
#include "strings.h"
#include "widgets.h"
#include "tsunagu/attendance.h"
#include "tsunagu/record.h"

#define EV_GEN_MAX 8

static const enum tui_action events_hints[] = {
	ACT_OPEN, ACT_ADD, ACT_EDIT, ACT_GENERATIONS, ACT_DELETE, ACT_UNDO, ACT_REDO, ACT_HELP, ACT_QUIT,
	ACT_NONE,
};

struct ev_gens {
	int n;
	char *code[EV_GEN_MAX];
	struct attendance_count c[EV_GEN_MAX];
};

static int ev_gen_cb(void *ud, const char *code, const char *label)
{
	struct ev_gens *g = ud;
	(void)label;
	if (g->n < EV_GEN_MAX) {
		g->code[g->n] = xstrdup(code);
		g->c[g->n] = (struct attendance_count){g->code[g->n], -1};
		g->n++;
	}
	return 0;
}

static void ev_gens_free(struct ev_gens *g)
{
	for (int i = 0; i < g->n; i++)
		free(g->code[i]);
}

/* A count typed by the user: ASCII or full-width digits, spaces around;
 * empty is 0.  False when it is not a whole number. */
static bool ev_parse_count(const char *s, long *out)
{
	long n = 0;
	int digits = 0;
	while (*s == ' ')
		s++;
	for (; *s && *s != ' '; digits++) {
		int d;
		if (*s >= '0' && *s <= '9') {
			d = *s++ - '0';
		} else if ((unsigned char)s[0] == 0xef && (unsigned char)s[1] == 0xbc &&
			   (unsigned char)s[2] >= 0x90 && (unsigned char)s[2] <= 0x99) {
			d = (unsigned char)s[2] - 0x90;   /* ０-９ */
			s += 3;
		} else {
			return false;
		}
		if (n > 1000000)
			return false;
		n = n * 10 + d;
	}
	while (*s == ' ')
		s++;
	*out = n;
	return *s == '\0';
}

/* Asks the count of one generation until it is a number; false on Esc. */
static bool ev_ask_count(struct tui *t, const char *title, struct attendance_count *c)
{
	char label[512], now[32];
	snprintf(now, sizeof now, "%ld", c->count < 0 ? 0 : c->count);
	(void)title;
	snprintf(label, sizeof label, S_EV_ATT_ASK, c->generation);
	for (;;) {
		char *in = prompt_line(t, label, c->count < 0 ? "" : now, NULL, NULL);
		if (!in)
			return false;
		long n;
		bool ok = ev_parse_count(in, &n);
		if (ok)
			c->count = n;
		else
			tui_msg(t, S_EV_ATT_BAD, in);
		free(in);
		if (ok)
			return true;
	}
}

/* Writes the counts as one action; reports the outcome. */
static bool ev_save_counts(struct tui *t, const char *id, const struct ev_gens *g)
{
	struct tsu_error err = {0};
	int changed = 0;
	long total = 0;
	enum tsu_status rc = store_begin(t->st, &err);
	if (rc == TSU_OK &&
	    (rc = store_attendance_set(t->st, id, g->c, g->n, &changed, &err)) != TSU_OK)
		store_rollback(t->st);
	else if (rc == TSU_OK)
		rc = store_commit(t->st, &err);
	if (rc != TSU_OK) {
		tui_error(t, &err);
		return false;
	}
	for (int i = 0; i < g->n; i++)
		total += g->c[i].count > 0 ? g->c[i].count : 0;
	if (changed)
		tui_msg(t, S_EV_ATT_SAVED, total);
	else
		tui_msg(t, "%s", S_EV_ATT_NOCHANGE);
	return changed > 0;
}

/* Asks each generation's count in turn; false when the user left.  Esc
 * after a count was changed asks first (as a form does): n goes on with
 * the same generation, so nothing typed is lost unasked. */
static bool ev_ask_all(struct tui *t, const char *title, struct ev_gens *g)
{
	long before[EV_GEN_MAX];
	for (int i = 0; i < g->n; i++)
		before[i] = g->c[i].count;
	for (int i = 0; i < g->n;) {
		if (ev_ask_count(t, title, &g->c[i])) {
			i++;
			continue;
		}
		bool typed = false;
		for (int k = 0; k < g->n; k++)
			typed = typed || g->c[k].count != before[k];
		if (!typed || prompt_confirm(t, S_EV_ATT_DISCARD)) {
			tui_msg(t, "%s", typed ? S_EV_ATT_DISCARDED : S_CANCELLED);
			return false;
		}
	}
	return true;
}

bool events_attendance(struct tui *t, const char *id)
{
	struct ev_gens g = {0};
	struct tsu_error err = {0};
	struct record *rec = NULL;
	bool saved = false;
	if (tui_readonly(t))
		return false;
	if (store_get(t->st, "event", id, false, &rec, &err) != TSU_OK ||
	    store_choices(t->st, "generation", ev_gen_cb, &g, &err) != TSU_OK ||
	    store_attendance_get(t->st, id, g.c, g.n, &err) != TSU_OK) {
		tui_error(t, &err);
	} else {
		const char *title = record_get(rec, "title");
		if (ev_ask_all(t, title ? title : "", &g))
			saved = ev_save_counts(t, id, &g);
	}
	record_free(rec);
	ev_gens_free(&g);
	return saved;
}

static void ev_build(struct tui *t, struct sheet *s, void *ud)
{
	static const struct sheet_col cols[] = {
		{"日付", TEXT_LEFT, false, "date", true},
		{"種別", TEXT_LEFT, false, "kind", false},
		{"名称", TEXT_LEFT, true, "title", false},
		{"エリア", TEXT_LEFT, false, "area", false},
		{"形式", TEXT_LEFT, false, "form", false},
		{"参加者", TEXT_RIGHT, false, "attendance", false},
	};
	struct list_query q = {.area_id = t->area_id};
	/* with one area chosen its column would say the same on every line */
	const struct sheet_col one_area[] = {cols[0], cols[1], cols[2], cols[4], cols[5]};
	(void)ud;
	sheet_clear(s);
	s->hints = events_hints;
	long n = t->area_id ? sheet_list(t, s, LIST_EVENTS, &q, one_area, 5)
			    : sheet_list(t, s, LIST_EVENTS, &q, cols, 6);
	char title[512];
	snprintf(title, sizeof title, S_EV_TITLE, n < 0 ? 0 : n,
		 t->area_name ? t->area_name : S_ALL_AREAS);
	sheet_title(s, title);
	if (n == 0)
		sheet_add_wrapped(s, ROLE_NORMAL, S_EV_NONE);
}

/* a: the generic form with the area and today filled in, then the counts;
 * the new event is selected when the list is built again. */
static bool ev_add(struct tui *t, struct sheet *s)
{
	uuid_str id;
	struct field_value init[2];
	size_t n = 0;
	init[n++] = (struct field_value){"date", t->today};
	if (t->area_id)
		init[n++] = (struct field_value){"area_id", t->area_id};
	if (!form_run(t, "event", NULL, (struct form_values){0}, (struct form_values){init, n}, id))
		return false;
	sheet_keep(s, id);
	/* Esc on the counts leaves them, not the event just saved: the
	 * status line must not say 取り消しました of it */
	if (!events_attendance(t, id) && !t->msg_error)
		tui_msg(t, "%s", S_EV_ADDED_NO_COUNTS);
	return true;
}

void events_name(const struct record *rec, char *out, size_t size)
{
	const char *title = record_get(rec, "title"), *date = record_get(rec, "date");
	snprintf(out, size, date && *date ? "%s (%s)" : "%s%s", title && *title ? title : S_EV_THIS,
		 date && *date ? date : "");
}

/* d: asks, naming the event with its date (three 「諏訪 防災」 of one area
 * are told apart), and deletes it. */
static bool ev_delete(struct tui *t, const char *id)
{
	struct record *rec = NULL;
	struct tsu_error err = {0};
	char name[512];
	if (tui_readonly(t))
		return false;
	if (store_get(t->st, "event", id, false, &rec, &err) != TSU_OK) {
		tui_error(t, &err);
		return false;
	}
	events_name(rec, name, sizeof name);
	record_free(rec);
	return ops_delete(t, "event", id, name);
}

/* One action on the list (the selected event is id); *ud (bool) notes
 * a change. */
static bool ev_act(struct tui *t, struct sheet *s, enum tui_action a, const char *id, void *ud)
{
	bool *changed = ud;
	if (a == ACT_UNDO || a == ACT_REDO) {
		ops_undo(t, a == ACT_REDO);
		*changed = true;
	} else if (a == ACT_ADD) {
		*changed = (!tui_readonly(t) && ev_add(t, s)) || *changed;
	} else if (!id) {
		tui_msg(t, "%s", S_LIST_EMPTY);
	} else if (a == ACT_OPEN) {
		detail_run(t, "event", id);
		*changed = true;
	} else if (a == ACT_EDIT) {
		*changed = (!tui_readonly(t) && form_run(t, "event", id, (struct form_values){0},
						       (struct form_values){0}, NULL)) || *changed;
	} else if (a == ACT_GENERATIONS) {
		*changed = events_attendance(t, id) || *changed;
	} else if (a == ACT_DELETE) {
		*changed = ev_delete(t, id) || *changed;
	} else {
		tui_msg(t, "%s", S_NOTHING_HERE);
	}
	return false;
}

void events_show(struct tui *t)
{
	bool any = false;
	sheet_show(t, ev_build, ev_act, &any);
	if (any)
		tui_reload_all(t);
}
