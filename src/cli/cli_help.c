/*
 * `tsunagu --help` and `tsunagu COMMAND --help`, in Japanese like every
 * other message of the program (the man page keeps the English reference).
 * The usage lines and descriptions come from the command table (cli.c).
 */
#include <stdio.h>
#include <string.h>
#include "cli.h"

/* The description, each line indented under the usage line. */
static void print_indented(FILE *f, const char *text)
{
	fputs("      ", f);
	for (const char *p = text; *p; p++) {
		fputc(*p, f);
		if (*p == '\n')
			fputs("      ", f);
	}
	fputc('\n', f);
}

static void print_common(FILE *f)
{
	fputs("\nオプション:\n"
	      "  -d ファイル  (--db ファイル) 使うデータベースのファイル (既定: $TSUNAGU_DB、なければ\n"
	      "               ~/.local/share/tsunagu/tsunagu.db)。コマンドの前後どちらにも置けます\n"
	      "  --help       この説明 (tsunagu コマンド --help か tsunagu help コマンド でそのコマンドの説明)\n"
	      "  --version    版を表示します\n"
	      "  --timing ファイル  (計測用) 画面の最初の表示とキーごとの応答時間をファイルに書きます\n\n"
	      "ID は表に出る短い ID (末尾 8 文字)、他と区別できる先頭か末尾の一部、または記録の名前そのもので\n"
	      "指定できます。エリアは名前か、その一部 (諏訪) でも指定できます。同姓同名は「山田 太郎 (b8b59d3f)」\n"
	      "のように名前と短い ID で指定できます。\n"
	      "日付の書き方: 2021-04-01, 2021/4/1, 令和3年4月1日, R3.4.1\n"
	      "時刻は地域の時刻 (TZ) で表示します。設定 date_style=wareki で和暦になります。\n"
	      "終了コード: 0 成功、1 入力の誤り、2 使い方の誤り、3 データベースの問題\n"
	      "詳しくは man tsunagu (英語) をご覧ください。\n", f);
}

void cli_print_help(FILE *f, const char *cmd)
{
	const struct cli_command *one = NULL;
	for (const struct cli_command *c = cli_commands; cmd && c->name; c++)
		if (strcmp(c->name, cmd) == 0)
			one = c;
	if (one) {
		fprintf(f, "使い方: tsunagu %s\n", one->usage);
		print_indented(f, one->help);
		print_common(f);
		return;
	}
	fputs("つなぐ (tsunagu) — 地域の関係者・団体と課題・取組の記録\n\n"
	      "使い方:\n  tsunagu [-d ファイル]\n", f);
	print_indented(f, "画面で使います (全画面のアプリ)。");
	fputs("  tsunagu --demo [-d ファイル]\n", f);
	print_indented(f, "架空のデータ入りのデモで画面を開きます (~/.local/share/tsunagu/demo.db)。\n"
			  "初めてのときは名前を聞いてから作り、課題の一部をあなたの担当にします。");
	for (const struct cli_command *c = cli_commands; c->name; c++) {
		fprintf(f, "  tsunagu %s\n", c->usage);
		print_indented(f, c->help);
	}
	fputs("  tsunagu --help | --version\n", f);
	print_common(f);
}

int cli_cmd_help(struct cli *c, int argc, char **argv)
{
	if (argc > 2)
		return cli_usage(c, "help", "コマンドはひとつだけ指定してください");
	const struct cli_command *k = cli_commands;
	while (argc == 2 && k->name && strcmp(k->name, argv[1]) != 0)
		k++;
	if (argc == 2 && !k->name) {
		cli_say(c->errf, "tsunagu: ", "「%s」というコマンドはありません (tsunagu help)", argv[1]);
		return 2;
	}
	cli_print_help(c->out, argc == 2 ? argv[1] : NULL);
	return 0;
}
