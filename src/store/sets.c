/*
 * FIELD_SET fields (party areas and offers, task parties and needs, staff
 * areas) are sets that merge element by element (DESIGN §5).
 *
 * The link table holds the live elements only, keyed by (owner, value);
 * the change log holds how they came and went.  An element added in a
 * record's creation is part of the creation change; added later it is a
 * change of its own (new_value = element); removed, it is a change whose
 * `covers` lists the add changes the remover saw.  An element is live
 * while some add of it is covered by no removal — so additions made on two
 * copies both survive, and a removal takes away only what it saw.  The
 * same rule computes the set when a merge replays a record (sets_replay).
 */
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "tsunagu/textnorm.h"

/* Each set, with the statements that put one element in its link table
 * and take one out (schema 11: the table holds the rowids of the
 * owner and of a referenced row; the ids are looked up here), written out
 * once here (not formatted for every element of an import). */
#define OWNER(otab) "(SELECT rowid FROM " otab " WHERE id = ?1)"
#define SET(entity, field, table, owner, value, otab, ref, value_sql) \
	{entity, field, table, owner, value, ref, table "_link", \
	 "INSERT INTO " table "_link(owner, value, added) VALUES(" OWNER(otab) ", " value_sql \
	 ", ?3) ON CONFLICT DO UPDATE SET added = excluded.added", \
	 "INSERT INTO " table "_link(owner, value, added) VALUES(?1, " value_sql ", ?3)", \
	 "DELETE FROM " table "_link WHERE owner = " OWNER(otab) " AND value = " value_sql}
#define REF(vtab) vtab, "(SELECT rowid FROM " vtab " WHERE id = ?2)"
#define TAG NULL, "?2"
#define LINK(...) SET(__VA_ARGS__) /* REF and TAG give two arguments each */
static const struct set_def set_defs[] = {
	LINK("party", "areas",  "party_area", "party_id", "area_id",  "party", REF("area")),
	LINK("party", "offers", "offer",      "party_id", "tag",      "party", TAG),
	LINK("task",  "parties","task_party", "task_id",  "party_id", "task",  REF("party")),
	LINK("task",  "needs",  "task_need",  "task_id",  "tag",      "task",  TAG),
	LINK("staff", "areas",  "staff_area", "staff_id", "area_id",  "staff", REF("area")),
	LINK("event", "participants", "event_party", "event_id", "party_id", "event", REF("party")),
};
#undef LINK
#undef REF
#undef TAG
#undef OWNER
#undef SET

const struct set_def *set_find(const char *entity, const char *field)
{
	for (size_t i = 0; i < sizeof set_defs / sizeof set_defs[0]; i++)
		if (strcmp(set_defs[i].entity, entity) == 0 && strcmp(set_defs[i].field, field) == 0)
			return &set_defs[i];
	return NULL;
}

const struct set_def *sets_all(size_t *n)
{
	*n = sizeof set_defs / sizeof set_defs[0];
	return set_defs;
}

/* Shown value of the live set: names for references, tags otherwise,
 * joined with ","; NULL when empty. */
char *sets_read(struct store *st, const struct entity_def *e, const char *id,
		const struct field_def *f)
{
	const struct set_def *d = set_find(e->name, f->name);
	struct sbuf sql = {0}, out = {0};
	sqlite3_stmt *s;
	if (!d)
		return NULL;
	if (d->ref_table)
		sbuf_addf(&sql, "SELECT r.name FROM %s l JOIN %s r ON r.id = l.%s"
			  " WHERE l.%s = ?1 AND r.deleted_at IS NULL ORDER BY l.added, l.%s",
			  d->table, d->ref_table, d->value_col, d->owner_col, d->value_col);
	else
		sbuf_addf(&sql, "SELECT %s FROM %s WHERE %s = ?1 ORDER BY added, %s",
			  d->value_col, d->table, d->owner_col, d->value_col);
	if (store_prepare(st, sql.s, &s, NULL) == TSU_OK) {
		sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
		while (sqlite3_step(s) == SQLITE_ROW)
			sbuf_addf(&out, "%s%s", out.len ? "," : "", sqlite3_column_text(s, 0));
		store_finish(st, s);
	}
	sbuf_free(&sql);
	return out.len ? sbuf_detach(&out) : NULL;
}

