#ifndef TSUNAGU_UNDO_H
#define TSUNAGU_UNDO_H
#include <stddef.h>
#include "tsunagu/store.h"

/*
 * Undo and redo of this user's own actions in this file (DESIGN §5).
 *
 * An undo never rewinds the change log: it writes one new action whose
 * changes put back what the undone action replaced, so it merges onward
 * like any edit.  Only fields that still hold what the action wrote are
 * put back; a field someone changed since (here or in a copy merged in) is
 * left as it is and reported.  Redo reverses the last undo the same way.
 * Which actions were undone and redone is kept in this file only.
 */

/* A field left as it was because someone changed it after the action;
 * or (field NULL) a record whose fields were left because it has been
 * deleted since (an edit of it would bring it back in other copies). */
struct undo_skip {
	char *entity_label;            /* 関係者・団体 */
	char *title;                   /* the record's name or title (may be NULL) */
	const struct field_def *field; /* the field (for showing its value), or NULL */
	char *current;                 /* its value now (may be NULL) */
	char *by;                      /* who wrote that value, or deleted the record */
};

struct undo_result {
	char *what;                    /* 関係者・団体「多摩ボランティア会」の削除 */
	long changes;                  /* changes written */
	struct undo_skip *skips;
	size_t nskips;
};

/* Undoes the newest action of this author made in this file that is not
 * an undo and not undone yet.  TSU_NOT_FOUND when there is none. */
enum tsu_status store_undo(struct store *st, struct undo_result *out, struct tsu_error *err);
/* Re-applies the action undone last (as a new action).  TSU_NOT_FOUND
 * when nothing was undone since this author's last ordinary action. */
enum tsu_status store_redo(struct store *st, struct undo_result *out, struct tsu_error *err);
void undo_result_free(struct undo_result *r);

/* One action `undo` would take back, newest first. */
struct undo_entry {
	const char *at;                /* when (ISO 8601, UTC) */
	const char *what;
	long changes;
};
typedef int (*store_undo_cb)(void *ud, const struct undo_entry *e);
/* An action of more changes than this (an import, the demo data) is
 * taken back only when the user confirms it (app: a question; command
 * line: --yes). */
#define UNDO_CONFIRM_CHANGES 20
/* The action undo would take back next when it is that large: *what (new
 * string) names it and *changes counts it; *what NULL when there is none
 * or it is small. */
void store_undo_large(struct store *st, char **what, long *changes);
/* The next `limit` actions repeated undo would take back, newest first;
 * cb returning non-zero stops. */
enum tsu_status store_undo_list(struct store *st, int limit, store_undo_cb cb, void *ud,
				struct tsu_error *err);

#endif
