/*
 * Key S: `tsunagu sync` with the folder set once in the settings file
 * (sync_dir).  The counts and new conflicts go on the status line; files
 * that were skipped, or an own change file that could not be written, are
 * listed in the pager, since they need someone to look.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app.h"
#include "draw.h"
#include "screens.h"
#include "strings.h"
#include "widgets.h"
#include "tsunagu/config.h"
#include "tsunagu/sbuf.h"
#include "tsunagu/sync.h"

/* Skipped files and an unwritten change file, one line each; NULL when
 * there is nothing to look at. */
static char *problems(const struct sync_report *r, long *skipped)
{
	struct sbuf s = {0};
	*skipped = 0;
	for (int i = 0; i < r->nfiles; i++)
		if (r->files[i].state == SYNC_FILE_SKIPPED) {
			sbuf_addf(&s, S_SYNC_SKIPPED "\n", r->files[i].name, r->files[i].why);
			(*skipped)++;
		}
	if (r->own_error)
		sbuf_addf(&s, S_SYNC_NOT_SENT "\n", r->own_path, r->own_error);
	return s.s ? sbuf_detach(&s) : NULL;
}

static void report(struct tui *t, const struct sync_report *r)
{
	long skipped;
	char *more = problems(r, &skipped);
	if (r->received == 0 && r->own_unchanged && !more)
		tui_msg(t, "%s", S_SYNC_NONE);
	else
		tui_msg(t, S_SYNC_DONE, r->received, r->own_error ? 0 : r->sent_new, r->conflicts,
			store_conflicts_open(t->st));
	if (more) {
		size_t n = strlen(t->msg);
		snprintf(t->msg + n, sizeof t->msg - n, S_SYNC_PROBLEMS, skipped);
		t->msg_error = true;
		prompt_pager(t, t->msg, more);
		free(more);
	}
}

void sync_run(struct tui *t)
{
	struct user_config cfg;
	config_load(&cfg, NULL);
	char *dir = cfg.sync_dir && *cfg.sync_dir ? config_expand_home(cfg.sync_dir) : NULL;
	config_free(&cfg);
	if (!dir) {
		char *conf = config_file_path();
		tui_msg(t, S_SYNC_NO_DIR, conf);
		t->msg_error = true;
		free(conf);
		return;
	}
	if (tui_readonly(t)) {
		free(dir);
		return;
	}
	draw_role_text(t, LINES - 2, 0, COLS, S_SYNC_RUNNING, ROLE_STATUS);
	refresh();
	struct sync_report r = {0};
	struct tsu_error err = {0};
	if (store_sync(t->st, dir, &r, &err) != TSU_OK)
		tui_error(t, &err);
	else
		report(t, &r);
	if (r.received)
		tui_reload_all(t);
	sync_report_free(&r);
	free(dir);
}
