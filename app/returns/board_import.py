"""The board's import: open a return, check it every way, keep it (or say exactly why not).

In order: decrypt with the board's identity (not encrypted to this board,
damaged); unpack (not a return, no signature); find the registered unit whose
key made the signature (bad signature if the unit named in the payload is
registered but its key did not sign, unknown unit if it is not registered); the
payload's unit must be the signer's registered name; the strict JSON parse and
the schema; the period label must be the period its dates say; then the store
decides, in one transaction, between imported, replaced, unchanged and
superseded. Any failure raises ReturnRejected (a CasebookError) with a reason
code and one plain sentence, and nothing is written.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from app.core.fingerprints import fingerprint
from app.core.periods import parse_period
from app.core.text import has_hidden_characters, visible
from app.crash import report_unexpected
from app.returns.envelope import MAX_FILE, MAX_PAYLOAD, open_return
from app.returns.key_rotation import vouched_key
from app.returns.sanity import created_at_problem, figure_problems
from app.returns.schema import PayloadError, parse_payload, schema_problems
from app.returns.signing import verifies
from app.store import audit, database
from app.store.board import Board, IncomingReturn, RegisteredUnit
from app.store.errors import CasebookError, ReturnRejected


@dataclass(frozen=True)
class ImportResult:
    outcome: str  # "imported" | "replaced" | "unchanged" | "held"
    unit: str
    period: str
    return_id: str
    created_at: str
    replaced_created_at: str | None = None
    new_key: str | None = None  # "held": the new key's fingerprint, to confirm by phone

    @property
    def message(self) -> str:
        what = f"the return from {self.unit} for {self.period}"
        if self.outcome == "held":
            return (f"Held: {what} is signed with a new key (the unit made new keys) that its "
                    f"registered key vouches for. Read the fingerprint {self.new_key} to the "
                    "unit by phone and, if it matches theirs, run `casebook board confirm-key "
                    f"\"{self.unit}\" \"{self.new_key}\"`; the return is imported then.")
        if self.outcome == "unchanged":
            return f"Already held: {what} (nothing changed)."
        if self.outcome == "replaced":
            return (f"Replaced {what}: this one, made {self.created_at}, replaces the one made "
                    f"{self.replaced_created_at}.")
        return f"Imported {what}."


_UNIT_FIELD = re.compile(rb'"reporting_unit"\s*:\s*("(?:[^"\\\x00-\x1f]|\\.){1,600}")')


def _claimed_unit(payload: bytes) -> str | None:
    """The unit a payload says it is from, picked out of the raw bytes without parsing the
    JSON (nothing from an unverified sender goes through the parser), only to try that
    unit's key first and to word a refusal. Never trusted, and never shown unescaped."""
    found = _UNIT_FIELD.search(payload[:MAX_PAYLOAD])
    if found is None:
        return None
    try:
        unit = json.loads(found.group(1).decode("utf-8"))
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    return unit[:200] if isinstance(unit, str) else None


def _signer(board: Board, claimed: str | None, payload: bytes, signature: bytes
            ) -> RegisteredUnit | None:
    """The registered unit whose key made the signature: the unit the payload names first
    (keys are unique, so at most one unit's key verifies), then every other."""
    named = board.unit_named(claimed) if claimed else None
    if named is not None and verifies(named.public_key, payload, signature):
        return named
    others: Iterable[RegisteredUnit] = (u for u in board.units()
                                        if named is None or u.id != named.id)
    for unit in others:
        if verifies(unit.public_key, payload, signature):
            return unit
    return None


def _period_checked(doc: dict[str, Any]) -> tuple[str, str, str]:
    declared = doc["period"]
    try:
        period = parse_period(declared["label"])
    except ValueError as exc:
        raise ReturnRejected("period_mismatch", f"The return's period {declared['label']} is "
                             "not a financial year or quarter.") from exc
    dates = (period.start.isoformat(), period.end.isoformat())
    if (declared["from"], declared["to"]) != dates or (
            doc["figures"]["period"]["from"], doc["figures"]["period"]["to"]) != dates:
        raise ReturnRejected(
            "period_mismatch",
            f"The return says it covers {declared['label']} ({dates[0]} to {dates[1]}) but its "
            f"dates say {declared['from']} to {declared['to']}; it was not imported.")
    return period.label, dates[0], dates[1]


