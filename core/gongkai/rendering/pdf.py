"""The ``pdf`` renderer: tables drawn as ruled grids with reportlab (``gongkai[pdf]``).

Text uses STSong-Light, a CJK font every PDF viewer has, so no font file is embedded. A table
gets a page of its own (landscape when it is wide, the type made smaller when it is wider
still); where it runs onto the next page its header is printed again. Long names and headers
wrap inside their cell.

:class:`PdfStyle` draws the same sheet the ways other office software prints disclosures (no
rules, rules between rows only, a header without inner rules, the title inside the table's
frame, a page break every few rows, no header repeated, the figures of running text set apart
in a Latin font as WPS and some Word exporters write them); the registered renderer uses the
default style. :mod:`gongkai.testing.layouts` prints generated documents in these styles.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import Any, Optional

import attrs

from ..amounts import NOT_APPLICABLE_MARKS
from ..errors import MissingExtraError
from ..hookspecs import hookimpl
from ..registrations import Renderer
from ..segment import is_amount_text
from ..titles import number_line
from .sheet import Block, Grid, Heading, Paragraph, Sheet, Span

FONT = "STSong-Light"
SIZE = 9.0
MIN_SIZE = 5.0
PAD = 3.0
MARGIN = 36.0
LABEL_WIDTH = 110.0  # names wider than this wrap inside their cell
HEADER_WIDTH = 60.0  # header words wider than this wrap
_UNBROKEN = re.compile(r"[0-9A-Za-z.,%％]+|.", re.S)  # a number or Latin word is not broken over lines
GAP = 2.5 * SIZE  # the white space between columns that are not ruled apart

RULES = ("grid", "rows", "none")
HEADER_RULES = ("all", "outer")
# The Latin fonts office software sets the figures of Chinese running text in.
DIGIT_FONTS = ("Helvetica", "Times-Roman")
DIGIT_GROWTH = 0.5  # the figures' font is set this much larger than the words'
MAX_RISE = 2.0  # the two fonts' baselines differ by at most this (their ascents and descents)
# A figure of running text: ASCII digits with the separators and point inside them and a
# percent sign after them.
_FIGURE = re.compile(r"[0-9](?:[0-9,.]*[0-9])?%?")


@attrs.frozen(kw_only=True)
class PdfStyle:
    """How the tables of a sheet are drawn.

    ``rules``: "grid" (every cell ruled), "rows" (rules between rows only, no vertical rules) or
    "none" (columns told apart by white space only). ``header_rules``: "all" or "outer" (the
    header's frame only, no rule between its cells). ``repeat_header``: the header printed
    again on every page a table runs onto.
    ``rows_per_page``: a page break after that many body rows (None: only where a page is full).
    ``landscape``: True or False to force the orientation (None: as the table's width needs).
    ``label_width``: names wider than this (points at 9 pt) wrap inside their cell.
    ``title_in_frame``: the table's title printed as the top row of its ruled frame, spanning
    every column, instead of above it.
    ``digits_apart``: running text (paragraphs) written as WPS and some Word exporters write it:
    each figure a text object of its own in the Latin ``digit_font``, half a point larger than
    the words, its baseline ``digit_rise`` points higher (negative: lower), drawn after all the
    words of its page at its place in the line.
    """

    rules: str = attrs.field(default="grid", validator=attrs.validators.in_(RULES))
    header_rules: str = attrs.field(default="all", validator=attrs.validators.in_(HEADER_RULES))
    repeat_header: bool = True
    rows_per_page: Optional[int] = None
    landscape: Optional[bool] = None
    label_width: float = LABEL_WIDTH
    title_in_frame: bool = False
    digits_apart: bool = False
    digit_font: str = attrs.field(default=DIGIT_FONTS[0], validator=attrs.validators.in_(DIGIT_FONTS))
    digit_rise: float = attrs.field(
        default=0.0, validator=[attrs.validators.ge(-MAX_RISE), attrs.validators.le(MAX_RISE)]
    )


def figure_runs(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into its runs of words and of figures, in order; each run's flag is True for
    a figure (ASCII digits with the separators inside them and a percent sign after them)."""
    runs: list[tuple[str, bool]] = []
    start = 0
    for found in _FIGURE.finditer(text):
        if found.start() > start:
            runs.append((text[start : found.start()], False))
        runs.append((found.group(0), True))
        start = found.end()
    if start < len(text):
        runs.append((text[start:], False))
    return runs


def _is_figure(text: str) -> bool:
    """True for what an amount column prints: an amount, or a dash for "not applicable"
    (printed flush right like the amounts, never wrapped)."""
    return is_amount_text(text) or text.strip() in NOT_APPLICABLE_MARKS


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
    """A canvas and the position on its current page; figure runs of running text printed
    apart (as the style says) wait in ``later`` until the page's words are drawn."""

    def __init__(self, title: str, style: PdfStyle = PdfStyle()) -> None:
        self.metrics = _reportlab()  # first: it says which extra to install when reportlab is missing
        from reportlab.lib.pagesizes import A4
        from reportlab.pdfgen.canvas import Canvas

        self.buffer = io.BytesIO()
        self.canvas = Canvas(self.buffer, pagesize=A4, pageCompression=1)
        self.canvas.setTitle(title)
        self.size = A4
        self.y = A4[1] - MARGIN
        self.fresh = True
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
        self.draw_later()
        if not self.fresh:
            self.canvas.showPage()
        self.fresh = True
        width, height = 841.89, 595.28
        self.size = (width, height) if landscape else (height, width)
        self.canvas.setPageSize(self.size)
        self.y = self.size[1] - MARGIN

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

    def save(self) -> bytes:
        self.draw_later()
        self.canvas.showPage()
        self.canvas.save()
        return self.buffer.getvalue()


def _column_widths(page: _Page, grid: Grid, size: float, style: PdfStyle) -> list[float]:
    widths = [0.0] * grid.width
    for row in grid.body:
        for c, text in enumerate(row):
            limit = style.label_width if text and not _is_figure(text) else 1e9
            widths[c] = max(widths[c], min(page.width_of(text, size), limit * size / SIZE))
    for spans in grid.header:
        for span in spans:
            if span.width == 1:
                limit = HEADER_WIDTH * size / SIZE
                widths[span.column] = max(widths[span.column], min(page.width_of(span.text, size), limit))
    # without vertical rules only white space tells the columns apart
    gap = 0.0 if style.rules == "grid" else GAP * size / SIZE
    return [w + 2 * PAD + gap for w in widths]


def _fit(page: _Page, grid: Grid, style: PdfStyle) -> tuple[bool, float, list[float]]:
    """Orientation, type size and column widths that fit the grid across the page. A table
    whose figures do not fit across a portrait page even in the smallest type is printed
    landscape, whatever the style forces (as producers turn such a page)."""
    portrait, landscape = 595.28 - 2 * MARGIN, 841.89 - 2 * MARGIN
    widths = _column_widths(page, grid, SIZE, style)
    if sum(widths) <= portrait and not style.landscape:
        return False, SIZE, widths
    if style.landscape is False:
        figures = [all(_is_figure(row[c]) or not row[c] for row in grid.body) for c in range(grid.width)]
        smallest = _column_widths(page, grid, MIN_SIZE, style)
        if sum(w for w, figure in zip(smallest, figures) if figure) < 0.8 * portrait:
            landscape = portrait
        else:
            style = attrs.evolve(style, landscape=None)
    size = SIZE
    while size > MIN_SIZE and sum(widths) > landscape:
        size -= 0.5
        widths = _column_widths(page, grid, size, style)
    if sum(widths) > landscape:  # still too wide: squeeze the names, which wrap more; figures never wrap
        figures = [all(_is_figure(row[c]) or not row[c] for row in grid.body) for c in range(grid.width)]
        fixed = sum(w for w, figure in zip(widths, figures) if figure)
        names = sum(widths) - fixed
        if names and fixed < landscape:
            widths = [w if figure else w * (landscape - fixed) / names for w, figure in zip(widths, figures)]
        else:
            widths = [w * landscape / sum(widths) for w in widths]
    return style.landscape is not False, size, widths


def _cell(
    page: _Page,
    lines: Sequence[str],
    x0: float,
    x1: float,
    top: float,
    size: float,
    right: bool,
    centre: bool = False,
    inset: float = PAD,
) -> None:
    """``lines`` in the cell from ``x0`` to ``x1`` below ``top``: flush right, centred or flush
    left, ``inset`` from the cell's side."""
    page.canvas.setFont(FONT, size)
    y = top - PAD - size
    for line in lines:
        if centre:
            x = (x0 + x1 - page.width_of(line, size)) / 2
        else:
            x = x1 - inset - page.width_of(line, size) if right else x0 + inset
        page.canvas.drawString(x, y, line)
        y -= size * 1.25


def _header_rules(grid: Grid, style: PdfStyle, r: int, span: Span, captions: int) -> tuple[bool, bool, bool, bool]:
    """Which of a header cell's rules are drawn: top, bottom, left, right. The first
    ``captions`` rows (a title in the frame) are ruled all round; an "outer" header only along
    its frame, below them."""
    if style.rules == "none":
        return False, False, False, False
    vertical = style.rules == "grid"
    if style.header_rules == "outer" and r >= captions:
        last = r + span.height == len(grid.header)
        return r == captions, last, vertical and span.column == 0, vertical and span.column + span.width == grid.width
    return True, True, vertical, vertical


def _draw_header(page: _Page, grid: Grid, xs: list[float], size: float, style: PdfStyle, captions: int = 0) -> None:
    leading = size * 1.25
    gap = 0.0 if style.rules == "grid" else GAP * size / SIZE  # white space kept between columns
    wrapped = {
        (r, s.column): page.wrap(s.text, xs[s.column + s.width] - xs[s.column] - 2 * PAD - gap, size)
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
                page,
                [line for line in lines if line],
                x0,
                x1,
                top - (top - bottom - block - 2 * PAD) / 2,
                size,
                right=False,
                centre=True,
            )
            above, below, left, right = _header_rules(grid, style, r, s, captions)
            if above:
                c.line(x0, top, x1, top)
            if below:
                c.line(x0, bottom, x1, bottom)
            if left:
                c.line(x0, top, x0, bottom)
            if right:
                c.line(x1, top, x1, bottom)
    page.y = ys[-1]
    page.fresh = False


def _framed(grid: Grid, lines: Sequence[str]) -> Grid:
    """``grid`` with its title as the top row of its header, spanning every column, and the
    lines printed under the title (publisher, unit) as one row under it."""
    rows = [(Span(lines[0], 0, grid.width),)]
    if len(lines) > 1:
        rows.append((Span("    ".join(lines[1:]), 0, grid.width),))
    return attrs.evolve(grid, header=(*rows, *grid.header))


def draw_grid(page: _Page, grid: Grid, style: PdfStyle = PdfStyle(), title_rows: int = 0) -> None:
    """The grid from a page of its own, its header repeated on every page it runs onto (as the
    style says) but for its first ``title_rows`` rows (a title printed in the frame)."""
    landscape, size, widths = _fit(page, grid, style)
    if title_rows:
        # a narrow table is widened to the title printed in its frame (one line, as far as it goes)
        available = (841.89 if landscape else 595.28) - 2 * MARGIN
        need = max(page.width_of(s.text, size) for spans in grid.header[:title_rows] for s in spans) + 2 * PAD
        if sum(widths) < min(need, available):
            widths = [w * min(need, available) / sum(widths) for w in widths]
    if landscape != (page.size[0] > page.size[1]):
        page.new_page(landscape)
    xs = [MARGIN]
    for width in widths:
        xs.append(xs[-1] + width)
    leading = size * 1.25
    # without vertical rules, white space on both sides of every cell keeps the columns apart
    inset = PAD if style.rules == "grid" else PAD + GAP * size / SIZE / 2
    _draw_header(page, grid, xs, size, style, title_rows)
    c = page.canvas
    for index, row in enumerate(grid.body):
        cells = [
            page.wrap(text, xs[i + 1] - xs[i] - 2 * inset, size) if text and not _is_figure(text) else [text]
            for i, text in enumerate(row)
        ]
        height = max(len(lines) for lines in cells) * leading + 2 * PAD
        cut = bool(style.rows_per_page) and index > 0 and index % (style.rows_per_page or 1) == 0
        if cut or page.y - height < MARGIN:
            page.new_page(landscape)
            if style.repeat_header:
                _draw_header(page, attrs.evolve(grid, header=grid.header[title_rows:]), xs, size, style)
        top, bottom = page.y, page.y - height
        for i, lines in enumerate(cells):
            if lines != [""]:
                _cell(page, lines, xs[i], xs[i + 1], top, size, _is_figure(row[i]), inset=inset)
        page.fresh = False
        if style.rules != "none":
            c.line(xs[0], bottom, xs[-1], bottom)
        if style.rules == "grid":
            for x in xs:
                c.line(x, top, x, bottom)
        page.y = bottom
    page.y -= 2 * size


def _next_grid(blocks: Sequence[Block]) -> Optional[Grid]:
    """The grid of the table whose title (or what leads in to it) starts ``blocks``; None when
    another title or the document's title comes first."""
    titles = 0
    for block in blocks:
        if isinstance(block, Grid):
            return block
        if isinstance(block, Heading) and block.level <= 2:
            titles += 1
            if titles > 1 or block.level == 1:
                return None
    return None


def _leads_in(block: Block) -> bool:
    """True for what is printed directly above a table's title, on its page: a section heading
    or the table's number alone on its line."""
    if isinstance(block, Heading):
        return block.level == 3
    return isinstance(block, Paragraph) and number_line(block.text) is not None


def _starts_table(blocks: Sequence[Block], index: int) -> bool:
    """True if ``blocks[index]`` is the first block of a table's page: its title, or what leads
    in to its title."""
    block = blocks[index]
    if index and _leads_in(blocks[index - 1]) and (isinstance(block, Heading) or _leads_in(block)):
        return False  # the page started above it
    for following in blocks[index:]:
        if isinstance(following, Heading) and following.level == 2:
            return True
        if not _leads_in(following):
            return False
    return False


def render_pdf(sheet: Sheet, style: PdfStyle = PdfStyle()) -> bytes:
    """The sheet as a PDF: the title on the first page, then each table from a page of its own
    (with the section heading and number printed directly above its title, if it has them)."""
    page = _Page(sheet.title, style)
    page.new_page()
    framed: list[str] = []  # the title and the lines under it, to print in the next grid's frame
    for index, block in enumerate(sheet.blocks):
        if _starts_table(sheet.blocks, index):
            # a table's page, turned as its table needs
            grid = _next_grid(sheet.blocks[index:])
            page.new_page(grid is not None and _fit(page, grid, style)[0])
        if isinstance(block, Grid):
            draw_grid(page, _framed(block, framed) if framed else block, style, min(len(framed), 2))
            framed = []
        elif (
            isinstance(block, Heading)
            and block.level == 2
            and style.title_in_frame
            and _next_grid(sheet.blocks[index:])
        ):
            framed = [block.text]
        elif isinstance(block, Heading):
            page.text(block.text, size=16 if block.level == 1 else 12, centre=True)
        elif isinstance(block, Paragraph) and framed and not number_line(block.text):
            framed.append(block.text)  # the publisher and the unit: a row of the frame too
        elif isinstance(block, Paragraph):
            page.running(block.text)
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
