/*
 * The `:` command line: "import KIND FILE" and "export KIND FILE", with
 * the same options as the CLI.  Progress appears on the status line while
 * io/ works; the import summary opens in the pager.  An export covers the
 * area selected in the Areas pane (all areas when 全エリア).  A FILE that
 * starts with "~/" is in the user's home, as at a shell prompt.  The menu
 * (Enter on an empty line) names the kinds in Japanese and offers a file
 * name in the home folder: ~/つなぐ_関係者・団体_2026-11-25.csv.
 */
#include <curses.h>
#include <stdio.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include "app.h"
#include "draw.h"
#include "screens.h"
#include "strings.h"
#include "widgets.h"
#include "tsunagu/config.h"
#include "tsunagu/io.h"
#include "tsunagu/merge.h"
#include "tsunagu/outguard.h"
#include "tsunagu/sanitize.h"
#include "tsunagu/sbuf.h"

#define CMD_MAX_WORDS 8

struct cmd_run {
	struct tui *t;
	struct sbuf report;
};

static void cmd_progress(void *ud, long done, long total)
{
	struct cmd_run *r = ud;
	char buf[128];
	if (total > 0)
		snprintf(buf, sizeof(buf), S_CMD_PROGRESS, done, total);
	else
		snprintf(buf, sizeof(buf), S_CMD_PROGRESS1, done);
	draw_role_text(r->t, LINES - 2, 0, COLS, buf, ROLE_STATUS);
	refresh();
}

static void cmd_report(void *ud, const char *line)
{
	struct cmd_run *r = ud;
	sbuf_addf(&r->report, "  %s\n", line);
}

/* Splits on blanks; "quoted words" keep their spaces.  Modifies s. */
static int cmd_split(char *s, char **w, int max)
{
	int n = 0;
	while (*s && n < max) {
		while (*s == ' ' || *s == '\t')
			s++;
		if (!*s)
			break;
		char q = (*s == '"' || *s == '\'') ? *s++ : 0;
		w[n++] = s;
		while (*s && (q ? *s != q : (*s != ' ' && *s != '\t')))
			s++;
		if (*s)
			*s++ = '\0';
	}
	return n;
}

static bool cmd_options(struct tui *t, char **w, int n, struct io_options *o)
{
	for (int i = 3; i < n; i++) {
		if (strcmp(w[i], "--dry-run") == 0) {
			o->dry_run = true;
		} else if (strcmp(w[i], "--force") == 0) {
			o->force = true;
		} else if (strcmp(w[i], "--encoding") == 0 && i + 1 < n &&
			   io_encoding_parse(w[i + 1], &o->encoding)) {
			i++;
		} else {
			tui_msg(t, "%s", S_CMD_USAGE);
			t->msg_error = true;
			return false;
		}
	}
	return true;
}

/* merge FILE [--dry-run]: the summary in the pager, the counts on the
 * status line, conflicts one key away. */
static void cmd_merge(struct tui *t, char **w, int n)
{
	char *path = n >= 2 ? config_expand_home(w[1]) : NULL;
	bool dry = n == 3 && strcmp(w[2], "--dry-run") == 0;
	struct merge_summary sum;
	struct tsu_error err = {0};
	if (n < 2 || (n == 3 && !dry) || n > 3) {
		tui_msg(t, "%s", S_CMD_USAGE);
		t->msg_error = true;
		free(path);
		return;
	}
	if (tui_readonly(t)) {
		free(path);
		return;
	}
	draw_role_text(t, LINES - 2, 0, COLS, S_CMD_MERGING, ROLE_STATUS);
	refresh();
	enum tsu_status rc = store_merge(t->st, path, dry, &sum, &err);
	free(path);
	if (rc != TSU_OK) {
		tui_error(t, &err);
		return;
	}
	if (sum.changes == 0) {
		tui_msg(t, "%s", S_CMD_MERGE_NONE);
		return;
	}
	struct sbuf report = {0};
	for (int i = 0; i < sum.nkinds; i++) {
		sbuf_add(&report, "  ");
		sbuf_addf(&report, S_CMD_MERGE_KIND, sum.kinds[i].label, sum.kinds[i].added,
			  sum.kinds[i].changed, sum.kinds[i].deleted);
		sbuf_addc(&report, '\n');
	}
	if (dry)
		tui_msg(t, S_CMD_MERGE_DRY, sum.changes, sum.conflicts);
	else
		tui_msg(t, S_CMD_MERGED, sum.changes, sum.conflicts, store_conflicts_open(t->st));
	prompt_pager(t, t->msg, report.s);
	sbuf_free(&report);
	tui_reload_all(t);
}

/* An export onto an existing plain file asks first (like every
 * destructive step); io_export refuses databases whatever the answer. */
bool cmdline_overwrite_ok(struct tui *t, const char *path, bool *force)
{
	struct stat sb;
	char q[512];
	if (*force || stat(path, &sb) != 0 || !S_ISREG(sb.st_mode) || outguard_is_sqlite(path))
		return true;
	char *shown = text_sanitize(path, 0);
	snprintf(q, sizeof(q), S_CMD_OVERWRITE, shown);
	free(shown);
	*force = prompt_confirm(t, q);
	return *force;
}

