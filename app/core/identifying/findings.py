"""What the scanner compares against (held identities) and what it reports (findings)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from app.core.identity import PSEUDONYM


class HeldIdentity(NamedTuple):
    """One person as held in identities.db, for scanning only (never shown).

    A named tuple of strings, not a dataclass: the garbage collector stops tracking such
    tuples, so a casebook's people (85,000 at 100,000 concerns) add nothing to the full
    collections that otherwise hold the interpreter lock while the window waits."""

    person_ref: str
    name: str
    other_names: tuple[str, ...] = ()  # known as, previous names
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    employer: str = ""
    job_title: str = ""
    support_person: str = ""  # free text: a name, or a description such as "A colleague"


# Always on the allow-list: the signposting bodies' public contact details, which letters
# and notes quote (resources/letters: the INWO's freephone). The organisation's own contact
# details and name are added by the caller.
SIGNPOSTING: tuple[str, ...] = ("0800 008 6112",)

# kind -> what the text mentions, in the users' words; never the matched text itself.
# The kinds are stable: code and the audit log use them.
WHAT: dict[str, str] = {
    "own_name": f"{PSEUDONYM}'s name",
    "other_name": "a name held in the casebook",
    "unnamed_name": "the name of someone whose concern is unnamed",
    "own_email": f"{PSEUDONYM}'s email address",
    "held_email": "an email address held in the casebook",
    "email": "an email address",
    "own_phone": f"{PSEUDONYM}'s phone number",
    "held_phone": "a phone number held in the casebook",
    "phone": "a phone number",
    "chi": "a CHI number",
    "chi_like": "a number that looks like a CHI number",
    "dob": "a date of birth",
    "own_job_title": f"{PSEUDONYM}'s job title",
    "own_employer": f"{PSEUDONYM}'s employer",
    "never_publish": "a word on the organisation's never-publish list",
}
REASONS: dict[str, str] = {kind: f"mentions {what}" for kind, what in WHAT.items()}

NAME_MARK = "[name]"
# What masking puts in place of each kind, so masked text still reads.
MARKERS: dict[str, str] = {
    "own_name": PSEUDONYM,
    "other_name": NAME_MARK,
    "unnamed_name": NAME_MARK,
    "own_email": "[email]",
    "held_email": "[email]",
    "email": "[email]",
    "own_phone": "[phone]",
    "held_phone": "[phone]",
    "phone": "[phone]",
    "chi": "[CHI]",
    "chi_like": "[CHI]",
    "dob": "[date of birth]",
    "own_job_title": "[job title]",
    "own_employer": "[employer]",
    "never_publish": "[redacted]",
}
# The bracketed markers (never "C", which is a letter of ordinary text).
BRACKETED = tuple(sorted({m for m in MARKERS.values() if m.startswith("[")}))

# When two findings cover exactly the same text, the lower number is kept.
PRIORITY: dict[str, int] = {kind: index for index, kind in enumerate((
    "own_email", "own_phone", "held_email", "held_phone", "chi", "email", "dob", "phone",
    "chi_like", "own_name", "unnamed_name", "other_name", "own_job_title", "own_employer",
    "never_publish"))}


@dataclass(frozen=True)
class Finding:
    """Something in a text that could identify someone: where it is (in the text as given)
    and what kind; the reason is a plain phrase that never repeats the text."""

    kind: str
    start: int
    end: int
    reason: str

    @property
    def marker(self) -> str:
        return MARKERS[self.kind]


def finding(kind: str, start: int, end: int) -> Finding:
    return Finding(kind, start, end, REASONS[kind])
