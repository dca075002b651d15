/* `tsunagu report KIND [--area A] [--task ID | --party ID] [--from DATE]
 *  [--to DATE] [-o FILE] [--encoding utf-8|cp932] [--force]` */
#include <stdio.h>
#include <string.h>
#include "cli.h"
#include "tsunagu/date.h"
#include "tsunagu/record.h"
#include "tsunagu/report.h"
#include "tsunagu/sbuf.h"

struct report_args {
	const char *kind, *out, *area, *task, *party, *from, *to;
	struct report_options opt;
};

/* Parses argv; returns 0 or the usage error's exit code. */
static int parse(struct cli *c, int argc, char **argv, struct report_args *a)
{
	bool missing = false;
	const char *v;

	for (int i = 1; i < argc; i++) {
		if ((v = cli_opt(argc, argv, &i, "--encoding", &missing))) {
			if (!io_encoding_parse(v, &a->opt.encoding) || a->opt.encoding == IO_ENC_AUTO)
				return cli_usage(c, "report", "--encoding は utf-8 / cp932 です");
		} else if (!missing && (v = cli_opt(argc, argv, &i, "--area", &missing))) {
			a->area = v;
		} else if (!missing && (v = cli_opt(argc, argv, &i, "--task", &missing))) {
			a->task = v;
		} else if (!missing && (v = cli_opt(argc, argv, &i, "--party", &missing))) {
			a->party = v;
		} else if (!missing && (v = cli_opt(argc, argv, &i, "--from", &missing))) {
			a->from = v;
		} else if (!missing && (v = cli_opt(argc, argv, &i, "--to", &missing))) {
			a->to = v;
		} else if (!missing && ((v = cli_opt(argc, argv, &i, "-o", &missing)) ||
					(!missing && (v = cli_opt(argc, argv, &i, "--output", &missing))))) {
			a->out = v;
		} else if (!missing && strcmp(argv[i], "--force") == 0) {
			a->opt.force = true;
		} else if (missing) {
			return cli_usage(c, "report", "オプションに値がありません");
		} else if (argv[i][0] == '-' && argv[i][1]) {
			return cli_usage(c, "report", "知らないオプションです");
		} else if (!a->kind) {
			a->kind = argv[i];
		} else {
			return cli_usage(c, "report", "引数が多すぎます");
		}
	}
	if (!a->kind)
		return cli_usage(c, "report", "レポートの種類を指定してください");
	if (a->task && a->party)
		return cli_usage(c, "report", "--task と --party はどちらか一つです");
	return 0;
}

/*
 * An option the report of kind k would leave unused is refused, so that
 * nobody files a karte believing it covers a period (REPORT_USES_* of
 * report.c); the 支援経過記録 of a task or party also takes a period.
 */
static int unused_option(struct cli *c, const struct report_args *a, const struct report_kind *k)
{
	const char *opt = NULL;
	if ((a->task || a->party) && !(k->uses & REPORT_USES_TASK))
		opt = a->task ? "--task" : "--party";
	else if (a->area && !(k->uses & (REPORT_USES_AREA | REPORT_AREA_SUBJECT)))
		opt = "--area";
	else if (a->area && (a->task || a->party) && !(k->uses & REPORT_USES_AREA))
		opt = "--area";
	else if ((a->from || a->to) && !(k->uses & (REPORT_USES_PERIOD | REPORT_USES_TASK)))
		opt = a->from ? "--from" : "--to";
	if (!opt)
		return 0;
	char why[160];
	snprintf(why, sizeof why, "%s (%s) には %s は使えません", k->kind, k->title, opt);
	return cli_usage(c, "report", why);
}

/* Resolves the references and dates the user typed. */
static int resolve(struct cli *c, struct report_args *a, uuid_str area, uuid_str task,
		   uuid_str party, char from[DATE_ISO_LEN + 1], char to[DATE_ISO_LEN + 1])
{
	struct tsu_error err = {0};

	if (a->area && store_resolve(c->st, "area", a->area, area, &err) != TSU_OK)
		return cli_fail(c, &err);
	if (a->task && store_resolve(c->st, "task", a->task, task, &err) != TSU_OK)
		return cli_fail(c, &err);
	if (a->party && store_resolve(c->st, "party", a->party, party, &err) != TSU_OK)
		return cli_fail(c, &err);
	if (a->from && date_parse(a->from, from, &err) != TSU_OK)
		return cli_error(c, TSU_USAGE, "--from: %s", err.msg);
	if (a->to && date_parse(a->to, to, &err) != TSU_OK)
		return cli_error(c, TSU_USAGE, "--to: %s", err.msg);
	a->opt.area_id = a->area ? area : NULL;
	a->opt.task_id = a->task ? task : NULL;
	a->opt.party_id = a->party ? party : NULL;
	a->opt.from = a->from ? from : NULL;
	a->opt.to = a->to ? to : NULL;
	if (a->opt.from && a->opt.to && strcmp(a->opt.from, a->opt.to) > 0)
		return cli_error(c, TSU_USAGE, "期間の始め (--from %s) が終わり (--to %s) より後です",
				 a->opt.from, a->opt.to);
	return 0;
}

int cli_cmd_report(struct cli *c, int argc, char **argv)
{
	struct report_args a = {.opt = {.encoding = IO_ENC_UTF8}};
	struct tsu_error err = {0};
	struct report_kind k;
	enum report_format f;
	uuid_str area, task, party;
	char from[DATE_ISO_LEN + 1], to[DATE_ISO_LEN + 1];
	int rc = parse(c, argc, argv, &a);

	if (rc)
		return rc;
	if (!report_kind_find(a.kind, &k)) {
		struct sbuf why = {0};
		sbuf_add(&why, "レポートの種類は ");
		for (size_t i = 0; report_kind_at(i, &k); i++)
			sbuf_addf(&why, "%s%s (%s)", i ? "、" : "", k.kind, k.title);
		sbuf_add(&why, " です");
		rc = cli_usage(c, "report", why.s);
		sbuf_free(&why);
		return rc;
	}
	if ((rc = unused_option(c, &a, &k)) != 0)
		return rc;
	if (a.out && strcmp(a.out, "-") != 0 && report_format_of(a.out, &f, &err) != TSU_OK)
		return cli_fail(c, &err);
	if ((rc = cli_open(c, false)) != 0)
		return rc;
	if ((rc = resolve(c, &a, area, task, party, from, to)) != 0)
		return rc;
	a.opt.date_style = c->date_style;
	fflush(c->out);
	if (report_write(c->st, a.kind, a.out, &a.opt, &err) != TSU_OK)
		return cli_fail(c, &err);
	if (a.out && strcmp(a.out, "-") != 0)
		cli_say(c->out, "", "%s を書き出しました: %s", k.title, a.out);
	return 0;
}
