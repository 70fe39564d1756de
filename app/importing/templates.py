"""The import templates shipped in resources/: a .csv and an .xlsx with a few example rows.

Both are made from COLUMNS and EXAMPLE_ROWS here, so they cannot drift from what
the import reads (a test checks the shipped files against this module). Remake
them with `python -m app.importing.templates`. The people in the examples are
made up: emails at example.org, phone numbers in Ofcom's drama range.
"""

from __future__ import annotations

import csv
import io
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from app.core.text import FormulaSafeWriter
from app.importing.cells import parse_date
from app.importing.columns import CHOICES, COLUMNS, Column, Kind
from app.paths import resources_dir

TEMPLATE_NAMES = {"csv": "import-template.csv", "xlsx": "import-template.xlsx"}

# Dates are written both ways the import reads (YYYY-MM-DD and DD/MM/YYYY).
EXAMPLE_ROWS: tuple[dict[str, str], ...] = (
    {"reference": "WB-2025-0001", "received_date": "2025-04-07", "starting_stage": "1",
     "anonymity": "named", "raiser_name": "Alex Example",
     "raiser_email": "alex.example@example.org", "raiser_phone": "07700 900123",
     "raiser_category": "employee", "service_type": "nhs",
     "service_area": "Ward 3 (acute medicine)", "themes": "patient_safety; staffing",
     "summary": "C says observations are missed on night shifts when the ward is short of "
                "registered nurses.",
     "consent_date": "2025-04-07", "stage1_response_date": "2025-04-11",
     "stage1_extended": "no", "stage1_outcome": "partially_upheld", "detriment": "no",
     "learning": "Night shift staffing is now reviewed at the daily safety huddle.",
     "learning_publishable": "yes", "channel": "in_person",
     "raised_with": "confidential_contact", "consent_method": "conversation",
     "stage1_handler": "Senior charge nurse, ward 5"},
    {"reference": "WB-2025-0002", "received_date": "14/05/2025", "starting_stage": "1",
     "anonymity": "named", "raiser_name": "Sam Sample", "raiser_category": "bank_agency_locum",
     "service_type": "both", "service_area": "Hospital discharge team",
     "themes": "Working practices or procedures",
     "summary": "C is concerned that discharge checklists are signed before the checks are "
                "made.",
     "consent_date": "14/05/2025", "stage1_response_date": "22/05/2025",
     "stage1_extended": "yes", "escalation_date": "28/05/2025",
     "stage2_acknowledged_date": "30/05/2025", "stage2_response_date": "25/06/2025",
     "stage2_extended": "no", "stage1_outcome": "not_upheld", "stage2_outcome": "upheld",
     "detriment": "no", "signposted_inwo_date": "25/06/2025",
     "learning": "The discharge checklist is audited every month.",
     "learning_publishable": "no", "channel": "phone", "stage1_extended_to": "23/05/2025",
     "stage1_extension_reason": "The ward manager was on leave.",
     "issue1": "Checklists signed on the ward before checks", "issue1_service_type": "nhs",
     "issue1_stage1_outcome": "not_upheld", "issue1_stage2_outcome": "upheld",
     "issue2": "Care packages not in place on discharge home",
     "issue2_service_type": "local_authority", "issue2_stage1_outcome": "not_upheld",
     "issue2_stage2_outcome": "partially_upheld"},
    {"reference": "WB-2025-0003", "received_date": "2025-07-02", "anonymity": "anonymous",
     "service_type": "nhs", "service_area": "Pharmacy", "themes": "fraud",
     "summary": "An anonymous letter says stock is being ordered for private use.",
     "channel": "writing"},
    {"reference": "WB-2025-0004", "received_date": "2025-09-15", "anonymity": "unnamed",
     "raiser_category": "student_trainee", "service_type": "local_authority",
     "service_area": "Care at home service", "themes": "worker_safety; Lone working",
     "summary": "C described visits alone after dark without a working phone.",
     "channel": "phone"},
    {"reference": "WB-2025-0005", "received_date": "2025-10-06", "starting_stage": "2",
     "anonymity": "named", "raiser_name": "Jordan Placeholder", "raiser_phone": "07700 900456",
     "raiser_category": "contractor", "service_type": "nhs",
     "service_area": "Estates and facilities",
     "themes": "worker_safety; Governance, management or decision-making",
     "summary": "C says asbestos survey findings were not shared with contractors.",
     "consent_date": "2025-10-06", "stage2_acknowledged_date": "2025-10-08",
     "stage2_extended": "yes", "detriment": "yes", "stage2_extended_to": "2025-11-28",
     "detriment_date": "2025-10-20", "channel": "email", "raised_with": "senior_manager",
     "contracted_service": "yes"},
    {"reference": "WB-2025-0006", "received_date": "2025-11-03", "starting_stage": "1",
     "anonymity": "named", "raiser_name": "Riley Specimen", "raiser_category": "volunteer",
     "service_type": "nhs", "service_area": "Outpatient department", "themes": "behaviours",
     "summary": "C reported dismissive remarks made to volunteers at the front desk.",
     "consent_date": "2025-11-03", "closure": "withdrawn", "closure_date": "2025-11-05",
     "closure_reason": "C decided not to go on with the concern."},
)


