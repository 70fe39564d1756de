"""The person behind a concern (or a linked raiser): their details and consents, corrected.

Reading them is a reveal (audited with its reason). A correction of the details, or a
consent corrected, removed or added, is written to identities.db and kept on the concern's
timeline with its reason (which fields, never the values), so every record the workspace
shows is correctable and every correction audited.
"""

from __future__ import annotations

from dataclasses import asdict, fields
from datetime import date

from app.core.identity import PersonDetails
from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from app.store.errors import CasebookError
from app.store.identities import Consent, IdentityService, RevealedIdentity


def _who(raiser: int) -> str:
    return "The person's details" if raiser == 0 else f"Raiser {raiser + 1}'s details"


def _reason(reason: str) -> str:
    if not reason.strip():
        raise CasebookError("Give the reason for the correction: it is kept with it.")
    return reason.strip()


def reveal(book: Casebook, concern_id: int, reason: str, *, raiser: int = 0) -> RevealedIdentity:
    """The person's details and consents, to correct them (a reveal, audited)."""
    return IdentityService(book).reveal(concern_id, reason, raiser=raiser)


def correct_details(book: Casebook, concern_id: int, details: PersonDetails, reason: str, *,
                    raiser: int = 0) -> list[str]:
    """Correct the person's details; returns the fields that changed."""
    why = _reason(reason)
    people = IdentityService(book)
    ref = people.person_ref_of_raiser(concern_id, raiser)
    before = people.person_details(ref) if ref else None
    if before is None:
        raise CasebookError("No identity is held for that person.")
    changed = [f.name for f in fields(PersonDetails)
               if str(getattr(before, f.name)).strip() != str(getattr(details, f.name)).strip()]
    if not changed:
        raise CasebookError("Nothing was changed.")
    people.update_person(concern_id, details, raiser=raiser)
    ConcernService(book).note_identity_edit(concern_id, _who(raiser), changed, why)
    return changed


def add_consent(book: Casebook, concern_id: int, consent: Consent, *, raiser: int = 0) -> None:
    if consent.given_on > date.today():
        raise CasebookError("The date the person agreed is in the future.")
    if not consent.how.strip():
        raise CasebookError("Say how the person agreed (in conversation, by email, ...).")
    IdentityService(book).add_consent(concern_id, consent, raiser=raiser)


def correct_consent(book: Casebook, concern_id: int, consent: Consent, reason: str, *,
                    raiser: int = 0) -> None:
    why = _reason(reason)
    IdentityService(book).correct_consent(concern_id, consent, raiser=raiser)
    ConcernService(book).note_identity_edit(
        concern_id, "A consent to share the identity" + ("" if raiser == 0 else
                                                         f" (raiser {raiser + 1})"),
        [k for k in asdict(consent) if k != "consent_id"], why)


def remove_consent(book: Casebook, concern_id: int, consent_id: int, reason: str, *,
                   raiser: int = 0) -> None:
    why = _reason(reason)
    IdentityService(book).remove_consent(concern_id, consent_id, raiser=raiser)
    ConcernService(book).note_identity_edit(
        concern_id, "A consent to share the identity" + ("" if raiser == 0 else
                                                         f" (raiser {raiser + 1})"),
        [], why, kind="removal")
