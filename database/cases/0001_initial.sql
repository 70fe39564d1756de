-- cases.db, version 1: concerns and everything about them, and the audit log.
-- No names, contact details or job titles here: a person is `person_ref` only.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- Organisation holidays on top of the national Scottish calendar, and national
-- holidays the organisation works (kind = 'working_day').
CREATE TABLE local_holidays (
    day   TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    kind  TEXT NOT NULL CHECK (kind IN ('holiday', 'working_day'))
) STRICT;

CREATE TABLE concerns (
    id               INTEGER PRIMARY KEY,
    reference        TEXT NOT NULL UNIQUE,
    person_ref       TEXT,               -- links to identities.db; NULL when anonymous or unnamed
    pseudonym        TEXT NOT NULL DEFAULT 'C',
    received_on      TEXT NOT NULL,
    aware_on         TEXT,               -- when the person became aware (the 6-month rule)
    late_reason      TEXT,               -- why a concern raised after the time limit was accepted
    channel          TEXT NOT NULL,
    raised_with      TEXT NOT NULL,
    raiser_category  TEXT NOT NULL,
    anonymity        TEXT NOT NULL CHECK (anonymity IN ('named', 'unnamed', 'anonymous')),
    service_type     TEXT NOT NULL CHECK (service_type IN ('nhs', 'local_authority', 'both')),
    service_area     TEXT NOT NULL DEFAULT '',
    summary          TEXT NOT NULL DEFAULT '',
    consent_on       TEXT,
    consent_method   TEXT,
    decision         TEXT NOT NULL DEFAULT 'undecided',
    decision_on      TEXT,
    decision_reasons TEXT,
    closure          TEXT NOT NULL DEFAULT 'open',
    closure_on       TEXT,
    closure_reason   TEXT,
    imported         INTEGER NOT NULL DEFAULT 0,
    demo             INTEGER NOT NULL DEFAULT 0,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
) STRICT;
CREATE INDEX concerns_received ON concerns (received_on);
CREATE INDEX concerns_closure ON concerns (closure, received_on);

-- Standard theme codes (SPEC.md); a local theme is code 'other' with its label.
CREATE TABLE concern_themes (
    concern_id  INTEGER NOT NULL REFERENCES concerns (id) ON DELETE CASCADE,
    code        TEXT NOT NULL,
    local_label TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (concern_id, code, local_label)
) STRICT;
CREATE INDEX concern_themes_code ON concern_themes (code);

-- The separate issues within one concern, each with its own outcome per stage.
CREATE TABLE concern_issues (
    id             INTEGER PRIMARY KEY,
    concern_id     INTEGER NOT NULL REFERENCES concerns (id) ON DELETE CASCADE,
    number         INTEGER NOT NULL,
    description    TEXT NOT NULL,
    findings       TEXT NOT NULL DEFAULT '',
    stage1_outcome TEXT,
    stage2_outcome TEXT,
    UNIQUE (concern_id, number)
) STRICT;

-- Stage history: one row per stage a concern entered. Escalation is a stage 2
-- row entered with entry = 'escalated' on the escalation date. Due dates are
-- stored (recomputed when the calendar changes) so lists can sort by them in SQL.
CREATE TABLE stages (
    concern_id       INTEGER NOT NULL REFERENCES concerns (id) ON DELETE CASCADE,
    stage            TEXT NOT NULL CHECK (stage IN ('stage1', 'stage2')),
    entry            TEXT NOT NULL CHECK (entry IN ('received', 'escalated')),
    entered_on       TEXT NOT NULL,
    handler          TEXT,               -- who handles the stage (staff, not the person raising)
    acknowledge_due  TEXT,
    acknowledged_on  TEXT,
    respond_due      TEXT NOT NULL,
    responded_on     TEXT,
    outcome          TEXT CHECK (outcome IN ('upheld', 'partially_upheld', 'not_upheld')),
    response_summary TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (concern_id, stage)
) STRICT;
CREATE INDEX stages_open_due ON stages (respond_due) WHERE responded_on IS NULL;
CREATE INDEX stages_entered ON stages (stage, entered_on);
CREATE INDEX stages_responded ON stages (stage, responded_on);

