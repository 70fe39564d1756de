"""Letters to a person who raised a concern: drafted from facts and their own fields, edited
as a whole by the contact, then made into a PDF.

Five kinds (LETTER_KINDS): the stage 1 response, the stage 2 acknowledgement, an extension
notice, the stage 2 decision and the not-taken-forward letter. The wording comes from the
organisation's template if it saved one (app.store.templates), otherwise from
resources/letters/<kind>.txt. What a letter says about the concern is written for the
person in that letter's own fields (app/core/letters.py: LETTER_FIELDS), never taken from
the case record: no summary, findings, reasons or notes written about "C" flow into it.

Two steps. `draft_letter` fills the template (nothing is revealed: the person's name stays a
placeholder) and returns the whole text, which the contact reads and edits. `letter_pdf_for`
reveals the person (audited with the reason) and makes the PDF from the edited text, with
the letterhead, the person's name and address, the date and the reference. Recording the
letter, keeping its copy with the identity and saving the file is the service's job
(app/services/letters.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from app.core.identity import PersonDetails
from app.core.letters import (
    FIELD_NAMES,
    KINDS,
    LETTER_FIELDS,
    NAME_PLACEHOLDER,
    IssueService,
    LetterDates,
    Signpost,
    issue_list,
    letter_dates,
    signposting,
    voice_problem,
)
from app.core.records import Anonymity, Outcome, ServiceType, SignpostBody, Stage
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
    pieces_text,
    template_problems,
    text_pieces,
)
from app.paths import resources_dir
from app.store.casebook import Casebook
from app.store.concern_detail import ConcernDetail, ExtensionDetail, StageDetail, load_concern
from app.store.concerns import ConcernService
from app.store.identities import IdentityService
from app.store.letter_settings import Body, LetterSettings
from app.store.letter_settings import load as load_settings
from app.store.linked_raisers import LinkedRaiser, linked_raisers
from app.store.templates import template_override

LETTER_KINDS: dict[str, str] = dict(KINDS)

# Every value a template may use; a value that does not apply to a letter is empty.
VALUE_NAMES: tuple[str, ...] = (
    "reference", "person_name", "organisation", "unit", "letter_date", "received_on",
    "stage_name", "stage_entered_on", "handler", "due_date", "response_date", "outcome",
    "original_due_date", "new_due_date", "decision_date", "contact_name", "contact_role",
    "contact_phone", "contact_email", "contact_address", "contact_sentence", "signatory_name",
    "signatory_role", *FIELD_NAMES,
)
LIST_NAMES: tuple[str, ...] = ("issue_outcomes", "signposting")
FLAG_NAMES: tuple[str, ...] = ("apology_due", "has_issues", "escalated", "handler_independent",
                               "handler_justified", "nhs_service", "local_authority_service")
UPHELD_IN_PART = {Outcome.UPHELD.value, Outcome.PARTIALLY_UPHELD.value}
LOCAL_BODIES = (SignpostBody.CARE_INSPECTORATE, SignpostBody.AUDIT_SCOTLAND, SignpostBody.OTHER)


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


# ----- who a letter is to, and what it is about -----------------------------------------------


@dataclass(frozen=True)
class Recipient:
    """Who a letter can go to: the concern's own raiser (0) or a linked one (their number)."""

    raiser: int
    label: str
    received_on: date  # when they raised it


def recipients(detail: ConcernDetail, linked: Sequence[LinkedRaiser]) -> list[Recipient]:
    """The people a letter can be addressed to: named, with an identity held."""
    found = []
    if detail.has_person:
        found.append(Recipient(0, "The person who raised it", detail.received_on))
    for raiser in linked:
        if raiser.has_person and raiser.anonymity == Anonymity.NAMED.value:
            found.append(Recipient(raiser.number, f"Raiser {raiser.number + 1} (linked)",
                                   raiser.raised_on))
    return found


def _stage(detail: ConcernDetail, stage: Stage) -> StageDetail | None:
    return detail.stage(stage.value)


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise DocumentError(message)


def _extension(detail: ConcernDetail, extension_id: int | None) -> ExtensionDetail:
    _require(bool(detail.extensions), "No extension has been recorded for this concern, so "
             "there is nothing to write an extension notice about.")
    if extension_id is None:
        return max(detail.extensions, key=lambda e: (e.authorised_on or date.min,
                                                     e.extension_id))
    found = next((e for e in detail.extensions if e.extension_id == extension_id), None)
    _require(found is not None, "That extension is no longer recorded for this concern.")
    assert found is not None
    return found


