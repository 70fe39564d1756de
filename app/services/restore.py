"""Opening a casebook restored from a backup made before its passphrase was last changed.

A backup keeps the key slots it was made with, so it opens with the passphrase the
casebook had then. A person who restores it types the passphrase they use today and is
told "Wrong passphrase.", which is true and no help. So a restore notes which backup it
came from and where that casebook lives (`restored-from.json`, no secrets). When the
casebook it came from is still on this computer, has the same keys, and its passphrase
slot changed after the backup's:

- the current passphrase is tried on that casebook's slot too; if it opens it, the
  restored casebook is opened with it (same master key), and the person is offered to
  set it on the restored casebook as well;
- opened with the old passphrase, the person is told the original's passphrase has
  changed since, and offered to set the current one.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.paths import KEYSLOTS, is_casebook
from app.store import backup, keyslots
from app.store.atomic import write_atomic
from app.store.backup import RESTORED_FROM
from app.store.casebook import Casebook
from app.store.errors import BackupError, CasebookError, WrongPassphrase
from app.store.keyslots import KeySlots


@dataclass(frozen=True)
class Opened:
    book: Casebook
    # Set when the restored casebook's passphrase is older than its original's: what to
    # tell the person, who may then set the current one (`adopt_passphrase`).
    older_passphrase: str | None = None
    with_current: bool = False  # opened with the original's (current) passphrase


def _changed_at(slots: KeySlots) -> str:
    return str((slots.slots.get("passphrase") or {}).get("changed_at", ""))


def _original_slots(folder: Path, restored: KeySlots) -> tuple[KeySlots, Path, str] | None:
    """The original casebook's key slots when it is here, has the same keys, and a newer
    passphrase; with its folder and the backup's date."""
    try:
        note = json.loads((folder / RESTORED_FROM).read_text(encoding="utf-8"))
        source = Path(str(note["source"]))
        if source.resolve() == folder.resolve():
            return None
        original = keyslots.load(source / KEYSLOTS)
    except (OSError, ValueError, KeyError, TypeError, CasebookError):
        return None
    if (original.casebook_id, original.key_check) != (restored.casebook_id, restored.key_check):
        return None
    mine, theirs = restored.slots.get("passphrase"), original.slots.get("passphrase")
    if theirs is None or theirs == mine or _changed_at(original) < _changed_at(restored):
        return None  # the same passphrase slot, or the restored one is the newer
    if note.get("adopted") == _slot_digest(theirs):
        return None  # this passphrase was already set here
    return original, source, str(note.get("made") or "")


def _slot_digest(slot: object) -> str:
    return hashlib.sha256(json.dumps(slot, sort_keys=True).encode()).hexdigest()


def open_restored(folder: Path, passphrase: str) -> Opened:
    """Open a casebook with a passphrase, helping a restored one as described above."""
    try:
        restored = keyslots.load(folder / KEYSLOTS)
    except CasebookError:
        return Opened(Casebook.open(folder, passphrase))
    original = _original_slots(folder, restored)
    try:
        book = Casebook.open(folder, passphrase)
    except WrongPassphrase:
        if original is None:
            raise
        slots, source, made = original
        try:
            master = keyslots.open_with_passphrase(slots, passphrase, source / KEYSLOTS)
        except (WrongPassphrase, CasebookError):
            raise WrongPassphrase() from None
        book = Casebook.open_with_master(folder, master)
        return Opened(book, _told(source, made, slots, current=True), with_current=True)
    if original is None:
        return Opened(book)
    slots, source, made = original
    return Opened(book, _told(source, made, slots, current=False))


def _told(source: Path, made: str, slots: KeySlots, *, current: bool) -> str:
    when = made[:10] or "some time ago"
    changed = _changed_at(slots)[:10]
    if current:
        return (f"This casebook was restored from a backup made on {when}, before its "
                f"passphrase was changed (on {changed}, in {source}); it has opened with the "
                "current passphrase, which the restored copy does not have yet.")
    return (f"This casebook was restored from a backup made on {when} and opens with the "
            f"passphrase it had then; the casebook in {source} has had its passphrase "
            f"changed since (on {changed}).")


def adopt_passphrase(book: Casebook, passphrase: str) -> None:
    """Give the restored casebook its original's current passphrase (checked against the
    original's slot first): rewrites the restored slot only, audited."""
    original = _original_slots(book.folder, book.slots)
    if original is not None:
        slots, source, _ = original
        try:
            keyslots.open_with_passphrase(slots, passphrase, source / KEYSLOTS)
        except WrongPassphrase:
            raise CasebookError(f"That is not the current passphrase of the casebook in "
                                f"{source}; nothing was changed.") from None
    book.change_passphrase(passphrase)
    book.record("backup.passphrase_adopted", "casebook", book.casebook_id)
    if original is not None:  # remembered, so it is not offered again for this passphrase
        try:
            note = json.loads((book.folder / RESTORED_FROM).read_text(encoding="utf-8"))
            note["adopted"] = _slot_digest(original[0].slots.get("passphrase"))
            write_atomic(book.folder / RESTORED_FROM, json.dumps(note).encode())
        except (OSError, ValueError):
            pass


# ----- restoring: checked first, then copied into a new or empty folder --------------------


def restore_backup(entry: Path, target: Path) -> Path:
    """Copy a backup into a new or empty folder (never over a casebook), noting whence."""
    return backup.restore(entry, target)


@dataclass(frozen=True)
class RestoreCheck:
    backup: str  # the backup folder as checked (stale answers are ignored)
    target: str
    backup_problem: str | None
    backup_summary: str | None  # created at, counts: plain facts, no content
    target_problem: str | None


def check_restore(backup_text: str, target_text: str) -> RestoreCheck:
    """Runs on the worker: everything that can be known before restoring."""
    backup_problem: str | None = None
    summary: str | None = None
    target_problem: str | None = None
    entry = Path(backup_text).expanduser() if backup_text.strip() else None
    target = Path(target_text).expanduser() if target_text.strip() else None
    if entry is None:
        backup_problem = "Choose the backup folder (its name starts with casebook-backup)."
    elif not entry.is_dir():
        backup_problem = f"{entry} is not a folder."
    else:
        try:
            manifest = backup.read_manifest(entry)
        except BackupError as exc:
            backup_problem = str(exc)
        else:
            if not backup.files_intact(entry):
                backup_problem = f"{entry} is damaged (its files do not match its manifest)."
            else:
                summary = _summary(manifest)
    if target is None:
        target_problem = "Choose a new or empty folder to restore into."
    elif entry is not None and target.resolve() == entry.resolve():
        target_problem = "Restore into another folder, not the backup itself."
    elif target.exists() and not target.is_dir():
        target_problem = f"{target} is a file, not a folder."
    elif is_casebook(target):
        target_problem = f"{target} already holds a casebook; choose a new or empty folder."
    elif target.exists() and any(target.iterdir()):
        target_problem = f"{target} is not empty; choose a new or empty folder."
    return RestoreCheck(backup_text, target_text, backup_problem, summary, target_problem)


def _summary(manifest: dict[str, object]) -> str:
    made = str(manifest.get("created_at", ""))
    try:
        when = datetime.fromisoformat(made).astimezone().strftime("%d/%m/%Y %H:%M")
    except ValueError:
        when = made or "an unknown date"
    counts = manifest.get("counts")
    concerns = counts.get("concerns") if isinstance(counts, dict) else None
    if isinstance(concerns, int):
        noun = "concern" if concerns == 1 else "concerns"
        return f"A backup made on {when}, holding {concerns} {noun}."
    return f"A backup made on {when}."
