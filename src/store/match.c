/*
 * Matching a task's ニーズ with parties' できること (match.h).
 *
 * Both directions share one step: the tags of one side (the task's needs,
 * or the party's offers) are compared in C with each distinct tag of the
 * other side, by their search keys; the pairs that match go into
 * temp.match_tag(other, mine, exact).  Everything after that is SQL through
 * indexes: offer_tag finds the parties holding a matching offer.
 */
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "tsunagu/clock.h"
#include "tsunagu/match.h"
#include "tsunagu/refdata.h"
#include "tsunagu/textnorm.h"

#define T(i) ((const char *)sqlite3_column_text(s, i))

/* The longest word of data/offer_readings.tsv that s starts with: its
 * length in *wlen and its reading (rlen bytes), or NULL. */
static const char *reading_at(const char *table, const char *s, size_t *wlen, size_t *rlen)
{
	const char *reading = NULL;
	*wlen = 0;
	for (const char *line = table; line && *line;) {
		const char *tab = strchr(line, '\t'), *end = strchr(line, '\n');
		if (*line != '#' && tab && (!end || tab < end) && (size_t)(tab - line) > *wlen &&
		    strncmp(s, line, (size_t)(tab - line)) == 0) {
			*wlen = (size_t)(tab - line);
			reading = tab + 1;
			*rlen = end ? (size_t)(end - reading) : strlen(reading);
		}
		line = end ? end + 1 : NULL;
	}
	return reading;
}

/* The search key of s read aloud: every word of data/offer_readings.tsv
 * in s replaced by its reading (見守り活動 -> みまもり活動), then folded;
 * NULL when s holds none of the words. */
static char *reading_key(const char *s)
{
	const struct refdata_file *f = refdata_find("offer_readings.tsv");
	struct sbuf out = {0};
	bool any = false;
	for (const char *p = s; f && *p;) {
		size_t wlen, rlen;
		const char *reading = reading_at(f->bytes, p, &wlen, &rlen);
		if (reading) {
			sbuf_addf(&out, "%.*s", (int)rlen, reading);
			p += wlen;
			any = true;
		} else {
			sbuf_addc(&out, *p++);
		}
	}
	char *key = any ? text_search_key(out.s) : NULL;
	sbuf_free(&out);
	return key;
}

/* Whether two keys match (equal, or one inside the other); *eq if equal. */
static bool keys_meet(const char *a, const char *b, bool *eq)
{
	if (!a || !b || !*a || !*b)
		return false;
	if (strcmp(a, b) == 0) {
		*eq = true;
		return true;
	}
	return strstr(a, b) || strstr(b, a);
}

/* A tag's two keys: as written, and read aloud (NULL when the same). */
struct tagkeys {
	char *key, *read;
};

static struct tagkeys tag_keys(const char *tag)
{
	struct tagkeys k = {text_search_key(tag ? tag : ""), reading_key(tag ? tag : "")};
	return k;
}

/* Some key of a meets some key of b; *exact when two are equal. */
static bool tagkeys_meet(const struct tagkeys *a, const struct tagkeys *b, bool *exact)
{
	bool eq = false;
	bool hit = keys_meet(a->key, b->key, &eq);
	hit |= keys_meet(a->key, b->read, &eq);
	hit |= keys_meet(a->read, b->key, &eq);
	hit |= keys_meet(a->read, b->read, &eq);
	*exact = eq;
	return hit;
}

bool match_tags(const char *need, const char *offer, bool *exact)
{
	struct tagkeys a = tag_keys(need), b = tag_keys(offer);
	bool eq = false, hit = tagkeys_meet(&a, &b, &eq);
	if (exact)
		*exact = eq;
	free(a.key);
	free(a.read);
	free(b.key);
	free(b.read);
	return hit;
}

struct taglist {
	char **tag;
	struct tagkeys *keys;
	size_t n, cap;
};

static void taglist_free(struct taglist *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->tag[i]);
		free(l->keys[i].key);
		free(l->keys[i].read);
	}
	free(l->tag);
	free(l->keys);
}

/* Reads the tags of sql (one text column; ?1 = id when given) with their
 * search keys; tags folding to nothing are left out. */
static enum tsu_status taglist_read(struct store *st, const char *sql, const char *id,
				    struct taglist *l, struct tsu_error *err)
{
	sqlite3_stmt *s;
	if (store_prepare(st, sql, &s, err))
		return err->status;
	if (id)
		sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct tagkeys k = tag_keys(T(0));
		if (!k.key || !*k.key) {
			free(k.key);
			free(k.read);
			continue;
		}
		if (l->n == l->cap) {
			l->cap = l->cap ? l->cap * 2 : 64;
			l->tag = xrealloc(l->tag, l->cap * sizeof *l->tag);
			l->keys = xrealloc(l->keys, l->cap * sizeof *l->keys);
		}
		l->tag[l->n] = xstrdup(T(0));
		l->keys[l->n++] = k;
	}
	store_finish(st, s);
	return step == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, "できること・ニーズ");
}

