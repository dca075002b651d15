/*
 * .xls (Excel 97-2003, BIFF) through freexl.  freexl reads the whole
 * workbook into memory when it opens it (no temporary file) and hands
 * out each cell as an int, a double or UTF-8 text; dates come as
 * "YYYY-MM-DD" text, which is written as the xlsx reader writes them.
 */
#include <freexl.h>
#include <stdlib.h>
#include <string.h>
#include "tsunagu/io.h"
#include "tsunagu/sheetcell.h"
#include "tsunagu/xls.h"

struct xls {
	const void *h;
	char *name;              /* the file, for messages */
	char *sheet_name;
	char **others;
	size_t nothers;
	unsigned rows, next;     /* rows of the sheet; the next to read */
	unsigned short cols;
	struct sheet_rowbuf rb;
	struct sbuf cell;
};

static bool cell_text(const FreeXL_CellValue *v, struct sbuf *out)
{
	char num[SHEET_NUM_MAX];
	const char *t = v->value.text_value;

	sbuf_reset(out);
	switch (v->type) {
	case FREEXL_CELL_INT:
		sheet_number_text((double)v->value.int_value, num);
		sbuf_add(out, num);
		break;
	case FREEXL_CELL_DOUBLE:
		sheet_number_text(v->value.double_value, num);
		sbuf_add(out, num);
		break;
	case FREEXL_CELL_DATE:
	case FREEXL_CELL_DATETIME:
	case FREEXL_CELL_TIME:
		/* "2024-04-01", "2024-04-01 09:30:00", "09:30:00": to the minute */
		if (t)
			sbuf_addn(out, t, v->type == FREEXL_CELL_DATE ? strlen(t)
					  : strlen(t) > 3 ? strlen(t) - 3 : strlen(t));
		break;
	case FREEXL_CELL_TEXT:
	case FREEXL_CELL_SST_TEXT:
		/* CR LF and a lone CR read as the "\n" of a CSV line break */
		for (const char *p = t; p && *p; p++)
			if (*p != '\r')
				sbuf_addc(out, *p);
			else if (p[1] != '\n')
				sbuf_addc(out, '\n');
		break;
	default:
		break;
	}
	return out->len > 0;
}

/* True when the selected sheet has a cell with a value. */
static bool sheet_has_value(struct xls *x)
{
	unsigned rows;
	unsigned short cols;
	FreeXL_CellValue v;

	if (freexl_worksheet_dimensions(x->h, &rows, &cols) != FREEXL_OK)
		return false;
	for (unsigned r = 0; r < rows; r++)
		for (unsigned short c = 0; c < cols; c++)
			if (freexl_get_cell_value(x->h, r, c, &v) == FREEXL_OK && cell_text(&v, &x->cell))
				return true;
	return false;
}

/* The names of the sheets after the first that hold a value. */
static void find_others(struct xls *x)
{
	unsigned count = 0;
	const char *name;

	if (freexl_get_info(x->h, FREEXL_BIFF_SHEET_COUNT, &count) != FREEXL_OK)
		return;
	for (unsigned i = 1; i < count && i < 65535; i++) {
		if (freexl_select_active_worksheet(x->h, (unsigned short)i) != FREEXL_OK ||
		    freexl_get_worksheet_name(x->h, (unsigned short)i, &name) != FREEXL_OK ||
		    !sheet_has_value(x))
			continue;
		x->others = xrealloc(x->others, (x->nothers + 1) * sizeof(*x->others));
		x->others[x->nothers++] = xstrdup(name ? name : "");
	}
}

static enum tsu_status open_fail(struct xls *x, int rc, bool locked, struct tsu_error *err)
{
	if (locked)
		return tsu_fail(err, TSU_INVALID,
				"%s はパスワードで保護された Excel ブックです。Excel でパスワードを外して保存してから読み込んでください",
				x->name);
	if (rc == FREEXL_INSUFFICIENT_MEMORY)
		return tsu_fail(err, TSU_NOMEM, "%s: 読み込むメモリが足りません", x->name);
	return tsu_fail(err, TSU_INVALID,
			"%s は Excel 97-2003 ブック (.xls) として読めません (壊れているか、Excel ブックではありません。freexl: %d)",
			x->name, rc);
}

static void xls_close(void *impl)
{
	struct xls *x = impl;

	if (!x)
		return;
	if (x->h)
		freexl_close(x->h);
	free(x->name);
	free(x->sheet_name);
	for (size_t i = 0; i < x->nothers; i++)
		free(x->others[i]);
	free(x->others);
	sheet_rowbuf_free(&x->rb);
	sbuf_free(&x->cell);
	free(x);
}

enum tsu_status xls_open(const char *path, void **impl, struct tsu_error *err)
{
	struct xls *x = xcalloc(1, sizeof(*x));
	unsigned info = 0;
	const char *name = NULL;
	int rc = freexl_open(path, &x->h);
	bool locked = false;

	x->name = xstrdup(path);
	if (rc == FREEXL_OK && freexl_get_info(x->h, FREEXL_BIFF_PASSWORD, &info) == FREEXL_OK &&
	    info == FREEXL_BIFF_OBFUSCATED)
		locked = true;
	if (rc == FREEXL_OK && !locked)
		find_others(x);
	if (rc == FREEXL_OK && !locked && (rc = freexl_select_active_worksheet(x->h, 0)) == FREEXL_OK &&
	    (rc = freexl_get_worksheet_name(x->h, 0, &name)) == FREEXL_OK)
		rc = freexl_worksheet_dimensions(x->h, &x->rows, &x->cols);
	if (rc != FREEXL_OK || locked) {
		enum tsu_status st = open_fail(x, rc, locked, err);
		xls_close(x);
		return st;
	}
	x->sheet_name = xstrdup(name ? name : "");
	*impl = x;
	return TSU_OK;
}

static enum tsu_status xls_next(void *impl, const struct sheet_row **row,
				struct tsu_error *err)
{
	struct xls *x = impl;
	FreeXL_CellValue v;

	*row = NULL;
	while (x->next < x->rows) {
		unsigned r = x->next++;
		sheet_rowbuf_start(&x->rb, (long)r + 1);
		for (unsigned short c = 0; c < x->cols; c++) {
			int rc = freexl_get_cell_value(x->h, r, c, &v);
			if (rc != FREEXL_OK)
				return tsu_fail(err, TSU_INVALID, "%s:%u: セルが読めません (freexl: %d)",
						x->name, r + 1, rc);
			if (cell_text(&v, &x->cell))
				sheet_rowbuf_put(&x->rb, c, x->cell.s, x->cell.len);
		}
		if (x->rb.buf.len > IO_FIELD_MAX)
			return tsu_fail(err, TSU_INVALID, "%s:%u: 1 件が大きすぎます (上限は %d MB)",
					x->name, r + 1, IO_FIELD_MAX >> 20);
		if (x->rb.any) {
			*row = sheet_rowbuf_row(&x->rb);
			return TSU_OK;
		}
	}
	return TSU_OK;
}

static const char *xls_name(const void *impl)
{
	return ((const struct xls *)impl)->sheet_name;
}

static void xls_progress(const void *impl, long *done, long *total)
{
	const struct xls *x = impl;

	*done = (long)x->next;
	*total = (long)x->rows;
}

static const char *xls_other(const void *impl, size_t i)
{
	const struct xls *x = impl;
	return i < x->nothers ? x->others[i] : NULL;
}

const struct sheet_ops xls_ops = {
	.next = xls_next,
	.name = xls_name,
	.other = xls_other,
	.progress = xls_progress,
	.close = xls_close,
};
