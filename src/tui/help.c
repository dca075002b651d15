/*
 * The help screen, generated from the action table and the key bindings
 * (action.c), so it always tells the truth about the keys.
 */
#include <stdlib.h>
#include "app.h"
#include "screens.h"
#include "strings.h"
#include "widgets.h"
#include "tsunagu/sbuf.h"
#include "tsunagu/textwidth.h"

#define HELP_KEY_COLS 16

static char *help_text(void)
{
	struct sbuf b = {0};
	sbuf_addf(&b, "%s\n", S_HELP_KEYS);
	for (int a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		char keys[128];
		tui_action_keys((enum tui_action)a, keys, sizeof(keys));
		char *fit = text_width_fit(keys, HELP_KEY_COLS, TEXT_LEFT);
		sbuf_addf(&b, "  %s %s\n", fit, tui_action_help((enum tui_action)a));
		free(fit);
	}
	sbuf_addf(&b, "\n%s\n  %s\n  %s\n  %s\n", S_HELP_CMDS, S_HELP_CMD1, S_HELP_CMD2, S_HELP_CMD3);
	sbuf_addf(&b, "\n%s", S_HELP_FORM);
	return sbuf_detach(&b);
}

void help_show(struct tui *t)
{
	char *text = help_text();
	prompt_pager(t, S_HELP_TITLE, text);
	free(text);
}
