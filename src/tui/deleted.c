/*
 * The deleted records screen (key D): what was deleted, newest first, with
 * when, by whom and what went with it.  Enter on a line asks, then brings
 * the record back with those links (store/restore.c: the same code as
 * `tsunagu restore`); the restore is new changes, so it merges onward.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app.h"
#include "screens.h"
#include "strings.h"
#include "widgets.h"
#include "tsunagu/restore.h"
#include "tsunagu/sanitize.h"
#include "tsunagu/sbuf.h"

struct deleted_menu {
	enum date_style date_style;
	struct pick_list list;    /* label: one line; value: "entity id" */
};

static int add_deleted(void *ud, const struct deleted_row *r)
{
	struct deleted_menu *m = ud;
	struct sbuf line = {0}, links = {0}, value = {0};
	char when[LOCALTIME_MAX];
	localtime_format(r->deleted_at, m->date_style, when, sizeof when);
	store_links_text(&r->links, false, &links);
	sbuf_addf(&line, S_DELETED_ROW, when, r->entity_label, r->title ? r->title : "",
		  r->deleted_by ? r->deleted_by : "");
	if (links.len)
		sbuf_addf(&line, S_DELETED_ROW_LINKS, links.s);
	char *safe = text_sanitize(line.s, 0);
	sbuf_addf(&value, "%s %s", r->entity, r->id);
	pick_add(&m->list, safe, value.s);
	free(safe);
	sbuf_free(&line);
	sbuf_free(&links);
	sbuf_free(&value);
	return 0;
}

static bool load(struct tui *t, struct deleted_menu *m)
{
	struct tsu_error err = {0};
	pick_clear(&m->list);
	if (store_deleted(t->st, NULL, add_deleted, m, &err) != TSU_OK) {
		tui_error(t, &err);
		return false;
	}
	return true;
}

/* The label of the item whose value is `value`. */
static const char *label_of(const struct deleted_menu *m, const char *value)
{
	for (int i = 0; i < m->list.n; i++)
		if (m->list.items[i].value && strcmp(m->list.items[i].value, value) == 0)
			return m->list.items[i].label;
	return value;
}

/* Asks, then restores "entity id"; true when it came back. */
static bool restore_one(struct tui *t, const struct deleted_menu *m, const char *value)
{
	char entity[32];
	const char *id = strchr(value, ' ');
	if (!id || id - value >= (long)sizeof entity)
		return false;
	snprintf(entity, sizeof entity, "%.*s", (int)(id - value), value);
	id++;
	struct sbuf q = {0};
	sbuf_addf(&q, S_RESTORE_CONFIRM, label_of(m, value));
	bool yes = prompt_confirm(t, q.s);
	sbuf_free(&q);
	if (!yes) {
		tui_msg(t, "%s", S_CANCELLED);
		return false;
	}
	struct restore_result res;
	struct tsu_error err = {0};
	if (store_restore(t->st, entity, id, &res, &err) != TSU_OK) {
		restore_result_free(&res);
		tui_error(t, &err);
		return false;
	}
	struct sbuf links = {0};
	store_links_text(&res.links, true, &links);
	char *title = text_sanitize(res.title, 0);
	if (res.skipped)
		tui_msg(t, S_RESTORED_SKIPPED, title, res.skipped);
	else if (links.len)
		tui_msg(t, S_RESTORED_LINKS, title, links.s);
	else
		tui_msg(t, S_RESTORED, title);
	free(title);
	sbuf_free(&links);
	restore_result_free(&res);
	return true;
}

void deleted_show(struct tui *t)
{
	struct deleted_menu m = {.date_style = t->date_style};
	if (!load(t, &m))
		return;
	if (!m.list.n) {
		tui_msg(t, "%s", S_DELETED_NONE);
		return;
	}
	char title[128];
	snprintf(title, sizeof title, S_DELETED_TITLE, (long)m.list.n);
	char *value = picklist_run(t, title, &m.list, NULL, NULL, NULL);
	bool changed = value && !tui_readonly(t) && restore_one(t, &m, value);
	free(value);
	pick_clear(&m.list);
	if (changed)
		tui_reload_all(t); /* the panes show what came back */
}
