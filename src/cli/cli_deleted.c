/* `deleted` and `restore`: the deleted records, and bringing one back with
 * the links that went with it (restore.h). */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "cli_table.h"
#include "tsunagu/restore.h"
#include "tsunagu/sanitize.h"

const struct entity_def *cli_kind_parse(const char *word)
{
	const struct entity_def *e = entity_find(word);
	size_t n = strlen(word);
	char one[48];
	if (e || n < 2 || n >= sizeof one)
		return e;
	/* plurals as `list` takes them: parties, tasks, areas, events */
	if (n > 3 && strcmp(word + n - 3, "ies") == 0)
		snprintf(one, sizeof one, "%.*sy", (int)(n - 3), word);
	else
		snprintf(one, sizeof one, "%.*s", (int)(n - 1), word);
	if ((e = entity_find(one)))
		return e;
	for (const struct entity_def *const *k = entity_all(); *k; k++)
		if (strcmp((*k)->label, word) == 0)
			return *k;
	return NULL;
}

struct deleted_print {
	struct cli *c;
	long n;
};

/* "2026-11-25 15:17  party 3f9a1c2e  関係者・団体「名前」  誰  (会員 6 名の所属も)":
 * the kind and short id as `restore` takes them. */
static int print_deleted(void *ud, const struct deleted_row *r)
{
	struct deleted_print *dp = ud;
	struct cli *c = dp->c;
	char when[LOCALTIME_MAX];
	struct sbuf links = {0};
	localtime_format(r->deleted_at, c->date_style, when, sizeof when);
	store_links_text(&r->links, false, &links);
	char *title = text_sanitize(r->title ? r->title : "", 0);
	char *who = text_sanitize(r->deleted_by ? r->deleted_by : "", 0);
	fprintf(c->out, "%s  %s %s  %s「%s」  %s", when, r->entity, r->id + strlen(r->id) - 8,
		r->entity_label, title, who);
	if (links.len)
		fprintf(c->out, "  (%sも)", links.s);
	fputc('\n', c->out);
	free(title);
	free(who);
	sbuf_free(&links);
	dp->n++;
	return 0;
}

int cli_cmd_deleted(struct cli *c, int argc, char **argv)
{
	const struct entity_def *e = NULL;
	bool json = false, missing;
	const char *v;
	for (int i = 1; i < argc; i++) {
		if ((v = cli_opt(argc, argv, &i, "--format", &missing)) || missing) {
			if (!v || (strcmp(v, "json") && strcmp(v, "table")))
				return cli_usage(c, "deleted", "--format は table か json です");
			json = strcmp(v, "json") == 0;
		} else if (!e && argv[i][0] != '-' && (e = cli_kind_parse(argv[i]))) {
			continue;
		} else {
			return cli_usage(c, "deleted", "知らない種類かオプションです");
		}
	}
	int rc = cli_open(c, false);
	if (rc)
		return rc;
	struct tsu_error err = {0};
	const char *kind = e ? e->name : NULL;
	if (json) {
		char *out;
		if (store_deleted_json(c->st, kind, &out, &err) != TSU_OK)
			return cli_fail(c, &err);
		cli_json_put(c->out, out);
		free(out);
		return 0;
	}
	struct deleted_print dp = {.c = c};
	if (store_deleted(c->st, kind, print_deleted, &dp, &err) != TSU_OK)
		return cli_fail(c, &err);
	fprintf(c->errf, dp.n ? "削除された記録 %ld 件 (tsunagu restore 種類 ID で元に戻せます)\n"
		: "削除された記録はありません\n", dp.n);
	return 0;
}

int cli_cmd_restore(struct cli *c, int argc, char **argv)
{
	if (argc != 3)
		return cli_usage(c, "restore", "種類と ID を指定してください");
	const struct entity_def *e = cli_kind_parse(argv[1]);
	if (!e)
		return cli_usage(c, "restore", "種類が違います");
	int rc = cli_open(c, false);
	if (rc)
		return rc;
	struct tsu_error err = {0};
	uuid_str id;
	if (uuid_valid(argv[2]))
		snprintf(id, sizeof id, "%s", argv[2]);
	else if (store_resolve_deleted(c->st, e->name, argv[2], id, &err) != TSU_OK)
		return cli_fail(c, &err);
	struct restore_result res;
	if (store_restore(c->st, e->name, id, &res, &err) != TSU_OK) {
		restore_result_free(&res);
		return cli_fail(c, &err);
	}
	struct sbuf links = {0};
	store_links_text(&res.links, true, &links);
	char *title = text_sanitize(res.title, 0);
	fprintf(c->out, "%s を元に戻しました%s%s%s\n", title, links.len ? " (" : "",
		links.len ? links.s : "", links.len ? "も)" : "");
	if (res.skipped)
		fprintf(c->out, "相手が削除されているつながり %ld 件は戻せませんでした\n", res.skipped);
	free(title);
	sbuf_free(&links);
	restore_result_free(&res);
	return 0;
}
