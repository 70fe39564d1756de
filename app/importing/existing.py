"""A row whose reference the casebook already holds: the same concern, or a conflict.

References are the import's key. A row is "already imported" when every column
the sheet has says what the casebook holds; any difference is a conflict,
reported and never written over. Details imported history may lack (channel,
handlers, extension details, ...) are compared only where the row gives them.

Identity is compared by presence only (a name given, an identity held): reading
the name held would be a reveal, and an import must not reveal. A different
name, email or phone for a concern already held is therefore not detected; it
is not written either.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from app.core.records import theme_code
from app.importing.columns import BY_NAME, CLOSURE_CHOICES, COLUMNS, MAX_ISSUES, issue_column
from app.importing.problems import ImportProblem
from app.importing.rows import ImportRow, StageColumns
from app.store.concern_detail import ConcernDetail, StageDetail

_NOT_COMPARED = frozenset({"reference", "raiser_email", "raiser_phone"})


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def _code(value: object) -> str:
    return "" if value is None else str(getattr(value, "value", value))


def _themes(pairs: Iterable[tuple[str, str]]) -> str:
    return "; ".join(sorted({f"{code}:{label}" for code, label in pairs}))


def _row_theme_pairs(themes: tuple[str, ...]) -> list[tuple[str, str]]:
    """As ConcernService keeps them: a standard code, or `other` with the local label."""
    pairs = []
    for text in themes:
        code = theme_code(text)
        pairs.append((code, "") if code else ("other", text.strip()))
    return pairs


# ----- the row's content, column by column ------------------------------------------------


def _row_stage(columns: StageColumns) -> dict[str, str]:
    return {
        columns.column("response_date"): _day(columns.responded_on),
        columns.column("outcome"): _code(columns.outcome),
        columns.column("extended"): _yes(columns.extended),
        columns.column("extended_to"): _day(columns.extended_to),
        columns.column("extension_reason"): columns.extension_reason,
        columns.column("handler"): columns.handler,
    }


def row_content(row: ImportRow) -> dict[str, str]:
    """What the row says, as text comparable with `stored_content`."""
    detriment_on = row.detriment_on or (row.received_on if row.detriment else None)
    return {
        "received_date": _day(row.received_on),
        "starting_stage": str(row.starting_stage.number) if row.starting_stage else "",
        "anonymity": row.anonymity.value,
        "raiser_name": _yes(row.person is not None),
        "raiser_category": row.raiser_category.value,
        "service_type": row.service_type.value,
        "service_area": row.service_area,
        "themes": _themes(_row_theme_pairs(row.themes)),
        "summary": row.summary,
        "consent_date": _day(row.consent_on),
        "consent_method": _code(row.consent_method),
        **_row_stage(row.stage1),
        "escalation_date": _day(row.escalated_on),
        "stage2_acknowledged_date": _day(row.stage2.acknowledged_on),
        **_row_stage(row.stage2),
        "detriment": _yes(row.detriment),
        "detriment_date": _day(detriment_on),
        "signposted_inwo_date": _day(row.signposted_inwo_on),
        "learning": row.learning,
        "learning_publishable": _yes(row.learning_publishable),
        "channel": row.channel.value,
        "raised_with": row.raised_with.value,
        "closure": _code(row.closure),
        "closure_date": _day(row.closure_on),
        "closure_reason": row.closure_reason,
        "contracted_service": _yes(row.contracted),
        **_row_issues(row),
    }


def _issue_content(number: int, description: str, service: str, stage1: str,
                   stage2: str) -> dict[str, str]:
    return {issue_column(number): description,
            issue_column(number, "service_type"): service,
            issue_column(number, "stage1_outcome"): stage1,
            issue_column(number, "stage2_outcome"): stage2}


def _row_issues(row: ImportRow) -> dict[str, str]:
    found: dict[str, str] = {}
    for number in range(1, MAX_ISSUES + 1):
        issue = next((i for i in row.issues if i.number == number), None)
        found.update(_issue_content(
            number, issue.description if issue else "",
            _code(issue.service_type) if issue else "",
            _code(issue.stage1_outcome) if issue else "",
            _code(issue.stage2_outcome) if issue else ""))
    return found


# ----- what the casebook holds, in the same terms -----------------------------------------


def _stored_stage(detail: ConcernDetail, stage: StageDetail | None, prefix: str
                  ) -> dict[str, str]:
    extensions = [e for e in detail.extensions if e.stage == prefix]
    last = extensions[-1] if extensions else None
    return {
        f"{prefix}_response_date": _day(stage.responded_on) if stage else "",
        f"{prefix}_outcome": (stage.outcome or "") if stage else "",
        f"{prefix}_extended": _yes(bool(extensions)),
        f"{prefix}_extended_to": _day(last.new_due_on) if last else "",
        f"{prefix}_extension_reason": (last.reason or "") if last else "",
        f"{prefix}_handler": (stage.handler or "") if stage else "",
    }


def _starting_stage(detail: ConcernDetail) -> str:
    started = next((s for s in detail.stages if s.entry == "received"), None)
    return started.stage.removeprefix("stage") if started else ""


def stored_content(detail: ConcernDetail) -> dict[str, str]:
    """What the casebook holds for a concern, as text comparable with `row_content`."""
    stage1, stage2 = detail.stage("stage1"), detail.stage("stage2")
    escalated = stage2 is not None and stage2.entry == "escalated"
    inwo = [s.signposted_on for s in detail.signposting if s.body == "inwo"]
    first_action = detail.actions[0] if detail.actions else None
    left = detail.closure in CLOSURE_CHOICES
    return {
        "received_date": _day(detail.received_on),
        "starting_stage": _starting_stage(detail),
        "anonymity": detail.anonymity,
        "raiser_name": _yes(detail.has_person),
        "raiser_category": detail.raiser_category,
        "service_type": detail.service_type,
        "service_area": detail.service_area,
        "themes": _themes(detail.themes),
        "summary": detail.summary,
        "consent_date": _day(detail.consent_on),
        "consent_method": detail.consent_method or "",
        **_stored_stage(detail, stage1, "stage1"),
        "escalation_date": _day(stage2.entered_on) if stage2 and escalated else "",
        "stage2_acknowledged_date": _day(stage2.acknowledged_on) if stage2 else "",
        **_stored_stage(detail, stage2, "stage2"),
        "detriment": _yes(bool(detail.detriment)),
        "detriment_date": _day(min(d.reported_on for d in detail.detriment))
        if detail.detriment else "",
        "signposted_inwo_date": _day(min(inwo)) if inwo else "",
        "learning": first_action.learning if first_action else "",
        "learning_publishable": _yes(first_action.publishable if first_action else False),
        "channel": detail.channel,
        "raised_with": detail.raised_with,
        "closure": detail.closure if left else "",
        "closure_date": _day(detail.closure_on) if left else "",
        "closure_reason": (detail.closure_reason or "") if left else "",
        "contracted_service": _yes(detail.contracted),
        **_stored_issues(detail),
    }


def _stored_issues(detail: ConcernDetail) -> dict[str, str]:
    found: dict[str, str] = {}
    for number in range(1, MAX_ISSUES + 1):
        issue = next((i for i in detail.issues if i.number == number), None)
        found.update(_issue_content(
            number, issue.description if issue else "",
            (issue.service_type or "") if issue else "",
            (issue.stage1_outcome or "") if issue else "",
            (issue.stage2_outcome or "") if issue else ""))
    return found


# ----- the comparison ----------------------------------------------------------------------


def _compared(column: str, row: ImportRow, present: frozenset[str]) -> bool:
    if column in _NOT_COMPARED or column not in present:
        return False
    if column == "raiser_name":
        return True
    return not BY_NAME[column].detail or row.given(column)


def _conflict(row: ImportRow, column: str, reference: str, held: str) -> ImportProblem:
    if column == "raiser_name":
        holds = "holds an identity" if held == "yes" else "holds no identity"
        issue = f"differs from concern {reference} already in the casebook, which {holds}"
        expected = "the identity as already recorded (an import never changes it)"
    else:
        shown = f"'{held}'" if held else "nothing"
        issue = f"differs from concern {reference} already in the casebook, which has {shown}"
        expected = "what the casebook holds: an import never changes a concern already recorded"
    return ImportProblem(row.number, column, row.cells.get(column, ""), issue, expected,
                         kind="conflict")


def conflicts(row: ImportRow, detail: ConcernDetail, present: frozenset[str]
              ) -> list[ImportProblem]:
    """Every column where the row and the concern already held disagree."""
    mine, held = row_content(row), stored_content(detail)
    return [_conflict(row, column.name, detail.reference, held[column.name])
            for column in COLUMNS
            if _compared(column.name, row, present) and mine[column.name] != held[column.name]]
