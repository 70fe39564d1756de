"""Case summaries: made, saved (password-protected unless the contact chose otherwise) and
audited. Letters are app/services/letters.py.

A full summary shows the person's identity, so the reason is required and recorded (the
renderer audits it), and the file is protected with a password unless `unprotected` says
the contact chose, when asked, to save it without one (audited as such). The redacted
summary needs neither.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.documents.case_summary import render_case_summary
from app.documents.protect import save_pdf
from app.store.casebook import Casebook
from app.store.errors import CasebookError

UNPROTECTED_REFUSED = ("This file shows the person's identity, so it is protected with a "
                       "password: give one, or confirm that it is to be saved without.")


def require_protection(password: str | None, unprotected: bool) -> None:
    """A file showing an identity is password-protected unless the contact chose not to."""
    if password is None and not unprotected:
        raise CasebookError(UNPROTECTED_REFUSED)


def save_case_summary(book: Casebook, concern_id: int, out: Path, *,
                      full_reason: str | None = None, password: str | None = None,
                      unprotected: bool = False, today: date | None = None) -> Path:
    """The case summary, redacted unless `full_reason` is given (a reveal), saved to `out`."""
    if full_reason is not None and not full_reason.strip():
        raise CasebookError("The full case summary shows the person's identity, so give the "
                            "reason (it is recorded in the audit log).")
    full = full_reason is not None
    if full:
        require_protection(password, unprotected)
    pdf = render_case_summary(book, concern_id, full_reason=full_reason, today=today,
                              protected=(password is not None) if full else None)
    return save_pdf(out, pdf, password)
