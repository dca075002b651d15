#ifndef TSUNAGU_STORE_VERIFY_H
#define TSUNAGU_STORE_VERIFY_H
#include "tsunagu/store.h"

/*
 * Is this file still what tsunagu wrote?  Three checks, cheapest first:
 *  - the header (the first 100 bytes): SQLite's magic, a valid page
 *    size, a file length that is a whole number of pages and not shorter
 *    than the page count the header states;
 *  - the schema: every table, column (the CREATE text), index, trigger
 *    and FTS table, plus user_version and application_id, compared with
 *    a fresh in-memory database built by running schema_migrations, so
 *    a new migration needs no change here;
 *  - the pages (PRAGMA quick_check), unless the file is remembered as
 *    passed and written since only by tsunagu (store/pagecheck.c).
 * Each problem is passed to cb as one line (in Japanese) naming it.
 */

/* Header and schema; returns the number of problems. */
int store_verify_structure(struct store *st, store_problem_cb cb, void *ud);

/* All three; TSU_DB_CORRUPT with the first problem in err.  Every write
 * path of the command line runs it before writing; store_begin runs the
 * header and schema part. */
enum tsu_status store_verify(struct store *st, struct tsu_error *err);
enum tsu_status store_verify_quick(struct store *st, struct tsu_error *err);

#endif
