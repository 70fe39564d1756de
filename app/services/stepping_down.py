"""Stepping down: what remains before a casebook can be retired.

A contact or ambassador who steps down hands open concerns to a colleague, sends the
returns still owed, destroys the records that are due, and leaves a final backup where
the organisation chose. `status` says what is left of each, in that order:

- open concerns held here and not handed over;
- returns not built: every quarter from the one the casebook was created in up to the
  current one, with no return built for it or for its financial year (a return for
  the current quarter covers the events so far; after a handover the colleague's
  returns count what happens next);
- records due for destruction;
- the final backup: a backup in the organisation's chosen place (a setting) made since
  the last change to the casebook.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from app.core.periods import Period, quarter_of
from app.services import retention
from app.services.handover import history
from app.store import backup
from app.store.casebook import Casebook
from app.store.errors import CasebookError

PLACE_SETTING = "final_backup_place"
# Audit events that change nothing a backup holds (reading, exporting, backing up).
_UNCHANGING = ("backup.", "export.", "identity.revealed", "retention.destruction_approved")


@dataclass(frozen=True)
class FinalBackup:
    place: str | None  # the organisation's chosen place, or None when not set
    latest: str | None  # the newest backup found there (its folder)
    made: str | None  # when it was made
    current: bool  # made since the last change: nothing is missing from it


@dataclass(frozen=True)
class SteppingDown:
    open_concerns: tuple[str, ...]
    returns_due: tuple[str, ...]  # period labels
    due_for_destruction: tuple[str, ...]
    final_backup: FinalBackup
    handovers: tuple[dict[str, object], ...] = field(default_factory=tuple)

    @property
    def ready(self) -> bool:
        return not (self.open_concerns or self.returns_due or self.due_for_destruction
                    or not self.final_backup.current)

    def as_dict(self) -> dict[str, object]:
        return {"ready": self.ready, "open_concerns": list(self.open_concerns),
                "returns_due": list(self.returns_due),
                "due_for_destruction": list(self.due_for_destruction),
                "final_backup": {"place": self.final_backup.place,
                                 "latest": self.final_backup.latest,
                                 "made": self.final_backup.made,
                                 "current": self.final_backup.current},
                "handovers": list(self.handovers)}


def set_place(book: Casebook, place: Path) -> str:
    """The folder the organisation chose for a retiring casebook's final backup."""
    chosen = str(place.expanduser().resolve())
    if not chosen.strip():
        raise CasebookError("Give the folder the organisation chose for the final backup.")
    book.set_setting(PLACE_SETTING, chosen)
    return chosen


def _quarters(first: date, today: date) -> list[Period]:
    found: list[Period] = []
    current = quarter_of(first)
    while current.start <= today:
        found.append(current)
        current = quarter_of(date.fromordinal(current.end.toordinal() + 1))
    return found


def _returns_built(book: Casebook) -> set[str]:
    return {str(json.loads(detail).get("period", "")) for (detail,) in book.cases.execute(
        "SELECT detail FROM audit WHERE event = 'return.built'")}


def _year_label(quarter: Period) -> str:
    return quarter.label.rsplit("-Q", 1)[0]


def returns_due(book: Casebook, today: date) -> list[str]:
    created = date.fromisoformat((book.setting("created_at") or today.isoformat())[:10])
    earliest = book.cases.execute("SELECT min(received_on) FROM concerns").fetchone()[0]
    first = min(created, date.fromisoformat(earliest)) if earliest else created
    built = _returns_built(book)
    return [q.label for q in _quarters(first, today)
            if q.label not in built and _year_label(q) not in built]


def final_backup(book: Casebook) -> FinalBackup:
    place = book.setting(PLACE_SETTING)
    if not place:
        return FinalBackup(None, None, None, False)
    root = Path(place)
    entries = [p for p in backup.list_backups(book.folder)
               if p.parent.resolve() == root.resolve() and p.is_dir()]
    if not entries:
        return FinalBackup(place, None, None, False)
    newest = max(entries, key=lambda p: p.name)
    try:
        manifest = backup.read_manifest(newest)
        head = manifest.get("audit_head")
        seq = int(head["seq"]) if isinstance(head, dict) else 0
        made = str(manifest.get("created_at", ""))
    except (CasebookError, KeyError, TypeError, ValueError):
        return FinalBackup(place, str(newest), None, False)
    later = [event for (event,) in book.cases.execute(
        "SELECT event FROM audit WHERE seq > ? ORDER BY seq", (seq,))]
    current = all(event.startswith(_UNCHANGING) for event in later)
    return FinalBackup(place, str(newest), made, current and backup.files_intact(newest))


def status(book: Casebook, today: date | None = None) -> SteppingDown:
    when = today or date.today()
    items = retention.items(book)
    return SteppingDown(
        open_concerns=tuple(i.reference for i in items if i.open),
        returns_due=tuple(returns_due(book, when)),
        due_for_destruction=tuple(i.reference for i in retention.due(book, when)),
        final_backup=final_backup(book),
        handovers=tuple(history(book)))
