#ifndef TSUNAGU_OUTFILE_H
#define TSUNAGU_OUTFILE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "tsunagu/io.h"
#include "tsunagu/status.h"

/*
 * A file being exported.  It is written to a new temporary file in a
 * private directory beside the target (tmpfiles.h: mode 0700, removed
 * on SIGTERM/SIGHUP/SIGINT; the file O_CREAT|O_EXCL, mode 0600) and
 * renamed over the target only on
 * outfile_commit, so a failed export leaves no half-written file and an
 * existing file is never opened for writing.  NULL or "-" writes to
 * standard output.  Text goes in as UTF-8 and out in the chosen encoding.
 */
struct outfile;

/* bom: start a UTF-8 file with a byte order mark (for Excel). */
enum tsu_status outfile_open(const char *path, enum io_encoding enc, bool bom,
			     struct outfile **out, struct tsu_error *err);
/* Writes s; with CP932, a character it cannot hold is TSU_ENCODING with
 * *bad set and nothing of s written. */
enum tsu_status outfile_write(struct outfile *o, const char *s, size_t len, int32_t *bad,
			      struct tsu_error *err);
/* Flushes, syncs and renames into place; frees o. */
enum tsu_status outfile_commit(struct outfile *o, struct tsu_error *err);
/* Removes the temporary file; frees o.  NULL is fine. */
void outfile_abort(struct outfile *o);

#endif
