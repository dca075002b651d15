/*
 * Forms, driven by the entity tables of entity.h: every user-visible field
 * of the entity becomes one labelled row, so a field added to the model
 * appears here without touching this file.
 *
 * Each row keeps its value as a string in the form the store accepts
 * (choice code, "1"/"0", a row id for references, ISO dates).  Text rows
 * edit in place with the wide-character line editor, long text rows with
 * the multi-line one (textarea.c: Enter adds a line); a character typed
 * where nothing can be typed is refused with a message, never dropped
 * silently.  Choices, booleans and references open a pick list; dates
 * are checked with date_parse when the cursor leaves the row, so a wrong
 * date is reported right there and 和暦 is shown converted.  Saving sends
 * only what changed, in one transaction; a failure keeps the form open
 * with the store's message.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include "app.h"
#include "draw.h"
#include "form.h"
#include "screens.h"
#include "strings.h"
#include "widgets.h"
#include "tsunagu/request.h"
#include "tsunagu/date.h"
#include "tsunagu/store.h"
#include "tsunagu/timeofday.h"
#include "tsunagu/utf8.h"

static bool form_inline(const struct form_row *r)
{
	switch (r->def->type) {
	case FIELD_CHOICE:
	case FIELD_BOOL:
	case FIELD_REF:
		return false;
	default:
		return true;
	}
}

static bool str_eq(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

static void form_set_value(struct form_row *r, const char *v)
{
	free(r->value);
	r->value = v && *v ? xstrdup(v) : NULL;
	free(r->display);
	r->display = NULL;
}

/* Rows filled by picking or that hold a default (a reference, a choice,
 * yes/no, a date or time): what is typed first does not belong there. */
static bool form_row_picked(const struct form_row *r)
{
	return !form_inline(r) || r->def->type == FIELD_DATE || r->def->type == FIELD_TIME;
}

/* Kinds whose entries are written more than anything else in the app and
 * whose first rows are optional links or defaults: a log entry (n, a)
 * and a カルテ item (K, a). */
static bool form_typed_first(const struct form *f)
{
	return strcmp(f->def->name, "log") == 0 || strcmp(f->def->name, "karte") == 0;
}

/* Where a new record's form starts, so that what is typed first is not
 * refused on a pick row:
 *  - a log entry or a カルテ item at its first row that is required and
 *    still empty or that takes text: a log entry's 内容, past the
 *    optional 関係者, the kind and the day's date; a カルテ item's 見出し
 *    under the 項目 it was added in;
 *  - else after the leading references chosen before the form opened (a
 *    membership's role after the person and group picked on the party's
 *    page). */
static int form_first_to_fill(const struct form *f)
{
	int i = 0;
	if (f->rec)
		return 0;
	for (i = 0; form_typed_first(f) && i < f->n; i++) {
		const struct form_row *r = &f->rows[i];
		if (r->hidden)
			continue;
		if (((r->def->flags & FIELD_REQUIRED) && !r->value) || !form_row_picked(r))
			return i;
	}
	i = 0;
	while (i < f->n && (f->rows[i].hidden || (f->rows[i].def->type == FIELD_REF && f->rows[i].value)))
		i++;
	return i < f->n ? i : 0;
}

static void form_load(struct tui *t, struct form *f, struct form_values preset,
		      struct form_values init)
{
	f->n = f->def->nfields;
	f->rows = xcalloc((size_t)f->n, sizeof(*f->rows));
	for (int i = 0; i < f->n; i++) {
		struct form_row *r = &f->rows[i];
		r->def = &f->def->fields[i];
		r->hidden = (r->def->flags & FIELD_READONLY) != 0;
		const char *v = f->rec ? record_get(f->rec, r->def->name) : NULL;
		for (size_t k = 0; k < init.n && !f->rec; k++)
			if (strcmp(init.v[k].name, r->def->name) == 0)
				v = init.v[k].value;
		for (size_t k = 0; k < preset.n; k++)
			if (strcmp(preset.v[k].name, r->def->name) == 0) {
				v = preset.v[k].value;
				r->hidden = true;
				r->preset = true;
			}
		form_set_value(r, v);
		/* a new form's defaults (today, メモ) are its starting point:
		 * leaving it untouched changes nothing */
		r->orig = r->value ? xstrdup(r->value) : NULL;
	}
	f->cur = -1;
	form_focus(t, f, form_first_to_fill(f), 1);
}

