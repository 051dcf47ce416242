"""A reportlab canvas and the position on its current page, drawn in a :class:`PdfStyle`."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import Any

from ...errors import MissingExtraError
from .style import BOLD_OFFSET, DIGIT_GROWTH, FONT, MARGIN, PAD, SIZE, PdfStyle, figure_runs

A4_LONG, A4_SHORT = 841.89, 595.28
_UNBROKEN = re.compile(r"[0-9A-Za-z.,%％]+|.", re.S)  # a number or Latin word is not broken over lines


def reportlab_metrics() -> Any:
    """reportlab's font metrics, the CJK font registered (MissingExtraError without reportlab)."""
    try:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    except ImportError:
        raise MissingExtraError("render --to pdf", "writing PDF needs reportlab: pip install 'gongkai[pdf]'") from None
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    return pdfmetrics


class Page:
    """A canvas and the position on its current page; figure runs of running text printed
    apart (as the style says) wait in ``later`` until the page's words are drawn. A page is
    turned, and carries its running header and number, as the style says."""

    def __init__(self, title: str, style: PdfStyle = PdfStyle()) -> None:
        self.metrics = reportlab_metrics()  # first: it says which extra to install when reportlab is missing
        from reportlab.pdfgen.canvas import Canvas

        self.buffer = io.BytesIO()
        self.canvas = Canvas(self.buffer, pagesize=(A4_SHORT, A4_LONG), pageCompression=1)
        self.canvas.setTitle(title)
        self.title = title
        self.size = (A4_SHORT, A4_LONG)
        self.y = self.size[1] - MARGIN
        self.fresh = True
        self.turned = False  # the canvas state is saved under the page's turn
        self.number = 0
        self.style = style
        self.later: list[tuple[float, float, float, str]] = []  # x, baseline, size, figure

    def width_of(self, text: str, size: float) -> float:
        return float(self.metrics.stringWidth(text, FONT, size))

    def run_width(self, text: str, figure: bool, size: float) -> float:
        """The width of a run of running text: a figure in the style's Latin font when figures
        are set apart, else in the text's font."""
        if figure and self.style.digits_apart:
            return float(self.metrics.stringWidth(text, self.style.digit_font, size + DIGIT_GROWTH))
        return self.width_of(text, size)

    def line_width(self, text: str, size: float) -> float:
        return sum(self.run_width(run, figure, size) for run, figure in figure_runs(text))

    def wrap(self, text: str, width: float, size: float, running: bool = False) -> list[str]:
        """``text`` cut into lines no wider than ``width``: Chinese breaks between any characters,
        a number or a Latin word only where it is wider than a line (as office software breaks
        lines); ``running`` measures it as running text, its figures as the style sets them."""
        measure = self.line_width if running else self.width_of
        lines = [""]
        for token in _UNBROKEN.findall(text):
            if lines[-1] and measure(lines[-1] + token, size) > width:
                lines.append("")
            for char in token:
                if lines[-1] and measure(lines[-1] + char, size) > width:
                    lines.append("")
                lines[-1] += char
        return lines

    def new_page(self, landscape: bool = False) -> None:
        """A new page (or the current one, while nothing is drawn on it), turned as ``landscape``
        says."""
        if not self.fresh:
            self.finish_page()
            self.canvas.showPage()
        elif self.turned:
            self.canvas.restoreState()  # the page is turned again, not twice
            self.turned = False
        if not self.fresh or not self.number:
            self.number += 1
        self.fresh = True
        self.size = (A4_LONG, A4_SHORT) if landscape else (A4_SHORT, A4_LONG)
        self._turn()
        self.y = self.size[1] - MARGIN

    def _turn(self) -> None:
        """The page's paper and the turn of its content, as the style's rotation says."""
        width, height = self.size
        rotation = self.style.rotation
        # with /Rotate 90 reportlab writes the paper turned back, so that a viewer turns it to
        # ``size``; sideways, the paper is turned and the print is not
        self.canvas.setPageSize((height, width) if rotation == "sideways" else self.size)
        self.canvas.setPageRotation(90 if rotation == "page" else 0)
        if rotation != "none":
            self.canvas.saveState()
            self.canvas.translate(height, 0)
            self.canvas.rotate(90)
            self.turned = True

    def finish_page(self) -> None:
        """What is drawn last on a page: the figure runs held back, the running header and the
        page number."""
        self.draw_later()
        if self.style.furniture:
            width, height = self.size
            self.canvas.setFont(FONT, 8)
            self.canvas.drawCentredString(width / 2, height - 20, f"{self.title}公开")
            self.canvas.drawCentredString(width / 2, 18, f"- {self.number} -")
        if self.turned:
            self.canvas.restoreState()
            self.turned = False

    def baseline(self, size: float) -> float:
        """The baseline of the next line of ``size`` points, on a new page when this one is full;
        the position moves below that line."""
        if self.y - size < MARGIN:
            self.new_page(self.size[0] > self.size[1])
        y = self.y - size
        self.y -= size * 1.6
        self.fresh = False
        return y

    def text(self, text: str, size: float = SIZE + 1, centre: bool = False) -> None:
        """``text`` from the current position, wrapped to the page's width; a line break in
        ``text`` starts a new line."""
        lines = [line for part in text.split("\n") for line in self.wrap(part, self.size[0] - 2 * MARGIN, size)]
        for line in lines:
            y = self.baseline(size)
            self.canvas.setFont(FONT, size)
            if centre:
                self.canvas.drawCentredString(self.size[0] / 2, y, line)
            else:
                self.canvas.drawString(MARGIN, y, line)
        self.fresh = False

    def running(self, text: str, size: float = SIZE + 1) -> None:
        """A paragraph of running text, flush left and wrapped like :meth:`text`; when the style
        sets figures apart, each line's words are drawn now and its figures after the page's
        words, in their own font and size on their own baseline, at their places in the line."""
        if not self.style.digits_apart:
            self.text(text, size)
            return
        width = self.size[0] - 2 * MARGIN
        for line in [line for part in text.split("\n") for line in self.wrap(part, width, size, running=True)]:
            y = self.baseline(size)
            x = MARGIN
            for run, figure in figure_runs(line):
                if figure:
                    self.later.append((x, y + self.style.digit_rise, size + DIGIT_GROWTH, run))
                else:
                    self.canvas.setFont(FONT, size)
                    self.canvas.drawString(x, y, run)
                x += self.run_width(run, figure, size)

    def draw_later(self) -> None:
        """The figure runs held back, drawn now (after the words of their page)."""
        for x, y, size, figure in self.later:
            self.canvas.setFont(self.style.digit_font, size)
            self.canvas.drawString(x, y, figure)
        self.later = []

    def rule(self, x0: float, y0: float, x1: float, y1: float) -> None:
        """A rule from (x0, y0) to (x1, y1): a line, or a thin filled rectangle."""
        if self.style.rects:
            left, bottom = min(x0, x1) - 0.25, min(y0, y1) - 0.25
            self.canvas.rect(left, bottom, abs(x1 - x0) + 0.5, abs(y1 - y0) + 0.5, stroke=0, fill=1)
        else:
            self.canvas.line(x0, y0, x1, y1)

    def cell(
        self,
        lines: Sequence[str],
        x0: float,
        x1: float,
        top: float,
        size: float,
        align: str = "left",
        inset: float = PAD,
        bold: bool = False,
    ) -> None:
        """``lines`` in the cell from ``x0`` to ``x1`` below ``top``: flush "right", "centre" or
        flush "left", ``inset`` from the cell's side; in fake bold when ``bold``."""
        self.canvas.setFont(FONT, size)
        y = top - PAD - size
        for line in lines:
            if align == "centre":
                x = (x0 + x1 - self.width_of(line, size)) / 2
            else:
                x = x1 - inset - self.width_of(line, size) if align == "right" else x0 + inset
            self.canvas.drawString(x, y, line)
            if bold:
                self.canvas.drawString(x + BOLD_OFFSET, y, line)
            y -= size * 1.25

    def save(self) -> bytes:
        self.finish_page()
        self.canvas.showPage()
        self.canvas.save()
        return self.buffer.getvalue()
