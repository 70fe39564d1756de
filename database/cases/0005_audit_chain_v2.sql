-- cases.db, version 5: an audit chain the board can follow without the key.
-- From here on each entry keeps `mac`, the HMAC-SHA256 (under the audit key) of the entry
-- and the previous hash, and its `hash` is SHA-256(previous hash || mac). A return carries
-- the macs since the previous return, so the board can recompute the chain from the head
-- it already holds to the new head, learning nothing of any entry. `key_epoch` says which
-- audit key made the mac: rekey rotates the key (app/store/audit.py).
ALTER TABLE audit ADD COLUMN mac TEXT;
ALTER TABLE audit ADD COLUMN key_epoch INTEGER NOT NULL DEFAULT 0;
INSERT INTO meta (key, value)
    SELECT 'audit_v2_from', CAST(coalesce(max(seq), 0) + 1 AS TEXT) FROM audit;
-- The counts of identity access a return carries (app/store/return_sources.py) look up a
-- few kinds of event in a period: without this index they would read the whole log.
CREATE INDEX audit_event_at ON audit (event, at);
