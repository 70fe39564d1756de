"""Shared helpers for the document tests: reading PDFs back, and a small designed casebook.

The designed concerns (`add_designed_concerns`) are entered through the same
ConcernService the GUI uses, and their KPI figures for 2025-26 Q1 are worked out
by hand in `EXPECTED_Q1` (see the comments there), never by calling the KPI code.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pypdf import PdfReader

from app.core.identity import PersonDetails
from app.core.records import (
    Anonymity,
    Channel,
    Closure,
    ConsentMethod,
    ConversationMode,
    Outcome,
    ProcedureDecision,
    RaisedWith,
    RaiserCategory,
    ServiceType,
    Stage,
)
from app.store.concerns import ConcernService, IssueOutcome, NewConcern


def pdf_text(pdf: bytes, password: str | None = None) -> str:
    """Every page's text, whitespace folded to single spaces."""
    reader = PdfReader(io.BytesIO(pdf))
    if password is not None:
        reader.decrypt(password)
    raw = " ".join(page.extract_text() or "" for page in reader.pages)
    return re.sub(r"\s+", " ", raw)


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def render_pages(pdf_path: Path, out_dir: Path, password: str | None = None) -> list[Path]:
    """Render every page with poppler's pdftoppm (the caller skips if it is missing)."""
    command = ["pdftoppm", "-png", "-r", "30"]
    if password is not None:
        command += ["-upw", password]
    subprocess.run([*command, str(pdf_path), str(out_dir / "page")], check=True,
                   capture_output=True, timeout=60)
    return sorted(out_dir.glob("page*.png"))


def have(tool: str) -> bool:
    return shutil.which(tool) is not None


@dataclass(frozen=True)
class Designed:
    """Concern ids of the designed set, by letter (see add_designed_concerns)."""

    ids: dict[str, int]


def _new(received: date, service: ServiceType, *, anonymity: Anonymity = Anonymity.NAMED,
         stage: Stage | None = Stage.STAGE1, name: str = "") -> NewConcern:
    named = anonymity is Anonymity.NAMED
    person = PersonDetails(name=name or f"Person {received.isoformat()}") if named else None
    return NewConcern(
        received_on=received, channel=Channel.IN_PERSON,
        raised_with=RaisedWith.CONFIDENTIAL_CONTACT, raiser_category=RaiserCategory.EMPLOYEE,
        anonymity=anonymity, service_type=service, summary="Designed test concern",
        themes=("patient_safety",), starting_stage=stage if named else None,
        consent_on=received if named and stage else None,
        consent_method=ConsentMethod.CONVERSATION if named and stage else None, person=person)


def add_designed_concerns(service: ConcernService) -> Designed:
    """Ten concerns whose Q1 2025-26 (1 April to 30 June 2025) figures are worked out by hand.

    Scottish bank holidays in the span: Good Friday 18 April, 5 May, 26 May 2025.
    """
    ids: dict[str, int] = {}
    nhs, la, both = ServiceType.NHS, ServiceType.LOCAL_AUTHORITY, ServiceType.BOTH
    # A: stage 1 received Thu 3 Apr, responded Wed 9 Apr (4 working days), upheld.
    ids["A"] = a = service.create(_new(date(2025, 4, 3), nhs, name="Avery Alpha"))
    service.respond(a, Stage.STAGE1, date(2025, 4, 9), Outcome.UPHELD)
    # B: stage 1 received Mon 14 Apr, extended, responded Fri 25 Apr (8 working days: Good
    # Friday does not count), not upheld.
    ids["B"] = b = service.create(_new(date(2025, 4, 14), la, name="Blair Bravo"))
    service.extend(b, Stage.STAGE1, authorised_by="Head of service",
                   authorised_on=date(2025, 4, 17), reason="A witness is on leave",
                   new_due_on=date(2025, 4, 28), person_told_on=date(2025, 4, 17))
    service.respond(b, Stage.STAGE1, date(2025, 4, 25), Outcome.NOT_UPHELD)
    # C: both services; stage 1 Thu 1 May -> Thu 8 May (4 working days: 5 May is a holiday),
    # partially upheld; escalated Mon 12 May, acknowledged, stage 2 response Fri 6 Jun
    # (18 working days: 26 May is a holiday), upheld.
    ids["C"] = c = service.create(_new(date(2025, 5, 1), both, name="Casey Charlie"))
    issue = service.add_issue(c, "Night checks are skipped")
    service.respond(c, Stage.STAGE1, date(2025, 5, 8), Outcome.PARTIALLY_UPHELD,
                    issue_outcomes=(IssueOutcome(issue, Outcome.PARTIALLY_UPHELD),))
    service.escalate(c, date(2025, 5, 12), handler="Head of Governance")
    service.acknowledge(c, date(2025, 5, 14))
    service.set_issue_findings(issue, "The rota showed one nurse on most nights.")
    service.respond(c, Stage.STAGE2, date(2025, 6, 6), Outcome.UPHELD,
                    summary="We read the rotas and spoke to six staff.",
                    issue_outcomes=(IssueOutcome(issue, Outcome.UPHELD),))
    action = service.add_action(c, "Two-person checks at night", owner="Charge nurse",
                                due_on=date(2025, 6, 30),
                                learning="Night checks now need two nurses.", publishable=True)
    service.update_action(action, done_on=date(2025, 6, 20))
    # D: stage 2 received Mon 2 Jun, extended 20 Jun, still open at the end of June.
    ids["D"] = d = service.create(_new(date(2025, 6, 2), nhs, stage=Stage.STAGE2,
                                       name="Devon Delta"))
    service.extend(d, Stage.STAGE2, authorised_by="Director of Nursing",
                   authorised_on=date(2025, 6, 20), reason="Records are held off site",
                   new_due_on=date(2025, 7, 14), person_told_on=date(2025, 6, 20))
    # E: stage 2 received Mon 10 Mar (before the quarter), responded Tue 15 Apr (26 working
    # days), not upheld: closed in Q1 but not received in it.
    ids["E"] = e = service.create(_new(date(2025, 3, 10), nhs, stage=Stage.STAGE2,
                                       name="Emery Echo"))
    service.respond(e, Stage.STAGE2, date(2025, 4, 15), Outcome.NOT_UPHELD)
    # F and G: anonymous (NHS) and unnamed (local authority): outside the Standards.
    ids["F"] = service.create(_new(date(2025, 5, 20), nhs, anonymity=Anonymity.ANONYMOUS))
    ids["G"] = service.create(_new(date(2025, 5, 21), la, anonymity=Anonymity.UNNAMED))
    # H: stage 1 received Mon 2 Jun, withdrawn Tue 10 Jun.
    ids["H"] = h = service.create(_new(date(2025, 6, 2), nhs, name="Harper Hotel"))
    service.close(h, Closure.WITHDRAWN, date(2025, 6, 10), "No longer wishes to go on")
    # I: initial discussion on Thu 5 Jun, not taken forward on Mon 9 Jun.
    ids["I"] = i = service.create(_new(date(2025, 6, 5), nhs, stage=None, name="Indigo India"))
    service.decide(i, ProcedureDecision.NOT_TAKEN_FORWARD, date(2025, 6, 9),
                   "It is a personal employment matter.")
    # J: stage 1 received Wed 25 Jun, responded Thu 3 Jul (closed in Q2, not Q1).
    ids["J"] = j = service.create(_new(date(2025, 6, 25), nhs, name="Jules Juliet"))
    service.respond(j, Stage.STAGE1, date(2025, 7, 3), Outcome.NOT_UPHELD)
    service.log_conversation(j, date(2025, 6, 25), ConversationMode.PHONE, "First call.")
    return Designed(ids)


