/*
 * The page check remembered (store/pagecheck.c): a file read whole by a
 * writing command and written since only by tsunagu is not read whole
 * again; a file changed by anything else (bytes written over pages, a
 * copy) is, and is refused when damaged; damage found forgets the file.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>
#include <sqlite3.h>
#include "tsunagu/store.h"
#include "tsunagu/store_verify.h"
#include "tsunagu/record.h"
#include "test_util.h"
#include "../../src/store/internal.h"

/* A demo file (a few hundred pages), checked whole and closed. */
static const char *checked_file(char *path, size_t n, const char *name)
{
	struct store *st;
	test_path(path, n, name);
	unlink(path);
	assert_int_equal(store_open(path, STORE_OPEN_CREATE, &st, NULL), TSU_OK);
	assert_int_equal(store_demo(st, 1, NULL), TSU_OK);
	assert_int_equal(store_verify(st, NULL), TSU_OK);
	store_close(st);
	assert_true(pagecheck_is_current(path));
	return path;
}

/* Random bytes over four pages in the middle, where quick_check sees them. */
static void damage(const char *path)
{
	int fd = open(path, O_WRONLY);
	assert_true(fd >= 0);
	off_t size = lseek(fd, 0, SEEK_END);
	char junk[4096 * 4];
	for (size_t i = 0; i < sizeof junk; i++)
		junk[i] = (char)(i * 7919 % 251);
	assert_int_equal(pwrite(fd, junk, sizeof junk, size / 2 / 4096 * 4096), (ssize_t)sizeof junk);
	close(fd);
}

/* The list says so, as if the file had been checked whole as it is. */
static void remember_as_checked(const char *path)
{
	struct pagecheck_id id;
	pagecheck_identity(path, &id);
	pagecheck_remember(path, &id);
	assert_true(pagecheck_is_current(path));
}

static enum tsu_status verify_again(const char *path, struct tsu_error *err)
{
	struct store *st;
	assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &st, NULL), TSU_OK);
	enum tsu_status rc = store_verify(st, err);
	store_close(st);
	return rc;
}

/* What `tsunagu add party` does: the check, one write, the end. */
static void write_as_a_command(const char *path, const char *name)
{
	struct store *st;
	assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &st, NULL), TSU_OK);
	assert_int_equal(store_verify(st, NULL), TSU_OK);
	struct field_value fv[] = {{"name", name}, {"kind", "person"}};
	uuid_str id;
	assert_int_equal(store_insert(st, "party", fv, 2, id, NULL), TSU_OK);
	store_close(st);
}

/* Damage made right after the check (in the same clock tick) is seen:
 * the entry is written only once its time is past the file's. */
static void damage_after_a_check_is_found(void **state)
{
	(void)state;
	char path[512];
	checked_file(path, sizeof path, "damaged.db");
	write_as_a_command(path, "諏訪 一郎"); /* written, remembered, and at once: */
	damage(path);
	assert_false(pagecheck_is_current(path));
	struct tsu_error err = {0};
	assert_int_equal(verify_again(path, &err), TSU_DB_CORRUPT);
	assert_non_null(strstr(err.msg, "tsunagu check"));
}

/* tsunagu's own writes keep the file remembered; the check is not run
 * again (shown by damage made under a forged entry going unread). */
static void own_writes_keep_it_checked(void **state)
{
	(void)state;
	char path[512];
	checked_file(path, sizeof path, "own.db");
	write_as_a_command(path, "多摩 花子");
	assert_true(pagecheck_is_current(path));

	damage(path);
	remember_as_checked(path);
	assert_int_equal(verify_again(path, NULL), TSU_OK);
}

/* A copy is another file: read whole before it is written. */
static void a_copy_is_read_whole(void **state)
{
	(void)state;
	char path[512], copy[512];
	checked_file(path, sizeof path, "office.db");
	test_path(copy, sizeof copy, "laptop.db");
	unlink(copy);
	assert_int_equal(store_copy_file(path, copy, NULL), TSU_OK);
	assert_false(pagecheck_is_current(copy));
	assert_true(pagecheck_is_current(path));
	/* the list holds numbers only: no path, no data */
	char list[512];
	FILE *f = fopen(test_path(list, sizeof list, "state/tsunagu/checked"), "r");
	assert_non_null(f);
	int c;
	while ((c = fgetc(f)) != EOF)
		assert_true(strchr("0123456789 .\n", c) != NULL);
	fclose(f);
}

