/*
 * u and U (^R) on the main screen: undo this user's last action, redo the
 * last undo (store/undo.c).  What was undone goes on the status line and
 * the panes are reloaded, so the record that came back (or went) shows at
 * once; fields left because someone else changed them since are listed in
 * the pager, as merge lists what it brought.  An action of many changes
 * (an import, the demo's data) is named and asked about first: one key
 * must not take back a whole file's work unseen.
 */
#include <stdlib.h>
#include "app.h"
#include "screens.h"
#include "strings.h"
#include "widgets.h"
#include "tsunagu/sbuf.h"
#include "tsunagu/undo.h"

static void show_skips(struct tui *t, const struct undo_result *r)
{
	struct sbuf text = {0};
	for (size_t i = 0; i < r->nskips; i++) {
		const struct undo_skip *k = &r->skips[i];
		if (!k->field) {
			sbuf_addf(&text, S_UNDO_SKIP_GONE, k->entity_label, k->title ? k->title : "",
				  k->by ? k->by : "?");
			continue;
		}
		sbuf_addf(&text, S_UNDO_SKIP_LINE, k->entity_label, k->title ? k->title : "",
			  k->field->label, k->current ? k->current : "", k->by ? k->by : "?");
	}
	prompt_pager(t, S_UNDO_SKIP_TITLE, text.s);
	sbuf_free(&text);
}

/* True when the action undo would take back is small, or the user said
 * yes to taking it back. */
static bool undo_agreed(struct tui *t)
{
	char *what;
	long changes;
	store_undo_large(t->st, &what, &changes);
	if (!what)
		return true;
	struct sbuf q = {0};
	sbuf_addf(&q, S_UNDO_ASK_MANY, what, changes);
	bool yes = prompt_confirm(t, q.s);
	sbuf_free(&q);
	free(what);
	if (!yes)
		tui_msg(t, "%s", S_UNDO_KEPT);
	return yes;
}

void ops_undo(struct tui *t, bool redo)
{
	struct undo_result r;
	struct tsu_error err = {0};
	if (tui_readonly(t) || (!redo && !undo_agreed(t)))
		return;
	if ((redo ? store_redo : store_undo)(t->st, &r, &err) != TSU_OK) {
		tui_error(t, &err);
		return;
	}
	struct sbuf msg = {0};
	sbuf_addf(&msg, redo ? S_REDONE : S_UNDONE, r.what);
	if (r.changes == 0)
		sbuf_addf(&msg, " — %s", S_UNDO_NOTHING);
	if (r.nskips)
		sbuf_addf(&msg, S_UNDO_SKIPPED, r.nskips);
	tui_msg(t, "%s", msg.s);
	sbuf_free(&msg);
	tui_reload_all(t);
	if (r.nskips)
		show_skips(t, &r);
	undo_result_free(&r);
}
