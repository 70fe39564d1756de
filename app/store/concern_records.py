"""The rest of a concern's record: conversations, actions and learning, signposting,
detriment, feedback and disclosures of the identity."""

from __future__ import annotations

from datetime import date

from app.core.records import (
    ConversationMode,
    DisclosureConsent,
    SignpostBody,
    SpeakUpAgain,
)
from app.core.rules import RuleError, RuleViolation
from app.store import database
from app.store.concern_core import (
    ConcernCore,
    _iso,
    _limit,
    _now,
)
from app.store.errors import NotFound


class Records(ConcernCore):
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

