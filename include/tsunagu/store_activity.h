#ifndef TSUNAGU_STORE_ACTIVITY_H
#define TSUNAGU_STORE_ACTIVITY_H
#include <stdbool.h>
#include <stddef.h>
#include "tsunagu/store.h"

/*
 * A long write (an import of 50,000 rows) holds the database's write lock
 * for as long as it runs, and SQLite cannot say who holds a lock.  So
 * the long writer also holds a lock on a note beside the file
 * ("FILE.busy": what, who, since when); another process that finds the
 * database busy reads the note and says what it is waiting for instead
 * of "in use".  The note counts only while its lock is held, so one left
 * behind by a killed process is ignored.
 */
struct store_activity;

/* Writes and locks the note; *out is NULL (and nothing fails) when
 * the note cannot be made — it only improves a message. */
void store_activity_begin(struct store *st, const char *what, struct store_activity **out);
/* Removes the note; NULL is fine. */
void store_activity_end(struct store_activity *a);
/* When a live note exists for db_path, copies "what (who, since)" into
 * buf and returns true. */
bool store_activity_describe(const char *db_path, char *buf, size_t n);

#endif
