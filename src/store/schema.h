#ifndef TSUNAGU_STORE_SCHEMA_H
#define TSUNAGU_STORE_SCHEMA_H

/* SQL of each migration; [i] brings user_version i to i + 1. */
extern const char *const schema_migrations[];
int schema_version_latest(void);

#endif
