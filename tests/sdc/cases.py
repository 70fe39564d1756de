"""Hand-made casebooks for the disclosure-control tests: concerns with chosen attributes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from app.core.facts import ConcernFacts, ExtensionFacts, StageFacts
from app.core.records import Anonymity, Outcome, ServiceType, Stage, StageEntry
from app.core.sdc import PeriodFigures
from tests.core.sdc_helpers import CALENDAR, YEAR, figures_by_period

FIRST_DAY = date(2025, 4, 7)  # a Monday in the year's first quarter


@dataclass(frozen=True)
class Made:
    """What one hand-made concern is like."""

    stage: Stage = Stage.STAGE1
    outcome: Outcome | None = Outcome.NOT_UPHELD  # None: still open
    late: bool = False
    extended: bool = False
    service: ServiceType = ServiceType.NHS
    themes: tuple[str, ...] = ("staffing",)
    day: int = 0  # days after FIRST_DAY it was received


def concern(number: int, made: Made) -> ConcernFacts:
    received = FIRST_DAY + timedelta(days=made.day)
    limit = 5 if made.stage is Stage.STAGE1 else 20
    responded = None
    if made.outcome is not None:
        responded = CALENDAR.add_working_days(received, limit + 3 if made.late else 2)
    extensions = ((ExtensionFacts(made.stage, received + timedelta(days=1), "A manager",
                                  "Waiting for a witness", received + timedelta(days=40)),)
                  if made.extended else ())
    facts = StageFacts(made.stage, received, StageEntry.RECEIVED, None, responded,
                       made.outcome, extensions)
    return ConcernFacts(number, received, Anonymity.NAMED, made.service, consent_on=received,
                        stage1=facts if made.stage is Stage.STAGE1 else None,
                        stage2=facts if made.stage is Stage.STAGE2 else None,
                        themes=made.themes)


def casebook(*groups: tuple[int, Made]) -> list[ConcernFacts]:
    out: list[ConcernFacts] = []
    for count, made in groups:
        out += [concern(len(out) + i + 1, made) for i in range(count)]
    return out


def one_year(concerns: list[ConcernFacts]) -> list[PeriodFigures]:
    """A release of the year alone."""
    return [PeriodFigures(YEAR, figures_by_period(concerns)[YEAR])]
