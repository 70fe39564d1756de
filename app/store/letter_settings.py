"""What letters carry besides the concern: the named contact, who signs each kind, and the
signposting bodies' names and contact details. Kept in the casebook's settings (a backup
carries them), each change audited like any setting.

The named contact is a member of staff the person can ask about the letter (the INWO
expects one in every decision letter): their own name, role and work contact details.
Each kind of letter is signed by someone (the named contact unless the organisation says
otherwise). The bodies are the INWO, the Care Inspectorate, Audit Scotland and any other
the organisation names; the defaults are as published when Casebook was written, and the
organisation can edit them.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from app.store.casebook import Casebook

CONTACT_SETTING = "letter_contact"
SIGNATORIES_SETTING = "letter_signatories"
BODIES_SETTING = "signposting_bodies"


@dataclass(frozen=True)
class NamedContact:
    name: str = ""
    role: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""  # a postal address for replies (the organisation's), optional

    @property
    def complete(self) -> bool:
        return bool(self.name.strip() and self.role.strip()
                    and (self.phone.strip() or self.email.strip()))


@dataclass(frozen=True)
class Signatory:
    name: str
    role: str = ""


@dataclass(frozen=True)
class Body:
    """A body a person can be signposted to: its name and how to reach it."""

    name: str
    website: str = ""
    phone: str = ""
    about: str = ""  # one sentence on what it looks at

    def contact_words(self) -> str:
        parts = []
        if self.website.strip():
            parts.append(f"at {self.website.strip()}")
        if self.phone.strip():
            parts.append(f"by calling {self.phone.strip()}")
        return " or ".join(parts)


DEFAULT_BODIES: dict[str, Body] = {
    "inwo": Body("the Independent National Whistleblowing Officer (INWO)", "www.inwo.org.uk",
                 "freephone 0800 008 6112", "The INWO is independent of the NHS."),
    "care_inspectorate": Body("the Care Inspectorate", "www.careinspectorate.com",
                              "0345 600 9527", "The Care Inspectorate regulates care "
                              "services in Scotland."),
    "audit_scotland": Body("Audit Scotland", "www.audit.scot", "0131 625 1500",
                           "Audit Scotland looks at how public money is spent."),
    "other": Body("", "", "", ""),
}


@dataclass(frozen=True)
class LetterSettings:
    contact: NamedContact = field(default_factory=NamedContact)
    signatories: dict[str, Signatory] = field(default_factory=dict)  # kind -> who signs
    bodies: dict[str, Body] = field(default_factory=lambda: dict(DEFAULT_BODIES))

    def signatory(self, kind: str) -> Signatory:
        """Who signs a kind of letter: as set, or the named contact."""
        found = self.signatories.get(kind)
        if found is not None and found.name.strip():
            return found
        return Signatory(self.contact.name, self.contact.role)


def _loads(text: str | None) -> object:
    try:
        return json.loads(text) if text else None
    except ValueError:
        return None


def _clean(value: object, limit: int = 500) -> str:
    return " ".join(str(value).split())[:limit] if isinstance(value, str) else ""


def load(book: Casebook) -> LetterSettings:
    contact_doc = _loads(book.setting(CONTACT_SETTING))
    contact = NamedContact(**{k: _clean(contact_doc.get(k)) for k in NamedContact.__annotations__}
                           ) if isinstance(contact_doc, dict) else NamedContact()
    signatories: dict[str, Signatory] = {}
    doc = _loads(book.setting(SIGNATORIES_SETTING))
    if isinstance(doc, dict):
        for kind, who in doc.items():
            if isinstance(who, dict) and _clean(who.get("name")):
                signatories[str(kind)] = Signatory(_clean(who.get("name")),
                                                   _clean(who.get("role")))
    bodies = dict(DEFAULT_BODIES)
    doc = _loads(book.setting(BODIES_SETTING))
    if isinstance(doc, dict):
        for code, body in doc.items():
            if code in bodies and isinstance(body, dict):
                bodies[code] = Body(**{k: _clean(body.get(k)) for k in Body.__annotations__})
    return LetterSettings(contact, signatories, bodies)


def save_contact(book: Casebook, contact: NamedContact) -> None:
    book.set_setting(CONTACT_SETTING, json.dumps(asdict(contact), sort_keys=True))


def save_signatories(book: Casebook, signatories: dict[str, Signatory]) -> None:
    book.set_setting(SIGNATORIES_SETTING, json.dumps(
        {kind: asdict(who) for kind, who in sorted(signatories.items()) if who.name.strip()},
        sort_keys=True))


def save_bodies(book: Casebook, bodies: dict[str, Body]) -> None:
    changed = {code: asdict(body) for code, body in sorted(bodies.items())
               if code in DEFAULT_BODIES and body != DEFAULT_BODIES[code]}
    book.set_setting(BODIES_SETTING, json.dumps(changed, sort_keys=True))