def template_path(kind: str) -> Path:
    """The shipped template: kind "csv" or "xlsx"."""
    return resources_dir() / TEMPLATE_NAMES[kind]


def _header() -> list[str]:
    return [column.name for column in COLUMNS]


def csv_template() -> bytes:
    """The .csv template: UTF-8 with the mark Excel looks for, Windows line ends."""
    out = io.StringIO(newline="")
    writer = FormulaSafeWriter(csv.writer(out))
    writer.writerow(_header())
    for example in EXAMPLE_ROWS:
        writer.writerow([example.get(name, "") for name in _header()])
    return out.getvalue().encode("utf-8-sig")


def _cell_value(column: Column, text: str) -> object:
    """Dates as real Excel dates, stage numbers as numbers, the rest as text."""
    if column.kind is Kind.DATE and text:
        return parse_date(text)
    if column.kind is Kind.STAGE and text:
        return int(text)
    return text or None


def _choices_list(column: Column) -> str | None:
    if column.kind is Kind.YES_NO:
        return "yes,no"
    if column.kind is Kind.STAGE:
        return "1,2"
    choices = CHOICES.get(column.name)
    return ",".join(choices) if choices else None


def _add_drop_downs(sheet: Any, last_row: int) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    for index, column in enumerate(COLUMNS, start=1):
        choices = _choices_list(column)
        if choices is None:
            continue
        check = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True)
        check.error = f"Choose one of: {choices.replace(',', ', ')}"
        letter = get_column_letter(index)
        check.add(f"{letter}2:{letter}{last_row}")
        sheet.add_data_validation(check)


def _fill_concerns(sheet: Any) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet.append(_header())
    for example in EXAMPLE_ROWS:
        sheet.append([_cell_value(column, example.get(column.name, ""))
                      for column in COLUMNS])
    for index, column in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        sheet[f"{letter}1"].font = Font(bold=True)
        width = 14 if column.kind in (Kind.DATE, Kind.YES_NO, Kind.STAGE) else 24
        sheet.column_dimensions[letter].width = max(width, len(column.name) + 2)
        if column.kind is Kind.DATE:
            for row in range(2, 2 + len(EXAMPLE_ROWS)):
                sheet[f"{letter}{row}"].number_format = "DD/MM/YYYY"
    sheet.freeze_panes = "B2"
    _add_drop_downs(sheet, 5000)


def _fill_notes(sheet: Any) -> None:
    from openpyxl.styles import Alignment, Font

    sheet.append(["column", "required", "what it holds"])
    for column in COLUMNS:
        sheet.append([column.name, "yes" if column.required else "",
                      column.help])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 26
    sheet.column_dimensions["B"].width = 10
    sheet.column_dimensions["C"].width = 100
    for row in sheet.iter_rows(min_row=2):
        row[2].alignment = Alignment(wrap_text=True, vertical="top")


def xlsx_template() -> bytes:
    """The .xlsx template: the concerns sheet first (the one imported), then notes."""
    from openpyxl import Workbook

    workbook = Workbook()
    concerns = workbook.active
    concerns.title = "Concerns"
    _fill_concerns(concerns)
    _fill_notes(workbook.create_sheet("How to fill in"))
    workbook.properties.creator = "Casebook"
    fixed = datetime(2025, 1, 1)  # a fixed timestamp: remaking the file changes nothing needlessly
    workbook.properties.created = workbook.properties.modified = fixed
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def write_templates(folder: Path) -> list[Path]:
    written = []
    for kind, data in (("csv", csv_template()), ("xlsx", xlsx_template())):
        path = folder / TEMPLATE_NAMES[kind]
        path.write_bytes(data)
        written.append(path)
    return written


if __name__ == "__main__":
    for made in write_templates(Path(sys.argv[1]) if len(sys.argv) > 1 else resources_dir()):
        print(made)
