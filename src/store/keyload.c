/*
 * Key-person load (keyload.h).  One query: the current roles (cur), the
 * persons of the area with their count (per), then persons joined to
 * their roles.  The area goes through party_area's index and each
 * person's roles through membership_person, so an all-areas list at city
 * scale is one pass over the persons, not a query per person.
 */
#include <stdlib.h>
#include "query.h"
#include "tsunagu/keyload.h"
#include "tsunagu/report_data.h"

#define T(i) ((const char *)sqlite3_column_text(s, i))
#define STR_(x) #x
#define STR(x) STR_(x)

/* ?1 area (NULL: all), ?2 today */
#define KEYLOAD_WITH \
	"WITH cur AS (SELECT m.person_id AS pid, m.role AS role, m.to_date AS to_date," \
	"  o.name AS org FROM membership m JOIN party o ON o.id = m.org_id" \
	"  WHERE m.deleted_at IS NULL AND o.deleted_at IS NULL" \
	"  AND (m.to_date IS NULL OR m.to_date >= ?2))," \
	" per AS (SELECT p.id AS id, p.name AS name, p.kana AS kana, p.key_person AS key_person," \
	"  (SELECT group_concat(a.name, '、') FROM party_area pa JOIN area a ON a.id = pa.area_id" \
	"   WHERE pa.party_id = p.id) AS areas," \
	"  (SELECT count(*) FROM cur WHERE cur.pid = p.id) AS load" \
	"  FROM party p WHERE p.deleted_at IS NULL AND p.kind = 'person'" \
	"  AND (?1 IS NULL OR p.id IN (SELECT party_id FROM party_area WHERE area_id = ?1)))"
#define KEYLOAD_SOON \
	"(cur.to_date IS NOT NULL AND cur.to_date <= date(?2, '+" STR(REPORT_TERM_SOON_DAYS) " days'))"
#define KEYLOAD_LEFT \
	"CASE WHEN cur.to_date IS NOT NULL THEN CAST(julianday(cur.to_date) - julianday(?2) AS INTEGER)" \
	" ELSE -1 END"

static const char keyload_sql[] =
	KEYLOAD_WITH
	" SELECT per.id, per.name, per.kana, per.areas, per.key_person, per.load, cur.org, cur.role,"
	" cur.to_date, " KEYLOAD_SOON ", " KEYLOAD_LEFT
	" FROM per LEFT JOIN cur ON cur.pid = per.id"
	" WHERE per.load > 0 OR per.key_person = 1"
	" ORDER BY per.load DESC, coalesce(per.kana, per.name), per.name, per.id,"
	" cur.to_date IS NULL, cur.to_date, cur.org, cur.role";

static const char keyload_json_sql[] =
	KEYLOAD_WITH
	" SELECT coalesce(json_group_array(json(x.obj)), '[]') FROM (SELECT json_object('id', per.id,"
	" 'name', per.name, 'kana', per.kana, 'areas', per.areas,"
	" 'key_person', json(CASE per.key_person WHEN 1 THEN 'true' ELSE 'false' END),"
	" 'load', per.load, 'roles', (SELECT json_group_array(json_object('org', r.org, 'role', r.role,"
	"  'to', r.to_date, 'ending_soon', json(CASE WHEN r.soon THEN 'true' ELSE 'false' END),"
	"  'days_left', r.dleft)) FROM (SELECT cur.org AS org, cur.role AS role, cur.to_date AS to_date,"
	"  " KEYLOAD_SOON " AS soon, " KEYLOAD_LEFT " AS dleft FROM cur WHERE cur.pid = per.id"
	"  ORDER BY cur.to_date IS NULL, cur.to_date, cur.org, cur.role) r)) AS obj"
	" FROM per WHERE per.load > 0 OR per.key_person = 1"
	" ORDER BY per.load DESC, coalesce(per.kana, per.name), per.name, per.id) x";

enum tsu_status store_keyload(struct store *st, const char *area_id, keyload_cb cb, void *ud,
			      struct tsu_error *err)
{
	sqlite3_stmt *s;
	if (store_prepare_area_today(st, keyload_sql, area_id, &s, err))
		return err->status;
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct keyload_role r = {
			.person_id = T(0), .name = T(1), .kana = T(2), .areas = T(3),
			.key_person = sqlite3_column_int(s, 4) != 0, .load = sqlite3_column_int64(s, 5),
			.org = T(6), .role = T(7), .to = T(8), .ending_soon = sqlite3_column_int(s, 9) != 0,
			.days_left = sqlite3_column_int64(s, 10),
		};
		if (cb(ud, &r))
			break;
	}
	store_finish(st, s);
	return step == SQLITE_ROW || step == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, "兼務");
}

enum tsu_status store_keyload_json(struct store *st, const char *area_id, char **out,
				   struct tsu_error *err)
{
	sqlite3_stmt *s;
	*out = NULL;
	if (store_prepare_area_today(st, keyload_json_sql, area_id, &s, err))
		return err->status;
	return store_json_row(st, s, out, "兼務", err);
}
