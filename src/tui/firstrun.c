/*
 * First run: before the file is opened, ask once for the name recorded as
 * author of every change, and the role; save both in the user's config.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app.h"
#include "draw.h"
#include "screens.h"
#include "strings.h"
#include "widgets.h"
#include "tsunagu/config.h"
#include "tsunagu/textnorm.h"

static void firstrun_draw(struct tui *t, struct lineedit *le, const char *msg)
{
	int w = COLS > 70 ? 70 : COLS - 2;
	int x = (COLS - w) / 2, y = LINES / 2 - 4;
	erase();
	draw_role_text(t, 0, 0, COLS, " " S_APP_NAME, ROLE_TITLE);
	draw_frame(t, y, x, 8, w, S_FIRST_TITLE, true);
	draw_text(y + 2, x + 2, w - 4, S_FIRST_TEXT, A_NORMAL, TEXT_LEFT);
	draw_text(y + 4, x + 2, 6, S_FIRST_NAME, A_BOLD, TEXT_LEFT);
	int cx = le_draw(le, y + 4, x + 8, w - 10, draw_attr(t, ROLE_FIELD) | A_BOLD);
	draw_text(y + 6, x + 2, w - 4, msg, draw_attr(t, ROLE_ERROR), TEXT_LEFT);
	draw_hints(t, LINES - 1, 0, COLS, S_FIRST_HINT);
	move(y + 4, cx);
	curs_set(1);
	refresh();
}

/* The name typed, trimmed; NULL on Esc. */
static char *firstrun_name(struct tui *t)
{
	struct lineedit le;
	char msg[128] = "";
	char *name = NULL;
	le_init(&le, "");
	for (;;) {
		firstrun_draw(t, &le, msg);
		int key = tui_getkey(t);
		if (key == TUI_ESC)
			break;
		if (key == '\n' || key == '\r' || key == TUI_FKEY(KEY_ENTER)) {
			name = text_trim(le_text(&le));
			if (name && *name)
				break;
			free(name);
			name = NULL;
			snprintf(msg, sizeof(msg), S_FORM_REQ_EMPTY, S_FIRST_NAME);
			continue;
		}
		le_key(&le, key);
	}
	le_free(&le);
	curs_set(0);
	return name;
}

char *firstrun_ask(struct tui *t)
{
	struct user_config c = {0};
	struct tsu_error err = {0};
	struct pick_list roles = {0};
	char *name = firstrun_name(t);
	if (!name)
		return NULL;
	pick_add(&roles, S_ROLE_1, S_ROLE_1);
	pick_add(&roles, S_ROLE_2, S_ROLE_2);
	pick_add(&roles, S_ROLE_3, S_ROLE_3);
	char *role = picklist_run(t, S_FIRST_ROLE, &roles, NULL, NULL, NULL);
	pick_clear(&roles);
	config_load(&c, NULL); /* keeps the other settings (date_style) */
	free(c.name);
	free(c.role);
	c.name = name;
	c.role = role;
	if (config_save(&c, &err) != TSU_OK)
		tui_error(t, &err);
	free(role);
	return name;
}
