/*
 * Deleted records: the list, and restoring one with its links (restore.h).
 *
 * What went with a record is read from the change log: the changes of its
 * deletion action (cascade.c wrote them just before the record's own
 * `_deleted`) that are memberships of the record tombstoned, or set
 * elements removed from or pointing at it.  A restore writes the reverse
 * of those, as one new action, and only where nothing has changed since —
 * a link already back, or one whose other end is deleted now, is left —
 * as undo does with any action.  Links removed earlier, on their own, were
 * not part of the deletion and stay removed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "cascade.h"
#include "tsunagu/clock.h"

static const struct {
	const char *key, *gone1, *gone2, *back1, *back2;
} link_words[STORE_LINK_COUNT] = {
#define STORE_LINK_WORDS(id, key, g1, g2, b1, b2) [STORE_LINK_##id] = {key, g1, g2, b1, b2},
	STORE_LINK_LIST(STORE_LINK_WORDS)
#undef STORE_LINK_WORDS
};

long store_links_total(const struct store_links *l)
{
	long n = 0;
	for (int k = 0; k < STORE_LINK_COUNT; k++)
		n += l->n[k];
	return n;
}

void store_links_text(const struct store_links *l, bool came_back, struct sbuf *out)
{
	bool first = true;
	for (int k = 0; k < STORE_LINK_COUNT; k++) {
		long n = l->n[k];
		if (came_back && k == STORE_LINK_AFFILIATION)
			continue; /* counted with MEMBER: both are 所属 */
		if (came_back && k == STORE_LINK_MEMBER)
			n += l->n[STORE_LINK_AFFILIATION];
		if (!n)
			continue;
		sbuf_addf(out, "%s%s%ld%s", first ? "" : "、",
			  came_back ? link_words[k].back1 : link_words[k].gone1, n,
			  came_back ? link_words[k].back2 : link_words[k].gone2);
		first = false;
	}
}

/* The latest deletion of row id: its action, replica, time and stamp. */
struct deletion {
	char action[UUID_STR_LEN + 1];
	char replica[UUID_STR_LEN + 1];
	sqlite3_int64 at, hlc;
};

static enum tsu_status find_deletion(struct store *st, const struct entity_def *e, const char *id,
				     struct deletion *d, struct tsu_error *err)
{
	sqlite3_stmt *s;
	memset(d, 0, sizeof *d);
	if (store_prepare(st, "SELECT action_id, replica, at, hlc FROM changelog WHERE row_id = ?1"
			  " AND entity = ?2 AND field = '_deleted' ORDER BY hlc DESC, change_id DESC"
			  " LIMIT 1", &s, err))
		return err ? err->status : TSU_DB;
	const char *vals[] = {id, e->name};
	store_bind_texts(s, 2, vals);
	int step = sqlite3_step(s);
	if (step == SQLITE_ROW) {
		snprintf(d->action, sizeof d->action, "%s", (const char *)sqlite3_column_text(s, 0));
		snprintf(d->replica, sizeof d->replica, "%s", (const char *)sqlite3_column_text(s, 1));
		d->at = sqlite3_column_int64(s, 2);
		d->hlc = sqlite3_column_int64(s, 3);
	}
	store_finish(st, s);
	return step == SQLITE_ROW || step == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, "changelog");
}

/*
 * The changes of the deletion action are found through the replica index:
 * the action's changes were written one after another, from a minute
 * before its time (clock slack) up to the record's `_deleted`.
 */
#define ACTION_RANGE "c.replica = ?3 AND c.hlc BETWEEN ?4 AND ?5 AND c.action_id = ?1"

static sqlite3_stmt *action_query(struct store *st, const char *sql, const struct deletion *d,
				  const char *id, struct tsu_error *err)
{
	sqlite3_stmt *s;
	if (store_prepare(st, sql, &s, err))
		return NULL;
	const char *vals[] = {d->action, id, d->replica};
	store_bind_texts(s, 3, vals);
	sqlite3_int64 lo = d->at - 60000;
	sqlite3_bind_int64(s, 4, (lo > 0 ? lo : 0) << HLC_COUNTER_BITS);
	sqlite3_bind_int64(s, 5, d->hlc);
	return s;
}

