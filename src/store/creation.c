/*
 * A record's creation change (DESIGN §5) and where its values are kept.
 *
 * The creation change of a row holds the row's fields as one JSON object
 * (set fields as arrays).  While the row is as it was created, that object
 * is the row itself, so the change is written with new_value NULL and the
 * row stands for it: an import of 100,000 rows does not store every row
 * twice (issue 7).  The first time anything changes the row or one of its
 * sets, the object is made from the row as it still is and written into
 * the change ("pinned"), before the change goes in.  TEMP triggers on
 * every entity table (update, delete) and link table (update, delete) do
 * that (creation_triggers), so no write path can forget it; adding a set
 * element (sets.c, the one place that puts an element after a creation),
 * replay and a set removal, which read the creation before they write,
 * pin it themselves first.
 *
 * Readers of a creation change therefore take new_value when it is there
 * and the row's object when it is not: history through creation_value;
 * merge through creation_filled_sql, in the statement that copies the
 * other file's (or this file's) changes; sync's change file the same way,
 * in the statement that copies the log (changefile.c), so that what
 * travels between files is always whole and this file stays as it was.
 *
 * A migration that rewrites rows must pin their creations first: the
 * TEMP triggers do not exist while migrations run.
 */
#include <stdlib.h>
#include <string.h>
#include "internal.h"

/* "(SELECT json_patch('{}', json_object('name', t.name, ..., 'offers',
 *  (SELECT json_group_array(...) FROM [schema.]offer ...))) FROM
 *  [schema.]party t WHERE t.id = ID)": the object of one row, typed
 * values, NULLs left out, elements in the order they came. */
void creation_json_sql(struct sbuf *sql, const struct entity_def *e, const char *schema,
		       const char *id_expr)
{
	const char *dot = schema && *schema ? "." : "";
	if (!schema)
		schema = "";
	sbuf_add(sql, "(SELECT json_patch('{}', json_object(");
	for (int i = 0; i < e->nfields; i++) {
		const struct field_def *f = &e->fields[i];
		const struct set_def *d = f->type == FIELD_SET ? set_find(e->name, f->name) : NULL;
		sbuf_addf(sql, "%s'%s', ", i ? ", " : "", f->name);
		if (d)
			sbuf_addf(sql, "json(nullif((SELECT json_group_array(x.%s) FROM"
				  " (SELECT %s FROM %s%s%s WHERE %s = t.id ORDER BY added, %s) x), '[]'))",
				  d->value_col, d->value_col, schema, dot, d->table, d->owner_col,
				  d->value_col);
		else
			sbuf_addf(sql, "t.%s", f->name);
	}
	sbuf_addf(sql, ")) FROM %s%s%s t WHERE t.id = %s)", schema, dot, e->table, id_expr);
}

/* UPDATE changes SET new_value = <the row's object> for the unpinned
 * creation of ID. */
static void pin_sql(struct sbuf *sql, const struct entity_def *e, const char *id_expr)
{
	sbuf_add(sql, "UPDATE changes SET new_value = ");
	creation_json_sql(sql, e, NULL, id_expr);
	sbuf_addf(sql, " WHERE row_id = %s AND field = '_created' AND new_value IS NULL", id_expr);
}

/* Before a row of `table` is changed or taken out, the creation of the
 * record it belongs to (id_expr, of OLD) is pinned.  On an entity table
 * the record is the row itself (OLD.id); on a link table its owner, whose
 * rowid the link holds (schema 11).
 * Elements put in a link table are not watched: a trigger run for each of
 * an import's links cost more than the creation's copy saved; the one
 * place that adds an element after a creation (sets.c, add_one) pins
 * first, and replay pins before it rebuilds a set. */
