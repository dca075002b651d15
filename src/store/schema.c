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
#include "internal.h"
#include "schema.h"
#include "tsunagu/store.h"

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

/*
 * Version 2: the change log (DESIGN §5).
 *
 * `changelog` replaces `history`.  A record's creation is one change whose
 * new_value is a JSON object of its fields (set fields as arrays); an edit
 * is one change per field; a set field changes element by element (add:
 * new_value = element; remove: old_value = element and `covers` = the JSON
 * array of the add changes it saw, so a removal takes away only what it
 * saw).  Every change carries the replica that made it, the action it was
 * part of, and its hybrid-clock stamp; merge.c replays them.
 *
 * Link tables keep only live elements, keyed by (owner, value), with the
 * stamp of the add that made them (display order); their history is in
 * the change log.  `conflict` lists the values that lost a merge.
 *
 * v1 history is carried over: each creation and the field values written
 * with it (same second, same author, first value of the field) become one
 * creation change; other rows stay one change each; link-table rows become
 * element changes of their owner.  Change ids and stamps are kept, so two
 * copies of one v1 file migrate to the same log.
 */
#define V1_SET_FIELDS "('areas', 'offers', 'parties', 'needs')"
#define V1_LINKS "('party_area', 'offer', 'task_party', 'task_need', 'staff_area')"
#define V1_MS(col) "CAST(strftime('%s', " col ") AS INTEGER) * 1000"
#define V1_COLS "INSERT INTO changelog(change_id, hlc, replica, action_id, author, at," \
	" entity, row_id, field, old_value, new_value, covers) "
/* Element changes of one v1 link table. */
#define V1_LINK(table, owner_entity, field, owner_col, value_col) \
	V1_COLS "SELECT h.change_id, h.hlc, 'v1', h.change_id, h.author, " V1_MS("h.at") "," \
	" '" owner_entity "', l." owner_col ", '" field "'," \
	" CASE h.field WHEN '_deleted' THEN h.old_value END," \
	" CASE h.field WHEN '_created' THEN h.new_value END," \
	" CASE h.field WHEN '_deleted' THEN (SELECT json_group_array(a.change_id) FROM history a" \
	"  WHERE a.row_id = h.row_id AND a.field = '_created' AND a.hlc < h.hlc) END" \
	" FROM history h JOIN " table " l ON l.id = h.row_id" \
	" WHERE h.entity = '" table "' AND h.field IN ('_created', '_deleted');"
/* Rebuilds a v1 link table as (owner, value, added) of its live rows. */
#define V1_RELINK(table, owner_col, owner_ref, value_col, value_def, field) \
	"CREATE TABLE " table "_v2(" owner_col " TEXT NOT NULL REFERENCES " owner_ref "(id)," \
	" " value_col " " value_def ", added INTEGER NOT NULL DEFAULT 0," \
	" PRIMARY KEY(" owner_col ", " value_col ")) WITHOUT ROWID;" \
	"INSERT INTO " table "_v2 SELECT l." owner_col ", l." value_col "," \
	" coalesce((SELECT max(c.hlc) FROM changelog c WHERE c.row_id = l." owner_col \
	"  AND c.field = '" field "' AND c.new_value = l." value_col "), 0)" \
	" FROM " table " l WHERE l.deleted_at IS NULL;" \
	"DROP TABLE " table ";" \
	"ALTER TABLE " table "_v2 RENAME TO " table ";"

