#ifndef TSUNAGU_MIGRATE_UTIL_H
#define TSUNAGU_MIGRATE_UTIL_H
/* Shared by the tests of opening and upgrading files (test_migrate.c,
 * test_migrate_size.c): files made at the latest version, taken back to
 * an older one as that version left it (TO_Vn), and read with sqlite3. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>
#include <sqlite3.h>
#include "tsunagu/record.h"
#include "tsunagu/list.h"
#include "tsunagu/store_verify.h"
#include "test_util.h"
#include "../../src/store/internal.h"
#include "../../src/store/schema.h"

static inline void make_db(char *path, size_t n, const char *name)
{
	struct store *st;
	test_path(path, n, name);
	unlink(path);
	assert_int_equal(store_open(path, STORE_OPEN_CREATE, &st, NULL), TSU_OK);
	store_close(st);
}

/* tsu_test_grams(document): a document of version 10 (search keys, area
 * tokens) as version 9 wrote it, in grams. */
static inline void test_grams(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *doc = (const char *)sqlite3_value_text(argv[0]);
	struct sbuf out = {0}, key = {0};
	for (const char *p = doc ? doc : ""; *p; p++) {
		if (*p != ' ') {
			sbuf_addc(&key, *p);
			continue;
		}
		if (key.s && key.s[0] == '_')
			sbuf_addf(&out, "%s ", key.s);
		else
			search_add_grams(&out, sbuf_str(&key));
		sbuf_reset(&key);
	}
	sqlite3_result_text(ctx, sbuf_str(&out), -1, SQLITE_TRANSIENT);
	sbuf_free(&out);
	sbuf_free(&key);
}

