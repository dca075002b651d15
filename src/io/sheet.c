/*
 * One reader over the formats of workbooks: each format is a plug-in
 * (struct sheet_ops, like a pane's ops), and the row a reader builds is
 * shared here so that every format pads and numbers rows alike.
 */
#include <stdlib.h>
#include <string.h>
#include "tsunagu/sheet.h"
#include "tsunagu/xls.h"
#include "tsunagu/xlsx.h"

struct sheet {
	const struct sheet_ops *ops;
	void *impl;
	enum file_kind kind;
	char *describe;
};

static struct sheet *sheet_new(const struct sheet_ops *ops, void *impl, enum file_kind kind)
{
	struct sheet *s = xcalloc(1, sizeof(*s));
	struct sbuf d = {0};

	s->ops = ops;
	s->impl = impl;
	s->kind = kind;
	sbuf_addf(&d, "%s、シート「%s」", file_kind_label(kind), ops->name(impl));
	s->describe = sbuf_detach(&d);
	return s;
}

enum tsu_status sheet_open(const char *path, enum file_kind kind, struct sheet **out,
			   struct tsu_error *err)
{
	void *impl = NULL;
	const struct sheet_ops *ops = kind == FILE_XLS ? &xls_ops : &xlsx_ops;
	enum tsu_status st = kind == FILE_XLS ? xls_open(path, &impl, err)
					      : xlsx_open(path, &impl, err);

	if (st != TSU_OK)
		return st;
	*out = sheet_new(ops, impl, kind);
	return TSU_OK;
}

enum tsu_status sheet_open_xlsx_mem(const void *data, size_t len, const char *name,
				    struct sheet **out, struct tsu_error *err)
{
	void *impl = NULL;
	enum tsu_status st = xlsx_open_mem(data, len, name, &impl, err);

	if (st != TSU_OK)
		return st;
	*out = sheet_new(&xlsx_ops, impl, FILE_XLSX);
	return TSU_OK;
}

enum tsu_status sheet_next(struct sheet *s, const struct sheet_row **row,
			   struct tsu_error *err)
{
	return s->ops->next(s->impl, row, err);
}

const char *sheet_describe(const struct sheet *s)
{
	return s->describe;
}

const char *sheet_name(const struct sheet *s)
{
	return s->ops->name(s->impl);
}

const char *sheet_other(const struct sheet *s, size_t i)
{
	return s->ops->other(s->impl, i);
}

void sheet_progress(const struct sheet *s, long *done, long *total)
{
	s->ops->progress(s->impl, done, total);
}

void sheet_close(struct sheet *s)
{
	if (!s)
		return;
	s->ops->close(s->impl);
	free(s->describe);
	free(s);
}

/* ---- rows ---- */

void sheet_rowbuf_start(struct sheet_rowbuf *b, long line)
{
	sbuf_reset(&b->buf);
	b->n = 0;
	b->any = false;
	b->row.line = line;
}

static void add_cell(struct sheet_rowbuf *b, const char *s, size_t len)
{
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 32;
		b->offs = xrealloc(b->offs, b->cap * sizeof(*b->offs));
	}
	b->offs[b->n++] = b->buf.len;
	sbuf_addn(&b->buf, s, len);
	sbuf_addc(&b->buf, '\0');
}

bool sheet_rowbuf_put(struct sheet_rowbuf *b, size_t col, const char *s, size_t len)
{
	if (col < b->n)
		return false;
	while (b->n < col)
		add_cell(b, "", 0);
	add_cell(b, s, len);
	b->any = b->any || len > 0;
	return true;
}

const struct sheet_row *sheet_rowbuf_row(struct sheet_rowbuf *b)
{
	while (b->n < b->width || b->n == 0)
		add_cell(b, "", 0);
	if (b->n > b->width)
		b->width = b->n;
	if (b->capptrs < b->n) {
		b->capptrs = b->n;
		b->ptrs = xrealloc(b->ptrs, b->capptrs * sizeof(*b->ptrs));
	}
	for (size_t i = 0; i < b->n; i++)
		b->ptrs[i] = b->buf.s + b->offs[i];
	b->row.n = b->n;
	b->row.cell = b->ptrs;
	return &b->row;
}

void sheet_rowbuf_free(struct sheet_rowbuf *b)
{
	sbuf_free(&b->buf);
	free(b->offs);
	free(b->ptrs);
	*b = (struct sheet_rowbuf){0};
}
