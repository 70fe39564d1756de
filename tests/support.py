"""Constants and small helpers shared by tests (fixtures live in conftest.py)."""

from __future__ import annotations

from datetime import date

from app.store import keys

PASSPHRASE = "a long test passphrase"
# Tests may lower the key-derivation cost; the product never does.
CHEAP_ARGON2 = keys.Argon2Params(time_cost=1, memory_cost_kib=1024, parallelism=1)
TODAY = date(2026, 11, 22)
