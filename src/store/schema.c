/*
 * Schema migrations.  migrations[i] takes a file from user_version i to
 * i + 1; they run forward, each in one transaction, after a backup copy
 * (db.c).  Never edit a migration that has shipped: add the next one.
 *
 * Every entity row carries the same identity and audit columns (ROW_COMMON):
 * a UUID v7 id (two copies never mint the same), created/updated time and
 * author, and deleted_at for tombstones so that a merge can carry deletions.
 */
#include <stddef.h>
#include "schema.h"

#define ROW_COMMON \
	"id TEXT PRIMARY KEY NOT NULL," \
	"created_at TEXT NOT NULL, created_by TEXT NOT NULL," \
	"updated_at TEXT NOT NULL, updated_by TEXT NOT NULL," \
	"deleted_at TEXT,"

static const char schema_v1[] =
	"CREATE TABLE meta(key TEXT PRIMARY KEY NOT NULL, value TEXT);"
	"CREATE TABLE refvalue(kind TEXT NOT NULL, code TEXT NOT NULL, label TEXT NOT NULL,"
	" sort INTEGER NOT NULL, PRIMARY KEY(kind, code));"

	"CREATE TABLE area(" ROW_COMMON
	" name TEXT NOT NULL, kind TEXT, schools TEXT, address TEXT,"
	" population_approx INTEGER, start_year TEXT, profile TEXT, plan TEXT,"
	" notes TEXT, sort INTEGER);"
	"CREATE TABLE department(" ROW_COMMON
	" name TEXT NOT NULL, kana TEXT, phone TEXT, notes TEXT);"
	"CREATE TABLE district(" ROW_COMMON
	" area_id TEXT REFERENCES area(id), name TEXT NOT NULL, code TEXT,"
	" population INTEGER, population_65 INTEGER, households INTEGER,"
	" as_of TEXT, notes TEXT);"
	"CREATE INDEX district_area ON district(area_id);"
	"CREATE TABLE staff(" ROW_COMMON
	" name TEXT NOT NULL, kana TEXT, organisation TEXT, appointment TEXT, rank TEXT,"
	" department_id TEXT REFERENCES department(id), phone TEXT, email TEXT, notes TEXT);"
	"CREATE TABLE staff_area(" ROW_COMMON
	" staff_id TEXT NOT NULL REFERENCES staff(id), area_id TEXT NOT NULL REFERENCES area(id),"
	" UNIQUE(staff_id, area_id));"

	"CREATE TABLE party(" ROW_COMMON
	" kind TEXT NOT NULL, name TEXT NOT NULL, kana TEXT, org_type TEXT, generation TEXT,"
	" phone TEXT, email TEXT, address TEXT, key_person INTEGER NOT NULL DEFAULT 0,"
	" consent INTEGER NOT NULL DEFAULT 0, notes TEXT);"
	/* the directory order; partial, so paging never reads the table */
	"CREATE INDEX party_order ON party(coalesce(kana, name), name, id) WHERE deleted_at IS NULL;"
	"CREATE TABLE party_area(" ROW_COMMON
	" party_id TEXT NOT NULL REFERENCES party(id), area_id TEXT NOT NULL REFERENCES area(id),"
	" UNIQUE(party_id, area_id));"
	"CREATE INDEX party_area_area ON party_area(area_id);"
	"CREATE TABLE offer(" ROW_COMMON
	" party_id TEXT NOT NULL REFERENCES party(id), tag TEXT NOT NULL, UNIQUE(party_id, tag));"
	"CREATE INDEX offer_tag ON offer(tag);"
	"CREATE TABLE membership(" ROW_COMMON
	" person_id TEXT NOT NULL REFERENCES party(id), org_id TEXT NOT NULL REFERENCES party(id),"
	" role TEXT, from_date TEXT, to_date TEXT, notes TEXT);"
	"CREATE INDEX membership_person ON membership(person_id);"
	"CREATE INDEX membership_org ON membership(org_id);"

	"CREATE TABLE task(" ROW_COMMON
	" title TEXT NOT NULL, status TEXT NOT NULL DEFAULT '未着手', kind TEXT,"
	" area_id TEXT REFERENCES area(id), duty TEXT, pillar TEXT, category TEXT,"
	" department_id TEXT REFERENCES department(id), assignee TEXT, due TEXT,"
	" priority TEXT, body TEXT);"
	"CREATE INDEX task_area_status ON task(area_id, status);"
	"CREATE INDEX task_assignee ON task(assignee, due);"
	"CREATE TABLE task_party(" ROW_COMMON
	" task_id TEXT NOT NULL REFERENCES task(id), party_id TEXT NOT NULL REFERENCES party(id),"
	" UNIQUE(task_id, party_id));"
	"CREATE INDEX task_party_party ON task_party(party_id);"
	"CREATE TABLE task_need(" ROW_COMMON
	" task_id TEXT NOT NULL REFERENCES task(id), tag TEXT NOT NULL, UNIQUE(task_id, tag));"
	"CREATE TABLE log_entry(" ROW_COMMON
	" task_id TEXT REFERENCES task(id), party_id TEXT REFERENCES party(id),"
	" area_id TEXT REFERENCES area(id), kind TEXT, date TEXT NOT NULL, author TEXT,"
	" text TEXT NOT NULL,"
	" CHECK ((task_id IS NOT NULL) + (party_id IS NOT NULL) + (area_id IS NOT NULL) >= 1));"
	"CREATE INDEX log_task ON log_entry(task_id, date);"
	"CREATE INDEX log_party ON log_entry(party_id, date);"
	"CREATE INDEX log_area ON log_entry(area_id, date);"

	"CREATE TABLE facility(" ROW_COMMON
	" name TEXT NOT NULL, kana TEXT, alias TEXT, kind TEXT, poi_code TEXT, address TEXT,"
	" address2 TEXT, lat REAL, lon REAL, phone TEXT, area_id TEXT REFERENCES area(id),"
	" notes TEXT);"
	"CREATE TABLE event(" ROW_COMMON
	" title TEXT NOT NULL, kind TEXT, date TEXT, start_time TEXT, end_time TEXT, place TEXT,"
	" area_id TEXT REFERENCES area(id), facility_id TEXT REFERENCES facility(id), notes TEXT);"
	"CREATE INDEX event_area ON event(area_id, date);"
	"CREATE TABLE attendance(" ROW_COMMON
	" event_id TEXT NOT NULL REFERENCES event(id), generation TEXT NOT NULL,"
	" count INTEGER, UNIQUE(event_id, generation));"
	"CREATE TABLE survey(" ROW_COMMON
	" party_id TEXT REFERENCES party(id), area_id TEXT REFERENCES area(id), kind TEXT,"
	" date TEXT, structure TEXT, activities TEXT, issues TEXT, plans TEXT,"
	" respondents INTEGER);"
	"CREATE TABLE karte_item(" ROW_COMMON
	" area_id TEXT NOT NULL REFERENCES area(id), section TEXT NOT NULL, title TEXT,"
	" body TEXT, sort INTEGER);"
	"CREATE TABLE matrix_cell(" ROW_COMMON
	" category TEXT NOT NULL, department_id TEXT NOT NULL REFERENCES department(id),"
	" state TEXT NOT NULL, area_id TEXT REFERENCES area(id), text TEXT);"

	/* One row per field change; merge (DESIGN §5) orders them by the
	 * hybrid logical clock `hlc`, ties broken by change_id. */
	"CREATE TABLE history("
	" change_id TEXT PRIMARY KEY NOT NULL, hlc INTEGER NOT NULL,"
	" entity TEXT NOT NULL, row_id TEXT NOT NULL, field TEXT NOT NULL,"
	" old_value, new_value, author TEXT NOT NULL, at TEXT NOT NULL,"
	" origin TEXT NOT NULL DEFAULT 'local');"
	"CREATE INDEX history_row ON history(entity, row_id, hlc);"
	"CREATE INDEX history_hlc ON history(hlc);"

	/* Search: one document per searchable row, its text folded by
	 * text_search_key and cut into overlapping 2-character grams, so that
	 * 1-, 2- and longer queries all use the index (search.c). */
	"CREATE TABLE search_doc(rowid INTEGER PRIMARY KEY, entity TEXT NOT NULL,"
	" row_id TEXT NOT NULL UNIQUE, owner_entity TEXT NOT NULL, owner_id TEXT NOT NULL);"
	"CREATE INDEX search_doc_owner ON search_doc(owner_id);"
	"CREATE VIRTUAL TABLE search_index USING fts5(grams, tokenize='ascii');";

const char *const schema_migrations[] = {
	schema_v1,
	NULL,
};

int schema_version_latest(void)
{
	int n = 0;
	while (schema_migrations[n])
		n++;
	return n;
}
