"""How a deadline reads: what is due, by when, and whether it is late (words, not only colour)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from app.core.calendar import WorkingCalendar
from app.core.timescales import Deadline
from app.ui.base.formatting import format_day, tr

Level = Literal["overdue", "soon", "due", "met", "late"]
SOON_WORKING_DAYS = 2


@dataclass(frozen=True)
class DeadlineText:
    what: str  # "Stage 2 acknowledgement"
    status: str  # "overdue by 3 working days", "due in 2 working days", "met 09/05/2025"
    level: Level


def working_days(count: int) -> str:
    return (tr("1 working day") if count == 1
            else tr("%1 working days").replace("%1", str(count)))


def deadline_name(deadline: Deadline) -> str:
    if deadline.kind == "acknowledge":
        return tr("Stage %1 written acknowledgement").replace("%1", str(deadline.stage.number))
    return tr("Stage %1 full response").replace("%1", str(deadline.stage.number))


def describe(deadline: Deadline, today: date, calendar: WorkingCalendar) -> DeadlineText:
    what = deadline_name(deadline)
    if deadline.met_on is not None:
        if deadline.met_late:
            days = calendar.working_days_between(deadline.due, deadline.met_on)
            return DeadlineText(what, tr("done, late by %1").replace("%1", working_days(days)),
                                "late")
        return DeadlineText(what, tr("done on time"), "met")
    if deadline.overdue(today):
        days = calendar.working_days_between(deadline.due, today)
        return DeadlineText(what, tr("overdue by %1").replace("%1", working_days(days))
                            if days else tr("overdue"), "overdue")
    if deadline.due == today:
        return DeadlineText(what, tr("due today"), "soon")
    days = calendar.working_days_between(today, deadline.due)
    status = (tr("due in %1").replace("%1", working_days(days)) if days
              else tr("due %1").replace("%1", format_day(deadline.due)))
    return DeadlineText(what, status, "soon" if days <= SOON_WORKING_DAYS else "due")
