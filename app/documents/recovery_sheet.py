"""The recovery sheet: the recovery key on paper, with what it does and how to keep it.

The recovery key is shown once, when the casebook is made; the first-run flow
offers this sheet to print. It is rendered in memory only: the GUI sends the
bytes to the printer or to a file the contact chooses, and nothing is kept.
"""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from app.documents.layout import (
    ACCENT,
    SHADE,
    PageFurniture,
    build_pdf,
    bullet,
    content_width,
    long_date,
    para,
    rich,
    rich_bullet,
    text,
)

KEY_FONT = "Courier-Bold"  # fixed width, so each group of four lines up


def _cmd(command: str) -> str:
    """A command as markup, in a fixed-width face so it is typed exactly."""
    return f'<font name="Courier">{text(command)}</font>'


def _key_box(recovery_key: str) -> Table:
    groups = recovery_key.strip().split("-")
    lines = ["  ".join(groups[i:i + 3]) for i in range(0, len(groups), 3)]
    markup = "<br/>".join(
        f'<font name="{KEY_FONT}" size="20">{text(line)}</font>' for line in lines)
    box = Table([[rich(markup, "key")]], colWidths=[content_width()], hAlign="LEFT")
    box.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 1.5, ACCENT), ("BACKGROUND", (0, 0), (-1, -1), SHADE),
        ("TOPPADDING", (0, 0), (-1, -1), 12), ("BOTTOMPADDING", (0, 0), (-1, -1), 12),
        ("LEFTPADDING", (0, 0), (-1, -1), 16)]))
    return box


def _details(organisation: str, unit: str, casebook_id: str, made_on: date) -> Table:
    rows = [("Organisation", organisation), ("Reporting unit", unit),
            ("Casebook", casebook_id), ("Printed on", long_date(made_on))]
    table = Table([[rich(text(k), "cell_bold"), rich(text(v), "cell")] for k, v in rows],
                  colWidths=[40 * mm, content_width() - 40 * mm], hAlign="LEFT")
    table.setStyle(TableStyle([("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def render_recovery_sheet(recovery_key: str, organisation: str, unit: str, casebook_id: str,
                          made_on: date | None = None) -> bytes:
    """The printable recovery sheet as PDF bytes."""
    story: list[Flowable] = [
        para("Casebook recovery key", "title"),
        para("Keep this sheet secret and safe. Anyone who has it can open the casebook, "
             "including the names of people who raised concerns."),
        _details(organisation, unit, casebook_id, made_on or date.today()),
        Spacer(1, 4 * mm),
        _key_box(recovery_key),
        Spacer(1, 2 * mm),
        para("Capital or small letters, dashes or spaces: it does not matter how you type it.",
             "small"),
        para("What it does", "h1"),
        para("It opens this casebook on its own, without the passphrase: if the passphrase is "
             "forgotten, if the casebook's key file (keyslots.json) is lost or damaged, or to "
             "open a backup on a new laptop."),
        para("Where to keep it", "h1"),
        bullet("Away from the laptop, and not in the same place as the passphrase."),
        bullet("Locked away, such as in a locked drawer or safe at work, as your information "
               "governance lead advises."),
        bullet("Never photographed, emailed, scanned, or saved on a computer or in the cloud."),
        para("How to use it", "h1"),
        bullet("In the Casebook app: on the unlock screen, choose to unlock with the recovery "
               "key, type it in, then set a new passphrase."),
        rich_bullet(f"On the command line: {_cmd('casebook recover')} (with "
                    f"{_cmd('--casebook FOLDER')} if the casebook is not in the usual place) "
                    "asks for the key, then a new passphrase. To open a backup on another "
                    f"laptop, first run {_cmd('casebook restore BACKUP --casebook FOLDER')}."),
        para("If it is lost, or someone else may have seen it", "h1"),
        rich(f"Open the casebook and make new keys (in the app's settings, or "
             f"{_cmd('casebook rekey')}), then print the new sheet: the old key stops opening "
             "the casebook. Old backups still open with the old key, so make a fresh backup and "
             "delete the old ones as your organisation's policy says. When the casebook is no "
             "longer needed, shred this sheet."),
    ]
    return build_pdf(story, title="Casebook recovery key", author=organisation,
                     furniture=PageFurniture(footer=f"Recovery key for casebook {casebook_id}",
                                             marking="Secret: keep apart from the laptop"))