static const char schema_v2[] =
	"CREATE TABLE changelog("
	" seq INTEGER PRIMARY KEY,"            /* arrival order in this file */
	" change_id TEXT NOT NULL UNIQUE,"     /* UUID v7 */
	" hlc INTEGER NOT NULL,"               /* hybrid-clock stamp */
	" replica TEXT NOT NULL,"              /* the file that made it */
	" action_id TEXT NOT NULL,"            /* one user action */
	" author TEXT NOT NULL,"
	" at INTEGER NOT NULL,"                /* wall clock, ms */
	" entity TEXT NOT NULL, row_id TEXT NOT NULL,"
	" field TEXT NOT NULL,"                /* column, set field, _created, _deleted, _restored */
	" old_value, new_value,"
	" covers TEXT);"                       /* set removal: add changes it saw */
	"CREATE INDEX changelog_row ON changelog(row_id, hlc);"
	/* merge.c: what a file holds of each replica's changes */
	"CREATE INDEX changelog_replica ON changelog(replica, hlc, change_id);"
	"CREATE TABLE conflict("
	" id TEXT PRIMARY KEY NOT NULL, entity TEXT NOT NULL, row_id TEXT NOT NULL,"
	" field TEXT NOT NULL, kept_change TEXT NOT NULL, lost_change TEXT NOT NULL,"
	" found_at TEXT NOT NULL, reviewed INTEGER NOT NULL DEFAULT 0,"
	" UNIQUE(kept_change, lost_change));"

	"CREATE TEMP TABLE v1_created AS SELECT h.change_id, h.row_id FROM history h"
	" JOIN history c ON c.row_id = h.row_id AND c.entity = h.entity AND c.field = '_created'"
	" WHERE substr(h.field, 1, 1) <> '_' AND h.field NOT IN " V1_SET_FIELDS
	" AND h.entity NOT IN " V1_LINKS
	" AND h.old_value IS NULL AND h.at = c.at AND h.author = c.author"
	" AND h.hlc = (SELECT min(x.hlc) FROM history x WHERE x.row_id = h.row_id AND x.field = h.field);"
	V1_COLS "SELECT c.change_id, c.hlc, 'v1', c.change_id, c.author, " V1_MS("c.at") ","
	" c.entity, c.row_id, '_created', NULL,"
	" (SELECT json_group_object(h.field, h.new_value) FROM history h"
	"  WHERE h.row_id = c.row_id AND h.change_id IN (SELECT change_id FROM temp.v1_created)), NULL"
	" FROM history c WHERE c.field = '_created' AND c.entity NOT IN " V1_LINKS ";"
	V1_COLS "SELECT h.change_id, h.hlc, 'v1', h.change_id, h.author, " V1_MS("h.at") ","
	" h.entity, h.row_id, h.field, h.old_value, h.new_value, NULL FROM history h"
	" WHERE h.entity NOT IN " V1_LINKS " AND h.field <> '_created'"
	" AND h.field NOT IN " V1_SET_FIELDS
	" AND h.change_id NOT IN (SELECT change_id FROM temp.v1_created);"
	V1_LINK("party_area", "party", "areas", "party_id", "area_id")
	V1_LINK("offer", "party", "offers", "party_id", "tag")
	V1_LINK("task_party", "task", "parties", "task_id", "party_id")
	V1_LINK("task_need", "task", "needs", "task_id", "tag")
	V1_LINK("staff_area", "staff", "areas", "staff_id", "area_id")
	"DROP TABLE temp.v1_created;"
	"DROP TABLE history;"

	V1_RELINK("party_area", "party_id", "party", "area_id", "TEXT NOT NULL REFERENCES area(id)", "areas")
	"CREATE INDEX party_area_area ON party_area(area_id);"
	V1_RELINK("offer", "party_id", "party", "tag", "TEXT NOT NULL", "offers")
	"CREATE INDEX offer_tag ON offer(tag);"
	V1_RELINK("task_party", "task_id", "task", "party_id", "TEXT NOT NULL REFERENCES party(id)", "parties")
	"CREATE INDEX task_party_party ON task_party(party_id);"
	V1_RELINK("task_need", "task_id", "task", "tag", "TEXT NOT NULL", "needs")
	V1_RELINK("staff_area", "staff_id", "staff", "area_id", "TEXT NOT NULL REFERENCES area(id)", "areas")
	"CREATE INDEX staff_area_area ON staff_area(area_id);";

/*
 * Version 3: undo and redo (undo.c).
 *
 * An undo or a redo is an ordinary action of new changes; `undo_step`
 * remembers, for this file only, which action each one reversed, so that
 * repeated undo goes further back and redo finds what was undone last.  It
 * is never merged: it names actions of this replica and author only.
 * `hlc` is the clock when the step was taken: an ordinary action of the
 * same author after it ends the redo chain.
 */
static const char schema_v3[] =
	"CREATE TABLE undo_step("
	" seq INTEGER PRIMARY KEY,"
	" action_id TEXT NOT NULL UNIQUE,"     /* the undo or redo action */
	" target TEXT NOT NULL,"               /* the action it reversed */
	" kind TEXT NOT NULL CHECK (kind IN ('undo', 'redo')),"
	" replica TEXT NOT NULL, author TEXT NOT NULL,"
	" hlc INTEGER NOT NULL);"
	"CREATE INDEX undo_step_target ON undo_step(target);"
	"CREATE INDEX changelog_action ON changelog(action_id);";

