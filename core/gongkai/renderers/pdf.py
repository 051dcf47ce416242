"""The ``pdf`` renderer: tables drawn as ruled grids with reportlab (``gongkai[pdf]``).

Text uses STSong-Light, a CJK font every PDF viewer has, so no font file is embedded. A table
gets a page of its own (landscape when it is wide, the type made smaller when it is wider
still); where it runs onto the next page its header is printed again. Long names and headers
wrap inside their cell.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from ..errors import MissingExtraError
from ..hookspecs import hookimpl
from ..registrations import Renderer
from ..render.sheet import Grid, Heading, Paragraph, Sheet
from ..segment import is_amount_text

FONT = "STSong-Light"
SIZE = 9.0
MIN_SIZE = 5.0
PAD = 3.0
MARGIN = 36.0
LABEL_WIDTH = 110.0  # names wider than this wrap inside their cell
HEADER_WIDTH = 60.0  # header words wider than this wrap


def _reportlab() -> Any:
    try:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    except ImportError:
        raise MissingExtraError("render --to pdf", "writing PDF needs reportlab: pip install 'gongkai[pdf]'") from None
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    return pdfmetrics


class _Page:
    """A canvas and the position on its current page."""

    def __init__(self, title: str) -> None:
        self.metrics = _reportlab()  # first: it says which extra to install when reportlab is missing
        from reportlab.lib.pagesizes import A4
        from reportlab.pdfgen.canvas import Canvas

        self.buffer = io.BytesIO()
        self.canvas = Canvas(self.buffer, pagesize=A4, pageCompression=1)
        self.canvas.setTitle(title)
        self.size = A4
        self.y = A4[1] - MARGIN
        self.fresh = True

    def width_of(self, text: str, size: float) -> float:
        return float(self.metrics.stringWidth(text, FONT, size))

    def wrap(self, text: str, width: float, size: float) -> list[str]:
        """``text`` cut into lines no wider than ``width`` (Chinese breaks between any characters)."""
        lines = [""]
        for char in text:
            if lines[-1] and self.width_of(lines[-1] + char, size) > width:
                lines.append("")
            lines[-1] += char
        return lines

    def new_page(self, landscape: bool = False) -> None:
        if not self.fresh:
            self.canvas.showPage()
        self.fresh = True
        width, height = 841.89, 595.28
        self.size = (width, height) if landscape else (height, width)
        self.canvas.setPageSize(self.size)
        self.y = self.size[1] - MARGIN

    def text(self, text: str, size: float = SIZE + 1, centre: bool = False) -> None:
        lines = self.wrap(text, self.size[0] - 2 * MARGIN, size)
        for line in lines:
            if self.y - size < MARGIN:
                self.new_page(self.size[0] > self.size[1])
            self.canvas.setFont(FONT, size)
            if centre:
                self.canvas.drawCentredString(self.size[0] / 2, self.y - size, line)
            else:
                self.canvas.drawString(MARGIN, self.y - size, line)
            self.y -= size * 1.6
        self.fresh = False

    def save(self) -> bytes:
        self.canvas.showPage()
        self.canvas.save()
        return self.buffer.getvalue()


def _column_widths(page: _Page, grid: Grid, size: float) -> list[float]:
    widths = [0.0] * grid.width
    for row in grid.body:
        for c, text in enumerate(row):
            limit = LABEL_WIDTH if text and not is_amount_text(text) else 1e9
            widths[c] = max(widths[c], min(page.width_of(text, size), limit * size / SIZE))
    for spans in grid.header:
        for span in spans:
            if span.width == 1:
                limit = HEADER_WIDTH * size / SIZE
                widths[span.column] = max(widths[span.column], min(page.width_of(span.text, size), limit))
    return [w + 2 * PAD for w in widths]


def _fit(page: _Page, grid: Grid) -> tuple[bool, float, list[float]]:
    """Orientation, type size and column widths that fit the grid across the page."""
    portrait, landscape = 595.28 - 2 * MARGIN, 841.89 - 2 * MARGIN
    widths = _column_widths(page, grid, SIZE)
    if sum(widths) <= portrait:
        return False, SIZE, widths
    size = SIZE
    while size > MIN_SIZE and sum(widths) > landscape:
        size -= 0.5
        widths = _column_widths(page, grid, size)
    if sum(widths) > landscape:  # still too wide: squeeze the columns, names wrap more
        widths = [w * landscape / sum(widths) for w in widths]
    return True, size, widths


def _cell(page: _Page, lines: Sequence[str], x0: float, x1: float, top: float, size: float, right: bool) -> None:
    page.canvas.setFont(FONT, size)
    y = top - PAD - size
    for line in lines:
        x = x1 - PAD - page.width_of(line, size) if right else x0 + PAD
        page.canvas.drawString(x, y, line)
        y -= size * 1.25


def _draw_header(page: _Page, grid: Grid, xs: list[float], size: float) -> None:
    leading = size * 1.25
    wrapped = {
        (r, s.column): page.wrap(s.text, xs[s.column + s.width] - xs[s.column] - 2 * PAD, size)
        for r, spans in enumerate(grid.header)
        for s in spans
    }
    heights = [leading + 2 * PAD] * len(grid.header)
    for r, spans in enumerate(grid.header):
        for s in spans:
            need = len(wrapped[(r, s.column)]) * leading + 2 * PAD
            if s.height == 1:
                heights[r] = max(heights[r], need)
    ys = [page.y]
    for height in heights:
        ys.append(ys[-1] - height)
    c = page.canvas
    for r, spans in enumerate(grid.header):
        for s in spans:
            x0, x1, top, bottom = xs[s.column], xs[s.column + s.width], ys[r], ys[r + s.height]
            lines = wrapped[(r, s.column)]
            block = len(lines) * leading
            _cell(
                page, [line for line in lines if line], x0, x1, top - (top - bottom - block - 2 * PAD) / 2, size, False
            )
            c.line(x0, top, x1, top)
            c.line(x0, bottom, x1, bottom)
            c.line(x0, top, x0, bottom)
            c.line(x1, top, x1, bottom)
    page.y = ys[-1]
    page.fresh = False


def draw_grid(page: _Page, grid: Grid) -> None:
    """The grid on pages of its own, its header repeated on every page it runs onto."""
    landscape, size, widths = _fit(page, grid)
    if landscape != (page.size[0] > page.size[1]):
        page.new_page(landscape)
    xs = [MARGIN]
    for width in widths:
        xs.append(xs[-1] + width)
    leading = size * 1.25
    _draw_header(page, grid, xs, size)
    c = page.canvas
    for row in grid.body:
        cells = [
            page.wrap(text, xs[i + 1] - xs[i] - 2 * PAD, size) if text and not is_amount_text(text) else [text]
            for i, text in enumerate(row)
        ]
        height = max(len(lines) for lines in cells) * leading + 2 * PAD
        if page.y - height < MARGIN:
            page.new_page(landscape)
            _draw_header(page, grid, xs, size)
        top, bottom = page.y, page.y - height
        for i, lines in enumerate(cells):
            if lines != [""]:
                _cell(page, lines, xs[i], xs[i + 1], top, size, is_amount_text(row[i]))
        c.line(xs[0], bottom, xs[-1], bottom)
        for x in xs:
            c.line(x, top, x, bottom)
        page.y = bottom
    page.y -= 2 * size


def render_pdf(sheet: Sheet) -> bytes:
    """The sheet as a PDF: the title on the first page, then each table from a page of its own."""
    page = _Page(sheet.title)
    page.new_page()
    for index, block in enumerate(sheet.blocks):
        if isinstance(block, Grid):
            draw_grid(page, block)
        elif isinstance(block, Heading):
            if block.level == 2:  # a table's title: a page of its own, turned as its table needs
                grid = next((b for b in sheet.blocks[index:] if isinstance(b, Grid)), None)
                page.new_page(grid is not None and _fit(page, grid)[0])
            page.text(block.text, size=16 if block.level == 1 else 12, centre=True)
        elif isinstance(block, Paragraph):
            page.text(block.text)
    return page.save()


@hookimpl
def gongkai_renderers() -> Sequence[Renderer]:
    return [
        Renderer(
            name="pdf",
            render=render_pdf,
            extension=".pdf",
            media_type="application/pdf",
            description="PDF: ruled tables, STSong-Light (reportlab, gongkai[pdf])",
        )
    ]
