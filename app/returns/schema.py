"""The return's published format (resources/return.schema.json), checked on both sides.

Parsing is strict as well as the schema: no duplicate keys (two readers could
take different values), no fractions, no NaN or Infinity, so the figures a
board adds are the integers the contact saw.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from jsonschema import Draft202012Validator

from app.paths import resources_dir

SCHEMA_FILE = "return.schema.json"
FORMAT = "casebook-return"
VERSION = 1


class PayloadError(ValueError):
    """The payload is not well-formed JSON of the agreed kind; the text says where."""


@functools.cache
def schema() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads((resources_dir() / SCHEMA_FILE).read_text(encoding="utf-8"))
    return doc


@functools.cache
def _validator() -> Draft202012Validator:
    Draft202012Validator.check_schema(schema())
    return Draft202012Validator(schema())


def schema_problems(doc: object) -> list[str]:
    """Where `doc` breaks the schema, in reading order (empty when it conforms)."""
    found = []
    for error in sorted(_validator().iter_errors(doc), key=lambda e: list(map(str, e.path))):
        where = "/".join(str(part) for part in error.absolute_path) or "the top level"
        found.append(f"at {where}: {_short(error.message)}")
    return found


def _short(message: str) -> str:
    return message if len(message) <= 160 else message[:157] + "..."


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise PayloadError(f"the key {key[:40]!r} appears twice")
        result[key] = value
    return result


def _no_fractions(text: str) -> float:
    raise PayloadError("it holds a number with a fraction, and every figure is a whole number")


def _no_constants(text: str) -> float:
    raise PayloadError(f"it holds {text}, which is not a number")


def parse_payload(data: bytes) -> Any:
    """The payload's JSON, parsed strictly (raises PayloadError)."""
    try:
        text = data.decode("utf-8")
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_float=_no_fractions,
                          parse_constant=_no_constants)
    except UnicodeDecodeError as exc:
        raise PayloadError("it is not UTF-8 text") from exc
    except RecursionError as exc:
        raise PayloadError("it is nested too deeply") from exc
    except json.JSONDecodeError as exc:
        raise PayloadError(f"it is not valid JSON ({exc.msg}, line {exc.lineno})") from exc


def payload_bytes(payload: dict[str, Any]) -> bytes:
    """The exact bytes that are signed and sent: sorted keys, indented, UTF-8."""
    return (json.dumps(payload, sort_keys=True, indent=2, ensure_ascii=False) + "\n").encode()
