/*
 * The rows of an .xlsx sheet, streamed: the sheet's XML is unpacked and
 * parsed a chunk at a time, and the parser is suspended (expat's
 * resumable XML_StopParser) at the end of each row that holds a value,
 * so exactly one row is in memory when it is handed on.  Cells are
 * placed by their reference (r="C3"), the gaps left empty, so a sheet
 * that skips empty cells reads like the full grid Excel's CSV writes.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>
#include "tsunagu/io.h"
#include "tsunagu/xlsx.h"
#include "tsunagu/xlsxbook.h"

#define SHEET_CHUNK 65536

enum cell_type { CT_NUMBER, CT_SHARED, CT_INLINE, CT_STR, CT_BOOL, CT_ERROR, CT_DATE };

struct xlsx {
	struct xml_base base;    /* first: handlers get it as their data */
	struct xlsx_book bk;
	struct tsu_error *err;   /* of the current xlsx_next */
	zip_file_t *zf;
	char *chunk;
	long total, size;          /* bytes of the sheet unpacked so far; its size */
	bool suspended, fed_last, ready, in_row;
	long row, col;           /* the current row and cell */
	enum cell_type type;
	int style;
	bool in_v, in_t, in_is;
	int rph;
	struct sbuf text, val;
	struct sheet_rowbuf rb;
};

