/*
 * Search (DESIGN §6).  Each searchable row has one document: its text run
 * through text_search_key (NFKC, case, hiragana -> katakana, no spaces or
 * punctuation) and cut into overlapping two-character grams, plus the last
 * character alone:  "スズキ" -> "スズ ズキ キ".  FTS5's ascii tokenizer
 * takes each gram as a token (every non-ASCII character is a token
 * character), so:
 *   1 character  -> prefix query  "ズ" *      (grams starting with it)
 *   2 characters -> one token     "スズ"
 *   3 or more    -> a phrase      "スズ ズキ" (consecutive grams)
 * All three use the index; nothing is scanned, whatever the size.
 *
 * Documents that make a party findable (its own and its log entries') are
 * in `search_party`, the others in `search_index`: the directory's search
 * as you type reads a party index of a city's 100,000 documents, not the
 * million log entries of tasks, and that index keeps each gram's first
 * character (prefix='1'), so a one-character query reads one list.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "tsunagu/textnorm.h"
#include "tsunagu/utf8.h"

/* Appends the grams of one piece of text. */
static void add_grams(struct sbuf *out, const char *text)
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

/* The searchable text of a row (columns 0-4; sets as sets_read joins
 * them) and, for a log entry, the rows it belongs to (5-7). */
#define SET_TEXT(table, owner, alias) "(SELECT group_concat(tag, ',') FROM (SELECT tag FROM " \
	table " WHERE " owner " = " alias ".id ORDER BY added, tag))"
static const char *doc_sql(const char *entity)
{
	if (strcmp(entity, "party") == 0)
		return "SELECT name, kana, notes, " SET_TEXT("offer", "party_id", "p") ", org_type,"
		       " NULL, NULL, NULL FROM party p WHERE id = ?1 AND deleted_at IS NULL";
	if (strcmp(entity, "task") == 0)
		return "SELECT title, body, " SET_TEXT("task_need", "task_id", "t") ", NULL, NULL,"
		       " NULL, NULL, NULL FROM task t WHERE id = ?1 AND deleted_at IS NULL";
	return "SELECT text, NULL, NULL, NULL, NULL, task_id, party_id, area_id FROM log_entry"
	       " WHERE id = ?1 AND deleted_at IS NULL";
}

/* Text of the document for a row; *owner_entity/owner_id say which row
 * the document makes findable (a log entry finds its task or party). */
static enum tsu_status doc_text(struct store *st, const char *entity, const char *id,
				struct sbuf *grams, char **owner_entity, char **owner_id,
				struct tsu_error *err)
{
	sqlite3_stmt *s;
	if (store_prepare(st, doc_sql(entity), &s, err))
		return err ? err->status : TSU_DB;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	int step = sqlite3_step(s);
	if (step == SQLITE_ROW) {
		for (int i = 0; i < 5; i++)
			add_grams(grams, (const char *)sqlite3_column_text(s, i));
		static const char *const owners[] = {"task", "party", "area"};
		int o = 5;
		while (strcmp(entity, "log") == 0 && o < 7 && sqlite3_column_type(s, o) == SQLITE_NULL)
			o++;
		*owner_entity = xstrdup(strcmp(entity, "log") == 0 ? owners[o - 5] : entity);
		*owner_id = strcmp(entity, "log") == 0 ? store_col_dup(s, o) : xstrdup(id);
	}
	store_finish(st, s);
	if (step == SQLITE_ROW)
		return TSU_OK;
	if (step == SQLITE_DONE)
		return tsu_fail(err, TSU_NOT_FOUND, "%s が見つかりません", id);
	return store_sql_fail(st, err, "search");
}

/*
 * Bulk writes (an import, a merge) keep new documents in a temporary table
 * and give them to FTS5 a few thousand at a time: FTS5 writes out its
 * pending terms at every savepoint it takes part in, and every row is
 * written in a savepoint of its own.  search_flush (at the latest from
 * store_bulk_end, before the commit) makes the index complete.
 */
#define SEARCH_PENDING_MAX 4096

/* The index of documents that find `owner_entity`. */
static const char *fts_table(const char *owner_entity)
{
	return strcmp(owner_entity, "party") == 0 ? "search_party" : "search_index";
}

enum tsu_status search_flush(struct store *st, struct tsu_error *err)
{
	if (!st->pending)
		return TSU_OK;
	if (store_run(st, "INSERT INTO search_index(rowid, grams) SELECT rowid, grams"
		      " FROM temp.search_pending WHERE NOT party", err) != TSU_OK ||
	    store_run(st, "INSERT INTO search_party(rowid, grams) SELECT rowid, grams"
		      " FROM temp.search_pending WHERE party", err) != TSU_OK ||
	    store_run(st, "DELETE FROM temp.search_pending", err) != TSU_OK)
		return err ? err->status : TSU_DB;
	st->pending = 0;
	return TSU_OK;
}

static enum tsu_status fts_put(struct store *st, sqlite3_int64 rowid, const char *owner_entity,
			       const char *grams, struct tsu_error *err)
{
	sqlite3_stmt *s;
	if (st->bulk && !st->pending &&
	    store_exec(st, "CREATE TEMP TABLE IF NOT EXISTS search_pending("
		       "rowid INTEGER PRIMARY KEY, grams TEXT, party INTEGER NOT NULL)", err) != TSU_OK)
		return err ? err->status : TSU_DB;
	bool party = strcmp(fts_table(owner_entity), "search_party") == 0;
	if (store_prepare(st, st->bulk ? "INSERT INTO temp.search_pending(rowid, grams, party)"
			  " VALUES(?1, ?2, ?3)"
			  : party ? "INSERT INTO search_party(rowid, grams) VALUES(?1, ?2)"
			  : "INSERT INTO search_index(rowid, grams) VALUES(?1, ?2)", &s, err))
		return err->status;
	sqlite3_bind_int64(s, 1, rowid);
	sqlite3_bind_text(s, 2, grams, -1, SQLITE_STATIC);
	if (st->bulk)
		sqlite3_bind_int(s, 3, party);
	int rc = sqlite3_step(s);
	store_finish(st, s);
	if (rc != SQLITE_DONE)
		return store_sql_fail(st, err, "search");
	if (st->bulk && ++st->pending >= SEARCH_PENDING_MAX)
		return search_flush(st, err);
	return TSU_OK;
}

