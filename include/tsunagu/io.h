#ifndef TSUNAGU_IO_H
#define TSUNAGU_IO_H
#include <stdbool.h>
#include "tsunagu/store.h"

/*
 * Import and export of files (issue: Excel CSV, vCard, iCalendar, open
 * data).  Every import is one transaction: a bad file changes nothing and
 * the error says "FILE:LINE: reason".
 */
/* UTF-16 is never asked for: a file that starts with its byte order mark
 * (Excel's 「Unicode テキスト」) is read as UTF-16 whatever was asked. */
enum io_encoding { IO_ENC_AUTO, IO_ENC_UTF8, IO_ENC_CP932, IO_ENC_UTF16LE, IO_ENC_UTF16BE };

/* The largest field (CSV cell) or record (CSV row, vCard/iCalendar line
 * after unfolding) an importer accepts, in bytes of UTF-8.  Importing
 * one costs ten to fifteen times its size in memory (copies, normalised
 * search text, history), so this keeps an import under 64 MB; anything
 * larger is refused naming FILE:LINE and the size. */
#define IO_FIELD_MAX (2 * 1024 * 1024)

struct io_options {
	enum io_encoding encoding;
	bool dry_run;
	const char *area_id;  /* export: only this area (full id) or NULL */
	bool force;           /* export: replace an existing file (never a database) */
	bool field_headings;  /* export CSV: headed by field names (id, kind, ...)
			       * instead of the Japanese labels (ID, 区分, ...) */
	bool strict;          /* import vCard/iCalendar: refuse the whole file for
			       * one card or event that cannot be used, instead of
			       * listing and skipping it */
};

/* Progress in bytes (import) or rows (export); total may be 0 if unknown. */
typedef void (*io_progress_cb)(void *ud, long done, long total);
/* One line of the summary: counts, unmatched districts, skipped rows. */
typedef void (*io_report_cb)(void *ud, const char *line);

/* kind: parties, tasks, districts, facilities, vcard, ical. */
enum tsu_status io_import(struct store *st, const char *kind, const char *path,
			  const struct io_options *opt, io_progress_cb progress,
			  io_report_cb report, void *ud, struct tsu_error *err);
/* kind: parties, tasks, events, vcard, ical, karte.  path NULL = stdout.
 * Files written are mode 0600.  The path is checked by outguard_check
 * first: never the open database or any SQLite file, an existing file
 * only with opt->force. */
enum tsu_status io_export(struct store *st, const char *kind, const char *path,
			  const struct io_options *opt, io_progress_cb progress,
			  void *ud, struct tsu_error *err);
/* A kind of file as a menu shows it: the word of the commands
 * ("parties"), its Japanese label (関係者・団体) and, for exports, the
 * usual file extension ("csv"; NULL for imports). */
struct io_kind {
	const char *kind, *label, *ext;
};
/* The i-th kind io_export / io_import handle (0, 1, ...); false past the last. */
bool io_export_kind(size_t i, struct io_kind *k);
bool io_import_kind(size_t i, struct io_kind *k);
/* Parses "auto", "utf-8"/"utf8", "cp932"/"sjis"/"shift_jis". */
bool io_encoding_parse(const char *s, enum io_encoding *out);
/* The name a summary gives an encoding read: "UTF-8", "CP932", "UTF-16LE" ... */
const char *io_encoding_name(enum io_encoding enc);

#endif
