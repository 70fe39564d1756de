-- identities.db, version 3: the person's details typed into a new concern's form that is
-- not saved yet. Kept here, under the identity store's own key, never in cases.db's
-- drafts (which hold the rest of the form, and no identity); `token` names the form's
-- draft there. A row goes when the concern is recorded or its draft is thrown away.
CREATE TABLE person_drafts (
    token      TEXT PRIMARY KEY,
    body       TEXT NOT NULL,  -- JSON: name, email, phone, address, employer, job title...
    updated_at TEXT NOT NULL
) STRICT;
