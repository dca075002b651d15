#ifndef TSUNAGU_STORE_H
#define TSUNAGU_STORE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "tsunagu/status.h"
#include "tsunagu/uuid.h"
#include "tsunagu/entity.h"
#include "tsunagu/sbuf.h"

/*
 * The database file (DESIGN §4): one SQLite file, foreign keys on, journal
 * DELETE, schema version in user_version.  All access to it goes through
 * this layer; nothing above store/ sees SQL.
 */
struct store;

enum store_mode {
	STORE_OPEN_EXISTING, /* the file must exist (TSU_DB_MISSING otherwise) */
	STORE_OPEN_CREATE,   /* create and seed the ten areas if missing */
	STORE_OPEN_UPGRADE,  /* as EXISTING, for reading its records and changes only
				(merge's copy of an older file): search indexes an
				upgrade empties are not filled again */
};

/* While `pending` is set, a query running in this file stops as soon as
 * pending(ud) returns non-zero (TSU_INTERRUPTED): a search as you type
 * gives way to the next key instead of making the user wait for a result
 * that is already out of date.  NULL ends it.  Only for reading. */
void store_yield_to(struct store *st, int (*pending)(void *ud), void *ud);

/* The schema version this program writes (the number of migrations). */
int store_schema_version(void);
/* The schema version of the file at path, read without opening it for
 * writing: 0 for a new or empty file, -1 when it cannot be read. */
int store_file_version(const char *path);
/* The version of the file at path when opening it will upgrade it (it is
 * older than store_schema_version() and this user can write it), else 0.
 * The upgrade (a backup first) takes a while on a city's file: callers
 * say so first. */
int store_upgrade_pending(const char *path);

/* Opens (or creates) the file.  Runs pending migrations after a backup
 * copy "FILE.bak-vN".  A file of a newer schema opens read-only and
 * *out is set; err then holds the warning with status TSU_DB_NEWER
 * while the function returns TSU_OK. */
enum tsu_status store_open(const char *path, enum store_mode mode,
			   struct store **out, struct tsu_error *err);
void store_close(struct store *st);

const char *store_path(const struct store *st);
bool store_readonly(const struct store *st);
/* Name recorded as author of changes (history, log entries). */
void store_set_author(struct store *st, const char *author);
const char *store_author(const struct store *st);

/* One user action = one transaction.  Nested calls are counted: only the
 * outermost begin/commit touches the database. */
enum tsu_status store_begin(struct store *st, struct tsu_error *err);
enum tsu_status store_commit(struct store *st, struct tsu_error *err);
void store_rollback(struct store *st);
/* Many writes in one transaction (an import): the search index is brought
 * up to date in batches, and complete when store_bulk_end returns (call
 * it before store_commit).  Rolling back ends it too. */
void store_bulk_begin(struct store *st);
/* In a bulk write that adds many rows (an import), after store_bulk_begin:
 * the directory's order and the counts kept by triggers are brought up to
 * date once, by store_bulk_end, not at every row, and each new record is
 * written without a savepoint of its own (it is checked whole before its
 * first write).  A record given up after a write of it makes
 * store_bulk_end fail: the caller rolls the whole write back. */
enum tsu_status store_bulk_defer(struct store *st, struct tsu_error *err);
enum tsu_status store_bulk_end(struct store *st, struct tsu_error *err);

/* Fills the database with the reference data from data/ (areas, choices).
 * Called by store_open on creation; idempotent. */
enum tsu_status store_seed(struct store *st, struct tsu_error *err);
/* Adds deterministic fictional sample data (init --demo): `scale` 1 gives
 * 300+ parties, 150 tasks, 1,000 log entries, 30 events. */
enum tsu_status store_demo(struct store *st, int scale, struct tsu_error *err);
/* The same with counts of one's own: `init --demo --city` (scripts/bench)
 * makes the city-scale file of 100,000 parties, 100,000 tasks, 1,000,000
 * log entries and 500 events. */
struct demo_size {
	int orgs, persons, tasks, logs, events;
};
enum tsu_status store_demo_sized(struct store *st, const struct demo_size *size,
				 struct tsu_error *err);
/* Makes a new demo file at `path` whose own work belongs to `author`: built
 * under a temporary name and renamed, so a half-made demo is never left. */
enum tsu_status store_demo_file(const char *path, const char *author, struct tsu_error *err);

/* A consistent copy of the open database at `out` (backup API), mode 0600. */
enum tsu_status store_snapshot(struct store *st, const char *out, struct tsu_error *err);

/* Integrity, foreign keys and schema checks; each problem is passed to cb
 * as one line.  Returns TSU_DB_CORRUPT when any was found. */
typedef void (*store_problem_cb)(void *ud, const char *line);
enum tsu_status store_check(struct store *st, store_problem_cb cb, void *ud,
			    struct tsu_error *err);

/* ---- choices (refvalue) ---- */

/* Calls cb for every choice of `kind` ("org_type", "task_status",
 * "duty", ...) in display order with its stored code and label. */
typedef int (*store_choice_cb)(void *ud, const char *code, const char *label);
enum tsu_status store_choices(struct store *st, const char *kind,
			      store_choice_cb cb, void *ud, struct tsu_error *err);
/* Label of a choice code ("A" -> "作業支援"), or the code itself. */
const char *store_choice_label(struct store *st, const char *kind, const char *code);

#endif
