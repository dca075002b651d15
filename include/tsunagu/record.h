#ifndef TSUNAGU_RECORD_H
#define TSUNAGU_RECORD_H
#include "tsunagu/store.h"

/*
 * Generic row access for every entity of entity.h.  Every write:
 *  - validates and normalises each value by its field type (dates through
 *    date_parse, choices against refvalue, references resolved, text NFC
 *    and valid UTF-8) and fails naming the field and the offending input;
 *  - stamps updated_at/updated_by and records one history row per changed
 *    field (who, when, hybrid-clock stamp, old, new);
 *  - keeps the search index current;
 *  - runs in its own savepoint, so a failure changes nothing.
 */

struct field_value {
	const char *name;   /* field name from entity.h */
	const char *value;  /* user input; NULL or "" clears the field */
};

struct record {
	const struct entity_def *def;
	uuid_str id;
	char **values;      /* def->nfields strings; NULL when empty.  For
			     * FIELD_SET fields: "a,b" joined labels/names. */
	char *created_at, *created_by, *updated_at, *updated_by;
	char *deleted_at;   /* non-NULL for a tombstone */
};

const char *record_get(const struct record *r, const char *field);
void record_free(struct record *r);

/* The elements of a set value as the store splits it ("a,b、c；d": at
 * , 、 ， ; ； and line breaks, each trimmed and NFC), an element that
 * comes twice kept twice (two namesakes); returns the count.  Free with
 * record_set_items_free. */
size_t record_set_items(const char *value, char ***items);
void record_set_items_free(char **items, size_t n);

/* The value given for field `name` in fv (the first), or NULL. */
const char *field_value_of(const struct field_value *fv, size_t n, const char *name);

/* Inserts a row; out_id gets its new UUID v7. */
enum tsu_status store_insert(struct store *st, const char *entity,
			     const struct field_value *fv, size_t n,
			     uuid_str out_id, struct tsu_error *err);
/* Inserts a row under a given id (a record carried over from another
 * file, e.g. by import).  TSU_INVALID when `id` is not a UUID or is taken
 * in this file, even by a deleted row. */
enum tsu_status store_insert_with_id(struct store *st, const char *entity,
				     const struct field_value *fv, size_t n,
				     const char *id, struct tsu_error *err);
/* Changes the named fields of row `id` (a full UUID). */
enum tsu_status store_update(struct store *st, const char *entity, const char *id,
			     const struct field_value *fv, size_t n,
			     struct tsu_error *err);
/* Tombstones row `id`: it disappears from lists and search; history keeps
 * a "_deleted" row. */
enum tsu_status store_delete(struct store *st, const char *entity, const char *id,
			     struct tsu_error *err);
/* Reads row `id` (live rows only unless `with_deleted`). */
enum tsu_status store_get(struct store *st, const char *entity, const char *id,
			  bool with_deleted, struct record **out, struct tsu_error *err);

/* The ids a reference set of row `id` holds ("id1,id2", live rows, in the
 * order added), for writers that must name each one unambiguously; NULL
 * when empty or `field` is not a reference set.  New string. */
char *store_set_ids(struct store *st, const char *entity, const char *id, const char *field);

/* The live record that a row without an id of a hand-made list is about
 * (an event of the same 名称, 日付 and 開始; a task of the same 件名 and
 * エリア), from the values the row gives (user input, as store_insert
 * takes them): *found and its id in out.  TSU_AMBIGUOUS, naming them,
 * when several are; TSU_OK without *found for other kinds. */
enum tsu_status store_same_record(struct store *st, const char *entity,
				  const struct field_value *fv, size_t n, uuid_str out,
				  bool *found, struct tsu_error *err);

/* Resolves what a user typed to a full id: any unique prefix of the UUID;
 * for areas also the name or a unique part of it (諏訪 -> 諏訪中学区);
 * for parties, tasks and others also an exact name/title.  TSU_NOT_FOUND
 * or TSU_AMBIGUOUS (the message lists a few candidates) otherwise. */
enum tsu_status store_resolve(struct store *st, const char *entity, const char *ref,
			      uuid_str out, struct tsu_error *err);

/* Every live row of `entity`, in creation order; cb returning non-zero
 * stops the walk.  `area_id` (may be NULL) keeps rows of that area. */
typedef int (*store_record_cb)(void *ud, const struct record *r);
enum tsu_status store_each(struct store *st, const char *entity, const char *area_id,
			   store_record_cb cb, void *ud, struct tsu_error *err);
/* The same for the live rows whose `field` is `value` (a person's
 * memberships: "membership", "person_id", id), through its index. */
enum tsu_status store_each_of(struct store *st, const char *entity, const char *field,
			      const char *value, store_record_cb cb, void *ud,
			      struct tsu_error *err);

/* History of a row, oldest first: when (ISO), author, field label, old,
 * new (NULL = empty). */
struct history_row {
	const char *at;
	const char *author;
	const char *field;       /* field name, or "_created" / "_deleted" */
	const char *field_label; /* 電話, 作成, 削除 ... */
	const char *old_value;
	const char *new_value;
	const char *change_id;
};
typedef int (*store_history_cb)(void *ud, const struct history_row *h);
enum tsu_status store_history(struct store *st, const char *entity, const char *id,
			      store_history_cb cb, void *ud, struct tsu_error *err);

#endif
