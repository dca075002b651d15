/*
 * Cell values of a workbook as the text Excel's CSV would hold.  Excel
 * keeps dates as day numbers (serials) and tells them apart from other
 * numbers only by the cell's number format, so the format decides here
 * whether 45383 is read as 45383 or as 2024-04-01.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "tsunagu/date.h"
#include "tsunagu/sheetcell.h"
#include "tsunagu/utf8.h"

enum sheet_numfmt sheet_numfmt_builtin(long id)
{
	if ((id >= 18 && id <= 21) || id == 32 || id == 33 || (id >= 45 && id <= 47))
		return SHEET_TIME;
	if (id == 22)
		return SHEET_DATETIME;
	if ((id >= 14 && id <= 17) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
		return SHEET_DATE;
	return SHEET_NUMBER;
}

/* How many bytes of the format code at p are skipped as literal text: a
 * quoted string, an escaped or padded character, AM/PM, General.  Sets
 * *elapsed for [h] [mm] [ss] (time) brackets. */
static size_t literal_len(const char *p, bool *elapsed)
{
	const char *q;

	if (*p == '"') {
		q = strchr(p + 1, '"');
		return q ? (size_t)(q - p) + 1 : strlen(p);
	}
	if (*p == '[') {
		q = strchr(p, ']');
		size_t n = q ? (size_t)(q - p) + 1 : strlen(p);
		*elapsed = *elapsed || (n >= 3 && strchr("hHmMsS", p[1]) && p[1] == p[n - 2]);
		return n;
	}
	if ((*p == '\\' || *p == '_' || *p == '*') && p[1])
		return 2;
	if (strncasecmp(p, "AM/PM", 5) == 0)
		return 5;
	if (strncasecmp(p, "A/P", 3) == 0)
		return 3;
	if (strncasecmp(p, "General", 7) == 0)
		return 7;
	if ((*p == 'E' || *p == 'e') && (p[1] == '+' || p[1] == '-'))
		return 2; /* scientific 0.00E+00 */
	return 0;
}

enum sheet_numfmt sheet_numfmt_code(const char *code)
{
	bool date = false, time = false, month = false;

	for (const char *p = code; *p;) {
		size_t lit = literal_len(p, &time);
		if (lit) {
			p += lit;
			continue;
		}
		switch (tolower((unsigned char)*p++)) {
		case 'y': case 'd': case 'e': case 'g':
			date = true;
			break;
		case 'm':
			month = true;
			break;
		case 'h': case 's':
			time = true;
			break;
		default:
			break;
		}
	}
	/* "m" is the month unless the code shows a time and no other part of
	 * a date ("h:mm", "mm:ss") */
	date = date || (month && !time);
	return date && time ? SHEET_DATETIME : date ? SHEET_DATE : time ? SHEET_TIME : SHEET_NUMBER;
}

void sheet_number_text(double v, char out[SHEET_NUM_MAX])
{
	if (v == 0 || !isfinite(v)) {
		snprintf(out, SHEET_NUM_MAX, "%s", v == 0 ? "0" : "#NUM!");
		return;
	}
	if (fabs(v) < 1e15 && v == floor(v)) {
		snprintf(out, SHEET_NUM_MAX, "%.0f", v);
		return;
	}
	/* the shortest of up to 15 significant digits that reads back as v;
	 * else 15 digits, as Excel shows 0.1+0.2 as 0.3 */
	for (int prec = 1; prec <= 15; prec++) {
		snprintf(out, SHEET_NUM_MAX, "%.*g", prec, v);
		if (strtod(out, NULL) == v)
			break;
	}
	for (char *e = out; *e; e++)
		if (*e == 'e')
			*e = 'E';
}

