"""Names and phrases: held people's names, C's job title and employer, the never-publish
list and the allow-list, all matched as sequences of folded words.

A phrase index maps each phrase (a tuple of folded words) to who it belongs to and in
what role; matching walks the text's words once, extending a candidate only while it
is still the start of some phrase, so its cost follows the text, not the casebook.

What is looked for:
- C (the concern's own person, given at scan time): every name and other name whole;
  each word of them alone ("Jordan", "Testperson", "O'Neill"), and the surname part
  after the first name ("Ó Briain"); an everyday word ("Will", "Ward") only where it
  is written with a capital and no number follows ("Ward 3", "May 2025"); a
  two-letter part ("Wu", "Ng") only after a title ("Mr Wu"), before a reporting
  verb ("Ng said") or after the person's initial, and then wherever else it is
  written with a capital in the same text; a single letter never. A title or
  initials just before are masked with the name.
  C's job title when it is specific (three words or more, or two with a number or a
  rare word: "band 7 pharmacist") or follows "only"/"sole"; C's employer when its
  name is specific (two words not all everyday ones, or one rare word).
- Everyone else held: a name or other name whole (two words or more), a support
  person's name, a distinctive surname alone (words.DISTINCTIVE_BELOW), and any
  held surname after a title such as "Mr" or "Dr", or after the right initial
  with a dot ("J. Smith"), when written with a capital. Never a first name alone.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from app.core.identifying.findings import HeldIdentity
from app.core.identifying.normalise import Folded, fold_phrase
from app.core.identifying.words import (
    NAME_GAP,
    REPORTING,
    STRONG_TITLES,
    TITLES,
    UNIQUE,
    Token,
    is_common,
    is_distinctive,
    word_tokens,
)

Key = tuple[str, ...]

# Roles of a phrase in the index.
FULL = "full"  # a whole name
PART = "part"  # a word or the surname part of C's name (C's own index only)
SURNAME = "surname"  # another person's distinctive surname, alone
TITLED = "titled"  # another person's surname: only after a title or initial
SUPPORT = "support"  # a support person's name
JOB = "job"  # C's job title, specific enough alone
JOB_CUED = "job_cued"  # C's job title, only after "only"/"sole"
EMPLOYER = "employer"  # C's employer, specific enough alone
EMPLOYER_CUED = "employer_cued"  # C's employer, only after "only"/"sole"
NEVER = "never"  # the never-publish list
ALLOW = "allow"  # the allow-list: findings inside it are dropped

_SUPPORT_SPLIT = re.compile(r"[,;()/\[\]]|\s[-\u2013\u2014]\s")
_SAID_GAP = re.compile(r" {1,2}")
_INITIAL_GAP = re.compile(r"\.? {0,2}")
_DOTTED_INITIAL_GAP = re.compile(r"\. {0,2}")
_TITLE_GAP = re.compile(r"\.? {1,2}|\.")


# Whose phrase this is (a person_ref, or "" for the organisation's lists), and as what (a
# role above). A plain tuple of two strings: the garbage collector stops tracking plain
# tuples of strings (not named tuples), and a large casebook's index holds 180,000 of them
# at 100,000 concerns, which every full collection would otherwise walk while holding the
# interpreter lock (the window waits for it).
Entry = tuple[str, str]


@dataclass
class PhraseIndex:
    # Lists while it is built; `seal` makes them tuples, which the garbage collector stops
    # tracking (a large casebook's index holds one for each distinct name).
    phrases: dict[Key, list[Entry] | tuple[Entry, ...]] = field(default_factory=dict)
    prefixes: set[Key] = field(default_factory=set)
    longest: int = 0
    first_words: set[str] = field(default_factory=set)  # a text with none matches nothing

    def add(self, key: Key, entry: Entry) -> None:
        if not key:
            return
        entries = self.phrases.get(key)
        if entries is None:  # a new phrase: its first word and prefixes are new too
            self.phrases[key] = [entry]
            self.first_words.add(key[0])
            prefixes = self.prefixes
            for n in range(1, len(key) + 1):
                prefixes.add(key[:n])
            self.longest = max(self.longest, len(key))
        elif isinstance(entries, list):  # a repeat (a shared surname) costs only a look
            entries.append(entry)
        else:
            self.phrases[key] = (*entries, entry)

    def seal(self) -> None:
        """Once built: each phrase's entries as a tuple."""
        self.phrases = {key: tuple(entries) for key, entries in self.phrases.items()}

    def matches(self, toks: list[Token], joined: list[bool]
                ) -> Iterator[tuple[int, int, Sequence[Entry]]]:
        """(first word, one past the last, entries) for every phrase in the words, whose
        words are separated only by name gaps (joined[k]: words k and k+1 are)."""
        count = len(toks)
        prefixes, phrases = self.prefixes, self.phrases
        for i in range(count):
            key: Key = (toks[i].text,)
            if key not in prefixes:
                continue
            j = i + 1
            while True:
                entries = phrases.get(key)
                if entries:
                    yield i, j, entries
                if j >= count or not joined[j - 1] or len(key) >= self.longest:
                    break
                key = (*key, toks[j].text)
                if key not in prefixes:
                    break
                j += 1


