"""The destruction certificate: which records were destroyed, when, why, on whose approval,
what went and what stays, and which backups still hold what went. No content of any
record and no identity: it can be filed with the organisation's records management."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

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
from app.store.backup_purge import ExternalCopy
from app.store.casebook import Casebook

DESTROYED = ("the identity of each person who raised the concern (name, other names, contact "
             "details, address, employer, job title, support person), their consents to "
             "share it and the letters sent to them as sent, deleted from identities.db with "
             "the freed space overwritten",
             "every free-text field of the record (summary, service area, issues and findings, "
             "conversation notes, response summaries, extensions' reasons and who authorised "
             "them, actions, signposting notes, detriment and feedback text, the disclosure "
             "log's names and reasons, the people involved, updates after closure, the text "
             "of letters, the reasons for corrections, local theme labels), replaced by a "
             "tombstone",
             "drafts of text being typed about the concern",
             "the concern's entries in the search index (rebuilt without them)")
KEPT = ("the reference and the dates, stages, outcomes, codes and standard themes that the "
        "figures count, so no figure already reported changes",
        "learning statements the contact approved for publication, as they were published",
        "the audit log's entries for the record (events and ids, never content)")


def _when(stamp: object) -> str:
    try:
        moment = datetime.fromisoformat(str(stamp))
    except ValueError:
        return str(stamp)
    return f"{long_date(moment.date())} at {moment:%H:%M} UTC"


def _table(rows: Sequence[Sequence[str]], widths: Sequence[float]) -> Table:
    data = [[rich(text(cell), "cell_bold" if r == 0 else "cell") for cell in row]
            for r, row in enumerate(rows)]
    table = Table(data, colWidths=list(widths), hAlign="LEFT", repeatRows=1)
    table.setStyle(TableStyle([
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    return table


def render_certificate(book: Casebook, destroyed: Sequence[dict[str, object]],
                       external: Sequence[ExternalCopy], today: date) -> bytes:
    organisation = book.setting("organisation", "") or ""
    unit = book.setting("reporting_unit", "") or ""
    width = content_width()
    story: list[Flowable] = [
        para("Certificate of destruction", "title"),
        para(f"{organisation}: {unit}"),
        para(f"Casebook {book.casebook_id}. Produced on {long_date(today)}.", "small"),
        Spacer(1, 4),
        para("The records below reached the end of the retention period the organisation set "
             "(or were destroyed early, with the reason given) and were destroyed by Casebook "
             "after the passphrase was entered again."),
        para("Records destroyed", "h1"),
    ]
    rows = [["Reference", "Destroyed", "Reason", "Approved by"]]
    for item in destroyed:
        approved = str(item.get("approved_by") or "the contact alone")
        if item.get("approval_fingerprint"):
            approved += f" (key fingerprint {item['approval_fingerprint']})"
        reason = str(item["reason"]) + (" (destroyed before it was due)" if item["early"]
                                         else "")
        rows.append([str(item["reference"]), _when(item["destroyed_at"]), reason, approved])
    story.append(_table(rows, [32 * mm, 40 * mm, width - 122 * mm, 50 * mm]))
    story += [para("What was destroyed", "h1"), *[bullet(line) for line in DESTROYED],
              para("What is kept", "h1"), *[bullet(line) for line in KEPT],
              para("Backups", "h1"),
              para("The casebook's own backups made before the destruction were overwritten "
                   "and deleted, and a new backup was made without the destroyed records.")]
    if external:
        story.append(para("These backups were written elsewhere before the destruction and "
                          "still hold the destroyed identities until they are destroyed too "
                          "(Casebook cannot reach them to do it):"))
        ext_rows = [["Made", "Where", "Found there when this was produced"]]
        ext_rows += [[_when(c.made) if c.made else "not recorded", str(c.path),
                      "yes" if c.present else "no (destroyed, or the drive is not connected)"]
                     for c in external]
        story.append(_table(ext_rows, [40 * mm, width - 95 * mm, 55 * mm]))
    else:
        story.append(para("No backup written elsewhere before the destruction is recorded."))
    story += [Spacer(1, 10), para("Signed", "h1"),
              para("Confidential contact: ______________________________   Date: __________"),
              Spacer(1, 6),
              para("Second person (where required): ____________________   Date: __________")]
    return build_pdf(story, title="Certificate of destruction", author=organisation,
                     furniture=PageFurniture(footer=f"Certificate of destruction: {unit}",
                                             marking="Records management"))
