-- cases.db, version 8: continuity. Colleagues this casebook trusts, the handovers it has
-- sent and received, when it held each concern (so every figure is counted by the unit that
-- held the concern on the date of its event: app/core/custody.py), and destructions at the
-- end of retention. No names of people who raised concerns: colleagues are staff.

-- A colleague's handover address, trusted after its fingerprint was compared by phone.
-- `recipient` is their age X25519 recipient (packages to them are encrypted to it);
-- `signing_key` their unit's Ed25519 public key, base64 (packages from them, and their
-- approvals of a destruction, are signed with it).
CREATE TABLE colleagues (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    role        TEXT NOT NULL DEFAULT '',
    recipient   TEXT NOT NULL,
    signing_key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    trusted_at  TEXT NOT NULL,
    removed_at  TEXT
) STRICT;
CREATE UNIQUE INDEX colleagues_trusted_name ON colleagues (lower(name))
    WHERE removed_at IS NULL;
CREATE UNIQUE INDEX colleagues_trusted_key ON colleagues (signing_key)
    WHERE removed_at IS NULL;

-- Each handover package written or imported. `handed_on` is the handover date: custody
-- changes at its start (events dated before it belong to the sender, from it to the
-- receiver). The colleague's name and fingerprint are kept as they were then.
CREATE TABLE handovers (
    id                    INTEGER PRIMARY KEY,
    package_id            TEXT NOT NULL UNIQUE,
    direction             TEXT NOT NULL CHECK (direction IN ('sent', 'received')),
    colleague_name        TEXT NOT NULL,
    colleague_role        TEXT NOT NULL DEFAULT '',
    colleague_fingerprint TEXT NOT NULL,
    handed_on             TEXT NOT NULL,
    at                    TEXT NOT NULL,
    reason                TEXT NOT NULL DEFAULT ''
) STRICT;

-- Which concerns a handover carried, and whether the person's identity went with each
-- (`none`: an anonymous or unnamed concern, which has no identity to send).
CREATE TABLE handover_concerns (
    handover_id INTEGER NOT NULL REFERENCES handovers (id),
    reference   TEXT NOT NULL,
    concern_id  INTEGER REFERENCES concerns (id) ON DELETE SET NULL,
    identity    TEXT NOT NULL CHECK (identity IN ('sent', 'withheld', 'none')),
    PRIMARY KEY (handover_id, reference)
) STRICT;
CREATE INDEX handover_concerns_concern ON handover_concerns (concern_id);

-- When this casebook held a concern. A concern with no rows here was always held here (it
-- was recorded here and never handed over). `held_until` is exclusive: the handover date.
CREATE TABLE custody (
    id         INTEGER PRIMARY KEY,
    concern_id INTEGER NOT NULL REFERENCES concerns (id) ON DELETE CASCADE,
    held_from  TEXT,
    held_until TEXT,
    CHECK (held_from IS NULL OR held_until IS NULL OR held_from <= held_until)
) STRICT;
CREATE INDEX custody_concern ON custody (concern_id);

-- Concerns this casebook no longer holds (handed over): kept read-only.
CREATE VIEW held_elsewhere (concern_id) AS
SELECT concern_id FROM custody GROUP BY concern_id HAVING sum(held_until IS NULL) = 0;

-- A received concern's dated events that fall outside this casebook's custody, as they
-- arrived (JSON): another unit counts them, so they may not change here.
CREATE TABLE custody_events (
    concern_id INTEGER PRIMARY KEY REFERENCES concerns (id) ON DELETE CASCADE,
    events     TEXT NOT NULL
) STRICT;

-- A concern held elsewhere has no deadline here (the list and the dashboard sort by it).
CREATE TRIGGER next_due_held_elsewhere AFTER UPDATE OF next_due ON concerns
WHEN new.next_due IS NOT NULL AND new.id IN (SELECT concern_id FROM held_elsewhere)
BEGIN
    UPDATE concerns SET next_due = NULL WHERE id = new.id;
END;

-- Destruction at the end of retention: started (the identity is being destroyed), then
-- done (the identity is gone and the case text is a tombstone). `approved_by` names the
-- trusted colleague whose signed statement approved it, where two people are required (one
-- statement may approve several references; it approves one destruction, never two).
CREATE TABLE destructions (
    id                   INTEGER PRIMARY KEY,
    concern_id           INTEGER NOT NULL UNIQUE REFERENCES concerns (id),
    reference            TEXT NOT NULL,
    state                TEXT NOT NULL CHECK (state IN ('started', 'done')),
    person_ref           TEXT,
    reason               TEXT NOT NULL,
    early                INTEGER NOT NULL DEFAULT 0,
    approved_by          TEXT,
    approval_fingerprint TEXT,
    approval_id          TEXT,
    started_at           TEXT NOT NULL,
    destroyed_at         TEXT
) STRICT;
CREATE INDEX destructions_approval ON destructions (approval_id) WHERE approval_id IS NOT NULL;
