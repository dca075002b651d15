/*
 * Search (DESIGN §6).  Each searchable row has one document: its text run
 * through text_search_key (NFKC, case, hiragana -> katakana, no spaces or
 * punctuation), which the indexes' tokenizer (gramtok.c, schema 10) cuts
 * into overlapping two-character grams, plus the last character alone:
 * "スズキ" -> "スズ ズキ キ".  A query is written in grams, so:
 *   1 character  -> prefix query  "ズ" *      (grams starting with it)
 *   2 characters -> one token     "スズ"
 *   3 or more    -> a phrase      "スズ ズキ" (consecutive grams)
 * All three use the index; nothing is scanned, whatever the size.
 *
 * Parties have an index of their own, `search_party` (schema 7): one
 * document per live party, under the party's own rowid, holding its text,
 * the text of its log entries and a token "_a<area id>" per area it works
 * in ('_' is a token character there, and no search key has one).  So the
 * directory's count is the index's count, its page a lookup by rowid, and
 * an area's search one more term (search_directory.c).  A one-character
 * query reads the lists of the grams that start with it together: no
 * list by first character is kept (schema 14: it was half the index).
 *
 * Tasks and the log entries of tasks and areas are in `search_index`
 * (schema 12), each document under its row's own rowid, doubled so that
 * the two tables' rowids cannot meet: a task's under rowid * 2, a log
 * entry's under rowid * 2 + 1 (SEARCH_DOC_TASK, SEARCH_DOC_LOG).  Whose
 * a document is follows from the row: a task's is its own, a log entry's
 * its task's or, without one, its area's.  So no table maps documents to
 * rows (search_doc, 72 MB of a city's file until schema 12: two UUIDs a
 * document, indexed twice), and a log entry moved to another task is
 * found under the one it is in now.  Rowids stay with their rows: a row
 * is never deleted and inserted again (replay updates in place, ON
 * CONFLICT DO UPDATE), and VACUUM keeps the rowids of these tables, as
 * the party index needs too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "tsunagu/textnorm.h"
#include "tsunagu/utf8.h"

/* Appends the search key of one piece of text and a space: a document's
 * text, which the indexes' tokenizer cuts into grams (gramtok.c). */
static void search_add_key(struct sbuf *out, const char *text)
{
	if (!text || !*text)
		return;
	char *key = text_search_key(text);
	if (*key) {
		sbuf_add(out, key);
		sbuf_addc(out, ' ');
	}
	free(key);
}

/* Appends the grams of one piece of text (a query's). */
void search_add_grams(struct sbuf *out, const char *text)
{
	if (!text || !*text)
		return;
	char *key = text_search_key(text);
	const char *p = key, *end = key + strlen(key);
	while (p < end) {
		int32_t cp;
		size_t a = utf8_decode(p, (size_t)(end - p), &cp);
		size_t b = p + a < end ? utf8_decode(p + a, (size_t)(end - p - a), &cp) : 0;
		sbuf_addn(out, p, a + b);
		sbuf_addc(out, ' ');
		p += a;
	}
	free(key);
}

/* A set field's text as sets_read joins it, read from its link table by
 * the owner's rowid (the owner's row is at hand; through the view, by its
 * id, was a look-up more for every document an import makes). */
#define SET_TEXT(table, alias) "(SELECT group_concat(value, ',') FROM (SELECT value FROM " \
	table "_link WHERE owner = " alias ".rowid ORDER BY added, value))"

/* The searchable text of a task or a log entry (columns 0-2), its
 * document's rowid in search_index (3) and whether it is live (4). */
static const char *doc_sql(const char *entity)
{
	if (strcmp(entity, "task") == 0)
		return "SELECT title, body, " SET_TEXT("task_need", "t") ", "
		       SEARCH_DOC_TASK("rowid") ", deleted_at IS NULL FROM task t WHERE id = ?1";
	return "SELECT text, NULL, NULL, " SEARCH_DOC_LOG("rowid") ", deleted_at IS NULL"
	       " FROM log_entry WHERE id = ?1";
}

/* The rowid of the document of a task or a task's or area's log entry
 * (0: no such row) and, when the row is live, its grams. */
