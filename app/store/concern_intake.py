"""A new concern, and its initial discussion: details, themes, consent, the decision."""

from __future__ import annotations

from datetime import date

from app.core.raisers import stage_entry_on
from app.core.records import (
    Anonymity,
    ConsentMethod,
    ProcedureDecision,
    Stage,
    StageEntry,
    theme_code,
)
from app.core.rules import RuleError, RuleViolation
from app.store import database
from app.store.concern_core import (
    _INTAKE_LABELS,
    NewConcern,
    _iso,
    _limit,
    _now,
)
from app.store.concern_involved import InvolvedPeople
from app.store.errors import CasebookError
from app.store.identities import IdentityService


class Intake(InvolvedPeople):
    _INTAKE_FIELDS = frozenset({
        "received_on", "aware_on", "late_reason", "channel", "raised_with", "raiser_category",
        "service_type", "service_area", "summary", "consent_on", "consent_method", "contracted",
    })

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
                " consent_on, consent_method, decision, imported, demo, created_at, updated_at,"
                " contracted)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (reference, person_ref, new.received_on.isoformat(), _iso(new.aware_on),
                 new.channel.value, new.raised_with.value, new.raiser_category.value,
                 new.anonymity.value, new.service_type.value, new.service_area.strip(),
                 new.summary.strip(), _iso(new.consent_on),
                 new.consent_method.value if new.consent_method else None, decision.value,
                 int(new.imported), int(new.demo), stamp, stamp, int(new.contracted)))
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

    def update_intake(self, concern_id: int, *, reason: str | None = None,
                      **changes: object) -> None:
        """Change intake details; names the fields in the audit log, never their values. With
        `reason` the change is kept as a correction (shown on the timeline)."""
        unknown = set(changes) - self._INTAKE_FIELDS
        if unknown:
            raise ValueError(f"not intake fields: {sorted(unknown)}")
        values = {k: (v.isoformat() if isinstance(v, date) else int(v) if isinstance(v, bool)
                      else v) for k, v in changes.items()}
        _limit(**{k: (_INTAKE_LABELS.get(k, k), v) for k, v in values.items()
                  if isinstance(v, str)})
        with database.write(self.conn):
            self._require(concern_id)
            old_received = self.conn.execute("SELECT received_on FROM concerns WHERE id = ?",
                                             (concern_id,)).fetchone()[0]
            for name, value in values.items():
                self.conn.execute(f"UPDATE concerns SET {name} = ? WHERE id = ?",
                                  (value, concern_id))
            if "received_on" in values:  # a stage entered on receipt moves with it
                self.conn.execute(
                    "UPDATE stages SET entered_on = ? WHERE concern_id = ? AND entry = 'received'"
                    " AND entered_on = ?", (values["received_on"], concern_id, old_received))
            if reason is not None and values:
                self._record_edit(concern_id, "concerns", "The intake details",
                                  "correction", sorted(values), reason)
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
               reasons: str = "", *, stage: Stage | None = None, handler: str | None = None,
               written_response: bool | None = None, justification: str | None = None
               ) -> None:
        """Record the initial discussion's decision; using the procedure starts a stage (on
        the received date, or for a concern that came within the Standards later, on that
        date). Not taken forward: `written_response` records whether both sides agreed that
        a written response is needed (None: not recorded)."""
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
                    self._insert_stage(concern_id, stage, StageEntry.RECEIVED,
                                       stage_entry_on(facts), handler)
                    self._check_independence(concern_id, justification)
            elif decision is ProcedureDecision.NOT_TAKEN_FORWARD:
                self.conn.execute(
                    "UPDATE concerns SET closure = 'not_taken_forward', closure_on = ?,"
                    " closure_reason = ?, written_response = ? WHERE id = ?",
                    (on.isoformat(), reasons.strip() or None,
                     None if written_response is None else
                     "needed" if written_response else "not_needed", concern_id))
            self._touch(concern_id)
            self._check_and_seal(concern_id, "concern.decided", {"decision": decision.value})

    def set_written_response(self, concern_id: int, needed: bool | None) -> None:
        """Not taken forward: whether both sides agreed a written response is needed."""
        with database.write(self.conn):
            self._require(concern_id)
            self.conn.execute("UPDATE concerns SET written_response = ? WHERE id = ?",
                              (None if needed is None else "needed" if needed else "not_needed",
                               concern_id))
            self._touch(concern_id)
            self._check_and_seal(concern_id, "concern.updated", {"fields": ["written_response"]})
