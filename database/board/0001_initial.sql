-- board.db, version 1: the board's own store. Its age identity, the reporting
-- units it knows (their names and signing keys), the returns they sent (the exact
-- signed payloads), staff headcounts, and its own audit log. No names of people.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE units (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
    public_key    BLOB NOT NULL UNIQUE CHECK (length(public_key) = 32),  -- raw Ed25519
    registered_at TEXT NOT NULL
) STRICT;

-- The return held for each unit and period: a newer one replaces it.
CREATE TABLE returns (
    unit_id     INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
    period      TEXT NOT NULL,          -- 2025-26 or 2025-26-Q1
    period_from TEXT NOT NULL,
    period_to   TEXT NOT NULL,
    return_id   TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,          -- as the unit stamped it (UTC, microseconds)
    payload     BLOB NOT NULL,          -- exactly the signed bytes
    signature   BLOB NOT NULL CHECK (length(signature) = 64),
    imported_at TEXT NOT NULL,
    PRIMARY KEY (unit_id, period)
) STRICT;
CREATE INDEX returns_period ON returns (period);

-- Staff headcount per unit and period, for KPI 4 as a rate per 1,000 staff.
CREATE TABLE headcounts (
    unit_id   INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
    period    TEXT NOT NULL,
    headcount INTEGER NOT NULL CHECK (headcount > 0),
    PRIMARY KEY (unit_id, period)
) STRICT;

-- Append-only, hash-chained audit log, as in cases.db.
CREATE TABLE audit (
    seq       INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    event     TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL DEFAULT '',
    detail    TEXT NOT NULL DEFAULT '{}',
    prev      TEXT NOT NULL,
    hash      TEXT NOT NULL
) STRICT;

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
