"""Retention and destruction: which records are due, and destroying them deliberately.

The organisation sets a retention period in years after a concern's record ends (closed,
decided business as usual, or handed over to a colleague: this casebook's read-only copy
ends then). `items` lists every record with its due date; `due` those due today.

Destruction is deliberate (`plan`, then `destroy`): the passphrase is asked for again;
where the organisation requires two people, a statement signed by a trusted colleague's
key (`approve`, on the colleague's casebook) must name exactly the references, the reason
and the date; an open concern is refused; one not yet due needs `early`. The identity is
destroyed first, then the case text becomes a tombstone (app/store/destruction.py), the
facts the figures need are kept (no figure changes), and the casebook's own backups are
remade; backups written elsewhere before it are listed, because they still hold the
identity until someone destroys them (app/store/backup_purge.py).
"""

from __future__ import annotations

import base64
import binascii
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from app.documents.protect import save_pdf
from app.paths import KEYSLOTS
from app.returns import handover_package
from app.store import backup_purge, colleagues, destruction, keyslots
from app.store.backup_purge import BackupsAfterRemoval, ExternalCopy
from app.store.casebook import Casebook
from app.store.destruction import Approval, RetentionItem
from app.store.errors import CasebookError

Progress = Callable[[int, int], None]
YEARS_SETTING = "retention_years"
APPROVERS_SETTING = "destruction_approvers"
APPROVAL_VALID_DAYS = 14
MAX_REASON = 2000


@dataclass(frozen=True)
class Policy:
    years: int
    approvers: int  # 1: the contact alone; 2: and a trusted colleague's signed statement


def policy(book: Casebook) -> Policy:
    try:
        years = int(book.setting(YEARS_SETTING, "6") or 6)
    except ValueError:
        years = 6
    approvers = 2 if book.setting(APPROVERS_SETTING) == "2" else 1
    return Policy(years, approvers)


def set_policy(book: Casebook, *, years: int | None = None, approvers: int | None = None
               ) -> Policy:
    if years is not None:
        if not 1 <= years <= 50:
            raise CasebookError("The retention period must be from 1 to 50 years.")
        book.set_setting(YEARS_SETTING, str(years))
    if approvers is not None:
        if approvers not in (1, 2):
            raise CasebookError("A destruction needs one person or two (--approvers 1 or 2).")
        book.set_setting(APPROVERS_SETTING, str(approvers))
    return policy(book)


def items(book: Casebook) -> list[RetentionItem]:
    """Every record not yet destroyed, with when it ended and when it is due to go."""
    return destruction.retention_items(book.cases, policy(book).years)


def due(book: Casebook, today: date | None = None) -> list[RetentionItem]:
    when = today or date.today()
    return [item for item in items(book) if not item.open and item.due_on <= when]


# ----- approvals by a second person -----------------------------------------------------------


def _clean_reason(reason: str) -> str:
    clean = " ".join(reason.split())
    if not clean:
        raise CasebookError("Give the reason for the destruction (it goes on the certificate "
                            "and in the audit log).")
    if len(clean) > MAX_REASON:
        raise CasebookError(f"The reason is too long ({MAX_REASON} characters at most).")
    return clean


def _references(references: list[str]) -> list[str]:
    clean = sorted({r.strip() for r in references if r.strip()})
    if not clean:
        raise CasebookError("Name at least one record, by its reference.")
    return clean


def approve(book: Casebook, for_colleague: str, references: list[str], reason: str, *,
            today: date | None = None) -> bytes:
    """On the second person's casebook: a statement, signed with this unit's key, that they
    approve destroying exactly these references for this reason, today; for the trusted
    colleague whose casebook holds them. Audited; returns the file's bytes."""
    colleague = colleagues.require_named(book.cases, for_colleague)
    statement = {
        "approval_id": str(uuid.uuid4()),
        "date": (today or date.today()).isoformat(),
        "references": _references(references),
        "reason": _clean_reason(reason),
        "for": {"name": colleague.name, "fingerprint": colleague.fingerprint},
        "approver": {"unit": book.setting("reporting_unit", "") or "",
                     "organisation": book.setting("organisation", "") or "",
                     "fingerprint": colleagues.own_address(book).fingerprint,
                     "signing_key": base64.b64encode(
                         colleagues.signing_public_key(book)).decode()},
    }
    data = handover_package.sign_approval(book, statement)
    book.record("retention.destruction_approved", "approval", statement["approval_id"],
                {"for": colleague.fingerprint, "references": statement["references"]})
    return data


