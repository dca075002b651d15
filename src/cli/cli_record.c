/* `add`, `edit`, `delete`, `history`: field flags map onto entity fields. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "tsunagu/record.h"
#include "tsunagu/request.h"
#include "tsunagu/restore.h"
#include "tsunagu/sanitize.h"

/* Short flags of DESIGN §7 that the general rule below does not cover. */
static const struct {
	const char *flag, *field;
} aliases[] = {
	{"type", "org_type"},
	{"from", "from_date"},
	{"to", "to_date"},
};

/*
 * The field a flag names: "--key-person" -> key_person; a flag naming a
 * related record stands for its reference or set field ("--area" ->
 * area_id on a task, areas on a party; "--event" -> event_id); NULL when
 * the entity has no such field.
 */
static const char *flag_field(const struct entity_def *e, const char *flag, char *buf, size_t n)
{
	char name[48];
	snprintf(name, sizeof name, "%.47s", flag);
	for (char *p = name; *p; p++)
		if (*p == '-')
			*p = '_';
	for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
		if (strcmp(aliases[i].flag, name) == 0 && entity_field(e, aliases[i].field))
			return aliases[i].field;
	static const char *const suffixes[] = {"", "_id", "s"};
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		snprintf(buf, n, "%s%s", name, suffixes[i]);
		if (entity_field(e, buf))
			return entity_field(e, buf)->name;
	}
	size_t len = strlen(name);
	if (len > 1 && name[len - 1] == 'y') { /* party -> parties */
		snprintf(buf, n, "%.*sies", (int)(len - 1), name);
		if (entity_field(e, buf))
			return entity_field(e, buf)->name;
	}
	return NULL;
}

/* The flag people type for field f: the short flag of `aliases`, a
 * reference without its _id (--area, --party), '-' for '_' (--key-person).
 * flag_field() takes each one back to f. */
static void field_flag(const struct field_def *f, char *buf, size_t n)
{
	for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
		if (strcmp(aliases[i].field, f->name) == 0) {
			snprintf(buf, n, "--%s", aliases[i].flag);
			return;
		}
	size_t len = strlen(f->name);
	if (f->type == FIELD_REF && len > 3 && strcmp(f->name + len - 3, "_id") == 0)
		len -= 3;
	snprintf(buf, n, "--%.*s", (int)len, f->name);
	for (char *p = buf + 2; *p; p++)
		if (*p == '_')
			*p = '-';
}

/* An unknown flag: says so and names the flags the kind takes, on one
 * line (the man page lists them too, under RECORD FIELDS). */
static int unknown_field(struct cli *c, const struct entity_def *e, const char *name)
{
	struct sbuf flags = {0};
	for (int i = 0; i < e->nfields; i++) {
		char flag[64];
		if (e->fields[i].flags & FIELD_READONLY)
			continue;
		field_flag(&e->fields[i], flag, sizeof flag);
		sbuf_addf(&flags, "%s%s", flags.len ? " " : "", flag);
	}
	int rc = cli_error(c, TSU_USAGE, "%sに --%s という項目はありません (使える項目: %s)", e->label,
			   name, flags.s);
	sbuf_free(&flags);
	return rc;
}

/* Parses "--FIELD VALUE" pairs from argv[start..]; returns 0 or exit code. */
static int parse_fields(struct cli *c, const char *cmd, const struct entity_def *e,
			int argc, char **argv, int start, struct field_value *fv, size_t *n)
{
	*n = 0;
	for (int i = start; i < argc; i++) {
		char buf[64];
		const char *a = argv[i];
		if (strncmp(a, "--", 2) != 0)
			return cli_usage(c, cmd, "項目は --項目名 値 の形で指定してください");
		char *eq = strchr(a, '=');
		char name[64];
		snprintf(name, sizeof name, "%.*s", eq ? (int)(eq - a - 2) : (int)strlen(a + 2), a + 2);
		const char *field = flag_field(e, name, buf, sizeof buf);
		if (!field)
			return unknown_field(c, e, name);
		if (!eq && i + 1 >= argc)
			return cli_error(c, TSU_USAGE, "--%s に値がありません", name);
		fv[*n].name = field;
		fv[(*n)++].value = eq ? eq + 1 : argv[++i];
		if (*n >= 64)
			return cli_error(c, TSU_USAGE, "項目が多すぎます");
	}
	return 0;
}

