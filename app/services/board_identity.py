"""The board's age identity, from a file made by age-keygen: read, checked, its recipient."""

from __future__ import annotations

from pathlib import Path

from app.store.board import parse_age_identity, recipient_of_identity
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
