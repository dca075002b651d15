#ifndef TSUNAGU_MATCH_H
#define TSUNAGU_MATCH_H
#include <stdbool.h>
#include "tsunagu/store.h"

/*
 * Matching (issue 9, part 6): who could help with a task, and which open
 * tasks a party could help with, by comparing a task's ニーズ with
 * parties' できること.
 *
 * A need and an offer match when their search keys (text_search_key: width,
 * kana, case, kanji variants, no spaces) are equal, or when one contains
 * the other: the need 見守り meets the offers 見守り, 見守り活動 and
 * ﾐﾏﾓﾘ (ミマモリ) but also the need 高齢者の見守り meets the offer 見守り.
 * Each tag is also compared read aloud: the words of data/offer_readings.tsv
 * (見守り みまもり, 配食 はいしょく ...) replaced by their readings, so the
 * need 見守り meets the offer みまもり and 見守り活動 meets みまもり.
 * Equal keys count as an exact match.
 *
 * The keys are computed once per distinct tag (a city has a few hundred
 * distinct offers, not one per party); the matching tags go into a
 * temporary table and the parties are found through the offer_tag index.
 *
 * Order: parties already linked to the task last; then more needs met,
 * more of them exact; then parties of the task's area; then fewer current
 * roles (兼務); then by reading.  Tasks for a party: open tasks (not 完了)
 * not yet linked to it first; more needs met; the party's areas first;
 * the due date soonest.
 */

#define MATCH_LIMIT_DEFAULT 200

struct match_party {
	const char *id, *name, *kana;
	const char *kind;        /* 個人 / 団体 */
	const char *areas;       /* "諏訪中学区、落合中学区" */
	const char *generation;
	const char *roles;       /* current roles "会計(永山商店会)、…", first first */
	long load;               /* 兼務: current memberships */
	const char *matched;     /* the offers that met a need, "見守り、配食" */
	long needs;              /* needs met */
	long exact;              /* of which with equal keys */
	bool same_area;          /* in the task's area */
	bool linked;             /* already linked to the task */
};
typedef bool (*match_party_cb)(void *ud, const struct match_party *m);

/* Parties for task `task_id` (a full id), best first, at most `limit`
 * (0: MATCH_LIMIT_DEFAULT).  cb returning true stops. */
enum tsu_status store_suggest_parties(struct store *st, const char *task_id, long limit,
				      match_party_cb cb, void *ud, struct tsu_error *err);

struct match_task {
	const char *id, *title, *status, *kind, *area, *due;
	const char *matched;     /* the needs the party's offers meet */
	long needs, exact;
	bool same_area;          /* in one of the party's areas */
	bool linked;             /* the party is already linked to it */
};
typedef bool (*match_task_cb)(void *ud, const struct match_task *m);

/* Open tasks for party `party_id`, best first, at most `limit`. */
enum tsu_status store_suggest_tasks(struct store *st, const char *party_id, long limit,
				    match_task_cb cb, void *ud, struct tsu_error *err);

/* The same rows as one JSON array of objects (English keys), made by
 * SQLite's JSON functions; *out malloc'd.  `party` picks the direction:
 * false: parties for task `id`; true: tasks for party `id`. */
enum tsu_status store_suggest_json(struct store *st, bool party, const char *id, long limit,
				   char **out, struct tsu_error *err);

/* True when need and offer match as above (text_search_key of both);
 * *exact (may be NULL) tells whether the keys are equal. */
bool match_tags(const char *need, const char *offer, bool *exact);

#endif
