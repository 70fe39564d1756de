"""Looking for identifying text: one service for the window, the command line and imports.

    scan = scan_field(book, concern_id, "notes", text)     # as the contact types, or on save
    scan.findings, scan.kinds, scan.replaced                  # what, in which words, the fix
    mask_for_display(book, concern_id, text)                  # C's name as C, others' [name]

The scanner is the casebook's own (app/store/scanning.py: every identity held, the
never-publish list and allow-list, unnamed concerns' name fingerprints), built once and
built again only when one of those changed. Text is scanned as part of its concern, so the
concern's person is looked for whole and in part and named "C". A person being recorded
now (the new concern form, not yet saved) may be passed as `person`, so the summary typed
beside their name is checked against it before anything is stored.

Long text is scanned in pieces of about 20,000 characters that overlap by a few hundred (so
nothing is missed at a join), with `cancelled()` asked between pieces: a megabyte pasted
into a note is checked on the worker without holding the window, and a newer check can
stop an older one. Nothing here returns or logs the words found, only where and what kind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields, is_dataclass, replace
from typing import Any

from app.core.case_text import MAX_FIELD_CHARS
from app.core.identifying import WHAT, Finding, HeldIdentity, Scanner, masked, merged
from app.core.identity import PSEUDONYM
from app.store import name_digests, scan_settings, scanning
from app.store.casebook import Casebook
from app.store.concern_detail import ConcernDetail, load_concern
from app.store.errors import CasebookError

Cancelled = Callable[[], bool]
PIECE = 20_000
OVERLAP = 400  # longer than any email address, phone number or name the scanner matches
PERSON_BEING_RECORDED = "P-being-recorded"


class ScanCancelled(CasebookError):
    def __init__(self) -> None:
        super().__init__("The check was stopped before it finished.")


@dataclass(frozen=True)
class FieldScan:
    """What one field's text mentions: where and what kind (never the words themselves)."""

    field: str
    length: int
    findings: tuple[Finding, ...]
    replaced: str  # the text with each finding replaced: C, [name], [phone], ...

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kinds found, each once, in order of first appearance."""
        return tuple(dict.fromkeys(f.kind for f in self.findings))

    @property
    def too_long(self) -> bool:
        return self.length > MAX_FIELD_CHARS

    @property
    def found(self) -> bool:
        return bool(self.findings)


def what(kind: str) -> str:
    """A finding's kind in the users' words ("C's name", "a phone number")."""
    return WHAT.get(kind, "something that could identify someone")


def scanner(book: Casebook) -> Scanner:
    """The casebook's scanner (kept while the casebook is open; rebuilt after changes)."""
    return scanning.scanner_for(book)


def _pieces(text: str) -> list[tuple[int, int, int, int]]:
    """(window start, window end, own start, own end): each finding belongs to the piece
    its start falls in; windows reach back and on by OVERLAP, to a space where one is near."""
    if len(text) <= PIECE + OVERLAP:
        return [(0, len(text), 0, len(text))]
    cuts = list(range(0, len(text), PIECE)) + [len(text)]
    found = []
    for own_start, own_end in zip(cuts, cuts[1:], strict=False):
        start = max(0, own_start - OVERLAP)
        space = text.rfind(" ", start, own_start) if start else -1
        start = space + 1 if space >= 0 and own_start - space < OVERLAP else start
        end = min(len(text), own_end + OVERLAP)
        space = text.find(" ", own_end, end) if end < len(text) else -1
        end = space if space >= 0 else end
        found.append((start, end, own_start, own_end))
    return found


def scan_text(book: Casebook, text: str, *, own: str | None, pseudonym: str = PSEUDONYM,
              person: HeldIdentity | None = None, cancelled: Cancelled | None = None,
              field: str = "") -> FieldScan:
    """Scan `text` as part of the concern whose C is `own` (see module note)."""
    main = scanner(book)
    extra = Scanner.build([person]) if person is not None else None
    found: list[Finding] = []
    for start, end, own_start, own_end in _pieces(text):
        if cancelled is not None and cancelled():
            raise ScanCancelled()
        window = text[start:end]
        results = main.scan(window, own=own)
        if extra is not None and person is not None:
            results = results + extra.scan(window, own=person.person_ref)
        for item in results:
            at = item.start + start
            if own_start <= at < own_end:
                found.append(replace(item, start=at, end=item.end + start))
    findings = tuple(merged(found))
    return FieldScan(field, len(text), findings, masked(text, findings, pseudonym))


def scan_field(book: Casebook, concern_id: int | None, field: str, text: str, *,
               person: HeldIdentity | None = None, cancelled: Cancelled | None = None
               ) -> FieldScan:
    """One field of a concern, as the contact types it or saves it. `concern_id` None: a
    concern not yet recorded, whose person (if named) is `person`."""
    own = scanning.own_of(book, concern_id) if concern_id is not None else None
    return scan_text(book, text, own=own, pseudonym=_pseudonym(book, concern_id),
                     person=person, cancelled=cancelled, field=field)


def scan_fields(book: Casebook, concern_id: int | None, texts: dict[str, str], *,
                person: HeldIdentity | None = None, cancelled: Cancelled | None = None
                ) -> dict[str, FieldScan]:
    return {key: scan_field(book, concern_id, key, text, person=person, cancelled=cancelled)
            for key, text in texts.items()}


