"""Anchors: the audit heads the board holds for a unit, checked against the unit's casebook.

Anyone with a casebook's passphrase can rewrite its audit log and recompute the chain, so
`casebook check` alone cannot see it. The board holds every head the unit has sent in a
return; `casebook board anchors UNIT --out FILE` writes them out, and `casebook check
--anchors FILE` on the unit's laptop verifies that its log still passes through each one
(an information governance lead can carry the file between them). The file holds
sequence numbers and hashes only: nothing of any entry.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from app.store.atomic import write_atomic
from app.store.board import Board
from app.store.check import Anchor
from app.store.errors import CasebookError

FORMAT = "casebook-anchors"
VERSION = 1
MAX_FILE = 8 * 1024 * 1024


def export_anchors(board: Board, unit_name: str, out: Path) -> int:
    """Write the unit's held heads to `out` (audited); returns how many."""
    heads = board.chain_heads(unit_name)
    unit = board.unit_named(unit_name)
    assert unit is not None
    doc = {"format": FORMAT, "version": VERSION, "unit": unit.name, "board": board.name,
           "made_at": datetime.now(UTC).isoformat(timespec="seconds"), "heads": heads}
    try:
        write_atomic(out, (json.dumps(doc, indent=2) + "\n").encode())
    except OSError as exc:
        raise CasebookError(f"The anchors could not be written to {out} "
                            f"({exc.strerror or exc}).") from exc
    board.record("anchors.exported", "unit", unit.name, {"heads": len(heads)})
    return len(heads)


def read_anchors(path: Path) -> tuple[Anchor, ...]:
    """The heads in an anchors file; one plain sentence when it is not one."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE + 1)
    except OSError as exc:
        raise CasebookError(f"Cannot read {path} ({exc.strerror or exc}).") from exc
    not_one = CasebookError(f"{path.name} is not an anchors file from `casebook board "
                            "anchors`.")
    if len(data) > MAX_FILE:
        raise not_one
    try:
        doc = json.loads(data)
        if doc.get("format") != FORMAT or doc.get("version") != VERSION:
            raise not_one
        anchors = []
        for head in doc["heads"]:
            seq, digest = head["seq"], head["hash"]
            if (type(seq) is not int or seq < 0 or not isinstance(digest, str)
                    or len(digest) != 64):
                raise not_one
            anchors.append(Anchor(seq, digest, f"the board's copy of the return for "
                                  f"{str(head.get('period', '?'))[:20]} (made "
                                  f"{str(head.get('created_at', '?'))[:32]})"))
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        raise not_one from exc
    return tuple(anchors)
