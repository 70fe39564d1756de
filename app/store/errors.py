"""What can go wrong with a casebook, each said as one plain sentence.

The CLI prints `str(error)` and exits non-zero; the GUI shows it in a dialog.
Neither ever shows a traceback for these.
"""

from __future__ import annotations

import errno
from pathlib import Path


class CasebookError(Exception):
    """A problem the user can understand and act on."""


class WrongPassphrase(CasebookError):
    def __init__(self) -> None:
        super().__init__("Wrong passphrase.")


class WrongRecoveryKey(CasebookError):
    def __init__(self, detail: str = "") -> None:
        super().__init__(detail or "That recovery key does not open this casebook.")


class NoCasebook(CasebookError):
    def __init__(self, folder: Path) -> None:
        super().__init__(f"There is no casebook in {folder}.")


class CasebookExists(CasebookError):
    def __init__(self, folder: Path) -> None:
        super().__init__(f"A casebook already exists in {folder}; nothing was changed.")


class CasebookInUse(CasebookError):
    def __init__(self, folder: Path, holder: str) -> None:
        super().__init__(
            f"This casebook is already open in another Casebook window or command ({holder}); "
            "close it there first."
        )


class NetworkFolder(CasebookError):
    def __init__(self, folder: Path, fstype: str) -> None:
        super().__init__(
            f"{folder} is on a network drive ({fstype}); a casebook must be on this computer's "
            "own disk (backups may go to a network drive)."
        )


class CasebookDamaged(CasebookError):
    def __init__(self, path: Path, latest_backup: Path | None) -> None:
        where = (
            f" The latest good backup is {latest_backup}."
            if latest_backup
            else " No good backup was found."
        )
        super().__init__(
            f"{path} is damaged; it has not been changed or overwritten.{where}"
        )
        self.path = path
        self.latest_backup = latest_backup


class LostCommits(CasebookDamaged):
    """Committed changes are missing (a damaged write-ahead log): damage, said as such."""

    def __init__(self, path: Path, why: str, latest_backup: Path | None) -> None:
        super().__init__(path, latest_backup)
        where = (f" The latest good backup is {latest_backup}." if latest_backup
                 else " No good backup was found.")
        self.args = (f"{path} is damaged: {why}. It has not been changed or overwritten."
                     f"{where}",)
        self.why = why


class KeySlotsUnreadable(CasebookError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path} is missing or damaged; open the casebook with its recovery key "
            "(casebook recover) to set a new passphrase."
        )


class KeySlotDamaged(CasebookError):
    """A key slot whose content is malformed: not a wrong passphrase, and said apart."""

    def __init__(self, path: Path, slot: str, why: str) -> None:
        super().__init__(
            f"The {slot} slot in {path} is damaged ({why}), so it cannot be checked; this is "
            "not a wrong passphrase. Open the casebook with its recovery key (casebook "
            "recover) to set a new passphrase."
        )
        self.slot = slot


class NewerCasebook(CasebookError):
    def __init__(self, database: str, version: int, known: int) -> None:
        super().__init__(
            f"{database} was written by a newer Casebook (schema {version}, this one knows "
            f"{known}); update Casebook before opening it."
        )


class DiskFull(CasebookError):
    def __init__(self) -> None:
        super().__init__(
            "The disk is full, so the last change was not saved; everything saved before it "
            "is intact. Free some space and try again."
        )


class ReadOnlyFolder(CasebookError):
    def __init__(self, folder: Path) -> None:
        super().__init__(
            f"Casebook cannot write to {folder} (it is read-only); nothing was changed."
        )


class WeakPassphrase(CasebookError):
    pass


class QuickUnlockUnavailable(CasebookError):
    def __init__(self) -> None:
        super().__init__(
            "Quick unlock needs a secure system keyring, and none is available here; "
            "use the passphrase."
        )


class NotFound(CasebookError):
    pass


class BackupError(CasebookError):
    pass


# ----- returns and the board's store ----------------------------------------------------


class ReturnError(CasebookError):
    """A return cannot be built or sent."""


class IdentifyingText(ReturnError):
    """Learning statements that look as if they could identify someone: the build stops."""

    def __init__(self, problems: list[tuple[str, list[str]]]) -> None:
        lines = [f'- "{statement}": {" ".join(reasons)}' for statement, reasons in problems]
        super().__init__(
            "The return was not built: these learning statements may identify someone; "
            "edit them or unmark them as publishable.\n" + "\n".join(lines))
        self.problems = problems


class ReturnRejected(CasebookError):
    """The board refused a return; `reason` is a stable code, the message a plain sentence.

    Codes: not_a_return, not_for_this_board, damaged, no_signature, bad_signature, impossible,
    unknown_unit, unit_mismatch, invalid, period_mismatch, superseded, conflict.
    """

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


class NoBoard(CasebookError):
    def __init__(self, folder: Path) -> None:
        super().__init__(f"There is no board store in {folder}; create one with "
                         "`casebook board init --board DIR`.")


class BoardExists(CasebookError):
    def __init__(self, folder: Path) -> None:
        super().__init__(f"{folder} already holds a casebook or a board store; nothing was "
                         "changed.")


class BoardInUse(CasebookError):
    def __init__(self, folder: Path) -> None:
        super().__init__(f"The board store in {folder} is already open in another Casebook "
                         "window or command; close it there first.")


class FolderUnusable(CasebookError):
    """A folder the system will not let Casebook use, for a reason other than the usual."""


def folder_error(exc: OSError, folder: Path) -> CasebookError:
    """An operating-system error met opening, locking or closing, said as one sentence."""
    code = exc.errno
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ReadOnlyFolder(folder)
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return FolderUnusable(
            f"The disk holding {folder} is full, so Casebook cannot use it; nothing was "
            "changed. Free some space and try again.")
    if code == errno.ENOENT:
        return FolderUnusable(f"{folder} is not there any more (was a drive removed?); "
                              "nothing was changed.")
    if code == errno.EIO:
        return FolderUnusable(f"The disk holding {folder} could not be read or written (an "
                              "input/output error: the disk may be failing or unplugged); "
                              "nothing was changed.")
    reason = exc.strerror or type(exc).__name__
    return FolderUnusable(f"Casebook cannot use {folder} ({reason}); nothing was changed.")
