/* Aligned tables for the area-work commands (cli_table.h). */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "cli_table.h"
#include "tsunagu/record.h"
#include "tsunagu/sanitize.h"
#include "tsunagu/textwidth.h"
#include "tsunagu/utf8.h"

/* a cell wider than this is cut (with …) so a long text keeps rows readable */
#define CELL_MAX 40

void cli_table_init(struct cli_table *t, int ncols, const char *const *headings)
{
	memset(t, 0, sizeof *t);
	t->ncols = ncols;
	t->headings = headings;
}

void cli_table_row(struct cli_table *t, const char *const *cells)
{
	if (t->nrows == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 32;
		t->cells = xrealloc(t->cells, t->cap * (size_t)t->ncols * sizeof *t->cells);
	}
	for (int c = 0; c < t->ncols; c++)
		t->cells[t->nrows * (size_t)t->ncols + (size_t)c] =
			text_sanitize(cells[c] ? cells[c] : "", 0);
	t->nrows++;
}

/* The last column is printed whole (nothing after it to line up) unless
 * it is right-aligned (figures). */
static void add_cell(struct sbuf *line, const char *s, int w, bool first, bool last, bool right)
{
	char *cell = last && !right ? xstrdup(s) : text_width_fit(s, w, right ? TEXT_RIGHT : TEXT_LEFT);
	sbuf_addf(line, "%s%s", first ? "" : "  ", cell);
	free(cell);
}

/* One row (NULL: the headings), without blanks at its end. */
static void print_row(FILE *f, const struct cli_table *t, const int *w, char *const *cells)
{
	struct sbuf line = {0};
	for (int c = 0; c < t->ncols; c++)
		add_cell(&line, cells ? cells[c] : t->headings[c], w[c], c == 0, c == t->ncols - 1,
			 t->right && t->right[c]);
	while (line.len && line.s[line.len - 1] == ' ')
		line.s[--line.len] = '\0';
	fprintf(f, "%s\n", line.len ? line.s : "");
	sbuf_free(&line);
}

void cli_table_print(FILE *f, const struct cli_table *t)
{
	int *w = xcalloc((size_t)t->ncols, sizeof *w);
	for (int c = 0; c < t->ncols; c++)
		w[c] = text_width(t->headings[c]);
	for (size_t r = 0; r < t->nrows; r++)
		for (int c = 0; c < t->ncols; c++) {
			int cw = text_width(t->cells[r * (size_t)t->ncols + (size_t)c]);
			if (cw > CELL_MAX)
				cw = CELL_MAX;
			if (cw > w[c])
				w[c] = cw;
		}
	print_row(f, t, w, NULL);
	for (size_t r = 0; r < t->nrows; r++)
		print_row(f, t, w, t->cells + r * (size_t)t->ncols);
	free(w);
}

void cli_table_cells(FILE *f, int ncols, const char *const *headings, const char *const *cells,
		     size_t nrows, const bool *right)
{
	struct cli_table t;
	cli_table_init(&t, ncols, headings);
	t.right = right;
	for (size_t r = 0; r < nrows; r++)
		cli_table_row(&t, cells + r * (size_t)ncols);
	cli_table_print(f, &t);
	cli_table_free(&t);
}

void cli_table_free(struct cli_table *t)
{
	for (size_t i = 0; i < t->nrows * (size_t)t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	memset(t, 0, sizeof *t);
}

int cli_table_format(int argc, char **argv, int *i, int *json)
{
	bool missing = false;
	const char *v = cli_opt(argc, argv, i, "--format", &missing);
	if (!v && !missing)
		return 0;
	if (!v || (strcmp(v, "table") && strcmp(v, "json")))
		return -1;
	*json = strcmp(v, "json") == 0;
	return 1;
}

int cli_area_opt(struct cli *c, const char *cmd, int argc, char **argv, int *i,
		 const char **area, int *json)
{
	bool missing = false;
	const char *v;
	int f = cli_table_format(argc, argv, i, json);
	if (f < 0)
		return -cli_usage(c, cmd, "--format は table か json です");
	if (f > 0)
		return 1;
	if (!area || (!(v = cli_opt(argc, argv, i, "--area", &missing)) && !missing))
		return 0;
	if (!v)
		return -cli_usage(c, cmd, "--area にはエリアが必要です");
	*area = v;
	return 1;
}

int cli_open_area(struct cli *c, const char *area, uuid_str id, const char **aid)
{
	struct tsu_error err = {0};
	int rc = c->st ? 0 : cli_open(c, false);
	*aid = NULL;
	if (rc || !area)
		return rc;
	if (store_resolve(c->st, "area", area, id, &err) != TSU_OK)
		return cli_fail(c, &err);
	*aid = id;
	return 0;
}

int cli_area_args(struct cli *c, const char *cmd, const char *bad, int argc, char **argv,
		  int from, uuid_str id, const char **aid, int *json)
{
	const char *area = NULL;
	int rc;
	for (int i = from; i < argc; i++) {
		if ((rc = cli_area_opt(c, cmd, argc, argv, &i, &area, json)) < 0)
			return -rc;
		if (!rc)
			return cli_usage(c, cmd, bad);
	}
	return cli_open_area(c, area, id, aid);
}

int cli_json_out(struct cli *c, enum tsu_status rc, char **out, const struct tsu_error *err)
{
	if (rc == TSU_OK)
		cli_json_put(c->out, *out);
	free(*out);
	*out = NULL;
	return rc == TSU_OK ? 0 : cli_fail(c, err);
}

void cli_json_put(FILE *f, const char *json)
{
	size_t len = strlen(json);
	char rep[TEXT_SANITIZE_CP_MAX];

	for (size_t i = 0; i < len;) {
		int32_t cp;
		size_t n = utf8_decode(json + i, len - i, &cp);
		/* C0 controls are escaped by SQLite's JSON already */
		if (cp >= 0x80 && cp <= 0xFFFF && text_sanitize_cp(cp, 1, rep) > 0)
			fprintf(f, "\\u%04x", (unsigned)cp);
		else
			fwrite(json + i, 1, n, f);
		i += n;
	}
	fputc('\n', f);
}