static enum tsu_status doc_text(struct store *st, const char *entity, const char *id,
				struct sbuf *grams, sqlite3_int64 *rowid, bool *live,
				struct tsu_error *err)
{
	sqlite3_stmt *s;
	if (store_prepare(st, doc_sql(entity), &s, err))
		return err ? err->status : TSU_DB;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	int step = sqlite3_step(s);
	*rowid = step == SQLITE_ROW ? sqlite3_column_int64(s, 3) : 0;
	*live = step == SQLITE_ROW && sqlite3_column_int(s, 4);
	for (int i = 0; i < 3 && *live; i++)
		search_add_key(grams, (const char *)sqlite3_column_text(s, i));
	store_finish(st, s);
	return step == SQLITE_ROW || step == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, "search");
}

enum tsu_status search_write_doc(struct store *st, bool party, sqlite3_int64 rowid,
				 const char *grams, struct tsu_error *err)
{
	static const char *const sql[2][2] = {
		{"DELETE FROM search_index WHERE rowid = ?1",
		 "INSERT INTO search_index(rowid, grams) VALUES(?1, ?2)"},
		{"DELETE FROM search_party WHERE rowid = ?1",
		 "INSERT INTO search_party(rowid, grams) VALUES(?1, ?2)"},
	};
	sqlite3_stmt *s;
	if (store_prepare(st, sql[party][grams != NULL], &s, err))
		return err ? err->status : TSU_DB;
	sqlite3_bind_int64(s, 1, rowid);
	if (grams)
		sqlite3_bind_text(s, 2, grams, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	store_finish(st, s);
	return rc == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, "search");
}

/* Puts document `rowid` in an index; a bulk write (an import, a merge)
 * gives its documents to the index a few thousand at a time
 * (searchwait.c). */
static enum tsu_status fts_put(struct store *st, sqlite3_int64 rowid, bool party,
			       const char *grams, struct tsu_error *err)
{
	return st->bulk ? search_wait_put(st, rowid, party, grams, err)
			: search_write_doc(st, party, rowid, grams, err);
}

/* Takes document `rowid` out of an index (in a bulk write: out of the
 * waiting ones, and out of the index at the next flush). */
static enum tsu_status fts_delete(struct store *st, bool party, sqlite3_int64 rowid,
				  struct tsu_error *err)
{
	return st->bulk ? search_wait_put(st, rowid, party, NULL, err)
			: search_write_doc(st, party, rowid, NULL, err);
}

/* Brings the search_index document of a task or a task's or area's log
 * entry up to date: out of the index (unless the row is new), and back
 * in unless the row was deleted.  A row that is not there, or not live
 * when it should be indexed, is not found. */
static enum tsu_status index_doc(struct store *st, const char *entity, const char *id,
				 bool is_new, bool gone, struct tsu_error *err)
{
	struct sbuf grams = {0};
	sqlite3_int64 rowid = 0;
	bool live = false;
	enum tsu_status rc = doc_text(st, entity, id, &grams, &rowid, &live, err);
	if (rc == TSU_OK && !gone && !live)
		rc = tsu_fail(err, TSU_NOT_FOUND, "%s が見つかりません", id);
	if (rc == TSU_OK && rowid && !is_new)
		rc = fts_delete(st, false, rowid, err);
	if (rc == TSU_OK && live && !gone)
		rc = fts_put(st, rowid, false, sbuf_str(&grams), err);
	sbuf_free(&grams);
	return rc;
}

void search_area_token(struct sbuf *out, const char *area_id)
{
	sbuf_add(out, SEARCH_AREA_PREFIX);
	for (const char *p = area_id; *p; p++)
		if (*p != '-')
			sbuf_addc(out, *p);
}

/* A party's document: its own text (the fields of party_own, in this
 * order: columns 2-6), its log entries' and its areas' tokens; column 0
 * its rowid, 1 whether it is live.  A new party's is made the same from
 * the values it is written with (search_party_created). */
static const char *const party_own[] = {"name", "kana", "notes", "offers", "org_type"};
#define PARTY_OWN (sizeof party_own / sizeof party_own[0])
static const char party_doc_sql[] =
	"SELECT rowid, deleted_at IS NULL, name, kana, notes, "
	SET_TEXT("offer", "p") ", org_type FROM party p WHERE id = ?1";
