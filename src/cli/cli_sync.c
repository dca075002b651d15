/* `merge`, `conflicts` and `sync`: bringing in a copy edited apart, reviewing
 * the values that lost, syncing through a shared folder (DESIGN §5). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "cli_table.h"
#include "tsunagu/config.h"
#include "tsunagu/merge.h"
#include "tsunagu/sanitize.h"
#include "tsunagu/sync.h"

static void print_summary(struct cli *c, const char *other, const struct merge_summary *s,
			  bool dry_run)
{
	char *name = text_sanitize(other, 0);
	if (s->changes == 0) {
		fprintf(c->out, "%s: 取り込む変更はありません (既に同じ内容です)\n", name);
		free(name);
		return;
	}
	fprintf(c->out, "%s から変更 %ld 件を%s\n", name, s->changes,
		dry_run ? "取り込めます" : "取り込みました");
	free(name);
	for (int i = 0; i < s->nkinds; i++)
		fprintf(c->out, "  %s: 追加 %ld、変更 %ld、削除 %ld\n", s->kinds[i].label,
			s->kinds[i].added, s->kinds[i].changed, s->kinds[i].deleted);
	if (s->conflicts)
		fprintf(c->out, "競合 %ld 件: 両方で変更された値です。新しい方を残しました。"
			"tsunagu conflicts で確認できます\n", s->conflicts);
	if (dry_run)
		fputs("試行 (--dry-run) のため、データベースは変更していません\n", c->out);
}

int cli_cmd_merge(struct cli *c, int argc, char **argv)
{
	const char *other = NULL;
	bool dry_run = false;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--dry-run") == 0)
			dry_run = true;
		else if (argv[i][0] == '-' || other)
			return cli_usage(c, "merge", "知らないオプションか、余分な引数です");
		else
			other = argv[i];
	}
	if (!other)
		return cli_usage(c, "merge", "マージするファイルを指定してください");
	int rc = cli_open(c, false);
	if (rc)
		return rc;
	struct merge_summary sum;
	struct tsu_error err = {0};
	if (store_merge(c->st, other, dry_run, &sum, &err) != TSU_OK)
		return cli_fail(c, &err);
	print_summary(c, other, &sum, dry_run);
	return 0;
}

static int print_conflict(void *ud, const struct conflict_row *k)
{
	struct cli *c = ud;
	const char *raw[] = {k->title, k->kept_value, k->kept_author, k->lost_value, k->lost_author};
	char *v[5], kept[LOCALTIME_MAX], lost[LOCALTIME_MAX];
	for (int i = 0; i < 5; i++)
		v[i] = text_sanitize(raw[i] ? raw[i] : "", 0);
	localtime_format(k->kept_at, c->date_style, kept, sizeof kept);
	localtime_format(k->lost_at, c->date_style, lost, sizeof lost);
	fprintf(c->out, "%s  %s「%s」 %s\n  残した値: %s  (%s %s)\n  もう一方: %s  (%s %s)\n",
		k->id + strlen(k->id) - 8, k->entity_label, v[0], k->field_label,
		v[1], v[2], kept, v[3], v[4], lost);
	for (int i = 0; i < 5; i++)
		free(v[i]);
	return 0;
}

static int conflicts_list(struct cli *c, bool json, bool with_reviewed)
{
	struct tsu_error err = {0};
	if (json) {
		char *out;
		if (store_conflicts_json(c->st, with_reviewed, &out, &err) != TSU_OK)
			return cli_fail(c, &err);
		cli_json_put(c->out, out);
		free(out);
		return 0;
	}
	if (store_conflicts(c->st, with_reviewed, print_conflict, c, &err) != TSU_OK)
		return cli_fail(c, &err);
	long n = store_conflicts_open(c->st);
	fprintf(c->errf, n ? "未確認の競合 %ld 件 (keep ID で今の値を残す / take ID でもう一方にする)\n"
		: "未確認の競合はありません\n", n);
	return 0;
}

int cli_cmd_conflicts(struct cli *c, int argc, char **argv)
{
	const char *verb = NULL, *id = NULL, *v;
	bool all = false, json = false, missing;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--all") == 0)
			all = true;
		else if ((v = cli_opt(argc, argv, &i, "--format", &missing)) || missing) {
			if (!v || (strcmp(v, "json") && strcmp(v, "table")))
				return cli_usage(c, "conflicts", "--format は table か json です");
			json = strcmp(v, "json") == 0;
		} else if (!verb && (strcmp(argv[i], "keep") == 0 || strcmp(argv[i], "take") == 0))
			verb = argv[i];
		else if (verb && !id && argv[i][0] != '-')
			id = argv[i];
		else
			return cli_usage(c, "conflicts", "知らないオプションか、余分な引数です");
	}
	if (verb && !id && !(all && strcmp(verb, "keep") == 0))
		return cli_usage(c, "conflicts", "競合の ID を指定してください");
	int rc = cli_open(c, false);
	if (rc)
		return rc;
	struct tsu_error err = {0};
	if (!verb && !all)
		return conflicts_list(c, json, false);
	if (!verb || !id) {
		long n;
		if (store_conflicts_review_all(c->st, &n, &err) != TSU_OK)
			return cli_fail(c, &err);
		fprintf(c->out, "競合 %ld 件を確認済みにしました (今の値を残します)\n", n);
		return 0;
	}
	bool take = strcmp(verb, "take") == 0, reviewed = false;
	if (store_conflict_reviewed(c->st, id, &reviewed, &err) != TSU_OK)
		return cli_fail(c, &err);
	if (reviewed && !take) {
		fprintf(c->out, "この競合は確認済みです。値は今のままです\n");
		return 0;
	}
	if (store_conflict_resolve(c->st, id, take, &err) != TSU_OK)
		return cli_fail(c, &err);
	fprintf(c->out, take ? "もう一方の値にしました\n" : "今の値を残しました\n");
	return 0;
}

/* ---- sync [DIR] ---- */

