"""Two real casebooks that trust each other, and concerns to hand between them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from app.core.identity import PersonDetails
from app.core.records import (
    Anonymity,
    Channel,
    ConsentMethod,
    RaisedWith,
    RaiserCategory,
    ServiceType,
    Stage,
)
from app.services import handover
from app.store.casebook import Casebook
from app.store.concerns import ConcernService, NewConcern
from app.store.identities import Consent, IdentityService
from tests.support import PASSPHRASE

RECEIVED = date(2025, 5, 2)


def named(name: str = "Jordan Testperson", **changes: object) -> NewConcern:
    base = NewConcern(
        received_on=RECEIVED, channel=Channel.IN_PERSON,
        raised_with=RaisedWith.CONFIDENTIAL_CONTACT, raiser_category=RaiserCategory.EMPLOYEE,
        anonymity=Anonymity.NAMED, service_type=ServiceType.NHS, service_area="Ward 3",
        summary="Controlled drugs not double-checked at night", themes=("patient_safety",),
        starting_stage=Stage.STAGE1, handler="Charge nurse", consent_on=RECEIVED,
        consent_method=ConsentMethod.CONVERSATION,
        person=PersonDetails(name=name, email=f"{name.split()[0].lower()}@example.org",
                             phone="07700 900123", job_title="Staff nurse"))
    if "received_on" in changes and "consent_on" not in changes:
        changes["consent_on"] = changes["received_on"]
    return replace(base, **changes)  # type: ignore[arg-type]


def anonymous(**changes: object) -> NewConcern:
    return replace(named(), anonymity=Anonymity.ANONYMOUS, person=None, consent_on=None,
                   consent_method=None, **changes)  # type: ignore[arg-type]


@dataclass
class Pair:
    """Casebook A (a speak up ambassador, prefix SA) and B (a contact, prefix CC)."""

    a_folder: Path
    b_folder: Path

    @contextmanager
    def a(self) -> Iterator[Casebook]:
        with Casebook.open(self.a_folder, PASSPHRASE) as book:
            yield book

    @contextmanager
    def b(self) -> Iterator[Casebook]:
        with Casebook.open(self.b_folder, PASSPHRASE) as book:
            yield book


def make_book(folder: Path, unit: str, prefix: str) -> None:
    book, _ = Casebook.create(folder, PASSPHRASE, organisation="NHS Test Board", unit=unit)
    with book:
        book.set_setting("reference_prefix", prefix)


def make_pair(tmp_path: Path) -> Pair:
    pair = Pair(tmp_path / "ambassador", tmp_path / "contact")
    make_book(pair.a_folder, "Speak up ambassador", "SA")
    make_book(pair.b_folder, "Confidential contact", "CC")
    with pair.a() as a:
        a_address = handover.address(a).token
    with pair.b() as b:
        b_address = handover.address(b).token
        handover.trust(b, handover.prepare_trust(b, a_address, "Sam Ambassador",
                                                 "speak up ambassador"))
    with pair.a() as a:
        handover.trust(a, handover.prepare_trust(a, b_address, "Alex Contact",
                                                 "confidential contact"))
    return pair


def service(book: Casebook, today: date) -> ConcernService:
    return ConcernService(book, today=lambda: today)


def consent(book: Casebook, concern_id: int, *, successor: bool = False,
            share_with: str = "", on: date = RECEIVED) -> None:
    IdentityService(book).add_consent(concern_id, Consent(
        share_with, on, "in conversation", kind="successor" if successor else "named"))


def hand_over(sender: Casebook, receiver: Casebook, references: list[str], to: str,
              out: Path, *, on: date, identity: str = "consented",
              reason: str = "Going on long leave") -> handover.ImportResult:
    plan = handover.plan_export(sender, references, to, identity)
    handover.export(sender, plan, out, reason, on=on)
    read = handover.read_package(receiver, out, today=on)
    return handover.import_package(receiver, read)
