"""The intake fields a new concern and an intake edit share: when, how, who, what, where."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtWidgets import QCheckBox, QLineEdit

from app.core.records import Channel, RaisedWith, RaiserCategory, ServiceType
from app.store.concern_detail import ConcernDetail
from app.ui.base.formatting import format_day, tr
from app.ui.case.case_form import CaseForm, Problem
from app.ui.case.fields import DateField, EnumCombo, OptionalDateField, TextBox
from app.ui.case.theme_picker import ThemePicker

RAISE_WITHIN_MONTHS = 6


def months_before(day: date, months: int) -> date:
    month = day.month - months
    year = day.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, candidate)
        except ValueError:
            continue
    return date(year, month, 28)


@dataclass(frozen=True)
class IntakeValues:
    received_on: date
    aware_on: date | None
    late_reason: str
    channel: Channel
    raised_with: RaisedWith
    raiser_category: RaiserCategory
    service_type: ServiceType
    service_area: str
    summary: str
    themes: tuple[str, ...]
    contracted: bool = False


class IntakeFields:
    """Adds the intake fields to a form, and reads, checks and restores them."""

    def __init__(self, form: CaseForm, today: date) -> None:
        self.form = form
        self.today = today
        self.received_on = DateField(today)
        self.aware_on = OptionalDateField(tr("Known"), today)
        self.late_reason = TextBox(lines=2)
        self.channel = EnumCombo(list(Channel))
        self.raised_with = EnumCombo(list(RaisedWith))
        self.raised_with.set_value(RaisedWith.CONFIDENTIAL_CONTACT)
        self.raiser_category = EnumCombo(list(RaiserCategory))
        self.service_type = EnumCombo(list(ServiceType))
        self.contracted = QCheckBox(tr("About a contracted or primary-care service"))
        self.contracted.setAccessibleName(tr("About a contracted or primary-care service"))
        self.service_area = QLineEdit()
        self.summary = TextBox(lines=6)
        self.themes = ThemePicker()

    def add_when_and_how(self) -> None:
        form = self.form
        form.add_field("received_on", tr("Re&ceived on:"), self.received_on)
        form.add_field("aware_on", tr("C became a&ware on:"), self.aware_on,
                       buddy=self.aware_on.check,
                       hint=tr("Concerns are normally raised within 6 months of becoming "
                               "aware."))
        form.add_field("late_reason", tr("Why a &late concern was accepted:"), self.late_reason)
        form.add_field("channel", tr("Raised &by:"), self.channel)
        form.add_field("raised_with", tr("Raised wit&h:"), self.raised_with)
        form.add_field("raiser_category", tr("C &is a:"), self.raiser_category)
        self.aware_on.changed.connect(self.arrange)
        self.received_on.dateChanged.connect(lambda _d: self.arrange())
        self.arrange()

    def add_what_and_where(self) -> None:
        form = self.form
        form.add_field("service_type", tr("Ser&vice:"), self.service_type)
        form.add_field("contracted", tr("Contracted or primary care:"), self.contracted,
                       hint=tr("A GP practice, dentist, pharmacy or optician, or a service the "
                               "board contracts out: counted in reports and returns."))
        form.add_field("service_area", tr("Service &area:"), self.service_area,
                       hint=tr("For example a ward, team or care home."))
        form.add_field("summary", tr("&Summary:"), self.summary,
                       hint=tr("What the concern is about. Refer to the person as C, "
                               "never by name."))
        form.add_field("themes", tr("&Themes:"), self.themes, buddy=self.themes.list)

    def is_late(self) -> bool:
        aware = self.aware_on.value()
        received = self.received_on.value()
        return aware is not None and aware < months_before(received, RAISE_WITHIN_MONTHS)

    def arrange(self) -> None:
        self.form.show_field("late_reason", self.is_late())

    def values(self) -> IntakeValues:
        return IntakeValues(
            received_on=self.received_on.value(), aware_on=self.aware_on.value(),
            late_reason=self.late_reason.text().strip() if self.is_late() else "",
            channel=Channel(str(self.channel.currentData())),
            raised_with=RaisedWith(str(self.raised_with.currentData())),
            raiser_category=RaiserCategory(str(self.raiser_category.currentData())),
            service_type=ServiceType(str(self.service_type.currentData())),
            service_area=self.service_area.text().strip(), summary=self.summary.text().strip(),
            themes=self.themes.value(), contracted=self.contracted.isChecked())

    def problems(self) -> list[Problem]:
        found: list[Problem] = []
        aware, received = self.aware_on.value(), self.received_on.value()
        if aware is not None and aware > received:
            found.append(("aware_on", tr("C cannot have become aware after the concern was "
                                         "received (%1).").replace("%1", format_day(received))))
        if self.is_late() and not self.late_reason.text().strip():
            found.append(("late_reason", tr("This was raised more than 6 months after C became "
                                            "aware: record why it was accepted.")))
        if not self.summary.text().strip():
            found.append(("summary", tr("Write a short summary of the concern.")))
        if not self.themes.value():
            found.append(("themes", tr("Tick at least one theme.")))
        return found

    def fill_from_detail(self, detail: ConcernDetail) -> None:
        self.received_on.set_value(detail.received_on)
        self.aware_on.set_value(detail.aware_on)
        self.late_reason.setPlainText(detail.late_reason or "")
        self.channel.set_value(detail.channel)
        self.raised_with.set_value(detail.raised_with)
        self.raiser_category.set_value(detail.raiser_category)
        self.service_type.set_value(detail.service_type)
        self.contracted.setChecked(detail.contracted)
        self.service_area.setText(detail.service_area)
        self.summary.setPlainText(detail.summary)
        self.themes.set_value(detail.themes)

    def draft_fields(self) -> dict[str, Any]:
        aware = self.aware_on.value()
        return {"received_on": self.received_on.value().isoformat(),
                "aware_on": aware.isoformat() if aware else None,
                "late_reason": self.late_reason.text(), "channel": self.channel.currentData(),
                "raised_with": self.raised_with.currentData(),
                "raiser_category": self.raiser_category.currentData(),
                "service_type": self.service_type.currentData(),
                "contracted": self.contracted.isChecked(),
                "service_area": self.service_area.text(), "summary": self.summary.text(),
                "themes": list(self.themes.value())}

    def fill_from_draft(self, fields: dict[str, Any]) -> None:
        def day(key: str) -> date | None:
            try:
                return date.fromisoformat(str(fields.get(key)))
            except ValueError:
                return None

        received = day("received_on")
        if received is not None:
            self.received_on.set_value(received)
        self.aware_on.set_value(day("aware_on"))
        self.late_reason.setPlainText(str(fields.get("late_reason") or ""))
        for combo, key in ((self.channel, "channel"), (self.raised_with, "raised_with"),
                           (self.raiser_category, "raiser_category"),
                           (self.service_type, "service_type")):
            combo.set_value(str(fields.get(key) or ""))
        self.contracted.setChecked(bool(fields.get("contracted")))
        self.service_area.setText(str(fields.get("service_area") or ""))
        self.summary.setPlainText(str(fields.get("summary") or ""))
        themes = fields.get("themes")
        self.themes.set_value(tuple(str(t) for t in themes) if isinstance(themes, list) else ())
