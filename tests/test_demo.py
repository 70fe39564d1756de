"""The synthetic demo casebook: valid, deterministic, spread over five years, and no names in
case text."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app.core.records import THEMES
from app.core.rules import validate_concern
from app.demo import DemoSummary, add_demo_concerns
from app.store import audit
from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from app.store.identities import IdentityService
from app.store.keys import Argon2Params

TODAY = date(2026, 11, 22)
COUNT = 60
SEED = 4242
CHEAP = Argon2Params(1, 1024, 1)

# What must be the same in two casebooks made from one seed: everything but the row
# timestamps and the random person references.
_CONTENT = {
    "concerns": "id, reference, received_on, aware_on, channel, raised_with, raiser_category,"
                " anonymity, service_type, service_area, summary, consent_on, consent_method,"
                " decision, decision_on, decision_reasons, closure, closure_on, closure_reason,"
                " demo, person_ref IS NULL",
    "concern_themes": "concern_id, code, local_label",
    "concern_issues": "id, concern_id, number, description, stage1_outcome, stage2_outcome",
    "stages": "concern_id, stage, entry, entered_on, handler, acknowledge_due, acknowledged_on,"
              " respond_due, responded_on, outcome, response_summary",
    "extensions": "id, concern_id, stage, authorised_by, authorised_on, reason, new_due_on,"
                  " person_told_on",
    "conversations": "id, concern_id, held_on, mode, notes, next_steps",
    "actions": "id, concern_id, description, owner, due_on, done_on, adopted,"
               " not_adopted_reason, learning, publishable",
    "signposting": "id, concern_id, body, other_body, signposted_on, notes",
    "detriment_reports": "id, concern_id, reported_on, description, action_taken",
    "feedback": "id, concern_id, received_on, speak_up_again, comments",
    "disclosures": "id, concern_id, disclosed_to, role, disclosed_on, reason, consent, consent_on",
}


def _create(folder: Path) -> Casebook:
    book, _ = Casebook.create(folder, "a long test passphrase", organisation="Test Board",
                              unit="Test Unit", argon2=CHEAP)
    return book


def _content(book: Casebook) -> dict[str, list[tuple[object, ...]]]:
    return {table: book.cases.execute(f"SELECT {columns} FROM {table} ORDER BY 1, 2, 3"
                                      ).fetchall()
            for table, columns in _CONTENT.items()}


def _people(book: Casebook) -> list[tuple[str, ...]]:
    """Each named concern's person, in concern order (the person references differ)."""
    identities = book.identities()
    found = []
    for (ref,) in book.cases.execute(
            "SELECT person_ref FROM concerns WHERE person_ref IS NOT NULL ORDER BY id"):
        found.append(tuple(identities.execute(
            "SELECT name, email, phone, job_title, demo FROM persons WHERE person_ref = ?",
            (ref,)).fetchone()))
    return found


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory
              ) -> Iterator[tuple[Casebook, DemoSummary, list[tuple[int, int]]]]:
    book = _create(tmp_path_factory.mktemp("demo") / "casebook")
    progress: list[tuple[int, int]] = []
    try:
        summary = add_demo_concerns(book, COUNT, SEED, today=TODAY,
                                    on_progress=lambda done, total: progress.append((done, total)))
        yield book, summary, progress
    finally:
        book.close()


@pytest.fixture(scope="module")
def twin(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Casebook]:
    book = _create(tmp_path_factory.mktemp("twin") / "casebook")
    try:
        add_demo_concerns(book, COUNT, SEED, today=TODAY)
        yield book
    finally:
        book.close()


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Casebook]:
    book = _create(tmp_path / "casebook")
    try:
        yield book
    finally:
        book.close()


def test_the_requested_number_of_demo_concerns(
        generated: tuple[Casebook, DemoSummary, list[tuple[int, int]]]) -> None:
    book, summary, progress = generated
    conn = book.cases
    assert summary.concerns == COUNT
    assert conn.execute("SELECT count(*), sum(demo) FROM concerns").fetchone() == (COUNT, COUNT)
    assert conn.execute("SELECT count(*) FROM conversations").fetchone()[0] == summary.conversations
    named = conn.execute("SELECT count(*) FROM concerns WHERE anonymity = 'named'").fetchone()[0]
    assert summary.identities == named
    assert book.identities().execute("SELECT count(*), sum(demo) FROM persons"
                                     ).fetchone() == (named, named)
    assert progress == [(done, COUNT) for done in range(1, COUNT + 1)]
    assert summary.seconds > 0


def test_every_concern_keeps_the_rules(
        generated: tuple[Casebook, DemoSummary, list[tuple[int, int]]]) -> None:
    book = generated[0]
    service = ConcernService(book, today=lambda: TODAY)
    calendar = service.calendar()
    every = list(service.all_facts())
    assert len(every) == COUNT
    for facts in every:
        assert validate_concern(facts, timescales=service.timescales, calendar=calendar,
                                today=TODAY) == [], facts
    assert audit.verify(book.cases, book.audit_key).ok


def test_the_same_seed_gives_the_same_casebook(
        generated: tuple[Casebook, DemoSummary, list[tuple[int, int]]], twin: Casebook) -> None:
    book = generated[0]
    assert _content(book) == _content(twin)
    assert _people(book) == _people(twin)


