-- cases.db, version 4: full-text search finds concerns in one index lookup.
-- Version 2 indexed every conversation on its own, and the concern's own text apart,
-- so a search mapped each matching conversation back to its concern, once to count and
-- once for a page: at 100,000 concerns (550,000 conversations) a common word took
-- seconds. Now a concern's reference, summary, service area and the notes and next steps
-- of all its conversations are one document, keyed by the concern's id: a search matches
-- concerns whose text holds every word, wherever in it they stand.
-- The index is contentless (the text is not stored twice) and keeps no word positions
-- (detail = none): the list matches words, never phrases, and the index is small.
-- Triggers keep it in step with every change, in the same transaction. It keeps the
-- name concern_search (its shadow tables are concern_search_*).
-- Also two indexes for a period's figures and the dashboard (at the end).

DROP TRIGGER concern_search_insert;
DROP TRIGGER concern_search_delete;
DROP TRIGGER concern_search_update;
DROP TRIGGER conversation_search_insert;
DROP TRIGGER conversation_search_delete;
DROP TRIGGER conversation_search_update;
DROP TABLE concern_search;
DROP TABLE conversation_search;

-- What the index holds for one concern.
CREATE VIEW concern_document (id, body) AS
SELECT c.id, concat_ws(' ', c.reference, c.summary, c.service_area,
       (SELECT group_concat(concat_ws(' ', v.notes, v.next_steps), ' ')
          FROM conversations AS v WHERE v.concern_id = c.id))
  FROM concerns AS c;

CREATE VIRTUAL TABLE concern_search USING fts5 (
    body, content = '', contentless_delete = 1, detail = none,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER concern_search_insert AFTER INSERT ON concerns BEGIN
    INSERT OR REPLACE INTO concern_search (rowid, body)
    SELECT id, body FROM concern_document WHERE id = new.id;
END;
CREATE TRIGGER concern_search_update AFTER UPDATE OF reference, summary, service_area
ON concerns BEGIN
    INSERT OR REPLACE INTO concern_search (rowid, body)
    SELECT id, body FROM concern_document WHERE id = new.id;
END;
CREATE TRIGGER concern_search_delete AFTER DELETE ON concerns BEGIN
    DELETE FROM concern_search WHERE rowid = old.id;
END;

CREATE TRIGGER conversation_search_insert AFTER INSERT ON conversations BEGIN
    INSERT OR REPLACE INTO concern_search (rowid, body)
    SELECT id, body FROM concern_document WHERE id = new.concern_id;
END;
CREATE TRIGGER conversation_search_update AFTER UPDATE OF concern_id, notes, next_steps
ON conversations BEGIN
    INSERT OR REPLACE INTO concern_search (rowid, body)
    SELECT id, body FROM concern_document WHERE id IN (old.concern_id, new.concern_id);
END;
CREATE TRIGGER conversation_search_delete AFTER DELETE ON conversations BEGIN
    INSERT OR REPLACE INTO concern_search (rowid, body)
    SELECT id, body FROM concern_document WHERE id = old.concern_id;
END;

-- Existing concerns.
INSERT INTO concern_search (rowid, body) SELECT id, body FROM concern_document;

-- A period's figures read the concerns that left the procedure in it (app/store/facts_query),
-- and the dashboard counts the open concerns at each stage (app/store/dashboard).
CREATE INDEX concerns_closure_on ON concerns (closure_on) WHERE closure_on IS NOT NULL;
CREATE INDEX concerns_open_stage ON concerns (stage) WHERE closure = 'open';
