"""The concerns list's SQL: search over one document per concern, sorts walked from indexes,
the next deadline with concerns that have none last, and counts that agree with pages."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.core.identifying import Scanner
from app.core.records import Anonymity, ConversationMode
from app.demo import add_demo_concerns
from app.services import concern_list
from app.store import database, listing, migrations, search_index
from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from app.store.listing import ListQuery
from tests.store.test_concerns import NAMED
from tests.support import PASSPHRASE, TODAY


def _ids(book: Casebook, query: ListQuery) -> list[int]:
    return [row.concern_id for row in listing.page(book.cases, query, 0, 10_000)]


def _found(book: Casebook, text: str) -> set[int]:
    concern_list.prepare_search(book)  # what the list does before a search
    found = set(_ids(book, ListQuery(search=text)))
    assert listing.count(book.cases, ListQuery(search=text)) == len(found)
    return found


def test_search_finds_a_concern_by_its_own_text_and_its_conversations(
        book: Casebook, service: ConcernService) -> None:
    first = service.create(NAMED)
    other = service.create(replace(NAMED, summary="Broken hoist in the care home",
                                   service_area="Care at home service", person=None,
                                   anonymity=Anonymity.ANONYMOUS, starting_stage=None,
                                   consent_on=None, consent_method=None))
    service.log_conversation(first, date(2025, 5, 6), ConversationMode.PHONE,
                             "C described missed observations on the late shift.",
                             "Call again next week")
    conversation = service.log_conversation(first, date(2025, 5, 9), ConversationMode.PHONE,
                                            "Rota published late again.")
    assert _found(book, "controlled drugs") == {first}  # the summary
    assert _found(book, "WB-2025-0002") == {other}  # the reference
    assert _found(book, "ward") == {first}  # the service area
    assert _found(book, "observations late") == {first}  # a conversation's notes
    assert _found(book, "next week") == {first}  # its next steps
    assert _found(book, "hoist observations") == set()  # every word, in one concern
    assert _found(book, "missed rota") == {first}  # words from two of its conversations
    assert _found(book, "obser") == {first}  # the last word as typed so far
    assert _found(book, "CARE-HOME") == {other}  # any case, any punctuation
    assert _found(book, "snake_case") == set()  # an underscore separates words too
    assert _found(book, "  ,; ") == {first, other}  # no words: no search

    service.update_conversation(conversation, "Rota now published on time.", "")
    assert _found(book, "late rota") == {first}  # still in the other conversation
    assert _found(book, "time") == {first}
    service.update_intake(other, summary="Faulty lift")
    assert _found(book, "hoist") == set() and _found(book, "lift") == {other}
    with database.write(book.cases):
        book.cases.execute("DELETE FROM conversations WHERE id = ?", (conversation,))
    assert _found(book, "time") == set()
    with database.write(book.cases):
        book.cases.execute("DELETE FROM concerns WHERE id = ?", (first,))
    assert _found(book, "observations") == set()
    assert book.cases.execute("SELECT count(*) FROM concern_search").fetchone()[0] == 1


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from tests.support import CHEAP_ARGON2

    book, _ = Casebook.create(tmp_path_factory.mktemp("listing") / "casebook", PASSPHRASE,
                              organisation="o", unit="u", argon2=CHEAP_ARGON2)
    add_demo_concerns(book, 300, 11, today=TODAY, batch_size=100)
    concern_list.prepare_search(book)
    yield book
    book.close()


def _reference_order(book: Casebook, query: ListQuery) -> list[int]:
    """Every matching concern in the list's order, sorted in Python from plain reads."""
    where, args = listing._where(query)
    rows = book.cases.execute(
        f"SELECT id, reference, received_on, stage, closure, next_due, service_type"
        f" FROM concerns{where}", args).fetchall()
    column = {"reference": 1, "received_on": 2, "stage": 3, "closure": 4, "next_due": 5,
              "service_type": 6}[query.sort]
    if query.sort == "next_due":  # concerns without a deadline last, either way
        dated = sorted((r for r in rows if r[5]), key=lambda r: (r[5], r[0]),
                       reverse=query.descending)
        undated = sorted((r for r in rows if not r[5]), key=lambda r: r[0],
                         reverse=query.descending)
        return [r[0] for r in dated + undated]
    within = (2,) if query.sort in ("stage", "closure", "service_type") else ()
    ordered = sorted(rows, key=lambda r: (r[column], *(r[i] for i in within), r[0]),
                     reverse=query.descending)
    return [r[0] for r in ordered]


