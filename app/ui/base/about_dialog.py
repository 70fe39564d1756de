"""Help > About Casebook: what it is, its version and licence, and where it keeps its files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.base.theme import set_role


def licence_text() -> str:
    from importlib import metadata

    try:
        text = metadata.metadata("casebook")["License"] or ""
    except metadata.PackageNotFoundError:
        text = ""
    return text or "Proprietary"


def version_text() -> str:
    from app import __version__

    return __version__


class AboutDialog(QDialog):
    """`what`: "casebook" or "board store"; `folder`: where it lives on this computer."""

    def __init__(self, folder: Path, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.setWindowTitle(self.tr("About Casebook"))
        self.setAccessibleName(self.tr("About Casebook"))
        from app.paths import resources_dir

        logo = QLabel()
        side = self.fontMetrics().height() * 4
        logo.setPixmap(QIcon(str(resources_dir() / "icons" / "casebook.svg")).pixmap(side, side))
        logo.setAccessibleName(self.tr("Casebook logo"))
        name = QLabel(self.tr("Casebook"))
        set_role(name, "page-title")
        about = QLabel(self.tr(
            "An offline, encrypted casebook for NHS Scotland's confidential contacts and "
            "speak up ambassadors, following the National Whistleblowing Standards. Nothing "
            "leaves this computer unless you export it."))
        about.setWordWrap(True)
        self.version = QLabel(self.tr("Version %1").replace("%1", version_text()))
        self.version.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.licence = QLabel(self.tr("Licence: %1").replace("%1", licence_text()))
        self.where_title = QLabel(self.tr("Where the %1 is kept").replace("%1", self.tr(what)))
        set_role(self.where_title, "section")
        self.where = QLabel(str(folder))
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.where.setAccessibleName(self.tr("Folder"))
        where_note = QLabel(self.tr(
            "Its databases are encrypted; back it up from the File menu. Backups may go "
            "anywhere, the casebook itself stays on this computer's own disk."))
        where_note.setWordWrap(True)
        set_role(where_note, "quiet")
        self.open_folder = QPushButton(self.tr("&Open the folder"))
        self.open_folder.setAccessibleName(self.tr("Open the folder in the file manager"))
        self.open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder))))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        for widget in (name, about, self.version, self.licence):
            text.addWidget(widget)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addSpacing(self.fontMetrics().height())
        layout.addWidget(self.where_title)
        layout.addWidget(self.where)
        layout.addWidget(where_note)
        row = QHBoxLayout()
        row.addWidget(self.open_folder)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
