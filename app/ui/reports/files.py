"""Where saved files go by default, and file names made from labels.

The folder last used is remembered in memory only (never in QSettings): a
folder is not case content, but nothing about the casebook's use is kept
outside it.
"""

from __future__ import annotations

import re
from pathlib import Path

_last_folder: Path | None = None


def default_folder() -> Path:
    if _last_folder is not None:
        return _last_folder
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()


def remember_folder(path: Path) -> None:
    global _last_folder
    _last_folder = path.parent


def safe_file_name(text: str) -> str:
    """A label as a file name on every system: letters, digits, spaces, dots and dashes."""
    cleaned = re.sub(r"[^\w .()-]+", "-", text, flags=re.UNICODE).strip(" .-")
    return cleaned or "casebook"


def with_suffix(path: Path, suffix: str) -> Path:
    """Add the suffix when the name typed has none of its own kind."""
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)
