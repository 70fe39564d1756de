"""Letters to the person who raised a concern, from editable templates.

Five kinds (LETTER_KINDS): the stage 1 response, the stage 2 acknowledgement,
an extension notice, the stage 2 decision and the not-taken-forward letter.
The wording comes from the organisation's template if it saved one in the
casebook (app.store.templates), otherwise from resources/letters/<kind>.txt.

A letter is addressed to the person, so making one is a reveal: the concern is
checked first (so nothing is revealed for a letter that cannot be written),
then IdentityService.reveal records the reason in the audit log, and the
export itself is recorded as `export.letter`. The PDF carries the identity:
whoever saves it should offer password protection (app.documents.protect).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from app.core.identity import PersonDetails
from app.core.records import Outcome, ServiceType, Stage
from app.core.timescales import standard_response_due
from app.documents.errors import DocumentError
from app.documents.layout import (
    PageFurniture,
    build_pdf,
    bullet,
    content_width,
    long_date,
    para,
    rich,
    text,
)
from app.documents.letter_templates import (
    LetterValues,
    Piece,
    TemplateError,
    fill_template,
    template_problems,
)
from app.paths import resources_dir
from app.store.casebook import Casebook
from app.store.concern_detail import ConcernDetail, ExtensionDetail, StageDetail, load_concern
from app.store.concerns import ConcernService
from app.store.identities import IdentityService
from app.store.templates import template_override

LETTER_KINDS: dict[str, str] = {
    "stage1_response": "Stage 1 response",
    "stage2_acknowledgement": "Stage 2 acknowledgement",
    "extension_notice": "Extension notice",
    "stage2_decision": "Stage 2 decision",
    "not_taken_forward": "Not taken forward under the Standards",
}

# Every value a template may use; a value that does not apply to a letter is empty.
VALUE_NAMES: tuple[str, ...] = (
    "reference", "person_name", "organisation", "unit", "sender", "letter_date",
    "received_on", "service_area", "concern_summary", "stage_name", "stage_entered_on",
    "handler", "due_date", "response_date", "outcome", "findings", "original_due_date",
    "new_due_date", "extension_reason", "decision_date", "reasons",
)
LIST_NAMES: tuple[str, ...] = ("issue_outcomes", "issues", "actions")
FLAG_NAMES: tuple[str, ...] = ("apology_due", "has_actions", "has_issues", "escalated",
                               "nhs_service", "local_authority_service")
SENDER_SETTING = "letter_sender"  # who signs letters; the reporting unit's name if unset
UPHELD_IN_PART = {Outcome.UPHELD.value, Outcome.PARTIALLY_UPHELD.value}


def _outcome_words(code: str | None) -> str:
    return Outcome(code).label.lower() if code else ""


# ----- templates ----------------------------------------------------------------------


def _check_kind(kind: str) -> None:
    if kind not in LETTER_KINDS:
        raise DocumentError(f"There is no letter called {kind!r}; the letters are "
                            f"{', '.join(LETTER_KINDS)}.")


def default_template(kind: str) -> str:
    _check_kind(kind)
    return (resources_dir() / "letters" / f"{kind}.txt").read_text(encoding="utf-8")


def letter_template(book: Casebook, kind: str) -> str:
    """The template in use: the organisation's own if saved in the casebook, else the default."""
    _check_kind(kind)
    return template_override(book, kind) or default_template(kind)


def sample_values() -> LetterValues:
    """Made-up values for checking a template while it is edited (no casebook needed)."""
    values = dict.fromkeys(VALUE_NAMES, "sample")
    lists: dict[str, Sequence[Piece]] = {name: [("para", "sample")] for name in LIST_NAMES}
    return LetterValues(values, lists, dict.fromkeys(FLAG_NAMES, True))


def check_template(text_: str) -> list[str]:
    """Problems with a template's wording, each a sentence; empty when it can be used."""
    return template_problems(text_, sample_values())


# ----- what a letter says -----------------------------------------------------------------


def _stage(detail: ConcernDetail, stage: Stage) -> StageDetail | None:
    return detail.stage(stage.value)


def _issue_outcomes(detail: ConcernDetail, stage: Stage) -> list[Piece]:
    pieces: list[Piece] = []
    for issue in detail.issues:
        outcome = issue.stage1_outcome if stage is Stage.STAGE1 else issue.stage2_outcome
        if outcome is None:
            continue
        pieces.append(("strong", f"{issue.number}. {issue.description}"))
        pieces.append(("para", f"Outcome: {_outcome_words(outcome)}."))
        if issue.findings.strip():
            pieces.append(("para", issue.findings.strip()))
    return pieces


