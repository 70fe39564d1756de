"""Letters to the people who raised a concern: drafted, checked, made, saved, recorded.

    choices(book, concern_id)                  # who a letter can go to, which kinds, fields
    draft(book, concern_id, kind, fields)      # the whole text to edit (nothing revealed)
    scan_text(book, concern_id, raiser, text)  # other people's names etc. in the text
    make(book, concern_id, kind, text, reason, out, password=...)  # the letter, recorded
    reissue(book, letter_id, reason, out, ...)  # made again: a new letter and record
    reprint(book, letter_id, reason, out, ...)  # exactly as sent, from the kept copy

Making a letter is a reveal (audited with the reason). The letter is recorded (kind, raiser,
dates, the values it used, its text, a digest of the PDF) and its PDF kept, encrypted, with
the person's identity in identities.db, so it is destroyed with the identity. The file saved
outside the casebook is protected with a password unless the contact chose, when asked, to
save it without one, and the record and the audit log say which. Its text is the contact's,
checked here again whatever path it came by: it may not call the person "C", and it may not
name anyone else held in the casebook unless the contact kept it as written (audited).

The letters' named contact, signatories and signposting bodies are settings
(app/store/letter_settings.py), set here for the window and the command line alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from app.core.identifying import masked
from app.core.letters import LETTER_FIELDS, LetterField
from app.core.records import ServiceType, SignpostBody
from app.documents.errors import DocumentError
from app.documents.letters import (
    LETTER_KINDS,
    LOCAL_BODIES,
    LetterDraft,
    available_letters,
    draft_letter,
    letter_pdf_for,
    recipients,
    text_problems,
)
from app.documents.protect import save_pdf
from app.services import identity_scan
from app.services.documents import require_protection
from app.services.identity_scan import Cancelled, FieldScan
from app.store import letter_settings
from app.store.casebook import Casebook
from app.store.concern_detail import load_concern
from app.store.errors import CasebookError
from app.store.identities import IdentityService
from app.store.letter_records import LetterRecord, digest_of, letter, letters_of, record_letter
from app.store.letter_settings import Body, LetterSettings, NamedContact, Signatory
from app.store.linked_raisers import linked_raisers

__all__ = ["LETTER_KINDS", "LetterChoices", "MadeLetter", "choices", "draft", "make",
           "records", "reissue", "reprint", "scan_text"]


# ----- what can be written ----------------------------------------------------------------


@dataclass(frozen=True)
class LetterChoices:
    concern_id: int
    reference: str
    anonymity: str
    recipients: tuple[tuple[int, str], ...]  # (raiser number, label)
    available: tuple[str, ...]  # kinds
    extensions: tuple[tuple[int, str], ...]  # (extension id, label) for an extension notice
    fields: dict[str, tuple[LetterField, ...]]
    local_services: bool  # some issue is about local-authority services: choose a body
    contact_set: bool  # the named contact is recorded (letters need one)
    note: str = ""  # why a kind is not offered, where that helps


def choices(book: Casebook, concern_id: int) -> LetterChoices:
    detail = load_concern(book.cases, concern_id)
    linked = linked_raisers(book.cases, concern_id)
    people = recipients(detail, linked)
    available = tuple(available_letters(detail, linked))
    def day(d: date | None) -> str:
        return d.strftime("%d/%m/%Y") if d else "(not recorded)"

    extensions = tuple((e.extension_id, f"Stage {e.stage[-1]}, authorised "
                        f"{day(e.authorised_on)}, new date {day(e.new_due_on)}")
                       for e in detail.extensions)
    local = (detail.service_type != ServiceType.NHS.value
             or any(i.service_type == ServiceType.LOCAL_AUTHORITY.value for i in detail.issues))
    note = ""
    if detail.written_response == "not_needed":
        note = ("Both sides agreed that no written response is needed on not taking the "
                "concern forward, so that letter is not offered.")
    return LetterChoices(concern_id, detail.reference, detail.anonymity,
                         tuple((r.raiser, r.label) for r in people), available, extensions,
                         dict(LETTER_FIELDS), local,
                         letter_settings.load(book).contact.complete, note)


def draft(book: Casebook, concern_id: int, kind: str, fields: Mapping[str, str] | None = None,
          *, raiser: int = 0, extension_id: int | None = None,
          local_body: SignpostBody = SignpostBody.CARE_INSPECTORATE, other_body: str = "",
          today: date | None = None) -> LetterDraft:
    """The letter's whole text, from its template, the facts and its own fields."""
    try:
        return draft_letter(book, concern_id, kind, fields, raiser=raiser,
                            extension_id=extension_id, local_body=local_body,
                            other_body=other_body, today=today)
    except DocumentError as exc:
        raise CasebookError(str(exc)) from exc


