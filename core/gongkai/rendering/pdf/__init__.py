"""The ``pdf`` renderer: tables drawn as ruled grids with reportlab (``gongkai[pdf]``).

Text uses STSong-Light, a CJK font every PDF viewer has, so no font file is embedded. A table
gets a page of its own (landscape when it is wide, the type made smaller when it is wider
still); where it runs onto the next page its header is printed again. Long names and headers
wrap inside their cell.

:class:`PdfStyle` draws the same sheet the ways other office software prints disclosures (no
rules, rules between rows only, a header without inner rules, the title inside the table's
frame, page breaks every few rows or before given rows, no header repeated, the figures of
running text set apart in a Latin font as WPS and some Word exporters write them, pages turned
by /Rotate or printed sideways, a running header and page numbers, rules drawn as rectangles,
total rows in fake bold); the registered renderer uses the default style.
:mod:`gongkai.testing.layouts` prints generated documents in these styles.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Optional

from ...hookspecs import hookimpl
from ...registrations import Renderer
from ...titles import number_line
from ..sheet import Block, Grid, Heading, Paragraph, Sheet
from .grid import draw_grid, fit, framed
from .page import Page
from .style import DIGIT_FONTS, FONT, HEADER_RULES, MAX_RISE, ROTATIONS, RULES, PdfStyle, figure_runs

__all__ = [
    "DIGIT_FONTS",
    "FONT",
    "HEADER_RULES",
    "MAX_RISE",
    "ROTATIONS",
    "RULES",
    "PdfStyle",
    "figure_runs",
    "gongkai_renderers",
    "render_pdf",
]


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
    page = Page(sheet.title, style)
    page.new_page()
    in_frame: list[str] = []  # the title and the lines under it, to print in the next grid's frame
    for index, block in enumerate(sheet.blocks):
        if _starts_table(sheet.blocks, index):
            # a table's page, turned as its table needs
            grid = _next_grid(sheet.blocks[index:])
            page.new_page(grid is not None and fit(page, grid, style)[0])
        if isinstance(block, Grid):
            draw_grid(page, framed(block, in_frame) if in_frame else block, min(len(in_frame), 2))
            in_frame = []
        elif (
            isinstance(block, Heading)
            and block.level == 2
            and style.title_in_frame
            and _next_grid(sheet.blocks[index:])
        ):
            in_frame = [block.text]
        elif isinstance(block, Heading):
            page.text(block.text, size=16 if block.level == 1 else 12, centre=True)
        elif isinstance(block, Paragraph) and in_frame and not number_line(block.text):
            in_frame.append(block.text)  # the publisher and the unit: a row of the frame too
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
