/*
 * Drawing of forms, and the pickers for reference fields (a task's area,
 * a membership's organisation): areas and small tables list every row,
 * parties and tasks are searched as the user types.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include "app.h"
#include "draw.h"
#include "form.h"
#include "screens.h"
#include "strings.h"
#include "tsunagu/list.h"
#include "tsunagu/store.h"

static int form_label_width(const struct form *f)
{
	int w = 8;
	for (int i = 0; i < f->n; i++) {
		int lw = text_width(f->rows[i].def->label) + 2;
		if (!f->rows[i].hidden && lw > w)
			w = lw;
	}
	return w;
}

/* The first line of a value, for rows that are not being edited. */
static void form_row_text(struct tui *t, struct form *f, int i, struct sbuf *out)
{
	struct form_row *r = &f->rows[i];
	const char *v = NULL;
	switch (r->def->type) {
	case FIELD_CHOICE:
		v = r->value ? store_choice_label(t->st, r->def->ref, r->value) : "";
		if (r->value && strcmp(v, r->value) != 0 && strlen(r->value) <= 2)
			sbuf_addf(out, "%s ", r->value);
		break;
	case FIELD_BOOL:
		v = !r->value ? "" : strcmp(r->value, "1") == 0 ? S_BOOL_YES : S_BOOL_NO;
		break;
	case FIELD_REF:
		if (r->value && !r->display)
			r->display = form_ref_title(t, r->def->ref, r->value);
		v = r->value ? r->display : "";
		break;
	default:
		v = r->value ? r->value : "";
		break;
	}
	const char *nl = strchr(v, '\n');
	sbuf_addn(out, v, nl ? (size_t)(nl - v) : strlen(v));
	if (i == f->cur && (r->def->type == FIELD_CHOICE || r->def->type == FIELD_BOOL ||
			    r->def->type == FIELD_REF))
		sbuf_addf(out, "  %s", S_FORM_PICK);
	if (nl)
		sbuf_addf(out, " … %s", S_FORM_MULTILINE);
}

static void form_draw_buttons(struct tui *t, struct form *f, int y, int x)
{
	int sel = draw_attr(t, ROLE_SELECTED);
	int sw = text_width(S_FORM_SAVE);
	draw_text(y, x, sw, S_FORM_SAVE, f->cur == f->n ? sel : (int)A_BOLD, TEXT_LEFT);
	draw_text(y, x + sw + 2, text_width(S_FORM_CANCEL), S_FORM_CANCEL,
		  f->cur == f->n + 1 ? sel : (int)A_NORMAL, TEXT_LEFT);
}

/* Lines of a long text shown when its row is not being edited. */
#define FORM_TEXT_PREVIEW 3
/* Lines a long text row offers while edited, even when shorter, so that
 * it reads as a place to write. */
#define FORM_TEXT_MIN 3

/* Screen lines row i takes: a long text shows its lines (the row being
 * edited grows with the text, up to `max`, and scrolls beyond that). */
static int form_row_height(struct form *f, int i, int iw, int max)
{
	struct form_row *r = &f->rows[i];
	int n = 1;
	if (r->def->type != FIELD_LONGTEXT)
		return 1;
	if (i == f->cur && f->editing) {
		n = ta_height(&f->le, iw);
		if (n < FORM_TEXT_MIN)
			n = FORM_TEXT_MIN;
	} else {
		for (const char *p = r->value; p && *p; p++)
			n += *p == '\n';
		if (n > FORM_TEXT_PREVIEW)
			n = FORM_TEXT_PREVIEW;
	}
	return n > max ? max : n < 1 ? 1 : n;
}

/* A long text not being edited: its first lines, and how many more. */
static void form_draw_preview(struct tui *t, const struct form_row *r, int y, int x, int w,
			      int h)
{
	const char *p = r->value ? r->value : "";
	int total = 1;
	for (const char *q = p; *q; q++)
		total += *q == '\n';
	for (int k = 0; k < h; k++) {
		const char *nl = strchr(p, '\n');
		struct sbuf line = {0};
		if (k == h - 1 && total > h)
			sbuf_addf(&line, S_FORM_MORE_LINES, total - k);
		else
			sbuf_addn(&line, p, nl ? (size_t)(nl - p) : strlen(p));
		draw_text(y + k, x, w, line.s, draw_attr(t, ROLE_FIELD), TEXT_LEFT);
		sbuf_free(&line);
		p = nl ? nl + 1 : p + strlen(p);
	}
}

