"""Concerns about contracted or primary-care services in the KPI report (PDF and CSV), exact
and for publication, and the note on concerns raised by several people."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date

from app.core.identity import PersonDetails
from app.core.periods import parse_period
from app.core.records import Anonymity, RaiserCategory, ServiceType
from app.documents.kpi_report import build_kpi_report, report_csv
from app.documents.report_content import report_content
from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from tests.continuity.helpers import anonymous, named
from tests.documents.document_helpers import pdf_text
from tests.support import TODAY

Q1 = parse_period("2025-26-Q1")


def _casebook(service: ConcernService) -> None:
    for n in range(6):
        service.create(named(f"Person {n}", received_on=date(2025, 5, 2 + n % 3),
                             contracted=n < 5, service_type=ServiceType.NHS))
    service.create(replace(anonymous(received_on=date(2025, 5, 6)), contracted=True,
                           starting_stage=None, handler=None))
    first = service.create(named("Linked First", received_on=date(2025, 6, 2)))
    service.link_raiser(first, anonymity=Anonymity.ANONYMOUS, category=RaiserCategory.OTHER,
                        raised_on=date(2025, 6, 3))
    service.link_raiser(first, anonymity=Anonymity.NAMED, category=RaiserCategory.EMPLOYEE,
                        raised_on=date(2025, 6, 4), person=PersonDetails("Linked Second"))


def test_the_report_counts_contracted_services(book: Casebook,
                                               service: ConcernService) -> None:
    _casebook(service)
    content = report_content(book, Q1, today=TODAY)
    assert content.figures["contracted_services"] == {"stage1": 5, "stage2": 0,
                                                      "anonymous": 1, "unnamed": 0}
    # The linked concern: once at stage 1, and among the anonymous as well.
    assert content.figures["received"] == {"stage1": 7, "stage2": 0, "anonymous": 2,
                                           "unnamed": 0}
    text = pdf_text(build_kpi_report(book, Q1, today=TODAY))
    assert "Contracted and primary-care services" in text
    assert "Received at stage 1 5" in text
    assert "Several people raising the same concern: it is one concern" in text
    rows = list(csv.DictReader(io.StringIO(report_csv(content))))
    exact = {(r["stage"], r["service"]): r["value"] for r in rows
             if r["section"] == "contracted_services"}
    assert exact[("stage1", "all")] == "5" and exact[("anonymous", "all")] == "1"
    public = list(csv.DictReader(io.StringIO(report_csv(content, publication=True,
                                                        threshold=3))))
    hidden = {(r["stage"], r["service"]): r["value"] for r in public
              if r["section"] == "contracted_services"}
    # 5 of the 7 at stage 1 are about contracted services: printing both would tell a reader
    # the 2 others, so one of them is hidden (the test below checks every such pair).
    assert hidden[("stage1", "all")] == "*" and hidden[("anonymous", "all")] == "*"
    assert hidden[("anonymous", "nhs")] == "*"  # the one it could be worked out from


def test_the_concerns_not_about_contracted_services_cannot_be_worked_out(
        book: Casebook, service: ConcernService) -> None:
    """A reader subtracts: received at a stage, less those about contracted services, is
    those about the board's own services. When that is a small number, one of the two
    printed figures it comes from must be hidden (7 received, 5 contracted: 2 others)."""
    _casebook(service)
    content = report_content(book, Q1, today=TODAY)
    for threshold in (3, 5):
        rows = list(csv.DictReader(io.StringIO(report_csv(content, publication=True,
                                                          threshold=threshold))))
        printed = {(r["section"], r["measure"], r["stage"], r["service"], r["unit"]): r["value"]
                   for r in rows}
        compared = 0
        for (section, measure, stage, svc, unit), value in printed.items():
            if section != "contracted_services":
                continue
            received = printed.get(("kpi4_received", "received", stage, svc, unit)) if stage in (
                "stage1", "stage2") else printed.get(("outside_standards", stage, "", svc, unit))
            assert received is not None, (measure, stage, svc)
            if "*" in (value, received):
                continue
            compared += 1
            others = int(received) - int(value)
            assert not 0 < others < threshold, (
                f"threshold {threshold}: {svc} {stage}: {received} received, {value} about "
                f"contracted services, so {others} about others")
        assert compared > 0  # the check looked at printed pairs


def test_the_independent_attacker_finds_the_others_by_subtraction(
        book: Casebook, service: ConcernService) -> None:
    """The CSV attacker (tests/documents/csv_attacker.py) knows that contracted and other
    concerns add up to those received: on the publication CSV it narrows nothing."""
    from tests.documents import csv_attacker

    _casebook(service)
    content = report_content(book, Q1, today=TODAY)
    for threshold in (3, 5):
        exact = report_csv(content)
        published = report_csv(content, publication=True, threshold=threshold)
        assert csv_attacker.narrowed([exact], [published], threshold) == []
