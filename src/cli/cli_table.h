#ifndef TSUNAGU_CLI_TABLE_H
#define TSUNAGU_CLI_TABLE_H
#include <stdbool.h>
#include <stdio.h>
#include <stddef.h>
#include "cli.h"

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

/*
 * The options the area-work commands share, at argv[*i]: --format
 * table|json (*json) and, when `area` is not NULL, --area A (*area).
 * Returns 1 when it was one of them, 0 when not, and minus the usage exit
 * code (the message said for `cmd`) when its value is wrong or missing:
 *   if ((r = cli_area_opt(...)) < 0) return -r; else if (r) continue;
 */
int cli_area_opt(struct cli *c, const char *cmd, int argc, char **argv, int *i,
		 const char **area, int *json);
/* Opens the file and finds `area` (its name or short name, as the other
 * commands take it; NULL: every area): *aid is id then, or NULL.
 * Returns 0 or the exit code (the error said). */
int cli_open_area(struct cli *c, const char *area, uuid_str id, const char **aid);
/* The whole of a command that takes only --area and --format from
 * argv[from]: parses them (`bad` says what it takes), opens the file and
 * finds the area (*aid: id, or NULL for every area).  0 or the exit code. */
int cli_area_args(struct cli *c, const char *cmd, const char *bad, int argc, char **argv,
		  int from, uuid_str id, const char **aid, int *json);
/* Prints *out, the JSON a store query made (freed here; a pointer, read
 * after the query ran), or the query's error (rc); returns the exit code. */
int cli_json_out(struct cli *c, enum tsu_status rc, char **out, const struct tsu_error *err);
/* Writes JSON text and a line break to f with the invisible characters a
 * terminal or editor acts on (C1 controls, bidi overrides such as U+202E,
 * line separators) as \uXXXX escapes: the same value to a JSON reader,
 * and no reordered name on the screen (sanitize.h names them). */
void cli_json_put(FILE *f, const char *json);

#endif