static const struct entity_def *entity_arg(struct cli *c, const char *cmd, int argc, char **argv)
{
	const struct entity_def *e = argc > 1 ? entity_find(argv[1]) : NULL;
	if (!e)
		cli_usage(c, cmd, argc > 1 ? "種類が違います" : "種類を指定してください");
	return e;
}

/* Starts the one transaction of this command. */
static int begin(struct cli *c, struct tsu_error *err)
{
	return store_begin(c->st, err) == TSU_OK ? 0 : cli_fail(c, err);
}

/* Ends the transaction begun by begin(): commits when the write `st`
 * succeeded, else rolls back and prints the error. */
static int in_transaction(struct cli *c, enum tsu_status st, struct tsu_error *err)
{
	if (st != TSU_OK) {
		store_rollback(c->st);
		return cli_fail(c, err);
	}
	if (store_commit(c->st, err) != TSU_OK)
		return cli_fail(c, err);
	return 0;
}

/* On a terminal, the new record in words with its short ID. */
static void say_added(struct cli *c, const struct entity_def *e, const char *id)
{
	struct record *r = NULL;
	if (store_get(c->st, e->name, id, false, &r, NULL) != TSU_OK) {
		fprintf(c->out, "%s\n", id);
		return;
	}
	const char *title = record_get(r, e->title_field);
	cli_say(c->out, "", "追加しました: %s「%s」 (ID %s)", e->label, title ? title : "",
		id + UUID_STR_LEN - 8);
	record_free(r);
}

int cli_cmd_add(struct cli *c, int argc, char **argv)
{
	const struct entity_def *e = entity_arg(c, "add", argc, argv);
	struct field_value fv[64];
	struct tsu_error err = {0};
	size_t n;
	uuid_str id;
	if (!e)
		return 2;
	int rc = parse_fields(c, "add", e, argc, argv, 2, fv, &n);
	if (rc || (rc = cli_open(c, false)) || (rc = begin(c, &err)))
		return rc;
	rc = in_transaction(c, store_insert(c->st, e->name, fv, n, id, &err), &err);
	if (rc == 0 && isatty(fileno(c->out)))
		say_added(c, e, id);
	else if (rc == 0)
		fprintf(c->out, "%s\n", id);   /* for scripts: id=$(tsunagu add ...) */
	return rc;
}

/* Opens the file and turns the ID argument into a full id; a full UUID is
 * taken as is, so that deleted rows can still be named (history). */
static int open_target(struct cli *c, const struct entity_def *e, const char *ref, uuid_str id)
{
	struct tsu_error err = {0};
	int rc = cli_open(c, false);
	if (rc == 0 && uuid_valid(ref))
		snprintf(id, UUID_STR_LEN + 1, "%s", ref);
	else if (rc == 0 && store_resolve(c->st, e->name, ref, id, &err) != TSU_OK)
		rc = cli_fail(c, &err);
	return rc;
}

