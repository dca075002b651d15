#ifndef TSUNAGU_DUPLICATES_H
#define TSUNAGU_DUPLICATES_H
#include "tsunagu/store.h"

/*
 * Likely duplicate parties, and folding one into another (issue 11).  Two
 * parties of the same kind are likely the same when their names read the
 * same once folded as search folds them (width, spaces, kana, the kanji
 * variants of data/name_variants.tsv) and so do their readings (or one has
 * none), or when they share a phone number (width, brackets and hyphens
 * ignored) or an e-mail address, or a name and an address.
 */

/* One likely pair; reasons is "電話が同じ、氏名・よみが同じ". */
struct dup_pair {
	const char *a_id, *a_name, *b_id, *b_name;
	const char *kind;
	const char *reasons;
	bool certain;  /* same phone or e-mail: the same person or group */
};
typedef int (*store_dup_cb)(void *ud, const struct dup_pair *p);

/* Every likely pair, the older party first; cb returning non-zero stops. */
enum tsu_status store_duplicates(struct store *st, store_dup_cb cb, void *ud,
				 struct tsu_error *err);

/* The same as one JSON array of {"a":{"id","name"},"b":{...},"kind",
 * "reasons":[...],"certain"} made by SQLite's JSON functions; *out malloc'd. */
enum tsu_status store_duplicates_json(struct store *st, char **out, struct tsu_error *err);

/* What store_fold_party moved. */
struct fold_summary {
	uuid_str keep, other;
	long fields;    /* fields of KEEP filled from OTHER */
	long links;     /* rows that referred to OTHER and now refer to KEEP */
};

/* Folds party `other` into `keep` (each a full id or what store_resolve
 * takes), as one action: KEEP's empty fields take OTHER's values (notes
 * are joined, areas and offers united); memberships, task and survey
 * parties, log entries and every other reference move to KEEP; OTHER
 * becomes a tombstone whose history says where it went (統合先). */
enum tsu_status store_fold_party(struct store *st, const char *keep, const char *other,
				 struct fold_summary *sum, struct tsu_error *err);

/* The key duplicates compare phone numbers by: digits only, width folded,
 * +81 read as 0 ("０４２（１１１）２２２２" -> "0421112222"); new string. */
char *dup_phone_key(const char *phone);
/* The comparison key of an e-mail address: width-folded (ｍａｉｌ＠… is
 * mail@…), trimmed, ASCII lower-cased; "" for none.  The duplicate finder
 * and the import matcher (io/partymatch.c) both use it. */
char *dup_email_key(const char *email);
/* Each live party's id, name, phone and e-mail (NULL when empty), in no
 * particular order: what the import matcher keys parties by. */
typedef void (*store_contact_cb)(void *ud, const char *id, const char *name, const char *phone,
				 const char *email);
enum tsu_status store_each_party_contact(struct store *st, store_contact_cb cb, void *ud,
					 struct tsu_error *err);

#endif