static void form_free(struct form *f)
{
	for (int i = 0; i < f->n; i++) {
		free(f->rows[i].value);
		free(f->rows[i].orig);
		free(f->rows[i].display);
		free(f->rows[i].delta);
	}
	free(f->rows);
	free(f->title);
	sbuf_free(&f->refused);
	le_free(&f->le);
	if (f->rec)
		record_free(f->rec);
}

/* Leaves the current row: stores the editor's text, checks a date. */
static bool form_leave(struct tui *t, struct form *f)
{
	if (f->cur < 0 || f->cur >= f->n)
		return true;
	struct form_row *r = &f->rows[f->cur];
	if (!form_inline(r) || !f->editing)
		return true;
	f->editing = false;
	form_set_value(r, le_text(&f->le));
	if (r->def->type == FIELD_LONGTEXT && r->value) {
		/* an Enter too many at the end is not part of the note */
		size_t len = strlen(r->value);
		while (len > 0 && r->value[len - 1] == '\n')
			r->value[--len] = '\0';
		if (!len)
			form_set_value(r, NULL);
	}
	/* a value kept from before (a time an older version took as written) is
	 * left as it is: only what is typed now is checked */
	if ((r->def->type == FIELD_DATE || r->def->type == FIELD_TIME) && r->value &&
	    !str_eq(r->value, r->orig)) {
		char iso[DATE_ISO_LEN + 1];
		struct tsu_error err = {0};
		enum tsu_status rc = r->def->type == FIELD_DATE ? date_parse(r->value, iso, &err)
								: time_parse(r->value, iso, &err);
		if (rc != TSU_OK) {
			/* the parser's message already names the input; the
			 * cursor stays on the row */
			snprintf(f->msg, sizeof(f->msg), "%.*s", (int)sizeof(f->msg) - 1, err.msg);
			f->msg_error = true;
			f->editing = true;
			return false;
		}
		form_set_value(r, iso);
	}
	return true;
}

/* A task's request fields (要望の状況, 照会日, 回答日, 部局の回答) show only
 * while its kind is 地域要望 (request.h); their values stay as they are. */
static void form_request_rows(struct form *f)
{
	static const char *const fields[] = {"request_state", "asked_on", "answered_on", "answer"};
	const char *kind = NULL;
	if (strcmp(f->def->name, "task") != 0)
		return;
	for (int i = 0; i < f->n; i++)
		if (strcmp(f->rows[i].def->name, "kind") == 0)
			kind = f->rows[i].value;
	bool request = kind && strcmp(kind, REQUEST_TASK_KIND) == 0;
	for (int i = 0; i < f->n; i++)
		for (size_t k = 0; k < sizeof fields / sizeof fields[0]; k++)
			if (!f->rows[i].preset && strcmp(f->rows[i].def->name, fields[k]) == 0)
				f->rows[i].hidden = !request;
}

/* Moves to the next visible row in direction dir starting at i (rows, then
 * the two buttons at n and n+1). */
void form_focus(struct tui *t, struct form *f, int i, int dir)
{
	int last = f->n + 1;
	form_request_rows(f);
	while (i >= 0 && i < f->n && f->rows[i].hidden)
		i += dir;
	if (i < 0) {
		i = 0;
		while (i < f->n && f->rows[i].hidden)
			i++;
	}
	if (i > last)
		i = last;
	f->cur = i;
	f->editing = false;
	if (i < f->n && form_inline(&f->rows[i])) {
		le_set(&f->le, f->rows[i].value);
		f->editing = true;
	}
}

static void form_move(struct tui *t, struct form *f, int dir)
{
	if (!form_leave(t, f))
		return;
	int i = f->cur + dir;
	if (i < 0)
		i = f->cur;   /* Shift-Tab on the first row stays there, still typing */
	form_focus(t, f, i, dir);
}

/* Opens the pick list of a choice, boolean or reference row; true when
 * something was chosen. */