static bool same_text(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

/* What an edit did, on one line: 更新しました: 関係者・団体「愛宕5丁目自治会」
 * 電話、できること; or that every value given was the one already kept. */
static void say_edited(struct cli *c, const struct entity_def *e, const struct record *before)
{
	struct record *after = NULL;
	struct tsu_error err = {0};
	struct sbuf what = {0};
	if (store_get(c->st, e->name, before->id, false, &after, &err) != TSU_OK)
		return;
	for (int i = 0; i < e->nfields; i++)
		if (!(e->fields[i].flags & FIELD_READONLY) &&
		    !same_text(before->values[i], after->values[i]))
			sbuf_addf(&what, "%s%s", what.len ? "、" : "", e->fields[i].label);
	const char *title = record_get(after, e->title_field);
	if (what.len)
		cli_say(c->out, "", "更新しました: %s「%s」 %s", e->label, title ? title : "", what.s);
	else
		cli_say(c->out, "", "変更はありません: %s「%s」は指定した値のままです", e->label,
			title ? title : "");
	sbuf_free(&what);
	record_free(after);
}

int cli_cmd_edit(struct cli *c, int argc, char **argv)
{
	const struct entity_def *e = entity_arg(c, "edit", argc, argv);
	struct field_value fv[64];
	struct tsu_error err = {0};
	size_t n;
	uuid_str id;
	if (!e)
		return 2;
	if (argc < 3)
		return cli_usage(c, "edit", "ID を指定してください");
	int rc = parse_fields(c, "edit", e, argc, argv, 3, fv, &n);
	if (rc == 0 && n == 0)
		rc = cli_usage(c, "edit", "変更する項目を指定してください");
	if (rc == 0)
		rc = open_target(c, e, argv[2], id);
	struct record *before = NULL;
	if (rc == 0 && store_get(c->st, e->name, id, false, &before, &err) != TSU_OK)
		rc = cli_fail(c, &err);
	if (rc || (rc = begin(c, &err))) {
		if (before)
			record_free(before);
		return rc;
	}
	/* a task's edit knows request states (--status 部局照会中 on a 地域要望) */
	rc = in_transaction(c, strcmp(e->name, "task") == 0
			    ? store_task_update(c->st, id, fv, n, &err)
			    : store_update(c->st, e->name, id, fv, n, &err), &err);
	if (rc == 0)
		say_edited(c, e, before);
	record_free(before);
	return rc;
}

/* "CMD KIND ID": checks the words, opens the file, resolves the ID. */
static int kind_and_id(struct cli *c, const char *cmd, int argc, char **argv,
		       const struct entity_def **e, uuid_str id)
{
	*e = entity_arg(c, cmd, argc, argv);
	if (!*e)
		return 2;
	if (argc != 3)
		return cli_usage(c, cmd, "ID をひとつ指定してください");
	return open_target(c, *e, argv[2], id);
}

int cli_cmd_delete(struct cli *c, int argc, char **argv)
{
	const struct entity_def *e;
	struct tsu_error err = {0};
	uuid_str id;
	struct store_links links;
	struct sbuf gone = {0};
	int rc = kind_and_id(c, "delete", argc, argv, &e, id);
	if (rc || (rc = begin(c, &err)))
		return rc;
	enum tsu_status st = store_delete_links(c->st, e->name, id, &links, &err);
	if (st == TSU_OK)
		st = store_delete(c->st, e->name, id, &err);
	rc = in_transaction(c, st, &err);
	store_links_text(&links, false, &gone);
	if (rc == 0 && gone.len)
		cli_say(c->errf, "", "削除しました: %s (%sも外れました。tsunagu restore %s %s で元に戻せます)",
			id, gone.s, e->name, id + UUID_STR_LEN - 8);
	else if (rc == 0)
		cli_say(c->errf, "", "削除しました: %s", id);
	sbuf_free(&gone);
	return rc;
}

struct history_print {
	struct cli *c;
	const struct entity_def *e;
};

/* A value of the history as people know it (cli_shown_value), sanitised. */
static char *history_value(struct history_print *hp, const char *field, const char *v)
{
	const struct field_def *f = entity_field(hp->e, field);
	char *shown = f && v ? cli_shown_value(hp->c, f, v) : NULL;
	char *safe = text_sanitize(shown ? shown : v ? v : "", 0);
	free(shown);
	return safe;
}

static int print_history(void *ud, const struct history_row *h)
{
	struct history_print *hp = ud;
	struct cli *c = hp->c;
	char when[LOCALTIME_MAX];
	localtime_format(h->at, c->date_style, when, sizeof when);
	char *who = text_sanitize(h->author ? h->author : "", 0);
	if (h->field[0] == '_') {
		/* where a folded party went; other marks (作成, 削除) have no value to show */
		bool shown = h->new_value && strcmp(h->field, "_folded_into") == 0;
		char *v = shown ? text_sanitize(h->new_value, 0) : NULL;
		fprintf(c->out, "%s\t%s\t%s%s%s\n", when, who, h->field_label, v ? "\t→ " : "",
			v ? v : "");
		free(v);
		free(who);
		return 0;
	}
	char *old_v = history_value(hp, h->field, h->old_value);
	char *new_v = history_value(hp, h->field, h->new_value);
	fprintf(c->out, "%s\t%s\t%s\t%s → %s\n", when, who, h->field_label,
		*old_v ? old_v : "(空)", *new_v ? new_v : "(空)");
	free(old_v);
	free(new_v);
	free(who);
	return 0;
}

int cli_cmd_history(struct cli *c, int argc, char **argv)
{
	const struct entity_def *e;
	struct tsu_error err = {0};
	uuid_str id;
	int rc = kind_and_id(c, "history", argc, argv, &e, id);
	if (rc)
		return rc;
	struct history_print hp = {.c = c, .e = e};
	if (store_history(c->st, e->name, id, print_history, &hp, &err) != TSU_OK)
		return cli_fail(c, &err);
	return 0;
}
