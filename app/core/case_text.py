"""Every free-text field of a concern's record, named in the users' words, and its limit.

One list, so that the length limit, the point-of-typing check, the whole-casebook
identity scan and the surfaces that mask text all mean the same fields. A field is a
column of a table in cases.db; `record` says what one row of that table is.
"""

from __future__ import annotations

from dataclasses import dataclass

# Text longer than this is refused, whatever path it comes by (a form, the command line,
# an import): a field is for notes, not whole documents, and every scan of it stays quick.
MAX_FIELD_CHARS = 100_000


@dataclass(frozen=True)
class TextField:
    table: str
    column: str
    label: str  # the field, as a form labels it


CASE_TEXT: tuple[TextField, ...] = (
    TextField("concerns", "summary", "Summary"),
    TextField("concerns", "service_area", "Service area"),
    TextField("concerns", "late_reason", "Why a late concern was accepted"),
    TextField("concerns", "decision_reasons", "Reasons for the decision"),
    TextField("concerns", "closure_reason", "Reason or procedure"),
    TextField("concern_themes", "local_label", "Local theme"),
    TextField("concern_issues", "description", "Issue"),
    TextField("concern_issues", "findings", "Findings"),
    TextField("stages", "handler", "Handler"),
    TextField("stages", "response_summary", "Summary of the response"),
    TextField("extensions", "authorised_by", "Authorised by"),
    TextField("extensions", "reason", "Reason for the extension"),
    TextField("conversations", "notes", "Notes"),
    TextField("conversations", "next_steps", "Next steps"),
    TextField("actions", "description", "Action"),
    TextField("actions", "owner", "Owner"),
    TextField("actions", "not_adopted_reason", "Why not adopted"),
    TextField("actions", "learning", "Learning"),
    TextField("signposting", "other_body", "Name of the body"),
    TextField("signposting", "notes", "Signposting notes"),
    TextField("detriment_reports", "description", "What C reported"),
    TextField("detriment_reports", "action_taken", "Action taken"),
    TextField("feedback", "comments", "Comments"),
    TextField("disclosures", "disclosed_to", "Told to"),
    TextField("disclosures", "role", "Their role"),
    TextField("disclosures", "reason", "Why told"),
    TextField("drafts", "body", "Draft"),
)


def too_long(text: str | None) -> bool:
    return text is not None and len(text) > MAX_FIELD_CHARS


def too_long_message(label: str, length: int) -> str:
    """One plain sentence for text over the limit."""
    return (f"{label} is {length:,} characters long, and a field holds at most "
            f"{MAX_FIELD_CHARS:,}: shorten it, or keep the document elsewhere and refer to it.")