/* A checked file `name` opened, and a copy of it at `other` (NAME-other.db)
 * ready to be renamed over it. */
static struct store *open_with_a_copy(char *path, char *other, size_t n, const char *name)
{
	char other_name[128];
	checked_file(path, n, name);
	snprintf(other_name, sizeof other_name, "%s-other.db", name);
	test_path(other, n, other_name);
	unlink(other);
	assert_int_equal(store_copy_file(path, other, NULL), TSU_OK);
	struct store *st;
	assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &st, NULL), TSU_OK);
	return st;
}

/* A file put in the checked one's place while a command ran (a copy
 * renamed over it) is not taken for checked when the command ends. */
static void a_file_renamed_over_is_not_remembered(void **state)
{
	(void)state;
	char path[512], other[512];
	struct store *st = open_with_a_copy(path, other, sizeof path, "renamed.db");
	assert_int_equal(store_verify(st, NULL), TSU_OK);
	assert_int_equal(rename(other, path), 0);
	store_close(st);
	assert_false(pagecheck_is_current(path));
}

/* A file whose time is on a 10 ms boundary (exFAT keeps no finer) is
 * remembered only once the list's own time is past the whole step. */
static void a_coarse_time_waits_its_step(void **state)
{
	(void)state;
	char path[512], list[512];
	checked_file(path, sizeof path, "coarse.db");
	struct timespec now;
	clock_gettime(CLOCK_REALTIME, &now);
	struct timespec t[2] = {now, {now.tv_sec, now.tv_nsec / 10000000 * 10000000}};
	assert_int_equal(utimensat(AT_FDCWD, path, t, 0), 0);
	remember_as_checked(path);
	struct stat db, marks;
	assert_int_equal(stat(path, &db), 0);
	assert_int_equal(stat(test_path(list, sizeof list, "state/tsunagu/checked"), &marks), 0);
	long long step_end = (long long)db.st_mtim.tv_sec * 1000000000LL + db.st_mtim.tv_nsec + 10000000;
	long long written = (long long)marks.st_mtim.tv_sec * 1000000000LL + marks.st_mtim.tv_nsec;
	assert_true(written > step_end);
}

/* Damage SQLite meets later (a page the check passed over as remembered)
 * forgets the file: the next command reads it whole again. */
static void damage_met_forgets(void **state)
{
	(void)state;
	char path[512];
	checked_file(path, sizeof path, "forget.db");
	struct store *st;
	long long root = 0;
	assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &st, NULL), TSU_OK);
	assert_int_equal(store_read_int(st, "SELECT rootpage FROM sqlite_schema WHERE name = 'party'",
					&root, NULL), TSU_OK);
	store_close(st);
	int fd = open(path, O_WRONLY);
	char junk[4096];
	memset(junk, 0x5a, sizeof junk);
	assert_int_equal(pwrite(fd, junk, sizeof junk, (off_t)(root - 1) * 4096), (ssize_t)sizeof junk);
	close(fd);
	remember_as_checked(path);

	assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &st, NULL), TSU_OK);
	assert_int_equal(store_verify(st, NULL), TSU_OK);
	long long n;
	struct tsu_error err = {0};
	assert_int_equal(store_read_int(st, "SELECT count(*) FROM party WHERE name <> ''", &n, &err),
			 TSU_DB_CORRUPT);
	store_close(st);
	assert_false(pagecheck_is_current(path));
	assert_int_equal(verify_again(path, NULL), TSU_DB_CORRUPT);
}

/* One write of an open session (the full-screen program saves so). */
static void session_write(struct store *st, const char *name)
{
	struct field_value fv[] = {{"name", name}, {"kind", "person"}};
	uuid_str id;
	assert_int_equal(store_insert(st, "party", fv, 2, id, NULL), TSU_OK);
}

/* The full-screen program never reads the file whole; a file remembered
 * when it opened stays remembered through its saves, so the next command
 * need not read it whole either. */
static void a_session_keeps_it_checked(void **state)
{
	(void)state;
	char path[512];
	checked_file(path, sizeof path, "session.db");
	struct store *st;
	assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &st, NULL), TSU_OK);
	session_write(st, "関戸 一郎");
	session_write(st, "関戸 二郎");
	store_close(st);
	assert_true(pagecheck_is_current(path));
}