/*
 * Version 4: how a case came (きっかけ) and where it was connected
 * (つなぎ先), two ordinary task fields for the 活動報告 tallies.  They are
 * plain columns, so the change log, merge, undo and sync carry them as
 * every other field; their choice lists come from data/choices.tsv, which
 * db.c adds to a migrated file in the same transaction.
 */
static const char schema_v4[] =
	"ALTER TABLE task ADD COLUMN referral_source TEXT;"
	"ALTER TABLE task ADD COLUMN connected_to TEXT;";

/*
 * Version 5: the area work of the seeds (issue 9).  An area records its
 * platform type and a projection note; an event its form, theme and the
 * persons who came (a set that merges like task parties); a survey the
 * handbook's fifth item, 連携・協働の意識; a 地域要望 task its request
 * state (受付 → 部局照会中 → 回答済 → 地域へ報告済) with the dates asked and
 * answered and the answer.  All are plain columns or a link table, so the
 * change log, merge, undo and sync carry them as every other field.
 */
static const char schema_v5[] =
	"ALTER TABLE area ADD COLUMN platform_type TEXT;"
	"ALTER TABLE area ADD COLUMN projection TEXT;"
	"ALTER TABLE event ADD COLUMN form TEXT;"
	"ALTER TABLE event ADD COLUMN theme TEXT;"
	"CREATE TABLE event_party(event_id TEXT NOT NULL REFERENCES event(id),"
	" party_id TEXT NOT NULL REFERENCES party(id), added INTEGER NOT NULL DEFAULT 0,"
	" PRIMARY KEY(event_id, party_id)) WITHOUT ROWID;"
	"CREATE INDEX event_party_party ON event_party(party_id);"
	"ALTER TABLE survey ADD COLUMN collaboration TEXT;"
	"ALTER TABLE task ADD COLUMN request_state TEXT;"
	"ALTER TABLE task ADD COLUMN asked_on TEXT;"
	"ALTER TABLE task ADD COLUMN answered_on TEXT;"
	"ALTER TABLE task ADD COLUMN answer TEXT;"
	"CREATE INDEX task_request ON task(request_state, department_id) WHERE request_state IS NOT NULL;";

/*
 * Version 6: counts kept up to date, and indexes in the board's order
 * (issue 13: the first frame of a city-scale file must not count 100,000
 * rows).  `area_tally` holds each area's live parties (area '': all of
 * them) and `task_tally`
 * the live tasks of each (area, status); triggers keep them in the same
 * transaction as every change (a save, a merge's replay, an import, an
 * undo), so they are never merged or carried: each file derives its own,
 * and `check` compares them with a fresh count.  `task_board` and
 * `task_area_board` give each board column (one status, maybe one area)
 * its rows in order from the index, without sorting; `task_mine` the
 * same to 私の担当.  The documents that make parties findable move to an
 * index of their own, `search_party` (search.c).
 */
#define TALLY_PARTY(sign, party, area) \
	"INSERT INTO area_tally(area_id, parties) SELECT " area ", " sign "1 FROM party" \
	" WHERE id = " party " AND deleted_at IS NULL" \
	" ON CONFLICT(area_id) DO UPDATE SET parties = parties + excluded.parties;"
#define TALLY_TASK(sign, row) \
	"INSERT INTO task_tally(area_id, status, n) SELECT coalesce(" row ".area_id, ''), " row ".status, " \
	sign "1 WHERE " row ".deleted_at IS NULL" \
	" ON CONFLICT(area_id, status) DO UPDATE SET n = n + excluded.n;"
