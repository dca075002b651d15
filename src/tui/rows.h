#ifndef TSUNAGU_TUI_ROWS_H
#define TSUNAGU_TUI_ROWS_H
#include <stdbool.h>
#include "tsunagu/list.h"

/*
 * A window onto one list query (store_list), for list panes.  Only the
 * rows near what is on screen are held: asking for a row outside the
 * window fetches a new window with LIMIT/OFFSET, so a 100k-party file
 * scrolls without loading all rows.  The count comes from
 * store_list_count and is refreshed on rows_reload.
 */
struct store;

struct rows {
	enum list_kind kind;
	/* the query; strings owned (NULL = no filter) */
	char *area_id, *status, *search, *org_type, *generation, *offer;
	long total;
	long base;       /* index of cells' first row */
	int n;           /* rows held */
	int ncols;
	int window;      /* rows per fetch; grows when fetching is slow */
	char **cells;    /* n * ncols, NULL for empty values */
	const struct list_columns *cols;
	bool loaded;
	struct tsu_error err;
	bool failed;
	bool interrupted;      /* the last query gave way to the next key */
};

void rows_init(struct rows *r, enum list_kind kind);
void rows_free(struct rows *r);
/* Replaces one filter string (may be NULL or ""): marks the rows stale. */
void rows_set(struct rows *r, char **field, const char *value);
/* Drops held rows and re-counts. */
void rows_reload(struct rows *r, struct store *st);
/* Number of matching rows (loads if needed). */
long rows_count(struct rows *r, struct store *st);
/* Value of column `name` of row `idx`, or NULL (empty, unknown column or
 * out of range). */
const char *rows_get(struct rows *r, struct store *st, long idx, const char *name);
int rows_col(const struct rows *r, const char *name);

/* What tells namesakes apart, for a party row: its areas, generation
 * and first role, with "他N" for the other roles ("諏訪中学区 高齢者
 * 会計(永山商店会7) 他1"); empty parts are left out.  Appends to b. */
struct sbuf;
void rows_party_who(struct sbuf *b, const char *areas, const char *generation,
		    const char *roles, const char *load);
/* The LIST_PARTIES columns rows_party_who reads, for a store_list
 * callback (the duplicates list, the party pick list). */
struct party_who_cols {
	int areas, generation, roles, load;
};
void rows_party_who_cols(struct party_who_cols *c);
/* A space and rows_party_who of LIST_PARTIES row v, when it says anything. */
void rows_party_who_row(struct sbuf *b, const struct party_who_cols *c, const char *const *v);

/* Keeps *sel within [0, total) and *top so that *sel is visible in h rows. */
void rows_clamp(long total, int h, long *sel, long *top);

#endif
