"""The compiled schema check never passes what jsonschema refuses, and passes real returns."""

from __future__ import annotations

import copy
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from app.returns import schema
from tests.returns.return_helpers import synthetic_payload

CREATED = datetime(2026, 4, 20, tzinfo=UTC)
ODD_VALUES = (None, True, False, 0, -1, 1, 2**40, 10**13, 1.0, 0.5, float("nan"), "", "x",
              "2025-26", "2025-26\n", "é", [], ["x"], {}, {"x": 1}, ("tuple",))


def _register(label: str) -> list[dict[str, Any]]:
    """A unit's publication register as a return carries it: one release, some printed."""
    from app.core.disclosure import blank_release
    from app.core.kpi import empty_figures
    from app.core.periods import parse_period
    from app.core.sdc.release import ReleasedCell
    from app.returns.payload import _whole_numbers

    blank = blank_release(label, empty_figures(parse_period(label)), [], 5, "Published",
                          "2026-04-20")
    cells = tuple(ReleasedCell(c.key, c.kind, (0, 0) if c.kind == "sum" else 0)
                  if i % 3 == 0 else c for i, c in enumerate(blank.cells))
    return [_whole_numbers(replace(blank, cells=cells).to_json())]


def _payload(seed: int) -> dict[str, Any]:
    label = ("2025-26", "2024-25-Q3")[seed % 2]
    doc = synthetic_payload(f"Unit {seed % 7}", label, created=CREATED, seed=seed,
                            learning=["A statement."] * (seed % 3))
    if seed % 3 == 0:
        doc["publications"] = _register(label)
    return doc


def _valid(doc: object) -> bool:
    return not any(True for _ in schema._validator(schema.VERSION).iter_errors(doc))


def _paths(doc: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [here]
    if isinstance(doc, dict):
        for key, value in doc.items():
            found.extend(_paths(value, (*here, key)))
    elif isinstance(doc, list):
        for index, value in enumerate(doc):
            found.extend(_paths(value, (*here, index)))
    return found


def test_the_compiled_check_is_in_use_and_passes_real_returns() -> None:
    check = schema._fast_check()
    for seed in range(6):
        doc = _payload(seed)
        assert _valid(doc) and check(doc)
        assert schema.schema_problems(doc) == []


@settings(max_examples=200, deadline=None)
@given(seed=st.integers(0, 50), picks=st.lists(st.tuples(
    st.integers(0, 10**6), st.sampled_from(("replace", "delete", "add")),
    st.sampled_from(ODD_VALUES)), min_size=1, max_size=3))
def test_a_changed_return_passes_only_when_jsonschema_agrees(
        seed: int, picks: list[tuple[int, str, object]]) -> None:
    doc = copy.deepcopy(_payload(seed))
    for index, how, value in picks:
        paths = _paths(doc)
        path = paths[index % len(paths)]
        if not path:
            doc = copy.deepcopy(value)
            continue
        parent: Any = doc
        for part in path[:-1]:
            parent = parent[part]
        if how == "replace" or not isinstance(parent, dict | list):
            parent[path[-1]] = copy.deepcopy(value)
        elif how == "delete":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[f"extra{index % 3}"] = copy.deepcopy(value)
        else:
            parent.append(copy.deepcopy(value))
    if schema._fast_check()(doc):
        assert _valid(doc), doc
    assert (schema.schema_problems(doc) == []) == _valid(doc)
