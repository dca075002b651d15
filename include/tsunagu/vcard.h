#ifndef TSUNAGU_VCARD_H
#define TSUNAGU_VCARD_H
#include <stdbool.h>
#include "tsunagu/ctline.h"
#include "tsunagu/sbuf.h"
#include "tsunagu/status.h"

/*
 * vCard 4.0 (RFC 6350) and 3.0 (RFC 2426, and the 2.1 habits of older
 * Japanese phones), reduced to what a party holds.  よみ comes from
 * X-PHONETIC-LAST-NAME/FIRST-NAME (iOS, Android), SORT-STRING (3.0),
 * N;SORT-AS (4.0) or SOUND;X-IRMC-N (feature phones), in that order.
 */
struct vcard {
	char *version;
	char *uid;
	char *kind;        /* KIND (4.0): "individual", "org", ... or NULL */
	char *fn;
	char *family, *given;
	char *kana;        /* reading of the name, "family given" */
	char *org;
	char *org_unit;    /* ORG's units (department, section), joined by a space */
	char *org_kana;
	char *title;       /* TITLE: a person's job title or role */
	char *tel;         /* preferred (or first) TEL */
	char *email;       /* preferred (or first) EMAIL */
	char *adr;         /* ADR as one line in Japanese order */
	char *note;
	char *consent;     /* X-TSUNAGU-CONSENT (ours): a person's 本人同意, "1" or "0" */
	long line;         /* line of BEGIN:VCARD */
	long fn_line, tel_line, email_line, adr_line, note_line; /* where each came from */
	char *problem;     /* why this card cannot be used, or NULL */
	long problem_line; /* the line the problem is on */
};

/* Reads the next card; *got false at end of file.  A card that cannot be
 * used (a property that cannot be decoded, a line without ':', END:VCARD
 * missing, an END without BEGIN) comes back with c->problem set and the
 * line it is on, so the caller can skip it and go on; only what makes the
 * rest of the file unreadable is an error.  Values of one-line fields
 * have escaped line breaks turned into spaces; a nested card (vCard 2.1
 * AGENT) is passed over.  A card without FN takes its name from N, else
 * ORG, else EMAIL, else TEL. */
enum tsu_status vcard_next(struct ctl_reader *r, struct vcard *c, bool *got,
			   struct tsu_error *err);
/* よみ as it is kept, from a card or from a list's cell (CSV, contact
 * lists, open data): NFKC, so the half-width ｶﾅ of old phones and of
 * spreadsheets becomes full-width, and spaces trimmed.  A new string, or
 * NULL for NULL, an empty (or blank) reading or invalid UTF-8. */
char *vcard_reading(const char *s);
/* True when the card describes an organisation rather than a person. */
bool vcard_is_org(const struct vcard *c);
void vcard_clear(struct vcard *c);

/* Appends c as a vCard 4.0 (CRLF, folded).  For a person, fn is split at
 * the first space into family and given name when N is not set. */
void vcard_write(struct sbuf *out, const struct vcard *c);

#endif
