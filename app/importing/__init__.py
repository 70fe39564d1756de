"""Bringing an existing log in: a .csv or .xlsx sheet checked whole, then imported whole.

The one entry point is `import_spreadsheet` (see service.py); the CLI's
`casebook import` and the desktop app's Import dialog both call it, the dialog
on a worker thread with `on_progress(done, total)` and `cancelled()`. The
templates to offer are at `app.importing.templates.template_path("csv" | "xlsx")`.
"""

from app.importing.columns import COLUMNS, OPTIONAL_COLUMNS, TEMPLATE_COLUMNS, Column
from app.importing.problems import ImportCancelled, ImportFileError, ImportProblem
from app.importing.service import ImportReport, import_spreadsheet

__all__ = [
    "COLUMNS",
    "OPTIONAL_COLUMNS",
    "TEMPLATE_COLUMNS",
    "Column",
    "ImportCancelled",
    "ImportFileError",
    "ImportProblem",
    "ImportReport",
    "import_spreadsheet",
]
