"""The board's store: the same protection as a casebook, holding returns instead of concerns.

A board folder holds `board.db` (SQLCipher, opened with a raw key derived from the
master key by HKDF, as a casebook's databases are), `keyslots.json` (the master
key under an Argon2id passphrase slot; the printed recovery key derives it) and a
lock file. Inside board.db: the board's age identity (what returns are encrypted
to), the registered reporting units and their Ed25519 signing keys, the returns
held (the exact signed payloads), staff headcounts and an audit log.

This module stores and reads; checking a return (decrypting, signatures, the
schema) happens in app.returns before anything is written here.
"""

from __future__ import annotations

import errno
import json
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyrage

from app.core.stamps import parse_created_at
from app.core.text import has_hidden_characters
from app.paths import KEYSLOTS, ensure_private_dir, is_casebook
from app.store import audit, board_chain, board_keys, database, keys, keyslots, migrations
from app.store.board_keys import HeldForKey
from app.store.database import Connection
from app.store.encrypted import (
    EncryptedStore,
    check_new_passphrase,
    slots_and_master_from_recovery,
)
from app.store.errors import (
    BoardExists,
    BoardInUse,
    CasebookDamaged,
    CasebookError,
    CasebookInUse,
    KeySlotsUnreadable,
    NoBoard,
    NotFound,
    ReadOnlyFolder,
    ReturnRejected,
    WrongRecoveryKey,
)
from app.store.keyslots import KeySlots
from app.store.lock import CasebookLock

BOARD_DB = "board.db"
BOARD_LOCK = "board.lock"
STORE = "board"


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _as_time(text: str) -> datetime:
    """A return's creation time as a time (held ones were checked when imported; anything
    unreadable sorts first, so a good return always replaces it)."""
    try:
        return parse_created_at(text)
    except ValueError:
        return datetime.min.replace(tzinfo=UTC)


def is_board(folder: Path) -> bool:
    return (folder / BOARD_DB).exists()


