"""Reading concerns' timelines out of cases.db as core `ConcernFacts`.

The rules and the KPI figures read only these snapshots, so a concern typed in
the GUI and one imported from a spreadsheet are judged and counted by one code.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from enum import Enum
from typing import Any, Generic, TypeVar

from app.core.custody import ALWAYS, Custody
from app.core.facts import ConcernFacts, ExtensionFacts, RaiserFacts, StageFacts
from app.core.records import (
    Anonymity,
    Closure,
    Outcome,
    ProcedureDecision,
    RaiserCategory,
    ServiceType,
    Stage,
    StageEntry,
)
from app.store.database import Connection

# Codes to their enum members by dict: an Enum call per value costs several times more,
# and a period's figures read tens of thousands of concerns. An unknown code still
# raises ValueError, from the Enum itself.
E = TypeVar("E", bound=Enum)


class _Codes(Generic[E]):
    def __init__(self, kind: type[E]) -> None:
        self.kind = kind
        self.members: dict[object, E] = {m.value: m for m in kind}

    def __getitem__(self, code: object) -> E:
        try:
            return self.members[code]
        except KeyError:
            return self.kind(code)


_STAGE = _Codes(Stage)
_ENTRY = _Codes(StageEntry)
_OUTCOME = _Codes(Outcome)
_ANONYMITY = _Codes(Anonymity)
_SERVICE = _Codes(ServiceType)
_CATEGORY = _Codes(RaiserCategory)
_DECISION = _Codes(ProcedureDecision)
_CLOSURE = _Codes(Closure)

_CONCERN_COLUMNS = (
    "id, received_on, anonymity, service_type, raiser_category, decision, decision_reasons,"
    " consent_on, closure, closure_on, imported, contracted, received_as, named_on"
)


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _extensions(conn: Connection, where: str, args: tuple[object, ...]
                ) -> dict[tuple[int, str], list[ExtensionFacts]]:
    found: dict[tuple[int, str], list[ExtensionFacts]] = defaultdict(list)
    rows = conn.execute(
        "SELECT concern_id, stage, authorised_on, authorised_by, reason, new_due_on, imported"
        f" FROM extensions {where} ORDER BY id", args)
    for concern_id, stage, on, by, reason, new_due, imported in rows:
        found[(concern_id, stage)].append(ExtensionFacts(
            stage=_STAGE[stage], authorised_on=_day(on), authorised_by=by, reason=reason,
            new_due_date=_day(new_due), imported=bool(imported)))
    return found


def _stages(conn: Connection, where: str, args: tuple[object, ...],
            extensions: dict[tuple[int, str], list[ExtensionFacts]]
            ) -> dict[int, dict[str, StageFacts]]:
    found: dict[int, dict[str, StageFacts]] = defaultdict(dict)
    rows = conn.execute(
        "SELECT concern_id, stage, entry, entered_on, acknowledged_on, responded_on, outcome"
        f" FROM stages {where}", args)
    for concern_id, stage, entry, entered, acknowledged, responded, outcome in rows:
        found[concern_id][stage] = StageFacts(
            stage=_STAGE[stage], entered_on=date.fromisoformat(entered), entry=_ENTRY[entry],
            acknowledged_on=_day(acknowledged), responded_on=_day(responded),
            outcome=_OUTCOME[outcome] if outcome else None,
            extensions=tuple(extensions.get((concern_id, stage), ())))
    return found


def _themes(conn: Connection, where: str, args: tuple[object, ...]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = defaultdict(list)
    for concern_id, code in conn.execute(
            f"SELECT DISTINCT concern_id, code FROM concern_themes {where}"
            " ORDER BY concern_id, code", args):
        found[concern_id].append(code)
    return found


def custody_spans(conn: Connection, where: str = "", args: tuple[object, ...] = ()
                  ) -> dict[int, Custody]:
    """When this casebook held the concerns it handed over or received (the rest: always)."""
    spans: dict[int, list[tuple[date | None, date | None]]] = defaultdict(list)
    for concern_id, held_from, held_until in conn.execute(
            f"SELECT concern_id, held_from, held_until FROM custody {where} ORDER BY id", args):
        spans[int(concern_id)].append((_day(held_from), _day(held_until)))
    return {concern_id: Custody(tuple(found)) for concern_id, found in spans.items()}


def _raisers(conn: Connection, where: str, args: tuple[object, ...]
             ) -> dict[int, list[RaiserFacts]]:
    found: dict[int, list[RaiserFacts]] = defaultdict(list)
    for concern_id, number, anonymity, raised_on, consent_on in conn.execute(
            "SELECT concern_id, number, anonymity, raised_on, consent_on FROM linked_raisers"
            f" {where} ORDER BY concern_id, number", args):
        found[int(concern_id)].append(RaiserFacts(
            _ANONYMITY[anonymity], date.fromisoformat(str(raised_on)), _day(consent_on),
            int(number)))
    return found


def _build(row: tuple[Any, ...], stages: dict[str, StageFacts], themes: list[str],
           custody: Custody = ALWAYS, raisers: list[RaiserFacts] | None = None
           ) -> ConcernFacts:
    (concern_id, received, anonymity, service, category, decision, reasons, consent,
     closure, closure_on, imported, contracted, received_as, named_on) = row
    return ConcernFacts(
        concern_id=int(concern_id),
        received_on=date.fromisoformat(str(received)),
        anonymity=_ANONYMITY[anonymity],
        service_type=_SERVICE[service],
        raiser_category=_CATEGORY[category],
        decision=_DECISION[decision],
        decision_reasons=str(reasons) if reasons is not None else None,
        consent_on=_day(str(consent)) if consent else None,
        stage1=stages.get("stage1"),
        stage2=stages.get("stage2"),
        closure=_CLOSURE[closure],
        closure_on=_day(str(closure_on)) if closure_on else None,
        themes=tuple(themes),
        imported=bool(imported),
        custody=custody,
        contracted=bool(contracted),
        received_as=_ANONYMITY[received_as] if received_as else None,
        named_on=_day(named_on),
        raisers=tuple(raisers or ()),
    )


def concern_facts(conn: Connection, concern_id: int) -> ConcernFacts:
    row = conn.execute(f"SELECT {_CONCERN_COLUMNS} FROM concerns WHERE id = ?",
                       (concern_id,)).fetchone()
    if row is None:
        raise KeyError(concern_id)
    where, args = "WHERE concern_id = ?", (concern_id,)
    stages = _stages(conn, where, args, _extensions(conn, where, args))
    return _build(row, stages.get(concern_id, {}), _themes(conn, where, args).get(concern_id, []),
                  custody_spans(conn, where, args).get(concern_id, ALWAYS),
                  _raisers(conn, where, args).get(concern_id))


def all_facts(conn: Connection) -> Iterator[ConcernFacts]:
    """Every concern, in three table scans (fast enough for 100,000 concerns)."""
    stages = _stages(conn, "", (), _extensions(conn, "", ()))
    themes = _themes(conn, "", ())
    custody = custody_spans(conn)
    raisers = _raisers(conn, "", ())
    for row in conn.execute(f"SELECT {_CONCERN_COLUMNS} FROM concerns ORDER BY id"):
        yield _build(row, stages.get(row[0], {}), themes.get(row[0], []),
                     custody.get(row[0], ALWAYS), raisers.get(row[0]))


# Concerns that can count in a period's figures: received, entering a stage,
# responded to or leaving the procedure inside it (SPEC.md's KPI definitions
# look at nothing else), so a quarter's figures need not read every concern.
# Each arm walks one index (a stage's dates are indexed after the stage's name).
_TOUCHING = """
SELECT id FROM concerns WHERE received_on BETWEEN :start AND :end
UNION
SELECT id FROM concerns WHERE closure_on BETWEEN :start AND :end
UNION
SELECT concern_id FROM stages WHERE stage IN ('stage1', 'stage2')
   AND entered_on BETWEEN :start AND :end
