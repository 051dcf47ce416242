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
    parent when the innermost is a 小计."""
    inner = path[1:] or path
    if len(inner) > 1 and inner[-1] in _SUBTOTALS:
        return inner[-2]
    return inner[-1]


def transpose_items(table: Table, item: Callable[[tuple[str, ...]], str] = item_of_header) -> Table:
    """Turn rows whose cells stand for items (one line of amounts under item headers, as Hubei
    prints its “三公” table) into one row per item, the cells keeping their column ids.

    Rows with a label or code are kept as they are.
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