static void print_kinds(struct cli *c, const struct merge_summary *s)
{
	for (int i = 0; i < s->nkinds; i++)
		fprintf(c->out, "  %s: 追加 %ld、変更 %ld、削除 %ld\n", s->kinds[i].label,
			s->kinds[i].added, s->kinds[i].changed, s->kinds[i].deleted);
}

static void print_received(struct cli *c, const struct sync_report *r)
{
	for (int i = 0; i < r->nfiles; i++) {
		const struct sync_file *f = &r->files[i];
		if (f->state == SYNC_FILE_SKIPPED) {
			cli_say(c->errf, "tsunagu: ", "読み飛ばしました: %s: %s", f->name, f->why);
			continue;
		}
		char *name = text_sanitize(f->name, 0);
		if (f->state == SYNC_FILE_NOTHING)
			fprintf(c->out, "受信: %s: 新しい変更はありません\n", name);
		else
			fprintf(c->out, "受信: %s から変更 %ld 件を取り込みました\n", name, f->sum.changes);
		free(name);
		print_kinds(c, &f->sum);
	}
	if (r->nfiles == 0)
		fputs("受信: ほかのコピーの変更ファイルはまだありません\n", c->out);
}

static void print_sync(struct cli *c, const struct sync_report *r)
{
	print_received(c, r);
	char *own = text_sanitize(r->own_path, 0);
	if (r->own_error)
		cli_say(c->errf, "tsunagu: ", "自分の変更ファイル %s を書けませんでした (%s)。"
			"受信だけ行いました", r->own_path, r->own_error);
	else if (r->own_unchanged)
		fprintf(c->out, "送信: 新しい変更はありません (%s はそのまま)\n", own);
	else if (r->own_created)
		fprintf(c->out, "送信: %s に変更 %ld 件を書きました (新しく作りました)\n", own, r->sent);
	else
		fprintf(c->out, "送信: %s に変更 %ld 件を書きました (前回から %ld 件増)\n", own,
			r->sent, r->sent_new);
	free(own);
	if (r->conflicts)
		fprintf(c->out, "競合 %ld 件: 両方で変更された値です。新しい方を残しました。"
			"tsunagu conflicts で確認できます\n", r->conflicts);
	if (r->received == 0 && r->own_unchanged)
		fputs("同期済みです: やり取りする新しい変更はありませんでした\n", c->out);
}

/* The folder: DIR, else sync_dir of the settings file (new string). */
static char *sync_folder(struct cli *c, const char *arg)
{
	if (arg)
		return xstrdup(arg);
	struct user_config cfg;
	char *dir = NULL;
	config_load(&cfg, NULL);
	if (cfg.sync_dir && *cfg.sync_dir)
		dir = config_expand_home(cfg.sync_dir);
	config_free(&cfg);
	return dir;
}

int cli_cmd_sync(struct cli *c, int argc, char **argv)
{
	const char *arg = NULL;
	for (int i = 1; i < argc; i++) {
		if (argv[i][0] == '-' || arg)
			return cli_usage(c, "sync", "知らないオプションか、余分な引数です");
		arg = argv[i];
	}
	char *dir = sync_folder(c, arg);
	if (!dir) {
		char *conf = config_file_path();
		cli_say(c->errf, "tsunagu: ", "同期フォルダが決まっていません。tsunagu sync フォルダ と"
			"指定するか、設定ファイル %s に sync_dir=フォルダ の行を書いてください", conf);
		free(conf);
		return 2;
	}
	int rc = cli_open(c, false);
	struct sync_report r = {0};
	struct tsu_error err = {0};
	if (rc == 0 && store_sync(c->st, dir, &r, &err) != TSU_OK)
		rc = cli_fail(c, &err);
	else if (rc == 0)
		print_sync(c, &r);
	sync_report_free(&r);
	free(dir);
	return rc;
}
