"""Words in folded text, and how common a word is.

"Common" is decided by `wordfreq` (word frequencies across large English corpora,
including names as they are used), on the Zipf scale: log10 of a word's
frequency per billion words, so 3 is once per million words and 6 once per
thousand. Two thresholds:
- DISTINCTIVE_BELOW = 3.4: another held person's surname alone is looked for only
  if it is rarer than this ("Erskine" 2.97, "Lennox" 3.18 are; "Patel" 3.49,
  "Khan" 4.25, "Ward" 4.37, "May" 5.98 are not);
- COMMON_FROM = 4.0: a part of C's own name at least this common ("Will" 6.45,
  "Grace" 4.56, "Ward" 4.37) is looked for only where it is written with a capital.

The few short word lists below (titles, reporting verbs, words that make a job
title unique) are English function words that no library lists for this purpose;
they are written out here and kept short on purpose.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

DISTINCTIVE_BELOW = 3.4
COMMON_FROM = 4.0

# Titles before a surname. STRONG ones make any held surname after them a name;
# the others ("Sister", "Nurse") are also ordinary words, so they only count for C.
STRONG_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor"})
TITLES = STRONG_TITLES | frozenset({"doctor", "sister", "nurse", "sir", "dame", "rev",
                                    "cllr", "councillor", "matron"})
# Verbs that make the word before them a person: "Ng said".
REPORTING = frozenset({"said", "says", "told", "tells", "reported", "reports", "asked",
                       "explained", "wrote", "emailed", "phoned", "called", "thinks",
                       "thought", "felt", "feels"})
# Words before a job title that make it point at one person: "the only band 7 pharmacist".
UNIQUE = frozenset({"only", "sole", "lone", "single"})

TOKEN = re.compile(r"[^\W\d_]+|\d+")  # letters, or digits: "Jordan2" is a name and a 2
# What may stand between the words of one name: spaces, a hyphen, an apostrophe, a dot.
NAME_GAP = re.compile(r"[ \-'.\u2019]{0,3}")
TITLE_GAP = re.compile(r"\.? {1,2}|\. ?")


class Token(NamedTuple):
    """A word of the folded text (a tuple: made a million times in a whole-casebook check,
    where a frozen dataclass's slower construction was a third of the time)."""

    text: str
    start: int  # in the folded text
    end: int


def tokens(folded: str) -> list[Token]:
    return [Token(m.group(0), *m.span()) for m in TOKEN.finditer(folded)]


def word_tokens(folded: str) -> tuple[str, ...]:
    return tuple(TOKEN.findall(folded))


@functools.lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    from wordfreq import zipf_frequency  # loaded on first use: its word list takes ~0.2 s

    return float(zipf_frequency(word, "en"))


def warm_in_background() -> None:
    """Load the word list on a thread of its own, once. Its loading holds the interpreter
    lock for tens of milliseconds at a time (unpacking the list in C); the window starts it
    while the key derivation runs on unlocking, when it costs no one a wait, rather than
    meeting it later in the middle of someone's work (the first check of a text)."""
    import threading

    global _warming
    if _warming is None:
        _warming = threading.Thread(target=zipf, args=("casebook",), name="word-list",
                                    daemon=True)
        _warming.start()


_warming: object | None = None


def is_distinctive(parts: tuple[str, ...]) -> bool:
    """A name part rare enough to stand alone: some word of three letters or more in it is
    rarer than DISTINCTIVE_BELOW."""
    return any(len(p) >= 3 and not p.isdigit() and zipf(p) < DISTINCTIVE_BELOW for p in parts)


def is_common(parts: tuple[str, ...]) -> bool:
    """Every word of it is an everyday word (at least COMMON_FROM)."""
    return all(zipf(p) >= COMMON_FROM for p in parts)