static void cmd_exec(struct tui *t, char *line)
{
	char *w[CMD_MAX_WORDS];
	int n = cmd_split(line, w, CMD_MAX_WORDS);
	struct io_options o = {.encoding = IO_ENC_AUTO, .area_id = t->area_id};
	struct cmd_run r = {t, {0}};
	struct tsu_error err = {0};
	bool import;
	if (n == 0)
		return;
	if (strcmp(w[0], "merge") == 0) {
		cmd_merge(t, w, n);
		return;
	}
	import = strcmp(w[0], "import") == 0;
	if (!import && strcmp(w[0], "export") != 0) {
		tui_msg(t, S_CMD_UNKNOWN, w[0]);
		t->msg_error = true;
		return;
	}
	if (n < 3 || !cmd_options(t, w, n, &o)) {
		tui_msg(t, "%s", S_CMD_USAGE);
		t->msg_error = true;
		return;
	}
	if (import && tui_readonly(t))
		return;
	char *path = config_expand_home(w[2]);
	if (import || cmdline_overwrite_ok(t, path, &o.force)) {
		enum tsu_status rc = import
			? io_import(t->st, w[1], path, &o, cmd_progress, cmd_report, &r, &err)
			: io_export(t->st, w[1], path, &o, cmd_progress, &r, &err);
		if (rc != TSU_OK) {
			tui_error(t, &err);
		} else {
			char *shown = text_sanitize(path, 0);
			tui_msg(t, import ? S_CMD_IMPORTED : S_CMD_EXPORTED, shown);
			free(shown);
			if (r.report.len)
				prompt_pager(t, t->msg, r.report.s);
			tui_reload_all(t);
		}
	}
	free(path);
	sbuf_free(&r.report);
}

/* The file an export of `kind` is offered under: in the home folder,
 * named for the program, the kind and the day (label cut before " (").
 * New string. */
static char *cmd_default_file(struct tui *t, const char *kind)
{
	struct io_kind k;
	for (size_t i = 0; io_export_kind(i, &k); i++) {
		if (strcmp(k.kind, kind) != 0)
			continue;
		struct sbuf b = {0};
		const char *cut = strstr(k.label, " (");
		sbuf_addf(&b, S_CMD_DEFAULT_FILE, (int)(cut ? cut - k.label : (long)strlen(k.label)),
			  k.label, t->today, k.ext);
		return sbuf_detach(&b);
	}
	return xstrdup("");
}

/* The kinds of import or export, labelled in Japanese; value: the kind. */
static void cmd_kinds(struct pick_list *kinds, bool import)
{
	struct io_kind k;
	for (size_t i = 0; import ? io_import_kind(i, &k) : io_export_kind(i, &k); i++)
		pick_add(kinds, k.label, k.kind);
}

/* Enter on an empty command line: the same commands as a menu, for
 * those who do not know the words. */
static char *cmd_menu(struct tui *t)
{
	struct pick_list menu = {0}, kinds = {0};
	struct sbuf line = {0};
	char *verb = NULL, *kind = NULL, *file = NULL;
	pick_add(&menu, S_CMD_MENU_IMPORT, "import");
	pick_add(&menu, S_CMD_MENU_EXPORT, "export");
	pick_add(&menu, S_CMD_MENU_MERGE, "merge");
	verb = picklist_run(t, S_CMD_MENU, &menu, NULL, NULL, NULL);
	if (verb && strcmp(verb, "merge") == 0) {
		file = prompt_line(t, S_CMD_MENU_FILE, "", NULL, NULL);
		if (file && *file)
			sbuf_addf(&line, "merge \"%s\"", file);
		free(file);
		file = NULL;
	} else if (verb) {
		cmd_kinds(&kinds, strcmp(verb, "import") == 0);
		kind = picklist_run(t, S_CMD_MENU_KIND, &kinds, NULL, NULL, NULL);
	}
	if (kind) {
		bool export = strcmp(verb, "export") == 0;
		char *offer = export ? cmd_default_file(t, kind) : xstrdup("");
		file = prompt_line(t, export ? S_CMD_MENU_SAVE : S_CMD_MENU_FILE, offer, NULL, NULL);
		free(offer);
	}
	if (file && *file)
		sbuf_addf(&line, "%s %s \"%s\"", verb, kind, file);
	free(verb);
	free(kind);
	free(file);
	pick_clear(&menu);
	pick_clear(&kinds);
	return line.len ? sbuf_detach(&line) : NULL;
}

void cmdline_run(struct tui *t)
{
	char *line = prompt_line(t, S_CMD_PROMPT, "", NULL, NULL);
	if (line && !*line) {
		free(line);
		line = cmd_menu(t);
	}
	if (line)
		cmd_exec(t, line);
	free(line);
}
