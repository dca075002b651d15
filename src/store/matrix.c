/*
 * The department matrix (一覧表): read once into memory, since a grid of a
 * dozen categories and a handful of departments is small and the screen,
 * the table and the CSV all walk it cell by cell.  The JSON form is made
 * by SQLite's JSON functions from the same rules (matrix.h).
 */
#include <stdlib.h>
#include <string.h>
#include "query.h"
#include "tsunagu/matrix.h"
#include "tsunagu/sbuf.h"

const char *const matrix_states[MATRIX_NSTATES] = {"取組中", "検討中", "既往データ", "課題", "意見"};
const char *const matrix_state_marks[MATRIX_NSTATES] = {"取", "検", "既", "課", "意"};

/* The entries the matrix shows: of live departments, in the area's scope. */
#define MATRIX_ENTRIES_SQL \
	"SELECT m.id, m.category, m.department_id, m.state, m.area_id, m.text, m.created_at," \
	" a.name AS area_name" \
	" FROM matrix_cell m JOIN department d ON d.id = m.department_id AND d.deleted_at IS NULL" \
	" LEFT JOIN area a ON a.id = m.area_id" \
	" WHERE m.deleted_at IS NULL AND (?1 IS NULL OR m.area_id IS NULL OR m.area_id = ?1)"

static void add_label(struct matrix_label **v, int *n, const char *code, const char *name)
{
	*v = xrealloc(*v, (size_t)(*n + 1) * sizeof **v);
	(*v)[*n].code = xstrdup(code ? code : "");
	(*v)[*n].name = xstrdup(name ? name : "");
	(*n)++;
}

static int find_label(const struct matrix_label *v, int n, const char *code)
{
	for (int i = 0; i < n; i++)
		if (code && strcmp(v[i].code, code) == 0)
			return i;
	return -1;
}

static enum tsu_status load_labels(struct store *st, const char *sql, struct matrix_label **v,
				   int *n, struct tsu_error *err)
{
	sqlite3_stmt *s;
	if (store_prepare(st, sql, &s, err))
		return err->status;
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW)
		add_label(v, n, (const char *)sqlite3_column_text(s, 0),
			  (const char *)sqlite3_column_text(s, 1));
	store_finish(st, s);
	return step == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, "一覧表");
}

static int state_index(const char *state)
{
	for (int i = 0; i < MATRIX_NSTATES; i++)
		if (state && strcmp(state, matrix_states[i]) == 0)
			return i;
	return -1;
}

static int entry_order(const void *pa, const void *pb)
{
	const struct matrix_entry *a = pa, *b = pb;
	int sa = a->state_ix < 0 ? MATRIX_NSTATES : a->state_ix;
	int sb = b->state_ix < 0 ? MATRIX_NSTATES : b->state_ix;
	if (a->cat != b->cat)
		return a->cat - b->cat;
	if (a->dept != b->dept)
		return a->dept - b->dept;
	if (sa != sb)
		return sa - sb;
	return a->seq - b->seq; /* qsort is not stable: the order of creation */
}

static enum tsu_status load_entries(struct store *st, const char *area_id, struct matrix *m,
				    struct tsu_error *err)
{
	sqlite3_stmt *s;
	if (store_prepare(st, MATRIX_ENTRIES_SQL " ORDER BY m.created_at, m.id", &s, err))
		return err->status;
	store_bind_texts(s, 1, &area_id);
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		const char *cat = (const char *)sqlite3_column_text(s, 1);
		int ci = find_label(m->cats, m->ncats, cat);
		if (ci < 0) { /* a category no longer in the list keeps its row */
			add_label(&m->cats, &m->ncats, cat, cat);
			ci = m->ncats - 1;
		}
		m->entries = xrealloc(m->entries, (size_t)(m->nentries + 1) * sizeof *m->entries);
		struct matrix_entry *e = &m->entries[m->nentries++];
		e->id = store_col_dup(s, 0);
		e->state = store_col_dup(s, 3);
		e->area_id = store_col_dup(s, 4);
		e->text = store_col_dup(s, 5);
		e->area_name = store_col_dup(s, 7);
		e->cat = ci;
		e->seq = m->nentries - 1;
		e->dept = find_label(m->depts, m->ndepts, (const char *)sqlite3_column_text(s, 2));
		e->state_ix = state_index(e->state);
	}
	store_finish(st, s);
	if (step != SQLITE_DONE)
		return store_sql_fail(st, err, "一覧表");
	/* by cell and state; within a state in the order of creation */
	if (m->nentries > 1)
		qsort(m->entries, (size_t)m->nentries, sizeof *m->entries, entry_order);
	return TSU_OK;
}

enum tsu_status store_matrix_load(struct store *st, const char *area_id, struct matrix *m,
				  struct tsu_error *err)
{
	memset(m, 0, sizeof *m);
	enum tsu_status rc = load_labels(st, "SELECT code, label FROM refvalue"
					 " WHERE kind = 'category' ORDER BY sort, code",
					 &m->cats, &m->ncats, err);
	if (rc == TSU_OK)
		rc = load_labels(st, "SELECT id, name FROM department WHERE deleted_at IS NULL"
				 " ORDER BY created_at, rowid", &m->depts, &m->ndepts, err);
	if (rc == TSU_OK)
		rc = load_entries(st, area_id, m, err);
	if (rc != TSU_OK)
		store_matrix_free(m);
	return rc;
}

