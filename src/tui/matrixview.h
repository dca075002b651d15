#ifndef TSUNAGU_TUI_MATRIXVIEW_H
#define TSUNAGU_TUI_MATRIXVIEW_H
#include <stdbool.h>
#include "tsunagu/matrix.h"

/*
 * What the matrix grid (matrix.c) and its cell page (matrixcell.c) share:
 * the matrix as read for the scope, and the selected cell.
 */
struct tui;

struct mgrid {
	struct matrix m;
	const char *area_id;   /* scope: the selected area, or NULL for all */
	const char *area_name;
	int cat, dept;         /* the selected cell */
	int top, left;         /* first category row and department column shown */
	int dept_cap;          /* widest a department column is drawn (0: MG_DEPT_MAX) */
};

/* Reads the matrix again, keeping the selected cell where it was (by
 * category code and department id); false (and a message) on error. */
bool mgrid_reload(struct tui *t, struct mgrid *g);
/* a: the add form of an entry of the selected cell, its category and
 * department filled in (and the scope's area and state `state`, an index
 * of matrix_states or -1 for 取組中, as starting values); true when one
 * was saved. */
bool mgrid_add_entry(struct tui *t, struct mgrid *g, int state);
/* Enter: the page of the selected cell until q/Esc; true when anything
 * changed. */
bool matrixcell_run(struct tui *t, struct mgrid *g);

#endif
