-- Takes a file of the latest version back to version 4 as version 4 left
-- it (no counts kept by triggers or board indexes of version 6, no
-- area-work columns, event participants or their choice lists), through
-- version 8 (each document of a task or log entry under a search_doc row
-- of its own, not under its row's rowid * 2 (+ 1)) and version 6 (each
-- party's document under a search_doc row of its own, no area tokens, no
-- party_key).
CREATE TABLE search_doc(rowid INTEGER PRIMARY KEY, entity TEXT NOT NULL,
  row_id TEXT NOT NULL UNIQUE, owner_entity TEXT NOT NULL, owner_id TEXT NOT NULL);
CREATE INDEX search_doc_owner ON search_doc(owner_id);
CREATE TABLE v9doc AS SELECT rowid AS r, grams FROM search_index;
DELETE FROM search_index;
INSERT INTO search_doc(entity, row_id, owner_entity, owner_id)
  SELECT CASE WHEN v.r & 1 THEN 'log' ELSE 'task' END, coalesce(l.id, t.id),
  CASE WHEN v.r & 1 = 0 OR l.task_id IS NOT NULL THEN 'task' ELSE 'area' END,
  CASE WHEN v.r & 1 THEN coalesce(l.task_id, l.area_id) ELSE t.id END FROM v9doc v
  LEFT JOIN log_entry l ON v.r & 1 AND l.rowid = v.r >> 1
  LEFT JOIN task t ON v.r & 1 = 0 AND t.rowid = v.r >> 1 ORDER BY v.r DESC;
INSERT INTO search_index(rowid, grams) SELECT d.rowid, v.grams FROM search_doc d
  JOIN v9doc v ON v.r = CASE d.entity WHEN 'task' THEN (SELECT rowid * 2 FROM task WHERE id = d.row_id)
  ELSE (SELECT rowid * 2 + 1 FROM log_entry WHERE id = d.row_id) END;
DROP TABLE v9doc;
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
