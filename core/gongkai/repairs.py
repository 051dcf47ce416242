"""Helpers for region plugins' ``gongkai_repair_table``: common layout quirks, undone without
altering a printed value. Each takes a table and returns a new one."""

from __future__ import annotations

from collections.abc import Callable

import attrs

from .schema import CellStatus, Row, Table

_SUBTOTALS = frozenset({"小计"})


def join_code_and_name_rows(table: Table) -> Table:
    """Join rows printed as a code line followed by a name line (Yunnan's 公开02).

    A row with a code and no label takes the label of the next row when that row has no code and
    prints no amount; the name row is then dropped.

    Example::

        >>> from decimal import Decimal
        >>> from gongkai.plugin import Cell, CellStatus, Row, Table, join_code_and_name_rows
        >>> amount = Cell(column="total", status=CellStatus.VALUE, raw="5.00", value=Decimal("5.00"))
        >>> code = Row(label="", cells=(amount,), code="2010101")
        >>> name = Row(label="行政运行", cells=(Cell(column="total", status=CellStatus.BLANK, raw=""),))
        >>> table = join_code_and_name_rows(Table(id="income", title="收入决算表", columns=(), rows=(code, name)))
        >>> [(row.code, row.label) for row in table.rows]
        [('2010101', '行政运行')]
    """
    rows: list[Row] = []
    for row in table.rows:
        previous = rows[-1] if rows else None
        name_only = row.code is None and row.label and all(cell.status is CellStatus.BLANK for cell in row.cells)
        if previous is not None and previous.code and not previous.label and name_only:
            rows[-1] = attrs.evolve(previous, label=row.label)
            continue
        rows.append(row)
    return attrs.evolve(table, rows=tuple(rows))


def item_of_header(path: tuple[str, ...]) -> str:
    """The item a transposed column stands for: the innermost header below the outer one, or its
    parent when the innermost is a 小计; "" for a column printed under no header words.

    Example::

        >>> from gongkai.plugin import item_of_header
        >>> item_of_header(("决算数", "公务接待费")), item_of_header(("决算数", "公务用车购置及运行费", "小计"))
        ('公务接待费', '公务用车购置及运行费')
    """
    inner = path[1:] or path
    if not inner:
        return ""  # a column printed under no header words names no item
    if len(inner) > 1 and inner[-1] in _SUBTOTALS:
        return inner[-2]
    return inner[-1]


def transpose_items(table: Table, item: Callable[[tuple[str, ...]], str] = item_of_header) -> Table:
    """Turn rows whose cells stand for items (one line of amounts under item headers, as Hubei
    prints its “三公” table) into one row per item, the cells keeping their column ids.

    Rows with a label or code are kept as they are.

    Example::

        >>> from decimal import Decimal
        >>> from gongkai.plugin import Cell, CellStatus, Row, Table, transpose_items
        >>> def amount(item, raw):
        ...     header = ("决算数", item)
        ...     return Cell(column="final", status=CellStatus.VALUE, raw=raw, value=Decimal(raw), header=header)
        >>> line = Row(label="", cells=(amount("公务接待费", "1.00"), amount("因公出国（境）费", "2.00")))
        >>> table = transpose_items(Table(id="three_public", title="“三公”经费支出表", columns=(), rows=(line,)))
        >>> [(row.label, row.cell("final").raw) for row in table.rows]
        [('公务接待费', '1.00'), ('因公出国（境）费', '2.00')]
    """
    rows: list[Row] = []
    for row in table.rows:
        if row.label or row.code:
            rows.append(row)
            continue
        by_item: dict[str, list] = {}
        for cell in row.cells:
            by_item.setdefault(item(cell.header), []).append(cell)
        for label, cells in by_item.items():
            rows.append(attrs.evolve(row, label=label, cells=tuple(cells)))
    return attrs.evolve(table, rows=tuple(rows))