/* The links that deletion `d` of row id took. */
static enum tsu_status action_links(struct store *st, const char *id, const struct deletion *d,
				    struct link_walk *w, struct tsu_error *err)
{
	if (!d->action[0])
		return TSU_OK;
	sqlite3_stmt *s = action_query(st, "SELECT c.row_id, m.org_id = ?2 FROM changelog c"
				       " JOIN membership m ON m.id = c.row_id WHERE " ACTION_RANGE
				       " AND c.entity = 'membership' AND c.field = '_deleted'"
				       " AND (m.person_id = ?2 OR m.org_id = ?2) ORDER BY c.hlc", d, id, err);
	if (!s)
		return err ? err->status : TSU_DB;
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW)
		link_walk_add(w, sqlite3_column_int(s, 1) ? STORE_LINK_MEMBER : STORE_LINK_AFFILIATION,
			      NULL, store_col_dup(s, 0), NULL);
	store_finish(st, s);
	if (step != SQLITE_DONE)
		return store_sql_fail(st, err, "changelog");
	s = action_query(st, "SELECT c.entity, c.row_id, c.field, c.old_value FROM changelog c"
			 " WHERE " ACTION_RANGE
			 " AND c.covers IS NOT NULL AND c.new_value IS NULL"
			 " AND (c.row_id = ?2 OR c.old_value = ?2) ORDER BY c.hlc", d, id, err);
	if (!s)
		return err ? err->status : TSU_DB;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		const struct set_def *sd = set_find((const char *)sqlite3_column_text(s, 0),
						    (const char *)sqlite3_column_text(s, 2));
		const char *owner = (const char *)sqlite3_column_text(s, 1);
		if (!sd || !sd->ref_table)
			continue;
		link_walk_add(w, cascade_set_kind(sd, strcmp(owner, id) == 0), sd, xstrdup(owner),
			      store_col_dup(s, 3));
	}
	store_finish(st, s);
	return step == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, "changelog");
}

/* The SQL expression naming row t of entity e: its title, the first
 * line-folded 40 characters of a long text, "人 → 団体 (役職)" for a
 * membership. */
static void title_sql(struct sbuf *sql, const struct entity_def *e)
{
	const struct field_def *f = entity_field(e, e->title_field);
	if (strcmp(e->name, "membership") == 0)
		sbuf_add(sql, "coalesce((SELECT name FROM party WHERE id = t.person_id), '') || ' → '"
			 " || coalesce((SELECT name FROM party WHERE id = t.org_id), '')"
			 " || coalesce(' (' || t.role || ')', '')");
	else if (f && f->type == FIELD_LONGTEXT)
		sbuf_addf(sql, "substr(replace(t.%s, char(10), ' '), 1, 40)", f->name);
	else
		sbuf_addf(sql, "t.%s", e->title_field);
}

/* A membership that went with one of its parties comes back with it, so
 * it is not listed on its own while that party is deleted (once the party
 * is back without it — its other party was deleted meanwhile — it is). */
#define NOT_CASCADED " AND NOT EXISTS (SELECT 1 FROM changelog o JOIN party x ON x.id = o.row_id" \
	" WHERE o.entity = 'party' AND x.deleted_at IS NOT NULL" \
	" AND o.field = '_deleted' AND o.row_id IN (t.person_id, t.org_id)" \
	" AND o.action_id = (SELECT d.action_id FROM changelog d WHERE d.row_id = t.id" \
	" AND d.field = '_deleted' ORDER BY d.hlc DESC LIMIT 1))"

