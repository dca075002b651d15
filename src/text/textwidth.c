/*
 * Column arithmetic for the screen.  Widths come from utf8proc's East Asian
 * Width data (ambiguous characters count 1, as glibc's wcwidth and so
 * ncurses do).  Everything is measured as text_sanitize() would show it, so
 * a string with controls in it never lays out differently from how it is
 * drawn.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "tsunagu/sanitize.h"
#include "tsunagu/sbuf.h"
#include "tsunagu/textwidth.h"
#include "tsunagu/utf8.h"

int text_width_cp(int32_t cp)
{
	char rep[TEXT_SANITIZE_CP_MAX];

	if (text_sanitize_cp(cp, 0, rep) > 0)
		return text_width(rep);
	if (cp < 0 || cp > 0x10FFFF)
		return 1;
	return utf8proc_charwidth(cp);
}

int text_width(const char *s)
{
	size_t len = strlen(s);
	int cols = 0;

	for (size_t i = 0; i < len;) {
		int32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
		cols += text_width_cp(cp);
	}
	return cols;
}

/* Zero-width code points (combining marks) stay with the character before
 * them, even when the prefix is exactly full. */
size_t text_width_cut(const char *s, int cols, int *used)
{
	size_t len = strlen(s), i = 0;
	int w = 0;

	while (i < len) {
		int32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		int cw = text_width_cp(cp);

		if (w + cw > cols)
			break;
		w += cw;
		i += n;
	}
	if (used)
		*used = w;
	return i;
}

static void add_spaces(struct sbuf *b, int n)
{
	while (n-- > 0)
		sbuf_addc(b, ' ');
}

/* When cut, "…" sits in the last column and the cell a straddling wide
 * character left is a space before it, so ellipses line up in a column. */
char *text_width_fit(const char *s, int cols, enum text_align align)
{
	struct sbuf b = {0};
	char *clean;
	size_t keep;
	int used;
	bool ellipsis;

	if (cols <= 0)
		return sbuf_detach(&b);
	clean = text_sanitize(s, 0);
	ellipsis = cols >= 2 && text_width(clean) > cols;
	keep = text_width_cut(clean, ellipsis ? cols - 1 : cols, &used);
	if (ellipsis) {
		sbuf_addn(&b, clean, keep);
		add_spaces(&b, cols - 1 - used);
		sbuf_add(&b, "\xE2\x80\xA6");	/* … */
	} else {
		if (align == TEXT_RIGHT)
			add_spaces(&b, cols - used);
		sbuf_addn(&b, clean, keep);
		if (align != TEXT_RIGHT)
			add_spaces(&b, cols - used);
	}
	free(clean);
	return sbuf_detach(&b);
}
