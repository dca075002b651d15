/*
 * What a deletion takes with it (restore.h).  store_delete calls
 * cascade_delete before it writes the record's tombstone, in the same
 * action:
 *  - a party's live memberships (as group and as member) get tombstones;
 *  - the set elements that point at the record from live owners (a task's
 *    parties holding this party) are removed from those sets;
 *  - the record's own reference sets (a party's areas, a task's parties, a
 *    staff member's areas) are emptied, element by element.
 * All of them are ordinary changes, written before the record's own
 * `_deleted`, so that the deletion stays the record's latest change when
 * a merge replays it.  Links to rows that are already deleted are left as
 * they are: no screen shows them, and nothing would bring them back.
 *
 * Areas, departments and facilities are reference data shared by many
 * records: deleting one in use is refused, naming what uses it.
 */
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "cascade.h"

void link_walk_add(struct link_walk *w, enum store_link_kind kind, const struct set_def *d,
		   char *owner, char *value)
{
	w->items = xrealloc(w->items, (w->n + 1) * sizeof *w->items);
	w->items[w->n++] = (struct link_item){kind, d, owner, value};
}

void link_walk_free(struct link_walk *w)
{
	for (size_t i = 0; i < w->n; i++) {
		free(w->items[i].owner);
		free(w->items[i].value);
	}
	free(w->items);
	*w = (struct link_walk){0};
}

enum store_link_kind cascade_set_kind(const struct set_def *d, bool owned)
{
	if (strcmp(d->field, "parties") == 0)
		return owned ? STORE_LINK_PARTY : STORE_LINK_TASK;
	return STORE_LINK_AREA;
}

/* Runs sql with ?1 = id; each row's first column (and second, when
 * `two`) goes to the walk as one item of kind / d. */
static enum tsu_status walk_sql(struct store *st, const char *sql, const char *id,
				struct link_walk *w, enum store_link_kind kind,
				const struct set_def *d, bool value_is_id, struct tsu_error *err)
{
	sqlite3_stmt *s;
	enum tsu_status rc = store_prepare(st, sql, &s, err);
	if (rc != TSU_OK)
		return rc;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		char *col = store_col_dup(s, 0);
		enum store_link_kind k = kind;
		if (!d && sqlite3_column_int(s, 1))
			k = STORE_LINK_MEMBER;
		if (value_is_id)
			link_walk_add(w, k, d, col, xstrdup(id));
		else
			link_walk_add(w, k, d, d ? xstrdup(id) : col, d ? col : NULL);
	}
	store_finish(st, s);
	return step == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, "link");
}

/* Every live link of row (e, id) that its deletion takes. */
static enum tsu_status collect_links(struct store *st, const struct entity_def *e,
				     const char *id, struct link_walk *w, struct tsu_error *err)
{
	enum tsu_status rc = TSU_OK;
	if (strcmp(e->name, "party") == 0)
		rc = walk_sql(st, "SELECT m.id, m.org_id = ?1 FROM membership m"
			      " JOIN party pp ON pp.id = m.person_id JOIN party po ON po.id = m.org_id"
			      " WHERE (m.person_id = ?1 OR m.org_id = ?1) AND m.deleted_at IS NULL"
			      " AND pp.deleted_at IS NULL AND po.deleted_at IS NULL ORDER BY m.id",
			      id, w, STORE_LINK_AFFILIATION, NULL, false, err);
	size_t nsets;
	const struct set_def *sets = sets_all(&nsets);
	for (size_t i = 0; i < nsets && rc == TSU_OK; i++) {
		const struct set_def *d = &sets[i];
		const struct entity_def *owner = entity_find(d->entity);
		struct sbuf sql = {0};
		if (!d->ref_table)
			continue;
		if (strcmp(d->ref_table, e->name) == 0) {
			sbuf_addf(&sql, "SELECT l.%s FROM %s l JOIN %s o ON o.id = l.%s WHERE l.%s = ?1"
				  " AND o.deleted_at IS NULL ORDER BY l.%s", d->owner_col, d->table,
				  owner->table, d->owner_col, d->value_col, d->owner_col);
			rc = walk_sql(st, sql.s, id, w, cascade_set_kind(d, false), d, true, err);
		}
		sbuf_reset(&sql);
		if (rc == TSU_OK && strcmp(d->entity, e->name) == 0) {
			sbuf_addf(&sql, "SELECT l.%s FROM %s l JOIN %s r ON r.id = l.%s WHERE l.%s = ?1"
				  " AND r.deleted_at IS NULL ORDER BY l.added, l.%s", d->value_col,
				  d->table, entity_find(d->ref_table)->table, d->value_col, d->owner_col,
				  d->value_col);
			rc = walk_sql(st, sql.s, id, w, cascade_set_kind(d, true), d, false, err);
		}
		sbuf_free(&sql);
	}
	return rc;
}