CREATE TABLE extensions (
    id             INTEGER PRIMARY KEY,
    concern_id     INTEGER NOT NULL REFERENCES concerns (id) ON DELETE CASCADE,
    stage          TEXT NOT NULL CHECK (stage IN ('stage1', 'stage2')),
    authorised_by  TEXT,
    authorised_on  TEXT,
    reason         TEXT,
    new_due_on     TEXT,
    person_told_on TEXT,
    imported       INTEGER NOT NULL DEFAULT 0,
    created_at     TEXT NOT NULL
) STRICT;
CREATE INDEX extensions_concern ON extensions (concern_id, stage);

-- Notes of each conversation with the person raising the concern.
CREATE TABLE conversations (
    id         INTEGER PRIMARY KEY,
    concern_id INTEGER NOT NULL REFERENCES concerns (id) ON DELETE CASCADE,
    held_on    TEXT NOT NULL,
    mode       TEXT NOT NULL,
    notes      TEXT NOT NULL DEFAULT '',
    next_steps TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX conversations_concern ON conversations (concern_id, held_on);

-- Actions and learning after a concern, tracked to sign-off.
CREATE TABLE actions (
    id                 INTEGER PRIMARY KEY,
    concern_id         INTEGER NOT NULL REFERENCES concerns (id) ON DELETE CASCADE,
    description        TEXT NOT NULL,
    owner              TEXT NOT NULL DEFAULT '',
    due_on             TEXT,
    done_on            TEXT,
    adopted            INTEGER NOT NULL DEFAULT 1,
    not_adopted_reason TEXT,
    learning           TEXT NOT NULL DEFAULT '',
    publishable        INTEGER NOT NULL DEFAULT 0,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
) STRICT;
CREATE INDEX actions_concern ON actions (concern_id);

CREATE TABLE signposting (
    id            INTEGER PRIMARY KEY,
    concern_id    INTEGER NOT NULL REFERENCES concerns (id) ON DELETE CASCADE,
    body          TEXT NOT NULL CHECK (body IN ('inwo', 'care_inspectorate', 'audit_scotland', 'other')),
    other_body    TEXT,
    signposted_on TEXT NOT NULL,
    notes         TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE detriment_reports (
    id           INTEGER PRIMARY KEY,
    concern_id   INTEGER NOT NULL REFERENCES concerns (id) ON DELETE CASCADE,
    reported_on  TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    action_taken TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE feedback (
    id             INTEGER PRIMARY KEY,
    concern_id     INTEGER NOT NULL REFERENCES concerns (id) ON DELETE CASCADE,
    received_on    TEXT NOT NULL,
    speak_up_again TEXT CHECK (speak_up_again IN ('yes', 'no', 'unsure')),
    comments       TEXT NOT NULL DEFAULT ''
) STRICT;

-- Every time the identity was shared: to whom, when, why, on what footing.
CREATE TABLE disclosures (
    id           INTEGER PRIMARY KEY,
    concern_id   INTEGER NOT NULL REFERENCES concerns (id) ON DELETE CASCADE,
    disclosed_to TEXT NOT NULL,
    role         TEXT NOT NULL DEFAULT '',
    disclosed_on TEXT NOT NULL,
    reason       TEXT NOT NULL,
    consent      TEXT NOT NULL,
    consent_on   TEXT
) STRICT;
CREATE INDEX disclosures_concern ON disclosures (concern_id);

-- Autosaved drafts (a conversation being typed, text kept when the lock struck).
CREATE TABLE drafts (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL,
    concern_id INTEGER REFERENCES concerns (id) ON DELETE CASCADE,
    body       TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

-- Append-only, hash-chained audit log: every change, reveal and export.
-- `hash` = HMAC-SHA256 over the entry and the previous entry's hash, keyed from
-- the master key; `casebook check` recomputes the chain.
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