static const char schema_v6[] =
	"CREATE TABLE area_tally(area_id TEXT PRIMARY KEY NOT NULL,"
	" parties INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;"
	"CREATE TABLE task_tally(area_id TEXT NOT NULL, status TEXT NOT NULL,"
	" n INTEGER NOT NULL DEFAULT 0, PRIMARY KEY(area_id, status)) WITHOUT ROWID;"
	"INSERT INTO area_tally SELECT x.area_id, count(*) FROM party_area x JOIN party p"
	" ON p.id = x.party_id WHERE p.deleted_at IS NULL GROUP BY x.area_id;"
	"INSERT INTO area_tally SELECT '', count(*) FROM party WHERE deleted_at IS NULL;"
	"INSERT INTO task_tally SELECT coalesce(area_id, ''), status, count(*) FROM task"
	" WHERE deleted_at IS NULL GROUP BY 1, 2;"
	"CREATE TRIGGER tally_party_area_in AFTER INSERT ON party_area BEGIN "
	TALLY_PARTY("+", "NEW.party_id", "NEW.area_id") "END;"
	"CREATE TRIGGER tally_party_area_out AFTER DELETE ON party_area BEGIN "
	TALLY_PARTY("-", "OLD.party_id", "OLD.area_id") "END;"
	"CREATE TRIGGER tally_party_live AFTER UPDATE OF deleted_at ON party"
	" WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) BEGIN"
	" UPDATE area_tally SET parties = parties + CASE WHEN NEW.deleted_at IS NULL THEN 1 ELSE -1 END"
	" WHERE area_id IN (SELECT area_id FROM party_area WHERE party_id = NEW.id UNION ALL SELECT '');"
	" INSERT OR IGNORE INTO area_tally(area_id, parties) SELECT area_id, 1 FROM party_area"
	" WHERE party_id = NEW.id AND NEW.deleted_at IS NULL; END;"
	"CREATE TRIGGER tally_party_new AFTER INSERT ON party WHEN NEW.deleted_at IS NULL BEGIN"
	" INSERT INTO area_tally(area_id, parties) SELECT area_id, 1 FROM party_area"
	" WHERE party_id = NEW.id UNION ALL SELECT '', 1"
	" ON CONFLICT(area_id) DO UPDATE SET parties = parties + 1; END;"
	"CREATE TRIGGER tally_party_gone AFTER DELETE ON party WHEN OLD.deleted_at IS NULL BEGIN"
	" UPDATE area_tally SET parties = parties - 1"
	" WHERE area_id IN (SELECT area_id FROM party_area WHERE party_id = OLD.id UNION ALL SELECT '');"
	" END;"
	"CREATE TRIGGER tally_task_in AFTER INSERT ON task BEGIN " TALLY_TASK("+", "NEW") "END;"
	"CREATE TRIGGER tally_task_out AFTER DELETE ON task BEGIN " TALLY_TASK("-", "OLD") "END;"
	"CREATE TRIGGER tally_task_moved AFTER UPDATE OF status, area_id, deleted_at ON task BEGIN "
	TALLY_TASK("-", "OLD") TALLY_TASK("+", "NEW") "END;"
	"DROP INDEX task_area_status;"
	"CREATE INDEX task_board ON task(status, due IS NULL, due, id) WHERE deleted_at IS NULL;"
	"CREATE INDEX task_area_board ON task(area_id, status, due IS NULL, due, id)"
	" WHERE deleted_at IS NULL;"
	/* the directory's search reads the documents that find parties only
	 * (not a city's million log entries of tasks), with an index of each
	 * gram's first character for one-character queries */
	"CREATE VIRTUAL TABLE search_party USING fts5(grams, tokenize='ascii', prefix='1');"
	"INSERT INTO search_party(rowid, grams) SELECT i.rowid, i.grams FROM search_index i"
	" JOIN search_doc d ON d.rowid = i.rowid WHERE d.owner_entity = 'party';"
	"DELETE FROM search_index WHERE rowid IN (SELECT rowid FROM search_doc WHERE owner_entity = 'party');"
		/* 私の担当: one's open tasks by due date (the overdue are the earliest) */
	"CREATE INDEX task_mine ON task(assignee, due IS NULL, due, id)"
	" WHERE deleted_at IS NULL AND status <> '完了';";

/*
 * Version 7: the directory's index keyed by party (issue 13).  One document
 * per live party under the party's own rowid (no search_doc row), made of
 * the documents that found it before (its own and its log entries') and a
 * token per area it works in, so a count is the index's count and a page
 * needs no mapping from documents to parties (search.c,
 * search_directory.c).  '_' becomes a token character of that index for
 * the area tokens; search keys never hold one.  `party_key` holds each
 * live party's place in the directory's order by rowid, kept by triggers
 * (derived like the tallies, never merged): sorting a search's matches
 * reads these short rows, not the parties' whole rows.
 */
