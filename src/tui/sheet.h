#ifndef TSUNAGU_TUI_SHEET_H
#define TSUNAGU_TUI_SHEET_H
#include <stdbool.h>
#include <stddef.h>
#include "action.h"
#include "draw.h"
#include "tsunagu/list.h"

/*
 * A full-screen sheet of lines for the area-work views (行事, 世代別,
 * アンケート, 職員体制): a title bar, lines (section headings, tables laid
 * out by display width, notes), the status line and the key bar.  Lines
 * that stand for a record (an id) can be selected; the others scroll by.
 * The caller builds the lines for the screen's width, runs the sheet, and
 * acts on the action it returns (open, add, ...), then builds again.
 */
struct tui;

struct sheet_line {
	char *text;           /* sanitised, already laid out */
	enum draw_role role;
	char *id;             /* the record it stands for, or NULL */
};

struct sheet {
	char *title;
	const enum tui_action *hints;
	struct sheet_line *l;
	int n, cap;
	int sel, top;         /* selected line; first line shown */
	char *keep_id;        /* after a rebuild, select this record again */
};

/* A table's column: heading, alignment, and whether it takes the
 * columns left over (at most one should). */
struct sheet_col {
	const char *heading;
	enum text_align align;
	bool flex;
	const char *list_col;  /* for sheet_list: the list column shown */
	bool date;             /* for sheet_list: a date, in the user's style */
};

/* Drops the lines (keeps the selection's record for the next build). */
void sheet_clear(struct sheet *s);
void sheet_free(struct sheet *s);
/* Sets the title bar (sanitised here). */
void sheet_title(struct sheet *s, const char *text);
/* Adds one line (text is sanitised here). */
void sheet_add(struct sheet *s, enum draw_role role, const char *text, const char *id);
/* Adds a text wrapped to the sheet's width, each line in `role`. */
void sheet_add_wrapped(struct sheet *s, enum draw_role role, const char *text);
/* Adds a table: a heading line, then one line per row of cells (nrows *
 * ncols, NULL for empty), each row with ids[i] (ids and roles may be
 * NULL).  Widths follow the cells, fitted into `width` columns. */
void sheet_table(struct sheet *s, int width, const struct sheet_col *cols, int ncols,
		 const char *const *cells, int nrows, const char *const *ids,
		 const enum draw_role *roles);
/* Adds a table of the rows of a list query (store_list), each row
 * standing for its "id"; returns the number of rows (-1 and a message on
 * the status line when the query failed). */
long sheet_list(struct tui *t, struct sheet *s, enum list_kind kind, const struct list_query *q,
		const struct sheet_col *cols, int ncols);
/* The record of the selected line, or NULL. */
const char *sheet_id(const struct sheet *s);
/* Shows the sheet and moves in it until a key asks for something else;
 * returns that action (ACT_QUIT for q/Esc, ACT_REDRAW after a resize so
 * the caller lays the lines out again).  The sheet stays the backdrop
 * (t->under) of the prompts and forms the caller opens for the action;
 * the caller restores t->under when it closes the sheet. */
enum tui_action sheet_run(struct tui *t, struct sheet *s);
/* Width the sheet's lines may take. */
int sheet_width(void);

#endif
