-- identities.db, version 1: who raised a concern. Its own key; opened only to
-- show or edit an identity, and by the return builder's identifying-text scan.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE persons (
    person_ref     TEXT PRIMARY KEY,     -- random; the only link from cases.db
    name           TEXT NOT NULL,
    other_names    TEXT NOT NULL DEFAULT '',  -- known as / previous names, masked in redactions
    email          TEXT NOT NULL DEFAULT '',
    phone          TEXT NOT NULL DEFAULT '',
    address        TEXT NOT NULL DEFAULT '',
    employer       TEXT NOT NULL DEFAULT '',
    job_title      TEXT NOT NULL DEFAULT '',
    support_person TEXT NOT NULL DEFAULT '',
    demo           INTEGER NOT NULL DEFAULT 0,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;

-- With whom the person agreed their identity may be shared.
CREATE TABLE consents (
    id         INTEGER PRIMARY KEY,
    person_ref TEXT NOT NULL REFERENCES persons (person_ref) ON DELETE CASCADE,
    share_with TEXT NOT NULL,
    given_on   TEXT NOT NULL,
    how        TEXT NOT NULL,
    notes      TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX consents_person ON consents (person_ref);
