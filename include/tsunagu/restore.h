#ifndef TSUNAGU_RESTORE_H
#define TSUNAGU_RESTORE_H
#include "tsunagu/store.h"

/*
 * Deleted records and what went with them (issue 8).
 *
 * Deleting a record (store_delete) takes its links with it in the same
 * action: a party's memberships (as group and as member), the tasks it is
 * linked to, its areas; a task's parties; a staff member's areas.  Each
 * goes as an ordinary change (a membership's tombstone, a set element
 * removed), so a merge carries the deletion with its links, and the
 * deletion action in the change log says exactly what went.  Restoring
 * brings back the record and those links (not links removed earlier, on
 * their own), again as new changes of one action, so it merges onward.
 * It is the undo of the deletion, kept to that record.
 *
 * An area, a department or a facility (shared reference data) is not
 * deleted while live records use it: store_delete refuses and says how
 * many, so that no record silently loses its area.
 */

/* Kinds of link that go with a record: id, JSON key, and how a count of
 * them is named, as the words before and after the number, in the delete
 * prompt ("会員 6 名の所属") and after a restore ("所属 6 件"). */
#define STORE_LINK_LIST(_) \
	_(MEMBER,      "members",      "会員 ",   " 名の所属",       "所属 ",               " 件") \
	_(AFFILIATION, "affiliations", "",        " 団体への所属",   "所属 ",               " 件") \
	_(TASK,        "tasks",        "課題 ",   " 件とのつながり", "課題とのつながり ",   " 件") \
	_(PARTY,       "parties",      "関係者 ", " 件とのつながり", "関係者とのつながり ", " 件") \
	_(AREA,        "areas",        "エリア ", " 件とのつながり", "エリア ",             " 件")

enum store_link_kind {
#define STORE_LINK_ENUM(id, key, gone1, gone2, back1, back2) STORE_LINK_##id,
	STORE_LINK_LIST(STORE_LINK_ENUM)
#undef STORE_LINK_ENUM
	STORE_LINK_COUNT
};

struct store_links {
	long n[STORE_LINK_COUNT];
};

long store_links_total(const struct store_links *l);
/* "会員 6 名の所属、課題 2 件とのつながり" (what goes, for the delete
 * prompt) or "所属 6 件、課題とのつながり 2 件" (what came back; the two
 * kinds of membership counted together) into out; nothing when none. */
void store_links_text(const struct store_links *l, bool came_back, struct sbuf *out);

/* The live links that deleting row `id` would take with it (the delete
 * prompt counts them before asking). */
enum tsu_status store_delete_links(struct store *st, const char *entity, const char *id,
				   struct store_links *out, struct tsu_error *err);

/* One deleted record, newest first (store_deleted). */
struct deleted_row {
	const char *entity;       /* "party" */
	const char *entity_label; /* "関係者・団体" */
	const char *id;
	const char *title;        /* name / title; a membership: "人 → 団体" */
	const char *deleted_at;   /* ISO UTC */
	const char *deleted_by;
	struct store_links links; /* what went in the same action */
};
typedef int (*store_deleted_cb)(void *ud, const struct deleted_row *r);
/* Deleted records of `entity` (NULL: every kind), newest deletion first.
 * A membership that went with its party is not listed on its own: it comes
 * back with the party. */
enum tsu_status store_deleted(struct store *st, const char *entity, store_deleted_cb cb,
			      void *ud, struct tsu_error *err);
/* The same as one JSON array (made by SQLite); new string in *out. */
enum tsu_status store_deleted_json(struct store *st, const char *entity, char **out,
				   struct tsu_error *err);

/* Resolves what a user typed to the full id of a *deleted* row of
 * `entity`, as store_resolve does for live ones (id prefix or suffix,
 * exact name). */
enum tsu_status store_resolve_deleted(struct store *st, const char *entity, const char *ref,
				      uuid_str out, struct tsu_error *err);

/* What a restore brought back. */
struct restore_result {
	char *title;              /* the record's name (new string) */
	struct store_links links; /* links that came back */
	long skipped;             /* links whose other end is gone now */
};
void restore_result_free(struct restore_result *r);
/* Brings deleted row `id` back with the links its deletion took (one
 * action, its own transaction when none is open).  TSU_NOT_FOUND when
 * there is no such deleted row. */
enum tsu_status store_restore(struct store *st, const char *entity, const char *id,
			      struct restore_result *out, struct tsu_error *err);

#endif
