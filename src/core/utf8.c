/*
 * Strict UTF-8 (RFC 3629): overlong forms, surrogates and code points above
 * U+10FFFF are invalid.  Decoding never stalls: a bad byte is consumed alone
 * and reported as U+FFFD, so the next call resynchronises on the next byte.
 */
#include <string.h>
#include "tsunagu/utf8.h"

#define UTF8_REPLACEMENT 0xFFFD

/* Length of the sequence a lead byte announces, 0 if it cannot lead. */
static size_t lead_length(unsigned char c)
{
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		return 2;
	if (c >= 0xE0 && c <= 0xEF)
		return 3;
	if (c >= 0xF0 && c <= 0xF4)
		return 4;
	return 0;
}

/* Valid range of the second byte, which is where overlongs, surrogates and
 * values above U+10FFFF show up. */
static bool second_ok(unsigned char lead, unsigned char c)
{
	unsigned char lo = 0x80, hi = 0xBF;

	if (lead == 0xE0)
		lo = 0xA0;
	else if (lead == 0xED)
		hi = 0x9F;
	else if (lead == 0xF0)
		lo = 0x90;
	else if (lead == 0xF4)
		hi = 0x8F;
	return c >= lo && c <= hi;
}

size_t utf8_decode(const char *s, size_t len, int32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n, i;
	int32_t v;

	if (len == 0) {
		*cp = UTF8_REPLACEMENT;
		return 0;
	}
	n = lead_length(u[0]);
	if (n == 1) {
		*cp = u[0];
		return 1;
	}
	if (n == 0 || len < n || !second_ok(u[0], u[1]))
		goto bad;
	v = u[0] & (0x7F >> n);
	for (i = 1; i < n; i++) {
		if ((u[i] & 0xC0) != 0x80)
			goto bad;
		v = (v << 6) | (u[i] & 0x3F);
	}
	*cp = v;
	return n;
bad:
	*cp = UTF8_REPLACEMENT;
	return 1;
}

size_t utf8_encode(int32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;

	if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = UTF8_REPLACEMENT;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

/* A decoded U+FFFD is genuine only when it took the three bytes EF BF BD. */
bool utf8_valid(const char *s, size_t len, size_t *bad)
{
	size_t i = 0;

	while (i < len) {
		int32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (cp == UTF8_REPLACEMENT && n == 1) {
			if (bad)
				*bad = i;
			return false;
		}
		i += n;
	}
	return true;
}

/* Invalid bytes count one code point each, as utf8_decode yields them. */
size_t utf8_count(const char *s)
{
	size_t len = strlen(s), count = 0;
	int32_t cp;

	for (size_t i = 0; i < len; count++)
		i += utf8_decode(s + i, len - i, &cp);
	return count;
}
