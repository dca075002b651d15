#ifndef TSUNAGU_CSVCELL_H
#define TSUNAGU_CSVCELL_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Reading the values of spreadsheet cells as people type them: numbers
 * with full-width digits, surrounding (full-width) spaces, thousands
 * separators, and "-" for none; headings that differ only in width,
 * spacing or bracket style.
 */

/* The number in a cell as plain ASCII ("１，０２９ " -> "1029", "-" and
 * "－" -> "0", "12.5" stays).  Returns a new string; NULL with *ok true
 * for an empty cell or one marked undisclosed ("X", "*", "…"); NULL with
 * *ok false when the cell is not a number. */
char *csv_cell_number(const char *s, bool *ok);

/* A cell holding a code or a short value: NFKC, spaces trimmed (new
 * string; the input copied when it is not valid UTF-8). */
char *csv_cell_code(const char *s);

/* The characters people and office software put between the parts of a
 * number ("1‐2‐3", "042ー374") that NFKC leaves as they are (it folds
 * "－" and "﹣" itself, and "ｰ" to "ー"): hyphens, dashes, the horizontal
 * bar, the minus sign and the long-vowel mark. */
bool csv_dash(int32_t cp);

/* A phone number as typed: csv_cell_code, and every dash between digits
 * or brackets ("042ー374ー1234", "042‐374", "042−374", "(042)―374")
 * made "-"; a dash elsewhere ("(センター)") is left as written.  New
 * string. */
char *csv_cell_phone(const char *s);

/* The key a heading is compared by: NFKC (width), no white space, ASCII
 * lower case, every bracket pair as "()" ("料金（基本）" and "料金 (基本)"
 * and "料金【基本】" have the same key).  New string. */
char *csv_header_key(const char *s);

/* Index of the heading whose key equals the key of `name`, or -1. */
int csv_header_find(char *const *keys, size_t n, const char *name);

/* True when a spreadsheet opening the cell would run it as a formula:
 * it starts with = + - @, a tab or a CR, and is not a plain number
 * ("-3" and "+1.5" are numbers; "=1+1", "+81-42-..." and "@SUM(A1)"
 * are formulas to Excel). */
bool csv_cell_formula(const char *s);

/* A cell for Excel: s with ' in front when, after any apostrophes it
 * begins with, it is formula-like (csv_cell_formula), which Excel shows
 * as text; NULL when s is safe as it is.  New string.  Lossless with
 * csv_cell_uninert: "=1+1" -> "'=1+1" -> "=1+1", "'=1+1" -> "''=1+1" ->
 * "'=1+1", "'abc" unchanged. */
char *csv_cell_inert(const char *s);
/* The value of a cell csv_cell_inert wrote (or Excel saved, where ' is
 * the mark of text): s without its first ' when the rest, past any more
 * apostrophes, is formula-like; else s.  Points into s. */
const char *csv_cell_uninert(const char *s);

#endif
