"""Text folded for matching, with a map back to the original positions.

Every check in the scanner runs over the folded text, so a disguise costs nothing
to see through; every finding is mapped back, so masking replaces exactly the
characters that were typed (the soft hyphen, the accent, the Cyrillic letter).

Folding, character by character:
- NFKC first (full-width and mathematical letters, ligatures: "ﬁ" -> "fi");
- format characters (Unicode category Cf: soft hyphen, zero-width space and
  joiners, word joiner, direction marks) are dropped, and so are combining marks
  (accents: "Zoë" -> "zoe", also when typed as "e" + U+0308);
- every space (Zs, line and paragraph separators, tabs, newlines) becomes " ";
- letters are case-folded, then folded to their Latin skeleton with Unicode's
  TR39 confusables table (Cyrillic "Ѕ" -> "s", Greek "ο" -> "o"; "ø" -> "o");
- dashes and quote marks that TR39 says look like "-" or "'" become those.
Digits are left alone (TR39 would fold "0" to "O" and "1" to "l", which would
break every number check), so a name spelled with digits for letters is not seen.

The confusables data is the Unicode file as shipped by `confusable-homoglyphs`
(its confusables.json). That package stores each line "source -> prototype" both
ways round, so the direction is recovered: the entries form stars, one prototype
joined to its sources, and the prototype is the centre (or, for a lone pair, the
one that is several characters long, or plain ASCII). Both the held names and the
text go through the same fold, so any consistent choice compares equal.
"""

from __future__ import annotations

import functools
import json
import string
import unicodedata
from dataclasses import dataclass
from importlib import resources

SPACES = frozenset("\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85")
_ASCII_LOWER = frozenset(string.ascii_lowercase)
_ASCII_UPPER = frozenset(string.ascii_uppercase)
_ASCII_PUNCT = frozenset("-'.@,:;/()[]+")
_BIDI_MARKS = str.maketrans("", "", "\u200e\u200f")
_ASCII_SPACES = str.maketrans({ch: " " for ch in SPACES if ch.isascii()})


@dataclass(frozen=True)
class Folded:
    """`text` folded; `source[i]` is the original index of folded character i (None: the
    same index, the text was plain ASCII and folding changed no length)."""

    original: str
    text: str
    source: tuple[int, ...] | None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original characters behind folded `start:end`, with any accents or format
        characters that trail the last one (dropped in folding, still part of the word)."""
        if self.source is None:
            return start, end
        if end <= start:
            at = self.source[start] if start < len(self.source) else len(self.original)
            return at, at
        first, last = self.source[start], self.source[end - 1] + 1
        while last < len(self.original) and _dropped_mark(self.original[last]):
            last += 1
        return first, last

    def is_upper(self, start: int) -> bool:
        """Whether the original character behind folded `start` is a capital letter."""
        at = start if self.source is None else self.source[start]
        return self.original[at].isupper()


def _dropped_mark(ch: str) -> bool:
    return unicodedata.category(ch) in ("Mn", "Me", "Mc", "Cf")


def fold(text: str) -> Folded:
    """`text` folded for matching (see the module's note)."""
    if text.isascii():
        return Folded(text, text.translate(_ASCII_SPACES).lower(), None)
    pieces: list[str] = []
    source: list[int] = []
    for index, ch in enumerate(text):
        out = _fold_char(ch)
        if out:
            pieces.append(out)
            source.extend([index] * len(out))
    return Folded(text, "".join(pieces), tuple(source))


def fold_phrase(text: str) -> str:
    """A held name, email or phrase folded the same way as the text it is looked for in."""
    return fold(text).text


@functools.lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    if ch.isascii():
        return " " if ch in SPACES else ch.lower()
    out: list[str] = []
    for part in unicodedata.normalize("NFKC", ch):
        category = unicodedata.category(part)
        if category in ("Cf", "Mn", "Me", "Mc"):
            continue
        if part in SPACES or category in ("Zs", "Zl", "Zp"):
            out.append(" ")
        elif category.startswith("L"):
            out.append(_fold_letter(part))
        elif category.startswith(("P", "S")) and not part.isascii():
            look = _skeleton_ascii(part, _ASCII_PUNCT)
            out.append(look if look is not None else part)
        else:
            out.append(part)
    return "".join(out)


def _strip_marks(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", text)
                   if unicodedata.category(ch) not in ("Mn", "Me", "Mc", "Cf"))


def _fold_letter(ch: str) -> str:
    plain = _strip_marks(ch.casefold())
    if plain.isascii():
        return plain  # accents and case: "É" -> "e", "ß" -> "ss"
    if ch.isupper():
        # A capital that looks like a Latin capital ("Т", "Ν", "І") reads as that letter,
        # whatever its small form looks like.
        capital = _skeleton_ascii(ch, _ASCII_UPPER)
        if capital is not None:
            return capital.lower()
    folded = []
    for part in plain:
        if part.isascii():
            folded.append(part)
            continue
        look = _skeleton_ascii(part, _ASCII_LOWER)
        folded.append(look if look is not None else part)
    return "".join(folded)


def _skeleton_ascii(ch: str, wanted: frozenset[str]) -> str | None:
    """The one character of `wanted` that TR39 says `ch` looks like, or the prototype of
    its confusable set when that is plain ASCII once accents are stripped ("æ" -> "ae")."""
    group = _confusables().get(ch)
    if group is None:
        return None
    members, prototype = group
    found = [m for m in members if m in wanted]
    if len(found) == 1:
        return found[0]
    if wanted is _ASCII_LOWER:
        plain = _strip_marks(prototype).casefold()
        if plain.isascii() and plain.isalpha():
            return plain
    return None


@functools.cache
def _confusables() -> dict[str, tuple[frozenset[str], str]]:
    """Every confusable character -> (its confusable set, the set's prototype)."""
    raw = resources.files("confusable_homoglyphs").joinpath("confusables.json").read_text(
        encoding="utf-8")
    data: dict[str, list[dict[str, str]]] = json.loads(raw)
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    degree: dict[str, int] = {}
    for key, entries in data.items():
        a = key.translate(_BIDI_MARKS)
        for entry in entries:
            b = entry["c"].translate(_BIDI_MARKS)
            parent[root(a)] = root(b)
            degree[a] = degree.get(a, 0) + 1
    groups: dict[str, list[str]] = {}
    for node in parent:
        groups.setdefault(root(node), []).append(node)
    table: dict[str, tuple[frozenset[str], str]] = {}
    for members in groups.values():
        # The prototype: the centre of the star; for a lone pair, the longer one (sources
        # are single characters), then plain ASCII, then the lower code point.
        prototype = max(members, key=lambda m: (degree.get(m, 0), len(m), m.isascii(),
                                                [-ord(c) for c in m]))
        shared = frozenset(members)
        for member in members:
            if len(member) == 1:
                table[member] = (shared, prototype)
    return table
