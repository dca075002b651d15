/* `export karte`: the 地域カルテ report (report_karte.c) as Markdown, so
 * the export and `report karte` share one implementation. */
#include "tsunagu/io_karte.h"
#include "tsunagu/report_kinds.h"
#include "tsunagu/utf8.h"

enum tsu_status io_export_karte(struct io_ctx *c, struct outfile *o, struct tsu_error *err)
{
	struct report_options opt = {.area_id = c->opt->area_id, .encoding = c->opt->encoding};
	struct rdoc *d = rdoc_new("地域カルテ");
	struct sbuf out = {0};
	int32_t bad = 0;
	enum tsu_status st = report_karte(c->st, &opt, d, err);

	if (st == TSU_OK) {
		report_footer(c->st, &opt, d);
		rdoc_markdown(d, &out);
		st = outfile_write(o, out.s ? out.s : "", out.len, &bad, err);
	}
	if (st == TSU_ENCODING)
		st = report_cp932_fail(err, "カルテ", out.s, bad);
	c->written += (long)rdoc_tables(d) > 0;
	sbuf_free(&out);
	rdoc_free(d);
	return st;
}