static void deleted_sql(struct sbuf *sql, const struct entity_def *only)
{
	for (const struct entity_def *const *e = entity_all(); *e; e++) {
		if (only && only != *e)
			continue;
		sbuf_addf(sql, "%sSELECT '%s', t.id, ", sql->len ? " UNION ALL " : "", (*e)->name);
		title_sql(sql, *e);
		sbuf_addf(sql, ", t.deleted_at, t.updated_by, (SELECT max(hlc) FROM changelog d"
			  " WHERE d.row_id = t.id AND d.field = '_deleted') FROM %s t"
			  " WHERE t.deleted_at IS NOT NULL%s",
			  (*e)->table, strcmp((*e)->name, "membership") == 0 ? NOT_CASCADED : "");
	}
	sbuf_add(sql, " ORDER BY 4 DESC, 6 DESC, 2 DESC"); /* the stamp orders one second */
}

struct deleted_list {
	struct deleted_row *rows;
	size_t n;
};

static void deleted_list_free(struct deleted_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free((char *)l->rows[i].id);
		free((char *)l->rows[i].title);
		free((char *)l->rows[i].deleted_at);
		free((char *)l->rows[i].deleted_by);
	}
	free(l->rows);
}

static enum tsu_status count_links(struct store *st, struct deleted_row *r, struct tsu_error *err)
{
	const struct entity_def *e = entity_find(r->entity);
	struct deletion d;
	struct link_walk w = {0};
	enum tsu_status rc = find_deletion(st, e, r->id, &d, err);
	if (rc == TSU_OK)
		rc = action_links(st, r->id, &d, &w, err);
	for (size_t i = 0; i < w.n; i++)
		r->links.n[w.items[i].kind]++;
	link_walk_free(&w);
	return rc;
}

static enum tsu_status load_deleted(struct store *st, const char *entity, struct deleted_list *l,
				    struct tsu_error *err)
{
	const struct entity_def *only = entity ? entity_find(entity) : NULL;
	struct sbuf sql = {0};
	sqlite3_stmt *s;
	if (entity && !only)
		return tsu_fail(err, TSU_INVALID, "「%s」という種類はありません", entity);
	deleted_sql(&sql, only);
	enum tsu_status rc = store_prepare(st, sql.s, &s, err);
	sbuf_free(&sql);
	if (rc != TSU_OK)
		return rc;
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		const struct entity_def *e = entity_find((const char *)sqlite3_column_text(s, 0));
		l->rows = xrealloc(l->rows, (l->n + 1) * sizeof *l->rows);
		l->rows[l->n++] = (struct deleted_row){
			.entity = e->name, .entity_label = e->label, .id = store_col_dup(s, 1),
			.title = store_col_dup(s, 2), .deleted_at = store_col_dup(s, 3),
			.deleted_by = store_col_dup(s, 4)};
	}
	store_finish(st, s);
	if (step != SQLITE_DONE)
		return store_sql_fail(st, err, "deleted");
	for (size_t i = 0; i < l->n && rc == TSU_OK; i++)
		rc = count_links(st, &l->rows[i], err);
	return rc;
}

enum tsu_status store_deleted(struct store *st, const char *entity, store_deleted_cb cb,
			      void *ud, struct tsu_error *err)
{
	struct deleted_list l = {0};
	enum tsu_status rc = load_deleted(st, entity, &l, err);
	for (size_t i = 0; i < l.n && rc == TSU_OK; i++)
		if (cb(ud, &l.rows[i]))
			break;
	deleted_list_free(&l);
	return rc;
}

/* One row into temp.deleted_out, its link counts as a JSON object. */
static enum tsu_status json_row(struct store *st, const struct deleted_row *r,
				struct tsu_error *err)
{
	struct sbuf sql = {0};
	sqlite3_stmt *s;
	sbuf_add(&sql, "INSERT INTO temp.deleted_out(kind, label, id, title, deleted_at, deleted_by,"
		 " links) VALUES(?1, ?2, ?3, ?4, ?5, ?6, json_object(");
	for (int k = 0; k < STORE_LINK_COUNT; k++)
		sbuf_addf(&sql, "%s?%d, ?%d", k ? ", " : "", 7 + 2 * k, 8 + 2 * k);
	sbuf_add(&sql, "))");
	enum tsu_status rc = store_prepare(st, sql.s, &s, err);
	sbuf_free(&sql);
	if (rc != TSU_OK)
		return rc;
	const char *vals[] = {r->entity, r->entity_label, r->id, r->title, r->deleted_at,
			      r->deleted_by};
	store_bind_texts(s, 6, vals);
	for (int k = 0; k < STORE_LINK_COUNT; k++) {
		sqlite3_bind_text(s, 7 + 2 * k, link_words[k].key, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 8 + 2 * k, r->links.n[k]);
	}
	rc = sqlite3_step(s) == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, "deleted");
	store_finish(st, s);
	return rc;
}

