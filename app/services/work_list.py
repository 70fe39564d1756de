"""The dashboard as a work list: what is due, what has waited, what is late, and the
quarter so far, each line telling its concern apart (its area and the first line of its
summary, masked as the concerns list masks them). Read on the worker."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from app.services.concern_list import first_line, listed_rows, masked_texts
from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from app.store.dashboard import Dashboard, dashboard
from app.store.settings_service import dashboard_settings


@dataclass(frozen=True)
class WorkList:
    board: Dashboard
    about: dict[int, tuple[str, str]]  # concern id -> (service area, summary's first line)
    actions: dict[int, str]  # action id -> the description's first line, masked


def work_list(book: Casebook, today: Callable[[], date]) -> WorkList:
    horizon, prompt = dashboard_settings(book)
    board = dashboard(ConcernService(book, today=today), horizon, prompt)
    ids = sorted({i.concern_id for i in (*board.overdue, *board.due_today, *board.due_soon)}
                 | {w.concern_id for w in board.waiting}
                 | {a.concern_id for a in board.actions_overdue})
    about = {row.concern_id: (row.service_area, row.summary)
             for row in listed_rows(book, ids)} if ids else {}
    texts = masked_texts(book, [(a.concern_id, a.description) for a in board.actions_overdue])
    actions = {a.action_id: first_line(text)
               for a, text in zip(board.actions_overdue, texts, strict=True)}
    return WorkList(board, about, actions)
