-- cases.db, version 9: the casework the Standards ask for (issue 16). Each issue's service,
-- the records a contact keeps after closure, concerns raised by several people, the people
-- involved in the events (so the stage 2 handler is independent of them), letters sent as
-- records, and every correction or change of a record with its reason. No names of people
-- who raised concerns: linked raisers are `person_ref` only, like the concern's own person.

-- Each issue's service (NULL: the concern's own service type). Signposting in a letter is
-- worked out per issue: the INWO for NHS issues, another body for local-authority ones.
ALTER TABLE concern_issues ADD COLUMN service_type TEXT
    CHECK (service_type IN ('nhs', 'local_authority'));

-- About a contracted or primary-care service (a GP practice, a dentist, a contractor):
-- counted in reports and returns.
ALTER TABLE concerns ADD COLUMN contracted INTEGER NOT NULL DEFAULT 0;
-- Not taken forward: whether both sides agreed that a written response is needed
-- ('needed'), or that none is ('not_needed'); NULL while not recorded.
ALTER TABLE concerns ADD COLUMN written_response TEXT
    CHECK (written_response IN ('needed', 'not_needed'));
-- After closure: how often the person and the contact agreed updates are given.
ALTER TABLE concerns ADD COLUMN update_frequency TEXT NOT NULL DEFAULT '';
-- A change (not a correction) of named / unnamed / anonymous: the class the concern had when
-- it was received (NULL: the class it has now), and the date an anonymous or unnamed concern
-- came within the Standards because the person came forward and agreed (NULL: never).
ALTER TABLE concerns ADD COLUMN received_as TEXT
    CHECK (received_as IN ('named', 'unnamed', 'anonymous'));
ALTER TABLE concerns ADD COLUMN named_on TEXT;

-- Independence at stage 2: what the handler was found to have been involved in (NULL: no
-- clash) and why they handle it all the same (the recorded justification).
ALTER TABLE stages ADD COLUMN handler_clash TEXT;
ALTER TABLE stages ADD COLUMN handler_justification TEXT;

-- People involved in the events the concern is about, or in a decision on it (staff, by
-- name and role): none of them may handle stage 2 without a recorded justification.
CREATE TABLE involved_people (
    id         INTEGER PRIMARY KEY,
    concern_id INTEGER NOT NULL REFERENCES concerns (id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    role       TEXT NOT NULL DEFAULT '',
    how        TEXT NOT NULL DEFAULT '',
    added_on   TEXT NOT NULL
) STRICT;
CREATE INDEX involved_people_concern ON involved_people (concern_id);

-- After closure: each update given to the person, and what they were told about the actions.
CREATE TABLE after_closure_updates (
    id         INTEGER PRIMARY KEY,
    concern_id INTEGER NOT NULL REFERENCES concerns (id) ON DELETE CASCADE,
    given_on   TEXT NOT NULL,
    told       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX after_closure_updates_concern ON after_closure_updates (concern_id);

-- Several people raising the same concern: the concern's own row is the first; each other
-- person is linked here with their own class, category, date, consent and identity (in
-- identities.db, by `person_ref`). `number` is theirs within the concern (the first is 0).
CREATE TABLE linked_raisers (
    id              INTEGER PRIMARY KEY,
    concern_id      INTEGER NOT NULL REFERENCES concerns (id) ON DELETE CASCADE,
    number          INTEGER NOT NULL CHECK (number >= 1),
    person_ref      TEXT,
    anonymity       TEXT NOT NULL CHECK (anonymity IN ('named', 'unnamed', 'anonymous')),
    raiser_category TEXT NOT NULL,
    raised_on       TEXT NOT NULL,
    consent_on      TEXT,
    consent_method  TEXT,
    created_at      TEXT NOT NULL,
    UNIQUE (concern_id, number)
) STRICT;
CREATE INDEX linked_raisers_person ON linked_raisers (person_ref) WHERE person_ref IS NOT NULL;

-- Letters made: what, to whom (the raiser's number: 0 the concern's own person), the date on
-- the letter and the event it is about, the values it used (no identity), its text as
-- written for the person (their name left as a placeholder), and a SHA-256 digest of the
-- PDF. The PDF itself names the person, so its encrypted copy is kept with the identity, in
-- identities.db (letter_copies), and goes with it. A re-issue is a new letter.
CREATE TABLE letters (
    id          INTEGER PRIMARY KEY,
    concern_id  INTEGER NOT NULL REFERENCES concerns (id) ON DELETE CASCADE,
    raiser      INTEGER NOT NULL DEFAULT 0,
    kind        TEXT NOT NULL,
    letter_date TEXT NOT NULL,
    about_on    TEXT,
    facts       TEXT NOT NULL DEFAULT '{}',
    body        TEXT NOT NULL DEFAULT '',
    digest      TEXT NOT NULL,
    protected   INTEGER NOT NULL DEFAULT 1,
    reissue_of  TEXT,
    made_at     TEXT NOT NULL
) STRICT;
CREATE INDEX letters_concern ON letters (concern_id, made_at);

-- Every record corrected, changed or removed, for the timeline: which record (in words, as
-- it was), what kind of edit, which fields, why and when. A correction says the record was
-- wrong (the figures follow the corrected facts); a change is something that happened later
-- (the figures already made for the past stay).
CREATE TABLE record_edits (
    id         INTEGER PRIMARY KEY,
    concern_id INTEGER NOT NULL REFERENCES concerns (id) ON DELETE CASCADE,
    record     TEXT NOT NULL,
    label      TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('correction', 'change', 'removal')),
    fields     TEXT NOT NULL DEFAULT '[]',
    reason     TEXT NOT NULL,
    on_date    TEXT NOT NULL,
    at         TEXT NOT NULL
) STRICT;
CREATE INDEX record_edits_concern ON record_edits (concern_id, at);
