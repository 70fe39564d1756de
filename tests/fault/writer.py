"""A busy casebook user, to be killed at random: `python tests/fault/writer.py FOLDER [SEED]`.

Opens the casebook (passphrase from CASEBOOK_PASSPHRASE), prints `READY`, then writes
through the same services the GUI uses, as fast as it can: new concerns (named ones put a
person in identities.db), long conversation notes, edits of notes, escalations, drafts and
backups. After each call returns (the change is committed) it prints one acknowledgement
line and flushes, so whatever the test reads was acknowledged before the kill:

    ACK concern ID SHA256(summary)
    ACK person CONCERN_ID SHA256(name)
    ACK conversation ID SHA256(notes)       (a later line for the same id supersedes)
    ACK escalate CONCERN_ID
    ACK draft ID SHA256(body)
    ACK backup NAME

Before rewriting a row it prints `INTENT conversation|draft ID SHA256(text)`: killed during
the call, the row may hold either text.

It stops by itself after a minute so a crashed test never leaves it running.
"""

from __future__ import annotations

import hashlib
import os
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.core.identity import PersonDetails  # noqa: E402
from app.core.records import (  # noqa: E402
    Anonymity,
    Channel,
    ConsentMethod,
    ConversationMode,
    RaisedWith,
    RaiserCategory,
    ServiceType,
    Stage,
)
from app.store.backup import backup_files  # noqa: E402
from app.store.casebook import Casebook  # noqa: E402
from app.store.concerns import ConcernService, NewConcern  # noqa: E402

TODAY = date(2026, 11, 22)
RECEIVED = TODAY - timedelta(days=60)
LIFETIME_S = 60.0
MAX_CONVERSATIONS = 150  # beyond this, notes are rewritten rather than added (bounded size)
WORDS = ("rota", "ward", "staffing", "handover", "night shift", "medication", "escalated",
         "manager", "incident", "Datix", "café", "naïve", "señor", "über", "–", "—", "…",
         "patient", "safety", "concern", "meeting", "follow-up", "\N{SNOWMAN}", "\U0001F4DD")


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def say(*parts: object) -> None:
    sys.stdout.write(" ".join(str(p) for p in parts) + "\n")
    sys.stdout.flush()


def ack(*parts: object) -> None:
    say("ACK", *parts)


def notes_text(rng: random.Random) -> str:
    """Long notes (1-20 k characters), so one change spans several pages of the file."""
    size = rng.randint(1_000, 20_000)
    words: list[str] = []
    length = 0
    while length < size:
        word = rng.choice(WORDS)
        words.append(word)
        length += len(word) + 1
    return " ".join(words)


class Writer:
    def __init__(self, book: Casebook, rng: random.Random) -> None:
        self.book = book
        self.rng = rng
        self.service = ConcernService(book, today=lambda: TODAY)
        conn = book.cases
        self.at_stage1 = [row[0] for row in conn.execute(
            "SELECT concern_id FROM stages GROUP BY concern_id"
            " HAVING sum(stage = 'stage2') = 0")]
        self.concerns = [row[0] for row in conn.execute("SELECT id FROM concerns")]
        self.conversations = [row[0] for row in conn.execute("SELECT id FROM conversations")]
        row = conn.execute("SELECT max(id) FROM drafts").fetchone()
        self.draft: int | None = row[0] if row else None
        self.serial = len(self.concerns)

    def step(self, number: int) -> None:
        roll = self.rng.random()
        if number == 20:  # every run that gets this far makes a backup, however slow the disk
            self.backup()
        elif not self.concerns or roll < 0.12:
            self.create()
        elif roll < 0.55:
            if len(self.conversations) < MAX_CONVERSATIONS:
                self.converse()
            else:
                self.edit_conversation()
        elif roll < 0.75 and self.conversations:
            self.edit_conversation()
        elif roll < 0.85 and self.at_stage1:
            self.escalate()
        elif roll < 0.99:
            self.save_draft()
        else:
            self.backup()

    def create(self) -> None:
        self.serial += 1
        named = self.serial % 3 == 0
        summary = f"Concern {self.serial}: " + notes_text(self.rng)[:2_000]
        person = PersonDetails(name=f"Person {self.serial} {self.rng.random()}",
                               email=f"p{self.serial}@example.org", job_title="Staff nurse",
                               phone="0131 496 0000") if named else None
        concern_id = self.service.create(NewConcern(
            received_on=RECEIVED, channel=Channel.IN_PERSON,
            raised_with=RaisedWith.CONFIDENTIAL_CONTACT,
            raiser_category=RaiserCategory.EMPLOYEE,
            anonymity=Anonymity.NAMED if named else Anonymity.UNNAMED,
            service_type=ServiceType.NHS, service_area="Ward 7", summary=summary,
            themes=("patient_safety",), starting_stage=Stage.STAGE1, handler="Handler",
            consent_on=RECEIVED if named else None,
            consent_method=ConsentMethod.CONVERSATION if named else None, person=person))
        ack("concern", concern_id, sha(summary.strip()))
        if person is not None:
            ack("person", concern_id, sha(person.name))
        self.concerns.append(concern_id)
        self.at_stage1.append(concern_id)

    def converse(self) -> None:
        notes = notes_text(self.rng)
        held = RECEIVED + timedelta(days=self.rng.randint(0, 60))
        conversation_id = self.service.log_conversation(
            self.rng.choice(self.concerns), held, ConversationMode.PHONE, notes,
            "Next: " + notes[:200])
        ack("conversation", conversation_id, sha(notes.strip()))
        self.conversations.append(conversation_id)

    def edit_conversation(self) -> None:
        conversation_id = self.rng.choice(self.conversations)
        notes = notes_text(self.rng)
        say("INTENT conversation", conversation_id, sha(notes.strip()))
        self.service.update_conversation(conversation_id, notes, "Edited")
        ack("conversation", conversation_id, sha(notes.strip()))

    def escalate(self) -> None:
        concern_id = self.at_stage1.pop(self.rng.randrange(len(self.at_stage1)))
        self.service.escalate(concern_id, TODAY - timedelta(days=self.rng.randint(0, 5)))
        ack("escalate", concern_id)

    def save_draft(self) -> None:
        body = notes_text(self.rng)
        if self.draft is not None:
            say("INTENT draft", self.draft, sha(body))
        self.draft = self.service.save_draft("conversation", None, body, self.draft)
        ack("draft", self.draft, sha(body))

    def backup(self) -> None:
        result = backup_files(self.book.folder, self.book.master_key, reason="fault")
        ack("backup", result.path.name)


def main() -> int:
    folder = Path(sys.argv[1])
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    book = Casebook.open(folder, os.environ["CASEBOOK_PASSPHRASE"])
    writer = Writer(book, random.Random(seed))
    print("READY", flush=True)
    deadline = time.monotonic() + LIFETIME_S
    number = 0
    while time.monotonic() < deadline:
        number += 1
        writer.step(number)
    book.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
