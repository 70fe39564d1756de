"""Letters: every kind for demo cases, what each says, the reveal audit, and templates."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from app.core.rules import RuleError
from app.documents.errors import DocumentError
from app.documents.letters import (
    LETTER_KINDS,
    available_letters,
    check_template,
    default_template,
    letter_template,
    render_letter,
)
from app.store.casebook import Casebook
from app.store.concern_detail import load_concern
from app.store.concerns import ConcernService
from app.store.identities import IdentityService
from app.store.templates import (
    overridden_kinds,
    remove_template_override,
    save_template_override,
)
from tests.documents.document_helpers import (
    Designed,
    add_designed_concerns,
    have,
    pdf_text,
    render_pages,
)
from tests.support import TODAY

LETTER_DAY = date(2025, 6, 9)


def _audit(book: Casebook) -> list[tuple[str, str, dict[str, object]]]:
    return [(event, entity_id, json.loads(detail)) for event, entity_id, detail in
            book.cases.execute("SELECT event, entity_id, detail FROM audit ORDER BY seq")]


@pytest.fixture
def designed(service: ConcernService) -> Designed:
    return add_designed_concerns(service)


def _letter(book: Casebook, designed: Designed, key: str, kind: str) -> str:
    return pdf_text(render_letter(book, designed.ids[key], kind, "Writing to the person",
                                  letter_date=LETTER_DAY))


# ----- every kind, for demo cases ------------------------------------------------------------


def test_every_kind_of_letter_for_demo_cases(book: Casebook, tmp_path: Path) -> None:
    from app.demo import add_demo_concerns

    add_demo_concerns(book, 20, seed=1, today=TODAY)
    written: dict[str, int] = {}
    for (concern_id,) in book.cases.execute("SELECT id FROM concerns ORDER BY id").fetchall():
        for kind in available_letters(load_concern(book.cases, concern_id)):
            written.setdefault(kind, concern_id)
    assert set(written) == set(LETTER_KINDS)
    for kind, concern_id in written.items():
        pdf = render_letter(book, concern_id, kind, "Demo letter", letter_date=TODAY)
        text = pdf_text(pdf)
        name = IdentityService(book).reveal(concern_id, "Checking the test letter").person.name
        reference = load_concern(book.cases, concern_id).reference
        assert f"Dear {name}," in text and reference in text, kind
        assert "NHS Test Board" in text and "22 November 2026" in text, kind
        assert "Yours sincerely," in text and "Private and confidential" in text, kind
        if have("pdftoppm"):
            path = tmp_path / f"{kind}.pdf"
            path.write_bytes(pdf)
            (tmp_path / kind).mkdir()
            assert render_pages(path, tmp_path / kind)


# ----- what each letter says -----------------------------------------------------------------


def test_stage1_response_with_an_apology(book: Casebook, designed: Designed) -> None:
    text = _letter(book, designed, "A", "stage1_response")
    assert "Dear Avery Alpha," in text and "9 June 2025" in text
    assert "raising your concern with us on 3 April 2025" in text
    assert "your concern is upheld" in text and "We are sorry that things went wrong" in text
    assert "ask for your concern to be investigated further at stage 2" in text


def test_no_apology_when_nothing_was_upheld(book: Casebook, designed: Designed) -> None:
    text = _letter(book, designed, "B", "stage1_response")
    assert "your concern is not upheld" in text and "sorry" not in text


def test_stage2_decision_for_both_services_signposts_both(book: Casebook,
                                                          designed: Designed) -> None:
    text = _letter(book, designed, "C", "stage2_decision")
    assert "Dear Casey Charlie," in text
    assert "We read the rotas and spoke to six staff." in text  # how it was investigated
    assert "1. Night checks are skipped Outcome: upheld." in text
    assert "The rota showed one nurse on most nights." in text  # the issue's findings
    assert "your concern is upheld" in text and "We apologise" in text
    assert "Two-person checks at night (done on 20 June 2025)." in text
    assert "This letter is our final decision" in text
    assert "Independent National Whistleblowing Officer (INWO)" in text
    assert "Care Inspectorate" in text


def test_stage2_decision_for_nhs_only_signposts_the_inwo(book: Casebook,
                                                         designed: Designed) -> None:
    text = _letter(book, designed, "E", "stage2_decision")
    assert "INWO" in text and "Care Inspectorate" not in text and "apologise" not in text


def test_stage2_acknowledgement(book: Casebook, designed: Designed) -> None:
    text = _letter(book, designed, "C", "stage2_acknowledgement")
    assert "not satisfied with our response at stage 1" in text and "12 May 2025" in text
    assert "Night checks are skipped" in text and "concern, Head of Governance, has" in text
    direct = _letter(book, designed, "D", "stage2_acknowledgement")
    assert "Thank you for raising your concern with us" in direct and "2 June 2025" in direct


def test_extension_notice_gives_both_dates_and_the_reason(book: Casebook,
                                                          designed: Designed) -> None:
    text = _letter(book, designed, "B", "extension_notice")
    # Entered Mon 14 April 2025; five working days (Good Friday off) end on 22 April.
    assert "under stage 1" in text and "by 22 April 2025" in text
    assert "The reason is: A witness is on leave" in text and "by 28 April 2025" in text


def test_not_taken_forward_gives_reasons_and_the_inwo(book: Casebook,
                                                      designed: Designed) -> None:
    text = _letter(book, designed, "I", "not_taken_forward")
    assert "It is a personal employment matter." in text and "on 9 June 2025" in text
    assert "INWO" in text and "Care Inspectorate" not in text


# ----- a letter is a reveal ----------------------------------------------------------------------


def test_a_letter_is_an_audited_reveal(book: Casebook, designed: Designed) -> None:
    before = len(_audit(book))
    render_letter(book, designed.ids["A"], "stage1_response", "Sending the stage 1 response",
                  letter_date=LETTER_DAY)
    new = _audit(book)[before:]
    assert new == [
        ("identity.revealed", str(designed.ids["A"]), {"reason": "Sending the stage 1 response"}),
        ("export.letter", str(designed.ids["A"]), {"kind": "stage1_response"}),
    ]


def test_a_reason_is_required(book: Casebook, designed: Designed) -> None:
    with pytest.raises(RuleError):
        render_letter(book, designed.ids["A"], "stage1_response", "  ")


def test_nothing_is_revealed_for_a_letter_that_cannot_be_written(book: Casebook,
                                                                 designed: Designed) -> None:
    before = len(_audit(book))
    with pytest.raises(DocumentError, match="no stage 2 decision"):
        render_letter(book, designed.ids["A"], "stage2_decision", "Trying")
    with pytest.raises(DocumentError, match="no identity is recorded"):
        render_letter(book, designed.ids["F"], "stage1_response", "Trying")
    with pytest.raises(DocumentError, match="no letter called"):
        render_letter(book, designed.ids["A"], "thank_you", "Trying")
    assert len(_audit(book)) == before


def test_available_letters(book: Casebook, designed: Designed) -> None:
    def kinds(key: str) -> list[str]:
        return available_letters(load_concern(book.cases, designed.ids[key]))

    assert kinds("A") == ["stage1_response"]
    assert kinds("B") == ["stage1_response", "extension_notice"]
    assert kinds("C") == ["stage1_response", "stage2_acknowledgement", "stage2_decision"]
    assert kinds("F") == [] and kinds("I") == ["not_taken_forward"]


def test_text_from_the_casebook_cannot_change_the_letter(book: Casebook, service: ConcernService,
                                                         designed: Designed) -> None:
    issue = book.cases.execute("SELECT id FROM concern_issues").fetchone()[0]
    service.set_issue_findings(issue, "{person_name} <b>bold</b> & [if apology_due]\n# Heading")
    text = _letter(book, designed, "C", "stage2_decision")
    assert "{person_name} <b>bold</b> & [if apology_due] # Heading" in text


# ----- templates ----------------------------------------------------------------------------------


def test_the_default_templates_are_sound() -> None:
    for kind in LETTER_KINDS:
        assert check_template(default_template(kind)) == [], kind


def test_template_problems_are_plain_sentences() -> None:
    assert check_template("Dear {name},") == [
        "Paragraph 1 uses {name}, which is not a value a letter can fill in here."]
    assert check_template("[if sunny] Hello") == [
        "Paragraph 1 depends on [if sunny], which a letter does not know."]
    assert check_template("Hello { there") == [
        "Paragraph 1 has a lone brace; write {{ or }} to print one."]
    assert check_template("") == ["The template is empty."]


def test_an_organisation_template_is_used_and_can_be_removed(book: Casebook,
                                                            designed: Designed) -> None:
    own = ("# About {reference}\n\nDear {person_name},\n\nOur own wording, {{with braces}}.\n\n"
           "[if not apology_due] No apology is due.\n\nRegards,\n{sender}")
    save_template_override(book, "stage1_response", own)
    assert overridden_kinds(book) == ["stage1_response"]
    assert letter_template(book, "stage1_response") == own
    text = _letter(book, designed, "B", "stage1_response")
    assert "Our own wording, {with braces}." in text and "No apology is due." in text
    assert "Regards, Test Unit" in text
    remove_template_override(book, "stage1_response")
    assert overridden_kinds(book) == []
    assert "Our own wording" not in _letter(book, designed, "B", "stage1_response")
    changes = [e for e in _audit(book) if e[0] == "setting.changed"]
    assert [c[1] for c in changes][-2:] == ["letter_template:stage1_response"] * 2


def test_a_broken_organisation_template_stops_before_the_reveal(book: Casebook,
                                                                designed: Designed) -> None:
    save_template_override(book, "stage1_response", "Dear {first_name},")
    before = len(_audit(book))
    with pytest.raises(DocumentError, match="template cannot be used"):
        render_letter(book, designed.ids["A"], "stage1_response", "Trying")
    assert len(_audit(book)) == before


def test_the_template_guide_lists_every_value_list_and_condition() -> None:
    from app.documents.letters import FLAG_NAMES, LIST_NAMES, VALUE_NAMES
    from app.paths import resources_dir

    guide = (resources_dir() / "letters" / "README.md").read_text(encoding="utf-8")
    for name in (*VALUE_NAMES, *LIST_NAMES):
        assert f"{{{name}}}" in guide, name
    for name in FLAG_NAMES:
        assert f"`{name}`" in guide, name
