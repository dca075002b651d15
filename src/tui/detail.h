#ifndef TSUNAGU_TUI_DETAIL_H
#define TSUNAGU_TUI_DETAIL_H
#include <stdbool.h>
#include "action.h"
#include "app.h"
#include "draw.h"
#include "tsunagu/uuid.h"

/* Private to detail.c (the view) and detailpage.c (building the page). */
struct detail_entry {
	char *text;                 /* may hold newlines; wrapped when drawn */
	enum draw_role role;
	const char *open_entity;    /* Enter opens this row */
	char *open_id;
	const char *item_entity;    /* e / d / E act on this row */
	char *item_id;
	int hang;                   /* columns a wrapped first line goes on at (0: its indent) */
};

struct detail {
	char entity[16];
	uuid_str id;
	char name[256];             /* the row's title, for questions */
	char *title;                /* top bar */
	const enum tui_action *hints;
	struct detail_entry *e;
	int n, cap;
	char **lines;               /* display lines of the last layout */
	int *lentry;                /* entry of each line */
	int nlines, lcap;
	int cur, top;
	uuid_str show_item;         /* after a reload, put the cursor on this row */
	const struct detail_kind *kind; /* a page of another module, or NULL */
};

/* A page that another module builds and acts on (the 地域カルテ,
 * karte.c): `build` fills the entries in place of detail_build, and
 * `action` sees each action first (TUI_HANDLED: taken). */
struct tui;
struct detail_kind {
	bool (*build)(struct tui *t, struct detail *d);
	enum tui_handled (*action)(struct tui *t, struct detail *d, enum tui_action a,
				   bool *changed);
};
/* detail_run for such a page on row `id` of `entity`. */
void detail_run_kind(struct tui *t, const char *entity, const char *id,
		     const struct detail_kind *kind);

struct tui;
void dl_add(struct detail *d, enum draw_role role, const char *text);
/* Wrapped, the last entry's first line goes on `hang` columns in. */
void dl_hang(struct detail *d, int hang);
/* Gives the last entry a row to open and/or a row it stands for. */
void dl_ref(struct detail *d, const char *open_entity, const char *open_id,
	    const char *item_entity, const char *item_id);
/* Fills the page for d->entity / d->id; false (and a message) if the row
 * is gone. */
bool detail_build(struct tui *t, struct detail *d);
/* detail_work.c: an event's attendance by generation and a group's
 * surveys, with the keys of those pages (issue 9). */
void detail_area_work(struct tui *t, struct detail *d);

#endif
