"""Patterns with no owner needed: emails (also spelled out), CHI numbers, dates of birth.

All run over the folded text (lower case, every space a plain space).

- Emails: "jo.bloggs@example.org"; spelled out, "jo dot bloggs at example dot org",
  "jo(at)example(dot)org", "jo [at] nhs [dot] scot". A bare " at " counts only when
  the domain has a spelled-out dot ("at example dot org"), so "looked at page.html"
  is not an email. Each is also given back as the address it spells, to compare
  with the held ones.
- CHI numbers: ten digits, plain or spaced/dashed 6-4, 3-3-4 or 2-2-2-4 (one or two
  spaces or dashes between groups), not part of a longer number. With a real DDMMYY
  date first and the modulus-11 check digit last it is a CHI number; with the date but a
  failing check digit it "looks like" one.
- Dates of birth: a date (13/04/1981, 13.4.81, 13 April 1981, 13th of Apr 1981,
  April 13, 1981, April 1981) just after "DOB", "D.O.B.", "date of birth",
  "born (on)", "birthday", or just before "(DOB)". A date with no such word, and an
  age ("aged 43"), are left alone: they are everywhere in ordinary notes.

The English month names are written out: they are the language's own words, not a
table any library keeps for this (and `calendar.month_name` follows the locale).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# ----- emails ------------------------------------------------------------------------------

EMAIL = re.compile(r"(?<![\w.%+'\-])[\w.%+'\-]+@[\w\-]+(?:\.[\w\-]+)+")

_BRACKET_AT = r"\s*[(\[{<]\s*at\s*[)\]}>]\s*"
_BRACKET_DOT = r"\s*[(\[{<]\s*dot\s*[)\]}>]\s*"
_WORD_DOT = r"\s+dot\s+"
_AT = rf"(?:{_BRACKET_AT}|\s+at\s+|\s*@\s*)"
_DOT = rf"(?:{_BRACKET_DOT}|{_WORD_DOT}|\.)"
_PART = r"[\w%+'\-]+"
# At most six dots either side: an address has a few, and an unbounded chain would make
# "jo dot jo dot jo ..." cost the square of its length.
SPELLED = re.compile(
    rf"(?<![\w.%+'\-])(?P<local>{_PART}(?:{_DOT}{_PART}){{0,6}})(?P<at>{_AT})"
    rf"(?P<domain>{_PART}(?:{_DOT}{_PART}){{1,6}})(?![\w\-])")
_SPELLED_HINT = re.compile(r"\bdot\b|[(\[{<]\s*at\s*[)\]}>]|\s@|@\s")
_SPELLED_TOKEN = re.compile(rf"{_BRACKET_AT}|\s+at\s+|\s*@\s*|{_BRACKET_DOT}|{_WORD_DOT}")
_SPELLED_FORM = re.compile(rf"{_BRACKET_AT}|\s+at\s+|{_BRACKET_DOT}|{_WORD_DOT}|\s@|@\s")


@dataclass(frozen=True)
class EmailMatch:
    start: int
    end: int
    address: str  # as an ordinary address, folded


def _as_address(spelled: str) -> str:
    def one(match: re.Match[str]) -> str:
        return "@" if "at" in match.group(0) or "@" in match.group(0) else "."
    return _SPELLED_TOKEN.sub(one, spelled).replace(" ", "")


def email_matches(folded: str) -> Iterator[EmailMatch]:
    if "@" in folded:
        for match in EMAIL.finditer(folded):
            yield EmailMatch(match.start(), match.end(), match.group(0))
    # Every spelled-out form holds "dot", "@" or "at" in brackets: most text holds none,
    # seen by substring tests before any pattern runs.
    if "dot" not in folded and "@" not in folded and "at" not in folded:
        return
    if _SPELLED_HINT.search(folded) is None:
        return
    for match in SPELLED.finditer(folded):
        at, domain = match.group("at"), match.group("domain")
        if at.strip() == "at" and re.search(rf"{_BRACKET_DOT}|{_WORD_DOT}", domain) is None:
            continue  # " at " with no spelled dot after it is ordinary English
        if _SPELLED_FORM.search(match.group(0)) is None:
            continue  # an ordinary address: found above
        yield EmailMatch(match.start(), match.end(), _as_address(match.group(0)))


# ----- CHI numbers -------------------------------------------------------------------------

_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

# A separator is one or two spaces or dashes ("120385 - 1235", a thin space beside a space).
_SEP = r"[ \-]{1,2}"
CHI = re.compile(
    r"(?<![\w+])(?<!\d[ \-])(?<!\d[ \-]{2})"
    rf"(\d{{10}}|\d{{6}}{_SEP}\d{{4}}|\d{{3}}{_SEP}\d{{3}}{_SEP}\d{{4}}"
    rf"|\d{{2}}{_SEP}\d{{2}}{_SEP}\d{{2}}{_SEP}\d{{4}})"
    r"(?!\w)(?![ \-]{1,2}\d)", re.ASCII)


def valid_ddmmyy(digits: str) -> bool:
    day, month, year = int(digits[0:2]), int(digits[2:4]), int(digits[4:6])
    if not 1 <= month <= 12 or day < 1 or day > _DAYS_IN_MONTH[month - 1]:
        return False
    # 29 February: a leap year in 19YY or 20YY (2000 was one, so YY divisible by 4 will do).
    return not (month == 2 and day == 29 and year % 4 != 0)


def is_valid_chi(digits: str) -> bool:
    """Ten digits: a DDMMYY date of birth, then the modulus-11 check digit last."""
    if len(digits) != 10 or not digits.isascii() or not digits.isdigit():
        return False
    if not valid_ddmmyy(digits):
        return False
    total = sum(int(d) * weight for d, weight in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def chi_matches(folded: str) -> Iterator[tuple[str, int, int]]:
    """(kind, start, end): "chi" or "chi_like"."""
    if sum(map(folded.count, "0123456789")) < 10:
        return  # a CHI number has ten digits
    for match in CHI.finditer(folded):
        digits = re.sub(r"\D", "", match.group(1))
        if is_valid_chi(digits):
            yield "chi", match.start(1), match.end(1)
        elif valid_ddmmyy(digits):
            yield "chi_like", match.start(1), match.end(1)


# ----- dates of birth ----------------------------------------------------------------------

_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|"
           "december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec")
_MONTH = rf"(?:{_MONTHS})\.?"
_ORDINAL = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:(?:19|20)\d\d|'?\d\d)"
_NUMERIC = r"(?P<d>\d{1,2})(?P<sep>[/.\-])(?P<m>\d{1,2})(?P=sep)(?:(?:19|20)\d\d|\d\d)"
_WRITTEN = (rf"\d{{1,2}}{_ORDINAL}(?: of)? {_MONTH},? {_YEAR}"
            rf"|{_MONTH} \d{{1,2}}{_ORDINAL},? (?:19|20)\d\d"
            rf"|{_MONTH},? (?:19|20)\d\d")
_DATE = rf"(?P<date>{_NUMERIC}|{_WRITTEN})(?![\w/.\-]\d)"
_CUE = (r"\b(?:d\.? ?o\.? ?b\b\.?|date of birth|birth ?date|born|birthday|b\.? ?d\.? ?a\.? ?y)")
_LEAD = r"[ :,=\-(]{0,4}(?:(?:is|was|on|of|the|in) {1,2}){0,2}"
DOB_AFTER = re.compile(rf"{_CUE}{_LEAD}{_DATE}")
DOB_BEFORE = re.compile(rf"(?<![\w/.\-]){_DATE}[ ,]{{0,2}}\(?(?:dob|d\.o\.b\b\.?|date of birth)")
_DOB_HINT = re.compile(r"\bd\.? ?o\.? ?b\b|birth|born|b\.? ?d\.? ?a\.? ?y")


def _plausible(match: re.Match[str]) -> bool:
    if match.group("d") is None:
        return True
    day, month = int(match.group("d")), int(match.group("m"))
    # Day first as written in the UK; month first also accepted, a date either way.
    return (1 <= day <= 31 and 1 <= month <= 12) or (1 <= month <= 31 and 1 <= day <= 12)


def dob_matches(folded: str) -> Iterator[tuple[int, int]]:
    if _DOB_HINT.search(folded) is None:
        return
    for pattern in (DOB_AFTER, DOB_BEFORE):
        for match in pattern.finditer(folded):
            if _plausible(match):
                yield match.start("date"), match.end("date")