static const char schema_v7[] =
	"ALTER TABLE search_party RENAME TO search_party_v6;"
	"CREATE VIRTUAL TABLE search_party USING fts5(grams,"
	" tokenize = \"ascii tokenchars '_'\", prefix = '1');"
	"INSERT INTO search_party(rowid, grams) SELECT p.rowid,"
	" coalesce((SELECT group_concat(o.grams, '') FROM search_doc d"
	"   JOIN search_party_v6 o ON o.rowid = d.rowid"
	"   WHERE d.owner_entity = 'party' AND d.owner_id = p.id), '') ||"
	" coalesce((SELECT group_concat(" SEARCH_AREA_TOKEN_SQL("x.area_id") ", ' ') || ' '"
	"   FROM party_area x WHERE x.party_id = p.id), '')"
	" FROM party p WHERE p.deleted_at IS NULL;"
	"DROP TABLE search_party_v6;"
	"DELETE FROM search_doc WHERE owner_entity = 'party';"
	"CREATE TABLE party_key(r INTEGER PRIMARY KEY, k TEXT NOT NULL, name TEXT NOT NULL,"
	" id TEXT NOT NULL);"
	"INSERT INTO party_key SELECT rowid, coalesce(kana, name), name, id FROM party"
	" WHERE deleted_at IS NULL;"
	"CREATE TRIGGER party_key_new AFTER INSERT ON party WHEN NEW.deleted_at IS NULL BEGIN"
	" INSERT INTO party_key VALUES(NEW.rowid, coalesce(NEW.kana, NEW.name), NEW.name, NEW.id);"
	" END;"
	"CREATE TRIGGER party_key_set AFTER UPDATE OF name, kana, deleted_at ON party BEGIN"
	" DELETE FROM party_key WHERE r = OLD.rowid;"
	" INSERT INTO party_key SELECT NEW.rowid, coalesce(NEW.kana, NEW.name), NEW.name, NEW.id"
	" WHERE NEW.deleted_at IS NULL; END;"
	"CREATE TRIGGER party_key_gone AFTER DELETE ON party BEGIN"
	" DELETE FROM party_key WHERE r = OLD.rowid; END;";

/*
 * Version 8: a creation change may hold NULL, meaning "the row as it is":
 * a new record's values are kept once, in its row, until the row or one of
 * its sets first changes, when they are written into the change
 * (creation.c; issue 7: an import no longer stores every row twice).  No
 * table changes; the version keeps an older program, which would read such
 * a change as a record created empty, from opening or merging the file.
 * The creations already written stay as they are.
 */
static const char schema_v8[] =
	"SELECT 'creation changes may stand on their rows';";

/*
 * Version 9: the change log in fewer bytes (issue 7: a city's file was
 * more than a third change log, most of it the same two UUIDs written out
 * on every change and again in two indexes).
 *
 * `changes` is the log itself; the replica and the action of a change are
 * numbers into `change_replica` and `change_action`, which hold each id
 * once (a file knows a few replicas, and an import of 100,000 rows is one
 * action).  The numbers are this file's own and never leave it: merge and
 * sync carry the ids (merge.c, changefile.c).  `changelog` is a view with
 * the columns of version 2 for every reader; writers put their rows in
 * `changes` (changelog.c, merge.c, creation.c).  The view's joins are LEFT
 * joins on the tables' keys, so a query that uses neither id reads
 * `changes` alone.
 */
#define V9_CHANGES \
	"CREATE TABLE changes(" \
	" seq INTEGER PRIMARY KEY," \
	" change_id TEXT NOT NULL UNIQUE," \
	" hlc INTEGER NOT NULL," \
	" replica INTEGER NOT NULL REFERENCES change_replica(n)," \
	" action INTEGER NOT NULL REFERENCES change_action(n)," \
	" author TEXT NOT NULL, at INTEGER NOT NULL," \
	" entity TEXT NOT NULL, row_id TEXT NOT NULL, field TEXT NOT NULL," \
	" old_value, new_value, covers TEXT);"
