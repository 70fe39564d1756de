"""Who counts what after a handover: the unit that held the concern on the event's date.

A concern may pass from one casebook (one reporting unit) to another: a speak up
ambassador hands it to a confidential contact, a contact going on leave hands it to a
colleague, and it may come back. Both units keep a record of it (the sender's read-only),
and both send returns. So that returns already sent stay true, four quarters still add up
to the year, and across the units every concern is counted exactly once, every figure is
counted by the unit that held the concern on the date of the event the figure is about:

- received at a stage (KPI 4): the stage-entry date;
- anonymous and unnamed concerns received: the received date;
- closed in full, its outcome, working days and timeliness (KPIs 5-8): the response date;
- withdrawn, transferred, not taken forward: the closure date;
- extended (KPI 9): counted, as before, in the period holding the stage-entry date, by the
  unit that held the concern on the date the stage's first extension was authorised (the
  stage-entry date when an imported extension has no date), so an extension authorised
  after a handover is counted once, by the unit that authorised it;
- detriment reports and feedback: their own dates (a concern's detriment is counted by the
  unit holding it at its first report); learning statements: the action's done date.

Custody changes at the start of the handover date: events dated before it belong to the
sender, events dated on it or later to the receiver. The receiver holds the concern's whole
history, so both units see the same dates and agree on the split. A unit may not change the
events dated outside its custody (`events_outside`): the other unit counts them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # facts.py holds a Custody on every concern: no import cycle at run time
    from app.core.facts import ConcernFacts, StageFacts

Span = tuple[date | None, date | None]  # [held_from, held_until); None is open-ended


@dataclass(frozen=True)
class Custody:
    """When this unit held a concern: half-open spans of dates. No spans: always held (the
    concern was recorded here and never handed over)."""

    spans: tuple[Span, ...] = ()

    def holds(self, day: date) -> bool:
        if not self.spans:
            return True
        return any((start is None or start <= day) and (until is None or day < until)
                   for start, until in self.spans)

    @property
    def held_now(self) -> bool:
        """Still held here (not handed over, or handed back)."""
        return not self.spans or any(until is None for _, until in self.spans)

    @property
    def received_on(self) -> date | None:
        """When the current span began by a handover to this unit (None: recorded here)."""
        current = [start for start, until in self.spans if until is None]
        return current[0] if current else None

    @property
    def handed_over_on(self) -> date | None:
        """When this unit last handed the concern over (None while it holds it)."""
        if self.held_now:
            return None
        ends = [until for _, until in self.spans if until is not None]
        return max(ends) if ends else None

    def handed_over(self, on: date) -> Custody:
        """This unit hands the concern over on `on`: its open span ends there."""
        if not self.spans:
            return Custody(((None, on),))
        return Custody(tuple((start, on if until is None else until)
                             for start, until in self.spans))

    def received(self, on: date) -> Custody:
        """The concern arrives (or comes back) on `on`."""
        return Custody((*self.spans, (on, None)))


ALWAYS = Custody()


def counted_here(facts: ConcernFacts, day: date) -> bool:
    """Whether this unit counts an event of this concern dated `day`."""
    return facts.custody.holds(day)


def extension_date(record: StageFacts) -> date:
    """The date that decides who counts a stage's extension (KPI 9): when its first
    extension was authorised, or the stage-entry date if no extension says."""
    dated = [ext.authorised_on for ext in record.extensions if ext.authorised_on is not None]
    return min(dated) if dated else record.entered_on


# ----- the events other units count -------------------------------------------------------

Event = tuple[str, ...]  # (kind, ..., ISO date): sortable, JSON-able as a list
COUNTED_CLOSURES = ("withdrawn", "transferred", "not_taken_forward")  # as kpi.OTHER_CLOSURE_KEYS


def dated_events(facts: ConcernFacts, extra: Iterable[tuple[str, date, str]] = ()
                 ) -> Iterator[tuple[date, Event]]:
    """Every dated event of a concern that some figure counts, with its date. `extra` holds
    events read beside the facts: (kind, date, detail) for detriment reports, feedback and
    publishable learning."""
    yield facts.received_on, ("received", facts.anonymity.value, facts.received_on.isoformat())
    for record in (facts.stage1, facts.stage2):
        if record is None:
            continue
        stage = record.stage.value
        yield record.entered_on, ("entered", stage, record.entry.value,
                                  record.entered_on.isoformat())
        if record.responded_on is not None:
            yield record.responded_on, ("responded", stage, record.outcome.value
                                        if record.outcome else "",
                                        record.responded_on.isoformat())
        for ext in record.extensions:
            on = ext.authorised_on or record.entered_on
            yield on, ("extended", stage, on.isoformat())
    if facts.closure_on is not None and facts.closure.value in COUNTED_CLOSURES:
        # A closure by a full response is counted as the response; escalation reopens it.
        yield facts.closure_on, ("closure", facts.closure.value, facts.closure_on.isoformat())
    for kind, on, detail in extra:
        yield on, (kind, detail, on.isoformat())


def events_outside(facts: ConcernFacts, extra: Iterable[tuple[str, date, str]] = ()
                   ) -> list[list[str]]:
    """The concern's counted events dated when this unit did not hold it, sorted."""
    return sorted(list(event) for on, event in dated_events(facts, extra)
                  if not facts.custody.holds(on))
