/* SQLite is started without counting every allocation under its global
 * lock (SQLITE_CONFIG_MEMSTATUS off), whichever call of the program uses
 * it first: the check of a file's version before it is opened (an older
 * file is said to be upgraded) once started it with the counting on,
 * which took that lock for every allocation of an import (5 % of its
 * time).  With the counting off, SQLite reports no memory in use. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <unistd.h>
#include <cmocka.h>
#include <sqlite3.h>
#include "tsunagu/record.h"
#include "tsunagu/store.h"
#include "test_util.h"

static void counting_stays_off_after_a_version_check(void **state)
{
	(void)state;
	char path[512];
	test_path(path, sizeof path, "config.db");
	unlink(path);
	assert_int_equal(store_file_version(path), -1); /* the first use of SQLite */
	struct store *st;
	assert_int_equal(store_open(path, STORE_OPEN_CREATE, &st, NULL), TSU_OK);
	assert_int_equal(store_file_version(path), store_schema_version());
	uuid_str id;
	struct field_value fv[] = {{"name", "多摩 花子"}, {"offers", "見守り"}};
	assert_int_equal(store_insert(st, "party", fv, 2, id, NULL), TSU_OK);
	assert_int_equal(sqlite3_memory_used(), 0);
	store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(counting_stays_off_after_a_version_check),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
