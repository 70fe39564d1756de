"""Regressions for what the attacks found in the engine, each on the smallest case that shows it."""

from __future__ import annotations

from app.core.sdc import Cell, Protection, Relation, TableSetBuilder
from app.core.sdc.attack import attack
from app.core.sdc.audit import audit, reader_knowledge
from app.core.sdc.reader import build_components


def _whole_numbers_pin_it() -> tuple[TableSetBuilder, set[tuple[str, ...]]]:
    """x + 2y = t with t printed as 1: in fractions x could be 0 (y = 1/2), in whole
    numbers x is 1. (KPI relations carry such coefficients: over the timescale, a response
    took at least 6 or 21 working days.)"""
    builder = TableSetBuilder()
    x, y, t = ("x",), ("y",), ("t",)
    builder.add(Cell(x, 1))
    builder.add(Cell(y, 0))
    builder.add(Cell(t, 1))
    builder.relate(Relation(((x, 1.0), (y, 2.0), (t, -1.0)), True, "x + 2y = t"))
    return builder, {x, y}


def test_the_audit_passes_only_points_of_whole_numbers() -> None:
    """Found by the integer attacker's reasoning: a linear point with fractions was taken as
    a reader's point, so the audit passed a cell whole numbers pin."""
    builder, hidden = _whole_numbers_pin_it()
    tables = builder.build()
    result = audit(tables, hidden, Protection())
    assert not result.passed
    assert ("x",) in {f.key for f in result.findings}


def test_a_fractional_vertex_is_asked_again_of_the_integer_program() -> None:
    builder, hidden = _whole_numbers_pin_it()
    tables = builder.build()
    knowledge, _ = reader_knowledge(tables, hidden, Protection())
    group = build_components(knowledge)[0]
    loose = attack(group, {("x",): 0.0}, {})
    strict = attack(group, {("x",): 0.0}, {}, whole_numbers=True)
    assert (("x",), False) in loose.reached  # the linear program alone is fooled
    assert (("x",), False) in strict.failures and strict.fractional
