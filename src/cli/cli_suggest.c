/* `suggest TASK` and `suggest --party PARTY`: who could help with a task,
 * and which open tasks a party could help with (match.h). */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "cli_table.h"
#include "tsunagu/match.h"
#include "tsunagu/record.h"
#include "tsunagu/sbuf.h"

static const char *short_id(const char *id)
{
	size_t n = id ? strlen(id) : 0;
	return n > 8 ? id + n - 8 : (id ? id : "");
}

/* "会計(永山商店会) 他1": the first current role and how many more. */
static char *first_role(const char *roles, long load)
{
	struct sbuf b = {0};
	if (roles && *roles) {
		const char *sep = strstr(roles, "、");
		sbuf_addf(&b, "%.*s", (int)(sep ? (size_t)(sep - roles) : strlen(roles)), roles);
		if (load > 1)
			sbuf_addf(&b, " 他%ld", load - 1);
	}
	char *s = sbuf_detach(&b);
	return s ? s : xstrdup("");
}

static const char *const party_heads[] = {
	"ID", "名称・氏名", "よみ", "区分", "エリア", "役職", "兼務", "合うできること", "合うニーズ数",
	"同エリア", "つながり",
};

static bool party_row(void *ud, const struct match_party *m)
{
	char load[24], needs[24];
	char *role = first_role(m->roles, m->load);
	snprintf(load, sizeof load, "%ld", m->load);
	snprintf(needs, sizeof needs, "%ld", m->needs);
	const char *cells[] = {
		short_id(m->id), m->name, m->kana, m->kind, m->areas, role, load, m->matched, needs,
		m->same_area ? "○" : "", m->linked ? "済" : "",
	};
	cli_table_row(ud, cells);
	free(role);
	return false;
}

static const char *const task_heads[] = {
	"ID", "件名", "状態", "種別", "エリア", "期限", "合うニーズ", "同エリア", "つながり",
};

static bool task_row(void *ud, const struct match_task *m)
{
	const char *cells[] = {
		short_id(m->id), m->title, m->status, m->kind, m->area, m->due, m->matched,
		m->same_area ? "○" : "", m->linked ? "済" : "",
	};
	cli_table_row(ud, cells);
	return false;
}

static int suggest_output(struct cli *c, bool party, const char *id, long limit, int json)
{
	struct tsu_error err = {0};
	if (json) {
		char *out;
		if (store_suggest_json(c->st, party, id, limit, &out, &err) != TSU_OK)
			return cli_fail(c, &err);
		cli_json_put(c->out, out);
		free(out);
		return 0;
	}
	struct cli_table t;
	enum tsu_status rc;
	if (party) {
		cli_table_init(&t, 9, task_heads);
		rc = store_suggest_tasks(c->st, id, limit, task_row, &t, &err);
	} else {
		cli_table_init(&t, 11, party_heads);
		rc = store_suggest_parties(c->st, id, limit, party_row, &t, &err);
	}
	int exit = 0;
	if (rc != TSU_OK)
		exit = cli_fail(c, &err);
	else if (!t.nrows) /* an empty list, as list prints one: not an error */
		fprintf(c->errf, "%s\n", party ? "できることに合うニーズの未完了の課題はありません"
			: "ニーズに合うできることを持つ関係者はいません");
	else
		cli_table_print(c->out, &t);
	cli_table_free(&t);
	return exit;
}

/* The task (or party) and whether it has needs (offers) to match. */
static int suggest_target(struct cli *c, bool party, const char *ref, uuid_str id)
{
	struct tsu_error err = {0};
	struct record *r = NULL;
	if (store_resolve(c->st, party ? "party" : "task", ref, id, &err) != TSU_OK ||
	    store_get(c->st, party ? "party" : "task", id, false, &r, &err) != TSU_OK)
		return cli_fail(c, &err);
	const char *tags = record_get(r, party ? "offers" : "needs");
	bool none = !tags || !*tags;
	record_free(r);
	if (none)
		return cli_error(c, TSU_NOT_FOUND, party
				 ? "この関係者にはできることが入っていません (--offers で入れられます)"
				 : "この課題にはニーズが入っていません (--needs で入れられます)");
	return 0;
}

int cli_cmd_suggest(struct cli *c, int argc, char **argv)
{
	const char *ref = NULL, *party_ref = NULL, *v;
	int json = 0;
	long limit = 0;
	bool missing;
	for (int i = 1; i < argc; i++) {
		int f = cli_area_opt(c, "suggest", argc, argv, &i, NULL, &json);
		if (f < 0)
			return -f;
		if (f > 0)
			continue;
		if ((v = cli_opt(argc, argv, &i, "--party", &missing)) || missing) {
			if (!v)
				return cli_usage(c, "suggest", "--party には関係者の ID か名前が必要です");
			party_ref = v;
		} else if ((v = cli_opt(argc, argv, &i, "--limit", &missing)) || missing) {
			char *end;
			limit = v ? strtol(v, &end, 10) : -1;
			if (!v || *end || limit < 1)
				return cli_usage(c, "suggest", "--limit は 1 以上の整数です");
		} else if (argv[i][0] != '-' && !ref) {
			ref = argv[i];
		} else {
			return cli_usage(c, "suggest", "知らないオプションか、余分な引数です");
		}
	}
	if (!ref == !party_ref)
		return cli_usage(c, "suggest", "課題 (TASK) か --party のどちらか一つを指定してください");
	int rc = cli_open(c, false);
	if (rc)
		return rc;
	uuid_str id;
	rc = suggest_target(c, party_ref != NULL, party_ref ? party_ref : ref, id);
	return rc ? rc : suggest_output(c, party_ref != NULL, id, limit, json);
}