def needed_stage(detail: ConcernDetail, kind: str) -> StageDetail | None:
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
        return _stage(detail, Stage(_extension(detail, None).stage))
    _require("not_taken_forward" in (detail.decision, detail.closure),
             "This concern was not recorded as not taken forward under the Standards.")
    _require(detail.written_response != "not_needed", "Both sides agreed that no written "
             "response is needed for this concern, so there is no letter to write.")
    return None


def available_letters(detail: ConcernDetail,
                      linked: Sequence[LinkedRaiser] = ()) -> list[str]:
    """The kinds of letter this concern can have now (for the GUI's menu)."""
    if not recipients(detail, linked):
        return []
    kinds = []
    for kind in LETTER_KINDS:
        try:
            needed_stage(detail, kind)
        except DocumentError:
            continue
        kinds.append(kind)
    return kinds


# ----- drafting -----------------------------------------------------------------------------


@dataclass(frozen=True)
class LetterDraft:
    """A letter before it is made: its text to edit (the person's name a placeholder), the
    values it used (no identity, for the letter's record), its dates, and notes for the
    contact (an apology that may be due, say)."""

    concern_id: int
    kind: str
    raiser: int
    text: str
    facts: dict[str, Any]
    dates: LetterDates
    notes: tuple[str, ...] = ()
    local_body: str = ""
    extension_id: int | None = None
    extra_allowed: tuple[str, ...] = field(default=())  # contact details the letter quotes


def _issue_outcomes(detail: ConcernDetail, stage: Stage) -> list[Piece]:
    pieces: list[Piece] = []
    for issue in detail.issues:
        outcome = issue.stage1_outcome if stage is Stage.STAGE1 else issue.stage2_outcome
        if outcome is None:
            continue
        described = " ".join(issue.description.split())
        pieces.append(("bullet", f"Issue {issue.number} ({described}): "
                                 f"{_outcome_words(outcome)}."))
    return pieces


def _apology_due(detail: ConcernDetail, stage: Stage) -> bool:
    record = _stage(detail, stage)
    outcomes = {record.outcome if record else None}
    for issue in detail.issues:
        outcomes.add(issue.stage1_outcome if stage is Stage.STAGE1 else issue.stage2_outcome)
    return bool(outcomes & UPHELD_IN_PART)


def _contact_sentence(settings: LetterSettings) -> str:
    contact = settings.contact
    who = contact.name.strip()
    if contact.role.strip():
        who += f", {contact.role.strip()}"
    ways = []
    if contact.phone.strip():
        ways.append(f"by phone on {contact.phone.strip()}")
    if contact.email.strip():
        ways.append(f"by email at {contact.email.strip()}")
    sentence = f"If you have any questions about this letter, please contact {who}"
    if ways:
        sentence += ", " + " or ".join(ways)
    if contact.address.strip():
        sentence += f", or write to {contact.address.strip()}"
    return sentence + "."


def _body_for(signpost: Signpost, settings: LetterSettings, other_name: str) -> Body:
    body = settings.bodies.get(signpost.body.value, Body(signpost.body.label))
    if signpost.body is SignpostBody.OTHER:
        name = other_name.strip() or body.name.strip()
        _require(bool(name), "Name the body for the local-authority part of the concern "
                 "(or choose the Care Inspectorate or Audit Scotland).")
        body = Body(name, body.website, body.phone, body.about)
    return body


def _signposting_pieces(kind: str, signposts: Sequence[Signpost], settings: LetterSettings,
                        other_name: str) -> list[Piece]:
    """The paragraphs saying where the person can go next, per issue's service."""
    pieces: list[Piece] = []
    if not signposts:
        return pieces
    decision = kind == "stage2_decision"
    pieces.append(("heading", "If you remain unhappy" if decision else "If you disagree"))
    for signpost in signposts:
        body = _body_for(signpost, settings, other_name)
        name = body.name.strip()
        what = "NHS services" if signpost.nhs else "services provided by the local authority"
        if signpost.whole:
            opening = f"Your concern is about {what}. " if not signpost.nhs else ""
            if decision:
                ask = (f"If you remain unhappy with our decision or with how we handled your "
                       f"concern, you can ask {name} to look at it.")
            else:
                ask = f"If you disagree with this decision, you can ask {name} to look at it."
        else:
            which = f" ({issue_list(signpost.issues)})" if signpost.issues else ""
            opening = f"Part of your concern{which} is about {what}. "
            if decision:
                ask = (f"If you remain unhappy with our decision on that part, or with how we "
                       f"handled it, you can ask {name} to look at it.")
            else:
                ask = (f"If you disagree with this decision about that part, you can ask "
                       f"{name} to look at it.")
        sentence = opening + ask[0].upper() + ask[1:] if opening else ask
        if body.about.strip():
            sentence += " " + body.about.strip()
        contact = body.contact_words()
        if contact:
            sentence += f" You can contact them {contact}."
        pieces.append(("para", sentence))
    return pieces


