/* Shared by the libFuzzer targets: input as a FILE, invariant checks. */
#ifndef TSUNAGU_FUZZ_UTIL_H
#define TSUNAGU_FUZZ_UTIL_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tsunagu/status.h"

/* A read-only stream over the fuzz input (NULL for an empty one, which
 * fmemopen refuses). */
static inline FILE *fuzz_stream(const uint8_t *data, size_t size)
{
	if (size == 0)
		return NULL;
	return fmemopen((void *)data, size, "rb");
}

/* The input as a NUL-terminated string (stops at an embedded NUL). */
static inline char *fuzz_cstr(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/* True when s is valid UTF-8 (what the importers promise to hand on). */
static inline bool fuzz_utf8_ok(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		int n = *p < 0x80 ? 1 : (*p >> 5) == 6 ? 2 : (*p >> 4) == 14 ? 3 : (*p >> 3) == 30 ? 4 : 0;
		if (n == 0)
			return false;
		for (int i = 1; i < n; i++)
			if ((p[i] & 0xC0) != 0x80)
				return false;
		p += n;
	}
	return true;
}

/* An error message must be one NUL-terminated line of valid UTF-8, cut
 * (if at all) at a character boundary. */
static inline void fuzz_check_error(const struct tsu_error *err)
{
	if (memchr(err->msg, '\0', sizeof(err->msg)) == NULL || !fuzz_utf8_ok(err->msg))
		abort();
}

#define FUZZ_REQUIRE(cond) do { if (!(cond)) { fprintf(stderr, "invariant: %s\n", #cond); abort(); } } while (0)

#endif
