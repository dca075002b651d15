/*
 * The main loop of the full-screen program.
 *
 * Screen: row 0 is the title bar (file, user, area filter); then the panes;
 * the second-last row is the status line (messages, prompts); the last row
 * always lists the keys that act in the focused pane.  Layout is computed
 * on every draw from LINES/COLS, so KEY_RESIZE needs no special path.
 *
 * Keys route in layers: key -> action (action.c) -> the focused pane's
 * action handler -> tui_generic() here.
 */
#include <curses.h>
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "app.h"
#include "draw.h"
#include "screens.h"
#include "tsunagu/merge.h"
#include "strings.h"
#include "widgets.h"
#include "tsunagu/sanitize.h"
#include "tsunagu/tmpfiles.h"
#include "tsunagu/clock.h"
#include "tsunagu/config.h"
#include "tsunagu/store.h"
#include "tsunagu/tui.h"
#include "tsunagu/utf8.h"

/* columns the title bar keeps for the open file's path */
#define TITLE_PATH_MIN 24

static const struct pane_ops *const pane_ops_table[PANE_COUNT] = {
#define TUI_PANE_OPS(id, name) [PANE_##id] = &pane_##name##_ops,
	TUI_PANE_LIST(TUI_PANE_OPS)
#undef TUI_PANE_OPS
};

void tui_msg(struct tui *t, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(t->msg, sizeof(t->msg), fmt, ap);
	va_end(ap);
	t->msg_error = false;
}

void tui_error(struct tui *t, const struct tsu_error *err)
{
	snprintf(t->msg, sizeof(t->msg), "%s",
		 err->msg[0] ? err->msg : tsu_status_message(err->status));
	t->msg_error = true;
}

bool tui_readonly(struct tui *t)
{
	if (!store_readonly(t->st))
		return false;
	tui_msg(t, "%s", S_READONLY_MSG);
	t->msg_error = true;
	return true;
}

void tui_reload_all(struct tui *t)
{
	for (int i = 0; i < PANE_COUNT; i++)
		if (t->panes[i].ops->reload)
			t->panes[i].ops->reload(t, &t->panes[i]);
}

void tui_set_area(struct tui *t, const char *id, const char *name)
{
	if ((id == NULL) == (t->area_id == NULL) && (!id || strcmp(id, t->area_id) == 0))
		return;
	free(t->area_id);
	free(t->area_name);
	t->area_id = id ? xstrdup(id) : NULL;
	t->area_name = id && name ? xstrdup(name) : NULL;
	/* Mine spans all areas and keeps its rows */
	for (int i = 0; i < PANE_COUNT; i++)
		if (i != PANE_AREAS && i != PANE_MINE && t->panes[i].ops->reload)
			t->panes[i].ops->reload(t, &t->panes[i]);
}

/* A character typed on the main screen, a page or a view that no key uses:
 * said so, not dropped silently (the user may think they are typing into
 * a field). */
static void tui_unused_key(struct tui *t, int key)
{
	char ch[5] = {0};
	if (!tui_key_is_text(key))
		return;
	utf8_encode(key, ch);
	tui_msg(t, S_KEY_UNUSED, ch);
	t->msg_error = true;
}

enum tui_action tui_view_key(struct tui *t, struct tui_backdrop under)
{
	t->under = under;
	under.draw(t, under.ud);
	refresh();
	int key = tui_getkey(t);
	if (key == TUI_FKEY(KEY_RESIZE))
		return ACT_REDRAW;
	enum tui_action a = tui_action_for_key(key);
	if (a == ACT_REDRAW)
		clearok(curscr, TRUE);
	if (a != ACT_NONE) {
		t->msg[0] = '\0';
		t->msg_error = false;
	} else {
		tui_unused_key(t, key);   /* on a page or a view as on the main screen */
	}
	return a;
}

