"""Independence at stage 2: the investigator is not someone involved.

The Standards: the stage 2 handler must not be someone involved in the events the concern
is about or in the stage 1 decision. A concern keeps a list of the people involved (staff,
by name and how they were involved); the stage 2 handler is compared with it and with the
stage 1 handler. A clash is refused with the reason, unless the contact records why the
handler investigates all the same (a small team, say); the clash and the justification are
kept, and the letters say what was recorded (never "has not been involved" then).

Names are compared as people write them: case, accents, spaces, full stops and titles
(Dr, Mr, Ms ...) ignored, so "Dr. Jo  Bloggs" is "jo bloggs". Only the whole name is
compared: two different people with the same name clash, which is the safe way round.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

_TITLES = frozenset({"dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "sir",
                     "dame", "rev", "revd"})


def name_key(name: str) -> str:
    """A name reduced for comparing: lower case, no accents or punctuation, no titles."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(ch if ch.isalnum() else " " for ch in folded
                    if not unicodedata.combining(ch))
    words = plain.split()
    while len(words) > 1 and words[0] in _TITLES:
        words = words[1:]
    return " ".join(words)


@dataclass(frozen=True)
class Involved:
    """Someone involved in the events, or in a decision on the concern."""

    name: str
    how: str = ""


def handler_clashes(handler: str, stage1_handler: str | None,
                    involved: Iterable[Involved]) -> list[str]:
    """Why `handler` is not independent for stage 2, each as part of a sentence ("handled
    stage 1", "is recorded as involved: the rota decision"); empty when they are."""
    key = name_key(handler)
    if not key:
        return []
    found: list[str] = []
    if stage1_handler and name_key(stage1_handler) == key:
        found.append("handled stage 1")
    for person in involved:
        if name_key(person.name) == key:
            how = " ".join(person.how.split())
            found.append(f"is recorded as involved ({how})" if how else
                         "is recorded as involved in the events")
    return list(dict.fromkeys(found))


def clash_sentence(handler: str, clashes: list[str]) -> str:
    """The refusal, in one sentence."""
    return (f"{' '.join(handler.split())} {' and '.join(clashes)}, so cannot investigate at "
            "stage 2 without a recorded justification.")