def read_approval(book: Casebook, data: bytes, references: list[str], reason: str,
                  today: date) -> Approval:
    """A second person's approval, checked: signed by a trusted colleague, for this casebook,
    naming exactly these references and this reason, recent, and not used before."""
    statement_bytes, signature, statement = handover_package.read_approval(data)
    try:
        key = base64.b64decode(statement["approver"]["signing_key"], validate=True)
        approved_on = date.fromisoformat(statement["date"])
        named_refs = sorted(str(r) for r in statement["references"])
        named_reason = " ".join(str(statement["reason"]).split())
        for_fingerprint = str(statement["for"]["fingerprint"])
        approval_id = str(statement["approval_id"])[:100]
    except (KeyError, TypeError, ValueError, binascii.Error) as exc:
        raise CasebookError("That approval cannot be read; ask for a new one.") from exc
    approver = colleagues.by_signing_key(book.cases, key)
    if approver is None:
        raise CasebookError("That approval is signed by someone this casebook does not trust; "
                            "nothing was destroyed.")
    if not handover_package.approval_verifies(key, statement_bytes, signature):
        raise CasebookError("That approval has been changed since it was signed; nothing was "
                            "destroyed.")
    if for_fingerprint != colleagues.own_address(book).fingerprint:
        raise CasebookError("That approval is for another casebook; nothing was destroyed.")
    if named_refs != _references(references):
        raise CasebookError("That approval names other records ("
                            + ", ".join(named_refs)[:300] + "); nothing was destroyed.")
    if named_reason != _clean_reason(reason):
        raise CasebookError("That approval gives another reason; the reason must be the same "
                            "word for word. Nothing was destroyed.")
    if approved_on > today or approved_on < today - timedelta(days=APPROVAL_VALID_DAYS):
        raise CasebookError(f"That approval is dated {approved_on.isoformat()}; an approval "
                            f"holds for {APPROVAL_VALID_DAYS} days from its date. Nothing was "
                            "destroyed.")
    used = book.cases.execute("SELECT 1 FROM destructions WHERE approval_id = ?",
                              (approval_id,)).fetchone()
    if used:
        raise CasebookError("That approval has been used already; each approves one "
                            "destruction. Nothing was destroyed.")
    return Approval(approver.name, approver.fingerprint, approval_id)


# ----- destroying ------------------------------------------------------------------------------


@dataclass(frozen=True)
class DestructionPlan:
    items: tuple[RetentionItem, ...]
    reason: str
    early: bool
    approval: Approval | None
    today: date


def plan(book: Casebook, references: list[str], reason: str, *, early: bool = False,
         approval: bytes | None = None, today: date | None = None) -> DestructionPlan:
    """Check a destruction before the passphrase is asked for (nothing is changed)."""
    when = today or date.today()
    clean = _clean_reason(reason)
    wanted = _references(references)
    by_reference = {item.reference: item for item in items(book)}
    chosen: list[RetentionItem] = []
    for reference in wanted:
        item = by_reference.get(reference)
        if item is None:
            known = book.cases.execute("SELECT 1 FROM concerns WHERE reference = ?",
                                       (reference,)).fetchone()
            raise CasebookError(f"{reference} has been destroyed already." if known else
                                f"There is no record with reference {reference}.")
        if item.open:
            raise CasebookError(f"{reference} is still open; a record is destroyed only after "
                                "its concern is closed. Nothing was destroyed.")
        if item.due_on > when and not early:
            raise CasebookError(f"{reference} is not due for destruction until "
                                f"{item.due_on.isoformat()}; to destroy it now, say --early "
                                "and give the reason. Nothing was destroyed.")
        chosen.append(item)
    checked = None
    if policy(book).approvers == 2:
        if approval is None:
            raise CasebookError("This organisation requires two people for a destruction: give "
                                "a trusted colleague's signed approval (casebook retention "
                                "approve, on their casebook). Nothing was destroyed.")
        checked = read_approval(book, approval, wanted, clean, when)
    elif approval is not None:
        checked = read_approval(book, approval, wanted, clean, when)
    return DestructionPlan(tuple(chosen), clean, any(i.due_on > when for i in chosen), checked,
                           when)