int tui_getkey(struct tui *t)
{
	wint_t wc;
	int errors = 0;
	timing_idle(&t->timing);
	for (;;) {
		errno = 0;
		int rc = get_wch(&wc);
		if (rc == KEY_CODE_YES) {
			timing_key(&t->timing, TUI_FKEY((int)wc));
			return TUI_FKEY((int)wc);
		}
		if (rc == OK) {
			timing_key(&t->timing, (int)wc);
			return (int)wc;
		}
		/* ERR: an interrupted read is retried; a terminal that is gone
		 * (hang-up) ends the program instead of spinning */
		if (errno != EINTR && ++errors > 50) {
			t->quit = true;
			t->hangup = true;
			return TUI_ESC;
		}
	}
}

bool tui_key_is_text(int key)
{
	return key >= 0x20 && key != 127 && key < 0x110000 && !(key >= 0x80 && key < 0xa0);
}


static void tui_place(struct pane *p, int y, int x, int h, int w)
{
	p->visible = true;
	p->fy = y;
	p->fx = x;
	p->fh = h;
	p->fw = w;
	p->y = y + 1;
	p->x = x + 1;
	p->h = h - 2;
	p->w = w - 2;
}

/* Areas on the left; Directory over Board on the right (or Mine alone). */
static void tui_layout(struct tui *t)
{
	int body = LINES - 3;
	/* 28 columns fit the longest area name, open tasks and aging rate;
	 * on a narrow screen the Areas pane keeps just the names while another
	 * pane has the focus, so that board cards get room */
	int aw = COLS / 4 > 28 ? COLS / 4 : 28;
	if (aw > 40)
		aw = 40;
	if (COLS < 112 && t->focus != PANE_AREAS)
		aw = 18;
	for (int i = 0; i < PANE_COUNT; i++)
		t->panes[i].visible = false;
	if (t->mine_mode) {
		/* Mine spans every area: it takes the whole screen */
		tui_place(&t->panes[PANE_MINE], 1, 0, body, COLS);
		return;
	}
	tui_place(&t->panes[PANE_AREAS], 1, 0, body, aw);
	int dh = body * 9 / 20;
	if (dh < 5)
		dh = 5;
	tui_place(&t->panes[PANE_DIRECTORY], 1, aw, dh, COLS - aw);
	tui_place(&t->panes[PANE_BOARD], 1 + dh, aw, body - dh, COLS - aw);
}

/* The end of `path` in at most `cols` columns ("…/tsunagu/laptop.db"):
 * which file is open shows in its name, the part a cut would lose. */
static void title_path(struct sbuf *b, const char *path, int cols)
{
	if (text_width(path) <= cols) {
		sbuf_add(b, path);
		return;
	}
	const char *p = path;
	while (*p && text_width(p) > cols - 1)
		do
			p++;
		while (((unsigned char)*p & 0xC0) == 0x80);
	sbuf_addf(b, "…%s", p);
}

/* The title bar: area, user, file.  Where the file's name would be cut
 * (at 60 columns it was 「ファイル: /tmp…」, so the office file and the
 * laptop's copy looked the same), the user gives way first. */
static void tui_draw_title(struct tui *t)
{
	struct sbuf b = {0}, user = {0}, file = {0};
	const char *ro = store_readonly(t->st) ? " " S_READONLY : "";
	sbuf_addf(&b, " %s  %s: %s", S_APP_NAME, S_PANE_AREAS,
		  t->area_name ? t->area_name : S_ALL_AREAS);
	sbuf_addf(&user, "  %s: %s", S_USER, t->author);
	sbuf_addf(&file, "  %s: ", S_FILE);
	int left = COLS - text_width(b.s) - text_width(file.s) - text_width(ro);
	int need = text_width(t->db_path) < TITLE_PATH_MIN ? text_width(t->db_path)
							   : TITLE_PATH_MIN;
	if (left - text_width(user.s) >= need)
		sbuf_add(&b, user.s);
	left = COLS - text_width(b.s) - text_width(file.s) - text_width(ro);
	sbuf_add(&b, file.s);
	title_path(&b, t->db_path, left > 2 ? left : 2);
	sbuf_add(&b, ro);
	draw_role_text(t, 0, 0, COLS, b.s, ROLE_TITLE);
	sbuf_free(&b);
	sbuf_free(&user);
	sbuf_free(&file);
}

