/*
 * Cell values and headings.  Width folding is utf8proc's NFKC (through
 * text_nfkc_trim), which also turns "－" into "-" and "，" into ",".
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "tsunagu/csvcell.h"
#include "tsunagu/sbuf.h"
#include "tsunagu/textnorm.h"
#include "tsunagu/utf8.h"

char *csv_cell_code(const char *s)
{
	char *t = text_nfkc_trim(s);

	return t ? t : xstrdup(s);
}

bool csv_dash(int32_t cp)
{
	return (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0x30FC || cp == 0x2043;
}

static bool phone_part(int prev_or_next, bool before)
{
	return isdigit(prev_or_next) || prev_or_next == (before ? ')' : '(');
}

char *csv_cell_phone(const char *s)
{
	char *t = csv_cell_code(s);
	struct sbuf b = {0};
	size_t len = strlen(t);

	for (size_t i = 0; i < len;) {
		int32_t cp;
		size_t n = utf8_decode(t + i, len - i, &cp);
		int prev = b.len ? (unsigned char)b.s[b.len - 1] : 0;
		int next = i + n < len ? (unsigned char)t[i + n] : 0;

		if (csv_dash(cp) && phone_part(prev, true) && phone_part(next, false))
			sbuf_addc(&b, '-');
		else
			sbuf_addn(&b, t + i, n);
		i += n;
	}
	free(t);
	return b.s ? sbuf_detach(&b) : xstrdup("");
}

/* Dashes that stand for "none" in statistical tables. */
static bool is_dash(const char *s)
{
	static const char *const dashes[] = {"-", "‐", "−", "―", "ー", "—", "–", "ｰ"};

	for (size_t i = 0; i < sizeof(dashes) / sizeof(dashes[0]); i++)
		if (strcmp(s, dashes[i]) == 0)
			return true;
	return false;
}

static bool is_undisclosed(const char *s)
{
	return strcmp(s, "X") == 0 || strcmp(s, "x") == 0 || strcmp(s, "*") == 0 ||
	       strcmp(s, "***") == 0 || strcmp(s, "…") == 0 || strcmp(s, "...") == 0;
}

/* Removes the thousands separators of "1,029,000"; false when commas sit
 * anywhere but between groups of three digits. */
static bool drop_separators(const char *s, struct sbuf *out)
{
	const char *dot = strchr(s, '.');
	const char *end = dot ? dot : s + strlen(s);
	const char *p = s + (*s == '-' || *s == '+');
	int group = 0;
	bool first = true;

	if (!strchr(s, ',')) {
		sbuf_add(out, s);
		return true;
	}
	if (dot && strchr(dot, ','))
		return false;
	for (; p <= end; p++) {
		if (p == end || *p == ',') {
			if (group == 0 || group > 3 || (!first && group != 3))
				return false;
			first = false;
			group = 0;
			continue;
		}
		group++;
	}
	for (p = s; *p; p++)
		if (*p != ',')
			sbuf_addc(out, *p);
	return true;
}

static bool plain_number(const char *s)
{
	const char *p = s;
	bool digits = false, dot = false;

	if (*p == '-' || *p == '+')
		p++;
	for (; *p; p++) {
		if (isdigit((unsigned char)*p))
			digits = true;
		else if (*p == '.' && !dot)
			dot = true;
		else
			return false;
	}
	return digits;
}

char *csv_cell_number(const char *s, bool *ok)
{
	char *t = text_nfkc_trim(s);
	struct sbuf b = {0};

	*ok = t != NULL;
	if (!t)
		return NULL;
	if (!t[0] || is_undisclosed(t)) {
		free(t);
		return NULL;
	}
	if (is_dash(t)) {
		free(t);
		return xstrdup("0");
	}
	/* "△12" and "▲12" are how Japanese tables write negatives */
	if (strncmp(t, "△", 3) == 0 || strncmp(t, "▲", 3) == 0) {
		sbuf_addc(&b, '-');
		memmove(t, t + 3, strlen(t + 3) + 1);
	}
	if (!drop_separators(t, &b) || !plain_number(sbuf_str(&b))) {
		*ok = false;
		free(t);
		sbuf_free(&b);
		return NULL;
	}
	free(t);
	return sbuf_detach(&b);
}

/* Brackets that headings use interchangeably with ( ). */
static int bracket(int32_t cp)
{
	switch (cp) {
	case '(': case '[': case '{': case '<':
	case 0x3010: case 0x300C: case 0x300E: case 0x3014: case 0x3008: case 0x300A:
		return '(';
	case ')': case ']': case '}': case '>':
	case 0x3011: case 0x300D: case 0x300F: case 0x3015: case 0x3009: case 0x300B:
		return ')';
	default:
		return 0;
	}
}

char *csv_header_key(const char *s)
{
	char *t = csv_cell_code(s);
	struct sbuf b = {0};
	size_t len = strlen(t);

	for (size_t i = 0; i < len;) {
		int32_t cp;
		size_t n = utf8_decode(t + i, len - i, &cp);
		int br = bracket(cp);

		if (cp == ' ' || cp == '\t' || cp == 0x3000 || cp == '\r' || cp == '\n' ||
		    cp == 0xFEFF)
			;
		else if (br)
			sbuf_addc(&b, (char)br);
		else if (cp < 0x80)
			sbuf_addc(&b, (char)tolower((int)cp));
		else
			sbuf_addn(&b, t + i, n);
		i += n;
	}
	free(t);
	return sbuf_detach(&b);
}

int csv_header_find(char *const *keys, size_t n, const char *name)
{
	char *k = csv_header_key(name);
	int found = -1;

	for (size_t i = 0; i < n && found < 0; i++)
		if (keys[i] && strcmp(keys[i], k) == 0)
			found = (int)i;
	free(k);
	return found;
}

/* A sign that makes Excel and LibreOffice read a cell as a formula (OWASP
 * "CSV injection"); a tab or CR in front does the same in some. */
static bool formula_start(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

bool csv_cell_formula(const char *s)
{
	/* a sign alone ("-" for none) is text to Excel as well */
	return s && formula_start(*s) && s[1] && !plain_number(s);
}

/* s after its leading apostrophes. */
static const char *past_quotes(const char *s)
{
	while (*s == '\'')
		s++;
	return s;
}

char *csv_cell_inert(const char *s)
{
	struct sbuf b = {0};

	if (!s || !csv_cell_formula(past_quotes(s)))
		return NULL;
	sbuf_addc(&b, '\'');
	sbuf_add(&b, s);
	return sbuf_detach(&b);
}

const char *csv_cell_uninert(const char *s)
{
	return s && *s == '\'' && csv_cell_formula(past_quotes(s)) ? s + 1 : s;
}