def _actions(detail: ConcernDetail) -> list[Piece]:
    pieces: list[Piece] = []
    for action in detail.actions:
        if not action.adopted:
            continue
        what = action.description.strip().rstrip(".")
        if action.done_on:
            what += f" (done on {long_date(action.done_on)})"
        elif action.due_on:
            what += f" (by {long_date(action.due_on)})"
        pieces.append(("bullet", what + "."))
    return pieces


def _apology_due(detail: ConcernDetail, stage: Stage) -> bool:
    record = _stage(detail, stage)
    outcomes = {record.outcome if record else None}
    for issue in detail.issues:
        outcomes.add(issue.stage1_outcome if stage is Stage.STAGE1 else issue.stage2_outcome)
    return bool(outcomes & UPHELD_IN_PART)


def _latest_extension(detail: ConcernDetail) -> ExtensionDetail:
    return max(detail.extensions, key=lambda e: (e.authorised_on or date.min, e.extension_id))


def _base_values(book: Casebook, detail: ConcernDetail, person: PersonDetails,
                 letter_date: date) -> dict[str, str]:
    unit = book.setting("reporting_unit", "") or ""
    values = dict.fromkeys(VALUE_NAMES, "")
    values.update(
        reference=detail.reference, person_name=person.name.strip(),
        organisation=book.setting("organisation", "") or "", unit=unit,
        sender=(book.setting(SENDER_SETTING, "") or "").strip() or unit,
        letter_date=long_date(letter_date), received_on=long_date(detail.received_on),
        service_area=detail.service_area, concern_summary=detail.summary,
        decision_date=long_date(detail.decision_on or detail.closure_on or detail.received_on),
        reasons=(detail.decision_reasons or detail.closure_reason or "").strip(),
    )
    return values


def _stage_values(values: dict[str, str], record: StageDetail) -> None:
    values.update(
        stage_name=f"stage {1 if record.stage == Stage.STAGE1.value else 2}",
        stage_entered_on=long_date(record.entered_on), handler=(record.handler or "").strip(),
        due_date=long_date(record.respond_due),
        response_date=long_date(record.responded_on) if record.responded_on else "",
        outcome=_outcome_words(record.outcome), findings=record.response_summary.strip(),
    )


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise DocumentError(message)


def _needed_stage(detail: ConcernDetail, kind: str) -> StageDetail | None:
    """Check the concern can have this letter, before anything is revealed."""
    stage1, stage2 = _stage(detail, Stage.STAGE1), _stage(detail, Stage.STAGE2)
    if kind == "stage1_response":
        _require(stage1 is not None and stage1.responded_on is not None
                 and stage1.outcome is not None,
                 "This concern has no stage 1 response with an outcome yet, so there is "
                 "nothing to write a stage 1 response letter from.")
        return stage1
    if kind == "stage2_acknowledgement":
        _require(stage2 is not None, "This concern is not at stage 2, so there is nothing to "
                 "acknowledge.")
        return stage2
    if kind == "stage2_decision":
        _require(stage2 is not None and stage2.responded_on is not None
                 and stage2.outcome is not None,
                 "This concern has no stage 2 decision with an outcome yet, so there is "
                 "nothing to write a decision letter from.")
        return stage2
    if kind == "extension_notice":
        _require(bool(detail.extensions), "No extension has been recorded for this concern, "
                 "so there is nothing to write an extension notice about.")
        return _stage(detail, Stage(_latest_extension(detail).stage))
    _require("not_taken_forward" in (detail.decision, detail.closure),
             "This concern was not recorded as not taken forward under the Standards.")
    return None


def letter_values(book: Casebook, detail: ConcernDetail, person: PersonDetails, kind: str,
                  letter_date: date) -> LetterValues:
    """Everything a template for `kind` can use, for this concern and person."""
    record = _needed_stage(detail, kind)
    values = _base_values(book, detail, person, letter_date)
    stage = Stage(record.stage) if record is not None else Stage.STAGE1
    if record is not None:
        _stage_values(values, record)
    if kind == "extension_notice":
        _extension_values(book, detail, values)
    service = ServiceType(detail.service_type)
    issue_list: list[Piece] = [("bullet", i.description) for i in detail.issues]
    lists: dict[str, Sequence[Piece]] = {
        "issue_outcomes": _issue_outcomes(detail, stage) if record is not None else [],
        "issues": issue_list,
        "actions": _actions(detail),
    }
    flags = {
        "apology_due": record is not None and _apology_due(detail, stage),
        "has_actions": bool(lists["actions"]),
        "has_issues": bool(issue_list),
        "escalated": record is not None and record.entry == "escalated",
        "nhs_service": service in (ServiceType.NHS, ServiceType.BOTH),
        "local_authority_service": service in (ServiceType.LOCAL_AUTHORITY, ServiceType.BOTH),
    }
    return LetterValues(values, lists, flags)


