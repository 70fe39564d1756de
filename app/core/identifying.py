"""Finding text that could identify a person: known names, emails, phone numbers, CHI numbers.

Used twice: to mask a redacted case summary, and to stop a learning statement
leaving the laptop in a return while it still names someone. Both callers pass
the names, emails and phone numbers held in identities.db as `known`; the
findings carry positions and a plain reason, never the matched text itself, so
a caller can show where the problem is without printing the name again.

What counts:
- a known name, whole (case-insensitive), or any single part of it of three
  letters or more, as a whole word ("Jordan Testperson" also finds "jordan");
  a word joined to a matched part by a hyphen or apostrophe is taken whole, so
  "O'Neill's" is masked as one word;
- a known email, in any case; any other email address;
- a known phone number whatever its spacing, dashes, brackets or +44/0 prefix;
  any other UK phone number (07 mobiles, 01/02/03 landlines, +44 forms);
- a CHI number: ten digits, optionally spaced 3-3-4 or 6-4, whose first six
  are a real DDMMYY date and whose tenth is the modulus-11 check digit, so an
  arbitrary ten-digit number is not flagged.

Text already masked (the replacement marker) is never flagged again, so
masking twice gives the same text as masking once.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

DEFAULT_REPLACEMENT = "[redacted]"
MIN_NAME_PART = 3  # shorter parts ("Al", "Li") match only inside the whole name

REASONS: dict[str, str] = {
    "known_name": "contains a name held in the casebook",
    "known_email": "contains an email address held in the casebook",
    "known_phone": "contains a phone number held in the casebook",
    "email": "contains an email address",
    "phone": "contains a phone number",
    "chi": "contains a CHI number",
}
# When two findings cover the same text, the more specific one is kept.
_PRIORITY = {"known_name": 0, "known_email": 0, "known_phone": 0, "chi": 1, "email": 2,
             "phone": 3}


@dataclass(frozen=True)
class Finding:
    kind: str  # "known_name" | "known_email" | "known_phone" | "email" | "phone" | "chi"
    start: int
    end: int
    reason: str  # a plain sentence that does not repeat the matched text


# ----- CHI numbers ---------------------------------------------------------------------

_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _valid_ddmmyy(digits: str) -> bool:
    day, month, year = int(digits[0:2]), int(digits[2:4]), int(digits[4:6])
    if not 1 <= month <= 12 or day < 1 or day > _DAYS_IN_MONTH[month - 1]:
        return False
    # 29 February: a leap year in 19YY or 20YY (2000 was one, so YY divisible by 4 will do).
    return not (month == 2 and day == 29 and year % 4 != 0)


def is_valid_chi(digits: str) -> bool:
    """Ten digits: a DDMMYY date of birth, then the modulus-11 check digit last."""
    if len(digits) != 10 or not digits.isascii() or not digits.isdigit():
        return False
    if not _valid_ddmmyy(digits):
        return False
    total = sum(int(d) * weight for d, weight in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


_CHI = re.compile(r"(?<![\w+])(\d{6}[ \-]?\d{4}|\d{3}[ \-]\d{3}[ \-]\d{4})(?![\w])", re.ASCII)


def _chi_findings(text: str) -> Iterator[Finding]:
    for match in _CHI.finditer(text):
        if is_valid_chi(re.sub(r"\D", "", match.group(1))):
            yield _finding("chi", match.start(1), match.end(1))


# ----- emails ---------------------------------------------------------------------------

_EMAIL = re.compile(r"[\w.%+'\-]+@[\w\-]+(?:\.[\w\-]+)+")


def _email_findings(text: str, known_emails: frozenset[str]) -> Iterator[Finding]:
    for match in _EMAIL.finditer(text):
        found = match.group(0).casefold()
        kind = "known_email" if any(email in found for email in known_emails) else "email"
        yield _finding(kind, match.start(), match.end())


# ----- phone numbers ------------------------------------------------------------------

# A UK number: +44 or 0044 (optionally "(0)"), or a leading 0 (optionally in brackets
# with the area code), then a national number starting 1, 2, 3 or 7 whose digits may
# be split by single spaces, dashes or a closing bracket.
_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)44[ \-]?(?:\(0\)[ \-]?)?|\(?0)"
    r"[1237](?:[ \-]|\)[ \-]?)?\d(?:(?:[ \-]|\)[ \-]?)?\d){6,8}(?![\d])",
    re.ASCII,
)


def _national_digits(text: str) -> str:
    """A phone number's digits in national form (0 then the national number)."""
    digits = re.sub(r"\D", "", text.replace("(0)", ""))
    if digits.startswith("0044"):
        digits = "0" + digits[4:]
    elif digits.startswith("44") and text.lstrip().startswith("+"):
        digits = "0" + digits[2:]
    return digits


