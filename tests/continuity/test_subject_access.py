"""Subject access in both forms, the PDF's text read back and checked."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.core.identity import PersonDetails
from app.core.records import ConversationMode, DisclosureConsent, Outcome, Stage
from app.services import letters, subject_access
from app.store.casebook import Casebook
from app.store.concerns import ConcernService
from app.store.errors import CasebookError
from tests.continuity.helpers import anonymous, named
from tests.documents.document_helpers import set_letter_contact
from tests.support import TODAY

MANAGER = "Hamish Managerson"


def _text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


@pytest.fixture
def casebook(book: Casebook, tmp_path_factory: pytest.TempPathFactory) -> Casebook:
    service = ConcernService(book, today=lambda: TODAY)
    jordan = named("Jordan Testperson")  # email jordan@example.org
    first = service.create(jordan)
    service.log_conversation(first, date(2025, 5, 2), ConversationMode.IN_PERSON,
                             f"Jordan said Dr {MANAGER} changed the rota after Robin "
                             "Quietperson complained. Morag Unheld saw it.", "Call back")
    service.log_conversation(first, date(2025, 5, 6), ConversationMode.PHONE,
                             "Jordan asked for an update on the rota.")
    issue = service.add_issue(first, f"{MANAGER} moved shifts without notice")
    service.set_issue_findings(issue, "Shifts were moved.")
    from app.store.concerns import IssueOutcome

    service.respond(first, Stage.STAGE1, date(2025, 5, 9), Outcome.UPHELD,
                    issue_outcomes=(IssueOutcome(issue, Outcome.UPHELD),))
    service.record_disclosure(first, disclosed_to="Occupational health", role="OH nurse",
                              on=date(2025, 5, 7), reason="Support",
                              consent=DisclosureConsent.CONSENT_WRITTEN)
    set_letter_contact(book)
    text = letters.draft(book, first, "stage1_response",
                         {"findings": "We found your rota was changed."}).text
    letters.make(book, first, "stage1_response", text, "Writing the stage 1 response",
                 tmp_path_factory.mktemp("letters") / "letter.pdf", unprotected=True,
                 letter_date=date(2025, 5, 9))
    service.create(named("Jordan Testperson", received_on=date(2025, 8, 4),
                         summary="A second concern from the same person"))
    service.create(named("Jordan Testperson", received_on=date(2025, 9, 1),
                         summary="Someone else with the same name",
                         person=PersonDetails(name="Jordan Testperson",
                                              email="other.jordan@example.org",
                                              phone="07700 900999")))
    service.create(named("Robin Quietperson", received_on=date(2025, 6, 2),
                         summary="Robin's own concern"))
    anon = service.create(anonymous(received_on=date(2025, 6, 3),
                                    summary=f"Anonymous note naming {MANAGER}"))
    service.log_conversation(anon, date(2025, 6, 3), ConversationMode.EMAIL,
                             "Nothing about anyone.")
    return book


def test_the_person_who_raised_it_gets_their_record(casebook: Casebook, tmp_path: Path) -> None:
    out = tmp_path / "sar.pdf"
    result = subject_access.for_raiser(casebook, "WB-2025-0001", out, "SAR received 1 Dec",
                                       today=TODAY)
    assert result.references == ("WB-2025-0001", "WB-2025-0002")  # not the namesake's
    words = _text(out)
    for expected in ("Review before release", "names it does not hold",
                     "Jordan Testperson", "jordan@example.org", "07700 900123",
                     "WB-2025-0001", "WB-2025-0002", "A second concern from the same person",
                     "[name] complained", "Morag Unheld saw it",  # held masked; unheld not
                     f"Dr {MANAGER}", "stage1 response", "Occupational health",
                     "Jordan asked for an update"):
        assert expected in words, expected
    assert "Quietperson" not in words and "Someone else with the same name" not in words
    assert "other.jordan" not in words
    events = {e: json.loads(d) for e, d in casebook.cases.execute(
        "SELECT event, detail FROM audit WHERE event IN ('identity.revealed',"
        " 'export.subject_access')")}
    assert events["identity.revealed"]["reason"] == "SAR received 1 Dec"
    assert events["export.subject_access"]["form"] == "raiser"
    assert out.stat().st_mode & 0o077 == 0


def test_a_person_named_in_a_concern_gets_what_mentions_them(casebook: Casebook,
                                                             tmp_path: Path) -> None:
    out = tmp_path / "named.pdf"
    result = subject_access.for_named(casebook, f"Dr {MANAGER}", [], out, "SAR from a manager",
                                      today=TODAY)
    assert result.references == ("WB-2025-0001", "WB-2025-0005")
    words = _text(out)
    for expected in ("Review before release", "a person named in a concern",
                     f"{MANAGER} moved shifts", "C said Dr " + MANAGER, "[name] complained",
                     "Issue 1: upheld at stage 1", "Anonymous note naming " + MANAGER,
                     "What is withheld"):
        assert expected in words, expected
    for absent in ("Jordan", "jordan@", "07700", "Quietperson", "asked for an update",
                   "Occupational health", "2 May 2025", "Robin's own concern"):
        assert absent not in words, absent
    detail = json.loads(casebook.cases.execute(
        "SELECT detail FROM audit WHERE event = 'export.subject_access'").fetchone()[0])
    assert detail["form"] == "named" and MANAGER not in json.dumps(detail)
    assert casebook.cases.execute("SELECT count(*) FROM audit WHERE event = "
                                  "'identity.revealed'").fetchone()[0] == 1  # the letter's


def test_bad_requests_get_one_sentence(casebook: Casebook, tmp_path: Path) -> None:
    with pytest.raises(CasebookError, match="holds no identity"):
        subject_access.for_raiser(casebook, "WB-2025-0005", tmp_path / "x.pdf", "why")
    with pytest.raises(CasebookError, match="Give the reason"):
        subject_access.for_raiser(casebook, "WB-2025-0001", tmp_path / "x.pdf", " ")
    with pytest.raises(CasebookError, match="no concern with reference"):
        subject_access.for_named(casebook, MANAGER, ["WB-1999-0001"], tmp_path / "x.pdf", "w")
    assert not (tmp_path / "x.pdf").exists()


def test_the_raisers_record_includes_concerns_they_raised_with_others(casebook: Casebook,
                                                                      tmp_path: Path) -> None:
    """Linked to Robin's concern as a second person raising it: that concern is theirs too."""
    from app.core.records import Anonymity, ConsentMethod, RaiserCategory

    service = ConcernService(casebook, today=lambda: TODAY)
    robins = service.id_for_reference("WB-2025-0004")
    service.link_raiser(robins, anonymity=Anonymity.NAMED, category=RaiserCategory.EMPLOYEE,
                        raised_on=date(2025, 6, 4),
                        person=PersonDetails(name="Jordan Testperson",
                                             email="jordan@example.org", phone="07700 900123"),
                        consent_on=date(2025, 6, 4), consent_method=ConsentMethod.CONVERSATION)
    out = tmp_path / "sar.pdf"
    result = subject_access.for_raiser(casebook, "WB-2025-0001", out, "SAR received 2 Dec",
                                       today=TODAY)
    assert result.references == ("WB-2025-0001", "WB-2025-0002", "WB-2025-0004")
    assert "Robin's own concern" in _text(out)
