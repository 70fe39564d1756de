"""Handing concerns over to a trusted colleague, and taking them in.

Trust: a colleague's handover address (`casebook handover address` on their laptop) is
recorded under their name once its fingerprint has been compared by phone.

Export (`plan_export`, then `export`): the chosen concerns, open or closed, with every
record about them, in one file signed with this unit's key and encrypted to the
colleague. With identity `consented` (the default) each person's identity goes only
where their recorded consent covers this colleague or whoever takes over
(app/core/handover_rules.py); otherwise, and always with identity `none`, the concern
goes without it, and the plan says which and why. Each identity sent is recorded as a
disclosure. Afterwards this casebook keeps the records read-only, marked as handed over
(to whom, when), and no longer holds the identities (sent or not): they are deleted, and
the casebook's own backups are remade (app/store/backup_purge.py).

Import (`read_package`, then `import_package`): the package must come from a trusted
colleague (its signature checks out under their key), be addressed to this casebook
(encrypted to its handover recipient, and saying so), and be new; references are kept,
and a reference this casebook already holds is refused with the reason. It is imported
whole or not at all: identities first, then every record in one transaction; a crash
between the two leaves identities linked to nothing, which the next opening removes.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from app.core.handover_rules import consent_covers
from app.core.identity import PersonDetails
from app.returns import handover_package
from app.returns.handover_package import PackageRefused
from app.store import colleagues, custody, database, destruction, handover_records
from app.store.atomic import write_atomic
from app.store.backup_purge import BackupsAfterRemoval
from app.store.casebook import Casebook
from app.store.colleagues import Address, Colleague
from app.store.concerns import ConcernService
from app.store.errors import CasebookError, NotFound
from app.store.handover_records import Arrival, HandoverParty, SentConcern
from app.store.identities import Consent, IdentityService

Progress = Callable[[int, int], None]
IDENTITY_MODES = ("consented", "none")
MAX_REASON = 2000
_PERSON_FIELDS = tuple(PersonDetails.__dataclass_fields__)


# ----- addresses and trust ---------------------------------------------------------------


@dataclass(frozen=True)
class AddressInfo:
    token: str
    fingerprint: str


def address(book: Casebook) -> AddressInfo:
    """This casebook's handover address (made on first use) and its fingerprint."""
    own = colleagues.own_address(book)
    return AddressInfo(own.token, own.fingerprint)


@dataclass(frozen=True)
class TrustPlan:
    address: Address
    name: str
    role: str

    @property
    def fingerprint(self) -> str:
        return self.address.fingerprint


def prepare_trust(book: Casebook, text: str, name: str, role: str = "") -> TrustPlan:
    """Check an address and a name; the fingerprint is then read out and compared."""
    parsed = colleagues.parse_address(text)
    problem = colleagues.trust_problem(book, parsed, name)
    if problem:
        raise CasebookError(problem + " Nothing was changed.")
    return TrustPlan(parsed, " ".join(name.split()), " ".join(role.split()))


def trust(book: Casebook, plan: TrustPlan) -> Colleague:
    return colleagues.trust(book, plan.address, plan.name, plan.role)


def trusted(book: Casebook) -> list[Colleague]:
    return colleagues.trusted(book.cases)


def forget(book: Casebook, name: str) -> None:
    colleagues.forget(book, name)


# ----- references --------------------------------------------------------------------------------

PREFIX_SETTING = "reference_prefix"


def reference_prefix(book: Casebook) -> str:
    return book.setting(PREFIX_SETTING, "WB") or "WB"


def set_reference_prefix(book: Casebook, prefix: str) -> str:
    """The start of this casebook's new references (WB-2025-0001). Units that hand concerns
    to each other need different prefixes: a package whose reference the receiver already
    holds is refused. References already given keep theirs."""
    clean = prefix.strip().upper()
    if not re.fullmatch(r"[A-Z][A-Z0-9]{0,9}", clean):
        raise CasebookError("A reference prefix is 1 to 10 letters and digits, starting with a "
                            "letter (for example WB or CCNORTH).")
    book.set_setting(PREFIX_SETTING, clean)
    return clean


# ----- consent ---------------------------------------------------------------------------------