/* Draws row i at line ry in h lines; the cursor goes to (*cy, *cx). */
static void form_draw_row(struct tui *t, struct form *f, int i, int ry, int h,
			  int x, int lw, int iw, int *cy, int *cx)
{
	struct form_row *r = &f->rows[i];
	struct sbuf label = {0};
	sbuf_addf(&label, "%s%s", (r->def->flags & FIELD_REQUIRED) ? "*" : " ", r->def->label);
	draw_text(ry, x, lw, label.s, i == f->cur ? (int)A_BOLD : (int)A_NORMAL, TEXT_LEFT);
	sbuf_free(&label);
	int attr = draw_attr(t, ROLE_FIELD) | A_BOLD;
	if (i == f->cur && f->editing && r->def->type == FIELD_LONGTEXT) {
		*cx = ta_draw(&f->le, ry, x + lw, iw, h, attr, cy);
		return;
	}
	if (i == f->cur && f->editing) {
		*cx = le_draw(&f->le, ry, x + lw, iw, attr);
		*cy = ry;
		return;
	}
	if (r->def->type == FIELD_LONGTEXT) {
		form_draw_preview(t, r, ry, x + lw, iw, h);
		return;
	}
	struct sbuf v = {0};
	form_row_text(t, f, i, &v);
	draw_text(ry, x + lw, iw, v.s,
		  i == f->cur ? draw_attr(t, ROLE_SELECTED) : draw_attr(t, ROLE_FIELD), TEXT_LEFT);
	sbuf_free(&v);
}

/* Under the rows, when the screen is too short for all of them: how many
 * are above and below, so that no field goes unseen (at 60×20 a task's
 * 関係者, ニーズ and 内容 were below the last row shown, unannounced). */
static void form_draw_more(int y, int x, int w, int above, int below)
{
	struct sbuf b = {0};
	if (above > 0)
		sbuf_addf(&b, S_FORM_MORE_ABOVE, above);
	if (below > 0)
		sbuf_addf(&b, "%s" S_FORM_MORE_BELOW, b.len ? "  " : "", below);
	if (b.len)
		sbuf_add(&b, S_FORM_MORE_KEYS);
	draw_text(y, x, w, b.len ? b.s : "", A_BOLD, TEXT_LEFT);
	sbuf_free(&b);
}

/* Lines taken by the shown rows [from, to). */
static int form_rows_height(const int *hs, int from, int to)
{
	int used = 0;
	for (int k = from; k < to; k++)
		used += hs[k];
	return used;
}

/* The line under the frame's top: an error, else what the current row
 * expects (a date's forms, how a long text saves and leaves). */
static const char *form_hint(const struct form *f)
{
	const struct form_row *r = f->cur < f->n ? &f->rows[f->cur] : NULL;
	if (f->msg[0] || !r)
		return f->msg;
	switch (r->def->type) {
	case FIELD_DATE:
		return S_FORM_DATE_HINT;
	case FIELD_TIME:
		return S_FORM_TIME_HINT;
	case FIELD_SET:
		if (r->def->ref && strcmp(r->def->ref, "area") == 0)
			return S_FORM_AREA_HINT;
		return r->def->ref && strcmp(r->def->ref, "party") == 0 ? S_FORM_PARTY_HINT
									 : S_FORM_SET_HINT;
	case FIELD_LONGTEXT:
		return S_FORM_TEXT_HINT;
	default:
		return f->msg;
	}
}

/* The form's key bar for `cols` columns.  A form takes typed text, so it
 * has no key to turn the bar's pages (`.` types a full stop): narrower
 * bars leave keys out, and F1 says it shows them (its help starts with
 * the form's keys). */
static const char *form_hint_line(int cols)
{
	static const char *const bars[] = S_FORM_HINTS;
	size_t n = sizeof(bars) / sizeof(bars[0]), i = 0;
	while (i + 1 < n && text_width(bars[i]) > cols)
		i++;
	return bars[i];
}

