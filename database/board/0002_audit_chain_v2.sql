-- board.db, version 2: the board's own audit log in the v2 form (see cases/0005), and what
-- the board holds of each unit's audit chain: points (sequence number and hash) taken
-- from the returns it accepted, against which every later return is checked.
ALTER TABLE audit ADD COLUMN mac TEXT;
ALTER TABLE audit ADD COLUMN key_epoch INTEGER NOT NULL DEFAULT 0;
INSERT INTO meta (key, value)
    SELECT 'audit_v2_from', CAST(coalesce(max(seq), 0) + 1 AS TEXT) FROM audit;

CREATE TABLE chain_points (
    unit_id   INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
    seq       INTEGER NOT NULL CHECK (seq >= 0),
    hash      TEXT NOT NULL,
    return_id TEXT NOT NULL,          -- the return it came from
    PRIMARY KEY (unit_id, seq)
) STRICT;

-- A unit's key rotation, vouched for by its old key, waiting for the board to confirm the
-- new key's fingerprint with the unit by phone; returns signed by the new key wait here.
CREATE TABLE key_rotations (
    unit_id        INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
    new_public_key BLOB NOT NULL CHECK (length(new_public_key) = 32),
    statement      BLOB NOT NULL,
    received_at    TEXT NOT NULL,
    PRIMARY KEY (unit_id, new_public_key)
) STRICT;

CREATE TABLE held_returns (
    unit_id     INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
    return_id   TEXT NOT NULL UNIQUE,
    payload     BLOB NOT NULL,          -- exactly the signed bytes
    signature   BLOB NOT NULL CHECK (length(signature) = 64),
    received_at TEXT NOT NULL
) STRICT;

-- Each held return's audit head (sequence number), for the "log gone back" check.
ALTER TABLE returns ADD COLUMN head_seq INTEGER;
UPDATE returns SET head_seq = json_extract(CAST(payload AS TEXT), '$.audit_head.seq');
CREATE INDEX returns_unit_created ON returns (unit_id, created_at);

-- Frozen: two different rotations arrived; fork_accepted: the next return may fork the
-- chain the board holds (a restore from backup), once, after an audited decision.
ALTER TABLE units ADD COLUMN frozen INTEGER NOT NULL DEFAULT 0;
ALTER TABLE units ADD COLUMN fork_accepted INTEGER NOT NULL DEFAULT 0;
ALTER TABLE units ADD COLUMN retired_keys TEXT NOT NULL DEFAULT '[]';
