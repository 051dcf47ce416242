"""Glyphs grouped into printed lines, and lines cut into segments at wide gaps."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from typing import Optional

import attrs

from ... import settings
from .content import Glyph
from .glyphs import is_cjk, join

# A gap wider than this many glyph sizes separates two segments of a line (two table columns);
# letter-spaced Chinese (因 公 出 国) leaves gaps of about one size.
# An amount followed by a name (or a name by an amount) needs less: they never share a cell.

# Two extents that share more than this share of the taller one's height are on one line.


def _figure_meets_word(left: Glyph, right: Glyph) -> bool:
    a, b = left.text or "", right.text or ""
    return bool(a and b) and ((a[-1].isdigit() and is_cjk(b[0])) or (is_cjk(a[-1]) and b[0].isdigit()))


@attrs.frozen(slots=False)  # not slotted: its text and segments are worked out once, when first asked
class TextRow:
    """Glyphs printed on one line, left to right, with their common box."""

    glyphs: tuple[Glyph, ...]
    x0: float
    top: float
    x1: float
    bottom: float

    @cached_property
    def text(self) -> str:
        return join(self.glyphs)

    @property
    def size(self) -> float:
        return max(glyph.size for glyph in self.glyphs)

    @cached_property
    def segments(self) -> list[TextRow]:
        """The row cut wherever the space between two glyphs is wider than segment_gap sizes
        (less between a figure and a Chinese character)."""
        segment_gap = settings.current().segment_gap
        figure_gap = settings.current().figure_gap
        pieces: list[list[Glyph]] = [[]]
        previous: Glyph | None = None
        for glyph in self.glyphs:
            if previous is not None:
                space = glyph.x0 - previous.x1
                size = max(glyph.size, previous.size)
                if space > segment_gap * size or (space > figure_gap * size and _figure_meets_word(previous, glyph)):
                    pieces.append([])
            if glyph.text and not glyph.text.isspace():
                pieces[-1].append(glyph)
                previous = glyph
        return [row_of(piece) for piece in pieces if piece]


def row_of(glyphs: Sequence[Glyph]) -> TextRow:
    """A row of ``glyphs`` (already in left-to-right order)."""
    first = glyphs[0]
    x0, top, x1, bottom = first.x0, first.top, first.x1, first.bottom
    for glyph in glyphs:  # one pass, as min and max would take them
        if glyph.x0 < x0:
            x0 = glyph.x0
        if glyph.top < top:
            top = glyph.top
        if glyph.x1 > x1:
            x1 = glyph.x1
        if glyph.bottom > bottom:
            bottom = glyph.bottom
    return TextRow(glyphs=tuple(glyphs), x0=x0, top=top, x1=x1, bottom=bottom)


def _middle_band(glyph: Glyph, top: float, bottom: float, core: float) -> bool:
    """True if ``glyph``'s vertical middle lies within the middle half (``core``) of the line
    from ``top`` to ``bottom`` (or near its middle, for a glyph much larger than the line so far)."""
    middle = (glyph.top + glyph.bottom) / 2
    inset = (bottom - top) * core
    return top + inset <= middle <= bottom - inset or abs(middle - (top + bottom) / 2) < glyph.size * core


def _shares_height(a: TextRow, b: TextRow) -> bool:
    """True if the vertical extents of ``a`` and ``b`` share more than half the taller one's
    height: a figure set in another font sits a point or two off the words' baseline, while
    neighbouring lines (even a wrapped name's lines beside the amount centred between them)
    never share half their height."""
    shared = min(a.bottom, b.bottom) - max(a.top, b.top)
    return shared > settings.current().line_share * max(a.bottom - a.top, b.bottom - b.top)


def _side_by_side(a: TextRow, b: TextRow) -> bool:
    """True if ``a`` and ``b`` stand among or beside each other's glyphs, no further apart than
    the gap inside one cell: two fields printed at either end of a line stay apart."""
    gap = max(a.x0, b.x0) - min(a.x1, b.x1)
    return gap <= settings.current().segment_gap * max(a.size, b.size)


def _line_of(row: TextRow, rows: Sequence[TextRow]) -> Optional[int]:
    """The index of the row among ``rows`` (top to bottom, those above ``row``) that ``row`` is a
    fragment of: it shares most of its height with it and stands among or beside its glyphs;
    None if there is none."""
    for index in range(len(rows) - 1, -1, -1):
        above = rows[index]
        if above.bottom <= row.top:
            return None  # wholly above it, as are the rows before, near enough
        if _shares_height(above, row) and _side_by_side(above, row):
            return index
    return None


def _fragments(rows: Sequence[TextRow]) -> list[TextRow]:
    """``rows`` (top to bottom) with the fragments of one printed line joined, whatever order
    they were drawn in (figures written as text runs of their own, in another font, on a
    slightly different baseline)."""
    joined: list[TextRow] = []
    for row in rows:
        index = _line_of(row, joined)
        if index is None:
            joined.append(row)
        else:
            joined[index] = row_of(sorted(joined[index].glyphs + row.glyphs, key=lambda g: g.x0))
    return joined


def group_rows(glyphs: Sequence[Glyph]) -> list[TextRow]:
    """Glyphs grouped into printed lines, top to bottom, each left to right: a glyph joins a line
    when its vertical middle lies within the middle half of the line's height; then the
    fragments of one line drawn apart are joined (:func:`_fragments`)."""
    core = settings.current().line_core
    rows: list[list[Glyph]] = []
    top = bottom = 0.0  # the last row's
    for glyph in sorted(glyphs, key=lambda g: ((g.top + g.bottom) / 2, g.x0)):
        if rows and _middle_band(glyph, top, bottom, core):
            rows[-1].append(glyph)
            top, bottom = min(top, glyph.top), max(bottom, glyph.bottom)
            continue
        rows.append([glyph])
        top, bottom = glyph.top, glyph.bottom
    return _fragments([row_of(sorted(row, key=_x0)) for row in rows])


def _x0(glyph: Glyph) -> float:
    return glyph.x0