void form_draw(struct tui *t, struct form *f)
{
	int w = COLS > 100 ? 100 : COLS;
	int h = LINES - 2, y = 1, x = (COLS - w) / 2;
	int lw = form_label_width(f);
	int iw = w - 4 - lw;
	int vis = h - 5;
	int cx = -1, cy = -1;
	erase();
	draw_role_text(t, 0, 0, COLS, f->title, ROLE_TITLE);
	draw_frame(t, y, x, h, w, f->title, true);
	f->text_cols = iw;
	/* visible rows and their heights: scroll so the current row shows */
	int shown[256], hs[256], ns = 0, curpos = 0;
	for (int i = 0; i < f->n && ns < 256; i++)
		if (!f->rows[i].hidden) {
			if (i == f->cur)
				curpos = ns;
			hs[ns] = form_row_height(f, i, iw, vis > 4 ? vis - 2 : 1);
			shown[ns++] = i;
		}
	if (curpos < f->top)
		f->top = curpos;
	while (f->top < curpos && form_rows_height(hs, f->top, curpos + 1) > vis)
		f->top++;
	/* and no room left empty below while rows above are hidden (a long
	 * text that shrank when the cursor left it) */
	while (f->top > 0 && form_rows_height(hs, f->top - 1, ns) <= vis)
		f->top--;
	int k = f->top;
	for (int ry = y + 2; k < ns && ry + hs[k] <= y + 2 + vis; ry += hs[k], k++)
		form_draw_row(t, f, shown[k], ry, hs[k], x + 2, lw, iw, &cy, &cx);
	form_draw_more(y + h - 3, x + 2, w - 4, f->top, ns - k);
	draw_text(y + 1, x + 2, w - 4, form_hint(f), f->msg[0] && f->msg_error ?
		  draw_attr(t, ROLE_ERROR) : (int)A_NORMAL, TEXT_LEFT);
	form_draw_buttons(t, f, y + h - 2, x + 2 + lw);
	draw_hints(t, LINES - 1, 0, COLS, form_hint_line(COLS));
	if (cx >= 0) {
		move(cy, cx);
		curs_set(1);
	} else {
		curs_set(0);
	}
}

char *form_ref_title(struct tui *t, const char *entity, const char *id)
{
	struct record *rec = NULL;
	struct tsu_error err;
	const struct entity_def *def = entity_find(entity);
	if (!def || store_get(t->st, entity, id, true, &rec, &err) != TSU_OK)
		return xstrdup(id);
	const char *v = record_get(rec, def->title_field);
	char *s = xstrdup(v ? v : id);
	record_free(rec);
	return s;
}

struct ref_fill {
	enum list_kind kind;
	const char *label_col;
	struct pick_list *out;
	struct rows_like {
		int id, label, extra;
	} cols;
};

static int ref_list_cb(void *ud, int ncols, const char *const *values)
{
	struct ref_fill *rf = ud;
	struct sbuf b = {0};
	sbuf_add(&b, values[rf->cols.label] ? values[rf->cols.label] : "");
	if (rf->cols.extra >= 0 && values[rf->cols.extra])
		sbuf_addf(&b, "  (%s)", values[rf->cols.extra]);
	pick_add(rf->out, b.s, values[rf->cols.id]);
	sbuf_free(&b);
	return 0;
}

/* Fills a pick list from a list query (parties, tasks, areas). */
static void ref_fill_list(struct tui *t, void *ud, const char *query, struct pick_list *out)
{
	struct ref_fill *rf = ud;
	struct list_query q = {.search = query, .limit = 200};
	struct tsu_error err;
	rf->out = out;
	if (rf->kind == LIST_AREAS)
		q.search = NULL;
	if (store_list(t->st, rf->kind, &q, ref_list_cb, rf, &err) != TSU_OK)
		tui_error(t, &err);
}

static int ref_each_cb(void *ud, const struct record *r)
{
	struct pick_list *out = ud;
	const char *v = record_get(r, r->def->title_field);
	pick_add(out, v ? v : r->id, r->id);
	return 0;
}

static int area_name_cb(void *ud, int ncols, const char *const *values)
{
	struct ref_fill *rf = ud;
	if (values[rf->cols.label])
		pick_add(rf->out, values[rf->cols.label], values[rf->cols.label]);
	return 0;
}

char *form_area_pick(struct tui *t, const char *title, const char *current)
{
	struct pick_list items = {0};
	struct ref_fill rf = {.kind = LIST_AREAS, .out = &items};
	struct list_query q = {0};
	struct tsu_error err;
	rf.cols.label = list_column_index(LIST_AREAS, "name");
	if (store_list(t->st, LIST_AREAS, &q, area_name_cb, &rf, &err) != TSU_OK)
		tui_error(t, &err);
	char *v = picklist_multi(t, title, &items, current);
	pick_clear(&items);
	return v;
}

