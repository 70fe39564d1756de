"""The dashboard as a work list (issue 17, item 4): it looks the setting's number of
working days ahead, over weekends and holidays, says the working days left, lists the
initial discussions longest waiting first, and the late actions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from app.core.records import Stage
from app.services.work_list import work_list
from app.store import dashboard
from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from app.store.settings_service import SettingsChanges, SettingsService
from tests.store.test_concerns import NAMED

FRIDAY = date(2026, 11, 20)  # St Andrew's Day, Monday 30 November, is a holiday


def _service(book: Casebook) -> ConcernService:
    return ConcernService(book, today=lambda: FRIDAY)


def test_ten_working_days_from_a_friday_skip_the_weekends_and_st_andrews_day(
        book: Casebook) -> None:
    service = _service(book)
    end = dashboard.horizon_end(service, FRIDAY, 10)
    # 23-27 Nov (5), 30 Nov is a holiday, 1-4 Dec (9), Monday 7 Dec (10).
    assert end == date(2026, 12, 7)
    assert dashboard.horizon_end(service, FRIDAY, 6) == date(2026, 12, 1)


def test_a_stage2_acknowledgement_due_next_wednesday_is_seen_on_a_friday(
        book: Casebook) -> None:
    service = _service(book)
    concern = service.create(replace(NAMED, received_on=FRIDAY, consent_on=FRIDAY,
                                     starting_stage=Stage.STAGE2))
    board = dashboard.dashboard(service)
    due = {(i.concern_id, i.kind): i for i in board.due_soon}
    acknowledge = due[(concern, "acknowledge")]
    assert acknowledge.due == date(2026, 11, 25) and acknowledge.working_days == 3
    # Its full response, 20 working days on (past the holiday), is beyond 10 working days.
    assert (concern, "respond") not in due


def test_the_horizon_edge_over_the_holiday(book: Casebook) -> None:
    service = _service(book)
    inside = service.create(replace(NAMED, received_on=date(2026, 11, 16),
                                    consent_on=date(2026, 11, 16)))
    outside = service.create(replace(NAMED, received_on=date(2026, 11, 16),
                                     consent_on=date(2026, 11, 16)))
    for concern, new_due in ((inside, date(2026, 12, 1)), (outside, date(2026, 12, 2))):
        service.extend(concern, Stage.STAGE1, authorised_by="Head of service",
                       authorised_on=date(2026, 11, 18), reason="Witness away",
                       new_due_on=new_due)
    board = dashboard.dashboard(service, horizon_days=6)
    soon = {i.concern_id: i for i in board.due_soon}
    assert board.horizon_end == date(2026, 12, 1)
    assert inside in soon and outside not in soon
    assert soon[inside].working_days == 6  # 23-27 November, then Tuesday 1 December


def test_overdue_items_count_working_days_late(book: Casebook) -> None:
    service = _service(book)
    late = service.create(replace(NAMED, received_on=date(2026, 11, 9),
                                  consent_on=date(2026, 11, 9)))
    board = dashboard.dashboard(service)
    item = next(i for i in board.overdue if i.concern_id == late)
    assert item.due == date(2026, 11, 16) and item.working_days == -4


def test_initial_discussions_longest_waiting_first_with_a_prompt(book: Casebook) -> None:
    service = _service(book)
    older = service.create(replace(NAMED, received_on=date(2026, 11, 2), consent_on=None,
                                   consent_method=None, starting_stage=None))
    newer = service.create(replace(NAMED, received_on=date(2026, 11, 18), consent_on=None,
                                   consent_method=None, starting_stage=None))
    board = dashboard.dashboard(service, prompt_days=5)
    assert [w.concern_id for w in board.waiting] == [older, newer]
    assert board.waiting[0].waited == 14 and board.waiting[0].prompt
    assert board.waiting[1].waited == 2 and not board.waiting[1].prompt


def test_late_actions_and_the_settings_the_work_list_uses(book: Casebook) -> None:
    service = _service(book)
    concern = service.create(NAMED)
    service.add_action(concern, "Jordan Testperson to rewrite the rota", due_on=date(2026, 11, 13))
    service.add_action(concern, "Audit the drug cupboard", due_on=date(2026, 11, 27))
    SettingsService(book).save(SettingsChanges(dashboard_working_days=15,
                                               initial_discussion_prompt_days=3))
    work = work_list(book, lambda: FRIDAY)
    assert work.board.horizon_days == 15 and work.board.prompt_days == 3
    assert [a.due for a in work.board.actions_overdue] == [date(2026, 11, 13)]
    late = work.board.actions_overdue[0]
    assert late.overdue_by == 5
    shown = work.actions[late.action_id]
    assert "Jordan" not in shown and "rewrite the rota" in shown  # the name is masked
    assert work.about[concern][0] == "Ward 3"
    audited = book.cases.execute(
        "SELECT detail FROM audit WHERE event = 'setting.changed'").fetchall()
    assert len(audited) == 2
