-- Takes a file of the latest version back to version 4 as version 4 left
-- it (no counts kept by triggers or board indexes of version 6, no
-- area-work columns, event participants or their choice lists), through
-- version 12 (no sums of the replicas' changes), version 11 (a search_doc
-- table; this sqlite3 lacks tsunagu's tokenizer, so the search indexes are
-- left empty, to be filled when the file is opened), version 10 (link
-- tables of ids), version 9 (search indexes of the ascii tokenizer),
-- version 8 (a change log of one table) and version 6 (each party's
-- document under a search_doc row of its own, no area tokens, no
-- party_key).
-- version 12: no sums of the replicas' changes, the change id in the replica index
DROP TRIGGER change_held; DROP INDEX changelog_replica;
ALTER TABLE change_replica DROP COLUMN held; ALTER TABLE change_replica DROP COLUMN idset;
CREATE INDEX changelog_replica ON changes(replica, hlc, change_id);
-- version 11: documents of tasks and log entries found through search_doc
CREATE TABLE search_doc(rowid INTEGER PRIMARY KEY, entity TEXT NOT NULL,
  row_id TEXT NOT NULL UNIQUE, owner_entity TEXT NOT NULL, owner_id TEXT NOT NULL);
CREATE INDEX search_doc_owner ON search_doc(owner_id);
-- version 10: link tables of ids, not rowids
CREATE TEMP TABLE party_area_v10 AS SELECT * FROM party_area; DROP VIEW party_area;
DROP TABLE party_area_link; CREATE TABLE party_area(party_id TEXT NOT NULL REFERENCES party(id),
 area_id TEXT NOT NULL REFERENCES area(id), added INTEGER NOT NULL DEFAULT 0,
 PRIMARY KEY(party_id, area_id)) WITHOUT ROWID;
INSERT INTO party_area SELECT * FROM temp.party_area_v10; DROP TABLE temp.party_area_v10;
CREATE INDEX party_area_area ON party_area(area_id);
CREATE TEMP TABLE offer_v10 AS SELECT * FROM offer; DROP VIEW offer;
DROP TABLE offer_link; CREATE TABLE offer(party_id TEXT NOT NULL REFERENCES party(id),
 tag TEXT NOT NULL, added INTEGER NOT NULL DEFAULT 0,
 PRIMARY KEY(party_id, tag)) WITHOUT ROWID;
INSERT INTO offer SELECT * FROM temp.offer_v10; DROP TABLE temp.offer_v10;
CREATE INDEX offer_tag ON offer(tag);
CREATE TEMP TABLE task_party_v10 AS SELECT * FROM task_party; DROP VIEW task_party;
DROP TABLE task_party_link; CREATE TABLE task_party(task_id TEXT NOT NULL REFERENCES task(id),
 party_id TEXT NOT NULL REFERENCES party(id), added INTEGER NOT NULL DEFAULT 0,
 PRIMARY KEY(task_id, party_id)) WITHOUT ROWID;
INSERT INTO task_party SELECT * FROM temp.task_party_v10; DROP TABLE temp.task_party_v10;
CREATE INDEX task_party_party ON task_party(party_id);
CREATE TEMP TABLE task_need_v10 AS SELECT * FROM task_need; DROP VIEW task_need;
DROP TABLE task_need_link; CREATE TABLE task_need(task_id TEXT NOT NULL REFERENCES task(id),
 tag TEXT NOT NULL, added INTEGER NOT NULL DEFAULT 0,
 PRIMARY KEY(task_id, tag)) WITHOUT ROWID;
INSERT INTO task_need SELECT * FROM temp.task_need_v10; DROP TABLE temp.task_need_v10;
CREATE TEMP TABLE staff_area_v10 AS SELECT * FROM staff_area; DROP VIEW staff_area;
DROP TABLE staff_area_link; CREATE TABLE staff_area(staff_id TEXT NOT NULL REFERENCES staff(id),
 area_id TEXT NOT NULL REFERENCES area(id), added INTEGER NOT NULL DEFAULT 0,
 PRIMARY KEY(staff_id, area_id)) WITHOUT ROWID;
INSERT INTO staff_area SELECT * FROM temp.staff_area_v10; DROP TABLE temp.staff_area_v10;
CREATE INDEX staff_area_area ON staff_area(area_id);
CREATE TEMP TABLE event_party_v10 AS SELECT * FROM event_party; DROP VIEW event_party;
DROP TABLE event_party_link; CREATE TABLE event_party(event_id TEXT NOT NULL REFERENCES event(id),
 party_id TEXT NOT NULL REFERENCES party(id), added INTEGER NOT NULL DEFAULT 0,
 PRIMARY KEY(event_id, party_id)) WITHOUT ROWID;
INSERT INTO event_party SELECT * FROM temp.event_party_v10; DROP TABLE temp.event_party_v10;
CREATE INDEX event_party_party ON event_party(party_id);
CREATE TRIGGER tally_party_area_in AFTER INSERT ON party_area BEGIN
 INSERT INTO area_tally(area_id, parties) SELECT NEW.area_id, +1 FROM party
 WHERE id = NEW.party_id AND deleted_at IS NULL
 ON CONFLICT(area_id) DO UPDATE SET parties = parties + excluded.parties;END;
CREATE TRIGGER tally_party_area_out AFTER DELETE ON party_area BEGIN
 INSERT INTO area_tally(area_id, parties) SELECT OLD.area_id, -1 FROM party
 WHERE id = OLD.party_id AND deleted_at IS NULL
 ON CONFLICT(area_id) DO UPDATE SET parties = parties + excluded.parties;END;
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
