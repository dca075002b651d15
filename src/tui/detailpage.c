/*
 * The content of detail pages: the row's own fields (from entity.h, so
 * every field shows) and, per entity, the related rows DESIGN asks for:
 * an area's districts with aging rate, staff, counts, tasks, parties and
 * log; a party's memberships both ways, areas, tasks and log; a task's
 * parties and its 経過記録 newest first.  Long related lists stop at
 * DETAIL_MAX rows (the panes page through everything).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app.h"
#include "detail.h"
#include "form.h"
#include "rows.h"
#include "screens.h"
#include "strings.h"
#include "tsunagu/textwidth.h"
#include "tsunagu/list.h"
#include "tsunagu/store.h"

#define DETAIL_MAX 200

/* an area's page leads with the area's views, as the areas pane does */
static const enum tui_action hints_area[] = {
	ACT_NEXT_PANE, ACT_OPEN, ACT_KARTE, ACT_HEATMAP, ACT_EVENTS, ACT_GENERATIONS, ACT_REQUESTS,
	ACT_LOAD, ACT_SURVEYS, ACT_STAFF, ACT_MATRIX, ACT_EDIT, ACT_ADD, ACT_LOG, ACT_LONGTEXT,
	ACT_DELETE, ACT_HISTORY, ACT_UNDO, ACT_REDO, ACT_HELP, ACT_QUIT, ACT_NONE,
};
static const enum tui_action hints_party[] = {
	ACT_NEXT_PANE, ACT_OPEN, ACT_EDIT, ACT_DELETE, ACT_ADD, ACT_LOG, ACT_MEMBER, ACT_LONGTEXT,
	ACT_HISTORY, ACT_SUGGEST, ACT_UNDO, ACT_REDO, ACT_HELP, ACT_QUIT, ACT_NONE,
};
static const enum tui_action hints_task[] = {
	ACT_NEXT_PANE, ACT_OPEN, ACT_EDIT, ACT_ADD, ACT_LOG, ACT_CARD_LEFT, ACT_CARD_RIGHT, ACT_LINK,
	ACT_DELETE, ACT_LONGTEXT, ACT_HISTORY, ACT_SUGGEST, ACT_UNDO, ACT_REDO, ACT_HELP, ACT_QUIT, ACT_NONE,
};
/* a 地域要望 task: O moves it to the next request state */
static const enum tui_action hints_request[] = {
	ACT_NEXT_PANE, ACT_OPEN, ACT_EDIT, ACT_ADD, ACT_LOG, ACT_CARD_LEFT, ACT_CARD_RIGHT,
	ACT_REQUEST_NEXT, ACT_LINK, ACT_SUGGEST, ACT_DELETE, ACT_LONGTEXT, ACT_HISTORY, ACT_UNDO, ACT_REDO,
	ACT_HELP, ACT_QUIT, ACT_NONE,
};

/* the page of another record (a staff member, a survey): none of the
 * board's keys, and a log entry only where it has a home (detail.c) */
static const enum tui_action hints_record[] = {
	ACT_NEXT_PANE, ACT_OPEN, ACT_EDIT, ACT_DELETE, ACT_LONGTEXT, ACT_HISTORY, ACT_UNDO, ACT_REDO,
	ACT_HELP, ACT_QUIT, ACT_NONE,
};
static const enum tui_action hints_survey[] = {
	ACT_NEXT_PANE, ACT_OPEN, ACT_EDIT, ACT_LOG, ACT_DELETE, ACT_LONGTEXT, ACT_HISTORY, ACT_UNDO,
	ACT_REDO, ACT_HELP, ACT_QUIT, ACT_NONE,
};

/* A membership line held back until all are read, so that the names and
 * roles stand in columns by display width. */
struct member_line {
	char *who, *role, *span, *open_id, *id;
};

struct rel {
	struct tui *t;
	struct detail *d;
	const char *relation;
	int count;
	struct member_line *m;
	int nm;
};

