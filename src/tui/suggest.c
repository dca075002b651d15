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
#include "sheet.h"
#include "strings.h"
#include "tsunagu/match.h"
#include "tsunagu/record.h"
#include "tsunagu/sbuf.h"

struct suggest_row {
	char *id, *name;
	bool linked;
};

struct suggest {
	bool party;            /* the screen is for a party: rows are tasks */
	uuid_str id;           /* the task (or party) */
	char *name;            /* its title (name) */
	char *tags;            /* its needs (offers) */
	char *title;
	struct sheet_rows rows;
	struct suggest_row *r; /* what the rows stand for */
	int n, cap;
};

static const struct sheet_col party_cols[] = {
	{S_COL_NAME, TEXT_LEFT, false, NULL, false},
	{S_COL_KANA, TEXT_LEFT, false, NULL, false},
	{S_COL_WHO, TEXT_LEFT, true, NULL, false},
	{S_SUG_LOAD, TEXT_LEFT, false, NULL, false},
	{S_SUG_OFFERS, TEXT_LEFT, false, NULL, false},
	{S_SUG_LINKED, TEXT_LEFT, false, NULL, false},
};
static const struct sheet_col task_cols[] = {
	{S_COL_TITLE, TEXT_LEFT, true, NULL, false},
	{S_COL_STATUS, TEXT_LEFT, false, NULL, false},
	{S_COL_AREA, TEXT_LEFT, false, NULL, false},
	{S_COL_DUE, TEXT_LEFT, false, NULL, false},
	{S_SUG_NEEDS, TEXT_LEFT, false, NULL, false},
	{S_SUG_LINKED, TEXT_LEFT, false, NULL, false},
};

static void suggest_push(struct suggest *g, const char *const *cells, const char *id,
			 bool linked, const char *note)
{
	if (g->n == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 16;
		g->r = xrealloc(g->r, (size_t)g->cap * sizeof *g->r);
	}
	g->r[g->n++] = (struct suggest_row){xstrdup(id), xstrdup(cells[0] ? cells[0] : ""), linked};
	sheet_rows_add(&g->rows, cells, id, ROLE_NORMAL);
	sheet_rows_note(&g->rows, note);
}

static void suggest_forget(struct suggest *g)
{
	for (int i = 0; i < g->n; i++) {
		free(g->r[i].id);
		free(g->r[i].name);
	}
	g->n = 0;
}

static bool add_party(void *ud, const struct match_party *m)
{
	struct sbuf who = {0};
	char load[24];
	snprintf(load, sizeof load, "%ld", m->load);
	rows_party_who(&who, m->areas, m->generation, m->roles, load);
	const char *cells[] = {
		m->name, m->kana, who.s, load, m->matched, m->linked ? S_SUG_LINKED_MARK : "",
	};
	/* the whole of what tells namesakes apart */
	suggest_push(ud, cells, m->id, m->linked, who.s);
	sbuf_free(&who);
	return false;
}

static bool add_task(void *ud, const struct match_task *m)
{
	const char *cells[] = {
		m->title, m->status, m->area, m->due, m->matched, m->linked ? S_SUG_LINKED_MARK : "",
	};
	suggest_push(ud, cells, m->id, m->linked, m->title);
	return false;
}

static const enum tui_action suggest_hints[] = {
	ACT_LINK, ACT_DOWN, ACT_UP, ACT_HELP, ACT_QUIT, ACT_NONE,
};

static void suggest_build(struct tui *t, struct sheet *s, void *ud)
{
	struct suggest *g = ud;
	struct tsu_error err = {0};
	sheet_clear(s);
	s->hints = suggest_hints;
	suggest_forget(g);
	g->rows = (struct sheet_rows){.ncols = 6};
	enum tsu_status rc = g->party
		? store_suggest_tasks(t->st, g->id, 0, add_task, g, &err)
		: store_suggest_parties(t->st, g->id, 0, add_party, g, &err);
	if (rc != TSU_OK)
		tui_error(t, &err);
	struct sbuf b = {0};
	sbuf_addf(&b, "%s  ", g->title);
	sbuf_addf(&b, g->party ? S_SUG_COUNT_TASKS : S_SUG_COUNT, (long)g->n);
	sheet_title(s, b.s);
	sbuf_free(&b);
	sheet_rows_put(s, sheet_width(), g->party ? task_cols : party_cols, &g->rows);
	if (!g->n)
		sheet_add_wrapped(s, ROLE_NORMAL, g->party ? S_SUG_NONE_TASKS : S_SUG_NONE);
}

static bool suggest_act(struct tui *t, struct sheet *s, enum tui_action a, const char *id,
			void *ud)
{
	struct suggest *g = ud;
	const struct suggest_row *r = NULL;
	(void)s;
	for (int i = 0; id && i < g->n; i++)
		if (strcmp(g->r[i].id, id) == 0)
			r = &g->r[i];
	if (a != ACT_OPEN && a != ACT_LINK) {
		tui_msg(t, "%s", S_NOTHING_HERE);
		return false;
	}
	if (!r) {
		tui_msg(t, "%s", S_LIST_EMPTY);
		return false;
	}
	if (r->linked) {
		tui_msg(t, "%s", S_SUG_ALREADY);
		return false;
	}
	char *name = xstrdup(r->name);
	bool ok = g->party ? ops_link_party_id(t, id, g->id) : ops_link_party_id(t, g->id, id);
	if (ok)
		tui_msg(t, S_SUG_LINKED_MSG, g->party ? name : g->name, g->party ? g->name : name);
	free(name);
	return ok;
}

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
		g.title = sbuf_detach(&title);
		sheet_show(t, suggest_build, suggest_act, &g);
		suggest_forget(&g);
		free(g.r);
		free(g.title);
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
