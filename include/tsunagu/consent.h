#ifndef TSUNAGU_CONSENT_H
#define TSUNAGU_CONSENT_H
#include <stdbool.h>
#include "tsunagu/record.h"

/*
 * 本人同意 (DESIGN §2): the one rule deciding whether a party's contact
 * details (the FIELD_CONTACT fields: phone, e-mail, address) may leave
 * the program — exports, printed reports and lists in every format.
 * An organisation's may; a person's only when consent is recorded ("1").
 * The lists apply the same function from SQL (tsu_contact_ok(kind,
 * consent), registered on every connection), so there is no second copy
 * of the rule to drift.
 */
bool consent_contact_allowed(const char *kind, const char *consent);
/* The rule applied to a party record. */
bool consent_record_allowed(const struct record *party);

#endif
