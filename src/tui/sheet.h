#ifndef TSUNAGU_TUI_SHEET_H
#define TSUNAGU_TUI_SHEET_H
#include <stdbool.h>
#include <stddef.h>
#include "action.h"
#include "draw.h"
#include "tsunagu/list.h"

/*
 * A full-screen sheet of lines opened by a key (行事 v, 世代別 W,
 * アンケート Q, 職員体制 T, 候補 s, 兼務 w, 要望 o): a title bar, lines
 * (section headings, tables laid out by display width, notes), the status
 * line and the key bar.  Lines
 * that stand for a record (an id) can be selected; the others scroll by.
 * The caller builds the lines for the screen's width, runs the sheet, and
 * acts on the action it returns (open, add, ...), then builds again.
 */
struct tui;

struct sheet_line {
	char *text;           /* sanitised, already laid out */
	enum draw_role role;
	char *id;             /* the record it stands for, or NULL */
	char *note;           /* shown whole on the status line when selected */
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

/* A table gathered row by row (from a store walk) before it is laid
 * out: sheet_rows_put adds it to the sheet and frees the rows. */
struct sheet_rows {
	int ncols;
	char **cells;          /* n * ncols, sanitised when laid out */
	char **ids, **notes, **groups;
	enum draw_role *roles;
	int n, cap;
	char *group;           /* heading for the next row */
};

/* Adds a row of r->ncols cells (NULL for empty) standing for `id` (or
 * NULL: not selectable). */
void sheet_rows_add(struct sheet_rows *r, const char *const *cells, const char *id,
		    enum draw_role role);
/* The last row's whole text for the status line, shown when the row
 * as laid out does not hold it whole (a narrow screen cut a cell). */
void sheet_rows_note(struct sheet_rows *r, const char *note);
/* A heading ("■ text") before the next row; the columns stay aligned
 * across the headings. */
void sheet_rows_group(struct sheet_rows *r, const char *heading);
/* Adds the gathered rows as a table (as sheet_table) and frees them. */
void sheet_rows_put(struct sheet *s, int width, const struct sheet_col *cols,
		    struct sheet_rows *r);
void sheet_rows_free(struct sheet_rows *r);

/* Drops the lines (keeps the selection's record for the next build). */
void sheet_clear(struct sheet *s);
void sheet_free(struct sheet *s);
/* Selects record `id` after the next build (a record just added), in
 * place of the line selected now. */
void sheet_keep(struct sheet *s, const char *id);
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
/* Opens a sheet and keeps it open: `build` lays its lines out (again
 * after every action and resize), sheet_run moves in it, and every other
 * action but q/Esc goes to `act` with a copy of the selected record (or
 * NULL); `act` returns true to close the sheet.  The backdrop is restored
 * afterwards. */
typedef void (*sheet_build_fn)(struct tui *t, struct sheet *s, void *ud);
typedef bool (*sheet_act_fn)(struct tui *t, struct sheet *s, enum tui_action a,
			     const char *id, void *ud);
void sheet_show(struct tui *t, sheet_build_fn build, sheet_act_fn act, void *ud);
/* Width the sheet's lines may take. */
int sheet_width(void);

#endif