UNION
SELECT concern_id FROM stages WHERE stage IN ('stage1', 'stage2')
   AND responded_on BETWEEN :start AND :end
UNION
SELECT concern_id FROM linked_raisers WHERE raised_on BETWEEN :start AND :end
"""


def facts_touching(conn: Connection, start: date, end: date) -> Iterator[ConcernFacts]:
    """The facts of every concern with a dated event between `start` and `end` inclusive."""
    bounds = {"start": start.isoformat(), "end": end.isoformat()}
    conn.execute("DROP TABLE IF EXISTS temp.period_concerns")
    conn.execute(f"CREATE TEMP TABLE period_concerns AS {_TOUCHING}", bounds)
    try:
        where = "WHERE concern_id IN (SELECT id FROM temp.period_concerns)"
        stages = _stages(conn, where, (), _extensions(conn, where, ()))
        themes = _themes(conn, where, ())
        custody = custody_spans(conn, where)
        raisers = _raisers(conn, where, ())
        rows = conn.execute(f"SELECT {_CONCERN_COLUMNS} FROM concerns"
                            " WHERE id IN (SELECT id FROM temp.period_concerns) ORDER BY id")
        found = [_build(row, stages.get(row[0], {}), themes.get(row[0], []),
                        custody.get(row[0], ALWAYS), raisers.get(row[0])) for row in rows]
    finally:
        conn.execute("DROP TABLE IF EXISTS temp.period_concerns")
    return iter(found)
