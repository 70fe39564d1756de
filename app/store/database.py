"""Opening one SQLCipher database file with a raw key, and telling faults apart.

Every connection: raw 256-bit key (no KDF), WAL with synchronous=FULL, foreign
keys on, secure_delete on, temporary tables in memory, SQLCipher logging off.
Connections run in autocommit mode; writes use explicit transactions (`write`).
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Protocol, TypeVar, cast

import sqlcipher3
from sqlcipher3 import dbapi2

from app.store.errors import DiskFull, ReadOnlyFolder
from app.store.keys import sqlcipher_key_literal

DatabaseError: type[Exception] = dbapi2.DatabaseError
IntegrityError: type[Exception] = dbapi2.IntegrityError
OperationalError: type[Exception] = dbapi2.OperationalError
Error: type[Exception] = dbapi2.Error
T = TypeVar("T")


class Cursor(Protocol):
    lastrowid: int | None
    rowcount: int

    def fetchone(self) -> Any: ...
    def fetchall(self) -> list[Any]: ...
    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """The part of sqlcipher3's connection we use (the module ships no type hints)."""

    in_transaction: bool

    def execute(self, sql: str, parameters: Iterable[Any] = ..., /) -> Cursor: ...
    def executemany(self, sql: str, parameters: Iterable[Iterable[Any]], /) -> Cursor: ...
    def executescript(self, script: str, /) -> Cursor: ...
    def backup(self, target: Connection, *, pages: int = ...,
               progress: Callable[[int, int, int], None] | None = ...) -> None: ...
    def close(self) -> None: ...


def raw_connect(target: str, *, uri: bool = False) -> Connection:
    """A bare connection (no key yet); every other module goes through `connect`."""
    return cast(Connection, sqlcipher3.connect(target, isolation_level=None,
                                               check_same_thread=False, uri=uri))


class KeyMismatch(Exception):
    """Every page fails authentication: the key does not belong to this file."""


class Damaged(Exception):
    """Some pages fail authentication or the file is not a database at all."""


def connect(path: Path, raw_key: bytes, *, create: bool = False, plain: bool = False,
            readonly: bool = False) -> Connection:
    """An open, keyed connection; raises KeyMismatch or Damaged when it cannot be read.

    `plain=True` opens an unencrypted SQLite file through the same code path; it
    exists for the benchmark's side-by-side figures only. `readonly=True` changes
    nothing in the file (no journal-mode switch): for checking backups.
    """
    if not create and not path.exists():
        raise FileNotFoundError(path)
    new_file = create and not path.exists()
    target = f"{path.resolve().as_uri()}?mode=ro" if readonly else str(path)
    conn = raw_connect(target, uri=readonly)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        if not plain:
            conn.execute(f"PRAGMA key = {sqlcipher_key_literal(raw_key)}")
        _check_readable(conn, path)
        if new_file and os.name == "posix":
            os.chmod(path, 0o600)  # SQLite gives -wal and -shm the same mode
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA busy_timeout = 5000")
        if readonly:
            return conn
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
    except BaseException:
        conn.close()
        raise
    return conn


def _check_readable(conn: Connection, path: Path) -> None:
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DatabaseError as exc:
        if "not a database" not in str(exc) and "malformed" not in str(exc):
            raise
        raise (KeyMismatch() if _all_pages_fail(conn) else Damaged(str(path))) from exc


def _all_pages_fail(conn: Connection) -> bool:
    """cipher_integrity_check: a wrong key fails every page, damage only some."""
    try:
        rows = conn.execute("PRAGMA cipher_integrity_check").fetchall()
    except DatabaseError:
        return False
    failed = sum(1 for (text,) in rows if "HMAC verification failed" in text)
    pages = max(1, _page_count_from_size(conn))
    return failed >= pages


def _page_count_from_size(conn: Connection) -> int:
    path = conn.execute("PRAGMA database_list").fetchone()[2]
    size = Path(path).stat().st_size if path else 0
    return size // 4096


def integrity_problems(conn: Connection) -> list[str]:
    """Problems found by SQLCipher's page check and SQLite's integrity check."""
    return page_problems(conn) + structure_problems(conn)


def page_problems(conn: Connection) -> list[str]:
    """SQLCipher's check: every page of the file authenticates under the key."""
    return [row[0] for row in conn.execute("PRAGMA cipher_integrity_check").fetchall()]


def structure_problems(conn: Connection) -> list[str]:
    """SQLite's integrity check of every table and index ("ok" is no problem)."""
    result = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
    return [] if result == ["ok"] else result