def record_consent(book: Casebook, reference: str, *, successor: bool, share_with: str,
                   on: date, how: str, notes: str = "") -> None:
    """The person agreed their identity may go to whoever takes over their concern
    (`successor`), or be shared with someone named."""
    service = ConcernService(book)
    concern_id = service.id_for_reference(reference)
    reason = custody.read_only_reason(book.cases, concern_id,
                                      custody.custody_of(book.cases, concern_id))
    if reason:
        raise CasebookError(reason)
    if on > date.today():
        raise CasebookError("The date the person agreed is in the future.")
    if not how.strip():
        raise CasebookError("Say how the person agreed (in conversation, by email, ...).")
    IdentityService(book).add_consent(concern_id, Consent(
        share_with, on, how, notes, "successor" if successor else "named"))


# ----- what can be handed over ----------------------------------------------------------------


@dataclass(frozen=True)
class HeldConcern:
    """A concern this casebook holds and may hand over (no identity: just whether one is
    held, and which kinds of consent it has)."""

    concern_id: int
    reference: str
    received_on: str
    closure: str
    anonymity: str
    identity_held: bool
    consents: tuple[str, ...]  # kinds: named, successor


def held_concerns(book: Casebook) -> list[HeldConcern]:
    """Every concern held here (not handed over, not destroyed), newest first."""
    identities = IdentityService(book)
    found: list[HeldConcern] = []
    for cid, reference, received, closure, anonymity, person_ref in book.cases.execute(
            "SELECT id, reference, received_on, closure, anonymity, person_ref FROM concerns"
            " WHERE id NOT IN (SELECT concern_id FROM held_elsewhere)"
            " AND id NOT IN (SELECT concern_id FROM destructions)"
            " ORDER BY received_on DESC, id DESC"):
        kinds: tuple[str, ...] = ()
        if person_ref is not None:
            kinds = tuple(sorted({c.kind for c in identities.consents_of(str(person_ref))}))
        found.append(HeldConcern(int(cid), str(reference), str(received), str(closure),
                                 str(anonymity), person_ref is not None, kinds))
    return found


# ----- export ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlannedConcern:
    concern_id: int
    reference: str
    closure: str
    identity: str  # sent | withheld | none
    why: str  # in words: which consent covers it, or why it stays behind


@dataclass(frozen=True)
class ExportPlan:
    colleague: Colleague
    concerns: tuple[PlannedConcern, ...]
    identity_mode: str

    @property
    def without_identity(self) -> tuple[PlannedConcern, ...]:
        return tuple(c for c in self.concerns if c.identity == "withheld")


def _covering(consents: tuple[Consent, ...], colleague: str) -> Consent | None:
    return next((c for c in consents if consent_covers(c.kind, c.share_with, colleague)),
                None)


def plan_export(book: Casebook, references: list[str], colleague_name: str,
                identity_mode: str = "consented") -> ExportPlan:
    """What a handover of these concerns to this colleague would carry (nothing written)."""
    if identity_mode not in IDENTITY_MODES:
        raise CasebookError("--identity is consented or none.")
    if not references:
        raise CasebookError("Name at least one concern to hand over, by its reference.")
    colleague = colleagues.require_named(book.cases, colleague_name)
    service = ConcernService(book)
    identities = IdentityService(book)
    planned: list[PlannedConcern] = []
    seen: set[int] = set()
    for reference in references:
        concern_id = service.id_for_reference(reference)
        if concern_id in seen:
            continue
        seen.add(concern_id)
        held = custody.custody_of(book.cases, concern_id)
        reason = custody.read_only_reason(book.cases, concern_id, held)
        if reason:
            raise CasebookError(f"{reference.strip()}: {reason} Nothing was handed over.")
        closure, person_ref, anonymity = book.cases.execute(
            "SELECT closure, person_ref, anonymity FROM concerns WHERE id = ?",
            (concern_id,)).fetchone()
        ref = reference.strip()
        if person_ref is None:
            why = (f"{anonymity}: no identity is recorded" if anonymity != "named"
                   else "no identity is held here")
            planned.append(PlannedConcern(concern_id, ref, closure, "none", why))
        elif identity_mode == "none":
            planned.append(PlannedConcern(concern_id, ref, closure, "withheld",
                                          "the handover is made without identities"))
        else:
            cover = _covering(identities.consents_of(str(person_ref)), colleague.name)
            if cover is None:
                planned.append(PlannedConcern(
                    concern_id, ref, closure, "withheld",
                    f"no recorded consent covers {colleague.name} or whoever takes over"))
            else:
                whom = ("may go to whoever takes over" if cover.kind == "successor"
                        else f"may be shared with {cover.share_with}")
                planned.append(PlannedConcern(
                    concern_id, ref, closure, "sent",
                    f"consent of {cover.given_on.isoformat()}: {whom}"))
    return ExportPlan(colleague, tuple(planned), identity_mode)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    package_id: str
    plan: ExportPlan
    handed_on: date
    backups: BackupsAfterRemoval | None  # remade when an identity left this casebook


