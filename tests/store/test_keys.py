from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.store import keys


@given(st.binary(min_size=20, max_size=20))
def test_recovery_key_round_trips_however_it_is_typed(secret: bytes) -> None:
    text = keys.format_recovery_key(secret)
    groups = text.split("-")
    assert len(groups) == 9 and all(len(g) == 4 for g in groups)
    assert keys.parse_recovery_key(text) == secret
    sloppy = text.lower().replace("-", " ").replace("o", "0").replace("i", "1")
    assert keys.parse_recovery_key(sloppy) == secret


@given(st.binary(min_size=20, max_size=20), st.integers(0, 35), st.sampled_from("ABCDEFGHJK"))
def test_a_typing_mistake_is_caught(secret: bytes, position: int, letter: str) -> None:
    body = keys.format_recovery_key(secret).replace("-", "")
    if body[position] == letter:
        return
    typo = body[:position] + letter + body[position + 1:]
    with pytest.raises(keys.BadRecoveryKey):
        if keys.parse_recovery_key(typo) != secret:
            raise keys.BadRecoveryKey("a different secret is as good as caught")


def test_wrong_length_is_a_plain_message() -> None:
    with pytest.raises(keys.BadRecoveryKey, match="nine groups of four"):
        keys.parse_recovery_key("ABCD-EFGH")


def test_each_database_has_its_own_key() -> None:
    master = keys.master_from_recovery(keys.new_recovery_secret())
    cases, identities = keys.database_key(master, "cases"), keys.database_key(master, "identities")
    assert len(cases) == len(identities) == 32
    assert cases != identities != master


def test_sealed_key_is_bound_to_its_context() -> None:
    wrapping, secret = b"k" * 32, b"s" * 32
    nonce, sealed = keys.seal(wrapping, secret, "slot A")
    assert keys.unseal(wrapping, nonce, sealed, "slot A") == secret
    assert keys.unseal(wrapping, nonce, sealed, "slot B") is None
    assert keys.unseal(b"x" * 32, nonce, sealed, "slot A") is None


def test_product_kdf_cost_is_not_trivial() -> None:
    # The fixture lowers the cost for speed; the product's own default stays strong.
    assert keys.Argon2Params() == keys.Argon2Params(3, 262_144, 2)
