#ifndef TSUNAGU_IO_CARD_H
#define TSUNAGU_IO_CARD_H
#include "tsunagu/ioctx.h"
#include "tsunagu/outfile.h"

/*
 * Contacts and calendars.  vCard import makes or updates parties (a card
 * whose UID is "urn:uuid:" + the id of an existing party updates it; only
 * the properties the card has are changed, so a card exported without the
 * contact details of a person who has not consented does not erase them).
 * iCalendar import makes or updates events (VEVENT) and tasks (VTODO),
 * matched by UID the same way.  Exports write vCard 4.0 (one card per
 * party, よみ included, contact details only with 本人同意) and one
 * VCALENDAR holding events with a date and tasks with a due date.
 */
enum tsu_status io_import_vcard(struct io_ctx *c, struct tsu_error *err);
enum tsu_status io_import_ical(struct io_ctx *c, struct tsu_error *err);
enum tsu_status io_export_vcard(struct io_ctx *c, struct outfile *o, struct tsu_error *err);
enum tsu_status io_export_ical(struct io_ctx *c, struct outfile *o, struct tsu_error *err);

#endif
