#ifndef TSUNAGU_SYNC_H
#define TSUNAGU_SYNC_H
#include <stdbool.h>
#include "tsunagu/merge.h"
#include "tsunagu/store.h"

/*
 * `tsunagu sync DIR` (DESIGN §5): sync through a shared folder.  Each copy
 * of the file writes only its own change file, DIR/<replica-id>.tsunagu-changes,
 * and reads the others', so any file-sync engine (a file server, Nextcloud,
 * Syncthing, a USB stick) carries the changes and no file has two writers.
 * See src/store/sync.c and src/store/changefile.c.
 */

#define SYNC_SUFFIX ".tsunagu-changes"

enum sync_file_state {
	SYNC_FILE_MERGED,   /* brought changes in */
	SYNC_FILE_NOTHING,  /* read: nothing this file lacked */
	SYNC_FILE_SKIPPED,  /* not read: incomplete, damaged, newer, not ours */
};

/* One other change file in the folder. */
struct sync_file {
	char *name;                  /* its name in the folder */
	enum sync_file_state state;
	char *why;                   /* SKIPPED: why, one Japanese line */
	struct merge_summary sum;    /* MERGED: what came in */
};

struct sync_report {
	char *own_path;      /* DIR/<replica-id>.tsunagu-changes */
	long sent;           /* changes this file's change file holds */
	long sent_new;       /* of those, the ones the previous one lacked */
	bool own_created;    /* there was none (or none readable) before */
	bool own_unchanged;  /* the change file already held all of it: not rewritten */
	char *own_error;     /* could not be written (read-only folder): why; else NULL */
	struct sync_file *files;
	int nfiles;
	long received;       /* changes brought in, all files */
	long conflicts;      /* new conflicts, all files */
};

/* Brings in what the other change files of `dir` hold that this file
 * lacks (the rules of store_merge; one transaction, with a backup copy
 * FILE.bak-merge when anything comes in), then writes this file's change
 * file (0600, to a temporary name and renamed).  A change file that cannot
 * be read is skipped and named in r->files; a folder that cannot be
 * written leaves r->own_error set and still returns TSU_OK.  A missing
 * folder is TSU_NOT_FOUND. */
enum tsu_status store_sync(struct store *st, const char *dir, struct sync_report *r,
			   struct tsu_error *err);
void sync_report_free(struct sync_report *r);

#endif
