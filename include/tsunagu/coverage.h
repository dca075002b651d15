#ifndef TSUNAGU_COVERAGE_H
#define TSUNAGU_COVERAGE_H
#include "tsunagu/store.h"

/*
 * Who covers which area (seed 000's エリアサポーター制度): the city's area
 * supporters are staff of organisation 市, the social-welfare
 * coordinators staff of 社協, a team of two over two areas.  An area
 * without either is flagged, so that a gap is seen before a meeting.
 */

/* One area: names joined by "、"; NULL when none. */
struct coverage_area {
	const char *id, *name;
	const char *supporters;    /* 市 */
	const char *coordinators;  /* 社協 */
};
typedef int (*coverage_area_cb)(void *ud, const struct coverage_area *a);

/* One coordinator with every area it covers and who works there with it. */
struct coverage_coord {
	const char *id, *name, *appointment;
	const char *areas;         /* all its areas, in area order */
	long nareas;
	const char *team;          /* other 社協 staff sharing an area */
	const char *supporters;    /* 市 staff of the same areas */
};
typedef int (*coverage_coord_cb)(void *ud, const struct coverage_coord *c);

/* Every area in order; cb returning non-zero stops. */
enum tsu_status store_coverage_areas(struct store *st, coverage_area_cb cb, void *ud,
				     struct tsu_error *err);
/* Every coordinator (社協 staff) by reading. */
enum tsu_status store_coverage_coords(struct store *st, coverage_coord_cb cb, void *ud,
				      struct tsu_error *err);
/* One JSON array, one object per area: area, supporters [names],
 * coordinators [{name, areas [..], team [..]}], no_supporter,
 * no_coordinator; made by SQLite's JSON functions, appended to out. */
enum tsu_status store_coverage_json(struct store *st, struct sbuf *out, struct tsu_error *err);

#endif
