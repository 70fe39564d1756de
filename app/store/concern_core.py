"""The concern service's core: what every part of it shares.

The service is split by what its operations are about (app/store/concerns.py puts the
parts together): the calendar settings, intake and the initial discussion, stages and
issues, the rest of the record, and drafts. Each operation is one transaction: it
writes, reads the concern back as core facts, checks every rule of the Standards,
refreshes the stored due dates and appends to the audit log (`_check_and_seal`); a rule
broken rolls the whole change back (RuleError lists every problem)."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from app.core.calendar import WorkingCalendar
from app.core.case_text import too_long, too_long_message
from app.core.corrections import reason_problem
from app.core.facts import ConcernFacts
from app.core.identity import PersonDetails
from app.core.records import (
    Anonymity,
    Channel,
    ConsentMethod,
    Outcome,
    RaisedWith,
    RaiserCategory,
    ServiceType,
    Stage,
    StageEntry,
)
from app.core.rules import RuleError, RuleViolation, validate_concern
from app.core.timescales import DEFAULT_TIMESCALES, Timescales, acknowledge_due, response_due
from app.store import audit, custody, database, facts_query
from app.store.casebook import Casebook
from app.store.database import Connection
from app.store.errors import NotFound


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


@dataclass(frozen=True)
class NewConcern:
    received_on: date
    channel: Channel
    raised_with: RaisedWith
    raiser_category: RaiserCategory
    anonymity: Anonymity
    service_type: ServiceType
    service_area: str = ""
    summary: str = ""
    themes: tuple[str, ...] = ()  # standard codes or labels; anything else is a local theme
    starting_stage: Stage | None = None  # None: still at the initial discussion
    handler: str | None = None
    consent_on: date | None = None
    consent_method: ConsentMethod | None = None
    aware_on: date | None = None
    reference: str | None = None  # given by the casebook when None
    person: PersonDetails | None = None  # named concerns only
    imported: bool = False
    demo: bool = False
    contracted: bool = False  # about a contracted or primary-care service


@dataclass(frozen=True)
class IssueOutcome:
    issue_id: int
    outcome: Outcome


@dataclass
class ConcernCore:
    """Changes to concerns. `today` is injectable so tests and imports can fix the date."""

    book: Casebook
    timescales: Timescales = DEFAULT_TIMESCALES
    today: Callable[[], date] = field(default=date.today)

    @property
    def conn(self) -> Connection:
        return self.book.cases

    def calendar(self) -> WorkingCalendar:
        """The national Scottish calendar plus this organisation's own days (cached)."""
        rows = tuple(self.conn.execute(
            "SELECT day, label, kind FROM local_holidays ORDER BY day").fetchall())
        return _calendar_for(rows)

    def facts(self, concern_id: int) -> ConcernFacts:
        return self._facts(concern_id)

    def all_facts(self) -> Iterator[ConcernFacts]:
        return facts_query.all_facts(self.conn)

    def id_for_reference(self, reference: str) -> int:
        row = self.conn.execute("SELECT id FROM concerns WHERE reference = ?",
                                (reference.strip(),)).fetchone()
        if row is None:
            raise NotFound(f"There is no concern with reference {reference.strip()}.")
        return int(row[0])

    def _insert_stage(self, concern_id: int, stage: Stage, entry: StageEntry, on: date,
                      handler: str | None) -> None:
        self.conn.execute(
            "INSERT INTO stages (concern_id, stage, entry, entered_on, handler, respond_due)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (concern_id, stage.value, entry.value, on.isoformat(), handler, on.isoformat()))

    def _facts(self, concern_id: int) -> ConcernFacts:
        try:
            return facts_query.concern_facts(self.conn, concern_id)
        except KeyError as exc:
            raise NotFound("That concern no longer exists.") from exc

    def _require(self, concern_id: int) -> None:
        if not self.conn.execute("SELECT 1 FROM concerns WHERE id = ?", (concern_id,)).fetchone():
            raise NotFound("That concern no longer exists.")

    def _require_stage(self, concern_id: int, stage: Stage) -> None:
        self._require(concern_id)
        if not self.conn.execute("SELECT 1 FROM stages WHERE concern_id = ? AND stage = ?",
                                 (concern_id, stage.value)).fetchone():
            raise RuleError([RuleViolation(
                "stage", f"This concern has not reached stage {stage.number}.")])

    def _issue_concern(self, issue_id: int) -> int:
        row = self.conn.execute("SELECT concern_id FROM concern_issues WHERE id = ?",
                                (issue_id,)).fetchone()
        if row is None:
            raise NotFound("That issue no longer exists.")
        return int(row[0])

    def _touch(self, concern_id: int) -> None:
        self.conn.execute("UPDATE concerns SET updated_at = ? WHERE id = ?", (_now(), concern_id))

    def _not_before_received(self, concern_id: int, day: date | None, what: str) -> None:
        if day is None:
            return
        received = date.fromisoformat(self.conn.execute(
            "SELECT received_on FROM concerns WHERE id = ?", (concern_id,)).fetchone()[0])
        if day < received:
            raise RuleError([RuleViolation("date", f"{what} is before the concern was received.")])
        if day > self.today():
            raise RuleError([RuleViolation("date", f"{what} is in the future.")])

    def _add_row(self, concern_id: int, event: str, table: str, values: dict[str, object],
                 not_before: date | None = None) -> int:
        columns = ", ".join(["concern_id", *values])
        marks = ", ".join("?" * (len(values) + 1))
        with database.write(self.conn):
            self._require(concern_id)
            self._not_before_received(concern_id, not_before, "That date")
            cursor = self.conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})",
                                       (concern_id, *values.values()))
            row_id = int(cursor.lastrowid or 0)
            self._touch(concern_id)
            self._check_and_seal(concern_id, event, {table: row_id})
            return row_id

    def _record_edit(self, concern_id: int, record: str, label: str, kind: str,
                     fields: list[str], reason: str, on: date | None = None) -> None:
        """Inside the open transaction: keep a correction, change or removal with its reason
        (the timeline shows it; app/core/corrections.py says which is which)."""
        problem = reason_problem(reason)
        if problem is not None:
            raise RuleError([problem])
        self.conn.execute(
            "INSERT INTO record_edits (concern_id, record, label, kind, fields, reason, on_date,"
            " at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (concern_id, record, label, kind, json.dumps(fields), reason.strip(),
             (on or self.today()).isoformat(), _now()))

    def _check_and_seal(self, concern_id: int, event: str, detail: dict[str, object]) -> None:
        """Inside the open transaction: every rule, fresh due dates, one audit entry."""
        facts = self._facts(concern_id)
        custody.require_changeable(self.conn, facts)  # handed over, destroyed: read-only
        calendar = self.calendar()
        problems = validate_concern(facts, timescales=self.timescales, calendar=calendar,
                                    today=self.today())
        if problems:
            raise RuleError(problems)  # database.write rolls the whole change back
        self._refresh_due_dates(facts, calendar)
        self._refresh_list_columns(concern_id)
        self._audit(event, "concern", concern_id, detail)

    def _refresh_due_dates(self, facts: ConcernFacts, calendar: WorkingCalendar) -> None:
        for stage in (facts.stage1, facts.stage2):
            if stage is None:
                continue
            ack = (acknowledge_due(stage, calendar, self.timescales)
                   if stage.stage is Stage.STAGE2 else None)
            self.conn.execute(
                "UPDATE stages SET acknowledge_due = ?, respond_due = ?"
                " WHERE concern_id = ? AND stage = ?",
                (_iso(ack), response_due(stage, calendar, self.timescales).isoformat(),
                 facts.concern_id, stage.stage.value))

    def refresh_stored_dates(self, concern_id: int) -> None:
        """Inside the caller's transaction: the concern's due dates and list columns worked
        out on this casebook's calendar (a concern arriving from another casebook)."""
        self._refresh_due_dates(self._facts(concern_id), self.calendar())
        self._refresh_list_columns(concern_id)

    def _refresh_all_due_dates(self) -> None:
        calendar = self.calendar()
        for facts in facts_query.all_facts(self.conn):
            if facts.stage1 is not None or facts.stage2 is not None:
                self._refresh_due_dates(facts, calendar)
                self._refresh_list_columns(facts.concern_id)

    def _refresh_list_columns(self, concern_id: int) -> None:
        """The list's stage and next deadline, kept beside the concern for sorting in SQL."""
        self.conn.execute(_LIST_COLUMNS, (concern_id,))

    def _audit(self, event: str, entity: str, entity_id: object,
               detail: dict[str, object] | None = None) -> None:
        audit.append(self.conn, self.book.audit_key, event, entity, entity_id, detail)


