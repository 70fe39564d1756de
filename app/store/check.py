"""`casebook check`: is everything intact? Pages, structure, the audit chain, the links."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.paths import CASES_DB
from app.store import audit, backup, database, head_record, keys, migrations, recipients
from app.store.casebook import Casebook
from app.store.errors import CasebookDamaged
from app.store.owners import LINKED_PEOPLE


@dataclass(frozen=True)
class CheckReport:
    problems: tuple[str, ...]
    summary: dict[str, object] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def _links(conn: database.Connection) -> list[str]:
    return [f"broken link in {row[0]}"
            for row in conn.execute("PRAGMA foreign_key_check").fetchall()]


_UNREADABLE = "HMAC verification failed"


def _database_problems(book: Casebook, label: str, conn: database.Connection) -> list[str]:
    try:
        found = database.integrity_problems(conn) + _links(conn)
    except database.DatabaseError as exc:  # pages that cannot be read: said as on opening
        raise CasebookDamaged(book.folder / label,
                              backup.latest_good_backup(book.folder)) from exc
    if any(_UNREADABLE in str(p) for p in found):
        raise CasebookDamaged(book.folder / label, backup.latest_good_backup(book.folder))
    return [f"{label}: {p}" for p in found if p != "ok"]


def _cases_problems(book: Casebook) -> tuple[list[str], audit.ChainReport]:
    """cases.db's page check, its structure and links, and the audit chain, at the same
    time (each reads the whole file; at 100,000 concerns a second or more each)."""
    key = keys.database_key(book.master_key, "cases")
    try:
        structure, pages, links, chain = database.concurrently(book.folder / CASES_DB, key, [
            database.structure_problems, database.page_problems, _links,
            lambda conn: audit.verify(conn, book.audit_key)])
    except database.DatabaseError as exc:  # pages that cannot be read: said as on opening
        raise CasebookDamaged(book.folder / CASES_DB,
                              backup.latest_good_backup(book.folder)) from exc
    assert isinstance(pages, list) and isinstance(structure, list) and isinstance(links, list)
    assert isinstance(chain, audit.ChainReport)
    if any(_UNREADABLE in str(p) for p in pages):  # a page that fails its HMAC is damage,
        # said as opening says it, whether or not SQLite's own check met it as an error
        raise CasebookDamaged(book.folder / CASES_DB, backup.latest_good_backup(book.folder))
    found = [f"{CASES_DB}: {p}" for p in (*pages, *structure, *links) if p != "ok"]
    return found, chain


@dataclass(frozen=True)
class Anchor:
    """A point on the casebook's audit chain held elsewhere (by the board, from a return)."""

    seq: int
    hash: str
    label: str  # where it comes from, in words: "the return for 2025-26-Q1 (made ...)"


def chain_problems(book: Casebook, anchors: tuple[Anchor, ...]) -> list[str]:
    """Whether the live audit chain still passes through each anchor and each backup's
    recorded head; the first anchor it does not pass through is named."""
    live_seq, _ = audit.head(book.cases)
    found: list[str] = []
    for anchor in sorted(anchors, key=lambda a: a.seq):
        held = audit.hash_at(book.cases, anchor.seq)
        if held is None:
            found.append(f"the audit log ends at entry {live_seq:,}, but {anchor.label} holds "
                         f"entry {anchor.seq:,}: entries have been removed since")
            break
        if held != anchor.hash:
            found.append(f"the audit log does not pass through entry {anchor.seq:,} as "
                         f"{anchor.label} holds it: it has been rewritten since")
            break
    for entry, made, seq, digest in backup.backup_heads(book.folder):
        held = audit.hash_at(book.cases, seq)
        if held is None:
            found.append(f"the audit log ends at entry {live_seq:,}, but the backup {entry.name}"
                         f" (made {made}) recorded entry {seq:,}: entries have been removed "
                         "since, or this casebook was restored from an older backup")
        elif held != digest:
            found.append(f"the audit log does not pass through entry {seq:,} as the backup "
                         f"{entry.name} (made {made}) recorded it: it has been rewritten since")
    return found


def check(book: Casebook, anchors: tuple[Anchor, ...] = ()) -> CheckReport:
    cases, identities = book.cases, book.identities()
    problems, chain = _cases_problems(book)
    problems += _database_problems(book, "identities.db", identities)
    problems += [f"audit log: {p}" for p in chain.problems]
    problems += [f"audit log: {p}" for p in chain_problems(book, anchors)]
    linked = {row[0] for row in cases.execute(LINKED_PEOPLE)}
    held = {row[0] for row in identities.execute("SELECT person_ref FROM persons")}
    if held - linked:
        problems.append(f"identities.db holds {len(held - linked)} identity(ies) linked to no "
                        "concern")
    missing = cases.execute(
        "SELECT count(*) FROM concerns WHERE anonymity = 'named' AND person_ref IS NOT NULL"
        " AND person_ref NOT IN (SELECT value FROM json_each(?))",
        (_json_list(held),)).fetchone()[0]
    if missing:
        problems.append(f"{missing} named concern(s) point to an identity that is not held")
    lost = head_record.lost_commits(head_record.read(book.folder, book.master_key),
                                    head_record.current(cases))
    if lost is not None:
        problems.append(f"{CASES_DB} is damaged: {lost}")
    escrow_to = recipients.escrow_recipient(book)
    if escrow_to is not None and recipients.escrow_refusal(book, escrow_to):
        problems.append("the escrow slot is sealed to the board's return key, so the board "
                        "could open this casebook: remove it with `casebook escrow --remove`")
    latest = backup.latest_good_backup(book.folder)

    def count(sql: str) -> int:
        return int(cases.execute(sql).fetchone()[0])

    summary: dict[str, object] = {
        "casebook": str(book.folder),
        "organisation": book.setting("organisation"),
        "reporting_unit": book.setting("reporting_unit"),
        "schema": {"cases": migrations.current_version(cases),
                   "identities": migrations.current_version(identities)},
        "concerns": count("SELECT count(*) FROM concerns"),
        "open_concerns": count("SELECT count(*) FROM concerns WHERE closure = 'open'"),
        "conversations": count("SELECT count(*) FROM conversations"),
        "identities": len(held),
        "audit_entries": chain.entries,
        "anchors_checked": len(anchors),
        "latest_backup": str(latest) if latest else None,
        "escrow": None if escrow_to is None else {
            "recipient": escrow_to, "fingerprint": recipients.recipient_fingerprint(escrow_to)},
    }
    return CheckReport(tuple(problems), summary)


def _json_list(values: set[str]) -> str:
    import json

    return json.dumps(sorted(values))
