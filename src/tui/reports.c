/*
 * R: the reports menu.  Asks the kind (in Japanese), then the area (or,
 * for a 支援経過記録, the task), then the period when the kind uses one;
 * proposes a file in the home folder named for what it covers, the kind
 * and the day (~/諏訪中学区_カルテ_2026-12-04.html), editable, and writes
 * it through report_write (0600, never over the database, asking before
 * it replaces a file), saying where on the status line.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app.h"
#include "screens.h"
#include "strings.h"
#include "widgets.h"
#include "tsunagu/config.h"
#include "tsunagu/date.h"
#include "tsunagu/record.h"
#include "tsunagu/list.h"
#include "tsunagu/report.h"
#include "tsunagu/sanitize.h"
#include "tsunagu/sbuf.h"
#include "tsunagu/utf8.h"

struct rep_menu {
	struct report_kind k;
	struct report_options opt;
	char *area_id, *task_id;
	const char *task_hint;         /* the card the menu was opened on */
	char *subject;                 /* area name, task title: for the file name */
	char from[DATE_ISO_LEN + 1], to[DATE_ISO_LEN + 1];
};

/* The areas in the areas pane's order (LIST_AREAS: sort, then name). */
static int add_area(void *ud, int ncols, const char *const *v)
{
	(void)ncols;
	pick_add(ud, v[list_column_index(LIST_AREAS, "name")],
		 v[list_column_index(LIST_AREAS, "id")]);
	return 0;
}

static int add_task(void *ud, const struct record *r)
{
	struct sbuf label = {0};
	const char *status = record_get(r, "status");
	sbuf_addf(&label, "%s%s%s%s", record_get(r, "title"), status ? "（" : "",
		  status ? status : "", status ? "）" : "");
	pick_add(ud, label.s, r->id);
	sbuf_free(&label);
	return 0;
}

/* The name row `id` of `entity` goes by ("" when none); new string. */
static char *name_of(struct tui *t, const char *entity, const char *id, const char *field)
{
	struct record *r = NULL;
	char *name;
	if (!id || store_get(t->st, entity, id, false, &r, NULL) != TSU_OK)
		return xstrdup("");
	name = xstrdup(record_get(r, field) ? record_get(r, field) : "");
	record_free(r);
	return name;
}

/* Area (kinds that use one) or task (log); false when cancelled. */
static bool ask_subject(struct tui *t, struct rep_menu *m)
{
	struct pick_list list = {0};
	struct tsu_error err = {0};

	if (m->k.uses & REPORT_USES_AREA) {
		pick_add(&list, S_REP_ALL_AREAS, "");
		struct list_query all = {0};
		if (store_list(t->st, LIST_AREAS, &all, add_area, &list, &err) != TSU_OK)
			tui_error(t, &err);
		m->area_id = picklist_run(t, S_REP_AREA, &list, t->area_id ? t->area_id : "", NULL, NULL);
		pick_clear(&list);
		if (!m->area_id)
			return false;
		m->subject = *m->area_id ? name_of(t, "area", m->area_id, "name") : xstrdup("全エリア");
		m->opt.area_id = *m->area_id ? m->area_id : NULL;
	}
	if (m->k.uses & REPORT_USES_TASK) {
		/* with an area chosen, its own entries (meetings) come first */
		char *area = t->area_id && (m->k.uses & REPORT_AREA_SUBJECT)
			? name_of(t, "area", t->area_id, "name") : NULL;
		struct sbuf label = {0};
		if (area) {
			sbuf_addf(&label, S_REP_AREA_LOG, area);
			pick_add(&list, label.s, t->area_id);
		}
		sbuf_free(&label);
		free(area);
		store_each(t->st, "task", t->area_id, add_task, &list, &err);
		if (list.n == 0) {
			tui_msg(t, "%s", S_REP_NO_TASKS);
			t->msg_error = true;
			return false;
		}
		m->task_id = picklist_run(t, S_REP_TASK, &list, m->task_hint, NULL, NULL);
		pick_clear(&list);
		if (!m->task_id || !*m->task_id)
			return false;
		free(m->subject);
		if (t->area_id && strcmp(m->task_id, t->area_id) == 0) {
			m->subject = name_of(t, "area", t->area_id, "name");
			m->opt.area_id = t->area_id;   /* the area's own entries */
		} else {
			m->subject = name_of(t, "task", m->task_id, "title");
			m->opt.task_id = m->task_id;
		}
	}
	return true;
}

