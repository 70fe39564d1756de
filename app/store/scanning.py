"""The open casebook's identifying-text scanner: what it is built from, built once.

Everything the scanner compares against comes from here: every identity held in
identities.db (IdentityService.held_identities), the organisation's never-publish list and
allow-list (scan_settings.py), and the name fingerprints recorded for unnamed concerns
(name_digests.py). Building it for 10,000 identities takes a few tenths of a second, so it
is kept in the open casebook (`Casebook.derived`, emptied on close) and built again only
when one of its sources has changed: identities.db written to (its connection's change
count), either list, or the fingerprints.

Text is scanned "as part of" a concern: that concern's person is looked for whole and in
part, and found as C (`own_of`). An unnamed concern has no person held; its recorded
fingerprint stands in for one.
"""

from __future__ import annotations

from typing import Any

from app.core.identifying import Scanner
from app.store import name_digests, scan_settings
from app.store.casebook import Casebook
from app.store.errors import NotFound
from app.store.identities import IdentityService
from app.store.owners import own_from, unnamed_owner

__all__ = ["forget_scanner", "own_from", "own_of", "owners", "scanner_for", "unnamed_owner"]

_CACHE = "identity_scanner"


def _token(book: Casebook) -> tuple[Any, ...]:
    people = book.identities()
    return (id(people), getattr(people, "total_changes", None),
            book.setting(scan_settings.NEVER_PUBLISH), book.setting(scan_settings.ALLOW_LIST),
            name_digests.state(book))


def scanner_for(book: Casebook) -> Scanner:
    """The scanner for everything this casebook holds (built again when any source changed)."""
    token = _token(book)
    cached = book.derived.get(_CACHE)
    if isinstance(cached, tuple) and cached[0] == token:
        return cached[1]  # type: ignore[no-any-return]
    owned = name_digests.owned_digests(book)
    key = name_digests.digest_key(book) if owned else None
    scanner = Scanner.build(
        IdentityService(book).each_held_identity(),
        never_publish=scan_settings.never_publish(book),
        allow=scan_settings.allow_list(book),
        digest_key=key,
        owned_digests={unnamed_owner(c): d for c, d in owned.items()} if key else None)
    book.derived[_CACHE] = (_token(book), scanner)  # the key, made on first use, is a change
    return scanner


def forget_scanner(book: Casebook) -> None:
    book.derived.pop(_CACHE, None)


def own_of(book: Casebook, concern_id: int) -> str | None:
    """Whom the scanner takes as C in a concern's text (None: no one's, an anonymous one)."""
    row = book.cases.execute("SELECT person_ref, anonymity FROM concerns WHERE id = ?",
                             (concern_id,)).fetchone()
    if row is None:
        raise NotFound("That concern no longer exists.")
    return own_from(concern_id, row[0], row[1])


def owners(book: Casebook) -> dict[int, str | None]:
    """Every concern's C, by concern id (for scanning the whole casebook)."""
    return {int(cid): own_from(int(cid), ref, anonymity) for cid, ref, anonymity in
            book.cases.execute("SELECT id, person_ref, anonymity FROM concerns")}

