#ifndef TSUNAGU_STORE_CASCADE_H
#define TSUNAGU_STORE_CASCADE_H
/* Private to src/store: the links a deletion takes (cascade.c). */
#include "internal.h"
#include "tsunagu/restore.h"

/* One link of a record: a membership (d NULL, owner = its id) or an
 * element `value` of owner's set d. */
struct link_item {
	enum store_link_kind kind;
	const struct set_def *d;
	char *owner, *value;
};
struct link_walk {
	struct link_item *items;
	size_t n;
};
/* Takes owner and value (new strings). */
void link_walk_add(struct link_walk *w, enum store_link_kind kind, const struct set_def *d,
		   char *owner, char *value);
void link_walk_free(struct link_walk *w);

/* Before row (e, id) gets its tombstone, in the same action: removes its
 * links, or refuses (TSU_INVALID) reference data still in use. */
enum tsu_status cascade_delete(struct store *st, const struct entity_def *e, const char *id,
			       struct tsu_error *err);
/* The link kind of an element of set d: `owned` when the deleted record
 * owns the set (a task's parties), else it is the element (a party in a
 * task's parties). */
enum store_link_kind cascade_set_kind(const struct set_def *d, bool owned);

#endif
