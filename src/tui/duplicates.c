/*
 * The duplicates screen (key =): parties that are likely the same person
 * or group, two by two with why (store/duplicates.c).  Enter on a pair asks
 * which one to keep; the other is folded into it as one action (its
 * memberships, tasks and log entries move), or the pair is left alone.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app.h"
#include "screens.h"
#include "strings.h"
#include "widgets.h"
#include "tsunagu/duplicates.h"
#include "tsunagu/sanitize.h"
#include "tsunagu/sbuf.h"

struct dup_menu {
	struct pick_list list;    /* label: the pair; value: "A-ID B-ID" */
	struct pick_list choices; /* for the chosen pair */
	const char *chosen;
};

static const char *short_id(const char *id)
{
	size_t n = strlen(id);
	return n > 8 ? id + n - 8 : id;
}

static void add_choices(struct dup_menu *m, const struct dup_pair *p)
{
	const char *ids[] = {p->a_id, p->b_id}, *names[] = {p->a_name, p->b_name};
	for (int keep = 0; keep < 2; keep++) {
		struct sbuf label = {0}, value = {0};
		sbuf_addf(&label, S_DUP_KEEP, names[keep], short_id(ids[keep]), names[!keep],
			  short_id(ids[!keep]));
		sbuf_addf(&value, "%s %s", ids[keep], ids[!keep]);
		char *safe = text_sanitize(label.s, 0);
		pick_add(&m->choices, safe, value.s);
		free(safe);
		sbuf_free(&label);
		sbuf_free(&value);
	}
	pick_add(&m->choices, S_DUP_APART, "apart");
}

static int add_pair(void *ud, const struct dup_pair *p)
{
	struct dup_menu *m = ud;
	struct sbuf line = {0}, value = {0};
	sbuf_addf(&line, S_DUP_ROW, p->certain ? "◎" : "○", p->a_name, short_id(p->a_id),
		  p->b_name, short_id(p->b_id), p->reasons);
	sbuf_addf(&value, "%s %s", p->a_id, p->b_id);
	char *safe = text_sanitize(line.s, 0);
	pick_add(&m->list, safe, value.s);
	free(safe);
	if (m->chosen && strcmp(m->chosen, value.s) == 0)
		add_choices(m, p);
	sbuf_free(&line);
	sbuf_free(&value);
	return 0;
}

static bool load(struct tui *t, struct dup_menu *m)
{
	struct tsu_error err = {0};
	pick_clear(&m->list);
	pick_clear(&m->choices);
	if (store_duplicates(t->st, add_pair, m, &err) != TSU_OK) {
		tui_error(t, &err);
		return false;
	}
	return true;
}

/* Folds OTHER into KEEP ("KEEP-ID OTHER-ID") in one transaction. */
static bool fold(struct tui *t, const char *pair)
{
	char keep[64], other[64];
	struct fold_summary sum;
	struct tsu_error err = {0};
	if (sscanf(pair, "%63s %63s", keep, other) != 2)
		return false;
	enum tsu_status rc = store_begin(t->st, &err);
	if (rc == TSU_OK && (rc = store_fold_party(t->st, keep, other, &sum, &err)) != TSU_OK)
		store_rollback(t->st);
	else if (rc == TSU_OK)
		rc = store_commit(t->st, &err);
	if (rc != TSU_OK) {
		tui_error(t, &err);
		return false;
	}
	tui_msg(t, S_DUP_FOLDED, short_id(sum.other), short_id(sum.keep), sum.links);
	return true;
}

/* Asks what to do with one pair; true when it was folded. */
static bool decide(struct tui *t, struct dup_menu *m, const char *pair)
{
	m->chosen = pair;
	bool ok = load(t, m);
	m->chosen = NULL;
	if (!ok || !m->choices.n)
		return false;
	char *what = picklist_run(t, S_DUP_WHICH, &m->choices, NULL, NULL, NULL);
	bool folded = what && strcmp(what, "apart") != 0 && fold(t, what);
	free(what);
	return folded;
}

void duplicates_show(struct tui *t)
{
	struct dup_menu m = {0};
	bool changed = false;
	while (load(t, &m)) {
		if (!m.list.n) {
			if (!changed)
				tui_msg(t, "%s", S_DUPS_NONE);
			break;
		}
		char title[160];
		snprintf(title, sizeof title, S_DUPS_TITLE, (long)m.list.n);
		char *pair = picklist_run(t, title, &m.list, NULL, NULL, NULL);
		if (!pair)
			break;
		if (tui_readonly(t)) {
			free(pair);
			break;
		}
		if (decide(t, &m, pair))
			changed = true;
		free(pair);
	}
	pick_clear(&m.list);
	pick_clear(&m.choices);
	if (changed)
		tui_reload_all(t);
}