char *store_set_ids(struct store *st, const char *entity, const char *id, const char *field)
{
	const struct set_def *d = set_find(entity, field);
	struct sbuf sql = {0}, out = {0};
	sqlite3_stmt *s;
	if (!d || !d->ref_table)
		return NULL;
	sbuf_addf(&sql, "SELECT r.id FROM %s l JOIN %s r ON r.id = l.%s"
		  " WHERE l.%s = ?1 AND r.deleted_at IS NULL ORDER BY l.added, l.%s",
		  d->table, d->ref_table, d->value_col, d->owner_col, d->value_col);
	if (store_prepare(st, sql.s, &s, NULL) == TSU_OK) {
		sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
		while (sqlite3_step(s) == SQLITE_ROW)
			sbuf_addf(&out, "%s%s", out.len ? "," : "", sqlite3_column_text(s, 0));
		store_finish(st, s);
	}
	sbuf_free(&sql);
	return out.len ? sbuf_detach(&out) : NULL;
}

/* Resolves each item to what the link table stores (ids for references). */
static enum tsu_status resolve_items(struct store *st, const struct field_def *f, char **items,
				     size_t n, struct tsu_error *err)
{
	for (size_t i = 0; i < n && f->ref; i++) {
		uuid_str id;
		if (store_resolve(st, f->ref, items[i], id, err) != TSU_OK)
			return err ? err->status : TSU_NOT_FOUND;
		free(items[i]);
		items[i] = xstrdup(id);
	}
	return TSU_OK;
}

/* A party's area put or taken other than in a new record: an import
 * then counts the areas again at its end (derived.c). */
static void note_area_link(struct store *st, const struct set_def *d)
{
	if (strcmp(d->link, "party_area_link") == 0)
		derived_area_link_touched(st);
}

static enum tsu_status link_put(struct store *st, const struct set_def *d, const char *owner,
				const char *value, uint64_t added, struct tsu_error *err)
{
	sqlite3_stmt *s;
	note_area_link(st, d);
	enum tsu_status rc = store_prepare(st, d->put_sql, &s, err);
	if (rc != TSU_OK)
		return rc;
	sqlite3_bind_text(s, 1, owner, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, value, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)added);
	rc = sqlite3_step(s) == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, d->table);
	store_finish(st, s);
	return rc;
}

/* An element of a new record (?1 its rowid), not in its set yet: a plain
 * insert.  The upsert of link_put can update a row, so it fires the TEMP
 * triggers on updates of the link table (creation.c) and copies every
 * page it touches into a statement journal; an import puts every element
 * of every new record. */
static enum tsu_status link_add(struct store *st, const struct set_def *d, sqlite3_int64 owner,
				const char *value, struct tsu_error *err)
{
	sqlite3_stmt *s;
	enum tsu_status rc = store_prepare(st, d->add_sql, &s, err);
	if (rc != TSU_OK)
		return rc;
	sqlite3_bind_int64(s, 1, owner);
	sqlite3_bind_text(s, 2, value, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 3, 0);
	rc = sqlite3_step(s) == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, d->table);
	store_finish(st, s);
	return rc;
}

static enum tsu_status link_drop(struct store *st, const struct set_def *d, const char *owner,
				 const char *value, struct tsu_error *err)
{
	sqlite3_stmt *s;
	note_area_link(st, d);
	enum tsu_status rc = store_prepare(st, d->drop_sql, &s, err);
	if (rc != TSU_OK)
		return rc;
	sqlite3_bind_text(s, 1, owner, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, value, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s) == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, d->table);
	store_finish(st, s);
	return rc;
}

/* The add changes of every element of (owner, field) as (id, value,
 * stamp): element changes, and the creation's arrays (stamp 0, so that
 * what a record was created with sorts first). */
#define SET_ADDS \
	"WITH adds(id, v, h) AS (" \
	" SELECT change_id, new_value, hlc FROM changelog WHERE row_id = ?1 AND field = ?2" \
	"  AND old_value IS NULL AND new_value IS NOT NULL" \
	" UNION ALL SELECT c.change_id, j.value, 0 FROM changelog c, json_each(c.new_value, '$.' || ?2) j" \
	"  WHERE c.row_id = ?1 AND c.field = '_created')," \
	" covered(id, v) AS (SELECT j.value, c.old_value FROM changelog c, json_each(c.covers) j" \
	"  WHERE c.row_id = ?1 AND c.field = ?2 AND c.covers IS NOT NULL) "
