"""Settings: organisation, security, records and publication, the board's key, letters,
holidays.

The fields in the first groups are saved together with "Save changes" (checked
as the user types; nothing is saved while any is wrong). Quick unlock, the
passphrase and holidays are actions saved at once. Every read and write runs on
the worker; the store audits each change. On lock, forget() empties every field.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.store import settings_service as rules
from app.store.recipients import recipient_fingerprint
from app.store.settings_service import (
    CasebookSettings,
    HolidayEntry,
    SettingsChanges,
    SettingsService,
)
from app.ui.base.form_feedback import (
    BusyIndicator,
    FieldMessage,
    centred_page,
    field_with_message,
    heading_font,
    monospace_font,
    with_unit,
)
from app.ui.base.formatting import fingerprint_in_two_lines
from app.ui.base.worker import WorkerState
from app.ui.session import Session
from app.ui.settings.change_passphrase_dialog import ChangePassphraseDialog
from app.ui.settings.holiday_editor import HolidayEditor
from app.ui.settings.identity_check_panel import IdentityCheckPanel
from app.ui.settings.identity_lists_panel import IdentityListsPanel
from app.ui.settings.letters_panel import LettersPanel
from app.ui.settings.unit_key_box import UnitKeyBox

_PAGE_WIDTH_CHARACTERS = 120


@dataclass(frozen=True)
class _Loaded:
    settings: CasebookSettings
    holidays: tuple[HolidayEntry, ...]
    years: tuple[int, int]


class SettingsView(QWidget):
    open_concern = Signal(int)  # from the identity check's findings
    auto_lock_changed = Signal(int)  # minutes, after it is saved
    settings_saved = Signal(tuple)  # the keys that changed
    quick_unlock_changed = Signal(bool)
    passphrase_changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings")
        self.session = session
        self._loaded: _Loaded | None = None
        self._working = False
        self.passphrase_dialog: ChangePassphraseDialog | None = None
        self._form_labels: list[QLabel] = []

        title = QLabel(self.tr("Settings"))
        title.setFont(heading_font(self))

        # Organisation
        self.organisation = QLineEdit()
        self.organisation.setAccessibleName(self.tr("Organisation"))
        self.organisation_message = FieldMessage(self.tr("Organisation problem"))
        self.unit = QLineEdit()
        self.unit.setAccessibleName(self.tr("Reporting unit"))
        self.unit_message = FieldMessage(self.tr("Reporting unit problem"))
        organisation_box = self._group(self.tr("Organisation"), [
            (self.tr("&Organisation:"), self.organisation, self.organisation,
             (self.organisation_message,)),
            (self.tr("Reporting &unit:"), self.unit, self.unit, (self.unit_message,))])

        # Security
        self.auto_lock = QSpinBox()
        self.auto_lock.setRange(*rules.AUTO_LOCK_MINUTES)
        self.auto_lock.setAccessibleName(self.tr("Lock after this many minutes without use"))
        self.quick_unlock = QCheckBox(self.tr("Allow &quick unlock with this computer's "
                                              "keyring"))
        self.quick_unlock.setAccessibleName(self.tr("Quick unlock"))
        self.quick_unlock_note = FieldMessage(self.tr("Quick unlock note"))
        self.change_passphrase = QPushButton(self.tr("Change &passphrase…"))
        self.change_passphrase.setAccessibleName(self.tr("Change the passphrase"))
        security_box = self._group(self.tr("Security"), [
            (self.tr("&Lock after:"),
             with_unit(self.auto_lock, QLabel(self.tr("minutes without use"))),
             self.auto_lock, ()),
            (self.tr("Quick unlock:"), self.quick_unlock, self.quick_unlock,
             (self.quick_unlock_note,)),
            (self.tr("Passphrase:"), self.change_passphrase, self.change_passphrase, ())])

        # The dashboard
        self.horizon = QSpinBox()
        self.horizon.setRange(*rules.DASHBOARD_WORKING_DAYS)
        self.horizon.setAccessibleName(self.tr("Working days the dashboard looks ahead"))
        self.prompt_days = QSpinBox()
        self.prompt_days.setRange(*rules.INITIAL_PROMPT_DAYS)
        self.prompt_days.setAccessibleName(self.tr(
            "Working days at the initial discussion before it is pointed out"))
        dashboard_box = self._group(self.tr("Dashboard"), [
            (self.tr("Look a&head:"),
             with_unit(self.horizon, QLabel(self.tr("working days for deadlines"))),
             self.horizon, ()),
            (self.tr("Point out an &initial discussion after:"),
             with_unit(self.prompt_days, QLabel(self.tr("working days waiting"))),
             self.prompt_days, ())])

        # Records and publication
        self.retention = QSpinBox()
        self.retention.setRange(*rules.RETENTION_YEARS)
        self.retention.setAccessibleName(self.tr("Retention period in years"))
        retention_note = FieldMessage(self.tr("Retention period note"))
        retention_note.show_note(self.tr(
            "How long after closure a concern's records are kept (the organisation's records "
            "management policy). At the end, the identity is destroyed first."))
        self.threshold = QSpinBox()
        self.threshold.setRange(*rules.SMALL_NUMBER_THRESHOLD)
        self.threshold.setAccessibleName(self.tr("Small-number threshold for publication"))
        threshold_note = FieldMessage(self.tr("Small-number threshold note"))
        threshold_note.show_note(self.tr(
            "In published figures, counts below this number are hidden so that nobody can "
            "be identified."))
        records_box = self._group(self.tr("Records and publication"), [
            (self.tr("&Retention period:"),
             with_unit(self.retention, QLabel(self.tr("years after closure"))), self.retention,
             (retention_note,)),
            (self.tr("&Small-number threshold:"), self.threshold, self.threshold,
             (threshold_note,))])

        # The board's public key
        self.board_key = QLineEdit()
        self.board_key.setAccessibleName(self.tr("The board's public key"))
        self.board_key.setPlaceholderText("age1…")
        self.board_key.setFont(monospace_font())
        self.board_key_message = FieldMessage(self.tr("Board key problem"))
        self.fingerprint = QLabel()
        self.fingerprint.setFont(monospace_font(1.1))
        self.fingerprint.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.fingerprint.setAccessibleName(self.tr("Fingerprint of the board's public key"))
        fingerprint_note = FieldMessage(self.tr("Fingerprint note"))
        fingerprint_note.show_note(self.tr(
            "Returns are encrypted to this key, so that only the board can read them. Check "
            "the fingerprint by phone with the board's whistleblowing lead: every group must "
            "match."))
        board_box = self._group(self.tr("The board's public key"), [
            (self.tr("&Board's key:"), self.board_key, self.board_key,
             (self.board_key_message,)),
            (self.tr("&Fingerprint:"), self.fingerprint, self.fingerprint,
             (fingerprint_note,))])

        # This unit's own signing key, for the board to register (read-only)
        self.unit_key_box = UnitKeyBox(session)
        self.unit_key_box.failed.connect(self._failed)
        self.unit_key = self.unit_key_box.unit_key
        self.unit_key_fingerprint = self.unit_key_box.unit_key_fingerprint
        self._form_labels.extend(self.unit_key_box.labels)

        widest = max(label.sizeHint().width() for label in self._form_labels)
        for label in self._form_labels:  # the groups' fields line up
            label.setMinimumWidth(widest)

        # Holidays
        self.holiday_editor = HolidayEditor(session, self)
        self.holidays = self.holiday_editor.panel
        holidays_box = self.holiday_editor.box
        self.holiday_editor.started.connect(self._start)
        self.holiday_editor.finished.connect(self._holidays_saved)
        self.holiday_editor.failed.connect(self._failed)

        # The identity check's lists
        self.identity_lists = IdentityListsPanel(session)
        self.identity_check = IdentityCheckPanel(session)
        self.identity_check.open_concern.connect(self.open_concern.emit)
        identity_box = QGroupBox(self.tr("Identifying text"))
        identity_column = QVBoxLayout(identity_box)
        identity_column.addWidget(self.identity_lists)
        identity_column.addWidget(self.identity_check)

        # Letters: the named contact, signatories, signposting bodies (saved part by part)
        self.letters_panel = LettersPanel(session)

        # The page, and the bar that saves it
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(title)
        for box in (organisation_box, security_box, dashboard_box, records_box, board_box,
                    self.unit_key_box, self.letters_panel, holidays_box, identity_box):
            column.addWidget(box)
        column.addStretch(1)
        self.scroll_area = centred_page(page, _PAGE_WIDTH_CHARACTERS, self.tr("Settings"))

        self.busy = BusyIndicator()
        self.message = FieldMessage(self.tr("Settings message"))
        self.revert = QPushButton(self.tr("U&ndo changes"))
        self.revert.setAccessibleName(self.tr("Undo unsaved changes"))
        self.save = QPushButton(self.tr("Sa&ve changes"))
        self.save.setAccessibleName(self.tr("Save changes to settings"))
        self.save.setDefault(True)
        bar = QHBoxLayout()
        bar.addWidget(self.busy, 1)
        bar.addWidget(self.message, 2)
        bar.addStretch(1)
        bar.addWidget(self.revert)
        bar.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(bar)

        for field in (self.organisation, self.unit, self.board_key):
            field.textChanged.connect(self.validate)
            field.returnPressed.connect(self.save_changes)
        for spin in (self.auto_lock, self.horizon, self.prompt_days, self.retention,
                     self.threshold):
            spin.valueChanged.connect(self.validate)
        self.save.clicked.connect(self.save_changes)
        self.revert.clicked.connect(self.revert_changes)
        self.quick_unlock.toggled.connect(self._quick_unlock_toggled)
        self.change_passphrase.clicked.connect(self.open_change_passphrase)
        self.identity_lists.saved.connect(self.message.show_note)
        order = (self.organisation, self.unit, self.auto_lock, self.quick_unlock,
                 self.change_passphrase, self.horizon, self.prompt_days, self.retention,
                 self.threshold, self.board_key,
                 self.holidays.table, self.holidays.add_button, self.holidays.worked_button,
                 self.holidays.remove_button, self.identity_lists.never.entries,
                 self.identity_lists.never.field, self.identity_lists.never.add_button,
                 self.identity_lists.never.remove_button, self.identity_lists.allow.entries,
                 self.identity_lists.allow.field, self.identity_lists.allow.add_button,
                 self.identity_lists.allow.remove_button, self.identity_check.check_button,
                 self.identity_check.replace_button, self.identity_check.open_button,
                 self.identity_check.table, self.revert, self.save)
        for first, second in zip(order, order[1:], strict=False):
            self.setTabOrder(first, second)
        self._set_enabled(False)

    # ----- layout helpers ----------------------------------------------------------------

    def _group(self, title: str,
               rows: list[tuple[str, QWidget, QWidget, tuple[QWidget, ...]]]) -> QGroupBox:
        """A titled form: each row is (label, field, the label's buddy, widgets below)."""
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for text, field, buddy, below in rows:
            label = QLabel(text)
            label.setBuddy(buddy)
            self._form_labels.append(label)
            container = field_with_message(field, *below)
            container.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            form.addRow(label, container)
        return box

    def _controls(self) -> tuple[QWidget, ...]:
        return (self.organisation, self.unit, self.auto_lock, self.horizon, self.prompt_days,
                self.retention, self.threshold, self.board_key, self.change_passphrase)

    def _set_enabled(self, enabled: bool) -> None:
        for widget in self._controls():
            widget.setEnabled(enabled)
        loaded = self._loaded
        self.quick_unlock.setEnabled(enabled and loaded is not None
                                     and loaded.settings.quick_unlock_available)
        self.holidays.set_enabled(enabled)
        self.validate()

    # ----- loading -----------------------------------------------------------------------

    def reload(self) -> None:
        """Read every setting and this year's and next year's holidays (on the worker)."""
        today = self.session.today()
        years = (today.year, today.year + 1)
        session = self.session

        def job(state: WorkerState) -> _Loaded:
            service = SettingsService(session.book(state))
            return _Loaded(service.read(), service.holidays(years), years)

        self._start(self.tr("Loading settings…"))
        session.read(job, self._show_loaded, self._failed)
        self.unit_key_box.load()
        self.identity_lists.reload()
        self.letters_panel.reload()
        self.identity_check.forgotten = False
        self.identity_check.set_enabled(True)

    def _show_loaded(self, loaded: Any) -> None:
        self._stop()
        if not isinstance(loaded, _Loaded):
            return
        self._loaded = loaded
        self._fill(loaded.settings)
        self.holiday_editor.show_entries(loaded.holidays, loaded.years)
        self._set_enabled(True)

    def _fill(self, settings: CasebookSettings) -> None:
        widgets = (self.organisation, self.unit, self.auto_lock, self.horizon,
                   self.prompt_days, self.retention, self.threshold, self.board_key,
                   self.quick_unlock)
        for widget in widgets:
            widget.blockSignals(True)
        self.organisation.setText(settings.organisation)
        self.unit.setText(settings.reporting_unit)
        self.auto_lock.setValue(settings.auto_lock_minutes)
        self.horizon.setValue(settings.dashboard_working_days)
        self.prompt_days.setValue(settings.initial_discussion_prompt_days)
        self.retention.setValue(settings.retention_years)
        self.threshold.setValue(settings.small_number_threshold)
        self.board_key.setText(settings.board_recipient)
        self.quick_unlock.setChecked(settings.quick_unlock_enabled)
        for widget in widgets:
            widget.blockSignals(False)
        if settings.quick_unlock_available:
            self.quick_unlock_note.show_note(self.tr(
                "Unlock without typing the passphrase on this computer, while you are logged "
                "in to it. Anyone using your computer account could open the casebook."))
        else:
            self.quick_unlock_note.show_note(self.tr(
                "No secure system keyring is available on this computer, so quick unlock "
                "cannot be used; use the passphrase."))
        self.validate()

    # ----- checking and saving -----------------------------------------------------------

    def changes(self) -> SettingsChanges:
        """What differs from the saved settings (None where unchanged)."""
        loaded = self._loaded
        if loaded is None:
            return SettingsChanges()
        saved = loaded.settings

        def differs(value: Any, was: Any) -> Any:
            return value if value != was else None

        return SettingsChanges(
            organisation=differs(self.organisation.text().strip(), saved.organisation),
            reporting_unit=differs(self.unit.text().strip(), saved.reporting_unit),
            auto_lock_minutes=differs(self.auto_lock.value(), saved.auto_lock_minutes),
            dashboard_working_days=differs(self.horizon.value(),
                                           saved.dashboard_working_days),
            initial_discussion_prompt_days=differs(self.prompt_days.value(),
                                                   saved.initial_discussion_prompt_days),
            retention_years=differs(self.retention.value(), saved.retention_years),
            small_number_threshold=differs(self.threshold.value(),
                                           saved.small_number_threshold),
            board_recipient=differs(self.board_key.text().strip(), saved.board_recipient))

    def problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for name, problem in (
                ("organisation", rules.organisation_problem(self.organisation.text())),
                ("unit", rules.unit_problem(self.unit.text())),
                ("board_key", rules.recipient_problem(self.board_key.text()))):
            if problem:
                found[name] = self.tr(problem)
        return found

    def validate(self) -> bool:
        loaded = self._loaded is not None
        problems = self.problems() if loaded else {}
        self.organisation_message.show_problem(problems.get("organisation"))
        self.unit_message.show_problem(problems.get("unit"))
        self.board_key_message.show_problem(problems.get("board_key"))
        key = self.board_key.text().strip()
        if loaded and key and "board_key" not in problems:
            self.fingerprint.setText(fingerprint_in_two_lines(
                recipient_fingerprint(rules.canonical_recipient(key))))
        else:
            self.fingerprint.setText(self.tr("(no key yet)") if loaded and not key else "")
        dirty = loaded and self.changes() != SettingsChanges()
        self.save.setEnabled(bool(dirty) and not problems and not self._working)
        self.revert.setEnabled(bool(dirty) and not self._working)
        return not problems

    def save_changes(self) -> None:
        if self._loaded is None or self._working or not self.validate():
            return
        changes = self.changes()
        if changes == SettingsChanges():
            return
        session = self.session

        def job(state: WorkerState) -> tuple[tuple[str, ...], CasebookSettings]:
            service = SettingsService(session.book(state))
            changed = service.save(changes)
            return changed, service.read()

        self._start(self.tr("Saving…"))
        session.write(job, self._saved, self._failed)

    def _saved(self, result: Any) -> None:
        self._stop()
        changed, settings = result
        if self._loaded is not None:
            self._loaded = _Loaded(settings, self._loaded.holidays, self._loaded.years)
        self._fill(settings)
        self.message.show_note(self.tr("Saved.") if changed else self.tr("Nothing to save."))
        if "auto_lock_minutes" in changed:
            self.auto_lock_changed.emit(settings.auto_lock_minutes)
        self.settings_saved.emit(tuple(changed))

    def revert_changes(self) -> None:
        if self._loaded is not None:
            self._fill(self._loaded.settings)
            self.message.show_note(None)

    # ----- quick unlock ------------------------------------------------------------------

    def _quick_unlock_toggled(self, enabled: bool) -> None:
        if self._loaded is None:
            return
        session = self.session

        def job(state: WorkerState) -> bool:
            return SettingsService(session.book(state)).set_quick_unlock(enabled)

        self._start(self.tr("Turning quick unlock on…") if enabled
                    else self.tr("Turning quick unlock off…"))
        self.quick_unlock.setEnabled(False)
        session.write(job, self._quick_unlock_set, self._quick_unlock_failed)

    def _quick_unlock_set(self, enabled: Any) -> None:
        self._stop()
        loaded = self._loaded
        if loaded is not None:
            settings = loaded.settings
            self._loaded = _Loaded(
                replace(settings, quick_unlock_enabled=bool(enabled)),
                loaded.holidays, loaded.years)
        self.quick_unlock.blockSignals(True)
        self.quick_unlock.setChecked(bool(enabled))
        self.quick_unlock.blockSignals(False)
        self.quick_unlock.setEnabled(True)
        self.message.show_note(self.tr("Quick unlock is on.") if enabled
                               else self.tr("Quick unlock is off."))
        self.quick_unlock_changed.emit(bool(enabled))

    def _quick_unlock_failed(self, message: str) -> None:
        self._failed(message)
        loaded = self._loaded
        self.quick_unlock.blockSignals(True)
        self.quick_unlock.setChecked(bool(loaded and loaded.settings.quick_unlock_enabled))
        self.quick_unlock.blockSignals(False)
        self.quick_unlock.setEnabled(bool(loaded and loaded.settings.quick_unlock_available))

    # ----- passphrase --------------------------------------------------------------------

    def open_change_passphrase(self) -> None:
        dialog = ChangePassphraseDialog(self.session, self)
        self.passphrase_dialog = dialog

        def finished(result: int) -> None:
            if result:
                self.message.show_note(self.tr("The passphrase was changed."))
                self.passphrase_changed.emit()
            dialog.clear()
            dialog.deleteLater()
            self.passphrase_dialog = None

        dialog.finished.connect(finished)
        dialog.open()

    # ----- holidays (app/ui/settings/holiday_editor.py) ------------------------------------

    @property
    def holiday_dialog(self) -> Any:
        return self.holiday_editor.dialog

    def _holidays_saved(self, note: str) -> None:
        self._stop()
        current = self._loaded
        if current is not None:
            self._loaded = _Loaded(current.settings, self.holiday_editor.entries, current.years)
        self.message.show_note(note)

    # ----- busy, errors, forgetting ------------------------------------------------------

    def _start(self, doing: str) -> None:
        self._working = True
        self.message.show_note(None)
        self.busy.start(doing)
        self.validate()

    def _stop(self) -> None:
        self._working = False
        self.busy.stop()
        self.validate()

    def _failed(self, message: str) -> None:
        self._stop()
        self.message.show_problem(message)

    def forget(self) -> None:
        """Empty every field and drop every value held (on lock)."""
        if self.passphrase_dialog is not None:
            self.passphrase_dialog.clear()
            self.passphrase_dialog.done(0)
        self.holiday_editor.forget()
        self._loaded = None
        self._working = False
        self.busy.stop()
        self.unit_key_box.forget()
        for widget in (self.organisation, self.unit, self.board_key, self.quick_unlock,
                       self.auto_lock, self.horizon, self.prompt_days, self.retention,
                       self.threshold):
            widget.blockSignals(True)
        for field in (self.organisation, self.unit, self.board_key):
            field.clear()
        self.quick_unlock.setChecked(False)
        for spin in (self.auto_lock, self.horizon, self.prompt_days, self.retention,
                     self.threshold):
            spin.setValue(spin.minimum())
        for widget in (self.organisation, self.unit, self.board_key, self.quick_unlock,
                       self.auto_lock, self.horizon, self.prompt_days, self.retention,
                       self.threshold):
            widget.blockSignals(False)
        self.fingerprint.clear()
        self.quick_unlock_note.show_note(None)
        self.message.show_note(None)
        self.identity_lists.forget()
        self.identity_check.forget()
        self.letters_panel.forget()
        self._set_enabled(False)
