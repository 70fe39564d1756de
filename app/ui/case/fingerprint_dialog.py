"""An unnamed concern's person, known only by a fingerprint of their name.

The contact types the name once; the worker keeps only its keyed digests (never the
name, never in a draft), so the identity check can find the name in this concern's notes
(as C) and in any other (as [name]). Typing it again adds to the same fingerprint.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from app.services import identity_scan
from app.store.name_digests import name_problem
from app.ui.base.worker import WorkerState
from app.ui.case.case_form import ConcernForm, Job, Problem
from app.ui.case.context import CaseContext
from app.ui.session import Session


class FingerprintDialog(ConcernForm):
    def __init__(self, session: Session, context: CaseContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(
            session, context, self.tr("Record the name's fingerprint"),
            self.tr("&Record fingerprint only"),
            self.tr("This concern is unnamed: the casebook must not hold the person's name. "
                    "Type it here and only a fingerprint is kept, from which the name cannot "
                    "be read back. Casebook then recognises the name when it is typed into "
                    "case text, here and in other concerns."), parent)
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("The person's name (not kept)"))
        self.add_field("name", self.tr("&Name:"), self.name,
                       hint=self.tr("Forgotten as soon as the fingerprint is made."),
                       scan=False)
        self.settle()
        self.name.setFocus()

    def problems(self) -> list[Problem]:
        if not self.name.text().strip():
            return [("name", self.tr("Type the name whose fingerprint to record."))]
        problem = name_problem(self.name.text())
        return [("name", self.tr(problem))] if problem else []

    def save_job(self) -> Job:
        session, concern_id, name = self.session, self.context.concern_id, self.name.text()

        def job(state: WorkerState) -> int:
            return identity_scan.record_fingerprint(session.book(state), concern_id, name)

        return job

    def after_save(self, result: object) -> None:
        self.name.clear()
