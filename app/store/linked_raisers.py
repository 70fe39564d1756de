"""Several people raising the same concern: linked to one concern, one person record each.

The concern's own raiser is the first (number 0: the concern row's class, category,
consent and identity). Each other person is linked here with their own number, class
(named, unnamed, anonymous), category of person, the date they raised it, the date they
agreed to use the procedure, and, when named, their identity in identities.db (with their
own consents, and their own letters). The figures count the concern once
(app/core/raisers.py). Removing a linked raiser deletes their identity and letters.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.core.identity import PersonDetails
from app.core.records import Anonymity, ConsentMethod, RaiserCategory
from app.core.rules import RuleError, RuleViolation
from app.store import database
from app.store.concern_core import ConcernCore, _iso, _now
from app.store.destruction import note_removal
from app.store.errors import NotFound
from app.store.identities import IdentityService


@dataclass(frozen=True)
class LinkedRaiser:
    """One linked raiser as the workspace shows them (no identity: whether one is held)."""

    number: int
    anonymity: str
    raiser_category: str
    raised_on: date
    consent_on: date | None
    consent_method: str | None
    has_person: bool


def linked_raisers(conn: database.Connection, concern_id: int) -> tuple[LinkedRaiser, ...]:
    return tuple(
        LinkedRaiser(int(number), str(anonymity), str(category), date.fromisoformat(raised),
                     date.fromisoformat(consent) if consent else None, method,
                     ref is not None)
        for number, anonymity, category, raised, consent, method, ref in conn.execute(
            "SELECT number, anonymity, raiser_category, raised_on, consent_on, consent_method,"
            " person_ref FROM linked_raisers WHERE concern_id = ? ORDER BY number",
            (concern_id,)))


class LinkedRaisers(ConcernCore):
    def link_raiser(self, concern_id: int, *, anonymity: Anonymity, category: RaiserCategory,
                    raised_on: date, person: PersonDetails | None = None,
                    consent_on: date | None = None,
                    consent_method: ConsentMethod | None = None) -> int:
        """Another person raised the same concern; returns their number within it."""
        problems = _raiser_problems(anonymity, person, consent_on, consent_method)
        if problems:
            raise RuleError(problems)
        identities = IdentityService(self.book)
        person_ref = identities.add_person(person) if person is not None else None
        try:
            with database.write(self.conn):
                self._raiser_dates(concern_id, raised_on, consent_on)
                number = int(self.conn.execute(
                    "SELECT coalesce(max(number), 0) + 1 FROM linked_raisers"
                    " WHERE concern_id = ?", (concern_id,)).fetchone()[0])
                self.conn.execute(
                    "INSERT INTO linked_raisers (concern_id, number, person_ref, anonymity,"
                    " raiser_category, raised_on, consent_on, consent_method, created_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (concern_id, number, person_ref, anonymity.value, category.value,
                     raised_on.isoformat(), _iso(consent_on),
                     consent_method.value if consent_method else None, _now()))
                self._touch(concern_id)
                self._check_and_seal(concern_id, "raiser.linked",
                                     {"raiser": number, "anonymity": anonymity.value})
                return number
        except BaseException:
            if person_ref is not None:
                identities.delete_person(person_ref)
            raise

    def correct_raiser(self, concern_id: int, number: int, reason: str, *,
                       category: RaiserCategory | None = None, raised_on: date | None = None,
                       consent_on: date | None = None,
                       consent_method: ConsentMethod | None = None) -> None:
        """Correct a linked raiser's details (their identity is corrected apart)."""
        with database.write(self.conn):
            row = self._raiser(concern_id, number)
            anonymity = Anonymity(row[0])
            changes: dict[str, object] = {}
            if category is not None:
                changes["raiser_category"] = category.value
            if raised_on is not None:
                changes["raised_on"] = raised_on.isoformat()
            if consent_on is not None or consent_method is not None:
                problems = _raiser_problems(anonymity, PersonDetails("x") if anonymity is
                                            Anonymity.NAMED else None, consent_on,
                                            consent_method)
                if problems:
                    raise RuleError(problems)
                changes["consent_on"] = _iso(consent_on)
                changes["consent_method"] = consent_method.value if consent_method else None
            if not changes:
                raise RuleError([RuleViolation("", "Nothing was changed.")])
            self._raiser_dates(concern_id, raised_on or date.fromisoformat(row[1]), consent_on)
            sets = ", ".join(f"{name} = ?" for name in changes)
            self.conn.execute(f"UPDATE linked_raisers SET {sets} WHERE concern_id = ?"
                              " AND number = ?", (*changes.values(), concern_id, number))
            self._record_edit(concern_id, "linked_raisers", f"Raiser {number + 1}",
                              "correction", sorted(changes), reason)
            self._touch(concern_id)
            self._check_and_seal(concern_id, "record.corrected",
                                 {"record": "linked_raisers", "raiser": number,
                                  "fields": sorted(changes)})

    def unlink_raiser(self, concern_id: int, number: int, reason: str) -> None:
        """A person linked by mistake: unlinked, and their identity and letters deleted."""
        with database.write(self.conn):
            self._raiser(concern_id, number)
            person_ref = self.conn.execute(
                "SELECT person_ref FROM linked_raisers WHERE concern_id = ? AND number = ?",
                (concern_id, number)).fetchone()[0]
            self.conn.execute("DELETE FROM linked_raisers WHERE concern_id = ? AND number = ?",
                              (concern_id, number))
            if person_ref is not None:
                note_removal(self.conn)
            self._record_edit(concern_id, "linked_raisers", f"Raiser {number + 1}", "removal",
                              [], reason)
            self._touch(concern_id)
            self._check_and_seal(concern_id, "record.removed",
                                 {"record": "linked_raisers", "raiser": number})
        if person_ref is not None:
            IdentityService(self.book).delete_people([str(person_ref)])

    def _raiser(self, concern_id: int, number: int) -> tuple[str, str]:
        row = self.conn.execute("SELECT anonymity, raised_on FROM linked_raisers"
                                " WHERE concern_id = ? AND number = ?",
                                (concern_id, number)).fetchone()
        if row is None:
            raise NotFound("That raiser is no longer linked to this concern.")
        return str(row[0]), str(row[1])

    def _raiser_dates(self, concern_id: int, raised_on: date, consent_on: date | None) -> None:
        self._require(concern_id)
        self._not_before_received(concern_id, raised_on, "The date they raised it")
        self._not_before_received(concern_id, consent_on, "The date they agreed")
        if consent_on is not None and consent_on < raised_on:
            raise RuleError([RuleViolation("consent_on", "They cannot agree to use the "
                                           "procedure before they raised the concern.")])


def _raiser_problems(anonymity: Anonymity, person: PersonDetails | None,
                     consent_on: date | None, consent_method: ConsentMethod | None
                     ) -> list[RuleViolation]:
    problems: list[RuleViolation] = []
    if anonymity is Anonymity.NAMED:
        if person is None or not person.name.strip():
            problems.append(RuleViolation("person", "A named raiser needs their name (kept "
                                          "apart, in identities)."))
        if (consent_on is None) != (consent_method is None):
            problems.append(RuleViolation("consent_method", "Give both the date they agreed to "
                                          "use the procedure and how, or neither."))
    else:
        if person is not None:
            problems.append(RuleViolation("person", "An unnamed or anonymous raiser's identity "
                                          "is not recorded."))
        if consent_on is not None:
            problems.append(RuleViolation("consent_on", "Only a named raiser agrees to use the "
                                          "procedure: an unnamed or anonymous one is outside "
                                          "the Standards."))
    return problems
