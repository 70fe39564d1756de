"""Many changes through the casebook's services as one: all of them are kept, or none.

Each service call normally commits on its own. Inside `casebook_batch` every
call's transaction becomes a savepoint of one outer transaction per database
(`database.batch`), so a spreadsheet import of thousands of concerns is one
change, and fast (one commit instead of one per call).

A casebook is two database files, and no transaction spans both. The order is
the one ConcernService.create keeps for a single concern: identities.db is
committed first, then cases.db; if cases.db's commit fails, the identities just
added are deleted again. Should the process die between the two commits,
identities.db holds people no concern points to, which nothing can reach and
which the casebook removes when it next opens identities.db.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from app.store import database
from app.store.casebook import Casebook
from app.store.identities import IdentityService
from app.store.owners import LINKED_PEOPLE

_LINKED = LINKED_PEOPLE


def _linked_people(book: Casebook) -> set[str]:
    return {str(row[0]) for row in book.cases.execute(_LINKED)}


@contextlib.contextmanager
def casebook_batch(book: Casebook, *, identities: bool = True) -> Iterator[None]:
    """Run the block's service calls as one change to the casebook.

    With `identities=False`, identities.db is neither opened nor written (a block
    that adds no person). An exception leaving the block undoes everything.
    """
    if not identities:
        with database.batch(book.cases):
            yield
        return
    people = book.identities()
    before = _linked_people(book)
    added: set[str] = set()
    try:
        # Leaving the block commits identities.db first (the inner batch), then cases.db.
        with database.batch(book.cases), database.batch(people):
            yield
            added = _linked_people(book) - before  # read inside cases.db's transaction
    except BaseException:
        if added:
            _take_back(book, added)
        raise


def _take_back(book: Casebook, person_refs: set[str]) -> None:
    """cases.db's commit failed after identities.db's: delete the people it would link."""
    service = IdentityService(book)
    with contextlib.suppress(database.Error), database.batch(book.identities()):
        for person_ref in sorted(person_refs):
            service.delete_person(person_ref)
