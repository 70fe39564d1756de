"""The return's published format (resources/return.schema.json), checked on both sides.

Parsing is strict as well as the schema: no duplicate keys (two readers could
take different values), no fractions, no NaN or Infinity, so the figures a
board adds are the integers the contact saw.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable
from typing import Any

from jsonschema import Draft202012Validator

from app.paths import resources_dir

SCHEMA_FILE = "return.schema.json"
FORMAT = "casebook-return"
VERSION = 2  # what this Casebook writes
# What the board accepts: the current version and the one before it, each with its own
# schema file. Version 2 added `audit_chain` (so the board can follow a unit's audit chain)
# and `key_rotations` (a unit's new signing key, vouched for by its old one).
SCHEMA_FILES = {1: "return-v1.schema.json", 2: SCHEMA_FILE}
ACCEPTED_VERSIONS = tuple(SCHEMA_FILES)


class PayloadError(ValueError):
    """The payload is not well-formed JSON of the agreed kind; the text says where."""


@functools.cache
def schema(version: int = VERSION) -> dict[str, Any]:
    text = (resources_dir() / SCHEMA_FILES[version]).read_text(encoding="utf-8")
    doc: dict[str, Any] = json.loads(text)
    return doc


@functools.cache
def _validator(version: int) -> Draft202012Validator:
    Draft202012Validator.check_schema(schema(version))
    return Draft202012Validator(schema(version))


def version_of(doc: object) -> int:
    """The format version a return says it is in: one the board accepts, else the current
    one (whose schema then says what is wrong)."""
    version = doc.get("version") if isinstance(doc, dict) else None
    return version if type(version) is int and version in SCHEMA_FILES else VERSION


def schema_problems(doc: object) -> list[str]:
    """Where `doc` breaks the schema of its version, in reading order (empty when it
    conforms).

    A conforming return is recognised by the compiled check below (a return holds about
    2,000 values, and jsonschema takes about 10 ms to walk them); anything it does not
    accept is judged, and its problems worded, by jsonschema itself.
    """
    version = version_of(doc)
    if _fast_check(version)(doc):
        return []
    found = []
    for error in sorted(_validator(version).iter_errors(doc),
                        key=lambda e: list(map(str, e.path))):
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


_MOST_DIGITS = 13  # every count is at most 10**12 (the schema); nothing longer is parsed


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > _MOST_DIGITS:
        raise PayloadError(f"it holds a number of {len(text)} digits, far beyond any figure")
    return int(text)


def parse_payload(data: bytes) -> Any:
    """The payload's JSON, parsed strictly (raises PayloadError)."""
    try:
        text = data.decode("utf-8")
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_float=_no_fractions,
                          parse_constant=_no_constants, parse_int=_bounded_int)
    except UnicodeDecodeError as exc:
        raise PayloadError("it is not UTF-8 text") from exc
    except RecursionError as exc:
        raise PayloadError("it is nested too deeply") from exc
    except json.JSONDecodeError as exc:
        raise PayloadError(f"it is not valid JSON ({exc.msg}, line {exc.lineno})") from exc
    except PayloadError:
        raise
    except ValueError as exc:  # anything else the parser meets in hostile input
        raise PayloadError("it is not valid JSON") from exc


def payload_bytes(payload: dict[str, Any]) -> bytes:
    """The exact bytes that are signed and sent: sorted keys, indented, UTF-8."""
    return (json.dumps(payload, sort_keys=True, indent=2, ensure_ascii=False) + "\n").encode()


# ----- the compiled check ------------------------------------------------------------------
# The schema compiled once into plain Python tests, for the keywords it uses. It only ever
# says "conforms" when jsonschema would too: anything unusual (a float, a bool where a count
# is due, a keyword it does not know) makes it say no, and jsonschema decides.

Check = Callable[[Any], bool]


class _Unsupported(Exception):
    """The schema uses something the compiled check does not handle: jsonschema only."""


_NOTES = frozenset({"$schema", "$id", "$defs", "$comment", "title", "description"})
_KEYWORDS = frozenset({"$ref", "type", "const", "pattern", "minLength", "maxLength",
                       "minimum", "maximum", "required", "properties", "additionalProperties",
                       "unevaluatedProperties", "items", "maxItems", "minItems", "enum",
                       "oneOf", "prefixItems"}) | _NOTES
_TYPES: dict[str, tuple[type, ...]] = {"string": (str,), "integer": (int,), "object": (dict,),
                                       "array": (list,), "boolean": (bool,),
                                       "null": (type(None),), "number": (int,)}
# "number" accepts whole numbers only: a payload with a fraction is refused before this.


@functools.cache
def _fast_check(version: int = VERSION) -> Check:
    try:
        return _compile(schema(version), schema(version), 0)
    except (_Unsupported, KeyError, TypeError, re.error):
        return lambda doc: False


def _resolve(ref: object, root: dict[str, Any]) -> Any:
    if not isinstance(ref, str) or not ref.startswith("#/"):
        raise _Unsupported(ref)
    node: Any = root
    for part in ref[2:].split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def _evaluated(node: dict[str, Any], root: dict[str, Any], depth: int) -> frozenset[str] | None:
    """The property names a conforming object has had evaluated by `node` and what it refers
    to (None: all of them), as unevaluatedProperties counts them."""
    if depth > 32:
        raise _Unsupported("too deep")
    if "unevaluatedProperties" in node or node.get("additionalProperties", False) is not False:
        return None
    names = set(node.get("properties", {}))
    if "$ref" in node:
        inner = _evaluated(_resolve(node["$ref"], root), root, depth + 1)
        if inner is None:
            return None
        names |= inner
    return frozenset(names)


