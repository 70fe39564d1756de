"""The dashboard's figures: deadlines due today, this week and overdue; open concerns by
stage; this quarter's counts (by the same KPI code as every report). Concerns handed over
to a colleague are kept read-only here and count in neither the deadlines nor the open
concerns (app/core/custody.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from app.core.kpi import compute_figures
from app.core.periods import Period, quarter_of
from app.store import facts_query
from app.store.concerns import ConcernService


@dataclass(frozen=True)
class DueItem:
    concern_id: int
    reference: str
    stage: str  # stage1 | stage2
    kind: str  # acknowledge | respond
    due: date


@dataclass(frozen=True)
class Dashboard:
    today: date
    overdue: tuple[DueItem, ...]
    due_today: tuple[DueItem, ...]
    due_this_week: tuple[DueItem, ...]  # after today, up to Sunday of this week
    open_by_stage: dict[str, int]  # none | stage1 | stage2
    quarter: Period
    quarter_figures: dict[str, Any]


# An open deadline: a stage 2 acknowledgement not yet given (and no response yet),
# or the response at the stage the concern is at now. Stage 1's response stops
# counting once a concern has moved to stage 2. Only an open concern whose next
# deadline (`next_due`, kept by the concern service: the earlier of exactly these)
# falls by then can have one, so those are found first, in their own index, rather
# than every open concern or every stage without a response.
_DUE = """
WITH due AS MATERIALIZED (
  SELECT id, reference, stage FROM concerns WHERE next_due <= :until AND +closure = 'open')
SELECT c.id, c.reference, s.stage, 'acknowledge', s.acknowledge_due
  FROM due AS c CROSS JOIN stages AS s ON s.concern_id = c.id
 WHERE s.stage = 'stage2' AND s.acknowledged_on IS NULL
   AND s.responded_on IS NULL AND s.acknowledge_due <= :until
UNION ALL
SELECT c.id, c.reference, s.stage, 'respond', s.respond_due
  FROM due AS c CROSS JOIN stages AS s ON s.concern_id = c.id
 WHERE s.responded_on IS NULL AND s.respond_due <= :until AND s.stage = c.stage
ORDER BY 5, 2
"""
# The same without the shortcut through `next_due`: what the shortcut must always equal
# (tests/store/test_dashboard_due.py checks it on generated casebooks).
_DUE_EVERY_STAGE = """
SELECT c.id, c.reference, s.stage, 'acknowledge', s.acknowledge_due
  FROM stages AS s JOIN concerns AS c ON c.id = s.concern_id
 WHERE c.closure = 'open' AND s.stage = 'stage2' AND s.acknowledged_on IS NULL
   AND c.id NOT IN (SELECT concern_id FROM held_elsewhere)
   AND s.responded_on IS NULL AND s.acknowledge_due <= :until
UNION ALL
SELECT c.id, c.reference, s.stage, 'respond', s.respond_due
  FROM stages AS s JOIN concerns AS c ON c.id = s.concern_id
 WHERE c.closure = 'open' AND s.responded_on IS NULL AND s.respond_due <= :until
   AND c.id NOT IN (SELECT concern_id FROM held_elsewhere)
   AND s.stage = c.stage
ORDER BY 5, 2
"""


def dashboard(service: ConcernService) -> Dashboard:
    today = service.today()
    week_end = today + timedelta(days=6 - today.weekday())
    items = [DueItem(int(i), ref, stage, kind, date.fromisoformat(due))
             for i, ref, stage, kind, due in service.conn.execute(
                 _DUE, {"until": week_end.isoformat()})]
    by_stage = {"none": 0, "stage1": 0, "stage2": 0}
    for stage, count in service.conn.execute(
            "SELECT stage, count(*) FROM concerns WHERE closure = 'open'"
            " AND id NOT IN (SELECT concern_id FROM held_elsewhere) GROUP BY stage"):
        by_stage[str(stage)] = int(count)
    quarter = quarter_of(today)
    figures = compute_figures(facts_query.facts_touching(service.conn, quarter.start, quarter.end),
                              quarter, service.calendar(), service.timescales)
    return Dashboard(
        today=today,
        overdue=tuple(i for i in items if i.due < today),
        due_today=tuple(i for i in items if i.due == today),
        due_this_week=tuple(i for i in items if today < i.due <= week_end),
        open_by_stage=by_stage,
        quarter=quarter,
        quarter_figures=figures,
    )