static const char schema_v9[] =
	"CREATE TABLE change_replica(n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE);"
	"CREATE TABLE change_action(n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE);"
	"INSERT INTO change_replica(id) SELECT DISTINCT replica FROM changelog;"
	"INSERT INTO change_action(id) SELECT DISTINCT action_id FROM changelog;"
	/* the file grows by the new log for a moment: the old one's pages,
	 * freed, are given back by the VACUUM after the upgrade (db.c; a
	 * copy through memory took as much memory as the log, 500 MB of a
	 * city's file) */
	V9_CHANGES
	"INSERT INTO changes SELECT c.seq, c.change_id, c.hlc, r.n, a.n, c.author, c.at, c.entity,"
	" c.row_id, c.field, c.old_value, c.new_value, c.covers FROM changelog c"
	" JOIN change_replica r ON r.id = c.replica JOIN change_action a ON a.id = c.action_id"
	" ORDER BY c.seq;"
	"DROP TABLE changelog;"
	"CREATE INDEX changelog_row ON changes(row_id, hlc);"
	/* merge.c: what a file holds of each replica's changes */
	"CREATE INDEX changelog_replica ON changes(replica, hlc, change_id);"
	"CREATE INDEX changelog_action ON changes(action);"
	"CREATE VIEW changelog AS SELECT c.seq AS seq, c.change_id AS change_id, c.hlc AS hlc,"
	" r.id AS replica, a.id AS action_id, c.author AS author, c.at AS at, c.entity AS entity,"
	" c.row_id AS row_id, c.field AS field, c.old_value AS old_value,"
	" c.new_value AS new_value, c.covers AS covers"
	" FROM changes c LEFT JOIN change_replica r ON r.n = c.replica"
	" LEFT JOIN change_action a ON a.n = c.action;";

/*
 * Version 10: the search indexes keep their documents' text once (issue 7).
 * A document was its grams ("スズ ズキ キ "), every character twice; it is
 * now the search keys themselves, cut into the same grams by the tokenizer
 * tsu_grams (gramtok.c), so the index's copy of the text is a third of
 * the size and the same queries find the same rows.  No column size is
 * kept (columnsize=0): nothing ranks.  The indexes are made empty here and
 * filled at the end of the open that upgrades the file, as for a new
 * search key (search.c, search_key_check).  A tsunagu of version 9 or
 * older cannot read these indexes: the version keeps it out.
 */
static const char schema_v10[] =
	"DROP TABLE search_party;"
	"CREATE VIRTUAL TABLE search_party USING fts5(grams, tokenize = 'tsu_grams',"
	" prefix = '1', columnsize = 0);"
	"DROP TABLE search_index;"
	"CREATE VIRTUAL TABLE search_index USING fts5(grams, tokenize = 'tsu_grams',"
	" columnsize = 0);"
	"DELETE FROM search_doc;"
	"UPDATE meta SET value = 'rebuild' WHERE key = 'search_key';";

/*
 * Version 11: sets keep their elements by row numbers (issue 7).  A link
 * table held the owner's id and, for a reference, the other row's id: two
 * 36-character UUIDs per element, again in its index — a city's offers
 * and areas took more room than the parties themselves.  Each set's
 * elements are now in `<table>_link` (owner, value) by the rowids of the
 * owner and the referenced row (a tag stays text), and `<table>` is a
 * view with the old columns for every reader; sets.c writes the links.
 * Rowids never leave the file (merge and sync carry ids) and stay with
 * their rows: records are never deleted, only marked, and a merge
 * updates a row in place (replay.c).  The counts by area (schema 6) are
 * kept by triggers on party_area_link.
 */
#define V11_MOVE(view, cols, from) \
	"INSERT INTO " view "_link SELECT " cols " FROM " view " l " from ";" \
	"DROP TABLE " view ";"
#define V11_REF(view, ocol, otab, vcol, vtab) \
	"CREATE TABLE " view "_link(owner INTEGER NOT NULL, value INTEGER NOT NULL," \
	" added INTEGER NOT NULL DEFAULT 0, PRIMARY KEY(owner, value)) WITHOUT ROWID;" \
	V11_MOVE(view, "o.rowid, v.rowid, l.added", "JOIN " otab " o ON o.id = l." ocol \
		 " JOIN " vtab " v ON v.id = l." vcol) \
	"CREATE VIEW " view " AS SELECT o.id AS " ocol ", v.id AS " vcol ", l.added AS added" \
	" FROM " view "_link l JOIN " otab " o ON o.rowid = l.owner" \
	" JOIN " vtab " v ON v.rowid = l.value;"
