"""What a PDF engine hands the reader: each page's size, glyphs, rulings and image count.

This is the seam between the engines that read a PDF (:mod:`.interpret` with pdfminer.six, the
reference; :mod:`.pdfium` with pypdfium2) and everything after them. An engine fills these records
in pdfminer's conventions: page coordinates with the origin at the top left of the page as
displayed (after /Rotate), y down, in points; a glyph's box spans its advance across and its
font's descent up to the type size; rulings come from :func:`rulings`, which both engines call with
the points of each drawn subpath, so that the rules of a page do not depend on the engine.
"""

from __future__ import annotations

import itertools
import math
from typing import Optional

import attrs

from ... import settings

Area = tuple[float, float, float, float]  # x0, y0, x1, y1 in device space (y up)


@attrs.frozen
class Glyph:
    """One printed character in page coordinates (origin top left, y down, points).

    ``text`` is None when the font has no Unicode mapping for the glyph; ``rotation`` is the
    writing direction in degrees (0 upright, 90, 180, 270), counter-clockwise.
    """

    text: Optional[str]
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    rotation: int = 0


@attrs.frozen
class Segment:
    """A straight ruling in page coordinates: horizontal when ``top == bottom``, vertical when
    ``x0 == x1``."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return self.bottom - self.top <= self.x1 - self.x0


@attrs.frozen
class RawPage:
    """What one page printed: its size after /Rotate, its glyphs in drawing order and its rulings."""

    width: float
    height: float
    glyphs: tuple[Glyph, ...]
    segments: tuple[Segment, ...]
    images: int = 0


def writing_rotation(a: float, b: float) -> int:
    """The writing direction (0, 90, 180 or 270 degrees, counter-clockwise) of a text matrix
    whose first row is ``a b``."""
    return round(math.degrees(math.atan2(b, a)) / 90.0) % 4 * 90


def inside(point: tuple[float, float], area: Area) -> bool:
    """True for a point within the clipping ``area`` (a point of slack: clipping paths are drawn
    on the cell borders the text stops at)."""
    x, y = point
    return area[0] - 1 <= x <= area[2] + 1 and area[1] - 1 <= y <= area[3] + 1


def rulings(points: list[tuple[float, float]], straight: bool, width: float, height: float) -> list[Segment]:
    """The rulings a painted subpath draws, from its ``points`` in device space (y up, the
    curves' end points only; ``straight`` is False when it has curves) on a page of ``width`` by
    ``height``: a line or a thin filled rectangle is one segment along its middle; a straight
    shape gives its horizontal and vertical edges, unless it covers most of the page (a
    background or frame); a curved shape gives nothing."""
    thin = settings.current().thin_rule
    slack = settings.current().straight
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    left, right, low, high = min(xs), max(xs), min(ys), max(ys)
    if right - left <= thin or high - low <= thin:
        if right - left <= thin and high - low <= thin:
            return []
        if right - left <= thin:
            mid = (left + right) / 2
            return [Segment(mid, height - high, mid, height - low)]
        mid = height - (low + high) / 2
        return [Segment(left, mid, right, mid)]
    if not straight or (right - left) * (high - low) > settings.current().background_share * width * height:
        return []
    found: list[Segment] = []
    for (xa, ya), (xb, yb) in itertools.pairwise(points):
        if abs(ya - yb) <= slack and abs(xa - xb) > slack:
            y = height - (ya + yb) / 2
            found.append(Segment(min(xa, xb), y, max(xa, xb), y))
        elif abs(xa - xb) <= slack and abs(ya - yb) > slack:
            x = (xa + xb) / 2
            found.append(Segment(x, height - max(ya, yb), x, height - min(ya, yb)))
    return found
