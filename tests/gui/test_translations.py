"""Translations for real: the catalogue holds every string the window shows, and a
translation, once compiled, changes what the window says."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from app.ui import translations

Pair = tuple[str, str]


def _pairs(ts: Path) -> set[Pair]:
    root = ElementTree.parse(str(ts)).getroot()  # noqa: S314 - our own generated file
    return {((context.findtext("name") or ""), (message.findtext("source") or ""))
            for context in root.iter("context") for message in context.iter("message")}


def test_the_catalogue_holds_every_string_the_window_shows(tmp_path: Path) -> None:
    committed = translations.translations_dir() / "casebook.ts"
    fresh = translations.update_template(tmp_path / "casebook.ts")
    missing = _pairs(fresh) - _pairs(committed)
    assert not missing, (f"{len(missing)} strings are not in {committed.name}: run "
                         f"`python -m app.ui.translations` (first: {sorted(missing)[:3]})")
    assert len(_pairs(committed)) > 1000


def test_a_compiled_translation_changes_what_the_window_says(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A made-up catalogue (for Gaelic, written in Scots) for two strings: one a widget's,
    one outside any."""
    lrelease = shutil.which("pyside6-lrelease") or str(
        Path(sys.executable).with_name("pyside6-lrelease"))
    source = (translations.translations_dir() / "casebook.ts").read_text(encoding="utf-8")
    tree = ElementTree.fromstring(source)  # noqa: S314 - our own generated file
    wanted = {("SettingsView", "Settings"): "Settins", ("", "Stage 1"): "Stage ane"}
    for context in tree.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "")
            if key in wanted:
                node = message.find("translation")
                assert node is not None
                node.text = wanted[key]
                node.attrib.pop("type", None)
    ts = tmp_path / "casebook_gd.ts"
    ts.write_bytes(ElementTree.tostring(tree, encoding="utf-8"))
    subprocess.run([lrelease, str(ts), "-qm", str(tmp_path / "casebook_gd.qm")], check=True,
                   capture_output=True)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    installed = translations.install_translator(app, QLocale("gd_GB"), tmp_path)
    try:
        assert installed
        from app.ui.base.formatting import tr

        assert tr("Stage 1") == "Stage ane"
        assert QCoreApplication.translate("SettingsView", "Settings") == "Settins"
    finally:
        for translator in installed:
            app.removeTranslator(translator)
    assert QCoreApplication.translate("SettingsView", "Settings") == "Settings"


def test_no_catalogue_for_the_locale_means_the_strings_as_written(tmp_path: Path) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    installed = translations.install_translator(app, QLocale("fr_FR"), tmp_path)
    try:
        assert QCoreApplication.translate("SettingsView", "Settings") == "Settings"
    finally:
        for translator in installed:
            app.removeTranslator(translator)


class _Messages(QTranslator):
    """A catalogue for the store's and core's messages, as one would be added."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        if context == "Messages" and source.startswith("Give the organisation"):
            return "Rhoddwch enw'r sefydliad."
        if context == "Messages" and source == "The casebook is locked.":
            return "Mae'r llyfr achosion wedi'i gloi."
        return ""


def test_store_and_core_messages_pass_through_one_place(qtbot, tmp_path: Path) -> None:
    """A catalogue added for context Messages reaches what a form says as people type
    (a store check) and what the worker says when the store refuses (its exception)."""
    from app.store.settings_service import organisation_problem
    from app.ui.base.worker import CasebookWorker
    from app.ui.firstrun.create_page import CreateCasebookPage

    assert (organisation_problem("") or "").startswith("Give the organisation")
    catalogue = _Messages()
    app = QApplication.instance()
    assert app is not None and app.installTranslator(catalogue)
    worker = CasebookWorker()
    try:
        page = CreateCasebookPage(worker, tmp_path / "casebook")
        qtbot.addWidget(page)
        assert page.problems()["organisation"] == "Rhoddwch enw'r sefydliad."
        failures: list[str] = []
        worker.submit(lambda state: state.require_book(), lambda _result: None,
                      failures.append)
        qtbot.waitUntil(lambda: failures == ["Mae'r llyfr achosion wedi'i gloi."])
    finally:
        worker.shutdown()
        app.removeTranslator(catalogue)
