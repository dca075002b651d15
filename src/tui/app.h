#ifndef TSUNAGU_TUI_APP_H
#define TSUNAGU_TUI_APP_H
#include <stdbool.h>
#include "action.h"
#include "timing.h"
#include "tsunagu/localtime.h"
#include "tsunagu/status.h"
#include "tsunagu/uuid.h"

/*
 * The application context and the pane plug-in interface.
 *
 * One `struct tui` is created by tui_main and passed down to everything;
 * there are no other globals.  A pane (tig's view) is one file that fills
 * in a `struct pane_ops` with named initialisers and keeps its own state
 * behind `pane->priv`.  Keys are turned into actions by the table in
 * action.c; the focused pane sees each action first and answers
 * TUI_UNHANDLED for the ones it does not own, which tui.c then handles
 * generically.
 */
struct store;
struct tui;
struct pane;

#define TUI_PANE_LIST(_) \
	_(AREAS,     areas) \
	_(DIRECTORY, directory) \
	_(BOARD,     board) \
	_(MINE,      mine)

enum tui_pane_id {
#define TUI_PANE_ENUM(id, name) PANE_##id,
	TUI_PANE_LIST(TUI_PANE_ENUM)
#undef TUI_PANE_ENUM
	PANE_COUNT
};

enum tui_handled { TUI_UNHANDLED, TUI_HANDLED };

struct pane_ops {
	const char *name;
	const char *title;
	/* Allocates pane->priv; loads nothing yet. */
	void (*open)(struct tui *t, struct pane *p);
	/* Frees pane->priv. */
	void (*close)(struct pane *p);
	/* Re-reads its rows (after a change or a new area filter). */
	void (*reload)(struct tui *t, struct pane *p);
	/* Draws inside p->y, p->x, p->h, p->w (frame drawn by tui.c). */
	void (*draw)(struct tui *t, struct pane *p);
	enum tui_handled (*action)(struct tui *t, struct pane *p, enum tui_action a);
	/* A mouse click at screen row y, column x inside the pane. */
	void (*click)(struct tui *t, struct pane *p, int y, int x);
	/* Actions shown on the bottom line while focused (ACT_NONE ends). */
	const enum tui_action *hints;
	/* Extra text for the frame title ("検索: 山田"), or NULL. */
	const char *(*subtitle)(struct tui *t, struct pane *p);
	/* The selected row in full for the status line when there is no
	 * message (narrow columns cut titles); new string or NULL. */
	char *(*status)(struct tui *t, struct pane *p);
};

struct pane {
	const struct pane_ops *ops;
	void *priv;
	int y, x, h, w;     /* inner rectangle, set by the layout */
	int fy, fx, fh, fw; /* frame rectangle */
	bool visible;
};

/* What modal widgets draw under themselves: the main screen, or the form
 * or detail view that opened them. */
struct tui_backdrop {
	void (*draw)(struct tui *t, void *ud);
	void *ud;
};

struct tui {
	struct store *st;
	const char *db_path;
	const char *author;
	enum date_style date_style; /* how times read (localtime_format) */
	bool color;
	bool quit;
	bool hangup;              /* the terminal went away: leave every loop */
	struct pane panes[PANE_COUNT];
	enum tui_pane_id focus;
	bool mine_mode;           /* the Mine pane replaces Directory and Board */
	enum tui_pane_id focus_before_mine;
	char *area_id;            /* selected area (full id) or NULL for all */
	char *area_name;
	char msg[TSU_ERROR_MSG_MAX];
	bool msg_error;
	char today[11];
	struct tui_backdrop under;
	struct tui_hintbar hintbar; /* page of the bottom line */
	struct tui_timing timing;   /* --timing FILE (timing.h) */
};

/* Sets the status-line message (printf style). */
void tui_msg(struct tui *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void tui_error(struct tui *t, const struct tsu_error *err);
/* Reloads every pane (data changed). */
void tui_reload_all(struct tui *t);
/* Opens the area view of action `a` (カルテ, heatmap, events, generations,
 * surveys, staff, load, requests, matrix) for the selected area; false
 * when `a` is not one of them. */
bool tui_area_view(struct tui *t, enum tui_action a);
/* Draws the whole main screen (panes, title, status, hints) without
 * refreshing; modal widgets draw over it. */
void tui_draw_main(struct tui *t);
/* Draws what lies under a modal widget (t->under, else the main screen). */
void tui_draw_under(struct tui *t);
/* Reads one key (see action.h for the encoding); handles nothing. */
int tui_getkey(struct tui *t);
/* One turn of a full-screen view: makes `under` the backdrop, draws it,
 * reads a key and returns its action with the status line cleared;
 * ACT_NONE for a key bound to nothing, ACT_REDRAW after a resize or
 * Ctrl-L (the caller draws again, at the new size). */
enum tui_action tui_view_key(struct tui *t, struct tui_backdrop under);
/* True for a key that types a character (not a control or function key). */
bool tui_key_is_text(int key);
/* Sets the area filter (NULL = all areas) and reloads the other panes. */
void tui_set_area(struct tui *t, const char *id, const char *name);
/* True (and a message) when the file is read-only. */
bool tui_readonly(struct tui *t);

extern const struct pane_ops pane_areas_ops;
extern const struct pane_ops pane_directory_ops;
extern const struct pane_ops pane_board_ops;
extern const struct pane_ops pane_mine_ops;

#endif
