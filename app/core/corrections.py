"""Correcting and changing records: which is which, and what each does to the figures.

Every record a concern's workspace shows can be edited or removed, always with a reason,
and every edit is kept (app/store/concern_corrections.py) and shown on the timeline. An
edit is one of three kinds:

- a **correction**: the record was wrong when it was made (a date typed wrongly, the wrong
  service, named when the person was unnamed). The corrected record replaces it, and every
  figure follows the corrected facts, past periods included: the figures were wrong too.
- a **change**: something happened after the record was made. For a concern's class
  (named, unnamed, anonymous) it is the person coming forward later and agreeing to use the
  procedure, or a named person asking to be unnamed. The concern keeps the class it had when
  received (`received_as`), so the figures already made for the past stay as they were; a
  concern that comes within the Standards enters stage 1 or 2 on the date of agreement.
- a **removal**: the record should never have been made (entered twice, on the wrong
  concern). It goes, and the figures follow as for a correction.

Which changes of class can happen (CLASS_CHANGES): anonymous or unnamed to named (the
person comes forward and agrees), anonymous to unnamed (the person comes forward but is not
to be named in the record), named to unnamed (on the person's request). Nobody becomes
anonymous later: once the contact knows who raised a concern it is at most unnamed. A
class recorded wrongly is corrected instead (any class to any other).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from app.core.facts import ConcernFacts
from app.core.records import Anonymity, LabelledEnum
from app.core.rules import RuleViolation


class EditKind(LabelledEnum):
    CORRECTION = "correction"  # it was recorded wrongly: the figures follow
    CHANGE = "change"  # it changed later: past figures stay
    REMOVAL = "removal"  # it should not have been recorded: it goes, the figures follow


CLASS_CHANGES: frozenset[tuple[Anonymity, Anonymity]] = frozenset({
    (Anonymity.ANONYMOUS, Anonymity.NAMED),
    (Anonymity.UNNAMED, Anonymity.NAMED),
    (Anonymity.ANONYMOUS, Anonymity.UNNAMED),
    (Anonymity.NAMED, Anonymity.UNNAMED),
})

MAX_REASON = 2000


def reason_problem(reason: str) -> RuleViolation | None:
    """Every edit needs its reason (kept with the edit and shown on the timeline)."""
    if not reason.strip():
        return RuleViolation("reason", "Give the reason for the edit: it is kept with it.")
    if len(reason) > MAX_REASON:
        return RuleViolation("reason", f"The reason is too long ({MAX_REASON} characters at "
                             "most).")
    return None


def class_change_problems(facts: ConcernFacts, to: Anonymity, on: date,
                          kind: EditKind) -> list[RuleViolation]:
    """Why this change or correction of the concern's class cannot be made (empty: it can)."""
    current = facts.anonymity
    if to is current:
        return [RuleViolation("anonymity", f"The concern is already {current.value}.")]
    if kind is EditKind.REMOVAL:
        return [RuleViolation("kind", "A concern's class can be corrected or changed, not "
                              "removed.")]
    if kind is EditKind.CORRECTION:
        return []
    if (current, to) not in CLASS_CHANGES:
        if to is Anonymity.ANONYMOUS:
            return [RuleViolation("anonymity", "Nobody becomes anonymous later: once you know "
                                  "who raised a concern it can be unnamed at most. If it was "
                                  "recorded wrongly, correct it instead.")]
        return [RuleViolation("anonymity", f"A {current.value} concern cannot become "
                              f"{to.value}; if it was recorded wrongly, correct it instead.")]
    if on < facts.received_on:
        return [RuleViolation("on", "The date of the change is before the concern was "
                              "received.")]
    return []


def class_changed(facts: ConcernFacts, to: Anonymity, on: date, kind: EditKind
                  ) -> ConcernFacts:
    """The facts after a change or correction of class (for the rules and the figures)."""
    if kind is EditKind.CORRECTION:
        if facts.received_as is to:  # corrected back to the class it was received as
            return replace(facts, anonymity=to, received_as=None, named_on=None)
        if facts.received_as is None:
            return replace(facts, anonymity=to, named_on=None)
        return replace(facts, anonymity=to)
    received_as = facts.class_when_received
    named_on = facts.named_on
    if to is Anonymity.NAMED and received_as is not Anonymity.NAMED and named_on is None:
        named_on = on
    return replace(facts, anonymity=to, received_as=received_as, named_on=named_on)
