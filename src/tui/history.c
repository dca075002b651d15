/*
 * The change history of one row (DESIGN §5: history doubles as the audit
 * trail): when, who, which field, old → new, oldest first, in the pager.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app.h"
#include "form.h"
#include "screens.h"
#include "strings.h"
#include "widgets.h"
#include "tsunagu/record.h"
#include "tsunagu/sanitize.h"
#include "tsunagu/sbuf.h"
#include "tsunagu/store.h"

struct history_ctx {
	struct tui *t;
	const struct entity_def *def;
	struct sbuf text;
	char *last_at, *last_author;
};

/* A value as people know it, as the record's page shows it: references
 * by their title, choices by their label (団体, not org), yes/no in words
 * (not 1/0), and a value of several lines on one line (↵), as the command
 * line's history shows it. */
static char *history_value(struct history_ctx *c, const char *field, const char *v)
{
	const struct field_def *f = c->def ? entity_field(c->def, field) : NULL;
	if (!v)
		return xstrdup(S_HISTORY_EMPTY);
	if (f && f->type == FIELD_REF && f->ref)
		return form_ref_title(c->t, f->ref, v);
	if (f && f->type == FIELD_BOOL)
		return xstrdup(strcmp(v, "1") == 0 ? S_BOOL_YES : S_BOOL_NO);
	if (f && f->type == FIELD_CHOICE && f->ref)
		return xstrdup(store_choice_label(c->t->st, f->ref, v));
	return text_sanitize(v, 0);
}

static bool same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

static int history_row(void *ud, const struct history_row *h)
{
	struct history_ctx *c = ud;
	const char *label = h->field_label ? h->field_label : h->field;
	/* one heading per change (same time and author) */
	if (!same(h->at, c->last_at) || !same(h->author, c->last_author)) {
		char when[LOCALTIME_MAX];
		localtime_format(h->at, c->t->date_style, when, sizeof when);
		sbuf_addf(&c->text, "%s  %s\n", when, h->author ? h->author : "");
		free(c->last_at);
		free(c->last_author);
		c->last_at = h->at ? xstrdup(h->at) : NULL;
		c->last_author = h->author ? xstrdup(h->author) : NULL;
	}
	if (h->old_value || h->new_value) {
		char *o = history_value(c, h->field, h->old_value);
		char *n = history_value(c, h->field, h->new_value);
		sbuf_addf(&c->text, "  %s: %s → %s\n", label ? label : "", o, n);
		free(o);
		free(n);
	} else {
		sbuf_addf(&c->text, "  %s\n", label ? label : "");
	}
	return 0;
}

void history_show(struct tui *t, const char *entity, const char *id, const char *title)
{
	struct history_ctx c = {.t = t, .def = entity_find(entity)};
	struct sbuf head = {0};
	struct tsu_error err = {0};
	if (store_history(t->st, entity, id, history_row, &c, &err) != TSU_OK) {
		tui_error(t, &err);
	} else {
		if (!c.text.len)
			sbuf_add(&c.text, S_HISTORY_NONE);
		sbuf_addf(&head, S_HISTORY_TITLE, title ? title : id);
		prompt_pager(t, head.s, c.text.s);
	}
	sbuf_free(&c.text);
	sbuf_free(&head);
	free(c.last_at);
	free(c.last_author);
}
