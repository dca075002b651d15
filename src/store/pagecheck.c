/*
 * The page check remembered.  Before a command writes, the whole file is
 * read by PRAGMA quick_check (verify.c: nothing is written into a damaged
 * file).  On a city-scale file that is seconds for every `tsunagu add`.
 * So a file checked whole, and then changed only by this program, is
 * remembered as checked: its device, inode, size, change time and
 * modification time, kept in $XDG_STATE_HOME/tsunagu/checked (0600; no
 * paths, no data).  The next command that finds the file exactly so skips
 * the page reading; a file copied, carried back, truncated or written by
 * anything else has another inode, size or change time (which no program
 * can set back) and is read whole again.
 *
 * Like git's index, a file changed in the same clock tick as it was
 * remembered could not be told apart, so the entry is written only when
 * its own time is past the file's (waiting a few milliseconds for the
 * tick; 10 ms past a time that may be exFAT's), and never for a file
 * system that keeps whole seconds (FAT).
 */
#define _GNU_SOURCE /* futimens, O_CLOEXEC */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "internal.h"
#include "tsunagu/config.h"

#define MARKS_MAX 64
#define MARK_LINE 160


static bool mark_of(const char *path, struct pagecheck_id *m)
{
	struct stat sb;
	if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
		return false;
	*m = (struct pagecheck_id){(unsigned long long)sb.st_dev, (unsigned long long)sb.st_ino,
			   (long long)sb.st_size, (long long)sb.st_ctim.tv_sec, sb.st_ctim.tv_nsec,
			   (long long)sb.st_mtim.tv_sec, sb.st_mtim.tv_nsec};
	return true;
}

static void mark_line(const struct pagecheck_id *m, char out[MARK_LINE])
{
	snprintf(out, MARK_LINE, "%llu %llu %lld %lld.%09lld %lld.%09lld\n", m->dev, m->ino,
		 m->size, m->ctime_s, m->ctime_ns, m->mtime_s, m->mtime_ns);
}

static bool same_file(const char *line, const struct pagecheck_id *m)
{
	unsigned long long dev, ino;
	return sscanf(line, "%llu %llu ", &dev, &ino) == 2 && dev == m->dev && ino == m->ino;
}

/* The remembered lines, at most MARKS_MAX (new strings); returns how many. */
static int read_marks(const char *file, char *lines[MARKS_MAX])
{
	FILE *f = fopen(file, "r");
	int n = 0;
	char buf[MARK_LINE];
	while (f && n < MARKS_MAX && fgets(buf, sizeof buf, f))
		if (strchr(buf, '\n'))
			lines[n++] = xstrdup(buf);
	if (f)
		fclose(f);
	return n;
}

bool pagecheck_is_current(const char *db_path)
{
	struct pagecheck_id m;
	if (!db_path || !mark_of(db_path, &m))
		return false;
	char *file = config_state_path("checked"), *lines[MARKS_MAX], want[MARK_LINE];
	int n = read_marks(file, lines);
	free(file);
	mark_line(&m, want);
	bool found = false;
	for (int i = 0; i < n; i++) {
		found = found || strcmp(lines[i], want) == 0;
		free(lines[i]);
	}
	return found;
}

static bool later(const struct timespec *a, long long s, long long ns)
{
	return a->tv_sec > s || (a->tv_sec == s && a->tv_nsec > ns);
}

/* A time plus the file system's step: exFAT keeps 10 ms, so a time on a
 * 10 ms boundary may stand for any instant of the next 10 ms. */
static void step_on(long long *s, long long *ns)
{
	if (*ns % 10000000 == 0 && (*ns += 10000000) >= 1000000000) {
		*ns -= 1000000000;
		(*s)++;
	}
}

/* Waits (≤ 50 ms) until the file fd's own time, set now, is past both
 * times of m: a later change of the database cannot then look like m. */
static bool past_the_tick(int fd, const struct pagecheck_id *m)
{
	long long cs = m->ctime_s, cns = m->ctime_ns, ms = m->mtime_s, mns = m->mtime_ns;
	step_on(&cs, &cns);
	step_on(&ms, &mns);
	for (int i = 0; i < 50; i++) {
		struct stat sb;
		if (futimens(fd, NULL) != 0 || fstat(fd, &sb) != 0)
			return false;
		if (later(&sb.st_mtim, cs, cns) && later(&sb.st_mtim, ms, mns))
			return true;
		nanosleep(&(struct timespec){0, 1000000}, NULL);
	}
	return false;
}