def _extension_values(book: Casebook, detail: ConcernDetail, values: dict[str, str]) -> None:
    extension = _latest_extension(detail)
    stage = Stage(extension.stage)
    facts = detail.facts.stage(stage)
    earlier = [e for e in detail.extensions
               if e.stage == extension.stage and e is not extension and e.new_due_on]
    if earlier:  # the date the person was last given
        original = max(earlier, key=lambda e: (e.authorised_on or date.min,
                                               e.extension_id)).new_due_on
    elif facts is not None:
        original = standard_response_due(facts, ConcernService(book).calendar())
    else:
        original = None
    values.update(
        stage_name=f"stage {stage.number}",
        original_due_date=long_date(original) if original else "the date we gave you",
        new_due_date=long_date(extension.new_due_on) if extension.new_due_on else
        "a date we will confirm shortly",
        extension_reason=(extension.reason or "").strip(),
    )


# ----- laying a letter out ------------------------------------------------------------------


@dataclass(frozen=True)
class LetterPage:
    organisation: str
    unit: str
    person: PersonDetails
    reference: str
    letter_date: date


def _address_lines(person: PersonDetails) -> list[str]:
    lines = [person.name.strip()]
    address = [ln.strip() for ln in person.address.replace(",", "\n").splitlines() if ln.strip()]
    if address:
        lines.extend(address)
    elif person.email.strip():
        lines.append(f"By email: {person.email.strip()}")
    return lines


def _heading_block(page: LetterPage) -> list[Flowable]:
    width = content_width()
    sender = [rich(text(page.organisation), "letterhead"), para(page.unit, "address")]
    recipient = [para("\n".join(_address_lines(page.person)), "address")]
    dated = [para(f"Date: {long_date(page.letter_date)}", "address"),
             para(f"Our reference: {page.reference}", "address")]
    table = Table([[recipient, sender], ["", ""], ["", dated]],
                  colWidths=[width * 0.55, width * 0.45], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 1), (-1, 1), 6),
    ]))
    return [table, Spacer(1, 10 * mm)]


def _body(pieces: Sequence[Piece]) -> list[Flowable]:
    out: list[Flowable] = []
    for i, (kind, value) in enumerate(pieces):
        if i and pieces[i - 1][0] == "bullet" and kind != "bullet":
            out.append(Spacer(1, 5))  # a list ends with a little air before the next paragraph
        if kind == "subject":
            out.append(para(value, "subject"))
        elif kind == "heading":
            out.append(para(value, "h2"))
        elif kind == "strong":
            out.append(rich(f"<b>{text(value)}</b>", "body"))
        elif kind == "bullet":
            out.append(bullet(value))
        else:
            out.append(para(value))
    return out


def letter_pdf(page: LetterPage, pieces: Sequence[Piece], title: str) -> bytes:
    body = _body(pieces)
    if len(body) >= 2:  # "Yours sincerely," stays on the page with the name below it
        body[-2:] = [KeepTogether(body[-2:])]
    story = [*_heading_block(page), *body]
    return build_pdf(story, title=f"{title}: {page.reference}", author=page.organisation,
                     furniture=PageFurniture(
                         footer=f"{page.organisation}. Our reference: {page.reference}",
                         marking="Private and confidential"))


# ----- the service API ----------------------------------------------------------------------


def available_letters(detail: ConcernDetail) -> list[str]:
    """The kinds of letter this concern can have now (for the GUI's menu)."""
    if not detail.has_person:
        return []
    kinds = []
    for kind in LETTER_KINDS:
        try:
            _needed_stage(detail, kind)
        except DocumentError:
            continue
        kinds.append(kind)
    return kinds


def render_letter(book: Casebook, concern_id: int, kind: str, reason: str, *,
                  letter_date: date | None = None) -> bytes:
    """A letter as PDF bytes. A reveal: audited with `reason`, then as export.letter."""
    _check_kind(kind)
    detail = load_concern(book.cases, concern_id)
    if not detail.has_person:
        raise DocumentError(f"Concern {detail.reference} is {detail.anonymity}: no identity is "
                            "recorded, so there is no one to address a letter to.")
    _needed_stage(detail, kind)
    template = letter_template(book, kind)
    problems = check_template(template)
    if problems:
        raise DocumentError(f"The {LETTER_KINDS[kind].lower()} template cannot be used: "
                            f"{problems[0]}")
    person = IdentityService(book).reveal(concern_id, reason).person
    when = letter_date or date.today()
    try:
        pieces = fill_template(template, letter_values(book, detail, person, kind, when))
    except TemplateError as exc:
        raise DocumentError(str(exc)) from exc
    page = LetterPage(book.setting("organisation", "") or "",
                      book.setting("reporting_unit", "") or "", person, detail.reference, when)
    pdf = letter_pdf(page, pieces, LETTER_KINDS[kind])
    book.record("export.letter", "concern", concern_id, {"kind": kind})
    return pdf
