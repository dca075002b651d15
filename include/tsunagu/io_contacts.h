#ifndef TSUNAGU_IO_CONTACTS_H
#define TSUNAGU_IO_CONTACTS_H
#include "tsunagu/csv.h"
#include "tsunagu/ioctx.h"
#include "tsunagu/record.h"

/*
 * Contact lists that Google Contacts and Outlook export as CSV, read as
 * parties the way a vCard of the same contact is (io_card.c): the heading
 * row tells which writer made the file (Google Contacts now and its older
 * "Google CSV", Outlook with English or Japanese headings), and each row
 * becomes the fields of one party: name, よみ, one phone, one e-mail, one
 * address, the notes (with the company, department and title of a
 * person), and kind org for a row that names only an organisation.
 */
struct contacts_map;

/* The writer of a heading row, with each column's meaning; NULL when the
 * row is not the heading of a contact export that this module knows, or
 * when no more of its headings are known than `others` (those the
 * project's own layout knows). */
struct contacts_map *contacts_map_new(const struct csv_row *heading, int others);
void contacts_map_free(struct contacts_map *m);

/* One line of the summary: which writer the file was read as and the
 * columns that are not read (named, the first few, then counted). */
void contacts_map_report(struct io_ctx *c, const struct contacts_map *m,
			 const struct csv_row *heading);

/* Most fields contacts_row gives. */
#define CONTACTS_FIELDS_MAX 7

/* The party fields of one row into fv (values newly allocated, names
 * static); returns their number, or -1 with err set (TSU_INVALID) for a
 * row without a name of a person or an organisation. */
int contacts_row(const struct contacts_map *m, const struct csv_row *row,
		 struct field_value *fv, struct tsu_error *err);

/* Headings not read, gathered for one report line:
 * 「A」「B」… (ほか N 列). */
struct unread_cols {
	struct sbuf names;
	int named, more;
};
void unread_add(struct unread_cols *u, const char *heading);
/* Reports "列「A」「B」…<tail>" when any was added, and frees u. */
void unread_report(struct io_ctx *c, struct unread_cols *u, const char *tail);

#endif
