/*
 * The figures of the 支援ケース一覧 and the 活動報告 (report_data.h).
 *
 * Every query takes the same parameters: ?1 the area (NULL: all), ?2 and
 * ?3 the period's ends (NULL: open), ?4 today.  A task's start is the
 * local date it was made; a period holds a task when it was started or
 * had a log entry in it (TASK_WORKED).  A tally counts each value once
 * per task of the period, every choice of its list shown even at zero,
 * so that the rows add up to the number of tasks and a missing category
 * is visible as 0 rather than absent.
 */
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "tsunagu/clock.h"
#include "tsunagu/report_data.h"

#define IN_PERIOD(expr) "(" expr " BETWEEN coalesce(?2, '0000-01-01') AND coalesce(?3, '9999-12-31'))"
#define TASK_START "date(t.created_at, 'localtime')"
#define TASK_SCOPE "t.deleted_at IS NULL AND (?1 IS NULL OR t.area_id = ?1)"
#define TASK_WORKED \
	"(" IN_PERIOD(TASK_START) " OR EXISTS (SELECT 1 FROM log_entry w WHERE w.task_id = t.id" \
	" AND w.deleted_at IS NULL AND " IN_PERIOD("w.date") "))"
/* a log entry belongs to an area through itself, its task or its party */
#define LOG_SCOPE \
	"l.deleted_at IS NULL AND " IN_PERIOD("l.date") " AND (?1 IS NULL OR l.area_id = ?1" \
	" OR l.task_id IN (SELECT id FROM task WHERE area_id = ?1 AND deleted_at IS NULL)" \
	" OR l.party_id IN (SELECT party_id FROM party_area WHERE area_id = ?1))"

static void bind_scope(sqlite3_stmt *s, const struct report_scope *sc, const char *today)
{
	const char *vals[] = {sc->area_id, sc->from, sc->to, today};
	store_bind_texts(s, 4, vals);
}

static const char cases_sql[] =
	"SELECT t.id, t.title, t.kind, t.status, a.name, t.assignee, " TASK_START ","
	" lc.last, CAST(julianday(?4) - julianday(coalesce(lc.last, " TASK_START ")) AS INTEGER), t.due"
	" FROM task t LEFT JOIN area a ON a.id = t.area_id"
	" LEFT JOIN (SELECT task_id, max(date) AS last FROM log_entry"
	"  WHERE deleted_at IS NULL AND task_id IS NOT NULL GROUP BY task_id) lc ON lc.task_id = t.id"
	" WHERE " TASK_SCOPE " AND (" TASK_WORKED
	"  OR (t.status <> '完了' AND " TASK_START " <= coalesce(?3, '9999-12-31')))"
	" ORDER BY a.id IS NULL, a.sort, a.name,"
	" CASE t.status WHEN '未着手' THEN 0 WHEN '対応中' THEN 1 WHEN '保留' THEN 2 ELSE 3 END,"
	" " TASK_START ", t.id";

enum tsu_status store_report_cases(struct store *st, const struct report_scope *sc,
				   report_case_cb cb, void *ud, struct tsu_error *err)
{
	sqlite3_stmt *s;
	char today[16];
	clock_today(today, sizeof today);
	if (store_prepare(st, cases_sql, &s, err))
		return err->status;
	bind_scope(s, sc, today);
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
#define T(i) ((const char *)sqlite3_column_text(s, i))
		struct report_case c = {
			.id = T(0), .title = T(1), .kind = T(2), .status = T(3), .area = T(4),
			.assignee = T(5), .start = T(6), .last_contact = T(7),
			.days_since = sqlite3_column_int64(s, 8), .due = T(9),
		};
#undef T
		if (cb(ud, &c))
			break;
	}
	store_finish(st, s);
	return step == SQLITE_ROW || step == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, "ケース一覧");
}

/* ---- 活動報告 ---- */

struct tally_def {
	const char *col;         /* what is counted (t: task, l: log entry) */
	const char *choice_kind; /* its list; NULL: the areas */
	bool logs;
};

static const struct tally_def tally_defs[REPORT_TALLY_COUNT] = {
	[REPORT_TALLY_KIND] = {"t.kind", "task_kind", false},
	[REPORT_TALLY_DUTY] = {"t.duty", "duty", false},
	[REPORT_TALLY_PILLAR] = {"t.pillar", "pillar", false},
	[REPORT_TALLY_AREA] = {"t.area_id", NULL, false},
	[REPORT_TALLY_REFERRAL] = {"t.referral_source", "referral_source", false},
	[REPORT_TALLY_CONNECTED] = {"t.connected_to", "connected_to", false},
	[REPORT_TALLY_LOG_KIND] = {"l.kind", "log_kind", true},
};

static const char *const tally_titles[REPORT_TALLY_COUNT] = {
#define REPORT_TALLY_TITLE(id, title, unit) title,
	REPORT_TALLY_LIST(REPORT_TALLY_TITLE)
#undef REPORT_TALLY_TITLE
};
static const char *const tally_units[REPORT_TALLY_COUNT] = {
#define REPORT_TALLY_UNIT(id, title, unit) unit,
	REPORT_TALLY_LIST(REPORT_TALLY_UNIT)
#undef REPORT_TALLY_UNIT
};