def _independence(record: StageDetail | None, clash: str | None) -> tuple[bool, bool]:
    """(handler_independent, handler_justified) as recorded at stage 2."""
    if record is None or record.stage != Stage.STAGE2.value or not (record.handler or "").strip():
        return False, False
    return clash is None, clash is not None


def _issue_services(detail: ConcernDetail) -> list[IssueService]:
    return [IssueService(i.number, ServiceType(i.service_type) if i.service_type else None)
            for i in detail.issues]


def draft_letter(book: Casebook, concern_id: int, kind: str,
                 fields: Mapping[str, str] | None = None, *, raiser: int = 0,
                 extension_id: int | None = None,
                 local_body: SignpostBody = SignpostBody.CARE_INSPECTORATE,
                 other_body: str = "", today: date | None = None) -> LetterDraft:
    """The letter's whole text for the contact to read and edit (no reveal: the person's
    name is a placeholder), with the values it used and its dates."""
    _check_kind(kind)
    if local_body not in LOCAL_BODIES:
        raise DocumentError("Choose the Care Inspectorate, Audit Scotland or another body for "
                            "local-authority services.")
    detail = load_concern(book.cases, concern_id)
    linked = linked_raisers(book.cases, concern_id)
    recipient = next((r for r in recipients(detail, linked) if r.raiser == raiser), None)
    if recipient is None:
        raise DocumentError(f"Concern {detail.reference} has no named raiser "
                            f"{'' if raiser == 0 else raiser + 1} with an identity held, so "
                            "there is no one to address this letter to.")
    record = needed_stage(detail, kind)
    settings = load_settings(book)
    if not settings.contact.complete:
        raise DocumentError("Set the named contact for letters first (their name, role and a "
                            "phone number or email address): Settings > Letters, or casebook "
                            "settings letters.")
    template = letter_template(book, kind)
    problems = check_template(template)
    if problems:
        raise DocumentError(f"The {LETTER_KINDS[kind].lower()} template cannot be used: "
                            f"{problems[0]}")
    given = {f.key: (fields or {}).get(f.key, "").strip() for f in LETTER_FIELDS[kind]}
    calendar = ConcernService(book).calendar()
    extension = _extension(detail, extension_id) if kind == "extension_notice" else None
    stage = Stage(record.stage) if record is not None else Stage.STAGE1
    ext_facts = None
    if extension is not None:
        stage_facts = detail.facts.stage(Stage(extension.stage))
        position = [e for e in detail.extensions if e.stage == extension.stage].index(extension)
        ext_facts = stage_facts.extensions[position] if stage_facts else None
    dates = letter_dates(kind, detail.facts, calendar, decided_on=detail.decision_on,
                         extension=ext_facts, today=today or date.today())
    clash = book.cases.execute("SELECT handler_clash FROM stages WHERE concern_id = ? AND"
                               " stage = 'stage2'", (concern_id,)).fetchone()
    independent, justified = _independence(record, clash[0] if clash else None)
    signposts = signposting(ServiceType(detail.service_type), _issue_services(detail),
                            local_body) if kind in ("stage2_decision", "not_taken_forward") else []
    signatory = settings.signatory(kind)
    contact = settings.contact
    values = dict.fromkeys(VALUE_NAMES, "")
    values.update(given)
    values.update(
        reference=detail.reference, person_name=NAME_PLACEHOLDER,
        organisation=book.setting("organisation", "") or "",
        unit=book.setting("reporting_unit", "") or "",
        received_on=long_date(recipient.received_on),
        decision_date=long_date(dates.about_on) if kind == "not_taken_forward"
        and dates.about_on else "",
        contact_name=contact.name, contact_role=contact.role, contact_phone=contact.phone,
        contact_email=contact.email, contact_address=contact.address,
        contact_sentence=_contact_sentence(settings), signatory_name=signatory.name,
        signatory_role=signatory.role)
    if record is not None:
        values.update(
            stage_name=f"stage {stage.number}", stage_entered_on=long_date(record.entered_on),
            handler=" ".join((record.handler or "").split()),
            due_date=long_date(dates.due_on) if dates.due_on else "",
            response_date=long_date(record.responded_on) if record.responded_on else "",
            outcome=_outcome_words(record.outcome))
    if extension is not None:
        values.update(
            stage_name=f"stage {Stage(extension.stage).number}",
            original_due_date=long_date(dates.original_due_on) if dates.original_due_on
            else "the date we gave you",
            new_due_date=long_date(dates.new_due_on) if dates.new_due_on else
            "a date we will confirm shortly")
    issue_pieces = _issue_outcomes(detail, stage) if kind in (
        "stage1_response", "stage2_decision") else []
    lists: dict[str, Sequence[Piece]] = {
        "issue_outcomes": issue_pieces,
        "signposting": _signposting_pieces(kind, signposts, settings, other_body),
    }
    flags = {
        "apology_due": record is not None and kind in ("stage1_response", "stage2_decision")
        and _apology_due(detail, stage),
        "has_issues": bool(issue_pieces),
        "escalated": record is not None and record.entry == "escalated",
        "handler_independent": independent, "handler_justified": justified,
        "nhs_service": any(s.nhs for s in signposts),
        "local_authority_service": any(not s.nhs for s in signposts),
    }
    try:
        pieces = fill_template(template, LetterValues(values, lists, flags))
    except TemplateError as exc:
        raise DocumentError(str(exc)) from exc
    notes = []
    for item in LETTER_FIELDS[kind]:
        if item.required and not given[item.key]:
            notes.append(f"{item.label.replace('&', '')} is still to be written.")
    if flags["apology_due"] and not given.get("apology"):
        notes.append("Something was upheld: where things went wrong, the Standards expect an "
                     "apology.")
    facts: dict[str, Any] = {
        "kind": kind, "raiser": raiser, "reference": detail.reference,
        "about_on": dates.about_on.isoformat() if dates.about_on else None,
        "values": {k: v for k, v in values.items()
                   if k not in ("person_name", *FIELD_NAMES) and v},
        "flags": {k: v for k, v in flags.items() if v},
        "signposting": [{"body": s.body.value, "whole": s.whole, "issues": list(s.issues)}
                        for s in signposts],
    }
    if extension is not None:
        facts["extension"] = extension.extension_id
    allowed = tuple(x for x in (contact.phone, contact.email, *(
        b.phone for b in settings.bodies.values()), *(
        b.website for b in settings.bodies.values())) if x.strip())
    return LetterDraft(concern_id, kind, raiser, pieces_text(pieces), facts, dates,
                       tuple(notes), local_body.value, extension.extension_id
                       if extension else None, allowed)


