"""A concern's workspace: every record the casebook keeps about one concern, and its forms.

The header gives the reference, stage, status and next deadline; the tabs show
the intake, the timeline, issues, conversations, actions and learning, the
other records, and the person (hidden behind Reveal). Every read and write goes
through the session's worker. Forms open as window-modal dialogs owned by the
workspace, so that on lock `forget` can wipe and close them with everything else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QTabWidget, QVBoxLayout, QWidget

from app.core.records import Stage
from app.store.concern_detail import ConcernDetail, LetterDetail
from app.ui.base.formatting import format_day, tr
from app.ui.base.worker import WorkerState
from app.ui.case import proposals
from app.ui.case.acknowledge_dialog import AcknowledgeDialog
from app.ui.case.action_dialog import ActionDialog
from app.ui.case.actions_tab import ActionsTab
from app.ui.case.class_change_dialog import ClassChangeDialog
from app.ui.case.close_dialog import CloseDialog
from app.ui.case.context import CaseContext, load_context
from app.ui.case.conversation_form import KIND as CONVERSATION
from app.ui.case.conversation_form import ConversationForm
from app.ui.case.conversations_tab import ConversationsTab
from app.ui.case.correction_dialog import ClosureDialog, CorrectionDialog, StageCorrectionDialog
from app.ui.case.decision_dialog import DecisionDialog
from app.ui.case.detriment_dialog import DetrimentDialog
from app.ui.case.disclosure_dialog import DisclosureDialog
from app.ui.case.drafts import DraftForm, draft_forms
from app.ui.case.drafts_banner import DraftsBanner
from app.ui.case.escalate_dialog import EscalateDialog
from app.ui.case.extension_dialog import ExtensionDialog
from app.ui.case.feedback_dialog import FeedbackDialog
from app.ui.case.fields import ProblemLabel
from app.ui.case.fingerprint_dialog import FingerprintDialog
from app.ui.case.frequency_dialog import FrequencyDialog
from app.ui.case.handler_dialog import HandlerDialog
from app.ui.case.header import WorkspaceHeader
from app.ui.case.intake_dialog import IntakeDialog
from app.ui.case.intake_tab import IntakeTab
from app.ui.case.involved_dialog import InvolvedDialog
from app.ui.case.issue_dialog import IssueDialog
from app.ui.case.issues_tab import IssuesTab
from app.ui.case.letters_tab import LettersTab
from app.ui.case.new_concern_dialog import NewConcernDialog
from app.ui.case.person_panel import PersonPanel
from app.ui.case.person_record_dialog import PersonRecordDialog
from app.ui.case.raiser_dialog import RaiserDialog
from app.ui.case.records_tab import RecordsTab
from app.ui.case.response_dialog import ResponseDialog
from app.ui.case.reveal_dialog import RevealDialog
from app.ui.case.signpost_dialog import SignpostDialog
from app.ui.case.tab_base import WorkspaceTab
from app.ui.case.timeline_tab import TimelineTab
from app.ui.case.update_dialog import UpdateDialog
from app.ui.session import Session


class ConcernWorkspace(QWidget):
    back_requested = Signal()
    concern_created = Signal(int)  # a new concern was recorded through new_concern()
    loaded = Signal(int)  # the concern's records are on screen
    lock_requested = Signal()  # Ctrl+L pressed inside one of the workspace's forms

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspace")
        self.session = session
        self.concern_id: int | None = None
        self.context: CaseContext | None = None
        self.dialogs: list[QDialog] = []
        self._serial = 0
        self._restoring: dict[str, Any] | None = None
        self._want_conversation: int | None = None  # the concern whose form waits to open

        self.header = WorkspaceHeader()
        self.header.back_requested.connect(self.back_requested.emit)
        self.header.log_requested.connect(self.log_conversation)
        self.header.letter_requested.connect(lambda: self.open_form("letter"))
        self.header.summary_requested.connect(lambda: self.open_form("summary"))
        self.banner = DraftsBanner()
        self.banner.resume_requested.connect(self.log_conversation)
        self.problem = ProblemLabel()
        self.intake = IntakeTab()
        self.timeline = TimelineTab()
        self.issues = IssuesTab()
        self.conversations = ConversationsTab()
        self.actions_tab = ActionsTab()
        self.records = RecordsTab()
        self.letters = LettersTab()
        self.person = PersonPanel()
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Concern records"))
        for tab, title in ((self.intake, self.tr("Summary")), (self.timeline, self.tr("Timeline")),
                           (self.issues, self.tr("Issues and outcomes")),
                           (self.conversations, self.tr("Conversations")),
                           (self.actions_tab, self.tr("Actions and learning")),
                           (self.records, self.tr("Other records")),
                           (self.letters, self.tr("Letters")),
                           (self.person, self.tr("Person"))):
            self.tabs.addTab(tab, title)
            tab.action_requested.connect(self.open_form)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.problem)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        session.changed.connect(self._changed)
        self.forget()

    @property
    def pages(self) -> tuple[WorkspaceTab, ...]:
        return (self.intake, self.timeline, self.issues, self.conversations, self.actions_tab,
                self.records, self.letters, self.person)

    # ----- showing a concern ----------------------------------------------------------

    def show_concern(self, concern_id: int) -> None:
        if concern_id != self.concern_id:
            self._clear_view()
            self.tabs.setCurrentIndex(0)
        self.concern_id = concern_id
        self.reload()

    def reload(self) -> None:
        if self.concern_id is None:
            return
        self._serial += 1
        serial, concern_id, today = self._serial, self.concern_id, self.session.today()

        def job(state: WorkerState) -> CaseContext:
            return load_context(state, concern_id, today)

        self.session.read(job, lambda context: self._loaded(serial, context),
                          lambda message: self._load_failed(serial, message))

    def _loaded(self, serial: int, context: CaseContext) -> None:
        if serial != self._serial or context.concern_id != self.concern_id:
            return  # a newer load is on its way, or the casebook was locked
        self.context = context
        self.problem.clear_problem()
        self.header.show_context(context)
        for page in self.pages:
            page.show_context(context)
        self._offer_drafts()
        self._after_load()
        self.loaded.emit(context.concern_id)

    def _load_failed(self, serial: int, message: str) -> None:
        if serial == self._serial:
            self.problem.show_problem(message, urgent=True)

    def _changed(self, concern_id: object) -> None:
        if self.concern_id is not None and concern_id in (None, self.concern_id):
            self.reload()

    def _after_load(self) -> None:
        restoring, self._restoring = self._restoring, None
        if restoring is not None:
            tab = restoring.get("tab")
            if isinstance(tab, int) and 0 <= tab < self.tabs.count():
                self.tabs.setCurrentIndex(tab)
            if restoring.get("conversation_form"):
                self._want_conversation = self.concern_id
            if restoring.get("new_concern"):
                self.new_concern()
        wanted, self._want_conversation = self._want_conversation, None
        if wanted is not None and wanted == self.concern_id:
            self.log_conversation()

    # ----- drafts -----------------------------------------------------------------------

    def _draft_forms(self) -> list[DraftForm]:
        if self.context is None:
            return []
        open_tokens = {d.keeper.token for d in self.dialogs if isinstance(d, ConversationForm)}
        return [f for f in draft_forms(self.context.drafts, CONVERSATION)
                if f.token not in open_tokens]

    def _offer_drafts(self) -> None:
        self.banner.offer(self._draft_forms())

    def pending_drafts(self) -> list[tuple[str, int | None, str]]:
        """Text being typed in open forms, for the main window to keep as drafts on lock."""
        found: list[tuple[str, int | None, str]] = []
        for dialog in self.dialogs:
            pending: Callable[[], str | None] | None = getattr(dialog, "pending_draft", None)
            body = pending() if pending is not None else None
            if body is None:
                continue
            if isinstance(dialog, ConversationForm):
                found.append((CONVERSATION, dialog.concern_id, body))
            elif isinstance(dialog, NewConcernDialog):
                found.append(("new_concern", None, body))
        return found

    def pending_person_drafts(self) -> list[tuple[str, dict[str, str]]]:
        """The person's details typed into an open New concern form (token, details), kept
        apart from its draft, in the identity store, on lock."""
        found: list[tuple[str, dict[str, str]]] = []
        for dialog in self.dialogs:
            if isinstance(dialog, NewConcernDialog):
                pending = dialog.pending_person()
                if pending is not None:
                    found.append(pending)
        return found

    # ----- forms ------------------------------------------------------------------------

    def log_conversation(self) -> None:
        """Ctrl+N: the conversation form, with any unsaved notes for this concern back in it."""
        if self.concern_id is None:
            return
        if self.context is None or self.context.concern_id != self.concern_id:
            self._want_conversation = self.concern_id  # opens once the concern has loaded
            return
        open_form = next((d for d in self.dialogs if isinstance(d, ConversationForm)), None)
        if open_form is not None:
            open_form.raise_()
            open_form.activateWindow()
            return
        forms = self._draft_forms()
        recovered = forms[-1] if forms else None
        conversation = None
        if recovered is not None and recovered.fields.get("conversation_id") is not None:
            wanted = recovered.fields.get("conversation_id")
            conversation = next((c for c in self.context.detail.conversations
                                 if c.conversation_id == wanted), None)
        form = ConversationForm(self.session, self.context, conversation, self)
        if recovered is not None:
            form.restore_draft(recovered)
        self._open(form)
        self.banner.offer(self._draft_forms())

    def new_concern(self) -> NewConcernDialog:
        """The intake form for a new concern; `concern_created` carries the new id."""
        existing = next((d for d in self.dialogs if isinstance(d, NewConcernDialog)), None)
        if existing is not None:
            existing.raise_()
            return existing
        dialog = NewConcernDialog(self.session, self)
        dialog.created.connect(self.concern_created.emit)
        self._open(dialog)
        return dialog

    def open_form(self, name: str, about: object = None) -> QDialog | None:
        """Open the form `name` for the current concern (about: an issue, action or
        conversation id where the form needs one)."""
        context = self.context
        if context is None:
            return None
        if name == "conversation":
            self.log_conversation()
            return self.current_dialog
        context = replace(context, today=self.session.today())  # past midnight, a new today
        factory = self._factories(context, about).get(name)
        if factory is None:
            return None
        dialog = factory()
        if dialog is None:
            return None
        return self._open(dialog)

    def _factories(self, context: CaseContext, about: object
                   ) -> dict[str, Callable[[], QDialog | None]]:
        session, detail = self.session, context.detail
        stage = proposals.open_stage(context.facts)
        last = Stage(detail.stages[-1].stage) if detail.stages else None

        def issue() -> QDialog | None:
            found = next((i for i in detail.issues if i.issue_id == about), None)
            return IssueDialog(session, context, found, self) if found else None

        def action() -> QDialog | None:
            found = next((a for a in detail.actions if a.action_id == about), None)
            return ActionDialog(session, context, found, self) if found else None

        def conversation() -> QDialog | None:
            found = next((c for c in detail.conversations if c.conversation_id == about), None)
            return ConversationForm(session, context, found, self) if found else None

        def correct() -> QDialog | None:
            if not (isinstance(about, tuple) and len(about) == 2):
                return None
            record, row_id = about
            found = _record_of(detail, str(record), row_id)
            if found is None:
                return None
            return CorrectionDialog(session, context, str(record), int(row_id), found[0],
                                    found[1], self)

        def correct_stage() -> QDialog | None:
            if about not in ("stage1", "stage2") or detail.stage(str(about)) is None:
                return None
            return StageCorrectionDialog(session, context, Stage(str(about)), self)

        def raiser() -> QDialog | None:
            found = next((r for r in detail.raisers if r.number == about), None)
            return RaiserDialog(session, context, found, self) if about is None or found \
                else None

        def letter_copy(reissue: bool) -> QDialog | None:
            found = next((x for x in detail.letters if x.letter_id == about), None)
            return _letter_copy_dialog(session, context.concern_id, found, reissue, self) \
                if found else None

        return {
            "intake": lambda: IntakeDialog(session, context, self),
            "decision": lambda: DecisionDialog(session, context, self),
            "escalate": lambda: EscalateDialog(session, context, self),
            "acknowledge": lambda: AcknowledgeDialog(session, context, self),
            "respond": lambda: ResponseDialog(session, context, stage, self) if stage else None,
            "extend": lambda: ExtensionDialog(session, context, stage, self) if stage else None,
            "close": lambda: CloseDialog(session, context, self),
            "handler": lambda: HandlerDialog(session, context, last, self) if last else None,
            "issue": lambda: IssueDialog(session, context, None, self),
            "findings": issue,
            "action": lambda: ActionDialog(session, context, None, self),
            "sign_off": action,
            "edit_conversation": conversation,
            "signpost": lambda: SignpostDialog(session, context, self),
            "detriment": lambda: DetrimentDialog(session, context, self),
            "feedback": lambda: FeedbackDialog(session, context, self),
            "disclosure": lambda: DisclosureDialog(session, context, self),
            "reveal": lambda: RevealDialog(session, context.concern_id, detail.reference, self),
            "fingerprint": lambda: FingerprintDialog(session, context, self),
            "letter": lambda: _letter_dialog(session, context.concern_id, self),
            "summary": lambda: _summary_dialog(session, context.concern_id, self),
            "correct": correct,
            "correct_stage": correct_stage,
            "correct_closure": lambda: ClosureDialog(session, context, self),
            "change_class": lambda: ClassChangeDialog(session, context, self),
            "person_record": lambda: PersonRecordDialog(
                session, context.concern_id, int(about) if isinstance(about, int) else 0, self),
            "raiser": raiser,
            "involved": lambda: InvolvedDialog(session, context, self),
            "update": lambda: UpdateDialog(session, context, self),
            "frequency": lambda: FrequencyDialog(session, context, self),
            "reissue": lambda: letter_copy(True),
            "reprint": lambda: letter_copy(False),
        }

    def _open(self, dialog: QDialog) -> QDialog:
        self.dialogs.append(dialog)
        dialog.finished.connect(lambda _result: self._closed(dialog))
        lock = getattr(dialog, "lock_requested", None)
        if lock is not None:
            lock.connect(self.lock_requested.emit)
        fit: Callable[[], None] | None = getattr(dialog, "fit", None)
        if fit is not None:
            fit()
        dialog.open()
        return dialog

    def _closed(self, dialog: QDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)
            dialog.deleteLater()
            if isinstance(dialog, ConversationForm) and not dialog.forgotten:
                self.reload()  # a kept draft is offered again in the banner

    @property
    def current_dialog(self) -> QDialog | None:
        return self.dialogs[-1] if self.dialogs else None

    # ----- where the user was, and forgetting -------------------------------------------

    def location(self) -> dict[str, Any]:
        """Ids and the tab only (never content), to come back here after unlocking."""
        return {"concern_id": self.concern_id, "tab": self.tabs.currentIndex(),
                "conversation_form": any(isinstance(d, ConversationForm) for d in self.dialogs),
                "new_concern": any(isinstance(d, NewConcernDialog) for d in self.dialogs)}

    def restore(self, location: dict[str, Any]) -> None:
        """After unlocking: the same tab, and any form that was open, with its draft."""
        self._restoring = dict(location)
        concern_id = location.get("concern_id")
        if isinstance(concern_id, int) and self.concern_id != concern_id:
            self.show_concern(concern_id)
        elif self.context is not None and self.context.concern_id == concern_id:
            self._after_load()

    def _clear_view(self) -> None:
        self.context = None
        self.header.forget()
        self.banner.forget()
        self.problem.clear_problem()
        for page in self.pages:
            page.forget()

    def forget(self) -> None:
        """On lock: close every form (wiped) and clear every field, list and label."""
        self._serial += 1  # answers still on their way are dropped
        self.concern_id = None
        self._restoring = None
        self._want_conversation = None
        for dialog in list(self.dialogs):
            self.dialogs.remove(dialog)
            forget: Callable[[], None] | None = getattr(dialog, "forget", None)
            if forget is not None:
                forget()
            dialog.deleteLater()
        self._clear_view()


# The PDF machinery (reportlab, pypdf) loads when a letter or summary is first asked
# for, not when the window opens.
def _letter_dialog(session: Session, concern_id: int, parent: QWidget) -> QDialog:
    from app.ui.documents.letter_dialog import LetterDialog

    return LetterDialog(session, concern_id, parent)


def _summary_dialog(session: Session, concern_id: int, parent: QWidget) -> QDialog:
    from app.ui.documents.summary_dialog import SummaryDialog

    return SummaryDialog(session, concern_id, parent)


def _letter_copy_dialog(session: Session, concern_id: int, letter: LetterDetail, reissue: bool,
                        parent: QWidget) -> QDialog:
    from app.ui.documents.letter_copy_dialog import LetterCopyDialog

    return LetterCopyDialog(session, concern_id, letter, reissue, parent)


# Each kind of record a correction can be made to: where the workspace holds it, its id,
# and how to name it in the form's title.
_RECORDS: dict[str, tuple[str, str, Callable[[Any], str]]] = {
    "extension": ("extensions", "extension_id",
                  lambda r: tr("the stage %1 extension").replace("%1", r.stage[-1])),
    "signposting": ("signposting", "signpost_id",
                    lambda r: tr("signposting of %1").replace("%1",
                                                              format_day(r.signposted_on))),
    "detriment": ("detriment", "detriment_id",
                  lambda r: tr("detriment reported on %1").replace(
                      "%1", format_day(r.reported_on))),
    "feedback": ("feedback", "feedback_id",
                 lambda r: tr("feedback of %1").replace("%1", format_day(r.received_on))),
    "disclosure": ("disclosures", "disclosure_id",
                   lambda r: tr("the disclosure of %1").replace(
                       "%1", format_day(r.disclosed_on))),
    "conversation": ("conversations", "conversation_id",
                     lambda r: tr("the conversation of %1").replace(
                         "%1", format_day(r.held_on))),
    "action": ("actions", "action_id", lambda r: tr("an action")),
    "issue": ("issues", "issue_id", lambda r: tr("issue %1").replace("%1", str(r.number))),
    "involved": ("involved", "involved_id", lambda r: tr("a person involved")),
    "update": ("updates", "update_id",
               lambda r: tr("the update of %1").replace("%1", format_day(r.given_on))),
}


def _record_of(detail: ConcernDetail, record: str, row_id: object) -> tuple[object, str] | None:
    """The record a correction is about, and its name, or None when it is gone."""
    spec = _RECORDS.get(record)
    if spec is None:
        return None
    collection, key, name = spec
    found = next((r for r in getattr(detail, collection) if getattr(r, key) == row_id), None)
    return (found, name(found)) if found is not None else None
