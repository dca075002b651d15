/*
 * The 地域カルテ of an area (karte.h): figures from its districts and the
 * karte items of each section in order.  An item's place is its `sort`;
 * items made before sorting existed (sort NULL) follow the numbered ones
 * in the order they were made, and the first move numbers the section.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "tsunagu/karte.h"

const struct karte_section_def karte_sections[KARTE_SECTION_COUNT] = {
#define KARTE_SECTION_DEF(id, code, heading, key) [KARTE_##id] = {code, heading, key},
	KARTE_SECTION_LIST(KARTE_SECTION_DEF)
#undef KARTE_SECTION_DEF
};

int karte_section_find(const char *code)
{
	for (int i = 0; code && i < KARTE_SECTION_COUNT; i++)
		if (strcmp(karte_sections[i].code, code) == 0)
			return i;
	return -1;
}

/* Districts with both figures count for the rate (karte.h). */
#define COUNTED "(population IS NOT NULL AND population_65 IS NOT NULL)"
#define BASICS_FROM \
	" FROM district WHERE deleted_at IS NULL AND (?1 IS NULL OR area_id = ?1)"

static const char basics_sql[] =
	"SELECT count(*), sum(" COUNTED "), sum(CASE WHEN " COUNTED " THEN population END),"
	" sum(CASE WHEN " COUNTED " THEN population_65 END), sum(households), max(as_of)"
	BASICS_FROM;

enum tsu_status store_karte_basics(struct store *st, const char *area_id,
				   struct karte_basics *out, struct tsu_error *err)
{
	sqlite3_stmt *s;
	memset(out, 0, sizeof *out);
	if (store_prepare(st, basics_sql, &s, err))
		return err->status;
	store_bind_texts(s, 1, &area_id);
	int step = sqlite3_step(s);
	if (step == SQLITE_ROW) {
		out->districts = sqlite3_column_int64(s, 0);
		out->counted = sqlite3_column_int64(s, 1);
		out->population = sqlite3_column_int64(s, 2);
		out->population_65 = sqlite3_column_int64(s, 3);
		out->households = sqlite3_column_int64(s, 4);
		const char *d = (const char *)sqlite3_column_text(s, 5);
		snprintf(out->as_of, sizeof out->as_of, "%s", d ? d : "");
		out->has_rate = out->population > 0;
		out->rate = out->has_rate ? 100.0 * (double)out->population_65 /
						    (double)out->population : 0;
	}
	store_finish(st, s);
	return step == SQLITE_ROW ? TSU_OK : store_sql_fail(st, err, "地域カルテ");
}

/* Items of one area in the karte's order; ?2 NULL: every section. */
#define ITEMS_SQL(cols) \
	"SELECT " cols " FROM karte_item k LEFT JOIN refvalue r ON r.kind = 'karte_section'" \
	" AND r.code = k.section WHERE k.area_id = ?1 AND k.deleted_at IS NULL" \
	" AND (?2 IS NULL OR k.section = ?2)" \
	" ORDER BY r.sort, k.section, k.sort IS NULL, k.sort, k.created_at, k.id"

enum tsu_status store_karte_items(struct store *st, const char *area_id, const char *code,
				  karte_item_cb cb, void *ud, struct tsu_error *err)
{
	sqlite3_stmt *s;
	if (store_prepare(st, ITEMS_SQL("k.id, k.section, k.title, k.body, k.sort"), &s, err))
		return err->status;
	store_bind_texts(s, 2, (const char *[]){area_id, code});
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
#define T(i) ((const char *)sqlite3_column_text(s, i))
		struct karte_item it = {T(0), T(1), T(2), T(3), sqlite3_column_int64(s, 4)};
#undef T
		if (cb(ud, &it))
			break;
	}
	store_finish(st, s);
	return step == SQLITE_ROW || step == SQLITE_DONE ? TSU_OK
							 : store_sql_fail(st, err, "地域カルテ");
}

long store_karte_next_sort(struct store *st, const char *area_id, const char *code)
{
	sqlite3_stmt *s;
	struct tsu_error err = {0};
	long n = 1;
	if (store_prepare(st, "SELECT coalesce(max(sort), 0) + 1, count(*) + 1 FROM karte_item"
			  " WHERE area_id = ?1 AND section = ?2 AND deleted_at IS NULL", &s, &err))
		return n;
	store_bind_texts(s, 2, (const char *[]){area_id, code});
	if (sqlite3_step(s) == SQLITE_ROW) {
		long a = sqlite3_column_int64(s, 0), b = sqlite3_column_int64(s, 1);
		n = a > b ? a : b;
	}
	store_finish(st, s);
	return n;
}

struct id_list {
	char **v;
	long *sort;
	size_t n;
};

static int collect_id(void *ud, const struct karte_item *it)
{
	struct id_list *l = ud;
	l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
	l->sort = xrealloc(l->sort, (l->n + 1) * sizeof *l->sort);
	l->v[l->n] = xstrdup(it->id);
	l->sort[l->n++] = it->sort;
	return 0;
}