def text_problems(text_: str) -> list[str]:
    """What stops the edited text becoming a letter, each one sentence (no reveal needed)."""
    problems = []
    if not text_.strip():
        problems.append("The letter is empty.")
    voice = voice_problem(text_.replace(NAME_PLACEHOLDER, "you"))
    if voice:
        problems.append(voice)
    if NAME_PLACEHOLDER not in text_:
        problems.append(f"The letter does not say {NAME_PLACEHOLDER} anywhere (where the "
                        "person's name goes, as in \"Dear {person_name},\").")
    return problems


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


def letter_pdf_for(book: Casebook, concern_id: int, kind: str, text_: str, reason: str, *,
                   raiser: int = 0, letter_date: date) -> bytes:
    """The letter as PDF bytes from the contact's text. A reveal: audited with `reason`."""
    _check_kind(kind)
    problems = text_problems(text_)
    if problems:
        raise DocumentError(problems[0])
    detail = load_concern(book.cases, concern_id)
    person = IdentityService(book).reveal(concern_id, reason, raiser=raiser).person
    page = LetterPage(book.setting("organisation", "") or "",
                      book.setting("reporting_unit", "") or "", person, detail.reference,
                      letter_date)
    filled = text_.replace(NAME_PLACEHOLDER, person.name.strip())
    return letter_pdf(page, text_pieces(filled), LETTER_KINDS[kind])


def render_letter(book: Casebook, concern_id: int, kind: str, reason: str, *,
                  fields: Mapping[str, str] | None = None, letter_date: date | None = None,
                  raiser: int = 0, extension_id: int | None = None,
                  local_body: SignpostBody = SignpostBody.CARE_INSPECTORATE) -> bytes:
    """Draft and make a letter in one go, as drafted (for tests and benchmarks; the letter
    is not recorded: app/services/letters.py makes letters that are)."""
    draft = draft_letter(book, concern_id, kind, fields, raiser=raiser,
                         extension_id=extension_id, local_body=local_body)
    when = letter_date or draft.dates.default_letter_date(date.today())
    return letter_pdf_for(book, concern_id, kind, draft.text, reason, raiser=raiser,
                          letter_date=when)