static bool form_pick(struct tui *t, struct form *f, struct form_row *r)
{
	struct pick_list items = {0};
	char *v = NULL;
	const char *req = (r->def->flags & FIELD_REQUIRED) ? NULL : S_PICK_NONE;
	if (r->def->type == FIELD_CHOICE) {
		pick_choices(t, r->def->ref, req != NULL, &items);
		v = picklist_run(t, r->def->label, &items, r->value, NULL, NULL);
	} else if (r->def->type == FIELD_BOOL) {
		pick_add(&items, S_BOOL_YES, "1");
		pick_add(&items, S_BOOL_NO, "0");
		v = picklist_run(t, r->def->label, &items, r->value, NULL, NULL);
	} else if (r->def->type == FIELD_REF) {
		v = form_ref_pick(t, r->def, r->value);
	}
	bool chosen = v != NULL;
	if (chosen)
		form_set_value(r, v);
	free(v);
	pick_clear(&items);
	return chosen;
}

static void form_editor(struct tui *t, struct form *f)
{
	if (f->cur >= f->n)
		return;
	struct form_row *r = &f->rows[f->cur];
	if (!form_inline(r))
		return;
	if (f->editing)
		form_set_value(r, le_text(&f->le));
	char *out = NULL;
	if (editor_edit(t, r->value, &out)) {
		form_set_value(r, out);
		free(out);
	}
	form_focus(t, f, f->cur, 1);
}

/* Enter on a set of areas: the list of areas with the row's marked;
 * Space marks or unmarks, Enter closes (the row stays editable as text,
 * "a,b"). */
static void form_toggle_area(struct tui *t, struct form *f)
{
	char *names = form_area_pick(t, f->rows[f->cur].def->label, le_text(&f->le));
	if (!names)
		return;
	le_set(&f->le, names);
	free(names);
}

/* A set of parties (a task's 関係者, an event's 参加者). */
static bool form_party_set(const struct form_row *r)
{
	return r->def->type == FIELD_SET && r->def->ref && strcmp(r->def->ref, "party") == 0;
}

/* An edited set of parties as what changed, each element named by its ID
 * ("-ID,+name"): the set's names may be namesakes that would not resolve
 * again.  NULL (send the value as it is) when the names shown when the
 * form opened do not match the set's IDs one to one. */
static char *form_set_delta(struct tui *t, const struct form *f, const struct form_row *r)
{
	char *ids_s = store_set_ids(t->st, f->def->name, f->id, r->def->name);
	char **was, **ids, **now;
	/* split as the store splits what it is sent, namesakes kept twice */
	size_t nwas = record_set_items(r->orig, &was), nids = record_set_items(ids_s, &ids);
	size_t nnow = record_set_items(r->value, &now);
	struct sbuf b = {0};
	bool *kept = xcalloc(nnow + 1, sizeof *kept);
	free(ids_s);
	for (size_t i = 0; nwas == nids && i < nwas; i++) {
		size_t k = 0;
		while (k < nnow && (kept[k] || strcmp(now[k], was[i]) != 0))
			k++;
		if (k < nnow)
			kept[k] = true;
		else
			sbuf_addf(&b, "%s-%s", b.len ? "," : "", ids[i]);
	}
	for (size_t k = 0; nwas == nids && k < nnow; k++)
		if (!kept[k])
			sbuf_addf(&b, "%s+%s", b.len ? "," : "", now[k]);
	char *delta = nwas == nids ? sbuf_detach(&b) : NULL;
	sbuf_free(&b);
	free(kept);
	record_set_items_free(was, nwas);
	record_set_items_free(ids, nids);
	record_set_items_free(now, nnow);
	return delta;
}

/* Checks required rows; fills fv with the values to send. */
static bool form_collect(struct tui *t, struct form *f, struct field_value *fv, size_t *n)
{
	*n = 0;
	for (int i = 0; i < f->n; i++) {
		struct form_row *r = &f->rows[i];
		if (r->def->flags & FIELD_READONLY)
			continue;
		if ((r->def->flags & FIELD_REQUIRED) && !r->value) {
			snprintf(f->msg, sizeof(f->msg), S_FORM_REQ_EMPTY, r->def->label);
			f->msg_error = true;
			form_focus(NULL, f, i, 1);
			return false;
		}
		if (f->rec ? str_eq(r->value, r->orig) : !r->value)
			continue;
		fv[*n].name = r->def->name;
		fv[*n].value = r->value ? r->value : "";
		if (f->rec && form_party_set(r)) {
			free(r->delta);
			r->delta = form_set_delta(t, f, r);
			if (r->delta && !*r->delta)
				continue;   /* the same parties, written otherwise */
			if (r->delta)
				fv[*n].value = r->delta;
		}
		(*n)++;
	}
	return true;
}

