#ifndef TSUNAGU_OUTGUARD_H
#define TSUNAGU_OUTGUARD_H
#include <stdbool.h>
#include "tsunagu/status.h"

/*
 * Before any output file is written (export, snapshot): may the program
 * put a new file at `path`?  Never over the open database (the same file
 * under any name: same device and inode), never over any SQLite database
 * or its rollback journal (recognised by content, not by name), never
 * over something that is not a regular file; over another existing file
 * only when `force` (the user's --force).  A path that does not exist is
 * fine.  db_path may be NULL.
 *
 * Returns TSU_OK or TSU_IO with a message naming the path and what to do.
 */
enum tsu_status outguard_check(const char *path, const char *db_path, bool force,
			       struct tsu_error *err);

/* True when the file at path starts with the SQLite header. */
bool outguard_is_sqlite(const char *path);

#endif
