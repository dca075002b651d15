/* Characters cut in two by a line fold (src/io/foldmend.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "tsunagu/foldmend.h"

/* Mends a copy of in (the whole of it read) and compares it with want. */
static void mends_to(const char *in, const char *want)
{
	unsigned char buf[256];
	size_t len = strlen(in);

	memcpy(buf, in, len);
	assert_int_equal(foldmend(buf, len, true), len);
	assert_memory_equal(buf, want, len);
}

static void test_cut_characters(void **state)
{
	(void)state;
	/* 見 = E8 A6 8B, cut after one byte and after two, CR LF and LF */
	mends_to("X:\xE8\r\n \xA6\x8B", "X:\xE8\xA6\x8B\r\n ");
	mends_to("X:\xE8\xA6\n\t\x8B!", "X:\xE8\xA6\x8B\n\t!");
	/* 𠮷 (four bytes), then a character folded whole */
	mends_to("X:\xF0\xA0\r\n \xAE\xB7\xE8\xA6\x8B", "X:\xF0\xA0\xAE\xB7\r\n \xE8\xA6\x8B");
}

static void test_left_alone(void **state)
{
	(void)state;
	/* a fold between whole characters, a line end that is no fold, and
	 * bytes that are not UTF-8 (CP932 見 = 8C A9) stay as they are */
	mends_to("X:\xE8\xA6\x8B\r\n \xE8\xA6\x8B", "X:\xE8\xA6\x8B\r\n \xE8\xA6\x8B");
	mends_to("X:\xE8\r\nY:\xA6", "X:\xE8\r\nY:\xA6");
	mends_to("X:\x8C\xA9\r\n \x8C\xA9", "X:\x8C\xA9\r\n \x8C\xA9");
}

static void test_end_of_buffer(void **state)
{
	unsigned char buf[16];

	(void)state;
	/* the buffer ends before the rest of the character: the cut character
	 * is not final yet (the next chunk may complete it) */
	memcpy(buf, "AB\xE8\r\n", 5);
	assert_int_equal(foldmend(buf, 5, false), 2);
	memcpy(buf, "AB\xE8\r", 4);
	assert_int_equal(foldmend(buf, 4, false), 2);
	memcpy(buf, "AB\xE8\r\n \xA6", 7);
	assert_int_equal(foldmend(buf, 7, false), 2);
	/* at the end of the file all of it is final */
	assert_int_equal(foldmend(buf, 7, true), 7);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cut_characters),
		cmocka_unit_test(test_left_alone),
		cmocka_unit_test(test_end_of_buffer),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
