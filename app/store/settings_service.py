"""The casebook's own settings: read them, check them, change them (each change audited).

Settings that are not secret live in the casebook's meta table, so a backup carries
them; secrets never do. Every check here is a plain function the settings screen
also calls as the user types, so the screen and the store say the same thing.
Holidays go through the concern service, which recomputes every due date.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

import pyrage

from app.core.calendar import WorkingCalendar
from app.paths import KEYSLOTS
from app.store import keyslots, quick_unlock, recipients
from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from app.store.encrypted import check_new_passphrase
from app.store.errors import CasebookError, WeakPassphrase

AUTO_LOCK_MINUTES = (1, 120)
RETENTION_YEARS = (1, 50)
SMALL_NUMBER_THRESHOLD = (2, 10)
DASHBOARD_WORKING_DAYS = (1, 60)
INITIAL_PROMPT_DAYS = (1, 60)
DEFAULTS = {
    "auto_lock_minutes": 5,
    "retention_years": 6,
    "small_number_threshold": 5,
    "dashboard_working_days": 10,
    "initial_discussion_prompt_days": 5,
}
# The concerns list: which columns are shown (in order) and how it is sorted.
LIST_COLUMNS_SETTING = "list_columns"
LIST_SORT_SETTING = "list_sort"
BOARD_RECIPIENT = recipients.BOARD_RECIPIENT


class SettingsError(CasebookError):
    """A setting that cannot be saved as given; the message says which and why."""


# ----- checks (also used by the settings screen as the user types) --------------------


def organisation_problem(text: str) -> str | None:
    if not text.strip():
        return "Give the organisation's name (the NHS board or HSCP)."
    if len(text.strip()) > 200:
        return "The organisation's name is too long (200 characters at most)."
    return None


def unit_problem(text: str) -> str | None:
    if not text.strip():
        return "Give the reporting unit's name (it appears on every return)."
    if len(text.strip()) > 200:
        return "The reporting unit's name is too long (200 characters at most)."
    return None


def _range_problem(value: int, bounds: tuple[int, int], what: str) -> str | None:
    low, high = bounds
    if not low <= value <= high:
        return f"{what} must be from {low} to {high}."
    return None


def auto_lock_problem(minutes: int) -> str | None:
    return _range_problem(minutes, AUTO_LOCK_MINUTES, "The auto-lock time in minutes")


def retention_problem(years: int) -> str | None:
    return _range_problem(years, RETENTION_YEARS, "The retention period in years")


def threshold_problem(value: int) -> str | None:
    return _range_problem(value, SMALL_NUMBER_THRESHOLD, "The small-number threshold")


def horizon_problem(days: int) -> str | None:
    return _range_problem(days, DASHBOARD_WORKING_DAYS,
                          "The working days the dashboard looks ahead")


def prompt_problem(days: int) -> str | None:
    return _range_problem(days, INITIAL_PROMPT_DAYS,
                          "The working days before an initial discussion is pointed out")


def canonical_recipient(text: str) -> str:
    """The board's age recipient (age1...) in canonical form; "" for none."""
    cleaned = text.strip()
    if not cleaned:
        return ""
    try:
        return str(pyrage.x25519.Recipient.from_str(cleaned))
    except Exception as exc:  # pyrage raises its own error types for bad keys
        raise SettingsError("That is not the board's public key: it is one line starting "
                            "with age1, as the board sent it.") from exc


def recipient_problem(text: str) -> str | None:
    try:
        canonical_recipient(text)
    except SettingsError as exc:
        return str(exc)
    return None


def new_passphrase_problem(passphrase: str) -> str | None:
    try:
        check_new_passphrase(passphrase)
    except WeakPassphrase as exc:
        return str(exc)
    return None


# ----- what the settings screen shows --------------------------------------------------


@dataclass(frozen=True)
class CasebookSettings:
    organisation: str
    reporting_unit: str
    auto_lock_minutes: int
    retention_years: int
    small_number_threshold: int
    board_recipient: str
    quick_unlock_enabled: bool
    quick_unlock_available: bool
    dashboard_working_days: int = DEFAULTS["dashboard_working_days"]
    initial_discussion_prompt_days: int = DEFAULTS["initial_discussion_prompt_days"]


