"""The look shared by every PDF: fonts, text styles, dates, page furniture.

Plain and readable, as NHS letters should be: a sans-serif face at 11 point
body text (never below 9 point, used for footers only), clear headings, wide margins.
The font is DejaVu Sans where the system has it (wide character coverage for
names), Arial on Windows and macOS, and otherwise the Vera font that ships
with reportlab, so a PDF can always be made.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate

from app.paths import resources_dir

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")

BODY_SIZE = 11
INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#4d4d4d")
ACCENT = colors.HexColor("#005eb8")  # NHS blue, for headings and chart bars
RULE = colors.HexColor("#b3b3b3")
SHADE = colors.HexColor("#eef3f9")

Progress = Callable[[int, int], None]


def long_date(d: date) -> str:
    """A date as people write it in a letter: 2 May 2025."""
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def optional_date(d: date | None, missing: str = "not recorded") -> str:
    return long_date(d) if d is not None else missing


# ----- fonts -------------------------------------------------------------------------

_CANDIDATES: tuple[tuple[str, str], ...] = (
    ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
     "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    ("/usr/share/fonts/TTF/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf"),
    ("/usr/share/fonts/dejavu/DejaVuSans.ttf", "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf"),
    ("C:/Windows/Fonts/arial.ttf", "C:/Windows/Fonts/arialbd.ttf"),
    ("/System/Library/Fonts/Supplemental/Arial.ttf",
     "/System/Library/Fonts/Supplemental/Arial Bold.ttf"),
    ("/Library/Fonts/Arial.ttf", "/Library/Fonts/Arial Bold.ttf"),
)


@dataclass(frozen=True)
class Fonts:
    regular: str
    bold: str


def _font_paths() -> list[tuple[Path, Path]]:
    found = []
    bundled = resources_dir() / "fonts"
    for regular, bold in _CANDIDATES:
        pair = (Path(regular), Path(bold))
        if not pair[0].is_absolute():
            pair = (bundled / regular, bundled / bold)
        if pair[0].is_file() and pair[1].is_file():
            found.append(pair)
    return found


@functools.cache
def fonts() -> Fonts:
    """Register the document font once per process and return its names."""
    for regular, bold in _font_paths():
        try:
            pdfmetrics.registerFont(TTFont("CasebookSans", str(regular)))
            pdfmetrics.registerFont(TTFont("CasebookSans-Bold", str(bold)))
        except (TTFError, OSError):
            continue
        break
    else:
        pdfmetrics.registerFont(TTFont("CasebookSans", "Vera.ttf"))
        pdfmetrics.registerFont(TTFont("CasebookSans-Bold", "VeraBd.ttf"))
    pdfmetrics.registerFontFamily("CasebookSans", normal="CasebookSans", bold="CasebookSans-Bold",
                                  italic="CasebookSans", boldItalic="CasebookSans-Bold")
    return Fonts("CasebookSans", "CasebookSans-Bold")


# ----- text styles ---------------------------------------------------------------------


@functools.cache
def styles() -> dict[str, ParagraphStyle]:
    f = fonts()
    body = ParagraphStyle("body", fontName=f.regular, fontSize=BODY_SIZE, leading=15,
                          textColor=INK, alignment=TA_LEFT, spaceAfter=7)
    return {
        "body": body,
        "title": ParagraphStyle("title", parent=body, fontName=f.bold, fontSize=18, leading=23,
                                textColor=ACCENT, spaceAfter=8),
        "h1": ParagraphStyle("h1", parent=body, fontName=f.bold, fontSize=14, leading=18,
                             textColor=ACCENT, spaceBefore=10, spaceAfter=6, keepWithNext=1),
        "h2": ParagraphStyle("h2", parent=body, fontName=f.bold, fontSize=12, leading=16,
                             spaceBefore=8, spaceAfter=4, keepWithNext=1),
        "subject": ParagraphStyle("subject", parent=body, fontName=f.bold, spaceBefore=4,
                                  spaceAfter=10),
        "bullet": ParagraphStyle("bullet", parent=body, leftIndent=16, bulletIndent=4,
                                 spaceAfter=3),
        "small": ParagraphStyle("small", parent=body, fontSize=10, leading=13, textColor=MUTED,
                                spaceAfter=4),
        "cell": ParagraphStyle("cell", parent=body, fontSize=10, leading=13, spaceAfter=0),
        "cell_bold": ParagraphStyle("cell_bold", parent=body, fontName=f.bold, fontSize=10,
                                    leading=13, spaceAfter=0),
        "letterhead": ParagraphStyle("letterhead", parent=body, fontName=f.bold, fontSize=15,
                                     leading=19, textColor=ACCENT, spaceAfter=0),
        "address": ParagraphStyle("address", parent=body, spaceAfter=0, leading=14.5),
        "key": ParagraphStyle("key", parent=body, fontName=f.bold, fontSize=15, leading=22,
                              spaceAfter=0),
    }


def text(value: str) -> str:
    """Plain text made safe for a reportlab paragraph; line breaks kept."""
    return escape(value).replace("\n", "<br/>")


def para(value: str, style: str = "body") -> Paragraph:
    return Paragraph(text(value), styles()[style])


def paras(value: str, style: str = "body") -> list[Paragraph]:
    """Text typed with blank lines between paragraphs, as separate paragraphs (so a long
    note can break across pages between them)."""
    blocks = [b.strip() for b in value.replace("\r\n", "\n").split("\n\n") if b.strip()]
    return [para(b, style) for b in blocks]


def rich(markup: str, style: str = "body") -> Paragraph:
    """A paragraph whose markup the caller built (every inserted value already escaped)."""
    return Paragraph(markup, styles()[style])


def bullet(value: str) -> Paragraph:
    return rich_bullet(text(value))


def rich_bullet(markup: str) -> Paragraph:
    return Paragraph(markup, styles()["bullet"], bulletText="\u2022")


# ----- pages ---------------------------------------------------------------------------

MARGIN = 20 * mm


@dataclass(frozen=True)
class PageFurniture:
    """What every page carries: a footer line and "Page n of m"."""

    footer: str
    marking: str = ""  # e.g. "Private and confidential", printed at the top of each page


def _numbered_canvas(furniture: PageFurniture) -> type[canvas.Canvas]:
    f = fonts()

    class NumberedCanvas(canvas.Canvas):  # type: ignore[misc]
        """Holds pages back until the end so each can say how many there are."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._decorate(number, total)
                super().showPage()
            super().save()

        def _decorate(self, number: int, total: int) -> None:
            width, _ = self._pagesize
            self.saveState()
            self.setFont(f.regular, 9)
            self.setFillColor(MUTED)
            self.drawString(MARGIN, 12 * mm, furniture.footer)
            self.drawRightString(width - MARGIN, 12 * mm, f"Page {number} of {total}")
            if furniture.marking:
                self.setFont(f.bold, 9)
                self.drawRightString(width - MARGIN, self._pagesize[1] - 12 * mm,
                                     furniture.marking)
            self.restoreState()

    return NumberedCanvas


def build_pdf(story: Sequence[Flowable], *, title: str, author: str,
              furniture: PageFurniture, subject: str = "") -> bytes:
    """Lay out the story on A4 and return the PDF's bytes (nothing touches the disk)."""
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
        bottomMargin=MARGIN + 4 * mm, title=title, author=author, subject=subject,
        creator="Casebook", lang="en-GB")
    document.build(list(story), canvasmaker=_numbered_canvas(furniture))
    return buffer.getvalue()


def content_width() -> float:
    return float(A4[0] - 2 * MARGIN)
