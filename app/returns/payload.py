"""Building a return's payload: exactly what leaves the laptop, and nothing else.

The payload holds the format and version, a random return id, the reporting
unit, the period (label and dates), when it was built, the software version, the
casebook's audit-chain head, the additive figures (app.core.return_figures) and
the learning statements the contact marked publishable (app.store.return_sources
says which). No identity, no notes, no references, no date finer than the period:
resources/return.schema.json says so strictly, and the payload is checked
against it before it is signed.

identities.db is opened for one reason here: to look for the identities it holds
(names, emails, phone numbers, job titles, employers, support persons) in the
learning statements, each statement as part of its own concern (so its person's
name is looked for whole and in part). None of them is returned.
"""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from app import __version__
from app.core.identifying import Scanner
from app.core.periods import Period, parse_period
from app.core.return_figures import compute_return_figures
from app.core.stamps import created_at_text
from app.returns.schema import FORMAT, VERSION, payload_bytes, schema_problems
from app.store import audit, facts_query, scanning
from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from app.store.errors import IdentifyingText, ReturnError
from app.store.return_sources import (
    detriment_reports,
    feedback_records,
    identity_access,
    publishable_learning,
    publishable_learning_people,
    signposting_records,
)

MAX_STATEMENT = 2000
MAX_STATEMENTS = 1000
MAX_UNIT_NAME = 200

Payload = dict[str, Any]


def return_period(period: Period) -> Period:
    """Returns cover a financial year or one of its quarters, so the board's periods line up."""
    try:
        parsed = parse_period(period.label)
    except ValueError as exc:
        raise ReturnError("A return covers a financial year like 2025-26 or a quarter like "
                          "2025-26-Q1, not a span of dates.") from exc
    if (parsed.start, parsed.end) != (period.start, period.end):
        raise ReturnError(f"The period {period.label} does not match its dates.")
    return parsed


def check_learning(statements: Iterable[tuple[str, str | None]], scanner: Scanner) -> None:
    """Stop the build if a statement is too long or may identify someone (all listed).

    `statements` are (statement, person_ref of its concern or None): each is scanned as
    part of its own concern, so that concern's person is looked for in full and in part.
    """
    problems: dict[str, list[str]] = {}
    for statement, own in statements:
        reasons = [f.reason for f in scanner.scan(statement, own=own)]
        if len(statement) > MAX_STATEMENT:
            reasons.append(f"is longer than {MAX_STATEMENT:,} characters.")
        if reasons:
            problems.setdefault(statement, []).extend(reasons)
    if problems:
        raise IdentifyingText([(statement, [_sentence(r) for r in dict.fromkeys(reasons)])
                               for statement, reasons in problems.items()])


def _sentence(reason: str) -> str:
    text = reason[0].upper() + reason[1:]
    return text if text.endswith(".") else text + "."


def build_payload(book: Casebook, period: Period, *, now: datetime | None = None) -> Payload:
    """The payload for `period`, checked: what the preview shows and what is signed.

    Each call gives a fresh return id and creation time; to send exactly what was
    previewed, pass this dict on to `app.returns.envelope.write_return`.
    """
    period = return_period(period)
    unit = (book.setting("reporting_unit") or "").strip()
    if not unit:
        raise ReturnError("Set the reporting unit's name before building a return.")
    if len(unit) > MAX_UNIT_NAME:
        raise ReturnError(f"The reporting unit's name is longer than {MAX_UNIT_NAME} "
                          "characters; shorten it in settings.")
    service = ConcernService(book)
    # Only concerns with a dated event in the period can count in its figures (received,
    # entering a stage, responded to, leaving the procedure: app.core.kpi), so the rest of
    # the casebook is not read.
    figures = compute_return_figures(
        facts_query.facts_touching(book.cases, period.start, period.end), period,
        service.calendar(), detriment_reports(book), feedback_records(book),
        service.timescales, facts_query.custody_spans(book.cases),
        signposting_records(book))
    learning = publishable_learning(book, period)
    if len(learning) > MAX_STATEMENTS:  # said before the statements are scanned
        raise ReturnError(
            f"A return carries at most {MAX_STATEMENTS:,} learning statements, and "
            f"{len(learning):,} are marked publishable between {period.start:%d/%m/%Y} and "
            f"{period.end:%d/%m/%Y}: mark only those the board should see as publishable.")
    if learning:
        check_learning(publishable_learning_people(book, period), scanning.scanner_for(book))
    seq, digest = audit.head(book.cases)
    payload: Payload = {
        "format": FORMAT,
        "version": VERSION,
        "return_id": str(uuid.uuid4()),
        "reporting_unit": unit,
        "period": {"label": period.label, "from": period.start.isoformat(),
                   "to": period.end.isoformat()},
        "created_at": created_at_text(now or datetime.now(UTC)),
        "software_version": _version_text(),
        "audit_head": {"seq": seq, "hash": digest},
        "audit_chain": audit_chain(book, seq),
        "identity_access": identity_access(book, period),
        "figures": figures,
        "learning": learning,
    }
    rotations = json.loads(book.setting("key_rotations") or "[]")
    if rotations:
        payload["key_rotations"] = rotations
    released = own_publications(book, period)
    if released:
        payload["publications"] = released
    check_payload(payload)
    return payload


