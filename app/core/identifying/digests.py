"""Keyed hashes of a name, for unnamed concerns: the name itself is never stored.

The contact types the name once; `name_token_digests` keeps only HMAC-SHA256
digests, under a key of the casebook's, of each folded word of it (two letters or
more) and of each pair of neighbouring words. The scanner hashes the text's words
and neighbouring pairs the same way and compares. Folding first means "ZOË",
"Zoe" and "Zоe" (Cyrillic o) all give the same digest. Without the key a digest
cannot be tested against a guess, so a list of digests says nothing by itself.
"""

from __future__ import annotations

import hashlib
import hmac

from app.core.identifying.names import name_shape

_LABEL = b"casebook name token\x00"


def token_digest(key: bytes, token: str) -> bytes:
    return hmac.digest(key, _LABEL + token.encode("utf-8"), hashlib.sha256)


def name_token_digests(name: str, key: bytes) -> frozenset[bytes]:
    """The digests that let the scanner find `name` (its words and neighbouring pairs)."""
    if not key:
        raise ValueError("A key is needed to make name digests.")
    words = name_shape(name).whole
    found = {token_digest(key, w) for w in words if len(w) >= 2}
    found |= {token_digest(key, f"{a} {b}") for a, b in zip(words, words[1:], strict=False)}
    return frozenset(found)
