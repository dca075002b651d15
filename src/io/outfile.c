/* Export files: a temporary file in a private directory beside the target
 * (removed on SIGTERM/SIGHUP/SIGINT, see tmpfiles.h) renamed into place,
 * 0600, encoding on the way out. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "tsunagu/encoding.h"
#include "tsunagu/outfile.h"
#include "tsunagu/sanitize.h"
#include "tsunagu/sbuf.h"
#include "tsunagu/tmpfiles.h"
#include "tsunagu/syserr.h"
#include "tsunagu/utf8.h"

#define OUT_FLUSH 65536

struct outfile {
	char *path;        /* NULL: standard output */
	struct tmpdir tmp;
	int fd;
	enum io_encoding enc;
	bool tty;          /* standard output is a terminal */
	struct enc_cp932 cp;
	struct sbuf buf;
};

static enum tsu_status open_temp(struct outfile *o, struct tsu_error *err)
{
	char *parent = tmpfiles_parent_of(o->path);
	/* the user's words for the user's path: "FILE: 書き込めません: フォルダ
	 * がありません", not a message about the private folder beside it */
	if (access(parent, W_OK | X_OK) != 0) {
		int e = errno;
		free(parent);
		return tsu_fail(err, TSU_IO, "%s: 書き込めません: %s", o->path, syserr_text(e, true));
	}
	enum tsu_status st = tmpdir_make(&o->tmp, parent, "export.partial", err);
	free(parent);
	if (st != TSU_OK)
		return st;
	o->fd = open(o->tmp.file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (o->fd < 0) {
		int e = errno;
		tmpdir_remove(&o->tmp);
		return tsu_fail(err, TSU_IO, "%s: 書き込めません: %s", o->path, syserr_text(e, true));
	}
	/* the umask could only have narrowed it; make it exact */
	fchmod(o->fd, 0600);
	return TSU_OK;
}

enum tsu_status outfile_open(const char *path, enum io_encoding enc, bool bom,
			     struct outfile **out, struct tsu_error *err)
{
	struct outfile *o = xcalloc(1, sizeof(*o));

	o->enc = enc == IO_ENC_CP932 ? IO_ENC_CP932 : IO_ENC_UTF8;
	o->fd = STDOUT_FILENO;
	o->tty = !(path && strcmp(path, "-") != 0) && isatty(STDOUT_FILENO);
	if (path && strcmp(path, "-") != 0) {
		o->path = xstrdup(path);
		if (open_temp(o, err) != TSU_OK) {
			free(o->path);
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
					o->path ? o->path : "標準出力", syserr_text(errno, true));
		off += (size_t)n;
	}
	sbuf_reset(&o->buf);
	return TSU_OK;
}

/* An export read on the terminal (no -o) is shown as the screen shows
 * text: an escape sequence in a record spelled out (^[), a bidi override
 * as <U+202E>; line breaks, CRs and tabs of the format kept.  A file or a
 * pipe gets the data as stored. */
static char *terminal_text(const char *s, size_t len)
{
	struct sbuf b = {0};
	char rep[TEXT_SANITIZE_CP_MAX];

	for (size_t i = 0; i < len;) {
		int32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		size_t r = cp == '\r' || cp == '\t' ? 0 : text_sanitize_cp(cp, 1, rep);
		if (r > 0)
			sbuf_addn(&b, rep, r);
		else
			sbuf_addn(&b, s + i, n);
		i += n;
	}
	return b.s ? sbuf_detach(&b) : xstrdup("");
}

enum tsu_status outfile_write(struct outfile *o, const char *s, size_t len, int32_t *bad,
			      struct tsu_error *err)
{
	char *shown = o->tty ? terminal_text(s, len) : NULL;
	enum tsu_status st = TSU_OK;

	*bad = 0;
	if (shown) {
		s = shown;
		len = strlen(shown);
	}
	if (o->enc == IO_ENC_CP932)
		st = enc_to_cp932(&o->cp, s, len, &o->buf, bad, err);
	else
		sbuf_addn(&o->buf, s, len);
	free(shown);
	if (st != TSU_OK)
		return st;
	return o->buf.len >= OUT_FLUSH ? flush(o, err) : TSU_OK;
}

static void release(struct outfile *o)
{
	enc_cp932_free(&o->cp);
	sbuf_free(&o->buf);
	free(o->path);
	free(o);
}

enum tsu_status outfile_commit(struct outfile *o, struct tsu_error *err)
{
	enum tsu_status st = flush(o, err);

	if (o->path) {
		if (st == TSU_OK && fsync(o->fd) != 0)
			st = tsu_fail(err, TSU_IO, "%s: 書き込めません: %s", o->path, syserr_text(errno, true));
		if (close(o->fd) != 0 && st == TSU_OK)
			st = tsu_fail(err, TSU_IO, "%s: 書き込めません: %s", o->path, syserr_text(errno, true));
		if (st == TSU_OK && rename(o->tmp.file, o->path) != 0)
			st = tsu_fail(err, TSU_IO, "%s: 書き込めません: %s", o->path, syserr_text(errno, true));
		if (st == TSU_OK)
			tmpdir_keep_file(&o->tmp);
		else
			tmpdir_remove(&o->tmp);
	}
	release(o);
	return st;
}

void outfile_abort(struct outfile *o)
{
	if (!o)
		return;
	if (o->path) {
		close(o->fd);
		tmpdir_remove(&o->tmp);
	}
	release(o);
}
