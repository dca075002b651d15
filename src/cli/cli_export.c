/* `tsunagu export KIND [--area A] [-o FILE [--force]] [--encoding utf-8|cp932]
 *  [--headings label|field]` */
#include <stdio.h>
#include <string.h>
#include "cli.h"
#include "tsunagu/io.h"
#include "tsunagu/record.h"

int cli_cmd_export(struct cli *c, int argc, char **argv)
{
	struct io_options opt = {.encoding = IO_ENC_UTF8};
	const char *kind = NULL, *out = NULL, *area = NULL, *v;
	struct tsu_error err = {0};
	uuid_str area_id;
	bool missing = false, headings = false;

	for (int i = 1; i < argc; i++) {
		if ((v = cli_opt(argc, argv, &i, "--encoding", &missing))) {
			if (!io_encoding_parse(v, &opt.encoding) || opt.encoding == IO_ENC_AUTO)
				return cli_usage(c, "export", "--encoding は utf-8 / cp932 です");
		} else if (!missing && (v = cli_opt(argc, argv, &i, "--headings", &missing))) {
			if (strcmp(v, "field") != 0 && strcmp(v, "label") != 0)
				return cli_usage(c, "export", "--headings は label (日本語の項目名) / field です");
			opt.field_headings = strcmp(v, "field") == 0;
			headings = true;
		} else if (!missing && (v = cli_opt(argc, argv, &i, "--area", &missing))) {
			area = v;
		} else if (!missing && ((v = cli_opt(argc, argv, &i, "-o", &missing)) ||
					(!missing && (v = cli_opt(argc, argv, &i, "--output", &missing))))) {
			out = v;
		} else if (!missing && strcmp(argv[i], "--force") == 0) {
			opt.force = true;
		} else if (missing) {
			return cli_usage(c, "export", "オプションに値がありません");
		} else if (argv[i][0] == '-' && argv[i][1]) {
			return cli_usage(c, "export", "知らないオプションです");
		} else if (!kind) {
			kind = argv[i];
		} else {
			return cli_usage(c, "export", "引数が多すぎます");
		}
	}
	if (!kind)
		return cli_usage(c, "export", "書き出す種類を指定してください");
	/* refused rather than ignored, as list refuses a filter it lacks:
	 * vCard, iCalendar, the karte and the matrix have no such headings */
	if (headings && strcmp(kind, "parties") != 0 && strcmp(kind, "tasks") != 0 &&
	    strcmp(kind, "events") != 0)
		return cli_usage(c, "export", "--headings は parties・tasks・events の書き出しで使えます");
	if (area) {
		if (store_resolve(c->st, "area", area, area_id, &err) != TSU_OK)
			return cli_fail(c, &err);
		opt.area_id = area_id;
	}
	fflush(c->out);
	if (io_export(c->st, kind, out, &opt, NULL, NULL, &err) != TSU_OK)
		return cli_fail(c, &err);
	return 0;
}