def parse_age_identity(text: str) -> str:
    """The AGE-SECRET-KEY-1... line of an identity file (as `age-keygen` writes it)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()
             and not line.lstrip().startswith("#")]
    if len(lines) != 1:
        raise CasebookError("That identity file should hold one age identity (a line starting "
                            "AGE-SECRET-KEY-1), as made by age-keygen.")
    try:
        return str(pyrage.x25519.Identity.from_str(lines[0]))
    except Exception as exc:  # pyrage's IdentityError: not an X25519 identity
        raise CasebookError("That file does not hold an age X25519 identity (a line starting "
                            "AGE-SECRET-KEY-1), as made by age-keygen.") from exc


def recipient_of_identity(identity: str) -> str:
    """The age recipient (public key) of an age identity line."""
    return str(pyrage.x25519.Identity.from_str(parse_age_identity(identity)).to_public())


@dataclass(frozen=True)
class RegisteredUnit:
    id: int
    name: str
    public_key: bytes  # raw Ed25519, 32 bytes
    registered_at: str
    frozen: bool = False  # two different key rotations arrived: nothing imports until confirmed
    fork_accepted: bool = False  # the next return may fork the audit chain held (once)
    retired_keys: tuple[bytes, ...] = ()  # keys the unit used before its rotations

    @classmethod
    def from_row(cls, row: Any) -> RegisteredUnit:
        retired = tuple(bytes.fromhex(key) for key in json.loads(row[6] or "[]"))
        return cls(int(row[0]), str(row[1]), bytes(row[2]), str(row[3]), bool(row[4]),
                   bool(row[5]), retired)


UNIT_COLUMNS = ("id, name, public_key, registered_at, frozen, fork_accepted, retired_keys")


@dataclass(frozen=True)
class HeldReturn:
    unit: str
    period: str
    period_from: str
    period_to: str
    return_id: str
    created_at: str
    payload: bytes
    signature: bytes
    imported_at: str


@dataclass(frozen=True)
class IncomingReturn:
    """A return that has passed every check, ready to be kept."""

    unit: RegisteredUnit
    period: str
    period_from: str
    period_to: str
    return_id: str
    created_at: str
    payload: bytes
    signature: bytes
    # The unit's audit chain as this return shows it: (sequence, hash) points, ascending,
    # the last being its head (app/store/board_chain.py checks and keeps them).
    chain: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True)
class Saved:
    outcome: str  # "imported" | "replaced" | "unchanged"
    replaced_created_at: str | None = None


class Board(EncryptedStore):
    """An unlocked board store: the open board.db, the master key, and the lock."""

    kind = "board"

    def __init__(self, folder: Path, master: bytes, slots: KeySlots, lock: CasebookLock,
                 conn: Connection) -> None:
        super().__init__(folder, master, slots, lock, conn)
        self.conn = conn

    # ----- creating and opening ----------------------------------------------------

    @classmethod
    def create(cls, folder: Path, passphrase: str, *, name: str = "NHS board",
               identity: str | None = None, argon2: keys.Argon2Params | None = None
               ) -> tuple[Board, str]:
        """A new board store and its recovery key (shown once, then printed).

        `identity` is an age identity made elsewhere (age-keygen); without one a new
        identity is generated.
        """
        check_new_passphrase(passphrase)
        age_identity = parse_age_identity(identity) if identity is not None else str(
            pyrage.x25519.Identity.generate())
        if is_board(folder) or is_casebook(folder) or (folder / KEYSLOTS).exists():
            raise BoardExists(folder)
        try:
            ensure_private_dir(folder)
        except OSError as exc:
            if isinstance(exc, PermissionError) or exc.errno == errno.EROFS:
                raise ReadOnlyFolder(folder) from exc
            raise
        lock = _acquire(folder)
        try:
            secret = keys.new_recovery_secret()
            master = keys.master_from_recovery(secret)
            board_id = str(uuid.uuid4())
            conn = database.connect(folder / BOARD_DB, keys.database_key(master, STORE),
                                    create=True)
            try:
                migrations.apply(conn, STORE)
                _initial_meta(conn, board_id, age_identity, name.strip() or "NHS board")
            except BaseException:
                conn.close()
                raise
            slots = keyslots.with_passphrase(keyslots.new_keyslots(board_id, master), master,
                                             passphrase, argon2 or keys.DEFAULT_ARGON2)
            keyslots.save(folder / KEYSLOTS, slots)
        except BaseException:
            lock.release()
            raise
        board = cls(folder, master, slots, lock, conn)
        board.record("board.created", "board", board_id)
        return board, keys.format_recovery_key(secret)

    @classmethod
    def open(cls, folder: Path, passphrase: str) -> Board:
        _require_board(folder)
        slots = keyslots.load(folder / KEYSLOTS)
        master = keyslots.open_with_passphrase(slots, passphrase, folder / KEYSLOTS)
        return cls._open_with_master(folder, master, slots)

    @classmethod
    def open_with_recovery_key(cls, folder: Path, recovery_key: str) -> Board:
        """Unlock with the recovery key alone (works with keyslots.json lost)."""
        _require_board(folder)
        slots, master = slots_and_master_from_recovery(
            folder, recovery_key, "That recovery key does not open this board store.")
        return cls._open_with_master(folder, master, slots)

    @classmethod
    def _open_with_master(cls, folder: Path, master: bytes, slots: KeySlots | None) -> Board:
        lock = _acquire(folder)
        try:
            conn = _open_database(folder, master, wrong_key_is_recovery=slots is None)
            try:
                migrations.apply(conn, STORE)
                board_id = _meta(conn, "board_id")
                if slots is None:
                    slots = keyslots.new_keyslots(board_id, master)
                elif slots.casebook_id != board_id:
                    raise KeySlotsUnreadable(folder / KEYSLOTS)
            except BaseException:
                conn.close()
                raise
        except BaseException:
            lock.release()
            raise
        return cls(folder, master, slots, lock, conn)

    # ----- the board's keys ------------------------------------------------------------

    @property
    def board_id(self) -> str:
        return self.store_id

    @property
    def name(self) -> str:
        """The board's name, as its reports are headed."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'name'").fetchone()
        return str(row[0]) if row else "NHS board"

    def identity(self) -> str:
        """The board's age identity (AGE-SECRET-KEY-1...): it opens every return."""
        return _meta(self.conn, "age_identity")

    def recipient(self) -> str:
        """The age recipient (age1...) units encrypt their returns to."""
        return str(pyrage.x25519.Identity.from_str(self.identity()).to_public())

    # ----- units -----------------------------------------------------------------------

    def register_unit(self, name: str, public_key: bytes, *, replace_key: bool = False
                      ) -> RegisteredUnit:
        """Record a reporting unit and the key its returns are signed with."""
        name = name.strip()
        if not name or len(name) > 200 or has_hidden_characters(name):
            raise CasebookError("Give the unit's name as it is set in its casebook (one line, "
                                "at most 200 characters).")
        if len(public_key) != 32:
            raise CasebookError("A unit's public key is 32 bytes.")
        with database.write(self.conn):
            same_key = self.conn.execute("SELECT name FROM units WHERE public_key = ?",
                                         (public_key,)).fetchone()
            if same_key is not None and same_key[0].casefold() != name.casefold():
                raise CasebookError(f"That key is already registered for {same_key[0]}.")
            held = self.conn.execute("SELECT id, name, public_key FROM units WHERE name = ?",
                                     (name,)).fetchone()
            if held is not None and bytes(held[2]) != public_key and not replace_key:
                raise CasebookError(f"{held[1]} is already registered with another key; give "
                                    "--replace-key to register its new key.")
            if held is None:
                self.conn.execute(
                    "INSERT INTO units (name, public_key, registered_at) VALUES (?, ?, ?)",
                    (name, public_key, _now()))
                event = "unit.registered"
            else:
                self.conn.execute("UPDATE units SET name = ?, public_key = ? WHERE id = ?",
                                  (name, public_key, held[0]))
                event = "unit.key_replaced" if bytes(held[2]) != public_key else "unit.renamed"
            audit.append(self.conn, self.audit_key, event, "unit", name)
        unit = self.unit_named(name)
        assert unit is not None
        return unit

    def units(self) -> list[RegisteredUnit]:
        return [RegisteredUnit.from_row(row) for row in self.conn.execute(
            f"SELECT {UNIT_COLUMNS} FROM units ORDER BY name")]

    def unit_named(self, name: str) -> RegisteredUnit | None:
        """The unit with this name, ignoring case (names are unique ignoring case)."""
        row = self.conn.execute(f"SELECT {UNIT_COLUMNS} FROM units WHERE name = ?",
                                (name.strip(),)).fetchone()
        return RegisteredUnit.from_row(row) if row else None

    def _require_unit(self, name: str) -> RegisteredUnit:
        unit = self.unit_named(name)
        if unit is None:
            raise CasebookError(f"No reporting unit called {name.strip()} is registered "
                                "(casebook board register).")
        return unit

    # ----- headcounts ----------------------------------------------------------------

    def set_headcount(self, unit_name: str, period: str, headcount: int) -> None:
        if headcount < 1:
            raise CasebookError("A staff headcount is a whole number of 1 or more.")
        unit = self._require_unit(unit_name)
        with database.write(self.conn):
            self.conn.execute(
                "INSERT INTO headcounts (unit_id, period, headcount) VALUES (?, ?, ?)"
                " ON CONFLICT (unit_id, period) DO UPDATE SET headcount = excluded.headcount",
                (unit.id, period, headcount))
            audit.append(self.conn, self.audit_key, "headcount.set", "unit", unit.name,
                         {"period": period, "headcount": headcount})

    def headcounts(self, period: str) -> dict[str, int]:
        """Staff headcount by unit name, for the units that have one for `period`."""
        return {str(name): int(count) for name, count in self.conn.execute(
            "SELECT units.name, headcount FROM headcounts JOIN units ON units.id = unit_id"
            " WHERE period = ?", (period,))}

    # ----- returns ---------------------------------------------------------------------

    def save_return(self, incoming: IncomingReturn) -> Saved:
        """Keep a checked return, in one transaction, deciding against the one held.

        The same return again changes nothing; a newer one (later created-at) for the
        same unit and period replaces the one held; an older one is refused as
        superseded.
        """
        with database.write(self.conn):
            held = self.conn.execute(
                "SELECT return_id, created_at, payload FROM returns"
                " WHERE unit_id = ? AND period = ?", (incoming.unit.id, incoming.period)
            ).fetchone()
            elsewhere = self.conn.execute(
                "SELECT unit_id, period FROM returns WHERE return_id = ?",
                (incoming.return_id,)).fetchone()
            if held is not None and held[0] == incoming.return_id:
                if bytes(held[2]) != incoming.payload:
                    raise ReturnRejected("conflict", "A different return with the same id is "
                                         "already held; this one was not imported.")
                return Saved("unchanged")
            if elsewhere is not None:
                raise ReturnRejected("conflict", "A return with the same id is already held "
                                     "for another unit or period; this one was not imported.")
            if held is not None and _as_time(incoming.created_at) <= _as_time(held[1]):
                raise ReturnRejected(
                    "superseded",
                    f"This return for {incoming.unit.name}, {incoming.period} was made at "
                    f"{incoming.created_at}, before the one already held ({held[1]}); the "
                    "newer one is kept.")
            board_chain.check_and_keep(
                self.conn, self.audit_key, unit_id=incoming.unit.id,
                unit_name=incoming.unit.name, fork_accepted=incoming.unit.fork_accepted,
                return_id=incoming.return_id, created_at=incoming.created_at,
                points=incoming.chain)
            self.conn.execute("DELETE FROM returns WHERE unit_id = ? AND period = ?",
                              (incoming.unit.id, incoming.period))
            self.conn.execute(
                "INSERT INTO returns (unit_id, period, period_from, period_to, return_id,"
                " created_at, payload, signature, imported_at, head_seq)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (incoming.unit.id, incoming.period, incoming.period_from, incoming.period_to,
                 incoming.return_id, incoming.created_at, incoming.payload, incoming.signature,
                 _now(), incoming.chain[-1][0] if incoming.chain else None))
            outcome = "imported" if held is None else "replaced"
            detail: dict[str, object] = {"unit": incoming.unit.name, "period": incoming.period}
            if held is not None:
                detail["replaced"] = held[0]
            audit.append(self.conn, self.audit_key, f"return.{outcome}", "return",
                         incoming.return_id, detail)
        return Saved(outcome, held[1] if held is not None else None)

    def withdraw_return(self, unit_name: str, period: str, reason: str) -> HeldReturn:
        """Remove the return held for a unit and period (audited with the reason), so that
        a return made wrongly, or dated wrongly, no longer counts or blocks a new one."""
        unit = self._require_unit(unit_name)
        reason = reason.strip()
        if not reason:
            raise CasebookError("Say why the return is withdrawn (--reason).")
        with database.write(self.conn):
            row = self.conn.execute(
                "SELECT return_id, created_at FROM returns WHERE unit_id = ? AND period = ?",
                (unit.id, period)).fetchone()
            if row is None:
                raise NotFound(f"No return from {unit.name} for {period} is held; nothing was "
                               "changed.")
            held = next(r for r in self.returns([period]) if r.return_id == row[0])
            self.conn.execute("DELETE FROM returns WHERE unit_id = ? AND period = ?",
                              (unit.id, period))
            audit.append(self.conn, self.audit_key, "return.withdrawn", "return", row[0],
                         {"unit": unit.name, "period": period, "created_at": row[1],
                          "reason": reason[:500]})
        return held

    def accept_fork(self, unit_name: str, reason: str) -> RegisteredUnit:
        """Let the unit's next return fork the audit chain the board holds (a restore from
        backup, damage put right), once; audited with the reason."""
        unit = self._require_unit(unit_name)
        if not reason.strip():
            raise CasebookError("Say why the fork is accepted (--reason): it is kept in the "
                                "board's audit log.")
        with database.write(self.conn):
            board_chain.accept_fork(self.conn, self.audit_key, unit.id, unit.name,
                                    reason.strip())
        return self._require_unit(unit.name)

    def hold_for_key(self, unit: RegisteredUnit, new_key: bytes, statements: bytes,
                     return_id: str, payload: bytes, signature: bytes) -> str:
        """A return signed by a new key its old key vouches for: held ("held"), or the unit
        frozen ("frozen") when a different new key is already waiting."""
        with database.write(self.conn):
            return board_keys.hold(self.conn, self.audit_key, unit_id=unit.id,
                                   unit_name=unit.name, new_key=new_key,
                                   statements=statements, return_id=return_id,
                                   payload=payload, signature=signature)

    def pending_keys(self, unit_name: str) -> list[bytes]:
        return board_keys.pending(self.conn, self._require_unit(unit_name).id)

    def confirm_key(self, unit_name: str, given: str) -> tuple[bytes, list[HeldForKey]]:
        """Make the waiting key with fingerprint `given` the unit's (audited); returns it and
        the returns that were held for it, to import now."""
        unit = self._require_unit(unit_name)
        with database.write(self.conn):
            return board_keys.confirm(self.conn, self.audit_key, unit_id=unit.id,
                                      unit_name=unit.name, old_key=unit.public_key,
                                      retired=list(unit.retired_keys), given=given)

    def chain_heads(self, unit_name: str) -> list[dict[str, object]]:
        return board_chain.heads(self.conn, self._require_unit(unit_name).id)

    def returns(self, periods: list[str] | None = None) -> list[HeldReturn]:
        """The returns held (for these period labels), by unit then period."""
        where, args = "", tuple[object, ...]()
        if periods is not None:
            where = f"WHERE period IN ({', '.join('?' * len(periods))})"
            args = tuple(periods)
        rows = self.conn.execute(
            "SELECT units.name, period, period_from, period_to, return_id, created_at, payload,"
            f" signature, imported_at FROM returns JOIN units ON units.id = unit_id {where}"
            " ORDER BY units.name, period", args)
        return [HeldReturn(str(u), str(p), str(f), str(t), str(r), str(c), bytes(body),
                           bytes(sig), str(at))
                for u, p, f, t, r, c, body, sig, at in rows]



