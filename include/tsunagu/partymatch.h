#ifndef TSUNAGU_PARTYMATCH_H
#define TSUNAGU_PARTYMATCH_H
#include <stdbool.h>
#include "tsunagu/store.h"

/*
 * Finding the party an imported card or row is about when it carries no
 * id: one whose name reads the same (as search folds it: width, spaces,
 * kana, 髙/高 ...) and that has the same phone number (width, brackets,
 * hyphens ignored) or e-mail address is the same party, for certain; one
 * that only shares the name is a likely duplicate, named to the user.
 * Parties are hashed by name, so an import looks each row up at once.
 */
struct partymatch;

/* Every live party of the store; NULL with err set on failure. */
struct partymatch *partymatch_load(struct store *st, struct tsu_error *err);
void partymatch_free(struct partymatch *m);
/* Adds a party (one made by this import, so a second card for it later in
 * the file finds it). */
void partymatch_add(struct partymatch *m, const char *id, const char *name, const char *phone,
		    const char *email);

/* What partymatch_find found; the ids stay valid until the next
 * partymatch_find. */
struct party_found {
	const char *id;        /* the same party, or NULL */
	bool same_phone;       /* its phone reads as the one given */
	const char *namesake;  /* else a party that only shares the name, or NULL */
};
void partymatch_find(struct partymatch *m, const char *name, const char *phone,
		     const char *email, struct party_found *out);

#endif
