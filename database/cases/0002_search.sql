-- cases.db, version 2: full-text search over concern content (FTS5).
-- External-content tables: the text lives once, in its own table; the index
-- is kept in step by triggers. The index is inside the encrypted file.

CREATE VIRTUAL TABLE concern_search USING fts5 (
    reference, summary, service_area,
    content = 'concerns', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER concern_search_insert AFTER INSERT ON concerns BEGIN
    INSERT INTO concern_search (rowid, reference, summary, service_area)
    VALUES (new.id, new.reference, new.summary, new.service_area);
END;
CREATE TRIGGER concern_search_delete AFTER DELETE ON concerns BEGIN
    INSERT INTO concern_search (concern_search, rowid, reference, summary, service_area)
    VALUES ('delete', old.id, old.reference, old.summary, old.service_area);
END;
CREATE TRIGGER concern_search_update AFTER UPDATE OF reference, summary, service_area ON concerns
BEGIN
    INSERT INTO concern_search (concern_search, rowid, reference, summary, service_area)
    VALUES ('delete', old.id, old.reference, old.summary, old.service_area);
    INSERT INTO concern_search (rowid, reference, summary, service_area)
    VALUES (new.id, new.reference, new.summary, new.service_area);
END;

CREATE VIRTUAL TABLE conversation_search USING fts5 (
    notes, next_steps,
    content = 'conversations', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER conversation_search_insert AFTER INSERT ON conversations BEGIN
    INSERT INTO conversation_search (rowid, notes, next_steps)
    VALUES (new.id, new.notes, new.next_steps);
END;
CREATE TRIGGER conversation_search_delete AFTER DELETE ON conversations BEGIN
    INSERT INTO conversation_search (conversation_search, rowid, notes, next_steps)
    VALUES ('delete', old.id, old.notes, old.next_steps);
END;
CREATE TRIGGER conversation_search_update AFTER UPDATE OF notes, next_steps ON conversations
BEGIN
    INSERT INTO conversation_search (conversation_search, rowid, notes, next_steps)
    VALUES ('delete', old.id, old.notes, old.next_steps);
    INSERT INTO conversation_search (rowid, notes, next_steps)
    VALUES (new.id, new.notes, new.next_steps);
END;

-- Existing rows (a casebook created at version 1).
INSERT INTO concern_search (concern_search) VALUES ('rebuild');
INSERT INTO conversation_search (conversation_search) VALUES ('rebuild');
