-- Takes a file of the latest version back to version 4 as version 4 left
-- it (no counts kept by triggers or board indexes of version 6, no
-- area-work columns, event participants or their choice lists).
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