def _compile(node: object, root: dict[str, Any], depth: int) -> Check:
    if node is True:
        return lambda value: True
    if not isinstance(node, dict) or depth > 32 or set(node) - _KEYWORDS:
        raise _Unsupported(node)
    checks: list[Check] = []
    if "$ref" in node:
        checks.append(_compile(_resolve(node["$ref"], root), root, depth + 1))
    if node.get("type") == "integer" and set(node) - _NOTES == {"type", "minimum", "maximum"}:
        low, high = node["minimum"], node["maximum"]  # a count: the commonest value by far
        if type(low) is not int or type(high) is not int:
            raise _Unsupported(node)
        return lambda value: type(value) is int and low <= value <= high
    if "type" in node:
        names = node["type"] if isinstance(node["type"], list) else [node["type"]]
        kinds = tuple(k for name in names for k in _TYPES[name])
        checks.append(lambda value: type(value) in kinds)
    if "enum" in node:
        allowed = node["enum"]
        if not all(type(a) is str for a in allowed):
            raise _Unsupported(allowed)
        checks.append(lambda value: type(value) is str and value in allowed)
    if "oneOf" in node:
        choices = [_compile(choice, root, depth + 1) for choice in node["oneOf"]]
        checks.append(lambda value: sum(1 for c in choices if c(value)) == 1)
    if "const" in node:
        const = node["const"]
        if type(const) not in (str, int):
            raise _Unsupported(const)
        checks.append(lambda value: type(value) is type(const) and value == const)
    checks.extend(_string_checks(node))
    checks.extend(_count_checks(node))
    checks.extend(_object_checks(node, root, depth))
    if {"items", "maxItems", "minItems", "prefixItems"} & set(node):
        each = _compile(node.get("items", True), root, depth + 1)
        first = [_compile(item, root, depth + 1) for item in node.get("prefixItems", [])]
        most, least = node.get("maxItems"), node.get("minItems", 0)
        if (most is not None and type(most) is not int) or type(least) is not int:
            raise _Unsupported((most, least))

        def array(value: Any) -> bool:
            if type(value) is not list:
                return type(value) in (str, int, dict, bool, type(None))  # for arrays only
            if not (least <= len(value) and (most is None or len(value) <= most)):
                return False
            head = len(first)
            return all(c(v) for c, v in zip(first, value, strict=False)) and all(
                map(each, value[head:]))

        checks.append(array)
    return _every(checks)


def _every(checks: list[Check]) -> Check:
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        first, second = checks
        return lambda value: first(value) and second(value)

    def every(value: Any) -> bool:
        for check in checks:  # noqa: SIM110 - a loop: all() over a generator is slower
            if not check(value):
                return False
        return True

    return every


def _string_checks(node: dict[str, Any]) -> list[Check]:
    checks: list[Check] = []
    if "pattern" in node:
        search = re.compile(node["pattern"]).search  # as jsonschema does: re.search
        checks.append(lambda value: type(value) is not str or search(value) is not None)
    least, most = node.get("minLength"), node.get("maxLength")
    if least is not None or most is not None:
        low, high = least or 0, most
        checks.append(lambda value: type(value) is not str or (
            low <= len(value) and (high is None or len(value) <= high)))
    return checks


def _count_checks(node: dict[str, Any]) -> list[Check]:
    if "minimum" not in node and "maximum" not in node:
        return []
    low, high = node.get("minimum"), node.get("maximum")
    if any(bound is not None and type(bound) is not int for bound in (low, high)):
        raise _Unsupported((low, high))

    def number(value: Any) -> bool:
        if type(value) is int:
            return (low is None or value >= low) and (high is None or value <= high)
        return type(value) in (str, dict, list, type(None))  # not a number: not its keyword

    return [number]


def _object_checks(node: dict[str, Any], root: dict[str, Any], depth: int) -> list[Check]:
    keys = {"required", "properties", "additionalProperties", "unevaluatedProperties"}
    if not keys & set(node):
        return []
    required = tuple(node.get("required", ()))
    properties = {name: _compile(sub, root, depth + 1)
                  for name, sub in node.get("properties", {}).items()}
    allowed: frozenset[str] | None = None
    if "additionalProperties" in node:
        if node["additionalProperties"] is not False:
            raise _Unsupported(node["additionalProperties"])
        allowed = frozenset(properties)
    if "unevaluatedProperties" in node:
        if node["unevaluatedProperties"] is not False:
            raise _Unsupported(node["unevaluatedProperties"])
        evaluated = _evaluated({k: v for k, v in node.items() if k != "unevaluatedProperties"},
                               root, depth)
        if evaluated is not None:
            allowed = evaluated if allowed is None else allowed & evaluated
    items = tuple(properties.items())

    def obj(value: Any) -> bool:
        if type(value) is not dict:
            return type(value) in (str, int, list, type(None))  # the keywords apply to objects
        if allowed is not None and not allowed.issuperset(value):
            return False
        for name in required:
            if name not in value:
                return False
        for name, check in items:  # noqa: SIM110 - as above
            if name in value and not check(value[name]):
                return False
        return True

    return [obj]
