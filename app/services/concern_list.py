"""The concerns list, as the list screen and `casebook list` show it: never a held identity.

Each row's free text (the service area, local themes, the summary's first line) is masked
by the casebook's identifying-text scanner as part of its concern, whatever was stored;
the search runs over an index written from the same masked text (app/store/search_index),
so searching for a held name finds nothing. Before a search the index's pending entries
are written (`prepare_search`: after an unlock or a change to the identities or the
organisation's lists there may be many; the window writes them in slices first).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from app.core.records import THEMES
from app.store import listing, scanning, search_index
from app.store.casebook import Casebook
from app.store.listing import ConcernRow, ListQuery

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class ListedConcern:
    """One row of the list, as shown."""

    concern_id: int
    reference: str
    received_on: date
    stage: str
    status: str
    next_due: date | None
    service_type: str
    anonymity: str
    service_area: str  # masked
    themes: tuple[str, ...]  # standard themes by label, local themes masked
    summary: str  # the summary's first line, masked

    def as_json(self) -> dict[str, object]:
        return {"reference": self.reference, "received_on": self.received_on.isoformat(),
                "stage": self.stage, "status": self.status,
                "next_due": self.next_due.isoformat() if self.next_due else None,
                "service_type": self.service_type, "anonymity": self.anonymity,
                "service_area": self.service_area, "themes": list(self.themes),
                "summary": self.summary}


def prepare_search(book: Casebook, *, on_progress: Progress | None = None,
                   cancelled: Cancelled | None = None, limit: int | None = None) -> int:
    """Write the search index's pending entries (all, or at most `limit`); how many."""
    return search_index.refresh(book, lambda: scanning.scanner_for(book),
                                on_progress=on_progress, cancelled=cancelled, limit=limit)


def pending_search(book: Casebook) -> int:
    return search_index.pending(book.cases)


def first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


def _shown(book: Casebook, rows: list[ConcernRow]) -> list[ListedConcern]:
    if not rows:
        return []
    scanner = scanning.scanner_for(book)
    marks = ",".join("?" * len(rows))
    people = {int(cid): (scanning.own_from(int(cid), ref, anonymity), str(pseudonym))
              for cid, ref, anonymity, pseudonym in book.cases.execute(
                  "SELECT id, person_ref, anonymity, pseudonym FROM concerns"
                  f" WHERE id IN ({marks})", [r.concern_id for r in rows])}
    shown = []
    for row in rows:
        own, pseudonym = people.get(row.concern_id, (None, "C"))

        def mask(text: str, own: str | None = own, pseudonym: str = pseudonym) -> str:
            return scanner.mask(text, own=own, pseudonym=pseudonym) if text else text

        themes = tuple(mask(label) if label else THEMES.get(code, code)
                       for code, label in row.themes)
        # The first line of the masked summary: a name split over two lines is masked
        # whole first (the stored start is long enough for the first line and more).
        shown.append(ListedConcern(
            row.concern_id, row.reference, row.received_on, row.stage, row.status,
            row.next_due, row.service_type, row.anonymity, mask(row.service_area), themes,
            first_line(mask(row.summary_start))))
    return shown


def masked_texts(book: Casebook, texts: list[tuple[int, str]]) -> list[str]:
    """Each (concern id, text) as it may be shown: any held identity masked, C's own name
    as the concern's pseudonym, as the list masks its rows."""
    if not texts:
        return []
    scanner = scanning.scanner_for(book)
    ids = sorted({cid for cid, _ in texts})
    marks = ",".join("?" * len(ids))
    people = {int(cid): (scanning.own_from(int(cid), ref, anonymity), str(pseudonym))
              for cid, ref, anonymity, pseudonym in book.cases.execute(
                  "SELECT id, person_ref, anonymity, pseudonym FROM concerns"
                  f" WHERE id IN ({marks})", ids)}
    shown = []
    for cid, text in texts:
        own, pseudonym = people.get(cid, (None, "C"))
        shown.append(scanner.mask(text, own=own, pseudonym=pseudonym) if text else text)
    return shown


def first_page(book: Casebook, query: ListQuery, limit: int = 200
               ) -> tuple[int, list[ListedConcern]]:
    """How many concerns match, and the first page, as the list shows them."""
    if query.search.strip():
        prepare_search(book)
    total, rows = listing.first_page(book.cases, query, limit)
    return total, _shown(book, rows)


def page(book: Casebook, query: ListQuery, offset: int = 0, limit: int = 200
         ) -> list[ListedConcern]:
    if query.search.strip():
        prepare_search(book)
    return _shown(book, listing.page(book.cases, query, offset, limit))


def listed_rows(book: Casebook, concern_ids: list[int]) -> list[ListedConcern]:
    """The given concerns as the list shows them, newest received first."""
    return _shown(book, listing.rows_for(book.cases, concern_ids))


def every_row(book: Casebook, query: ListQuery, page_size: int = 500
              ) -> Iterator[ListedConcern]:
    """Every matching concern in the list's order (for the command line)."""
    offset = 0
    while True:
        rows = page(book, query, offset, page_size)
        yield from rows
        if len(rows) < page_size:
            return
        offset += page_size