class HeldForNewKey(Exception):
    """The return is signed by a new key its unit's registered key vouches for."""

    def __init__(self, unit: RegisteredUnit, new_key: bytes, doc: dict[str, Any],
                 payload: bytes, signature: bytes) -> None:
        super().__init__(unit.name)
        self.unit, self.new_key, self.doc = unit, new_key, doc
        self.payload, self.signature = payload, signature


def _unsigned_by_registered(board: Board, claimed: str | None, payload: bytes,
                            signature: bytes) -> ReturnRejected | HeldForNewKey:
    """No registered key made the signature: a rotation to a new key the registered one
    vouches for (held), a retired key, or a refusal."""
    known = board.unit_named(claimed) if claimed else None
    if known is None:
        said = f" (it says it is from {visible(claimed, 80)})" if claimed else ""
        return ReturnRejected(
            "unknown_unit",
            f"This return is signed by a unit the board has not registered{said}; register "
            "the unit's key with `casebook board register` first.")
    if any(verifies(key, payload, signature) for key in known.retired_keys):
        return ReturnRejected(
            "retired_key",
            f"This return is signed with a key {known.name} no longer uses (it made new keys "
            "since); it was not imported. Whoever signed it may hold the unit's old key.")
    try:
        doc = parse_payload(payload)  # bounded and strict: safe before the signature
        rotations = doc.get("key_rotations") if isinstance(doc, dict) else None
    except PayloadError:
        rotations = None
    new_key = vouched_key(known.public_key, rotations, known.name)
    if new_key is not None and verifies(new_key, payload, signature):
        return HeldForNewKey(known, new_key, doc, payload, signature)
    return ReturnRejected(
        "bad_signature",
        f"The signature does not match the key registered for {visible(known.name)}: the "
        "return was altered, or signed by someone else; it was not imported.")


def check_return(board: Board, data: bytes, now: datetime | None = None) -> IncomingReturn:
    """Every check short of the store's own (replacement, superseding, the audit chain
    held). The signature is checked before the payload is parsed. Raises ReturnRejected,
    or HeldForNewKey for a return signed by a new key its unit's old key vouches for."""
    opened = open_return(data, board.identity())
    if opened.signature is None:
        raise ReturnRejected("no_signature", "This return carries no signature, so it cannot "
                             "be shown to come from a registered unit; it was not imported.")
    claimed = _claimed_unit(opened.payload)
    signer = _signer(board, claimed, opened.payload, opened.signature)
    if signer is None:
        outcome = _unsigned_by_registered(board, claimed, opened.payload, opened.signature)
        if isinstance(outcome, HeldForNewKey):
            _refuse_if_frozen(outcome.unit)
            check_payload_of(outcome.unit, opened.payload, opened.signature, now)
        raise outcome
    _refuse_if_frozen(signer)
    return check_payload_of(signer, opened.payload, opened.signature, now)


def _refuse_if_frozen(unit: RegisteredUnit) -> None:
    if unit.frozen:
        raise ReturnRejected(
            "frozen",
            f"{unit.name} is frozen: two different new signing keys arrived for it, each "
            "vouched for by its old key, so someone else may hold that key. Nothing from it is "
            "imported until you confirm its real key with the unit by phone (`casebook board "
            f"confirm-key \"{unit.name}\" FINGERPRINT`).")