# ----- checking the text ----------------------------------------------------------------------

_OWN_KINDS = frozenset({"own_name", "own_email", "own_phone", "own_job_title", "own_employer"})


def _plain(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.casefold())


def scan_text(book: Casebook, concern_id: int, raiser: int, text: str,
              allowed: Iterable[str] = (), cancelled: Cancelled | None = None) -> FieldScan:
    """What in a letter's text could identify someone other than the person it is to: a
    name held for anyone else, their contact details, numbers and dates that identify. The
    person's own details are theirs to read; the named contact's and the signposting bodies'
    details (`allowed`), which the letter quotes, are not findings."""
    own = IdentityService(book).person_ref_of_raiser(concern_id, raiser)
    scan = identity_scan.scan_text(book, text, own=own, cancelled=cancelled, field="letter")
    quoted = {_plain(a) for a in allowed if _plain(a)}
    kept = tuple(f for f in scan.findings if f.kind not in _OWN_KINDS
                 and _plain(text[f.start:f.end]) not in quoted)
    return replace(scan, findings=kept, replaced=masked(text, kept, "you"))


def _scan_sentence(scan: FieldScan) -> str:
    kinds = [identity_scan.what(k) for k in scan.kinds]
    listed = kinds[0] if len(kinds) == 1 else ", ".join(kinds[:-1]) + " and " + kinds[-1]
    return (f"The letter mentions {listed}. Take it out (a letter names nobody but the person "
            "it is to), or keep it as written.")


# ----- making, re-issuing, re-printing ------------------------------------------------------


@dataclass(frozen=True)
class MadeLetter:
    path: Path
    letter_id: int
    digest: str
    letter_date: date
    protected: bool


def _reason(reason: str) -> str:
    if not reason.strip():
        raise CasebookError("A letter shows the person's identity, so give the reason (it is "
                            "recorded in the audit log).")
    return reason.strip()


def make(book: Casebook, concern_id: int, kind: str, text: str, reason: str, out: Path, *,
         raiser: int = 0, extension_id: int | None = None,
         local_body: SignpostBody = SignpostBody.CARE_INSPECTORATE, other_body: str = "",
         letter_date: date | None = None, password: str | None = None,
         unprotected: bool = False, keep_found: bool = False, today: date | None = None,
         reissue_of: str | None = None) -> MadeLetter:
    """Make the letter from the contact's `text`, save it to `out` and record it."""
    if kind not in LETTER_KINDS:
        raise CasebookError(f"There is no letter called {kind}; choose one of "
                            f"{', '.join(LETTER_KINDS)}.")
    why = _reason(reason)
    require_protection(password, unprotected)
    facts = draft(book, concern_id, kind, raiser=raiser, extension_id=extension_id,
                  local_body=local_body, other_body=other_body, today=today)
    problems = text_problems(text)
    if problems:
        raise CasebookError(problems[0])
    scan = scan_text(book, concern_id, raiser, text, facts.extra_allowed)
    if scan.found:
        if not keep_found:
            raise CasebookError(_scan_sentence(scan))
        identity_scan.record_kept(book, concern_id, "letter", scan.kinds)
    when = letter_date or facts.dates.default_letter_date(today or date.today())
    try:
        pdf = letter_pdf_for(book, concern_id, kind, text, why, raiser=raiser, letter_date=when)
    except DocumentError as exc:
        raise CasebookError(str(exc)) from exc
    path = save_pdf(out, pdf, password)
    digest = digest_of(pdf)
    used = {**facts.facts, "letter_date": when.isoformat(), "local_body": facts.local_body}
    if other_body.strip():
        used["other_body"] = " ".join(other_body.split())
    IdentityService(book).keep_letter(concern_id, digest, pdf, raiser=raiser)
    letter_id = record_letter(book, concern_id, raiser=raiser, kind=kind, letter_date=when,
                              about_on=facts.dates.about_on, facts=used, body=text,
                              digest=digest, protected=password is not None,
                              reissue_of=reissue_of)
    return MadeLetter(path, letter_id, digest, when, password is not None)


def records(book: Casebook, concern_id: int) -> list[LetterRecord]:
    return letters_of(book, concern_id)


