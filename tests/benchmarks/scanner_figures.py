"""The identifying-text scanner's figures: precision on the demo notes, and speed.

Precision: the demo generator writes notes that hold no identity of their own (case
text calls the person "C"), so every note that raises a notice is a false alarm.
Every conversation note of a casebook is scanned against all the identities the
casebook holds, with the note's own concern's person as C; the figure is the
number of notes raising any notice, per 200 notes (issue 11: at most 1).

The whole casebook: `casebook check --identity` (app/services/identity_check.py) scans
every piece of case text of every record, drafts included, each as part of its concern;
the figure is its wall time (issue 11: under 30 s at 10,000 concerns).

Speed: one 3,000-character note (demo-style sentences with a few names, a phone
number and an email in it, so every check does its work) against 10,000 held
identities, scanner prepared once; the median of many scans. Preparing the scanner
for 10,000 identities is reported beside it (median of a few builds, after the
first build of the process has loaded the word-frequency list).
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from app.core.identifying import HeldIdentity, Scanner, names, phones, words
from app.demo.phrases import _EMPLOYERS, _FIRST_NAMES, _JOB_TITLES, _LAST_NAMES
from app.store.casebook import Casebook
from app.store.identities import IdentityService
from tests.benchmarks.measure import Runs, timed
from tests.benchmarks.store_figures import NOTES

HELD = 10_000
NOTE_LENGTH = 3_000


@dataclass(frozen=True)
class Precision:
    notes: int
    noticed: int
    kinds: Counter[str]
    seconds: float  # scanning every note, scanner built

    @property
    def per_200(self) -> float:
        return 200 * self.noticed / self.notes if self.notes else 0.0


def demo_precision(book: Casebook) -> Precision:
    """Scan every conversation note of `book` as part of its own concern."""
    import time

    held = IdentityService(book).held_identities()
    rows = book.cases.execute(
        "SELECT c.person_ref, v.notes FROM conversations v JOIN concerns c"
        " ON c.id = v.concern_id ORDER BY v.id").fetchall()
    started = time.perf_counter()
    scanner = Scanner.build(held)
    kinds: Counter[str] = Counter()
    noticed = 0
    for person_ref, notes in rows:
        findings = scanner.scan(str(notes), own=person_ref)
        if findings:
            noticed += 1
            kinds.update(f.kind for f in findings)
    return Precision(len(rows), noticed, kinds, time.perf_counter() - started)


# ----- speed -------------------------------------------------------------------------------

_SYLLABLES = ("an", "bel", "cor", "dun", "el", "fair", "gar", "hol", "in", "kil", "lam",
              "mor", "nor", "ow", "pit", "quin", "ros", "stra", "tor", "ur", "val", "wick")


def synthetic_held(count: int = HELD, seed: int = 11) -> list[HeldIdentity]:
    """`count` made-up people: the demo's first names, surnames from the demo's and made-up
    ones (so most are distinct and many are rare), contact details, jobs, supporters."""
    rng = random.Random(seed)  # noqa: S311 - synthetic data
    people = []
    for index in range(count):
        first = rng.choice(_FIRST_NAMES)
        last = (rng.choice(_LAST_NAMES) if rng.random() < 0.3 else
                "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize())
        support = (f"{rng.choice(_FIRST_NAMES)} {rng.choice(_LAST_NAMES)} (Unison)"
                   if rng.random() < 0.2 else rng.choice(("", "A colleague")))
        people.append(HeldIdentity(
            f"P-{index:05d}", f"{first} {last}",
            other_names=(f"{first[:3]} {last}",) if rng.random() < 0.1 else (),
            emails=(f"{first.lower()}.{last.lower()}{index}@example.org",),
            phones=(f"07700 900{index % 1000:03d}" if index % 2 else
                    f"0131 496 {index % 10000:04d}",),
            employer=rng.choice(_EMPLOYERS), job_title=rng.choice(_JOB_TITLES),
            support_person=support))
    return people


def long_note(held: list[HeldIdentity], length: int = NOTE_LENGTH) -> str:
    """A note of exactly `length` characters: demo sentences with a held name, C's first
    name, a phone number and an email among them."""
    extras = (f" {held[1].name} was also on shift.", " Call 07700 900456 after six.",
              f" {held[0].name.split()[0]} will email jo.bloggs@example.org.",
              " The ward had 28 beds and 7 falls in 6 weeks.")
    text = ""
    index = 0
    while len(text) < length:
        text += NOTES + extras[index % len(extras)] + " "
        index += 1
    return text[:length]


@dataclass(frozen=True)
class Speed:
    scan: Runs
    build: Runs
    first_build: float  # including the word-frequency list's first load, if not yet loaded
    findings: int


def _build_afresh(held: list[HeldIdentity]) -> Scanner:
    """A build that gains nothing from the one before (the scanner's own caches emptied)."""
    for cached in (names.name_shape, phones.e164, words.zipf):
        cached.cache_clear()
    return Scanner.build(held)


def scanner_speed(runs: int = 50, builds: int = 3, held_count: int = HELD) -> Speed:
    held = synthetic_held(held_count)
    first = timed(lambda: _build_afresh(held), 1, 0).times[0]
    build = timed(lambda: _build_afresh(held), builds, 0)
    scanner = _build_afresh(held)
    note = long_note(held)
    own = held[0].person_ref
    scan = timed(lambda: scanner.scan(note, own=own), runs, warmups=3)
    return Speed(scan, build, first, len(scanner.scan(note, own=own)))


def kinds_text(kinds: Iterable[tuple[str, int]]) -> str:
    return ", ".join(f"{kind} {count}" for kind, count in kinds) or "none"


# ----- the whole casebook ------------------------------------------------------------------


@dataclass(frozen=True)
class CasebookScan:
    runs: Runs
    records: int
    pieces: int
    findings: int


def casebook_scan(book: Casebook, runs: int) -> CasebookScan:
    """`casebook check --identity` on an open casebook (the scanner built in the first run,
    as after unlocking; later runs reuse it, as a second check in the same session does)."""
    from app.services import identity_check

    reports: list[object] = []
    timing = timed(lambda: reports.append(identity_check.check_casebook(book)), runs,
                   warmups=0)
    report = reports[-1]
    assert isinstance(report, identity_check.IdentityCheckReport)
    return CasebookScan(timing, report.records, report.pieces, len(report.findings))
