#ifndef TSUNAGU_STORE_SCHEMA_H
#define TSUNAGU_STORE_SCHEMA_H
#include <stdint.h>

/* SQL of each migration; [i] brings user_version i to i + 1. */
extern const char *const schema_migrations[];
int schema_version_latest(void);
/* The digest of the schema the migrations build (store_schema_digest of a
 * new file); test_migrate fails, saying the right value, when a migration
 * changes it. */
extern const uint64_t schema_digest_latest;
/* The digest of the open file's schema (verify.c). */
struct store;
uint64_t store_schema_digest(struct store *st);

#endif