/* One end of the period: empty is open; a date in any form date_parse
 * reads.  False when cancelled or not a date (said on the status line). */
static bool ask_date(struct tui *t, const char *label, char out[DATE_ISO_LEN + 1], const char **set)
{
	struct tsu_error err = {0};
	char *in = prompt_line(t, label, "", NULL, NULL);
	bool ok = in != NULL;

	if (in && *in) {
		ok = date_parse(in, out, &err) == TSU_OK;
		if (ok)
			*set = out;
		else
			tui_error(t, &err);
	}
	free(in);
	return ok;
}

/* A file name keeps this many characters of a task's title: a name has
 * at most 255 bytes, and a title of 90 kanji would pass that. */
enum { REP_SUBJECT_MAX = 40 };

/* ~/SUBJECT_KIND_TODAY.html with the characters a file name cannot hold
 * or a file manager would act on (/, control characters, bidi overrides
 * such as U+202E that show "見守りlmth.exe" reversed) replaced by "_",
 * the subject cut at REP_SUBJECT_MAX characters.  New string. */
static char *proposed_file(struct tui *t, const struct rep_menu *m)
{
	struct sbuf b = {0}, subject = {0};
	const char *s = m->subject && *m->subject ? m->subject : "つなぐ";
	size_t len = strlen(s);
	char rep[TEXT_SANITIZE_CP_MAX];

	for (size_t i = 0, n = 0; i < len && n < REP_SUBJECT_MAX; n++) {
		int32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		if (cp == '/' || cp == 0xFFFD || text_sanitize_cp(cp, 0, rep) > 0)
			sbuf_addc(&subject, '_');
		else
			sbuf_addn(&subject, s + i, k);
		i += k;
	}
	sbuf_addf(&b, S_REP_DEFAULT_FILE, sbuf_str(&subject), m->k.file_label, t->today);
	sbuf_free(&subject);
	return sbuf_detach(&b);
}

static void write_report(struct tui *t, struct rep_menu *m, const char *typed)
{
	struct tsu_error err = {0};
	char *path = config_expand_home(typed);
	enum report_format f;

	if (report_format_of(path, &f, &err) != TSU_OK) {
		tui_error(t, &err);
	} else if (cmdline_overwrite_ok(t, path, &m->opt.force)) {
		m->opt.date_style = t->date_style;
		if (report_write(t->st, m->k.kind, path, &m->opt, &err) != TSU_OK) {
			tui_error(t, &err);
		} else {
			char *shown = text_sanitize(path, 0);
			tui_msg(t, f == REPORT_HTML ? S_REP_WRITTEN : S_REP_WRITTEN_CSV, m->k.title, shown);
			free(shown);
		}
	}
	free(path);
}

void reports_run(struct tui *t, const char *task_id)
{
	struct pick_list kinds = {0};
	struct rep_menu m = {.opt = {.encoding = IO_ENC_UTF8}, .task_hint = task_id};
	char *kind, *file = NULL, *offer = NULL;
	const char *first = NULL;
	struct report_kind k;

	for (size_t i = 0; report_kind_at(i, &k); i++) {
		pick_add(&kinds, k.title, k.kind);
		if (task_id && (k.uses & REPORT_USES_TASK) && !first)
			first = k.kind;
	}
	kind = picklist_run(t, S_REP_KIND, &kinds, first, NULL, NULL);
	pick_clear(&kinds);
	if (!kind || !report_kind_find(kind, &m.k))
		goto out;
	if (!ask_subject(t, &m))
		goto out;
	if ((m.k.uses & REPORT_USES_PERIOD) &&
	    (!ask_date(t, S_REP_FROM, m.from, &m.opt.from) || !ask_date(t, S_REP_TO, m.to, &m.opt.to)))
		goto out;
	offer = proposed_file(t, &m);
	file = prompt_line(t, S_REP_SAVE, offer, NULL, NULL);
	if (file && *file)
		write_report(t, &m, file);
out:
	free(kind);
	free(file);
	free(offer);
	free(m.area_id);
	free(m.task_id);
	free(m.subject);
}
