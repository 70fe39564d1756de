"""Helpers for the return tests: boards, unit keys, and synthetic signed returns."""

from __future__ import annotations

import base64
import functools
import hashlib
import io
import random
import tarfile
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

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
from app.core.return_figures import empty_return_figures
from app.core.stamps import created_at_text
from app.returns.envelope import seal
from app.returns.schema import FORMAT, VERSION, payload_bytes
from app.returns.signing import raw_public_key
from app.store.audit import GENESIS, follow
from app.store.board import Board
from app.store.concerns import NewConcern
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


def _one_concern(rng: random.Random) -> list[tuple[tuple[str, ...], int]]:
    """What one random concern adds to a block, as the KPI engine would count it."""
    paths: list[tuple[tuple[str, ...], int]] = []
    contracted = rng.random() < 0.15  # about a contracted or primary-care service
    kind = rng.random()
    if kind < 0.1:
        return [(("received", "anonymous"), 1)] + (
            [(("contracted_services", "anonymous"), 1)] if contracted else [])
    if kind < 0.15:
        return [(("received", "unnamed"), 1)] + (
            [(("contracted_services", "unnamed"), 1)] if contracted else [])
    if kind < 0.2:  # raised by a named person and an anonymous one (linked): in both
        paths.append((("received", "anonymous"), 1))
        if contracted:
            paths.append((("contracted_services", "anonymous"), 1))
    for stage, limit in (("stage1", 5), ("stage2", 20)):
        if rng.random() < (0.7 if stage == "stage1" else 0.35):
            paths.append((("received", stage), 1))
            if contracted:
                paths.append((("contracted_services", stage), 1))
            if rng.random() < 0.3:
                paths.append((("extended", stage), 1))
        if rng.random() < 0.5:
            days = rng.randrange(0, limit * 3)
            outcome = rng.choice(("upheld", "partially_upheld", "not_upheld"))
            paths += [(("closed", stage), 1), (("outcomes", stage, outcome), 1),
                      (("working_days", stage, "sum"), days),
                      (("working_days", stage, "count"), 1)]
            if days <= limit:
                paths.append((("within_timescale", stage), 1))
    if rng.random() < 0.1:
        paths.append((("other_closures", rng.choice(
            ("withdrawn", "transferred", "not_taken_forward"))), 1))
    return paths


def _add(block: dict[str, Any], paths: list[tuple[tuple[str, ...], int]]) -> None:
    for path, value in paths:
        node = block
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] += value


def random_figures(period: Period, rng: random.Random) -> dict[str, Any]:
    """Schema-valid figures from random concerns, adding up as a real casebook's do (the
    board refuses figures that cannot be right)."""
    figures = empty_return_figures(period)
    for _ in range(rng.randrange(0, 120)):
        paths = _one_concern(rng)
        _add(figures, paths)
        _add(figures["by_service"][rng.choice(sorted(figures["by_service"]))], paths)
        _add(figures["by_raiser_category"][rng.choice(sorted(figures["by_raiser_category"]))],
             paths)
        for theme in rng.sample(sorted(figures["by_theme"]), rng.randrange(1, 3)):
            _add(figures["by_theme"][theme], paths)
    answers = figures["feedback"]["speak_up_again"]
    for answer in answers:
        answers[answer] = rng.randrange(0, 6)
    figures["feedback"]["received"] = sum(answers.values())
    reports = rng.randrange(0, 8)
    figures["detriment"] = {"reports": reports, "concerns": rng.randrange(0, reports + 1)}
    return figures


def set_received(figures: dict[str, Any], **counts: int) -> None:
    """Set received figures (stage1=..., anonymous=...) and keep every rule the board checks:
    the splits by service and category still add up (all in their first block), extensions
    stay within what entered the stage, and no theme exceeds the total."""
    for key, value in counts.items():
        figures["received"][key] = value
        figures["contracted_services"][key] = min(figures["contracted_services"][key], value)
        for group in ("by_service", "by_raiser_category"):
            for i, name in enumerate(sorted(figures[group])):
                figures[group][name]["contracted_services"][key] = (
                    figures["contracted_services"][key] if i == 0 else 0)
        for block in figures["by_theme"].values():
            block["contracted_services"][key] = min(block["contracted_services"][key], value)
        for group in ("by_service", "by_raiser_category"):
            for i, name in enumerate(sorted(figures[group])):
                figures[group][name]["received"][key] = value if i == 0 else 0
        for block in figures["by_theme"].values():
            block["received"][key] = min(block["received"][key], value)
        if key in ("stage1", "stage2"):
            extended = min(figures["extended"][key], value)
            figures["extended"][key] = extended
            for group in ("by_service", "by_raiser_category"):
                for i, name in enumerate(sorted(figures[group])):
                    figures[group][name]["extended"][key] = extended if i == 0 else 0
            for block in figures["by_theme"].values():
                block["extended"][key] = min(block["extended"][key], block["received"][key])


@functools.lru_cache(maxsize=64)
def _unit_log(unit: str, head: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    macs = tuple(hashlib.sha256(f"{unit}|{n}".encode()).hexdigest() for n in range(1, head + 1))
    return macs, (GENESIS, *follow(GENESIS, macs))


def unit_chain(unit: str, head: int, start: int = 0) -> dict[str, Any]:
    """A unit's audit chain, the same for every return of the unit (a casebook has one log):
    the head at entry `head` and the macs from entry `start` to it, as a return carries."""
    macs, hashes = _unit_log(unit, head)
    return {"audit_head": {"seq": head, "hash": hashes[head]},
            "audit_chain": {"from": {"seq": start, "hash": hashes[start]},
                            "macs": base64.b64encode(b"".join(
                                bytes.fromhex(m) for m in macs[start:head])).decode()}}


def synthetic_payload(unit: str, label: str, *, created: datetime | None = None,
                      seed: int = 0, learning: list[str] | None = None,
                      chain: tuple[int, int] | None = None) -> dict[str, Any]:
    """A schema-valid return. Its audit chain is the unit's one log: by default from the
    start to a head that grows with `created`; `chain=(start, head)` gives the segment a
    real return carries (since the unit's previous return)."""
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
        # A later return has a longer log: its head grows with when it was made.
        **(unit_chain(unit, chain[1], chain[0]) if chain is not None else unit_chain(
            unit, 10 + seed + 3 * min(max(((created or datetime(2026, 5, 1, tzinfo=UTC))
                                          - datetime(2025, 4, 1, tzinfo=UTC)).days, 0), 1000))),
        "identity_access": {"reveals": rng.randrange(0, 9), "documents": rng.randrange(0, 5),
                            "disclosures": rng.randrange(0, 3),
                            "person_searches": rng.randrange(0, 3)},
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
