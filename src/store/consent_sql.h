#ifndef TSUNAGU_STORE_CONSENT_SQL_H
#define TSUNAGU_STORE_CONSENT_SQL_H
#include <sqlite3.h>

/* Registers tsu_contact_ok(kind, consent) on db (consent.c). */
int consent_sql_register(sqlite3 *db);

#endif
