/* UUID v7 identities and the hybrid logical clock. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "tsunagu/uuid.h"
#include "tsunagu/clock.h"

static void uuid_has_version_7_and_variant(void **state)
{
	uuid_str id;
	assert_int_equal(uuid_v7(id, NULL), TSU_OK);
	assert_true(uuid_valid(id));
	assert_int_equal(id[14], '7');
	assert_true(strchr("89ab", id[19]) != NULL);
}

static void uuid_orders_by_time(void **state)
{
	uuid_str a, b;
	uuid_v7_at(a, 1700000000000ULL, NULL);
	uuid_v7_at(b, 1700000000001ULL, NULL);
	assert_true(strcmp(a, b) < 0);
	/* the first 12 hex digits are the millisecond time */
	assert_memory_equal(a, "018bcfe5-6800", 13);
}

static void uuid_ids_are_distinct(void **state)
{
	uuid_str ids[200];
	for (int i = 0; i < 200; i++)
		uuid_v7_at(ids[i], 1700000000000ULL, NULL);
	for (int i = 0; i < 200; i++)
		for (int j = i + 1; j < 200; j++)
			assert_string_not_equal(ids[i], ids[j]);
}

static void uuid_valid_rejects_malformed(void **state)
{
	assert_false(uuid_valid("0190"));
	assert_false(uuid_valid("018bcfe5-6800-7000-8000-00000000000G"));
	assert_false(uuid_valid("018BCFE5-6800-7000-8000-000000000000"));
	assert_true(uuid_valid("018bcfe5-6800-7000-8000-000000000000"));
}

static void hlc_never_goes_backward(void **state)
{
	uint64_t t1 = hlc_next(0, 1000);
	uint64_t t2 = hlc_next(t1, 900);  /* the wall clock went back */
	uint64_t t3 = hlc_next(t2, 900);
	assert_true(t2 > t1);
	assert_true(t3 > t2);
	assert_int_equal(hlc_ms(t3), 1000);
	uint64_t t4 = hlc_next(t3, 5000);
	assert_int_equal(hlc_ms(t4), 5000);
}

static void clock_respects_fixed_now(void **state)
{
	char buf[32];
	setenv("TSUNAGU_NOW", "2026-04-01T09:00:00", 1);
	assert_int_equal(clock_now_ms(), 1775034000000ULL);
	clock_iso(clock_now_ms(), buf, sizeof buf);
	assert_string_equal(buf, "2026-04-01T09:00:00Z");
	unsetenv("TSUNAGU_NOW");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(uuid_has_version_7_and_variant),
		cmocka_unit_test(uuid_orders_by_time),
		cmocka_unit_test(uuid_ids_are_distinct),
		cmocka_unit_test(uuid_valid_rejects_malformed),
		cmocka_unit_test(hlc_never_goes_backward),
		cmocka_unit_test(clock_respects_fixed_now),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
