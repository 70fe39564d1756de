"""A row's timeline as the casebook will hold it, checked by the casebook's own rules.

`row_facts` builds the ConcernFacts the store will read back once the row is
written (imported, so details imported history lacks are allowed), and
`rule_problems` runs `validate_concern` on them and says each violation in the
sheet's terms: the row, the column, the cell, and what would fit.
"""

from __future__ import annotations

from datetime import date

from app.core.calendar import WorkingCalendar
from app.core.facts import ConcernFacts, ExtensionFacts, StageFacts
from app.core.records import Closure, ProcedureDecision, Stage, StageEntry, theme_code
from app.core.rules import RuleViolation, validate_concern
from app.core.timescales import Timescales
from app.importing.problems import ImportProblem
from app.importing.rows import ImportRow, StageColumns

# What would fit, for each column a timeline rule can be about.
_RULE_EXPECTED: dict[str, str] = {
    "received_date": "the date the concern was received, not in the future",
    "starting_stage": "1 or 2",
    "consent_date": "a date on or after received_date, not in the future",
    "stage1_response_date": "a date on or after received_date and on or before any "
                            "escalation_date, not in the future (and one whenever "
                            "stage1_outcome is given)",
    "stage1_outcome": "upheld, partially_upheld or not_upheld with a stage1_response_date",
    "stage1_extended": "yes only for a stage the concern reached",
    "stage1_extended_to": "a new due date after received_date",
    "escalation_date": "a date on or after received_date and any stage1_response_date, "
                       "not in the future",
    "stage2_acknowledged_date": "a date from the day the concern entered stage 2 up to its "
                                "stage 2 response, not in the future",
    "stage2_response_date": "a date on or after the day the concern entered stage 2 (its "
                            "escalation_date, or received_date if it started there), not in "
                            "the future (and one whenever stage2_outcome is given)",
    "stage2_outcome": "upheld, partially_upheld or not_upheld with a stage2_response_date",
    "stage2_extended": "yes only for a stage the concern reached",
    "stage2_extended_to": "a new due date after the day the concern entered stage 2",
    "closure": "empty for a concern with a full response at the last stage it reached, and "
               "not_taken_forward only for a concern without a starting_stage",
    "closure_date": "the date the concern was withdrawn, transferred or not taken forward: on "
                    "or after received_date and every stage date, not in the future",
    "closure_reason": "the reason the concern was not taken forward under the Standards",
    "themes": "themes by code or label, separated by ';'",
}
_FALLBACK_EXPECTED = "a row whose dates and details agree with each other"


def theme_codes(themes: tuple[str, ...]) -> tuple[str, ...]:
    """Standard codes in code order, a local theme counting as `other` (as the store reads)."""
    return tuple(sorted({theme_code(text) or "other" for text in themes}))


def _extensions(columns: StageColumns) -> tuple[ExtensionFacts, ...]:
    if not columns.extended:
        return ()
    return (ExtensionFacts(stage=columns.stage, authorised_on=None, authorised_by=None,
                           reason=columns.extension_reason or None,
                           new_due_date=columns.extended_to, imported=True),)


def _stage(columns: StageColumns, entered_on: date, entry: StageEntry) -> StageFacts:
    return StageFacts(stage=columns.stage, entered_on=entered_on, entry=entry,
                      acknowledged_on=columns.acknowledged_on, responded_on=columns.responded_on,
                      outcome=columns.outcome, extensions=_extensions(columns))


def row_stages(row: ImportRow) -> tuple[StageFacts | None, StageFacts | None]:
    stage1 = stage2 = None
    if row.starting_stage is Stage.STAGE1:
        stage1 = _stage(row.stage1, row.received_on, StageEntry.RECEIVED)
        if row.escalated_on is not None:
            stage2 = _stage(row.stage2, row.escalated_on, StageEntry.ESCALATED)
    elif row.starting_stage is Stage.STAGE2:
        stage2 = _stage(row.stage2, row.received_on, StageEntry.RECEIVED)
    return stage1, stage2


def _closure(row: ImportRow, last: StageFacts | None) -> tuple[Closure, date | None]:
    """As the store will hold it: a full response at the last stage closes the concern."""
    if row.closure is not None:
        return row.closure, row.closure_on
    if last is not None and last.closed_in_full:
        return Closure.CLOSED, last.responded_on
    return Closure.OPEN, None