/* An add stays live until a removal of the same element covers it (one
 * creation change adds several elements under one id). */
#define UNCOVERED "NOT EXISTS (SELECT 1 FROM covered k WHERE k.id = adds.id AND k.v = adds.v)"

/* JSON array of the uncovered add changes of one element: what a removal
 * made now has seen. */
static char *live_adds(struct store *st, const char *owner, const char *field, const char *value,
		       struct tsu_error *err)
{
	sqlite3_stmt *s;
	char *out = NULL;
	if (store_prepare(st, SET_ADDS "SELECT json_group_array(id) FROM adds"
			  " WHERE v = ?3 AND " UNCOVERED, &s, err))
		return NULL;
	const char *vals[] = {owner, field, value};
	store_bind_texts(s, 3, vals);
	if (sqlite3_step(s) == SQLITE_ROW)
		out = store_col_dup(s, 0);
	else
		store_sql_fail(st, err, "changelog");
	store_finish(st, s);
	return out;
}

static bool in_list(char **items, size_t n, const char *v)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(items[i], v) == 0)
			return true;
	return false;
}

/* The stored values of the live set (ids for references). */
static size_t live_values(struct store *st, const struct set_def *d, const char *owner,
			  char ***out)
{
	struct sbuf sql = {0};
	sqlite3_stmt *s;
	size_t n = 0;
	*out = NULL;
	sbuf_addf(&sql, "SELECT %s FROM %s WHERE %s = ?1", d->value_col, d->table, d->owner_col);
	if (store_prepare(st, sql.s, &s, NULL) == TSU_OK) {
		sqlite3_bind_text(s, 1, owner, -1, SQLITE_TRANSIENT);
		while (sqlite3_step(s) == SQLITE_ROW) {
			*out = xrealloc(*out, (n + 1) * sizeof **out);
			(*out)[n++] = store_col_dup(s, 0);
		}
		store_finish(st, s);
	}
	sbuf_free(&sql);
	return n;
}

/* The live elements of owner from the change log, as (value, stamp of its
 * latest live add). */
static size_t replayed_values(struct store *st, const struct set_def *d, const char *owner,
			      char ***values, uint64_t **added, struct tsu_error *err)
{
	sqlite3_stmt *s;
	size_t n = 0;
	*values = NULL;
	*added = NULL;
	if (store_prepare(st, SET_ADDS "SELECT v, max(h) FROM adds WHERE " UNCOVERED " GROUP BY v",
			  &s, err))
		return (size_t)-1;
	const char *vals[] = {owner, d->field};
	store_bind_texts(s, 2, vals);
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		*values = xrealloc(*values, (n + 1) * sizeof **values);
		*added = xrealloc(*added, (n + 1) * sizeof **added);
		(*values)[n] = store_col_dup(s, 0);
		(*added)[n++] = (uint64_t)sqlite3_column_int64(s, 1);
	}
	if (step != SQLITE_DONE) {
		store_sql_fail(st, err, "changelog");
		value_free_list(*values, n);
		free(*added);
		*values = NULL;
		*added = NULL;
		n = (size_t)-1;
	}
	store_finish(st, s);
	return n;
}

/* The link table made to hold what the change log says: the elements no
 * longer live taken out one by one, the live ones put (their stamps may
 * have moved).  Not all taken out and put back: a record new here has
 * none to take out, and SQLite deletes an owner's elements through a
 * temporary table of their keys, a merge's 10,000 records as many. */
enum tsu_status sets_replay(struct store *st, const struct set_def *d, const char *owner,
			    struct tsu_error *err)
{
	char **values, **now;
	uint64_t *added;
	size_t n = replayed_values(st, d, owner, &values, &added, err);
	if (n == (size_t)-1)
		return err ? err->status : TSU_DB;
	size_t nnow = live_values(st, d, owner, &now);
	enum tsu_status rc = TSU_OK;
	for (size_t i = 0; i < nnow && rc == TSU_OK; i++)
		if (!in_list(values, n, now[i]))
			rc = link_drop(st, d, owner, now[i], err);
	for (size_t i = 0; i < n && rc == TSU_OK; i++)
		rc = link_put(st, d, owner, values[i], added[i], err);
	value_free_list(now, nnow);
	value_free_list(values, n);
	free(added);
	return rc;
}

