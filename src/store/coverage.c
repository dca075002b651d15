/*
 * Staff coverage of the areas (coverage.h): area supporters (市) and
 * coordinators (社協) per area, and each coordinator's areas and partners.
 */
#include <string.h>
#include <stdlib.h>
#include "query.h"
#include "tsunagu/coverage.h"

/* Joins the names of a subquery: for lists, and as JSON arrays. */
#define JOINED "group_concat(name, '、')"
#define ARRAY "json_group_array(name)"

/* Names of staff of organisation `org` in area `a`, in reading order. */
#define STAFF_IN_AREA(agg, org) \
	"(SELECT " agg " FROM (SELECT s.name FROM staff_area x" \
	" JOIN staff s ON s.id = x.staff_id WHERE x.area_id = a.id AND s.deleted_at IS NULL" \
	" AND s.organisation = '" org "' ORDER BY coalesce(s.kana, s.name), s.id))"

#define AREAS_SQL \
	"SELECT a.id, a.name, " STAFF_IN_AREA(JOINED, "市") " AS supporters, " \
	STAFF_IN_AREA(JOINED, "社協") " AS coordinators FROM area a WHERE a.deleted_at IS NULL" \
	" ORDER BY a.sort, a.name"

/* Staff of organisation `org` sharing an area with coordinator s. */
#define PARTNERS(agg, org) \
	"(SELECT " agg " FROM (SELECT DISTINCT c.name, c.kana FROM staff_area x" \
	" JOIN staff_area y ON y.area_id = x.area_id JOIN staff c ON c.id = y.staff_id" \
	" JOIN area ar ON ar.id = x.area_id WHERE x.staff_id = s.id AND c.id <> s.id" \
	" AND c.deleted_at IS NULL AND ar.deleted_at IS NULL AND c.organisation = '" org "'" \
	" ORDER BY coalesce(c.kana, c.name)))"

/* Names of the areas of staff s. */
#define AREAS_OF(agg) \
	"(SELECT " agg " FROM (SELECT a.name FROM staff_area x JOIN area a" \
	" ON a.id = x.area_id WHERE x.staff_id = s.id AND a.deleted_at IS NULL" \
	" ORDER BY a.sort, a.name))"

#define COORDS_SQL \
	"SELECT s.id, s.name, s.appointment, " AREAS_OF(JOINED) " AS areas," \
	" (SELECT count(*) FROM staff_area x JOIN area a ON a.id = x.area_id" \
	"  WHERE x.staff_id = s.id AND a.deleted_at IS NULL) AS nareas," \
	" " PARTNERS(JOINED, "社協") " AS team, " PARTNERS(JOINED, "市") " AS supporters" \
	" FROM staff s WHERE s.deleted_at IS NULL AND s.organisation = '社協'" \
	" ORDER BY coalesce(s.kana, s.name), s.id"

#define TXT(i) ((const char *)sqlite3_column_text(s, (i)))

enum tsu_status store_coverage_areas(struct store *st, coverage_area_cb cb, void *ud,
				     struct tsu_error *err)
{
	sqlite3_stmt *s;
	enum tsu_status rc = store_prepare(st, AREAS_SQL, &s, err);
	if (rc != TSU_OK)
		return rc;
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct coverage_area a = {TXT(0), TXT(1), TXT(2), TXT(3)};
		if (cb(ud, &a))
			break;
	}
	store_finish(st, s);
	return step == SQLITE_ROW || step == SQLITE_DONE ? TSU_OK
							 : store_sql_fail(st, err, "職員体制");
}

enum tsu_status store_coverage_coords(struct store *st, coverage_coord_cb cb, void *ud,
				      struct tsu_error *err)
{
	sqlite3_stmt *s;
	enum tsu_status rc = store_prepare(st, COORDS_SQL, &s, err);
	if (rc != TSU_OK)
		return rc;
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct coverage_coord c = {TXT(0), TXT(1), TXT(2), TXT(3),
					   (long)sqlite3_column_int64(s, 4), TXT(5), TXT(6)};
		if (cb(ud, &c))
			break;
	}
	store_finish(st, s);
	return step == SQLITE_ROW || step == SQLITE_DONE ? TSU_OK
							 : store_sql_fail(st, err, "職員体制");
}

enum tsu_status store_coverage_json(struct store *st, struct sbuf *out, struct tsu_error *err)
{
	static const char sql[] =
		"SELECT json_group_array(json_object('area', a.name,"
		" 'supporters', json(" STAFF_IN_AREA(ARRAY, "市") "),"
		" 'coordinators', (SELECT json_group_array(json(o)) FROM (SELECT json_object("
		"  'name', s.name, 'appointment', s.appointment, 'areas', json(" AREAS_OF(ARRAY) "),"
		"  'team', json(" PARTNERS(ARRAY, "社協") ")) AS o"
		"  FROM staff s WHERE s.deleted_at IS NULL AND s.organisation = '社協'"
		"  AND s.id IN (SELECT staff_id FROM staff_area WHERE area_id = a.id)"
		"  ORDER BY coalesce(s.kana, s.name), s.id)),"
		" 'no_supporter', json(CASE WHEN " STAFF_IN_AREA(JOINED, "市") " IS NULL"
		"  THEN 'true' ELSE 'false' END),"
		" 'no_coordinator', json(CASE WHEN " STAFF_IN_AREA(JOINED, "社協") " IS NULL"
		"  THEN 'true' ELSE 'false' END)))"
		" FROM (SELECT * FROM area WHERE deleted_at IS NULL ORDER BY sort, name) a";
	sqlite3_stmt *s;
	enum tsu_status rc = store_prepare(st, sql, &s, err);
	if (rc != TSU_OK)
		return rc;
	char *json;
	if ((rc = store_json_row(st, s, &json, "職員体制", err)) == TSU_OK)
		sbuf_add(out, json);
	free(json);
	return rc;
}