/* Rewrites the list: `add` first (when given, once past the tick), then
 * the old lines of other files. */
static bool write_marks(const char *file, const struct pagecheck_id *add,
			const struct pagecheck_id *file_of, char *const *old, int n)
{
	struct sbuf tmp = {0};
	sbuf_addf(&tmp, "%s.tmp-%ld", file, (long)getpid());
	int fd = open(tmp.s, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	bool ok = f != NULL;
	if (ok) {
		char line[MARK_LINE];
		if (add) {
			mark_line(add, line);
			fputs(line, f);
		}
		for (int i = 0; i < n && i < MARKS_MAX - 1; i++)
			if (!same_file(old[i], file_of))
				fputs(old[i], f);
		ok = fflush(f) == 0 && (!add || past_the_tick(fd, add));
		ok = fclose(f) == 0 && ok;
	} else if (fd >= 0) {
		close(fd);
	}
	ok = ok && rename(tmp.s, file) == 0;
	if (!ok)
		unlink(tmp.s);
	sbuf_free(&tmp);
	return ok;
}

/* Puts m in the list (remember) or takes its file out (forget). */
static void update(const char *db_path, bool remember)
{
	struct pagecheck_id m;
	if (!db_path || !mark_of(db_path, &m))
		return;
	if (remember && m.ctime_ns == 0 && m.mtime_ns == 0)
		return; /* whole seconds: a change within one would not show */
	char *file = config_state_path("checked"), *lines[MARKS_MAX];
	if (config_make_parent_dirs(file, NULL) == TSU_OK) {
		int n = read_marks(file, lines);
		char want[MARK_LINE];
		bool had = false, current = false;
		mark_line(&m, want);
		for (int i = 0; i < n; i++) {
			had = had || same_file(lines[i], &m);
			current = current || strcmp(lines[i], want) == 0;
		}
		if (remember ? !current : had) /* remembered as it is: nothing to write */
			write_marks(file, remember ? &m : NULL, &m, lines, n);
		while (n > 0)
			free(lines[--n]);
	}
	free(file);
}

void pagecheck_identity(const char *db_path, struct pagecheck_id *id)
{
	if (!mark_of(db_path, id))
		*id = (struct pagecheck_id){0};
}

bool pagecheck_unchanged(const char *db_path, const struct pagecheck_id *id)
{
	struct pagecheck_id now;
	pagecheck_identity(db_path, &now);
	return now.ino && memcmp(&now, id, sizeof now) == 0;
}

/*
 * A session (the full-screen program, hours long) takes part too: a file
 * remembered when it opens stays checked while only this program writes it.
 * After each of its writes the file's mark is kept; before the next, and
 * at the end, the file must still bear it — else another program wrote
 * between, and the file is no longer vouched for (unless another tsunagu
 * remembered it since).
 */
void pagecheck_take_up(struct store *st)
{
	if (st->readonly || !pagecheck_is_current(st->path))
		return;
	st->pages_ok = true;
	pagecheck_identity(st->path, &st->pages_of);
}

void pagecheck_written(struct store *st)
{
	if (!st->pages_ok)
		return;
	/* the file this program wrote, not one renamed over its path since
	 * (a copy carried back, a sync engine's): that one was not checked */
	struct pagecheck_id now;
	pagecheck_identity(st->path, &now);
	if (now.ino && now.dev == st->pages_of.dev && now.ino == st->pages_of.ino)
		st->pages_of = now;
	else
		st->pages_ok = false;
}

bool pagecheck_still_ours(struct store *st)
{
	if (!st->pages_ok)
		return false;
	if (!pagecheck_unchanged(st->path, &st->pages_of)) {
		st->pages_ok = false;
		pagecheck_take_up(st);
	}
	return st->pages_ok;
}

void pagecheck_remember(const char *db_path, const struct pagecheck_id *checked)
{
	/* a file put in its place meanwhile (renamed over it), or written by
	 * another program since this one's last write, was not checked */
	if (pagecheck_unchanged(db_path, checked))
		update(db_path, true);
}

void pagecheck_forget(const char *db_path)
{
	update(db_path, false);
}
