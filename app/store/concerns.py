"""The concern service: every change to a concern, checked by the rules and audited.

Each operation is one transaction: it writes, reads the concern back as core
facts, checks every rule of the Standards, refreshes the stored due dates and
appends to the audit log; a rule broken rolls the whole change back (RuleError
lists every problem). The GUI, the CLI, the demo and the spreadsheet import all
come through here, so there is one way in.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from app.core.calendar import WorkingCalendar
from app.core.case_text import too_long, too_long_message
from app.core.facts import ConcernFacts
from app.core.identity import PersonDetails
from app.core.records import (
    Anonymity,
    Channel,
    Closure,
    ConsentMethod,
    ConversationMode,
    DisclosureConsent,
    Outcome,
    ProcedureDecision,
    RaisedWith,
    RaiserCategory,
    ServiceType,
    SignpostBody,
    SpeakUpAgain,
    Stage,
    StageEntry,
    theme_code,
)
from app.core.rules import RuleError, RuleViolation, validate_concern
from app.core.timescales import DEFAULT_TIMESCALES, Timescales, acknowledge_due, response_due
from app.store import audit, custody, database, facts_query
from app.store.casebook import Casebook
from app.store.database import Connection
from app.store.errors import CasebookError, NotFound
from app.store.identities import IdentityService


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


@dataclass(frozen=True)
class IssueOutcome:
    issue_id: int
    outcome: Outcome


@dataclass
class ConcernService:
    """Changes to concerns. `today` is injectable so tests and imports can fix the date."""

    book: Casebook
    timescales: Timescales = DEFAULT_TIMESCALES
    today: Callable[[], date] = field(default=date.today)

    @property
    def conn(self) -> Connection:
        return self.book.cases

    # ----- calendar --------------------------------------------------------

    def calendar(self) -> WorkingCalendar:
        """The national Scottish calendar plus this organisation's own days (cached)."""
        rows = tuple(self.conn.execute(
            "SELECT day, label, kind FROM local_holidays ORDER BY day").fetchall())
        return _calendar_for(rows)

    def set_local_holiday(self, day: date, label: str, *, working_day: bool = False) -> None:
        """Add an organisation holiday (or mark a national one as worked); due dates follow."""
        with database.write(self.conn):
            self.conn.execute(
                "INSERT INTO local_holidays (day, label, kind) VALUES (?, ?, ?)"
                " ON CONFLICT (day) DO UPDATE SET label = excluded.label, kind = excluded.kind",
                (day.isoformat(), label.strip() or "Local holiday",
                 "working_day" if working_day else "holiday"))
            self._refresh_all_due_dates()
            self._audit("calendar.changed", "calendar", day.isoformat())

    def remove_local_holiday(self, day: date) -> None:
        with database.write(self.conn):
            self.conn.execute("DELETE FROM local_holidays WHERE day = ?", (day.isoformat(),))
            self._refresh_all_due_dates()
            self._audit("calendar.changed", "calendar", day.isoformat())

    # ----- creating ----------------------------------------------------------

    def create(self, new: NewConcern) -> int:
        """Record a new concern (and its person, in identities.db); returns its id."""
        if new.anonymity is Anonymity.NAMED and new.person is None and not new.imported:
            raise RuleError([RuleViolation(
                "person", "A named concern needs the person's name (kept apart, in identities).")])
        if new.anonymity is not Anonymity.NAMED and new.person is not None:
            raise RuleError([RuleViolation(
                "person", "An unnamed or anonymous concern must not record who raised it.")])
        _limit(summary=("Summary", new.summary), service_area=("Service area", new.service_area),
               handler=("Handler", new.handler),
               themes=("Local theme", max(new.themes, key=len, default="")))
        person_ref = None
        if new.person is not None:
            person_ref = IdentityService(self.book).add_person(new.person, demo=new.demo)
        try:
            return self._create_concern(new, person_ref)
        except BaseException:
            if person_ref is not None:  # nothing may point at it: take the identity back out
                IdentityService(self.book).delete_person(person_ref)
            raise

    def _create_concern(self, new: NewConcern, person_ref: str | None) -> int:
        stamp = _now()
        with database.write(self.conn):
            reference = new.reference or self._next_reference(new.received_on)
            if self.conn.execute("SELECT 1 FROM concerns WHERE reference = ?",
                                 (reference,)).fetchone():
                raise CasebookError(f"A concern with reference {reference} already exists.")
            decision = (ProcedureDecision.USE_PROCEDURE if new.starting_stage
                        else ProcedureDecision.UNDECIDED)
            cursor = self.conn.execute(
                "INSERT INTO concerns (reference, person_ref, received_on, aware_on, channel,"
                " raised_with, raiser_category, anonymity, service_type, service_area, summary,"
                " consent_on, consent_method, decision, imported, demo, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (reference, person_ref, new.received_on.isoformat(), _iso(new.aware_on),
                 new.channel.value, new.raised_with.value, new.raiser_category.value,
                 new.anonymity.value, new.service_type.value, new.service_area.strip(),
                 new.summary.strip(), _iso(new.consent_on),
                 new.consent_method.value if new.consent_method else None, decision.value,
                 int(new.imported), int(new.demo), stamp, stamp))
            concern_id = int(cursor.lastrowid or 0)
            self._write_themes(concern_id, new.themes)
            if new.starting_stage is not None:
                self._insert_stage(concern_id, new.starting_stage, StageEntry.RECEIVED,
                                   new.received_on, new.handler)
            self._check_and_seal(concern_id, "concern.created", {"reference": reference})
        return concern_id

    def _next_reference(self, received: date) -> str:
        prefix = self.book.setting("reference_prefix", "WB") or "WB"
        stem = f"{prefix}-{received.year}-"
        # Numeric maximum: as text, WB-2025-10000 would sort below WB-2025-9999.
        row = self.conn.execute(
            "SELECT max(CAST(substr(reference, ?) AS INTEGER)) FROM concerns"
            " WHERE reference LIKE ? AND substr(reference, ?) GLOB '[0-9]*'",
            (len(stem) + 1, stem + "%", len(stem) + 1)).fetchone()
        number = int(row[0]) + 1 if row and row[0] is not None else 1
        return f"{stem}{number:04d}"

    def _write_themes(self, concern_id: int, themes: tuple[str, ...]) -> None:
        self.conn.execute("DELETE FROM concern_themes WHERE concern_id = ?", (concern_id,))
        for text in themes:
            if not text.strip():
                continue
            code = theme_code(text)
            local = "" if code else text.strip()
            self.conn.execute(
                "INSERT OR IGNORE INTO concern_themes (concern_id, code, local_label)"
                " VALUES (?, ?, ?)", (concern_id, code or "other", local))

    # ----- the initial discussion -------------------------------------------

    _INTAKE_FIELDS = frozenset({
        "received_on", "aware_on", "late_reason", "channel", "raised_with", "raiser_category",
        "service_type", "service_area", "summary", "consent_on", "consent_method",
    })

    def update_intake(self, concern_id: int, **changes: object) -> None:
        """Change intake details; names the fields in the audit log, never their values."""
        unknown = set(changes) - self._INTAKE_FIELDS
        if unknown:
            raise ValueError(f"not intake fields: {sorted(unknown)}")
        values = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in changes.items()}
        _limit(**{k: (_INTAKE_LABELS.get(k, k), v) for k, v in values.items()
                  if isinstance(v, str)})
        with database.write(self.conn):
            self._require(concern_id)
            for name, value in values.items():
                self.conn.execute(f"UPDATE concerns SET {name} = ? WHERE id = ?",
                                  (value, concern_id))
            if "received_on" in values:  # a stage entered on receipt moves with it
                self.conn.execute(
                    "UPDATE stages SET entered_on = ? WHERE concern_id = ? AND entry = 'received'",
                    (values["received_on"], concern_id))
            self._touch(concern_id)
            self._check_and_seal(concern_id, "concern.updated", {"fields": sorted(values)})

    def set_themes(self, concern_id: int, themes: tuple[str, ...]) -> None:
        _limit(themes=("Local theme", max(themes, key=len, default="")))
        with database.write(self.conn):
            self._require(concern_id)
            self._write_themes(concern_id, themes)
            self._touch(concern_id)
            self._check_and_seal(concern_id, "concern.themes_changed", {})

    def record_consent(self, concern_id: int, on: date, method: ConsentMethod) -> None:
        """The person agreed to use the procedure (nobody becomes a whistleblower otherwise)."""
        self.update_intake(concern_id, consent_on=on, consent_method=method.value)

    def decide(self, concern_id: int, decision: ProcedureDecision, on: date,
               reasons: str = "", *, stage: Stage | None = None, handler: str | None = None
               ) -> None:
        """Record the initial discussion's decision; using the procedure starts a stage."""
        _limit(reasons=("Reasons for the decision", reasons), handler=("Handler", handler))
        with database.write(self.conn):
            facts = self._facts(concern_id)
            self.conn.execute(
                "UPDATE concerns SET decision = ?, decision_on = ?, decision_reasons = ?"
                " WHERE id = ?", (decision.value, on.isoformat(), reasons.strip() or None,
                                  concern_id))
            if decision is ProcedureDecision.USE_PROCEDURE:
                if stage is None:
                    raise RuleError([RuleViolation("stage", "Choose stage 1 or stage 2.")])
                if facts.stage1 is None and facts.stage2 is None:
                    self._insert_stage(concern_id, stage, StageEntry.RECEIVED, facts.received_on,
                                       handler)
            elif decision is ProcedureDecision.NOT_TAKEN_FORWARD:
                self.conn.execute(
                    "UPDATE concerns SET closure = 'not_taken_forward', closure_on = ?,"
                    " closure_reason = ? WHERE id = ?",
                    (on.isoformat(), reasons.strip() or None, concern_id))
            self._touch(concern_id)
            self._check_and_seal(concern_id, "concern.decided", {"decision": decision.value})

    # ----- stages ------------------------------------------------------------

    def _insert_stage(self, concern_id: int, stage: Stage, entry: StageEntry, on: date,
                      handler: str | None) -> None:
        self.conn.execute(
            "INSERT INTO stages (concern_id, stage, entry, entered_on, handler, respond_due)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (concern_id, stage.value, entry.value, on.isoformat(), handler, on.isoformat()))

    def escalate(self, concern_id: int, on: date, handler: str | None = None) -> None:
        """Move a stage 1 concern to stage 2 investigation on `on`."""
        _limit(handler=("Handler", handler))
        with database.write(self.conn):
            facts = self._facts(concern_id)
            if facts.stage1 is None:
                raise RuleError([RuleViolation(
                    "escalation", "Only a concern at stage 1 can be escalated to stage 2.")])
            if facts.stage2 is not None:
                raise RuleError([RuleViolation("escalation",
                                               "This concern is already at stage 2.")])
            self._insert_stage(concern_id, Stage.STAGE2, StageEntry.ESCALATED, on, handler)
            # A stage 1 response closed the concern; escalation reopens it at stage 2.
            self.conn.execute("UPDATE concerns SET closure = 'open', closure_on = NULL"
                              " WHERE id = ? AND closure = 'closed'", (concern_id,))
            self._touch(concern_id)
            self._check_and_seal(concern_id, "stage.escalated", {"stage": "stage2"})

    def set_handler(self, concern_id: int, stage: Stage, handler: str) -> None:
        _limit(handler=("Handler", handler))
        with database.write(self.conn):
            self._require_stage(concern_id, stage)
            self.conn.execute("UPDATE stages SET handler = ? WHERE concern_id = ? AND stage = ?",
                              (handler.strip(), concern_id, stage.value))
            self._check_and_seal(concern_id, "stage.handler_changed", {"stage": stage.value})

    def acknowledge(self, concern_id: int, on: date) -> None:
        """The written acknowledgement of a stage 2 concern."""
        with database.write(self.conn):
            self._require_stage(concern_id, Stage.STAGE2)
            self.conn.execute(
                "UPDATE stages SET acknowledged_on = ? WHERE concern_id = ? AND stage = 'stage2'",
                (on.isoformat(), concern_id))
            self._touch(concern_id)
            self._check_and_seal(concern_id, "stage.acknowledged", {"stage": "stage2"})

    def respond(self, concern_id: int, stage: Stage, on: date, outcome: Outcome,
                summary: str = "", issue_outcomes: tuple[IssueOutcome, ...] = ()) -> None:
        """The full response at a stage, with the overall outcome and each issue's."""
        column = "stage1_outcome" if stage is Stage.STAGE1 else "stage2_outcome"
        _limit(summary=("Summary of the response", summary))
        with database.write(self.conn):
            self._require_stage(concern_id, stage)
            self.conn.execute(
                "UPDATE stages SET responded_on = ?, outcome = ?, response_summary = ?"
                " WHERE concern_id = ? AND stage = ?",
                (on.isoformat(), outcome.value, summary.strip(), concern_id, stage.value))
            for item in issue_outcomes:
                updated = self.conn.execute(
                    f"UPDATE concern_issues SET {column} = ? WHERE id = ? AND concern_id = ?",
                    (item.outcome.value, item.issue_id, concern_id)).rowcount
                if not updated:
                    raise NotFound(f"Issue {item.issue_id} is not part of this concern.")
            if stage is Stage.STAGE2 or self._facts(concern_id).stage2 is None:
                self.conn.execute("UPDATE concerns SET closure = 'closed', closure_on = ?"
                                  " WHERE id = ? AND closure = 'open'",
                                  (on.isoformat(), concern_id))
            self._touch(concern_id)
            self._check_and_seal(concern_id, "stage.responded",
                                 {"stage": stage.value, "outcome": outcome.value})

    def extend(self, concern_id: int, stage: Stage, *, authorised_by: str,
               authorised_on: date | None, reason: str, new_due_on: date | None,
               person_told_on: date | None = None, imported: bool = False) -> int:
        """An authorised extension: who, why, and the new date the person is told.

        Imported history may lack the date and the new due date (None); the rules
        refuse that for an extension that is not imported."""
        _limit(authorised_by=("Authorised by", authorised_by),
               reason=("Reason for the extension", reason))
        with database.write(self.conn):
            self._require_stage(concern_id, stage)
            cursor = self.conn.execute(
                "INSERT INTO extensions (concern_id, stage, authorised_by, authorised_on, reason,"
                " new_due_on, person_told_on, imported, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (concern_id, stage.value, authorised_by.strip() or None, _iso(authorised_on),
                 reason.strip() or None, _iso(new_due_on), _iso(person_told_on), int(imported),
                 _now()))
            self._touch(concern_id)
            self._check_and_seal(concern_id, "stage.extended", {"stage": stage.value})
            return int(cursor.lastrowid or 0)

    def close(self, concern_id: int, closure: Closure, on: date, reason: str = "") -> None:
        """Withdrawn or transferred to another procedure (a full response closes by itself)."""
        if closure not in (Closure.WITHDRAWN, Closure.TRANSFERRED):
            raise ValueError("close() records a withdrawal or a transfer")
        _limit(reason=("Reason or procedure", reason))
        with database.write(self.conn):
            self._require(concern_id)
            self.conn.execute(
                "UPDATE concerns SET closure = ?, closure_on = ?, closure_reason = ? WHERE id = ?",
                (closure.value, on.isoformat(), reason.strip() or None, concern_id))
            self._touch(concern_id)
            self._check_and_seal(concern_id, "concern.closed", {"closure": closure.value})

    # ----- issues within a concern -------------------------------------------

    def add_issue(self, concern_id: int, description: str) -> int:
        if not description.strip():
            raise RuleError([RuleViolation("issue", "Describe the issue.")])
        _limit(issue=("Issue", description))
        with database.write(self.conn):
            self._require(concern_id)
            number = self.conn.execute(
                "SELECT coalesce(max(number), 0) + 1 FROM concern_issues WHERE concern_id = ?",
                (concern_id,)).fetchone()[0]
            cursor = self.conn.execute(
                "INSERT INTO concern_issues (concern_id, number, description) VALUES (?, ?, ?)",
                (concern_id, number, description.strip()))
            self._touch(concern_id)
            self._check_and_seal(concern_id, "issue.added", {"issue": cursor.lastrowid})
            return int(cursor.lastrowid or 0)

    def set_issue_findings(self, issue_id: int, findings: str) -> None:
        _limit(findings=("Findings", findings))
        with database.write(self.conn):
            concern_id = self._issue_concern(issue_id)
            self.conn.execute("UPDATE concern_issues SET findings = ? WHERE id = ?",
                              (findings.strip(), issue_id))
            self._check_and_seal(concern_id, "issue.updated", {"issue": issue_id})

    # ----- the rest of the record ---------------------------------------------

    def log_conversation(self, concern_id: int, held_on: date, mode: ConversationMode,
                         notes: str, next_steps: str = "") -> int:
        """The most frequent act: notes of one conversation with the person."""
        _limit(notes=("Notes", notes), next_steps=("Next steps", next_steps))
        return self._add_row(
            concern_id, "conversation.logged", "conversations",
            {"held_on": held_on.isoformat(), "mode": mode.value, "notes": notes.strip(),
             "next_steps": next_steps.strip(), "created_at": _now(), "updated_at": _now()},
            not_before=held_on)

    def update_conversation(self, conversation_id: int, notes: str | None,
                            next_steps: str | None) -> None:
        """New notes and next steps (None keeps what is stored: a form that showed the text
        masked and was not changed there must not write the mask over it)."""
        _limit(notes=("Notes", notes), next_steps=("Next steps", next_steps))
        with database.write(self.conn):
            row = self.conn.execute("SELECT concern_id, notes, next_steps FROM conversations"
                                    " WHERE id = ?", (conversation_id,)).fetchone()
            if row is None:
                raise NotFound("That conversation no longer exists.")
            self.conn.execute(
                "UPDATE conversations SET notes = ?, next_steps = ?, updated_at = ? WHERE id = ?",
                (str(row[1] if notes is None else notes).strip(),
                 str(row[2] if next_steps is None else next_steps).strip(), _now(),
                 conversation_id))
            self._check_and_seal(row[0], "conversation.updated", {"conversation": conversation_id})

    def add_action(self, concern_id: int, description: str, owner: str = "",
                   due_on: date | None = None, learning: str = "", publishable: bool = False
                   ) -> int:
        if not description.strip():
            raise RuleError([RuleViolation("action", "Describe the action.")])
        _limit(action=("Action", description), owner=("Owner", owner),
               learning=("Learning", learning))
        return self._add_row(
            concern_id, "action.added", "actions",
            {"description": description.strip(), "owner": owner.strip(), "due_on": _iso(due_on),
             "learning": learning.strip(), "publishable": int(publishable),
             "created_at": _now(), "updated_at": _now()})

    def update_action(self, action_id: int, *, done_on: date | None = None,
                      adopted: bool = True, not_adopted_reason: str = "",
                      learning: str | None = None, publishable: bool | None = None) -> None:
        """Sign an action off, or record why a recommendation was not adopted."""
        if not adopted and not not_adopted_reason.strip():
            raise RuleError([RuleViolation(
                "not_adopted_reason", "Give the reason the recommendation was not adopted.")])
        _limit(not_adopted_reason=("Why not adopted", not_adopted_reason),
               learning=("Learning", learning))
        with database.write(self.conn):
            row = self.conn.execute("SELECT concern_id, learning, publishable FROM actions"
                                    " WHERE id = ?", (action_id,)).fetchone()
            if row is None:
                raise NotFound("That action no longer exists.")
            concern_id = row[0]
            self._not_before_received(concern_id, done_on, "The date the action was done")
            self.conn.execute(
                "UPDATE actions SET done_on = ?, adopted = ?, not_adopted_reason = ?,"
                " learning = ?, publishable = ?, updated_at = ? WHERE id = ?",
                (_iso(done_on), int(adopted), not_adopted_reason.strip() or None,
                 row[1] if learning is None else learning.strip(),
                 row[2] if publishable is None else int(publishable), _now(), action_id))
            self._check_and_seal(concern_id, "action.updated", {"action": action_id})

    def signpost(self, concern_id: int, body: SignpostBody, on: date, other_body: str = "",
                 notes: str = "") -> int:
        """The person was told where to go next (INWO, Care Inspectorate, ...)."""
        if body is SignpostBody.OTHER and not other_body.strip():
            raise RuleError([RuleViolation("other_body", "Name the body the person was sent to.")])
        _limit(other_body=("Name of the body", other_body), notes=("Signposting notes", notes))
        return self._add_row(
            concern_id, "concern.signposted", "signposting",
            {"body": body.value, "other_body": other_body.strip() or None,
             "signposted_on": on.isoformat(), "notes": notes.strip()}, not_before=on)

    def record_detriment(self, concern_id: int, on: date, description: str,
                         action_taken: str = "") -> int:
        _limit(description=("What C reported", description),
               action_taken=("Action taken", action_taken))
        return self._add_row(
            concern_id, "detriment.recorded", "detriment_reports",
            {"reported_on": on.isoformat(), "description": description.strip(),
             "action_taken": action_taken.strip()}, not_before=on)

    def record_feedback(self, concern_id: int, on: date, speak_up_again: SpeakUpAgain | None,
                        comments: str = "") -> int:
        _limit(comments=("Comments", comments))
        return self._add_row(
            concern_id, "feedback.recorded", "feedback",
            {"received_on": on.isoformat(),
             "speak_up_again": speak_up_again.value if speak_up_again else None,
             "comments": comments.strip()}, not_before=on)

    def record_disclosure(self, concern_id: int, *, disclosed_to: str, role: str, on: date,
                          reason: str, consent: DisclosureConsent,
                          consent_on: date | None = None) -> int:
        """The identity was shared with someone: to whom, when, why, on what footing."""
        problems = []
        if not disclosed_to.strip():
            problems.append(RuleViolation("disclosed_to", "Say who was told the identity."))
        if not reason.strip():
            problems.append(RuleViolation("reason", "Give the reason the identity was shared."))
        if problems:
            raise RuleError(problems)
        _limit(disclosed_to=("Told to", disclosed_to), role=("Their role", role),
               reason=("Why told", reason))
        return self._add_row(
            concern_id, "identity.disclosed", "disclosures",
            {"disclosed_to": disclosed_to.strip(), "role": role.strip(),
             "disclosed_on": on.isoformat(), "reason": reason.strip(),
             "consent": consent.value, "consent_on": _iso(consent_on)}, not_before=on)

    # ----- drafts --------------------------------------------------------------

    def save_draft(self, kind: str, concern_id: int | None, body: str,
                   draft_id: int | None = None) -> int:
        """Text being typed, kept encrypted in the casebook (never in a plain file)."""
        with database.write(self.conn):
            if draft_id is not None:
                self.conn.execute("UPDATE drafts SET body = ?, updated_at = ? WHERE id = ?",
                                  (body, _now(), draft_id))
                return draft_id
            cursor = self.conn.execute(
                "INSERT INTO drafts (kind, concern_id, body, updated_at) VALUES (?, ?, ?, ?)",
                (kind, concern_id, body, _now()))
            return int(cursor.lastrowid or 0)

    def discard_draft(self, draft_id: int) -> None:
        with database.write(self.conn):
            self.conn.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))

    # ----- reading ---------------------------------------------------------------

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

    # ----- internals ---------------------------------------------------------------

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