static const char *col(int n, const char *const *names, const char *const *values,
		       const char *name)
{
	for (int i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return values[i] ? values[i] : "";
	return "";
}

#define C(name) col(n, names, values, name)
/* a date column in the user's date style (令和8年12月1日 with wareki) */
#define D(name, buf) localtime_date(C(name), r->t->date_style, buf, sizeof buf)

static void field_text(struct tui *t, const struct field_def *f, const char *v, struct sbuf *b)
{
	switch (f->type) {
	case FIELD_CHOICE: {
		/* short codes (duty A-F) read better next to their label */
		const char *label = store_choice_label(t->st, f->ref, v);
		if (strcmp(label, v) != 0 && strlen(v) <= 2)
			sbuf_addf(b, "%s ", v);
		sbuf_add(b, label);
		break;
	}
	case FIELD_BOOL:
		sbuf_add(b, strcmp(v, "1") == 0 ? S_BOOL_YES : S_BOOL_NO);
		break;
	case FIELD_REF: {
		char *title = form_ref_title(t, f->ref, v);
		sbuf_add(b, title);
		free(title);
		break;
	}
	case FIELD_DATE: {
		char shown[LOCALTIME_MAX];
		sbuf_add(b, localtime_date(v, t->date_style, shown, sizeof shown));
		break;
	}
	default:
		sbuf_add(b, v);
		break;
	}
}

/* Long text indented under its label, line by line. */
static void detail_indent(const char *v, struct sbuf *b)
{
	sbuf_add(b, "    ");
	for (; *v; v++) {
		sbuf_addc(b, *v);
		if (*v == '\n')
			sbuf_add(b, "    ");
	}
}

/* A set of rows the page lists again in a section of its own, each row
 * there to open: a task's 関係者, an event's 参加者, a party's エリア
 * (a staff member's 担当エリア has no such section and stays). */
static bool listed_below(const struct entity_def *def, const struct field_def *f)
{
	return f->type == FIELD_SET && f->ref &&
	       (strcmp(f->ref, "party") == 0 || strcmp(def->name, "party") == 0);
}

static void detail_fields(struct tui *t, struct detail *d, const struct record *rec)
{
	const struct entity_def *def = rec->def;
	dl_add(d, ROLE_SECTION, S_SEC_FIELDS);
	for (int i = 0; i < def->nfields; i++) {
		const struct field_def *f = &def->fields[i];
		const char *v = rec->values[i];
		if (!v || !*v || listed_below(def, f))
			continue;
		struct sbuf b = {0};
		if (f->type == FIELD_LONGTEXT) {
			sbuf_addf(&b, "  %s:", f->label);
			dl_add(d, ROLE_NORMAL, b.s);
			sbuf_reset(&b);
			detail_indent(v, &b);
			dl_add(d, ROLE_NORMAL, b.s);
		} else {
			sbuf_addf(&b, "  %s: ", f->label);
			field_text(t, f, v, &b);
			dl_add(d, ROLE_NORMAL, b.s);
		}
		sbuf_free(&b);
	}
	if (rec->updated_at) {
		struct sbuf b = {0};
		char when[LOCALTIME_MAX];
		localtime_format(rec->updated_at, t->date_style, when, sizeof when);
		sbuf_addf(&b, S_UPDATED_FMT, when, rec->updated_by ? rec->updated_by : "");
		dl_add(d, ROLE_NORMAL, b.s);
		sbuf_free(&b);
	}
}

/* Adds s and the blanks that make it `w` columns wide. */
static void pad_to(struct sbuf *b, const char *s, int w)
{
	sbuf_add(b, s);
	for (int k = text_width(s); k < w; k++)
		sbuf_addc(b, ' ');
}

/* columns of a district's name on an area's page: its figures stand in
 * columns under each other (a longer name pushes its own line only) */
#define DISTRICT_NAME_W 12

/* One related row as one entry (with what it opens / stands for). */
static int rel_row(void *ud, int n, const char *const *names, const char *const *values)
{
	struct rel *r = ud;
	struct detail *d = r->d;
	struct sbuf b = {0};
	char d1[LOCALTIME_MAX], d2[LOCALTIME_MAX];
	const char *rel = r->relation;
	if (++r->count > DETAIL_MAX) {
		if (!r->m)  /* held membership lines say it after themselves */
			dl_add(d, ROLE_NORMAL, "  …");
		return 1;
	}
	if (strcmp(rel, "districts") == 0) {
		sbuf_add(&b, "  ");
		pad_to(&b, C("name"), DISTRICT_NAME_W);
		if (*C("population"))
			sbuf_addf(&b, S_DISTRICT_POP, C("population"));
		if (*C("population_65"))
			sbuf_addf(&b, S_DISTRICT_65, C("population_65"));
		if (*C("aging_rate"))
			sbuf_addf(&b, S_DISTRICT_AGING, C("aging_rate"));
		dl_add(d, ROLE_NORMAL, b.s);
	} else if (strcmp(rel, "staff") == 0) {
		sbuf_addf(&b, "  %s  %s %s %s", C("name"), C("organisation"), C("appointment"),
			  C("rank"));
		dl_add(d, ROLE_NORMAL, b.s);
	} else if (strcmp(rel, "counts") == 0) {
		sbuf_addf(&b, S_AREA_COUNTS, C("orgs"), C("persons"),
			  C("open_tasks"), C("events"));
		dl_add(d, ROLE_NORMAL, b.s);
	} else if (strcmp(rel, "tasks") == 0) {
		sbuf_addf(&b, "  [%s] %s  %s %s", C("status"), C("title"), D("due", d1), C("assignee"));
		dl_add(d, ROLE_NORMAL, b.s);
		dl_ref(d, "task", C("id"), NULL, NULL);
	} else if (strcmp(rel, "parties") == 0) {
		const char *kind = C("kind");
		sbuf_addf(&b, "  %s  %s", C("name"),
			  strcmp(kind, "person") == 0 ? S_PERSON : C("org_type"));
		if (*C("areas") || *C("generation")) {  /* a task's parties */
			sbuf_add(&b, "  ");
			rows_party_who(&b, C("areas"), C("generation"), NULL, NULL);
		}
		dl_add(d, ROLE_NORMAL, b.s);
		dl_ref(d, "party", C("id"), strcmp(d->entity, "task") == 0 ? "task_party" : NULL,
		       C("id"));
	} else if (strcmp(rel, "memberships") == 0) {
		bool is_person = strcmp(C("person_id"), d->id) == 0;
		struct member_line *m;
		r->m = xrealloc(r->m, (size_t)(r->nm + 1) * sizeof(*r->m));
		m = &r->m[r->nm++];
		sbuf_addf(&b, S_MEMBER_SPAN, D("from_date", d1), D("to_date", d2));
		*m = (struct member_line){
			xstrdup(is_person ? C("org") : C("person")), xstrdup(C("role")),
			sbuf_detach(&b), xstrdup(is_person ? C("org_id") : C("person_id")),
			xstrdup(C("id")),
		};
	} else if (strcmp(rel, "areas") == 0) {
		sbuf_addf(&b, "  %s", C("name"));
		dl_add(d, ROLE_NORMAL, b.s);
		dl_ref(d, "area", C("id"), NULL, NULL);
	} else if (strcmp(rel, "logs") == 0) {
		/* a note of several lines goes under its heading, indented */
		/* a one-line note wraps under itself, not under its date */
		const char *text = C("text");
		sbuf_addf(&b, "  %s %s %s:%s", D("date", d1), C("kind"), C("author"),
			  strchr(text, '\n') ? "\n" : " ");
		int hang = text_width(b.s);
		if (strchr(text, '\n'))
			detail_indent(text, &b);
		else
			sbuf_add(&b, text);
		dl_add(d, ROLE_NORMAL, b.s);
		if (!strchr(text, '\n'))
			dl_hang(d, hang);
		dl_ref(d, NULL, NULL, "log", C("id"));
	}
	sbuf_free(&b);
	return 0;
}

#define MEMBER_COL_MAX 24  /* a longer name or role runs past its column */


/* The membership lines, name and role each in a column as wide as the
 * widest (up to MEMBER_COL_MAX): "  さくら会    会計    2024-04-01〜". */
static void member_lines(struct detail *d, struct rel *r)
{
	int ww = 0, rw = 0;
	for (int i = 0; i < r->nm; i++) {
		int a = text_width(r->m[i].who), b = text_width(r->m[i].role);
		ww = a > ww && a <= MEMBER_COL_MAX ? a : ww;
		rw = b > rw && b <= MEMBER_COL_MAX ? b : rw;
	}
	for (int i = 0; i < r->nm; i++) {
		struct member_line *m = &r->m[i];
		struct sbuf b = {0};
		sbuf_add(&b, "  ");
		pad_to(&b, m->who, ww);
		sbuf_add(&b, "  ");
		pad_to(&b, m->role, rw);
		sbuf_addf(&b, "  %s", m->span);
		dl_add(d, ROLE_NORMAL, b.s);
		dl_ref(d, "party", m->open_id, "membership", m->id);
		sbuf_free(&b);
		free(m->who);
		free(m->role);
		free(m->span);
		free(m->open_id);
		free(m->id);
	}
	if (r->m && r->count > DETAIL_MAX)
		dl_add(d, ROLE_NORMAL, "  …");
	free(r->m);
}

static void detail_related(struct tui *t, struct detail *d, const char *relation,
			   const char *heading)
{
	struct rel r = {t, d, relation, 0, NULL, 0};
	struct tsu_error err = {0};
	dl_add(d, ROLE_NORMAL, "");
	dl_add(d, ROLE_SECTION, heading);
	enum tsu_status rc = store_related(t->st, d->entity, d->id, relation, rel_row, &r, &err);
	member_lines(d, &r);
	if (rc != TSU_OK)
		dl_add(d, ROLE_ERROR, err.msg);
	else if (r.count == 0)
		dl_add(d, ROLE_NORMAL, "  " S_EMPTY);
}

/* A survey has no name of its own: its group, kind and date tell it
 * (「諏訪自治会のヒアリング (2026-06-25)」) in the title and in the
 * questions (d asked 「ヒアリング」を削除しますか?). */
static void detail_survey_name(struct tui *t, struct detail *d, const struct record *rec)
{
	const char *party = record_get(rec, "party_id"), *kind = record_get(rec, "kind");
	const char *date = record_get(rec, "date");
	char *group = party && *party ? form_ref_title(t, "party", party) : NULL;
	struct sbuf b = {0};
	if (group)
		sbuf_addf(&b, S_SV_OF, group);
	sbuf_add(&b, kind && *kind ? kind : rec->def->label);
	if (date && *date)
		sbuf_addf(&b, " (%s)", date);
	snprintf(d->name, sizeof(d->name), "%s", b.s);
	sbuf_free(&b);
	free(group);
}

bool detail_build(struct tui *t, struct detail *d)
{
	struct record *rec = NULL;
	struct tsu_error err = {0};
	if (store_get(t->st, d->entity, d->id, false, &rec, &err) != TSU_OK) {
		tui_error(t, &err);
		return false;
	}
	const char *name = record_get(rec, rec->def->title_field);
	snprintf(d->name, sizeof(d->name), "%s", name ? name : d->id);
	if (strcmp(d->entity, "survey") == 0)
		detail_survey_name(t, d, rec);
	else if (strcmp(d->entity, "event") == 0)
		events_name(rec, d->name, sizeof d->name);
	struct sbuf title = {0};
	sbuf_addf(&title, " %s: %s", rec->def->label, d->name);
	d->title = sbuf_detach(&title);
	detail_fields(t, d, rec);
	const char *kind = strcmp(d->entity, "task") == 0 ? record_get(rec, "kind") : NULL;
	bool request = kind && strcmp(kind, "地域要望") == 0;
	record_free(rec);
	if (strcmp(d->entity, "area") == 0) {
		d->hints = hints_area;
		detail_related(t, d, "counts", S_SEC_COUNTS);
		detail_related(t, d, "districts", S_SEC_DISTRICTS);
		detail_related(t, d, "staff", S_SEC_STAFF);
		detail_related(t, d, "tasks", S_SEC_TASKS);
		detail_related(t, d, "parties", S_SEC_PARTIES);
		detail_related(t, d, "logs", S_SEC_LOGS);
	} else if (strcmp(d->entity, "party") == 0) {
		d->hints = hints_party;
		detail_related(t, d, "memberships", S_SEC_MEMBERS);
		detail_related(t, d, "areas", S_SEC_AREAS);
		detail_related(t, d, "tasks", S_SEC_TASKS);
		detail_related(t, d, "logs", S_SEC_LOGS);
	} else if (strcmp(d->entity, "task") == 0) {
		d->hints = request ? hints_request : hints_task;
		detail_related(t, d, "parties", S_SEC_PARTIES);
		detail_related(t, d, "logs", S_SEC_LOGS);
	} else {
		d->hints = strcmp(d->entity, "survey") == 0 ? hints_survey : hints_record;
	}
	detail_area_work(t, d);
	return true;
}
