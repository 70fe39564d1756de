"""The KPI figures on screen: one table per KPI 4 to 9, services across, measures down.

The same rows as the PDF report (app.documents.kpi_report), worked out from a
PublicationFigures view: exact for internal use, or with small numbers hidden
(shown as *) when the report is for publication, so the screen shows exactly
what the saved file will.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtWidgets import QGroupBox, QLabel, QListWidget, QVBoxLayout, QWidget

from app.core.disclosure import ALL, Cell, PublicationFigures, Suppressed
from app.core.kpi import OUTCOME_KEYS, STAGE_KEYS
from app.core.records import THEMES, Outcome
from app.ui.base.form_feedback import FieldMessage
from app.ui.reports.tables import FittedTable

DASH = "\u2013"
SERVICES: tuple[tuple[str, str], ...] = (
    (ALL, "All services"), ("nhs", "NHS"), ("local_authority", "Local authority"),
    ("both", "NHS and local authority"))
# Headings over narrow columns, on two lines (the PDF's words).
SERVICE_HEADINGS = ("All\nservices", "NHS", "Local\nauthority", "NHS and local\nauthority")
TIMESCALE_DAYS = {"stage1": 5, "stage2": 20}
THEME_PARTS = ("stage1", "stage2", "outside")


def show_count(value: Cell) -> str:
    return str(value) if isinstance(value, Suppressed) else f"{value:,}"


def show_ratio(value: float | Suppressed | None, suffix: str = "%") -> str:
    if value is None:
        return DASH
    if isinstance(value, Suppressed):
        return str(value)
    return f"{value:.1f}{suffix}"


def count_and_percent(count: Cell, percent: float | Suppressed | None) -> str:
    if isinstance(count, Suppressed):
        return str(count)
    return f"{count:,} ({show_ratio(percent)})"


def theme_cells(themes: Mapping[str, Mapping[str, object]]) -> dict[tuple[str, str], int]:
    """Received per theme: at stage 1, at stage 2, and anonymous or unnamed."""
    cells: dict[tuple[str, str], int] = {}
    for code, block in themes.items():
        received = block["received"]
        assert isinstance(received, Mapping)
        cells[(code, "stage1")] = int(received["stage1"])
        cells[(code, "stage2")] = int(received["stage2"])
        cells[(code, "outside")] = int(received["anonymous"]) + int(received["unnamed"])
    return cells


Cellmaker = Callable[[str], str]  # the text for one service block


class KpiTables(QWidget):
    """Every KPI as a titled table; `tables[key]` for each (received, outside, closed,
    outcomes, working_days, timescale, extended, other, themes)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tables: dict[str, FittedTable] = {}
        self.hidden_notes: list[FieldMessage] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        headings = [self.tr(h) for h in SERVICE_HEADINGS]
        sections = (
            ("received", self.tr("4. Concerns received"),
             self.tr("Concerns that entered each stage in the period. A concern moved from "
                     "stage 1 to stage 2 counts once at each stage."),
             self.tr("Concerns received")),
            ("outside", self.tr("Anonymous and unnamed concerns"),
             self.tr("Outside the Standards, so counted here and in none of the stage "
                     "figures."), self.tr("Concerns received")),
            ("closed", self.tr("5. Concerns closed"),
             self.tr("Closed in full (a full response with an outcome) at each stage, as a "
                     "percentage of all concerns closed in full."), self.tr("Concerns closed")),
            ("outcomes", self.tr("6. Outcomes"),
             self.tr("Upheld, partially upheld and not upheld, as a percentage of the concerns "
                     "closed in full at that stage."), self.tr("Outcome")),
            ("working_days", self.tr("7. Average time for a full response"),
             self.tr("Average working days from entering the stage to the full response."),
             self.tr("Working days")),
            ("timescale", self.tr("8. Closed within the timescale"),
             self.tr("Within 5 working days at stage 1 and 20 at stage 2, whatever an "
                     "extension allowed, as a percentage of those closed in full."),
             self.tr("Concerns closed")),
            ("extended", self.tr("9. Extensions"),
             self.tr("Concerns that entered the stage in the period and had an extension "
                     "authorised, as a percentage of all that entered it."),
             self.tr("Concerns extended")),
            ("other", self.tr("Concerns closed in other ways"),
             self.tr("Not closed in full, so not in KPIs 5 to 8."), self.tr("Concerns")),
        )
        for key, title, intro, first in sections:
            layout.addWidget(self._section(key, title, intro, [first, *headings]))
        layout.addWidget(self._section(
            "themes", self.tr("Themes"),
            self.tr("What the concerns received were about. A concern can have several themes, "
                    "so they add up to more than the total."),
            [self.tr("Theme"), self.tr("Received at\nstage 1"), self.tr("Received at\nstage 2"),
             self.tr("Anonymous\nor unnamed")]))
        self.learning = QListWidget()
        self.learning.setAccessibleName(self.tr("Learning statements approved for sharing"))
        self.learning.setWordWrap(True)
        self.learning.setMinimumHeight(self.fontMetrics().height() * 4)
        self.learning.setMaximumHeight(self.fontMetrics().height() * 9)
        self.learning_note = FieldMessage(self.tr("Learning statements note"))
        box = QGroupBox(self.tr("1. Learning approved for sharing"))
        column = QVBoxLayout(box)
        column.addWidget(self.learning_note)
        column.addWidget(self.learning)
        layout.addWidget(box)

    def _section(self, key: str, title: str, intro: str, headings: Sequence[str]) -> QGroupBox:
        box = QGroupBox(title)
        column = QVBoxLayout(box)
        text = QLabel(intro)
        text.setWordWrap(True)
        table = FittedTable(title, headings)
        note = FieldMessage(self.tr("Hidden figures note"))
        column.addWidget(text)
        column.addWidget(table)
        column.addWidget(note)
        self.tables[key] = table
        self.hidden_notes.append(note)
        return box

    # ----- filling ---------------------------------------------------------------------

    def show_figures(self, view: PublicationFigures, themes: Mapping[tuple[str, str], Cell],
                     learning: Sequence[str], publication: bool) -> None:
        stage = {"stage1": self.tr("Stage 1"), "stage2": self.tr("Stage 2")}

        def counted(*measure: str) -> Cellmaker:
            return lambda block: show_count(view.count(*measure, block=block))

        def counted_pct(numerator: tuple[str, ...], denominator: tuple[str, ...]) -> Cellmaker:
            return lambda block: count_and_percent(
                view.count(*numerator, block=block),
                view.percent(numerator, denominator, block=block))

        def rows(spec: Sequence[tuple[str, Cellmaker]]) -> list[list[str]]:
            return [[label, *(make(block) for block, _ in SERVICES)] for label, make in spec]

        received = [(self.tr("Received at stage 1"), counted("received", "stage1")),
                    (self.tr("Received at stage 2"), counted("received", "stage2")),
                    (self.tr("Total at both stages"), counted("received", "total"))]
        outside = [(self.tr("Anonymous concerns"), counted("received", "anonymous")),
                   (self.tr("Unnamed concerns"), counted("received", "unnamed"))]
        closed = [(self.tr("Closed at %1").replace("%1", stage[s].lower()),
                   counted_pct(("closed", s), ("closed", "total"))) for s in STAGE_KEYS]
        closed.append((self.tr("Total closed in full"), counted("closed", "total")))
        outcomes = [(f"{stage[s]}: {self.tr(Outcome(o).label).lower()}",
                     counted_pct(("outcomes", s, o), ("closed", s)))
                    for s in STAGE_KEYS for o in OUTCOME_KEYS]
        def average(stage_key: str) -> Cellmaker:
            return lambda block: show_ratio(view.average_working_days(stage_key, block=block), "")

        days: list[tuple[str, Cellmaker]] = []
        for s in STAGE_KEYS:
            days.append((self.tr("%1: average working days").replace("%1", stage[s]),
                         average(s)))
            days.append((self.tr("%1: full responses").replace("%1", stage[s]),
                         counted("closed", s)))
        timescale: list[tuple[str, Cellmaker]] = []
        for s in STAGE_KEYS:
            limit = str(TIMESCALE_DAYS[s])
            timescale.append((self.tr("%1: within %2 working days").replace("%1", stage[s])
                              .replace("%2", limit),
                              counted_pct(("within_timescale", s), ("closed", s))))
            timescale.append((self.tr("%1: over %2 working days").replace("%1", stage[s])
                              .replace("%2", limit),
                              counted_pct(("outside_timescale", s), ("closed", s))))
        extended = [(self.tr("%1: extension authorised").replace("%1", stage[s]),
                     counted_pct(("extended", s), ("received", s))) for s in STAGE_KEYS]
        other = [(self.tr("Withdrawn"), counted("other_closures", "withdrawn")),
                 (self.tr("Transferred to another procedure"),
                  counted("other_closures", "transferred")),
                 (self.tr("Not taken forward under the Standards"),
                  counted("other_closures", "not_taken_forward"))]
        for key, spec in (("received", received), ("outside", outside), ("closed", closed),
                          ("outcomes", outcomes), ("working_days", days),
                          ("timescale", timescale), ("extended", extended), ("other", other)):
            self.tables[key].set_rows(rows(spec))
        self.tables["themes"].set_rows([
            [self.tr(label), *(show_count(themes[(code, part)]) for part in THEME_PARTS)]
            for code, label in THEMES.items() if (code, "stage1") in themes])
        for note, table in zip(self.hidden_notes, self.tables.values(), strict=True):
            hidden = any(table.cell_text(r, c).startswith("*") for r in range(table.rowCount())
                         for c in range(1, table.columnCount()))
            note.show_note(self.tr("* hidden to protect confidentiality.") if hidden else None)
        self.learning.clear()
        self.learning.addItems(list(learning))
        if learning:
            self.learning_note.show_note(self.tr(
                "Marked publishable and signed off in this period; the same statements go in "
                "the return to the board.") + (self.tr(" Email addresses, phone numbers and "
                                                       "CHI numbers are masked for "
                                                       "publication.") if publication else ""))
        else:
            self.learning_note.show_note(self.tr(
                "No learning statements were approved for sharing in this period."))
        self.learning.setVisible(bool(learning))

    def clear(self) -> None:
        for table in self.tables.values():
            table.clear_rows()
        for note in self.hidden_notes:
            note.show_note(None)
        self.learning.clear()
        self.learning_note.show_note(None)