MAX_PUBLICATIONS = 40  # a year's quarters, year-to-date and re-issues, many times over


def own_publications(book: Casebook, period: Period) -> list[dict[str, Any]]:
    """The casebook's publication register for the return's financial year (made here or
    imported): the board checks its own publications against them."""
    from app.core.periods import year_family
    from app.store import publications

    family = year_family(period.label)
    found = [_whole_numbers(item.release.to_json()) for item in publications.listed(book)
             if any(p in family for p in item.periods)]
    if len(found) > MAX_PUBLICATIONS:
        raise ReturnError(f"The publication register holds {len(found)} publications for "
                          f"{period.label}'s year; a return carries at most "
                          f"{MAX_PUBLICATIONS}.")
    return found


def _whole_numbers(record: dict[str, Any]) -> dict[str, Any]:
    """A return holds whole numbers only: the relations' coefficients are (1, -1, a
    timescale's working days), written without a fraction. Which cells were never printed
    (`latent`, for the register's own counts) stays at home: a return's format has no
    place for it, and the board treats an unprinted cell as hidden either way."""
    for cell in record["cells"]:
        cell.pop("latent", None)
    for relation in record["relations"]:
        terms = []
        for key, coefficient in relation["terms"]:
            if float(coefficient) != int(coefficient):
                raise ReturnError("A publication in the register cannot be carried in a "
                                  "return (a relation with a fraction).")
            terms.append([key, int(coefficient)])
        relation["terms"] = terms
    return record


MAX_MACS = 90_000  # about 3 MB of base64: a return stays small enough to e-mail
LAST_RETURN_HEAD = "last_return_head"


def audit_chain(book: Casebook, head_seq: int) -> dict[str, Any]:
    """The chain since the previous return built (app/store/audit.py): where it starts and
    the mac of every entry after that, up to the head. It starts later when the casebook's
    log was older than the v2 form there, or when more than MAX_MACS entries were made
    since (the board then holds a gap it closes as other returns arrive)."""
    previous = 0
    seq_text, _, _ = (book.setting(LAST_RETURN_HEAD) or "").partition(":")
    if seq_text.isdigit() and int(seq_text) <= head_seq:
        previous = int(seq_text)
    start = max(previous, audit.v2_from(book.cases) - 1, head_seq - MAX_MACS)
    macs = audit.macs_between(book.cases, start, head_seq) or []
    if len(macs) != head_seq - start:  # cannot happen with a whole log; never send a gap
        start, macs = head_seq, []
    start_hash = audit.hash_at(book.cases, start) or audit.GENESIS
    return {"from": {"seq": start, "hash": start_hash},
            "macs": base64.b64encode(b"".join(bytes.fromhex(mac) for mac in macs)).decode()}


def _version_text() -> str:
    return "".join(ch for ch in __version__ if ch.isalnum() or ch in ".+_-")[:64] or "unknown"


def check_payload(payload: Payload) -> None:
    """The contact's side of the schema check: a payload that fails is never sent."""
    problems = schema_problems(payload)
    if problems:
        raise ReturnError("The return does not match its published format ("
                          + "; ".join(problems[:3]) + "); it was not built.")


def preview_text(payload: Payload) -> str:
    """The exact text that would be signed and sent, for the contact to read."""
    return payload_bytes(payload).decode("utf-8")