/* Writes sort = place + 1 where it differs (a NULL sort reads as 0). */
static enum tsu_status renumber(struct store *st, struct id_list *l, struct tsu_error *err)
{
	for (size_t i = 0; i < l->n; i++) {
		if (l->sort[i] == (long)i + 1)
			continue;
		char num[24];
		snprintf(num, sizeof num, "%ld", (long)i + 1);
		struct field_value fv = {"sort", num};
		if (store_update(st, "karte", l->v[i], &fv, 1, err) != TSU_OK)
			return err->status;
	}
	return TSU_OK;
}

enum tsu_status store_karte_move(struct store *st, const char *id, int dir, bool *moved,
				 struct tsu_error *err)
{
	struct record *r = NULL;
	struct id_list l = {0};
	*moved = false;
	enum tsu_status rc = store_get(st, "karte", id, false, &r, err);
	if (rc == TSU_OK)
		rc = store_karte_items(st, record_get(r, "area_id"), record_get(r, "section"),
				       collect_id, &l, err);
	size_t at = l.n;
	for (size_t i = 0; i < l.n; i++)
		if (strcmp(l.v[i], id) == 0)
			at = i;
	size_t to = dir < 0 ? at - 1 : at + 1; /* at 0 wraps, and fails the test */
	if (rc == TSU_OK && at < l.n && to < l.n) {
		char *tmp = l.v[at];
		l.v[at] = l.v[to];
		l.v[to] = tmp;
		long ts = l.sort[at];
		l.sort[at] = l.sort[to];
		l.sort[to] = ts;
		rc = renumber(st, &l, err);
		*moved = rc == TSU_OK;
	}
	for (size_t i = 0; i < l.n; i++)
		free(l.v[i]);
	free(l.v);
	free(l.sort);
	record_free(r);
	return rc;
}

/* The sections as SQL rows (code, heading, key) from KARTE_SECTION_LIST,
 * and their order: the place of "|code|" in SEC_ORDER. */
#define SEC_ROW(id, code, heading, key) \
	"SELECT '" code "' AS code, '" heading "' AS heading, '" key "' AS key UNION ALL "
#define SEC_CODE(id, code, heading, key) code "|"
#define SEC_ORDER "'|" KARTE_SECTION_LIST(SEC_CODE) "'"

static const char json_sql[] =
	"WITH sec AS (" KARTE_SECTION_LIST(SEC_ROW) "SELECT NULL, NULL, NULL WHERE 0),"
	" b AS (SELECT count(*) AS n, sum(CASE WHEN " COUNTED " THEN population END) AS pop,"
	"  sum(CASE WHEN " COUNTED " THEN population_65 END) AS p65, sum(households) AS hh,"
	"  max(as_of) AS as_of" BASICS_FROM ")"
	" SELECT json_array(json_object('id', a.id, 'area', a.name, 'platform_type', a.platform_type,"
	" 'projection', a.projection, 'basics', (SELECT json_object('districts', n, 'population', pop,"
	"  'population_65', p65, 'aging_rate', round(100.0 * p65 / nullif(pop, 0), 1),"
	"  'households', hh, 'as_of', as_of) FROM b),"
	" 'sections', (SELECT json_group_array(json(j)) FROM (SELECT json_object('key', sec.key,"
	"  'section', sec.code, 'heading', sec.heading, 'items', (SELECT json_group_array("
	"  json_object('id', id, 'title', title, 'body', body, 'sort', sort)) FROM (SELECT * FROM"
	"  karte_item k WHERE k.area_id = ?1 AND k.section = sec.code AND k.deleted_at IS NULL"
	"  ORDER BY k.sort IS NULL, k.sort, k.created_at, k.id)),"
	"  'facilities', CASE sec.key WHEN 'facilities' THEN (SELECT json_group_array("
	"  json_object('id', id, 'name', name, 'type', kind, 'address', address)) FROM (SELECT *"
	"  FROM facility f WHERE f.area_id = ?1 AND f.deleted_at IS NULL ORDER BY f.rowid)) END)"
	"  AS j FROM sec ORDER BY instr(" SEC_ORDER ", '|' || sec.code || '|')))))"
	" FROM area a WHERE a.id = ?1 AND a.deleted_at IS NULL";

enum tsu_status store_karte_json(struct store *st, const char *area_id, char **out,
				 struct tsu_error *err)
{
	sqlite3_stmt *s;
	*out = NULL;
	if (store_prepare(st, json_sql, &s, err))
		return err->status;
	store_bind_texts(s, 1, &area_id);
	int step = sqlite3_step(s);
	if (step == SQLITE_ROW)
		*out = store_col_dup(s, 0);
	store_finish(st, s);
	if (step == SQLITE_DONE)
		return tsu_fail(err, TSU_NOT_FOUND, "エリアが見つかりません");
	return step == SQLITE_ROW ? TSU_OK : store_sql_fail(st, err, "地域カルテ");
}