def person_being_recorded(name: str = "", email: str = "", phone: str = "", employer: str = "",
                          job_title: str = "", support_person: str = "") -> HeldIdentity | None:
    """The person typed into a new concern's form, for scanning its other fields (or None
    when no name is typed). Never stored: the identity store gets it only on saving."""
    if not name.strip():
        return None
    return HeldIdentity(PERSON_BEING_RECORDED, name.strip(),
                        emails=tuple(e.strip() for e in email.split(";") if e.strip()),
                        phones=tuple(p.strip() for p in phone.split(";") if p.strip()),
                        employer=employer.strip(), job_title=job_title.strip(),
                        support_person=support_person.strip())


def _pseudonym(book: Casebook, concern_id: int | None) -> str:
    if concern_id is None:
        return PSEUDONYM
    row = book.cases.execute("SELECT pseudonym FROM concerns WHERE id = ?",
                             (concern_id,)).fetchone()
    return str(row[0]) if row and row[0] else PSEUDONYM


def record_kept(book: Casebook, concern_id: int, field: str, kinds: Iterable[str]) -> None:
    """The contact kept text that mentions `kinds` after being told: audited by field and
    kind, never the text."""
    book.record("identity.text_kept", "concern", concern_id,
                {"field": field, "kinds": sorted(set(kinds))})


# ----- surfaces that do not reveal ---------------------------------------------------------


def mask_for_display(book: Casebook, concern_id: int | None, text: str) -> str:
    """`text` as a surface shows it: C's name as C (the concern's pseudonym), other people's
    as [name], contact details and numbers by kind."""
    if not text:
        return text
    own = scanning.own_of(book, concern_id) if concern_id is not None else None
    return scanner(book).mask(text, own=own, pseudonym=_pseudonym(book, concern_id))


def masker(book: Casebook, concern_id: int | None, pseudonym: str | None = None
           ) -> Callable[[str], str]:
    """A mask for many texts of one concern (looks up the concern once)."""
    own = scanning.own_of(book, concern_id) if concern_id is not None else None
    shown = pseudonym or _pseudonym(book, concern_id)
    scan = scanner(book)

    def mask(text: str) -> str:
        return scan.mask(text, own=own, pseudonym=shown) if text else text

    return mask


def _masked(value: Any, mask: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return mask(value)
    if isinstance(value, tuple):
        return tuple(_masked(item, mask) for item in value)
    if is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _masked(getattr(value, f.name), mask) for f in fields(value)
                   if f.name in _TEXT_ATTRIBUTES or f.name in _NESTED}
        return replace(value, **changes)
    return value


# The text fields of ConcernDetail and the records inside it (app/store/concern_detail.py).
_TEXT_ATTRIBUTES = frozenset({
    "late_reason", "service_area", "summary", "decision_reasons", "closure_reason",
    "description", "findings", "handler", "response_summary", "authorised_by", "reason",
    "notes", "next_steps", "owner", "not_adopted_reason", "learning", "other_body",
    "action_taken", "comments", "disclosed_to", "role", "name", "how", "told", "label",
    "update_frequency", "handler_clash", "handler_justification"})
_NESTED = frozenset({"themes", "issues", "stages", "extensions", "conversations", "actions",
                     "signposting", "detriment", "feedback", "disclosures", "involved",
                     "updates", "edits"})


def masked_detail(book: Casebook, concern_id: int) -> ConcernDetail:
    """A concern as every surface that does not reveal shows it: each piece of its text
    masked, whatever was stored."""
    detail = load_concern(book.cases, concern_id)
    return mask_detail(book, detail)


def mask_detail(book: Casebook, detail: ConcernDetail) -> ConcernDetail:
    mask = masker(book, detail.concern_id, detail.pseudonym)
    masked_detail_: ConcernDetail = _masked(detail, mask)
    return replace(masked_detail_, facts=detail.facts)


# ----- the organisation's lists and name fingerprints ------------------------------------


@dataclass(frozen=True)
class ScanLists:
    never_publish: tuple[str, ...]
    allow: tuple[str, ...]


def lists(book: Casebook) -> ScanLists:
    return ScanLists(scan_settings.never_publish(book), scan_settings.allow_list(book))


def set_never_publish(book: Casebook, items: Iterable[str]) -> ScanLists:
    scan_settings.set_never_publish(book, items)
    return lists(book)


def allow_problem(book: Casebook, entry: str) -> str | None:
    """Why `entry` may not go on the allow-list: a format problem, or it is a held person's
    contact detail or name (allowing it would stop the scanner finding them)."""
    problem = scan_settings.entry_problem(entry)
    if problem:
        return problem
    held = scanner(book).scan(entry.strip())
    if any(f.kind in ("held_email", "held_phone", "other_name") for f in held):
        return ("That is a detail of someone held in the identity store, so it cannot be "
                "allowed: the check must go on finding it.")
    return None


def set_allow_list(book: Casebook, items: Iterable[str]) -> ScanLists:
    entries = list(items)
    current = set(scan_settings.allow_list(book))
    for entry in entries:
        if entry.strip() in current:
            continue
        problem = allow_problem(book, entry)
        if problem:
            raise scan_settings.ScanListError(problem)
    scan_settings.set_allow_list(book, entries)
    return lists(book)


def record_fingerprint(book: Casebook, concern_id: int, name: str) -> int:
    """Keep only the keyed digests of an unnamed concern's person's name (see
    app/store/name_digests.py); returns how many the concern now has."""
    return name_digests.record_fingerprint(book, concern_id, name)


def forget_fingerprint(book: Casebook, concern_id: int) -> None:
    name_digests.forget_fingerprint(book, concern_id)


def fingerprint_size(book: Casebook, concern_id: int) -> int:
    return name_digests.fingerprint_size(book, concern_id)
