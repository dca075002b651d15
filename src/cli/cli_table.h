#ifndef TSUNAGU_CLI_TABLE_H
#define TSUNAGU_CLI_TABLE_H
#include <stdbool.h>
#include <stdio.h>
#include <stddef.h>

/*
 * A plain table for the area-work commands (suggest, load, list requests,
 * generations, coverage):
 * Japanese headings, cells sanitised and aligned by display width (a wide
 * character takes two columns), two spaces between columns, no trailing
 * blanks.  Cells are copied; a NULL cell prints empty.
 */
struct cli_table {
	int ncols;
	const char *const *headings;
	char **cells;         /* ncols per row */
	size_t nrows, cap;
	const bool *right;    /* right[c]: column c right-aligned (NULL: none) */
};

void cli_table_init(struct cli_table *t, int ncols, const char *const *headings);
/* Adds one row of t->ncols cells. */
void cli_table_row(struct cli_table *t, const char *const *cells);
void cli_table_print(FILE *f, const struct cli_table *t);
void cli_table_free(struct cli_table *t);
/* The whole table at once: nrows rows of ncols cells (generations, coverage). */
void cli_table_cells(FILE *f, int ncols, const char *const *headings, const char *const *cells,
		     size_t nrows, const bool *right);
/* --format table|json from argv[*i]; returns 1 when it was that option
 * (*json set), -1 when its value is wrong or missing, 0 otherwise. */
int cli_table_format(int argc, char **argv, int *i, int *json);

#endif
