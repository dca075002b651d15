#ifndef TSUNAGU_TEST_COPIES_H
#define TSUNAGU_TEST_COPIES_H
/* Shared by the unit tests that work on copies of one file (merge,
 * restore): include after <cmocka.h> and the store headers. */
#include <stdio.h>
#include <sys/stat.h>

/* Copies a file as a coordinator would with cp (mode 0600 kept). */
static inline void copy_file(const char *from, const char *to)
{
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
	char buf[65536];
	size_t n;
	assert_non_null(in);
	assert_non_null(out);
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		assert_int_equal(fwrite(buf, 1, n, out), n);
	fclose(in);
	fclose(out);
	chmod(to, 0600);
}

/* Opens (creating) the file at `path` as `author`. */
static inline struct store *open_db(const char *path, const char *author)
{
	struct store *st;
	struct tsu_error err = {0};
	if (store_open(path, STORE_OPEN_CREATE, &st, &err) != TSU_OK)
		fail_msg("open %s: %s", path, err.msg);
	store_set_author(st, author);
	return st;
}

#endif