static void tui_draw_pane(struct tui *t, struct pane *p, bool focused)
{
	struct sbuf title = {0};
	const char *sub = p->ops->subtitle ? p->ops->subtitle(t, p) : NULL;
	sbuf_add(&title, p->ops->title);
	if (sub && *sub)
		sbuf_addf(&title, " %s", sub);
	draw_frame(t, p->fy, p->fx, p->fh, p->fw, title.s, focused);
	sbuf_free(&title);
	if (p->h > 0 && p->w > 0)
		p->ops->draw(t, p);
}

void tui_draw_main(struct tui *t)
{
	erase();
	if (!t->st) {
		/* first run: nothing is open yet */
		draw_role_text(t, 0, 0, COLS, " " S_APP_NAME, ROLE_TITLE);
		return;
	}
	if (COLS < 40 || LINES < 12) {
		draw_text(0, 0, COLS, S_TOO_SMALL, A_BOLD, TEXT_LEFT);
		return;
	}
	tui_layout(t);
	tui_draw_title(t);
	for (int i = 0; i < PANE_COUNT; i++)
		if (t->panes[i].visible)
			tui_draw_pane(t, &t->panes[i], (int)t->focus == i);
	struct pane *fp = &t->panes[t->focus];
	char *summary = !t->msg[0] && fp->ops->status ? fp->ops->status(t, fp) : NULL;
	if (summary)
		draw_role_text(t, LINES - 2, 0, COLS, summary, ROLE_STATUS);
	else
		prompt_status(t, t->msg, t->msg_error);
	free(summary);
	/* with 私の担当 open, q closes it: the bar says 戻る */
	char *hints = tui_hint_line(t->panes[t->focus].ops->hints,
				    t->mine_mode ? TUI_SCREEN_SUB : TUI_SCREEN_MAIN, COLS, &t->hintbar);
	draw_hints(t, LINES - 1, 0, COLS, hints);
	free(hints);
}

void tui_draw_under(struct tui *t)
{
	if (t->under.draw)
		t->under.draw(t, t->under.ud);
	else
		tui_draw_main(t);
}

static void tui_cycle(struct tui *t, int dir)
{
	int i = (int)t->focus;
	do
		i = (i + dir + PANE_COUNT) % PANE_COUNT;
	while (!t->panes[i].visible);
	t->focus = (enum tui_pane_id)i;
}

static void tui_toggle_mine(struct tui *t)
{
	t->mine_mode = !t->mine_mode;
	if (t->mine_mode) {
		t->focus_before_mine = t->focus;
		t->focus = PANE_MINE;
		t->panes[PANE_MINE].ops->reload(t, &t->panes[PANE_MINE]);
	} else {
		t->focus = t->focus_before_mine == PANE_MINE ? PANE_AREAS : t->focus_before_mine;
	}
	tui_layout(t);
}

static void tui_mouse(struct tui *t)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return;
	if (!(ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED)))
		return;
	for (int i = 0; i < PANE_COUNT; i++) {
		struct pane *p = &t->panes[i];
		if (!p->visible || ev.y < p->fy || ev.y >= p->fy + p->fh ||
		    ev.x < p->fx || ev.x >= p->fx + p->fw)
			continue;
		t->focus = (enum tui_pane_id)i;
		if (p->ops->click && ev.y >= p->y && ev.y < p->y + p->h)
			p->ops->click(t, p, ev.y, ev.x);
		return;
	}
}

/* Actions no pane claimed. */
/* The area work's views (issue 9), opened from the main screen; false
 * for any other action. */
