"""The rules a concern's timeline must keep, each refused in one plain sentence."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from concern_strategies import valid_concerns
from hypothesis import given

from app.core.calendar import WorkingCalendar
from app.core.facts import ConcernFacts, ExtensionFacts, StageFacts
from app.core.records import (
    Anonymity,
    Closure,
    Outcome,
    ProcedureDecision,
    ServiceType,
    Stage,
    StageEntry,
)
from app.core.rules import RuleError, RuleViolation, require_valid, validate_concern
from app.core.timescales import Timescales

RECEIVED = date(2025, 6, 2)  # Monday; stage 1 due Monday 9 June, stage 2 due Monday 30 June


def _stage1(**changes: Any) -> StageFacts:
    return StageFacts(Stage.STAGE1, RECEIVED, StageEntry.RECEIVED, **changes)


def _stage2(entered: date = RECEIVED, entry: StageEntry = StageEntry.RECEIVED,
            **changes: Any) -> StageFacts:
    return StageFacts(Stage.STAGE2, entered, entry, **changes)


def _extension(stage: Stage = Stage.STAGE1, authorised: date | None = date(2025, 6, 4),
               new_due: date | None = date(2025, 6, 16), **changes: Any) -> ExtensionFacts:
    return ExtensionFacts(stage, authorised, changes.pop("by", "A manager"),
                          changes.pop("reason", "Witness on leave"), new_due, **changes)


def _concern(**changes: Any) -> ConcernFacts:
    base: dict[str, Any] = {"consent_on": RECEIVED}
    base.update(changes)
    return ConcernFacts(1, RECEIVED, Anonymity.NAMED, ServiceType.NHS, **base)


def _escalated() -> ConcernFacts:
    """A concern through both stages, keeping every rule."""
    stage1 = _stage1(responded_on=date(2025, 6, 6), outcome=Outcome.PARTIALLY_UPHELD,
                     extensions=(_extension(new_due=date(2025, 6, 10)),))
    stage2 = _stage2(date(2025, 6, 9), StageEntry.ESCALATED, acknowledged_on=date(2025, 6, 11),
                     responded_on=date(2025, 7, 18), outcome=Outcome.UPHELD,
                     extensions=(_extension(Stage.STAGE2, date(2025, 7, 1), date(2025, 7, 21)),))
    return _concern(stage1=stage1, stage2=stage2, closure=Closure.CLOSED,
                    closure_on=date(2025, 7, 18), themes=("patient_safety", "staffing"))


def _problems(facts: ConcernFacts, **options: Any) -> list[tuple[str, str]]:
    return [(v.field, v.message) for v in validate_concern(facts, **options)]


def _fields(facts: ConcernFacts, **options: Any) -> list[str]:
    return [v.field for v in validate_concern(facts, **options)]


def test_a_concern_through_both_stages_keeps_the_rules() -> None:
    assert validate_concern(_escalated()) == []
    assert validate_concern(_escalated(), today=date(2025, 7, 18)) == []


@given(valid_concerns())
def test_every_generated_valid_concern_passes(facts: ConcernFacts) -> None:
    assert validate_concern(facts, today=date(2030, 1, 1)) == []


# -- nothing before the concern was received, nothing after today ------------------------


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"consent_on": date(2025, 6, 1)}, "consent_on",
         "The consent date is before the concern was received."),
        ({"stage1": _stage1(responded_on=date(2025, 5, 30), outcome=Outcome.UPHELD)},
         "stage1.responded_on", "The stage 1 response date is before the concern was received."),
        ({"closure": Closure.WITHDRAWN, "closure_on": date(2025, 5, 1)}, "closure_on",
         "The closure date is before the concern was received."),
        ({"stage2": _stage2(date(2025, 5, 1))}, "stage2.entered_on",
         "The date the concern entered stage 2 is before the concern was received."),
    ],
)
def test_dates_before_receipt_are_refused(changes: dict[str, Any], field: str,
                                          message: str) -> None:
    assert (field, message) in _problems(_concern(**changes))


def test_extension_and_acknowledgement_dates_before_receipt_are_refused() -> None:
    ext = _extension(Stage.STAGE2, date(2025, 5, 30), date(2025, 7, 1))
    facts = _concern(stage2=_stage2(acknowledged_on=date(2025, 5, 31), extensions=(ext,)))
    fields = _fields(facts)
    assert "stage2.acknowledged_on" in fields
    assert "stage2.extensions[0].authorised_on" in fields


def test_dates_after_today_are_refused_when_today_is_known() -> None:
    stage1 = _stage1(responded_on=date(2025, 6, 6), outcome=Outcome.UPHELD)
    facts = _concern(stage1=stage1, closure=Closure.CLOSED)
    assert validate_concern(facts, today=date(2025, 6, 6)) == []
    assert _problems(facts, today=date(2025, 6, 5)) == [
        ("stage1.responded_on", "The stage 1 response date is in the future.")
    ]
    assert ("received_on", "The received date is in the future.") in _problems(
        facts, today=date(2025, 6, 1))


def test_a_new_due_date_may_be_ahead_of_today() -> None:
    facts = _concern(stage1=_stage1(extensions=(_extension(new_due=date(2025, 6, 30)),)))
    assert validate_concern(facts, today=date(2025, 6, 4)) == []


# -- entering the stages ----------------------------------------------------------------


def test_stage_one_starts_on_the_received_date_and_is_never_escalated_into() -> None:
    late = _concern(stage1=StageFacts(Stage.STAGE1, date(2025, 6, 3), StageEntry.RECEIVED))
    assert _problems(late) == [
        ("stage1.entered_on", "A concern enters stage 1 on the date it was received.")]
    escalated = _concern(stage1=StageFacts(Stage.STAGE1, RECEIVED, StageEntry.ESCALATED))
    assert _fields(escalated) == ["stage1.entry"]


def test_a_concern_starting_at_stage_two_has_no_stage_one() -> None:
    assert validate_concern(_concern(stage2=_stage2())) == []
    both = _concern(stage1=_stage1(), stage2=_stage2())
    assert _fields(both) == ["stage2.entry"]
    late = _concern(stage2=_stage2(date(2025, 6, 3)))
    assert _fields(late) == ["stage2.entered_on"]


def test_escalation_needs_stage_one() -> None:
    facts = _concern(stage2=_stage2(date(2025, 6, 5), StageEntry.ESCALATED))
    assert _problems(facts) == [
        ("stage2.entry", "A concern escalated to stage 2 needs its stage 1 record.")]


def test_escalation_may_come_without_a_stage_one_response() -> None:
    facts = _concern(stage1=_stage1(), stage2=_stage2(date(2025, 6, 4), StageEntry.ESCALATED))
    assert validate_concern(facts) == []
    same_day = _concern(stage1=_stage1(), stage2=_stage2(RECEIVED, StageEntry.ESCALATED))
    assert validate_concern(same_day) == []


def test_escalation_comes_on_or_after_the_stage_one_response() -> None:
    stage1 = _stage1(responded_on=date(2025, 6, 6), outcome=Outcome.NOT_UPHELD)
    early = _concern(stage1=stage1, stage2=_stage2(date(2025, 6, 5), StageEntry.ESCALATED))
    assert _problems(early) == [("stage2.entered_on", "The concern was escalated to stage 2 "
                                 "before its stage 1 response.")]
    same_day = _concern(stage1=stage1, stage2=_stage2(date(2025, 6, 6), StageEntry.ESCALATED))
    assert validate_concern(same_day) == []


# -- responses and acknowledgements -----------------------------------------------------


def test_a_response_comes_on_or_after_entry() -> None:
    stage1 = _stage1(responded_on=date(2025, 6, 6), outcome=Outcome.NOT_UPHELD)
    stage2 = _stage2(date(2025, 6, 9), StageEntry.ESCALATED, responded_on=date(2025, 6, 8),
                     outcome=Outcome.UPHELD)
    assert _problems(_concern(stage1=stage1, stage2=stage2)) == [
        ("stage2.responded_on",
         "The stage 2 response date is before the concern entered stage 2.")]


def test_an_outcome_needs_a_response_date() -> None:
    facts = _concern(stage1=_stage1(outcome=Outcome.UPHELD))
    assert _problems(facts) == [
        ("stage1.responded_on", "Stage 1 has an outcome but no response date.")]


def test_a_response_needs_an_outcome_unless_imported() -> None:
    facts = _concern(stage1=_stage1(responded_on=date(2025, 6, 6)))
    assert _fields(facts) == ["stage1.outcome"]
    assert validate_concern(replace(facts, imported=True)) == []


def test_only_stage_two_is_acknowledged() -> None:
    facts = _concern(stage1=_stage1(acknowledged_on=date(2025, 6, 3)))
    assert _fields(facts) == ["stage1.acknowledged_on"]


def test_acknowledgement_sits_between_entry_and_response() -> None:
    escalated = _escalated()
    assert escalated.stage2 is not None
    before = replace(escalated, stage2=replace(escalated.stage2, acknowledged_on=date(2025, 6, 6)))
    assert _fields(before) == ["stage2.acknowledged_on"]
    after = replace(escalated, stage2=replace(escalated.stage2, acknowledged_on=date(2025, 7, 21)))
    assert _problems(after) == [
        ("stage2.acknowledged_on", "The stage 2 acknowledgement date is after the stage 2 "
         "response, which needs no separate acknowledgement.")]
    same_day = replace(escalated,
                       stage2=replace(escalated.stage2, acknowledged_on=date(2025, 7, 18)))
    assert validate_concern(same_day) == []


# -- extensions -------------------------------------------------------------------------


def test_a_new_extension_records_who_when_why_and_the_new_date() -> None:
    bare = ExtensionFacts(Stage.STAGE1, None, " ", None, None)
    assert _problems(_concern(stage1=_stage1(extensions=(bare,)))) == [
        ("stage1.extensions[0].authorised_on",
         "Stage 1 extension 1 needs the date it was authorised."),
        ("stage1.extensions[0].authorised_by",
         "Stage 1 extension 1 needs the name of who authorised it."),
        ("stage1.extensions[0].reason", "Stage 1 extension 1 needs a reason."),
        ("stage1.extensions[0].new_due_date", "Stage 1 extension 1 needs the new due date."),
    ]


def test_imported_extensions_may_lack_details_but_not_contradict() -> None:
    bare = ExtensionFacts(Stage.STAGE1, None, None, None, None, imported=True)
    assert validate_concern(_concern(stage1=_stage1(extensions=(bare,)))) == []
    # A new date on or before entry contradicts itself, imported or not.
    backwards = replace(bare, new_due_date=RECEIVED)
    assert _problems(_concern(stage1=_stage1(extensions=(backwards,)))) == [
        ("stage1.extensions[0].new_due_date",
         "The new due date of stage 1 extension 1 is not after the concern entered stage 1.")]
    # An imported new date earlier than the standard due date is history, not a contradiction.
    short = replace(bare, new_due_date=date(2025, 6, 5))
    assert validate_concern(_concern(stage1=_stage1(extensions=(short,)))) == []


def test_an_extension_moves_the_due_date_later() -> None:
    same = _extension(new_due=date(2025, 6, 9))  # the standard stage 1 due date
    assert _problems(_concern(stage1=_stage1(extensions=(same,)))) == [
        ("stage1.extensions[0].new_due_date",
         "The new due date of stage 1 extension 1 is not later than the due date it replaces "
         "(9 June 2025).")]


def test_each_extension_moves_the_date_set_by_the_one_before() -> None:
    first = _extension(authorised=date(2025, 6, 4), new_due=date(2025, 6, 20))
    second = _extension(authorised=date(2025, 6, 18), new_due=date(2025, 6, 19))
    # Recorded in the other order: the rule follows the order of authorisation.
    facts = _concern(stage1=_stage1(extensions=(second, first)))
    assert _problems(facts) == [
        ("stage1.extensions[0].new_due_date",
         "The new due date of stage 1 extension 1 is not later than the due date it replaces "
         "(20 June 2025).")]
    fine = replace(second, new_due_date=date(2025, 6, 27))
    assert validate_concern(_concern(stage1=_stage1(extensions=(first, fine)))) == []


def test_a_new_due_date_before_receipt_is_reported_once() -> None:
    backwards = _extension(new_due=date(2025, 5, 1))
    assert _problems(_concern(stage1=_stage1(extensions=(backwards,)))) == [
        ("stage1.extensions[0].new_due_date",
         "The new due date of stage 1 extension 1 is not later than the due date it replaces "
         "(9 June 2025).")]


def test_the_same_extension_recorded_twice_is_caught_at_its_second_place() -> None:
    twice = _extension(new_due=date(2025, 6, 16))
    assert _fields(_concern(stage1=_stage1(extensions=(twice, twice)))) == [
        "stage1.extensions[1].new_due_date"]


def test_extensions_are_authorised_while_the_stage_is_open() -> None:
    early = _extension(Stage.STAGE2, date(2025, 6, 6), date(2025, 7, 21))
    late = _extension(Stage.STAGE2, date(2025, 7, 19), date(2025, 7, 25))
    stage1 = _stage1(responded_on=date(2025, 6, 6), outcome=Outcome.NOT_UPHELD)
    stage2 = _stage2(date(2025, 6, 9), StageEntry.ESCALATED, responded_on=date(2025, 7, 18),
                     outcome=Outcome.UPHELD, extensions=(early, late))
    assert _problems(_concern(stage1=stage1, stage2=stage2)) == [
        ("stage2.extensions[0].authorised_on",
         "Stage 2 extension 1 was authorised before the concern entered stage 2."),
        ("stage2.extensions[1].authorised_on",
         "Stage 2 extension 2 was authorised after the stage 2 response."),
    ]


def test_an_extension_belongs_to_its_own_stage() -> None:
    wrong = _extension(Stage.STAGE2)
    assert _fields(_concern(stage1=_stage1(extensions=(wrong,)))) == ["stage1.extensions[0].stage"]


def test_the_stage_one_extension_limit_is_a_setting() -> None:
    limited = Timescales(stage1_extension_max_days=10)
    # 2 June + 10 working days is 16 June.
    at_limit = _concern(stage1=_stage1(extensions=(_extension(new_due=date(2025, 6, 16)),)))
    over = _concern(stage1=_stage1(extensions=(_extension(new_due=date(2025, 6, 17)),)))
    assert validate_concern(at_limit, timescales=limited) == []
    assert validate_concern(over) == []  # no limit by default
    assert _problems(over, timescales=limited) == [
        ("stage1.extensions[0].new_due_date", "The new due date of stage 1 extension 1 is more "
         "than 10 working days after the concern entered stage 1.")]
    assert over.stage1 is not None
    imported = replace(over.stage1, extensions=(
        _extension(new_due=date(2025, 6, 17), imported=True),))
    assert validate_concern(replace(over, stage1=imported), timescales=limited) == []


def test_the_organisation_calendar_decides_the_due_date_an_extension_replaces() -> None:
    # With 9 June a local holiday the standard due date is 10 June, so 10 June moves nothing.
    local = WorkingCalendar({date(2025, 6, 9): "Local holiday"})
    facts = _concern(stage1=_stage1(extensions=(_extension(new_due=date(2025, 6, 10)),)))
    assert validate_concern(facts) == []
    assert _fields(facts, calendar=local) == ["stage1.extensions[0].new_due_date"]


# -- the decision, consent and closure --------------------------------------------------


def test_not_using_the_procedure_needs_reasons() -> None:
    bau = _concern(decision=ProcedureDecision.BUSINESS_AS_USUAL, consent_on=None)
    assert _problems(bau) == [
        ("decision_reasons", "Record why the concern is being handled as business as usual.")]
    ntf = _concern(decision=ProcedureDecision.NOT_TAKEN_FORWARD, consent_on=None,
                   decision_reasons="  ")
    assert _problems(ntf) == [
        ("decision_reasons", "Record why the concern was not taken forward under the Standards.")]
    assert validate_concern(replace(ntf, decision_reasons="A personal grievance")) == []


@pytest.mark.parametrize("decision", [ProcedureDecision.BUSINESS_AS_USUAL,
                                      ProcedureDecision.NOT_TAKEN_FORWARD,
                                      ProcedureDecision.UNDECIDED])
def test_only_a_decision_to_use_the_procedure_puts_a_concern_in_a_stage(
    decision: ProcedureDecision,
) -> None:
    facts = _concern(decision=decision, decision_reasons="Grievance", stage1=_stage1())
    assert _fields(facts) == ["decision"]


def test_a_named_concern_in_a_stage_needs_consent() -> None:
    facts = _concern(consent_on=None, stage1=_stage1())
    assert _problems(facts) == [("consent_on", "Record the date the person agreed to use the "
                                 "procedure before the concern enters a stage.")]
    assert validate_concern(replace(facts, imported=True)) == []
    assert validate_concern(replace(facts, anonymity=Anonymity.ANONYMOUS)) == []
    assert validate_concern(replace(facts, anonymity=Anonymity.UNNAMED)) == []
    assert validate_concern(replace(facts, stage1=None)) == []  # not in a stage yet


@pytest.mark.parametrize(
    ("closure", "how"),
    [(Closure.WITHDRAWN, "withdrawn"), (Closure.TRANSFERRED, "transferred to another procedure"),
     (Closure.NOT_TAKEN_FORWARD, "not taken forward")],
)
def test_leaving_the_procedure_needs_its_date(closure: Closure, how: str) -> None:
    facts = _concern(stage1=_stage1(), closure=closure, decision_reasons="Reasons")
    assert _problems(facts) == [("closure_on", f"Record the date the concern was {how}.")]
    assert validate_concern(replace(facts, closure_on=date(2025, 6, 3))) == []


def test_not_taken_forward_at_closure_needs_reasons() -> None:
    facts = _concern(stage1=_stage1(), closure=Closure.NOT_TAKEN_FORWARD,
                     closure_on=date(2025, 6, 3))
    assert _fields(facts) == ["decision_reasons"]


def test_an_open_concern_has_no_closure_date() -> None:
    assert _problems(_concern(closure_on=date(2025, 6, 3))) == [
        ("closure_on", "An open concern has no closure date.")]


def test_closed_needs_a_full_response_at_the_last_stage_reached() -> None:
    message = ("closure", "A concern is closed only by a full response with an outcome at the "
               "last stage it reached.")
    assert _problems(_concern(closure=Closure.CLOSED)) == [message]
    assert _problems(_concern(stage1=_stage1(), closure=Closure.CLOSED)) == [message]
    # Stage 1 closed in full, but the concern went on to stage 2 and is still open there.
    escalated = _escalated()
    assert escalated.stage2 is not None
    open_at_stage2 = replace(escalated, closure_on=None, stage2=replace(
        escalated.stage2, responded_on=None, outcome=None))
    assert _problems(open_at_stage2) == [message]


def test_a_closure_date_is_not_before_the_final_response() -> None:
    facts = replace(_escalated(), closure_on=date(2025, 7, 17))
    assert _problems(facts) == [("closure_on", "The closure date is before the final response.")]


def test_a_concern_answered_in_full_is_closed_rather_than_withdrawn() -> None:
    stage1 = _stage1(responded_on=date(2025, 6, 6), outcome=Outcome.UPHELD)
    facts = _concern(stage1=stage1, closure=Closure.WITHDRAWN, closure_on=date(2025, 6, 10))
    assert _problems(facts) == [("closure", "The concern had a full response at stage 1, so it "
                                 "is closed rather than withdrawn.")]


def test_nothing_happens_in_a_stage_after_the_concern_left_the_procedure() -> None:
    stage1 = _stage1(responded_on=date(2025, 6, 6), outcome=Outcome.NOT_UPHELD)
    stage2 = _stage2(date(2025, 6, 12), StageEntry.ESCALATED)
    facts = _concern(stage1=stage1, stage2=stage2, closure=Closure.TRANSFERRED,
                     closure_on=date(2025, 6, 10))
    assert _problems(facts) == [
        ("stage2.entered_on", "The date the concern entered stage 2 is after the concern was "
         "transferred to another procedure.")]


def test_themes_come_from_the_standard_list() -> None:
    assert _problems(_concern(themes=("staffing", "car parking"))) == [
        ("themes", '"car parking" is not one of the standard themes.')]


# -- every problem at once --------------------------------------------------------------


def test_all_problems_are_reported_together() -> None:
    facts = _concern(consent_on=None, stage1=_stage1(outcome=Outcome.UPHELD),
                     closure=Closure.CLOSED, themes=("nonsense",))
    assert _fields(facts) == ["stage1.responded_on", "consent_on", "closure", "themes"]


def test_messages_are_plain_sentences() -> None:
    broken = [
        _concern(consent_on=date(2025, 1, 1), closure_on=date(2025, 1, 1)),
        _concern(stage1=_stage1(acknowledged_on=date(2025, 1, 1),
                                extensions=(ExtensionFacts(Stage.STAGE2, None, None, None,
                                                           date(2025, 1, 1)),))),
        _concern(stage2=_stage2(date(2025, 6, 9), StageEntry.ESCALATED),
                 decision=ProcedureDecision.UNDECIDED, closure=Closure.NOT_TAKEN_FORWARD),
    ]
    messages = [v.message for facts in broken for v in validate_concern(facts)]
    assert len(messages) >= 12
    for message in messages:
        assert message[0].isupper() and message.endswith("."), message
        assert "_" not in message, message  # no field names leak into what a contact reads


def test_rule_error_carries_every_violation() -> None:
    violations = (RuleViolation("a", "First problem."), RuleViolation("b", "Second problem."))
    error = RuleError(violations)
    assert isinstance(error, ValueError)
    assert error.violations == violations
    assert str(error) == "First problem. Second problem."


def test_require_valid_raises_only_when_something_is_wrong() -> None:
    require_valid(_escalated())
    with pytest.raises(RuleError) as refused:
        require_valid(_concern(closure_on=date(2025, 6, 3)), today=date(2025, 6, 1))
    assert [v.field for v in refused.value.violations] == [
        "received_on", "consent_on", "closure_on", "closure_on"]
    assert "An open concern has no closure date." in str(refused.value)
