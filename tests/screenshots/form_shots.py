"""Every workspace form, each photographed on a concern where it applies: escalating a
stage 1 concern, acknowledging a stage 2 concern not yet acknowledged, the decision at
an initial discussion, a fingerprint for an unnamed concern, findings on a concern with
issues. Also a form after Save was pressed with things missing, the question Escape
asks, the calendar of a date field, and the letter and case summary dialogs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

# Which concern each form is shown on (kinds found by _concerns below).
FORMS: tuple[tuple[str, str, str | None], ...] = (
    ("conversation", "stage1", None), ("intake", "stage1", None),
    ("escalate", "stage1", None), ("acknowledge", "stage2_unacknowledged", None),
    ("extend", "stage1", None), ("respond", "stage1", None), ("close", "stage1", None),
    ("handler", "stage2", None), ("issue", "stage1", None), ("action", "stage1", None),
    ("signpost", "closed", None), ("detriment", "stage1", None),
    ("feedback", "closed", None), ("disclosure", "stage1", None), ("reveal", "stage1", None),
    ("decision", "initial", None), ("fingerprint", "unnamed", None),
    ("findings", "closed", "issue"), ("sign_off", "closed", "action"),
    ("edit_conversation", "closed", "conversation"),
    ("letter", "stage2", None), ("summary", "stage2", None),
    # The casework's forms (issue 16): corrections, named/unnamed/anonymous, linked
    # raisers, the person's details, people involved, updates after closure, letters kept.
    ("correct", "closed", "correct-action"), ("correct_stage", "stage2", "stage2"),
    ("correct_closure", "closed", None), ("change_class", "stage1", None),
    ("raiser", "stage1", None), ("person_record", "stage1", None),
    ("involved", "stage2", None), ("frequency", "closed", None), ("update", "closed", None),
    ("reissue", "stage2", "letter"), ("reprint", "stage2", "letter"),
)

_KINDS = {
    "stage1": "SELECT id FROM concerns WHERE stage = 'stage1' AND closure = 'open'"
              " AND anonymity = 'named' ORDER BY received_on DESC LIMIT 1",
    "stage2": "SELECT id FROM concerns WHERE stage = 'stage2' AND closure = 'open'"
              " AND anonymity = 'named' ORDER BY received_on DESC LIMIT 1",
    "stage2_unacknowledged":
        "SELECT c.id FROM concerns c JOIN stages s ON s.concern_id = c.id"
        " AND s.stage = 'stage2' WHERE c.closure = 'open' AND s.acknowledged_on IS NULL"
        " AND s.responded_on IS NULL ORDER BY c.received_on DESC LIMIT 1",
    "initial": "SELECT id FROM concerns WHERE stage = 'none' AND closure = 'open'"
               " AND decision = 'undecided' ORDER BY received_on DESC LIMIT 1",
    "unnamed": "SELECT id FROM concerns WHERE anonymity = 'unnamed'"
               " ORDER BY received_on DESC LIMIT 1",
    "closed": "SELECT c.id FROM concerns c WHERE c.closure = 'closed'"
              " AND c.person_ref IS NOT NULL AND EXISTS (SELECT 1 FROM actions a"
              " WHERE a.concern_id = c.id) AND EXISTS (SELECT 1 FROM concern_issues i"
              " WHERE i.concern_id = c.id) ORDER BY (SELECT count(*) FROM conversations"
              " WHERE concern_id = c.id) DESC LIMIT 1",
}


def concerns_by_kind(folder: Path, passphrase: str) -> dict[str, int]:
    from app.store.casebook import Casebook

    with Casebook.open(folder, passphrase) as book:
        found = {}
        for kind, sql in _KINDS.items():
            row = book.cases.execute(sql).fetchone()
            if row:
                found[kind] = int(row[0])
        return found


def _about(workspace: Any, what: str | None) -> object:
    if what is None:
        return None
    if what in ("stage1", "stage2"):
        return what
    detail = workspace.context.detail
    if what == "correct-action":
        return ("action", detail.actions[0].action_id) if detail.actions else None
    rows = {"issue": (detail.issues, "issue_id"), "action": (detail.actions, "action_id"),
            "conversation": (detail.conversations, "conversation_id"),
            "letter": (detail.letters, "letter_id")}[what]
    return getattr(rows[0][0], rows[1]) if rows[0] else None


def capture_forms(shooter: Any, window: Any, kinds: dict[str, int]) -> None:
    shell = window.shell
    workspace = shell.workspace
    for name, kind, what in FORMS:
        concern_id = kinds.get(kind)
        if concern_id is None:
            print(f"(no {kind} concern for the {name} form)")
            continue
        shell.open_concern(concern_id)
        shooter.wait(lambda c=concern_id: workspace.context is not None
                     and workspace.context.concern_id == c)
        dialog = workspace.open_form(name, _about(workspace, what))
        if dialog is None:
            print(f"(the {name} form does not apply to the {kind} concern)")
            continue
        shooter.wait(dialog.isVisible)
        if name in ("letter", "summary"):
            shooter.wait(lambda d=dialog: not _busy(d), 30)
        shooter.shot(dialog, f"form-{name}")
        if name == "reveal":
            dialog.reason.setPlainText("Checking who to invite to the stage 2 meeting.")
            dialog.accept()
            shooter.wait(lambda d=dialog: d.pages.currentIndex() == 1)
            shooter.shot(dialog, "form-reveal-shown")
        if name in ("extend", "correct"):
            dialog.accept()  # Save with the reason missing: the problems are said
            shooter.shot(dialog, f"form-{name}-after-save")
        if name == "person_record":
            dialog.reveal_reason.setPlainText("Correcting C's email address")
            dialog.show_details()
            shooter.wait(lambda d=dialog: d.revealed is not None)
            shooter.shot(dialog, "form-person_record-shown")
        _close(dialog)
    _new_concern(shooter, workspace)


def _busy(dialog: Any) -> bool:
    progress = getattr(dialog, "progress", None) or getattr(dialog, "busy", None)
    return bool(getattr(progress, "busy", False))


def _close(dialog: Any) -> None:
    forget = getattr(dialog, "forget", None)
    if forget is not None:
        forget()
    else:
        dialog.reject()


def _new_concern(shooter: Any, workspace: Any) -> None:
    """The new concern form empty, after Save with nothing written, then the question
    Escape asks once something is typed, and a date field's calendar."""
    dialog = workspace.new_concern()
    shooter.wait(dialog.isVisible)
    shooter.shot(dialog, "form-new-concern")
    dialog.accept()
    shooter.shot(dialog, "form-new-concern-after-save")
    dialog.intake.summary.setPlainText("Concern about the lifting equipment on ward 4")
    dialog.reject()
    shooter.wait(lambda: dialog._asking is not None and dialog._asking.isVisible())
    shooter.shot(dialog._asking, "form-new-concern-close-question")
    dialog._asking.done(0)
    field = dialog.intake.received_on
    field.open_calendar()
    popup = field._popup
    shooter.wait(popup.isVisible)
    shooter.shot(popup, "form-date-calendar")
    popup.close()
    dialog.keeper.stop()
    dialog.forget()
