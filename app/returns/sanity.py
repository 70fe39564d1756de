"""What a return's figures must satisfy beyond its schema, checked before the board keeps it.

A return signed by a registered unit can still hold impossible figures: a bug, a
damaged casebook, or a unit's stolen key. The board adds returns up, so one bad return
spoils every report it is in. Each rule follows from how the figures are made
(app/core/kpi.py, SPEC.md's KPI definitions), in every block (the total, each service
type, each category of person, each theme):

- a stage is closed in full by a response with an outcome, so the outcomes at a stage
  add up to the concerns closed at it, and so does the count of working-day figures;
- within timescale is at most closed; extended is at most the concerns that entered the
  stage (KPI 9 counts those); closed may exceed received (concerns received earlier
  close in this period);
- a working-day sum is at most what its count allows: no response takes more working
  days than lie between ten years before the period and its end;
- service types and categories of person each split the concerns: their blocks add up
  to the total exactly; themes overlap (a concern may carry several), so each theme's
  figure is at most the total's;
- feedback answers add up to the feedback received; concerns with detriment reported are
  at most the detriment reports;
- concerns about contracted or primary-care services are some of those received: each
  is at most the received figure it is part of.

The first inconsistency is named in plain words. `created_at` is parsed as a real time:
an impossible date or a time more than a day ahead is refused.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

from app.core.stamps import parse_created_at

MOST_AHEAD = timedelta(days=1)
_YEARS_BACK = 10
_STAGES = ("stage1", "stage2")
_STAGE_WORDS = {"stage1": "stage 1", "stage2": "stage 2"}
_RECEIVED_WORDS = {**_STAGE_WORDS, "anonymous": "anonymous", "unnamed": "unnamed"}
_SPLITS = ("by_service", "by_raiser_category")


class FigureProblem(ValueError):
    """The first figure that cannot be right, in plain words."""


def created_at_problem(text: str, period_start: date, now: datetime) -> str | None:
    """Why the creation time cannot be right, or None."""
    try:
        created = parse_created_at(text)
    except ValueError as exc:
        return f"its creation time {text[:40]!r} is not a real time ({exc})"
    if created > now + MOST_AHEAD:
        return (f"it says it was made on {created:%d/%m/%Y at %H:%M} UTC, which is in the "
                "future (the unit's clock may be wrong)")
    if created.date() < period_start:
        return "it says it was made before its period began"
    return None


def _weekdays_between(first: date, last: date) -> int:
    days = (last - first).days + 1
    weeks, extra = divmod(max(days, 0), 7)
    return weeks * 5 + sum(1 for i in range(extra)
                           if (first + timedelta(days=weeks * 7 + i)).weekday() < 5)


def _block_problems(block: dict[str, Any], where: str, most_days: int) -> Iterator[str]:
    for stage in _STAGES:
        words = _STAGE_WORDS[stage]
        closed = block["closed"][stage]
        outcomes = sum(block["outcomes"][stage].values())
        days = block["working_days"][stage]
        if outcomes != closed:
            yield (f"{where}: the {words} outcomes add up to {outcomes}, but {closed} "
                   f"{'was' if closed == 1 else 'were'} closed in full")
        if days["count"] != closed:
            yield (f"{where}: {days['count']} {words} response times are counted for "
                   f"{closed} concerns closed in full")
        if block["within_timescale"][stage] > closed:
            yield (f"{where}: {block['within_timescale'][stage]} {words} concerns were closed "
                   f"within the timescale, but only {closed} were closed in full")
        if block["extended"][stage] > block["received"][stage]:
            yield (f"{where}: {block['extended'][stage]} {words} extensions for "
                   f"{block['received'][stage]} concerns that entered {words}")
        if days["sum"] > days["count"] * most_days:
            yield (f"{where}: {days['sum']:,} working days over {days['count']} {words} "
                   "responses is more than the period allows")
    contracted = block.get("contracted_services", {})
    for key, count in contracted.items():
        received = block["received"][key]
        if count > received:
            yield (f"{where}: {count} {_RECEIVED_WORDS.get(key, key)} concerns about "
                   f"contracted or primary-care services, but only {received} received")


_KPI_KEYS = ("received", "closed", "outcomes", "working_days", "within_timescale", "extended",
             "other_closures", "contracted_services")


def _kpi(block: dict[str, Any]) -> dict[tuple[str, ...], int]:
    """A block's KPI figures by path, e.g. ("outcomes", "stage1", "upheld") -> 3 (the shape
    is fixed by the schema: at most three levels)."""
    found: dict[tuple[str, ...], int] = {}
    for key in _KPI_KEYS:
        for inner, value in block.get(key, {}).items():  # contracted_services: format 2 only
            if isinstance(value, dict):
                for leaf, count in value.items():
                    found[(key, inner, leaf)] = count
            else:
                found[(key, inner)] = value
    return found


def figure_problems(figures: dict[str, Any], period_start: date,
                    period_end: date) -> list[str]:
    """Every inconsistency in a schema-valid return's figures, the most telling first."""
    most_days = _weekdays_between(period_start.replace(year=period_start.year - _YEARS_BACK),
                                  period_end)
    blocks = [("the total", figures)]
    for group in (*_SPLITS, "by_theme"):
        blocks += [(f"{group.removeprefix('by_').replace('_', ' ')} {name}", block)
                   for name, block in figures[group].items()]
    found: list[str] = []
    for where, block in blocks:
        found.extend(_block_problems(block, where, most_days))
        if block.get("period", figures["period"]) != figures["period"]:
            found.append(f"{where}: its dates are not the return's period")
    total = _kpi(figures)
    for group in _SPLITS:
        sums: dict[tuple[str, ...], int] = {}
        for block in figures[group].values():
            for path, value in _kpi(block).items():
                sums[path] = sums.get(path, 0) + value
        for path, value in total.items():
            if sums.get(path, 0) != value:
                found.append(f"the {group.removeprefix('by_').replace('_', ' ')} figures for "
                             f"{' '.join(path).replace('_', ' ')} add up to {sums.get(path, 0)}"
                             f", but the total is {value}")
                break
    for name, block in figures["by_theme"].items():
        for path, value in _kpi(block).items():
            if value > total.get(path, 0):
                found.append(f"theme {name}: {' '.join(path).replace('_', ' ')} is {value}, "
                             f"more than the total's {total.get(path, 0)}")
                break
    feedback = figures["feedback"]
    answers = sum(feedback["speak_up_again"].values())
    if answers != feedback["received"]:
        found.append(f"the feedback answers add up to {answers}, but {feedback['received']} "
                     "pieces of feedback were received")
    if figures["detriment"]["concerns"] > figures["detriment"]["reports"]:
        found.append("more concerns have detriment reported than there are detriment reports")
    return found
