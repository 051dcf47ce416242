"""How the PDF renderer draws a sheet: :class:`PdfStyle`, and the measures every style shares."""

from __future__ import annotations

import re
from typing import Optional

import attrs

from ...amounts import NOT_APPLICABLE_MARKS
from ...segment import is_amount_text

FONT = "STSong-Light"
SIZE = 9.0
MIN_SIZE = 5.0
PAD = 3.0
MARGIN = 36.0
LABEL_WIDTH = 110.0  # names wider than this wrap inside their cell
HEADER_WIDTH = 60.0  # header words wider than this wrap
GAP = 2.5 * SIZE  # the white space between columns that are not ruled apart
BOLD_OFFSET = 0.3  # fake bold: the same glyphs drawn again this far to the right

RULES = ("grid", "rows", "none")
HEADER_RULES = ("all", "outer")
#: How pages are turned: not at all; each page turned by /Rotate 90 (its content drawn turned so
#: that it reads upright in a viewer); the print turned sideways on paper that is not.
ROTATIONS = ("none", "page", "sideways")
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
    ``rows_per_page``: a page break after that many body rows (None: only where a page is full);
    ``breaks``: a page break before each of these body rows (counted from 0) of every table.
    ``landscape``: True or False to force the orientation (None: as the table's width needs).
    ``label_width``: names wider than this (points at 9 pt) wrap inside their cell.
    ``title_in_frame``: the table's title printed as the top row of its ruled frame, spanning
    every column, instead of above it.
    ``digits_apart``: running text (paragraphs) written as WPS and some Word exporters write it:
    each figure a text object of its own in the Latin ``digit_font``, half a point larger than
    the words, its baseline ``digit_rise`` points higher (negative: lower), drawn after all the
    words of its page at its place in the line.
    ``rotation``: one of :data:`ROTATIONS`. ``furniture``: the document's title as a running
    header above, and a page number below, every page. ``rects``: rules drawn as thin filled
    rectangles (as Excel prints them) rather than lines. ``bold_totals``: total rows (合计, 总计)
    in fake bold, every glyph drawn twice a fraction of a point apart.
    """

    rules: str = attrs.field(default="grid", validator=attrs.validators.in_(RULES))
    header_rules: str = attrs.field(default="all", validator=attrs.validators.in_(HEADER_RULES))
    repeat_header: bool = True
    rows_per_page: Optional[int] = None
    breaks: tuple[int, ...] = ()
    landscape: Optional[bool] = None
    label_width: float = LABEL_WIDTH
    title_in_frame: bool = False
    digits_apart: bool = False
    digit_font: str = attrs.field(default=DIGIT_FONTS[0], validator=attrs.validators.in_(DIGIT_FONTS))
    digit_rise: float = attrs.field(
        default=0.0, validator=[attrs.validators.ge(-MAX_RISE), attrs.validators.le(MAX_RISE)]
    )
    rotation: str = attrs.field(default="none", validator=attrs.validators.in_(ROTATIONS))
    furniture: bool = False
    rects: bool = False
    bold_totals: bool = False

    def breaks_before(self, index: int) -> bool:
        """True if body row ``index`` (from 0) of a table starts a new page by the style."""
        if index == 0:
            return False
        every = self.rows_per_page
        return (bool(every) and index % (every or 1) == 0) or index in self.breaks


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


def is_figure(text: str) -> bool:
    """True for what an amount column prints: an amount, or a dash for "not applicable"
    (printed flush right like the amounts, never wrapped)."""
    return is_amount_text(text) or text.strip() in NOT_APPLICABLE_MARKS


def is_unbroken(text: str) -> bool:
    """True for what is never wrapped inside its cell: a figure, or a classification code (a
    number breaks over lines in no office software)."""
    return is_figure(text) or (text.isascii() and text.isdigit())
