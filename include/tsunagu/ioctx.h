#ifndef TSUNAGU_IOCTX_H
#define TSUNAGU_IOCTX_H
#include "tsunagu/io.h"
#include "tsunagu/record.h"

/*
 * What every importer and exporter of io/ shares: the store, the file,
 * the options, the callbacks and the counts for the summary.
 */
struct io_ctx {
	struct store *st;
	const char *path;          /* for messages; "-" for stdout */
	const struct io_options *opt;
	io_progress_cb progress;
	io_report_cb report;
	void *ud;
	long inserted, updated, unchanged, skipped, written;
	long detailed;             /* dry run: update lines reported so far */
	char first_skip[TSU_ERROR_MSG_MAX]; /* "FILE:LINE: why" of the first item skipped */
};

struct csv_reader;
/* For a table read from an Excel workbook, reports which (「形式: Excel
 * ブック (.xlsx)、シート「名簿」」) and names the other sheets holding data,
 * which are not read; false (nothing reported) for a CSV. */
bool io_report_sheet(struct io_ctx *c, const struct csv_reader *r);

/* One line of the summary through the report callback (if any). */
void io_reportf(struct io_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void io_progress(struct io_ctx *c, long done, long total);

/* Rewrites err's message as "FILE:LINE: message" and returns st. */
enum tsu_status io_at_line(struct io_ctx *c, long line, enum tsu_status st,
			   struct tsu_error *err);

/* How many skipped items are listed one by one; the rest are counted. */
#define IO_SKIP_LISTED 50

/* An item (card, event) that cannot be used: with opt->strict, fails with
 * "FILE:LINE: why"; else counts it as skipped, lists it as
 * "FILE:LINE: why (この<what>は読み飛ばしました)" and returns TSU_OK. */
enum tsu_status io_skip_item(struct io_ctx *c, long line, const char *why, const char *what,
			     struct tsu_error *err);

/* Names a party an imported one only shares its name with: "FILE:LINE:
 * 「NAME」と同じ名前の関係者 (id8) がいます ..." */
void io_report_namesake(struct io_ctx *c, long line, const char *name, const char *other_id);

/* Updates row `id` of `entity` with fv when it exists, else inserts a new
 * row (id NULL or unknown); counts it as inserted, updated or unchanged
 * (the row read back before and after is compared).  out_id (may be NULL)
 * gets the row's id. */
enum tsu_status io_apply(struct io_ctx *c, const char *entity, const char *id,
			 const struct field_value *fv, size_t n, uuid_str out_id,
			 struct tsu_error *err);

#endif
