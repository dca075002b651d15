#ifndef TSUNAGU_TMPFILES_H
#define TSUNAGU_TMPFILES_H
#include <stdbool.h>
#include "tsunagu/status.h"

/*
 * Temporary files that may hold personal data (an export being written, a
 * snapshot, the text handed to $EDITOR) live in a private directory
 * (mode 0700, made with mkdtemp) and are removed when the program is
 * stopped by SIGTERM, SIGHUP or SIGINT, not only when it ends normally.
 *
 * The removal runs inside the signal handler, so it only calls unlink()
 * and rmdir() on paths written down beforehand in a fixed table; after it
 * the previous handler runs (curses restores the terminal), or the signal
 * is raised again with its default action so the exit status says what
 * stopped the program.
 */

/* Room for this many temporary paths (files and directories) at once. */
#define TMPFILES_MAX 16

struct tmpdir {
	char *dir;   /* the private directory, e.g. "OUTDIR/.tsunagu-a1B2c3" */
	char *file;  /* "DIR/NAME" inside it; not created by tmpdir_make */
	int slot_dir, slot_file;
};

/* Installs the handlers for SIGTERM, SIGHUP and SIGINT (keeping whatever
 * handler was there to run after the clean-up).  Call once the program's
 * own handlers (curses) are in place; calling again changes nothing. */
void tmpfiles_guard_signals(void);

/* Makes a private directory in `parent` (".tsunagu-XXXXXX", 0700) and
 * records it and the name `parent/.../name` of a file to be made in it;
 * both are removed by the signal handlers until tmpdir_remove. */
enum tsu_status tmpdir_make(struct tmpdir *t, const char *parent, const char *name,
			    struct tsu_error *err);
/* The file was renamed out (kept): forget it, remove the directory. */
void tmpdir_keep_file(struct tmpdir *t);
/* Removes the file (if any) and the directory; frees t's strings. */
void tmpdir_remove(struct tmpdir *t);

/* The directory part of path ("." for a bare name), newly allocated. */
char *tmpfiles_parent_of(const char *path);

#endif
