-- cases.db, version 6: a name's fingerprint for unnamed concerns.
-- An unnamed concern's person is known to the contact and must not be recorded. So that
-- the identifying-text scanner can still find their name in case text, the contact may
-- record the name's keyed digests instead: HMAC-SHA256 of each folded word of it and of
-- each pair of neighbouring words (app/core/identifying/digests.py). The name itself is
-- never stored. The key lives in identities.db's meta (name_digest_key), apart from these
-- digests, so cases.db alone cannot be used to test a guessed name.
CREATE TABLE name_digests (
    concern_id INTEGER NOT NULL REFERENCES concerns (id) ON DELETE CASCADE,
    digest     BLOB NOT NULL CHECK (length(digest) = 32),
    PRIMARY KEY (concern_id, digest)
) STRICT, WITHOUT ROWID;