/* Whether s stays one element of a set, as the store splits sets (no
 * separator in it, nothing trimmed away). */
static bool one_element(const char *s)
{
	char **items;
	size_t n = record_set_items(s, &items);
	bool one = n == 1 && strcmp(items[0], s) == 0;
	record_set_items_free(items, n);
	return one;
}

/* How an element of a set names row `id`: its name when that names it
 * alone (no namesake, no separator in it), else its name with its short
 * ID (山田 太郎 (b8b59d3f): the last 8 characters, as lists show it), else
 * the whole ID. */
static char *set_element_of(struct tui *t, const char *entity, const char *id)
{
	char *name = form_ref_title(t, entity, id);
	uuid_str got;
	size_t len = strlen(id);
	const char *tail = len > 8 ? id + len - 8 : id;
	bool alone = one_element(name);
	if (alone && store_resolve(t->st, entity, name, got, NULL) == TSU_OK && strcmp(got, id) == 0)
		return name;
	struct sbuf b = {0};
	if (alone)
		sbuf_addf(&b, "%s (%s)", name, tail);
	free(name);
	if (b.len && store_resolve(t->st, entity, b.s, got, NULL) == TSU_OK && strcmp(got, id) == 0)
		return sbuf_detach(&b);
	sbuf_free(&b);
	return xstrdup(id);
}

char *form_set_pick(struct tui *t, const struct field_def *def, const char *current)
{
	char *id = ops_pick_party(t, def->label, NULL);
	if (!id)
		return NULL;
	char *el = set_element_of(t, def->ref, id);
	struct sbuf b = {0};
	sbuf_add(&b, current ? current : "");
	while (b.len && (b.s[b.len - 1] == ' ' || b.s[b.len - 1] == ','))
		b.s[--b.len] = '\0';
	sbuf_addf(&b, "%s%s", b.len ? "," : "", el);
	free(el);
	free(id);
	return sbuf_detach(&b);
}

/* The kind of party a reference takes, as the list of parties writes it:
 * a membership's 個人 (person_id) a person, its 団体 (org_id) and a
 * survey's 団体 a group; NULL for any. */
static const char *ref_party_kind(const struct field_def *def)
{
	if (strcmp(def->name, "person_id") == 0)
		return S_PERSON;
	if (strcmp(def->name, "org_id") == 0 || strcmp(def->label, S_PARTY_ORG) == 0)
		return S_PARTY_ORG;
	return NULL;
}

char *form_ref_pick(struct tui *t, const struct field_def *def, const char *current)
{
	struct pick_list items = {0};
	struct tsu_error err;
	struct ref_fill rf = {0};
	char *v = NULL;
	bool none = !(def->flags & FIELD_REQUIRED);
	if (strcmp(def->ref, "party") == 0 || strcmp(def->ref, "task") == 0 ||
	    strcmp(def->ref, "area") == 0) {
		rf.kind = strcmp(def->ref, "party") == 0 ? LIST_PARTIES
			: strcmp(def->ref, "task") == 0 ? LIST_TASKS : LIST_AREAS;
		rf.cols.id = list_column_index(rf.kind, "id");
		rf.cols.label = list_column_index(rf.kind, rf.kind == LIST_TASKS ? "title" : "name");
		rf.cols.extra = list_column_index(rf.kind, rf.kind == LIST_PARTIES ? "kana" :
					  rf.kind == LIST_TASKS ? "area" : "schools");
		if (rf.kind == LIST_PARTIES) {
			/* the party pick list that tells namesakes apart */
			v = ops_pick_party(t, def->label, ref_party_kind(def));
		} else if (rf.kind == LIST_AREAS) {
			if (none)
				pick_add(&items, S_PICK_NONE, "");
			ref_fill_list(t, &rf, "", &items);
			v = picklist_run(t, def->label, &items, current, NULL, NULL);
		} else {
			v = picklist_run(t, def->label, NULL, current, ref_fill_list, &rf);
		}
	} else {
		if (none)
			pick_add(&items, S_PICK_NONE, "");
		if (store_each(t->st, def->ref, NULL, ref_each_cb, &items, &err) != TSU_OK)
			tui_error(t, &err);
		v = picklist_run(t, def->label, &items, current, NULL, NULL);
	}
	pick_clear(&items);
	return v;
}
