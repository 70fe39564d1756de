"""What a letter to the person may say: its own fields, its dates, its signposting, its voice.

A letter is written *to* the person ("you"), never in the case record's voice ("C"), and
nothing internal flows into it: each kind has its own fields, written for the person and
empty until the contact writes them (LETTER_FIELDS). The rest comes from facts.

Dates are those of the event the letter is about, never "today" by accident
(`letter_dates`): a stage 1 response or stage 2 decision is dated by its response, a
not-taken-forward letter by the decision, an extension notice by the extension (the date the
person was told, or it was authorised) and gives the due date as it stood before that
extension and the new one; an acknowledgement gives the due date as it stood on the day of
the acknowledgement (an extension authorised later does not change a letter about it).

Signposting follows each issue's service (`signposting`): the INWO for NHS issues; for
local-authority issues the body the contact picks (the Care Inspectorate, Audit Scotland or
another), each said as "your concern" when it covers every issue and "part of your concern"
(naming the issues) when it covers some.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from app.core.calendar import WorkingCalendar
from app.core.facts import ConcernFacts, ExtensionFacts, StageFacts
from app.core.records import ServiceType, SignpostBody, Stage
from app.core.timescales import DEFAULT_TIMESCALES, Timescales, standard_response_due

KINDS: dict[str, str] = {
    "stage1_response": "Stage 1 response",
    "stage2_acknowledgement": "Stage 2 acknowledgement",
    "extension_notice": "Extension notice",
    "stage2_decision": "Stage 2 decision",
    "not_taken_forward": "Not taken forward under the Standards",
}


@dataclass(frozen=True)
class LetterField:
    key: str
    label: str  # with its mnemonic, for a form
    hint: str
    required: bool = True


_FINDINGS = LetterField("findings", "What we &found", "What was found and how, explained to "
                        "the person as \"you\". Not the case notes: nothing internal goes "
                        "into a letter.")
_APOLOGY = LetterField("apology", "Apolog&y", "Where things went wrong: the apology, in "
                       "your own words. Leave empty when none is due.", required=False)
_ACTIONS = LetterField("actions", "What we will &do", "The actions planned, and when the "
                       "person will hear about them.", required=False)
LETTER_FIELDS: dict[str, tuple[LetterField, ...]] = {
    "stage1_response": (_FINDINGS, _APOLOGY, _ACTIONS),
    "stage2_acknowledgement": (
        LetterField("understanding", "What we &understand", "What we understand the person "
                    "wants us to look into, in their terms, so they can put us right."),),
    "extension_notice": (
        LetterField("extension_reason", "Why we need &more time", "The reason for the "
                    "extension, explained to the person."),),
    "stage2_decision": (
        LetterField("how_investigated", "How we in&vestigated", "What was done to "
                    "investigate: who was spoken to, what was read (no names)."),
        _FINDINGS, _APOLOGY, _ACTIONS),
    "not_taken_forward": (
        LetterField("reasons", "Why not under the Stan&dards", "Why the concern is not being "
                    "taken forward under the Standards, explained to the person."),
        LetterField("other_procedure", "Where else it can &go", "Where else the concern can "
                    "go (another procedure, a service), if anywhere.", required=False)),
}
FIELD_NAMES: tuple[str, ...] = tuple(dict.fromkeys(
    f.key for fields in LETTER_FIELDS.values() for f in fields))

# The person's name is put into the letter only when it is made (a reveal): the text shown
# and kept holds this placeholder instead.
NAME_PLACEHOLDER = "{person_name}"


# ----- the voice ------------------------------------------------------------------------------

# "C" on its own (or C's) is the case record's pseudonym; a letter says "you". Letters and
# grades such as "Part C" or "Band C" are not the pseudonym.
_PSEUDONYM = re.compile(r"(?<![\w'’])C(?:['’]s)?(?![\w'’-])")
_NOT_PSEUDONYM = re.compile(r"(?:part|band|grade|section|vitamin|schedule|annex|appendix|"
                            r"level|ward|block|plan|option|class|category)\s*$", re.I)


def pseudonym_lines(text: str) -> list[int]:
    """The lines (from 1) where the text calls the person C."""
    found: list[int] = []
    for number, line in enumerate(text.splitlines(), start=1):
        for match in _PSEUDONYM.finditer(line):
            if not _NOT_PSEUDONYM.search(line[:match.start()]):
                found.append(number)
                break
    return found


def voice_problem(text: str) -> str | None:
    """One sentence when the letter calls the person "C" (the case record's pseudonym)."""
    lines = pseudonym_lines(text)
    if not lines:
        return None
    where = f"line {lines[0]}" if len(lines) == 1 else f"lines {', '.join(map(str, lines[:5]))}"
    return (f"The letter calls the person \"C\" ({where}): a letter is written to them, so "
            "say \"you\".")


# ----- dates ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class LetterDates:
    about_on: date | None  # the event the letter is about (None: not happened yet)
    due_on: date | None = None  # the response due date the letter gives
    original_due_on: date | None = None  # extension notice: the date the person had
    new_due_on: date | None = None  # extension notice: the new date

    def default_letter_date(self, today: date) -> date:
        """The date a letter carries unless the contact changes it: the event's."""
        return self.about_on or today


def due_as_of(stage: StageFacts, on: date, calendar: WorkingCalendar,
              timescales: Timescales = DEFAULT_TIMESCALES) -> date:
    """The response due date as it stood on `on`: extensions authorised later do not count."""
    due = standard_response_due(stage, calendar, timescales)
    for extension in sorted(stage.extensions, key=lambda e: e.authorised_on or date.min):
        if extension.new_due_date is None:
            continue
        if extension.authorised_on is None or extension.authorised_on <= on:
            due = extension.new_due_date
    return due


def due_before(stage: StageFacts, extension: ExtensionFacts, calendar: WorkingCalendar,
               timescales: Timescales = DEFAULT_TIMESCALES) -> date:
    """The due date an extension replaced: the one before it, or the standard one."""
    due = standard_response_due(stage, calendar, timescales)
    for other in sorted(stage.extensions, key=lambda e: e.authorised_on or date.min):
        if other is extension:
            break
        if other.new_due_date is not None:
            due = other.new_due_date
    return due


def letter_dates(kind: str, facts: ConcernFacts, calendar: WorkingCalendar, *,
                 decided_on: date | None = None, extension: ExtensionFacts | None = None,
                 today: date | None = None,
                 timescales: Timescales = DEFAULT_TIMESCALES) -> LetterDates:
    """The dates a letter of `kind` gives, from the event it is about."""
    if kind in ("stage1_response", "stage2_decision"):
        stage = facts.stage1 if kind == "stage1_response" else facts.stage2
        return LetterDates(stage.responded_on if stage else None)
    if kind == "stage2_acknowledgement":
        stage = facts.stage2
        if stage is None:
            return LetterDates(None)
        on = stage.acknowledged_on
        return LetterDates(on, due_as_of(stage, on or today or stage.entered_on, calendar,
                                         timescales))
    if kind == "extension_notice":
        if extension is None:
            return LetterDates(None)
        stage = facts.stage(extension.stage)
        original = due_before(stage, extension, calendar, timescales) if stage else None
        return LetterDates(extension.authorised_on, extension.new_due_date, original,
                           extension.new_due_date)
    return LetterDates(decided_on or facts.closure_on)


# ----- signposting --------------------------------------------------------------------------


@dataclass(frozen=True)
class IssueService:
    number: int
    service: ServiceType | None  # None: not said (the concern's own service then)


@dataclass(frozen=True)
class Signpost:
    body: SignpostBody
    whole: bool  # the body covers every issue ("your concern"), or some ("part of it")
    issues: tuple[int, ...]  # the issues it covers (empty: the concern has none recorded)
    nhs: bool  # the INWO, for NHS services; otherwise a body for local-authority services


def signposting(concern_service: ServiceType, issues: Sequence[IssueService],
                local_body: SignpostBody = SignpostBody.CARE_INSPECTORATE) -> list[Signpost]:
    """Where the person can go next, worked out per issue (SPEC.md: signposting follows each
    issue's service): the INWO for NHS issues, `local_body` for local-authority ones."""
    if local_body is SignpostBody.INWO:
        raise ValueError("The INWO is for NHS services; choose a body for local-authority ones.")
    nhs: list[int] = []
    local: list[int] = []
    unsure = False
    for issue in issues:
        service = issue.service
        if service is None and concern_service is not ServiceType.BOTH:
            service = concern_service
        if service is ServiceType.NHS:
            nhs.append(issue.number)
        elif service is ServiceType.LOCAL_AUTHORITY:
            local.append(issue.number)
        else:  # an issue of a concern about both, whose own service was not said
            unsure = True
    if not issues:
        with_nhs = concern_service in (ServiceType.NHS, ServiceType.BOTH)
        with_local = concern_service in (ServiceType.LOCAL_AUTHORITY, ServiceType.BOTH)
        both = with_nhs and with_local
        found = []
        if with_nhs:
            found.append(Signpost(SignpostBody.INWO, not both, (), True))
        if with_local:
            found.append(Signpost(local_body, not both, (), False))
        return found
    every = len(issues)
    found = []
    if nhs or unsure:
        found.append(Signpost(SignpostBody.INWO, len(nhs) == every, tuple(nhs), True))
    if local or unsure:
        found.append(Signpost(local_body, len(local) == every, tuple(local), False))
    return found


def issue_list(numbers: Sequence[int]) -> str:
    """"issue 2", "issues 1 and 3", "issues 1, 2 and 4"."""
    if not numbers:
        return ""
    words = [str(n) for n in numbers]
    if len(words) == 1:
        return f"issue {words[0]}"
    return f"issues {', '.join(words[:-1])} and {words[-1]}"


def stage_for(kind: str) -> Stage | None:
    return {"stage1_response": Stage.STAGE1, "stage2_acknowledgement": Stage.STAGE2,
            "stage2_decision": Stage.STAGE2}.get(kind)
