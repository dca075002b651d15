/* The note a long writer leaves beside the file (store_activity.h). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "tsunagu/clock.h"
#include "tsunagu/sbuf.h"
#include "tsunagu/store_activity.h"

struct store_activity {
	int fd;
	char *path;
};

static char *note_path(const char *db_path)
{
	struct sbuf b = {0};
	sbuf_addf(&b, "%s.busy", db_path);
	return sbuf_detach(&b);
}

static int lock_whole(int fd, short type, int cmd, struct flock *fl)
{
	*fl = (struct flock){.l_type = type, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0};
	return fcntl(fd, cmd, fl);
}

void store_activity_begin(struct store *st, const char *what, struct store_activity **out)
{
	struct flock fl;
	char when[32];
	*out = NULL;
	char *path = note_path(store_path(st));
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0 || lock_whole(fd, F_WRLCK, F_SETLK, &fl) != 0) {
		if (fd >= 0)
			close(fd); /* someone else's note: theirs stands */
		free(path);
		return;
	}
	clock_iso(clock_now_ms(), when, sizeof(when));
	struct sbuf b = {0};
	sbuf_addf(&b, "%s (%s、%.16s から)", what, store_author(st), when);
	if (ftruncate(fd, 0) != 0 || write(fd, b.s, b.len) != (ssize_t)b.len) {
		unlink(path);
		close(fd);
		free(path);
		sbuf_free(&b);
		return;
	}
	sbuf_free(&b);
	struct store_activity *a = xcalloc(1, sizeof(*a));
	a->fd = fd;
	a->path = path;
	*out = a;
}

void store_activity_end(struct store_activity *a)
{
	if (!a)
		return;
	unlink(a->path); /* while still locked: no one else can be using it */
	close(a->fd);
	free(a->path);
	free(a);
}

bool store_activity_describe(const char *db_path, char *buf, size_t n)
{
	struct flock fl;
	char *path = note_path(db_path);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	free(path);
	if (fd < 0)
		return false;
	bool live = lock_whole(fd, F_RDLCK, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK;
	ssize_t got = live && n > 0 ? read(fd, buf, n - 1) : -1;
	close(fd);
	if (got <= 0)
		return false;
	buf[got] = '\0';
	return true;
}
