"""The publication register: what each publication released, kept encrypted in the store.

Both kinds of store keep one (`publications` in cases.db and in board.db). A record is
the engine's `Release` (app/core/sdc/release.py) as JSON: the periods, every cell's key
and what was printed of it, and the relations a reader knows; never a hidden value. A
release is kept once (by the digest of its record); adding one is audited.

`source` says where a release came from: made by this app ("made here"), recorded from
a file published outside it ("imported"), or, at the board, from a unit's return (the
unit's own register, "unit", with the unit's name).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

from app.core.sdc import Release
from app.store import audit, database
from app.store.encrypted import EncryptedStore

MADE_HERE = "made here"
IMPORTED = "imported"
FROM_UNIT = "unit"
SOURCES = (MADE_HERE, IMPORTED, FROM_UNIT)
# Cells a release carries but no report prints (older records have no `latent` mark).
NEVER_PRINTED = frozenset({"not_extended", "not_contracted"})


@dataclass(frozen=True)
class Registered:
    """One release in the register."""

    id: int
    label: str
    periods: tuple[str, ...]
    published_on: str
    source: str
    unit: str
    release: Release

    def _printable(self) -> list[bool]:
        return [c.printed is not None for c in self.release.cells
                if c.key[0] in self.periods and not c.latent
                and not NEVER_PRINTED & set(c.key)]

    @property
    def hidden(self) -> int:
        """How many figures the release hid (never which, nor their values)."""
        return self._printable().count(False)

    @property
    def shown(self) -> int:
        return self._printable().count(True)


def record_text(release: Release) -> str:
    return json.dumps(release.to_json(), sort_keys=True, separators=(",", ":"))


def digest_of(release: Release, unit: str = "") -> str:
    """What makes two releases the same publication: the periods and what was printed of
    them (the same figures saved again, as a PDF after a CSV, or checked again against a
    register that now holds the first, are one publication)."""
    printed = sorted((list(c.key), c.printed if not isinstance(c.printed, tuple)
                      else list(c.printed)) for c in release.cells
                     if c.key[0] in release.periods)
    text = json.dumps([unit, list(release.periods), printed], separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def add(store: EncryptedStore, release: Release, *, source: str = MADE_HERE,
        unit: str = "") -> bool:
    """Keep `release` in the register; False when it is there already (the same record)."""
    if source not in SOURCES:
        raise ValueError(f"Unknown source of a release: {source}")
    conn = store.store_conn
    digest = digest_of(release, unit)
    with database.write(conn):
        if conn.execute("SELECT 1 FROM publications WHERE digest = ?", (digest,)).fetchone():
            return False
        conn.execute(
            "INSERT INTO publications (label, periods, published_on, source, unit, digest,"
            " record) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (release.label, json.dumps(list(release.periods)), release.published_on, source,
             unit, digest, record_text(release)))
        audit.append(conn, store.audit_key, "publication.registered", "publication",
                     release.label, {"periods": list(release.periods), "source": source,
                                     "unit": unit, "published_on": release.published_on})
    return True


def add_many(store: EncryptedStore, releases: Sequence[Release], *, source: str,
             unit: str = "") -> int:
    """Keep each of `releases` not yet kept; how many were new."""
    return sum(add(store, r, source=source, unit=unit) for r in releases)


def listed(store: EncryptedStore) -> list[Registered]:
    """Every release in the register, oldest first."""
    rows = store.store_conn.execute(
        "SELECT id, label, periods, published_on, source, unit, record FROM publications"
        " ORDER BY published_on, id").fetchall()
    return [Registered(int(r[0]), str(r[1]), tuple(json.loads(r[2])), str(r[3]), str(r[4]),
                       str(r[5]), Release.from_json(json.loads(r[6]))) for r in rows]
