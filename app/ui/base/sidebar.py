"""The sidebar both windows share: the app's name, where it is working, and the sections,
each with an icon, on the brand's dark blue."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.paths import resources_dir
from app.ui.base import theme
from app.ui.base.form_feedback import text_width


def tinted_icon(name: str, colour: QColor, size: int) -> QIcon:
    """An icon from resources/icons/NAME.svg, its strokes drawn in `colour`, sharp at 2x."""
    path = resources_dir() / "icons" / f"{name}.svg"
    try:
        svg = path.read_text(encoding="utf-8").replace("#000000", colour.name())
    except OSError:
        return QIcon()
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    icon = QIcon()
    for scale in (1, 2):
        image = QImage(size * scale, size * scale, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(scale)
        icon.addPixmap(pixmap)
    return icon


class Sidebar(QWidget):
    """The sections as a list with icons (`sections`: (title, icon name) each)."""

    def __init__(self, sections: list[tuple[str, str]], where: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar-panel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        brand = QLabel(self.tr("Casebook"))
        brand.setObjectName("sidebar-brand")
        brand.setAccessibleName(self.tr("Casebook"))
        self.where = QLabel(where)
        self.where.setObjectName("sidebar-where")
        self.where.setWordWrap(True)
        self.where.setAccessibleName(self.tr("Working in"))
        self.where.setVisible(bool(where))
        self.list = QListWidget()
        self.list.setObjectName("sidebar")
        self.list.setAccessibleName(self.tr("Sections"))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side = max(16, self.fontMetrics().height() + 4)
        self.list.setIconSize(QSize(side, side))
        colour = QColor(theme.colours().sidebar_text)
        row_height = max(side, self.fontMetrics().height()) + 16
        for title, icon in sections:
            item = QListWidgetItem(tinted_icon(icon, colour, side), title)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, title)
            item.setSizeHint(QSize(0, row_height))  # the same height whatever its state
            self.list.addItem(item)
        self.list.setSpacing(1)
        width = text_width(self.list, max(len(t) for t, _ in sections) + 4)
        self.setFixedWidth(max(width + side + 40, text_width(self.list, 22)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(brand)
        layout.addWidget(self.where)
        layout.addWidget(self.list, 1)

    def set_where(self, text: str) -> None:
        self.where.setText(text)
        self.where.setVisible(bool(text))