@pytest.mark.parametrize("sort", listing.SORT_COLUMNS)
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("filters", [
    {}, {"stage": "stage2"}, {"status": "open"}, {"service_type": "nhs"},
    {"overdue_on": TODAY}, {"search": "staff"}, {"search": "staff", "stage": "stage1"},
])
def test_every_sort_and_filter_pages_in_order(demo: Casebook, sort: str, descending: bool,
                                              filters: dict[str, object]) -> None:
    query = ListQuery(sort=sort, descending=descending, **filters)  # type: ignore[arg-type]
    expected = _reference_order(demo, query)
    assert listing.count(demo.cases, query) == len(expected)
    pages: list[int] = []
    for offset in range(0, len(expected) + 7, 7):  # small pages cross every boundary
        pages.extend(r.concern_id for r in listing.page(demo.cases, query, offset, 7))
    assert pages == expected
    assert listing.first_page(demo.cases, query, 7) == (len(expected), listing.page(
        demo.cases, query, 0, 7))


@pytest.mark.parametrize("text", ["staff", "insulin", "WB-2024-0003", "nothing like it"])
def test_the_first_page_of_a_search_looks_up_few_matches_and_walks_many(
        demo: Casebook, text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for few in (0, 10**9):  # always walk the index, or always look the matches up
        monkeypatch.setattr(listing, "_FEW", few)
        for query in (ListQuery(search=text), ListQuery(search=text, status="closed"),
                      ListQuery(search=text, sort="next_due", descending=False)):
            expected = _reference_order(demo, query)
            assert listing.first_page(demo.cases, query, 50) == (
                len(expected), listing.page(demo.cases, query, 0, 50))
            assert [r.concern_id for r in listing.first_page(demo.cases, query, 50)[1]] == \
                expected[:50]
    assert demo.cases.execute("SELECT count(*) FROM temp.sqlite_master WHERE name ="
                              " 'list_matches'").fetchone()[0] == 0


def test_sorts_walk_an_index(demo: Casebook) -> None:
    for sort in listing.SORT_COLUMNS:
        for descending in (False, True):
            query = ListQuery(sort=sort, descending=descending)
            if sort == "next_due":
                continue  # two walks, tested above for order
            where, args = listing._where(query)
            plan = " ".join(row[3] for row in demo.cases.execute(
                f"EXPLAIN QUERY PLAN SELECT id FROM concerns{where}{listing._order(query)}",
                args))
            assert "TEMP B-TREE" not in plan, (sort, descending, plan)


def test_concerns_held_before_version_4_are_indexed_on_upgrade(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Since version 7 the application writes the index (masked): an upgrade leaves every
    concern pending, with nothing of the old index left, and the entries written then are
    found."""
    conn = database.connect(tmp_path / "cases.db", bytes(32), create=True)
    migrations.apply(conn, "cases", up_to=3)
    with database.write(conn):
        for number, summary in ((1, "Broken hoist"), (2, "Rotas published late")):
            conn.execute(
                "INSERT INTO concerns (id, reference, received_on, channel, raised_with,"
                " raiser_category, anonymity, service_type, summary, created_at, updated_at)"
                " VALUES (?, ?, '2025-05-02', 'email', 'confidential_contact', 'employee',"
                " 'anonymous', 'nhs', ?, 'now', 'now')", (number, f"WB-2025-000{number}",
                                                          summary))
        conn.execute("INSERT INTO conversations (concern_id, held_on, mode, notes, created_at,"
                     " updated_at) VALUES (2, '2025-05-03', 'email', 'Needlestick injury',"
                     " 'now', 'now')")
    migrations.apply(conn, "cases")
    assert migrations.current_version(conn) == migrations.latest("cases") >= 7
    assert conn.execute("SELECT count(*) FROM concern_search").fetchone() == (0,)
    assert search_index.pending(conn) == 2
    search_index._write(conn, Scanner.patterns_only(), [1, 2])
    assert search_index.pending(conn) == 0

    def found(text: str) -> set[int]:
        return {row.concern_id for row in listing.page(conn, ListQuery(search=text))}

    assert found("hoist") == {1}
    assert found("needlestick rotas") == {2}
    assert found("WB-2025") == {1, 2}
    conn.close()


def test_a_new_persons_words_mark_only_the_entries_that_hold_them(demo: Casebook) -> None:
    """Adding a person marks the concerns whose entries hold the person's words, and the
    work done depends on what is found, not on how many concerns the casebook holds (the
    match used to be asked once per concern: 17 ms a person at 5,000 concerns)."""
    concern_list.prepare_search(demo)
    holding = _found(demo, "insulin")
    assert 0 < len(holding) < 300
    steps = 0

    def count() -> int:
        nonlocal steps
        steps += 1
        return 0

    demo.cases.set_progress_handler(count, 1)
    try:
        assert search_index.mark_mentions(demo.cases, ["zzzqxnever"]) == 0
        unmatched = steps
        steps = 0
        assert search_index.mark_mentions(demo.cases, ["insulin"]) == len(holding)
        matched = steps
    finally:
        demo.cases.set_progress_handler(None, 1)
    assert unmatched < 200, unmatched  # 13,537 (about 45 a concern) when each concern was asked
    assert matched < 200 + 60 * len(holding), (matched, len(holding))
    pending = {r[0] for r in demo.cases.execute("SELECT concern_id FROM search_pending")}
    assert pending == holding
    concern_list.prepare_search(demo)
