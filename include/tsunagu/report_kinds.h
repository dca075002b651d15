#ifndef TSUNAGU_REPORT_KINDS_H
#define TSUNAGU_REPORT_KINDS_H
#include "tsunagu/record.h"
#include "tsunagu/report_data.h"
#include "tsunagu/report.h"
#include "tsunagu/reportdoc.h"
#include "tsunagu/sbuf.h"

/*
 * The builders behind report.c's kinds table: each fills the document
 * (its title is the kind's title until the builder sets another).  One
 * file per kind (src/io/report_KIND.c).
 */
typedef enum tsu_status (*report_build_fn)(struct store *st, const struct report_options *opt,
					   struct rdoc *d, struct tsu_error *err);

enum tsu_status report_karte(struct store *st, const struct report_options *opt,
			     struct rdoc *d, struct tsu_error *err);
enum tsu_status report_log(struct store *st, const struct report_options *opt,
			   struct rdoc *d, struct tsu_error *err);
enum tsu_status report_cases(struct store *st, const struct report_options *opt,
			     struct rdoc *d, struct tsu_error *err);
enum tsu_status report_activity(struct store *st, const struct report_options *opt,
				struct rdoc *d, struct tsu_error *err);
enum tsu_status report_handover(struct store *st, const struct report_options *opt,
				struct rdoc *d, struct tsu_error *err);

/* Helpers for the builders. */

/* report_period.c (cases, activity, handover): the store's scope of the
 * options; the period as people say it ("令和7年度（2025-04-01〜2026-03-31）");
 * the key-value lines 期間, エリア and 基準日 (today) of a report's head. */
void report_scope_of(const struct report_options *opt, struct report_scope *sc);
void report_period_text(const struct report_options *opt, struct sbuf *out);
void report_scope_header(struct store *st, const struct report_options *opt, struct rdoc *d);

/* Sets the footer: the store's author, now in local time. */
void report_footer(struct store *st, const struct report_options *opt, struct rdoc *d);
/* The error for a character CP932 cannot hold (bad, found in the written
 * text): names the character, says when it is a variation selector (IVS,
 * invisible on its own) and quotes the words around it, so the record can
 * be found; what: "レポート", "カルテ". */
enum tsu_status report_cp932_fail(struct tsu_error *err, const char *what, const char *text,
				  int32_t bad);

/* A party's contact details ("電話 … / メール … / 住所 …") when the one
 * consent rule (consent.h) lets them leave the program; "" otherwise or
 * when there are none.  Appended to out. */
void report_contact(const struct record *party, struct sbuf *out);
/* A stored UTC time or a date as the user reads it (localtime.h). */
const char *report_time(const struct report_options *opt, const char *iso, char *buf, size_t n);
const char *report_date(const struct report_options *opt, const char *iso, char *buf, size_t n);
/* True when the ISO date `d` (a prefix of a stored time is fine) lies in
 * the period (an open end is no limit). */
bool report_in_period(const struct report_options *opt, const char *d);
/* "NAME" of row `id` of `entity` ("" when none); new string. */
char *report_name_of(struct store *st, const char *entity, const char *id);

#endif
