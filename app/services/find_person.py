"""Finding a concern by its person ("which case is Siobhan's?"): a reveal, with a reason.

The ordinary search never matches identity (app/services/concern_list.py), so this is the
one way from a name, email or phone number to the concerns of that person. It is a reveal:
the reason is written to the audit log before identities.db is read (never the words
searched for, which are themselves identity), and what comes back names the people found.

A person matches when every word typed begins a word of their name or other names
(folded: case, accents, look-alike letters), or the typed email address is theirs, or the
typed number's digits are in their phone number. An unnamed concern matches when its
name fingerprint holds every word typed (app/store/name_digests.py): the name itself is
not held, so the result says only that the fingerprint matched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.core.identifying.digests import token_digest
from app.core.identifying.names import name_shape
from app.core.identifying.normalise import fold_phrase
from app.services.concern_list import ListedConcern, listed_rows
from app.store import audit, database, name_digests
from app.store.casebook import Casebook
from app.store.errors import CasebookError

MAX_QUERY = 200
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class PersonMatch:
    name: str  # as held ("" for an unnamed concern found by its fingerprint)
    by_fingerprint: bool
    concerns: tuple[ListedConcern, ...]

    def as_json(self) -> dict[str, object]:
        return {"name": self.name or None, "matched": "fingerprint" if self.by_fingerprint
                else "identity", "concerns": [c.as_json() for c in self.concerns]}


def query_problem(text: str) -> str | None:
    cleaned = text.strip()
    if not cleaned:
        return "Type a name, email address or phone number to look for."
    if len(cleaned) > MAX_QUERY:
        return f"Type at most {MAX_QUERY} characters."
    if sum(ch.isalnum() for ch in cleaned) < 2:
        return "Type at least two letters of the name, or more of the email or number."
    return None


def reason_problem(reason: str) -> str | None:
    if not reason.strip():
        return "Give a reason for looking up a person: it is written to the audit log."
    if len(reason.strip()) > 500:
        return "Keep the reason to 500 characters."
    return None


def _words(text: str) -> list[str]:
    return _WORD.findall(fold_phrase(text))


def _matches(query: str, name: str, other_names: str, email: str, phone: str) -> bool:
    typed = query.strip()
    if "@" in typed:
        wanted = fold_phrase(typed)
        return any(fold_phrase(e.strip()) == wanted for e in email.split(";") if e.strip())
    digits = "".join(ch for ch in typed if ch.isdigit())
    if len(digits) >= 6 and not any(ch.isalpha() for ch in typed):
        held = ["".join(ch for ch in p if ch.isdigit()) for p in phone.split(";")]
        tail = digits.lstrip("0")
        return any(tail and tail in number for number in held)
    words = _words(typed)
    held_words = _words(name) + _words(other_names.replace(";", " "))
    return bool(words) and all(any(h.startswith(w) for h in held_words) for w in words)


def find_person(book: Casebook, text: str, reason: str) -> tuple[PersonMatch, ...]:
    """The people matching `text` and their concerns (see the module's note); audited with
    the reason first. Raises CasebookError with one plain sentence for a bad request."""
    problem = query_problem(text) or reason_problem(reason)
    if problem:
        raise CasebookError(problem)
    with database.write(book.cases):
        audit.append(book.cases, book.audit_key, "identity.found_by_person", "identities", "",
                     {"reason": reason.strip()})
    people = book.identities().execute(
        "SELECT person_ref, name, other_names, email, phone FROM persons ORDER BY name")
    found: list[tuple[str, str]] = [(str(ref), str(name)) for ref, name, other, email, phone
                                    in people if _matches(text, name, other, email, phone)]
    matches: list[PersonMatch] = []
    for person_ref, name in found:
        ids = [int(row[0]) for row in book.cases.execute(
            "SELECT id FROM concerns WHERE person_ref = ?"
            " UNION SELECT concern_id FROM linked_raisers WHERE person_ref = ?"
            " ORDER BY 1", (person_ref, person_ref))]
        if ids:
            matches.append(PersonMatch(name, False, tuple(listed_rows(book, ids))))
    unnamed = _by_fingerprint(book, text)
    if unnamed:
        matches.append(PersonMatch("", True, tuple(listed_rows(book, unnamed))))
    return tuple(matches)


def _by_fingerprint(book: Casebook, text: str) -> list[int]:
    key = name_digests.digest_key(book)
    if key is None or "@" in text:
        return []
    words = [w for w in name_shape(text).whole if len(w) >= 2]
    if not words:
        return []
    wanted = {token_digest(key, w) for w in words}
    held = name_digests.owned_digests(book)
    return sorted(cid for cid, digests in held.items() if wanted <= digests)

