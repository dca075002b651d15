/*
 * Surveys and hearings of groups (key Q): every survey by area — area,
 * group, kind, date — Enter opens one, a adds one (its group asked in the
 * form), e edits it.  On a group's page Q adds one for that group
 * (surveys_add), with the group's first area.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app.h"
#include "screens.h"
#include "sheet.h"
#include "strings.h"
#include "tsunagu/record.h"

static const enum tui_action surveys_hints[] = {
	ACT_OPEN, ACT_ADD, ACT_EDIT, ACT_UNDO, ACT_REDO, ACT_HELP, ACT_QUIT, ACT_NONE,
};

static void sv_build(struct tui *t, struct sheet *s, void *ud)
{
	static const struct sheet_col cols[] = {
		{"エリア", TEXT_LEFT, false, "area", false},
		{"団体", TEXT_LEFT, true, "group", false},
		{"種別", TEXT_LEFT, false, "kind", false},
		{"実施日", TEXT_LEFT, false, "date", true},
	};
	struct list_query q = {.area_id = t->area_id};
	(void)ud;
	sheet_clear(s);
	s->hints = surveys_hints;
	long n = sheet_list(t, s, LIST_SURVEYS, &q, cols, 4);
	char title[512];
	snprintf(title, sizeof title, S_SV_TITLE, n < 0 ? 0 : n,
		 t->area_name ? t->area_name : S_ALL_AREAS);
	sheet_title(s, title);
	if (n == 0)
		sheet_add_wrapped(s, ROLE_NORMAL, S_SV_NONE);
}

/* a: the form with the selected area and today filled in (the group is
 * asked there); the new survey is selected when the list comes back. */
static bool sv_add(struct tui *t, struct sheet *s)
{
	uuid_str id;
	struct field_value init[] = {{"date", t->today}, {"area_id", t->area_id}};
	if (tui_readonly(t) ||
	    !form_run(t, "survey", NULL, (struct form_values){0},
		      (struct form_values){init, t->area_id ? 2 : 1}, id))
		return false;
	sheet_keep(s, id);
	return true;
}

/* Enter opens, a adds, e edits, u/U undo and redo; *ud (bool) notes a
 * change. */
static bool sv_act(struct tui *t, struct sheet *s, enum tui_action a, const char *id, void *ud)
{
	bool *any = ud;
	if (a == ACT_UNDO || a == ACT_REDO) {
		ops_undo(t, a == ACT_REDO);
		*any = true;
	} else if (a == ACT_ADD) {
		*any = sv_add(t, s) || *any;
	} else if (id && a == ACT_OPEN) {
		detail_run(t, "survey", id);
		*any = true;
	} else if (id && a == ACT_EDIT) {
		*any = (!tui_readonly(t) && form_run(t, "survey", id, (struct form_values){0},
						     (struct form_values){0}, NULL)) || *any;
	} else {
		tui_msg(t, "%s", !id && (a == ACT_OPEN || a == ACT_EDIT) ? S_LIST_EMPTY : S_NOTHING_HERE);
	}
	return false;
}

void surveys_show(struct tui *t)
{
	bool any = false;
	sheet_show(t, sv_build, sv_act, &any);
	if (any)
		tui_reload_all(t);
}

/* The first area of party `id` (new string) or NULL. */
static char *sv_first_area(struct tui *t, const char *party_id)
{
	return store_set_ids(t->st, "party", party_id, "areas");
}

bool surveys_add(struct tui *t, const char *party_id)
{
	if (tui_readonly(t))
		return false;
	int org = ops_party_is_group(t, party_id, true);
	if (org < 0)
		return false;
	if (!org) {
		tui_msg(t, "%s", S_SV_NOT_ORG);
		return false;
	}
	char *areas = sv_first_area(t, party_id);
	char *comma = areas ? strchr(areas, ',') : NULL;
	if (comma)
		*comma = '\0';
	struct field_value preset[] = {{"party_id", party_id}};
	struct field_value init[] = {{"date", t->today}, {"area_id", areas}};
	bool saved = form_run(t, "survey", NULL, (struct form_values){preset, 1},
			      (struct form_values){init, areas ? 2 : 1}, NULL);
	free(areas);
	return saved;
}
