"""Simple horizontal bar charts drawn with reportlab.graphics.

Horizontal bars because category names ("Partially upheld at stage 2") read
better beside a bar than squeezed under one. Each bar carries its value as
text, so the chart never has to be read off an axis, and a hidden figure in a
publication report is drawn as no bar with the hidden marker beside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.pdfbase.pdfmetrics import stringWidth

from app.documents.layout import ACCENT, INK, MUTED, RULE, fonts

BAR_HEIGHT = 11
GAP = 6
LABEL_SIZE = 10


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None  # None: hidden or not applicable, so no bar is drawn
    shown: str  # the text printed beside the bar ("12", "40.0%", "*")


def _fit(label: str, width: float, font: str) -> str:
    """Shorten a label that would run into the bars (the full text is in the table)."""
    if stringWidth(label, font, LABEL_SIZE) <= width:
        return label
    while label and stringWidth(label + "\u2026", font, LABEL_SIZE) > width:
        label = label[:-1]
    return label.rstrip() + "\u2026"


def bar_chart(bars: Sequence[Bar], width: float, *, label_width: float = 150,
              maximum: float | None = None, caption: str = "") -> Drawing:
    """A drawing `width` points wide with one labelled bar per item."""
    font = fonts().regular
    caption_height = 16 if caption else 0
    height = len(bars) * (BAR_HEIGHT + GAP) + GAP + caption_height
    drawing = Drawing(width, height)
    values = [b.value for b in bars if b.value is not None]
    top = maximum if maximum is not None else max(values, default=0.0)
    top = top if top > 0 else 1.0
    value_room = 60.0
    plot = max(width - label_width - value_room, 40.0)
    if caption:
        drawing.add(String(0, height - 11, caption, fontName=font, fontSize=LABEL_SIZE,
                           fillColor=MUTED))
    axis_x = label_width
    drawing.add(Line(axis_x, 0, axis_x, height - caption_height, strokeColor=RULE,
                     strokeWidth=0.8))
    for i, bar in enumerate(bars):
        y = height - caption_height - (i + 1) * (BAR_HEIGHT + GAP)
        text_y = y + 2.5
        drawing.add(String(axis_x - 6, text_y, _fit(bar.label, label_width - 8, font),
                           fontName=font, fontSize=LABEL_SIZE, fillColor=INK,
                           textAnchor="end"))
        length = 0.0 if bar.value is None else plot * max(bar.value, 0.0) / top
        if length > 0:
            drawing.add(Rect(axis_x, y, length, BAR_HEIGHT, fillColor=ACCENT,
                             strokeColor=None))
        drawing.add(String(axis_x + length + 5, text_y, bar.shown, fontName=font,
                           fontSize=LABEL_SIZE, fillColor=INK))
    return drawing