static const char party_log_sql[] =
	"SELECT text FROM log_entry WHERE party_id = ?1 AND task_id IS NULL AND deleted_at IS NULL"
	" ORDER BY date, id";
static const char party_area_sql[] =
	"SELECT a.id FROM party_area_link l JOIN area a"
	" ON a.rowid = l.value WHERE l.owner = (SELECT rowid FROM party WHERE id = ?1)"
	" ORDER BY a.id";

/* The fields the documents above are made of: a party's own text, its
 * offers and areas; a task's; a log entry's text, its date (its place in
 * its party's document) and its owners (which document holds it). */
static const char *const read_fields[][7] = {
	{"party", "name", "kana", "notes", "org_type", "offers", "areas"},
	{"task", "title", "body", "needs"},
	{"log", "text", "date", "task_id", "party_id", "area_id"},
};

bool search_reads_field(const char *entity, const char *field)
{
	if (field[0] == '_') /* created, deleted, restored: whether it has a document */
		return true;
	for (size_t i = 0; i < sizeof read_fields / sizeof read_fields[0]; i++)
		for (int j = 1; j < 7 && strcmp(read_fields[i][0], entity) == 0 && read_fields[i][j]; j++)
			if (strcmp(read_fields[i][j], field) == 0)
				return true;
	return false;
}

/* An area's token and a space, as a party's document ends with each. */
static void add_area(struct sbuf *out, const char *area_id)
{
	if (!area_id)
		return;
	search_area_token(out, area_id);
	sbuf_addc(out, ' ');
}

/* Appends column 0 of each row of sql (?1 = id): as text (its grams), or
 * as an area id (its token). */
static enum tsu_status append_rows(struct store *st, const char *sql, const char *id,
				   bool text, struct sbuf *out, struct tsu_error *err)
{
	sqlite3_stmt *s;
	if (store_prepare(st, sql, &s, err))
		return err ? err->status : TSU_DB;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(s, 0);
		if (text)
			search_add_key(out, v);
		else
			add_area(out, v);
	}
	store_finish(st, s);
	return step == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, "search");
}

/* How a party's document is made: the party was just inserted (no
 * document to take out, no log entry names it yet), the index was just
 * emptied (no document, log entries), or the party changed. */
enum party_case { PARTY_NEW, PARTY_REINDEX, PARTY_CHANGED };

static enum tsu_status party_doc(struct store *st, const char *id, enum party_case c,
				 sqlite3_int64 *rowid, bool *live, struct sbuf *grams,
				 struct tsu_error *err)
{
	sqlite3_stmt *s;
	if (store_prepare(st, party_doc_sql, &s, err))
		return err ? err->status : TSU_DB;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	int step = sqlite3_step(s);
	*rowid = step == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	*live = step == SQLITE_ROW && sqlite3_column_int(s, 1);
	for (size_t i = 0; i < PARTY_OWN && *live; i++)
		search_add_key(grams, (const char *)sqlite3_column_text(s, (int)i + 2));
	store_finish(st, s);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return store_sql_fail(st, err, "search");
	enum tsu_status rc = *live && c != PARTY_NEW
				     ? append_rows(st, party_log_sql, id, true, grams, err) : TSU_OK;
	return rc == TSU_OK && *live ? append_rows(st, party_area_sql, id, false, grams, err) : rc;
}

/* Whether the party index holds document `rowid` as `grams` already. */
static bool party_doc_is(struct store *st, sqlite3_int64 rowid, const char *grams)
{
	sqlite3_stmt *s;
	bool same = false;
	if (search_wait_has(st, rowid, true) ||
	    store_prepare(st, "SELECT grams FROM search_party WHERE rowid = ?1", &s, NULL) != TSU_OK)
		return false;
	sqlite3_bind_int64(s, 1, rowid);
	if (sqlite3_step(s) == SQLITE_ROW) {
		const char *now = (const char *)sqlite3_column_text(s, 0);
		same = now && strcmp(now, grams) == 0;
	}
	store_finish(st, s);
	return same;
}

