-- cases.db, version 10: the publication register. What each publication released (the
-- period, every cell's key and what was printed of it, the relations a reader knows),
-- as the disclosure-control engine records it (app/core/sdc/release.py), so that a later
-- publication is suppressed consistently with every earlier one. Hidden values are never
-- kept here: only what a reader saw.
CREATE TABLE publications (
    id           INTEGER PRIMARY KEY,
    label        TEXT NOT NULL,             -- what was published, in words
    periods      TEXT NOT NULL,             -- JSON list of the period labels it printed
    published_on TEXT NOT NULL,             -- ISO date
    source       TEXT NOT NULL,             -- made here | imported | from a unit's return
    unit         TEXT NOT NULL DEFAULT '',  -- the unit whose register it came from (board)
    digest       TEXT NOT NULL UNIQUE,      -- SHA-256 of the record: each release kept once
    record       TEXT NOT NULL              -- the release record (JSON)
) STRICT;