bool sheet_serial_text(double serial, enum sheet_numfmt k, bool date1904,
		       char out[SHEET_NUM_MAX])
{
	if (!(serial >= 0) || serial >= 2958466.0) /* past 9999-12-31 */
		return false;
	long days = (long)floor(serial);
	long secs = lround((serial - (double)days) * 86400.0);
	int y, m, d;

	if (secs >= 86400) {
		days++;
		secs -= 86400;
	}
	if (date1904)
		date_civil_from_days(date_days_from_civil(1904, 1, 1) + days, &y, &m, &d);
	else if (days == 60) /* Excel's 1900-02-29, which never was */
		y = 1900, m = 2, d = 29;
	else if (days == 0) /* Excel shows 1900/1/0 */
		y = 1900, m = 1, d = 0;
	else
		date_civil_from_days(date_days_from_civil(1899, 12, days < 60 ? 31 : 30) + days,
				     &y, &m, &d);
	if (y > 9999 && k != SHEET_TIME)
		return false;
	int hh = (int)(secs / 3600), mm = (int)(secs % 3600 / 60);
	if (k == SHEET_TIME)
		snprintf(out, SHEET_NUM_MAX, "%02d:%02d", hh, mm);
	else if (k == SHEET_DATETIME)
		snprintf(out, SHEET_NUM_MAX, "%04d-%02d-%02d %02d:%02d", y, m, d, hh, mm);
	else
		snprintf(out, SHEET_NUM_MAX, "%04d-%02d-%02d", y, m, d);
	return true;
}

void sheet_value_text(const char *v, enum sheet_numfmt k, bool date1904, char *out, size_t n)
{
	char *end, num[SHEET_NUM_MAX];
	const char *p = v;

	while (*p == ' ')
		p++;
	double x = strtod(p, &end);
	while (end != p && *end == ' ')
		end++;
	/* hexadecimal and "inf" are not how a workbook writes a number */
	bool number = *p && end != p && !*end && !strpbrk(p, "xXnN");
	if (!number) {
		snprintf(out, n, "%s", v);
		return;
	}
	if (k == SHEET_NUMBER || !sheet_serial_text(x, k, date1904, num))
		sheet_number_text(x, num);
	snprintf(out, n, "%s", num);
}

bool sheet_cell_ref(const char *ref, long *col, long *row)
{
	long c = 0, r = 0;
	const char *p = ref;

	for (; isalpha((unsigned char)*p); p++) {
		c = c * 26 + (toupper((unsigned char)*p) - 'A' + 1);
		if (c > SHEET_COL_MAX)
			return false;
	}
	for (const char *q = p; *q; q++) {
		if (!isdigit((unsigned char)*q))
			return false;
		r = r * 10 + (*q - '0');
		if (r > SHEET_ROW_MAX)
			return false;
	}
	if (c == 0 || (*p && r == 0))
		return false;
	*col = c - 1;
	*row = r;
	return true;
}

/* The code point of "_xHHHH_" at s (n bytes left), or -1. */
static long escape_at(const char *s, size_t n)
{
	if (n < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_')
		return -1;
	long cp = 0;
	for (int i = 2; i < 6; i++) {
		int h = s[i];
		if (!isxdigit(h))
			return -1;
		cp = cp * 16 + (isdigit(h) ? h - '0' : tolower(h) - 'a' + 10);
	}
	return cp >= 0xD800 && cp <= 0xDFFF ? -1 : cp;
}

void sheet_unescape(const char *s, size_t n, struct sbuf *out)
{
	bool cr = false;

	for (size_t i = 0; i < n;) {
		long cp = escape_at(s + i, n - i);
		char enc[4];
		size_t len = 1;
		const char *ch = s + i;

		if (cp >= 0) {
			len = utf8_encode((int32_t)cp, enc);
			ch = enc;
			i += 7;
		} else {
			i++;
		}
		if (cr && !(len == 1 && *ch == '\n'))
			sbuf_addc(out, '\n');
		cr = len == 1 && *ch == '\r';
		if (len == 1 && (*ch == '\r' || *ch == '\0'))
			continue;
		sbuf_addn(out, ch, len);
	}
	if (cr)
		sbuf_addc(out, '\n');
}