enum tsu_status search_remove(struct store *st, const char *row_id, struct tsu_error *err)
{
	sqlite3_stmt *s;
	if (st->pending && store_prepare(st, "DELETE FROM temp.search_pending WHERE rowid ="
					 " (SELECT rowid FROM search_doc WHERE row_id = ?1)", &s, err) == TSU_OK) {
		sqlite3_bind_text(s, 1, row_id, -1, SQLITE_TRANSIENT);
		int rc = sqlite3_step(s);
		store_finish(st, s);
		if (rc != SQLITE_DONE)
			return store_sql_fail(st, err, "search");
	}
	static const char *const del[] = {
		"DELETE FROM search_index WHERE rowid = (SELECT rowid FROM search_doc WHERE row_id = ?1)",
		"DELETE FROM search_party WHERE rowid = (SELECT rowid FROM search_doc WHERE row_id = ?1)",
	};
	int rc = SQLITE_DONE;
	for (int i = 0; i < 2 && rc == SQLITE_DONE; i++) {
		if (store_prepare(st, del[i], &s, err))
			return err->status;
		sqlite3_bind_text(s, 1, row_id, -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(s);
		store_finish(st, s);
	}
	if (rc != SQLITE_DONE)
		return store_sql_fail(st, err, "search");
	if (store_prepare(st, "DELETE FROM search_doc WHERE row_id = ?1", &s, err))
		return err->status;
	sqlite3_bind_text(s, 1, row_id, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s);
	store_finish(st, s);
	return rc == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, "search");
}

static enum tsu_status doc_insert(struct store *st, const char *entity, const char *id,
				  const char *owner_entity, const char *owner_id,
				  const char *grams, struct tsu_error *err)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "INSERT INTO search_doc(entity, row_id, owner_entity, owner_id)"
			  " VALUES(?1, ?2, ?3, ?4)", &s, err))
		return err->status;
	const char *vals[] = {entity, id, owner_entity, owner_id};
	store_bind_texts(s, 4, vals);
	int rc = sqlite3_step(s);
	store_finish(st, s);
	if (rc != SQLITE_DONE)
		return store_sql_fail(st, err, "search");
	return fts_put(st, sqlite3_last_insert_rowid(st->db), owner_entity, grams, err);
}

static enum tsu_status index_doc(struct store *st, const char *entity, const char *id,
				 bool is_new, struct tsu_error *err)
{
	if (strcmp(entity, "party") && strcmp(entity, "task") && strcmp(entity, "log"))
		return TSU_OK;
	struct sbuf grams = {0};
	char *owner_entity = NULL, *owner_id = NULL;
	enum tsu_status rc = is_new ? TSU_OK : search_remove(st, id, err);
	if (rc == TSU_OK)
		rc = doc_text(st, entity, id, &grams, &owner_entity, &owner_id, err);
	if (rc == TSU_OK && owner_id)
		rc = doc_insert(st, entity, id, owner_entity, owner_id, sbuf_str(&grams), err);
	free(owner_entity);
	free(owner_id);
	sbuf_free(&grams);
	return rc;
}

enum tsu_status search_reindex(struct store *st, const char *entity, const char *id,
			       struct tsu_error *err)
{
	return index_doc(st, entity, id, false, err);
}

enum tsu_status search_index_new(struct store *st, const char *entity, const char *id,
				 struct tsu_error *err)
{
	return index_doc(st, entity, id, true, err);
}

/* Every live party, task and log entry indexed anew. */
static enum tsu_status rebuild(struct store *st, struct tsu_error *err)
{
	static const char *const kinds[] = {"party", "task", "log"};
	enum tsu_status rc = store_run(st, "DELETE FROM search_index", err);
	if (rc == TSU_OK)
		rc = store_run(st, "DELETE FROM search_party", err);
	if (rc == TSU_OK)
		rc = store_run(st, "DELETE FROM search_doc", err);
	for (size_t k = 0; k < 3 && rc == TSU_OK; k++) {
		const struct entity_def *e = entity_find(kinds[k]);
		struct sbuf sql = {0};
		sqlite3_stmt *s = NULL;
		sbuf_addf(&sql, "SELECT id FROM %s WHERE deleted_at IS NULL", e->table);
		rc = store_prepare(st, sql.s, &s, err);
		sbuf_free(&sql);
		while (rc == TSU_OK && sqlite3_step(s) == SQLITE_ROW)
			rc = index_doc(st, e->name, (const char *)sqlite3_column_text(s, 0), true, err);
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
	add_grams(&grams, term);
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

void search_sql_filter(struct sbuf *sql, const char *col, const char *owner_entity, int param)
{
	const char *fts = fts_table(owner_entity);
	sbuf_addf(sql, "%s IN (SELECT owner_id FROM search_doc WHERE owner_entity = '%s'"
		  " AND rowid IN (SELECT rowid FROM %s WHERE %s MATCH ?%d))",
		  col, owner_entity, fts, fts, param);
}