def check_payload_of(signer: RegisteredUnit, payload: bytes, signature: bytes,
                     now: datetime | None = None) -> IncomingReturn:
    """The checks on a payload whose signature is the signer's (or a key it vouches for)."""
    claimed = _claimed_unit(payload)
    try:
        doc: Any = parse_payload(payload)
    except PayloadError as exc:
        raise ReturnRejected("invalid", f"The return from {signer.name} is not in the agreed "
                             f"format ({exc}); it was not imported.") from exc
    if not isinstance(doc, dict):
        raise ReturnRejected("invalid", f"The return from {signer.name} is not in the agreed "
                             "format (it is not a JSON object); it was not imported.")
    if doc.get("reporting_unit") != signer.name:
        raise ReturnRejected(
            "unit_mismatch",
            f"This return is signed with {signer.name}'s key but says it is from "
            f"{visible(claimed, 80) if claimed else 'no unit'}; it was not imported.")
    problems = schema_problems(doc)
    if problems:
        raise ReturnRejected("invalid", f"The return from {signer.name} does not match the "
                             f"return format ({'; '.join(problems[:3])}); it was not imported.")
    label, start, end = _period_checked(doc)
    problem = created_at_problem(doc["created_at"], date.fromisoformat(start),
                                 now or datetime.now(UTC))
    if problem is None:
        found = figure_problems(doc["figures"], date.fromisoformat(start), date.fromisoformat(end))
        problem = found[0] if found else None
        if problem is not None and len(found) > 1:
            problem += f" (and {len(found) - 1} more)"
    if problem is None and any(has_hidden_characters(text, allow="\n\t")
                               for text in doc["learning"]):
        problem = "a learning statement holds control characters"
    if problem is None:
        problem = releases_problem(doc)
    chain: tuple[tuple[int, str], ...] = ()
    if problem is None:
        chain, problem = chain_points(doc)
    if problem is not None:
        raise ReturnRejected("impossible", f"The return from {signer.name} for {label} cannot "
                             f"be right: {problem}. It was not imported; ask the unit to check "
                             "its casebook and send it again.")
    return IncomingReturn(signer, label, start, end, doc["return_id"], doc["created_at"],
                          payload, signature, chain)


def chain_points(doc: dict[str, Any]) -> tuple[tuple[tuple[int, str], ...], str | None]:
    """The audit-chain points a return shows, recomputed from its macs (format 2), or just
    its head (format 1); with the reason when its chain does not lead to its head."""
    head = (int(doc["audit_head"]["seq"]), str(doc["audit_head"]["hash"]))
    if doc["version"] < 2:
        return (head,), None
    chain = doc["audit_chain"]
    start = (int(chain["from"]["seq"]), str(chain["from"]["hash"]))
    try:
        raw = base64.b64decode(chain["macs"], validate=True)
    except (ValueError, binascii.Error):
        return (), "its audit chain is not base64"
    if len(raw) % 32 or start[0] + len(raw) // 32 != head[0]:
        return (), (f"its audit chain carries {len(raw) // 32:,} entries from entry "
                    f"{start[0]:,}, which does not reach its head at entry {head[0]:,}")
    macs = [raw[i:i + 32].hex() for i in range(0, len(raw), 32)]
    points = [start, *((start[0] + n, digest) for n, digest in
                       enumerate(audit.follow(start[1], macs), start=1))]
    if points[-1] != head:
        return (), "its audit chain does not lead to its head (it was altered or is incomplete)"
    return tuple(points), None


def releases_problem(doc: dict[str, Any]) -> str | None:
    """Why the unit's publication register (format 2, optional) cannot be used, or None."""
    from app.core.sdc import Release

    for item in doc.get("publications", []):
        try:
            release = Release.from_json(item)
        except (ValueError, KeyError, TypeError, IndexError):
            return "its publication register cannot be read"
        if any(c.key[1] != "" for c in release.cells) or any(
                k[1] != "" for r in release.relations for k in r.keys):
            return ("its publication register speaks of figures other than the unit's own "
                    "(a unit's publications are of its own figures)")
    return None


def unit_releases(doc: dict[str, Any]) -> list[Any]:
    from app.core.sdc import Release

    return [Release.from_json(item) for item in doc.get("publications", [])]


