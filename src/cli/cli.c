/* Global options, the subcommand table and the helpers every verb shares. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "tsunagu/cli.h"
#include "tsunagu/config.h"
#include "tsunagu/sanitize.h"
#include "tsunagu/store_verify.h"

#ifndef TSUNAGU_VERSION
#define TSUNAGU_VERSION "0.0.0"
#endif

const struct cli_command cli_commands[] = {
	{"init", cli_cmd_init, false, "init [--demo [--scale N | --city]]", false,
	 "新しいファイルを作ります (10 エリア入り)。\n"
	 "--demo で架空の見本データを入れます (--scale N で N 倍、--city で市の規模: 関係者・課題 10 万件、経過記録 100 万件)。"},
	{"list", cli_cmd_list, false, "list areas|parties|tasks|events|mine|staff|surveys [--area A] [--status S] [--search Q] [--assignee NAME] [--limit N] [--offset N] [--format table|tsv|csv|json] | list requests [--area A] [--format table|json]", false,
	 "一覧を表示します: エリア・関係者・課題・行事・私の担当・職員・アンケート (ヒアリング)。\n"
	 "requests は回答待ちの地域要望 (地域へ報告済でないもの) を部局別に、照会の古い順に\n"
	 "待ち日数とともに表示します (--area と --format table|json だけ)。\n"
	 "--area でエリアを絞り込みます。--status (状態) は tasks と mine、--assignee (担当者) は tasks、\n"
	 "--search (語句) はどの一覧でも使えます (幅・かな・異体字の違いは区別しません)。\n"
	 "--format は表 (table、既定)・tsv・csv・json。時刻は表では地域の時刻、\n"
	 "機械向けの形式 (json・tsv・csv) では ISO 8601 (UTC) です。"},
	{"show", cli_cmd_show, false, "show KIND ID", false,
	 "ひとつの記録のすべての項目と、関係する記録 (経過記録など) を表示します。\n"
	 "KIND は area・party・task・event・log・membership・staff など、記録の種類のどれでも。"},
	{"add", cli_cmd_add, false, "add KIND --FIELD VALUE ...", true,
	 "記録を追加し、その ID を表示します。例: tsunagu add party --name 山田花子 --kind person\n"
	 "KIND: area district staff party membership task log event attendance survey\n"
	 "karte facility department matrix。知らない項目を指定すると、その種類の項目を示します。"},
	{"edit", cli_cmd_edit, false, "edit KIND ID --FIELD VALUE ...", true,
	 "記録の項目を書き換えます。変更は履歴に残ります。\n"
	 "できること・エリアなどの集まりは、全部に + か - を付けると一つずつ加え・外します\n"
	 "(--offers \"+配食,-送迎\")。付けなければ並べたものに置き換えます。\n"
	 "地域要望の課題は --status 受付|部局照会中|回答済|地域へ報告済 で要望の状況を進めます:\n"
	 "ボードの状態も合わせ (未着手・保留・対応中・完了)、照会日・回答日が空なら今日にします。\n"
	 "回答済と地域へ報告済には部局の回答 (--answer 文) が要り、地域へ報告済ではエリアの\n"
	 "経過記録 (会議) に部局と回答を記録します。"},
	{"delete", cli_cmd_delete, false, "delete KIND ID", true,
	 "記録を削除します (履歴には残り、他のコピーにも伝わります)。"},
	{"history", cli_cmd_history, false, "history KIND ID", false,
	 "記録の変更履歴を表示します: いつ (地域の時刻)・誰が・どの項目を・前 → 後。"},
	{"import", cli_cmd_import, true, "import parties|tasks|events|districts|facilities|vcard|ical FILE [--encoding auto|utf-8|cp932] [--dry-run|-n] [--strict]", true,
	 "ファイルから取り込みます。CSV の見出しは日本語の項目名 (名称・氏名 など) でも\n"
	 "項目の英字名 (name など) でも構いません。文字コードは自動判別 (UTF-8 / CP932)。\n"
	 "Excel のブック (.xlsx・.xls) はそのまま読めます (最初のシート)。id のない行は、\n"
	 "同じ関係者 (名前と電話かメール)・行事 (名称・日付・開始)・課題 (件名・エリア) を更新します。\n"
	 "使えない行・名刺・予定は 行番号と理由を示して読み飛ばし、残りを取り込みます\n"
	 "(--strict ならファイル全体を取り込みません)。\n"
	 "--dry-run (-n) は何も変えずに結果だけを表示します。"},
	{"export", cli_cmd_export, true, "export parties|tasks|events|vcard|ical|karte|matrix [--area A] [-o FILE [--force]] [--encoding utf-8|cp932] [--headings label|field]", true,
	 "書き出します (-o がなければ画面へ)。CSV の見出しは日本語の項目名です\n"
	 "(--headings field で英字の項目名)。--encoding cp932 は古い Excel 向け。\n"
	 "既にあるファイルは --force のときだけ置き換えます。"},
	{"report", cli_cmd_report, false, "report KIND [--area A] [--task ID | --party ID] [--from DATE] [--to DATE] [-o FILE] [--encoding utf-8|cp932] [--force]", true,
	 "報告・会議用のレポートを作ります。FILE の末尾で形式が決まります: .html は印刷用\n"
	 "(A4、ブラウザで開いて印刷)、.csv は Excel 用 (UTF-8 BOM 付き、--encoding cp932 も可)、\n"
	 ".md は Markdown。-o がなければ Markdown を画面へ出します。既にあるファイルは --force\n"
	 "のときだけ置き換えます。連絡先は本人同意のある人のものだけを載せ、末尾に作成者と作成日時を入れます。\n"
	 "  karte  地域カルテ (--area、なければ全エリアを1エリア1ページで): 基礎データ (町丁目・人口・高齢化率・合計)、\n"
	 "         地域資源、拠点・施設、課題、地域ビジョン、地域計画、キーグループとキーパーソン (役職のみ、連絡先なし)、\n"
	 "         未完了の課題 (支援区分 A〜F 別)、最近の行事 (世代別参加者数)\n"
	 "  log    支援経過記録 (--task ID か --party ID、エリアの会議などは --area): 見出し (ケース、エリア、種別、担当者、関係者) と\n"
	 "         すべての経過を日付順に、種別・記録者・全文で (--from/--to で期間を絞れます)\n"
	 "  cases     支援ケース一覧 (--area、--from/--to): 種別・状態・エリア・担当者・開始日・最終連絡日・\n"
	 "            経過日数・次の期限。期間中に始まったか経過記録のあるケースと、未完了のケース\n"
	 "  activity  活動報告 (--from/--to、例 令和7年度は --from 2025-04-01 --to 2026-03-31): 種別・支援区分・柱・\n"
	 "            エリア・きっかけ・つなぎ先別の課題件数、記録種別別の経過記録件数。CSV は集計ごとに1表\n"
	 "  handover  引継ぎ (--area、なければ全エリアを1エリア1ページで): 未完了の課題と最新の経過、キーパーソンの\n"
	 "            現在の役職 (任期が90日以内に終わるものに印)、対応待ちの地域要望と待ち日数、今後の行事、カルテの課題"},
	{"snapshot", cli_cmd_snapshot, false, "snapshot OUT.db", true,
	 "使用中でも、データベースの完全なコピーを作ります。"},
	{"merge", cli_cmd_merge, false, "merge OTHER.db [--dry-run]", true,
	 "別のコピー (ノートパソコンのファイルなど) の変更を取り込みます。OTHER.db は変えません。"},
	{"conflicts", cli_cmd_conflicts, false, "conflicts [--format table|json] | conflicts keep|take ID | conflicts --all", true,
	 "マージで残らなかった値 (競合) を表示します。keep で今の値を残し、\n"
	 "take でもう一方の値にし、--all ですべて確認済みにします。"},
	{"sync", cli_cmd_sync, false, "sync [DIR]", true,
	 "共有フォルダ (ファイルサーバ・Nextcloud・Syncthing・USB メモリ) を通して、\n"
	 "ほかのコピーと変更をやり取りします。自分の変更ファイル (複製ID.tsunagu-changes) を\n"
	 "書き、ほかのコピーの変更ファイルを取り込みます。DIR を省くと設定 sync_dir のフォルダ。"},
	{"deleted", cli_cmd_deleted, false, "deleted [KIND] [--format table|json]", false,
	 "削除された記録を新しい順に表示します: いつ・種類・ID・名前・誰が・一緒に外れたつながり。\n"
	 "KIND (party・task・membership・event など) でその種類だけにします。"},
	{"restore", cli_cmd_restore, false, "restore KIND ID", true,
	 "削除された記録を、削除のときに一緒に外れた所属・課題とのつながり・エリアとともに\n"
	 "元に戻します。ID は tsunagu deleted に出る短い ID か名前でも指定できます。"},
	{"undo", cli_cmd_undo, false, "undo [--list] [--yes]", true,
	 "このファイルで自分が最後に行った操作 (保存・カードの移動・つなぐ・削除・取り込み) を\n"
	 "取り消します。繰り返すとさらに前へ戻ります。後から他の人が変えた項目はそのままにし、\n"
	 "その旨を表示します。--list で取り消せる操作を新しい順に表示します。"},
	{"redo", cli_cmd_undo, false, "redo", true,
	 "最後に取り消した操作をやり直します (取り消しの後に別の変更をすると、やり直せなくなります)。"},
	{"duplicates", cli_cmd_duplicates, false, "duplicates [--format table|json]", false,
	 "重複の疑いのある関係者を二人 (二団体) ずつ、理由と一緒に表示します:\n"
	 "電話・メールが同じ (◎)、氏名とよみ・氏名と住所が同じ (○)。全角半角・空白・かな・\n"
	 "異体字 (髙と高など) の違いは同じとみなします。"},
	{"fold-party", cli_cmd_fold_party, false, "fold-party KEEP OTHER", true,
	 "関係者 OTHER を KEEP にまとめます: KEEP の空いた項目を OTHER の値で埋め、\n"
	 "所属・課題の関係者・経過記録などを KEEP に付け替え、OTHER を削除済みにします。"},
	{"suggest", cli_cmd_suggest, false, "suggest TASK | suggest --party PARTY [--limit N] [--format table|json]", false,
	 "課題のニーズに合うできることを持つ関係者を、よく合う順に表示します: 合うニーズの数、\n"
	 "課題と同じエリアの人、兼務 (いまの役職の数) の少ない人が先、もうつないだ人は最後 (つながり 済)。\n"
	 "ニーズとできることは検索と同じく全角半角・かな・大小文字・異体字を区別せず、\n"
	 "どちらかがもう一方を含めば合うとみなします (見守り は 見守り活動 に合う)。\n"
	 "よく使う語は読みでも比べます (見守り は みまもり・ﾐﾏﾓﾘ に合う。data/offer_readings.tsv)。\n"
	 "--party PARTY はその関係者のできることに合うニーズの未完了の課題を表示します。"},
	{"load", cli_cmd_load, false, "load [--area A] [--format table|json]", false,
	 "人 (個人) を、いまの役職の数 (兼務) の多い順に表示します。役職は「団体名: 役職」で並べ、\n"
	 "任期が90日以内に終わる役職には ⚠ と「任期 日付 まで」を付けます (★ はキーパーソン)。\n"
	 "いまの役職は、終了日がないか今日以降のものです。--area でそのエリアの人だけにします。"},
	{"matrix", cli_cmd_matrix, true, "matrix [--area A] [--format table|json|csv] [--encoding utf-8|cp932]", false,
	 "一覧表 (カテゴリー×庁内部局) を表示します。各欄は区分ごとの件数 (取 取組中・検 検討中・\n"
	 "既 既往データ・課 課題・意 意見・考え方)。取組中が2部局以上のカテゴリーに「◆重複?」、\n"
	 "どの部局にもないカテゴリーに「◇空白」を付けます。--area でそのエリアと全市共通の記入だけに\n"
	 "します。--format csv は Excel 用 (UTF-8 BOM 付き・CRLF、部局ごとに記入の内容を並べ、\n"
	 "重複の可能性・空白の列付き)。ファイルにするには tsunagu export matrix -o FILE.csv。"},
	{"check", cli_cmd_check, false, "check", false,
	 "ファイルの整合性を調べます。"},
	{"karte", cli_cmd_karte, false, "karte AREA [--format table|json]", false,
	 "エリアの地域カルテを表示します: 基礎データ (町丁目から計算した人口・65歳以上・\n"
	 "高齢化率・世帯数・基準日、プラットフォームの型、将来推計)、地域資源、拠点・施設、\n"
	 "課題、地域ビジョン、地域計画 (項目は並び順のとおり)。"},
	{"heatmap", cli_cmd_heatmap, false, "heatmap [--area A] [--sort rate|district] [--format table|json]", false,
	 "町丁目ごとの高齢化率 (65歳以上 / 人口) を棒 (█) と数字で表示します。│ は市平均の位置です。\n"
	 "--area がなければ全エリアをエリアごとに、--sort rate で率の高い順に並べます。\n"
	 "人口のない町丁目は「－」です。"},
	{"generations", cli_cmd_generations, false, "generations [--area A] [--from DATE --to DATE] [--format table|json]", false,
	 "行事の世代別参加者数 (子ども・若者・現役・子育て・シニア) を期間で集計し、割合と、\n"
	 "同じ長さの前の期間からの増減 (人数、割合はポイント) を表示します。\n"
	 "期間を省くと今年度 (4月〜3月)。--area でエリア、なければ全エリアの合計です。"},
	{"coverage", cli_cmd_coverage, false, "coverage [--format table|json]", false,
	 "エリアごとのエリアサポーター (市の職員) と地域福祉コーディネーター (社協の職員) を表示し、\n"
	 "どちらかがいないエリアに「エリアサポーター未配置」「コーディネーター未配置」と示します。\n"
	 "コーディネーターごとに担当エリア (二つならその両方)、組む相手、同じエリアのエリアサポーターも出します。"},
	{"help", cli_cmd_help, false, "help [COMMAND]", false,
	 "この説明を表示します (tsunagu --help と同じ)。COMMAND を付けると、そのコマンドの説明だけ。"},
	{NULL, NULL, false, NULL, false, NULL},
};

int cli_globals_parse(int *argc, char **argv, struct cli_globals *g)
{
	int out = 1;
	for (int i = 1; i < *argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "-d") == 0 || strcmp(a, "--db") == 0) {
			if (i + 1 >= *argc) {
				fputs("tsunagu: -d にはファイル名が必要です\n", stderr);
				return 2;
			}
			free(g->db_path);
			g->db_path = xstrdup(argv[++i]);
			g->db_given = true;
		} else if (strncmp(a, "--db=", 5) == 0) {
			free(g->db_path);
			g->db_path = xstrdup(a + 5);
			g->db_given = true;
		} else if (strcmp(a, "--timing") == 0) {
			if (i + 1 >= *argc) {
				fputs("tsunagu: --timing にはファイル名が必要です\n", stderr);
				return 2;
			}
			free(g->timing_path);
			g->timing_path = xstrdup(argv[++i]);
		} else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			/* "tsunagu export --help": the help of that command */
			cli_print_help(stdout, out > 1 ? argv[1] : NULL);
			return 0;
		} else if (strcmp(a, "--version") == 0 || strcmp(a, "-V") == 0) {
			printf("tsunagu %s\n", TSUNAGU_VERSION);
			return 0;
		} else {
			argv[out++] = argv[i];
		}
	}
	*argc = out;
	argv[out] = NULL;
	if (!g->db_path)
		g->db_path = config_default_db_path();
	struct user_config cfg;
	struct tsu_error cerr = {0};
	if (config_load(&cfg, &cerr) != TSU_OK)
		g->config_warning = xstrdup(cerr.msg);
	const char *author = config_author(&cfg);
	g->author = author ? xstrdup(author) : NULL;
	g->date_style = cfg.date_style;
	config_free(&cfg);
	return -1;
}