@dataclass(frozen=True)
class SettingsChanges:
    """What to change; None leaves a setting as it is."""

    organisation: str | None = None
    reporting_unit: str | None = None
    auto_lock_minutes: int | None = None
    retention_years: int | None = None
    small_number_threshold: int | None = None
    board_recipient: str | None = None  # "" removes it
    dashboard_working_days: int | None = None
    initial_discussion_prompt_days: int | None = None


class HolidayKind(StrEnum):
    NATIONAL = "national"  # a Scottish bank holiday, as the national calendar has it
    LOCAL = "local"  # added by the organisation
    WORKED = "worked"  # a national holiday the organisation works


@dataclass(frozen=True)
class HolidayEntry:
    day: date
    label: str
    kind: HolidayKind


def holiday_entries(calendar: WorkingCalendar, first: date, last: date) -> tuple[HolidayEntry, ...]:
    """National holidays, local ones and worked national days from first to last, by date."""
    national = dict(WorkingCalendar().holidays_between(first, last))
    local = {d: label for d, label in calendar.local_holidays.items() if first <= d <= last}
    entries: list[HolidayEntry] = []
    for day, label in national.items():
        if day in local:
            continue  # the organisation's own entry for that day is shown instead
        kind = HolidayKind.WORKED if day in calendar.not_holidays else HolidayKind.NATIONAL
        entries.append(HolidayEntry(day, label, kind))
    entries.extend(HolidayEntry(day, label, HolidayKind.LOCAL) for day, label in local.items())
    for day in calendar.not_holidays:
        if first <= day <= last and day not in national and day not in local:
            entries.append(HolidayEntry(day, "Working day", HolidayKind.WORKED))
    return tuple(sorted(entries, key=lambda e: e.day))


def _int_setting(book: Casebook, key: str) -> int:
    default = DEFAULTS[key]
    try:
        return int(book.setting(key, str(default)) or default)
    except ValueError:
        return default


def dashboard_settings(book: Casebook) -> tuple[int, int]:
    """The working days the dashboard looks ahead, and those before an initial discussion
    is pointed out."""
    return (_int_setting(book, "dashboard_working_days"),
            _int_setting(book, "initial_discussion_prompt_days"))


@dataclass(frozen=True)
class ListView:
    """How the concerns list was left: the columns shown, in order, and the sort."""

    columns: tuple[str, ...]
    sort: str
    descending: bool


def list_view(book: Casebook, known: tuple[str, ...], default: ListView) -> ListView:
    """The list's columns and sort as last saved; unknown names (from an older version) are
    dropped, and nothing saved gives `default`."""
    columns = tuple(c for c in (book.setting(LIST_COLUMNS_SETTING, "") or "").split(",")
                    if c in known)
    sort_text = book.setting(LIST_SORT_SETTING, "") or ""
    key, _, order = sort_text.partition(":")
    if key not in known:
        key, order = default.sort, "desc" if default.descending else "asc"
    return ListView(columns or default.columns, key, order == "desc")


def save_list_view(book: Casebook, view: ListView, known: tuple[str, ...]) -> bool:
    """Keep the list's columns and sort (each change audited as a setting); True when
    something changed."""
    if not view.columns or any(c not in known for c in view.columns) or view.sort not in known:
        raise SettingsError("The list's columns or sort were not recognised.")
    changed = False
    for key, value in ((LIST_COLUMNS_SETTING, ",".join(view.columns)),
                       (LIST_SORT_SETTING, f"{view.sort}:{'desc' if view.descending else 'asc'}")):
        if book.setting(key) != value:
            book.set_setting(key, value)
            changed = True
    return changed


