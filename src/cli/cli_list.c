/* `tsunagu list`: one list kind, filters, four output formats. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "cli_table.h"
#include "tsunagu/list.h"
#include "tsunagu/record.h"
#include "tsunagu/sanitize.h"
#include "tsunagu/textwidth.h"

enum format { FMT_TABLE, FMT_TSV, FMT_CSV, FMT_JSON };

struct rows {
	int ncols;
	char **cells;   /* ncols per row */
	size_t nrows, cap;
};

static int collect_row(void *ud, int ncols, const char *const *values)
{
	struct rows *r = ud;
	if (r->nrows == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 64;
		r->cells = xrealloc(r->cells, r->cap * (size_t)ncols * sizeof *r->cells);
	}
	for (int i = 0; i < ncols; i++)
		r->cells[r->nrows * (size_t)ncols + (size_t)i] = values[i] ? xstrdup(values[i]) : NULL;
	r->nrows++;
	return 0;
}

static void csv_cell(FILE *f, const char *v)
{
	if (!v)
		return;
	if (!strpbrk(v, ",\"\r\n")) {
		fputs(v, f);
		return;
	}
	fputc('"', f);
	for (; *v; v++) {
		if (*v == '"')
			fputc('"', f);
		fputc(*v, f);
	}
	fputc('"', f);
}

/* TSV keeps one record per line: tabs and newlines are written as \t \n. */
static void tsv_cell(FILE *f, const char *v)
{
	for (; v && *v; v++) {
		if (*v == '\t')
			fputs("\\t", f);
		else if (*v == '\n')
			fputs("\\n", f);
		else if (*v == '\r')
			fputs("\\r", f);
		else if (*v == '\\')
			fputs("\\\\", f);
		else
			fputc(*v, f);
	}
}

/* A date column of the lists (期限, 日付, 基準日, 開始日, 終了日). */
static bool date_column(const char *name)
{
	size_t n = strlen(name);
	return strcmp(name, "due") == 0 || strcmp(name, "as_of") == 0 ||
	       (n >= 4 && strcmp(name + n - 4, "date") == 0);
}

/* Shown in a table: short ids, booleans as marks, dates in the user's
 * style, text made inert. */
static char *table_text(const char *name, const char *v, enum date_style style)
{
	if (!v)
		return xstrdup("");
	if (date_column(name)) {
		char shown[LOCALTIME_MAX];
		return text_sanitize(localtime_date(v, style, shown, sizeof shown), 0);
	}
	if (strcmp(name, "id") == 0) /* the short id: last 8 characters (see resolve.c) */
		return xstrdup(strlen(v) > 8 ? v + strlen(v) - 8 : v);
	if (strcmp(name, "key_person") == 0 || strcmp(name, "overdue") == 0)
		return xstrdup(strcmp(v, "1") == 0 ? (name[0] == 'k' ? "★" : "!") : "");
	return text_sanitize(v, 0);
}

static void print_table(FILE *f, const struct list_columns *cols, struct rows *r,
			enum date_style style)
{
	int n = cols->n;
	int *w = xcalloc((size_t)n, sizeof *w);
	char **shown = xcalloc(r->nrows * (size_t)n + 1, sizeof *shown);
	for (int c = 0; c < n; c++)
		w[c] = text_width(cols->labels[c]);
	for (size_t i = 0; i < r->nrows; i++) {
		for (int c = 0; c < n; c++) {
			char *t = table_text(cols->names[c], r->cells[i * (size_t)n + (size_t)c], style);
			int tw = text_width(t);
			w[c] = tw > 40 ? (w[c] > 40 ? w[c] : 40) : (tw > w[c] ? tw : w[c]);
			shown[i * (size_t)n + (size_t)c] = t;
		}
	}
	for (int c = 0; c < n; c++) {
		char *h = text_width_fit(cols->labels[c], w[c], TEXT_LEFT);
		fprintf(f, "%s%s", c ? "  " : "", c == n - 1 ? cols->labels[c] : h);
		free(h);
	}
	fputc('\n', f);
	for (size_t i = 0; i < r->nrows; i++) {
		for (int c = 0; c < n; c++) {
			char *t = shown[i * (size_t)n + (size_t)c];
			char *cell = text_width_fit(t, w[c], TEXT_LEFT);
			if (c == n - 1) { /* no trailing blanks at the end of a line */
				size_t len = strlen(cell);
				while (len && cell[len - 1] == ' ')
					cell[--len] = '\0';
			}
			fprintf(f, "%s%s", c ? "  " : "", cell);
			free(cell);
			free(t);
		}
		fputc('\n', f);
	}
	free(shown);
	free(w);
}

