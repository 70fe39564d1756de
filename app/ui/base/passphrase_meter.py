"""How strong a new passphrase looks: a pure scoring function and a small bar with words.

The rule that decides is the store's (check_new_passphrase: at least 12 characters,
not just a few characters repeated); the meter only advises. Its estimate is
deliberately rough and cautious: repeats, runs such as "abcd" or "1234", keyboard
rows and well-known passwords count for little, and several unrelated words count
for a lot.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from app.store.encrypted import MIN_PASSPHRASE, check_new_passphrase
from app.store.errors import WeakPassphrase

# Parts of passwords everyone tries first; each counts as a single character.
_COMMON = (
    "password", "passw0rd", "qwertyuiop", "asdfghjkl", "zxcvbnm", "123456789", "letmein",
    "welcome", "iloveyou", "monkey", "dragon", "football", "sunshine", "princess", "admin",
    "casebook", "whistleblow", "scotland", "nhsscotland", "abc123", "qwerty", "000000",
)
_MAX_LEVEL = 4
_LEVEL_BITS = (0, 35, 50, 65)  # below 35 bits weak, below 50 fair, below 65 good
_BITS_PER_WORD = 13.0  # a word picked from the ~8,000 everyone knows
_BITS_PER_EXTRA = 3.3  # a capital, digit or symbol somewhere in a phrase of words


@dataclass(frozen=True)
class PassphraseStrength:
    level: int  # 0 empty or breaks the rule, 1 weak, 2 fair, 3 good, 4 strong
    bits: float  # the rough estimate behind the level
    acceptable: bool  # passes the store's rule
    problem: str  # the store's sentence when it does not, else ""


def _pool(text: str) -> int:
    pool = 0
    if any(c.islower() for c in text):
        pool += 26
    if any(c.isupper() for c in text):
        pool += 26
    if any(c.isdigit() for c in text):
        pool += 10
    if any(c.isspace() for c in text):
        pool += 1
    if any(not c.isalnum() and not c.isspace() for c in text):
        pool += 33
    if any(ord(c) > 127 and c.isalpha() for c in text):
        pool += 40
    return max(pool, 1)


def _effective_length(text: str) -> float:
    """Characters that add surprise: repeats and runs count for little."""
    lowered = text.lower()
    for common in _COMMON:
        lowered = lowered.replace(common, "\x00")
    weight = 0.0
    previous: str | None = None
    seen_trigrams: set[str] = set()
    for i, char in enumerate(lowered):
        trigram = lowered[max(0, i - 2) : i + 1]
        if previous is not None and char == previous:
            weight += 0.1
        elif previous is not None and abs(ord(char) - ord(previous)) == 1:
            weight += 0.25
        elif len(trigram) == 3 and trigram in seen_trigrams:
            weight += 0.2
        else:
            weight += 1.0
        if len(trigram) == 3:
            seen_trigrams.add(trigram)
        previous = char
    return weight


def _phrase_bits(text: str) -> float | None:
    """For a phrase of words: about 13 bits per distinct word, a little for the extras."""
    words = text.split()
    if len(words) < 2:
        return None
    distinct = {w.lower() for w in words if len(w) >= 3}
    extras = sum(1 for c in text if not (c.islower() or c.isspace()))
    return _BITS_PER_WORD * len(distinct) + _BITS_PER_EXTRA * extras


def score_passphrase(text: str) -> PassphraseStrength:
    """A rough, cautious strength estimate for `text` (no side effects, no Qt)."""
    problem = ""
    try:
        check_new_passphrase(text)
    except WeakPassphrase as exc:
        problem = str(exc)
    if not text:
        return PassphraseStrength(0, 0.0, False, problem)
    bits = _effective_length(text) * math.log2(_pool(text))
    phrase = _phrase_bits(text)
    if phrase is not None:
        bits = min(bits, phrase)  # words are guessed as words, not letter by letter
    level = 1 + sum(1 for threshold in _LEVEL_BITS[1:] if bits >= threshold)
    if problem:
        level = 0
    return PassphraseStrength(min(level, _MAX_LEVEL), round(bits, 1), not problem, problem)


class PassphraseMeter(QWidget):
    """A bar (0 to 4) and a short sentence saying what the bar means."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setRange(0, _MAX_LEVEL)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(self.fontMetrics().height() // 2 + 4)
        self.bar.setAccessibleName(self.tr("Passphrase strength"))
        self.label = QLabel()
        self.label.setAccessibleName(self.tr("Passphrase strength"))
        self.label.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.label, 2)
        self.strength = score_passphrase("")
        self.update_for("")

    def _words(self, strength: PassphraseStrength, text: str) -> str:
        if not text:
            return self.tr("At least {n} characters; a few unrelated words work well.").format(
                n=MIN_PASSPHRASE)
        if strength.level == 0:
            return self.tr("Not strong enough to use yet")
        return (self.tr("Weak: add another unrelated word"),
                self.tr("Fair: another word would make it stronger"),
                self.tr("Good"),
                self.tr("Strong"))[strength.level - 1]

    def update_for(self, text: str) -> PassphraseStrength:
        self.strength = score_passphrase(text)
        self.bar.setValue(self.strength.level)
        words = self._words(self.strength, text)
        self.label.setText(words)
        self.bar.setAccessibleDescription(words)
        palette = self.bar.palette()
        colour = ("#b3261e", "#b3261e", "#b26a00", "#2e7d32", "#2e7d32")[self.strength.level]
        palette.setColor(QPalette.ColorRole.Highlight, QColor(colour))
        self.bar.setPalette(palette)
        return self.strength

    def clear(self) -> None:
        self.update_for("")