@dataclass(frozen=True)
class DestructionResult:
    references: tuple[str, ...]
    destroyed_at: str
    backups: BackupsAfterRemoval


def check_passphrase(book: Casebook, passphrase: str) -> None:
    """The passphrase, asked for again before anything is destroyed."""
    keyslots.open_with_passphrase(book.slots, passphrase, book.folder / KEYSLOTS)


def destroy(book: Casebook, planned: DestructionPlan, passphrase: str, *,
            on_progress: Progress | None = None) -> DestructionResult:
    """Destroy what was planned: identity first, then text; then the backups remade."""
    check_passphrase(book, passphrase)
    total = len(planned.items) + 1
    for number, item in enumerate(planned.items):
        destruction.start(book, item.concern_id, planned.reason,
                          early=item.due_on > planned.today, approval=planned.approval)
        person_ref = dict(destruction.pending(book.cases)).get(item.concern_id)
        destruction.finish(book, item.concern_id, person_ref)
        if on_progress is not None:
            on_progress(number + 1, total)
    destruction.sweep(book)
    when = book.setting(destruction.REMAKE) or ""
    backups = destruction.remake_backups(book, "after-destruction")
    assert backups is not None  # every tombstone notes that the backups are to be remade
    if on_progress is not None:
        on_progress(total, total)
    return DestructionResult(tuple(i.reference for i in planned.items), when, backups)


def external_copies(book: Casebook) -> list[ExternalCopy]:
    """Backups written elsewhere before the latest destruction or handover: they still hold
    identities this casebook no longer does, until someone destroys them."""
    row = book.cases.execute(
        "SELECT max(at) FROM (SELECT destroyed_at AS at FROM destructions"
        " UNION ALL SELECT at FROM handovers WHERE direction = 'sent')").fetchone()
    if row is None or row[0] is None:
        return []
    return backup_purge.external_copies(book.folder, before=str(row[0]))


def destroy_external(book: Casebook, path: Path) -> None:
    backup_purge.shred_external(book.folder, path)
    book.record("backup.destroyed", "backup", path.name)


def certificate(book: Casebook, references: list[str], out: Path, *,
                today: date | None = None) -> Path:
    """The destruction certificate (PDF) for records destroyed here: no content, audited."""
    from app.documents.destruction_certificate import render_certificate  # loads reportlab

    wanted = set(_references(references))
    rows = [row for row in destruction.destroyed(book.cases) if row["reference"] in wanted]
    missing = wanted - {str(row["reference"]) for row in rows}
    if missing:
        raise CasebookError("No destruction is recorded for " + ", ".join(sorted(missing))
                            + ".")
    pdf = render_certificate(book, rows, external_copies(book), today or date.today())
    save_pdf(out, pdf)
    book.record("export.destruction_certificate", "destruction", "",
                {"references": sorted(wanted)})
    return out


def summary(result: DestructionResult) -> dict[str, Any]:
    """What a destruction did, as plain values (for --json and the window)."""
    return {"destroyed": list(result.references), "at": result.destroyed_at,
            "backup_made": str(result.backups.new_backup),
            "backups_destroyed": list(result.backups.removed),
            "external_backups_still_holding": [
                {"path": str(c.path), "made": c.made, "present": c.present}
                for c in result.backups.external]}