enum tsu_status store_deleted_json(struct store *st, const char *entity, char **out,
				   struct tsu_error *err)
{
	struct deleted_list l = {0};
	sqlite3_stmt *s;
	*out = NULL;
	enum tsu_status rc = load_deleted(st, entity, &l, err);
	if (rc == TSU_OK)
		rc = store_exec(st, "CREATE TEMP TABLE IF NOT EXISTS deleted_out(seq INTEGER PRIMARY KEY,"
				" kind, label, id, title, deleted_at, deleted_by, links);"
				" DELETE FROM temp.deleted_out", err);
	for (size_t i = 0; i < l.n && rc == TSU_OK; i++)
		rc = json_row(st, &l.rows[i], err);
	deleted_list_free(&l);
	if (rc == TSU_OK && store_prepare(st, "SELECT coalesce(json_group_array(json_object('kind', kind,"
					  " 'label', label, 'id', id, 'title', title, 'deleted_at', deleted_at,"
					  " 'deleted_by', deleted_by, 'links', json(links))), '[]')"
					  " FROM (SELECT * FROM temp.deleted_out ORDER BY seq)", &s, err) == TSU_OK) {
		if (sqlite3_step(s) == SQLITE_ROW)
			*out = store_col_dup(s, 0);
		else
			rc = store_sql_fail(st, err, "deleted");
		store_finish(st, s);
	} else if (rc == TSU_OK) {
		rc = err ? err->status : TSU_DB;
	}
	store_exec(st, "DELETE FROM temp.deleted_out", NULL);
	return rc;
}

/* The name of row id as the list shows it (new string; the id when none). */
static char *row_title(struct store *st, const struct entity_def *e, const char *id)
{
	struct sbuf sql = {0};
	sqlite3_stmt *s;
	char *out = NULL;
	sbuf_add(&sql, "SELECT ");
	title_sql(&sql, e);
	sbuf_addf(&sql, " FROM %s t WHERE t.id = ?1", e->table);
	if (store_prepare(st, sql.s, &s, NULL) == TSU_OK) {
		sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(s) == SQLITE_ROW)
			out = store_col_dup(s, 0);
		store_finish(st, s);
	}
	sbuf_free(&sql);
	return out ? out : xstrdup(id);
}

/* 1: row id of `table` is live, 0: deleted or missing. */
static bool row_live(struct store *st, const char *table, const char *id)
{
	struct sbuf sql = {0};
	sqlite3_stmt *s;
	bool live = false;
	sbuf_addf(&sql, "SELECT 1 FROM %s WHERE id = ?1 AND deleted_at IS NULL", table);
	if (store_prepare(st, sql.s, &s, NULL) == TSU_OK) {
		sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
		live = sqlite3_step(s) == SQLITE_ROW;
		store_finish(st, s);
	}
	sbuf_free(&sql);
	return live;
}

static bool link_present(struct store *st, const struct set_def *d, const char *owner,
			 const char *value)
{
	struct sbuf sql = {0};
	sqlite3_stmt *s;
	bool there = false;
	sbuf_addf(&sql, "SELECT 1 FROM %s WHERE %s = ?1 AND %s = ?2", d->table, d->owner_col,
		  d->value_col);
	if (store_prepare(st, sql.s, &s, NULL) == TSU_OK) {
		const char *vals[] = {owner, value};
		store_bind_texts(s, 2, vals);
		there = sqlite3_step(s) == SQLITE_ROW;
		store_finish(st, s);
	}
	sbuf_free(&sql);
	return there;
}

