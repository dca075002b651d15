#ifndef TSUNAGU_UTF8_H
#define TSUNAGU_UTF8_H
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/* Decodes one code point from s[0..len).  Returns the bytes consumed (>= 1
 * when len > 0).  An invalid or truncated sequence consumes 1 byte and
 * yields U+FFFD, so callers always advance. */
size_t utf8_decode(const char *s, size_t len, int32_t *cp);
/* Encodes cp into out (4 bytes room); returns bytes written. */
size_t utf8_encode(int32_t cp, char *out);
/* True when s[0..len) is valid UTF-8; else *bad is the offset of the first
 * byte that is not. */
bool utf8_valid(const char *s, size_t len, size_t *bad);
/* Number of code points. */
size_t utf8_count(const char *s);

#endif
