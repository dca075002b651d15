/* `coverage`: area supporters (市) and coordinators (社協) per area, gaps
 * flagged, and each coordinator with both of its areas (coverage.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "cli_table.h"
#include "tsunagu/coverage.h"

#define COV_NONE "－"

struct cov_rows {
	char **cells;
	size_t n, cap;
	int ncols;
};

static void cov_push(struct cov_rows *r, const char *const *vals)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->cells = xrealloc(r->cells, r->cap * (size_t)r->ncols * sizeof *r->cells);
	}
	for (int i = 0; i < r->ncols; i++)
		r->cells[r->n * (size_t)r->ncols + (size_t)i] = xstrdup(vals[i] ? vals[i] : COV_NONE);
	r->n++;
}

static void cov_free(struct cov_rows *r)
{
	for (size_t i = 0; i < r->n * (size_t)r->ncols; i++)
		free(r->cells[i]);
	free(r->cells);
}

/* 「エリアサポーター未配置」「コーディネーター未配置」 for what is missing. */
static void cov_flags(const struct coverage_area *a, struct sbuf *b)
{
	if (!a->supporters)
		sbuf_add(b, "エリアサポーター未配置");
	if (!a->coordinators)
		sbuf_addf(b, "%sコーディネーター未配置", b->len ? "・" : "");
}

static int cov_area(void *ud, const struct coverage_area *a)
{
	struct cov_rows *r = ud;
	struct sbuf flags = {0};
	cov_flags(a, &flags);
	cov_push(r, (const char *const[]){a->name, a->supporters, a->coordinators,
					  flags.s ? flags.s : ""});
	sbuf_free(&flags);
	return 0;
}

static int cov_coord(void *ud, const struct coverage_coord *c)
{
	cov_push(ud, (const char *const[]){c->name, c->appointment, c->areas, c->team,
					   c->supporters});
	return 0;
}

static int cov_table(struct cli *c)
{
	struct tsu_error err = {0};
	struct cov_rows areas = {.ncols = 4}, coords = {.ncols = 5};
	int rc = 0;
	if (store_coverage_areas(c->st, cov_area, &areas, &err) != TSU_OK ||
	    store_coverage_coords(c->st, cov_coord, &coords, &err) != TSU_OK) {
		rc = cli_fail(c, &err);
	} else {
		fprintf(c->out, "エリア別の配置\n");
		cli_table_cells(c->out, 4, (const char *const[]){"エリア", "エリアサポーター (市)",
			"コーディネーター (社協)", "注意"}, (const char *const *)areas.cells, areas.n, NULL);
		fprintf(c->out, "\nコーディネーターの組 (社協)\n");
		if (coords.n)
			cli_table_cells(c->out, 5, (const char *const[]){"氏名", "任用", "担当エリア",
				"組む相手 (社協)", "エリアサポーター (市)"},
				(const char *const *)coords.cells, coords.n, NULL);
		else
			fprintf(c->out, "(社協の職員はいません)\n");
	}
	cov_free(&areas);
	cov_free(&coords);
	return rc;
}

int cli_cmd_coverage(struct cli *c, int argc, char **argv)
{
	int json = 0, rc;
	for (int i = 1; i < argc; i++) {
		if ((rc = cli_area_opt(c, "coverage", argc, argv, &i, NULL, &json)) < 0)
			return -rc;
		if (!rc)
			return cli_usage(c, "coverage", "知らないオプションか、余分な引数です");
	}
	rc = cli_open(c, false);
	if (rc || !json)
		return rc ? rc : cov_table(c);
	struct tsu_error err = {0};
	struct sbuf out = {0};
	if (store_coverage_json(c->st, &out, &err) != TSU_OK)
		return cli_fail(c, &err);
	cli_json_put(c->out, out.s);
	sbuf_free(&out);
	return 0;
}
