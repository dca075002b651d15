/* `load [--area A]`: persons by current roles (兼務), roles listed, terms
 * ending within 90 days marked (keyload.h). */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "cli_table.h"
#include "tsunagu/keyload.h"
#include "tsunagu/record.h"
#include "tsunagu/localtime.h"
#include "tsunagu/report_data.h"
#include "tsunagu/sbuf.h"

/* marks a term ending soon in monochrome too */
#define LOAD_SOON_MARK "⚠"

static const char *const heads[] = {"氏名", "よみ", "エリア", "兼務", "役職 (団体名: 役職)"};

struct load_print {
	struct cli *c;
	struct cli_table table;
	char person[64];           /* the person whose roles are being joined */
	char *name, *kana, *areas;
	char load[24];
	struct sbuf roles;
	long soon;
};

static void flush_person(struct load_print *p)
{
	if (!p->person[0])
		return;
	const char *cells[] = {p->name, p->kana, p->areas, p->load, p->roles.s ? p->roles.s : ""};
	cli_table_row(&p->table, cells);
	free(p->name);
	free(p->kana);
	free(p->areas);
	p->name = p->kana = p->areas = NULL;
	sbuf_free(&p->roles);
	p->person[0] = '\0';
}

static bool load_row(void *ud, const struct keyload_role *r)
{
	struct load_print *p = ud;
	if (strcmp(p->person, r->person_id) != 0) {
		flush_person(p);
		snprintf(p->person, sizeof p->person, "%s", r->person_id);
		struct sbuf n = {0};
		sbuf_addf(&n, "%s%s", r->name ? r->name : "", r->key_person ? " ★" : "");
		p->name = sbuf_detach(&n);
		p->kana = xstrdup(r->kana ? r->kana : "");
		p->areas = xstrdup(r->areas ? r->areas : "");
		snprintf(p->load, sizeof p->load, "%ld", r->load);
	}
	if (!r->org)
		return false;
	if (p->roles.len)
		sbuf_add(&p->roles, "、");
	sbuf_addf(&p->roles, "%s: %s", r->org, r->role && *r->role ? r->role : "(役職なし)");
	if (r->ending_soon) {
		char shown[LOCALTIME_MAX];
		sbuf_addf(&p->roles, " " LOAD_SOON_MARK "任期 %s まで",
			  localtime_date(r->to, p->c->date_style, shown, sizeof shown));
		p->soon++;
	}
	return false;
}

int cli_cmd_load(struct cli *c, int argc, char **argv)
{
	const char *area_id;
	int json = 0;
	uuid_str id;
	int rc = cli_area_args(c, "load", "知らないオプションか、余分な引数です", argc, argv, 1, id,
			       &area_id, &json);
	if (rc)
		return rc;
	struct tsu_error err = {0};
	if (json) {
		char *out = NULL;
		return cli_json_out(c, store_keyload_json(c->st, area_id, &out, &err), &out, &err);
	}
	struct load_print p = {.c = c};
	cli_table_init(&p.table, 5, heads);
	if (store_keyload(c->st, area_id, load_row, &p, &err) != TSU_OK)
		rc = cli_fail(c, &err);
	flush_person(&p);
	if (rc == 0 && p.table.nrows) {
		cli_table_print(c->out, &p.table);
		fprintf(c->errf, "%zu 人 (★ キーパーソン、" LOAD_SOON_MARK " 任期が%d日以内に終わる役職 %ld 件)\n",
			p.table.nrows, REPORT_TERM_SOON_DAYS, p.soon);
	} else if (rc == 0) {
		fprintf(c->errf, "いまの役職のある人はいません\n");
	}
	cli_table_free(&p.table);
	return rc;
}
