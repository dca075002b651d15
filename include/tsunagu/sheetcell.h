#ifndef TSUNAGU_SHEETCELL_H
#define TSUNAGU_SHEETCELL_H
#include <stdbool.h>
#include <stddef.h>
#include "tsunagu/sbuf.h"

/*
 * The values of spreadsheet cells written as text the way Excel's
 * 「CSV (コンマ区切り)」 would show them, so that a workbook reads exactly
 * like the CSV saved from it: numbers without a trailing ".0" and with at
 * most 15 significant digits, dates (serial day numbers under a date
 * format) as YYYY-MM-DD, with " HH:MM" when the format shows a time.
 * Pure functions: no files, no zip, no XML (unit-tested alone).
 */

/* What a number format shows: a plain number, a date, a date and time,
 * or a time of day only. */
enum sheet_numfmt { SHEET_NUMBER, SHEET_DATE, SHEET_DATETIME, SHEET_TIME };

/* Room for any text sheet_number_text or sheet_serial_text writes. */
#define SHEET_NUM_MAX 40

/* The largest column (XFD) and row Excel has; refs past them are refused. */
#define SHEET_COL_MAX 16384L
#define SHEET_ROW_MAX 1048576L

/* What a built-in number format id shows (14-22, 27-36, 45-47 and
 * 50-58 are dates or times: the last two ranges are the Japanese
 * locale's 和暦 and 年月日 formats). */
enum sheet_numfmt sheet_numfmt_builtin(long id);
/* What a custom format code shows: a date when it holds y, m, d, e or g
 * (and a time when h or s) outside quotes, brackets and escapes;
 * "General", "0.00E+00" and "#,##0\"円\"" are numbers. */
enum sheet_numfmt sheet_numfmt_code(const char *code);

/* A number as Excel's CSV shows it under the General format: "42",
 * "1.5", "-0.25", "100000" (never "1e+05"), 15 significant digits. */
void sheet_number_text(double v, char out[SHEET_NUM_MAX]);
/* The cell text `v` (a number as the file writes it) under format kind
 * `k`: a number, or a serial day number as "YYYY-MM-DD", "YYYY-MM-DD
 * HH:MM" or "HH:MM".  The 1900 date system counts Excel's 1900-02-29
 * (serial 60); date1904 counts from 1904-01-01.  Text that is not a
 * number, or a serial outside 0001-9999, is copied as written. */
void sheet_value_text(const char *v, enum sheet_numfmt k, bool date1904,
		      char *out, size_t n);
/* A serial day number as sheet_value_text writes it; false when it is
 * not a date Excel can show (negative, or past 9999-12-31). */
bool sheet_serial_text(double serial, enum sheet_numfmt k, bool date1904,
		       char out[SHEET_NUM_MAX]);

/* A cell reference "C3" as a column (0-based) and row (1-based; 0 when
 * the reference has no digits).  False for anything else or past
 * XFD1048576. */
bool sheet_cell_ref(const char *ref, long *col, long *row);

/* Appends text from a workbook to out, decoding the _xHHHH_ escapes OOXML
 * writes for control characters (_x000D_, _x005F_ for "_"), and turning
 * CR LF and a lone CR into "\n" as CSV line breaks read.  NUL is dropped. */
void sheet_unescape(const char *s, size_t n, struct sbuf *out);

#endif