def concurrently(path: Path, raw_key: bytes, jobs: Sequence[Callable[[Connection], T]]
                 ) -> list[T]:
    """Run each job on its own read-only connection to `path`, all at once; their results
    in order (the first error is raised). SQLite lets go of Python's lock while it works,
    so checks that each read a whole large file share the cores instead of queueing."""
    def run(job: Callable[[Connection], T]) -> T:
        conn = connect(path, raw_key, readonly=True)
        try:
            return job(conn)
        finally:
            conn.close()

    with ThreadPoolExecutor(max_workers=max(1, len(jobs)),
                            thread_name_prefix="casebook-check") as pool:
        futures = [pool.submit(run, job) for job in jobs]
        return [future.result() for future in futures]


# Called after each outermost commit on a connection, by id (the casebook keeps its last
# committed audit head outside the database this way: app/store/head_record.py).
_after_commit: dict[int, Callable[[], None]] = {}


def after_commit(conn: Connection, callback: Callable[[], None] | None) -> None:
    """Run `callback` after every transaction committed on `conn` (None: stop)."""
    if callback is None:
        _after_commit.pop(id(conn), None)
    else:
        _after_commit[id(conn)] = callback


# Connections inside `batch`, by id: their `write`s nest as savepoints. Anywhere else a
# `write` inside a transaction still fails loudly, as SQLite refuses a nested BEGIN.
_batched: set[int] = set()


@contextlib.contextmanager
def batch(conn: Connection) -> Iterator[Connection]:
    """Many writes as one transaction: committed together at the end, or not at all.

    Each `write` inside becomes a savepoint: one that fails undoes only its own
    changes and raises as usual; an error leaving the batch rolls back everything.
    A batch inside a batch is refused (one outer transaction per connection).
    """
    if id(conn) in _batched:
        raise RuntimeError("a batch is already open on this connection")
    with write(conn):
        _batched.add(id(conn))
        try:
            yield conn
        finally:
            _batched.discard(id(conn))


@contextlib.contextmanager
def _savepoint(conn: Connection) -> Iterator[Connection]:
    """One `write` inside a batch: released into the batch, or rolled back to its start."""
    if not conn.in_transaction:  # the batch's transaction ended under it (e.g. a full disk)
        raise RuntimeError("the batch's transaction is no longer open")
    try:
        conn.execute("SAVEPOINT casebook_write")
    except OperationalError as exc:
        raise translate(exc, None) from exc
    try:
        yield conn
        conn.execute("RELEASE casebook_write")
    except BaseException as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK TO casebook_write")
            conn.execute("RELEASE casebook_write")
        if isinstance(exc, OperationalError):
            raise translate(exc, None) from exc
        raise


@contextlib.contextmanager
def write(conn: Connection) -> Iterator[Connection]:
    """One transaction: committed whole, or rolled back whole (and the error translated).

    Inside `batch` it is a savepoint instead, committed with the batch.
    """
    if id(conn) in _batched:
        with _savepoint(conn):
            yield conn
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except OperationalError as exc:
        raise translate(exc, None) from exc
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if isinstance(exc, OperationalError):
            raise translate(exc, None) from exc
        raise
    callback = _after_commit.get(id(conn))
    if callback is not None:
        callback()


_NEARLY_FULL = 256 * 1024  # bytes free: SQLite cannot grow its WAL or shared memory file


def _disk_full_at(folder: Path | None) -> bool:
    """Whether the disk holding `folder` has (next to) no space left."""
    if folder is None or not hasattr(os, "statvfs"):
        return False
    try:
        info = os.statvfs(folder)
    except OSError:
        return False
    return info.f_bavail * info.f_frsize < _NEARLY_FULL


def translate(exc: BaseException, folder: Path | None) -> BaseException:
    """Turn SQLite's disk-full and read-only errors into plain messages. A full disk also
    shows as a bare "disk I/O error" when SQLite cannot grow its shared-memory file on
    opening: that is said as a full disk too when the folder's disk has no room left."""
    text = str(exc).lower()
    if "full" in text or getattr(exc, "errno", None) == errno.ENOSPC:
        return DiskFull()
    if "readonly" in text or "read-only" in text:
        return ReadOnlyFolder(folder or Path("the casebook folder"))
    if "disk i/o error" in text and _disk_full_at(folder):
        return DiskFull()
    return exc


def checkpoint(conn: Connection) -> None:
    """Fold the WAL into the main file (before copying or swapping files)."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
