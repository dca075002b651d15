#ifndef TSUNAGU_REPORT_H
#define TSUNAGU_REPORT_H
#include <stdbool.h>
#include <stddef.h>
#include "tsunagu/io.h"
#include "tsunagu/localtime.h"
#include "tsunagu/store.h"

/*
 * Reports in the layouts offices file (`tsunagu report KIND`): each kind
 * builds one document (reportdoc.h); the file's extension chooses its
 * form: .html/.htm printable A4 HTML, .csv Excel CSV (UTF-8 with BOM or
 * CP932), .md Markdown.  Files go through outguard/outfile: 0600, a
 * temporary file renamed into place, never over the database, over an
 * existing file only with force.  Contact details appear only for
 * persons with 本人同意 (consent.h).  Every report ends with who made it
 * (the store's author) and when (local time).
 */

/* What a kind asks for (a menu asks only these). */
enum {
	REPORT_USES_AREA   = 1 << 0,  /* --area (optional: all areas) */
	REPORT_USES_TASK   = 1 << 1,  /* --task or --party (one is required) */
	REPORT_USES_PERIOD = 1 << 2,  /* --from / --to */
	REPORT_AREA_SUBJECT = 1 << 3, /* --area instead of --task or --party: the
				       * area's own entries (its meetings) */
};

struct report_options {
	const char *area_id;         /* full id or NULL: every area */
	const char *task_id;         /* full id (log) or NULL */
	const char *party_id;        /* full id (log) or NULL */
	const char *from, *to;       /* ISO dates or NULL */
	enum io_encoding encoding;   /* CSV: IO_ENC_CP932 or UTF-8 (with BOM) */
	bool force;                  /* replace an existing file (never a database) */
	enum date_style date_style;  /* how the footer's time and dates read */
};

enum report_format { REPORT_MD, REPORT_HTML, REPORT_CSV };

/* A kind as the command line and the app's menu show it: the word
 * ("karte"), the title (地域カルテ), the short label for file names
 * (カルテ), what it uses (REPORT_USES_*). */
struct report_kind {
	const char *kind, *title, *file_label;
	unsigned uses;
};
/* The i-th kind (0, 1, ...); false past the last. */
bool report_kind_at(size_t i, struct report_kind *k);
/* The kind named `word`; false for an unknown word. */
bool report_kind_find(const char *word, struct report_kind *k);

/* The format of a file name by its extension (case-insensitive);
 * TSU_USAGE with a Japanese message for any other. */
enum tsu_status report_format_of(const char *path, enum report_format *out,
				 struct tsu_error *err);

/* Writes report `kind` to `path` (NULL or "-": Markdown on standard
 * output). */
enum tsu_status report_write(struct store *st, const char *kind, const char *path,
			     const struct report_options *opt, struct tsu_error *err);

#endif
