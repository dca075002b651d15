/*
 * The help screen, generated from the action table and the key bindings
 * (action.c), so it always tells the truth about the keys.
 */
#include <stdbool.h>
#include <stdlib.h>
#include "app.h"
#include "screens.h"
#include "strings.h"
#include "widgets.h"
#include "tsunagu/sbuf.h"
#include "tsunagu/textwidth.h"

#define HELP_KEY_COLS 16

/* The help; from a form its own keys come first (its key bar has no
 * room for them all at 60 columns and F1 is how to see them). */
static char *help_text(bool form_first)
{
	struct sbuf b = {0};
	if (form_first)
		sbuf_addf(&b, "%s\n\n", S_HELP_FORM);
	sbuf_addf(&b, "%s\n", S_HELP_KEYS);
	for (int a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		char keys[128];
		tui_action_keys((enum tui_action)a, keys, sizeof(keys));
		char *fit = text_width_fit(keys, HELP_KEY_COLS, TEXT_LEFT);
		sbuf_addf(&b, "  %s %s\n", fit, tui_action_help((enum tui_action)a));
		free(fit);
	}
	sbuf_addf(&b, "\n%s\n  %s\n  %s\n  %s\n", S_HELP_CMDS, S_HELP_CMD1, S_HELP_CMD2, S_HELP_CMD3);
	if (!form_first)
		sbuf_addf(&b, "\n%s", S_HELP_FORM);
	return sbuf_detach(&b);
}

void help_show(struct tui *t)
{
	char *text = help_text(false);
	prompt_pager(t, S_HELP_TITLE, text);
	free(text);
}

void help_show_form(struct tui *t)
{
	char *text = help_text(true);
	prompt_pager(t, S_HELP_TITLE, text);
	free(text);
}
