"""Helpers for the return tests: boards, unit keys, and synthetic signed returns."""

from __future__ import annotations

import io
import random
import tarfile
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.core.calendar import WorkingCalendar
from app.core.identity import PersonDetails
from app.core.periods import Period, parse_period
from app.core.records import (
    Anonymity,
    Channel,
    ConsentMethod,
    RaisedWith,
    RaiserCategory,
    ServiceType,
    Stage,
)
from app.core.return_figures import compute_return_figures
from app.returns.envelope import seal
from app.returns.payload import created_at_text
from app.returns.schema import FORMAT, VERSION, payload_bytes
from app.returns.signing import raw_public_key
from app.store.board import Board
from app.store.concerns import NewConcern
from tests.core.sdc_helpers import random_concern
from tests.support import PASSPHRASE


def new_board(folder: Path) -> Board:
    board, _ = Board.create(folder, PASSPHRASE)
    return board


def named_concern(received: date, name: str, *, email: str = "", phone: str = "",
                  themes: tuple[str, ...] = ("patient_safety",),
                  service: ServiceType = ServiceType.NHS,
                  category: RaiserCategory = RaiserCategory.EMPLOYEE,
                  summary: str = "", area: str = "") -> NewConcern:
    return NewConcern(
        received_on=received, channel=Channel.IN_PERSON,
        raised_with=RaisedWith.CONFIDENTIAL_CONTACT, raiser_category=category,
        anonymity=Anonymity.NAMED, service_type=service, service_area=area, summary=summary,
        themes=themes, starting_stage=Stage.STAGE1, consent_on=received,
        consent_method=ConsentMethod.CONVERSATION,
        person=PersonDetails(name=name, email=email, phone=phone))


def random_figures(period: Period, rng: random.Random) -> dict[str, Any]:
    """Figures as a casebook would send them: up to 60 random concerns (received over the
    period and the two months before it) through the product's own definitions, so that
    every relation between the figures holds, as it does in a real return."""
    first = period.start - timedelta(days=60)
    concerns = [random_concern(rng, i + 1, first, period.end)
                for i in range(rng.randrange(0, 60))]
    return compute_return_figures(concerns, period, WorkingCalendar())


def synthetic_payload(unit: str, label: str, *, created: datetime | None = None,
                      seed: int = 0, learning: list[str] | None = None) -> dict[str, Any]:
    period = parse_period(label)
    rng = random.Random(f"{unit}|{label}|{seed}")
    return {
        "format": FORMAT,
        "version": VERSION,
        "return_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "reporting_unit": unit,
        "period": {"label": period.label, "from": period.start.isoformat(),
                   "to": period.end.isoformat()},
        "created_at": created_at_text(created or datetime(2026, 5, 1, 9, 0, tzinfo=UTC)
                                      + timedelta(seconds=seed)),
        "software_version": "0.1.0",
        "audit_head": {"seq": rng.randrange(1, 10_000), "hash": f"{rng.getrandbits(256):064x}"},
        "figures": random_figures(period, rng),
        "learning": learning or [],
    }


class Unit:
    """A reporting unit's name and signing key, for making returns without a casebook."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.key = Ed25519PrivateKey.generate()

    @property
    def public(self) -> bytes:
        return raw_public_key(self.key)

    def sealed(self, payload: dict[str, Any], recipient: str) -> bytes:
        return seal(payload_bytes(payload), self.key, recipient)


def tar_of(members: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()
