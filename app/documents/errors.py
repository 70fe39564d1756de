"""What can stop a document being made, said as one plain sentence (shown as is by CLI and GUI)."""

from __future__ import annotations

from app.store.errors import CasebookError


class DocumentError(CasebookError):
    """A letter, summary or report that cannot be made as asked."""