void cli_globals_free(struct cli_globals *g)
{
	free(g->db_path);
	free(g->timing_path);
	free(g->author);
	free(g->config_warning);
	g->db_path = g->author = g->config_warning = NULL;
}

int cli_run(const struct cli_globals *g, int argc, char **argv)
{
	if (g->config_warning)
		cli_say(stderr, "tsunagu: ", "%s", g->config_warning);
	struct cli c = {.db_path = g->db_path, .out = stdout, .errf = stderr,
			.date_style = g->date_style,
			.author = g->author ? g->author : config_login_name()};
	const struct cli_command *cmd = cli_commands;
	while (cmd->name && strcmp(cmd->name, argv[0]) != 0)
		cmd++;
	if (!cmd->name) {
		cli_say(stderr, "tsunagu: ", "「%s」というコマンドはありません (tsunagu --help)", argv[0]);
		return 2;
	}
	c.verify = cmd->writes;
	int rc = cmd->needs_db ? cli_open(&c, false) : 0;
	if (rc == 0)
		rc = cmd->run(&c, argc, argv);
	if (fflush(stdout) != 0 && rc == 0)
		rc = cli_error(&c, TSU_IO, "出力を書けません");
	store_close(c.st);
	return rc;
}

/* An older file is upgraded as it opens (seconds, up to a minute on a
 * city's file): said first on a terminal, so that no one takes the wait
 * for a hang.  Into a pipe nothing is said: a script reads only what it
 * asked for. */