static bool form_save(struct tui *t, struct form *f)
{
	struct field_value *fv = xcalloc((size_t)f->n + 1, sizeof(*fv));
	struct tsu_error err = {0};
	size_t n;
	bool ok = false;
	if (!form_leave(t, f) || !form_collect(t, f, fv, &n))
		goto out;
	if (f->rec && n == 0) {
		ok = true;
		goto out;
	}
	enum tsu_status rc = store_begin(t->st, &err);
	if (rc == TSU_OK)
		/* a task's edit knows request states (the board status follows) */
		rc = f->rec && strcmp(f->def->name, "task") == 0
			? store_task_update(t->st, f->id, fv, n, &err)
			: f->rec ? store_update(t->st, f->def->name, f->id, fv, n, &err)
			    : store_insert(t->st, f->def->name, fv, n, f->id, &err);
	if (rc == TSU_OK)
		rc = store_commit(t->st, &err);
	if (rc != TSU_OK) {
		store_rollback(t->st);
		snprintf(f->msg, sizeof(f->msg), "%s", err.msg[0] ? err.msg : tsu_status_message(rc));
		f->msg_error = true;
		goto out;
	}
	ok = true;
out:
	free(fv);
	return ok;
}

static bool form_changed(struct tui *t, struct form *f)
{
	if (f->editing && f->cur < f->n)
		form_set_value(&f->rows[f->cur], le_text(&f->le));
	for (int i = 0; i < f->n; i++)
		if (!f->rows[i].preset && !str_eq(f->rows[i].value, f->rows[i].orig))
			return true;
	return false;
}

/* A key that would type a character where nothing can be typed (a pick
 * row, the buttons) is refused aloud: typed text is never dropped
 * silently.  The message quotes everything typed there so far. */
static void form_refuse(struct form *f, int key)
{
	char ch[5] = {0};
	utf8_encode(key, ch);
	sbuf_add(&f->refused, ch);
	f->refusing = true;
	if (f->cur < f->n)
		snprintf(f->msg, sizeof(f->msg), S_FORM_NO_TYPING_PICK, f->rows[f->cur].def->label,
			 sbuf_str(&f->refused));
	else
		snprintf(f->msg, sizeof(f->msg), S_FORM_NO_TYPING_BUTTON, sbuf_str(&f->refused));
	f->msg_error = true;
}

/* Keys on a row edited as text: a long text row is a notepad (Enter adds
 * a line, ↑ ↓ leave it only from its first/last line), a one-line row
 * moves on with Enter. */
static void form_key_text(struct tui *t, struct form *f, struct form_row *r, int key)
{
	bool enter = key == '\n' || key == '\r' || key == TUI_FKEY(KEY_ENTER);
	bool up = key == TUI_FKEY(KEY_UP), down = key == TUI_FKEY(KEY_DOWN);
	if (r->def->type == FIELD_LONGTEXT) {
		if (ta_key(&f->le, key, f->text_cols) == LE_IGNORED && (up || down))
			form_move(t, f, up ? -1 : 1);
	} else if (up || down) {
		form_move(t, f, up ? -1 : 1);
	} else if (enter && r->def->type == FIELD_SET && r->def->ref &&
		   strcmp(r->def->ref, "area") == 0) {
		form_toggle_area(t, f);
	} else if (enter && form_party_set(r)) {
		char *v = form_set_pick(t, r->def, le_text(&f->le));
		if (v)
			le_set(&f->le, v);
		free(v);
	} else if (enter) {
		form_move(t, f, 1);
	} else {
		le_key(&f->le, key);
	}
}

/* Keys on a row that opens a pick list (a choice, yes/no, a reference). */
static void form_key_pick(struct tui *t, struct form *f, struct form_row *r, int key)
{
	bool enter = key == '\n' || key == '\r' || key == TUI_FKEY(KEY_ENTER);
	if (enter || tui_key_plain(key) == ' ') {
		if (form_pick(t, f, r))
			form_move(t, f, 1);
	} else if (key == TUI_FKEY(KEY_UP) || key == TUI_FKEY(KEY_DOWN)) {
		form_move(t, f, key == TUI_FKEY(KEY_UP) ? -1 : 1);
	} else if (key == TUI_FKEY(KEY_BACKSPACE) || key == 127 || key == TUI_FKEY(KEY_DC)) {
		if (!(r->def->flags & FIELD_REQUIRED))
			form_set_value(r, NULL);
	} else if (tui_key_is_text(key)) {
		form_refuse(f, key);
	}
}

