-- cases.db, version 7: the search index holds only what the surfaces show.
-- Version 4 indexed each concern's text as typed (triggers copied it into the index), so
-- the concerns list's ordinary search found a concern by a held name typed into its notes:
-- searching for the person's first name told anyone at the screen which concern was theirs.
-- The index is now written by the application (app/store/search_index.py) from the text
-- as the surfaces show it: every held identity masked as the identity check masks it (C's
-- name as C, anyone else's as [name], contact details and numbers by kind), the markers
-- left out, and folded as the scanner folds (accents, look-alike letters). Triggers only
-- say which concerns need writing again (search_pending), and drop a changed concern's old
-- entry at once; the list writes what is pending before it searches. A change to the
-- identities, the never-publish list or a name fingerprint marks the concerns that could
-- hold the new words.
-- The old index is dropped whole (its pages are overwritten: secure_delete is on) and
-- every concern is pending until the application writes it again.

DROP TRIGGER concern_search_insert;
DROP TRIGGER concern_search_update;
DROP TRIGGER concern_search_delete;
DROP TRIGGER conversation_search_insert;
DROP TRIGGER conversation_search_update;
DROP TRIGGER conversation_search_delete;
DROP VIEW concern_document;
DROP TABLE concern_search;

CREATE VIRTUAL TABLE concern_search USING fts5 (
    body, content = '', contentless_delete = 1, detail = none,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE search_pending (
    concern_id INTEGER PRIMARY KEY REFERENCES concerns (id) ON DELETE CASCADE
) STRICT;

CREATE TRIGGER concern_search_insert AFTER INSERT ON concerns BEGIN
    INSERT OR IGNORE INTO search_pending (concern_id) VALUES (new.id);
END;
CREATE TRIGGER concern_search_update AFTER UPDATE OF reference, summary, service_area,
    person_ref, anonymity, pseudonym ON concerns BEGIN
    DELETE FROM concern_search WHERE rowid = new.id;
    INSERT OR IGNORE INTO search_pending (concern_id) VALUES (new.id);
END;
CREATE TRIGGER concern_search_delete AFTER DELETE ON concerns BEGIN
    DELETE FROM concern_search WHERE rowid = old.id;
END;

CREATE TRIGGER conversation_search_insert AFTER INSERT ON conversations BEGIN
    DELETE FROM concern_search WHERE rowid = new.concern_id;
    INSERT OR IGNORE INTO search_pending (concern_id) VALUES (new.concern_id);
END;
CREATE TRIGGER conversation_search_update AFTER UPDATE OF concern_id, notes, next_steps
ON conversations BEGIN
    DELETE FROM concern_search WHERE rowid IN (old.concern_id, new.concern_id);
    INSERT OR IGNORE INTO search_pending (concern_id) VALUES (old.concern_id);
    INSERT OR IGNORE INTO search_pending (concern_id) VALUES (new.concern_id);
END;
CREATE TRIGGER conversation_search_delete AFTER DELETE ON conversations BEGIN
    DELETE FROM concern_search WHERE rowid = old.concern_id;
    INSERT OR IGNORE INTO search_pending (concern_id)
        SELECT id FROM concerns WHERE id = old.concern_id;
END;

INSERT INTO search_pending (concern_id) SELECT id FROM concerns;
