#ifndef TSUNAGU_GENERATIONS_H
#define TSUNAGU_GENERATIONS_H
#include "tsunagu/store.h"

/*
 * Participation by generation (子ども / 若者 / 現役・子育て / シニア): the
 * attendance of the events of one area (or all) dated within a period,
 * beside the period of the same length just before it, so that an area
 * meeting can see whom its events reach and whether that is changing.
 */
#define GEN_DATE_LEN 16
#define GEN_MAX 8

struct gen_period {
	char from[GEN_DATE_LEN], to[GEN_DATE_LEN];
};

struct gen_row {
	char generation[64];    /* choice code (the label is the same) */
	long count, prev;       /* attendance in the period and the one before */
	double share, prev_share; /* per cent of the period's total, one decimal */
};

struct gen_summary {
	struct gen_period cur, prev;
	int n;
	struct gen_row rows[GEN_MAX];
	long total, prev_total;
	long events, prev_events;  /* events dated in each period */
};

/* The fiscal year (April to March) holding ISO date `day`. */
void gen_fiscal_year(const char *day, struct gen_period *out);
/* The period of the same length that ends the day before `p` starts. */
void gen_previous(const struct gen_period *p, struct gen_period *out);
/* Moves `p` by its own length: dir -1 back, +1 forward.  A whole fiscal
 * year moves by a year. */
void gen_shift(struct gen_period *p, int dir);

/* Counts for `area_id` (NULL: all areas) over `p` and the period before. */
enum tsu_status store_generations(struct store *st, const char *area_id,
				  const struct gen_period *p, struct gen_summary *out,
				  struct tsu_error *err);
/* The same as one JSON array, one object per generation (English keys),
 * made by SQLite's JSON functions; appended to out. */
enum tsu_status store_generations_json(struct store *st, const char *area_id,
				       const struct gen_period *p, struct sbuf *out,
				       struct tsu_error *err);

#endif
