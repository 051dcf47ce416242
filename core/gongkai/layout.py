"""The intermediate layout every reader produces: numbered lines of cells, with pages if known.

Segmentation, region plugins and checks only ever see a :class:`Layout`, so a new input format
needs nothing but a reader that produces one.
"""

from __future__ import annotations

import enum
from typing import Optional

import attrs

Box = tuple[float, float, float, float]


class LineKind(str, enum.Enum):
    """What a reader knows about a line.

    Example::

        >>> from gongkai.plugin import LineKind
        >>> LineKind("cells") is LineKind.CELLS, LineKind.HEADING.value
        (True, 'heading')
    """

    TEXT = "text"  # running text, or a table line whose columns are separated only by spaces
    CELLS = "cells"  # a table line whose cells the format delimits (tabs, pipes, <td>)
    HEADING = "heading"  # a heading the format marks as one (markdown #, <h2>)
    PAGE_NUMBER = "page_number"  # a page number printed on a line of its own
    FURNITURE = "furniture"  # a running header or footer repeated on the pages


@attrs.frozen
class Line:
    """One line of the source: its 1-based number, kind, cells (one cell for text) and page.

    ``boxes`` is empty, or holds the printed box of each cell (x0, top, x1, bottom in points from
    the page's top left) for formats that have geometry.

    Example::

        >>> from gongkai.plugin import Line, LineKind
        >>> line = Line(number=12, kind=LineKind.CELLS, cells=("201", " 一般公共服务支出 ", ""), page=2)
        >>> line.filled, line.blank, line.box(0)
        (['201', '一般公共服务支出'], False, None)
    """

    number: int
    kind: LineKind
    cells: tuple[str, ...]
    page: Optional[int] = None
    boxes: tuple[Optional[Box], ...] = ()

    def box(self, position: int) -> Optional[Box]:
        """The box of the cell at ``position``, or None when the format has no geometry."""
        return self.boxes[position] if 0 <= position < len(self.boxes) else None

    @property
    def text(self) -> str:
        """The line's text: cells joined by a tab (a text line's own text, spaces kept)."""
        return "\t".join(self.cells)

    @property
    def blank(self) -> bool:
        """True if the line holds nothing but white space."""
        return not "".join(self.cells).strip()

    @property
    def filled(self) -> list[str]:
        """The non-blank cells, stripped."""
        return [cell.strip() for cell in self.cells if cell.strip()]


@attrs.frozen
class Layout:
    """A document as a reader saw it: its format, its lines, and how many pages it has.

    Example::

        >>> from gongkai.plugin import Layout, Line, LineKind
        >>> title = Line(number=1, kind=LineKind.HEADING, cells=("2023年部门决算",))
        >>> layout = Layout(source="a.md", format="markdown", lines=(title,))
        >>> [line.text for line in layout.lines], layout.pages
        (['2023年部门决算'], None)
    """

    source: str
    format: str
    lines: tuple[Line, ...]
    pages: Optional[int] = None
