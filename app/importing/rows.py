"""One sheet row read into an ImportRow, and the checks a row must pass on its own.

Reading a row turns each cell into a value (problems for cells that do not
read). Once every cell of a row reads, `row_problems` checks the row against
itself: what an anonymous concern may hold, which columns belong to the stages
the concern reached, and details that need another column.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date

from app.core.identity import PersonDetails
from app.core.records import (
    Anonymity,
    Channel,
    Closure,
    ConsentMethod,
    Outcome,
    RaisedWith,
    RaiserCategory,
    ServiceType,
    Stage,
)
from app.importing.cells import RowCells
from app.importing.columns import BY_NAME, MAX_ISSUES, issue_column
from app.importing.problems import IDENTITY_COLUMNS, ImportProblem


@dataclass(frozen=True)
class StageColumns:
    """What a row says about one stage (stage 2's entry is the escalation or receipt)."""

    stage: Stage
    responded_on: date | None
    outcome: Outcome | None
    extended: bool
    extended_to: date | None
    extension_reason: str
    handler: str
    acknowledged_on: date | None = None  # stage 2 only

    def column(self, suffix: str) -> str:
        return f"{self.stage.value}_{suffix}"


@dataclass(frozen=True)
class IssueColumns:
    """One issue within the concern, as a row gives it."""

    number: int
    description: str
    service_type: ServiceType | None
    stage1_outcome: Outcome | None
    stage2_outcome: Outcome | None

    def outcome(self, stage: Stage) -> Outcome | None:
        return self.stage1_outcome if stage is Stage.STAGE1 else self.stage2_outcome


@dataclass(frozen=True)
class ImportRow:
    """A row every cell of which read: the values to check, compare and write."""

    number: int
    cells: Mapping[str, str]  # column name -> text as in the file
    reference: str
    received_on: date
    starting_stage: Stage | None
    anonymity: Anonymity
    person: PersonDetails | None
    raiser_category: RaiserCategory
    service_type: ServiceType
    service_area: str
    themes: tuple[str, ...]
    summary: str
    consent_on: date | None
    consent_method: ConsentMethod | None
    channel: Channel
    raised_with: RaisedWith
    stage1: StageColumns
    escalated_on: date | None
    stage2: StageColumns
    closure: Closure | None  # withdrawn, transferred or not taken forward
    closure_on: date | None
    closure_reason: str
    detriment: bool
    detriment_on: date | None  # as given; None means the received date is used
    signposted_inwo_on: date | None
    learning: str
    learning_publishable: bool
    contracted: bool = False
    issues: tuple[IssueColumns, ...] = ()

    def given(self, column: str) -> bool:
        return bool(self.cells.get(column, "").strip())

    @property
    def reaches_stage1(self) -> bool:
        return self.starting_stage is Stage.STAGE1


# ----- reading --------------------------------------------------------------------------


def _stage_columns(cells: RowCells, stage: Stage) -> StageColumns:
    prefix = stage.value
    return StageColumns(
        stage=stage,
        responded_on=cells.day(f"{prefix}_response_date"),
        outcome=cells.choice(f"{prefix}_outcome", Outcome),
        extended=cells.yes_no(f"{prefix}_extended"),
        extended_to=cells.day(f"{prefix}_extended_to"),
        extension_reason=cells.text(f"{prefix}_extension_reason"),
        handler=cells.text(f"{prefix}_handler"),
        acknowledged_on=(cells.day("stage2_acknowledged_date") if stage is Stage.STAGE2
                         else None),
    )


def _person(cells: RowCells) -> PersonDetails | None:
    name = cells.text("raiser_name")
    email = cells.email("raiser_email")
    phone = cells.text("raiser_phone")
    if not (name or email or phone):
        return None
    return PersonDetails(name=name, email=email, phone=phone)


def _required(cells: RowCells, name: str, check: bool = True) -> None:
    if check and not cells.given(name):
        cells.problem(name, "is empty")


def _issues(cells: RowCells) -> tuple[IssueColumns, ...]:
    found = []
    for number in range(1, MAX_ISSUES + 1):
        names = [issue_column(number, suffix) for suffix in
                 ("", "service_type", "stage1_outcome", "stage2_outcome")]
        if not any(cells.given(name) for name in names):
            continue
        found.append(IssueColumns(
            number, cells.text(names[0]), cells.choice(names[1], ServiceType),
            cells.choice(names[2], Outcome), cells.choice(names[3], Outcome)))
    return tuple(found)


def _starting_stage(cells: RowCells) -> Stage | None:
    number = cells.stage("starting_stage")
    return None if number is None else (Stage.STAGE1 if number == 1 else Stage.STAGE2)


def read_row(cells: RowCells, missing_columns: frozenset[str] = frozenset()) -> ImportRow | None:
    """The row's values, or None when a cell did not read (its problems are in `cells`).

    Required columns the sheet lacks altogether are reported once for the sheet,
    so `missing_columns` are not reported again for every row.
    """
    for name in ("reference", "received_date", "anonymity", "service_type"):
        _required(cells, name, name not in missing_columns)
    anonymity = cells.choice("anonymity", Anonymity)
    category = cells.choice("raiser_category", RaiserCategory)
    if category is None and anonymity is Anonymity.ANONYMOUS:
        category = RaiserCategory.OTHER  # nobody knows who, so perhaps not what either
    elif anonymity is not None:
        _required(cells, "raiser_category")
    received_on = cells.day("received_date")
    service_type = cells.choice("service_type", ServiceType)
    row = ImportRow(
        number=cells.number, cells=cells.cells, reference=cells.text("reference"),
        received_on=received_on or date.min, starting_stage=_starting_stage(cells),
        anonymity=anonymity or Anonymity.NAMED, person=_person(cells),
        raiser_category=category or RaiserCategory.OTHER,
        service_type=service_type or ServiceType.NHS, service_area=cells.text("service_area"),
        themes=cells.themes("themes"), summary=cells.text("summary"),
        consent_on=cells.day("consent_date"),
        consent_method=cells.choice("consent_method", ConsentMethod),
        channel=cells.choice("channel", Channel) or Channel.OTHER,
        raised_with=cells.choice("raised_with", RaisedWith) or RaisedWith.CONFIDENTIAL_CONTACT,
        stage1=_stage_columns(cells, Stage.STAGE1), escalated_on=cells.day("escalation_date"),
        stage2=_stage_columns(cells, Stage.STAGE2), closure=cells.choice("closure", Closure),
        closure_on=cells.day("closure_date"), closure_reason=cells.text("closure_reason"),
        detriment=cells.yes_no("detriment"), detriment_on=cells.day("detriment_date"),
        signposted_inwo_on=cells.day("signposted_inwo_date"), learning=cells.text("learning"),
        learning_publishable=cells.yes_no("learning_publishable"),
        contracted=cells.yes_no("contracted_service"), issues=_issues(cells),
    )
    # A required value missing has its problem (here, or once for the sheet when the whole
    # column is missing): such a row goes no further.
    missing = None in (anonymity, category, received_on, service_type) or not row.reference
    return None if cells.problems or missing else row


# ----- the checks of one row --------------------------------------------------------------


def _problem(row: ImportRow, column: str, issue: str, expected: str | None = None
             ) -> ImportProblem:
    return ImportProblem(row.number, column, row.cells.get(column, ""), issue,
                         expected if expected is not None else BY_NAME[column].expected)


def _identity(row: ImportRow) -> Iterator[ImportProblem]:
    if row.anonymity is not Anonymity.NAMED:
        for column in sorted(IDENTITY_COLUMNS):
            if row.given(column):
                yield _problem(row, column, f"is given for an {row.anonymity.value} concern",
                               "empty: an unnamed or anonymous concern records nobody's "
                               "identity")
    elif row.person is not None and not row.person.name:
        yield _problem(row, "raiser_name", "is empty but an email or phone number is given")


def _stage_columns_given(row: ImportRow, stage: StageColumns) -> list[str]:
    """The columns of a stage that hold something ("no" for extended holds nothing)."""
    names = ["response_date", "outcome", "extended_to", "extension_reason", "handler"]
    given = [stage.column(name) for name in names if row.given(stage.column(name))]
    if stage.extended:
        given.append(stage.column("extended"))
    if stage.stage is Stage.STAGE1 and row.given("escalation_date"):
        given.append("escalation_date")
    if stage.stage is Stage.STAGE2 and row.given("stage2_acknowledged_date"):
        given.append("stage2_acknowledged_date")
    return given


def _stages_reached(row: ImportRow) -> Iterator[ImportProblem]:
    stage1 = _stage_columns_given(row, row.stage1)
    stage2 = _stage_columns_given(row, row.stage2)
    if row.starting_stage is None:
        if stage1 or stage2:
            yield _problem(row, "starting_stage", "is empty but stage dates or outcomes are "
                           "given", "1 or 2")
        elif row.anonymity is Anonymity.NAMED and row.closure is None:
            yield _problem(row, "starting_stage", "is empty for a named concern",
                           "1 or 2 (leave it empty only for a concern withdrawn, transferred "
                           "or not taken forward before it reached a stage)")
        return
    if row.starting_stage is Stage.STAGE2:
        for column in stage1:
            yield _problem(row, column, "is given for a concern that started at stage 2",
                           "empty: a concern that starts at stage 2 has no stage 1")
    elif row.escalated_on is None:
        for column in stage2:
            yield _problem(row, column, "is given but the concern was not escalated to stage 2",
                           "empty, or an escalation_date as well")


def _responses(row: ImportRow) -> Iterator[ImportProblem]:
    for stage in (row.stage1, row.stage2):
        outcome = stage.column("outcome")
        if stage.responded_on is not None and stage.outcome is None:
            yield _problem(row, outcome, f"is empty but {stage.column('response_date')} is "
                           "given", BY_NAME[outcome].expected)


def _needs(row: ImportRow, column: str, present: bool, other: str, expected: str
           ) -> Iterator[ImportProblem]:
    """`column` may hold something only with `other` (`present` says whether it does)."""
    if row.given(column) and not present:
        yield _problem(row, column, f"is given but {other}", expected)


def _dependent_details(row: ImportRow) -> Iterator[ImportProblem]:
    for stage in (row.stage1, row.stage2):
        extended = stage.column("extended")
        for suffix in ("extended_to", "extension_reason"):
            yield from _needs(row, stage.column(suffix), stage.extended,
                              f"{extended} is not yes", f"empty, or {extended} yes")
    yield from _needs(row, "consent_method", row.consent_on is not None,
                      "consent_date is empty", "empty, or a consent_date as well")
    for column in ("closure_date", "closure_reason"):
        yield from _needs(row, column, row.closure is not None, "closure is empty",
                          "empty, or a closure of withdrawn, transferred or not_taken_forward")
    yield from _needs(row, "detriment_date", row.detriment, "detriment is not yes",
                      "empty, or detriment yes")
    if row.learning_publishable and not row.learning:
        yield _problem(row, "learning_publishable", "is given but learning is empty",
                       "no or empty, or the learning in the learning column")


def _event_dates(row: ImportRow, today: date) -> Iterator[ImportProblem]:
    """Dates the timeline rules do not see: signposting and detriment."""
    for column, day in (("signposted_inwo_date", row.signposted_inwo_on),
                        ("detriment_date", row.detriment_on)):
        if day is None:
            continue
        if day < row.received_on:
            yield _problem(row, column, "is before received_date",
                           "a date on or after received_date")
        elif day > today:
            yield _problem(row, column, "is in the future", "a date up to today")


def _issue_problems(row: ImportRow) -> Iterator[ImportProblem]:
    """Each issue needs its words; its outcome needs the stage's response; its service is
    needed when the concern is about both services (signposting follows it)."""
    for issue in row.issues:
        name = issue_column(issue.number)
        if not issue.description:
            yield _problem(row, name, "is empty but the issue's service or outcomes are "
                           "given", "the issue, in a few words")
        if issue.service_type is None and row.service_type is ServiceType.BOTH:
            yield _problem(row, issue_column(issue.number, "service_type"), "is empty for a "
                           "concern about both services", "nhs or local_authority")
        for stage in (row.stage1, row.stage2):
            column = issue_column(issue.number, f"{stage.stage.value}_outcome")
            if issue.outcome(stage.stage) is not None and stage.outcome is None:
                yield _problem(row, column, f"is given but {stage.column('outcome')} is empty",
                               f"empty, or the concern's {stage.column('outcome')} as well")


def row_problems(row: ImportRow, today: date) -> list[ImportProblem]:
    """Everything wrong with a row on its own, apart from the timeline rules."""
    return [*_identity(row), *_stages_reached(row), *_responses(row), *_dependent_details(row),
            *_event_dates(row, today), *_issue_problems(row)]