/* At most the first 40 bytes of s, cut between characters. */
static const char *clip(const char *s, char out[48])
{
	size_t n = strlen(s);

	if (n > 40) {
		n = 40;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(out, s, n);
	strcpy(out + n, n < strlen(s) ? "…" : "");
	return out;
}

/* Stops the parse with "FILE:ROW: why" (why quotes the file at most
 * through %s, which the command line neutralises like every message). */
static void fail_at(struct xlsx *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void fail_at(struct xlsx *x, const char *fmt, ...)
{
	char why[TSU_ERROR_MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	x->base.st = tsu_fail(x->err, TSU_INVALID, "%s:%ld: %s", x->bk.name, x->row, why);
	XML_StopParser(x->base.p, XML_FALSE);
}

static void row_start(struct xlsx *x, const XML_Char **atts)
{
	const char *r = xlsx_attr(atts, "r");
	long n = x->row + 1;
	char *end, q[48];

	if (r) {
		n = strtol(r, &end, 10);
		if (*end || n < 1 || n > SHEET_ROW_MAX || n <= x->row) {
			fail_at(x, "行の番号「%s」が正しくありません (ファイルが壊れています)", clip(r, q));
			return;
		}
	}
	x->row = n;
	x->col = -1;
	x->in_row = true;
	sheet_rowbuf_start(&x->rb, n);
}

/* Every row is as wide as the sheet's used range (<dimension
 * ref="A1:F20">), as in the CSV Excel saves; a range wider than any
 * table is ignored. */
static void dimension(struct xlsx *x, const char *ref)
{
	const char *colon = ref ? strchr(ref, ':') : NULL;
	long col, row;

	if (colon && sheet_cell_ref(colon + 1, &col, &row) && col < 256)
		x->rb.width = (size_t)col + 1;
}

static enum cell_type cell_type_of(const char *t)
{
	static const struct { const char *name; enum cell_type type; } types[] = {
		{"s", CT_SHARED}, {"inlineStr", CT_INLINE}, {"str", CT_STR},
		{"b", CT_BOOL}, {"e", CT_ERROR}, {"d", CT_DATE},
	};
	for (size_t i = 0; t && i < sizeof types / sizeof types[0]; i++)
		if (strcmp(t, types[i].name) == 0)
			return types[i].type;
	return CT_NUMBER;
}

static void cell_start(struct xlsx *x, const XML_Char **atts)
{
	const char *r = xlsx_attr(atts, "r"), *s = xlsx_attr(atts, "s");
	long col = x->col + 1, row;
	char q[48];

	if (r && !sheet_cell_ref(r, &col, &row)) {
		fail_at(x, "セルの番地「%s」が正しくありません (ファイルが壊れています)", clip(r, q));
		return;
	}
	if (col >= SHEET_COL_MAX) {
		fail_at(x, "列が多すぎます (Excel の列は XFD までです)");
		return;
	}
	x->col = col;
	x->type = cell_type_of(xlsx_attr(atts, "t"));
	x->style = s ? atoi(s) : 0;
	x->in_v = x->in_t = x->in_is = false;
	x->rph = 0;
	sbuf_reset(&x->text);
}

/* The text of the cell just ended, as Excel's CSV would hold it. */
static void cell_value(struct xlsx *x)
{
	const char *t = sbuf_str(&x->text);
	char num[SHEET_NUM_MAX + 32];
	enum sheet_numfmt k = SHEET_NUMBER;
	char *end;

	sbuf_reset(&x->val);
	if (!*t)
		return;
	switch (x->type) {
	case CT_SHARED: {
		long i = strtol(t, &end, 10);
		char q[48];
		if (*end || i < 0 || (size_t)i >= x->bk.nsst) {
			fail_at(x, "共有文字列「%s」がありません (ファイルが壊れています)", clip(t, q));
			return;
		}
		sbuf_add(&x->val, x->bk.sst[i]);
		return;
	}
	case CT_INLINE:
	case CT_STR:
		sheet_unescape(t, x->text.len, &x->val);
		return;
	case CT_BOOL:
		sbuf_add(&x->val, strcmp(t, "1") == 0 ? "TRUE" : strcmp(t, "0") == 0 ? "FALSE" : t);
		return;
	case CT_ERROR:
		sbuf_add(&x->val, t);
		return;
	case CT_DATE: /* ISO 8601 as written: the date, and the time to the minute */
		sbuf_addn(&x->val, t, strlen(t) > 16 ? 16 : strlen(t));
		if (x->val.len > 10 && x->val.s[10] == 'T')
			x->val.s[10] = ' ';
		if (x->val.len == 16 && strcmp(x->val.s + 10, " 00:00") == 0)
			x->val.s[x->val.len = 10] = '\0';
		return;
	case CT_NUMBER:
		if (x->style >= 0 && (size_t)x->style < x->bk.nxf)
			k = (enum sheet_numfmt)x->bk.xf_kind[x->style];
		sheet_value_text(t, k, x->bk.date1904, num, sizeof num);
		sbuf_add(&x->val, num);
		return;
	}
}

static void cell_end(struct xlsx *x)
{
	cell_value(x);
	if (x->base.st != TSU_OK)
		return;
	if (!sheet_rowbuf_put(&x->rb, (size_t)x->col, sbuf_str(&x->val), x->val.len)) {
		fail_at(x, "%ld 列目のセルが前のセルより左にあります (ファイルが壊れています)", x->col + 1);
		return;
	}
	if (x->rb.buf.len > IO_FIELD_MAX)
		fail_at(x, "1 件が大きすぎます (上限は %d MB)", IO_FIELD_MAX >> 20);
}

static void XMLCALL sheet_start(void *ud, const XML_Char *el, const XML_Char **atts)
{
	struct xlsx *x = ud;
	const char *name = xlsx_local(el);

	if (strcmp(name, "row") == 0)
		row_start(x, atts);
	else if (strcmp(name, "dimension") == 0)
		dimension(x, xlsx_attr(atts, "ref"));
	else if (!x->in_row)
		return;
	else if (strcmp(name, "c") == 0)
		cell_start(x, atts);
	else if (strcmp(name, "v") == 0)
		x->in_v = true;
	else if (strcmp(name, "is") == 0)
		x->in_is = true;
	else if (strcmp(name, "rPh") == 0)
		x->rph++;
	else if (strcmp(name, "t") == 0)
		x->in_t = x->in_is && x->rph == 0;
}

static void XMLCALL sheet_end(void *ud, const XML_Char *el)
{
	struct xlsx *x = ud;
	const char *name = xlsx_local(el);

	if (!x->in_row)
		return;
	if (strcmp(name, "v") == 0) {
		x->in_v = false;
	} else if (strcmp(name, "t") == 0) {
		x->in_t = false;
	} else if (strcmp(name, "is") == 0) {
		x->in_is = false;
	} else if (strcmp(name, "rPh") == 0 && x->rph > 0) {
		x->rph--;
	} else if (strcmp(name, "c") == 0) {
		cell_end(x);
	} else if (strcmp(name, "row") == 0) {
		x->in_row = false;
		if (x->rb.any) {
			x->ready = true;
			XML_StopParser(x->base.p, XML_TRUE);
		}
	}
}

static void XMLCALL sheet_text(void *ud, const XML_Char *s, int len)
{
	struct xlsx *x = ud;

	if (!(x->in_v || x->in_t))
		return;
	if (x->text.len + (size_t)len > IO_FIELD_MAX) {
		fail_at(x, "1 件が大きすぎます (上限は %d MB)", IO_FIELD_MAX >> 20);
		return;
	}
	sbuf_addn(&x->text, s, (size_t)len);
}

/* Feeds the parser until a row is ready or the sheet ends. */
static enum tsu_status pump(struct xlsx *x, struct tsu_error *err)
{
	enum XML_Status rc;

	while (!x->ready) {
		if (x->suspended) {
			rc = XML_ResumeParser(x->base.p);
		} else if (x->fed_last) {
			return TSU_OK;
		} else {
			long n = xlsx_entry_read(&x->bk, x->zf, x->bk.sheet_entry, x->chunk,
						 SHEET_CHUNK, &x->total, err);
			if (n < 0)
				return err->status;
			x->fed_last = n == 0;
			rc = XML_Parse(x->base.p, x->chunk, (int)n, n == 0);
		}
		if (rc == XML_STATUS_ERROR)
			return xlsx_parse_fail(&x->base, x->bk.name, x->bk.sheet_entry);
		x->suspended = rc == XML_STATUS_SUSPENDED;
	}
	return TSU_OK;
}

static enum tsu_status xlsx_next(void *impl, const struct sheet_row **row,
				 struct tsu_error *err)
{
	struct xlsx *x = impl;
	enum tsu_status st;

	*row = NULL;
	x->err = err;
	x->base.err = err;
	if (x->base.st != TSU_OK)
		return tsu_fail(err, x->base.st, "%s: 前の誤りの後は読めません", x->bk.name);
	st = pump(x, err);
	if (st != TSU_OK) {
		x->base.st = st;
		return st;
	}
	if (!x->ready)
		return TSU_OK;
	x->ready = false;
	*row = sheet_rowbuf_row(&x->rb);
	return TSU_OK;
}

static const char *xlsx_name(const void *impl)
{
	return ((const struct xlsx *)impl)->bk.sheet_name;
}

static const char *xlsx_other(const void *impl, size_t i)
{
	const struct xlsx *x = impl;
	return i < x->bk.nothers ? x->bk.others[i] : NULL;
}

static void xlsx_progress(const void *impl, long *done, long *total)
{
	const struct xlsx *x = impl;

	*done = x->total;
	*total = x->size;
}

static void xlsx_close(void *impl)
{
	struct xlsx *x = impl;

	if (!x)
		return;
	if (x->zf)
		zip_fclose(x->zf);
	if (x->base.p)
		XML_ParserFree(x->base.p);
	xlsx_book_free(&x->bk);
	free(x->chunk);
	sbuf_free(&x->text);
	sbuf_free(&x->val);
	sheet_rowbuf_free(&x->rb);
	free(x);
}

const struct sheet_ops xlsx_ops = {
	.next = xlsx_next,
	.name = xlsx_name,
	.other = xlsx_other,
	.progress = xlsx_progress,
	.close = xlsx_close,
};

/* Reads the workbook's parts from za (owned from now on) and readies the
 * first worksheet's stream. */
static enum tsu_status open_zip(zip_t *za, const char *name, void **impl,
				struct tsu_error *err)
{
	struct xlsx *x = xcalloc(1, sizeof(*x));
	enum tsu_status st = xlsx_book_load(&x->bk, za, name, err);

	x->err = err;
	if (st == TSU_OK && !(x->zf = xlsx_entry_open(&x->bk, x->bk.sheet_entry, &x->size, err)))
		st = err->status;
	if (st != TSU_OK) {
		xlsx_close(x);
		return st;
	}
	XML_Parser p = xlsx_parser_new(&x->base, err);
	XML_SetElementHandler(p, sheet_start, sheet_end);
	XML_SetCharacterDataHandler(p, sheet_text);
	x->chunk = xmalloc(SHEET_CHUNK);
	*impl = x;
	return TSU_OK;
}

static enum tsu_status zip_open_fail(const char *name, zip_error_t *ze, struct tsu_error *err)
{
	enum tsu_status st = tsu_fail(err, TSU_INVALID,
				      "%s: Excel ブック (.xlsx) として開けません (%s)", name,
				      zip_error_strerror(ze));
	zip_error_fini(ze);
	return st;
}

enum tsu_status xlsx_open(const char *path, void **impl, struct tsu_error *err)
{
	int code = 0;
	zip_t *za = zip_open(path, ZIP_RDONLY, &code);
	zip_error_t ze;

	if (!za) {
		zip_error_init_with_code(&ze, code);
		return zip_open_fail(path, &ze, err);
	}
	return open_zip(za, path, impl, err);
}

enum tsu_status xlsx_open_mem(const void *data, size_t len, const char *name, void **impl,
			      struct tsu_error *err)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *za;

	zip_error_init(&ze);
	src = zip_source_buffer_create(data, len, 0, &ze);
	if (!src)
		return zip_open_fail(name, &ze, err);
	za = zip_open_from_source(src, ZIP_RDONLY, &ze);
	if (!za) {
		zip_source_free(src);
		return zip_open_fail(name, &ze, err);
	}
	zip_error_fini(&ze);
	return open_zip(za, name, impl, err);
}
