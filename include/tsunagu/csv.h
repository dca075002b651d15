#ifndef TSUNAGU_CSV_H
#define TSUNAGU_CSV_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "tsunagu/io.h"
#include "tsunagu/sbuf.h"
#include "tsunagu/status.h"

/*
 * CSV as Excel writes it (RFC 4180 plus what Excel does): comma separated,
 * CRLF or LF (or a lone CR) between records, fields quoted with '"' when
 * they hold commas, quotes (doubled) or line breaks.  Line breaks inside
 * a quoted field come out as '\n'.  Broken quoting is an error naming the
 * line where the offending field started, so an unclosed quote on line
 * 5,000 is reported as line 5,000 and not at the end of the file.
 * Records are read one at a time; only the current one is in memory.
 * csv_open also reads an Excel workbook (.xlsx, .xls, told by its
 * content): the first sheet's rows are its records, each numbered by its
 * row in the sheet.  Other files that are not text (.ods, .docx, PDF …)
 * are refused with a line naming what they are (filekind.h).
 */
struct csv_reader;

struct csv_row {
	size_t n;          /* number of fields (>= 1) */
	char **f;          /* NUL-terminated UTF-8 fields */
	long line;         /* line on which the record starts */
};

enum tsu_status csv_open(const char *path, enum io_encoding enc,
			 struct csv_reader **out, struct tsu_error *err);
/* Reads from fp (owned by the reader from now on); name is for messages. */
enum tsu_status csv_open_fp(FILE *fp, const char *name, enum io_encoding enc,
			    struct csv_reader **out, struct tsu_error *err);
/* The next record, or *row = NULL at end of file.  The row is valid until
 * the next call.  Records that are entirely empty lines are skipped. */
enum tsu_status csv_next(struct csv_reader *r, const struct csv_row **row,
			 struct tsu_error *err);
/* UTF-8 for a workbook. */
enum io_encoding csv_encoding(const struct csv_reader *r);
/* A workbook: 「Excel ブック (.xlsx)、シート「名簿」」; NULL for CSV. */
const char *csv_sheet(const struct csv_reader *r);
/* A workbook: the name of the sheet read; NULL for CSV. */
const char *csv_sheet_name(const struct csv_reader *r);
/* A workbook: the i-th other sheet that holds data (not read), or NULL. */
const char *csv_sheet_other(const struct csv_reader *r, size_t i);
void csv_progress(const struct csv_reader *r, long *done, long *total);
void csv_close(struct csv_reader *r);

/* True when every field of row is empty (",,,," lines Excel leaves). */
bool csv_row_blank(const struct csv_row *row);

/* Appends one field, quoted when it needs to be, to b; fields of a record
 * are separated by csv_put_sep and ended by csv_end_row ("\r\n"). */
void csv_put_field(struct sbuf *b, const char *s);
void csv_put_sep(struct sbuf *b);
void csv_end_row(struct sbuf *b);

#endif
