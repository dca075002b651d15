#ifndef TSUNAGU_MERGE_H
#define TSUNAGU_MERGE_H
#include <stdbool.h>
#include "tsunagu/store.h"

/*
 * Merging two copies of one file that were edited apart (DESIGN §5), and
 * reviewing the values that lost.  See src/store/merge.c for the rules.
 */

#define MERGE_MAX_KINDS 16
struct merge_kind {
	const char *entity;   /* "party" */
	const char *label;    /* 関係者・団体 */
	long added, changed, deleted;
};

struct merge_summary {
	long changes;         /* changes brought in */
	long conflicts;       /* conflicts it listed that are still open */
	struct merge_kind kinds[MERGE_MAX_KINDS];
	int nkinds;
};

/* Brings every change of `other` that this file lacks, in one transaction
 * after a backup copy FILE.bak-merge (0600).  `other` is opened read-only
 * and never written; a file that is not tsunagu's, is damaged or is of
 * a newer schema version is refused (exit 3); an older one is read
 * through a copy upgraded in a private temporary folder.  `dry_run` does the work,
 * fills *sum and changes nothing. */
enum tsu_status store_merge(struct store *st, const char *other, bool dry_run,
			    struct merge_summary *sum, struct tsu_error *err);

/* A value that lost a merge, beside the one that was kept. */
struct conflict_row {
	const char *id;
	const char *entity, *entity_label;
	const char *row_id, *title;       /* the record and its name/title */
	const char *field, *field_label;  /* "_deleted" / 削除 for edit-vs-delete */
	const char *kept_value, *kept_author, *kept_at;
	const char *lost_value, *lost_author, *lost_at;
	bool reviewed;
};
typedef int (*store_conflict_cb)(void *ud, const struct conflict_row *c);

/* Open conflicts (all with `with_reviewed`), oldest first. */
enum tsu_status store_conflicts(struct store *st, bool with_reviewed, store_conflict_cb cb,
				void *ud, struct tsu_error *err);
/* The same as one JSON array (SQLite's JSON functions), *out malloc'd. */
enum tsu_status store_conflicts_json(struct store *st, bool with_reviewed, char **out,
				     struct tsu_error *err);
/* Number of open conflicts. */
long store_conflicts_open(struct store *st);
/* Resolves conflict `ref` (a unique prefix or suffix of its id): keep the
 * current value, or take the other one — an ordinary edit (or a deletion
 * or restoration), so it merges onward.  Either way it is marked reviewed. */
enum tsu_status store_conflict_resolve(struct store *st, const char *ref, bool take,
				       struct tsu_error *err);
/* Whether conflict `ref` (as store_conflict_resolve takes it) was
 * reviewed already (kept, taken, or all marked). */
enum tsu_status store_conflict_reviewed(struct store *st, const char *ref, bool *reviewed,
					struct tsu_error *err);
/* Marks every open conflict reviewed, keeping current values; *n gets the count. */
enum tsu_status store_conflicts_review_all(struct store *st, long *n, struct tsu_error *err);

#endif
