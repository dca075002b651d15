/* Formula-like cells for Excel (csvcell.c: csv_cell_formula,
 * csv_cell_inert, csv_cell_uninert): what Excel would run is written as
 * text, and reading it back gives the value as stored. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdlib.h>
#include <cmocka.h>
#include "tsunagu/csvcell.h"

static void formula(void **state)
{
	(void)state;
	assert_true(csv_cell_formula("=1+1"));
	assert_true(csv_cell_formula("=HYPERLINK(\"http://x\",\"見守り\")"));
	assert_true(csv_cell_formula("@SUM(A1)"));
	assert_true(csv_cell_formula("+81-42-374-1234"));
	assert_true(csv_cell_formula("-見守り"));
	assert_true(csv_cell_formula("\t=1"));
	assert_false(csv_cell_formula("-3"));
	assert_false(csv_cell_formula("-"));
	assert_false(csv_cell_formula("+1.5"));
	assert_false(csv_cell_formula("＝全角は式ではない"));
	assert_false(csv_cell_formula("鈴木一郎"));
	assert_false(csv_cell_formula(""));
	assert_false(csv_cell_formula(NULL));
}

/* inert, then uninert, gives back what was stored */
static void round_trip_one(const char *stored, const char *written)
{
	char *w = csv_cell_inert(stored);
	const char *cell = w ? w : stored;

	assert_string_equal(cell, written);
	assert_string_equal(csv_cell_uninert(cell), stored);
	free(w);
}

static void round_trip(void **state)
{
	(void)state;
	round_trip_one("=1+1", "'=1+1");
	round_trip_one("@SUM(A1)", "'@SUM(A1)");
	round_trip_one("'=1+1", "''=1+1");
	round_trip_one("''@x", "'''@x");
	round_trip_one("'見守り", "'見守り");
	round_trip_one("'", "'");
	round_trip_one("髙橋一郎", "髙橋一郎");
	round_trip_one("-3", "-3");
	round_trip_one("", "");
	/* as Excel saves a cell typed '=1+1: the mark of text is dropped */
	assert_string_equal(csv_cell_uninert("'+81-42-000"), "+81-42-000");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(formula),
		cmocka_unit_test(round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
