"""A wide “三公” table (one line of amounts under item headers) becomes one row per item; a
column printed under no header words (a reader that missed them) names no item, and its amounts
are kept, never dropped and never a crash."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from gongkai.plugin import Cell, CellStatus, Row, Table, item_of_header, transpose_items
from gongkai.regions.national import _wide_item


def _cell(column: str, raw: str, header: tuple[str, ...]) -> Cell:
    return Cell(column=column, status=CellStatus.VALUE, raw=raw, value=Decimal(raw), header=header)


@pytest.mark.parametrize("item", [item_of_header, _wide_item], ids=["item_of_header", "national"])
def test_a_column_under_no_header_words_keeps_its_amount(item: Callable[[tuple[str, ...]], str]) -> None:
    line = Row(
        label="",
        cells=(
            _cell("final", "1.00", ("决算数", "公务接待费")),
            _cell("printed_2", "2.00", ()),
        ),
    )
    table = transpose_items(Table(id="three_public", title="“三公”经费支出决算表", columns=(), rows=(line,)), item)
    assert [(row.label, [cell.raw for cell in row.cells]) for row in table.rows] == [
        ("公务接待费", ["1.00"]),
        ("", ["2.00"]),
    ]
