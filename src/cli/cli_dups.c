/* `duplicates` and `fold-party`: likely duplicate parties, and folding
 * one into another (issue 11). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "cli_table.h"
#include "tsunagu/duplicates.h"
#include "tsunagu/sanitize.h"

struct dup_print {
	struct cli *c;
	long n;
};

static int print_pair(void *ud, const struct dup_pair *p)
{
	struct dup_print *d = ud;
	char *a = text_sanitize(p->a_name, 0), *b = text_sanitize(p->b_name, 0);
	fprintf(d->c->out, "%s  %s\n  %.8s  %s\n  %.8s  %s\n", p->certain ? "◎" : "○", p->reasons,
		p->a_id + strlen(p->a_id) - 8, a, p->b_id + strlen(p->b_id) - 8, b);
	free(a);
	free(b);
	d->n++;
	return 0;
}

int cli_cmd_duplicates(struct cli *c, int argc, char **argv)
{
	bool json = false, missing;
	const char *v;
	for (int i = 1; i < argc; i++) {
		if ((v = cli_opt(argc, argv, &i, "--format", &missing)) || missing) {
			if (!v || (strcmp(v, "json") && strcmp(v, "table")))
				return cli_usage(c, "duplicates", "--format は table か json です");
			json = strcmp(v, "json") == 0;
		} else {
			return cli_usage(c, "duplicates", "知らないオプションか、余分な引数です");
		}
	}
	int rc = cli_open(c, false);
	if (rc)
		return rc;
	struct tsu_error err = {0};
	if (json) {
		char *out;
		if (store_duplicates_json(c->st, &out, &err) != TSU_OK)
			return cli_fail(c, &err);
		cli_json_put(c->out, out);
		free(out);
		return 0;
	}
	struct dup_print d = {c, 0};
	if (store_duplicates(c->st, print_pair, &d, &err) != TSU_OK)
		return cli_fail(c, &err);
	fprintf(c->errf, d.n ? "重複の疑い %ld 組 (◎ 電話かメールが同じ / ○ 名前が同じ)。"
		"tsunagu fold-party 残すID まとめるID で一つにできます\n"
		: "重複の疑いはありません\n", d.n);
	return 0;
}

int cli_cmd_fold_party(struct cli *c, int argc, char **argv)
{
	if (argc != 3 || argv[1][0] == '-' || argv[2][0] == '-')
		return cli_usage(c, "fold-party", "残す関係者とまとめる関係者の ID を指定してください");
	int rc = cli_open(c, false);
	if (rc)
		return rc;
	struct fold_summary sum;
	struct tsu_error err = {0};
	if (store_begin(c->st, &err) != TSU_OK)
		return cli_fail(c, &err);
	if (store_fold_party(c->st, argv[1], argv[2], &sum, &err) != TSU_OK) {
		store_rollback(c->st);
		return cli_fail(c, &err);
	}
	if (store_commit(c->st, &err) != TSU_OK)
		return cli_fail(c, &err);
	fprintf(c->out, "%.8s を %.8s にまとめました (項目 %ld、付け替えた記録 %ld 件)。"
		"まとめた方は削除済みになり、履歴に統合先が残ります\n",
		sum.other + strlen(sum.other) - 8, sum.keep + strlen(sum.keep) - 8, sum.fields,
		sum.links);
	return 0;
}
