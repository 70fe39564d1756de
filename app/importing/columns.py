"""The columns of an import sheet: names, what each holds, and how headings are matched.

The first 25 are the template's columns in the order the issue fixes; the rest
are optional details a log may have kept: more about the stages, the closure, whether the
concern is about a contracted or primary-care service, and each issue within the concern
(issue1 ... issue5, each with its service and its outcome at each stage). A sheet made
before these were added imports as it always did. A heading matches a column ignoring
case, spaces, underscores and hyphens ("Received date" is `received_date`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Kind(Enum):
    """What a column holds, and so how its cells are read."""

    TEXT = "text"
    DATE = "date"
    STAGE = "stage"  # 1 or 2
    CHOICE = "choice"  # one of a fixed list of codes (or their labels)
    YES_NO = "yes_no"
    THEMES = "themes"  # separated by ';'
    EMAIL = "email"


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind
    help: str  # one line for the README and the template's notes sheet
    expected: str  # what a cell may hold, for problem messages ("expected ...")
    required: bool = False  # the sheet must have this column
    identity: bool = False  # goes to identities.db, never to cases.db
    # A detail that imported history may lack: left empty, it is "not recorded" and
    # it is not compared when the same reference is imported again.
    detail: bool = False


_DATE = "a date as YYYY-MM-DD or DD/MM/YYYY"


def _choices(*codes: str) -> str:
    return ", ".join(codes[:-1]) + " or " + codes[-1]


ANONYMITY_CHOICES = ("named", "unnamed", "anonymous")
CATEGORY_CHOICES = ("employee", "former_employee", "bank_agency_locum", "contractor",
                    "student_trainee", "volunteer", "non_executive", "other")
SERVICE_CHOICES = ("nhs", "local_authority", "both")
OUTCOME_CHOICES = ("upheld", "partially_upheld", "not_upheld")
CHANNEL_CHOICES = ("in_person", "phone", "video", "writing", "email", "other")
RAISED_WITH_CHOICES = ("line_manager", "senior_manager", "confidential_contact",
                       "speak_up_ambassador", "other")
CONSENT_METHOD_CHOICES = ("conversation", "email", "writing")
CLOSURE_CHOICES = ("withdrawn", "transferred", "not_taken_forward")


def _column(name: str, kind: Kind, help_text: str, expected: str, **flags: bool) -> Column:
    return Column(name, kind, help_text, expected, **flags)


TEMPLATE_COLUMNS: tuple[Column, ...] = (
    _column("reference", Kind.TEXT, "Your reference for the concern; the key that makes a "
            "second import of the same file add nothing.",
            "a reference, used once in the file (for example WB-2024-0001)", required=True),
    _column("received_date", Kind.DATE, "The date the concern was received.",
            _DATE, required=True),
    _column("starting_stage", Kind.STAGE, "1 or 2: the stage the concern started at. May be "
            "empty for anonymous and unnamed concerns, and for one withdrawn, transferred or "
            "not taken forward before a stage.", "1 or 2"),
    _column("anonymity", Kind.CHOICE, "named, unnamed (you know who; the record must not) or "
            "anonymous (nobody knows who).", _choices(*ANONYMITY_CHOICES), required=True),
    _column("raiser_name", Kind.TEXT, "The person's name (named concerns only; kept in "
            "identities.db).", "the person's name", identity=True),
    _column("raiser_email", Kind.EMAIL, "The person's email address (named concerns only).",
            "an email address such as name@example.org", identity=True),
    _column("raiser_phone", Kind.TEXT, "The person's phone number (named concerns only).",
            "a phone number", identity=True),
    _column("raiser_category", Kind.CHOICE, "Who raised it: " + _choices(*CATEGORY_CHOICES)
            + ". Needed for named and unnamed concerns; may be empty for an anonymous one "
            "(counted as other).",
            _choices(*CATEGORY_CHOICES)),
    _column("service_type", Kind.CHOICE, "nhs, local_authority or both.",
            _choices(*SERVICE_CHOICES), required=True),
    _column("service_area", Kind.TEXT, "The ward, team or service the concern is about.",
            "text"),
    _column("themes", Kind.THEMES, "Themes separated by ';', by code or label (for example "
            "patient_safety; Staffing levels or skill mix). Any other text is kept as a local "
            "theme.", "themes separated by ';'"),
    _column("summary", Kind.TEXT, "A short summary of the concern. Refer to the person as C, "
            "never by name.", "text"),
    _column("consent_date", Kind.DATE, "The date the person agreed to use the procedure.",
            _DATE),
    _column("stage1_response_date", Kind.DATE, "The date of the stage 1 full response.", _DATE),
    _column("stage1_extended", Kind.YES_NO, "yes if an extension was authorised at stage 1.",
            "yes, no or empty"),
    _column("escalation_date", Kind.DATE, "The date a stage 1 concern was escalated to stage 2.",
            _DATE),
    _column("stage2_acknowledged_date", Kind.DATE, "The date the stage 2 concern was "
            "acknowledged in writing.", _DATE),
    _column("stage2_response_date", Kind.DATE, "The date of the stage 2 full response.", _DATE),
    _column("stage2_extended", Kind.YES_NO, "yes if an extension was authorised at stage 2.",
            "yes, no or empty"),
    _column("stage1_outcome", Kind.CHOICE, "upheld, partially_upheld or not_upheld; empty "
            "while stage 1 is open.", _choices(*OUTCOME_CHOICES)),
    _column("stage2_outcome", Kind.CHOICE, "upheld, partially_upheld or not_upheld; empty "
            "while stage 2 is open.", _choices(*OUTCOME_CHOICES)),
    _column("detriment", Kind.YES_NO, "yes if the person reported detriment (being treated "
            "badly for raising the concern).", "yes, no or empty"),
    _column("signposted_inwo_date", Kind.DATE, "The date the person was signposted to the "
            "INWO.", _DATE),
    _column("learning", Kind.TEXT, "Learning, changes or improvements from the concern.",
            "text"),
    _column("learning_publishable", Kind.YES_NO, "yes if the learning may go in the "
            "anonymised return (it must not identify anyone).", "yes, no or empty"),
)

OPTIONAL_COLUMNS: tuple[Column, ...] = (
    _column("channel", Kind.CHOICE, "How the concern was raised: " + _choices(*CHANNEL_CHOICES)
            + " (empty: other).", _choices(*CHANNEL_CHOICES), detail=True),
    _column("raised_with", Kind.CHOICE, "Who it was raised with: "
            + _choices(*RAISED_WITH_CHOICES) + " (empty: confidential_contact).",
            _choices(*RAISED_WITH_CHOICES), detail=True),
    _column("consent_method", Kind.CHOICE, "How consent was given: "
            + _choices(*CONSENT_METHOD_CHOICES) + " (empty: not recorded).",
            _choices(*CONSENT_METHOD_CHOICES), detail=True),
    _column("stage1_handler", Kind.TEXT, "Who handled stage 1 (staff, not the person raising "
            "it).", "text", detail=True),
    _column("stage2_handler", Kind.TEXT, "Who investigated at stage 2.", "text", detail=True),
    _column("stage1_extended_to", Kind.DATE, "The new stage 1 due date an extension gave.",
            _DATE, detail=True),
    _column("stage1_extension_reason", Kind.TEXT, "Why the stage 1 extension was authorised.",
            "text", detail=True),
    _column("stage2_extended_to", Kind.DATE, "The new stage 2 due date an extension gave.",
            _DATE, detail=True),
    _column("stage2_extension_reason", Kind.TEXT, "Why the stage 2 extension was authorised.",
            "text", detail=True),
    _column("detriment_date", Kind.DATE, "When the detriment was reported (empty: the "
            "received date is used).", _DATE, detail=True),
    _column("closure", Kind.CHOICE, "withdrawn, transferred (to another procedure) or "
            "not_taken_forward (under the Standards); empty when open or closed by its "
            "response.", _choices(*CLOSURE_CHOICES)),
    _column("closure_date", Kind.DATE, "The date the concern was withdrawn, transferred or not "
            "taken forward.", _DATE),
    _column("closure_reason", Kind.TEXT, "Why (needed when not taken forward).", "text"),
    _column("contracted_service", Kind.YES_NO, "yes if the concern is about a contracted or "
            "primary-care service (a GP practice, dentist, pharmacy, optician, or a service "
            "the board contracts out).", "yes, no or empty", detail=True),
)

# Each issue within a concern, where a log kept them: up to MAX_ISSUES, each with its
# service (for signposting) and its outcome at each stage. All optional.
MAX_ISSUES = 5
ISSUE_SERVICE_CHOICES = ("nhs", "local_authority")


def issue_column(number: int, suffix: str = "") -> str:
    return f"issue{number}" + (f"_{suffix}" if suffix else "")


ISSUE_COLUMNS: tuple[Column, ...] = tuple(
    column for number in range(1, MAX_ISSUES + 1) for column in (
        _column(issue_column(number), Kind.TEXT, f"Issue {number} within the concern, in a "
                "few words (refer to the person as C).", "text", detail=True),
        _column(issue_column(number, "service_type"), Kind.CHOICE, f"nhs or local_authority: "
                f"the service issue {number} is about (empty: the concern's own, when that is "
                "not both).", _choices(*ISSUE_SERVICE_CHOICES), detail=True),
        _column(issue_column(number, "stage1_outcome"), Kind.CHOICE, f"Issue {number}'s "
                "outcome at stage 1.", _choices(*OUTCOME_CHOICES), detail=True),
        _column(issue_column(number, "stage2_outcome"), Kind.CHOICE, f"Issue {number}'s "
                "outcome at stage 2.", _choices(*OUTCOME_CHOICES), detail=True)))

COLUMNS: tuple[Column, ...] = TEMPLATE_COLUMNS + OPTIONAL_COLUMNS + ISSUE_COLUMNS
BY_NAME: dict[str, Column] = {column.name: column for column in COLUMNS}

CHOICES: dict[str, tuple[str, ...]] = {
    "anonymity": ANONYMITY_CHOICES,
    "raiser_category": CATEGORY_CHOICES,
    "service_type": SERVICE_CHOICES,
    "stage1_outcome": OUTCOME_CHOICES,
    "stage2_outcome": OUTCOME_CHOICES,
    "channel": CHANNEL_CHOICES,
    "raised_with": RAISED_WITH_CHOICES,
    "consent_method": CONSENT_METHOD_CHOICES,
    "closure": CLOSURE_CHOICES,
    **{issue_column(n, "service_type"): ISSUE_SERVICE_CHOICES
       for n in range(1, MAX_ISSUES + 1)},
    **{issue_column(n, f"stage{s}_outcome"): OUTCOME_CHOICES
       for n in range(1, MAX_ISSUES + 1) for s in (1, 2)},
}


def heading_key(heading: str) -> str:
    """A heading reduced for matching: no case, spaces, underscores or hyphens."""
    return "".join(ch for ch in heading.lower() if ch not in " \t\r\n_-\u00a0")


_BY_KEY: dict[str, Column] = {heading_key(column.name): column for column in COLUMNS}


def column_for(heading: str) -> Column | None:
    """The column a sheet heading names, or None for a heading Casebook does not know."""
    return _BY_KEY.get(heading_key(heading))
