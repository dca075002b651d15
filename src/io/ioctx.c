/* Shared helpers of the importers and exporters. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tsunagu/csv.h"
#include "tsunagu/ioctx.h"

void io_reportf(struct io_ctx *c, const char *fmt, ...)
{
	char line[1024];
	va_list ap;

	if (!c->report)
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	c->report(c->ud, line);
}

void io_progress(struct io_ctx *c, long done, long total)
{
	if (c->progress)
		c->progress(c->ud, done, total);
}

/* See ioctx.h. */
enum tsu_status io_skip_item(struct io_ctx *c, long line, const char *why, const char *what,
			     struct tsu_error *err)
{
	if (c->opt->strict)
		return tsu_fail(err, TSU_INVALID, "%s:%ld: %s", c->path, line, why);
	if (c->skipped++ == 0)
		snprintf(c->first_skip, sizeof(c->first_skip), "%s:%ld: %s", c->path, line, why);
	if (c->skipped <= IO_SKIP_LISTED)
		io_reportf(c, "%s:%ld: %s (この%sは読み飛ばしました)", c->path, line, why, what);
	else if (c->skipped == IO_SKIP_LISTED + 1)
		io_reportf(c, "(読み飛ばした項目が多いため、%d 件目からは一覧に出しません)",
			   IO_SKIP_LISTED + 1);
	return TSU_OK;
}

void io_report_namesake(struct io_ctx *c, long line, const char *name, const char *other_id)
{
	size_t n = strlen(other_id);
	io_reportf(c, "%s:%ld: 「%s」と同じ名前の関係者 (%s) がいます。電話もメールも違うため"
		   "別の人として追加しました (tsunagu duplicates で確かめられます)", c->path, line, name,
		   n > 8 ? other_id + n - 8 : other_id);
}

enum tsu_status io_at_line(struct io_ctx *c, long line, enum tsu_status st,
			   struct tsu_error *err)
{
	char why[TSU_ERROR_MSG_MAX];

	if (!err)
		return st;
	snprintf(why, sizeof(why), "%s", err->msg[0] ? err->msg : tsu_status_message(st));
	return tsu_fail(err, st, "%s:%ld: %s", c->path, line, why);
}

static bool same(const char *a, const char *b)
{
	return (a ? a : "")[0] == '\0' ? !(b && *b) : b && strcmp(a, b) == 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* "a,b" and "b,a" hold the same set: the store does not keep the order. */
static char *sorted_set(const char *v)
{
	char *copy = xstrdup(v ? v : ""), *save = NULL, **items = NULL;
	size_t n = 0;
	struct sbuf b = {0};

	for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		items = xrealloc(items, (n + 1) * sizeof(*items));
		items[n++] = t;
	}
	if (n)
		qsort(items, n, sizeof(*items), cmp_str);
	for (size_t i = 0; i < n; i++)
		sbuf_addf(&b, "%s%s", i ? "," : "", items[i]);
	free(items);
	free(copy);
	return sbuf_detach(&b);
}

static bool field_equal(const struct record *a, const struct record *b, int i)
{
	if (a->def->fields[i].type != FIELD_SET)
		return same(a->values[i], b->values[i]);
	char *x = sorted_set(a->values[i]), *y = sorted_set(b->values[i]);
	bool eq = strcmp(x, y) == 0;
	free(x);
	free(y);
	return eq;
}

#define IO_DRY_RUN_DETAIL 50

/* Dry run: one line per changed row naming the fields, never the values
 * (the report may be shown to others than the record's owner). */
static void report_change(struct io_ctx *c, const struct record *a, const struct record *b)
{
	struct sbuf fields = {0};

	if (c->detailed++ >= IO_DRY_RUN_DETAIL) {
		if (c->detailed == IO_DRY_RUN_DETAIL + 1)
			io_reportf(c, "（以降の更新予定は省略）");
		return;
	}
	for (int i = 0; i < a->def->nfields; i++)
		if (!field_equal(a, b, i))
			sbuf_addf(&fields, "%s%s", fields.len ? "、" : "", a->def->fields[i].label);
	io_reportf(c, "更新予定 %s: %s", a->id, sbuf_str(&fields));
	sbuf_free(&fields);
}

static bool records_equal(const struct record *a, const struct record *b)
{
	for (int i = 0; i < a->def->nfields; i++)
		if (!field_equal(a, b, i))
			return false;
	return true;
}

/* Updates the live row `before` (freed here) and counts the outcome. */
static enum tsu_status apply_update(struct io_ctx *c, const char *entity, struct record *before,
				    const struct field_value *fv, size_t n, uuid_str out_id,
				    struct tsu_error *err)
{
	struct record *after = NULL;
	enum tsu_status st = store_update(c->st, entity, before->id, fv, n, err);
	if (st == TSU_OK)
		st = store_get(c->st, entity, before->id, false, &after, err);
	if (st == TSU_OK) {
		if (records_equal(before, after)) {
			c->unchanged++;
		} else {
			c->updated++;
			if (c->opt->dry_run)
				report_change(c, before, after);
		}
		snprintf(out_id, UUID_STR_LEN + 1, "%s", before->id);
	}
	record_free(before);
	record_free(after);
	return st;
}

enum tsu_status io_apply(struct io_ctx *c, const char *entity, const char *id,
			 const struct field_value *fv, size_t n, uuid_str out_id,
			 struct tsu_error *err)
{
	struct record *before = NULL;
	uuid_str dummy;
	enum tsu_status st;

	if (!out_id)
		out_id = dummy;
	/* one look-up, deleted rows included, decides what the row becomes */
	bool known = id && *id && store_get(c->st, entity, id, true, &before, NULL) == TSU_OK;
	if (known && !before->deleted_at)
		return apply_update(c, entity, before, fv, n, out_id, err);
	record_free(before);
	/* a record carried over from another file keeps its id, unless this
	 * file already used it (a deleted row): then it gets a new one */
	if (!known && id && *id && uuid_valid(id)) {
		st = store_insert_with_id(c->st, entity, fv, n, id, err);
		if (st == TSU_OK)
			snprintf(out_id, UUID_STR_LEN + 1, "%s", id);
	} else {
		st = store_insert(c->st, entity, fv, n, out_id, err);
	}
	if (st == TSU_OK)
		c->inserted++;
	return st;
}

bool io_report_sheet(struct io_ctx *c, const struct csv_reader *r)
{
	const char *what = csv_sheet(r), *name;
	struct sbuf others = {0};
	size_t i;

	if (!what)
		return false;
	io_reportf(c, "形式: %s", what);
	for (i = 0; (name = csv_sheet_other(r, i)); i++)
		if (i < 8)
			sbuf_addf(&others, "「%s」", name);
	if (i > 8)
		sbuf_addf(&others, " (ほか %zu シート) ", i - 8);
	if (i > 0)
		io_reportf(c, "シート%sは読み込みません (最初のシート「%s」だけを読みます)",
			   sbuf_str(&others), csv_sheet_name(r));
	sbuf_free(&others);
	return true;
}
