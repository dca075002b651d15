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
#include "rows.h"
#include "screens.h"
#include "strings.h"
#include "widgets.h"
#include "tsunagu/duplicates.h"
#include "tsunagu/list.h"
#include "tsunagu/sanitize.h"
#include "tsunagu/sbuf.h"

struct dup_menu {
	struct tui *t;
	struct pick_list list;    /* two lines a pair; value: "A-ID B-ID" */
	long pairs;
	struct pick_list choices; /* for the chosen pair */
	const char *chosen;
};

#define DUP_PHONE_TAIL 4   /* digits of a phone number shown */

static const char *short_id(const char *id)
{
	size_t n = strlen(id);
	return n > 8 ? id + n - 8 : id;
}

/* One party as the directory tells namesakes apart: its row of
 * LIST_PARTIES (found by searching its name), so the areas, generation,
 * first role and よみ are the directory's, and the phone is there only
 * when the lists' consent rule lets it out (a withheld one has no digits). */
struct dup_who {
	const char *id;
	struct sbuf *out;
	int ci, ck, cphone;
	struct party_who_cols who;
};

static int dup_who_row(void *ud, int ncols, const char *const *v)
{
	struct dup_who *w = ud;
	(void)ncols;
	if (!v[w->ci] || strcmp(v[w->ci], w->id) != 0)
		return 0;
	rows_party_who_row(w->out, &w->who, v);
	char *digits = dup_phone_key(v[w->cphone]);
	size_t n = digits ? strlen(digits) : 0;
	if (n >= DUP_PHONE_TAIL)
		sbuf_addf(w->out, S_DUP_PHONE_TAIL, digits + n - DUP_PHONE_TAIL);
	free(digits);
	if (v[w->ck] && *v[w->ck])
		sbuf_addf(w->out, S_DUP_KANA, v[w->ck]);
	return 1;
}

/* "name area generation role 電話…2222 よみ:kana (short id)"; new string. */
static char *dup_party_text(struct tui *t, const char *id, const char *name)
{
	struct sbuf b = {0};
	struct dup_who w = {
		.id = id, .out = &b,
		.ci = list_column_index(LIST_PARTIES, "id"),
		.ck = list_column_index(LIST_PARTIES, "kana"),
		.cphone = list_column_index(LIST_PARTIES, "phone"),
	};
	rows_party_who_cols(&w.who);
	struct list_query q = {.search = name};
	struct tsu_error err = {0};
	sbuf_add(&b, name);
	/* not found (a name the search cannot take): the name and id alone */
	store_list(t->st, LIST_PARTIES, &q, dup_who_row, &w, &err);
	sbuf_addf(&b, " (%s)", short_id(id));
	char *safe = text_sanitize(b.s, 0);
	sbuf_free(&b);
	return safe;
}

/* One choice a party, "残す: A …", each on a line of its own with the
 * verb first, so that a narrow screen cuts only the description. */
static void add_choices(struct tui *t, struct dup_menu *m, const struct dup_pair *p)
{
	const char *ids[] = {p->a_id, p->b_id}, *names[] = {p->a_name, p->b_name};
	for (int keep = 0; keep < 2; keep++) {
		struct sbuf label = {0}, value = {0};
		char *who = dup_party_text(t, ids[keep], names[keep]);
		sbuf_addf(&label, S_DUP_KEEP, who);
		sbuf_addf(&value, "%s %s", ids[keep], ids[!keep]);
		pick_add(&m->choices, label.s, value.s);
		free(who);
		sbuf_free(&label);
		sbuf_free(&value);
	}
	pick_add(&m->choices, S_DUP_APART, "apart");
}

/* A pair takes two lines of the list, one party each, so that both show
 * at 80 columns; either line chooses the pair. */
static int add_pair(void *ud, const struct dup_pair *p)
{
	struct dup_menu *m = ud;
	struct sbuf first = {0}, second = {0}, value = {0};
	char *a = dup_party_text(m->t, p->a_id, p->a_name);
	char *b = dup_party_text(m->t, p->b_id, p->b_name);
	char *why = text_sanitize(p->reasons, 0);
	sbuf_addf(&first, S_DUP_ROW, p->certain ? "◎" : "○", a);
	sbuf_addf(&second, S_DUP_ROW2, b, why);
	sbuf_addf(&value, "%s %s", p->a_id, p->b_id);
	pick_add(&m->list, first.s, value.s);
	pick_add(&m->list, second.s, value.s);
	m->pairs++;
	if (m->chosen && strcmp(m->chosen, value.s) == 0)
		add_choices(m->t, m, p);
	free(a);
	free(b);
	free(why);
	sbuf_free(&first);
	sbuf_free(&second);
	sbuf_free(&value);
	return 0;
}

static bool load(struct tui *t, struct dup_menu *m)
{
	struct tsu_error err = {0};
	pick_clear(&m->list);
	pick_clear(&m->choices);
	m->pairs = 0;
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
	struct dup_menu m = {.t = t};
	bool changed = false;
	while (load(t, &m)) {
		if (!m.list.n) {
			if (!changed)
				tui_msg(t, "%s", S_DUPS_NONE);
			break;
		}
		char title[160];
		snprintf(title, sizeof title, S_DUPS_TITLE, m.pairs);
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