/* TSV or CSV as stored, for scripts and files; on a terminal the values
 * are shown as the table shows them (an ESC spelled ^[, U+202E as
 * <U+202E>), as ls does with the names it prints, so that no escape
 * sequence in a record acts on the screen. */
static void print_delimited(FILE *f, enum format fmt, const struct list_columns *cols,
			    struct rows *r)
{
	bool tty = isatty(fileno(f));

	for (int c = 0; c < cols->n; c++)
		fprintf(f, "%s%s", c ? (fmt == FMT_CSV ? "," : "\t") : "", cols->names[c]);
	fputs(fmt == FMT_CSV ? "\r\n" : "\n", f);
	for (size_t i = 0; i < r->nrows; i++) {
		for (int c = 0; c < cols->n; c++) {
			const char *v = r->cells[i * (size_t)cols->n + (size_t)c];
			char *shown = tty && v ? text_sanitize(v, 1) : NULL;
			if (c)
				fputc(fmt == FMT_CSV ? ',' : '\t', f);
			if (fmt == FMT_CSV)
				csv_cell(f, shown ? shown : v);
			else
				tsv_cell(f, shown ? shown : v);
			free(shown);
		}
		fputs(fmt == FMT_CSV ? "\r\n" : "\n", f);
	}
}

static void rows_free(struct rows *r)
{
	for (size_t i = 0; i < r->nrows * (size_t)r->ncols; i++)
		free(r->cells[i]);
	free(r->cells);
}

static bool parse_count(const char *s, long *out)
{
	char *end;
	long n = strtol(s, &end, 10);
	if (!*s || *end || n < 0)
		return false;
	*out = n;
	return true;
}

static bool parse_format(const char *s, enum format *out)
{
	static const char *const names[] = {"table", "tsv", "csv", "json"};
	for (int i = 0; i < 4; i++)
		if (strcmp(s, names[i]) == 0) {
			*out = (enum format)i;
			return true;
		}
	return false;
}

/* Resolves --area and --status into the query. */
static int resolve_filters(struct cli *c, struct list_query *q, const char *area,
			   const char *status, uuid_str area_id)
{
	struct tsu_error err = {0};
	if (area) {
		if (store_resolve(c->st, "area", area, area_id, &err) != TSU_OK)
			return cli_fail(c, &err);
		q->area_id = area_id;
	}
	if (status) {
		bool known = false;
		const char *codes[] = {"未着手", "対応中", "保留", "完了"};
		for (int i = 0; i < 4; i++)
			if (strcmp(status, codes[i]) == 0)
				known = true;
		if (!known)
			return cli_error(c, TSU_INVALID, "状態「%s」はありません (未着手 / 対応中 / 保留 / 完了)", status);
		q->status = status;
	}
	return 0;
}

static int output(struct cli *c, enum list_kind kind, const struct list_query *q, enum format fmt)
{
	struct tsu_error err = {0};
	if (fmt == FMT_JSON) {
		struct sbuf json = {0};
		if (store_list_json(c->st, kind, q, &json, &err) != TSU_OK)
			return cli_fail(c, &err);
		cli_json_put(c->out, json.s);
		sbuf_free(&json);
		return 0;
	}
	const struct list_columns *cols = list_columns(kind);
	struct rows r = {.ncols = cols->n};
	int rc = 0;
	if (store_list(c->st, kind, q, collect_row, &r, &err) != TSU_OK)
		rc = cli_fail(c, &err);
	else if (fmt == FMT_TABLE && r.nrows)
		print_table(c->out, cols, &r, c->date_style);
	else if (fmt != FMT_TABLE)
		print_delimited(c->out, fmt, cols, &r);
	rows_free(&r);
	return rc;
}

