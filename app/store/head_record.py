"""The last committed audit head, kept outside cases.db, so that lost commits are noticed.

SQLite replays the write-ahead log on opening and stops, without a word, at the first
damaged frame: every transaction committed after it is gone, its audit entries too, and
the audit chain left behind is still whole. So after each commit that moved the audit
head, its sequence number and hash are written to `audit-head.json` beside the database
(replaced atomically). On opening and in `casebook check` the database's head is
compared with it:

- the database at the record, or ahead of it (a crash between the commit and this
  write), is normal; the record is brought up to date at the next commit;
- the database behind the record, or at the same entry with another hash, has lost
  committed changes: that is damage, said with the latest good backup.

The file holds no content: a sequence number, the entry's hash, and an HMAC under a key
derived from the master key, so a damaged, torn or foreign file reads as no record, never
as damage. It is rewritten in place (one small write, about 20 microseconds; a rename
would cost half a millisecond per save) and not fsynced: it is written after the
database's own synchronous commit, so it can only ever be behind the database.
"""

from __future__ import annotations

import contextlib
import hmac
import json
import os
from dataclasses import dataclass
from pathlib import Path

from app.store import audit, keys
from app.store.database import Connection

FILE_NAME = "audit-head.json"
_LABEL = "audit-head-record"


@dataclass(frozen=True)
class HeadRecord:
    seq: int
    hash: str


def _mac(master: bytes, seq: int, digest: str) -> str:
    key = keys.purpose_key(master, _LABEL)
    return hmac.new(key, f"{seq}:{digest}".encode(), "sha256").hexdigest()


def read(folder: Path, master: bytes) -> HeadRecord | None:
    """The record, or None when there is none or it is not one this casebook wrote."""
    try:
        doc = json.loads((folder / FILE_NAME).read_bytes()[:4096].rstrip(b" \x00"))
        seq, digest, mac = int(doc["seq"]), str(doc["hash"]), str(doc["mac"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not hmac.compare_digest(mac, _mac(master, seq, digest)):
        return None
    return HeadRecord(seq, digest)


_RECORD_BYTES = 512  # the record, padded: always rewritten whole, in place


def write(folder: Path, master: bytes, head: HeadRecord) -> None:
    """Rewrite the record in place (one write of a fixed size, no fsync; see above). A write
    torn by a crash leaves a record whose MAC fails, which reads as no record: never as
    damage. Best effort: a full disk only delays it to a later commit."""
    body = json.dumps({"seq": head.seq, "hash": head.hash,
                       "mac": _mac(master, head.seq, head.hash)}).encode()
    with contextlib.suppress(OSError):
        fd = os.open(folder / FILE_NAME, os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            os.pwrite(fd, body.ljust(_RECORD_BYTES), 0)
        finally:
            os.close(fd)


def remove(folder: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        (folder / FILE_NAME).unlink()


def current(conn: Connection) -> HeadRecord:
    seq, digest = audit.head(conn)
    return HeadRecord(seq, digest)


def lost_commits(recorded: HeadRecord | None, live: HeadRecord) -> str | None:
    """Why the live database has lost committed changes, or None."""
    if recorded is None:
        return None
    if live.seq < recorded.seq:
        return (f"its audit log ends at entry {live.seq:,}, but entry {recorded.seq:,} was "
                "committed: changes that were saved have been lost")
    if live.seq == recorded.seq and live.hash != recorded.hash:
        return (f"its audit entry {live.seq:,} is not the one that was committed: changes "
                "that were saved have been lost or replaced")
    return None