/* The counts by stored value (NULL value: unset), as the query gave them. */
struct found {
	char *value;
	long n;
	bool used;
};
struct found_list {
	struct found *v;
	size_t n;
};

static void tally_add(struct report_tally *t, const char *label, long n)
{
	t->rows = xrealloc(t->rows, (t->nrows + 1) * sizeof *t->rows);
	t->rows[t->nrows++] = (struct report_count){xstrdup(label), n};
	t->total += n;
}

/* The count of `code` (its entry marked used), 0 when it has none. */
static long found_take(struct found_list *f, const char *code)
{
	for (size_t i = 0; i < f->n; i++)
		if (!f->v[i].used && f->v[i].value && strcmp(f->v[i].value, code) == 0) {
			f->v[i].used = true;
			return f->v[i].n;
		}
	return 0;
}

struct choice_fill {
	struct report_tally *t;
	struct found_list *f;
};

static int fill_choice(void *ud, const char *code, const char *label)
{
	struct choice_fill *cf = ud;
	long n = found_take(cf->f, code);
	if (strcmp(code, label) == 0) {
		tally_add(cf->t, label, n);
	} else { /* "A 作業支援": the letter is what offices count by */
		struct sbuf b = {0};
		sbuf_addf(&b, "%s %s", code, label);
		tally_add(cf->t, b.s, n);
		sbuf_free(&b);
	}
	return 0;
}

/* One row per live area of the scope, in the areas' order. */
static enum tsu_status fill_areas(struct store *st, const struct report_scope *sc,
				  struct choice_fill *cf, struct tsu_error *err)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT id, name FROM area WHERE deleted_at IS NULL"
			  " AND (?1 IS NULL OR id = ?1) ORDER BY sort, name", &s, err))
		return err->status;
	store_bind_texts(s, 1, &sc->area_id);
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		long n = found_take(cf->f, (const char *)sqlite3_column_text(s, 0));
		tally_add(cf->t, (const char *)sqlite3_column_text(s, 1), n);
	}
	store_finish(st, s);
	return step == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, "エリア");
}

static enum tsu_status count_values(struct store *st, const struct report_scope *sc,
				    const struct tally_def *def, struct found_list *f,
				    struct tsu_error *err)
{
	struct sbuf sql = {0};
	char today[16];
	clock_today(today, sizeof today);
	if (def->logs)
		sbuf_addf(&sql, "SELECT %s, count(*) FROM log_entry l WHERE " LOG_SCOPE
			  " GROUP BY 1 ORDER BY 1", def->col);
	else
		sbuf_addf(&sql, "SELECT %s, count(*) FROM task t WHERE " TASK_SCOPE " AND " TASK_WORKED
			  " GROUP BY 1 ORDER BY 1", def->col);
	sqlite3_stmt *s;
	enum tsu_status rc = store_prepare(st, sql.s, &s, err);
	sbuf_free(&sql);
	if (rc != TSU_OK)
		return rc;
	bind_scope(s, sc, today);
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		f->v = xrealloc(f->v, (f->n + 1) * sizeof *f->v);
		f->v[f->n++] = (struct found){store_col_dup(s, 0), sqlite3_column_int64(s, 1), false};
	}
	store_finish(st, s);
	return step == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, "活動報告");
}

static enum tsu_status tally_one(struct store *st, const struct report_scope *sc,
				 enum report_tally_id id, struct report_tally *t,
				 struct tsu_error *err)
{
	const struct tally_def *def = &tally_defs[id];
	struct found_list f = {0};
	t->title = tally_titles[id];
	t->unit = tally_units[id];
	enum tsu_status rc = count_values(st, sc, def, &f, err);
	struct choice_fill cf = {t, &f};
	if (rc == TSU_OK && def->choice_kind)
		rc = store_choices(st, def->choice_kind, fill_choice, &cf, err);
	else if (rc == TSU_OK)
		rc = fill_areas(st, sc, &cf, err);
	long unset = 0;
	for (size_t i = 0; i < f.n; i++) {
		if (rc == TSU_OK && !f.v[i].used && f.v[i].value && *f.v[i].value)
			tally_add(t, f.v[i].value, f.v[i].n); /* outside today's list */
		else if (!f.v[i].used)
			unset += f.v[i].n;
		free(f.v[i].value);
	}
	free(f.v);
	if (rc == TSU_OK && unset)
		tally_add(t, REPORT_UNSET, unset);
	return rc;
}

enum tsu_status store_report_activity(struct store *st, const struct report_scope *sc,
				      struct report_activity *out, struct tsu_error *err)
{
	memset(out, 0, sizeof *out);
	for (int i = 0; i < REPORT_TALLY_COUNT; i++) {
		if (tally_one(st, sc, (enum report_tally_id)i, &out->tally[i], err) != TSU_OK) {
			store_report_activity_free(out);
			return err->status;
		}
	}
	out->tasks = out->tally[REPORT_TALLY_KIND].total;
	out->logs = out->tally[REPORT_TALLY_LOG_KIND].total;
	return TSU_OK;
}

void store_report_activity_free(struct report_activity *a)
{
	for (int i = 0; i < REPORT_TALLY_COUNT; i++) {
		for (size_t j = 0; j < a->tally[i].nrows; j++)
			free(a->tally[i].rows[j].label);
		free(a->tally[i].rows);
	}
	memset(a, 0, sizeof *a);
}
