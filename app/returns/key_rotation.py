"""The board's reading of a unit's key rotations: which new key its registered key vouches for.

Each statement (made by `casebook rekey`, app/store/rekey.py) names an old and a new
public signing key and is signed by the old one. Starting from the key the board has
registered, the statements are followed while each is signed by the key reached so far;
the key reached at the end is vouched for by the registered key. The board still takes
it only after confirming its fingerprint with the unit (app/store/board_keys.py).
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from app.returns.signing import verifies

ROTATION_FORMAT = "casebook-key-rotation"


def vouched_key(registered: bytes, rotations: Any, unit_name: str) -> bytes | None:
    """The newest key the chain of statements leads to from `registered` (None when no
    statement is signed by it, or a statement is not for this unit)."""
    if not isinstance(rotations, list):
        return None
    current, moved = registered, False
    for item in rotations[:20]:
        try:
            statement = str(item["statement"])
            signature = base64.b64decode(str(item["signature"]), validate=True)
            body = json.loads(statement)
            old = base64.b64decode(body["old_public_key"], validate=True)
            new = base64.b64decode(body["new_public_key"], validate=True)
        except (KeyError, TypeError, ValueError, binascii.Error, RecursionError):
            continue
        if (body.get("format") != ROTATION_FORMAT or body.get("reporting_unit") != unit_name
                or old != current or len(new) != 32):
            continue
        if verifies(current, statement.encode(), signature):
            current, moved = new, True
    return current if moved else None
