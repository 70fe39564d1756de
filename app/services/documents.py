"""Letters and case summaries: made, saved (password-protected when asked) and audited.

Making a letter or a full summary is a reveal of the person's identity, so the reason is
required and recorded (the renderers audit it); the redacted summary needs none.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.documents.case_summary import render_case_summary
from app.documents.letters import LETTER_KINDS, render_letter
from app.documents.protect import save_pdf
from app.store.casebook import Casebook
from app.store.errors import CasebookError


def save_letter(book: Casebook, concern_id: int, kind: str, reason: str, out: Path, *,
                password: str | None = None, letter_date: date | None = None) -> Path:
    """A letter to the person who raised the concern, saved to `out`."""
    if kind not in LETTER_KINDS:
        raise CasebookError(f"There is no letter called {kind}; choose one of "
                            f"{', '.join(LETTER_KINDS)}.")
    if not reason.strip():
        raise CasebookError("A letter shows the person's identity, so give the reason (it is "
                            "recorded in the audit log).")
    pdf = render_letter(book, concern_id, kind, reason.strip(), letter_date=letter_date)
    return save_pdf(out, pdf, password)


def save_case_summary(book: Casebook, concern_id: int, out: Path, *,
                      full_reason: str | None = None, password: str | None = None,
                      today: date | None = None) -> Path:
    """The case summary, redacted unless `full_reason` is given (a reveal), saved to `out`."""
    if full_reason is not None and not full_reason.strip():
        raise CasebookError("The full case summary shows the person's identity, so give the "
                            "reason (it is recorded in the audit log).")
    pdf = render_case_summary(book, concern_id, full_reason=full_reason, today=today)
    return save_pdf(out, pdf, password)
