-- Takes a file of the latest version back to version 4 as version 4 left
-- it (a change log of one table, no counts kept by triggers or board indexes of version 6, no
-- area-work columns, event participants or their choice lists), through
-- version 6 (each party's document under a search_doc row of its own, no
-- area tokens, no party_key).
-- version 9: search indexes of the ascii tokenizer, filled again when the
-- file is opened (this sqlite3 has not tsunagu's tokenizer: the tables are
-- taken out of the schema, then their own tables dropped)
PRAGMA writable_schema = ON;
DELETE FROM sqlite_schema WHERE name IN ('search_party', 'search_index');
PRAGMA writable_schema = RESET;
DROP TABLE search_party_data; DROP TABLE search_party_idx; DROP TABLE search_party_content;
DROP TABLE search_party_config; DROP TABLE search_index_data; DROP TABLE search_index_idx;
DROP TABLE search_index_content; DROP TABLE search_index_config; DELETE FROM search_doc;
CREATE VIRTUAL TABLE search_party USING fts5(grams, tokenize = "ascii tokenchars '_'", prefix = '1');
CREATE VIRTUAL TABLE search_index USING fts5(grams, tokenize='ascii');
UPDATE meta SET value = 'v9' WHERE key = 'search_key';
-- version 8: the change log one table, ids written out on every change
CREATE TABLE changelog_v8(seq INTEGER PRIMARY KEY, change_id TEXT NOT NULL UNIQUE,
  hlc INTEGER NOT NULL, replica TEXT NOT NULL, action_id TEXT NOT NULL,
  author TEXT NOT NULL, at INTEGER NOT NULL, entity TEXT NOT NULL, row_id TEXT NOT NULL,
  field TEXT NOT NULL, old_value, new_value, covers TEXT);
INSERT INTO changelog_v8 SELECT * FROM changelog;
DROP VIEW changelog; DROP TABLE changes; DROP TABLE change_replica; DROP TABLE change_action;
ALTER TABLE changelog_v8 RENAME TO changelog;
CREATE INDEX changelog_row ON changelog(row_id, hlc);
CREATE INDEX changelog_replica ON changelog(replica, hlc, change_id);
CREATE INDEX changelog_action ON changelog(action_id);
CREATE TABLE v7doc AS SELECT p.id AS pid, CASE WHEN instr(s.grams, '_a')
  THEN substr(s.grams, 1, instr(s.grams, '_a') - 1) ELSE s.grams END AS grams
  FROM search_party s JOIN party p ON p.rowid = s.rowid;
INSERT INTO search_doc(entity, row_id, owner_entity, owner_id) SELECT 'party', pid, 'party', pid FROM v7doc;
DROP TABLE search_party;
CREATE VIRTUAL TABLE search_party USING fts5(grams, tokenize='ascii', prefix='1');
INSERT INTO search_party(rowid, grams) SELECT d.rowid, v.grams FROM v7doc v JOIN search_doc d ON d.row_id = v.pid;
DROP TABLE v7doc; DROP TRIGGER party_key_new; DROP TRIGGER party_key_set; DROP TRIGGER party_key_gone;
DROP TABLE party_key;
DROP TRIGGER tally_party_area_in; DROP TRIGGER tally_party_area_out; DROP TRIGGER tally_party_live;
DROP TRIGGER tally_party_new; DROP TRIGGER tally_party_gone; DROP TRIGGER tally_task_in;
DROP TRIGGER tally_task_out; DROP TRIGGER tally_task_moved; DROP TABLE area_tally; DROP TABLE task_tally;
DROP INDEX task_board; DROP INDEX task_area_board; DROP INDEX task_mine;
INSERT INTO search_index(rowid, grams) SELECT rowid, grams FROM search_party; DROP TABLE search_party;
CREATE INDEX task_area_status ON task(area_id, status);
ALTER TABLE area DROP COLUMN platform_type;
ALTER TABLE area DROP COLUMN projection;
ALTER TABLE event DROP COLUMN form;
ALTER TABLE event DROP COLUMN theme;
DROP TABLE event_party;
ALTER TABLE survey DROP COLUMN collaboration;
DROP INDEX task_request;
ALTER TABLE task DROP COLUMN request_state;
ALTER TABLE task DROP COLUMN asked_on;
ALTER TABLE task DROP COLUMN answered_on;
ALTER TABLE task DROP COLUMN answer;
DELETE FROM refvalue WHERE kind IN ('platform_type', 'event_form', 'request_state')
  OR (kind = 'matrix_state' AND code = '意見');
PRAGMA user_version = 4;