def import_return(board: Board, data: bytes) -> ImportResult:
    """Check a return file's bytes and keep it: one transaction, or nothing at all. A return
    signed by a new key its unit's old key vouches for is held for the board to confirm.
    The unit's publication register, if it sends one, joins the board's (see
    app.services.publication: the board's publications are checked against it)."""
    from app.store import publications

    try:
        incoming = check_return(board, data)
    except HeldForNewKey as held:
        return _hold(board, held)
    saved = board.save_return(incoming)
    if saved.outcome in ("imported", "replaced"):
        doc = parse_payload(incoming.payload)
        publications.add_many(board, unit_releases(doc), source=publications.FROM_UNIT,
                              unit=incoming.unit.name)
    return ImportResult(saved.outcome, incoming.unit.name, incoming.period, incoming.return_id,
                        incoming.created_at, saved.replaced_created_at)


def _hold(board: Board, held: HeldForNewKey) -> ImportResult:
    statements = json.dumps(held.doc.get("key_rotations", []), sort_keys=True).encode()
    outcome = board.hold_for_key(held.unit, held.new_key, statements, held.doc["return_id"],
                                 held.payload, held.signature)
    if outcome == "frozen":
        _refuse_if_frozen(board.unit_named(held.unit.name) or held.unit)
    return ImportResult("held", held.unit.name, held.doc["period"]["label"],
                        held.doc["return_id"], held.doc["created_at"],
                        new_key=fingerprint(held.new_key))


def confirm_key(board: Board, unit_name: str, given: str
                ) -> list[tuple[str, ImportResult | CasebookError]]:
    """The board confirmed a unit's new key (by phone): make it the unit's, then import the
    returns held for it, each reported (return id -> result or refusal)."""
    _, held = board.confirm_key(unit_name, given)
    unit = board.unit_named(unit_name)
    assert unit is not None
    results: list[tuple[str, ImportResult | CasebookError]] = []
    for item in held:
        try:
            if not verifies(unit.public_key, item.payload, item.signature):
                raise ReturnRejected("bad_signature", "It is signed by another of the keys "
                                     "that arrived, not the one confirmed; it was not imported.")
            incoming = check_payload_of(unit, item.payload, item.signature)
            saved = board.save_return(incoming)
            results.append((item.return_id, ImportResult(
                saved.outcome, unit.name, incoming.period, incoming.return_id,
                incoming.created_at, saved.replaced_created_at)))
        except CasebookError as exc:
            results.append((item.return_id, exc))
    return results


def read_return_file(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE + 1)
    except OSError as exc:
        raise CasebookError(f"Cannot read {path} ({exc.strerror or exc}).") from exc
    return data


def import_files(board: Board, paths: Iterable[Path],
                 on_result: Callable[[Path, ImportResult | CasebookError], None] | None = None,
                 *, per_commit: int = 1) -> list[tuple[Path, ImportResult | CasebookError]]:
    """Import several files, each on its own: one refused does not stop the others.

    Each file is kept whole or not at all. By default each is its own transaction,
    committed (flushed to disk) before the next is read, and reported as it is kept.
    With `per_commit` above 1, that many files share one transaction, each inside it
    as a savepoint (a refused one undoes only its own changes): one disk flush instead
    of one per file, which is most of the time a return takes to import. Their results
    are reported once they are committed; if the group cannot be committed (or an
    unexpected error stops it), none of it is kept and the error is raised (importing
    the same files again is always safe).
    """
    if per_commit < 1:
        raise ValueError("per_commit is at least 1")
    results: list[tuple[Path, ImportResult | CasebookError]] = []
    pending = list(paths)
    for first in range(0, len(pending), per_commit):
        group: list[tuple[Path, ImportResult | CasebookError]] = []
        with database.batch(board.conn) if per_commit > 1 else contextlib.nullcontext():
            for path in pending[first:first + per_commit]:
                outcome: ImportResult | CasebookError
                try:
                    outcome = import_return(board, read_return_file(path))
                except CasebookError as exc:
                    outcome = exc
                except Exception as exc:  # never let one file stop the batch
                    outcome = CasebookError(
                        f"{report_unexpected(exc)} This file was not imported; the others "
                        "go on.")
                group.append((path, outcome))
                if per_commit == 1 and on_result is not None:
                    on_result(path, outcome)
        if per_commit > 1 and on_result is not None:
            for path, outcome in group:
                on_result(path, outcome)
        results.extend(group)
    return results
