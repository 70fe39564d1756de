"""Recording a new concern: the intake form.

Named, unnamed or anonymous: only a named concern records the person, and
their details go to the separately encrypted identity store, never into case
text. An unfinished form is kept as an encrypted draft and offered again next
time: the person's details with it, but apart, in the identity store too
(app/store/person_drafts.py), never in the casebook's drafts.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from app.core.identifying import HeldIdentity
from app.core.identity import PersonDetails
from app.core.records import Anonymity, ConsentMethod, Stage
from app.core.rules import validate_concern
from app.services import identity_scan
from app.store import person_drafts
from app.store.concerns import NewConcern
from app.store.name_digests import name_problem
from app.store.workspace_queries import drafts_for
from app.ui.base.worker import WorkerState
from app.ui.case import proposals
from app.ui.case.case_form import CaseForm, Job, Problem, plain
from app.ui.case.choice import Choice
from app.ui.case.drafts import DraftForm, DraftKeeper, draft_forms
from app.ui.case.fields import EnumCombo, OptionalDateField, ProblemLabel, hint_label
from app.ui.case.intake_fields import IntakeFields
from app.ui.session import Session

KIND = "new_concern"
_CONSENT_METHODS = [ConsentMethod.CONVERSATION, ConsentMethod.EMAIL, ConsentMethod.WRITING]
_STAGES = {"stage1": Stage.STAGE1, "stage2": Stage.STAGE2}
_PERSON_FIELDS = (("name", "&Name:"), ("email", "&Email:"), ("phone", "Ph&one:"),
                  ("address", "A&ddress:"), ("employer", "Em&ployer:"),
                  ("job_title", "&Job title:"), ("support_person", "Support pe&rson:"))


class NewConcernDialog(CaseForm):
    created = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(
            session, self.tr("New concern"), self.tr("Record concern"),
            self.tr("Record what C raised. Case records refer to the person as C."), parent)
        self.today = session.today()
        self.keeper = DraftKeeper(session, KIND, None, self.draft_fields, self,
                                  person=self.person_values)
        self.intake = IntakeFields(self, self.today)
        self.intake.add_when_and_how()
        self.anonymity = Choice(self.tr("Who raised it"), [
            (self.tr("Na&med: C agreed to be identified to the casebook"), Anonymity.NAMED.value),
            (self.tr("&Unnamed: you know who, the record must not"), Anonymity.UNNAMED.value),
            (self.tr("Anon&ymous: nobody knows who"), Anonymity.ANONYMOUS.value)])
        self.anonymity.set_value(Anonymity.NAMED.value)
        self.add_field("anonymity", self.tr("Who raised it:"), self.anonymity,
                       hint=self.tr("Unnamed and anonymous concerns are recorded and counted "
                                    "separately; they cannot go through the Standards."))
        self.person_box = self._person_box()
        self.add_wide(self.person_box)
        self.unnamed_name = QLineEdit()
        self.unnamed_name.setAccessibleName(self.tr("Name for the fingerprint (not kept)"))
        self.add_field("unnamed_name", self.tr("Name's &fingerprint:"), self.unnamed_name,
                       hint=self.tr("Optional. Type the name and only a fingerprint is kept, "
                                    "never the name, so that Casebook recognises it when it "
                                    "is typed into notes."), scan=False)
        self.intake.add_what_and_where()
        self.start = Choice(self.tr("Starting point"), [
            (self.tr("Initial discussion (decide later)"), "none"),
            (self.tr("Stage &1: early resolution"), "stage1"),
            (self.tr("Stage &2: investigation"), "stage2")])
        self.start.set_value("none")
        self.consent = OptionalDateField(self.tr("C agreed"), self.today)
        self.consent_method = EnumCombo(_CONSENT_METHODS, self.tr("Choose how"))
        self.handler = QLineEdit()
        self.add_field("start", self.tr("Starting point:"), self.start)
        self.add_field("consent", self.tr("C a&greed to use the procedure on:"), self.consent,
                       buddy=self.consent.check)
        self.add_field("consent_method", self.tr("Ho&w C agreed:"), self.consent_method)
        self.add_field("handler", self.tr("Han&dler:"), self.handler)
        self.anonymity.changed.connect(self._arrange)
        self.start.changed.connect(self._arrange)
        # The text is checked against the person being recorded, so a change to them
        # checks it again.
        self.anonymity.changed.connect(self.identity.rescan_all)
        for edit in (*self.person.values(), self.unnamed_name):
            edit.textChanged.connect(lambda _text: self.identity.rescan_all())
        self._arrange()
        self.settle()
        self.intake.received_on.setFocus()
        self._offer_draft()

    def _person_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("The person (kept apart, in the separately encrypted identity "
                                "store)"))
        layout = QFormLayout(box)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        layout.addRow(hint_label(self.tr("Shown only through Reveal, with a reason. While you "
                                         "type they are kept in the identity store too.")))
        self.person: dict[str, QLineEdit] = {}
        for key, label in _PERSON_FIELDS:
            edit = QLineEdit()
            caption = QLabel(self.tr(label))
            caption.setBuddy(edit)
            edit.setAccessibleName(self.tr("Person's %1").replace(
                "%1", plain(self.tr(label)).lower()))
            layout.addRow(caption, edit)
            self.person[key] = edit
        problem = ProblemLabel()
        layout.addRow(problem)
        self.track("person", self.tr("Person's name"), self.person["name"], problem, box)
        self.person["name"].textChanged.connect(lambda _t: self._changed("person", typing=True))
        for key, edit in self.person.items():
            if key != "name":
                edit.textChanged.connect(lambda _t: self.on_change())
        return box

    # ----- the form's shape -------------------------------------------------------------

    def _anonymity(self) -> Anonymity:
        return Anonymity(self.anonymity.value() or Anonymity.NAMED.value)

    def _named(self) -> bool:
        return self.anonymity.value() == Anonymity.NAMED.value

    def _stage(self) -> Stage | None:
        return _STAGES.get(self.start.value() or "none")

    def _arrange(self) -> None:
        named, stage = self._named(), self._stage()
        self.form.setRowVisible(self.person_box, named)
        self.show_field("unnamed_name", self._anonymity() is Anonymity.UNNAMED)
        self.show_field("consent", named and stage is not None)
        self.show_field("consent_method", named and stage is not None)
        self.show_field("handler", stage is not None)

    # ----- checks -----------------------------------------------------------------------

    def _consent_on(self) -> date | None:
        return self.consent.value() if self._named() and self._stage() else None

    def problems(self) -> list[Problem]:
        values = self.intake.values()
        proposed = proposals.new_concern(
            received_on=values.received_on, anonymity=self._anonymity(),
            service_type=values.service_type, raiser_category=values.raiser_category,
            starting_stage=self._stage(), consent_on=self._consent_on(), themes=values.themes)
        places = {"received_on": "received_on", "consent_on": "consent", "themes": "themes"}
        found: list[Problem] = [(places.get(v.field, ""), v.message)
                                for v in validate_concern(proposed, today=self.today)]
        found += self.intake.problems()
        if self._named() and not self.person["name"].text().strip():
            found.append(("person", self.tr("Enter the person's name (kept apart, in the "
                                            "identity store).")))
        fingerprint = self._fingerprint_name()
        problem = name_problem(fingerprint) if fingerprint else None
        if problem:
            found.append(("unnamed_name", self.tr(problem)))
        consent_on = self._consent_on()
        if consent_on is not None:
            if consent_on < values.received_on or consent_on > self.today:
                found.append(("consent", self.tr("The consent date must fall between the "
                                                 "received date and today.")))
            if self.consent_method.value() is None:
                found.append(("consent_method", self.tr("Say how C agreed.")))
        return found

    # ----- saving -----------------------------------------------------------------------

    def _new_concern(self) -> NewConcern:
        values = self.intake.values()
        person = None
        if self._named():
            person = PersonDetails(**{k: e.text().strip() for k, e in self.person.items()})
        stage, consent_on = self._stage(), self._consent_on()
        method = self.consent_method.value() if consent_on else None
        return NewConcern(
            received_on=values.received_on, channel=values.channel,
            raised_with=values.raised_with, raiser_category=values.raiser_category,
            anonymity=self._anonymity(), service_type=values.service_type,
            service_area=values.service_area, summary=values.summary, themes=values.themes,
            starting_stage=stage, handler=(self.handler.text().strip() or None) if stage else None,
            consent_on=consent_on,
            consent_method=ConsentMethod(method.value) if method else None,
            aware_on=values.aware_on, person=person, contracted=values.contracted)

    def scan_person(self) -> HeldIdentity | None:
        """Who C is, for checking the summary before anything is stored: the person typed
        into the form (named), or the name typed for its fingerprint (unnamed)."""
        anonymity = self._anonymity()
        if anonymity is Anonymity.NAMED:
            values = {k: e.text() for k, e in self.person.items()}
            return identity_scan.person_being_recorded(
                values["name"], values["email"], values["phone"], values["employer"],
                values["job_title"], values["support_person"])
        if anonymity is Anonymity.UNNAMED:
            return identity_scan.person_being_recorded(self.unnamed_name.text())
        return None

    def _fingerprint_name(self) -> str:
        if self._anonymity() is not Anonymity.UNNAMED:
            return ""
        return self.unnamed_name.text().strip()

    def save_job(self) -> Job:
        new, late_reason = self._new_concern(), self.intake.values().late_reason
        discard, session = self.keeper.discard_job(), self.session
        fingerprint = self._fingerprint_name()

        def job(state: WorkerState) -> int:
            service = session.service(state)
            concern_id = service.create(new)
            if late_reason:
                service.update_intake(concern_id, late_reason=late_reason)
            if fingerprint:
                identity_scan.record_fingerprint(session.book(state), concern_id, fingerprint)
            discard(session, state)
            return concern_id

        return job

    def accept(self) -> None:
        self.keeper.stopped = True
        super().accept()
        if not self._busy and not self.forgotten:
            self.keeper.stopped = False

    def _failed(self, message: str) -> None:
        self.keeper.stopped = False
        super()._failed(message)

    def after_save(self, result: object) -> None:
        self.keeper.stop()
        if isinstance(result, int):
            self.created.emit(result)

    def before_close(self) -> None:
        """Closing keeps what was typed, the person's details included, as a draft."""
        if not self.forgotten and not self._busy:
            self.keeper.save_now()
            self.keeper.stop()

    def forget(self) -> None:
        self.keeper.stop()
        for edit in self.person.values():
            edit.clear()
        self.unnamed_name.clear()
        super().forget()

    # ----- drafts (the person's details apart, in the identity store) --------------------

    def person_values(self) -> dict[str, str]:
        """The person's details as typed, for their draft in the identity store (none for
        an unnamed or anonymous concern: the name typed for a fingerprint is never kept)."""
        if self.forgotten or not self._named():
            return {}
        return {key: edit.text() for key, edit in self.person.items()}

    def pending_person(self) -> tuple[str, dict[str, str]] | None:
        """On lock: the draft's token and the person's details, to keep with the draft."""
        if self.forgotten or self.keeper.stopped:
            return None
        return self.keeper.token, self.person_values()

    def draft_fields(self) -> dict[str, Any] | None:
        if self.forgotten:
            return None
        fields = self.intake.draft_fields()
        if not str(fields["summary"]).strip() and not any(
                v.strip() for v in self.person_values().values()):
            return None
        fields.update(anonymity=self.anonymity.value(), start=self.start.value(),
                      handler=self.handler.text())
        return fields

    def pending_draft(self) -> str | None:
        return None if self.forgotten else self.keeper.body()

    def on_change(self) -> None:
        self.keeper.typed()

    def _offer_draft(self) -> None:
        def job(state: WorkerState) -> tuple[list[DraftForm], dict[str, str]]:
            book = state.require_book()
            forms = draft_forms(drafts_for(book.cases, None, KIND), KIND)
            person_drafts.discard_all_but(book, {f.token for f in forms})
            return forms, (person_drafts.read(book, forms[-1].token) if forms else {})

        self.session.read(job, lambda found: self._restore_newest(*found),
                          lambda _message: None)

    def _restore_newest(self, forms: list[DraftForm], person: dict[str, str] | None = None
                        ) -> None:
        if self.forgotten or not forms or self._touched or self.typed():
            return
        form = forms[-1]
        self.intake.fill_from_draft(form.fields)
        self.anonymity.set_value(str(form.fields.get("anonymity") or Anonymity.NAMED.value))
        self.start.set_value(str(form.fields.get("start") or "none"))
        self.handler.setText(str(form.fields.get("handler") or ""))
        for key, edit in self.person.items():
            edit.setText((person or {}).get(key, ""))
        self.keeper.adopt(form)
        self._arrange()
        self.settle()
        self.intro.setText(self.tr("Recovered the concern you were recording, with the "
                                   "person's details. It is still a draft until you record "
                                   "it."))