def _identity_doc(details: PersonDetails, consents: tuple[Consent, ...],
                  letters: Sequence[tuple[str, bytes]] = ()) -> dict[str, Any]:
    """An identity as a package carries it: the details, the consents, and the letters sent
    to the person as they were sent (they name the person, so they go with the identity)."""
    return {**{f: str(getattr(details, f)) for f in _PERSON_FIELDS},
            "consents": [{"share_with": c.share_with, "given_on": c.given_on.isoformat(),
                          "how": c.how, "notes": c.notes, "kind": c.kind} for c in consents],
            "letters": [{"digest": digest, "pdf": base64.b64encode(pdf).decode()}
                        for digest, pdf in letters]}


def _letters_of(identities: IdentityService, person_ref: str) -> list[tuple[str, bytes]]:
    return [(digest, pdf) for _, digest, pdf in identities.letters_held([person_ref])]


def _linked_identities(book: Casebook, identities: IdentityService, concern_id: int,
                       colleague: str, party: HandoverParty, handed_on: date, reason: str,
                       identity_mode: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The linked raisers' identities a handover carries (each only where their own consent
    covers the colleague), and a disclosure for each."""
    docs: list[dict[str, Any]] = []
    disclosures: list[dict[str, Any]] = []
    if identity_mode != "consented":
        return docs, disclosures
    for number, person_ref in book.cases.execute(
            "SELECT number, person_ref FROM linked_raisers WHERE concern_id = ?"
            " AND person_ref IS NOT NULL ORDER BY number", (concern_id,)).fetchall():
        consents = identities.consents_of(str(person_ref))
        cover = _covering(consents, colleague)
        details = identities.person_details(str(person_ref))
        if cover is None or details is None:
            continue
        docs.append({"number": int(number), "identity": _identity_doc(
            details, consents, _letters_of(identities, str(person_ref)))})
        disclosure = handover_records.handover_disclosure(party, handed_on, reason,
                                                          cover.given_on)
        disclosure["reason"] = f"Handed over (raiser {int(number) + 1}): {reason}"
        disclosures.append(disclosure)
    return docs, disclosures


def export(book: Casebook, plan: ExportPlan, out: Path, reason: str, *,
           on: date | None = None, on_progress: Progress | None = None) -> ExportResult:
    """Write the package, then record the handover here (read-only, identities gone)."""
    reason = reason.strip()
    if not reason:
        raise CasebookError("Give the reason for the handover (it is recorded with each "
                            "identity sent).")
    if len(reason) > MAX_REASON:
        raise CasebookError(f"The reason is too long ({MAX_REASON} characters at most).")
    fresh = plan_export(book, [c.reference for c in plan.concerns], plan.colleague.name,
                        plan.identity_mode)  # checked again: nothing may have moved since
    if fresh != plan:
        raise CasebookError("The concerns or consents changed since the handover was "
                            "prepared; prepare it again. Nothing was handed over.")
    handed_on = on or date.today()
    identities = IdentityService(book)
    own = colleagues.own_address(book)
    package_id = str(uuid.uuid4())
    party = HandoverParty(plan.colleague.name, plan.colleague.role, plan.colleague.fingerprint)
    items: list[dict[str, Any]] = []
    sent: list[SentConcern] = []
    for item in plan.concerns:
        person_ref = book.cases.execute("SELECT person_ref FROM concerns WHERE id = ?",
                                        (item.concern_id,)).fetchone()[0]
        identity_doc = None
        consent_on = None
        if item.identity == "sent":
            details = identities.person_details(str(person_ref))
            consents = identities.consents_of(str(person_ref))
            cover = _covering(consents, plan.colleague.name)
            if details is None or cover is None:
                raise CasebookError(f"{item.reference}: the identity or its consent is no "
                                    "longer held; prepare the handover again.")
            identity_doc = _identity_doc(details, consents,
                                         _letters_of(identities, str(person_ref)))
            consent_on = cover.given_on
        raisers, raiser_disclosures = _linked_identities(
            book, identities, item.concern_id, plan.colleague.name, party, handed_on, reason,
            plan.identity_mode)
        record = handover_records.read_record(book.cases, item.concern_id)
        if item.identity == "sent":  # the disclosure recorded here travels with the record
            record["tables"]["disclosures"].append(handover_records.handover_disclosure(
                party, handed_on, reason, consent_on))
        record["tables"]["disclosures"].extend(raiser_disclosures)
        items.append({"reference": item.reference, "record": record,
                      "identity_status": item.identity, "identity": identity_doc,
                      "raisers": raisers})
        sent.append(SentConcern(item.concern_id, item.reference, item.identity,
                                None if person_ref is None else str(person_ref), consent_on))
    body = {
        "format": handover_package.FORMAT, "version": handover_package.VERSION,
        "package_id": package_id,
        "made_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "handed_on": handed_on.isoformat(), "reason": reason,
        "from": {"organisation": book.setting("organisation", "") or "",
                 "unit": book.setting("reporting_unit", "") or "",
                 "address": own.token, "fingerprint": own.fingerprint,
                 "signing_key": own.signing_key_text},
        "to": {"name": plan.colleague.name, "role": plan.colleague.role,
               "recipient": plan.colleague.address.recipient,
               "fingerprint": plan.colleague.fingerprint},
        "concerns": items,
    }
    data = handover_package.seal(book, body, plan.colleague.address.recipient)
    try:
        write_atomic(out, data)
    except OSError as exc:
        raise CasebookError(f"The handover package could not be written to {out} "
                            f"({exc.strerror or exc}); nothing was handed over.") from exc
    with database.write(book.cases):
        to_delete = handover_records.record_sent(book, package_id, party, handed_on, reason,
                                                 sent)
    backups = None
    if to_delete:
        identities.delete_people(to_delete)
        backups = destruction.remake_backups(book, "after-handover")
    return ExportResult(out, package_id, plan, handed_on, backups)


# ----- import -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ArrivingConcern:
    reference: str
    received_on: str
    closure: str
    identity: str  # sent | withheld | none
    conversations: int
    takes_back: bool  # a concern this casebook handed over, coming back


@dataclass(frozen=True)
class ReadPackage:
    """A package opened and verified, shown to the person before it is imported."""

    path: Path
    package_id: str
    sender: Colleague
    handed_on: date
    made_at: str
    reason: str
    concerns: tuple[ArrivingConcern, ...]
    body: dict[str, Any]


def _refuse(reason: str, message: str) -> PackageRefused:
    return PackageRefused(reason, message)


def _text(value: object, limit: int = MAX_REASON) -> str:
    if not isinstance(value, str) or len(value) > limit:
        raise _refuse("invalid", "This package's contents are not readable; nothing was "
                      "imported.")
    return value


def read_package(book: Casebook, path: Path, *, today: date | None = None) -> ReadPackage:
    """Open, verify and check a package (nothing is changed): what would arrive."""
    try:
        with path.open("rb") as handle:
            data = handle.read(handover_package.MAX_PACKAGE + 1)
    except OSError as exc:
        raise CasebookError(f"Cannot read {path} ({exc.strerror or exc}).") from exc
    opened = handover_package.open_package(data, book.setting(colleagues.IDENTITY_SETTING))
    key = handover_package.sender_key(opened)
    sender = colleagues.by_signing_key(book.cases, key)
    if sender is None:
        raise _refuse("untrusted_sender", "This package comes from a sender this casebook "
                      "does not trust; nothing was imported. Compare their address's "
                      "fingerprint by phone and trust it first (casebook handover trust).")
    body = handover_package.verified_body(opened, key)
    try:
        to = body["to"]
        recipient = _text(to["recipient"], 200)
        package_id = _text(body["package_id"], 100)
        handed_on = date.fromisoformat(_text(body["handed_on"], 10))
        made_at = _text(body["made_at"], 40)
        reason = _text(body["reason"])
        items = body["concerns"]
        if not isinstance(items, list) or not items:
            raise _refuse("invalid", "This package holds no concerns; nothing was imported.")
    except (KeyError, TypeError, ValueError) as exc:
        if isinstance(exc, PackageRefused):
            raise
        raise _refuse("invalid", "This package's contents are not readable; nothing was "
                      "imported.") from exc
    if recipient != colleagues.own_recipient(book):
        raise _refuse("not_for_this_casebook", "This package is addressed to another "
                      "casebook, not this one; nothing was imported.")
    when = handover_records.received_before(book.cases, package_id)
    if when is not None:
        raise _refuse("already_imported", f"This package was already imported here on "
                      f"{when[:10]}; nothing was changed.")
    if handed_on > (today or date.today()) + timedelta(days=1):
        raise _refuse("invalid", "This package hands its concerns over on a date that has not "
                      "come yet; nothing was imported.")
    arriving: list[ArrivingConcern] = []
    seen: set[str] = set()
    for item in items:
        if not isinstance(item, dict):
            raise _refuse("invalid", "This package's contents are not readable; nothing was "
                          "imported.")
        try:
            reference = handover_records.record_reference(item.get("record"))
        except CasebookError as exc:
            raise _refuse("invalid", f"{exc} Nothing was imported.") from exc
        if reference in seen or item.get("reference") != reference:
            raise _refuse("invalid", "This package's contents are not readable; nothing was "
                          "imported.")
        seen.add(reference)
        status = item.get("identity_status")
        identity = item.get("identity")
        if status not in ("sent", "withheld", "none") or (status == "sent") != isinstance(
                identity, dict):
            raise _refuse("invalid", "This package's contents are not readable; nothing was "
                          "imported.")
        try:
            back = handover_records.replaceable(book.cases, reference) is not None
        except CasebookError as exc:
            raise _refuse("clash", str(exc)) from exc
        record = item["record"]
        concern = record["concern"]
        conversations = record.get("tables", {}).get("conversations", [])
        arriving.append(ArrivingConcern(
            reference, str(concern.get("received_on", ""))[:10],
            str(concern.get("closure", ""))[:30], str(status),
            len(conversations) if isinstance(conversations, list) else 0, back))
    return ReadPackage(path, package_id, sender, handed_on, made_at, reason, tuple(arriving),
                       body)


@dataclass(frozen=True)
class ImportResult:
    package_id: str
    references: tuple[str, ...]
    concern_ids: tuple[int, ...]
    identities: int


@dataclass(frozen=True)
class _Person:
    details: PersonDetails
    consents: tuple[Consent, ...]
    letters: tuple[tuple[str, bytes], ...]


def _letter_copies(doc: dict[str, Any]) -> tuple[tuple[str, bytes], ...]:
    found = []
    for letter in doc.get("letters", []):
        digest = _text(letter["digest"], 64)
        pdf = base64.b64decode(_text(letter["pdf"], handover_package.MAX_PACKAGE),
                               validate=True)
        if hashlib.sha256(pdf).hexdigest() != digest:
            raise ValueError("a letter does not match its digest")
        found.append((digest, pdf))
    return tuple(found)


def _person(doc: dict[str, Any]) -> _Person:
    try:
        details = PersonDetails(**{f: _text(doc.get(f, ""), 5000) for f in _PERSON_FIELDS})
        consents = tuple(
            Consent(_text(c["share_with"], 500), date.fromisoformat(_text(c["given_on"], 10)),
                    _text(c["how"], 500), _text(c.get("notes", "")),
                    _text(c.get("kind", "named"), 20))
            for c in doc.get("consents", []))
        letters = _letter_copies(doc)
    except (KeyError, TypeError, ValueError, AttributeError, binascii.Error) as exc:
        raise _refuse("invalid", "This package's contents are not readable; nothing was "
                      "imported.") from exc
    if not details.name.strip():
        raise _refuse("invalid", "This package's contents are not readable; nothing was "
                      "imported.")
    return _Person(details, consents, letters)


def _raisers(item: dict[str, Any]) -> list[tuple[int, _Person]]:
    """The linked raisers' identities an item carries (older packages carry none)."""
    found: list[tuple[int, _Person]] = []
    raisers = item.get("raisers", [])
    if not isinstance(raisers, list):
        raise _refuse("invalid", "This package's contents are not readable; nothing was "
                      "imported.")
    for raiser in raisers:
        number = raiser.get("number") if isinstance(raiser, dict) else None
        identity = raiser.get("identity") if isinstance(raiser, dict) else None
        if type(number) is not int or number < 1 or not isinstance(identity, dict):
            raise _refuse("invalid", "This package's contents are not readable; nothing was "
                          "imported.")
        found.append((number, _person(identity)))
    return found


