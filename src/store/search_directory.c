/*
 * The directory's search as you type (issue 13: one frame per key on a
 * city's 100,000 parties).  The party index (search.c) holds one document
 * per live party under the party's rowid, so:
 *  - the count is the index's own count, with the area as one more term;
 *  - a page is either the matches sorted by their place in the order
 *    (party_key, short rows: cheap when they are few), or, when they are
 *    many, a walk of the directory's order (index
 *    party_order) that asks each party's document whether it matches and
 *    stops at the page's end: a one-character query matching every second
 *    party finds its first page in a few hundred rows instead of sorting
 *    50,000.  The walk has a budget: matches clustered late in the order
 *    (a kanji read the same way by most who have it) end it early, and
 *    the page is sorted after all.
 * Both give the same rows; only the time differs.
 */
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "tsunagu/textnorm.h"
#include "tsunagu/utf8.h"

/* tsu_doc_has(doc, needle, ...): each needle is in the document (the
 * walk's test, equal to the MATCH of the needles' terms: needles_of). */
static void sql_doc_has(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *doc = (const char *)sqlite3_value_text(argv[0]);
	int ok = doc != NULL;
	for (int i = 1; i < argc && ok; i++) {
		const char *needle = (const char *)sqlite3_value_text(argv[i]);
		ok = needle && strstr(doc, needle);
	}
	sqlite3_result_int(ctx, ok);
}

/* tsu_finds(query, text, ...): whether the search key of the query
 * (text_search_key: width, case, kana, 髙/高, no spaces) is in that of one
 * of the texts.  The search of the short lists (areas, events, staff,
 * surveys), read row by row: a city has some thousands of them, not the
 * directory's 100,000.  The query's key is made once per statement. */
static void sql_finds(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char *q = sqlite3_get_auxdata(ctx, 0);
	if (!q) {
		const char *t = (const char *)sqlite3_value_text(argv[0]);
		q = text_search_key(t ? t : "");
		sqlite3_set_auxdata(ctx, 0, q, free);
		q = sqlite3_get_auxdata(ctx, 0);
		if (!q) {
			sqlite3_result_error_nomem(ctx);
			return;
		}
	}
	int found = !*q;
	for (int i = 1; i < argc && !found; i++) {
		const char *t = (const char *)sqlite3_value_text(argv[i]);
		char *k = t ? text_search_key(t) : NULL;
		found = k && strstr(k, q);
		free(k);
	}
	sqlite3_result_int(ctx, found);
}

int search_sql_register(sqlite3 *db)
{
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	int rc = sqlite3_create_function(db, "tsu_doc_has", -1, flags, NULL, sql_doc_has,
					 NULL, NULL);
	return rc == SQLITE_OK ? sqlite3_create_function(db, "tsu_finds", -1, flags, NULL, sql_finds,
							 NULL, NULL) : rc;
}

char *search_party_fts(const char *user_text, const char *area_id)
{
	char *q = search_fts_query(user_text);
	if (!q || !area_id)
		return q;
	struct sbuf b = {0};
	sbuf_addf(&b, "%s AND \"", q);
	search_area_token(&b, area_id);
	sbuf_addc(&b, '"');
	free(q);
	return sbuf_detach(&b);
}

/*
 * The needles of a MATCH expression made by search_party_fts, as text a
 * matching document holds (gramtok.c): a term that is one character (a
 * prefix, "ズ" *) is that character; a gram or a phrase of grams ("スズ
 * ズキ") the text they cover (スズキ: the first character of each gram
 * and the whole last one, as no key has a space); an area token itself
 * and the space after it.  Returns how many, or 0 (none kept) past max.
 */
static char *needle_of(const char *term, size_t n, bool prefix)
{
	struct sbuf b = {0};
	if (prefix || term[0] == '_') {
		sbuf_addn(&b, term, n);
		if (!prefix)
			sbuf_addc(&b, ' ');
		return sbuf_detach(&b);
	}
	const char *end = term + n, *gram = term;
	for (const char *sp; (sp = memchr(gram, ' ', (size_t)(end - gram))) != NULL; gram = sp + 1) {
		int32_t cp;
		sbuf_addn(&b, gram, utf8_decode(gram, (size_t)(sp - gram), &cp));
	}
	sbuf_addn(&b, gram, (size_t)(end - gram));
	return sbuf_detach(&b);
}

static int needles_of(const char *fts, char **out, int max)
{
	int n = 0;
	for (const char *p = strchr(fts, '"'); p; p = strchr(p, '"')) {
		const char *end = strchr(p + 1, '"');
		if (!end)
			break;
		if (n == max) {
			while (n > 0)
				free(out[--n]);
			return 0;
		}
		bool prefix = strncmp(end + 1, " *", 2) == 0;
		out[n++] = needle_of(p + 1, (size_t)(end - p - 1), prefix);
		p = end + 1;
	}
	return n;
}

/* PRAGMA data_version: changes when another connection has written
 * (-1 when it cannot be read: nothing kept is trusted then). */
static sqlite3_int64 data_version(struct store *st)
{
	long long v;
	return store_read_int(st, "PRAGMA data_version", &v, NULL) == TSU_OK ? v : -1;
}

