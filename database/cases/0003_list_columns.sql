-- cases.db, version 3: the concerns list sorts and filters in SQL at 100,000 concerns.
-- `stage` (the furthest stage reached) and `next_due` (the next unmet deadline of an
-- open concern) are kept up to date by the concern service in the same transaction
-- as every change, so the list never computes them row by row.

ALTER TABLE concerns ADD COLUMN stage TEXT NOT NULL DEFAULT 'none'
    CHECK (stage IN ('none', 'stage1', 'stage2'));
ALTER TABLE concerns ADD COLUMN next_due TEXT;

UPDATE concerns SET stage = coalesce(
    (SELECT max(s.stage) FROM stages AS s WHERE s.concern_id = concerns.id), 'none');

UPDATE concerns SET next_due = (
    SELECT CASE
        WHEN concerns.closure != 'open' THEN NULL
        WHEN s2.concern_id IS NOT NULL THEN
            CASE WHEN s2.responded_on IS NOT NULL THEN NULL
                 WHEN s2.acknowledged_on IS NULL AND s2.acknowledge_due < s2.respond_due
                     THEN s2.acknowledge_due
                 ELSE s2.respond_due END
        WHEN s1.concern_id IS NOT NULL AND s1.responded_on IS NULL THEN s1.respond_due
    END
    FROM (SELECT 1) AS one
    LEFT JOIN stages AS s1 ON s1.concern_id = concerns.id AND s1.stage = 'stage1'
    LEFT JOIN stages AS s2 ON s2.concern_id = concerns.id AND s2.stage = 'stage2');

CREATE INDEX concerns_stage ON concerns (stage, received_on);
CREATE INDEX concerns_next_due ON concerns (next_due) WHERE next_due IS NOT NULL;
CREATE INDEX concerns_service ON concerns (service_type, received_on);
CREATE INDEX concerns_reference_sort ON concerns (reference);
