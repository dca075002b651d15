#ifndef TSUNAGU_REPORT_KINDS_H
#define TSUNAGU_REPORT_KINDS_H
#include "tsunagu/record.h"
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

/* Helpers for the builders. */

/* Sets the footer: the store's author, now in local time. */
void report_footer(struct store *st, const struct report_options *opt, struct rdoc *d);

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