class _Rehearsed(Exception):
    """Rolls back a rehearsal of the import: it was only to find what would not fit."""


def _write_records(book: Casebook, read: ReadPackage, arrivals: list[Arrival], *,
                   rehearse: bool) -> list[int]:
    """Every record in one transaction on cases.db (rolled back again when rehearsing)."""
    sender = HandoverParty(read.sender.name, read.sender.role, read.sender.fingerprint)
    try:
        with database.write(book.cases):
            ids = handover_records.record_received(book, read.package_id, sender,
                                                   read.handed_on, read.reason, arrivals)
            if rehearse:
                raise _Rehearsed()
    except _Rehearsed:
        return []
    except database.IntegrityError as exc:
        raise _refuse("invalid", "This package's records do not fit this casebook "
                      f"({str(exc)[:120]}); nothing was imported.") from exc
    except (NotFound, handover_records.BadRecord) as exc:
        raise _refuse("invalid", f"{exc} Nothing was imported.") from exc
    except CasebookError as exc:
        if isinstance(exc, PackageRefused):
            raise
        raise _refuse("clash", str(exc)) from exc
    return ids


def import_package(book: Casebook, read: ReadPackage) -> ImportResult:
    """Import what `read_package` showed: whole, or not at all.

    The records are first written and rolled back (a rehearsal), so a package whose records
    do not fit is refused before any identity is written; then the identities go into
    identities.db and every record into cases.db in one transaction."""
    if handover_records.received_before(book.cases, read.package_id) is not None:
        raise _refuse("already_imported", "This package was already imported here; nothing "
                      "was changed.")
    identities = IdentityService(book)
    people = [_person(item["identity"]) if item["identity_status"] == "sent" else None
              for item in read.body["concerns"]]
    linked = [_raisers(item) for item in read.body["concerns"]]
    _write_records(book, read, [Arrival(item["reference"], item["record"], None,
                                        item["identity_status"])
                                for item in read.body["concerns"]], rehearse=True)
    added: list[str] = []

    def add(person: _Person) -> str:
        person_ref = identities.add_person_with_consents(person.details, person.consents)
        added.append(person_ref)
        if person.letters:
            identities.keep_letters(person_ref, list(person.letters))
        return person_ref

    try:
        arrivals = []
        for item, person, raisers in zip(read.body["concerns"], people, linked, strict=True):
            person_ref = add(person) if person is not None else None
            arrivals.append(Arrival(item["reference"], item["record"], person_ref,
                                    item["identity_status"],
                                    tuple((number, add(p)) for number, p in raisers)))
        ids = _write_records(book, read, arrivals, rehearse=False)
    except BaseException:
        identities.delete_people(added)  # nothing may point at them: taken back out
        raise
    return ImportResult(read.package_id, tuple(c.reference for c in read.concerns),
                        tuple(ids), len(added))


def history(book: Casebook) -> list[dict[str, object]]:
    return handover_records.handover_history(book.cases)