/* Brings a party's document up to date: out of the index, and back in
 * while the party is live.  A change that leaves its text as it was (a
 * phone number, a merge's replay of a party's other fields) leaves the
 * index alone: taking a document out and putting it back costs FTS5 its
 * every term twice. */
static enum tsu_status party_doc_put(struct store *st, const char *id, enum party_case c,
				     struct tsu_error *err)
{
	struct sbuf grams = {0};
	sqlite3_int64 rowid = 0;
	bool live = false;
	enum tsu_status rc = party_doc(st, id, c, &rowid, &live, &grams, err);
	if (rc == TSU_OK && rowid && live && c == PARTY_CHANGED &&
	    party_doc_is(st, rowid, sbuf_str(&grams))) {
		sbuf_free(&grams);
		return TSU_OK;
	}
	if (rc == TSU_OK && rowid && c == PARTY_CHANGED)
		rc = fts_delete(st, true, rowid, err);
	if (rc == TSU_OK && live)
		rc = fts_put(st, rowid, true, sbuf_str(&grams), err);
	sbuf_free(&grams);
	return rc;
}

static int by_bytes(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The elements a new record's set is created with, in the order its link
 * table gives them (ORDER BY added, value: all added at 0, so by value);
 * returns how many (a new array in *out). */
static size_t created_elements(const struct set_given *g, const char ***out)
{
	size_t n = 0;
	*out = xcalloc(g->n ? g->n : 1, sizeof **out);
	for (size_t i = 0; i < g->n; i++)
		if (sets_given_puts(g, i))
			(*out)[n++] = g->items[i];
	qsort(*out, n, sizeof **out, by_bytes);
	return n;
}

/* Appends a set's text as SET_TEXT joins it (a comma between elements)
 * or its areas' tokens. */
static void add_created_set(struct sbuf *grams, const struct set_given *g, bool areas)
{
	const char **items = NULL;
	size_t n = g->d ? created_elements(g, &items) : 0;
	struct sbuf joined = {0};
	for (size_t i = 0; i < n; i++) {
		if (areas)
			add_area(grams, items[i]);
		else
			sbuf_addf(&joined, "%s%s", i ? "," : "", items[i]);
	}
	if (!areas)
		search_add_key(grams, sbuf_str(&joined));
	sbuf_free(&joined);
	free(items);
}

enum tsu_status search_party_created(struct store *st, const struct entity_def *e,
				     sqlite3_int64 rowid, char *const *vals,
				     const struct set_given *sets, struct tsu_error *err)
{
	struct sbuf grams = {0};
	for (size_t k = 0; k < PARTY_OWN; k++) {
		int i = entity_field_index(e, party_own[k]);
		if (e->fields[i].type == FIELD_SET)
			add_created_set(&grams, &sets[i], false);
		else
			search_add_key(&grams, vals[i]);
	}
	add_created_set(&grams, &sets[entity_field_index(e, "areas")], true);
	enum tsu_status rc = fts_put(st, rowid, true, sbuf_str(&grams), err);
	sbuf_free(&grams);
	return rc;
}

/* The party whose document holds log entry `id` (deleted or not): NULL
 * for an entry of a task or an area. */
static enum tsu_status log_party(struct store *st, const char *id, char **party,
				 struct tsu_error *err)
{
	sqlite3_stmt *s;
	*party = NULL;
	if (store_prepare(st, "SELECT party_id FROM log_entry WHERE id = ?1 AND task_id IS NULL",
			  &s, err))
		return err ? err->status : TSU_DB;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	int step = sqlite3_step(s);
	if (step == SQLITE_ROW)
		*party = store_col_dup(s, 0);
	store_finish(st, s);
	return step == SQLITE_ROW || step == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, "search");
}

/* Brings the documents row `id` is in up to date; `gone`: it was deleted. */
static enum tsu_status index_row(struct store *st, const char *entity, const char *id,
				 bool is_new, bool gone, struct tsu_error *err)
{
	if (strcmp(entity, "party") == 0)
		return party_doc_put(st, id, is_new ? PARTY_NEW : PARTY_CHANGED, err);
	if (strcmp(entity, "task") && strcmp(entity, "log"))
		return TSU_OK;
	char *party = NULL;
	enum tsu_status rc = strcmp(entity, "log") == 0 ? log_party(st, id, &party, err) : TSU_OK;
	/* an entry now of a party alone may have been a task's: its own
	 * document goes (taking out one that is not there costs a lookup) */
	if (rc == TSU_OK && party && !is_new)
		rc = index_doc(st, entity, id, false, true, err);
	if (rc == TSU_OK && party)
		rc = party_doc_put(st, party, PARTY_CHANGED, err);
	else if (rc == TSU_OK)
		rc = index_doc(st, entity, id, is_new, gone, err);
	free(party);
	return rc;
}