_INTAKE_LABELS = {"service_area": "Service area", "summary": "Summary",
                  "late_reason": "Why a late concern was accepted"}


def _limit(**texts: tuple[str, str | None]) -> None:
    """Refuse text over the limit of a field (app/core/case_text.py), each said plainly."""
    problems = [RuleViolation(key, too_long_message(label, len(text or "")))
                for key, (label, text) in texts.items() if too_long(text)]
    if problems:
        raise RuleError(problems)


@functools.lru_cache(maxsize=8)
def _calendar_for(rows: tuple[tuple[str, str, str], ...]) -> WorkingCalendar:
    local = {date.fromisoformat(day): label for day, label, kind in rows if kind == "holiday"}
    worked = [date.fromisoformat(day) for day, _, kind in rows if kind != "holiday"]
    return WorkingCalendar(local, worked)


# The furthest stage reached, and the next unmet deadline of an open concern: a
# stage 2 acknowledgement (if earlier than the response) or the current response.
_LIST_COLUMNS = """
UPDATE concerns SET
  stage = coalesce((SELECT max(stage) FROM stages WHERE concern_id = concerns.id), 'none'),
  next_due = (
    SELECT CASE
      WHEN concerns.closure != 'open' THEN NULL
      WHEN s2.concern_id IS NOT NULL THEN
        CASE WHEN s2.responded_on IS NOT NULL THEN NULL
             WHEN s2.acknowledged_on IS NULL AND s2.acknowledge_due < s2.respond_due
               THEN s2.acknowledge_due
             ELSE s2.respond_due END
      WHEN s1.concern_id IS NOT NULL AND s1.responded_on IS NULL THEN s1.respond_due
    END
    FROM (SELECT 1) AS one
    LEFT JOIN stages AS s1 ON s1.concern_id = concerns.id AND s1.stage = 'stage1'
    LEFT JOIN stages AS s2 ON s2.concern_id = concerns.id AND s2.stage = 'stage2')
WHERE id = ?
"""
