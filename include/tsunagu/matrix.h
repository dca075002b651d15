#ifndef TSUNAGU_MATRIX_H
#define TSUNAGU_MATRIX_H
#include <stdbool.h>
#include "tsunagu/store.h"

/*
 * The department matrix (一覧表, seed 004): categories (the `category`
 * choice list, in its order) × departments (by reading, then name), each
 * cell holding the matrix_cell entries of one category and department by
 * state: 取組中 / 検討中 / 既往データ / 課題 / 意見 (意見・考え方).
 *
 * A category with 取組中 entries in two or more departments is a possible
 * overlap (重複?); one with no 取組中 entry anywhere is a gap (空白).
 * With an area, the entries are that area's and the city-wide ones (no
 * area); without, every entry.
 */

/* The states in the order a cell lists them. */
#define MATRIX_NSTATES 5
extern const char *const matrix_states[MATRIX_NSTATES];
/* One-character marks of the states for counts ("取2 検1"). */
extern const char *const matrix_state_marks[MATRIX_NSTATES];
#define MATRIX_ACTIVE 0 /* index of 取組中 */

struct matrix_entry {
	char *id, *state, *area_id, *text;
	char *area_name;         /* NULL: city-wide (全市) */
	int cat, dept, state_ix; /* indexes into the matrix; state_ix -1 unknown */
	int seq;                 /* order of creation */
};

struct matrix_label {
	char *code, *name; /* category code and label; department id and name */
};

struct matrix {
	struct matrix_label *cats, *depts;
	int ncats, ndepts;
	struct matrix_entry *entries; /* by category, department, state, age */
	int nentries;
};

enum tsu_status store_matrix_load(struct store *st, const char *area_id, struct matrix *m,
				  struct tsu_error *err);
void store_matrix_free(struct matrix *m);

/* Entries of state index `s` in cell (cat, dept); s -1 counts them all. */
int matrix_count(const struct matrix *m, int cat, int dept, int s);
/* Departments with a 取組中 entry in category `cat`. */
int matrix_active_depts(const struct matrix *m, int cat);
bool matrix_overlap(const struct matrix *m, int cat);
bool matrix_gap(const struct matrix *m, int cat);
/* "取2 検1 課1" for a cell ("" when empty); new string. */
char *matrix_cell_counts(const struct matrix *m, int cat, int dept);

/* The matrix as one JSON array made by SQLite's JSON functions: per
 * category {"category","overlap","gap","active_departments",
 * "departments":[{"department","department_id","counts":{...},
 * "entries":[{"id","state","text","area_id","area"}]}]}; *out malloc'd. */
enum tsu_status store_matrix_json(struct store *st, const char *area_id, char **out,
				  struct tsu_error *err);

#endif
