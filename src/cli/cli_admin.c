/* `init`, `check`, `snapshot`: the file itself. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"

int cli_cmd_init(struct cli *c, int argc, char **argv)
{
	bool demo = false, city = false, scaled = false, missing;
	int scale = 1;
	const char *v;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--demo") == 0) {
			demo = true;
		} else if (strcmp(argv[i], "--city") == 0) {
			/* for scripts/bench: the city-scale file of issue 13 */
			city = demo = true;
		} else if ((v = cli_opt(argc, argv, &i, "--scale", &missing))) {
			/* for benchmarks: N times the demo data */
			char *end;
			long n = strtol(v, &end, 10);
			if (*end || n < 1 || n > 1000)
				return cli_usage(c, "init", "--scale は 1 から 1000 の整数です");
			scale = (int)n;
			scaled = true;
		} else {
			return cli_usage(c, "init", "知らないオプションです");
		}
	}
	/* --scale and --city size the demo data: alone, or together, one of
	 * them would be dropped without a word */
	if (scaled && !demo)
		return cli_usage(c, "init", "--scale は --demo と一緒に使います");
	if (scaled && city)
		return cli_usage(c, "init", "--scale と --city はどちらか一つです");
	if (access(c->db_path, F_OK) == 0)
		return cli_error(c, TSU_INVALID, "%s: 既にあります (上書きしません)", c->db_path);
	int rc = cli_open(c, true);
	if (rc)
		return rc;
	struct tsu_error err = {0};
	static const struct demo_size city_size = {10000, 90000, 100000, 1000000, 500};
	if (demo && (city ? store_demo_sized(c->st, &city_size, &err)
			  : store_demo(c->st, scale, &err)) != TSU_OK) {
		store_close(c->st);
		c->st = NULL;
		unlink(c->db_path); /* nothing half-made is left behind */
		return cli_fail(c, &err);
	}
	cli_say(c->errf, "", "作成しました: %s%s", c->db_path, demo ? " (デモデータ入り)" : "");
	return 0;
}

static void print_problem(void *ud, const char *line)
{
	struct cli *c = ud;
	cli_say(c->out, "", "%s", line);
}

int cli_cmd_check(struct cli *c, int argc, char **argv)
{
	struct tsu_error err = {0};
	if (argc != 1)
		return cli_usage(c, "check", "引数は要りません");
	int rc = cli_open(c, false);
	if (rc)
		return rc;
	if (store_check(c->st, print_problem, c, &err) != TSU_OK)
		return cli_fail(c, &err);
	cli_say(c->out, "", "ok: %s (版 %d)", c->db_path, store_schema_version());
	return 0;
}

int cli_cmd_snapshot(struct cli *c, int argc, char **argv)
{
	struct tsu_error err = {0};
	if (argc != 2)
		return cli_usage(c, "snapshot", "出力ファイルを指定してください");
	int rc = cli_open(c, false);
	if (rc)
		return rc;
	if (store_snapshot(c->st, argv[1], &err) != TSU_OK)
		return cli_fail(c, &err);
	cli_say(c->errf, "", "作成しました: %s", argv[1]);
	return 0;
}
