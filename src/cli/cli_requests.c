/* `list requests [--area A]`: open 地域要望 by department, the oldest
 * asked first, with days waiting (request.h). */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "cli_table.h"
#include "tsunagu/localtime.h"
#include "tsunagu/record.h"
#include "tsunagu/request.h"

static const char *const heads[] = {
	"ID", "部局", "件名", "エリア", "状況", "照会日", "待ち日数",
};

struct req_print {
	struct cli *c;
	struct cli_table table;
};

static bool req_row(void *ud, const struct request_row *r)
{
	struct req_print *p = ud;
	char asked[LOCALTIME_MAX] = "", days[24];
	size_t n = strlen(r->id);
	if (r->asked_on)
		localtime_date(r->asked_on, p->c->date_style, asked, sizeof asked);
	snprintf(days, sizeof days, "%ld", r->days_waiting);
	const char *cells[] = {
		n > 8 ? r->id + n - 8 : r->id, r->department ? r->department : "(部局未定)", r->title,
		r->area, r->state, asked, days,
	};
	cli_table_row(&p->table, cells);
	return false;
}

int cli_cmd_list_requests(struct cli *c, int argc, char **argv)
{
	const char *area_id;
	int json = 0;
	uuid_str id;
	int rc = cli_area_args(c, "list", "list requests で使えるのは --area と --format です", argc,
			       argv, 2, id, &area_id, &json);
	if (rc)
		return rc;
	struct tsu_error err = {0};
	if (json) {
		char *out = NULL;
		return cli_json_out(c, store_requests_json(c->st, area_id, &out, &err), &out, &err);
	}
	struct req_print p = {.c = c};
	cli_table_init(&p.table, 7, heads);
	if (store_requests(c->st, area_id, req_row, &p, &err) != TSU_OK)
		rc = cli_fail(c, &err);
	else if (p.table.nrows)
		cli_table_print(c->out, &p.table);
	else
		fprintf(c->errf, "回答待ちの地域要望はありません\n");
	cli_table_free(&p.table);
	return rc;
}
