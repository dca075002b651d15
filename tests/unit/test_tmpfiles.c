/* Private temporary files removed on SIGTERM, SIGHUP and SIGINT
 * (src/core/tmpfiles.c, issue 14 item 6).  Each case runs in a child
 * process that makes a temporary file and waits to be signalled. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>
#include "test_util.h"
#include "tsunagu/tmpfiles.h"

static void exit_42(int sig)
{
	_exit(42);
}

/* Forks a child holding a temporary file "名簿.csv" under parent; returns
 * its pid and the paths it made (read from a pipe). */
static pid_t start_child(const char *parent, bool own_handler, char *dir, char *file,
			 size_t n)
{
	int fds[2];
	assert_int_equal(pipe(fds), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct tmpdir t;
		struct tsu_error err = {0};
		close(fds[0]);
		if (own_handler)
			signal(SIGTERM, exit_42);
		tmpfiles_guard_signals();
		if (tmpdir_make(&t, parent, "名簿.csv", &err) != TSU_OK)
			_exit(3);
		FILE *fp = fopen(t.file, "w");
		if (!fp)
			_exit(4);
		fputs("鈴木 一郎,042-000-0000\n", fp);
		fclose(fp);
		dprintf(fds[1], "%s\n%s\n", t.dir, t.file);
		close(fds[1]);
		for (;;)
			pause();
	}
	close(fds[1]);
	FILE *in = fdopen(fds[0], "r");
	assert_non_null(fgets(dir, (int)n, in));
	assert_non_null(fgets(file, (int)n, in));
	dir[strcspn(dir, "\n")] = '\0';
	file[strcspn(file, "\n")] = '\0';
	fclose(in);
	return pid;
}

static void signal_removes(int sig, bool own_handler, int want_exit)
{
	char parent[512], dir[1024], file[1024];
	struct stat sb;
	int status;

	test_path(parent, sizeof(parent), "");
	pid_t pid = start_child(parent, own_handler, dir, file, sizeof(dir));
	assert_int_equal(stat(dir, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	assert_int_equal(access(file, F_OK), 0);
	assert_int_equal(kill(pid, sig), 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (want_exit) {
		assert_true(WIFEXITED(status));
		assert_int_equal(WEXITSTATUS(status), want_exit);
	} else {
		/* the default action afterwards: the exit status names the signal */
		assert_true(WIFSIGNALED(status));
		assert_int_equal(WTERMSIG(status), sig);
	}
	assert_int_not_equal(access(file, F_OK), 0);
	assert_int_not_equal(access(dir, F_OK), 0);
}

static void test_sigterm(void **state) { signal_removes(SIGTERM, false, 0); }
static void test_sighup(void **state) { signal_removes(SIGHUP, false, 0); }
static void test_sigint(void **state) { signal_removes(SIGINT, false, 0); }

/* A handler that was there before (curses') still runs, after the clean-up. */
static void test_previous_handler_runs(void **state) { signal_removes(SIGTERM, true, 42); }

static void test_keep_and_remove(void **state)
{
	char parent[512], kept[512];
	struct tmpdir t;
	struct tsu_error err = {0};

	test_path(parent, sizeof(parent), "");
	test_path(kept, sizeof(kept), "書き出し.csv");
	assert_int_equal(tmpdir_make(&t, parent, "x", &err), TSU_OK);
	char *dir = strdup(t.dir);
	FILE *fp = fopen(t.file, "w");
	assert_non_null(fp);
	fclose(fp);
	assert_int_equal(rename(t.file, kept), 0);
	tmpdir_keep_file(&t);
	assert_int_equal(access(kept, F_OK), 0);
	assert_int_not_equal(access(dir, F_OK), 0);
	free(dir);
	/* more than the table holds at once is an error, not an overflow */
	struct tmpdir many[TMPFILES_MAX];
	int made = 0;
	while (made < TMPFILES_MAX && tmpdir_make(&many[made], parent, "y", &err) == TSU_OK)
		made++;
	assert_true(made < TMPFILES_MAX);
	for (int i = 0; i < made; i++)
		tmpdir_remove(&many[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sigterm),
		cmocka_unit_test(test_sighup),
		cmocka_unit_test(test_sigint),
		cmocka_unit_test(test_previous_handler_runs),
		cmocka_unit_test(test_keep_and_remove),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