enum tsu_status search_reindex(struct store *st, const char *entity, const char *id,
			       struct tsu_error *err)
{
	return index_row(st, entity, id, false, false, err);
}

char *search_holder(struct store *st, const char *entity, const char *id)
{
	char *party = NULL;
	if (strcmp(entity, "log") == 0)
		log_party(st, id, &party, NULL);
	return party;
}

enum tsu_status search_left(struct store *st, const char *entity, const char *id,
			    const char *was, struct tsu_error *err)
{
	if (!was)
		return TSU_OK;
	char *now = search_holder(st, entity, id);
	enum tsu_status rc = !now || strcmp(now, was) != 0 ? party_doc_put(st, was, PARTY_CHANGED, err)
							    : TSU_OK;
	free(now);
	return rc;
}

enum tsu_status search_index_new(struct store *st, const char *entity, const char *id,
				 struct tsu_error *err)
{
	return index_row(st, entity, id, true, false, err);
}

enum tsu_status search_remove(struct store *st, const char *entity, const char *id,
			      struct tsu_error *err)
{
	return index_row(st, entity, id, false, true, err);
}

long search_party_stale(struct store *st)
{
	sqlite3_stmt *s;
	long stale = 0;
	if (store_prepare(st, "SELECT p.id, d.grams FROM party p JOIN search_party d"
			  " ON d.rowid = p.rowid WHERE p.deleted_at IS NULL", &s, NULL) != TSU_OK)
		return -1;
	int step;
	while (stale >= 0 && (step = sqlite3_step(s)) == SQLITE_ROW) {
		struct sbuf grams = {0};
		sqlite3_int64 rowid;
		bool live;
		const char *held = (const char *)sqlite3_column_text(s, 1);
		if (party_doc(st, (const char *)sqlite3_column_text(s, 0), PARTY_CHANGED, &rowid, &live,
			      &grams, NULL) != TSU_OK)
			stale = -1;
		else if (strcmp(sbuf_str(&grams), held ? held : "") != 0)
			stale++;
		sbuf_free(&grams);
	}
	if (stale >= 0 && step != SQLITE_DONE)
		stale = -1;
	store_finish(st, s);
	return stale;
}

/* Every live party, task and log entry indexed anew (a log entry of a
 * party is in its party's document). */
static enum tsu_status rebuild(struct store *st, struct tsu_error *err)
{
	static const char *const rows[][2] = {
		{"party", "SELECT id FROM party WHERE deleted_at IS NULL"},
		{"task", "SELECT id FROM task WHERE deleted_at IS NULL"},
		{"log", "SELECT id FROM log_entry WHERE deleted_at IS NULL"
			" AND (task_id IS NOT NULL OR party_id IS NULL)"},
	};
	enum tsu_status rc = store_run(st, "DELETE FROM search_index", err);
	if (rc == TSU_OK)
		rc = store_run(st, "DELETE FROM search_party", err);
	for (size_t k = 0; k < 3 && rc == TSU_OK; k++) {
		sqlite3_stmt *s = NULL;
		rc = store_prepare(st, rows[k][1], &s, err);
		while (rc == TSU_OK && sqlite3_step(s) == SQLITE_ROW) {
			const char *id = (const char *)sqlite3_column_text(s, 0);
			rc = k == 0 ? party_doc_put(st, id, PARTY_REINDEX, err)
				    : index_row(st, rows[k][0], id, true, false, err);
		}
		if (s)
			store_finish(st, s);
	}
	return rc;
}

