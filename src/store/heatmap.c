/* The aging-rate heatmap's rows (heatmap.h): one query, two outputs. */
#include <stdlib.h>
#include <string.h>
#include "query.h"
#include "tsunagu/heatmap.h"

/* ?1 the area (NULL: all), ?2 1 for rate order */
#define RATE "CASE WHEN d.population > 0 AND d.population_65 IS NOT NULL" \
	" THEN 100.0 * d.population_65 / d.population END"
#define HEAT_FROM \
	" FROM district d JOIN area a ON a.id = d.area_id" \
	" WHERE d.deleted_at IS NULL AND a.deleted_at IS NULL AND (?1 IS NULL OR a.id = ?1)" \
	" ORDER BY a.sort, a.name, CASE WHEN ?2 THEN " RATE " IS NULL END," \
	" CASE WHEN ?2 THEN -(" RATE ") END, d.rowid"

static const char rows_sql[] =
	"SELECT a.id, a.name, d.id, d.name, d.population, d.population_65, " RATE HEAT_FROM;

static void bind_heat(sqlite3_stmt *s, const char *area_id, bool by_rate)
{
	store_bind_texts(s, 1, &area_id);
	sqlite3_bind_int(s, 2, by_rate);
}

enum tsu_status store_heatmap(struct store *st, const char *area_id, bool by_rate,
			      heat_row_cb cb, void *ud, struct tsu_error *err)
{
	sqlite3_stmt *s;
	if (store_prepare(st, rows_sql, &s, err))
		return err->status;
	bind_heat(s, area_id, by_rate);
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
#define T(i) ((const char *)sqlite3_column_text(s, i))
		struct heat_row r = {
			.area_id = T(0), .area = T(1), .id = T(2), .district = T(3),
			.has_figures = sqlite3_column_type(s, 4) != SQLITE_NULL &&
				       sqlite3_column_type(s, 5) != SQLITE_NULL,
			.population = sqlite3_column_int64(s, 4),
			.population_65 = sqlite3_column_int64(s, 5),
			.has_rate = sqlite3_column_type(s, 6) != SQLITE_NULL,
			.rate = sqlite3_column_double(s, 6),
		};
#undef T
		if (cb(ud, &r))
			break;
	}
	store_finish(st, s);
	return step == SQLITE_ROW || step == SQLITE_DONE ? TSU_OK
							 : store_sql_fail(st, err, "高齢化率");
}

static const char json_sql[] =
	"SELECT json_group_array(json_object('area', area, 'district', district,"
	" 'population', population, 'population_65', population_65,"
	" 'aging_rate', round(rate, 1), 'city_average', (SELECT round(100.0 * sum(population_65)"
	"  / nullif(sum(population), 0), 1) FROM district WHERE deleted_at IS NULL"
	"  AND population IS NOT NULL AND population_65 IS NOT NULL)))"
	" FROM (SELECT a.name AS area, d.name AS district, d.population, d.population_65, "
	RATE " AS rate" HEAT_FROM ")";

enum tsu_status store_heatmap_json(struct store *st, const char *area_id, bool by_rate,
				   char **out, struct tsu_error *err)
{
	sqlite3_stmt *s;
	*out = NULL;
	if (store_prepare(st, json_sql, &s, err))
		return err->status;
	bind_heat(s, area_id, by_rate);
	return store_json_row(st, s, out, "高齢化率", err);
}

double heatmap_scale(double max_rate)
{
	double s = 10;
	while (s < max_rate && s < 100)
		s += 10;
	return s;
}

int heatmap_cells(double rate, double scale, int width)
{
	if (rate <= 0 || scale <= 0 || width <= 0)
		return 0;
	int n = (int)(rate / scale * width + 0.5);
	if (n < 1)
		n = 1;
	return n > width ? width : n;
}

const char *heatmap_shade(double rate, double average)
{
	double d = rate - average;
	return d <= -5 ? "░" : d < 0 ? "▒" : d < 5 ? "▓" : "█";
}
