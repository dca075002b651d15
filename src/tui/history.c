/*
 * The change history of one row (DESIGN §5: history doubles as the audit
 * trail): when, who, which field, old → new, oldest first, in the pager.
 */
#include <stdio.h>
#include <stdlib.h>
#include "app.h"
#include "screens.h"
#include "strings.h"
#include "widgets.h"
#include "tsunagu/record.h"
#include "tsunagu/sbuf.h"

static int history_row(void *ud, const struct history_row *h)
{
	struct sbuf *b = ud;
	const char *label = h->field_label ? h->field_label : h->field;
	sbuf_addf(b, "%s  %s\n", h->at ? h->at : "", h->author ? h->author : "");
	if (h->old_value || h->new_value)
		sbuf_addf(b, "  %s: %s → %s\n", label ? label : "",
			  h->old_value ? h->old_value : S_HISTORY_EMPTY,
			  h->new_value ? h->new_value : S_HISTORY_EMPTY);
	else
		sbuf_addf(b, "  %s\n", label ? label : "");
	return 0;
}

void history_show(struct tui *t, const char *entity, const char *id, const char *title)
{
	struct sbuf text = {0}, head = {0};
	struct tsu_error err = {0};
	if (store_history(t->st, entity, id, history_row, &text, &err) != TSU_OK) {
		tui_error(t, &err);
		sbuf_free(&text);
		return;
	}
	if (!text.len)
		sbuf_add(&text, S_HISTORY_NONE);
	sbuf_addf(&head, S_HISTORY_TITLE, title ? title : id);
	prompt_pager(t, head.s, text.s);
	sbuf_free(&text);
	sbuf_free(&head);
}
