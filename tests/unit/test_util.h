#ifndef TSUNAGU_TEST_UTIL_H
#define TSUNAGU_TEST_UTIL_H
/* Shared by the unit tests: a fresh temporary directory per test. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ftw.h>
#include <sys/stat.h>

/* Writes "<tmpdir>/<name>" into buf; the directory is made once per run. */
static inline const char *test_path(char *buf, size_t n, const char *name)
{
	static char dir[256];
	if (!dir[0]) {
		const char *base = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
		snprintf(dir, sizeof dir, "%s/tsunagu-unit-XXXXXX", base);
		if (!mkdtemp(dir)) {
			perror("mkdtemp");
			abort();
		}
	}
	snprintf(buf, n, "%s/%s", dir, name);
	return buf;
}

/* Removes the run's temporary directory and everything in it. */
static inline int test_rm_entry(const char *path, const struct stat *sb, int flag,
				struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static inline void test_cleanup(void)
{
	char dir[512];
	test_path(dir, sizeof dir, "");
	nftw(dir, test_rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

#endif
