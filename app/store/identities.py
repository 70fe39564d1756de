"""Identity: who raised a concern, kept in identities.db under its own key.

Only this module reads or writes identities.db. Showing an identity is a reveal:
it needs a reason and is written to the audit log (in cases.db) before the
details are returned. Nothing here logs a name.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime

from app.core.identifying import HeldIdentity
from app.core.identity import PersonDetails
from app.core.rules import RuleError, RuleViolation
from app.store import audit, database, search_index
from app.store.casebook import Casebook
from app.store.errors import NotFound

_FIELDS = ("name", "other_names", "email", "phone", "address", "employer", "job_title",
           "support_person")


def new_person_ref() -> str:
    """A random pseudonymous id: the only link between a concern and an identity."""
    return "P-" + secrets.token_hex(12)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


CONSENT_NAMED = "named"  # the identity may be shared with the person or role named
CONSENT_SUCCESSOR = "successor"  # it may be passed to whoever takes over the concern
CONSENT_KINDS = (CONSENT_NAMED, CONSENT_SUCCESSOR)
SUCCESSOR = "whoever takes over the concern"  # what a successor consent says it is shared with


@dataclass(frozen=True)
class Consent:
    share_with: str
    given_on: date
    how: str
    notes: str = ""
    kind: str = CONSENT_NAMED
    consent_id: int = 0  # its row in identities.db (0: not stored yet)


@dataclass(frozen=True)
class RevealedIdentity:
    """What a reveal returns: the details, who may be told, and who has been told."""

    person: PersonDetails
    consents: tuple[Consent, ...]
    disclosures: tuple[tuple[str, str, str], ...]  # (disclosed_to, disclosed_on, reason)


class IdentityService:
    def __init__(self, book: Casebook) -> None:
        self.book = book

    # ----- writing -----------------------------------------------------------

    def add_person(self, details: PersonDetails, *, demo: bool = False) -> str:
        if not details.name.strip():
            raise RuleError([RuleViolation("name", "Enter the person's name.")])
        person_ref = new_person_ref()
        conn = self.book.identities()
        values = {k: str(v).strip() for k, v in asdict(details).items()}
        with database.write(conn):
            conn.execute(
                f"INSERT INTO persons (person_ref, {', '.join(_FIELDS)}, demo, created_at,"
                f" updated_at) VALUES (?, {', '.join('?' * len(_FIELDS))}, ?, ?, ?)",
                (person_ref, *(values[f] for f in _FIELDS), int(demo), _now(), _now()))
        self._mark_mentions(details)
        return person_ref

    def _mark_mentions(self, details: PersonDetails) -> None:
        """Search entries written before this person was held may hold their name: those
        concerns are written again, masked, before the next search."""
        search_index.mark_mentions(self.book.cases, search_index.words(
            details.name, details.other_names, details.support_person, details.phone))

    def delete_person(self, person_ref: str) -> None:
        conn = self.book.identities()
        with database.write(conn):
            conn.execute("DELETE FROM persons WHERE person_ref = ?", (person_ref,))

    def update_person(self, concern_id: int, details: PersonDetails, *, raiser: int = 0) -> None:
        """Correct the details of the person who raised the concern (`raiser` 0), or of a
        linked raiser (their number). The caller keeps the reason (a correction)."""
        if not details.name.strip():
            raise RuleError([RuleViolation("name", "Enter the person's name.")])
        person_ref = self._person_ref(concern_id, raiser)
        conn = self.book.identities()
        values = {k: str(v).strip() for k, v in asdict(details).items()}
        with database.write(conn):
            conn.execute(
                f"UPDATE persons SET {', '.join(f + ' = ?' for f in _FIELDS)}, updated_at = ?"
                " WHERE person_ref = ?",
                (*(values[f] for f in _FIELDS), _now(), person_ref))
        self._mark_mentions(details)
        self.book.record("identity.updated", "concern", concern_id, {"raiser": raiser})

    def add_consent(self, concern_id: int, consent: Consent, *, raiser: int = 0) -> None:
        """The person agreed their identity may be shared with someone (kind `named`), or
        passed to whoever takes over their concern (kind `successor`)."""
        if consent.kind not in CONSENT_KINDS:
            raise ValueError(f"not a kind of consent: {consent.kind}")
        share_with = SUCCESSOR if consent.kind == CONSENT_SUCCESSOR else consent.share_with
        if not share_with.strip():
            raise RuleError([RuleViolation("share_with", "Say with whom it may be shared.")])
        person_ref = self._person_ref(concern_id, raiser)
        conn = self.book.identities()
        with database.write(conn):
            conn.execute(
                "INSERT INTO consents (person_ref, share_with, given_on, how, notes, kind)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (person_ref, share_with.strip(), consent.given_on.isoformat(),
                 consent.how.strip(), consent.notes.strip(), consent.kind))
        self.book.record("identity.consent_added", "concern", concern_id,
                         {"kind": consent.kind})

    def correct_consent(self, concern_id: int, consent: Consent, *, raiser: int = 0) -> None:
        """Correct a consent recorded wrongly (who, when, how); the caller keeps the reason."""
        if consent.kind not in CONSENT_KINDS:
            raise ValueError(f"not a kind of consent: {consent.kind}")
        share_with = SUCCESSOR if consent.kind == CONSENT_SUCCESSOR else consent.share_with
        if not share_with.strip():
            raise RuleError([RuleViolation("share_with", "Say with whom it may be shared.")])
        person_ref = self._person_ref(concern_id, raiser)
        conn = self.book.identities()
        with database.write(conn):
            changed = conn.execute(
                "UPDATE consents SET share_with = ?, given_on = ?, how = ?, notes = ?, kind = ?"
                " WHERE id = ? AND person_ref = ?",
                (share_with.strip(), consent.given_on.isoformat(), consent.how.strip(),
                 consent.notes.strip(), consent.kind, consent.consent_id, person_ref)).rowcount
        if not changed:
            raise NotFound("That consent no longer exists.")

    def remove_consent(self, concern_id: int, consent_id: int, *, raiser: int = 0) -> None:
        """The consent should not have been recorded, or the person withdrew it."""
        person_ref = self._person_ref(concern_id, raiser)
        conn = self.book.identities()
        with database.write(conn):
            removed = conn.execute("DELETE FROM consents WHERE id = ? AND person_ref = ?",
                                   (consent_id, person_ref)).rowcount
        if not removed:
            raise NotFound("That consent no longer exists.")

    # ----- reading (a reveal) ------------------------------------------------------

    def reveal(self, concern_id: int, reason: str, *, raiser: int = 0) -> RevealedIdentity:
        """The person behind a concern (or a linked raiser, by number). Audited with its
        reason before anything is read."""
        if not reason.strip():
            raise RuleError([RuleViolation("reason", "Give a reason for showing the identity.")])
        person_ref = self._person_ref(concern_id, raiser)
        with database.write(self.book.cases):
            audit.append(self.book.cases, self.book.audit_key, "identity.revealed", "concern",
                         concern_id, {"reason": reason.strip(), **(
                             {"raiser": raiser} if raiser else {})})
        conn = self.book.identities()
        row = conn.execute(f"SELECT {', '.join(_FIELDS)} FROM persons WHERE person_ref = ?",
                           (person_ref,)).fetchone()
        if row is None:
            raise NotFound("The identity for this concern is no longer held.")
        consents = self.consents_of(person_ref)
        disclosures = tuple(
            (str(to), str(on), str(why)) for to, on, why in self.book.cases.execute(
                "SELECT disclosed_to, disclosed_on, reason FROM disclosures"
                " WHERE concern_id = ? ORDER BY disclosed_on, id", (concern_id,)))
        return RevealedIdentity(PersonDetails(**dict(zip(_FIELDS, row, strict=True))), consents,
                                disclosures)

    def consents_of(self, person_ref: str) -> tuple[Consent, ...]:
        """The person's consents to share their identity (who may be told; no identity)."""
        return tuple(
            Consent(share_with, date.fromisoformat(given_on), how, notes, kind, int(cid))
            for cid, share_with, given_on, how, notes, kind in self.book.identities().execute(
                "SELECT id, share_with, given_on, how, notes, kind FROM consents"
                " WHERE person_ref = ? ORDER BY given_on, id", (person_ref,)))

    def person_details(self, person_ref: str) -> PersonDetails | None:
        """The identity behind a reference, for a use case that records its own audit entry
        first (a handover records the disclosure; subject access reveals with a reason)."""
        row = self.book.identities().execute(
            f"SELECT {', '.join(_FIELDS)} FROM persons WHERE person_ref = ?",
            (person_ref,)).fetchone()
        return None if row is None else PersonDetails(**dict(zip(_FIELDS, row, strict=True)))

    def add_person_with_consents(self, details: PersonDetails,
                                 consents: tuple[Consent, ...]) -> str:
        """A person and their consents in one transaction (a concern arriving by handover);
        returns the new reference. The caller links it to a concern or deletes it."""
        person_ref = new_person_ref()
        conn = self.book.identities()
        values = {k: str(v).strip() for k, v in asdict(details).items()}
        with database.write(conn):
            conn.execute(
                f"INSERT INTO persons (person_ref, {', '.join(_FIELDS)}, created_at,"
                f" updated_at) VALUES (?, {', '.join('?' * len(_FIELDS))}, ?, ?)",
                (person_ref, *(values[f] for f in _FIELDS), _now(), _now()))
            conn.executemany(
                "INSERT INTO consents (person_ref, share_with, given_on, how, notes, kind)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [(person_ref, c.share_with, c.given_on.isoformat(), c.how, c.notes,
                  c.kind if c.kind in CONSENT_KINDS else CONSENT_NAMED) for c in consents])
        return person_ref

    def delete_people(self, person_refs: list[str]) -> int:
        """Remove identities and their consents for good (secure_delete is on, and the
        write-ahead log is folded in and emptied afterwards); returns how many went."""
        if not person_refs:
            return 0
        conn = self.book.identities()
        refs = json.dumps(sorted(set(person_refs)))
        with database.write(conn):
            conn.execute("DELETE FROM consents WHERE person_ref IN"
                         " (SELECT value FROM json_each(?))", (refs,))
            conn.execute("DELETE FROM letter_copies WHERE person_ref IN"
                         " (SELECT value FROM json_each(?))", (refs,))
            removed = conn.execute("DELETE FROM persons WHERE person_ref IN"
                                   " (SELECT value FROM json_each(?))", (refs,)).rowcount
        database.checkpoint(conn)
        return int(removed)

    def identifying_strings(self) -> list[str]:
        """Every name, email and phone held: for scanning outgoing text. Returns none of them
        to any caller that prints; the scanners only test for their presence."""
        conn = self.book.identities()
        found: list[str] = []
        for name, other, email, phone in conn.execute(
                "SELECT name, other_names, email, phone FROM persons"):
            found.extend(s for s in (name, email, phone) if s)
            found.extend(part.strip() for part in other.split(";") if part.strip())
        return found

    def held_identities(self) -> list[HeldIdentity]:
        """Every person held, as the identifying-text scanner needs them: for scanning
        text only. Like identifying_strings, nothing here is shown, so it is no reveal.
        Other names, emails and phone numbers may each hold several, separated by ';'."""
        return list(self.each_held_identity())

    def each_held_identity(self) -> Iterator[HeldIdentity]:
        """`held_identities` one at a time (a scanner is built without holding them all:
        85,000 at 100,000 concerns, each an object the garbage collector would track), in
        the order they were added: read in the table's own order (by person_ref, a random
        reference, it walked the index and looked up each row: 0.50 s against 0.13 s at
        85,000 people)."""
        conn = self.book.identities()
        for ref, name, other, email, phone, employer, job_title, support in conn.execute(
                "SELECT person_ref, name, other_names, email, phone, employer, job_title,"
                " support_person FROM persons ORDER BY rowid"):
            yield HeldIdentity(person_ref=str(ref), name=str(name), other_names=_several(other),
                               emails=_several(email), phones=_several(phone),
                               employer=str(employer), job_title=str(job_title),
                               support_person=str(support))

    def person_ref_of(self, concern_id: int) -> str | None:
        """The pseudonymous reference linking a concern to its identity (None if it has none:
        anonymous and unnamed concerns). For telling the scanner whose concern text is."""
        row = self.book.cases.execute(
            "SELECT person_ref FROM concerns WHERE id = ?", (concern_id,)).fetchone()
        if row is None:
            raise NotFound("That concern no longer exists.")
        return None if row[0] is None else str(row[0])

    # ----- letters as sent ---------------------------------------------------------------

    def keep_letter(self, concern_id: int, digest: str, pdf: bytes, *, raiser: int = 0) -> None:
        """The PDF of a letter sent, kept encrypted with the identity it names."""
        person_ref = self._person_ref(concern_id, raiser)
        conn = self.book.identities()
        with database.write(conn):
            conn.execute("INSERT OR IGNORE INTO letter_copies (digest, person_ref, pdf, made_at)"
                         " VALUES (?, ?, ?, ?)", (digest, person_ref, pdf, _now()))

    def letter_copy(self, digest: str) -> bytes | None:
        """A letter exactly as it was sent (None: gone with the identity)."""
        row = self.book.identities().execute(
            "SELECT pdf FROM letter_copies WHERE digest = ?", (digest,)).fetchone()
        return None if row is None else bytes(row[0])

    def letters_held(self, person_refs: list[str]) -> list[tuple[str, str, bytes]]:
        """(person_ref, digest, pdf) of the letters kept for these people (for a handover)."""
        refs = json.dumps(sorted(set(person_refs)))
        return [(str(ref), str(digest), bytes(pdf)) for ref, digest, pdf in
                self.book.identities().execute(
                    "SELECT person_ref, digest, pdf FROM letter_copies WHERE person_ref IN"
                    " (SELECT value FROM json_each(?)) ORDER BY made_at", (refs,))]

    def keep_letters(self, person_ref: str, letters: list[tuple[str, bytes]]) -> None:
        """Letters arriving with an identity (a handover): (digest, pdf) each."""
        conn = self.book.identities()
        with database.write(conn):
            conn.executemany(
                "INSERT OR IGNORE INTO letter_copies (digest, person_ref, pdf, made_at)"
                " VALUES (?, ?, ?, ?)", [(d, person_ref, p, _now()) for d, p in letters])

    def person_ref_of_raiser(self, concern_id: int, raiser: int) -> str | None:
        """The reference of a concern's raiser (0: its own person; n: linked raiser n)."""
        if raiser == 0:
            return self.person_ref_of(concern_id)
        row = self.book.cases.execute(
            "SELECT person_ref FROM linked_raisers WHERE concern_id = ? AND number = ?",
            (concern_id, raiser)).fetchone()
        if row is None:
            raise NotFound("That raiser is no longer linked to this concern.")
        return None if row[0] is None else str(row[0])

    def _person_ref(self, concern_id: int, raiser: int = 0) -> str:
        if raiser:
            ref = self.person_ref_of_raiser(concern_id, raiser)
            if ref is None:
                raise NotFound("No identity is recorded for that raiser.")
            return ref
        row = self.book.cases.execute(
            "SELECT person_ref, anonymity FROM concerns WHERE id = ?", (concern_id,)).fetchone()
        if row is None:
            raise NotFound("That concern no longer exists.")
        if row[0] is None:
            raise NotFound("No identity is recorded for this concern (it is "
                           f"{row[1]}).")
        return str(row[0])


def _several(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in str(text).split(";") if part.strip())
