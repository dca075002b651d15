#ifndef TSUNAGU_KARTE_H
#define TSUNAGU_KARTE_H
#include <stdbool.h>
#include "tsunagu/store.h"

/*
 * An area's 地域カルテ (issue 9): the basic figures computed from its
 * districts, and the karte items (karte_item rows) of each section in
 * their order.  The full-screen view (tui/karte.c), `tsunagu karte` and
 * the printable report (report_karte.c) all read it from here, so they
 * agree on the figures and on the order of the items.
 */

/* The sections in the order shown: id, karte_section code, heading, the
 * English key of JSON output. */
#define KARTE_SECTION_LIST(_) \
	_(BASICS,     "基礎データ", "基礎データ",   "basics") \
	_(RESOURCES,  "地域資源",   "地域資源",     "resources") \
	_(FACILITIES, "拠点・施設", "拠点・施設",   "facilities") \
	_(ISSUES,     "課題",       "課題",         "issues") \
	_(VISION,     "ビジョン",   "地域ビジョン", "vision") \
	_(PLAN,       "計画",       "地域計画",     "plan")

enum karte_section {
#define KARTE_SECTION_ENUM(id, code, heading, key) KARTE_##id,
	KARTE_SECTION_LIST(KARTE_SECTION_ENUM)
#undef KARTE_SECTION_ENUM
	KARTE_SECTION_COUNT
};

struct karte_section_def {
	const char *code, *heading, *key;
};
extern const struct karte_section_def karte_sections[KARTE_SECTION_COUNT];
/* The section whose code is `code`, or -1. */
int karte_section_find(const char *code);

/* The figures of the districts of an area (or of the whole city).  The
 * aging rate (高齢化率) is 65歳以上 / 人口 over the districts that carry
 * both figures, and so are `population` and `population_65`; a district
 * without residents (人口 0) adds nothing.  as_of is the latest 基準日. */
struct karte_basics {
	long districts;     /* live districts */
	long counted;       /* of them, with both figures */
	long population, population_65, households;
	bool has_rate;      /* some resident counted */
	double rate;        /* percent */
	char as_of[11];     /* ISO date or "" */
};
/* area_id NULL: every district of the city (the city average). */
enum tsu_status store_karte_basics(struct store *st, const char *area_id,
				   struct karte_basics *out, struct tsu_error *err);

/* One karte item as it is shown. */
struct karte_item {
	const char *id, *section, *title, *body;
	long sort;
};
typedef int (*karte_item_cb)(void *ud, const struct karte_item *it);
/* The items of the area's section `code` (NULL: every section, section
 * by section) in their order: by `sort`, then as made.  cb returning
 * non-zero stops. */
enum tsu_status store_karte_items(struct store *st, const char *area_id, const char *code,
				  karte_item_cb cb, void *ud, struct tsu_error *err);

/* The `sort` a new item of the section takes: after the last one. */
long store_karte_next_sort(struct store *st, const char *area_id, const char *code);

/* Moves item `id` one place earlier (dir -1) or later (dir 1) within its
 * section: the items of the section are numbered 1, 2, ... in their new
 * order and each `sort` that changes is written (the caller holds the
 * transaction).  *moved is false when the item is already first / last. */
enum tsu_status store_karte_move(struct store *st, const char *id, int dir, bool *moved,
				 struct tsu_error *err);

/* The area's カルテ as a JSON array of one object (SQLite's JSON
 * functions): id, area, platform_type, projection, basics {districts,
 * population, population_65, aging_rate, households, as_of}, sections
 * [{key, section, heading, items [{id, title, body, sort}], and for
 * facilities also facilities [{id, name, type, address}]}].  New string. */
enum tsu_status store_karte_json(struct store *st, const char *area_id, char **out,
				 struct tsu_error *err);

#endif
