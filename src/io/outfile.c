/* Export files: temporary file + rename, 0600, encoding on the way out. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "tsunagu/encoding.h"
#include "tsunagu/outfile.h"
#include "tsunagu/sbuf.h"

#define OUT_FLUSH 65536

struct outfile {
	char *path, *tmp;  /* tmp NULL: standard output */
	int fd;
	enum io_encoding enc;
	struct enc_cp932 cp;
	struct sbuf buf;
};

static enum tsu_status open_temp(struct outfile *o, struct tsu_error *err)
{
	for (unsigned n = 0; n < 100; n++) {
		free(o->tmp);
		o->tmp = xmalloc(strlen(o->path) + 48);
		sprintf(o->tmp, "%s.tmp-%ld-%u", o->path, (long)getpid(), n);
		o->fd = open(o->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (o->fd >= 0) {
			/* the umask could only have narrowed it; make it exact */
			fchmod(o->fd, 0600);
			return TSU_OK;
		}
		if (errno != EEXIST)
			break;
	}
	return tsu_fail(err, TSU_IO, "%s: 書き込めません: %s", o->path, strerror(errno));
}

enum tsu_status outfile_open(const char *path, enum io_encoding enc, bool bom,
			     struct outfile **out, struct tsu_error *err)
{
	struct outfile *o = xcalloc(1, sizeof(*o));

	o->enc = enc == IO_ENC_CP932 ? IO_ENC_CP932 : IO_ENC_UTF8;
	o->fd = STDOUT_FILENO;
	if (path && strcmp(path, "-") != 0) {
		o->path = xstrdup(path);
		if (open_temp(o, err) != TSU_OK) {
			free(o->path);
			free(o->tmp);
			free(o);
			return err ? err->status : TSU_IO;
		}
	}
	if (bom && o->enc == IO_ENC_UTF8)
		sbuf_add(&o->buf, "\xEF\xBB\xBF");
	*out = o;
	return TSU_OK;
}

static enum tsu_status flush(struct outfile *o, struct tsu_error *err)
{
	size_t off = 0;

	if (o->fd == STDOUT_FILENO)
		fflush(stdout);
	while (off < o->buf.len) {
		ssize_t n = write(o->fd, o->buf.s + off, o->buf.len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return tsu_fail(err, TSU_IO, "%s: 書き込めません: %s",
					o->path ? o->path : "標準出力", strerror(errno));
		off += (size_t)n;
	}
	sbuf_reset(&o->buf);
	return TSU_OK;
}

enum tsu_status outfile_write(struct outfile *o, const char *s, size_t len, int32_t *bad,
			      struct tsu_error *err)
{
	*bad = 0;
	if (o->enc == IO_ENC_CP932) {
		enum tsu_status st = enc_to_cp932(&o->cp, s, len, &o->buf, bad, err);
		if (st != TSU_OK)
			return st;
	} else {
		sbuf_addn(&o->buf, s, len);
	}
	return o->buf.len >= OUT_FLUSH ? flush(o, err) : TSU_OK;
}

static void release(struct outfile *o)
{
	enc_cp932_free(&o->cp);
	sbuf_free(&o->buf);
	free(o->path);
	free(o->tmp);
	free(o);
}

enum tsu_status outfile_commit(struct outfile *o, struct tsu_error *err)
{
	enum tsu_status st = flush(o, err);

	if (o->tmp) {
		if (st == TSU_OK && fsync(o->fd) != 0)
			st = tsu_fail(err, TSU_IO, "%s: 書き込めません: %s", o->path, strerror(errno));
		if (close(o->fd) != 0 && st == TSU_OK)
			st = tsu_fail(err, TSU_IO, "%s: 書き込めません: %s", o->path, strerror(errno));
		if (st == TSU_OK && rename(o->tmp, o->path) != 0)
			st = tsu_fail(err, TSU_IO, "%s: 書き込めません: %s", o->path, strerror(errno));
		if (st != TSU_OK)
			unlink(o->tmp);
	}
	release(o);
	return st;
}

void outfile_abort(struct outfile *o)
{
	if (!o)
		return;
	if (o->tmp) {
		close(o->fd);
		unlink(o->tmp);
	}
	release(o);
}
