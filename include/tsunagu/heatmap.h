#ifndef TSUNAGU_HEATMAP_H
#define TSUNAGU_HEATMAP_H
#include <stdbool.h>
#include "tsunagu/store.h"

/*
 * The aging-rate heatmap (高齢化率, issue 9): every district of an area,
 * or of every area grouped by area, with its rate.  A district has a rate
 * when it has residents (人口 > 0) and a 65歳以上 figure; the others are
 * shown as 「－」.  The city average is store_karte_basics(NULL) (karte.h):
 * every district's 65+ over every district's population.
 */
struct heat_row {
	const char *area_id, *area, *id, *district;
	bool has_figures;         /* population and population_65 both known */
	long population, population_65;
	bool has_rate;            /* has residents: the rate means something */
	double rate;              /* percent */
};
typedef int (*heat_row_cb)(void *ud, const struct heat_row *r);

/* The districts of `area_id` (NULL: every area, in the areas' order), in
 * district order or, by_rate, highest rate first (no rate last) within
 * each area.  cb returning non-zero stops. */
enum tsu_status store_heatmap(struct store *st, const char *area_id, bool by_rate,
			      heat_row_cb cb, void *ud, struct tsu_error *err);

/* The same rows as one JSON array of objects (SQLite's JSON functions):
 * area, district, population, population_65, aging_rate (null without
 * residents), city_average.  New string. */
enum tsu_status store_heatmap_json(struct store *st, const char *area_id, bool by_rate,
				   char **out, struct tsu_error *err);

/* The bar scale: the highest rate shown rounded up to a tenth (10 %
 * steps), at least 10, so bars of one screen compare by length. */
double heatmap_scale(double max_rate);
/* Cells of a bar `width` cells long for `rate` on `scale` (rounded; a
 * rate above zero has at least one cell).  The city average's marker
 * stands in cell heatmap_cells(average, ...) - 1 (or 0). */
int heatmap_cells(double rate, double scale, int width);
/* The shade of a bar beside the city average: ░ 5 points or more below,
 * ▒ below, ▓ up to 5 above, █ 5 or more above (one cell's glyph). */
const char *heatmap_shade(double rate, double average);

#endif
