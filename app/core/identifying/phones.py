"""Phone numbers, found and compared by Google's libphonenumber (`phonenumbers`).

The matcher runs over the folded text (every kind of space already a plain space)
with region GB, so UK numbers may be written nationally (07..., 0131..., 0800...)
and others with their country code (+353, +1, +49, 00353 ...). Numbers are
compared by their E.164 form, so "+44 7700 900123", "07700-900-123" and
"(07700) 900123" are the same number.

What is reported:
- a number held for C or for someone else (compared whatever libphonenumber thinks
  of its range: test and drama numbers such as 07700 900xxx are not in service),
  also where the matcher gives up: it takes a run of digits and spaces as one
  candidate, so two numbers written one after the other ("07700 900123 0131 496
  0000") are not found by it; the held numbers are looked for in such runs too,
  group by group, in national (0...), international (00...) and + forms;
- any number libphonenumber calls valid, written with its leading 0, + or 00 (ten bare
  digits are more often a reference);
- a UK mobile-shaped number (07 and nine more digits) even in a range that is not
  in service, because a typed mobile number is worth a look either way.
Numbers on the allow-list (the INWO's freephone, the contact's own work number)
are never reported, and their place is remembered so nothing inside is either.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass

import phonenumbers

REGION = "GB"
_ENOUGH_DIGITS = re.compile(r"(?:\d\D{0,3}){7}")
_SEPARATORS = re.compile(r"[ \t\u00a0\u2009\u202f\-.()]")
_UK_NATIONAL = re.compile(r"0[1-9]\d{8,9}")


@functools.lru_cache(maxsize=65536)
def e164(text: str) -> str | None:
    """`text` as an E.164 number ("+447700900123"), or None if it cannot be one."""
    plain = _SEPARATORS.sub("", text)
    if _UK_NATIONAL.fullmatch(plain):
        # A UK number written nationally: 0 is the UK's national prefix, so libphonenumber's
        # answer is +44 and the rest (a test checks they agree). Parsing costs ~60 us a
        # number, a tenth of a second for 10,000 people held; this costs almost nothing.
        return "+44" + plain[1:]
    try:
        number = phonenumbers.parse(text, REGION)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def e164_all(texts: Iterable[str]) -> set[str]:
    return {form for form in (e164(t) for t in texts if t.strip()) if form}


@dataclass(frozen=True)
class PhoneMatch:
    start: int  # in the folded text
    end: int
    number: str  # E.164
    plausible: bool  # valid, or a UK mobile-shaped number


def too_few_digits(folded: str, wanted: int = 7) -> bool:
    """Plain ASCII text with fewer than `wanted` digits holds no phone number: ten substring
    counts in C, much quicker than a pattern (other scripts' digits go the long way)."""
    return folded.isascii() and sum(map(folded.count, "0123456789")) < wanted


def phone_matches(folded: str) -> Iterator[PhoneMatch]:
    if too_few_digits(folded) or _ENOUGH_DIGITS.search(folded) is None:
        return
    for match in phonenumbers.PhoneNumberMatcher(folded, REGION,
                                                 leniency=phonenumbers.Leniency.POSSIBLE):
        number = match.number
        form = str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))
        national = str(number.national_number)
        mobile_shaped = (number.country_code == 44 and len(national) == 10
                         and national.startswith("7"))
        # A UK number is written with its 0 or +44/0044: ten bare digits are far more often
        # a reference than a phone number (still compared with the held numbers).
        bare = not match.raw_string.lstrip("(").startswith(("0", "+"))
        plausible = not bare and (mobile_shaped or phonenumbers.is_valid_number(number))
        yield PhoneMatch(match.start, match.end, form, plausible)


_NUMBERISH = re.compile(r"\+?\d(?:[ \-().]{1,3}\d|\d)*")
_LONGEST = 15  # E.164 allows 15 digits


def held_number_matches(folded: str, held: Container[str]) -> Iterator[tuple[int, int, str]]:
    """(start, end, E.164) of every held number written as whole groups of a run of digits."""
    if too_few_digits(folded):
        return
    for run in _NUMBERISH.finditer(folded):
        written = run.group(0)
        digits: list[str] = []
        places: list[int] = []  # folded index of each digit
        group_starts: list[int] = []  # digit indexes that begin a group
        for offset, ch in enumerate(written):
            if ch.isdigit():
                if not places or places[-1] != run.start() + offset - 1:
                    group_starts.append(len(digits))
                digits.append(ch)
                places.append(run.start() + offset)
        if len(digits) < 7:
            continue
        group_ends = [*group_starts[1:], len(digits)]
        text = "".join(digits)
        plus = written.startswith("+")
        for k, first in enumerate(group_starts):
            for last in group_ends[k:]:
                if last > first + _LONGEST:
                    break
                window = text[first:last]
                if first == 0 and plus:
                    form = "+" + window
                elif window.startswith("00"):
                    form = "+" + window[2:]
                elif window.startswith("0"):
                    form = "+44" + window[1:]
                else:
                    continue
                if form in held:
                    start = places[first] - (1 if first == 0 and plus else 0)
                    yield start, places[last - 1] + 1, form
