-- identities.db, version 2: a consent has a kind. `named`: the identity may be shared with
-- the person or role in `share_with`; `successor`: it may be passed to whoever takes over
-- the concern (a handover to a trusted colleague may carry it).
ALTER TABLE consents ADD COLUMN kind TEXT NOT NULL DEFAULT 'named'
    CHECK (kind IN ('named', 'successor'));
