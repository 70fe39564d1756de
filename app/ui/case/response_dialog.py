"""The full response at a stage: its date, the overall outcome and each issue's outcome.

At stage 2 (or at stage 1 when the concern goes no further) the response closes
the concern; the person may still ask for escalation of a stage 1 response.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.core.records import Outcome, Stage
from app.store.concerns import IssueOutcome
from app.ui.base.formatting import format_day
from app.ui.case import proposals
from app.ui.case.case_form import ConcernForm, Job, Problem
from app.ui.case.context import CaseContext
from app.ui.case.fields import DateField, EnumCombo, TextBox, heading
from app.ui.session import Session


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class ResponseDialog(ConcernForm):
    def __init__(self, session: Session, context: CaseContext, stage: Stage,
                 parent: QWidget | None = None) -> None:
        due = next((d.due for d in context.deadlines()
                    if d.kind == "respond" and d.stage is stage), None)
        intro = self.tr("The full response at stage %1, due by %2. It closes the concern at "
                        "this stage.").replace("%1", str(stage.number)).replace(
                            "%2", format_day(due))
        super().__init__(session, context, self.tr("Record the full response"),
                         self.tr("&Record response"), intro, parent)
        self.stage = stage
        self.on = DateField(context.today)
        self.outcome = EnumCombo(list(Outcome), self.tr("Choose an outcome"))
        self.summary = TextBox(lines=5)
        self.add_field("on", self.tr("&Date of the response:"), self.on)
        self.add_field("outcome", self.tr("Overall &outcome:"), self.outcome)
        self.issue_outcomes: dict[int, EnumCombo] = {}
        if context.detail.issues:
            self.add_wide(heading(self.tr("Outcome for each issue"), 1.0))
        for issue in context.detail.issues:
            combo = EnumCombo(list(Outcome), self.tr("Choose an outcome"))
            label = self.tr("Issue %1: %2").replace("%1", str(issue.number)).replace(
                "%2", _short(issue.description))
            combo.setAccessibleName(self.tr("Outcome of issue %1").replace(
                "%1", str(issue.number)))
            self.add_field(f"issue-{issue.issue_id}", label, combo,
                           name=self.tr("Issue %1").replace("%1", str(issue.number)))
            self.issue_outcomes[issue.issue_id] = combo
        self.add_field("summary", self.tr("&Summary of the response:"), self.summary,
                       hint=self.tr("Findings and how they were reached, any apology and the "
                                    "actions planned. Refer to the person as C."))
        self.settle()

    def problems(self) -> list[Problem]:
        outcome = self.outcome.value()
        key = self.stage.value
        # Until an outcome is chosen, check the dates as if one were: "choose" says the rest.
        proposed = proposals.responded(self.context.facts, self.stage, self.on.value(),
                                       Outcome(outcome) if outcome else Outcome.UPHELD)
        found = self.rule_problems(proposed, {f"{key}.responded_on": "on",
                                              f"{key}.outcome": "outcome",
                                              "closure_on": "on", "closure": "outcome"},
                                   elsewhere="on")  # the response date against other dates
        if outcome is None:
            found.append(("outcome", self.tr("Choose the overall outcome: upheld, partially "
                                             "upheld or not upheld.")))
        for issue_id, combo in self.issue_outcomes.items():
            if combo.value() is None:
                found.append((f"issue-{issue_id}", self.tr("Choose this issue's outcome.")))
        return found

    def save_job(self) -> Job:
        concern_id, stage, on = self.concern_id, self.stage, self.on.value()
        outcome = Outcome(str(self.outcome.currentData()))
        summary = self.summary.text()
        issues = tuple(IssueOutcome(issue_id, Outcome(str(combo.currentData())))
                       for issue_id, combo in self.issue_outcomes.items())
        assert concern_id is not None
        return self.service_job(
            lambda s: s.respond(concern_id, stage, on, outcome, summary, issues))
