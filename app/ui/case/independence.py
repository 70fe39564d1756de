"""Independence at stage 2, in the forms that set a handler: the clash said as the handler is
typed, and the justification asked for only then (app/core/independence.py)."""

from __future__ import annotations

from collections.abc import Callable

from app.core.independence import Involved, clash_sentence, handler_clashes
from app.core.records import Stage
from app.ui.base.formatting import tr
from app.ui.case.case_form import ConcernForm, Problem
from app.ui.case.context import CaseContext
from app.ui.case.fields import TextBox


class Independence:
    """Adds the justification field to `form`, shown while the stage 2 handler clashes with
    the stage 1 handler or someone recorded as involved."""

    def __init__(self, form: ConcernForm, context: CaseContext, stage: Stage,
                 handler: Callable[[], str]) -> None:
        self.form = form
        self.context = context
        self.stage = stage
        self.handler = handler
        detail = context.detail
        self.involved = [Involved(i.name, i.how) for i in detail.involved]
        recorded = detail.stage(Stage.STAGE2.value)
        self.recorded_clash = recorded.handler_clash if recorded else None
        self.box = TextBox(lines=2)
        if recorded is not None and recorded.handler_justification:
            self.box.setPlainText(recorded.handler_justification)
        form.add_field("justification", tr("&Justification:"), self.box,
                       hint=tr("Why they should investigate all the same (a small team, say). "
                               "It is kept with the stage, and the letters say that they had "
                               "earlier involvement."))
        self._last: tuple[str, ...] = tuple(self.clashes())
        self.arrange()

    def clashes(self) -> list[str]:
        detail = self.context.detail
        stage1 = detail.stage(Stage.STAGE1.value)
        stage2 = detail.stage(Stage.STAGE2.value)
        if self.stage is Stage.STAGE2:
            second, first = self.handler(), stage1.handler if stage1 else None
        else:
            if stage2 is None:
                return []
            second, first = stage2.handler or "", self.handler()
        return handler_clashes(second, first, self.involved)

    def arrange(self) -> None:
        self.form.show_field("justification", bool(self.clashes()))

    def problems(self) -> list[Problem]:
        clashes = self.clashes()
        if tuple(clashes) != self._last:
            self._last = tuple(clashes)
            recorded = self.context.detail.stage(Stage.STAGE2.value)
            kept = recorded.handler_justification if recorded else None
            if kept and "; ".join(clashes) != self.recorded_clash and \
                    self.box.text().strip() == kept.strip():
                self.box.clear()  # justified for another clash: this one needs its own
            self.arrange()
        if not clashes or self.box.text().strip():
            return []
        stage2 = self.context.detail.stage(Stage.STAGE2.value)
        second = stage2.handler if stage2 is not None else None
        who = self.handler() if self.stage is Stage.STAGE2 else (second or "")
        return [("justification", tr(clash_sentence(str(who), clashes)) + " "
                 + tr("Record why, or choose someone else."))]

    def justification(self) -> str | None:
        return self.box.text().strip() or None if self.clashes() else None