static inline void sql(const char *path, const char *stmt)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(gramtok_register(db), SQLITE_OK); /* the search indexes' */
	sqlite3_create_function(db, "tsu_test_grams", 1, SQLITE_UTF8, NULL, test_grams, NULL, NULL);
	assert_int_equal(sqlite3_exec(db, stmt, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

static inline long long count_of(const char *path, const char *query)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(gramtok_register(db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, query, -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	long long n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return n;
}


/* A file of version 14: the indexes of log entries by party and by area
 * hold every entry, those without one too. */
#define TO_V14 \
	"DROP INDEX log_party; CREATE INDEX log_party ON log_entry(party_id, date);" \
	" DROP INDEX log_area; CREATE INDEX log_area ON log_entry(area_id, date);" \
	" PRAGMA user_version = 14;"
/* A file of version 13: the directory's index with its lists by first
 * character (prefix='1'), the same documents under the same rowids. */
#define TO_V13 \
	TO_V14 \
	"ALTER TABLE search_party RENAME TO search_party_v14;" \
	" CREATE VIRTUAL TABLE search_party USING fts5(grams, tokenize = 'tsu_grams'," \
	" prefix = '1', columnsize = 0);" \
	" INSERT INTO search_party(rowid, grams) SELECT rowid, grams FROM search_party_v14;" \
	" DROP TABLE search_party_v14; PRAGMA user_version = 13;"
/* A file of version 12: no sums of the replicas' changes, the change id
 * in the replica index. */
#define TO_V12 \
	TO_V13 \
	"DROP TRIGGER change_held; DROP INDEX changelog_replica;" \
	" ALTER TABLE change_replica DROP COLUMN held; ALTER TABLE change_replica DROP COLUMN idset;" \
	" CREATE INDEX changelog_replica ON changes(replica, hlc, change_id);" \
	" PRAGMA user_version = 12;"
/* 1 when the file has no search_doc (version 12 on), nor its indexes */
#define SEARCH_DOC_GONE "SELECT count(*) = 0 FROM sqlite_schema WHERE name LIKE 'search_doc%'"
/* A file of version 11: each document of a task or log entry under a
 * search_doc row of its own (numbered here from the last, so that no
 * rowid is the one version 12 gives it by chance, rowid * 2 (+ 1)). */
#define TO_V11 \
	TO_V12 \
	"CREATE TABLE search_doc(rowid INTEGER PRIMARY KEY, entity TEXT NOT NULL," \
	" row_id TEXT NOT NULL UNIQUE, owner_entity TEXT NOT NULL, owner_id TEXT NOT NULL);" \
	" CREATE INDEX search_doc_owner ON search_doc(owner_id);" \
	" CREATE TABLE v9doc AS SELECT rowid AS r, grams FROM search_index;" \
	" DELETE FROM search_index;" \
	" INSERT INTO search_doc(entity, row_id, owner_entity, owner_id)" \
	" SELECT CASE WHEN v.r & 1 THEN 'log' ELSE 'task' END, coalesce(l.id, t.id)," \
	" CASE WHEN v.r & 1 = 0 OR l.task_id IS NOT NULL THEN 'task' ELSE 'area' END," \
	" CASE WHEN v.r & 1 THEN coalesce(l.task_id, l.area_id) ELSE t.id END FROM v9doc v" \
	" LEFT JOIN log_entry l ON v.r & 1 AND l.rowid = v.r >> 1" \
	" LEFT JOIN task t ON v.r & 1 = 0 AND t.rowid = v.r >> 1 ORDER BY v.r DESC;" \
	" INSERT INTO search_index(rowid, grams) SELECT d.rowid, v.grams FROM search_doc d" \
	" JOIN v9doc v ON v.r = CASE d.entity WHEN 'task'" \
	" THEN (SELECT rowid * 2 FROM task WHERE id = d.row_id)" \
	" ELSE (SELECT rowid * 2 + 1 FROM log_entry WHERE id = d.row_id) END;" \
	" DROP TABLE v9doc; PRAGMA user_version = 11;"
/* A file of version 10: link tables of ids (as tests/cli/lib/to-v4.sql
 * begins). */
#define TO_V10 \
	TO_V11 \
	"CREATE TEMP TABLE party_area_v10 AS SELECT * FROM party_area; DROP VIEW party_area; " \
	"DROP TABLE party_area_link; CREATE TABLE party_area(party_id TEXT NOT NULL REFERENCES party(id), " \
	" area_id TEXT NOT NULL REFERENCES area(id), added INTEGER NOT NULL DEFAULT 0, " \
	" PRIMARY KEY(party_id, area_id)) WITHOUT ROWID; " \
	"INSERT INTO party_area SELECT * FROM temp.party_area_v10; DROP TABLE temp.party_area_v10; " \
	"CREATE INDEX party_area_area ON party_area(area_id); " \
	"CREATE TEMP TABLE offer_v10 AS SELECT * FROM offer; DROP VIEW offer; " \
	"DROP TABLE offer_link; CREATE TABLE offer(party_id TEXT NOT NULL REFERENCES party(id), " \
	" tag TEXT NOT NULL, added INTEGER NOT NULL DEFAULT 0, " \
	" PRIMARY KEY(party_id, tag)) WITHOUT ROWID; " \
	"INSERT INTO offer SELECT * FROM temp.offer_v10; DROP TABLE temp.offer_v10; " \
	"CREATE INDEX offer_tag ON offer(tag); " \
	"CREATE TEMP TABLE task_party_v10 AS SELECT * FROM task_party; DROP VIEW task_party; " \
	"DROP TABLE task_party_link; CREATE TABLE task_party(task_id TEXT NOT NULL REFERENCES task(id), " \
	" party_id TEXT NOT NULL REFERENCES party(id), added INTEGER NOT NULL DEFAULT 0, " \
	" PRIMARY KEY(task_id, party_id)) WITHOUT ROWID; " \
	"INSERT INTO task_party SELECT * FROM temp.task_party_v10; DROP TABLE temp.task_party_v10; " \
	"CREATE INDEX task_party_party ON task_party(party_id); " \
	"CREATE TEMP TABLE task_need_v10 AS SELECT * FROM task_need; DROP VIEW task_need; " \
	"DROP TABLE task_need_link; CREATE TABLE task_need(task_id TEXT NOT NULL REFERENCES task(id), " \
	" tag TEXT NOT NULL, added INTEGER NOT NULL DEFAULT 0, " \
	" PRIMARY KEY(task_id, tag)) WITHOUT ROWID; " \
	"INSERT INTO task_need SELECT * FROM temp.task_need_v10; DROP TABLE temp.task_need_v10; " \
	"CREATE TEMP TABLE staff_area_v10 AS SELECT * FROM staff_area; DROP VIEW staff_area; " \
	"DROP TABLE staff_area_link; CREATE TABLE staff_area(staff_id TEXT NOT NULL REFERENCES staff(id), " \
	" area_id TEXT NOT NULL REFERENCES area(id), added INTEGER NOT NULL DEFAULT 0, " \
	" PRIMARY KEY(staff_id, area_id)) WITHOUT ROWID; " \
	"INSERT INTO staff_area SELECT * FROM temp.staff_area_v10; DROP TABLE temp.staff_area_v10; " \
	"CREATE INDEX staff_area_area ON staff_area(area_id); " \
	"CREATE TEMP TABLE event_party_v10 AS SELECT * FROM event_party; DROP VIEW event_party; " \
	"DROP TABLE event_party_link; CREATE TABLE event_party(event_id TEXT NOT NULL REFERENCES event(id), " \
	" party_id TEXT NOT NULL REFERENCES party(id), added INTEGER NOT NULL DEFAULT 0, " \
	" PRIMARY KEY(event_id, party_id)) WITHOUT ROWID; " \
	"INSERT INTO event_party SELECT * FROM temp.event_party_v10; DROP TABLE temp.event_party_v10; " \
	"CREATE INDEX event_party_party ON event_party(party_id); " \
	"CREATE TRIGGER tally_party_area_in AFTER INSERT ON party_area BEGIN " \
	" INSERT INTO area_tally(area_id, parties) SELECT NEW.area_id, +1 FROM party " \
	" WHERE id = NEW.party_id AND deleted_at IS NULL " \
	" ON CONFLICT(area_id) DO UPDATE SET parties = parties + excluded.parties;END; " \
	"CREATE TRIGGER tally_party_area_out AFTER DELETE ON party_area BEGIN " \
	" INSERT INTO area_tally(area_id, parties) SELECT OLD.area_id, -1 FROM party " \
	" WHERE id = OLD.party_id AND deleted_at IS NULL " \
	" ON CONFLICT(area_id) DO UPDATE SET parties = parties + excluded.parties;END; " \
	"PRAGMA user_version = 10; " \
	""
/* A file of version 9: search documents written as grams, in indexes of
 * the ascii tokenizer. */
#define TO_V9 \
	TO_V10 \
	"CREATE TABLE v9party AS SELECT rowid AS r, tsu_test_grams(grams) AS g FROM search_party;" \
	" CREATE TABLE v9index AS SELECT rowid AS r, tsu_test_grams(grams) AS g FROM search_index;" \
	" DROP TABLE search_party; DROP TABLE search_index;" \
	" CREATE VIRTUAL TABLE search_party USING fts5(grams," \
	" tokenize = \"ascii tokenchars '_'\", prefix = '1');" \
	" CREATE VIRTUAL TABLE search_index USING fts5(grams, tokenize='ascii');" \
	" INSERT INTO search_party(rowid, grams) SELECT r, g FROM v9party;" \
	" INSERT INTO search_index(rowid, grams) SELECT r, g FROM v9index;" \
	" DROP TABLE v9party; DROP TABLE v9index; PRAGMA user_version = 9;"
/* A file of version 8: the change log one table, replica and action ids
 * written out on every change. */
#define TO_V8 \
	TO_V9 \
	"CREATE TABLE changelog_v8(seq INTEGER PRIMARY KEY, change_id TEXT NOT NULL UNIQUE," \
	" hlc INTEGER NOT NULL, replica TEXT NOT NULL, action_id TEXT NOT NULL," \
	" author TEXT NOT NULL, at INTEGER NOT NULL, entity TEXT NOT NULL, row_id TEXT NOT NULL," \
	" field TEXT NOT NULL, old_value, new_value, covers TEXT);" \
	" INSERT INTO changelog_v8 SELECT * FROM changelog;" \
	" DROP VIEW changelog; DROP TABLE changes; DROP TABLE change_replica;" \
	" DROP TABLE change_action; ALTER TABLE changelog_v8 RENAME TO changelog;" \
	" CREATE INDEX changelog_row ON changelog(row_id, hlc);" \
	" CREATE INDEX changelog_replica ON changelog(replica, hlc, change_id);" \
	" CREATE INDEX changelog_action ON changelog(action_id); PRAGMA user_version = 8;"
/* A file of version 6: each party's document (less its area tokens)
 * under a search_doc row of its own, in an index without '_' tokens, and
 * no party_key. */
#define TO_V6 \
	TO_V8 \
	"CREATE TABLE v7doc AS SELECT p.id AS pid, CASE WHEN instr(s.grams, '_a')" \
	" THEN substr(s.grams, 1, instr(s.grams, '_a') - 1) ELSE s.grams END AS grams" \
	" FROM search_party s JOIN party p ON p.rowid = s.rowid;" \
	" INSERT INTO search_doc(entity, row_id, owner_entity, owner_id)" \
	" SELECT 'party', pid, 'party', pid FROM v7doc;" \
	" DROP TABLE search_party;" \
	" CREATE VIRTUAL TABLE search_party USING fts5(grams, tokenize='ascii', prefix='1');" \
	" INSERT INTO search_party(rowid, grams) SELECT d.rowid, v.grams FROM v7doc v" \
	" JOIN search_doc d ON d.row_id = v.pid;" \
	" DROP TABLE v7doc; DROP TRIGGER party_key_new; DROP TRIGGER party_key_set;" \
	" DROP TRIGGER party_key_gone; DROP TABLE party_key; PRAGMA user_version = 6;"
/* Takes a file of the latest version back to version 4 as version 4 left
 * it: no counts kept by triggers, no area-work columns, no event
 * participants, no new choice lists. */
#define TO_V4 \
	TO_V6 \
	" DROP TRIGGER tally_party_area_in; DROP TRIGGER tally_party_area_out;" \
	" DROP TRIGGER tally_party_live; DROP TRIGGER tally_party_new; DROP TRIGGER tally_party_gone;" \
	" DROP TRIGGER tally_task_in; DROP TRIGGER tally_task_out; DROP TRIGGER tally_task_moved;" \
	" DROP TABLE area_tally; DROP TABLE task_tally; DROP INDEX task_board;" \
	" DROP INDEX task_area_board; DROP INDEX task_mine;" \
	" INSERT INTO search_index(rowid, grams) SELECT rowid, grams FROM search_party;" \
	" DROP TABLE search_party;" \
	" CREATE INDEX task_area_status ON task(area_id, status);" \
	" ALTER TABLE area DROP COLUMN platform_type; ALTER TABLE area DROP COLUMN projection;" \
	" ALTER TABLE event DROP COLUMN form; ALTER TABLE event DROP COLUMN theme;" \
	" DROP TABLE event_party; ALTER TABLE survey DROP COLUMN collaboration;" \
	" DROP INDEX task_request; ALTER TABLE task DROP COLUMN request_state;" \
	" ALTER TABLE task DROP COLUMN asked_on; ALTER TABLE task DROP COLUMN answered_on;" \
	" ALTER TABLE task DROP COLUMN answer;" \
	" DELETE FROM refvalue WHERE kind IN ('platform_type', 'event_form', 'request_state')" \
	"  OR (kind = 'matrix_state' AND code = '意見');" \
	" PRAGMA user_version = 4;"


#endif