def reissue(book: Casebook, letter_id: int, reason: str, out: Path, *,
            text: str | None = None, letter_date: date | None = None,
            password: str | None = None, unprotected: bool = False,
            keep_found: bool = False) -> MadeLetter:
    """Make a letter again (to a new address, say): a new letter and a new record, from the
    same text unless `text` is given, dated as the original unless `letter_date` is."""
    original = letter(book, letter_id)
    local = original.facts.get("local_body") or SignpostBody.CARE_INSPECTORATE.value
    extension = original.facts.get("extension")
    return make(book, original.concern_id, original.kind, text or original.body, reason, out,
                raiser=original.raiser,
                extension_id=extension if isinstance(extension, int) else None,
                local_body=SignpostBody(local) if local in {b.value for b in LOCAL_BODIES}
                else SignpostBody.CARE_INSPECTORATE,
                other_body=str(original.facts.get("other_body", "")),
                letter_date=letter_date or original.letter_date, password=password,
                unprotected=unprotected, keep_found=keep_found, reissue_of=original.digest)


def reprint(book: Casebook, letter_id: int, reason: str, out: Path, *,
            password: str | None = None, unprotected: bool = False) -> Path:
    """The letter exactly as it was sent, from the copy kept with the identity. A reveal."""
    why = _reason(reason)
    require_protection(password, unprotected)
    record = letter(book, letter_id)
    identities = IdentityService(book)
    identities.reveal(record.concern_id, why, raiser=record.raiser)
    pdf = identities.letter_copy(record.digest)
    if pdf is None or digest_of(pdf) != record.digest:
        raise CasebookError("The copy of that letter is no longer held (it goes with the "
                            "person's identity); re-issue it instead.")
    path = save_pdf(out, pdf, password)
    book.record("export.letter_reprint", "concern", record.concern_id,
                {"letter": record.letter_id, "protected": password is not None})
    return path


# ----- the letters' settings -----------------------------------------------------------------


def settings(book: Casebook) -> LetterSettings:
    return letter_settings.load(book)


def _held_name(book: Casebook, name: str) -> bool:
    found = identity_scan.scanner(book).scan(name.strip())
    return any(f.kind in ("other_name", "held_email", "held_phone") for f in found)


def set_contact(book: Casebook, contact: NamedContact) -> LetterSettings:
    """The named contact letters give for questions: staff, with work contact details."""
    clean = NamedContact(*(" ".join(v.split()) for v in (
        contact.name, contact.role, contact.phone, contact.email, contact.address)))
    if not clean.complete:
        raise CasebookError("The named contact needs a name, a role, and a work phone number "
                            "or email address.")
    for value in (clean.name, clean.phone, clean.email):
        if value and _held_name(book, value):
            raise CasebookError("That is a detail of someone held in the identity store (a "
                                "person who raised a concern); the named contact is a member "
                                "of staff.")
    if any(len(v) > 300 for v in (clean.name, clean.role, clean.phone, clean.email,
                                  clean.address)):
        raise CasebookError("Each of the contact's details is at most 300 characters.")
    letter_settings.save_contact(book, clean)
    return settings(book)


def set_signatory(book: Casebook, kind: str, name: str, role: str = "") -> LetterSettings:
    """Who signs a kind of letter (an empty name: the named contact)."""
    if kind not in LETTER_KINDS:
        raise CasebookError(f"There is no letter called {kind}; choose one of "
                            f"{', '.join(LETTER_KINDS)}.")
    current = dict(settings(book).signatories)
    if name.strip():
        if _held_name(book, name):
            raise CasebookError("That is the name of someone held in the identity store; the "
                                "person signing a letter is a member of staff.")
        current[kind] = Signatory(" ".join(name.split()), " ".join(role.split()))
    else:
        current.pop(kind, None)
    letter_settings.save_signatories(book, current)
    return settings(book)


def set_body(book: Casebook, code: str, body: Body) -> LetterSettings:
    """A signposting body's name and contact details, as the organisation has them."""
    if code not in letter_settings.DEFAULT_BODIES:
        raise CasebookError("The bodies are inwo, care_inspectorate, audit_scotland and other.")
    if code != "other" and not body.name.strip():
        raise CasebookError("Give the body's name.")
    bodies = dict(settings(book).bodies)
    bodies[code] = Body(*(" ".join(v.split())[:300] for v in (
        body.name, body.website, body.phone, body.about)))
    letter_settings.save_bodies(book, bodies)
    return settings(book)


def reset_body(book: Casebook, code: str) -> LetterSettings:
    bodies = dict(settings(book).bodies)
    bodies[code] = letter_settings.DEFAULT_BODIES[code]
    letter_settings.save_bodies(book, bodies)
    return settings(book)