static void say_upgrade(struct cli *c)
{
	int v = isatty(fileno(c->errf)) ? store_upgrade_pending(c->db_path) : 0;
	if (v)
		cli_say(c->errf, "tsunagu: ", "%s を新しい版 (%d → %d) に更新しています。元のファイルは %s.bak-v%d"
			" に残します。大きなファイルでは 1 分ほどかかります…", c->db_path, v,
			store_schema_version(), c->db_path, v);
}

int cli_open(struct cli *c, bool create)
{
	struct tsu_error err = {0};
	say_upgrade(c);
	if (store_open(c->db_path, create ? STORE_OPEN_CREATE : STORE_OPEN_EXISTING,
		       &c->st, &err) != TSU_OK)
		return cli_fail(c, &err);
	if (err.status != TSU_OK) /* opened read-only: say why, go on */
		cli_say(c->errf, "tsunagu: ", "%s", err.msg);
	if (c->verify && store_verify(c->st, &err) != TSU_OK)
		return cli_fail(c, &err);
	store_set_author(c->st, c->author);
	return 0;
}

int cli_fail(struct cli *c, const struct tsu_error *err)
{
	cli_say(c->errf, "tsunagu: ", "%s", err->msg[0] ? err->msg : tsu_status_message(err->status));
	return tsu_status_exit_code(err->status);
}