class SettingsService:
    """Reads and changes the casebook's settings; runs on the worker thread."""

    def __init__(self, book: Casebook) -> None:
        self.book = book

    def read(self) -> CasebookSettings:
        book = self.book
        return CasebookSettings(
            organisation=book.setting("organisation", "") or "",
            reporting_unit=book.setting("reporting_unit", "") or "",
            auto_lock_minutes=_int_setting(book, "auto_lock_minutes"),
            retention_years=_int_setting(book, "retention_years"),
            small_number_threshold=_int_setting(book, "small_number_threshold"),
            board_recipient=book.setting(BOARD_RECIPIENT, "") or "",
            quick_unlock_enabled=quick_unlock.enabled(book.slots),
            quick_unlock_available=quick_unlock.available(),
            dashboard_working_days=_int_setting(book, "dashboard_working_days"),
            initial_discussion_prompt_days=_int_setting(book,
                                                        "initial_discussion_prompt_days"),
        )

    def save(self, changes: SettingsChanges) -> tuple[str, ...]:
        """Check every change first, then write the ones that differ; returns their keys."""
        values: dict[str, str] = {}
        problems: list[str] = []
        for key, text, problem_of in (
                ("organisation", changes.organisation, organisation_problem),
                ("reporting_unit", changes.reporting_unit, unit_problem)):
            if text is not None:
                problem = problem_of(text)
                if problem:
                    problems.append(problem)
                values[key] = text.strip()
        for key, number, range_problem in (
                ("auto_lock_minutes", changes.auto_lock_minutes, auto_lock_problem),
                ("retention_years", changes.retention_years, retention_problem),
                ("small_number_threshold", changes.small_number_threshold, threshold_problem),
                ("dashboard_working_days", changes.dashboard_working_days, horizon_problem),
                ("initial_discussion_prompt_days", changes.initial_discussion_prompt_days,
                 prompt_problem)):
            if number is not None:
                problem = range_problem(number)
                if problem:
                    problems.append(problem)
                values[key] = str(number)
        recipient: str | None = None
        if changes.board_recipient is not None:
            try:
                recipient = canonical_recipient(changes.board_recipient)
                refusal = recipient and recipients.board_refusal(self.book, recipient)
                if refusal:
                    problems.append(refusal)
            except SettingsError as exc:
                problems.append(str(exc))
        if problems:
            raise SettingsError(" ".join(problems))

        changed = [key for key, value in values.items() if self.book.setting(key) != value]
        for key in changed:
            self.book.set_setting(key, values[key])
        if recipient is not None and recipient != (self.book.setting(BOARD_RECIPIENT) or ""):
            if recipient:
                recipients.set_board_recipient(self.book, recipient)
            else:
                recipients.remove_board_recipient(self.book)
            changed.append(BOARD_RECIPIENT)
        return tuple(changed)

    # ----- quick unlock and passphrase ---------------------------------------------------

    def set_quick_unlock(self, enabled: bool) -> bool:
        if enabled != quick_unlock.enabled(self.book.slots):
            self.book.set_quick_unlock(enabled)
        return quick_unlock.enabled(self.book.slots)

    def change_passphrase(self, current: str, new: str) -> None:
        """Check the current passphrase (when the casebook has one), then set the new one.

        Raises WrongPassphrase for a wrong current passphrase; both steps run Argon2id.
        """
        problem = new_passphrase_problem(new)
        if problem:
            raise WeakPassphrase(problem)
        if "passphrase" in self.book.slots.slots:
            keyslots.open_with_passphrase(self.book.slots, current,
                                          self.book.folder / KEYSLOTS)
            if current == new:
                raise WeakPassphrase("The new passphrase is the same as the current one.")
        self.book.change_passphrase(new)

    # ----- holidays ----------------------------------------------------------------------

    def _concerns(self) -> ConcernService:
        return ConcernService(self.book)

    def holidays(self, years: Iterable[int]) -> tuple[HolidayEntry, ...]:
        chosen = sorted(years)
        return holiday_entries(self._concerns().calendar(), date(chosen[0], 1, 1),
                               date(chosen[-1], 12, 31))

    def add_local_holiday(self, day: date, label: str) -> None:
        national = WorkingCalendar().holiday_name(day)
        calendar = self._concerns().calendar()
        if national is not None and day not in calendar.not_holidays:
            raise SettingsError(f"{day:%d/%m/%Y} is already a Scottish bank holiday ({national}).")
        self._concerns().set_local_holiday(day, label.strip() or "Local holiday")

    def mark_worked(self, day: date) -> None:
        """A national holiday the organisation works: due dates count it as a working day."""
        national = WorkingCalendar().holiday_name(day)
        if national is None:
            raise SettingsError(f"{day:%d/%m/%Y} is not a Scottish bank holiday.")
        self._concerns().set_local_holiday(day, national, working_day=True)

    def remove_local_entry(self, day: date) -> None:
        """Undo the organisation's change for that day (a local holiday, or a worked day)."""
        calendar = self._concerns().calendar()
        if day not in calendar.local_holidays and day not in calendar.not_holidays:
            raise SettingsError(f"{day:%d/%m/%Y} has no local change to remove.")
        self._concerns().remove_local_holiday(day)

