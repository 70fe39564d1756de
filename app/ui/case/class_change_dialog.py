"""Named, unnamed or anonymous: a change (it happened later) or a correction (it was wrong).

A change keeps the figures already made: an anonymous or unnamed concern whose person comes
forward and agrees to use the procedure stays counted as it was received and enters stage 1
or 2 on the date of agreement; a named person asking to be unnamed keeps the past figures.
A correction says the class was recorded wrongly, and the figures follow it. To named, the
person's details are recorded (apart, in identities); from named, they are deleted, with the
letters kept with them (app/core/corrections.py, app/store/concern_corrections.py).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from app.core.corrections import EditKind, class_change_problems
from app.core.identity import PersonDetails
from app.core.records import Anonymity, ConsentMethod
from app.ui.case.case_form import ConcernForm, Job, Problem
from app.ui.case.choice import Choice
from app.ui.case.context import CaseContext
from app.ui.case.fields import DateField, EnumCombo, TextBox
from app.ui.session import Session

_PERSON = (("name", "&Name:"), ("email", "&Email:"), ("phone", "P&hone:"),
           ("address", "A&ddress:"), ("job_title", "&Job title:"))
_METHODS = [ConsentMethod.CONVERSATION, ConsentMethod.EMAIL, ConsentMethod.WRITING]


class ClassChangeDialog(ConcernForm):
    def __init__(self, session: Session, context: CaseContext,
                 parent: QWidget | None = None) -> None:
        current = Anonymity(context.detail.anonymity)
        super().__init__(
            session, context, self.tr("Named, unnamed or anonymous"), self.tr("&Save"),
            self.tr("This concern is %1. A change is something that happened after it was "
                    "received (the person came forward and agreed, or asked not to be named): "
                    "the figures already made stay as they were. A correction says it was "
                    "recorded wrongly: the figures follow.").replace("%1", current.value),
            parent)
        self.current = current
        self.kind = Choice(self.tr("Change or correction"), [
            (self.tr("A c&hange: it happened later"), EditKind.CHANGE.value),
            (self.tr("A c&orrection: it was recorded wrongly"), EditKind.CORRECTION.value)])
        self.kind.set_value(EditKind.CHANGE.value)
        self.to = EnumCombo([a for a in Anonymity if a is not current],
                            self.tr("Choose"))
        self.on = DateField(context.today)
        self.person: dict[str, QLineEdit] = {}
        self.consent_method = EnumCombo(_METHODS, self.tr("Choose how"))
        self.reason = TextBox(lines=2)
        self.add_field("kind", self.tr("What it is:"), self.kind)
        self.add_field("to", self.tr("It is &now:"), self.to)
        self.add_field("on", self.tr("&Date (of agreement, for a change to named):"), self.on)
        for key, label in _PERSON:
            edit = QLineEdit()
            self.person[key] = edit
            self.add_field(key, self.tr(label), edit, scan=False)
        self.add_field("consent_method", self.tr("Ho&w they agreed:"), self.consent_method)
        self.add_field("reason", self.tr("&Why:"), self.reason,
                       hint=self.tr("Kept with the concern's history and shown on the timeline."))
        self.kind.changed.connect(self._arrange)
        self.to.currentIndexChanged.connect(self._arrange)
        self._arrange()
        self.settle()

    def _to(self) -> Anonymity | None:
        value = self.to.value()
        return Anonymity(value.value) if value is not None else None

    def _edit_kind(self) -> EditKind:
        return EditKind(self.kind.value() or EditKind.CHANGE.value)

    def _arrange(self) -> None:
        named = self._to() is Anonymity.NAMED
        for key in self.person:
            self.show_field(key, named)
        self.show_field("consent_method", named and self._edit_kind() is EditKind.CHANGE)

    def problems(self) -> list[Problem]:
        to = self._to()
        if to is None:
            return [("to", self.tr("Choose what the concern is now."))]
        found: list[Problem] = [
            ("to" if v.field == "anonymity" else v.field if v.field in ("on",) else "",
             self.tr(v.message))
            for v in class_change_problems(self.context.facts, to, self.on.value(),
                                           self._edit_kind())]
        found += self.date_problems("on", self.on.value(), self.tr("The date"))
        if to is Anonymity.NAMED:
            found += self.required("name", self.person["name"].text(),
                                   self.tr("A named concern needs the person's name."))
            if self._edit_kind() is EditKind.CHANGE and self.consent_method.value() is None:
                found.append(("consent_method", self.tr("Say how they agreed to use the "
                                                        "procedure.")))
        found += self.required("reason", self.reason.text(), self.tr("Say why."))
        return found

    def save_job(self) -> Job:
        concern_id, to, on = self.concern_id, self._to(), self.on.value()
        kind, reason = self._edit_kind(), self.reason.text()
        assert concern_id is not None and to is not None
        person = (PersonDetails(**{k: e.text().strip() for k, e in self.person.items()})
                  if to is Anonymity.NAMED else None)
        method = self.consent_method.value()
        consent = ConsentMethod(method.value) if method is not None and kind is \
            EditKind.CHANGE and to is Anonymity.NAMED else None
        return self.service_job(lambda s: s.change_class(
            concern_id, to, on, reason, kind, person=person, consent_method=consent))
