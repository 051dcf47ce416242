"""A document laid out for printing: headings, paragraphs and tables whose headers span cells.

A :class:`Sheet` is what every renderer prints. It is format-neutral: the region's conventions
(numbering, titles, 行次/栏次, 类/款/项 columns) are already applied, so a renderer for a new
format only decides how a heading, a paragraph and a grid look in that format.
"""

from __future__ import annotations

from typing import Union

import attrs


@attrs.frozen
class Heading:
    """A heading of ``level`` 1 (the document's title) to 3 (a table's section heading).

    Example::

        >>> from gongkai.plugin import Heading
        >>> Heading("一、收入支出决算总表", level=3).level, Heading("部门决算").level
        (3, 2)
    """

    text: str
    level: int = 2


@attrs.frozen
class Paragraph:
    """A line of running text: a table's title, its number and unit lines, a note.

    Example::

        >>> from gongkai.plugin import Paragraph
        >>> Paragraph("单位：万元").text
        '单位：万元'
    """

    text: str


@attrs.frozen
class Span:
    """A header cell covering ``width`` grid columns from ``column`` and ``height`` header rows.

    Example::

        >>> from gongkai.plugin import Span
        >>> spending = Span("本年支出", column=1, width=2)
        >>> spending.column + spending.width, spending.height
        (3, 1)
    """

    text: str
    column: int
    width: int = 1
    height: int = 1


@attrs.frozen
class Grid:
    """A table: header rows of spanning cells over ``width`` columns, then body rows of texts.

    ``header[r]`` holds the spans that start in header row ``r``, left to right; together they
    cover every position once. ``body`` rows are ``width`` texts long; ``totals`` marks the
    rows that are totals (合计, 总计), which some formats print in bold.

    Example::

        >>> from gongkai.plugin import Grid, Span
        >>> header = ((Span("项目", 0, height=2), Span("本年支出", 1, width=2)),
        ...           (Span("基本支出", 1), Span("项目支出", 2)))
        >>> grid = Grid(width=3, header=header, body=(("合计", "30.00", "20.00"),), totals=(True,))
        >>> grid.header_texts(), grid.is_total(0)
        ([['项目', '本年支出', ''], ['', '基本支出', '项目支出']], True)
    """

    width: int
    header: tuple[tuple[Span, ...], ...]
    body: tuple[tuple[str, ...], ...]
    totals: tuple[bool, ...] = ()

    def header_texts(self) -> list[list[str]]:
        """The header as rows of ``width`` texts, each span's text at its top-left position only."""
        rows = [[""] * self.width for _ in self.header]
        for r, spans in enumerate(self.header):
            for span in spans:
                rows[r][span.column] = span.text
        return rows

    def is_total(self, index: int) -> bool:
        """True if body row ``index`` is a total row."""
        return index < len(self.totals) and self.totals[index]


Block = Union[Heading, Paragraph, Grid]


@attrs.frozen
class Sheet:
    """A document ready to print: a title and the blocks in reading order.

    Example::

        >>> from gongkai.plugin import Heading, Paragraph, Sheet
        >>> sheet = Sheet(title="2023年部门决算", blocks=(Heading("2023年部门决算", level=1), Paragraph("单位：万元")))
        >>> [type(block).__name__ for block in sheet.blocks]
        ['Heading', 'Paragraph']
    """

    title: str
    blocks: tuple[Block, ...]
