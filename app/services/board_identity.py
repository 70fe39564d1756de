"""The board's age identity: read from a file age-keygen made, and written out to one."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from app.store.board import Board, parse_age_identity, recipient_of_identity
from app.store.errors import CasebookError


def read_identity_file(path: Path) -> str:
    """The identity line of an age identity file (checked); one plain sentence otherwise."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CasebookError(f"Cannot read the identity file {path}.") from exc
    return parse_age_identity(text)


def identity_recipient(path: Path) -> str:
    """The recipient (public key) units encrypt to, for the identity in `path`."""
    return recipient_of_identity(read_identity_file(path))


def export_identity(board: Board, out: Path) -> Path:
    """The board's age identity in a new file (0600), as age-keygen writes one; audited.
    Never over an existing file."""
    text = (f"# created: {datetime.now(UTC).replace(microsecond=0).isoformat()}\n"
            f"# public key: {board.recipient()}\n{board.identity()}\n")
    try:
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError as exc:
        raise CasebookError(f"{out} already exists; nothing was written. Choose a new "
                            "file name.") from exc
    except OSError as exc:
        raise CasebookError(f"Cannot write {out} ({exc.strerror or exc}).") from exc
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    board.record("identity.exported", "board", board.board_id)
    return out
