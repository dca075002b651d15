#include <errno.h>
#include <string.h>
#include <sys/random.h>
#include "tsunagu/uuid.h"
#include "tsunagu/clock.h"
#include "tsunagu/syserr.h"

enum tsu_status uuid_v7_at(uuid_str out, uint64_t unix_ms, struct tsu_error *err)
{
	unsigned char b[16];
	size_t got = 0;
	while (got < 10) {
		ssize_t n = getrandom(b + 6 + got, 10 - got, 0);
		if (n < 0 && errno != EINTR)
			return tsu_fail(err, TSU_IO, "乱数を取得できません: %s", syserr_text(errno, false));
		if (n > 0)
			got += (size_t)n;
	}
	for (int i = 0; i < 6; i++)
		b[i] = (unsigned char)(unix_ms >> (8 * (5 - i)));
	b[6] = (unsigned char)(0x70 | (b[6] & 0x0F)); /* version 7 */
	b[8] = (unsigned char)(0x80 | (b[8] & 0x3F)); /* RFC 9562 variant */
	static const char hex[] = "0123456789abcdef";
	char *o = out;
	for (int i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			*o++ = '-';
		*o++ = hex[b[i] >> 4];
		*o++ = hex[b[i] & 0x0F];
	}
	*o = '\0';
	return TSU_OK;
}

enum tsu_status uuid_v7(uuid_str out, struct tsu_error *err)
{
	return uuid_v7_at(out, clock_now_ms(), err);
}

bool uuid_valid(const char *s)
{
	if (!s || strlen(s) != UUID_STR_LEN)
		return false;
	for (int i = 0; i < UUID_STR_LEN; i++) {
		char c = s[i];
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;
		if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
			return false;
	}
	return true;
}