/* Another tsunagu command between the session's saves remembers the file
 * itself: the session carries on from there. */
static void a_command_between_saves_keeps_it(void **state)
{
	(void)state;
	char path[512];
	checked_file(path, sizeof path, "between.db");
	struct store *st;
	assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &st, NULL), TSU_OK);
	session_write(st, "永山 一郎");
	write_as_a_command(path, "永山 花子");
	session_write(st, "永山 二郎");
	store_close(st);
	assert_true(pagecheck_is_current(path));
}

/* Another program writing the file during a session (here SQLite itself,
 * a valid write, as a file-sync engine or a script might) leaves the file
 * unvouched for, whatever the session writes after it. */
static void another_writer_in_a_session_ends_it(void **state)
{
	(void)state;
	char path[512];
	checked_file(path, sizeof path, "foreign.db");
	struct store *st;
	assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &st, NULL), TSU_OK);
	session_write(st, "落合 一郎");
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "UPDATE meta SET value = value WHERE 0;"
				      " PRAGMA user_version = user_version;"
				      " CREATE TABLE other_program(x); DROP TABLE other_program",
				      NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	session_write(st, "落合 二郎");
	store_close(st);
	assert_false(pagecheck_is_current(path));
}

/* A transaction given up — a merge's or an import's dry run — that wrote
 * pages out of a full cache and back: the file changed on disk (its times)
 * and is as it was, written by no one else; the next command need not read
 * it whole.  (Before: every merge after its dry run read the file whole.) */
static void a_rolled_back_write_keeps_it_checked(void **state)
{
	(void)state;
	char path[512];
	checked_file(path, sizeof path, "dryrun.db");
	struct pagecheck_id before, after;
	pagecheck_identity(path, &before);
	struct store *st;
	assert_int_equal(store_open(path, STORE_OPEN_EXISTING, &st, NULL), TSU_OK);
	assert_int_equal(store_begin(st, NULL), TSU_OK);
	/* a cache of ten pages: the writes below spill to the file */
	assert_int_equal(sqlite3_exec(st->db, "PRAGMA cache_size = 10", NULL, NULL, NULL),
			 SQLITE_OK);
	for (int i = 0; i < 300; i++) {
		char name[64];
		snprintf(name, sizeof name, "唐木田 試行%d", i);
		session_write(st, name);
	}
	store_rollback(st);
	store_close(st);
	pagecheck_identity(path, &after);
	assert_memory_not_equal(&before, &after, sizeof before); /* it did spill */
	assert_true(pagecheck_is_current(path));
	assert_int_equal(verify_again(path, NULL), TSU_OK);
	/* and nothing of the given-up write is there */
	sqlite3 *db;
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM party WHERE name LIKE '唐木田%'",
					    -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(s, 0), 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
}

/* A file renamed over the path while a write was open (here given up) is
 * not the one the program checked and wrote: it is not remembered. */
static void a_file_renamed_over_a_write_is_not_remembered(void **state)
{
	(void)state;
	char path[512], other[512];
	struct store *st = open_with_a_copy(path, other, sizeof path, "renamed-tx.db");
	assert_int_equal(store_begin(st, NULL), TSU_OK);
	session_write(st, "聖ヶ丘 一郎");
	assert_int_equal(rename(other, path), 0);
	store_rollback(st);
	store_close(st);
	assert_false(pagecheck_is_current(path));
}

int main(void)
{
	char state[512];
	setenv("XDG_STATE_HOME", test_path(state, sizeof state, "state"), 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(damage_after_a_check_is_found),
		cmocka_unit_test(own_writes_keep_it_checked),
		cmocka_unit_test(a_copy_is_read_whole),
		cmocka_unit_test(a_file_renamed_over_is_not_remembered),
		cmocka_unit_test(a_coarse_time_waits_its_step),
		cmocka_unit_test(damage_met_forgets),
		cmocka_unit_test(a_session_keeps_it_checked),
		cmocka_unit_test(a_command_between_saves_keeps_it),
		cmocka_unit_test(another_writer_in_a_session_ends_it),
		cmocka_unit_test(a_rolled_back_write_keeps_it_checked),
		cmocka_unit_test(a_file_renamed_over_a_write_is_not_remembered),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	test_cleanup();
	return rc;
}
