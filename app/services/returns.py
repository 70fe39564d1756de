"""The return to the board, on the contact's side: built for a preview, then sent as built.

A return is built (figures, learning statements checked for identifying text, the audit
chain since the previous return), shown to the contact exactly as it would leave, and
only then signed with the unit's key, encrypted to the board and written: what was
previewed is what is sent.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.core.periods import Period
from app.returns.envelope import board_recipient, write_return
from app.returns.payload import build_payload, preview_text
from app.store.casebook import Casebook

Payload = dict[str, Any]


def build_return(book: Casebook, period: Period, *, need_board_key: bool = True) -> Payload:
    """The payload for `period` (raises IdentifyingText when a learning statement may
    identify someone; ReturnError when the board's key is not set and it is needed)."""
    if need_board_key:
        board_recipient(book)  # say at once, before the work, if it is not set
    return build_payload(book, period)


def return_text(payload: Payload) -> str:
    """The exact text that would be signed and sent."""
    return preview_text(payload)


def send_return(book: Casebook, payload: Payload, out: Path) -> Path:
    """Sign the built payload, encrypt it to the board, write it to `out` (audited)."""
    return write_return(book, payload, out)
