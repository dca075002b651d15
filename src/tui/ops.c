/*
 * Editing steps shared by the panes and the detail views.  Each one that
 * writes is one transaction and leaves its outcome on the status line;
 * each destructive one asks first.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app.h"
#include "rows.h"
#include "screens.h"
#include "strings.h"
#include "widgets.h"
#include "tsunagu/list.h"
#include "tsunagu/restore.h"
#include "tsunagu/store.h"

bool ops_set_field(struct tui *t, const char *entity, const char *id, const char *field,
		   const char *value)
{
	struct tsu_error err = {0};
	struct field_value fv = {field, value};
	enum tsu_status rc = store_begin(t->st, &err);
	if (rc == TSU_OK)
		rc = store_update(t->st, entity, id, &fv, 1, &err);
	if (rc == TSU_OK)
		rc = store_commit(t->st, &err);
	if (rc != TSU_OK) {
		store_rollback(t->st);
		tui_error(t, &err);
		return false;
	}
	return true;
}

bool ops_delete(struct tui *t, const char *entity, const char *id, const char *title)
{
	struct tsu_error err = {0};
	struct sbuf q = {0}, gone = {0};
	struct store_links links;
	if (tui_readonly(t))
		return false;
	/* what goes with it, counted now: 会員 6 名の所属、課題 2 件とのつながり */
	if (store_delete_links(t->st, entity, id, &links, &err) != TSU_OK) {
		tui_error(t, &err);
		return false;
	}
	store_links_text(&links, false, &gone);
	if (gone.len)
		sbuf_addf(&q, S_CONFIRM_DELETE_LINKS, title && *title ? title : id, gone.s);
	else
		sbuf_addf(&q, S_CONFIRM_DELETE, title && *title ? title : id);
	bool yes = prompt_confirm(t, q.s);
	sbuf_free(&q);
	if (!yes) {
		tui_msg(t, "%s", S_CANCELLED);
		sbuf_free(&gone);
		return false;
	}
	enum tsu_status rc = store_begin(t->st, &err);
	if (rc == TSU_OK)
		rc = store_delete(t->st, entity, id, &err);
	if (rc == TSU_OK)
		rc = store_commit(t->st, &err);
	if (rc != TSU_OK) {
		store_rollback(t->st);
		tui_error(t, &err);
		sbuf_free(&gone);
		return false;
	}
	if (gone.len)
		tui_msg(t, S_DELETED_LINKS, gone.s);
	else
		tui_msg(t, "%s", S_DELETED);
	sbuf_free(&gone);
	return true;
}

struct one_area {
	char *id;   /* the only area seen so far */
	int n;
};

static int one_area_cb(void *ud, int ncols, const char *const *names, const char *const *values)
{
	struct one_area *a = ud;
	for (int i = 0; i < ncols; i++)
		if (strcmp(names[i], "id") == 0 && values[i] && a->n++ == 0)
			a->id = xstrdup(values[i]);
	return 0;
}

/* The area a new log entry of a task or a party starts with: the task's
 * area; a party's when it has exactly one (with several the user picks).
 * New string or NULL. */
static char *ops_log_area(struct tui *t, const char *task_id, const char *party_id)
{
	struct tsu_error err = {0};
	if (task_id) {
		struct record *rec = NULL;
		if (store_get(t->st, "task", task_id, false, &rec, &err) != TSU_OK)
			return NULL;
		const char *area = record_get(rec, "area_id");
		char *id = area && *area ? xstrdup(area) : NULL;
		record_free(rec);
		return id;
	}
	struct one_area a = {0};
	if (!party_id || store_related(t->st, "party", party_id, "areas", one_area_cb, &a,
				       &err) != TSU_OK || a.n != 1) {
		free(a.id);
		return NULL;
	}
	return a.id;
}

bool ops_add_log(struct tui *t, const char *task_id, const char *party_id, const char *area_id,
		 const char *date, uuid_str out_id)
{
	struct field_value preset[1];
	struct field_value init[3] = {
		{"date", date && *date ? date : t->today},
		{"kind", S_LOG_KIND_DEFAULT},
	};
	if (tui_readonly(t))
		return false;
	preset[0].name = task_id ? "task_id" : party_id ? "party_id" : "area_id";
	preset[0].value = task_id ? task_id : party_id ? party_id : area_id;
	char *found = area_id ? NULL : ops_log_area(t, task_id, party_id);
	const char *area = area_id ? area_id : found;
	size_t ninit = 2;
	if (area && (task_id || party_id))
		init[ninit++] = (struct field_value){"area_id", area};
	bool saved = form_run(t, "log", NULL, (struct form_values){preset, 1},
			      (struct form_values){init, ninit}, out_id);
	free(found);
	return saved;
}

