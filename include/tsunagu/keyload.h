#ifndef TSUNAGU_KEYLOAD_H
#define TSUNAGU_KEYLOAD_H
#include <stdbool.h>
#include "tsunagu/store.h"

/*
 * Key-person load (issue 9, part 7): the seeds' 担い手不足 made visible.
 * Persons of an area (or all areas) by their current roles (兼務: a
 * membership with no end date, or ending today or later, in a live group),
 * most first, each role listed as 団体名: 役職, a term ending within
 * REPORT_TERM_SOON_DAYS (90) days marked.  Persons with no current role
 * are listed only when they are key persons (キーパーソン): a key person
 * without a role is news too.  "Today" is clock_today().
 */
struct keyload_role {
	const char *person_id, *name, *kana, *areas;
	bool key_person;
	long load;               /* current roles of the person */
	const char *org, *role;  /* NULL for a person with none */
	const char *to;          /* end of the term, or NULL */
	bool ending_soon;        /* `to` within 90 days */
	long days_left;          /* to - today, or -1 */
};
/* One call per role, the persons in order and each person's roles
 * together (the soonest ending first); returning true stops. */
typedef bool (*keyload_cb)(void *ud, const struct keyload_role *r);
enum tsu_status store_keyload(struct store *st, const char *area_id, keyload_cb cb, void *ud,
			      struct tsu_error *err);
/* The same as one JSON array of persons {"id","name","kana","areas",
 * "key_person","load","roles":[{"org","role","to","ending_soon",
 * "days_left"}]}; *out malloc'd. */
enum tsu_status store_keyload_json(struct store *st, const char *area_id, char **out,
				   struct tsu_error *err);

#endif