def test_another_seed_gives_another_casebook(
        generated: tuple[Casebook, DemoSummary, list[tuple[int, int]]], fresh: Casebook) -> None:
    add_demo_concerns(fresh, 10, SEED + 1, today=TODAY)
    first = generated[0].cases.execute(
        "SELECT received_on, summary FROM concerns ORDER BY id LIMIT 10").fetchall()
    other = fresh.cases.execute("SELECT received_on, summary FROM concerns ORDER BY id").fetchall()
    assert first != other


def test_received_dates_spread_over_five_financial_years(
        generated: tuple[Casebook, DemoSummary, list[tuple[int, int]]]) -> None:
    days = [date.fromisoformat(d) for (d,) in generated[0].cases.execute(
        "SELECT received_on FROM concerns")]
    assert min(days) >= date(2022, 4, 1) and max(days) <= TODAY
    per_year: dict[int, int] = {}
    for d in days:
        year = d.year if d.month >= 4 else d.year - 1
        per_year[year] = per_year.get(year, 0) + 1
    assert sorted(per_year) == [2022, 2023, 2024, 2025, 2026]
    assert min(per_year.values()) >= COUNT // 10


def test_realistic_shapes(
        generated: tuple[Casebook, DemoSummary, list[tuple[int, int]]]) -> None:
    conn = generated[0].cases

    def count(sql: str) -> int:
        return int(conn.execute(sql).fetchone()[0])

    assert count("SELECT count(*) FROM concerns WHERE anonymity = 'anonymous'") >= 1
    assert count("SELECT count(*) FROM concerns WHERE anonymity = 'named'") >= COUNT * 0.7
    assert count("SELECT count(*) FROM stages WHERE stage = 'stage1'") >= COUNT * 0.4
    assert count("SELECT count(*) FROM stages WHERE stage = 'stage2' AND entry = 'received'") >= 5
    assert count("SELECT count(*) FROM concerns WHERE decision IN"
                 " ('business_as_usual', 'not_taken_forward')") >= 1
    assert count("SELECT count(*) FROM stages WHERE outcome IS NOT NULL") >= COUNT * 0.4
    assert count("SELECT count(DISTINCT outcome) FROM stages WHERE outcome IS NOT NULL") >= 2
    assert count("SELECT count(*) FROM concern_issues") >= count(
        "SELECT count(DISTINCT concern_id) FROM stages")
    assert count("SELECT count(*) FROM actions") >= 1
    per_concern = [n for (n,) in conn.execute(
        "SELECT count(*) FROM conversations GROUP BY concern_id")]
    assert len(per_concern) == COUNT and min(per_concern) >= 1 and max(per_concern) <= 15
    shortest, longest = conn.execute(
        "SELECT min(length(notes)), max(length(notes)) FROM conversations").fetchone()
    assert shortest >= 200 and longest <= 3000
    codes = {code for (code,) in conn.execute("SELECT code FROM concern_themes")}
    assert codes <= set(THEMES) and len(codes) >= 4
    themes_per_concern = [n for (n,) in conn.execute(
        "SELECT count(*) FROM concern_themes GROUP BY concern_id")]
    assert len(themes_per_concern) == COUNT and max(themes_per_concern) <= 4


def test_no_name_email_or_phone_in_case_text(
        generated: tuple[Casebook, DemoSummary, list[tuple[int, int]]]) -> None:
    book = generated[0]
    identifying = [s.lower() for s in IdentityService(book).identifying_strings()]
    assert len(identifying) >= 3 * generated[1].identities  # name, email and phone each
    tables = [name for (name,) in book.cases.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " AND name NOT LIKE '%search%'")]
    assert "concerns" in tables and "conversations" in tables
    scanned = 0
    for table in tables:
        for row in book.cases.execute(f"SELECT * FROM {table}"):
            for value in row:
                if isinstance(value, str):
                    text = value.lower()
                    scanned += 1
                    leaked = [s for s in identifying if s in text]
                    assert not leaked, f"identity found in {table}"
    assert scanned > 1000


def test_a_second_run_continues_the_references(fresh: Casebook) -> None:
    add_demo_concerns(fresh, 8, 1, today=TODAY)
    add_demo_concerns(fresh, 8, 2, today=TODAY)
    references = [r for (r,) in fresh.cases.execute("SELECT reference FROM concerns")]
    assert len(references) == len(set(references)) == 16


def test_end_year_sets_the_last_financial_year(fresh: Casebook) -> None:
    add_demo_concerns(fresh, 10, 3, today=TODAY, end_year=2023)
    first, last = fresh.cases.execute(
        "SELECT min(received_on), max(received_on) FROM concerns").fetchone()
    assert first >= "2019-04-01" and last <= "2024-03-31"
    with pytest.raises(ValueError, match="has not started"):
        add_demo_concerns(fresh, 1, 3, today=TODAY, end_year=2027)


def test_batches_write_the_same_concerns_faster(
        generated: tuple[Casebook, DemoSummary, list[tuple[int, int]]], fresh: Casebook) -> None:
    progress: list[tuple[int, int]] = []
    summary = add_demo_concerns(fresh, COUNT, SEED, today=TODAY, batch_size=7,
                                on_progress=lambda done, total: progress.append((done, total)))
    assert _content(fresh) == _content(generated[0])
    assert _people(fresh) == _people(generated[0])
    assert (summary.concerns, summary.conversations, summary.identities) == (
        COUNT, generated[1].conversations, generated[1].identities)
    assert progress == [(done, COUNT) for done in range(1, COUNT + 1)]
    assert audit.verify(fresh.cases, fresh.audit_key).ok
    with pytest.raises(ValueError, match="at least one"):
        add_demo_concerns(fresh, 1, SEED, today=TODAY, batch_size=0)
