"""A person's identity, as recorded: held apart from concern content (identities.db)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PersonDetails:
    name: str
    email: str = ""
    phone: str = ""
    address: str = ""
    employer: str = ""
    job_title: str = ""
    support_person: str = ""
    other_names: str = ""  # "known as" or previous names, separated by ';'


PSEUDONYM = "C"  # the Standards' suggestion: gender-neutral, the same for everyone
