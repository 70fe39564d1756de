"""Keeping text as it is typed: an encrypted draft in the casebook, saved as typing pauses.

A draft's body is JSON: the form's values and a token naming the form it came
from. The main window saves one more copy of the same form when the casebook
locks; on the way back the newest copy of each form wins and older ones are
removed. Drafts are written with `session.read`, not `session.write`: a draft
changes nothing another view shows, so there is no need to make them all reload
every time typing pauses.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer

from app.store import person_drafts
from app.store.workspace_queries import Draft, drafts_for
from app.ui.base.formatting import format_day
from app.ui.base.worker import WorkerState
from app.ui.session import Session

AUTOSAVE_MS = 1500


@dataclass(frozen=True)
class DraftForm:
    """The newest copy of one form's text, and the older copies it replaces."""

    token: str
    fields: dict[str, Any]
    draft_id: int
    updated_at: str
    older: tuple[int, ...]


def when_typed(stamp: str) -> str:
    """A draft's UTC timestamp as the local day and time, dd/mm/yyyy hh:mm."""
    try:
        moment = datetime.fromisoformat(stamp).astimezone()
    except ValueError:
        return stamp
    return f"{format_day(moment.date())} {moment:%H:%M}"


def draft_body(token: str, fields: dict[str, Any]) -> str:
    return json.dumps({"form": token, "fields": fields}, ensure_ascii=False, sort_keys=True)


def _parse(body: str) -> tuple[str, dict[str, Any]] | None:
    try:
        data = json.loads(body)
    except ValueError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("fields"), dict):
        return None
    return str(data.get("form", "")), data["fields"]


def _token(body: str) -> str:
    parsed = _parse(body)
    return parsed[0] if parsed else ""


def draft_forms(drafts: tuple[Draft, ...], kind: str) -> list[DraftForm]:
    """Drafts of one kind grouped by form, newest copy first within each, oldest form first.

    A body that is not ours (plain text) is still offered, as notes, so nothing is lost.
    """
    groups: dict[str, list[tuple[Draft, dict[str, Any]]]] = {}
    for draft in drafts:
        if draft.kind != kind:
            continue
        parsed = _parse(draft.body)
        token, fields = parsed if parsed else (f"plain-{draft.draft_id}", {"notes": draft.body})
        groups.setdefault(token, []).append((draft, fields))
    found = []
    for token, copies in groups.items():
        newest, fields = max(copies, key=lambda c: (c[0].updated_at, c[0].draft_id))
        older = tuple(d.draft_id for d, _ in copies if d.draft_id != newest.draft_id)
        found.append(DraftForm(token, fields, newest.draft_id, newest.updated_at, older))
    return sorted(found, key=lambda f: f.updated_at)


class DraftKeeper(QObject):
    """Autosaves one form's text as a draft about 1.5 s after typing stops.

    `person`, for the new concern form: the person's details typed so far, kept with the
    draft but apart from it, in identities.db (app/store/person_drafts.py)."""

    def __init__(self, session: Session, kind: str, concern_id: int | None,
                 snapshot: Callable[[], dict[str, Any] | None],
                 parent: QObject | None = None,
                 person: Callable[[], dict[str, str]] | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.kind = kind
        self.concern_id = concern_id
        self.snapshot = snapshot  # the form's values, or None when there is nothing to keep
        self.person = person
        self.token = secrets.token_hex(8)
        self.draft_id: int | None = None
        self.older: tuple[int, ...] = ()
        self.stopped = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.save_now)

    def adopt(self, form: DraftForm) -> None:
        """Carry on with a recovered draft: same token, same row; older copies go."""
        self.token, self.draft_id, self.older = form.token, form.draft_id, form.older
        if self.older:
            older, session = self.older, self.session
            self.session.read(lambda state: _discard(session, state, older), lambda _: None)

    def typed(self) -> None:
        if not self.stopped:
            self.timer.start()

    def body(self) -> str | None:
        fields = self.snapshot()
        return None if fields is None else draft_body(self.token, fields)

    def save_now(self) -> None:
        """Save the text now. Jobs run in order, and each finds this form's row by its token,
        so a save sent while another is on its way updates the same draft."""
        self.timer.stop()
        body = self.body()
        if self.stopped or body is None:
            return
        session, kind, concern_id, token = self.session, self.kind, self.concern_id, self.token
        draft_id = self.draft_id
        person = self.person() if self.person is not None else None

        def job(state: WorkerState) -> int:
            conn = state.require_book().cases
            mine = [d.draft_id for d in drafts_for(conn, concern_id, kind)
                    if _token(d.body) == token or d.draft_id == draft_id]
            target = draft_id if draft_id in mine else (mine[-1] if mine else None)
            saved = session.service(state).save_draft(kind, concern_id, body, target)
            if person is not None:
                person_drafts.save(state.require_book(), token, person)
            return saved

        self.session.read(job, self._saved, self.session.error.emit)

    def _saved(self, draft_id: int) -> None:
        if not self.stopped:
            self.draft_id = draft_id

    def discard_job(self) -> Callable[[Session, WorkerState], None]:
        """To run inside a save job, after the record is written: remove this form's drafts."""
        token, kind, concern_id = self.token, self.kind, self.concern_id
        ids = {i for i in (self.draft_id, *self.older) if i is not None}
        with_person = self.person is not None

        def discard(session: Session, state: WorkerState) -> None:
            conn = state.require_book().cases
            mine = {d.draft_id for d in drafts_for(conn, concern_id, kind)
                    if _token(d.body) == token}
            _discard(session, state, tuple(mine | ids))
            if with_person:
                person_drafts.discard(state.require_book(), [token])

        return discard

    def stop(self) -> None:
        """No more autosaves (the form was saved, closed or forgotten)."""
        self.stopped = True
        self.timer.stop()


def _discard(session: Session, state: WorkerState, draft_ids: tuple[int, ...]) -> None:
    service = session.service(state)
    for draft_id in draft_ids:
        service.discard_draft(draft_id)
