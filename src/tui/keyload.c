/*
 * The key-person load screen (key w, store/keyload.c): persons of the
 * selected area (or every area) by their current roles (兼務), most first,
 * each with its roles as 団体名: 役職.  A term ending within 90 days puts
 * "⚠ 任期 DATE まで" in its own column (read in monochrome too) and
 * highlights the row.  Enter opens the person's page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app.h"
#include "screens.h"
#include "sheet.h"
#include "strings.h"
#include "tsunagu/keyload.h"
#include "tsunagu/sbuf.h"

static const struct sheet_col cols[] = {
	{S_COL_NAME, TEXT_LEFT, false, NULL, false},
	{S_COL_KANA, TEXT_LEFT, false, NULL, false},
	{S_COL_AREA, TEXT_LEFT, false, NULL, false},
	{S_SUG_LOAD, TEXT_LEFT, false, NULL, false},
	{S_LOAD_TERM, TEXT_LEFT, false, NULL, false},
	{S_LOAD_ROLES, TEXT_LEFT, true, NULL, false},
};

struct keyload_fill {
	struct tui *t;
	struct sheet_rows rows;
	char person[64];
	char *name, *kana, *areas;
	char load[24];
	struct sbuf roles, term;
	long people, soon;
	bool key;             /* the person being gathered is a key person */
};

static void flush(struct keyload_fill *f)
{
	if (!f->person[0])
		return;
	const char *roles = f->roles.s ? f->roles.s : S_LOAD_NO_ROLE;
	const char *cells[] = {f->name, f->kana, f->areas, f->load, f->term.s ? f->term.s : "", roles};
	const char *one_area[] = {f->name, f->kana, f->load, f->term.s ? f->term.s : "", roles};
	sheet_rows_add(&f->rows, f->t->area_id ? one_area : cells, f->person,
		       f->term.len ? ROLE_OVERDUE : ROLE_NORMAL);
	/* the roles, whole; a key person's always, saying what ＊ means */
	struct sbuf note = {0};
	sbuf_addf(&note, "%s%s", f->key ? S_KEY_PERSON_TAG : "", roles);
	sheet_rows_note(&f->rows, note.s);
	sbuf_free(&note);
	free(f->name);
	free(f->kana);
	free(f->areas);
	sbuf_free(&f->roles);
	sbuf_free(&f->term);
	f->person[0] = '\0';
	f->people++;
}

static bool add_role(void *ud, const struct keyload_role *r)
{
	struct keyload_fill *f = ud;
	if (strcmp(f->person, r->person_id) != 0) {
		flush(f);
		snprintf(f->person, sizeof f->person, "%s", r->person_id);
		struct sbuf n = {0};
		sbuf_addf(&n, "%s%s", r->key_person ? S_KEY_MARK : "", r->name ? r->name : "");
		f->key = r->key_person;
		f->name = sbuf_detach(&n);
		f->kana = xstrdup(r->kana ? r->kana : "");
		f->areas = xstrdup(r->areas ? r->areas : "");
		snprintf(f->load, sizeof f->load, "%ld", r->load);
	}
	if (!r->org)
		return false;
	sbuf_addf(&f->roles, "%s%s: %s", f->roles.len ? "、" : "", r->org,
		  r->role && *r->role ? r->role : S_LOAD_ROLE_NONE);
	if (r->ending_soon) {
		char shown[LOCALTIME_MAX];
		localtime_date(r->to, f->t->date_style, shown, sizeof shown);
		sbuf_addf(&f->roles, S_LOAD_SOON_ROLE, shown);
		if (!f->term.len) /* the soonest comes first */
			sbuf_addf(&f->term, S_LOAD_SOON, shown);
		f->soon++;
	}
	return false;
}

static const enum tui_action keyload_hints[] = {
	ACT_OPEN, ACT_DOWN, ACT_UP, ACT_HELP, ACT_QUIT, ACT_NONE,
};

static void keyload_build(struct tui *t, struct sheet *s, void *ud)
{
	/* with one area chosen its column would say the same on every line */
	const struct sheet_col one_area[] = {cols[0], cols[1], cols[3], cols[4], cols[5]};
	struct keyload_fill f = {.t = t, .rows = {.ncols = t->area_id ? 5 : 6}};
	struct tsu_error err = {0};
	(void)ud;
	sheet_clear(s);
	s->hints = keyload_hints;
	if (store_keyload(t->st, t->area_id, add_role, &f, &err) != TSU_OK)
		tui_error(t, &err);
	flush(&f);
	struct sbuf b = {0};
	sbuf_addf(&b, S_LOAD_TITLE, t->area_name ? t->area_name : S_ALL_AREAS);
	sbuf_add(&b, "  ");
	sbuf_addf(&b, S_LOAD_COUNT, f.people, f.soon);
	sheet_title(s, b.s);
	sbuf_free(&b);
	bool none = f.rows.n == 0;
	sheet_rows_put(s, sheet_width(), t->area_id ? one_area : cols, &f.rows);
	if (none)
		sheet_add_wrapped(s, ROLE_NORMAL, S_LOAD_NONE);
}

static bool keyload_act(struct tui *t, struct sheet *s, enum tui_action a, const char *id,
			void *ud)
{
	(void)s;
	(void)ud;
	if (a != ACT_OPEN)
		tui_msg(t, "%s", S_NOTHING_HERE);
	else if (!id)
		tui_msg(t, "%s", S_LIST_EMPTY);
	else
		detail_run(t, "party", id);
	return false;
}

void keyload_show(struct tui *t)
{
	sheet_show(t, keyload_build, keyload_act, NULL);
	tui_reload_all(t);
}
