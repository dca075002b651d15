#ifndef TSUNAGU_SHEET_H
#define TSUNAGU_SHEET_H
#include <stdbool.h>
#include <stddef.h>
#include "tsunagu/filekind.h"
#include "tsunagu/sbuf.h"
#include "tsunagu/status.h"

/*
 * The first worksheet of an Excel workbook (.xlsx through xlsx.c, .xls
 * through xls.c) as rows of UTF-8 cells, one row at a time, so that
 * csv.c can hand it on exactly like the CSV Excel would save from it.
 * Rows that hold no value are not handed on; each row says its number as
 * Excel shows it, whatever was skipped before it.
 */
struct sheet_row {
	size_t n;      /* cells, >= 1; a row is at least as wide as the widest before it */
	char **cell;   /* NUL-terminated UTF-8; "" for an empty cell */
	long line;     /* the row number Excel shows (1-based) */
};

/* What a workbook reader does (one per format). */
struct sheet_ops {
	enum tsu_status (*next)(void *impl, const struct sheet_row **row, struct tsu_error *err);
	const char *(*name)(const void *impl);  /* the sheet read */
	/* the i-th other sheet that holds data, or NULL past the last */
	const char *(*other)(const void *impl, size_t i);
	/* how far the reading is, in any unit (total 0: unknown) */
	void (*progress)(const void *impl, long *done, long *total);
	void (*close)(void *impl);
};

struct sheet;

/* Opens the first worksheet of the workbook at path, which filekind.h
 * found to be kind (FILE_XLSX or FILE_XLS). */
enum tsu_status sheet_open(const char *path, enum file_kind kind, struct sheet **out,
			   struct tsu_error *err);
/* The same for an .xlsx held in memory (data must outlive the sheet);
 * name is for messages. */
enum tsu_status sheet_open_xlsx_mem(const void *data, size_t len, const char *name,
				    struct sheet **out, struct tsu_error *err);
/* The next row with a value, or *row = NULL after the last; valid until
 * the next call. */
enum tsu_status sheet_next(struct sheet *s, const struct sheet_row **row,
			   struct tsu_error *err);
/* 「Excel ブック (.xlsx)、シート「名簿」」, for the summary of an import. */
const char *sheet_describe(const struct sheet *s);
/* The name of the sheet read (「名簿」). */
const char *sheet_name(const struct sheet *s);
const char *sheet_other(const struct sheet *s, size_t i);
/* How far the reading is (for a progress bar; total 0 when unknown). */
void sheet_progress(const struct sheet *s, long *done, long *total);
void sheet_close(struct sheet *s);

/* The cells of one row as a reader builds them: put each cell's text at
 * its column, left to right; the gaps are empty cells. */
struct sheet_rowbuf {
	struct sbuf buf;    /* cells, NUL separated */
	size_t *offs;
	size_t n, cap, width;
	char **ptrs;
	size_t capptrs;
	bool any;           /* a cell with a value was put */
	struct sheet_row row;
};
void sheet_rowbuf_start(struct sheet_rowbuf *b, long line);
/* False when col is left of a cell already put (a broken file). */
bool sheet_rowbuf_put(struct sheet_rowbuf *b, size_t col, const char *s, size_t len);
/* The row built, padded to the widest row so far. */
const struct sheet_row *sheet_rowbuf_row(struct sheet_rowbuf *b);
void sheet_rowbuf_free(struct sheet_rowbuf *b);

#endif
