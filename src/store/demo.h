#ifndef TSUNAGU_STORE_DEMO_H
#define TSUNAGU_STORE_DEMO_H
/*
 * Private to the demo (demo.c, demo_area.c): the state of one demo build
 * and the helpers both files use, so that the area work of issue 9 lives
 * in its own file and draws from the same deterministic generator.
 */
#include <stdint.h>
#include "tsunagu/record.h"

struct demo {
	struct store *st;
	uint64_t rng;
	uuid_str areas[10];
	uuid_str *orgs, *persons, *tasks, *depts;
	int norgs, npersons, ntasks, ndepts;
	long today;              /* days since 1970-01-01, local */
	struct tsu_error *err;
};

/* Per area, in the seeded order: the place that names its groups and tasks,
 * the districts the demo adds where the seed has none (NAME or NAME:COUNT
 * for 1丁目..COUNT丁目), and a typical aging rate in percent. */
struct demo_area {
	const char *place, *kana, *districts;
	int aging;
};
extern const struct demo_area demo_areas[10];
extern const char *const demo_departments[6];
extern const char *const demo_gens[4];

/* The next number in [0, n) of the fixed-seed generator. */
uint32_t demo_rnd(struct demo *d, uint32_t n);
#define PICK(d, arr) (arr)[demo_rnd(d, (uint32_t)(sizeof(arr) / sizeof((arr)[0])))]
/* Inserts one row (out may be NULL). */
enum tsu_status demo_put(struct demo *d, const char *entity, struct field_value *fv, size_t n,
			 uuid_str out);
/* The date `day_offset` days after today (negative: before), ISO; buf has 11 bytes. */
void demo_date(const struct demo *d, char *buf, int day_offset);

/* demo_area.c: the area work of issue 9 — events with form, theme and
 * attendance over two fiscal years, surveys, karte items, platform types,
 * matrix entries, 地域要望 in every state, tasks needing 見守り and people
 * offering it, coordinator pairs.  Runs last, so the rest of the demo
 * stays as it was. */
enum tsu_status demo_area_work(struct demo *d);

#endif
