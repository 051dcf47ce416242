"""Glyphs grouped into printed lines, and lines cut into segments at wide gaps."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

import attrs

from .. import settings
from .glyphs import is_cjk, join
from .interpret import Glyph

# A gap wider than this many glyph sizes separates two segments of a line (two table columns);
# letter-spaced Chinese (因 公 出 国) leaves gaps of about one size.
# An amount followed by a name (or a name by an amount) needs less: they never share a cell.


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
    return TextRow(
        glyphs=tuple(glyphs),
        x0=min(glyph.x0 for glyph in glyphs),
        top=min(glyph.top for glyph in glyphs),
        x1=max(glyph.x1 for glyph in glyphs),
        bottom=max(glyph.bottom for glyph in glyphs),
    )


def group_rows(glyphs: Sequence[Glyph]) -> list[TextRow]:
    """Glyphs grouped into lines, top to bottom: a glyph joins a line when its vertical middle
    lies within the middle half of the line's height."""
    rows: list[list[Glyph]] = []
    bounds: list[tuple[float, float]] = []
    for glyph in sorted(glyphs, key=lambda g: ((g.top + g.bottom) / 2, g.x0)):
        middle = (glyph.top + glyph.bottom) / 2
        if rows:
            top, bottom = bounds[-1]
            quarter = (bottom - top) / 4
            if top + quarter <= middle <= bottom - quarter or abs(middle - (top + bottom) / 2) < glyph.size / 4:
                rows[-1].append(glyph)
                bounds[-1] = (min(top, glyph.top), max(bottom, glyph.bottom))
                continue
        rows.append([glyph])
        bounds.append((glyph.top, glyph.bottom))
    return [row_of(sorted(row, key=lambda g: g.x0)) for row in rows]