static void triggers_on(struct sbuf *sql, const struct entity_def *e, const char *table,
			const char *id_expr)
{
	static const char *const when[] = {"UPDATE", "DELETE"};
	for (int w = 0; w < 2; w++) {
		sbuf_addf(sql, "CREATE TEMP TRIGGER IF NOT EXISTS pin_%s_%c BEFORE %s ON main.%s BEGIN ",
			  table, when[w][0], when[w], table);
		pin_sql(sql, e, id_expr);
		sbuf_add(sql, "; END;");
	}
}

/* Once per connection, at its first write (made at open, they would cost
 * every read-only command and the app's first frame some 3 ms of parsing),
 * outside any transaction (a rollback would take TEMP triggers made inside
 * it away).  Every statement cached before is prepared again at its next
 * step (the schema changed): none may keep what it gave before that step,
 * such as column names (related.c). */
enum tsu_status creation_triggers(struct store *st, struct tsu_error *err)
{
	if (st->pins_ready || st->readonly)
		return TSU_OK;
	struct sbuf sql = {0}, owner = {0};
	for (const struct entity_def *const *e = entity_all(); *e; e++) {
		triggers_on(&sql, *e, (*e)->table, "OLD.id");
		sbuf_reset(&owner);
		sbuf_addf(&owner, "(SELECT id FROM main.%s WHERE rowid = OLD.owner)", (*e)->table);
		for (int i = 0; i < (*e)->nfields; i++) {
			const struct set_def *d = (*e)->fields[i].type == FIELD_SET ?
				set_find((*e)->name, (*e)->fields[i].name) : NULL;
			if (d)
				triggers_on(&sql, *e, d->link, owner.s);
		}
	}
	sbuf_free(&owner);
	enum tsu_status rc = store_exec(st, sql.s, err);
	sbuf_free(&sql);
	st->pins_ready = rc == TSU_OK;
	return rc;
}

/* The pin statement of e with ?1 the row's id (replay pins every row a
 * merge touches: made once per open file, store_entity_sql). */
static void pin_by_id(struct sbuf *sql, const struct entity_def *e)
{
	pin_sql(sql, e, "?1");
}

enum tsu_status creation_pin(struct store *st, const struct entity_def *e, const char *row_id,
			     struct tsu_error *err)
{
	sqlite3_stmt *s;
	const char *sql = store_entity_sql(st, e, ENTITY_SQL_PIN, pin_by_id);
	if (!sql)
		return TSU_OK; /* not a kind of entity.c: no creation of its own */
	enum tsu_status rc = store_prepare(st, sql, &s, err);
	if (rc != TSU_OK)
		return rc;
	sqlite3_bind_text(s, 1, row_id, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s) == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, "changelog");
	store_finish(st, s);
	return rc;
}

void creation_filled_sql(struct sbuf *sql, const char *source, const char *alias)
{
	struct sbuf id = {0};
	sbuf_addf(&id, "%s.row_id", alias);
	sbuf_addf(sql, "CASE WHEN %s.field = '_created' AND %s.new_value IS NULL THEN CASE %s.entity",
		  alias, alias, alias);
	for (const struct entity_def *const *e = entity_all(); *e; e++) {
		sbuf_addf(sql, " WHEN '%s' THEN ", (*e)->name);
		creation_json_sql(sql, *e, source, id.s);
	}
	sbuf_addf(sql, " END ELSE %s.new_value END", alias);
	sbuf_free(&id);
}

char *creation_value(struct store *st, const struct entity_def *e, const char *row_id)
{
	struct sbuf sql = {0};
	sqlite3_stmt *s;
	char *out = NULL;
	sbuf_add(&sql, "SELECT ");
	creation_json_sql(&sql, e, NULL, "?1");
	enum tsu_status rc = store_prepare(st, sql.s, &s, NULL);
	sbuf_free(&sql);
	if (rc != TSU_OK)
		return NULL;
	sqlite3_bind_text(s, 1, row_id, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(s) == SQLITE_ROW)
		out = store_col_dup(s, 0);
	store_finish(st, s);
	return out;
}
