/*
 * The suggestions screen (key s, store/match.c).  On a task: the parties
 * whose できること meet its ニーズ, best first, each row telling namesakes
 * apart (reading, areas, generation, first role) with its 兼務 and the
 * offers that matched; Enter or p links the selected party to the task
 * through the same step as p (one action, u takes it back).  On a party:
 * the open tasks that need what it offers; Enter or p links the party to
 * the selected task.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app.h"
#include "rows.h"
#include "screens.h"
#include "strings.h"
#include "tscreen.h"
#include "tsunagu/match.h"
#include "tsunagu/record.h"
#include "tsunagu/sbuf.h"

struct suggest {
	bool party;            /* the screen is for a party: rows are tasks */
	uuid_str id;           /* the task (or party) */
	char *name;            /* its title (name) */
	char *tags;            /* its needs (offers) */
};

static const char *const party_heads[] = {
	S_COL_NAME, S_COL_KANA, S_COL_WHO, S_SUG_LOAD, S_SUG_OFFERS, S_SUG_LINKED,
};
static const char *const task_heads[] = {
	S_COL_TITLE, S_COL_STATUS, S_COL_AREA, S_COL_DUE, S_SUG_NEEDS, S_SUG_LINKED,
};

static bool add_party(void *ud, const struct match_party *m)
{
	struct tscreen *s = ud;
	struct sbuf who = {0};
	char load[24];
	snprintf(load, sizeof load, "%ld", m->load);
	rows_party_who(&who, m->areas, m->generation, m->roles, load);
	const char *cells[] = {
		m->name, m->kana, who.s, load, m->matched, m->linked ? S_SUG_LINKED_MARK : "",
	};
	tscreen_add(s, cells, m->id, ROLE_NORMAL);
	sbuf_free(&who);
	return false;
}

static bool add_task(void *ud, const struct match_task *m)
{
	struct tscreen *s = ud;
	const char *cells[] = {
		m->title, m->status, m->area, m->due, m->matched, m->linked ? S_SUG_LINKED_MARK : "",
	};
	tscreen_add(s, cells, m->id, ROLE_NORMAL);
	return false;
}

static void suggest_fill(struct tui *t, struct tscreen *s)
{
	struct suggest *g = s->ud;
	struct tsu_error err = {0};
	enum tsu_status rc = g->party
		? store_suggest_tasks(t->st, g->id, 0, add_task, s, &err)
		: store_suggest_parties(t->st, g->id, 0, add_party, s, &err);
	if (rc != TSU_OK)
		tui_error(t, &err);
	struct sbuf b = {0};
	sbuf_addf(&b, g->party ? S_SUG_COUNT_TASKS : S_SUG_COUNT, (long)s->n);
	s->subtitle = sbuf_detach(&b);
}

/* The name of the row whose value is id (for the message). */
static const char *row_name(const struct tscreen *s, const char *id)
{
	for (int i = 0; i < s->n; i++)
		if (s->rows[i].value && strcmp(s->rows[i].value, id) == 0)
			return s->rows[i].cells[0];
	return "";
}

static bool suggest_act(struct tui *t, struct tscreen *s, enum tui_action a, const char *value,
			bool *reload)
{
	struct suggest *g = s->ud;
	(void)reload;
	if (a != ACT_OPEN && a != ACT_LINK) {
		tui_msg(t, "%s", S_NOTHING_HERE);
		return false;
	}
	if (!value) {
		tui_msg(t, "%s", S_SELECT_FIRST);
		return false;
	}
	const struct tscreen_row *r = &s->rows[s->sel];
	if (strcmp(r->cells[s->ncols - 1], S_SUG_LINKED_MARK) == 0) {
		tui_msg(t, "%s", S_SUG_ALREADY);
		return false;
	}
	char *name = xstrdup(row_name(s, value));
	bool ok = g->party ? ops_link_party_id(t, value, g->id) : ops_link_party_id(t, g->id, value);
	if (ok)
		tui_msg(t, S_SUG_LINKED_MSG, g->party ? name : g->name, g->party ? g->name : name);
	free(name);
	return ok;
}

static const enum tui_action suggest_hints[] = {
	ACT_LINK, ACT_DOWN, ACT_UP, ACT_HELP, ACT_QUIT, ACT_NONE,
};

static void suggest_run(struct tui *t, bool party, const char *id)
{
	struct suggest g = {.party = party};
	struct record *rec = NULL;
	struct tsu_error err = {0};
	snprintf(g.id, sizeof g.id, "%s", id);
	if (store_get(t->st, party ? "party" : "task", id, false, &rec, &err) != TSU_OK) {
		tui_error(t, &err);
		return;
	}
	const char *name = record_get(rec, party ? "name" : "title");
	const char *tags = record_get(rec, party ? "offers" : "needs");
	g.name = xstrdup(name ? name : "");
	g.tags = xstrdup(tags ? tags : "");
	record_free(rec);
	if (!*g.tags) {
		tui_msg(t, "%s", party ? S_SUG_NO_OFFERS : S_SUG_NO_NEEDS);
		t->msg_error = true;
	} else {
		struct sbuf title = {0};
		sbuf_addf(&title, party ? S_SUG_TITLE_PARTY : S_SUG_TITLE, g.name, g.tags);
		struct tscreen s = {
			.title = title.s, .ncols = 6, .heads = party ? task_heads : party_heads,
			.hints = suggest_hints, .fill = suggest_fill, .act = suggest_act, .ud = &g,
			.empty = party ? S_SUG_NONE_TASKS : S_SUG_NONE,
			/* the whole of what tells namesakes apart (or the task's title) */
			.show_status = true, .status_col = party ? 0 : 2,
		};
		tscreen_run(t, &s);
		sbuf_free(&title);
	}
	free(g.name);
	free(g.tags);
}

void suggest_for_task(struct tui *t, const char *task_id)
{
	suggest_run(t, false, task_id);
}

void suggest_for_party(struct tui *t, const char *party_id)
{
	suggest_run(t, true, party_id);
}