def _plausible_uk_phone(national: str) -> bool:
    if not national.startswith("0") or len(national) not in (10, 11):
        return False
    # Mobiles and 02/03 numbers have eleven digits; some 01 numbers have ten.
    return len(national) == 11 or national[1] == "1"


def _phone_findings(text: str) -> Iterator[Finding]:
    for match in _PHONE.finditer(text):
        if _plausible_uk_phone(_national_digits(match.group(0))):
            yield _finding("phone", match.start(), match.end())


_DIGIT_RUN = re.compile(r"\+?\d(?:[ \-().]*\d)*")


def _known_phone_forms(phones: Iterable[str]) -> set[str]:
    """Each known number as digits, national (07...) and international (447..., 00447...)."""
    forms: set[str] = set()
    for phone in phones:
        national = _national_digits(phone)
        if len(national) < 6:
            continue  # too short to look for safely
        forms.add(national)
        if national.startswith("0"):
            forms.update({"44" + national[1:], "0044" + national[1:]})
    return forms


def _known_phone_findings(text: str, forms: frozenset[str]) -> Iterator[Finding]:
    if not forms:
        return
    lengths = sorted({len(form) for form in forms})
    for match in _DIGIT_RUN.finditer(text):
        positions = [match.start() + i for i, ch in enumerate(match.group(0)) if ch.isdigit()]
        digits = "".join(text[i] for i in positions)
        for at in range(len(digits)):
            for length in lengths:
                if at + length > len(digits):
                    break
                if digits[at:at + length] not in forms:
                    continue
                start, end = positions[at], positions[at + length - 1] + 1
                if start > 0 and text[start - 1] == "+":
                    start -= 1
                yield _finding("known_phone", start, end)


# ----- known names ----------------------------------------------------------------------

_LETTERS = re.compile(r"[^\W\d_]+")
# A word: letter runs joined by hyphens or apostrophes ("Mary-Jane", "O'Neill's").
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*")
_NAME_GAP = re.compile(r"[\s'\u2019\-.]+")


def _fold(word: str) -> str:
    """Case and accents ignored: "Zoë" and "ZOE" compare equal."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True)
class _KnownNames:
    parts: frozenset[str]  # single letter runs of three letters or more
    wholes: frozenset[tuple[str, ...]]  # every name as its sequence of letter runs
    longest: int

    @classmethod
    def from_names(cls, names: Iterable[str]) -> _KnownNames:
        parts: set[str] = set()
        wholes: set[tuple[str, ...]] = set()
        for name in names:
            runs = tuple(_fold(run) for run in _LETTERS.findall(name))
            if not runs:
                continue
            wholes.add(runs)
            parts.update(run for run in runs if len(run) >= MIN_NAME_PART)
        return cls(frozenset(parts), frozenset(wholes), max((len(w) for w in wholes), default=0))


def _known_name_findings(text: str, names: _KnownNames) -> Iterator[Finding]:
    if not names.wholes:
        return
    runs = list(_LETTERS.finditer(text))
    folded = [_fold(run.group(0)) for run in runs]
    for i, run in enumerate(runs):
        if folded[i] in names.parts:
            word = _word_around(text, run.start(), run.end())
            yield _finding("known_name", *word)
        yield from _whole_names_from(text, runs, folded, i, names)


def _whole_names_from(text: str, runs: list[re.Match[str]], folded: list[str], i: int,
                      names: _KnownNames) -> Iterator[Finding]:
    """Whole names starting at run i, their runs separated only by spaces, dots or hyphens."""
    for length in range(1, names.longest + 1):
        last = i + length - 1
        if last >= len(runs):
            return
        if length > 1 and not _NAME_GAP.fullmatch(text, runs[last - 1].end(), runs[last].start()):
            return
        if tuple(folded[i:last + 1]) in names.wholes:
            yield _finding("known_name", *_word_around(text, runs[i].start(), runs[last].end()))


def _word_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span to the whole hyphenated or apostrophised word(s) it sits in."""
    for word in _WORD.finditer(text, max(0, start - 64), min(len(text), end + 64)):
        if word.start() <= start < word.end():
            start = word.start()
        if word.start() < end <= word.end():
            end = word.end()
    return start, end


