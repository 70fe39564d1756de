"""Saving a PDF, and protecting one that identifies a person with a password (AES-256).

reportlab's own encryption writes files that poppler-based viewers cannot
open, so a finished PDF is encrypted afterwards with pypdf (AES-256, PDF 2.0
security handler), which every current viewer reads. A protected PDF is still a
copy outside the encrypted casebook: the warning below is shown whenever one
is saved.
"""

from __future__ import annotations

import io
import secrets
from pathlib import Path

from app.documents.errors import DocumentError
from app.store.atomic import write_atomic

MIN_PASSWORD = 8
LEAVES_CASEBOOK = (
    "This file identifies a person and leaves the encrypted casebook: keep it somewhere "
    "safe, share it only with people the person agreed to, and delete it when it is no "
    "longer needed."
)


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise DocumentError(f"A PDF password needs at least {MIN_PASSWORD} characters.")


def protect_pdf(pdf: bytes, password: str) -> bytes:
    """The same PDF, openable only with `password` (AES-256)."""
    from pypdf import PdfReader, PdfWriter  # loaded when a PDF is protected

    check_password(password)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    # The owner password (to change permissions) is random and discarded: nobody needs it.
    writer.encrypt(user_password=password, owner_password=secrets.token_urlsafe(24),
                   algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def save_pdf(path: Path, pdf: bytes, password: str | None = None) -> Path:
    """Write the PDF (protected when a password is given) so that a crash leaves no half file.

    The file is created readable by its owner only, wherever the system allows it.
    """
    data = protect_pdf(pdf, password) if password is not None else pdf
    return save_file(path, data)


def save_file(path: Path, data: bytes) -> Path:
    path = path.expanduser()
    if not path.parent.is_dir():
        raise DocumentError(f"Cannot save {path}: the folder {path.parent} does not exist.")
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise DocumentError(f"Cannot save {path}: {exc.strerror or exc}.") from exc
    return path
