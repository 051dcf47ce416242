"""A table's grid drawn the ways real disclosures draw it, beyond its region's conventions.

The words over the codes (``code_header``: 科目编码, 科目代码, or 支出功能分类科目编码 /
经济分类科目编码 by the table's classification), over the amounts of a 收入支出总表
(``amount_header``: 金额 or 决算数, see :func:`gongkai.testing.sheets.prepared`) and over the names
of its expenditure side (``item_header``); a single header row of the innermost words over a table
whose amounts have one header word each (``single_header``); total rows named in the code column
(``total_in_code``); an economic table's groups under 人员经费 and 公用经费 (``group_header``) and,
when it prints three groups, 公用经费合计's amount under the last amount column
(``totals_spread``). The cells' texts are never changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from ..canonical import CanonicalTable, load_spec
from ..rendering.sheet import Grid, Span
from ..schema import Table

if TYPE_CHECKING:
    from .sheets import Layout

#: The words over a table's codes; the third is 支出功能分类科目编码 or 经济分类科目编码.
CODE_HEADERS = ("科目编码", "科目代码", "分类科目编码")
#: The words over a summary's amounts.
AMOUNT_HEADERS = ("金额", "决算数")
#: The words over the names of a summary's expenditure side.
ITEM_HEADERS = ("项目", "项目(按支出功能分类)", "项目（按功能分类）")
_CLASSIFIED = {"function": "支出功能分类科目编码", "economic": "经济分类科目编码"}
_ORDINALS = "栏次"


def _reword(grid: Grid, old: str, new: str, first_column: int = 0) -> Grid:
    """``grid`` with the header spans reading ``old`` from ``first_column`` on reading ``new``."""
    header = tuple(
        tuple(
            attrs.evolve(span, text=new) if span.text == old and span.column >= first_column else span for span in row
        )
        for row in grid.header
    )
    return attrs.evolve(grid, header=header)


def _parts(grid: Grid) -> tuple[list[tuple[Span, ...]], list[tuple[Span, ...]]]:
    """The grid's header rows of words, and its 栏次 row (if it prints one)."""
    rows = list(grid.header)
    if rows and rows[-1] and rows[-1][0].text == _ORDINALS:
        return rows[:-1], rows[-1:]
    return rows, []


def _single_header(grid: Grid, table: Table) -> Grid:
    """``grid`` with its header words in one row (the innermost word over each column), when
    every amount column has one header word of its own."""
    words, ordinals = _parts(grid)
    if len(words) != 2 or any(len(column.header) != 1 for column in table.columns):
        return grid
    texts = [[""] * grid.width for _ in words]
    for r, spans in enumerate(words):
        for span in spans:
            texts[r][span.column] = span.text
    innermost = [next((row[c] for row in reversed(texts) if row[c]), "") for c in range(grid.width)]
    return attrs.evolve(grid, header=(tuple(Span(text, c) for c, text in enumerate(innermost)), *ordinals))


def _group_width(canonical: CanonicalTable, table: Table, grid: Grid) -> int:
    """The width of one side-by-side group of an economic table's grid (code, name, amounts)."""
    return 2 + len(table.columns) if canonical.repeated_groups else grid.width


def _totals_in_code(grid: Grid, lead: int, width: int) -> Grid:
    """``grid`` with each total row's names printed in the first code column of their group, where
    they have no code (合计 under 科目编码 rather than under 科目名称)."""
    body = []
    for index, row in enumerate(grid.body):
        cells = list(row)
        if grid.is_total(index):
            for start in range(0, grid.width - lead, width):
                if not any(cells[start : start + lead]) and cells[start + lead]:
                    cells[start], cells[start + lead] = cells[start + lead], ""
        body.append(tuple(cells))
    return attrs.evolve(grid, body=tuple(body))


def _group_header(grid: Grid, width: int) -> Grid:
    """``grid`` under a row naming its groups: 人员经费 over the first, 公用经费 over the rest."""
    row = (Span("人员经费", 0, width), Span("公用经费", width, grid.width - width))
    return attrs.evolve(grid, header=(row, *grid.header))


def _totals_spread(grid: Grid, width: int) -> Grid:
    """``grid`` of three groups of one amount each with the amount of 公用经费合计 (in the second
    group) under the last amount column, as the 合计 line of such tables prints it."""
    if grid.width != 3 * width or width != 3:
        return grid
    body = list(grid.body)
    for index, row in enumerate(body):
        if "公用经费合计" in row[width : 2 * width] and not row[-1]:
            cells = list(row)
            cells[-1], cells[2 * width - 1] = cells[2 * width - 1], ""
            body[index] = tuple(cells)
    return attrs.evolve(grid, body=tuple(body))


def restyled(grid: Grid, table: Table, layout: Layout, split: bool) -> tuple[Grid, Table]:
    """``grid`` (of ``table``, its codes ``split`` into 类/款/项 columns or not) drawn as
    ``layout`` says, and ``table`` as a reader reads it from that grid (its amounts under the
    group header printed over the first group)."""
    canonical = load_spec().table(table.id)
    coded = canonical.classification != "none"
    if layout.code_header != CODE_HEADERS[0]:
        word = _CLASSIFIED.get(canonical.classification, CODE_HEADERS[0])
        grid = _reword(grid, CODE_HEADERS[0], word if layout.code_header == CODE_HEADERS[2] else layout.code_header)
    if layout.item_header != ITEM_HEADERS[0] and canonical.groups and not canonical.repeated_groups:
        grid = _reword(grid, ITEM_HEADERS[0], layout.item_header, grid.width // 2)
    if layout.single_header and coded and not split and not canonical.repeated_groups:
        grid = _single_header(grid, table)
    width = _group_width(canonical, table, grid)
    if layout.total_in_code and coded:
        grid = _totals_in_code(grid, 3 if split and not canonical.repeated_groups else 1, width)
    if canonical.repeated_groups and layout.totals_spread:
        grid = _totals_spread(grid, width)
    if canonical.repeated_groups and layout.group_header and grid.width >= 2 * width:
        grid = _group_header(grid, width)
        columns = tuple(attrs.evolve(column, header=("人员经费", *column.header)) for column in table.columns)
        table = attrs.evolve(table, columns=columns)
    return grid, table