static void free_labels(struct matrix_label *v, int n)
{
	for (int i = 0; i < n; i++) {
		free(v[i].code);
		free(v[i].name);
	}
	free(v);
}

void store_matrix_free(struct matrix *m)
{
	free_labels(m->cats, m->ncats);
	free_labels(m->depts, m->ndepts);
	for (int i = 0; i < m->nentries; i++) {
		free(m->entries[i].id);
		free(m->entries[i].state);
		free(m->entries[i].area_id);
		free(m->entries[i].text);
		free(m->entries[i].area_name);
	}
	free(m->entries);
	memset(m, 0, sizeof *m);
}

int matrix_count(const struct matrix *m, int cat, int dept, int s)
{
	int n = 0;
	for (int i = 0; i < m->nentries; i++) {
		const struct matrix_entry *e = &m->entries[i];
		if (e->cat == cat && e->dept == dept && (s < 0 || e->state_ix == s))
			n++;
	}
	return n;
}

int matrix_active_depts(const struct matrix *m, int cat)
{
	int n = 0;
	for (int d = 0; d < m->ndepts; d++)
		n += matrix_count(m, cat, d, MATRIX_ACTIVE) > 0;
	return n;
}

bool matrix_overlap(const struct matrix *m, int cat)
{
	return matrix_active_depts(m, cat) > 1;
}

bool matrix_gap(const struct matrix *m, int cat)
{
	return matrix_active_depts(m, cat) == 0;
}

char *matrix_cell_counts(const struct matrix *m, int cat, int dept)
{
	struct sbuf b = {0};
	for (int s = 0; s < MATRIX_NSTATES; s++) {
		int n = matrix_count(m, cat, dept, s);
		if (n)
			sbuf_addf(&b, "%s%s%d", b.len ? " " : "", matrix_state_marks[s], n);
	}
	return sbuf_detach(&b);
}

/* One array of categories; each lists every live department with its
 * counts and entries.  ?1 is the area (NULL: all). */
static const char matrix_json_sql[] =
	"WITH e AS (" MATRIX_ENTRIES_SQL "),"
	" cats AS (SELECT code, label, sort FROM refvalue WHERE kind = 'category'"
	"  UNION ALL SELECT DISTINCT category, category, 1000000 FROM e"
	"  WHERE category NOT IN (SELECT code FROM refvalue WHERE kind = 'category')),"
	" deps AS (SELECT id, name, created_at, rowid AS rid FROM department WHERE deleted_at IS NULL),"
	" act AS (SELECT category, count(DISTINCT department_id) AS n FROM e"
	"  WHERE state = '取組中' GROUP BY category)"
	" SELECT json_group_array(json(c.obj)) FROM (SELECT json_object("
	"  'category', cats.label,"
	"  'overlap', json(CASE WHEN coalesce(act.n, 0) > 1 THEN 'true' ELSE 'false' END),"
	"  'gap', json(CASE WHEN coalesce(act.n, 0) = 0 THEN 'true' ELSE 'false' END),"
	"  'active_departments', coalesce(act.n, 0),"
	"  'departments', (SELECT json_group_array(json(x.obj)) FROM (SELECT json_object("
	"    'department', deps.name, 'department_id', deps.id,"
	"    'counts', json_object("
	"      'active', (SELECT count(*) FROM e WHERE e.category = cats.code AND e.department_id = deps.id AND e.state = '取組中'),"
	"      'considering', (SELECT count(*) FROM e WHERE e.category = cats.code AND e.department_id = deps.id AND e.state = '検討中'),"
	"      'data', (SELECT count(*) FROM e WHERE e.category = cats.code AND e.department_id = deps.id AND e.state = '既往データ'),"
	"      'issues', (SELECT count(*) FROM e WHERE e.category = cats.code AND e.department_id = deps.id AND e.state = '課題'),"
	"      'opinions', (SELECT count(*) FROM e WHERE e.category = cats.code AND e.department_id = deps.id AND e.state = '意見')),"
	"    'entries', (SELECT json_group_array(json_object('id', y.id, 'state', y.state,"
	"      'text', y.text, 'area_id', y.area_id, 'area', y.area_name)) FROM (SELECT * FROM e"
	"      WHERE e.category = cats.code AND e.department_id = deps.id"
	"      ORDER BY CASE e.state WHEN '取組中' THEN 0 WHEN '検討中' THEN 1 WHEN '既往データ' THEN 2"
	"       WHEN '課題' THEN 3 WHEN '意見' THEN 4 ELSE 5 END, e.created_at, e.id) y)"
	"   ) AS obj FROM deps ORDER BY deps.created_at, deps.rid) x)"
	" ) AS obj FROM cats LEFT JOIN act ON act.category = cats.code ORDER BY cats.sort, cats.code) c";

enum tsu_status store_matrix_json(struct store *st, const char *area_id, char **out,
				  struct tsu_error *err)
{
	sqlite3_stmt *s;
	if (store_prepare(st, matrix_json_sql, &s, err))
		return err->status;
	store_bind_texts(s, 1, &area_id);
	return store_json_row(st, s, out, "一覧表", err);
}