/* Fills temp.match_tag with every (other tag, own tag) pair that matches. */
static enum tsu_status match_fill(struct store *st, const struct taglist *mine,
				  const struct taglist *other, struct tsu_error *err)
{
	enum tsu_status rc = store_exec(st,
		"CREATE TEMP TABLE IF NOT EXISTS match_tag(other TEXT NOT NULL, mine TEXT NOT NULL,"
		" exact INTEGER NOT NULL, PRIMARY KEY(other, mine)) WITHOUT ROWID;"
		"DELETE FROM temp.match_tag;", err);
	sqlite3_stmt *s;
	if (rc != TSU_OK || store_prepare(st, "INSERT OR IGNORE INTO temp.match_tag VALUES (?1, ?2, ?3)",
					  &s, err))
		return rc != TSU_OK ? rc : err->status;
	for (size_t i = 0; i < other->n && rc == TSU_OK; i++) {
		for (size_t j = 0; j < mine->n && rc == TSU_OK; j++) {
			bool exact;
			if (!tagkeys_meet(&mine->keys[j], &other->keys[i], &exact))
				continue;
			const char *vals[] = {other->tag[i], mine->tag[j]};
			store_bind_texts(s, 2, vals);
			sqlite3_bind_int(s, 3, exact);
			if (sqlite3_step(s) != SQLITE_DONE)
				rc = store_sql_fail(st, err, "候補");
			sqlite3_reset(s);
		}
	}
	store_finish(st, s);
	return rc;
}

/* temp.match_tag for task `id` (party false: its needs against every
 * distinct offer) or party `id` (its offers against every distinct need). */
static enum tsu_status match_prepare(struct store *st, bool party, const char *id,
				     struct tsu_error *err)
{
	struct taglist mine = {0}, other = {0};
	enum tsu_status rc = taglist_read(st, party
		? "SELECT tag FROM offer WHERE party_id = ?1"
		: "SELECT tag FROM task_need WHERE task_id = ?1", id, &mine, err);
	if (rc == TSU_OK)
		rc = taglist_read(st, party ? "SELECT DISTINCT tag FROM task_need"
				  : "SELECT DISTINCT tag FROM offer", NULL, &other, err);
	if (rc == TSU_OK)
		rc = match_fill(st, &mine, &other, err);
	taglist_free(&mine);
	taglist_free(&other);
	return rc;
}

/* Current roles and their count, as the directory shows them (list.c). */
#define CURRENT_ROLE \
	" FROM membership ms JOIN party og ON og.id = ms.org_id WHERE ms.person_id = p.id" \
	" AND ms.deleted_at IS NULL AND og.deleted_at IS NULL" \
	" AND (ms.to_date IS NULL OR ms.to_date >= ?2)"

/* ?1 task, ?2 today, ?3 limit */
#define PARTIES_SQL \
	"WITH m AS (SELECT o.party_id AS pid, count(DISTINCT mt.mine) AS needs," \
	" count(DISTINCT CASE WHEN mt.exact THEN mt.mine END) AS exact," \
	" replace(group_concat(DISTINCT o.tag), ',', '、') AS matched" \
	" FROM temp.match_tag mt JOIN offer o ON o.tag = mt.other GROUP BY o.party_id)" \
	" SELECT p.id AS id, p.name AS name, p.kana AS kana," \
	" CASE p.kind WHEN 'org' THEN '団体' ELSE '個人' END AS kind," \
	" (SELECT group_concat(a.name, '、') FROM party_area pa JOIN area a ON a.id = pa.area_id" \
	"  WHERE pa.party_id = p.id) AS areas, p.generation AS generation," \
	" (SELECT group_concat(ms.role || '(' || og.name || ')', '、')" CURRENT_ROLE ") AS roles," \
	" (SELECT count(*)" CURRENT_ROLE ") AS load, m.matched AS matched, m.needs AS needs," \
	" m.exact AS exact, EXISTS (SELECT 1 FROM party_area pa WHERE pa.party_id = p.id" \
	"  AND pa.area_id = (SELECT area_id FROM task WHERE id = ?1)) AS same_area," \
	" EXISTS (SELECT 1 FROM task_party tp WHERE tp.task_id = ?1 AND tp.party_id = p.id) AS linked" \
	" FROM m JOIN party p ON p.id = m.pid WHERE p.deleted_at IS NULL" \
	" ORDER BY linked, needs DESC, exact DESC, same_area DESC, load," \
	" coalesce(p.kana, p.name), p.name, p.id LIMIT ?3"

/* ?1 party, ?2 today, ?3 limit */
#define TASKS_SQL \
	"WITH m AS (SELECT n.task_id AS tid, count(DISTINCT n.tag) AS needs," \
	" count(DISTINCT CASE WHEN mt.exact THEN n.tag END) AS exact," \
	" replace(group_concat(DISTINCT n.tag), ',', '、') AS matched" \
	" FROM temp.match_tag mt JOIN task_need n ON n.tag = mt.other GROUP BY n.task_id)" \
	" SELECT t.id AS id, t.title AS title, t.status AS status, t.kind AS kind," \
	" (SELECT name FROM area a WHERE a.id = t.area_id) AS area, t.due AS due," \
	" m.matched AS matched, m.needs AS needs, m.exact AS exact," \
	" t.area_id IN (SELECT area_id FROM party_area WHERE party_id = ?1) AS same_area," \
	" EXISTS (SELECT 1 FROM task_party tp WHERE tp.task_id = t.id AND tp.party_id = ?1) AS linked" \
	" FROM m JOIN task t ON t.id = m.tid WHERE t.deleted_at IS NULL AND t.status <> '完了'" \
	" AND ?2 IS NOT NULL" \
	" ORDER BY linked, needs DESC, exact DESC, same_area DESC, t.due IS NULL, t.due, t.title, t.id" \
	" LIMIT ?3"

