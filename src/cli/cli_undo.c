/* `undo` and `redo`: taking back this user's own last actions (undo.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "tsunagu/undo.h"

#define UNDO_LIST_MAX 20

/* The result of an undo or a redo, and the fields left as they were. */
static void print_result(struct cli *c, const char *done, const struct undo_result *r)
{
	cli_say(c->out, "", "%s: %s", done, r->what);
	if (r->changes == 0)
		fprintf(c->out, "元に戻す変更はありませんでした\n");
	if (r->nskips)
		fprintf(c->out, "後から他の人が変えた項目は、そのままにしました:\n");
	for (size_t i = 0; i < r->nskips; i++) {
		const struct undo_skip *k = &r->skips[i];
		if (!k->field) {
			cli_say(c->out, "  ", "%s「%s」: その後削除されています (%s)", k->entity_label,
				k->title ? k->title : "", k->by ? k->by : "?");
			continue;
		}
		char *v = cli_shown_value(c, k->field, k->current);
		cli_say(c->out, "  ", "%s「%s」の%s: 今は「%s」(%s)", k->entity_label,
			k->title ? k->title : "", k->field->label, v ? v : "(空)",
			k->by ? k->by : "?");
		free(v);
	}
}

struct undo_listing {
	struct cli *c;
	int n;
};

static int print_entry(void *ud, const struct undo_entry *e)
{
	struct undo_listing *l = ud;
	struct cli *c = l->c;
	char when[LOCALTIME_MAX];
	l->n++;
	localtime_format(e->at, c->date_style, when, sizeof when);
	cli_say(c->out, "", "%s  %s  [変更 %ld 件]", when, e->what, e->changes);
	return 0;
}

static int undo_list(struct cli *c)
{
	struct tsu_error err = {0};
	struct undo_listing l = {c, 0};
	if (store_undo_list(c->st, UNDO_LIST_MAX, print_entry, &l, &err) != TSU_OK)
		return cli_fail(c, &err);
	if (l.n == 0)
		fputs("取り消せる操作はありません\n", c->errf);
	return 0;
}

/* A large action (an import, the demo data) is taken back only with
 * --yes: one mistyped command must not empty the file. */
static int large_undo_refused(struct cli *c)
{
	char *what;
	long changes;
	store_undo_large(c->st, &what, &changes);
	if (what)
		cli_say(c->errf, "", "「%s」をまとめて取り消すことになります (変更 %ld 件)。"
			"取り消すときは tsunagu undo --yes としてください", what, changes);
	free(what);
	return what != NULL;
}

int cli_cmd_undo(struct cli *c, int argc, char **argv)
{
	bool redo = strcmp(argv[0], "redo") == 0, list = false, yes = false;
	for (int i = 1; i < argc; i++) {
		if (!redo && strcmp(argv[i], "--list") == 0)
			list = true;
		else if (!redo && strcmp(argv[i], "--yes") == 0)
			yes = true;
		else
			return cli_usage(c, argv[0], "知らないオプションか、余分な引数です");
	}
	int rc = cli_open(c, false);
	if (rc)
		return rc;
	if (list)
		return undo_list(c);
	if (!redo && !yes && large_undo_refused(c))
		return 1;
	struct undo_result r;
	struct tsu_error err = {0};
	if ((redo ? store_redo : store_undo)(c->st, &r, &err) != TSU_OK)
		return cli_fail(c, &err);
	print_result(c, redo ? "やり直しました" : "取り消しました", &r);
	undo_result_free(&r);
	return 0;
}
