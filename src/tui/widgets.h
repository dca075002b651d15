#ifndef TSUNAGU_TUI_WIDGETS_H
#define TSUNAGU_TUI_WIDGETS_H
#include <stdbool.h>
#include <stddef.h>
#include "tsunagu/sbuf.h"

/*
 * Small modal widgets: a one-line editor for wide-character input, the
 * question/input prompts on the status line, and pick lists.  Each modal
 * loop redraws the main screen under itself every time, so a terminal
 * resize while it is open simply lays everything out again.
 */
struct tui;

/* ---- line editor (lineedit.c) ---- */
struct lineedit {
	struct sbuf buf;
	size_t cur;    /* byte offset of the cursor, always on a character start */
	size_t start;  /* first byte shown (horizontal scroll) */
};

enum le_result { LE_IGNORED, LE_MOVED, LE_CHANGED };

void le_init(struct lineedit *le, const char *text);
void le_free(struct lineedit *le);
void le_set(struct lineedit *le, const char *text);
const char *le_text(const struct lineedit *le);
/* Applies an editing key: characters insert, Backspace removes the whole
 * character before the cursor, ← → move by character, Home/End, ^A,
 * ^U (clear to start), ^K (clear to end), Del. */
enum le_result le_key(struct lineedit *le, int key);
/* Replaces the bytes [from, to) (character starts) with `text`; a cursor
 * at or after `from` stays after the inserted text. */
void le_replace(struct lineedit *le, size_t from, size_t to, const char *text);
/* Draws the visible part in `cols` columns and returns the screen column
 * of the cursor (the cursor moves by display width). */
int le_draw(struct lineedit *le, int y, int x, int cols, int attr);
/* Columns taken by the bytes [from, to) of the text. */
int le_cols(const struct lineedit *le, size_t from, size_t to);

/* ---- multi-line editor (textarea.c), on a lineedit's buffer ---- */
/* Enter inserts a line break; ↑ ↓ move between the lines shown in a field
 * `cols` wide (LE_IGNORED above the first and below the last, so the
 * caller can leave the field); Home End ^A ^U ^K act on the line; other
 * keys as le_key. */
enum le_result ta_key(struct lineedit *le, int key, int cols);
/* Lines the text takes in a field `cols` wide (at least 1). */
int ta_height(const struct lineedit *le, int cols);
/* Draws `rows` lines from y, scrolled so the cursor line shows; returns
 * the cursor's screen column and sets *cy to its row. */
int ta_draw(struct lineedit *le, int y, int x, int cols, int rows, int attr, int *cy);

/* ---- prompts (prompt.c) ---- */
/* Asks a yes/no question on the status line; true for y. */
bool prompt_confirm(struct tui *t, const char *question);
/* A message on the status line (in the error colour with `error`),
 * whole however narrow the screen: too long for the line it takes the
 * rows above it, as a question does ("…未確認の競合 1 件 (c で確認)" lost
 * its key at 60 columns). */
void prompt_status(struct tui *t, const char *text, bool error);
/* Called after each change of the input with the current text. */
typedef void (*prompt_change_cb)(struct tui *t, void *ud, const char *text);
/* Reads a line on the status line.  Returns a new string, or NULL when
 * cancelled with Esc.  `changed` (may be NULL) sees every keystroke. */
char *prompt_line(struct tui *t, const char *label, const char *initial,
		  prompt_change_cb changed, void *ud);
/* As prompt_line, for text worth keeping (a department's answer): Esc
 * after something was typed asks first, and n goes back to the text. */
char *prompt_text(struct tui *t, const char *label, const char *initial);
/* A line that starts empty, for searches: ↑ or Ctrl-P brings back
 * `recall` (the previous query; the label shows it while the input is
 * empty), Esc gives `changed` the text `restore` (what was in effect). */
char *prompt_recall(struct tui *t, const char *label, const char *recall,
		    const char *restore, prompt_change_cb changed, void *ud);
/* Shows a long read-only text (help) full screen until q/Esc. */
void prompt_pager(struct tui *t, const char *title, const char *text);

/* ---- pick lists (picklist.c) ---- */
struct pick_item {
	char *label;
	char *value;
};

struct pick_list {
	struct pick_item *items;
	int n, cap;
};

void pick_add(struct pick_list *l, const char *label, const char *value);
void pick_clear(struct pick_list *l);
/* Fills `out` for the query typed so far (for lists that search the
 * store); NULL fill means filter the given static items by their labels. */
typedef void (*pick_fill_cb)(struct tui *t, void *ud, const char *query,
			     struct pick_list *out);

/* Shows the list in a centred box; typing narrows it.  Returns a new
 * string with the chosen value (never NULL for a chosen item: an item
 * with NULL value returns ""), or NULL when cancelled. */
char *picklist_run(struct tui *t, const char *title, const struct pick_list *items,
		   const char *current, pick_fill_cb fill, void *ud);
/* A list of which several may be chosen: Space marks or unmarks the
 * selected item, Enter closes, typing narrows the list.  `current` holds
 * the values marked at first, joined by ","; returns the marked values
 * joined by "," in the order of `items` (new string, "" for none), or
 * NULL when cancelled with Esc. */
char *picklist_multi(struct tui *t, const char *title, const struct pick_list *items,
		     const char *current);
/* Items for choice kind `kind` (store_choices); with `none` an empty
 * choice first. */
void pick_choices(struct tui *t, const char *kind, bool none, struct pick_list *out);

#endif