#define V11_TAG(view, ocol, otab, vcol) \
	"CREATE TABLE " view "_link(owner INTEGER NOT NULL, value TEXT NOT NULL," \
	" added INTEGER NOT NULL DEFAULT 0, PRIMARY KEY(owner, value)) WITHOUT ROWID;" \
	V11_MOVE(view, "o.rowid, l." vcol ", l.added", "JOIN " otab " o ON o.id = l." ocol) \
	"CREATE VIEW " view " AS SELECT o.id AS " ocol ", l.value AS " vcol ", l.added AS added" \
	" FROM " view "_link l JOIN " otab " o ON o.rowid = l.owner;"
/* area_tally (schema 6): a live party's area counted while the link is */
#define V11_TALLY(sign, row) \
	"INSERT INTO area_tally(area_id, parties) SELECT a.id, " sign "1 FROM party p, area a" \
	" WHERE p.rowid = " row ".owner AND p.deleted_at IS NULL AND a.rowid = " row ".value" \
	" ON CONFLICT(area_id) DO UPDATE SET parties = parties + excluded.parties;"
static const char schema_v11[] =
	V11_REF("party_area", "party_id", "party", "area_id", "area")
	"CREATE INDEX party_area_area ON party_area_link(value);"
	"CREATE TRIGGER tally_party_area_in AFTER INSERT ON party_area_link BEGIN "
	V11_TALLY("+", "NEW") "END;"
	"CREATE TRIGGER tally_party_area_out AFTER DELETE ON party_area_link BEGIN "
	V11_TALLY("-", "OLD") "END;"
	V11_TAG("offer", "party_id", "party", "tag")
	"CREATE INDEX offer_tag ON offer_link(value);"
	V11_REF("task_party", "task_id", "task", "party_id", "party")
	"CREATE INDEX task_party_party ON task_party_link(value);"
	V11_TAG("task_need", "task_id", "task", "tag")
	V11_REF("staff_area", "staff_id", "staff", "area_id", "area")
	"CREATE INDEX staff_area_area ON staff_area_link(value);"
	V11_REF("event_party", "event_id", "event", "party_id", "party")
	"CREATE INDEX event_party_party ON event_party_link(value);";

/*
 * Version 12: the documents of tasks and log entries keyed by their rows
 * (issue 7: the file is too large).  search_index holds a task's document
 * under the task's rowid * 2 and a log entry's under its rowid * 2 + 1
 * (search.c), so `search_doc`, which mapped each document to its row and
 * owner by two UUIDs indexed twice (72 MB of a city's 838), goes.  The
 * documents are moved as they are, not made again; a document's rowid
 * cannot be changed in place, so the index is built anew, from a map of
 * new rowids to old (read in its order: cheaper than walking the rows
 * and search_doc together).  The old tables are dropped last: pages
 * freed and taken again in one transaction stay in memory under
 * secure_delete (+22 MB on a demo --scale 100 file, the size of
 * search_doc), so the file grows by the new index and keeps the old
 * one's pages free for what comes.  A document whose row is not there
 * is left behind, as a rebuild would.  (A file older than version 10
 * comes here with its indexes emptied, to be filled at the end of the
 * open that upgrades it: nothing to move then.)
 */
static const char schema_v12[] =
	"CREATE TABLE search_doc_v12(new INTEGER PRIMARY KEY, old INTEGER NOT NULL);"
	"INSERT INTO search_doc_v12 SELECT t.rowid * 2, d.rowid FROM search_doc d"
	" JOIN task t ON t.id = d.row_id WHERE d.entity = 'task';"
	"INSERT INTO search_doc_v12 SELECT l.rowid * 2 + 1, d.rowid FROM search_doc d"
	" JOIN log_entry l ON l.id = d.row_id WHERE d.entity = 'log';"
	"ALTER TABLE search_index RENAME TO search_index_v11;"
	"CREATE VIRTUAL TABLE search_index USING fts5(grams, tokenize = 'tsu_grams',"
	" columnsize = 0);"
	/* in the new rowids' order (CROSS JOIN: the map is read in its order,
	 * nothing sorted): FTS5 writes out the terms it holds whenever a
	 * rowid is not above the last one */
	"INSERT INTO search_index(rowid, grams) SELECT m.new, o.grams FROM search_doc_v12 m"
	" CROSS JOIN search_index_v11 o WHERE o.rowid = m.old ORDER BY m.new;"
	"DROP TABLE search_index_v11;"
	"DROP TABLE search_doc_v12;"
	"DROP TABLE search_doc;";

