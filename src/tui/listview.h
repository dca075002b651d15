#ifndef TSUNAGU_TUI_LISTVIEW_H
#define TSUNAGU_TUI_LISTVIEW_H
#include <stdbool.h>
#include <stddef.h>
#include "app.h"
#include "rows.h"

/*
 * A scrolling table over a `struct rows` window: headings, columns laid
 * out by display width (one flexible column takes what is left; columns
 * that do not fit a narrow pane are dropped), the selected row in reverse
 * video.  Areas, Directory and Mine are each a list view plus a few
 * columns and their own actions.
 */
struct lv_col {
	const char *heading;
	const char *col;          /* list column name */
	int width;                /* 0: flexible (flexible columns share the rest) */
	enum text_align align;
	int min_pane_w;           /* shown only when the pane is at least this wide */
	/* Formats the cell (buf has n bytes); NULL shows the column as is. */
	const char *(*cell)(struct tui *t, struct rows *r, long idx, char *buf, size_t n);
	/* Role for the cell (overdue highlight); NULL = normal. */
	bool (*emph)(struct tui *t, struct rows *r, long idx);
	int max_pane_w;           /* shown only when the pane is narrower (0: always) */
};

struct listview {
	struct rows rows;
	long sel, top;
	const char *first_label;  /* a virtual first row ("全エリア") or NULL */
};

long lv_total(struct tui *t, struct listview *lv);
/* Index into lv->rows of the selection; -1 for the virtual row or none. */
long lv_row(struct tui *t, struct listview *lv);
const char *lv_get(struct tui *t, struct listview *lv, const char *col);
void lv_draw(struct tui *t, struct pane *p, struct listview *lv,
	     const struct lv_col *cols, int ncols);
/* Movement actions; TUI_HANDLED when `a` moved the selection. */
enum tui_handled lv_move(struct tui *t, struct pane *p, struct listview *lv,
			 enum tui_action a);
void lv_click(struct tui *t, struct pane *p, struct listview *lv, int y);
/* Selects the row whose "id" is `id`; false when the list does not hold it. */
bool lv_select_id(struct tui *t, struct listview *lv, const char *id);

#endif