enum tsu_status search_party_count(struct store *st, const char *fts, long *n,
				   struct tsu_error *err)
{
	sqlite3_int64 changes = sqlite3_total_changes64(st->db), version = data_version(st);
	if (st->party_n_fts && strcmp(st->party_n_fts, fts) == 0 && changes == st->party_n_changes &&
	    version == st->party_n_version && version >= 0) {
		*n = st->party_n;
		return TSU_OK;
	}
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT count(*) FROM search_party WHERE search_party MATCH ?1", &s, err))
		return err ? err->status : TSU_DB;
	sqlite3_bind_text(s, 1, fts, -1, SQLITE_TRANSIENT);
	int step = sqlite3_step(s);
	*n = step == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : 0;
	store_finish(st, s);
	if (step != SQLITE_ROW)
		return store_sql_fail(st, err, "search");
	free(st->party_n_fts);
	st->party_n_fts = xstrdup(fts);
	st->party_n = *n;
	st->party_n_changes = changes;
	st->party_n_version = version;
	return TSU_OK;
}

/* Live parties in the directory's order (the count the triggers keep). */
static long live_parties(struct store *st)
{
	long long n;
	return store_read_int(st, "SELECT parties FROM area_tally WHERE area_id = ''", &n, NULL)
		       == TSU_OK ? (long)n : 0;
}

/* Rows the walk may read, per row of the page it expects to read (the
 * matches spread evenly), and at most: past that, sorting is cheaper. */
#define WALK_SLACK 2
#define WALK_MAX_ROWS 400L
#define NEEDLES_MAX 16

/* The walk over at most `budget` rows of the order, for needles. */
static void walk_sql(struct sbuf *sql, int nneedles)
{
	sbuf_add(sql, "SELECT r FROM (SELECT p.rowid AS r FROM party p INDEXED BY party_order"
		 " WHERE p.deleted_at IS NULL ORDER BY coalesce(p.kana, p.name), p.name, p.id"
		 " LIMIT ?1) WHERE tsu_doc_has((SELECT grams FROM search_party WHERE rowid = r)");
	for (int i = 0; i < nneedles; i++)
		sbuf_addf(sql, ", ?%d", i + 3);
	sbuf_add(sql, ") LIMIT ?2");
}

/* The page from the matches sorted by their place (party_key). */
static enum tsu_status sorted_page(struct store *st, const char *fts, long offset, long limit,
				   char **ids, struct tsu_error *err)
{
	sqlite3_stmt *s;
	/* the index's matches in rowid order, each met by its key (near the
	 * one before it), the page kept by the sorter's LIMIT */
	if (store_prepare(st, "SELECT json_group_array(r) FROM (SELECT k.r AS r FROM search_party s"
			  " JOIN party_key k ON k.r = s.rowid WHERE search_party MATCH ?1"
			  " ORDER BY k.k, k.name, k.id LIMIT ?2 OFFSET ?3)", &s, err))
		return err ? err->status : TSU_DB;
	sqlite3_bind_text(s, 1, fts, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 2, limit > 0 ? limit : -1);
	sqlite3_bind_int64(s, 3, offset);
	int step = sqlite3_step(s);
	if (step == SQLITE_ROW)
		*ids = store_col_dup(s, 0);
	store_finish(st, s);
	return step == SQLITE_ROW ? TSU_OK : store_sql_fail(st, err, "search");
}

/* Walks: the JSON array of the page's rowids, or NULL when the budget
 * ran out before the page was full (and rows remained). */
static enum tsu_status walk(struct store *st, char **needles, int nneedles, long budget,
			    long total, long offset, long limit, char **ids, struct tsu_error *err)
{
	struct sbuf sql = {0}, out = {0};
	sqlite3_stmt *s;
	walk_sql(&sql, nneedles);
	enum tsu_status rc = store_prepare(st, sql.s, &s, err);
	sbuf_free(&sql);
	if (rc != TSU_OK)
		return rc;
	sqlite3_bind_int64(s, 1, budget);
	sqlite3_bind_int64(s, 2, offset + limit);
	for (int i = 0; i < nneedles; i++)
		sqlite3_bind_text(s, i + 3, needles[i], -1, SQLITE_TRANSIENT);
	long seen = 0;
	int step;
	sbuf_addc(&out, '[');
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		if (seen++ >= offset)
			sbuf_addf(&out, "%s%lld", out.len > 1 ? "," : "",
				  (long long)sqlite3_column_int64(s, 0));
	}
	store_finish(st, s);
	sbuf_addc(&out, ']');
	if (step != SQLITE_DONE) {
		sbuf_free(&out);
		return store_sql_fail(st, err, "search");
	}
	if (seen < offset + limit && budget < total)
		sbuf_free(&out);
	else
		*ids = sbuf_detach(&out);
	return TSU_OK;
}

enum tsu_status search_party_page(struct store *st, const char *fts, long offset, long limit,
				  char **ids, struct tsu_error *err)
{
	*ids = NULL;
	long n, total = live_parties(st);
	enum tsu_status rc = search_party_count(st, fts, &n, err);
	if (rc != TSU_OK || n == 0 || limit <= 0 || total <= 0)
		return rc == TSU_OK ? sorted_page(st, fts, offset, limit, ids, err) : rc;
	/* rows of the order the page is expected to take */
	long expect = (long)((double)(offset + limit) * (double)total / (double)n);
	char *needles[NEEDLES_MAX];
	int nneedles = expect <= WALK_MAX_ROWS ? needles_of(fts, needles, NEEDLES_MAX) : 0;
	if (nneedles > 0)
		rc = walk(st, needles, nneedles, expect * WALK_SLACK + limit, total, offset, limit,
			  ids, err);
	for (int i = 0; i < nneedles; i++)
		free(needles[i]);
	return rc == TSU_OK && !*ids ? sorted_page(st, fts, offset, limit, ids, err) : rc;
}