/* The owner's creation, whose elements are still the link table's own
 * (creation.c), written out before the set changes. */
static enum tsu_status pin_owner(struct store *st, const struct set_def *d, const char *owner,
				 struct tsu_error *err)
{
	const struct entity_def *e = entity_find(d->entity);
	return e ? creation_pin(st, e, owner, err) : TSU_OK;
}

static enum tsu_status remove_one(struct store *st, const struct set_def *d, const char *owner,
				  const char *value, struct tsu_error *err)
{
	/* the creation's elements are read from it: written out first */
	char *covers = pin_owner(st, d, owner, err) != TSU_OK ? NULL :
		       live_adds(st, owner, d->field, value, err);
	enum tsu_status rc = covers ? changelog_add(st, d->entity, owner, d->field, value, NULL,
						    covers, NULL, err) : TSU_DB;
	if (rc == TSU_OK)
		rc = link_drop(st, d, owner, value, err);
	free(covers);
	return rc;
}

static enum tsu_status add_one(struct store *st, const struct set_def *d, const char *owner,
			       const char *value, struct tsu_error *err)
{
	uint64_t hlc;
	enum tsu_status rc = pin_owner(st, d, owner, err);
	if (rc == TSU_OK)
		rc = changelog_add(st, d->entity, owner, d->field, NULL, value, NULL, &hlc, err);
	return rc == TSU_OK ? link_put(st, d, owner, value, hlc, err) : rc;
}

enum tsu_status sets_remove_element(struct store *st, const struct set_def *d, const char *owner,
				    const char *value, struct tsu_error *err)
{
	enum tsu_status rc = remove_one(st, d, owner, value, err);
	return rc == TSU_OK ? record_touch(st, d->entity, owner, err) : rc;
}

enum tsu_status sets_add_element(struct store *st, const struct set_def *d, const char *owner,
				 const char *value, struct tsu_error *err)
{
	enum tsu_status rc = add_one(st, d, owner, value, err);
	return rc == TSU_OK ? record_touch(st, d->entity, owner, err) : rc;
}

enum tsu_status sets_element(struct store *st, const struct set_def *d, const char *owner,
			     const char *value, bool add, bool *changed, struct tsu_error *err)
{
	char **cur;
	size_t ncur = live_values(st, d, owner, &cur);
	bool live = in_list(cur, ncur, value);
	value_free_list(cur, ncur);
	*changed = live != add;
	if (!*changed)
		return TSU_OK;
	return add ? sets_add_element(st, d, owner, value, err)
		   : sets_remove_element(st, d, owner, value, err);
}

/* Removes what is not in items and adds what is new, one change each. */
static enum tsu_status apply_diff(struct store *st, const struct set_def *d, const char *owner,
				  char **items, size_t n, bool *changed, struct tsu_error *err)
{
	char **cur;
	size_t ncur = live_values(st, d, owner, &cur);
	enum tsu_status rc = TSU_OK;
	for (size_t i = 0; i < ncur && rc == TSU_OK; i++) {
		if (in_list(items, n, cur[i]))
			continue;
		rc = remove_one(st, d, owner, cur[i], err);
		*changed = true;
	}
	for (size_t i = 0; i < n && rc == TSU_OK; i++) {
		if (in_list(cur, ncur, items[i]) || in_list(items, i, items[i]))
			continue;
		rc = add_one(st, d, owner, items[i], err);
		*changed = true;
	}
	value_free_list(cur, ncur);
	return rc;
}

/* The sign an element starts with ("+見守り", "－配食"): 1 adds, -1
 * removes, 0 none; *len is the sign's length in bytes. */
static int element_sign(const char *s, size_t *len)
{
	*len = 1;
	if (*s == '+' || *s == '-')
		return *s == '+' ? 1 : -1;
	*len = 3;
	if (strncmp(s, "＋", 3) == 0 || strncmp(s, "－", 3) == 0)
		return strncmp(s, "＋", 3) == 0 ? 1 : -1;
	*len = 0;
	return 0;
}

/* A dash alone, which hand-made lists write in a cell that has nothing:
 * the empty set, not an element to take away. */
static bool element_is_dash(const char *s)
{
	static const char *const dashes[] = {"-", "－", "‐", "―", "−", "ー"};
	for (size_t i = 0; i < sizeof dashes / sizeof dashes[0]; i++)
		if (strcmp(s, dashes[i]) == 0)
			return true;
	return false;
}

