"""The case summary: one concern's whole record on paper, redacted unless asked otherwise.

Redacted (the default): the person is "C" (gender-neutral, as the Standards
suggest), no name or contact details appear, and the identifying-text scanner
(app.core.identifying) masks free text: this person's name, whole or in part, as
"C"; another held person's name as "[name]"; emails, phone numbers, CHI numbers
and dates of birth as "[email]", "[phone]", "[CHI]", "[date of birth]". Every held
identity is looked for, not only this person's, because notes sometimes mention
someone else who raised a concern. Reading those strings to
mask them is not a reveal: they are only looked for, never printed, so it is
audited as the export (`export.case_summary`, redacted) rather than as
`identity.revealed`. Notes written in the contact's own words may still say
"he" or "she"; the summary's own wording never does.

Full: the identity, consents and the log of disclosures are included and
nothing is masked. It goes through IdentityService.reveal with a reason, so it
is audited twice (the reveal and the export).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from app.core.identity import PersonDetails
from app.core.records import (
    THEMES,
    Anonymity,
    Channel,
    Closure,
    ConsentMethod,
    ConversationMode,
    DisclosureConsent,
    LabelledEnum,
    Outcome,
    ProcedureDecision,
    RaisedWith,
    RaiserCategory,
    ServiceType,
    SignpostBody,
    SpeakUpAgain,
)
from app.documents.layout import (
    RULE,
    SHADE,
    PageFurniture,
    build_pdf,
    content_width,
    long_date,
    optional_date,
    para,
    paras,
    rich,
    text,
)
from app.store import scanning
from app.store.casebook import Casebook
from app.store.concern_detail import ConcernDetail, DisclosureDetail, load_concern
from app.store.identities import IdentityService, RevealedIdentity

Mask = Callable[[str], str]


def _label(kind: type[LabelledEnum], code: str | None, missing: str = "not recorded") -> str:
    if not code:
        return missing
    try:
        return kind(code).label
    except ValueError:
        return code


def _outcome(code: str | None) -> str:
    return _label(Outcome, code, "no outcome yet")


# ----- small layout pieces ---------------------------------------------------------------


def _facts_table(rows: Sequence[tuple[str, str]]) -> Table:
    width = content_width()
    data = [[rich(text(k), "cell_bold"), rich(text(v or "none"), "cell")] for k, v in rows]
    table = Table(data, colWidths=[55 * mm, width - 55 * mm], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (0, -1), SHADE), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    return table


def _entry(title: str, rows: Sequence[tuple[str, str]]) -> list[Flowable]:
    """A dated item (a conversation, an action) as a bold line and its details."""
    return [KeepTogether([para(title, "h2"), _facts_table(rows)]), Spacer(1, 4)]


def _section(title: str, parts: Sequence[Flowable], empty: str) -> list[Flowable]:
    return [para(title, "h1"), *(parts or [para(empty, "small")])]


# ----- the sections ---------------------------------------------------------------------------


def _themes(detail: ConcernDetail) -> str:
    names = [label or THEMES.get(code, code) for code, label in detail.themes]
    return "; ".join(names)


def _status(detail: ConcernDetail) -> str:
    status = _label(Closure, detail.closure)
    if detail.closure_on:
        status += f" on {long_date(detail.closure_on)}"
    if detail.closure_reason:
        status += f": {detail.closure_reason}"
    return status


def _overview(detail: ConcernDetail, mask: Mask) -> list[Flowable]:
    consent = "not recorded"
    if detail.consent_on:
        consent = (f"{long_date(detail.consent_on)} "
                   f"({_label(ConsentMethod, detail.consent_method, 'method not recorded')})")
    decision = _label(ProcedureDecision, detail.decision)
    if detail.decision_on:
        decision += f" on {long_date(detail.decision_on)}"
    rows = [
        ("Reference", detail.reference),
        ("Received", long_date(detail.received_on)),
        ("Became aware", optional_date(detail.aware_on)),
        ("How it was raised", _label(Channel, detail.channel)),
        ("Raised with", _label(RaisedWith, detail.raised_with)),
        (f"{detail.pseudonym} is", _label(RaiserCategory, detail.raiser_category)),
        ("Named, unnamed or anonymous", _label(Anonymity, detail.anonymity)),
        ("Service", _label(ServiceType, detail.service_type)),
        ("Service area", mask(detail.service_area)),
        ("Themes", mask(_themes(detail))),
        ("Agreed to use the procedure", consent),
        ("Initial decision", decision),
        ("Reasons for the decision", mask(detail.decision_reasons or "")),
        ("Status", mask(_status(detail))),
    ]
    if detail.late_reason:
        rows.append(("Why it was accepted late", mask(detail.late_reason)))
    if detail.imported:
        rows.append(("Source", "Imported from an earlier record"))
    summary = [para("Summary", "h2"),
               *(paras(mask(detail.summary)) or [para("No summary recorded.")])]
    return [para("The concern", "h1"), _facts_table(rows), *summary]


def _issues(detail: ConcernDetail, mask: Mask) -> list[Flowable]:
    parts: list[Flowable] = []
    for issue in detail.issues:
        parts.extend(_entry(f"Issue {issue.number}: {mask(issue.description)}", [
            ("Outcome at stage 1", _outcome(issue.stage1_outcome)),
            ("Outcome at stage 2", _outcome(issue.stage2_outcome)),
            ("Findings", mask(issue.findings)),
        ]))
    return _section("Issues", parts, "No separate issues were recorded.")


def _stages(detail: ConcernDetail, mask: Mask) -> list[Flowable]:
    parts: list[Flowable] = []
    for stage in detail.stages:
        number = 1 if stage.stage == "stage1" else 2
        rows = [
            ("Entered", f"{long_date(stage.entered_on)} "
                        f"({'escalated' if stage.entry == 'escalated' else 'received'})"),
            ("Handled by", mask(stage.handler or "")),
        ]
        if number == 2:
            rows.append(("Acknowledgement", f"due {optional_date(stage.acknowledge_due)}, sent "
                                            f"{optional_date(stage.acknowledged_on, 'not yet')}"))
        rows.extend([
            ("Full response due", long_date(stage.respond_due)),
            ("Full response given", optional_date(stage.responded_on, "not yet")),
            ("Outcome", _outcome(stage.outcome)),
            ("Response summary", mask(stage.response_summary)),
        ])
        parts.extend(_entry(f"Stage {number}", rows))
    for ext in detail.extensions:
        number = 1 if ext.stage == "stage1" else 2
        parts.extend(_entry(f"Extension at stage {number}", [
            ("Authorised", f"{optional_date(ext.authorised_on)} by "
                           f"{mask(ext.authorised_by or 'not recorded')}"),
            ("Reason", mask(ext.reason or "")),
            ("New date for the response", optional_date(ext.new_due_on)),
            (f"{detail.pseudonym} was told", optional_date(ext.person_told_on)),
        ]))
    return _section("Stages and extensions", parts, "The concern has not entered a stage.")


def _conversations(detail: ConcernDetail, mask: Mask) -> list[Flowable]:
    parts: list[Flowable] = []
    for talk in detail.conversations:
        parts.extend([
            para(f"{long_date(talk.held_on)} ({_label(ConversationMode, talk.mode).lower()})",
                 "h2"),
            *(paras(mask(talk.notes)) or [para("No notes.")]),
        ])
        if talk.next_steps.strip():
            parts.append(rich(f"<b>Next steps:</b> {text(mask(talk.next_steps))}"))
    return _section("Conversations", parts, "No conversations were recorded.")


def _actions(detail: ConcernDetail, mask: Mask) -> list[Flowable]:
    parts: list[Flowable] = []
    for number, action in enumerate(detail.actions, start=1):
        rows = [("Owner", mask(action.owner)), ("Due", optional_date(action.due_on)),
                ("Done", optional_date(action.done_on, "not yet"))]
        if not action.adopted:
            rows.append(("Not adopted because", mask(action.not_adopted_reason or "")))
        if action.learning.strip():
            publishable = " (approved for sharing)" if action.publishable else ""
            rows.append((f"Learning{publishable}", mask(action.learning)))
        parts.extend(_entry(f"Action {number}: {mask(action.description)}", rows))
    return _section("Actions and learning", parts, "No actions were recorded.")


def _after(detail: ConcernDetail, mask: Mask) -> list[Flowable]:
    rows: list[tuple[str, str]] = []
    for sign in detail.signposting:
        body = mask(sign.other_body or "") if sign.body == "other" else _label(SignpostBody,
                                                                                sign.body)
        notes = f": {mask(sign.notes)}" if sign.notes.strip() else ""
        rows.append((f"Signposted on {long_date(sign.signposted_on)}", f"{body}{notes}"))
    for report in detail.detriment:
        taken = f" Action taken: {mask(report.action_taken)}" if report.action_taken else ""
        rows.append((f"Detriment reported on {long_date(report.reported_on)}",
                     f"{mask(report.description)}{taken}"))
    for item in detail.feedback:
        again = _label(SpeakUpAgain, item.speak_up_again, "not answered")
        comments = f" {mask(item.comments)}" if item.comments.strip() else ""
        rows.append((f"Feedback on {long_date(item.received_on)}",
                     f"Would speak up again: {again}.{comments}"))
    return _section("Signposting, detriment and feedback",
                    [_facts_table(rows)] if rows else [], "None recorded.")


def _identity(revealed: RevealedIdentity) -> list[Flowable]:
    p: PersonDetails = revealed.person
    rows = [("Name", p.name), ("Other names", p.other_names), ("Email", p.email),
            ("Phone", p.phone), ("Address", p.address), ("Employer", p.employer),
            ("Job title", p.job_title), ("Support person", p.support_person)]
    consent_rows = [(f"May be shared with {c.share_with}",
                     f"Agreed on {long_date(c.given_on)} ({c.how})"
                     + (f": {c.notes}" if c.notes else "")) for c in revealed.consents]
    return [para("The person who raised the concern", "h1"),
            para("This section identifies the person. Share it only with people they agreed "
                 "to.", "small"),
            _facts_table(rows),
            *_section("Consent to share their identity",
                      [_facts_table(consent_rows)] if consent_rows else [],
                      "No consent to share the identity has been recorded.")]


def _disclosure_text(d: DisclosureDetail) -> str:
    footing = _label(DisclosureConsent, d.consent)
    if d.consent_on:
        footing += f" ({long_date(d.consent_on)})"
    lines = [f"Role: {d.role}"] if d.role else []
    lines += [f"Why: {d.reason.strip()}", f"On what footing: {footing}"]
    return "\n".join(lines)


def _disclosures(detail: ConcernDetail) -> list[Flowable]:
    rows = [(f"{long_date(d.disclosed_on)}: {d.disclosed_to}", _disclosure_text(d))
            for d in detail.disclosures]
    return _section("Who has been told the identity", [_facts_table(rows)] if rows else [],
                    "The identity has not been shared with anyone.")


# ----- the document -----------------------------------------------------------------------


def _front(book: Casebook, detail: ConcernDetail, full: bool, today: date) -> list[Flowable]:
    organisation = book.setting("organisation", "") or ""
    unit = book.setting("reporting_unit", "") or ""
    title = f"Case summary: {detail.reference}"
    if full:
        note = ("Full version: it identifies the person who raised the concern. Keep it "
                "secure and share it only with people they agreed to.")
    else:
        note = (f"Redacted version: the person who raised the concern is called "
                f"{detail.pseudonym}. Their name and contact details are left out; where the "
                f"notes name them they say {detail.pseudonym}, other people's names say "
                "[name], and email addresses, phone numbers and CHI numbers are replaced "
                "too.")
    return [para(title, "title"), para(f"{organisation}: {unit}"),
            para(f"Produced on {long_date(today)}.", "small"), para(note), Spacer(1, 4)]


# The record's sections, in order (the subject-access copy uses them too).
RECORD_SECTIONS: tuple[Callable[[ConcernDetail, Mask], list[Flowable]], ...] = (
    _overview, _issues, _stages, _conversations, _actions, _after)


def summary_pdf(book: Casebook, detail: ConcernDetail, mask: Mask,
                revealed: RevealedIdentity | None, today: date) -> bytes:
    full = revealed is not None
    story: list[Flowable] = [*_front(book, detail, full, today)]
    if revealed is not None:
        story.extend(_identity(revealed))
    for part in RECORD_SECTIONS:
        story.extend(part(detail, mask))
    if full:
        story.extend(_disclosures(detail))
    organisation = book.setting("organisation", "") or ""
    marking = "Private and confidential: identifies a person" if full else "Redacted"
    return build_pdf(story, title=f"Case summary {detail.reference}", author=organisation,
                     furniture=PageFurniture(footer=f"Case summary {detail.reference}",
                                             marking=marking))


def render_case_summary(book: Casebook, concern_id: int, *, full_reason: str | None = None,
                        today: date | None = None, protected: bool | None = None) -> bytes:
    """The case summary as PDF bytes: redacted, or full when a reason for the reveal is given."""
    detail = load_concern(book.cases, concern_id)
    when = today or date.today()
    if full_reason is not None:
        revealed = IdentityService(book).reveal(concern_id, full_reason)
        pdf = summary_pdf(book, detail, lambda s: s, revealed, when)
    else:
        # The casebook's scanner: every held identity, the organisation's lists, name
        # fingerprints; the concern's own person (or fingerprint) is C.
        scanner = scanning.scanner_for(book)
        own = scanning.own_of(book, concern_id)

        def mask(text: str) -> str:
            return scanner.mask(text, own=own, pseudonym=detail.pseudonym)

        pdf = summary_pdf(book, detail, mask, None, when)
    audited: dict[str, object] = {"redacted": full_reason is None}
    if protected is not None:
        audited["protected"] = protected  # a full summary saved with a password, or not
    book.record("export.case_summary", "concern", concern_id, audited)
    return pdf
