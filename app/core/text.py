"""Text from outside (a return, a file name, a spreadsheet cell) made safe to show.

Control and format characters are escaped as \\uXXXX rather than printed: a newline or
carriage return could forge a line of output, an ANSI escape could rewrite the
terminal, a right-to-left override could make a name read as something else, and a
NUL can end a string early in C code. CSV cells that a spreadsheet would run as a
formula get a leading apostrophe.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Any

_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def visible(text: str, limit: int | None = None, *, keep: str = "") -> str:
    """`text` with every control, format or unassigned character shown as an escape (those
    in `keep`, such as a newline in a multi-line statement, stay); cut to `limit`
    characters of the original with an ellipsis."""
    cut = text if limit is None or len(text) <= limit else text[: max(limit - 1, 0)]
    shown = "".join(
        ch if ch in keep or unicodedata.category(ch) not in _HIDDEN_CATEGORIES
        else f"\\u{ord(ch):04x}" for ch in cut)
    return shown + ("…" if cut is not text else "")


def has_hidden_characters(text: str, *, allow: str = "") -> bool:
    return any(ch not in allow and unicodedata.category(ch) in _HIDDEN_CATEGORIES
               for ch in text)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_cell(value: object) -> str:
    """A value as a CSV cell that a spreadsheet shows as text and never runs: text starting
    with a formula character gets a leading apostrophe (numbers, such as -3, stay numbers)."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START) and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return text.strip() == text and text.lower() not in ("nan", "inf", "-inf", "+inf",
                                                         "infinity", "-infinity", "+infinity")


class FormulaSafeWriter:
    """Wraps a csv writer so that every cell it writes goes through csv_cell."""

    def __init__(self, writer: Any) -> None:
        self._writer = writer

    def writerow(self, row: Iterable[object]) -> None:
        self._writer.writerow([csv_cell(value) for value in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)