def _decision(row: ImportRow) -> ProcedureDecision:
    if row.closure is Closure.NOT_TAKEN_FORWARD:
        return ProcedureDecision.NOT_TAKEN_FORWARD
    if row.starting_stage is not None:
        return ProcedureDecision.USE_PROCEDURE
    return ProcedureDecision.UNDECIDED


def row_facts(row: ImportRow, concern_id: int = 0) -> ConcernFacts:
    """The facts the casebook will read back once the row is written."""
    stage1, stage2 = row_stages(row)
    closure, closure_on = _closure(row, stage2 or stage1)
    not_taken_forward = row.closure is Closure.NOT_TAKEN_FORWARD
    return ConcernFacts(
        concern_id=concern_id, received_on=row.received_on, anonymity=row.anonymity,
        service_type=row.service_type, raiser_category=row.raiser_category,
        decision=_decision(row),
        decision_reasons=(row.closure_reason or None) if not_taken_forward else None,
        consent_on=row.consent_on, stage1=stage1, stage2=stage2, closure=closure,
        closure_on=closure_on, themes=theme_codes(row.themes), imported=True,
        contracted=row.contracted)


# ----- the rules' findings in the sheet's terms ----------------------------------------------

_STAGE_FIELDS = {
    "acknowledged_on": "stage2_acknowledged_date",
    "responded_on": "{stage}_response_date",
    "outcome": "{stage}_outcome",
}


def _stage_column(row: ImportRow, stage: str, rest: str) -> str:
    if rest in ("entered_on", "entry", "stage"):
        if stage == Stage.STAGE2.value and row.escalated_on is not None:
            return "escalation_date"
        return "starting_stage" if rest == "entry" else "received_date"
    if rest.startswith("extensions["):
        suffix = "extended_to" if rest.endswith("new_due_date") else "extended"
        return f"{stage}_{suffix}"
    return _STAGE_FIELDS.get(rest, "{stage}_response_date").format(stage=stage)


def column_of(row: ImportRow, field: str) -> str | None:
    """The sheet column a rule's field is about, or None for the row as a whole."""
    stage, dot, rest = field.partition(".")
    if dot and stage in (Stage.STAGE1.value, Stage.STAGE2.value):
        return _stage_column(row, stage, rest)
    return {
        "received_on": "received_date", "consent_on": "consent_date",
        "closure": "closure", "decision": "closure", "closure_on": "closure_date",
        "decision_reasons": "closure_reason", "themes": "themes",
    }.get(field)


def _lower_first(sentence: str) -> str:
    """A rule's sentence to follow a colon: "The stage..." -> "the stage..." (not "INWO")."""
    text = sentence.strip().rstrip(".")
    first = text.split(" ", 1)[0]
    if first[1:] != first[1:].lower():
        return text
    return text[:1].lower() + text[1:]


def _as_problem(row: ImportRow, violation: RuleViolation) -> ImportProblem:
    column = column_of(row, violation.field)
    value = row.cells.get(column, "") if column else ""
    lead = "does not fit: " if value.strip() else "is missing: "
    expected = _RULE_EXPECTED.get(column or "", _FALLBACK_EXPECTED)
    return ImportProblem(row.number, column, value, lead + _lower_first(violation.message),
                         expected)


def _derived(row: ImportRow, violation: RuleViolation) -> bool:
    """About a closure the row did not give but its final response implies: the finding is
    already made about the response date itself."""
    return row.closure is None and violation.field in ("closure", "closure_on")


def rule_problems(row: ImportRow, *, today: date, calendar: WorkingCalendar,
                  timescales: Timescales) -> list[ImportProblem]:
    """The casebook's rules over the row's timeline: one problem per cell at most."""
    violations = validate_concern(row_facts(row), timescales=timescales, calendar=calendar,
                                  today=today)
    found: dict[tuple[int, str | None], ImportProblem] = {}
    for violation in violations:
        if _derived(row, violation):
            continue
        problem = _as_problem(row, violation)
        found.setdefault((problem.row or 0, problem.column), problem)
    return list(found.values())
