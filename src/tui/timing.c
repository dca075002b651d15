/* --timing FILE: first frame and per-key times (timing.h). */
#include <fcntl.h>
#include <unistd.h>
#include "timing.h"

static double ms_since(const struct timespec *from)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - from->tv_sec) * 1e3 + (double)(now.tv_nsec - from->tv_nsec) / 1e6;
}

int timing_open(struct tui_timing *tm, const char *path)
{
	clock_gettime(CLOCK_MONOTONIC, &tm->start);
	tm->pending = 0;
	tm->waiting = 0;
	int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	tm->f = fd < 0 ? NULL : fdopen(fd, "a");
	if (!tm->f && fd >= 0)
		close(fd);
	return tm->f != NULL;
}

void timing_idle(struct tui_timing *tm)
{
	if (!tm->f)
		return;
	if (!tm->waiting) {
		fprintf(tm->f, "first-frame %.3f\n", ms_since(&tm->start));
		tm->waiting = 1;
	} else if (tm->pending) {
		fprintf(tm->f, "key %s+%04X %.3f\n", tm->key < 0 ? "F" : "U",
			(unsigned)(tm->key < 0 ? -tm->key : tm->key), ms_since(&tm->key_at));
	}
	tm->pending = 0;
	fflush(tm->f);
}

void timing_key(struct tui_timing *tm, int key)
{
	if (!tm->f)
		return;
	clock_gettime(CLOCK_MONOTONIC, &tm->key_at);
	tm->key = key;
	tm->pending = 1;
}

void timing_close(struct tui_timing *tm)
{
	if (tm->f)
		fclose(tm->f);
	tm->f = NULL;
}