# ----- putting it together -------------------------------------------------------------


def _finding(kind: str, start: int, end: int) -> Finding:
    return Finding(kind, start, end, REASONS[kind])


def _split_known(known: Iterable[str]) -> tuple[_KnownNames, frozenset[str], frozenset[str]]:
    return _prepared(tuple(known))


@functools.lru_cache(maxsize=4)
def _prepared(known: tuple[str, ...]) -> tuple[_KnownNames, frozenset[str], frozenset[str]]:
    """The known strings sorted into names, emails and phone forms; cached, because a case
    summary masks dozens of fields against the same (possibly long) list."""
    names: list[str] = []
    emails: set[str] = set()
    phones: list[str] = []
    for item in known:
        text = item.strip()
        if not text:
            continue
        if "@" in text:
            emails.add(text.casefold())
        elif sum(ch.isdigit() for ch in text) >= 6:
            phones.append(text)
        elif any(ch.isalpha() for ch in text):
            names.append(text)
    return (_KnownNames.from_names(names), frozenset(emails),
            frozenset(_known_phone_forms(phones)))


def _masked_spans(text: str, replacement: str) -> list[tuple[int, int]]:
    if not replacement:
        return []
    spans, at = [], text.find(replacement)
    while at >= 0:
        spans.append((at, at + len(replacement)))
        at = text.find(replacement, at + len(replacement))
    return spans


def _inside(finding: Finding, spans: list[tuple[int, int]]) -> bool:
    return any(start <= finding.start and finding.end <= end for start, end in spans)


def _without_nested(findings: list[Finding]) -> list[Finding]:
    """Drop a finding lying wholly inside another; the wider one keeps the more specific kind
    (a known phone number inside "(07700) 900123" is still reported as known)."""
    ordered = sorted(findings, key=lambda f: (f.start, -f.end, _PRIORITY[f.kind]))
    kept: list[Finding] = []
    for finding in ordered:
        container = next((i for i, k in enumerate(kept)
                          if k.start <= finding.start and finding.end <= k.end), None)
        if container is None:
            kept.append(finding)
        elif _PRIORITY[finding.kind] < _PRIORITY[kept[container].kind]:
            wide = kept[container]
            kept[container] = _finding(finding.kind, wide.start, wide.end)
    return kept


def _find(text: str, known: Iterable[str], replacement: str) -> list[Finding]:
    names, emails, phone_forms = _split_known(known)
    found = [
        *_known_name_findings(text, names),
        *_email_findings(text, emails),
        *_known_phone_findings(text, phone_forms),
        *_phone_findings(text),
        *_chi_findings(text),
    ]
    masked = _masked_spans(text, replacement)
    return _without_nested([f for f in found if f.end > f.start and not _inside(f, masked)])


def find_identifying(text: str, known: Iterable[str] = ()) -> list[Finding]:
    """Everything in `text` that could identify someone, in order of position.

    `known` holds names (and other names), emails and phone numbers from
    identities.db; each is sorted by its look (an @ makes an email, six digits
    a phone number, anything else with letters a name).
    """
    return _find(text, known, DEFAULT_REPLACEMENT)


def _merged(findings: Iterable[Finding]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for finding in sorted(findings, key=lambda f: f.start):
        if spans and finding.start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], finding.end))
        else:
            spans.append((finding.start, finding.end))
    return spans


def mask_identifying(text: str, known: Iterable[str] = (),
                     replacement: str = DEFAULT_REPLACEMENT) -> str:
    """`text` with every finding replaced by `replacement` (overlapping findings merged).

    Masking can, rarely, bring two fragments together into something that looks
    identifying again, so it repeats until nothing is found.
    """
    known = list(known)
    for _ in range(10):
        findings = _find(text, known, replacement)
        if not findings:
            return text
        pieces: list[str] = []
        at = 0
        for start, end in _merged(findings):
            pieces.extend((text[at:start], replacement))
            at = end
        pieces.append(text[at:])
        text = "".join(pieces)
    return text