void cli_say(FILE *f, const char *prefix, const char *fmt, ...)
{
	char line[TSU_ERROR_MSG_MAX * 2];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	char *clean = text_sanitize(line, 0);
	fprintf(f, "%s%s\n", prefix, clean);
	free(clean);
}

int cli_error(struct cli *c, enum tsu_status st, const char *fmt, ...)
{
	struct tsu_error err;
	va_list ap;
	va_start(ap, fmt);
	tsu_vfail(&err, st, fmt, ap);
	va_end(ap);
	return cli_fail(c, &err);
}

int cli_usage(struct cli *c, const char *cmd, const char *why)
{
	for (const struct cli_command *k = cli_commands; k->name; k++)
		if (strcmp(k->name, cmd) == 0)
			fprintf(c->errf, "tsunagu: %s\n使い方: tsunagu %s\n", why, k->usage);
	return 2;
}

const char *cli_opt(int argc, char **argv, int *i, const char *name, bool *missing)
{
	const char *a = argv[*i];
	size_t n = strlen(name);
	*missing = false;
	if (strncmp(a, name, n) != 0)
		return NULL;
	if (a[n] == '=')
		return a + n + 1;
	if (a[n] != '\0')
		return NULL;
	if (*i + 1 >= argc) {
		*missing = true;
		return NULL;
	}
	return argv[++*i];
}
