"""Fingerprints two people can read to each other over the phone and compare."""

from __future__ import annotations

import hashlib


def fingerprint(data: bytes) -> str:
    """SHA-256 of `data` as 16 groups of four hex digits."""
    digest = hashlib.sha256(data).hexdigest()
    return " ".join(digest[i : i + 4] for i in range(0, len(digest), 4))


def same_fingerprint(given: str, expected: str) -> bool:
    """Whether a fingerprint as typed (any spacing or case) is the expected one."""
    def bare(text: str) -> str:
        return "".join(text.split()).lower()

    return bare(given) == bare(expected) and len(bare(given)) == 64
