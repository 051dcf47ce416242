"""A grid drawn on PDF pages: its orientation, type size and column widths fitted to the page,
its header cells centred in their spans, its body rows flush left (names, wrapped in their cell)
and flush right (figures), ruled as the style says."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ..sheet import Grid, Span
from .page import A4_LONG, A4_SHORT, Page
from .style import GAP, HEADER_WIDTH, MARGIN, MIN_SIZE, PAD, SIZE, PdfStyle, is_figure, is_unbroken

_PORTRAIT, _LANDSCAPE = A4_SHORT - 2 * MARGIN, A4_LONG - 2 * MARGIN


def _column_widths(page: Page, grid: Grid, size: float, style: PdfStyle) -> list[float]:
    widths = [0.0] * grid.width
    for row in grid.body:
        for c, text in enumerate(row):
            limit = style.label_width if text and not is_unbroken(text) else 1e9
            widths[c] = max(widths[c], min(page.width_of(text, size), limit * size / SIZE))
    for spans in grid.header:
        for span in spans:
            if span.width == 1:
                limit = HEADER_WIDTH * size / SIZE
                widths[span.column] = max(widths[span.column], min(page.width_of(span.text, size), limit))
    # without vertical rules only white space tells the columns apart
    gap = 0.0 if style.rules == "grid" else GAP * size / SIZE
    return [w + 2 * PAD + gap for w in widths]


def _unbroken_columns(grid: Grid) -> list[bool]:
    return [all(is_unbroken(row[c]) or not row[c] for row in grid.body) for c in range(grid.width)]


def fit(page: Page, grid: Grid, style: PdfStyle) -> tuple[bool, float, list[float]]:
    """Orientation, type size and column widths that fit the grid across the page. A table
    whose figures do not fit across a portrait page even in the smallest type is printed
    landscape, whatever the style forces (as producers turn such a page)."""
    landscape = _LANDSCAPE
    widths = _column_widths(page, grid, SIZE, style)
    if sum(widths) <= _PORTRAIT and not style.landscape:
        return False, SIZE, widths
    if style.landscape is False:
        smallest = _column_widths(page, grid, MIN_SIZE, style)
        if sum(w for w, figure in zip(smallest, _unbroken_columns(grid)) if figure) < 0.8 * _PORTRAIT:
            landscape = _PORTRAIT
        else:
            style = attrs.evolve(style, landscape=None)
    size = SIZE
    while size > MIN_SIZE and sum(widths) > landscape:
        size -= 0.5
        widths = _column_widths(page, grid, size, style)
    if sum(widths) > landscape:  # still too wide: squeeze the names, which wrap more; figures never wrap
        figures = _unbroken_columns(grid)
        fixed = sum(w for w, figure in zip(widths, figures) if figure)
        names = sum(widths) - fixed
        if names and fixed < landscape:
            widths = [w if figure else w * (landscape - fixed) / names for w, figure in zip(widths, figures)]
        else:
            widths = [w * landscape / sum(widths) for w in widths]
    return style.landscape is not False, size, widths


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


def _header_rows(page: Page, grid: Grid, xs: list[float], size: float) -> tuple[dict, list[float]]:
    """Each header span's lines, wrapped to its width, and the tops of the header rows (and the
    bottom of the last)."""
    leading = size * 1.25
    gap = 0.0 if page.style.rules == "grid" else GAP * size / SIZE  # white space kept between columns
    wrapped = {
        (r, s.column): page.wrap(s.text, xs[s.column + s.width] - xs[s.column] - 2 * PAD - gap, size)
        for r, spans in enumerate(grid.header)
        for s in spans
    }
    heights = [leading + 2 * PAD] * len(grid.header)
    for r, spans in enumerate(grid.header):
        for s in spans:
            if s.height == 1:
                heights[r] = max(heights[r], len(wrapped[(r, s.column)]) * leading + 2 * PAD)
    ys = [page.y]
    for height in heights:
        ys.append(ys[-1] - height)
    return wrapped, ys


def draw_header(page: Page, grid: Grid, xs: list[float], size: float, captions: int = 0) -> None:
    """The grid's header rows from the page's position, each span's words centred in it; the
    first ``captions`` rows are a title printed in the frame."""
    wrapped, ys = _header_rows(page, grid, xs, size)
    leading = size * 1.25
    for r, spans in enumerate(grid.header):
        for s in spans:
            x0, x1, top, bottom = xs[s.column], xs[s.column + s.width], ys[r], ys[r + s.height]
            lines = wrapped[(r, s.column)]
            middle = top - (top - bottom - len(lines) * leading - 2 * PAD) / 2
            page.cell([line for line in lines if line], x0, x1, middle, size, align="centre")
            above, below, left, right = _header_rules(grid, page.style, r, s, captions)
            if above:
                page.rule(x0, top, x1, top)
            if below:
                page.rule(x0, bottom, x1, bottom)
            if left:
                page.rule(x0, top, x0, bottom)
            if right:
                page.rule(x1, top, x1, bottom)
    page.y = ys[-1]
    page.fresh = False


def framed(grid: Grid, lines: Sequence[str]) -> Grid:
    """``grid`` with its title as the top row of its header, spanning every column, and the
    lines printed under the title (publisher, unit) as one row under it. A title broken over
    two lines is printed on one here: a line break drawn inside a string is a control code, which
    readers tell apart differently (pdfminer leaves it out, PDFium draws a blank glyph)."""
    rows = [(Span(lines[0].replace("\n", ""), 0, grid.width),)]
    if len(lines) > 1:
        rows.append((Span("    ".join(lines[1:]), 0, grid.width),))
    return attrs.evolve(grid, header=(*rows, *grid.header))


def _columns_at(page: Page, grid: Grid, title_rows: int) -> tuple[bool, float, list[float]]:
    """The grid's orientation, type size and column edges from the left margin; a narrow table
    is widened to a title printed in its frame (one line, as far as it goes)."""
    landscape, size, widths = fit(page, grid, page.style)
    if title_rows:
        available = (A4_LONG if landscape else A4_SHORT) - 2 * MARGIN
        gap = 0.0 if page.style.rules == "grid" else GAP * size / SIZE  # as the header's words are wrapped
        need = max(page.width_of(s.text, size) for spans in grid.header[:title_rows] for s in spans) + 2 * PAD + gap
        if sum(widths) < min(need, available):
            widths = [w * min(need, available) / sum(widths) for w in widths]
    xs = [MARGIN]
    for width in widths:
        xs.append(xs[-1] + width)
    return landscape, size, xs


def draw_grid(page: Page, grid: Grid, title_rows: int = 0) -> None:
    """The grid from a page of its own, its header repeated on every page it runs onto (as the
    page's style says) but for its first ``title_rows`` rows (a title printed in the frame)."""
    style = page.style
    landscape, size, xs = _columns_at(page, grid, title_rows)
    if landscape != (page.size[0] > page.size[1]):
        page.new_page(landscape)
    leading = size * 1.25
    # without vertical rules, white space on both sides of every cell keeps the columns apart
    inset = PAD if style.rules == "grid" else PAD + GAP * size / SIZE / 2
    draw_header(page, grid, xs, size, title_rows)
    for index, row in enumerate(grid.body):
        cells = [
            page.wrap(text, xs[i + 1] - xs[i] - 2 * inset, size) if text and not is_unbroken(text) else [text]
            for i, text in enumerate(row)
        ]
        height = max(len(lines) for lines in cells) * leading + 2 * PAD
        if style.breaks_before(index) or page.y - height < MARGIN:
            page.new_page(landscape)
            if style.repeat_header:
                draw_header(page, attrs.evolve(grid, header=grid.header[title_rows:]), xs, size)
        top, bottom = page.y, page.y - height
        bold = style.bold_totals and grid.is_total(index)
        for i, lines in enumerate(cells):
            if lines != [""]:
                align = "right" if is_figure(row[i]) else "left"
                page.cell(lines, xs[i], xs[i + 1], top, size, align, inset=inset, bold=bold)
        page.fresh = False
        if style.rules != "none":
            page.rule(xs[0], bottom, xs[-1], bottom)
        if style.rules == "grid":
            for x in xs:
                page.rule(x, top, x, bottom)
        page.y = bottom
    page.y -= 2 * size
