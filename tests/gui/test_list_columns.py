"""The concerns list (issue 17, item 5): the columns that tell concerns apart, the sort
arrow pointing the way people read it, and the chosen columns and sort kept in the
casebook's settings (audited), never in Qt's plain settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from tests.gui.workspace_helpers import idle, make_casebook, open_window, rows
from tests.store.test_concerns import NAMED


def _three(service) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        service.create(NAMED)


def _arrow_rows(image: QImage, left: int, right: int) -> list[int]:
    """How wide the dark part of each pixel row is, between two x positions (the arrow's
    rows only: a line across, such as a border, is left out)."""
    widths = []
    for y in range(2, image.height() - 2):
        dark = sum(1 for x in range(left, right) if image.pixelColor(x, y).lightness() < 110)
        if 0 < dark <= 12:
            widths.append(dark)
    return widths


def test_the_sort_arrow_points_down_when_the_newest_is_first(qtbot, folder: Path) -> None:
    make_casebook(folder, _three)
    window = open_window(qtbot, folder)
    window.shell.show_page("concerns")
    view = window.shell.concerns
    qtbot.waitUntil(lambda: view.view_loaded and view.model.rowCount() == 3)
    header = view.table.horizontalHeader()
    assert header.sortIndicatorSection() == 1 and view.model.query.descending
    received = [view.model.data(view.model.index(r, 1)) for r in range(3)]
    assert received == sorted(received, reverse=True) or len(set(received)) == 1

    def arrow() -> list[int]:
        image = header.grab().toImage()
        right = header.sectionViewportPosition(1) + header.sectionSize(1)
        return _arrow_rows(image, right - 15, right - 1)

    down = arrow()
    assert down and down[0] > down[-1], down  # wide at the top: pointing down
    header.setSortIndicator(1, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: not view.model.query.descending)
    up = arrow()
    assert up and up[0] < up[-1], up  # wide at the bottom: pointing up
    window.close()


def test_the_area_themes_and_summary_tell_concerns_apart(qtbot, folder: Path) -> None:
    make_casebook(folder, _three)
    window = open_window(qtbot, folder)
    window.shell.show_page("concerns")
    view = window.shell.concerns
    qtbot.waitUntil(lambda: view.model.rowCount() == 3)
    titles = [view.model.headerData(c, Qt.Orientation.Horizontal)
              for c in range(view.model.columnCount())]
    assert {"Area", "Themes", "Summary"} <= set(titles)
    summary = view.model.data(view.model.index(0, titles.index("Summary")))
    assert summary == "Controlled drugs not double-checked at night"
    window.close()


def test_the_chosen_columns_and_sort_come_back_after_a_lock(qtbot, folder: Path) -> None:
    make_casebook(folder, _three)
    window = open_window(qtbot, folder)
    shell = window.shell
    shell.show_page("concerns")
    view = shell.concerns
    qtbot.waitUntil(lambda: view.view_loaded and view.model.rowCount() == 3)
    keys = [key for key, _ in view.model.COLUMNS]
    header = view.table.horizontalHeader()
    view.show_column(keys.index("themes"), False)
    header.moveSection(header.visualIndex(keys.index("summary")), 1)
    header.setSortIndicator(keys.index("reference"), Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: view.model.query.sort == "reference")
    expected = view.current_view()
    assert expected.columns[1] == "summary" and "themes" not in expected.columns
    view._save_timer.setInterval(1)
    view._save_timer.start()
    errors: list[str] = []
    view.save_failed.connect(errors.append)
    qtbot.waitUntil(lambda: errors or rows(qtbot, window, "SELECT value FROM meta WHERE key ="
                                           " 'list_sort'") == [("reference:asc",)])
    assert not errors
    assert rows(qtbot, window, "SELECT value FROM meta WHERE key = 'list_columns'") == [
        (",".join(expected.columns),)]
    assert rows(qtbot, window, "SELECT count(*) FROM audit WHERE event = 'setting.changed'"
                " AND entity_id LIKE 'list_%'")[0][0] >= 2
    window.lock()
    idle(qtbot, window)
    # Unlocked again, the list is as it was left.
    window.unlock_view.passphrase.setText("correct horse battery staple")
    window.unlock(_passphrase())
    qtbot.waitUntil(lambda: window.unlocked and view.view_loaded and view.model.rowCount() == 3)
    shell.show_page("concerns")
    qtbot.waitUntil(lambda: view.current_view() == expected)
    assert header.sortIndicatorSection() == keys.index("reference")
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    window.close()


def _passphrase() -> str:
    from tests.support import PASSPHRASE

    return PASSPHRASE


def test_the_list_keeps_nothing_in_qts_plain_settings() -> None:
    cases = Path(__file__).resolve().parents[2] / "app" / "ui" / "cases"
    assert [p.name for p in cases.glob("*.py") if "QSettings" in p.read_text()] == []
