/* `tsunagu matrix [--area A] [--format table|json|csv] [--encoding
 *  utf-8|cp932]`: the department matrix (一覧表, issue 9 part 5). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "cli_table.h"
#include "tsunagu/io_matrix.h"
#include "tsunagu/matrix.h"
#include "tsunagu/record.h"
#include "tsunagu/textwidth.h"

#define MATRIX_MARK_OVERLAP "◆重複?"
#define MATRIX_MARK_GAP     "◇空白"

enum matrix_format { MF_TABLE, MF_JSON, MF_CSV };

struct matrix_args {
	const char *area;
	enum matrix_format format;
	enum io_encoding enc;
};

static int parse(struct cli *c, int argc, char **argv, struct matrix_args *a)
{
	bool missing = false;
	const char *v;
	for (int i = 1; i < argc; i++) {
		if ((v = cli_opt(argc, argv, &i, "--format", &missing))) {
			if (strcmp(v, "table") == 0)
				a->format = MF_TABLE;
			else if (strcmp(v, "json") == 0)
				a->format = MF_JSON;
			else if (strcmp(v, "csv") == 0)
				a->format = MF_CSV;
			else
				return cli_usage(c, "matrix", "--format は table・json・csv です");
		} else if (!missing && (v = cli_opt(argc, argv, &i, "--area", &missing))) {
			a->area = v;
		} else if (!missing && (v = cli_opt(argc, argv, &i, "--encoding", &missing))) {
			if (!io_encoding_parse(v, &a->enc) || a->enc == IO_ENC_AUTO)
				return cli_usage(c, "matrix", "--encoding は utf-8 / cp932 です");
		} else if (missing) {
			return cli_usage(c, "matrix", "オプションに値がありません");
		} else {
			return cli_usage(c, "matrix", "知らないオプションか、余分な引数です");
		}
	}
	return 0;
}

/* The mark column of a category: 「◆重複?」, 「◇空白」 or nothing. */
static const char *mark_of(const struct matrix *m, int cat)
{
	return matrix_overlap(m, cat) ? MATRIX_MARK_OVERLAP : matrix_gap(m, cat) ? MATRIX_MARK_GAP : "";
}

static void put_cell(struct cli *c, const char *s, int cols, bool last)
{
	char *fit = text_width_fit(s, cols, TEXT_LEFT);
	if (last) { /* no trailing blanks */
		size_t n = strlen(fit);
		while (n && fit[n - 1] == ' ')
			fit[--n] = '\0';
	}
	fprintf(c->out, "%s%s", fit, last ? "\n" : "  ");
	free(fit);
}

/* Rows = categories, columns = departments with counts, then the mark;
 * every column as wide as its widest cell. */
static void print_table(struct cli *c, const struct matrix *m)
{
	int nd = m->ndepts, *w = xcalloc((size_t)nd + 2, sizeof *w);
	char **cells = xcalloc((size_t)(m->ncats * nd) + 1, sizeof *cells);
	w[0] = text_width("カテゴリー");
	for (int d = 0; d < nd; d++)
		w[d + 1] = text_width(m->depts[d].name);
	w[nd + 1] = text_width("印");
	for (int k = 0; k < m->ncats; k++) {
		if (text_width(m->cats[k].name) > w[0])
			w[0] = text_width(m->cats[k].name);
		for (int d = 0; d < nd; d++) {
			char *s = cells[k * nd + d] = matrix_cell_counts(m, k, d);
			if (text_width(s) > w[d + 1])
				w[d + 1] = text_width(s);
		}
		if (text_width(mark_of(m, k)) > w[nd + 1])
			w[nd + 1] = text_width(mark_of(m, k));
	}
	put_cell(c, "カテゴリー", w[0], false);
	for (int d = 0; d < nd; d++)
		put_cell(c, m->depts[d].name, w[d + 1], false);
	put_cell(c, "印", w[nd + 1], true);
	for (int k = 0; k < m->ncats; k++) {
		put_cell(c, m->cats[k].name, w[0], false);
		for (int d = 0; d < nd; d++)
			put_cell(c, cells[k * nd + d], w[d + 1], false);
		put_cell(c, mark_of(m, k), w[nd + 1], true);
	}
	for (int i = 0; i < m->ncats * nd; i++)
		free(cells[i]);
	free(cells);
	free(w);
	fprintf(c->errf, "取 取組中・検 検討中・既 既往データ・課 課題・意 意見・考え方。"
		MATRIX_MARK_OVERLAP " 取組中が2部局以上 (重複・類似の可能性)、"
		MATRIX_MARK_GAP " 取組中がどの部局にもない\n");
}

static int print_csv(struct cli *c, const struct matrix *m, enum io_encoding enc)
{
	struct outfile *o;
	struct tsu_error err = {0};
	fflush(c->out);
	enum tsu_status rc = outfile_open(NULL, enc, true, &o, &err);
	if (rc == TSU_OK && (rc = io_matrix_write(m, o, &err)) == TSU_OK)
		return outfile_commit(o, &err) == TSU_OK ? 0 : cli_fail(c, &err);
	if (rc == TSU_OK)
		return 0;
	outfile_abort(o);
	return cli_fail(c, &err);
}

int cli_cmd_matrix(struct cli *c, int argc, char **argv)
{
	struct matrix_args a = {.format = MF_TABLE, .enc = IO_ENC_UTF8};
	struct tsu_error err = {0};
	uuid_str area_id;
	int rc = parse(c, argc, argv, &a);
	if (rc)
		return rc;
	const char *area;
	if ((rc = cli_open_area(c, a.area, area_id, &area)))
		return rc;
	if (a.format == MF_JSON) {
		char *out;
		if (store_matrix_json(c->st, area, &out, &err) != TSU_OK)
			return cli_fail(c, &err);
		cli_json_put(c->out, out);
		free(out);
		return 0;
	}
	struct matrix m;
	if (store_matrix_load(c->st, area, &m, &err) != TSU_OK)
		return cli_fail(c, &err);
	if (!m.ndepts)
		fprintf(c->errf, "庁内部局がまだありません (tsunagu add department --name 住宅課)\n");
	if (a.format == MF_CSV)
		rc = print_csv(c, &m, a.enc);
	else
		print_table(c, &m);
	store_matrix_free(&m);
	return rc;
}