def _block(received: tuple[int, int, int, int], closed: tuple[int, int],
           outcomes1: tuple[int, int, int], outcomes2: tuple[int, int, int],
           days1: tuple[int, int], days2: tuple[int, int], within: tuple[int, int],
           extended: tuple[int, int], other: tuple[int, int, int],
           contracted: tuple[int, int, int, int] = (0, 0, 0, 0)) -> dict[str, object]:
    def outcomes(values: tuple[int, int, int]) -> dict[str, int]:
        return dict(zip(("upheld", "partially_upheld", "not_upheld"), values, strict=True))

    return {
        "period": {"from": "2025-04-01", "to": "2025-06-30"},
        "received": dict(zip(("stage1", "stage2", "anonymous", "unnamed"), received,
                             strict=True)),
        "closed": {"stage1": closed[0], "stage2": closed[1]},
        "outcomes": {"stage1": outcomes(outcomes1), "stage2": outcomes(outcomes2)},
        "working_days": {"stage1": {"sum": days1[0], "count": days1[1]},
                         "stage2": {"sum": days2[0], "count": days2[1]}},
        "within_timescale": {"stage1": within[0], "stage2": within[1]},
        "extended": {"stage1": extended[0], "stage2": extended[1]},
        "other_closures": dict(zip(("withdrawn", "transferred", "not_taken_forward"), other,
                                   strict=True)),
        "contracted_services": dict(zip(("stage1", "stage2", "anonymous", "unnamed"),
                                        contracted, strict=True)),
    }


# Worked out by hand from the concerns above (letters in brackets).
EXPECTED_Q1: dict[str, object] = {
    # received: stage 1 A B C H J; stage 2 C (escalated) D; anonymous F; unnamed G.
    # closed: stage 1 A B C; stage 2 C E. Days: stage 1 4 + 8 + 4, stage 2 18 + 26.
    # within: stage 1 A C; stage 2 C. Extended: stage 1 B; stage 2 D.
    **_block((5, 2, 1, 1), (3, 2), (1, 1, 1), (1, 0, 1), (16, 3), (44, 2), (2, 1), (1, 1),
             (1, 0, 1)),
    "by_service": {
        # NHS: A D E F H I J.
        "nhs": _block((3, 1, 1, 0), (1, 1), (1, 0, 0), (0, 0, 1), (4, 1), (26, 1), (1, 0),
                      (0, 1), (1, 0, 1)),
        # Local authority: B G.
        "local_authority": _block((1, 0, 0, 1), (1, 0), (0, 0, 1), (0, 0, 0), (8, 1), (0, 0),
                                  (0, 0), (1, 0), (0, 0, 0)),
        # Both: C.
        "both": _block((1, 1, 0, 0), (1, 1), (0, 1, 0), (1, 0, 0), (4, 1), (18, 1), (1, 1),
                       (0, 0), (0, 0, 0)),
    },
}


def set_letter_contact(book: object) -> None:
    """The named contact every letter gives (staff): letters are refused without one."""
    from app.services import letters
    from app.store.letter_settings import NamedContact

    letters.set_contact(book, NamedContact(  # type: ignore[arg-type]
        "Morgan Contactperson", "Whistleblowing lead", "01234 567890",
        "whistleblowing@example.org"))
