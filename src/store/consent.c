/* The consent rule (consent.h), in C and as an SQL function. */
#include <string.h>
#include "consent_sql.h"
#include "tsunagu/consent.h"

bool consent_contact_allowed(const char *kind, const char *consent)
{
	if (kind && strcmp(kind, "org") == 0)
		return true;
	return consent && strcmp(consent, "1") == 0;
}

bool consent_record_allowed(const struct record *party)
{
	return consent_contact_allowed(record_get(party, "kind"), record_get(party, "consent"));
}

static void sql_contact_ok(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *kind = (const char *)sqlite3_value_text(argv[0]);
	const char *consent = (const char *)sqlite3_value_text(argv[1]);
	sqlite3_result_int(ctx, consent_contact_allowed(kind, consent));
}

int consent_sql_register(sqlite3 *db)
{
	return sqlite3_create_function(db, "tsu_contact_ok", 2,
				       SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
				       NULL, sql_contact_ok, NULL, NULL);
}