/* The membership's two parties, when both are live. */
static bool membership_ends_live(struct store *st, const char *mid)
{
	sqlite3_stmt *s;
	bool live = false;
	if (store_prepare(st, "SELECT 1 FROM membership m JOIN party a ON a.id = m.person_id"
			  " JOIN party b ON b.id = m.org_id WHERE m.id = ?1 AND a.deleted_at IS NULL"
			  " AND b.deleted_at IS NULL", &s, NULL) == TSU_OK) {
		sqlite3_bind_text(s, 1, mid, -1, SQLITE_TRANSIENT);
		live = sqlite3_step(s) == SQLITE_ROW;
		store_finish(st, s);
	}
	return live;
}

/* Brings one link back where it is still gone and both ends are live. */
static enum tsu_status restore_link(struct store *st, const struct link_item *it,
				    struct restore_result *out, struct tsu_error *err)
{
	enum tsu_status rc = TSU_OK;
	if (!it->d) {
		if (row_live(st, "membership", it->owner))
			return TSU_OK; /* back already */
		if (!membership_ends_live(st, it->owner)) {
			out->skipped++;
			return TSU_OK;
		}
		rc = record_restore(st, entity_find("membership"), it->owner, err);
	} else {
		if (link_present(st, it->d, it->owner, it->value))
			return TSU_OK;
		if (!row_live(st, entity_find(it->d->entity)->table, it->owner) ||
		    !row_live(st, entity_find(it->d->ref_table)->table, it->value)) {
			out->skipped++;
			return TSU_OK;
		}
		rc = sets_add_element(st, it->d, it->owner, it->value, err);
	}
	if (rc == TSU_OK)
		out->links.n[it->kind]++;
	return rc;
}

/* A membership alone comes back only between two live parties. */
static enum tsu_status restorable(struct store *st, const struct entity_def *e, const char *id,
				  const char *title, struct tsu_error *err)
{
	struct record *r = NULL;
	enum tsu_status rc = store_get(st, e->name, id, true, &r, NULL);
	bool deleted = rc == TSU_OK && r->deleted_at;
	record_free(r);
	if (rc != TSU_OK)
		return tsu_fail(err, TSU_NOT_FOUND, "削除された%s %s が見つかりません", e->label, id);
	if (!deleted)
		return tsu_fail(err, TSU_NOT_FOUND, "%s「%s」は削除されていません", e->label, title);
	if (strcmp(e->name, "membership") == 0 && !membership_ends_live(st, id))
		return tsu_fail(err, TSU_INVALID, "「%s」の団体か個人が削除されています。"
				"先にそちらを元に戻してください", title);
	return TSU_OK;
}

void restore_result_free(struct restore_result *r)
{
	free(r->title);
	r->title = NULL;
}

enum tsu_status store_restore(struct store *st, const char *entity, const char *id,
			      struct restore_result *out, struct tsu_error *err)
{
	const struct entity_def *e = entity_find(entity);
	struct link_walk w = {0};
	struct deletion d;
	*out = (struct restore_result){0};
	if (!e)
		return tsu_fail(err, TSU_INVALID, "「%s」という種類はありません", entity);
	out->title = row_title(st, e, id);
	enum tsu_status rc = restorable(st, e, id, out->title, err);
	if (rc == TSU_OK)
		rc = store_begin(st, err);
	if (rc != TSU_OK)
		return rc;
	rc = find_deletion(st, e, id, &d, err);
	if (rc == TSU_OK)
		rc = action_links(st, id, &d, &w, err);
	if (rc == TSU_OK)
		rc = record_restore(st, e, id, err);
	for (size_t i = 0; i < w.n && rc == TSU_OK; i++)
		rc = restore_link(st, &w.items[i], out, err);
	link_walk_free(&w);
	if (rc == TSU_OK)
		return store_commit(st, err);
	store_rollback(st);
	return rc;
}
