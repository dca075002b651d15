/*
 * Private temporary directories, removed on SIGTERM/SIGHUP/SIGINT
 * (include/tsunagu/tmpfiles.h).
 *
 * A signal handler may only call async-signal-safe functions and read
 * memory that is never half-written.  So the paths live in a fixed table
 * of fixed-size slots: a slot is filled first and only then marked used
 * (a sig_atomic_t store), and marked unused before it is reused.  The
 * handler unlinks every used file slot, then rmdirs every used directory
 * slot.  This table is the one piece of mutable global state in the
 * program, and the reason is that a signal handler can reach nothing else.
 */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "tsunagu/sbuf.h"
#include "tsunagu/tmpfiles.h"
#include "tsunagu/syserr.h"

struct tmp_slot {
	volatile sig_atomic_t used;
	bool is_dir;
	char path[PATH_MAX];
};

static struct tmp_slot tmp_slots[TMPFILES_MAX];

static const int tmp_signals[] = {SIGTERM, SIGHUP, SIGINT};
#define TMP_NSIGNALS (sizeof(tmp_signals) / sizeof(tmp_signals[0]))
static struct sigaction tmp_previous[TMP_NSIGNALS];
static volatile sig_atomic_t tmp_guarded;

static void remove_all(void)
{
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < TMPFILES_MAX; i++) {
			struct tmp_slot *s = &tmp_slots[i];
			if (!s->used || s->is_dir != (pass == 1))
				continue;
			if (s->is_dir)
				rmdir(s->path);
			else
				unlink(s->path);
			s->used = 0;
		}
}

static void on_signal(int sig)
{
	int saved = errno;
	remove_all();
	for (size_t i = 0; i < TMP_NSIGNALS; i++) {
		if (tmp_signals[i] != sig)
			continue;
		void (*prev)(int) = tmp_previous[i].sa_handler;
		if (!(tmp_previous[i].sa_flags & SA_SIGINFO) && prev != SIG_DFL && prev != SIG_IGN) {
			prev(sig);
			errno = saved;
			return;
		}
		if (prev == SIG_IGN) {
			errno = saved;
			return;
		}
	}
	signal(sig, SIG_DFL);
	raise(sig);
	errno = saved;
}

void tmpfiles_guard_signals(void)
{
	if (tmp_guarded)
		return;
	tmp_guarded = 1;
	for (size_t i = 0; i < TMP_NSIGNALS; i++) {
		struct sigaction sa = {.sa_handler = on_signal};
		sigemptyset(&sa.sa_mask);
		for (size_t j = 0; j < TMP_NSIGNALS; j++)
			sigaddset(&sa.sa_mask, tmp_signals[j]);
		sigaction(tmp_signals[i], &sa, &tmp_previous[i]);
	}
}

/* Writes path into a free slot and marks it used; -1 when full. */
static int slot_take(const char *path, bool is_dir)
{
	if (strlen(path) >= PATH_MAX)
		return -1;
	for (int i = 0; i < TMPFILES_MAX; i++) {
		struct tmp_slot *s = &tmp_slots[i];
		if (s->used)
			continue;
		s->is_dir = is_dir;
		memcpy(s->path, path, strlen(path) + 1);
		s->used = 1;
		return i;
	}
	return -1;
}

static void slot_release(int *i)
{
	if (*i >= 0)
		tmp_slots[*i].used = 0;
	*i = -1;
}

char *tmpfiles_parent_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

enum tsu_status tmpdir_make(struct tmpdir *t, const char *parent, const char *name,
			    struct tsu_error *err)
{
	struct sbuf b = {0};
	memset(t, 0, sizeof(*t));
	t->slot_dir = t->slot_file = -1;
	sbuf_addf(&b, "%s/.tsunagu-XXXXXX", parent);
	if (!mkdtemp(b.s)) {
		int e = errno;
		sbuf_free(&b);
		return tsu_fail(err, TSU_IO, "%s: 一時フォルダを作れません: %s", parent, syserr_text(e, true));
	}
	t->dir = sbuf_detach(&b);
	chmod(t->dir, 0700); /* mkdtemp gives 0700; say so for any umask */
	sbuf_addf(&b, "%s/%s", t->dir, name);
	t->file = sbuf_detach(&b);
	t->slot_dir = slot_take(t->dir, true);
	t->slot_file = slot_take(t->file, false);
	if (t->slot_dir < 0 || t->slot_file < 0) {
		tmpdir_remove(t);
		return tsu_fail(err, TSU_IO, "一時ファイルが多すぎます");
	}
	return TSU_OK;
}

void tmpdir_keep_file(struct tmpdir *t)
{
	slot_release(&t->slot_file);
	free(t->file);
	t->file = NULL;
	tmpdir_remove(t);
}

void tmpdir_remove(struct tmpdir *t)
{
	if (t->file)
		unlink(t->file);
	if (t->dir)
		rmdir(t->dir);
	slot_release(&t->slot_file);
	slot_release(&t->slot_dir);
	free(t->file);
	free(t->dir);
	t->file = t->dir = NULL;
}
