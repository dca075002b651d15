/*
 * A character cut by a fold, found by its lead byte: the lead byte, the
 * continuation bytes before the line end, a fold (CR LF or LF, then a
 * space or tab), and the continuation bytes it still lacks.
 */
#include <string.h>
#include "tsunagu/foldmend.h"

/* The length of the UTF-8 sequence that c leads (0 if c leads none). */
static size_t seq_len(unsigned char c)
{
	return c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
	     : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
}

static bool is_cont(unsigned char c)
{
	return c >= 0x80 && c <= 0xBF;
}

/* The length of the fold that starts s[0..len), 0 if none starts there,
 * -1 when the buffer ends before that can be told. */
static int fold_len(const unsigned char *s, size_t len)
{
	size_t eol = len > 0 && s[0] == '\r' ? 1 : 0;

	if (eol >= len)
		return -1;
	if (s[eol] != '\n')
		return 0;
	if (eol + 1 >= len)
		return -1;
	return s[eol + 1] == ' ' || s[eol + 1] == '\t' ? (int)eol + 2 : 0;
}

size_t foldmend(unsigned char *s, size_t len, bool eof)
{
	for (size_t i = 0; i < len; i++) {
		size_t n = seq_len(s[i]), k = 1;
		if (n == 0)
			continue;
		while (k < n && i + k < len && is_cont(s[i + k]))
			k++;
		if (k == n || (i + k == len && eof))
			continue;
		int f = i + k == len ? -1 : fold_len(s + i + k, len - i - k);
		size_t j = i + k, m = n - k;
		if (f > 0 && j + (size_t)f + m > len)
			f = -1;
		if (f < 0)
			return eof ? len : i;
		bool rest = f > 0;
		for (size_t q = 0; rest && q < m; q++)
			rest = is_cont(s[j + (size_t)f + q]);
		if (!rest)
			continue;
		unsigned char fold[3];
		memcpy(fold, s + j, (size_t)f);
		memmove(s + j, s + j + (size_t)f, m);
		memcpy(s + j + m, fold, (size_t)f);
		i += n - 1;
	}
	return len;
}
