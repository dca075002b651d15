#ifndef TSUNAGU_TUI_TSCREEN_H
#define TSUNAGU_TUI_TSCREEN_H
#include <stdbool.h>
#include "app.h"
#include "draw.h"

/*
 * A full-screen table opened by a key (候補 s, 兼務 w, 要望 o): a title,
 * column headings, rows whose columns are laid out by display width (a
 * column too wide for the screen is cut with "…"), group headings the
 * cursor skips, the selected row in reverse video, the status line and the
 * key bar of `hints`.  A row may be emphasised (ROLE_OVERDUE); emphasis is
 * an extra, the row's own text carries the meaning in monochrome.
 *
 * Keys: movement is handled here; every other action goes to `act` with
 * the selected row's value.  `fill` (re)builds the rows: at the start and
 * whenever `act` sets *reload.
 */
struct tscreen_row {
	char **cells;          /* ncols strings; a heading has one */
	char *value;           /* what `act` gets (an id), or NULL */
	enum draw_role role;   /* ROLE_NORMAL, ROLE_OVERDUE, ROLE_SECTION (heading) */
};

struct tscreen {
	const char *title;
	int ncols;
	const char *const *heads;
	const enum tui_action *hints;
	void (*fill)(struct tui *t, struct tscreen *s);
	/* Returns true to close the screen. */
	bool (*act)(struct tui *t, struct tscreen *s, enum tui_action a, const char *value,
		    bool *reload);
	void *ud;
	const char *empty;     /* shown when there are no rows */
	/* With show_status, the selected row's column status_col is shown
	 * whole on the status line (a narrow screen cuts it in the table). */
	bool show_status;
	int status_col;
	/* state */
	struct tscreen_row *rows;
	int n, cap;
	int sel, top;
	char *subtitle;        /* set by fill: counts, shown after the title */
};

void tscreen_add(struct tscreen *s, const char *const *cells, const char *value,
		 enum draw_role role);
void tscreen_heading(struct tscreen *s, const char *text);
void tscreen_clear(struct tscreen *s);
/* Shows the screen until q/Esc or `act` closes it; the rows are freed. */
void tscreen_run(struct tui *t, struct tscreen *s);
/* The value of the selected row, or NULL. */
const char *tscreen_value(const struct tscreen *s);

#endif