def joined_words(folded: str, toks: list[Token]) -> list[bool]:
    return [NAME_GAP.fullmatch(folded, toks[k].end, toks[k + 1].start) is not None
            for k in range(len(toks) - 1)]


# ----- held names as phrases -------------------------------------------------------------


@dataclass(frozen=True)
class NameShape:
    """A name cut into folded words: the whole, each written word, and the surname part."""

    whole: Key
    words: tuple[Key, ...]

    @property
    def surnames(self) -> tuple[Key, ...]:
        if len(self.words) < 2:
            return self.words
        tail = tuple(t for word in self.words[1:] for t in word)
        return tuple(dict.fromkeys((tail, self.words[-1])))

    @property
    def initials(self) -> frozenset[str]:
        return frozenset(word[0][0] for word in self.words[:-1] if word)


@functools.lru_cache(maxsize=16384)
def name_shape(name: str) -> NameShape:
    # Digits are no part of a name ("Person 101" in a log is a placeholder, not a surname).
    words = [w for w in (tuple(t for t in word_tokens(part) if not t.isdigit())
                         for part in fold_phrase(name).split()) if w]
    while len(words) > 1 and len(words[0]) == 1 and words[0][0] in TITLES:
        words = words[1:]  # "Dr Jordan Testperson": the title is not part of the name
    return NameShape(tuple(t for w in words for t in w), tuple(words))


def support_names(text: str) -> list[NameShape]:
    """The names in a support-person field: pieces of two words or more, each written with
    a capital ("Jo Bloggs (Unison)"); a description ("A colleague") is not a name."""
    found = []
    for piece in _SUPPORT_SPLIT.split(text):
        words = piece.split()
        if len(words) >= 2 and all(w[:1].isupper() for w in words):
            found.append(name_shape(piece))
    return found


def names_of(person: HeldIdentity) -> list[NameShape]:
    shapes = [name_shape(n) for n in (person.name, *person.other_names) if n.strip()]
    return [s for s in shapes if s.whole]


def add_held(index: PhraseIndex, person: HeldIdentity) -> frozenset[str]:
    """Another person's names, as looked for when they are not the concern's own person;
    returns the initials of their first and middle names."""
    ref = person.person_ref
    initials: set[str] = set()
    for shape in names_of(person):
        initials |= shape.initials
        if len(shape.whole) >= 2:
            index.add(shape.whole, (ref, FULL))
        for surname in shape.surnames:
            if sum(len(t) for t in surname) < 2:
                continue
            role = SURNAME if is_distinctive(surname) else TITLED
            index.add(surname, (ref, role))
    for shape in support_names(person.support_person):
        index.add(shape.whole, (ref, SUPPORT))
    return shared(frozenset(initials))


def own_index(person: HeldIdentity) -> PhraseIndex:
    """C's names, job title and employer, as looked for in C's own concern."""
    index = PhraseIndex()
    ref = person.person_ref
    for shape in names_of(person):
        index.add(shape.whole, (ref, FULL))
        for part in (*shape.words, *shape.surnames):
            index.add(part, (ref, PART))
            for word in part:
                if len(word) >= 2:
                    index.add((word,), (ref, PART))
    for shape in support_names(person.support_person):
        index.add(shape.whole, (ref, SUPPORT))
    job = word_tokens(fold_phrase(person.job_title))
    if job:
        specific = len(job) >= 3 or (len(job) == 2 and (
            any(t.isdigit() for t in job) or is_distinctive(job)))
        index.add(job, (ref, JOB if specific else JOB_CUED))
    employer = word_tokens(fold_phrase(person.employer))
    if employer:
        specific = (len(employer) >= 2 and not is_common(employer)) or is_distinctive(employer)
        index.add(employer, (ref, EMPLOYER if specific else EMPLOYER_CUED))
    return index


