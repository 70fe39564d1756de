"""The audit chain's digest is the same bytes however it is computed: entries written by
earlier versions (json.dumps then hmac.new) still verify."""

from __future__ import annotations

import hashlib
import hmac
import json

from hypothesis import given
from hypothesis import strategies as st

from app.store import audit


def _as_first_written(key: bytes, seq: int, *fields: str) -> str:
    body = json.dumps([seq, *fields], ensure_ascii=True)
    return hmac.new(key, body.encode(), hashlib.sha256).hexdigest()


@given(key=st.binary(min_size=32, max_size=32), seq=st.integers(1, 10**12),
       fields=st.lists(st.text(), min_size=6, max_size=6))
def test_the_digest_matches_the_original_formula(key: bytes, seq: int,
                                                 fields: list[str]) -> None:
    assert audit._digest(key, seq, *fields) == _as_first_written(key, seq, *fields)


def test_awkward_text_digests_the_same() -> None:
    key = bytes(range(32))
    for text in ('"quoted" \\ back', "line\nbreak\ttab\x00nul\x7f", "Zoë Ó Briain ☃ 😀",
                 "\u2028\u2029", ""):
        fields = [text, "event", "entity", text, json.dumps({"k": text}), "0" * 64]
        assert audit._digest(key, 7, *fields) == _as_first_written(key, 7, *fields)
