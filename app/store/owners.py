"""Whom the identifying-text scanner takes as C in a concern's text.

A named concern's C is its person (person_ref, the link to identities.db). An unnamed
concern has no person held; its name fingerprint, if one was recorded
(app/store/name_digests.py), is owned by `unnamed:<concern id>`. An anonymous concern's
text is no one's: every name in it is someone else's.
"""

from __future__ import annotations


def unnamed_owner(concern_id: int) -> str:
    """Who the scanner takes as C in an unnamed concern's text (its fingerprint's owner)."""
    return f"unnamed:{concern_id}"


def own_from(concern_id: int, person_ref: object, anonymity: object) -> str | None:
    """C for a concern row's person_ref and anonymity."""
    if person_ref is not None:
        return str(person_ref)
    return unnamed_owner(concern_id) if anonymity == "unnamed" else None


# Every identity a concern links to: its own raiser's, and each linked raiser's
# (app/store/linked_raisers.py). An identity in none of them is linked to nothing.
LINKED_PEOPLE = ("SELECT person_ref FROM concerns WHERE person_ref IS NOT NULL"
                 " UNION SELECT person_ref FROM linked_raisers WHERE person_ref IS NOT NULL")
