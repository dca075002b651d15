/* Related rows for detail views and `show`: one SQL per (entity, relation),
 * with ?1 the row's id. */
#include <string.h>
#include "internal.h"
#include "tsunagu/list.h"

struct relation {
	const char *entity, *name, *sql;
};

#define LOG_COLS "SELECT l.id, l.date, l.kind, l.author, l.text FROM log_entry l "

static const struct relation relations[] = {
	{"area", "districts", "SELECT name, population, population_65, households,"
	 " round(100.0 * population_65 / nullif(population, 0), 1) AS aging_rate, as_of, notes"
	 " FROM district WHERE area_id = ?1 AND deleted_at IS NULL ORDER BY rowid"},
	{"area", "staff", "SELECT s.id, s.name, s.organisation, s.appointment, s.rank"
	 " FROM staff_area x JOIN staff s ON s.id = x.staff_id WHERE x.area_id = ?1"
	 " AND s.deleted_at IS NULL ORDER BY s.name"},
	{"area", "tasks", "SELECT id, status, title, assignee, due FROM task"
	 " WHERE area_id = ?1 AND deleted_at IS NULL ORDER BY status = '完了', due IS NULL, due"},
	{"area", "parties", "SELECT p.id, p.kind, p.name, p.org_type FROM party_area x"
	 " JOIN party p ON p.id = x.party_id WHERE x.area_id = ?1"
	 " AND p.deleted_at IS NULL ORDER BY coalesce(p.kana, p.name)"},
	{"area", "logs", LOG_COLS "WHERE l.area_id = ?1 AND l.deleted_at IS NULL ORDER BY l.date DESC, l.id DESC"},
	/* in the カルテ's order (karte.h): section by section, then sort, then as made */
	{"area", "karte", "SELECT k.id AS id, k.section AS section, k.title AS title, k.body AS body"
	 " FROM karte_item k LEFT JOIN refvalue r ON r.kind = 'karte_section' AND r.code = k.section"
	 " WHERE k.area_id = ?1 AND k.deleted_at IS NULL"
	 " ORDER BY r.sort, k.section, k.sort IS NULL, k.sort, k.created_at, k.id"},
	{"area", "counts", "SELECT (SELECT count(*) FROM party_area x JOIN party p ON p.id = x.party_id"
	 " WHERE x.area_id = ?1 AND p.deleted_at IS NULL AND p.kind = 'org') AS orgs,"
	 " (SELECT count(*) FROM party_area x JOIN party p ON p.id = x.party_id WHERE x.area_id = ?1"
	 " AND p.deleted_at IS NULL AND p.kind = 'person') AS persons,"
	 " (SELECT count(*) FROM task WHERE area_id = ?1 AND deleted_at IS NULL AND status <> '完了') AS open_tasks,"
	 " (SELECT count(*) FROM event WHERE area_id = ?1 AND deleted_at IS NULL) AS events"},
	{"party", "memberships", "SELECT m.id, m.person_id, pp.name AS person, m.org_id, po.name AS org,"
	 " m.role, m.from_date, m.to_date FROM membership m JOIN party pp ON pp.id = m.person_id"
	 " JOIN party po ON po.id = m.org_id WHERE (m.person_id = ?1 OR m.org_id = ?1)"
	 " AND m.deleted_at IS NULL AND pp.deleted_at IS NULL AND po.deleted_at IS NULL"
	 " ORDER BY m.to_date IS NOT NULL, m.from_date DESC"},
	{"party", "areas", "SELECT a.id, a.name FROM party_area x JOIN area a ON a.id = x.area_id"
	 " WHERE x.party_id = ?1 ORDER BY a.sort"},
	{"party", "tasks", "SELECT t.id, t.status, t.title, t.due FROM task_party x JOIN task t"
	 " ON t.id = x.task_id WHERE x.party_id = ?1 AND t.deleted_at IS NULL"
	 " ORDER BY t.status = '完了', t.due"},
	{"party", "logs", LOG_COLS "WHERE l.party_id = ?1 AND l.deleted_at IS NULL ORDER BY l.date DESC, l.id DESC"},
	{"party", "offers", "SELECT tag FROM offer WHERE party_id = ?1 ORDER BY added, tag"},
	/* with what tells namesakes apart: their areas and generation */
	{"task", "parties", "SELECT p.id, p.name, p.kind, p.org_type, (SELECT group_concat(a.name, '、')"
	 " FROM party_area pa JOIN area a ON a.id = pa.area_id WHERE pa.party_id = p.id"
	 " AND a.deleted_at IS NULL) AS areas, p.generation FROM task_party x JOIN party p"
	 " ON p.id = x.party_id WHERE x.task_id = ?1 AND p.deleted_at IS NULL"
	 " ORDER BY x.added, p.name"},
	{"task", "logs", LOG_COLS "WHERE l.task_id = ?1 AND l.deleted_at IS NULL ORDER BY l.date DESC, l.id DESC"},
	{"event", "attendance", "SELECT generation, count FROM attendance x JOIN refvalue r"
	 " ON r.kind = 'generation' AND r.code = x.generation WHERE event_id = ?1"
	 " AND x.deleted_at IS NULL ORDER BY r.sort"},
	{"party", "surveys", "SELECT id, kind, date, structure, activities, issues, plans, collaboration,"
	 " respondents FROM survey WHERE party_id = ?1 AND deleted_at IS NULL"
	 " ORDER BY date IS NULL, date DESC, id DESC"},
	{"event", "participants", "SELECT p.id, p.name, p.kind, p.org_type FROM event_party x"
	 " JOIN party p ON p.id = x.party_id WHERE x.event_id = ?1 AND p.deleted_at IS NULL"
	 " ORDER BY x.added, coalesce(p.kana, p.name)"},
};

enum tsu_status store_related(struct store *st, const char *entity, const char *id,
			      const char *relation, related_row_cb cb, void *ud,
			      struct tsu_error *err)
{
	const struct relation *r = NULL;
	for (size_t i = 0; i < sizeof relations / sizeof relations[0] && !r; i++)
		if (strcmp(relations[i].entity, entity) == 0 && strcmp(relations[i].name, relation) == 0)
			r = &relations[i];
	if (!r)
		return tsu_fail(err, TSU_INVALID, "%s の関連「%s」はありません", entity, relation);
	sqlite3_stmt *s;
	if (store_prepare(st, r->sql, &s, err))
		return err->status;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
	int n = 0, step;
	const char *names[16], *vals[16];
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		/* the names after the step: a statement prepared again there (the
		 * schema changed since it was cached) has freed those before */
		n = sqlite3_column_count(s);
		for (int i = 0; i < n && i < 16; i++) {
			names[i] = sqlite3_column_name(s, i);
			vals[i] = (const char *)sqlite3_column_text(s, i);
		}
		if (cb(ud, n, names, vals))
			break;
	}
	store_finish(st, s);
	return step == SQLITE_ROW || step == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, relation);
}
