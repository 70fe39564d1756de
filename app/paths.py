"""Every path the app uses, in one place (platformdirs, plus `--casebook DIR`).

Folders the app creates are private to the user (0700).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Casebook"
APP_AUTHOR = "Casebook"

CASES_DB = "cases.db"
IDENTITIES_DB = "identities.db"
KEYSLOTS = "keyslots.json"
LOCK_FILE = "casebook.lock"
BACKUPS_DIR = "backups"
BACKUP_INDEX = "backup-index.json"
REKEY_MARKER = "rekey.commit"


def is_casebook(folder: Path) -> bool:
    """Whether `folder` holds a casebook (a stat of its cases file, nothing opened)."""
    return (folder / CASES_DB).exists()


def default_casebook_dir() -> Path:
    """Where a casebook lives when no `--casebook DIR` is given."""
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)) / "casebook"


def log_dir() -> Path:
    """Logs carry ids and events only, never names or notes."""
    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and parents) readable by the user alone."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        os.chmod(path, 0o700)
    return path


def resource_root() -> Path:
    """The folder holding `database/` and `resources/` (source tree or frozen bundle)."""
    import sys

    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def migrations_dir(store: str) -> Path:
    return resource_root() / "database" / store


def resources_dir() -> Path:
    return resource_root() / "resources"
