"""Finding text that could identify a person: one scanner, used by every path that takes text.

    from app.core.identifying import HeldIdentity, Scanner
    scanner = Scanner.build(held, never_publish=..., allow=...)   # once
    scanner.scan(text, own=person_ref)  -> [Finding(kind, start, end, reason), ...]
    scanner.mask(text, own=person_ref)  -> text with "C", "[name]", "[phone]" ...

The package, in the order a text goes through it:
- normalise.py  folding (NFKC, format characters, spaces, case, accents, TR39
                confusables) with a map back to the original positions;
- names.py      held names, C's job title and employer, the never-publish list and
                the allow-list, matched as word sequences (words.py: tokens, titles,
                how common a word is, by wordfreq);
- phones.py     phone numbers, by libphonenumber;
- patterns.py   emails (also spelled out), CHI numbers, dates of birth;
- digests.py    keyed name hashes for unnamed concerns;
- scanner.py    the Scanner that puts them together; findings.py its records.

`find_identifying` and `mask_identifying` are kept for callers that hold only a
flat list of strings (each name taken as someone other than C, so found whole or
by a distinctive surname); new code builds a Scanner from held identities.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from app.core.identifying.digests import name_token_digests
from app.core.identifying.findings import MARKERS, REASONS, WHAT, Finding, HeldIdentity
from app.core.identifying.patterns import is_valid_chi
from app.core.identifying.scanner import Scanner, masked, merged

DEFAULT_REPLACEMENT = "[redacted]"

__all__ = ["DEFAULT_REPLACEMENT", "MARKERS", "REASONS", "WHAT", "Finding", "HeldIdentity",
           "Scanner", "find_identifying", "is_valid_chi", "mask_identifying", "masked",
           "merged", "name_token_digests"]


@functools.lru_cache(maxsize=4)
def _flat_scanner(known: tuple[str, ...]) -> Scanner:
    """A scanner for a flat list of names, emails and phone numbers, each sorted by its look
    (an @ makes an email, six digits a phone number, anything else with letters a name)."""
    people: list[HeldIdentity] = []
    emails: list[str] = []
    phones: list[str] = []
    for index, item in enumerate(dict.fromkeys(s.strip() for s in known)):
        if "@" in item:
            emails.append(item)
        elif sum(ch.isdigit() for ch in item) >= 6:
            phones.append(item)
        elif any(ch.isalpha() for ch in item):
            people.append(HeldIdentity(f"known-{index}", item))
    people.append(HeldIdentity("known-contacts", "", emails=tuple(emails), phones=tuple(phones)))
    return Scanner.build(people)


def find_identifying(text: str, known: Iterable[str] = ()) -> list[Finding]:
    """Everything in `text` that could identify someone, against flat `known` strings."""
    return _flat_scanner(tuple(known)).scan(text)


def mask_identifying(text: str, known: Iterable[str] = (),
                     replacement: str | None = DEFAULT_REPLACEMENT) -> str:
    """`text` with every finding replaced by `replacement` (None: each kind's own marker)."""
    scanner = _flat_scanner(tuple(known))
    if replacement is None:
        return scanner.mask(text)
    for _ in range(5):
        findings = scanner.scan(text)
        if not findings:
            break
        spans: list[list[int]] = []
        for found in findings:  # in order of start; overlapping ones merged
            if spans and found.start <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], found.end)
            else:
                spans.append([found.start, found.end])
        pieces: list[str] = []
        at = 0
        for start, end in spans:
            pieces.extend((text[at:start], replacement))
            at = end
        pieces.append(text[at:])
        text = "".join(pieces)
    return text
