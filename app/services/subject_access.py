"""Subject access requests: a PDF of what the casebook holds about a person, to review.

`for_raiser`: the person who raised the concern with this reference asks. It shows their
identity, so it is a reveal: audited with its reason before anything is read, then the
export is audited too. `for_named`: someone named in concerns who did not raise them
asks; the raisers' identities are withheld (app/documents/subject_access.py says how), the
held identities are only looked for, never shown, so it is no reveal: the export is
audited with its reason. Neither audit entry carries a name. Both PDFs identify people:
they are saved readable by their owner only, optionally with a password.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.core.identifying import HeldIdentity, Scanner
from app.documents.protect import save_pdf
from app.documents.subject_access import (
    OTHERS,
    NamedConcern,
    Passage,
    RaiserConcern,
    mask_kinds,
    named_pdf,
    outcomes,
    passages,
    raiser_pdf,
    subject_scanner,
)
from app.store.casebook import Casebook
from app.store.concern_detail import load_concern
from app.store.concerns import ConcernService
from app.store.errors import CasebookError
from app.store.identities import IdentityService

# What masking puts for the raiser in the named form: they are C, as in the records.
WITHHELD_KINDS = frozenset({"own_name", "own_email", "own_phone", "own_job_title",
                            "own_employer", "other_name", "unnamed_name", "held_email",
                            "held_phone", "email", "phone", "chi", "chi_like", "dob"})


@dataclass(frozen=True)
class SubjectAccessResult:
    path: Path
    references: tuple[str, ...]  # the concerns it covers


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _same_person(a: HeldIdentity, b: HeldIdentity) -> bool:
    """Another identity held for the same person: the same name and the same email or phone
    (a name alone is not enough: two people may share one)."""
    if _fold(a.name) != _fold(b.name):
        return False
    emails = {_fold(e) for e in a.emails} & {_fold(e) for e in b.emails}
    phones = {"".join(ch for ch in p if ch.isdigit()) for p in a.phones} & {
        "".join(ch for ch in p if ch.isdigit()) for p in b.phones}
    return bool(emails or (phones - {""}))


def _clean_reason(reason: str) -> str:
    if not reason.strip():
        raise CasebookError("Give the reason for the subject access request (it is recorded "
                            "in the audit log).")
    return reason.strip()


def for_raiser(book: Casebook, reference: str, out: Path, reason: str, *,
               password: str | None = None, today: date | None = None) -> SubjectAccessResult:
    service = ConcernService(book)
    concern_id = service.id_for_reference(reference)
    identities = IdentityService(book)
    if identities.person_ref_of(concern_id) is None:
        raise CasebookError(f"{reference.strip()} holds no identity (anonymous, unnamed, "
                            "handed over or destroyed): there is no one it can be about. For "
                            "a person named in it, use --named.")
    revealed = identities.reveal(concern_id, _clean_reason(reason))
    held = identities.held_identities()
    own_ref = identities.person_ref_of(concern_id)
    subject = next(p for p in held if p.person_ref == own_ref)
    theirs = [p.person_ref for p in held if p.person_ref == own_ref or _same_person(subject, p)]
    scanner = Scanner.build(held)
    concerns: list[RaiserConcern] = []
    # Every concern they raised: as its first raiser, or linked to it as one of several
    # people raising the same concern (app/store/linked_raisers.py).
    found: list[tuple[str, int]] = []
    for ref in theirs:
        found.extend((ref, int(cid)) for (cid,) in book.cases.execute(
            "SELECT id FROM concerns WHERE person_ref = ?"
            " UNION SELECT concern_id FROM linked_raisers WHERE person_ref = ?", (ref, ref)))
    for ref, cid in dict.fromkeys(found):

        def mask(text: str, person: str = ref) -> str:
            return mask_kinds(scanner, text, person, OTHERS)

        letters = tuple(
            (str(at), str(json.loads(detail).get("kind", "letter")))
            for at, detail in book.cases.execute(
                "SELECT at, detail FROM audit WHERE event = 'export.letter' AND entity_id = ?"
                " ORDER BY seq", (str(cid),)))
        concerns.append(RaiserConcern(load_concern(book.cases, cid), mask, letters))
    concerns.sort(key=lambda c: c.detail.reference)
    pdf = raiser_pdf(book.setting("organisation", "") or "",
                     book.setting("reporting_unit", "") or "", revealed, concerns,
                     today or date.today())
    save_pdf(out, pdf, password)
    references = tuple(c.detail.reference for c in concerns)
    book.record("export.subject_access", "concern", concern_id,
                {"form": "raiser", "reason": reason.strip(), "references": list(references),
                 "protected": password is not None})
    return SubjectAccessResult(out, references)


def for_named(book: Casebook, name: str, references: list[str], out: Path, reason: str, *,
              password: str | None = None, today: date | None = None) -> SubjectAccessResult:
    clean_name = " ".join(name.split())
    if len(clean_name) < 3:
        raise CasebookError("Give the person's full name, as it may appear in the records.")
    clean_reason = _clean_reason(reason)
    service = ConcernService(book)
    if references:
        ids = [service.id_for_reference(r) for r in references]
    else:
        ids = [int(r[0]) for r in book.cases.execute("SELECT id FROM concerns ORDER BY id")]
    identities = IdentityService(book)
    held = Scanner.build(identities.held_identities())
    finder = subject_scanner(clean_name)
    found: list[NamedConcern] = []
    for cid in ids:
        detail = load_concern(book.cases, cid)
        raiser = identities.person_ref_of(cid)
        mentioned = []
        for where, body in passages(detail):
            if not any(f.kind == "other_name" for f in finder.scan(body)):
                continue
            masked = mask_kinds(held, body, raiser, WITHHELD_KINDS)
            mentioned.append(Passage(where, masked))
        if mentioned:
            found.append(NamedConcern(detail.reference, outcomes(detail), tuple(mentioned)))
    pdf = named_pdf(book.setting("organisation", "") or "",
                    book.setting("reporting_unit", "") or "", clean_name, found, len(ids),
                    today or date.today())
    save_pdf(out, pdf, password)
    covered = tuple(c.reference for c in found)
    book.record("export.subject_access", "subject", "",
                {"form": "named", "reason": clean_reason, "references": list(covered),
                 "searched": len(ids), "protected": password is not None})
    return SubjectAccessResult(out, covered)
