"""Who raised a concern, and how that decides where it is counted.

One concern, several people. When several people raise the same concern it is one concern
with one person record each (app/store/linked_raisers.py): the concern's own raiser, and
each linked raiser with their own class (named, unnamed, anonymous), category, date and
consent. The Standards count concerns, not people, so:

- **Stage figures** (KPIs 4-9): the concern is counted once, if any raiser is within the
  Standards: its own raiser is named (or was, when received: a later change to unnamed keeps
  the figures already made), it came within them by a change (the person came forward and
  agreed), or a linked raiser is named and agreed to use the procedure.
- **Anonymous and unnamed**: the concern is counted in `received.anonymous` if any of its
  raisers was anonymous when they raised it, and in `received.unnamed` if any was unnamed,
  once each, on the earliest such date. So a concern raised by a named person and by an
  anonymous one is in the stage figures *and* among the anonymous: reports say so (each
  figure counts distinct concerns; the anonymous and unnamed counts may include concerns
  that are also in the stage figures).

Correction or change of class (app/core/corrections.py says which is which): a **change**
is something that happened after receipt. An anonymous or unnamed concern whose person comes
forward and agrees stays counted as anonymous or unnamed on its received date, and enters
stage 1 or 2 on the date of agreement (`named_on`); a named concern whose person asks to be
unnamed keeps its past figures (it was received named). A **correction** says the class was
recorded wrongly: the figures follow the corrected class, as for any correction.
"""

from __future__ import annotations

from datetime import date

from app.core.facts import ConcernFacts
from app.core.records import Anonymity

OUTSIDE = (Anonymity.ANONYMOUS, Anonymity.UNNAMED)


def counted_in_stage_figures(facts: ConcernFacts) -> bool:
    """Whether the concern counts in the stage figures (once, however many raised it)."""
    return facts.within_standards


def outside_standards_counts(facts: ConcernFacts) -> dict[Anonymity, date]:
    """The anonymous and unnamed counts the concern is in, each with the date it counts on
    (the earliest raising in that class): its own class when received, and each linked
    raiser's class when they raised it."""
    found: dict[Anonymity, date] = {}

    def add(anonymity: Anonymity, on: date) -> None:
        if anonymity in OUTSIDE and (anonymity not in found or on < found[anonymity]):
            found[anonymity] = on

    add(facts.class_when_received, facts.received_on)
    for raiser in facts.raisers:
        add(raiser.anonymity, max(raiser.raised_on, facts.received_on))
    return found


def standards_from(facts: ConcernFacts) -> date | None:
    """The date the concern came within the Standards (None: it has not): its received date
    when its own raiser was named then; otherwise the date of a change that named them, or
    the date a linked raiser, named, agreed to use the procedure (the earliest)."""
    if facts.class_when_received is Anonymity.NAMED:
        return facts.received_on
    dates = [d for d in (facts.named_on,) if d is not None]
    dates += [max(r.raised_on, r.consent_on) for r in facts.raisers
              if r.agreed and r.consent_on is not None]
    return min(dates) if dates else None


def stage_entry_on(facts: ConcernFacts) -> date:
    """The date a concern enters the stage it starts at: its received date, or, for one
    received anonymous or unnamed that came within the Standards later, that date."""
    return standards_from(facts) or facts.received_on


def mixed_raisers(facts: ConcernFacts) -> bool:
    """Raised by people in more than one class (for a report's note)."""
    classes = {facts.class_when_received, *(r.anonymity for r in facts.raisers)}
    return len(classes) > 1
