/* `tsunagu import KIND FILE [--encoding auto|utf-8|cp932] [--dry-run] [--strict]` */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "tsunagu/io.h"

static void print_report(void *ud, const char *line)
{
	struct cli *c = ud;

	cli_say(c->out, "", "%s", line);
}

/* A percentage on a terminal only: scripts and tests see nothing. */
static void print_progress(void *ud, long done, long total)
{
	struct cli *c = ud;

	if (total > 0 && isatty(fileno(c->errf)))
		fprintf(c->errf, "\r読み込み中 %3ld%%", done * 100 / total);
}

int cli_cmd_import(struct cli *c, int argc, char **argv)
{
	struct io_options opt = {.encoding = IO_ENC_AUTO};
	const char *kind = NULL, *file = NULL, *v;
	struct tsu_error err = {0};
	bool missing;

	for (int i = 1; i < argc; i++) {
		if ((v = cli_opt(argc, argv, &i, "--encoding", &missing))) {
			if (!io_encoding_parse(v, &opt.encoding))
				return cli_usage(c, "import", "--encoding は auto / utf-8 / cp932 です");
		} else if (missing) {
			return cli_usage(c, "import", "--encoding に値がありません");
		} else if (strcmp(argv[i], "--dry-run") == 0 || strcmp(argv[i], "-n") == 0) {
			opt.dry_run = true;
		} else if (strcmp(argv[i], "--strict") == 0) {
			opt.strict = true;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			return cli_usage(c, "import", "知らないオプションです");
		} else if (!kind) {
			kind = argv[i];
		} else if (!file) {
			file = argv[i];
		} else {
			return cli_usage(c, "import", "引数が多すぎます");
		}
	}
	if (!kind || !file)
		return cli_usage(c, "import", "種類とファイルを指定してください");
	enum tsu_status st = io_import(c->st, kind, file, &opt, print_progress, print_report, c, &err);
	if (isatty(fileno(c->errf)))
		fputs("\r\033[K", c->errf);
	return st == TSU_OK ? 0 : cli_fail(c, &err);
}