bool ops_edit_longtext(struct tui *t, const char *entity, const char *id, const char *field)
{
	const struct entity_def *def = entity_find(entity);
	struct record *rec = NULL;
	struct tsu_error err = {0};
	char *chosen = NULL, *out = NULL;
	bool changed = false;
	if (!def || tui_readonly(t))
		return false;
	if (!field) {
		struct pick_list items = {0};
		for (int i = 0; i < def->nfields; i++)
			if (def->fields[i].type == FIELD_LONGTEXT)
				pick_add(&items, def->fields[i].label, def->fields[i].name);
		if (items.n == 1)
			chosen = xstrdup(items.items[0].value);
		else if (items.n > 1)
			chosen = picklist_run(t, S_PICK_LONGTEXT, &items, NULL, NULL, NULL);
		pick_clear(&items);
		if (!chosen)
			return false;
		field = chosen;
	}
	if (store_get(t->st, entity, id, false, &rec, &err) != TSU_OK) {
		tui_error(t, &err);
		free(chosen);
		return false;
	}
	const char *old = record_get(rec, field);
	if (editor_edit(t, old, &out)) {
		if (strcmp(old ? old : "", out) == 0) {
			tui_msg(t, "%s", S_EDITOR_SAME);
		} else if (ops_set_field(t, entity, id, field, out)) {
			tui_msg(t, "%s", S_SAVED);
			changed = true;
		}
	}
	free(out);
	record_free(rec);
	free(chosen);
	return changed;
}

bool ops_move_task(struct tui *t, const char *id, const char *status, int dir)
{
	int c = 0;
	while (c < 4 && strcmp(tui_board_status[c], status) != 0)
		c++;
	if (c == 4)
		c = 0; /* an unknown status moves as if 未着手 */
	int to = c + dir;
	if (to < 0 || to > 3) {
		tui_msg(t, "%s", S_NOT_MOVABLE);
		return false;
	}
	if (!ops_set_field(t, "task", id, "status", tui_board_status[to]))
		return false;
	tui_msg(t, S_MOVED, tui_board_status[to]);
	return true;
}

struct party_pick {
	struct pick_list *out;
	const char *kind;   /* "団体" / "個人" as LIST_PARTIES shows it, or NULL */
	int ci, cn, ck, ckind;
	struct party_who_cols who;
};

/* "name  [個人] area generation role 他N  (kana)": what tells namesakes
 * apart comes right after the name, the kana last. */
static int ops_party_row(void *ud, int ncols, const char *const *v)
{
	struct party_pick *x = ud;
	if (x->kind && v[x->ckind] && strcmp(v[x->ckind], x->kind) != 0)
		return 0;
	struct sbuf b = {0};
	sbuf_add(&b, v[x->cn] ? v[x->cn] : "");
	if (v[x->ckind])
		sbuf_addf(&b, "  [%s]", v[x->ckind]);
	rows_party_who_row(&b, &x->who, v);
	if (v[x->ck])
		sbuf_addf(&b, "  (%s)", v[x->ck]);
	pick_add(x->out, b.s, v[x->ci]);
	sbuf_free(&b);
	return 0;
}

/* Live search of parties for pick lists (one page of results). */
static void ops_party_fill(struct tui *t, void *ud, const char *query, struct pick_list *out)
{
	struct party_pick x = {
		.out = out, .kind = ud,
		.ci = list_column_index(LIST_PARTIES, "id"),
		.cn = list_column_index(LIST_PARTIES, "name"),
		.ck = list_column_index(LIST_PARTIES, "kana"),
		.ckind = list_column_index(LIST_PARTIES, "kind"),
	};
	rows_party_who_cols(&x.who);
	struct list_query q = {.search = query, .limit = 200};
	struct tsu_error err;
	if (store_list(t->st, LIST_PARTIES, &q, ops_party_row, &x, &err) != TSU_OK)
		tui_error(t, &err);
}

char *ops_pick_party(struct tui *t, const char *title, const char *kind)
{
	char *v = picklist_run(t, title, NULL, NULL, ops_party_fill, (void *)kind);
	if (v && !*v) {
		free(v);
		v = NULL;
	}
	return v;
}

static int ops_ids_cb(void *ud, int ncols, const char *const *names, const char *const *values)
{
	struct sbuf *b = ud;
	for (int i = 0; i < ncols; i++)
		if (strcmp(names[i], "id") == 0 && values[i])
			sbuf_addf(b, "%s%s", b->len ? "," : "", values[i]);
	return 0;
}

