#ifndef TSUNAGU_TUI_DRAW_H
#define TSUNAGU_TUI_DRAW_H
#include <stdbool.h>
#include "tsunagu/textwidth.h"

/*
 * Width-aware drawing and the theme.  Every string reaches the screen
 * through draw_text: sanitised (stored text may hold escape sequences),
 * then cut and padded by display columns so that columns line up and no
 * wide character is split.  Colours are an extra: every role has a
 * monochrome attribute (reverse, bold, underline) that carries the
 * meaning alone, and NO_COLOR turns colours off.
 */
struct tui;

enum draw_role {
	ROLE_NORMAL,
	ROLE_TITLE,      /* top bar */
	ROLE_FRAME,
	ROLE_FRAME_FOCUS,
	ROLE_HEADER,     /* column headings */
	ROLE_SELECTED,   /* selected row in the focused pane */
	ROLE_SELECTED_DIM, /* selected row in another pane */
	ROLE_OVERDUE,
	ROLE_STATUS,
	ROLE_ERROR,
	ROLE_HINT,
	ROLE_HINT_KEY,
	ROLE_SECTION,
	ROLE_FIELD,      /* form input */
	ROLE_COUNT
};

/* Sets up colour pairs unless NO_COLOR is set or the terminal has none. */
void draw_theme_init(struct tui *t);
int draw_attr(const struct tui *t, enum draw_role role);

/* Draws s in exactly `cols` columns at (y, x). */
void draw_text(int y, int x, int cols, const char *s, int attr, enum text_align align);
/* Same with the colour/attribute of `role`. */
void draw_role_text(const struct tui *t, int y, int x, int cols, const char *s,
		    enum draw_role role);
/* Fills a rectangle with blanks in `attr`. */
void draw_fill(int y, int x, int h, int w, int attr);
/* A frame with a title on its top edge. */
void draw_frame(const struct tui *t, int y, int x, int h, int w, const char *title,
		bool focused);
/* A bottom-line style hint "a 追加  e 編集": keys bold, labels normal. */
void draw_hints(const struct tui *t, int y, int x, int cols, const char *line);

/* Splits s (sanitised, keeping newlines) into display lines of at most
 * `cols` columns; calls cb for each (line is NUL-terminated, temporary). */
typedef void (*draw_line_cb)(void *ud, const char *line);
void draw_wrap(const char *s, int cols, draw_line_cb cb, void *ud);
/* One line (no newline) in `cols` columns whose later display lines go on
 * `hang` columns in (under a log entry's text, a help entry's
 * explanation): the first to first(first_ud, line), the rest, wrapped
 * again in cols - hang columns, to hung(hung_ud, line), which indents. */
void draw_wrap_hung(const char *line, int cols, int hang, draw_line_cb first, void *first_ud,
		    draw_line_cb hung, void *hung_ud);

/* Formats a decimal with thousands separators: 12,345. */
void draw_thousands(const char *num, char *out, size_t n);

#endif
