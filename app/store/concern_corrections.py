"""Correcting, changing and removing any record of a concern, each with its reason.

Every kind of record the workspace shows can be corrected (`correct`) or removed
(`remove`): extensions, signposting, detriment, feedback, disclosures, conversations,
actions, issues, the people involved and updates after closure; a stage's dates, outcome
and summary (`correct_stage`), an escalation (`remove_escalation`), a decision or closure
(`reopen`, `correct_closure`), and the concern's class (`change_class`: a correction or a
change, app/core/corrections.py). Each is one transaction like every other change: the
rules of the Standards are checked on the result, due dates refreshed, the edit kept in
`record_edits` (which record, which fields, the kind, the reason and the date: the timeline
shows them) and one audit entry written (record, fields and kind; never the text).
Figures are always worked out from the records as they stand, so they follow a correction.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.core.corrections import EditKind, class_change_problems, class_changed
from app.core.identity import PersonDetails
from app.core.records import (
    Anonymity,
    ConsentMethod,
    ConversationMode,
    DisclosureConsent,
    Outcome,
    SignpostBody,
    SpeakUpAgain,
    Stage,
)
from app.core.rules import RuleError, RuleViolation
from app.store import database
from app.store.concern_core import ConcernCore, _limit, _now
from app.store.destruction import note_removal
from app.store.errors import NotFound
from app.store.identities import IdentityService


def _long(day: object) -> str:
    if not day:
        return ""
    d = date.fromisoformat(str(day))
    return f"{d.day} {d:%B %Y}"


# What a column holds: "date", "date?" (may be empty), "text", "text!" (may not be empty),
# "bool", or an enum of codes ("enum?" may be empty).
@dataclass(frozen=True)
class _Column:
    label: str
    kind: str
    codes: tuple[str, ...] = ()
    event: bool = True  # a date something happened: not before receipt, not in the future


def _enum(label: str, kind: type[Any], optional: bool = False) -> _Column:
    return _Column(label, "enum?" if optional else "enum", tuple(m.value for m in kind))


@dataclass(frozen=True)
class _Record:
    table: str
    name: str  # in words: "an extension"
    columns: dict[str, _Column]
    label: Callable[[dict[str, Any]], str]  # which record, in words, from its row


_RECORDS: dict[str, _Record] = {
    "extension": _Record("extensions", "an extension", {
        "authorised_by": _Column("Authorised by", "text!"),
        "authorised_on": _Column("Date authorised", "date"),
        "reason": _Column("Reason for the extension", "text!"),
        "new_due_on": _Column("New due date", "date", event=False),
        "person_told_on": _Column("Date C was told", "date?"),
    }, lambda r: f"The stage {str(r['stage'])[-1]} extension authorised on "
                 f"{_long(r['authorised_on']) or 'a date not recorded'}"),
    "signposting": _Record("signposting", "signposting", {
        "body": _enum("Signposted to", SignpostBody),
        "other_body": _Column("Name of the body", "text"),
        "signposted_on": _Column("Date signposted", "date"),
        "notes": _Column("Signposting notes", "text"),
    }, lambda r: f"Signposting of {_long(r['signposted_on'])}"),
    "detriment": _Record("detriment_reports", "a detriment report", {
        "reported_on": _Column("Date reported", "date"),
        "description": _Column("What C reported", "text"),
        "action_taken": _Column("Action taken", "text"),
    }, lambda r: f"Detriment reported on {_long(r['reported_on'])}"),
    "feedback": _Record("feedback", "feedback", {
        "received_on": _Column("Date received", "date"),
        "speak_up_again": _enum("Would speak up again", SpeakUpAgain, optional=True),
        "comments": _Column("Comments", "text"),
    }, lambda r: f"Feedback of {_long(r['received_on'])}"),
    "disclosure": _Record("disclosures", "a disclosure", {
        "disclosed_to": _Column("Told to", "text!"),
        "role": _Column("Their role", "text"),
        "disclosed_on": _Column("Date told", "date"),
        "reason": _Column("Why told", "text!"),
        "consent": _enum("On what footing", DisclosureConsent),
        "consent_on": _Column("Date of consent", "date?"),
    }, lambda r: f"The disclosure of {_long(r['disclosed_on'])}"),
    "conversation": _Record("conversations", "a conversation", {
        "held_on": _Column("Date held", "date"),
        "mode": _enum("How", ConversationMode),
        "notes": _Column("Notes", "text"),
        "next_steps": _Column("Next steps", "text"),
    }, lambda r: f"The conversation of {_long(r['held_on'])}"),
    "action": _Record("actions", "an action", {
        "description": _Column("Action", "text!"),
        "owner": _Column("Owner", "text"),
        "due_on": _Column("Due date", "date?", event=False),
        "done_on": _Column("Date done", "date?"),
        "adopted": _Column("Adopted", "bool"),
        "not_adopted_reason": _Column("Why not adopted", "text"),
        "learning": _Column("Learning", "text"),
        "publishable": _Column("Learning publishable", "bool"),
    }, lambda r: "An action"),
    "issue": _Record("concern_issues", "an issue", {
        "description": _Column("Issue", "text!"),
        "findings": _Column("Findings", "text"),
        "service_type": _Column("Service", "enum?", ("nhs", "local_authority")),
        "stage1_outcome": _enum("Stage 1 outcome", Outcome, optional=True),
        "stage2_outcome": _enum("Stage 2 outcome", Outcome, optional=True),
    }, lambda r: f"Issue {r['number']}"),
    "involved": _Record("involved_people", "a person involved", {
        "name": _Column("Name", "text!"),
        "role": _Column("Role", "text"),
        "how": _Column("How they were involved", "text"),
    }, lambda r: "A person recorded as involved"),
    "update": _Record("after_closure_updates", "an update after closure", {
        "given_on": _Column("Date given", "date"),
        "told": _Column("What C was told", "text!"),
    }, lambda r: f"The update of {_long(r['given_on'])}"),
}
RECORD_KINDS = tuple(_RECORDS)


@dataclass(frozen=True)
class ColumnSpec:
    """What a form needs to correct one column: its name, label, kind and codes."""

    name: str
    label: str
    kind: str  # date, date?, text, text!, bool, enum, enum?
    codes: tuple[str, ...] = ()


def record_columns(record: str) -> list[ColumnSpec]:
    """The columns of a kind of record that can be corrected, in the order a form shows."""
    return [ColumnSpec(name, column.label, column.kind, column.codes)
            for name, column in _RECORDS[record].columns.items()]


def record_name(record: str) -> str:
    """A kind of record in words ("an extension")."""
    return _RECORDS[record].name


_STAGE_COLUMNS: dict[str, _Column] = {
    "entered_on": _Column("Date escalated", "date"),
    "acknowledged_on": _Column("Date acknowledged", "date?"),
    "responded_on": _Column("Date of the full response", "date?"),
    "outcome": _enum("Outcome", Outcome, optional=True),
    "response_summary": _Column("Summary of the response", "text"),
}
STAGE_COLUMNS = [ColumnSpec(name, column.label, column.kind, column.codes)
                 for name, column in _STAGE_COLUMNS.items()]


class Corrections(ConcernCore):
    # ----- any record -------------------------------------------------------------------------

    def correct(self, record: str, row_id: int, changes: Mapping[str, object],
                reason: str) -> None:
        """Correct a record (it was wrong when made): `changes` maps its columns to their
        right values (RECORD_COLUMNS). The figures follow."""
        spec = self._spec(record)
        values = self._values(spec.columns, dict(changes))
        with database.write(self.conn):
            row = self._row(spec, row_id)
            concern_id = int(row["concern_id"])
            self._check_dates(concern_id, spec.columns, values)
            merged = {**row, **values}
            self._record_rules(record, merged)
            sets = ", ".join(f"{name} = ?" for name in values)
            if "updated_at" in row:
                sets += ", updated_at = ?"
            self.conn.execute(
                f"UPDATE {spec.table} SET {sets} WHERE id = ?",
                (*values.values(), *([_now()] if "updated_at" in row else []), row_id))
            self._record_edit(concern_id, spec.table, spec.label(row), "correction",
                              sorted(values), reason)
            self._touch(concern_id)
            self._check_and_seal(concern_id, "record.corrected",
                                 {"record": spec.table, "id": row_id, "fields": sorted(values)})

    def remove(self, record: str, row_id: int, reason: str) -> None:
        """Remove a record that should not have been made (the figures follow)."""
        spec = self._spec(record)
        with database.write(self.conn):
            row = self._row(spec, row_id)
            concern_id = int(row["concern_id"])
            self.conn.execute(f"DELETE FROM {spec.table} WHERE id = ?", (row_id,))
            self._record_edit(concern_id, spec.table, spec.label(row), "removal", [], reason)
            self._touch(concern_id)
            self._check_and_seal(concern_id, "record.removed",
                                 {"record": spec.table, "id": row_id})

    def _spec(self, record: str) -> _Record:
        spec = _RECORDS.get(record)
        if spec is None:
            raise ValueError(f"not a kind of record: {record}")
        return spec

    def _row(self, spec: _Record, row_id: int) -> dict[str, Any]:
        names = [str(c[1]) for c in self.conn.execute(f"PRAGMA table_info({spec.table})")]
        row = self.conn.execute(f"SELECT {', '.join(names)} FROM {spec.table} WHERE id = ?",
                                (row_id,)).fetchone()
        if row is None:
            raise NotFound(f"That record ({spec.name}) no longer exists.")
        return dict(zip(names, row, strict=True))

    def _values(self, columns: dict[str, _Column], changes: dict[str, object]
                ) -> dict[str, object]:
        unknown = set(changes) - set(columns)
        if unknown:
            raise ValueError(f"not columns that can be corrected: {sorted(unknown)}")
        if not changes:
            raise RuleError([RuleViolation("", "Nothing was changed.")])
        values: dict[str, object] = {}
        problems: list[RuleViolation] = []
        for name, value in changes.items():
            column = columns[name]
            try:
                values[name] = _stored(column, value)
            except ValueError as exc:
                problems.append(RuleViolation(name, f"{column.label}: {exc}"))
        if problems:
            raise RuleError(problems)
        _limit(**{k: (columns[k].label, v) for k, v in values.items() if isinstance(v, str)
                  and columns[k].kind.startswith("text")})
        return values

    def _check_dates(self, concern_id: int, columns: dict[str, _Column],
                     values: dict[str, object]) -> None:
        for name, value in values.items():
            column = columns[name]
            if column.kind.startswith("date") and column.event and value is not None:
                self._not_before_received(concern_id, date.fromisoformat(str(value)),
                                          column.label)

    def _record_rules(self, record: str, row: dict[str, Any]) -> None:
        """What a form asks of a new record, asked of a corrected one (the timeline rules
        are checked by _check_and_seal)."""
        problems: list[RuleViolation] = []
        if record == "signposting" and row["body"] == SignpostBody.OTHER.value and not str(
                row.get("other_body") or "").strip():
            problems.append(RuleViolation("other_body", "Name the body C was sent to."))
        if record == "action" and not row["adopted"] and not str(
                row.get("not_adopted_reason") or "").strip():
            problems.append(RuleViolation("not_adopted_reason", "Give the reason the "
                                          "recommendation was not adopted."))
        if record == "extension" and row["person_told_on"] and row["authorised_on"] and str(
                row["person_told_on"]) < str(row["authorised_on"]):
            problems.append(RuleViolation("person_told_on", "C cannot be told of the new date "
                                          "before the extension was authorised."))
        if problems:
            raise RuleError(problems)

    # ----- a stage --------------------------------------------------------------------------------

    def correct_stage(self, concern_id: int, stage: Stage, changes: Mapping[str, object],
                      reason: str) -> None:
        """Correct a stage's escalation date (stage 2 only), acknowledgement, full response
        date, outcome or summary; None removes an acknowledgement or a response (the concern
        is open again at that stage)."""
        values = self._values(_STAGE_COLUMNS, dict(changes))
        with database.write(self.conn):
            self._require_stage(concern_id, stage)
            entry = self.conn.execute("SELECT entry FROM stages WHERE concern_id = ? AND stage = ?",
                                      (concern_id, stage.value)).fetchone()[0]
            if "entered_on" in values and entry != "escalated":
                raise RuleError([RuleViolation("entered_on", "A stage entered on receipt moves "
                                               "with the received date: correct that instead.")])
            self._check_dates(concern_id, _STAGE_COLUMNS, values)
            sets = ", ".join(f"{name} = ?" for name in values)
            self.conn.execute(f"UPDATE stages SET {sets} WHERE concern_id = ? AND stage = ?",
                              (*values.values(), concern_id, stage.value))
            if "responded_on" in values and values["responded_on"] is None:
                self.conn.execute("UPDATE stages SET outcome = NULL WHERE concern_id = ?"
                                  " AND stage = ?", (concern_id, stage.value))
            self._closure_follows(concern_id)
            self._record_edit(concern_id, "stages", f"Stage {stage.number}", "correction",
                              sorted(values), reason)
            self._touch(concern_id)
            self._check_and_seal(concern_id, "record.corrected",
                                 {"record": "stages", "stage": stage.value,
                                  "fields": sorted(values)})

    def remove_escalation(self, concern_id: int, reason: str) -> None:
        """The concern was never escalated: stage 2 and everything recorded at it go."""
        with database.write(self.conn):
            self._require_stage(concern_id, Stage.STAGE2)
            entry = self.conn.execute("SELECT entry FROM stages WHERE concern_id = ?"
                                      " AND stage = 'stage2'", (concern_id,)).fetchone()[0]
            if entry != "escalated":
                raise RuleError([RuleViolation("stage", "This concern started at stage 2; it "
                                               "was not escalated.")])
            self.conn.execute("DELETE FROM extensions WHERE concern_id = ? AND stage = 'stage2'",
                              (concern_id,))
            self.conn.execute("DELETE FROM stages WHERE concern_id = ? AND stage = 'stage2'",
                              (concern_id,))
            self.conn.execute("UPDATE concern_issues SET stage2_outcome = NULL"
                              " WHERE concern_id = ?", (concern_id,))
            self._closure_follows(concern_id)
            self._record_edit(concern_id, "stages", "The escalation to stage 2", "removal", [],
                              reason)
            self._touch(concern_id)
            self._check_and_seal(concern_id, "record.removed", {"record": "stages",
                                                                "stage": "stage2"})

    def _closure_follows(self, concern_id: int) -> None:
        """A concern closed by its last stage's full response follows that response."""
        facts = self._facts(concern_id)
        last = facts.stage2 if facts.stage2 is not None else facts.stage1
        closed = last is not None and last.closed_in_full
        if facts.closure.value == "closed" and not closed:
            self.conn.execute("UPDATE concerns SET closure = 'open', closure_on = NULL"
                              " WHERE id = ?", (concern_id,))
        elif closed and facts.closure.value in ("closed", "open"):
            assert last is not None and last.responded_on is not None
            self.conn.execute("UPDATE concerns SET closure = 'closed', closure_on = ?"
                              " WHERE id = ?", (last.responded_on.isoformat(), concern_id))

    # ----- the decision and the closure ---------------------------------------------------------

    def reopen(self, concern_id: int, reason: str) -> None:
        """Undo a withdrawal, a transfer, or a decision not to take the concern forward or to
        handle it as business as usual: the concern is open again."""
        with database.write(self.conn):
            facts = self._facts(concern_id)
            left = facts.closure.value in ("withdrawn", "transferred", "not_taken_forward")
            decided = facts.decision.value in ("business_as_usual", "not_taken_forward")
            if not left and not decided:
                raise RuleError([RuleViolation("closure", "This concern is not withdrawn, "
                                               "transferred or decided against, so there is "
                                               "nothing to reopen.")])
            if left:
                self.conn.execute("UPDATE concerns SET closure = 'open', closure_on = NULL,"
                                  " closure_reason = NULL, written_response = NULL WHERE id = ?",
                                  (concern_id,))
            if decided:
                self.conn.execute("UPDATE concerns SET decision = 'undecided', decision_on ="
                                  " NULL, decision_reasons = NULL WHERE id = ?", (concern_id,))
            self._closure_follows(concern_id)
            self._record_edit(concern_id, "concerns", "The decision or closure", "removal",
                              ["closure", "decision"], reason)
            self._touch(concern_id)
            self._check_and_seal(concern_id, "record.removed", {"record": "closure"})

    def correct_closure(self, concern_id: int, reason: str, *, on: date | None = None,
                        closure_reason: str | None = None) -> None:
        """Correct the date or the reason of a withdrawal, transfer or not-taken-forward."""
        _limit(closure_reason=("Reason", closure_reason))
        with database.write(self.conn):
            facts = self._facts(concern_id)
            if facts.closure.value not in ("withdrawn", "transferred", "not_taken_forward"):
                raise RuleError([RuleViolation("closure", "This concern was not withdrawn, "
                                               "transferred or not taken forward.")])
            fields = []
            if on is not None:
                self._not_before_received(concern_id, on, "The closure date")
                self.conn.execute("UPDATE concerns SET closure_on = ? WHERE id = ?",
                                  (on.isoformat(), concern_id))
                if facts.closure.value == "not_taken_forward":
                    self.conn.execute("UPDATE concerns SET decision_on = ? WHERE id = ?"
                                      " AND decision = 'not_taken_forward'",
                                      (on.isoformat(), concern_id))
                fields.append("closure_on")
            if closure_reason is not None:
                text = closure_reason.strip() or None
                self.conn.execute("UPDATE concerns SET closure_reason = ? WHERE id = ?",
                                  (text, concern_id))
                if facts.closure.value == "not_taken_forward":
                    self.conn.execute("UPDATE concerns SET decision_reasons = ? WHERE id = ?",
                                      (text, concern_id))
                fields.append("closure_reason")
            if not fields:
                raise RuleError([RuleViolation("", "Nothing was changed.")])
            self._record_edit(concern_id, "concerns", "The closure", "correction", fields,
                              reason)
            self._touch(concern_id)
            self._check_and_seal(concern_id, "record.corrected", {"record": "closure",
                                                                  "fields": fields})

    # ----- named, unnamed, anonymous ------------------------------------------------------------

    def change_class(self, concern_id: int, to: Anonymity, on: date, reason: str,
                     kind: EditKind, *, person: PersonDetails | None = None,
                     consent_method: ConsentMethod | None = None) -> None:
        """A correction (recorded wrongly: the figures follow) or a change (the person came
        forward and agreed, or asked to be unnamed: past figures stay) of the concern's class.

        To named needs the person's details (kept in identities.db); for a change, `on` is the
        date they agreed to use the procedure. From named, the identity is deleted (and the
        letters kept with it), as it must not be held for an unnamed or anonymous concern."""
        facts = self._facts(concern_id)
        problems = class_change_problems(facts, to, on, kind)
        if to is Anonymity.NAMED and (person is None or not person.name.strip()):
            problems.append(RuleViolation("person", "A named concern needs the person's name "
                                          "(kept apart, in identities)."))
        if kind is EditKind.CHANGE and to is Anonymity.NAMED and consent_method is None:
            problems.append(RuleViolation("consent_method", "Say how the person agreed to use "
                                          "the procedure."))
        if to is not Anonymity.NAMED and person is not None:
            problems.append(RuleViolation("person", "An unnamed or anonymous concern must not "
                                          "record who raised it."))
        if problems:
            raise RuleError(problems)
        identities = IdentityService(self.book)
        added = identities.add_person(person) if person is not None else None
        try:
            old_ref = self._write_class(concern_id, to, on, reason, kind, added, consent_method)
        except BaseException:
            if added is not None:
                identities.delete_person(added)
            raise
        if old_ref is not None:
            identities.delete_people([old_ref])  # with its consents and letters kept

    def _write_class(self, concern_id: int, to: Anonymity, on: date, reason: str,
                     kind: EditKind, person_ref: str | None,
                     consent_method: ConsentMethod | None) -> str | None:
        with database.write(self.conn):
            facts = self._facts(concern_id)
            old_ref = self.conn.execute("SELECT person_ref FROM concerns WHERE id = ?",
                                        (concern_id,)).fetchone()[0]
            self._not_before_received(concern_id, on, "The date of the change")
            after = class_changed(facts, to, on, kind)
            self.conn.execute(
                "UPDATE concerns SET anonymity = ?, received_as = ?, named_on = ?,"
                " person_ref = ? WHERE id = ?",
                (to.value, after.received_as.value if after.received_as else None,
                 after.named_on.isoformat() if after.named_on else None, person_ref,
                 concern_id))
            if kind is EditKind.CHANGE and to is Anonymity.NAMED:
                self.conn.execute("UPDATE concerns SET consent_on = ?, consent_method = ?"
                                  " WHERE id = ?", (on.isoformat(), consent_method.value
                                                    if consent_method else None, concern_id))
            elif to is not Anonymity.NAMED and kind is EditKind.CORRECTION:
                self.conn.execute("UPDATE concerns SET consent_on = NULL, consent_method = NULL"
                                  " WHERE id = ?", (concern_id,))
            if old_ref is not None:
                note_removal(self.conn)  # the identity leaves: own backups to be remade
            self._record_edit(concern_id, "concerns",
                              f"Named, unnamed or anonymous: {facts.anonymity.value} to "
                              f"{to.value}", kind.value, ["anonymity"], reason, on)
            self._touch(concern_id)
            self._check_and_seal(concern_id, "concern.class_changed" if kind is EditKind.CHANGE
                                 else "record.corrected",
                                 {"record": "anonymity", "from": facts.anonymity.value,
                                  "to": to.value, "kind": kind.value})
        return str(old_ref) if old_ref is not None else None

    # ----- the person's identity ------------------------------------------------------------------

    def note_identity_edit(self, concern_id: int, label: str, fields: list[str], reason: str,
                           kind: str = "correction") -> None:
        """An identity corrected or a consent removed in identities.db: kept on the concern's
        timeline (which fields, never the values) and audited."""
        with database.write(self.conn):
            self._require(concern_id)
            self._record_edit(concern_id, "identity", label, kind, fields, reason)
            self._touch(concern_id)
            self._audit("identity.corrected" if kind == "correction" else "identity.removed",
                        "concern", concern_id, {"record": label, "fields": fields})


def _stored(column: _Column, value: object) -> object:
    """A corrected value as it is stored, or ValueError with what is wrong."""
    kind = column.kind
    if value is None:
        if kind.endswith("?"):
            return None
        if kind == "text":
            return ""
        raise ValueError("this cannot be empty.")
    if kind.startswith("date"):
        if isinstance(value, date):
            return value.isoformat()
        return date.fromisoformat(str(value)).isoformat()
    if kind.startswith("enum"):
        code = str(getattr(value, "value", value))
        if code not in column.codes:
            raise ValueError(f"{code!r} is not one of {', '.join(column.codes)}.")
        return code
    if kind == "bool":
        return int(bool(value))
    text = str(value).strip()
    if kind == "text!" and not text:
        raise ValueError("this cannot be empty.")
    return text

