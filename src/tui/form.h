#ifndef TSUNAGU_TUI_FORM_H
#define TSUNAGU_TUI_FORM_H
#include <stdbool.h>
#include "tsunagu/entity.h"
#include "tsunagu/record.h"
#include "widgets.h"

/* Private to form.c and formview.c. */
struct form_row {
	const struct field_def *def;
	char *value;    /* as the store takes it; NULL when empty */
	char *orig;     /* value when the form opened (edit) */
	char *display;  /* cached title of a referenced row */
	char *delta;    /* a set of parties' changes as sent on save */
	bool hidden;
	bool preset;
};

struct form {
	const struct entity_def *def;
	struct record *rec;        /* the row being edited, or NULL (add) */
	uuid_str id;
	char *title;               /* heading (new string) */
	struct form_row *rows;
	int n;
	int cur;                   /* row index; n = 保存, n + 1 = 取消 */
	int top;                   /* first row shown */
	bool editing;              /* le holds the current row's text */
	struct lineedit le;
	int text_cols;             /* width of the value column, for ↑ ↓ in long text */
	struct sbuf refused;       /* typed where nothing can be typed, for the message */
	bool refusing;             /* the last key was refused */
	char msg[TSU_ERROR_MSG_MAX];
	bool msg_error;
};

struct tui;
void form_focus(struct tui *t, struct form *f, int i, int dir);
void form_draw(struct tui *t, struct form *f);
/* Title of row `id` of `entity` (new string). */
char *form_ref_title(struct tui *t, const char *entity, const char *id);
/* Marks areas by name in a multi-choice list starting from `current`
 * ("a,b"); the new set (new string) or NULL when cancelled. */
char *form_area_pick(struct tui *t, const char *title, const char *current);
/* Enter on a set of parties: a party picked from the list that tells
 * namesakes apart, added to `current` ("a,b") by its name, or by its
 * short ID when its name does not name it alone; new string or NULL. */
char *form_set_pick(struct tui *t, const struct field_def *def, const char *current);
/* Picks a row of def->ref; new string (id, "" for none) or NULL. */
char *form_ref_pick(struct tui *t, const struct field_def *def, const char *current);

#endif
