"""The rules a concern's timeline must keep, checked before every write.

`validate_concern` reports every problem at once, each as one plain sentence a
confidential contact understands, tied to the field it is about so a form can
point at it. Imported history is held to the same order of events but may lack
detail the Standards ask us to record now (who authorised an extension, the
date of consent).

Choices made where the Standards are silent:
- An acknowledgement dated after the stage 2 full response is refused: once the
  full response is out there is nothing left to acknowledge, and the response
  itself meets the acknowledgement deadline (see timescales.deadlines).
- A full response needs its outcome (upheld, partially upheld, not upheld),
  except in imported history, because a response without one silently drops
  out of the "closed in full" figures.
- A stage 1 response must come on or before escalation: a concern escalated
  because the person is unhappy with the stage 1 response cannot be escalated
  before it. Escalation without any stage 1 response is allowed (a concern found
  too complex for stage 1); it was then never closed at stage 1.
- A withdrawn, transferred or not-taken-forward concern cannot also have had a
  full response at the last stage it reached: that concern is closed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from app.core.calendar import WorkingCalendar
from app.core.facts import ConcernFacts, ExtensionFacts, StageFacts
from app.core.raisers import stage_entry_on
from app.core.records import THEMES, Anonymity, Closure, ProcedureDecision, Stage, StageEntry
from app.core.timescales import (
    DEFAULT_TIMESCALES,
    Timescales,
    extension_order,
    standard_response_due,
)

_DEFAULT_CALENDAR = WorkingCalendar()  # national defaults; holidays are worked out lazily

# How each way of leaving the procedure reads in a sentence.
_LEFT_AS: dict[Closure, str] = {
    Closure.WITHDRAWN: "withdrawn",
    Closure.TRANSFERRED: "transferred to another procedure",
    Closure.NOT_TAKEN_FORWARD: "not taken forward",
}


@dataclass(frozen=True)
class RuleViolation:
    field: str  # the field the problem is about, e.g. "stage1.responded_on"
    message: str  # one plain sentence


class RuleError(ValueError):
    """A proposed change breaks one or more rules; `violations` lists them all."""

    def __init__(self, violations: Iterable[RuleViolation]) -> None:
        self.violations: tuple[RuleViolation, ...] = tuple(violations)
        super().__init__(" ".join(v.message for v in self.violations))

    def __str__(self) -> str:
        return " ".join(v.message for v in self.violations)


@dataclass(frozen=True)
class _Dated:
    """One date on the timeline, with how to name it in a sentence."""

    field: str
    phrase: str  # starts lower case: "the stage 1 response date"
    value: date
    can_be_future: bool = False  # a due date is naturally ahead of today
    is_stage_event: bool = True  # something that happens while a stage is open


def _sentence(text: str) -> str:
    return text[0].upper() + text[1:]


def _long_date(d: date) -> str:
    return f"{d.day} {d:%B %Y}"


def _blank(text: str | None) -> bool:
    return text is None or not text.strip()


def _stage_name(stage: Stage) -> str:
    return f"stage {stage.number}"


def _extension_name(stage: Stage, index: int) -> str:
    return f"{_stage_name(stage)} extension {index + 1}"


# -- the dates on a timeline ------------------------------------------------------------


def _stage_dates(stage: StageFacts) -> Iterator[_Dated]:
    name, key = _stage_name(stage.stage), stage.stage.value
    yield _Dated(f"{key}.entered_on", f"the date the concern entered {name}", stage.entered_on)
    if stage.acknowledged_on is not None:
        yield _Dated(f"{key}.acknowledged_on", f"the {name} acknowledgement date",
                     stage.acknowledged_on)
    if stage.responded_on is not None:
        yield _Dated(f"{key}.responded_on", f"the {name} response date", stage.responded_on)
    for index, ext in enumerate(stage.extensions):
        where, what = f"{key}.extensions[{index}]", _extension_name(stage.stage, index)
        if ext.authorised_on is not None:
            yield _Dated(f"{where}.authorised_on", f"the date {what} was authorised",
                         ext.authorised_on)
        if ext.new_due_date is not None:
            yield _Dated(f"{where}.new_due_date", f"the new due date of {what}",
                         ext.new_due_date, can_be_future=True, is_stage_event=False)


def _dates(facts: ConcernFacts) -> Iterator[_Dated]:
    if facts.consent_on is not None:
        yield _Dated("consent_on", "the consent date", facts.consent_on, is_stage_event=False)
    for stage in (facts.stage1, facts.stage2):
        if stage is not None:
            yield from _stage_dates(stage)
    if facts.closure_on is not None:
        yield _Dated("closure_on", "the closure date", facts.closure_on, is_stage_event=False)


def _not_before_received(facts: ConcernFacts) -> Iterator[RuleViolation]:
    for dated in _dates(facts):
        # A new due date is held to the stage it extends instead (see _extension_timing).
        if dated.can_be_future:
            continue
        if dated.value < facts.received_on:
            yield RuleViolation(
                dated.field, _sentence(f"{dated.phrase} is before the concern was received.")
            )


def _not_after_today(facts: ConcernFacts, today: date) -> Iterator[RuleViolation]:
    if facts.received_on > today:
        yield RuleViolation("received_on", "The received date is in the future.")
    for dated in _dates(facts):
        if not dated.can_be_future and dated.value > today:
            yield RuleViolation(dated.field, _sentence(f"{dated.phrase} is in the future."))


# -- how a concern enters its stages ----------------------------------------------------


def _stage_slots(facts: ConcernFacts) -> Iterator[RuleViolation]:
    """Each stage record sits in its own place, and so does each extension."""
    for slot in (Stage.STAGE1, Stage.STAGE2):
        stage = facts.stage(slot)
        if stage is None:
            continue
        if stage.stage is not slot:
            yield RuleViolation(f"{slot.value}.stage",
                                f"The {_stage_name(slot)} record is marked as another stage.")
        for index, ext in enumerate(stage.extensions):
            if ext.stage is not slot:
                yield RuleViolation(
                    f"{slot.value}.extensions[{index}].stage",
                    _sentence(f"{_extension_name(slot, index)} is marked as belonging to "
                              f"{_stage_name(ext.stage)}."),
                )


def _entered_on_receipt(facts: ConcernFacts, stage: StageFacts) -> Iterator[RuleViolation]:
    """A concern starts at a stage on its received date; one received anonymous or unnamed
    that came within the Standards later starts on that date (app/core/raisers.py)."""
    expected = stage_entry_on(facts)
    if stage.entered_on == expected or stage.entered_on < facts.received_on:
        return  # before receipt is its own problem (_not_before_received)
    name = _stage_name(stage.stage)
    if expected == facts.received_on:
        message = (f"A concern enters {name} on the date it was received."
                   if stage.stage is Stage.STAGE1 else
                   f"A concern that starts at {name} enters it on the date it was received.")
    else:
        message = (f"This concern came within the Standards on {_long_date(expected)}, so it "
                   f"enters {name} on that date.")
    yield RuleViolation(f"{stage.stage.value}.entered_on", message)


def _stage1_entry(facts: ConcernFacts) -> Iterator[RuleViolation]:
    stage1 = facts.stage1
    if stage1 is None:
        return
    if stage1.entry is not StageEntry.RECEIVED:
        yield RuleViolation("stage1.entry",
                            "A concern can only start at stage 1; it cannot be escalated into it.")
    yield from _entered_on_receipt(facts, stage1)


def _stage2_entry(facts: ConcernFacts) -> Iterator[RuleViolation]:
    stage1, stage2 = facts.stage1, facts.stage2
    if stage2 is None:
        return
    if stage2.entry is StageEntry.RECEIVED:
        if stage1 is not None:
            yield RuleViolation("stage2.entry", "A concern that went through stage 1 enters "
                                "stage 2 by escalation, not as a new concern.")
        yield from _entered_on_receipt(facts, stage2)
        return
    if stage1 is None:
        yield RuleViolation("stage2.entry",
                            "A concern escalated to stage 2 needs its stage 1 record.")
        return
    if stage2.entered_on < stage1.entered_on:
        yield RuleViolation("stage2.entered_on",
                            "The concern was escalated to stage 2 before it entered stage 1.")
    elif stage1.responded_on is not None and stage2.entered_on < stage1.responded_on:
        yield RuleViolation("stage2.entered_on",
                            "The concern was escalated to stage 2 before its stage 1 response.")


# -- what happens within a stage --------------------------------------------------------


def _response(stage: StageFacts, imported: bool) -> Iterator[RuleViolation]:
    name, key = _stage_name(stage.stage), stage.stage.value
    if stage.responded_on is None:
        if stage.outcome is not None:
            yield RuleViolation(f"{key}.responded_on",
                                _sentence(f"{name} has an outcome but no response date."))
        return
    if stage.responded_on < stage.entered_on:
        yield RuleViolation(f"{key}.responded_on",
                            f"The {name} response date is before the concern entered {name}.")
    if stage.outcome is None and not imported:
        yield RuleViolation(f"{key}.outcome", f"The {name} response needs an outcome: upheld, "
                            "partially upheld or not upheld.")


def _acknowledgement(stage: StageFacts) -> Iterator[RuleViolation]:
    key, acknowledged = stage.stage.value, stage.acknowledged_on
    if acknowledged is None:
        return
    if stage.stage is not Stage.STAGE2:
        yield RuleViolation(f"{key}.acknowledged_on",
                            "Only a stage 2 concern is acknowledged; stage 1 has no "
                            "acknowledgement date.")
        return
    if acknowledged < stage.entered_on:
        yield RuleViolation(f"{key}.acknowledged_on", "The stage 2 acknowledgement date is "
                            "before the concern entered stage 2.")
    if stage.responded_on is not None and acknowledged > stage.responded_on:
        yield RuleViolation(f"{key}.acknowledged_on", "The stage 2 acknowledgement date is "
                            "after the stage 2 response, which needs no separate acknowledgement.")


def _extension_details(ext: ExtensionFacts, where: str, what: str) -> Iterator[RuleViolation]:
    """What the Standards ask us to record for a new extension: who, when, why and the new date."""
    if ext.authorised_on is None:
        yield RuleViolation(f"{where}.authorised_on",
                            _sentence(f"{what} needs the date it was authorised."))
    if _blank(ext.authorised_by):
        yield RuleViolation(f"{where}.authorised_by",
                            _sentence(f"{what} needs the name of who authorised it."))
    if _blank(ext.reason):
        yield RuleViolation(f"{where}.reason", _sentence(f"{what} needs a reason."))
    if ext.new_due_date is None:
        yield RuleViolation(f"{where}.new_due_date", _sentence(f"{what} needs the new due date."))


def _extension_timing(stage: StageFacts, ext: ExtensionFacts, where: str,
                      what: str) -> Iterator[RuleViolation]:
    name = _stage_name(stage.stage)
    if ext.authorised_on is not None:
        if ext.authorised_on < stage.entered_on:
            yield RuleViolation(f"{where}.authorised_on", _sentence(
                f"{what} was authorised before the concern entered {name}."))
        if stage.responded_on is not None and ext.authorised_on > stage.responded_on:
            yield RuleViolation(f"{where}.authorised_on",
                                _sentence(f"{what} was authorised after the {name} response."))
    # A new extension's date is held to the stricter "later than the date it replaces".
    if ext.imported and ext.new_due_date is not None and ext.new_due_date <= stage.entered_on:
        yield RuleViolation(f"{where}.new_due_date", _sentence(
            f"the new due date of {what} is not after the concern entered {name}."))


def _extensions(stage: StageFacts, calendar: WorkingCalendar,
                timescales: Timescales) -> Iterator[RuleViolation]:
    key = stage.stage.value
    replaced = standard_response_due(stage, calendar, timescales)
    for index in extension_order(stage):
        ext = stage.extensions[index]
        where, what = f"{key}.extensions[{index}]", _extension_name(stage.stage, index)
        if not ext.imported:
            yield from _extension_details(ext, where, what)
        yield from _extension_timing(stage, ext, where, what)
        if ext.new_due_date is None:
            continue
        if not ext.imported:
            yield from _extension_length(stage, ext, replaced, where, what, calendar, timescales)
        replaced = ext.new_due_date


def _extension_length(stage: StageFacts, ext: ExtensionFacts, replaced: date, where: str,
                      what: str, calendar: WorkingCalendar,
                      timescales: Timescales) -> Iterator[RuleViolation]:
    """A new extension moves the due date later, and at stage 1 no further than the limit set."""
    assert ext.new_due_date is not None
    if ext.new_due_date <= replaced:
        yield RuleViolation(f"{where}.new_due_date", _sentence(
            f"the new due date of {what} is not later than the due date it replaces "
            f"({_long_date(replaced)})."))
    limit = timescales.stage1_extension_max_days
    if stage.stage is not Stage.STAGE1 or limit is None:
        return
    if calendar.working_days_between(stage.entered_on, ext.new_due_date) > limit:
        yield RuleViolation(f"{where}.new_due_date", _sentence(
            f"the new due date of {what} is more than {limit} working days after the "
            "concern entered stage 1."))


def _within_stages(facts: ConcernFacts, calendar: WorkingCalendar,
                   timescales: Timescales) -> Iterator[RuleViolation]:
    for stage in (facts.stage1, facts.stage2):
        if stage is None:
            continue
        yield from _response(stage, facts.imported)
        yield from _acknowledgement(stage)
        yield from _extensions(stage, calendar, timescales)


# -- the decision to use the procedure, consent and closure -----------------------------


def _decision(facts: ConcernFacts) -> Iterator[RuleViolation]:
    has_stage = facts.stage1 is not None or facts.stage2 is not None
    if facts.decision is ProcedureDecision.BUSINESS_AS_USUAL and _blank(facts.decision_reasons):
        yield RuleViolation("decision_reasons",
                            "Record why the concern is being handled as business as usual.")
    elif _needs_not_taken_forward_reasons(facts) and _blank(facts.decision_reasons):
        yield RuleViolation("decision_reasons",
                            "Record why the concern was not taken forward under the Standards.")
    if has_stage and facts.decision is not ProcedureDecision.USE_PROCEDURE:
        yield RuleViolation("decision", "A concern enters a stage only once the decision is to "
                            "use the procedure.")


def _needs_not_taken_forward_reasons(facts: ConcernFacts) -> bool:
    return (facts.decision is ProcedureDecision.NOT_TAKEN_FORWARD
            or facts.closure is Closure.NOT_TAKEN_FORWARD)


def _consent(facts: ConcernFacts) -> Iterator[RuleViolation]:
    """No one becomes a whistleblower without agreeing to use the procedure."""
    in_stage = facts.stage1 is not None or facts.stage2 is not None
    named = facts.anonymity is Anonymity.NAMED
    if in_stage and named and facts.consent_on is None and not facts.imported:
        yield RuleViolation("consent_on", "Record the date the person agreed to use the "
                            "procedure before the concern enters a stage.")


def _last_stage(facts: ConcernFacts) -> StageFacts | None:
    return facts.stage2 if facts.stage2 is not None else facts.stage1


def _closure(facts: ConcernFacts) -> Iterator[RuleViolation]:
    last = _last_stage(facts)
    if facts.closure is Closure.OPEN:
        if facts.closure_on is not None:
            yield RuleViolation("closure_on", "An open concern has no closure date.")
    elif facts.closure is Closure.CLOSED:
        yield from _closed(facts, last)
    else:
        yield from _left_procedure(facts, last, _LEFT_AS[facts.closure])


def _closed(facts: ConcernFacts, last: StageFacts | None) -> Iterator[RuleViolation]:
    if last is None or not last.closed_in_full:
        yield RuleViolation("closure", "A concern is closed only by a full response with an "
                            "outcome at the last stage it reached.")
        return
    assert last.responded_on is not None
    if facts.closure_on is not None and facts.closure_on < last.responded_on:
        yield RuleViolation("closure_on", "The closure date is before the final response.")


def _left_procedure(facts: ConcernFacts, last: StageFacts | None,
                    how: str) -> Iterator[RuleViolation]:
    if facts.closure_on is None:
        yield RuleViolation("closure_on", f"Record the date the concern was {how}.")
    if last is not None and last.closed_in_full:
        yield RuleViolation("closure", f"The concern had a full response at "
                            f"{_stage_name(last.stage)}, so it is closed rather than {how}.")
    if facts.closure_on is None:
        return
    for dated in _dates(facts):
        if dated.is_stage_event and dated.value > facts.closure_on:
            yield RuleViolation(dated.field,
                                _sentence(f"{dated.phrase} is after the concern was {how}."))


def _themes(facts: ConcernFacts) -> Iterator[RuleViolation]:
    for theme in facts.themes:
        if theme not in THEMES:
            yield RuleViolation("themes", f"\"{theme}\" is not one of the standard themes.")


# -- the checks together ----------------------------------------------------------------


def validate_concern(
    facts: ConcernFacts,
    *,
    timescales: Timescales = DEFAULT_TIMESCALES,
    calendar: WorkingCalendar | None = None,
    today: date | None = None,
) -> list[RuleViolation]:
    """Every rule the concern breaks, in timeline order; an empty list when it keeps them all.

    Give `today` to refuse dates that have not happened yet (a new due date may
    of course be ahead). Without a calendar the national Scottish defaults are used.
    """
    working = calendar if calendar is not None else _DEFAULT_CALENDAR
    found: list[RuleViolation] = []
    found.extend(_not_before_received(facts))
    if today is not None:
        found.extend(_not_after_today(facts, today))
    found.extend(_stage_slots(facts))
    found.extend(_stage1_entry(facts))
    found.extend(_stage2_entry(facts))
    found.extend(_within_stages(facts, working, timescales))
    found.extend(_decision(facts))
    found.extend(_consent(facts))
    found.extend(_closure(facts))
    found.extend(_themes(facts))
    return found


def require_valid(
    facts: ConcernFacts,
    *,
    timescales: Timescales = DEFAULT_TIMESCALES,
    calendar: WorkingCalendar | None = None,
    today: date | None = None,
) -> None:
    """Raise RuleError listing every violation, if there are any."""
    violations = validate_concern(facts, timescales=timescales, calendar=calendar, today=today)
    if violations:
        raise RuleError(violations)