/* Returns 1 saved, -1 cancelled, 0 keep going. */
static int form_key(struct tui *t, struct form *f, int key)
{
	bool enter = key == '\n' || key == '\r' || key == TUI_FKEY(KEY_ENTER);
	struct form_row *r = f->cur < f->n ? &f->rows[f->cur] : NULL;
	if (key == TUI_CTRL('s') || key == TUI_FKEY(KEY_F(10)))
		return form_save(t, f) ? 1 : 0;
	if (key == TUI_ESC) {
		if (t->hangup || !form_changed(t, f) || prompt_confirm(t, S_CONFIRM_DISCARD))
			return -1;
		form_focus(t, f, f->cur, 1);
		return 0;
	}
	if (key == TUI_FKEY(KEY_F(1))) {
		help_show_form(t);
	} else if (key == TUI_FKEY(KEY_BTAB)) {
		form_move(t, f, -1);
	} else if (key == '\t') {
		form_move(t, f, 1);
	} else if (key == TUI_CTRL('e') || key == TUI_FKEY(KEY_F(4))) {
		form_editor(t, f);
	} else if (r && form_inline(r)) {
		form_key_text(t, f, r, key);
	} else if (r) {
		form_key_pick(t, f, r, key);
	} else if (enter && f->cur == f->n) {
		return form_save(t, f) ? 1 : 0;
	} else if (enter) {
		return -1;
	} else if (key == TUI_FKEY(KEY_UP) || key == TUI_FKEY(KEY_DOWN)) {
		form_move(t, f, key == TUI_FKEY(KEY_UP) ? -1 : 1);
	} else if (tui_key_is_text(key)) {
		form_refuse(f, key);
	}
	return 0;
}

/* The heading: what is added or edited, and for what (a log entry's task,
 * a membership's organisation), so the user knows where the entry goes. */
static void form_title(struct tui *t, struct form *f, bool add)
{
	struct sbuf b = {0};
	sbuf_addf(&b, add ? S_FORM_ADD : S_FORM_EDIT, f->def->label);
	for (int i = 0; i < f->n; i++) {
		struct form_row *r = &f->rows[i];
		if (!r->preset || r->def->type != FIELD_REF || !r->value)
			continue;
		char *name = form_ref_title(t, r->def->ref, r->value);
		sbuf_addf(&b, S_FORM_FOR, r->def->label, name);
		free(name);
	}
	f->title = sbuf_detach(&b);
}

static void form_backdrop(struct tui *t, void *ud)
{
	form_draw(t, ud);
}

bool form_run(struct tui *t, const char *entity, const char *id,
	      struct form_values preset, struct form_values init, uuid_str out_id)
{
	struct form f = {0};
	struct tsu_error err = {0};
	f.def = entity_find(entity);
	if (!f.def)
		return false;
	if (id) {
		if (store_get(t->st, entity, id, false, &f.rec, &err) != TSU_OK) {
			tui_error(t, &err);
			return false;
		}
		snprintf(f.id, sizeof(f.id), "%s", id);
	}
	le_init(&f.le, "");
	form_load(t, &f, preset, init);
	form_title(t, &f, id == NULL);
	int done = 0;
	struct tui_backdrop saved = t->under;
	t->under = (struct tui_backdrop){form_backdrop, &f};
	while (!done) {
		form_draw(t, &f);
		refresh();
		int key = tui_getkey(t);
		if (key == TUI_FKEY(KEY_RESIZE))
			continue;
		f.msg[0] = '\0';
		f.refusing = false;
		done = form_key(t, &f, key);
		if (!f.refusing)
			sbuf_reset(&f.refused);
	}
	t->under = saved;
	if (done > 0) {
		if (out_id)
			snprintf(out_id, UUID_STR_LEN + 1, "%s", f.id);
		tui_msg(t, "%s", S_SAVED);
	} else {
		tui_msg(t, "%s", S_CANCELLED);
	}
	form_free(&f);
	curs_set(0);
	return done > 0;
}
