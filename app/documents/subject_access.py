"""Subject access: everything the casebook holds about one person, as a PDF to review.

Two forms, both marked "Review before release" on every page, because the casebook
masks only the names it holds: a name typed into a note that is held nowhere stays.

- The person who raised a concern: their identity and consents, every concern they
  raised (the one asked about, and any other whose identity has the same name and the
  same email or phone), each concern's record (as the full case summary has it),
  conversations, the letters written to them (kind and date: letters are not kept in
  the casebook), and who has been told their identity. Other held people's names and
  contact details are masked ("[name]", "[email]", "[phone]"); their own are not.
- Someone named in a concern who did not raise it (a manager the concern is about): the
  passages that mention them, in the concerns asked about (or all), with the raiser's
  identity withheld (the raiser is "C"; their contact details, job title and employer
  masked), other held people masked, every email and phone number masked, and nothing
  else that could point to the raiser: no dates of conversations, no identity, consents
  or disclosures, no channel or category of person.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from app.core.identifying import Finding, HeldIdentity, Scanner
from app.core.records import Outcome
from app.documents.case_summary import RECORD_SECTIONS
from app.documents.layout import (
    RULE,
    SHADE,
    PageFurniture,
    build_pdf,
    bullet,
    content_width,
    long_date,
    para,
    rich,
    text,
)
from app.store.concern_detail import ConcernDetail
from app.store.identities import RevealedIdentity

REVIEW = "Review before release"
REVIEW_NOTE = ("Review every page before it is released. Names and contact details of other "
               "people the casebook holds are masked; names it does not hold (typed into a "
               "note, for example) are not masked and must be found by a person.")
# Masked in the raiser's own copy: other held people, never the person themselves.
OTHERS = frozenset({"other_name", "unnamed_name", "held_email", "held_phone"})

Mask = Callable[[str], str]


def mask_kinds(scanner: Scanner, text_in: str, own: str | None, kinds: frozenset[str],
               pseudonym: str = "C") -> str:
    """`text_in` with the findings of these kinds replaced by their markers (a few rounds,
    as masking can join words into a new finding)."""
    for _ in range(3):
        found: list[Finding] = [f for f in scanner.scan(text_in, own) if f.kind in kinds]
        if not found:
            return text_in
        pieces: list[str] = []
        at = 0
        for item in sorted(found, key=lambda f: f.start):
            if item.start < at:
                continue
            pieces.append(text_in[at:item.start])
            pieces.append(pseudonym if item.kind == "own_name" else item.marker)
            at = item.end
        pieces.append(text_in[at:])
        text_in = "".join(pieces)
    return text_in


def _table(rows: Sequence[tuple[str, str]]) -> Table:
    width = content_width()
    data = [[rich(text(k), "cell_bold"), rich(text(v or "none"), "cell")] for k, v in rows]
    table = Table(data, colWidths=[55 * mm, width - 55 * mm], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (0, -1), SHADE), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    return table


def _front(organisation: str, unit: str, title: str, today: date, about: str) -> list[Flowable]:
    return [para(title, "title"), para(f"{organisation}: {unit}"),
            para(f"Produced on {long_date(today)}. {about}", "small"),
            KeepTogether([para(REVIEW, "h1"), para(REVIEW_NOTE)]), Spacer(1, 4)]


@dataclass(frozen=True)
class RaiserConcern:
    detail: ConcernDetail
    mask: Mask
    letters: tuple[tuple[str, str], ...]  # (date, kind) of letters written


def raiser_pdf(organisation: str, unit: str, revealed: RevealedIdentity,
               concerns: Sequence[RaiserConcern], today: date) -> bytes:
    person = revealed.person
    story = _front(organisation, unit, "Subject access: the person who raised a concern",
                   today, f"Everything this casebook holds about {person.name}.")
    story += [para("Who they are", "h1"), _table([
        ("Name", person.name), ("Other names", person.other_names), ("Email", person.email),
        ("Phone", person.phone), ("Address", person.address), ("Employer", person.employer),
        ("Job title", person.job_title), ("Support person", person.support_person)])]
    consent_rows = [(f"May be shared with {c.share_with}",
                     f"Agreed on {long_date(c.given_on)} ({c.how})"
                     + (f": {c.notes}" if c.notes else "")) for c in revealed.consents]
    story += [para("Their agreement to share their identity", "h1"),
              _table(consent_rows) if consent_rows else para("None recorded.", "small")]
    story.append(para("The concerns they raised", "h1"))
    story.append(para(", ".join(c.detail.reference for c in concerns)))
    for concern in concerns:
        detail, mask = concern.detail, concern.mask
        story += [PageBreak(), para(f"Concern {detail.reference}", "title")]
        for part in RECORD_SECTIONS:
            story.extend(part(detail, mask))
        letters = [(f"{on[:10]}", kind.replace("_", " ")) for on, kind in concern.letters]
        story.append(para("Letters written to them", "h1"))
        story.append(_table(letters) if letters else para(
            "None recorded. (Letters are not kept in the casebook; this lists those written "
            "from it.)", "small"))
        rows = [(f"{long_date(d.disclosed_on)}: {d.disclosed_to}",
                 f"{d.role + '. ' if d.role else ''}Why: {d.reason}")
                for d in detail.disclosures]
        story.append(para("Who has been told their identity", "h1"))
        story.append(_table(rows) if rows else para("Nobody.", "small"))
    return build_pdf(story, title="Subject access", author=organisation,
                     furniture=PageFurniture(footer="Subject access: the person who raised "
                                             "a concern", marking=REVIEW))


@dataclass(frozen=True)
class Passage:
    where: str  # "Summary", "Issue 2", "A conversation's notes", ...
    text: str  # already masked


@dataclass(frozen=True)
class NamedConcern:
    reference: str
    outcomes: tuple[str, ...]  # "Issue 1: upheld at stage 1", ...
    passages: tuple[Passage, ...]


def named_pdf(organisation: str, unit: str, name: str, concerns: Sequence[NamedConcern],
              searched: int, today: date) -> bytes:
    story = _front(organisation, unit, "Subject access: a person named in a concern", today,
                   f"What this casebook holds that mentions {name}, in {searched} "
                   "concern(s) searched.")
    story += [para("What is withheld", "h1"),
              bullet("the identity of anyone who raised a concern, and anything that could "
                     "point to them: their name (they are called C), contact details, job "
                     "title and employer, the dates and manner of their conversations, who "
                     "was told their identity, and how the concern was raised"),
              bullet("other people's names the casebook holds, and every email address and "
                     "phone number")]
    if not concerns:
        story.append(para("Nothing in the concerns searched mentions this name.", "h1"))
    for concern in concerns:
        story.append(para(f"Concern {concern.reference}", "h1"))
        for line in concern.outcomes:
            story.append(bullet(line))
        for passage in concern.passages:
            story += [para(passage.where, "h2"), para(passage.text)]
    return build_pdf(story, title="Subject access", author=organisation,
                     furniture=PageFurniture(footer="Subject access: a person named in a "
                                             "concern", marking=REVIEW))


def passages(detail: ConcernDetail) -> list[tuple[str, str]]:
    """Every free-text passage of a concern a named person may be mentioned in, labelled
    without dates (a conversation's date could point to whoever raised it)."""
    found = [("Summary", detail.summary)]
    for issue in detail.issues:
        found += [(f"Issue {issue.number}", issue.description),
                  (f"Issue {issue.number}: findings", issue.findings)]
    for stage in detail.stages:
        number = stage.stage[-1]
        found.append((f"Stage {number}: response", stage.response_summary))
    for talk in detail.conversations:
        found += [("A conversation's notes", talk.notes),
                  ("A conversation's next steps", talk.next_steps)]
    for action in detail.actions:
        found += [("An action", action.description), ("An action's owner", action.owner),
                  ("Learning", action.learning)]
    for report in detail.detriment:
        found += [("Detriment reported", report.description),
                  ("Action taken on detriment", report.action_taken)]
    for sign in detail.signposting:
        found.append(("Signposting notes", sign.notes))
    for item in detail.feedback:
        found.append(("Feedback", item.comments))
    return [(where, body) for where, body in found if body and body.strip()]


def outcomes(detail: ConcernDetail) -> tuple[str, ...]:
    lines = []
    for issue in detail.issues:
        for stage, code in (("1", issue.stage1_outcome), ("2", issue.stage2_outcome)):
            if code:
                lines.append(f"Issue {issue.number}: {Outcome(code).label.lower()} at stage "
                             f"{stage}")
    return tuple(lines)


def subject_scanner(name: str) -> Scanner:
    return Scanner.build([HeldIdentity("subject", name)])