bool tui_area_view(struct tui *t, enum tui_action a)
{
	switch (a) {
	case ACT_KARTE:
		if (t->area_id) {
			char *id = xstrdup(t->area_id);
			karte_show(t, id);
			free(id);
			tui_reload_all(t);
		} else {
			tui_msg(t, "%s", S_KARTE_NO_AREA);
		}
		break;
	case ACT_HEATMAP: {
		char *id = t->area_id ? xstrdup(t->area_id) : NULL;
		heatmap_show(t, id);
		free(id);
		break;
	}
	case ACT_EVENTS:
		events_show(t);
		break;
	case ACT_GENERATIONS:
		generations_show(t);
		break;
	case ACT_SURVEYS:
		surveys_show(t);
		break;
	case ACT_STAFF:
		coverage_show(t);
		break;
	case ACT_LOAD:
		keyload_show(t);
		break;
	case ACT_REQUESTS:
		requests_show(t);
		break;
	case ACT_MATRIX:
		matrix_show(t);
		break;
	default:
		return false;
	}
	return true;
}

static void tui_generic(struct tui *t, enum tui_action a)
{
	if (tui_area_view(t, a))
		return;
	switch (a) {
	case ACT_NEXT_PANE:
		tui_cycle(t, 1);
		break;
	case ACT_PREV_PANE:
		tui_cycle(t, -1);
		break;
	case ACT_MINE:
		tui_toggle_mine(t);
		break;
	case ACT_HELP:
		help_show(t);
		break;
	case ACT_COMMAND:
		cmdline_run(t);
		break;
	case ACT_REPORTS:
		reports_run(t, NULL);
		break;
	case ACT_CONFLICTS:
		conflicts_show(t);
		break;
	case ACT_SYNC:
		sync_run(t);
		break;
	case ACT_DELETED:
		deleted_show(t);
		break;
	case ACT_UNDO:
	case ACT_REDO:
		ops_undo(t, a == ACT_REDO);
		break;
	case ACT_DUPLICATES:
		duplicates_show(t);
		break;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		break;
	case ACT_MORE_KEYS:
		t->hintbar.page++;
		break;
	case ACT_QUIT:
		if (t->mine_mode)
			tui_toggle_mine(t);
		else
			t->quit = true;
		break;
	case ACT_NONE:
		break;
	default:
		tui_msg(t, "%s", S_NOTHING_HERE);
		break;
	}
}

static void tui_loop(struct tui *t)
{
	while (!t->quit) {
		tui_draw_main(t);
		curs_set(0);
		refresh();
		int key = tui_getkey(t);
		if (key == TUI_FKEY(KEY_RESIZE))
			continue;
		if (key == TUI_FKEY(KEY_MOUSE)) {
			t->msg[0] = '\0';
			tui_mouse(t);
			continue;
		}
		enum tui_action a = tui_action_for_key(key);
		if (a == ACT_NONE) {
			tui_unused_key(t, key);
			continue;
		}
		t->msg[0] = '\0';
		t->msg_error = false;
		if (key == TUI_ESC && !t->mine_mode && !t->hangup) {
			/* Esc means "back"; on the main screen there is nothing to go
			 * back to, and quitting by a stray Esc would surprise */
			tui_msg(t, "%s", S_QUIT_HOW);
			continue;
		}
		struct pane *p = &t->panes[t->focus];
		if (p->ops->action && p->ops->action(t, p, a) == TUI_HANDLED)
			continue;
		tui_generic(t, a);
	}
}

/* A UTF-8 locale from the environment, else C.UTF-8; false if neither. */
static bool tui_locale(void)
{
	setlocale(LC_ALL, "");
	const char *cs = nl_langinfo(CODESET);
	if (cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0))
		return true;
	if (setlocale(LC_ALL, "C.UTF-8") || setlocale(LC_ALL, "C.utf8"))
		return true;
	return false;
}

static void tui_screen_start(struct tui *t)
{
	initscr();
	/* after initscr: the clean-up runs first, then curses' own handler */
	tmpfiles_guard_signals();
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED, NULL);
	mouseinterval(0);
	draw_theme_init(t);
}

/* Leaves curses with a blank alternate screen.  When the window was
 * resized while the program ran, tmux (3.3) gives the shell's screen back
 * by resizing the alternate screen to the old size and back again, and
 * the program's non-blank rows travel into the restored screen: the user
 * saw the program's last frame instead of the shell.  Blank rows are
 * dropped instead, so clearing first restores the shell's screen. */