enum tsu_status search_key_check(struct store *st, struct tsu_error *err)
{
	char have[16], want[16];
	snprintf(want, sizeof want, "%d", TEXT_SEARCH_KEY_VERSION);
	if (st->readonly || store_meta_get(st, "search_key", have, sizeof have, err) != TSU_OK ||
	    strcmp(have, want) == 0)
		return TSU_OK;
	enum tsu_status rc = store_begin(st, err);
	if (rc != TSU_OK)
		return rc;
	store_bulk_begin(st);
	/* another process may have done it while we waited for the lock */
	rc = store_meta_get(st, "search_key", have, sizeof have, err);
	if (rc == TSU_OK && strcmp(have, want) != 0) {
		rc = rebuild(st, err);
		if (rc == TSU_OK)
			rc = store_meta_set(st, "search_key", want, err);
	}
	if (rc == TSU_OK)
		rc = store_bulk_end(st, err);
	if (rc == TSU_OK)
		return store_commit(st, err);
	store_rollback(st);
	return rc;
}

/* One search term as an FTS5 expression; NULL when it folds to nothing. */
static char *term_query(const char *term)
{
	struct sbuf grams = {0};
	search_add_grams(&grams, term);
	if (!grams.len) {
		sbuf_free(&grams);
		return NULL;
	}
	/* grams = "g1 g2 ... last "; a single character gives just "c ". */
	size_t count = 0;
	for (size_t i = 0; i < grams.len; i++)
		count += grams.s[i] == ' ';
	struct sbuf q = {0};
	if (count == 1) {
		grams.s[grams.len - 1] = '\0';
		sbuf_addf(&q, "\"%s\" *", grams.s);
	} else {
		/* drop the trailing single character: the grams before it cover the term */
		char *last = grams.s + grams.len - 1;
		*last = '\0';
		char *cut = strrchr(grams.s, ' ');
		*cut = '\0';
		sbuf_addf(&q, "\"%s\"", grams.s);
	}
	sbuf_free(&grams);
	return sbuf_detach(&q);
}

char *search_fts_query(const char *user_text)
{
	struct sbuf q = {0};
	char *copy = xstrdup(user_text ? user_text : ""), *save = NULL;
	/* terms are separated by ASCII or ideographic spaces */
	for (char *p = strstr(copy, "　"); p; p = strstr(p, "　"))
		memcpy(p, "   ", 3);
	for (char *t = strtok_r(copy, " \t", &save); t; t = strtok_r(NULL, " \t", &save)) {
		char *term = term_query(t);
		if (term)
			sbuf_addf(&q, "%s%s", q.len ? " AND " : "", term);
		free(term);
	}
	free(copy);
	return q.len ? sbuf_detach(&q) : NULL;
}

/* Whose the matching documents of search_index are, from the rowids of
 * their rows (SEARCH_DOC_ROW): a task's own, a log entry's task's or,
 * without one, its area's; tasks by rowid, so that a task's own match
 * costs no lookup (FTS5 gives the matches in rowid order, so the log
 * entries are read in theirs). */
#define DOC_ROW "(" SEARCH_DOC_ROW("search_index.rowid") ")"
static const char task_owner_sql[] =
	"CASE WHEN " SEARCH_DOC_IS_LOG("rowid") " THEN (SELECT o.rowid FROM log_entry l"
	" JOIN task o ON o.id = l.task_id WHERE l.rowid = " DOC_ROW ") ELSE " DOC_ROW " END";
static const char area_owner_sql[] =
	"(SELECT l.area_id FROM log_entry l WHERE l.rowid = " DOC_ROW " AND l.task_id IS NULL)";

void search_sql_filter(struct sbuf *sql, const char *col, const char *owner_entity, int param)
{
	if (strcmp(owner_entity, "party") == 0)
		sbuf_addf(sql, "%s IN (SELECT rowid FROM search_party WHERE search_party MATCH ?%d)",
			  col, param);
	else if (strcmp(owner_entity, "task") == 0)
		sbuf_addf(sql, "%s IN (SELECT %s FROM search_index WHERE search_index MATCH ?%d)",
			  col, task_owner_sql, param);
	else /* an area's: of its log entries, the documents of odd rowids */
		sbuf_addf(sql, "%s IN (SELECT %s FROM search_index WHERE search_index MATCH ?%d"
			  " AND " SEARCH_DOC_IS_LOG("rowid") ")", col, area_owner_sql, param);
}
