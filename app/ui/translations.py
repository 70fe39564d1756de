"""Translations: Qt Linguist catalogues for every string the window shows.

Every literal string in app/ui goes through `tr()` (a widget's `self.tr`, or
app.ui.base.formatting.tr outside one) and is collected by `pyside6-lupdate` into
resources/translations/casebook.ts, the template a translator starts from (the strings
are UK English, the app's own language). A translation is `casebook_<locale>.ts` beside
it, filled in with Qt Linguist (`pyside6-linguist`) and compiled with `pyside6-lrelease`
to `casebook_<locale>.qm`; at start the window loads the one for the system's locale, if
there is one, and Qt's own translations for its standard buttons and dialogs.

Messages that come from the store and core (a refusal, a rule broken) are composed with
their details and reach the window as text: they are shown through one function,
app.ui.base.messages.shown, so a catalogue of them can be added there later.

    python -m app.ui.translations            # regenerate the template from the source
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from app.paths import resources_dir

CATALOGUE = "casebook"
UI_SOURCE = Path(__file__).resolve().parent


def translations_dir() -> Path:
    return resources_dir() / "translations"


def install_translator(app: QApplication, locale: QLocale | None = None,
                       folder: Path | None = None) -> list[QTranslator]:
    """Load Casebook's and Qt's catalogues for the locale (the system's by default), where
    they exist; returns the translators installed (kept alive by the caller)."""
    chosen = locale or QLocale.system()
    installed: list[QTranslator] = []
    for name, where in ((CATALOGUE, folder or translations_dir()),
                        ("qtbase", Path(QLibraryInfo.path(
                            QLibraryInfo.LibraryPath.TranslationsPath)))):
        translator = QTranslator(app)
        if translator.load(chosen, name, "_", str(where)) and app.installTranslator(translator):
            installed.append(translator)
    return installed


def lupdate() -> str:
    """The lupdate tool PySide6 ships."""
    found = shutil.which("pyside6-lupdate") or str(Path(sys.executable).with_name(
        "pyside6-lupdate"))
    return found


def update_template(out: Path | None = None) -> Path:
    """Collect every tr() string of app/ui into the template (or `out`)."""
    target = out or translations_dir() / f"{CATALOGUE}.ts"
    target.parent.mkdir(parents=True, exist_ok=True)
    sources = sorted(str(p) for p in UI_SOURCE.rglob("*.py"))
    subprocess.run([lupdate(), "-no-obsolete", "-locations", "none", "-source-language",
                    "en_GB", *sources, "-ts", str(target)], check=True, capture_output=True)
    return target


if __name__ == "__main__":
    print(update_template())