/* The task's linked parties as ids joined by "," (ids resolve exactly,
 * names might not). */
static bool ops_task_party_ids(struct tui *t, const char *task_id, struct sbuf *out)
{
	struct tsu_error err = {0};
	if (store_related(t->st, "task", task_id, "parties", ops_ids_cb, out, &err) != TSU_OK) {
		tui_error(t, &err);
		return false;
	}
	return true;
}

bool ops_link_party_id(struct tui *t, const char *task_id, const char *pid)
{
	struct sbuf ids = {0};
	bool ok = false;
	if (tui_readonly(t))
		return false;
	if (ops_task_party_ids(t, task_id, &ids)) {
		if (!strstr(ids.len ? ids.s : "", pid))
			sbuf_addf(&ids, "%s%s", ids.len ? "," : "", pid);
		ok = ops_set_field(t, "task", task_id, "parties", ids.s);
		if (ok)
			tui_msg(t, "%s", S_LINKED);
	}
	sbuf_free(&ids);
	return ok;
}

bool ops_link_party(struct tui *t, const char *task_id)
{
	if (tui_readonly(t))
		return false;
	char *pid = ops_pick_party(t, S_LINK_PARTY, NULL);
	bool ok = pid && ops_link_party_id(t, task_id, pid);
	free(pid);
	return ok;
}

bool ops_unlink_party(struct tui *t, const char *task_id, const char *party_id,
		      const char *name)
{
	struct sbuf ids = {0}, keep = {0}, q = {0};
	bool ok = false;
	if (tui_readonly(t))
		return false;
	sbuf_addf(&q, S_UNLINK_CONFIRM, name);
	if (prompt_confirm(t, q.s) && ops_task_party_ids(t, task_id, &ids)) {
		char *save = NULL;
		for (char *tok = strtok_r(ids.s, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
			if (strcmp(tok, party_id) != 0)
				sbuf_addf(&keep, "%s%s", keep.len ? "," : "", tok);
		ok = ops_set_field(t, "task", task_id, "parties", keep.len ? keep.s : "");
		if (ok)
			tui_msg(t, "%s", S_DELETED);
	}
	sbuf_free(&q);
	sbuf_free(&ids);
	sbuf_free(&keep);
	return ok;
}

int ops_party_is_group(struct tui *t, const char *id, bool say)
{
	struct record *rec = NULL;
	struct tsu_error err = {0};
	if (store_get(t->st, "party", id, false, &rec, &err) != TSU_OK) {
		if (say)
			tui_error(t, &err);
		return -1;
	}
	const char *kind = record_get(rec, "kind");
	int org = kind && strcmp(kind, "org") == 0;
	record_free(rec);
	return org;
}

bool ops_add_membership(struct tui *t, const char *party_id)
{
	if (tui_readonly(t))
		return false;
	int group = ops_party_is_group(t, party_id, true);
	if (group < 0)
		return false;
	bool person = !group;
	/* a person joins an organisation; an organisation gets a member */
	char *other = ops_pick_party(t, person ? S_PICK_ORG : S_PICK_PERSON,
				     person ? S_PARTY_ORG : S_PERSON);
	if (!other)
		return false;
	/* both ends shown (and changeable) in the form */
	struct field_value init[] = {
		{"person_id", person ? party_id : other},
		{"org_id", person ? other : party_id},
		{"from_date", t->today},
	};
	bool ok = form_run(t, "membership", NULL, (struct form_values){0},
			   (struct form_values){init, 3}, NULL);
	free(other);
	return ok;
}

bool ops_task_action(struct tui *t, enum tui_action a, const char *id, const char *title)
{
	switch (a) {
	case ACT_OPEN:
		detail_run(t, "task", id);
		return true;
	case ACT_EDIT:
		return form_run(t, "task", id, (struct form_values){0}, (struct form_values){0}, NULL);
	case ACT_DELETE:
		return ops_delete(t, "task", id, title);
	case ACT_LOG:
		return ops_add_log(t, id, NULL, NULL, NULL, NULL);
	case ACT_LONGTEXT:
		return ops_edit_longtext(t, "task", id, "body");
	case ACT_LINK:
		return ops_link_party(t, id);
	case ACT_SUGGEST:
		suggest_for_task(t, id);
		return true;
	case ACT_REQUEST_NEXT:
		return requests_next(t, id);
	default:
		return false;
	}
}