static void tui_screen_end(struct tui *t)
{
	if (!t->hangup) {
		erase();
		refresh();
	}
	endwin();
}

static int tui_run(struct tui *t)
{
	for (int i = 0; i < PANE_COUNT; i++) {
		t->panes[i].ops = pane_ops_table[i];
		t->panes[i].ops->open(t, &t->panes[i]);
	}
	t->focus = PANE_AREAS;
	tui_reload_all(t);
	long open = store_conflicts_open(t->st);
	if (!t->msg[0] && open)
		tui_msg(t, S_CONFLICTS_OPEN, open);
	if (!t->msg[0])
		tui_msg(t, "%s", S_WELCOME);
	tui_loop(t);
	for (int i = 0; i < PANE_COUNT; i++)
		t->panes[i].ops->close(&t->panes[i]);
	return 0;
}

/* An older file is upgraded as it opens (up to a minute on a city's
 * file): said on the screen first, so that no one takes the wait for a
 * hang.  Returns the file's version when it is to be upgraded, else 0. */
static int say_upgrade(struct tui *t, const char *path)
{
	int v = store_upgrade_pending(path);
	if (!v)
		return 0;
	erase(); /* where the original is kept is said after, when there is room */
	draw_role_text(t, 0, 0, COLS, " " S_APP_NAME, ROLE_TITLE);
	draw_role_text(t, LINES - 2, 0, COLS, S_UPGRADING, ROLE_STATUS);
	refresh();
	return v;
}

/* --demo on a file not made yet: make it, its own work the user's. */
static enum tsu_status tui_make_demo(struct tui *t, const struct tui_options *opt,
				     struct tsu_error *err)
{
	if (!opt->demo || access(opt->db_path, F_OK) == 0)
		return TSU_OK;
	erase();
	draw_text(LINES / 2, 2, COLS - 4, S_DEMO_MAKING, A_BOLD, TEXT_LEFT);
	refresh();
	return store_demo_file(opt->db_path, t->author, err);
}

int tui_main(const struct tui_options *opt)
{
	struct tui t = {0};
	struct tsu_error err = {0};
	bool utf8 = tui_locale();
	char *asked = NULL;
	int rc = 0;

	if (opt->timing && !timing_open(&t.timing, opt->timing)) {
		char *shown = text_sanitize(opt->timing, 0);
		fprintf(stderr, "tsunagu: --timing: %s に書けません\n", shown);
		free(shown);
		return 3;
	}
	clock_today(t.today, sizeof(t.today));
	t.db_path = opt->db_path;
	t.date_style = opt->date_style;
	tui_screen_start(&t);
	if (!opt->author) {
		asked = firstrun_ask(&t);
		if (!asked) {
			tui_screen_end(&t);
			timing_close(&t.timing);
			return 1;
		}
	}
	t.author = opt->author ? opt->author : asked;
	int upgraded = say_upgrade(&t, opt->db_path);
	if (tui_make_demo(&t, opt, &err) != TSU_OK ||
	    store_open(opt->db_path, STORE_OPEN_CREATE, &t.st, &err) != TSU_OK) {
		tui_screen_end(&t);
		char *shown = text_sanitize(err.msg, 0); /* it quotes the path */
		fprintf(stderr, "tsunagu: %s\n", shown);
		free(shown);
		free(asked);
		timing_close(&t.timing);
		return tsu_status_exit_code(err.status);
	}
	if (err.status == TSU_DB_NEWER)
		tui_error(&t, &err);
	else if (!utf8)
		tui_msg(&t, "%s", S_LOCALE_WARN);
	else if (opt->notice)
		tui_msg(&t, "%s", opt->notice);
	else if (upgraded)
		tui_msg(&t, S_UPGRADED, upgraded, store_schema_version(), opt->db_path, upgraded);
	store_set_author(t.st, t.author);
	rc = tui_run(&t);
	tui_screen_end(&t);
	store_close(t.st);
	timing_close(&t.timing);
	free(t.area_id);
	free(t.area_name);
	free(asked);
	return rc;
}
