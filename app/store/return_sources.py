"""What a return reads from cases.db beyond the concerns' timelines.

Only dates, ids and codes leave this module, plus the learning statements a
contact marked publishable: never a description, a comment or a note.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from app.core.custody import ALWAYS
from app.core.periods import Period
from app.core.records import SpeakUpAgain
from app.core.return_figures import DetrimentReport, FeedbackRecord
from app.store import facts_query
from app.store.casebook import Casebook
from app.store.owners import own_from


def detriment_reports(book: Casebook) -> list[DetrimentReport]:
    """Every detriment report's concern and date (what was reported stays behind)."""
    return [DetrimentReport(int(concern_id), date.fromisoformat(on))
            for concern_id, on in book.cases.execute(
                "SELECT concern_id, reported_on FROM detriment_reports ORDER BY id")]


def feedback_records(book: Casebook) -> list[FeedbackRecord]:
    """Every feedback record's concern, date and answer (the comments stay behind)."""
    return [FeedbackRecord(int(concern_id), date.fromisoformat(on),
                           SpeakUpAgain(answer) if answer else None)
            for concern_id, on, answer in book.cases.execute(
                "SELECT concern_id, received_on, speak_up_again FROM feedback ORDER BY id")]


def _held_here(book: Casebook, rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """Rows (concern_id, done_on, ...) whose concern this unit held on the done date: after a
    handover, a statement is sent by the unit holding the concern when it was signed off."""
    custody = facts_query.custody_spans(book.cases)
    return [row for row in rows
            if custody.get(int(row[0]), ALWAYS).holds(date.fromisoformat(str(row[1])))]


def publishable_learning(book: Casebook, period: Period) -> list[str]:
    """Learning statements marked publishable whose action was signed off in the period.

    Each statement belongs to the one period holding its action's done date, so a
    statement is sent once, and one not yet signed off waits. Sorted by text, so
    the order says nothing about when or for which concern.
    """
    rows = book.cases.execute(
        "SELECT concern_id, done_on, learning FROM actions WHERE publishable = 1"
        " AND trim(learning) != '' AND done_on IS NOT NULL AND done_on BETWEEN ? AND ?",
        (period.start.isoformat(), period.end.isoformat())).fetchall()
    return sorted(str(row[2]).strip() for row in _held_here(book, rows))


def publishable_learning_people(book: Casebook, period: Period) -> list[tuple[str, str | None]]:
    """The same statements as publishable_learning, each with the person_ref of its concern
    (None for anonymous and unnamed ones): only so that the identifying-text scan knows whose
    name to look for in full and in part. The pairs never leave the laptop."""
    rows = book.cases.execute(
        "SELECT a.concern_id, a.done_on, a.learning, c.person_ref FROM actions a"
        " JOIN concerns c ON c.id = a.concern_id"
        " WHERE a.publishable = 1 AND trim(a.learning) != '' AND a.done_on IS NOT NULL"
        " AND a.done_on BETWEEN ? AND ?",
        (period.start.isoformat(), period.end.isoformat())).fetchall()
    return sorted({(str(text).strip(), None if ref is None else str(ref))
                   for _, _, text, ref in _held_here(book, rows)},
                  key=lambda pair: (pair[0], pair[1] or ""))


def publishable_learning_owners(book: Casebook, period: Period
                                ) -> list[tuple[str, str | None, str]]:
    """The same statements as publishable_learning, each with whom the identifying-text
    scanner takes as C in it (app/store/owners.py) and its concern's pseudonym: so that a
    report can show each masked as every surface does. Never leaves the laptop."""
    rows = book.cases.execute(
        "SELECT a.learning, c.id, c.person_ref, c.anonymity, c.pseudonym FROM actions a"
        " JOIN concerns c ON c.id = a.concern_id"
        " WHERE a.publishable = 1 AND trim(a.learning) != '' AND a.done_on IS NOT NULL"
        " AND a.done_on BETWEEN ? AND ?", (period.start.isoformat(), period.end.isoformat()))
    return [(str(text).strip(), own_from(int(cid), ref, anonymity), str(pseudonym))
            for text, cid, ref, anonymity, pseudonym in rows]


# Audit events that showed a person's identity to the contact, and the by-person search.
REVEAL_EVENTS = ("identity.revealed",)
DOCUMENT_EVENTS = ("export.letter", "export.letter_reprint")
PERSON_SEARCH_EVENTS = ("identity.found_by_person",)


def identity_access(book: Casebook, period: Period) -> dict[str, int]:
    """How often identity was reached in the period, as counts only (never who or why), so
    that someone other than the contact can oversee it (the board's internal report):
    reveals (every time it was shown, on screen or in a document), documents (of those,
    letters and full case summaries made), disclosures to others recorded with their
    date, and by-person searches."""
    def events(names: tuple[str, ...], extra: str = "") -> int:
        marks = ", ".join("?" * len(names))
        return int(book.cases.execute(
            f"SELECT count(*) FROM audit WHERE event IN ({marks})"
            f" AND substr(at, 1, 10) BETWEEN ? AND ?{extra}",
            (*names, period.start.isoformat(), period.end.isoformat())).fetchone()[0])

    full_summaries = events(("export.case_summary",),
                            " AND json_extract(detail, '$.redacted') = 0")
    disclosures = int(book.cases.execute(
        "SELECT count(*) FROM disclosures WHERE disclosed_on BETWEEN ? AND ?",
        (period.start.isoformat(), period.end.isoformat())).fetchone()[0])
    return {"reveals": events(REVEAL_EVENTS),
            "documents": events(DOCUMENT_EVENTS) + full_summaries,
            "disclosures": disclosures,
            "person_searches": events(PERSON_SEARCH_EVENTS)}
