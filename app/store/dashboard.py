"""The dashboard's figures: deadlines overdue, due today and due in the next working days
(how many is a setting, 10 by default), each with the working days left; the concerns still
at the initial discussion, longest waiting first; open actions past their due date; open
concerns by stage; this quarter's counts (by the same KPI code as every report). Concerns
handed over to a colleague are kept read-only here and count in none of these
(app/core/custody.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from app.core.kpi import compute_figures
from app.core.periods import Period, quarter_of
from app.store import facts_query
from app.store.concerns import ConcernService

DEFAULT_HORIZON = 10  # working days ahead the dashboard looks (the setting's default)
DEFAULT_PROMPT = 5  # working days at the initial discussion before a gentle prompt
WAITING_SHOWN = 50  # initial discussions listed (longest waiting first); all are counted
ACTIONS_SHOWN = 50


@dataclass(frozen=True)
class DueItem:
    concern_id: int
    reference: str
    stage: str  # stage1 | stage2
    kind: str  # acknowledge | respond
    due: date
    working_days: int = 0  # left until due (0 today); overdue: how many past, negative


@dataclass(frozen=True)
class WaitingItem:
    """A concern still at the initial discussion: nobody has decided about the procedure."""

    concern_id: int
    reference: str
    received_on: date
    waited: int  # working days since it was received
    prompt: bool  # waited at least the setting's number of working days


@dataclass(frozen=True)
class ActionItem:
    """An open action (adopted, not done) past its due date."""

    concern_id: int
    reference: str
    action_id: int
    description: str  # as stored: the service masks it before it is shown
    due: date
    overdue_by: int  # working days


@dataclass(frozen=True)
class Dashboard:
    today: date
    overdue: tuple[DueItem, ...]
    due_today: tuple[DueItem, ...]
    due_soon: tuple[DueItem, ...]  # after today, up to `horizon_end`
    open_by_stage: dict[str, int]  # none | stage1 | stage2
    quarter: Period
    quarter_figures: dict[str, Any]
    horizon_days: int = DEFAULT_HORIZON
    horizon_end: date | None = None  # the last day looked at: `horizon_days` working days on
    waiting: tuple[WaitingItem, ...] = ()
    waiting_total: int = 0
    prompt_days: int = DEFAULT_PROMPT
    actions_overdue: tuple[ActionItem, ...] = ()
    actions_overdue_total: int = 0

    @property
    def due_this_week(self) -> tuple[DueItem, ...]:
        """(Old name) what is due after today within the horizon."""
        return self.due_soon


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


_WAITING = """
SELECT id, reference, received_on FROM concerns
 WHERE stage = 'none' AND closure = 'open'
   AND id NOT IN (SELECT concern_id FROM held_elsewhere)
 ORDER BY received_on, id
"""
_ACTIONS_OVERDUE = """
SELECT c.id, c.reference, a.id, a.description, a.due_on
  FROM actions AS a JOIN concerns AS c ON c.id = a.concern_id
 WHERE a.done_on IS NULL AND a.adopted = 1 AND a.due_on IS NOT NULL AND a.due_on < :today
   AND c.id NOT IN (SELECT concern_id FROM held_elsewhere)
 ORDER BY a.due_on, c.reference, a.id
"""


def horizon_end(service: ConcernService, today: date, horizon_days: int) -> date:
    """The last day the dashboard looks at: `horizon_days` working days after today (a
    Friday's 10 working days reach the Friday after next, weekends and holidays skipped)."""
    return service.calendar().add_working_days(today, max(0, horizon_days))


def dashboard(service: ConcernService, horizon_days: int = DEFAULT_HORIZON,
              prompt_days: int = DEFAULT_PROMPT) -> Dashboard:
    today = service.today()
    calendar = service.calendar()
    until = horizon_end(service, today, horizon_days)

    def left(due: date) -> int:
        if due >= today:
            return calendar.working_days_between(today, due)
        return -calendar.working_days_between(due, today)

    items = [DueItem(int(i), ref, stage, kind, day, left(day))
             for i, ref, stage, kind, due in service.conn.execute(
                 _DUE, {"until": until.isoformat()})
             for day in (date.fromisoformat(due),)]
    by_stage = {"none": 0, "stage1": 0, "stage2": 0}
    for stage, count in service.conn.execute(
            "SELECT stage, count(*) FROM concerns WHERE closure = 'open'"
            " AND id NOT IN (SELECT concern_id FROM held_elsewhere) GROUP BY stage"):
        by_stage[str(stage)] = int(count)
    quarter = quarter_of(today)
    figures = compute_figures(facts_query.facts_touching(service.conn, quarter.start, quarter.end),
                              quarter, service.calendar(), service.timescales)
    waiting_rows = service.conn.execute(_WAITING).fetchall()
    waiting = []
    for concern_id, reference, received in waiting_rows[:WAITING_SHOWN]:
        waited = calendar.working_days_between(date.fromisoformat(received), today)
        waiting.append(WaitingItem(int(concern_id), str(reference),
                                   date.fromisoformat(received), waited,
                                   waited >= prompt_days))
    action_rows = service.conn.execute(_ACTIONS_OVERDUE, {"today": today.isoformat()}
                                       ).fetchall()
    actions = tuple(
        ActionItem(int(cid), str(ref), int(aid), str(text), day,
                   calendar.working_days_between(day, today))
        for cid, ref, aid, text, due in action_rows[:ACTIONS_SHOWN]
        for day in (date.fromisoformat(due),))
    return Dashboard(
        today=today,
        overdue=tuple(i for i in items if i.due < today),
        due_today=tuple(i for i in items if i.due == today),
        due_soon=tuple(i for i in items if today < i.due <= until),
        open_by_stage=by_stage,
        quarter=quarter,
        quarter_figures=figures,
        horizon_days=horizon_days,
        horizon_end=until,
        waiting=tuple(waiting),
        waiting_total=len(waiting_rows),
        prompt_days=prompt_days,
        actions_overdue=actions,
        actions_overdue_total=len(action_rows),
    )