_SHARED: dict[frozenset[str], frozenset[str]] = {}


def shared(items: frozenset[str]) -> frozenset[str]:
    """One frozenset for each distinct set of initials (a few hundred), not one a person:
    sets are always tracked by the garbage collector, and every full collection walks them."""
    return _SHARED.setdefault(items, items)


def own_initials(person: HeldIdentity) -> frozenset[str]:
    found: set[str] = set()
    for shape in names_of(person):
        found |= shape.initials
    return frozenset(found)


# ----- deciding a match --------------------------------------------------------------------


@dataclass(frozen=True)
class Context:
    """The words of one text, for the checks around a match."""

    folded: Folded
    toks: list[Token]

    def _gap(self, pattern: re.Pattern[str], left: int, right: int) -> bool:
        return pattern.fullmatch(self.folded.text, self.toks[left].end,
                                 self.toks[right].start) is not None

    def title_before(self, i: int, titles: frozenset[str]) -> int | None:
        """Where a title just before word i starts, if there is one."""
        if i >= 1 and self.toks[i - 1].text in titles and self._gap(_TITLE_GAP, i - 1, i):
            return self.toks[i - 1].start
        return None

    def reporting_after(self, j: int) -> bool:
        return (j < len(self.toks) and self.toks[j].text in REPORTING
                and self._gap(_SAID_GAP, j - 1, j))

    def initials_before(self, i: int, initials: frozenset[str], dotted: bool) -> int | None:
        """Where initials (one or two letters of `initials`) just before word i start."""
        gap = _DOTTED_INITIAL_GAP if dotted else _INITIAL_GAP
        start = None
        k = i
        while k >= 1 and i - k < 2:
            prev = self.toks[k - 1]
            if len(prev.text) != 1 or prev.text not in initials or not self._gap(gap, k - 1, k):
                break
            start, k = prev.start, k - 1
        return start

    def number_after(self, j: int) -> bool:
        return (j < len(self.toks) and self.toks[j].text.isdigit()
                and self._gap(_SAID_GAP, j - 1, j))

    def cue_before(self, i: int) -> bool:
        return any(t.text in UNIQUE for t in self.toks[max(0, i - 3):i])

    def capital(self, i: int) -> bool:
        return self.folded.is_upper(self.toks[i].start)


def is_short(key: Key) -> bool:
    """A name part whose longest word has two letters ("Wu", "Ng")."""
    return max(len(t) for t in key) == 2


def own_match(ctx: Context, i: int, j: int, key: Key, role: str,
              initials: frozenset[str]) -> tuple[str, int] | None:
    """(kind, start in the folded text) if C's phrase key at words i:j counts, else None."""
    start = ctx.toks[i].start
    if role == FULL and len(key) == 1:
        role = PART  # a one-word name is judged as a part
    if role in (FULL, PART):
        lead = ctx.title_before(i, TITLES)
        lead = lead if lead is not None else ctx.initials_before(i, initials, dotted=False)
        if role == PART:
            longest = max(len(t) for t in key)
            if longest < 2:
                return None
            if longest == 2 and lead is None and not ctx.reporting_after(j):
                return None
            if longest > 2 and is_common(key) and (not ctx.capital(i) or ctx.number_after(j)):
                return None  # "the ward", "in may"; "Ward 3", "May 2025"
        return "own_name", start if lead is None else lead
    if role == SUPPORT:
        return "other_name", start
    if role == JOB or (role == JOB_CUED and ctx.cue_before(i)):
        return "own_job_title", start
    if role == EMPLOYER or (role == EMPLOYER_CUED and ctx.cue_before(i)):
        return "own_employer", start
    return None


def other_match(ctx: Context, i: int, role: str, initials: frozenset[str]
                ) -> tuple[str, int] | None:
    """(kind, start) if another held person's phrase at word i counts, else None."""
    start = ctx.toks[i].start
    if role in (FULL, SUPPORT, SURNAME):
        lead = ctx.title_before(i, STRONG_TITLES)
        return "other_name", start if lead is None else lead
    if role == TITLED and ctx.capital(i):
        lead = ctx.title_before(i, STRONG_TITLES)
        if lead is None:
            lead = ctx.initials_before(i, initials, dotted=True)
        if lead is not None:
            return "other_name", lead
    return None

