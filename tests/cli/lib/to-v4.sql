-- Takes a file of the latest version back to version 4 as version 4 left
-- it (no area-work columns, event participants or their choice lists).
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