/* A value whose every element has a sign ("+見守り,-配食") changes the set
 * element by element; items lose their signs and signs[i] says which.
 * False when no element has one; TSU_INVALID in *rc when only some do. */
static bool signed_items(const struct field_def *f, char **items, size_t n, int *signs,
			 enum tsu_status *rc, struct tsu_error *err)
{
	size_t nsigned = 0;
	for (size_t i = 0; i < n; i++) {
		size_t len;
		signs[i] = element_sign(items[i], &len);
		nsigned += signs[i] != 0;
	}
	if (nsigned == 0)
		return false;
	if (nsigned < n) {
		*rc = tsu_fail(err, TSU_INVALID,
			       "%s: 「+」(加える) か「-」(外す) を付けるときは、すべての項目に付けてください",
			       f->label);
		return true;
	}
	for (size_t i = 0; i < n; i++) {
		size_t len;
		element_sign(items[i], &len);
		char *t = text_trim(items[i] + len);
		free(items[i]);
		items[i] = t;
		if (!*t)
			*rc = tsu_fail(err, TSU_INVALID, "%s: 「+」「-」のあとに項目がありません", f->label);
	}
	return true;
}

/* Adds the "+" items that are not in the set, removes the "-" ones that
 * are; the others stay as they are. */
static enum tsu_status apply_signed(struct store *st, const struct set_def *d, const char *owner,
				    char **items, const int *signs, size_t n, bool *changed,
				    struct tsu_error *err)
{
	char **cur = NULL;
	size_t ncur = live_values(st, d, owner, &cur);
	enum tsu_status rc = TSU_OK;
	for (size_t i = 0; i < n && rc == TSU_OK; i++) {
		bool live = in_list(cur, ncur, items[i]);
		bool seen = in_list(items, i, items[i]);
		if (signs[i] > 0 && !live && !seen)
			rc = add_one(st, d, owner, items[i], err);
		else if (signs[i] < 0 && live && !seen)
			rc = remove_one(st, d, owner, items[i], err);
		else
			continue;
		*changed = true;
	}
	value_free_list(cur, ncur);
	return rc;
}

enum tsu_status sets_given(struct store *st, const struct entity_def *e,
			   const struct field_def *f, const char *value, struct set_given *g,
			   struct tsu_error *err)
{
	*g = (struct set_given){.d = set_find(e->name, f->name)};
	if (!g->d)
		return tsu_fail(err, TSU_INVALID, "「%s」は変更できません", f->label);
	g->n = value_split_set(value, &g->items);
	if (g->n == 1 && element_is_dash(g->items[0])) {   /* "-": none, as lists write it */
		value_free_list(g->items, g->n);
		g->items = NULL;
		g->n = 0;
	}
	g->signs = xcalloc(g->n ? g->n : 1, sizeof *g->signs);
	enum tsu_status rc = TSU_OK;
	g->delta = signed_items(f, g->items, g->n, g->signs, &rc, err);
	return rc == TSU_OK ? resolve_items(st, f, g->items, g->n, err) : rc;
}

bool sets_given_puts(const struct set_given *g, size_t i)
{
	return (!g->delta || g->signs[i] > 0) && !in_list(g->items, i, g->items[i]);
}

enum tsu_status sets_put_new(struct store *st, sqlite3_int64 owner, const struct set_given *g,
			     struct tsu_error *err)
{
	enum tsu_status rc = TSU_OK;
	for (size_t i = 0; i < g->n && rc == TSU_OK; i++)
		if (sets_given_puts(g, i))
			rc = link_add(st, g->d, owner, g->items[i], err);
	return rc;
}

void sets_given_free(struct set_given *g)
{
	free(g->signs);
	value_free_list(g->items, g->n);
	*g = (struct set_given){0};
}

enum tsu_status sets_write(struct store *st, const struct entity_def *e, const char *id,
			   const struct field_def *f, const char *value, bool *changed,
			   struct tsu_error *err)
{
	struct set_given g;
	enum tsu_status rc = sets_given(st, e, f, value, &g, err);
	if (rc == TSU_OK && g.delta)
		rc = apply_signed(st, g.d, id, g.items, g.signs, g.n, changed, err);
	else if (rc == TSU_OK)
		rc = apply_diff(st, g.d, id, g.items, g.n, changed, err);
	sets_given_free(&g);
	return rc;
}