# ----- helpers -----------------------------------------------------------------------------


def _require_board(folder: Path) -> None:
    if not is_board(folder):
        raise NoBoard(folder)


def _acquire(folder: Path) -> CasebookLock:
    lock = CasebookLock(folder / BOARD_LOCK)
    try:
        lock.acquire()
    except CasebookInUse as exc:
        raise BoardInUse(folder) from exc
    return lock


def _open_database(folder: Path, master: bytes, *, wrong_key_is_recovery: bool) -> Connection:
    path = folder / BOARD_DB
    try:
        return database.connect(path, keys.database_key(master, STORE))
    except FileNotFoundError as exc:
        raise NoBoard(folder) from exc
    except database.KeyMismatch as exc:
        if wrong_key_is_recovery:
            raise WrongRecoveryKey("That recovery key does not open this board store.") from exc
        raise CasebookDamaged(path, None) from exc
    except database.Damaged as exc:
        raise CasebookDamaged(path, None) from exc
    except database.DatabaseError as exc:
        translated = database.translate(exc, folder)
        if translated is exc:
            raise CasebookDamaged(path, None) from exc
        raise translated from exc


def _meta(conn: Connection, key: str) -> str:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    if row is None:
        raise CasebookError(f"The board store's settings are missing '{key}'.")
    return str(row[0])


def _initial_meta(conn: Connection, board_id: str, age_identity: str, name: str) -> None:
    values = {
        "board_id": board_id,
        "name": name,
        "created_at": _now(),
        "age_identity": age_identity,
        "audit_key": secrets.token_hex(32),
    }
    with database.write(conn):
        conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", values.items())
