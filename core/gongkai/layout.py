"""The intermediate layout every reader produces: numbered lines of cells, with pages if known.

Segmentation, region plugins and checks only ever see a :class:`Layout`, so a new input format
needs nothing but a reader that produces one.
"""

from __future__ import annotations

import enum
from typing import Optional

import attrs


class LineKind(str, enum.Enum):
    """What a reader knows about a line."""

    TEXT = "text"  # running text, or a table line whose columns are separated only by spaces
    CELLS = "cells"  # a table line whose cells the format delimits (tabs, pipes, <td>)
    HEADING = "heading"  # a heading the format marks as one (markdown #, <h2>)
    PAGE_NUMBER = "page_number"  # a page number printed on a line of its own


@attrs.frozen
class Line:
    """One line of the source: its 1-based number, kind, cells (one cell for text) and page."""

    number: int
    kind: LineKind
    cells: tuple[str, ...]
    page: Optional[int] = None

    @property
    def text(self) -> str:
        """The line's text: cells joined by a tab (a text line's own text, spaces kept)."""
        return "\t".join(self.cells)

    @property
    def blank(self) -> bool:
        """True if the line holds nothing but white space."""
        return not any(cell.strip() for cell in self.cells)

    @property
    def filled(self) -> list[str]:
        """The non-blank cells, stripped."""
        return [cell.strip() for cell in self.cells if cell.strip()]


@attrs.frozen
class Layout:
    """A document as a reader saw it: its format, its lines, and how many pages it has."""

    source: str
    format: str
    lines: tuple[Line, ...]
    pages: Optional[int] = None
