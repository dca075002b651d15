/*
 * The area-work sections of detail pages (issue 9): an event's attendance
 * per generation with its total (W enters the counts) and the parties
 * named as having come (Enter opens one), and a group's
 * アンケート・ヒアリング with the handbook's items (Q adds one; e edits
 * the one under the cursor, d deletes it).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app.h"
#include "detail.h"
#include "screens.h"
#include "strings.h"
#include "tsunagu/list.h"
#include "tsunagu/record.h"
#include "tsunagu/textwidth.h"

static const enum tui_action hints_event[] = {
	ACT_NEXT_PANE, ACT_OPEN, ACT_EDIT, ACT_GENERATIONS, ACT_LOG, ACT_LONGTEXT, ACT_DELETE, ACT_HISTORY,
	ACT_UNDO, ACT_REDO, ACT_HELP, ACT_QUIT, ACT_NONE,
};
static const enum tui_action hints_group[] = {
	ACT_NEXT_PANE, ACT_OPEN, ACT_EDIT, ACT_DELETE, ACT_ADD, ACT_LOG, ACT_MEMBER, ACT_SURVEYS,
	ACT_LONGTEXT, ACT_HISTORY, ACT_SUGGEST, ACT_UNDO, ACT_REDO, ACT_HELP, ACT_QUIT, ACT_NONE,
};

struct work_rows {
	struct tui *t;
	struct detail *d;
	long total;
	int count;
};

static const char *value_of(int n, const char *const *names, const char *const *values,
			    const char *name)
{
	for (int i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return values[i] ? values[i] : "";
	return "";
}

#define V(name) value_of(n, names, values, name)

/* One line of the counts: the generation's name in a column as wide as
 * the longest usual one (現役・子育て), the count right-aligned, so that
 * the numbers stand one under another whatever the names' widths. */
#define ATT_NAME_COLS 12
#define ATT_COUNT_COLS 5
static void attendance_line(struct sbuf *b, const char *name, const char *count)
{
	int pad = ATT_NAME_COLS - text_width(name);
	sbuf_addf(b, "  %s%*s  %*s %s", name, pad > 0 ? pad : 0, "", ATT_COUNT_COLS, count,
		  S_ATT_UNIT);
}

static int attendance_row(void *ud, int n, const char *const *names, const char *const *values)
{
	struct work_rows *w = ud;
	struct sbuf b = {0};
	attendance_line(&b, V("generation"), *V("count") ? V("count") : "0");
	dl_add(w->d, ROLE_NORMAL, b.s);
	sbuf_free(&b);
	w->total += atol(V("count"));
	w->count++;
	return 0;
}

/* One named participant: Enter opens the party. */
static int participant_row(void *ud, int n, const char *const *names, const char *const *values)
{
	struct work_rows *w = ud;
	struct sbuf b = {0};
	sbuf_addf(&b, "  %s  %s", V("name"), strcmp(V("kind"), "person") == 0 ? S_PERSON
									 : V("org_type"));
	dl_add(w->d, ROLE_NORMAL, b.s);
	dl_ref(w->d, "party", V("id"), NULL, NULL);
	sbuf_free(&b);
	w->count++;
	return 0;
}

/* One survey: date and kind, then each handbook item that is filled. */
static int survey_row(void *ud, int n, const char *const *names, const char *const *values)
{
	static const char *const items[] = {"structure", "activities", "issues", "plans",
					    "collaboration"};
	struct work_rows *w = ud;
	const struct entity_def *def = entity_find("survey");
	char date[LOCALTIME_MAX];
	struct sbuf b = {0};
	sbuf_addf(&b, S_SV_ROW, *V("date") ? localtime_date(V("date"), w->t->date_style, date,
							    sizeof date) : "－", V("kind"));
	if (*V("respondents"))
		sbuf_addf(&b, "  %s %s", entity_field(def, "respondents")->label, V("respondents"));
	for (size_t i = 0; i < sizeof items / sizeof items[0]; i++) {
		const char *v = V(items[i]);
		if (!*v)
			continue;
		sbuf_addf(&b, "\n    %s:", entity_field(def, items[i])->label);
		/* several lines go under the label, indented */
		for (const char *p = v; *p;) {
			const char *nl = strchr(p, '\n');
			size_t len = nl ? (size_t)(nl - p) : strlen(p);
			sbuf_addf(&b, "\n      %.*s", (int)len, p);
			p += len + (nl ? 1 : 0);
		}
	}
	dl_add(w->d, ROLE_NORMAL, b.s);
	dl_ref(w->d, "survey", V("id"), "survey", V("id"));
	sbuf_free(&b);
	w->count++;
	return 0;
}

static void work_section(struct tui *t, struct detail *d, const char *relation,
			 const char *heading, related_row_cb cb, struct work_rows *w)
{
	struct tsu_error err = {0};
	dl_add(d, ROLE_NORMAL, "");
	dl_add(d, ROLE_SECTION, heading);
	if (store_related(t->st, d->entity, d->id, relation, cb, w, &err) != TSU_OK)
		dl_add(d, ROLE_ERROR, err.msg);
	else if (w->count == 0)
		dl_add(d, ROLE_NORMAL, "  " S_EMPTY);
}

/* True when party `id` is a group (kind org). */
static bool is_group(struct tui *t, const char *id)
{
	return ops_party_is_group(t, id, false) == 1;
}

void detail_area_work(struct tui *t, struct detail *d)
{
	struct work_rows w = {t, d, 0, 0};
	if (strcmp(d->entity, "event") == 0) {
		d->hints = hints_event;
		work_section(t, d, "attendance", S_SEC_ATTENDANCE, attendance_row, &w);
		if (w.count) {
			struct sbuf b = {0};
			char total[24];
			snprintf(total, sizeof total, "%ld", w.total);
			attendance_line(&b, S_ATT_TOTAL, total);
			dl_add(d, ROLE_NORMAL, b.s);
			sbuf_free(&b);
		}
		struct work_rows p = {t, d, 0, 0};
		work_section(t, d, "participants", S_SEC_PARTICIPANTS, participant_row, &p);
	} else if (strcmp(d->entity, "party") == 0 && is_group(t, d->id)) {
		d->hints = hints_group;
		work_section(t, d, "surveys", S_SEC_SURVEYS, survey_row, &w);
	}
}
