-- identities.db, version 3: the letters sent to a person, as sent. A letter names the person,
-- so its PDF is kept here, with the identity, and goes when the identity goes (destroyed at
-- the end of retention, handed over, or removed when a named concern becomes unnamed).
-- `digest` is the SHA-256 of the PDF, the same as the letter's record in cases.db.
CREATE TABLE letter_copies (
    digest     TEXT PRIMARY KEY,
    person_ref TEXT NOT NULL REFERENCES persons (person_ref) ON DELETE CASCADE,
    pdf        BLOB NOT NULL,
    made_at    TEXT NOT NULL
) STRICT;
CREATE INDEX letter_copies_person ON letter_copies (person_ref);