/* Builds the match table and prepares sql with ?1 id, ?2 today, ?3 limit. */
static enum tsu_status suggest_start(struct store *st, bool party, const char *id, long limit,
				     const char *sql, sqlite3_stmt **s, struct tsu_error *err)
{
	char today[16];
	clock_today(today, sizeof today);
	enum tsu_status rc = match_prepare(st, party, id, err);
	if (rc != TSU_OK)
		return rc;
	if (store_prepare(st, sql, s, err))
		return err->status;
	const char *vals[] = {id, today};
	store_bind_texts(*s, 2, vals);
	sqlite3_bind_int64(*s, 3, limit > 0 ? limit : MATCH_LIMIT_DEFAULT);
	return TSU_OK;
}

static enum tsu_status suggest_end(struct store *st, sqlite3_stmt *s, int step,
				   struct tsu_error *err)
{
	store_finish(st, s);
	store_exec(st, "DELETE FROM temp.match_tag", NULL);
	return step == SQLITE_ROW || step == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, "候補");
}

enum tsu_status store_suggest_parties(struct store *st, const char *task_id, long limit,
				      match_party_cb cb, void *ud, struct tsu_error *err)
{
	sqlite3_stmt *s;
	enum tsu_status rc = suggest_start(st, false, task_id, limit, PARTIES_SQL, &s, err);
	if (rc != TSU_OK)
		return rc;
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct match_party m = {
			.id = T(0), .name = T(1), .kana = T(2), .kind = T(3), .areas = T(4),
			.generation = T(5), .roles = T(6), .load = sqlite3_column_int64(s, 7),
			.matched = T(8), .needs = sqlite3_column_int64(s, 9),
			.exact = sqlite3_column_int64(s, 10), .same_area = sqlite3_column_int(s, 11),
			.linked = sqlite3_column_int(s, 12),
		};
		if (cb(ud, &m))
			break;
	}
	return suggest_end(st, s, step, err);
}

enum tsu_status store_suggest_tasks(struct store *st, const char *party_id, long limit,
				    match_task_cb cb, void *ud, struct tsu_error *err)
{
	sqlite3_stmt *s;
	enum tsu_status rc = suggest_start(st, true, party_id, limit, TASKS_SQL, &s, err);
	if (rc != TSU_OK)
		return rc;
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct match_task m = {
			.id = T(0), .title = T(1), .status = T(2), .kind = T(3), .area = T(4),
			.due = T(5), .matched = T(6), .needs = sqlite3_column_int64(s, 7),
			.exact = sqlite3_column_int64(s, 8), .same_area = sqlite3_column_int(s, 9),
			.linked = sqlite3_column_int(s, 10),
		};
		if (cb(ud, &m))
			break;
	}
	return suggest_end(st, s, step, err);
}

#define JSON_PARTIES \
	"SELECT coalesce(json_group_array(json_object('id', id, 'name', name, 'kana', kana," \
	" 'kind', kind, 'areas', areas, 'generation', generation, 'roles', roles, 'load', load," \
	" 'matched', matched, 'needs_met', needs, 'exact', exact," \
	" 'same_area', json(CASE same_area WHEN 1 THEN 'true' ELSE 'false' END)," \
	" 'linked', json(CASE linked WHEN 1 THEN 'true' ELSE 'false' END))), '[]')" \
	" FROM (" PARTIES_SQL ")"
#define JSON_TASKS \
	"SELECT coalesce(json_group_array(json_object('id', id, 'title', title, 'status', status," \
	" 'kind', kind, 'area', area, 'due', due, 'matched', matched, 'needs_met', needs," \
	" 'exact', exact, 'same_area', json(CASE same_area WHEN 1 THEN 'true' ELSE 'false' END)," \
	" 'linked', json(CASE linked WHEN 1 THEN 'true' ELSE 'false' END))), '[]')" \
	" FROM (" TASKS_SQL ")"

enum tsu_status store_suggest_json(struct store *st, bool party, const char *id, long limit,
				   char **out, struct tsu_error *err)
{
	sqlite3_stmt *s;
	*out = NULL;
	enum tsu_status rc = suggest_start(st, party, id, limit, party ? JSON_TASKS : JSON_PARTIES,
					   &s, err);
	if (rc != TSU_OK)
		return rc;
	int step = sqlite3_step(s);
	if (step == SQLITE_ROW)
		*out = xstrdup(T(0) ? T(0) : "[]");
	return suggest_end(st, s, step, err);
}