/* The options of `list`, in the order of its usage line. */
enum list_opt { OPT_AREA, OPT_STATUS, OPT_SEARCH, OPT_ASSIGNEE, OPT_LIMIT, OPT_OFFSET, OPT_FORMAT,
		N_LIST_OPTS };
static const char *const list_opt_names[N_LIST_OPTS] = {
	"--area", "--status", "--search", "--assignee", "--limit", "--offset", "--format",
};

/*
 * Whether list `kind` filters by option `o`.  The store leaves a filter
 * out where the list has no such column (a status on parties), which
 * would print every row as if it matched: such a filter is refused
 * instead, naming the lists it works on.  Every list searches.
 */
static const char *filter_refused(enum list_kind kind, enum list_opt o)
{
	bool task_list = kind == LIST_TASKS || kind == LIST_MINE;
	if (o == OPT_STATUS && !task_list)
		return "--status は tasks と mine の一覧で使えます";
	if (o == OPT_ASSIGNEE && kind != LIST_TASKS)
		return "--assignee は tasks の一覧で使えます (mine はあなたの担当です)";
	return NULL;
}

/* Sets option o of the query to v; 0, or the usage error's exit code. */
static int set_list_opt(struct cli *c, enum list_opt o, const char *v, struct list_query *q,
			const char **area, const char **status, enum format *fmt)
{
	switch (o) {
	case OPT_AREA: *area = v; break;
	case OPT_STATUS: *status = v; break;
	case OPT_SEARCH: q->search = v; break;
	case OPT_ASSIGNEE: q->assignee = v; break;
	case OPT_LIMIT:
		if (!parse_count(v, &q->limit))
			return cli_usage(c, "list", "--limit は 0 以上の整数です");
		break;
	case OPT_OFFSET:
		if (!parse_count(v, &q->offset))
			return cli_usage(c, "list", "--offset は 0 以上の整数です");
		break;
	default:
		if (!parse_format(v, fmt))
			return cli_usage(c, "list", "--format は table / tsv / csv / json です");
	}
	return 0;
}

int cli_cmd_list(struct cli *c, int argc, char **argv)
{
	enum list_kind kind;
	enum format fmt = FMT_TABLE;
	struct list_query q = {0};
	const char *area = NULL, *status = NULL;
	uuid_str area_id;
	if (argc >= 2 && strcmp(argv[1], "requests") == 0)
		return cli_cmd_list_requests(c, argc, argv);
	if (argc < 2 || !list_kind_parse(argv[1], &kind))
		return cli_usage(c, "list", argc < 2 ? "何を一覧するか指定してください" : "一覧の種類が違います");
	for (int i = 2; i < argc; i++) {
		const char *v = NULL;
		bool missing = false;
		int o = 0;
		while (o < N_LIST_OPTS && !(v = cli_opt(argc, argv, &i, list_opt_names[o], &missing)) &&
		       !missing)
			o++;
		if (o == N_LIST_OPTS)
			return cli_usage(c, "list", "知らないオプションです");
		if (missing) {
			char why[64];
			snprintf(why, sizeof why, "%s に値がありません", list_opt_names[o]);
			return cli_usage(c, "list", why);
		}
		const char *refused = filter_refused(kind, (enum list_opt)o);
		if (refused)
			return cli_usage(c, "list", refused);
		int rc = set_list_opt(c, (enum list_opt)o, v, &q, &area, &status, &fmt);
		if (rc)
			return rc;
	}
	int rc = cli_open(c, false);
	if (rc == 0)
		rc = resolve_filters(c, &q, area, status, area_id);
	return rc ? rc : output(c, kind, &q, fmt);
}