/*
 * Version 13: what a file holds of each replica, summed where the replica
 * is named (issue 7).  A merge asks, of every replica both files know,
 * whether they hold the same changes of it up to the lower of their latest
 * stamps; it read every such change in both files to answer (a city's
 * file: 676,000 changes each, a fifth of the merge's time).  Now
 * change_replica keeps `held`, how many changes of the replica the file
 * holds, and `idset`, the XOR of their ids' hashes (idset.c), kept by a
 * trigger on every change written, so a merge reads only the changes after
 * that stamp (merge.c).  Summed here before the replica index loses the
 * change id, which served only that reading (3.6 MB of an import of
 * 100,000 parties).
 */
static const char schema_v13[] =
	"ALTER TABLE change_replica ADD COLUMN held INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE change_replica ADD COLUMN idset INTEGER NOT NULL DEFAULT 0;"
	"UPDATE change_replica SET (held, idset) = (SELECT count(*), tsu_idset(c.change_id)"
	" FROM changes c WHERE c.replica = change_replica.n);"
	"DROP INDEX changelog_replica;"
	"CREATE INDEX changelog_replica ON changes(replica, hlc);"
	"CREATE TRIGGER change_held AFTER INSERT ON changes BEGIN"
	" UPDATE change_replica SET held = held + 1, idset = tsu_idxor(idset, NEW.change_id)"
	" WHERE n = NEW.replica; END;";

/*
 * Version 14: the directory's index keeps no list by first character
 * (issue 7: the file is too large).  prefix='1' (schema 7) kept, beside
 * each gram, a second list under its first character, so that a
 * one-character query read one list: half the index, 8 MB of an import
 * of 100,000 parties.  FTS5 answers the same prefix query from the
 * grams' own lists (those starting with the character, read together):
 * 0.2 -> 0.7 ms for a character nine thousand of a city's parties have.
 * The documents are moved as they are, in rowid order.
 */
static const char schema_v14[] =
	"ALTER TABLE search_party RENAME TO search_party_v13;"
	"CREATE VIRTUAL TABLE search_party USING fts5(grams, tokenize = 'tsu_grams',"
	" columnsize = 0);"
	"INSERT INTO search_party(rowid, grams) SELECT rowid, grams FROM search_party_v13"
	" ORDER BY rowid;"
	"DROP TABLE search_party_v13;";

/*
 * Version 15: the indexes of log entries by party and by area keep only
 * the entries that have one (issue 7: the file is too large).  Most
 * entries are a task's running log, so log_party and log_area held nearly
 * every entry under NULL: on a city's file of a million task entries,
 * 43 MB of index that no query reads (each asks for a party or an area by
 * `=`, which a partial index WHERE ... IS NOT NULL serves), and two index
 * writes for nothing at every entry written.  log_task stays whole: the
 * entries it would leave out are the few, and building it again sorts
 * every entry (a city's file: 120 MB of memory at the upgrade).
 */
#define V15_LOG_INDEX(name, col) \
	"DROP INDEX " name ";" \
	"CREATE INDEX " name " ON log_entry(" col ", date) WHERE " col " IS NOT NULL;"
static const char schema_v15[] =
	V15_LOG_INDEX("log_party", "party_id")
	V15_LOG_INDEX("log_area", "area_id");

const char *const schema_migrations[] = {
	schema_v1,
	schema_v2,
	schema_v3,
	schema_v4,
	schema_v5,
	schema_v6,
	schema_v7,
	schema_v8,
	schema_v9,
	schema_v10,
	schema_v11,
	schema_v12,
	schema_v13,
	schema_v14,
	schema_v15,
	NULL,
};

const uint64_t schema_digest_latest = 0xe450b9ce6356cff1ULL;

int schema_version_latest(void)
{
	int n = 0;
	while (schema_migrations[n])
		n++;
	return n;
}

int store_schema_version(void)
{
	return schema_version_latest();
}
