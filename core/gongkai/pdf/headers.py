"""The header of a table without rules, read from the positions of its words.

Without rules only geometry tells a header's cells apart. Two rules follow from how headers are
printed: a header word wrapped onto the next line sits directly under it at line spacing (less
than half a character's height apart), while the next header level is set apart by the cell's
padding; and a header over several columns is centred over the headers printed under it, between
its neighbours. Each header line becomes a row of cells over the table's column bands, a word
over several columns repeated in each, as the lines of a ruled grid's header are.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Optional

import attrs

from ..layout import Box
from .glyphs import is_cjk
from .rows import TextRow


@attrs.frozen
class HeaderWord:
    """A header cell's text (its wrapped lines joined) and its box."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float

    @property
    def middle(self) -> float:
        return (self.x0 + self.x1) / 2

    def box(self) -> Box:
        return (self.x0, self.top, self.x1, self.bottom)


def _join(text: str, more: str) -> str:
    if text and more and not is_cjk(text[-1]) and not is_cjk(more[0]):
        return f"{text} {more}"
    return text + more


def _wraps(upper: HeaderWord, lower: TextRow) -> bool:
    """True if ``lower`` carries on ``upper`` on the next line: at line spacing, under it."""
    gap = lower.top - upper.bottom
    middle = (lower.x0 + lower.x1) / 2
    return -0.2 * lower.size <= gap < 0.5 * lower.size and upper.x0 - lower.size <= middle <= upper.x1 + lower.size


def header_words(rows: Sequence[Sequence[TextRow]]) -> list[list[HeaderWord]]:
    """The words of each header line (given as its segments, left to right); a word wrapped
    onto the next line joined to the line it starts on (the lines it continues on keep their
    other words)."""
    lines: list[list[HeaderWord]] = []
    for row in rows:
        line: list[HeaderWord] = []
        for segment in row:
            above = [(i, j) for i, words in enumerate(lines) for j, word in enumerate(words) if _wraps(word, segment)]
            if above:
                i, j = above[-1]
                word = lines[i][j]
                lines[i][j] = HeaderWord(
                    _join(word.text, segment.text),
                    min(word.x0, segment.x0),
                    word.top,
                    max(word.x1, segment.x1),
                    segment.bottom,
                    word.size,
                )
            else:
                line.append(HeaderWord(segment.text, segment.x0, segment.top, segment.x1, segment.bottom, segment.size))
        lines.append(line)
    return lines


def _spread(
    word: HeaderWord, lines: Sequence[Sequence[HeaderWord]], band_of: Callable[[HeaderWord], int]
) -> Optional[list[int]]:
    """The bands a header over several columns spans: the most columns next to one another whose
    headers, printed under it between the midpoints to its neighbours, it is centred over;
    None when no header under it says so. Only a header with nothing printed
    above it is read so: lower down, its neighbours at its level need not share its line, and
    what it spans is not told apart from what they do."""
    if any(other.bottom <= word.top for words in lines for other in words):
        return None
    beside = [
        other
        for words in lines
        for other in words
        if other is not word and other.top < word.bottom and word.top < other.bottom
    ]
    left = max((other.x1 for other in beside if other.x1 <= word.x0), default=None)
    right = min((other.x0 for other in beside if other.x0 >= word.x1), default=None)
    low = (left + word.x0) / 2 if left is not None else float("-inf")
    high = (right + word.x1) / 2 if right is not None else float("inf")
    under = [
        other
        for words in lines
        for other in words
        if other.top >= word.bottom - 0.2 * word.size and low <= other.middle <= high
    ]
    by_band: dict[int, list[HeaderWord]] = {}
    for other in under:
        by_band.setdefault(band_of(other), []).append(other)
    bands = sorted(by_band)
    best: Optional[list[int]] = None
    for i in range(len(bands)):
        for j in range(i + 1, len(bands)):
            run = bands[i : j + 1]
            if run[-1] - run[0] != j - i:
                break  # a column between them prints no header under this one
            words = [other for band in run for other in by_band[band]]
            left, right = min(other.x0 for other in words), max(other.x1 for other in words)
            centred = abs((left + right) / 2 - word.middle) <= max(word.size, 0.1 * (right - left))
            if centred and (best is None or len(run) > len(best)):
                best = run
    return best


def header_cells(
    rows: Sequence[Sequence[TextRow]],
    bands: Sequence[tuple[float, float]],
    band_of: Callable[[HeaderWord], list[int]],
) -> list[tuple[list[str], list[Optional[Box]], float, float]]:
    """The header lines ``rows`` (each as its segments) as lines of cells over the column
    ``bands`` (left, right): (cells, boxes, top, bottom) per line that prints a word.
    ``band_of`` gives the bands a word stands over when it is not a header over several
    columns."""
    lines = header_words(rows)
    out: list[tuple[list[str], list[Optional[Box]], float, float]] = []
    for row, words in zip(rows, lines):
        if not words:
            continue
        top, bottom = min(s.top for s in row), max(s.bottom for s in row)
        cells: list[str] = [""] * len(bands)
        boxes: list[Optional[Box]] = [(left, top, right, bottom) for left, right in bands]
        for word in words:
            covered = _spread(word, lines, lambda other: band_of(other)[0]) or band_of(word)
            for band in covered:
                cells[band] = _join(cells[band], word.text) if band == covered[0] else cells[covered[0]]
                boxes[band] = word.box()
        out.append((cells, boxes, top, max(word.bottom for word in words)))
    return out
