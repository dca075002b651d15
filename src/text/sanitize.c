/*
 * Terminal-safe text.  A terminal acts on ESC, CSI (U+009B) and the other
 * C0/C1 controls, and reorders text around bidi overrides ("Trojan Source"),
 * so none of them reaches the screen as itself: each is spelled out in plain
 * ASCII.  Replacing ESC alone is enough to make any escape sequence inert;
 * the rest of the sequence is shown as the ordinary characters it is.
 */
#include <stdio.h>
#include <string.h>
#include "tsunagu/sanitize.h"
#include "tsunagu/sbuf.h"
#include "tsunagu/utf8.h"

/* Invisible formatting characters that a terminal could act on. */
static const struct {
	int32_t lo, hi;
} sanitize_spelled[] = {
	{0x0080, 0x009F},	/* C1 controls, CSI among them */
	{0x061C, 0x061C},	/* ARABIC LETTER MARK */
	{0x200E, 0x200F},	/* LRM, RLM */
	{0x2028, 0x2029},	/* line and paragraph separators */
	{0x202A, 0x202E},	/* embeddings and overrides */
	{0x2066, 0x2069},	/* isolates */
};

static bool spelled_out(int32_t cp)
{
	for (size_t i = 0; i < sizeof(sanitize_spelled) / sizeof(sanitize_spelled[0]); i++)
		if (cp >= sanitize_spelled[i].lo && cp <= sanitize_spelled[i].hi)
			return true;
	return false;
}

size_t text_sanitize_cp(int32_t cp, int keep_newlines, char out[TEXT_SANITIZE_CP_MAX])
{
	out[0] = '\0';
	if (cp == '\n') {
		if (keep_newlines)
			return 0;
		strcpy(out, "\xE2\x86\xB5");	/* ↵ */
		return 3;
	}
	if (cp == '\t') {
		strcpy(out, " ");
		return 1;
	}
	if ((cp >= 0 && cp < 0x20) || cp == 0x7F) {
		out[0] = '^';
		out[1] = cp == 0x7F ? '?' : (char)(cp + 0x40);
		out[2] = '\0';
		return 2;
	}
	if (spelled_out(cp))
		return (size_t)snprintf(out, TEXT_SANITIZE_CP_MAX, "<U+%04X>", (unsigned)cp);
	return 0;
}

char *text_sanitize(const char *s, int keep_newlines)
{
	struct sbuf b = {0};
	size_t len = strlen(s);
	char rep[TEXT_SANITIZE_CP_MAX];

	for (size_t i = 0; i < len;) {
		int32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		size_t r = text_sanitize_cp(cp, keep_newlines, rep);

		if (r > 0)
			sbuf_addn(&b, rep, r);
		else if (cp == 0xFFFD && n == 1)
			sbuf_add(&b, "\xEF\xBF\xBD");
		else
			sbuf_addn(&b, s + i, n);
		i += n;
	}
	return sbuf_detach(&b);
}
