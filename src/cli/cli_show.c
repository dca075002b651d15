/* `tsunagu show KIND ID`: every field, then the related rows. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "tsunagu/consent.h"
#include "tsunagu/list.h"
#include "tsunagu/record.h"
#include "tsunagu/sanitize.h"

struct section {
	const char *entity, *relation, *heading;
};

static const struct section sections[] = {
	{"area", "counts", "件数"},
	{"area", "districts", "町丁目 (人口・65歳以上・世帯・高齢化率%)"},
	{"area", "staff", "職員"},
	{"area", "tasks", "課題・取組"},
	{"area", "karte", "地域カルテ"},
	{"area", "logs", "経過記録"},
	{"party", "memberships", "役職・所属"},
	{"party", "tasks", "関連する課題"},
	{"party", "logs", "経過記録"},
	{"task", "parties", "関係者"},
	{"task", "logs", "経過記録 (新しい順)"},
	{"event", "attendance", "世代別参加者数"},
};

char *cli_shown_value(struct cli *c, const struct field_def *f, const char *v)
{
	if (!v)
		return NULL;
	if (f->type == FIELD_BOOL)
		return xstrdup(strcmp(v, "1") == 0 ? "はい" : "いいえ");
	if (f->type == FIELD_CHOICE)
		return xstrdup(store_choice_label(c->st, f->ref, v));
	if (f->type == FIELD_REF) {
		struct record *r;
		if (store_get(c->st, f->ref, v, true, &r, NULL) != TSU_OK)
			return xstrdup(v);
		const char *title = record_get(r, r->def->title_field);
		struct sbuf b = {0};
		sbuf_addf(&b, "%s (%s)", title ? title : "", v + strlen(v) - 8);
		record_free(r);
		return sbuf_detach(&b);
	}
	if (f->type == FIELD_DATE) {
		char shown[LOCALTIME_MAX];
		return xstrdup(localtime_date(v, c->date_style, shown, sizeof shown));
	}
	return xstrdup(v);
}

static void print_field(struct cli *c, const char *label, const char *value)
{
	char *safe = text_sanitize(value, 1);
	fprintf(c->out, "%s: ", label);
	for (const char *p = safe; *p; p++) {
		fputc(*p, c->out);
		if (*p == '\n')
			fputs("    ", c->out);
	}
	fputc('\n', c->out);
	free(safe);
}

static int print_related_row(void *ud, int n, const char *const *names, const char *const *vals)
{
	struct cli *c = ud;
	fputs("  ", c->out);
	for (int i = 0, shown = 0; i < n; i++) {
		if (!vals[i] || (strstr(names[i], "_id") && strcmp(names[i], "id") != 0))
			continue;
		bool is_id = strcmp(names[i], "id") == 0 && strlen(vals[i]) == UUID_STR_LEN;
		/* a party's kind in words (個人, 団体), as the screen shows it */
		const char *word = strcmp(names[i], "kind") == 0
			? store_choice_label(c->st, "party_kind", vals[i]) : vals[i];
		char *v = is_id ? xstrdup(vals[i] + UUID_STR_LEN - 8) : text_sanitize(word, 0);
		fprintf(c->out, "%s%s", shown++ ? "  " : "", v);
		free(v);
	}
	fputc('\n', c->out);
	return 0;
}

static int print_record(struct cli *c, const struct record *r)
{
	struct tsu_error err = {0};
	/* the record's keeper sees everything here; contact details that the
	 * consent rule keeps out of lists and exports say so */
	bool withheld = strcmp(r->def->name, "party") == 0 && !consent_record_allowed(r);
	fprintf(c->out, "ID: %s\n", r->id);
	for (int i = 0; i < r->def->nfields; i++) {
		const struct field_def *f = &r->def->fields[i];
		char *v = cli_shown_value(c, f, r->values[i]);
		if (v && withheld && (f->flags & FIELD_CONTACT) && *v) {
			struct sbuf label = {0};
			sbuf_addf(&label, "%s (本人同意なし: 一覧・書き出しには出ません)", f->label);
			print_field(c, label.s, v);
			sbuf_free(&label);
		} else if (v) {
			print_field(c, f->label, v);
		}
		free(v);
	}
	char made[LOCALTIME_MAX], changed[LOCALTIME_MAX];
	fprintf(c->out, "作成: %s %s\n更新: %s %s\n",
		localtime_format(r->created_at, c->date_style, made, sizeof made), r->created_by,
		localtime_format(r->updated_at, c->date_style, changed, sizeof changed),
		r->updated_by);
	for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++) {
		if (strcmp(sections[i].entity, r->def->name) != 0)
			continue;
		fprintf(c->out, "\n■ %s\n", sections[i].heading);
		if (store_related(c->st, r->def->name, r->id, sections[i].relation,
				  print_related_row, c, &err) != TSU_OK)
			return cli_fail(c, &err);
	}
	return 0;
}

int cli_cmd_show(struct cli *c, int argc, char **argv)
{
	const struct entity_def *e = argc > 1 ? entity_find(argv[1]) : NULL;
	struct tsu_error err = {0};
	struct record *r;
	uuid_str id;
	if (!e || argc != 3)
		return cli_usage(c, "show", !e ? "種類が違います" : "ID をひとつ指定してください");
	int rc = cli_open(c, false);
	if (rc)
		return rc;
	if (store_resolve(c->st, e->name, argv[2], id, &err) != TSU_OK ||
	    store_get(c->st, e->name, id, false, &r, &err) != TSU_OK)
		return cli_fail(c, &err);
	rc = print_record(c, r);
	record_free(r);
	return rc;
}
