/*
 * The conflicts screen (key c): the values that lost a merge, one per
 * line with the value kept beside the other one.  Enter on a line asks
 * which to keep; taking the other value is an ordinary edit, so it merges
 * onward to the other copies (store/conflict.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app.h"
#include "screens.h"
#include "strings.h"
#include "widgets.h"
#include "tsunagu/merge.h"
#include "tsunagu/sanitize.h"
#include "tsunagu/sbuf.h"

struct conflict_menu {
	enum date_style date_style;
	struct pick_list list;    /* label: one line; value: conflict id */
	struct pick_list choices; /* for the chosen conflict */
	const char *chosen;
};

static int add_conflict(void *ud, const struct conflict_row *c)
{
	struct conflict_menu *m = ud;
	struct sbuf line = {0};
	sbuf_addf(&line, S_CONFLICT_ROW, c->title, c->field_label, c->kept_value, c->lost_value);
	char *safe = text_sanitize(line.s, 0);
	pick_add(&m->list, safe, c->id);
	free(safe);
	sbuf_free(&line);
	if (m->chosen && strcmp(m->chosen, c->id) == 0) {
		char kept[LOCALTIME_MAX], lost[LOCALTIME_MAX];
		localtime_format(c->kept_at, m->date_style, kept, sizeof kept);
		localtime_format(c->lost_at, m->date_style, lost, sizeof lost);
		struct sbuf a = {0}, b = {0};
		sbuf_addf(&a, S_CONFLICT_KEEP, c->kept_value, c->kept_author, kept);
		sbuf_addf(&b, S_CONFLICT_TAKE, c->lost_value, c->lost_author, lost);
		char *sa = text_sanitize(a.s, 0), *sb = text_sanitize(b.s, 0);
		pick_add(&m->choices, sa, "keep");
		pick_add(&m->choices, sb, "take");
		pick_add(&m->choices, S_CONFLICT_ALL, "all");
		free(sa);
		free(sb);
		sbuf_free(&a);
		sbuf_free(&b);
	}
	return 0;
}

static bool load(struct tui *t, struct conflict_menu *m)
{
	struct tsu_error err = {0};
	pick_clear(&m->list);
	pick_clear(&m->choices);
	if (store_conflicts(t->st, false, add_conflict, m, &err) != TSU_OK) {
		tui_error(t, &err);
		return false;
	}
	return true;
}

/* Asks what to do with conflict `id`; false when the user backed out. */
static bool resolve_one(struct tui *t, struct conflict_menu *m, const char *id)
{
	m->chosen = id;
	bool ok = load(t, m);
	m->chosen = NULL;
	if (!ok || !m->choices.n)
		return false;
	char *what = picklist_run(t, S_CONFLICT_WHICH, &m->choices, NULL, NULL, NULL);
	if (!what)
		return false;
	struct tsu_error err = {0};
	enum tsu_status rc;
	long n = 0;
	if (strcmp(what, "all") == 0)
		rc = store_conflicts_review_all(t->st, &n, &err);
	else
		rc = store_conflict_resolve(t->st, id, strcmp(what, "take") == 0, &err);
	if (rc != TSU_OK)
		tui_error(t, &err);
	else if (strcmp(what, "all") == 0)
		tui_msg(t, S_CONFLICT_ALLDONE, n);
	else
		tui_msg(t, "%s", strcmp(what, "take") == 0 ? S_CONFLICT_TAKEN : S_CONFLICT_KEPT);
	free(what);
	return rc == TSU_OK;
}

void conflicts_show(struct tui *t)
{
	struct conflict_menu m = {.date_style = t->date_style};
	bool changed = false;
	while (load(t, &m)) {
		if (!m.list.n) {
			if (!changed)
				tui_msg(t, "%s", S_CONFLICTS_NONE);
			break;
		}
		char title[128];
		snprintf(title, sizeof title, S_CONFLICTS_TITLE, (long)m.list.n);
		char *id = picklist_run(t, title, &m.list, NULL, NULL, NULL);
		if (!id)
			break;
		if (tui_readonly(t)) {
			free(id);
			break;
		}
		if (resolve_one(t, &m, id))
			changed = true;
		free(id);
	}
	pick_clear(&m.list);
	pick_clear(&m.choices);
	if (changed)
		tui_reload_all(t);
}
