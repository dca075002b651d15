/* The department matrix as Excel CSV (io_matrix.h), for `matrix --format
 * csv` and `export matrix` alike. */
#include <stdlib.h>
#include <string.h>
#include "tsunagu/csv.h"
#include "tsunagu/csvcell.h"
#include "tsunagu/io_matrix.h"
#include "tsunagu/report_kinds.h"
#include "tsunagu/sanitize.h"

/* A cell as people read it in Excel: control characters spelled out as
 * on the screen, and a department or text that Excel would run as a
 * formula ("=...", "@...") with ' in front (csvcell.h). */
static void put(struct sbuf *out, const char *s)
{
	char *shown = text_sanitize(s, 1);
	char *inert = csv_cell_inert(shown);

	csv_put_field(out, inert ? inert : shown);
	free(inert);
	free(shown);
}

static void cell_text(const struct matrix *m, int cat, int dept, struct sbuf *b)
{
	for (int i = 0; i < m->nentries; i++) {
		const struct matrix_entry *e = &m->entries[i];
		if (e->cat != cat || e->dept != dept)
			continue;
		int s = e->state_ix;
		sbuf_addf(b, "%s%s: %s", b->len ? "\n" : "",
			  s < 0 ? e->state : s == 4 ? "意見・考え方" : matrix_states[s],
			  e->text ? e->text : "");
	}
}

/* "住宅課、高齢支援課" when two or more departments have 取組中. */
static void overlap_text(const struct matrix *m, int cat, struct sbuf *b)
{
	if (!matrix_overlap(m, cat))
		return;
	for (int d = 0; d < m->ndepts; d++)
		if (matrix_count(m, cat, d, MATRIX_ACTIVE))
			sbuf_addf(b, "%s%s", b->len ? "、" : "", m->depts[d].name);
}

void io_matrix_csv(const struct matrix *m, struct sbuf *out)
{
	csv_put_field(out, "カテゴリー");
	for (int d = 0; d < m->ndepts; d++) {
		csv_put_sep(out);
		put(out, m->depts[d].name);
	}
	csv_put_sep(out);
	csv_put_field(out, "重複の可能性");
	csv_put_sep(out);
	csv_put_field(out, "空白");
	csv_end_row(out);
	for (int c = 0; c < m->ncats; c++) {
		struct sbuf cell = {0};
		put(out, m->cats[c].name);
		for (int d = 0; d < m->ndepts; d++) {
			sbuf_reset(&cell);
			cell_text(m, c, d, &cell);
			csv_put_sep(out);
			put(out, sbuf_str(&cell));
		}
		sbuf_reset(&cell);
		overlap_text(m, c, &cell);
		csv_put_sep(out);
		put(out, sbuf_str(&cell));
		csv_put_sep(out);
		csv_put_field(out, matrix_gap(m, c) ? "空白" : "");
		csv_end_row(out);
		sbuf_free(&cell);
	}
}

enum tsu_status io_matrix_write(const struct matrix *m, struct outfile *o, struct tsu_error *err)
{
	struct sbuf csv = {0};
	int32_t bad = 0;
	io_matrix_csv(m, &csv);
	enum tsu_status rc = outfile_write(o, sbuf_str(&csv), csv.len, &bad, err);
	if (rc == TSU_ENCODING)
		rc = report_cp932_fail(err, "一覧表", csv.s, bad);
	sbuf_free(&csv);
	return rc;
}

enum tsu_status io_export_matrix(struct io_ctx *c, struct outfile *o, struct tsu_error *err)
{
	struct matrix m;
	enum tsu_status rc = store_matrix_load(c->st, c->opt->area_id, &m, err);
	if (rc != TSU_OK)
		return rc;
	rc = io_matrix_write(&m, o, err);
	c->written += m.ncats;
	store_matrix_free(&m);
	return rc;
}