enum tsu_status store_delete_links(struct store *st, const char *entity, const char *id,
				   struct store_links *out, struct tsu_error *err)
{
	const struct entity_def *e = entity_find(entity);
	struct link_walk w = {0};
	*out = (struct store_links){0};
	if (!e)
		return tsu_fail(err, TSU_INVALID, "「%s」という種類はありません", entity);
	enum tsu_status rc = collect_links(st, e, id, &w, err);
	for (size_t i = 0; i < w.n; i++)
		out->n[w.items[i].kind]++;
	link_walk_free(&w);
	return rc;
}

static bool is_reference_data(const struct entity_def *e)
{
	return strcmp(e->name, "area") == 0 || strcmp(e->name, "department") == 0 ||
	       strcmp(e->name, "facility") == 0;
}

static long count_sql(struct store *st, const char *sql, const char *id)
{
	sqlite3_stmt *s;
	long n = 0;
	if (store_prepare(st, sql, &s, NULL) != TSU_OK)
		return 0;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	store_finish(st, s);
	return n;
}

/* How many live rows of `user` refer to (e, id), by reference fields or
 * reference sets. */
static long users_of(struct store *st, const struct entity_def *user, const struct entity_def *e,
		     const char *id)
{
	struct sbuf sql = {0};
	sbuf_addf(&sql, "SELECT count(*) FROM %s u WHERE u.deleted_at IS NULL AND (0", user->table);
	for (int i = 0; i < user->nfields; i++) {
		const struct field_def *f = &user->fields[i];
		const struct set_def *d = f->type == FIELD_SET ? set_find(user->name, f->name) : NULL;
		if (f->type == FIELD_REF && strcmp(f->ref, e->name) == 0)
			sbuf_addf(&sql, " OR u.%s = ?1", f->name);
		else if (d && d->ref_table && strcmp(d->ref_table, e->name) == 0)
			sbuf_addf(&sql, " OR EXISTS (SELECT 1 FROM %s l WHERE l.%s = u.id AND l.%s = ?1)",
				  d->table, d->owner_col, d->value_col);
	}
	sbuf_add(&sql, ")");
	long n = count_sql(st, sql.s, id);
	sbuf_free(&sql);
	return n;
}

/* Refuses to delete reference data that live records use. */
static enum tsu_status check_unused(struct store *st, const struct entity_def *e, const char *id,
				    struct tsu_error *err)
{
	struct sbuf used = {0};
	for (const struct entity_def *const *u = entity_all(); *u; u++) {
		long n = users_of(st, *u, e, id);
		if (n)
			sbuf_addf(&used, "%s%s %ld 件", used.len ? "、" : "", (*u)->label, n);
	}
	enum tsu_status rc = TSU_OK;
	if (used.len) {
		struct record *r = NULL;
		store_get(st, e->name, id, false, &r, NULL);
		const char *title = r ? record_get(r, e->title_field) : NULL;
		rc = tsu_fail(err, TSU_INVALID, "%s「%s」は %s が使っているため削除できません。"
			      "先にそれらを別の%sに移すか削除してください", e->label,
			      title ? title : id, used.s, e->label);
		record_free(r);
	}
	sbuf_free(&used);
	return rc;
}

static enum tsu_status remove_link(struct store *st, const struct link_item *it,
				   struct tsu_error *err)
{
	if (!it->d)
		return store_delete(st, "membership", it->owner, err);
	return sets_remove_element(st, it->d, it->owner, it->value, err);
}

enum tsu_status cascade_delete(struct store *st, const struct entity_def *e, const char *id,
			       struct tsu_error *err)
{
	struct link_walk w = {0};
	if (is_reference_data(e))
		return check_unused(st, e, id, err);
	enum tsu_status rc = collect_links(st, e, id, &w, err);
	for (size_t i = 0; i < w.n && rc == TSU_OK; i++)
		rc = remove_link(st, &w.items[i], err);
	link_walk_free(&w);
	return rc;
}
