"""Phone numbers, found and compared by Google's libphonenumber (`phonenumbers`).

The matcher runs over the folded text (every kind of space already a plain space)
with region GB, so UK numbers may be written nationally (07..., 0131..., 0800...)
and others with their country code (+353, +1, +49, 00353 ...). Numbers are
compared by their E.164 form, so "+44 7700 900123", "07700-900-123" and
"(07700) 900123" are the same number.

What is reported:
- a number held for C or for someone else (compared whatever libphonenumber thinks
  of its range: test and drama numbers such as 07700 900xxx are not in service);
- any number libphonenumber calls valid;
- a UK mobile-shaped number (07 and nine more digits) even in a range that is not
  in service, because a typed mobile number is worth a look either way.
Numbers on the allow-list (the INWO's freephone, the contact's own work number)
are never reported, and their place is remembered so nothing inside is either.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
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


def phone_matches(folded: str) -> Iterator[PhoneMatch]:
    if _ENOUGH_DIGITS.search(folded) is None:
        return
    for match in phonenumbers.PhoneNumberMatcher(folded, REGION,
                                                 leniency=phonenumbers.Leniency.POSSIBLE):
        number = match.number
        form = str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))
        national = str(number.national_number)
        mobile_shaped = (number.country_code == 44 and len(national) == 10
                         and national.startswith("7"))
        plausible = mobile_shaped or phonenumbers.is_valid_number(number)
        yield PhoneMatch(match.start, match.end, form, plausible)
