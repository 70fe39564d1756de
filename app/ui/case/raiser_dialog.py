"""Another person who raised the same concern: linked to it with their own record, or that
record corrected, or unlinked (their identity and letters deleted). The concern is counted
once in the figures, whoever raised it (app/core/raisers.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from app.core.identity import PersonDetails
from app.core.records import Anonymity, ConsentMethod, RaiserCategory
from app.store.linked_raisers import LinkedRaiser
from app.ui.case.case_form import ConcernForm, Job, Problem
from app.ui.case.choice import Choice
from app.ui.case.context import CaseContext
from app.ui.case.fields import DateField, EnumCombo, OptionalDateField, TextBox
from app.ui.session import Session

_PERSON = (("name", "&Name:"), ("email", "&Email:"), ("phone", "P&hone:"),
           ("address", "A&ddress:"), ("job_title", "&Job title:"))
_METHODS = [ConsentMethod.CONVERSATION, ConsentMethod.EMAIL, ConsentMethod.WRITING]


class RaiserDialog(ConcernForm):
    """Without a raiser: link a new one. With one: correct or unlink them."""

    def __init__(self, session: Session, context: CaseContext,
                 raiser: LinkedRaiser | None = None, parent: QWidget | None = None) -> None:
        adding = raiser is None
        super().__init__(
            session, context,
            self.tr("Link another person") if adding else
            self.tr("Raiser %1").replace("%1", str((raiser.number if raiser else 0) + 1)),
            self.tr("&Link") if adding else self.tr("&Save"),
            self.tr("Someone else raised the same concern. They get their own record (named, "
                    "unnamed or anonymous, their own consent and letters); the concern is "
                    "counted once.") if adding else
            self.tr("Correct this person's record, or unlink them if they were linked by "
                    "mistake (their identity and letters are then deleted)."), parent)
        self.raiser = raiser
        self.mode = Choice(self.tr("Correct or unlink"), [
            (self.tr("C&orrect it"), "correct"), (self.tr("&Unlink them"), "remove")])
        self.mode.set_value("correct")
        self.anonymity = Choice(self.tr("Who they are"), [
            (self.tr("Na&med"), Anonymity.NAMED.value),
            (self.tr("&Unnamed: you know who, the record must not"), Anonymity.UNNAMED.value),
            (self.tr("Anon&ymous"), Anonymity.ANONYMOUS.value)])
        self.anonymity.set_value(raiser.anonymity if raiser else Anonymity.NAMED.value)
        self.category = EnumCombo(list(RaiserCategory))
        self.raised_on = DateField(raiser.raised_on if raiser else context.today)
        self.consent = OptionalDateField(self.tr("They agreed"), context.today)
        self.consent.set_value(raiser.consent_on if raiser else None)
        self.consent_method = EnumCombo(_METHODS, self.tr("Choose how"))
        self.person: dict[str, QLineEdit] = {}
        self.reason = TextBox(lines=2)
        if raiser is not None:
            self.category.set_value(raiser.raiser_category)
            self.consent_method.set_value(raiser.consent_method)
            self.add_field("mode", self.tr("What to do:"), self.mode)
        else:
            self.add_field("anonymity", self.tr("They are:"), self.anonymity)
        self.add_field("category", self.tr("&Category:"), self.category)
        self.add_field("raised_on", self.tr("&Raised it on:"), self.raised_on)
        self.add_field("consent", self.tr("A&greed to use the procedure on:"), self.consent,
                       buddy=self.consent.check)
        self.add_field("consent_method", self.tr("Ho&w they agreed:"), self.consent_method)
        if raiser is None:
            for key, label in _PERSON:
                edit = QLineEdit()
                self.person[key] = edit
                self.add_field(key, self.tr(label), edit, scan=False)
        else:
            self.add_field("reason", self.tr("&Why:"), self.reason)
        self.mode.changed.connect(self._arrange)
        self.anonymity.changed.connect(self._arrange)
        self._arrange()
        self.settle()

    def _named(self) -> bool:
        code = self.raiser.anonymity if self.raiser else self.anonymity.value()
        return code == Anonymity.NAMED.value

    def removing(self) -> bool:
        return self.raiser is not None and self.mode.value() == "remove"

    def _arrange(self) -> None:
        editing = not self.removing()
        for key in ("category", "raised_on"):
            self.show_field(key, editing)
        for key in ("consent", "consent_method"):
            self.show_field(key, editing and self._named())
        for key in self.person:
            self.show_field(key, self._named())

    def problems(self) -> list[Problem]:
        found: list[Problem] = []
        if self.raiser is not None:
            found += self.required("reason", self.reason.text(), self.tr("Say why."))
            if self.removing():
                return found
        found += self.date_problems("raised_on", self.raised_on.value(),
                                    self.tr("The date they raised it"))
        if self._named():
            consent = self.consent.value()
            if (consent is None) != (self.consent_method.value() is None):
                found.append(("consent_method", self.tr("Give both the date they agreed and "
                                                        "how, or neither.")))
            if consent is not None and consent < self.raised_on.value():
                found.append(("consent", self.tr("They cannot agree before they raised it.")))
            if self.raiser is None:
                found += self.required("name", self.person["name"].text(),
                                       self.tr("A named raiser needs their name."))
        return found

    def save_job(self) -> Job:
        concern_id = self.concern_id
        assert concern_id is not None
        category = RaiserCategory(str(self.category.currentData()))
        raised_on = self.raised_on.value()
        named = self._named()
        consent_on = self.consent.value() if named else None
        method = self.consent_method.value() if named else None
        consent_method = ConsentMethod(method.value) if method is not None else None
        if self.raiser is not None:
            number, reason = self.raiser.number, self.reason.text()
            if self.removing():
                return self.service_job(lambda s: s.unlink_raiser(concern_id, number, reason))
            return self.service_job(lambda s: s.correct_raiser(
                concern_id, number, reason, category=category, raised_on=raised_on,
                consent_on=consent_on, consent_method=consent_method))
        anonymity = Anonymity(self.anonymity.value() or Anonymity.NAMED.value)
        person = (PersonDetails(**{k: e.text().strip() for k, e in self.person.items()})
                  if named else None)
        return self.service_job(lambda s: s.link_raiser(
            concern_id, anonymity=anonymity, category=category, raised_on=raised_on,
            person=person, consent_on=consent_on, consent_method=consent_method))
