"""Header rows a text extract printed off their columns (:mod:`gongkai.assembly.realign`).

Generated disclosures are rendered as tab-separated text in their region's conventions (a 栏次
row under the header), then one header row is displaced the ways real text extracts displace
them (seed 003): the row of name headers a cell to the right, a group header a cell off the
合计 that opens its group (or every group header of the row so), the sub-headers of merged
headers pushed to the start or past the end of their row. Every column must come back under the
header printed over it, as from the undisplaced text.
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

import gongkai
from gongkai import Document, Table
from gongkai.testing import differences, documents, profile_of

pytestmark = pytest.mark.text

EXTRACTS = settings(max_examples=15, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
GROUPED = documents(profile_of("yunnan"), tables=("general_budget_expenditure",))


def _text(document: Document) -> list[list[str]]:
    data = gongkai.render(document, "text")
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    return [line.split("\t") for line in text.split("\n")]


def _header(lines: list[list[str]]) -> list[int]:
    """The indexes of the header lines of the (only) table, the 栏次 row left out."""
    first = next(index for index, cells in enumerate(lines) if len(cells) > 1)
    ordinal = next(index for index in range(first, len(lines)) if lines[index][0] == "栏次")
    return list(range(first, ordinal))


def _parse(lines: list[list[str]]) -> Document:
    return gongkai.parse("\n".join("\t".join(cells) for cells in lines).encode("utf-8"), name="extract.txt")


def _assert_same_headers(lines: list[list[str]], displaced: list[list[str]]) -> None:
    note("displaced header:\n" + "\n".join(" | ".join(cells) for cells in displaced if len(cells) > 1))
    assert differences(_parse(lines), _parse(displaced)) == []


def _with_headers(table: Table, headers: dict[str, tuple[str, ...]]) -> Table:
    columns = tuple(attrs.evolve(column, header=headers.get(column.id, column.header)) for column in table.columns)
    return attrs.evolve(table, columns=columns)


@EXTRACTS
@given(document=GROUPED)
def test_a_row_of_name_headers_printed_a_cell_right(document: Document) -> None:
    lines = _text(document)
    row = next(index for index in _header(lines) if "科目名称" in lines[index])
    displaced = [list(cells) for cells in lines]
    displaced[row] = [""] + lines[row][:-1] if not lines[row][-1] else [""] + lines[row]
    _assert_same_headers(lines, displaced)


@EXTRACTS
@given(document=GROUPED, data=st.data())
def test_a_group_header_a_cell_off_its_total(document: Document, data: st.DataObject) -> None:
    lines = _text(document)
    top = _header(lines)[0]
    groups = [position for position, cell in enumerate(lines[top]) if cell and position > 1]
    moved = data.draw(st.sampled_from(groups), label="group header")
    step = data.draw(st.sampled_from([-1, 1]), label="direction")
    displaced = [list(cells) for cells in lines]
    displaced[top][moved], displaced[top][moved + step] = "", lines[top][moved]
    _assert_same_headers(lines, displaced)


@EXTRACTS
@given(document=GROUPED)
def test_every_group_header_a_cell_left_of_its_total(document: Document) -> None:
    lines = _text(document)
    top = _header(lines)[0]
    displaced = [list(cells) for cells in lines]
    for position, cell in enumerate(lines[top]):
        if cell and position > 1:
            displaced[top][position], displaced[top][position - 1] = "", cell
    _assert_same_headers(lines, displaced)


@EXTRACTS
@given(document=GROUPED, data=st.data())
def test_sub_headers_pushed_to_the_start_of_their_row(document: Document, data: st.DataObject) -> None:
    """人员经费 | 公用经费 under 基本支出 printed over the code and name columns, 小计 | 项目支出结转 |
    项目支出结余 a cell or two off their own."""
    lines = _text(document)
    bottom = _header(lines)[-1]
    words = [position for position, cell in enumerate(lines[bottom]) if cell and position > 1]
    runs: list[list[int]] = []
    for position in words:
        if runs and position == runs[-1][-1] + 1:
            runs[-1].append(position)
        else:
            runs.append([position])
    assert len(runs) == 2, lines[bottom]
    shift = data.draw(st.integers(-2, 2), label="second run moved by")
    displaced = [list(cells) for cells in lines]
    row = [""] * len(lines[bottom])
    for offset, position in enumerate(runs[0]):
        row[offset] = lines[bottom][position]
    row += [""] * max(0, runs[1][-1] + shift + 1 - len(row))
    for position in runs[1]:
        row[position + shift] = lines[bottom][position]
    displaced[bottom] = row
    _assert_same_headers(lines, displaced)


@EXTRACTS
@given(document=documents(profile_of("yunnan"), tables=("income",)))
def test_sub_headers_pushed_past_the_end_of_their_row(document: Document) -> None:
    """事业收入 over 小计 | 其中：教育收费, the two printed after the last column."""
    (table,) = document.tables
    business = {"business": ("事业收入", "小计"), "business_tuition": ("事业收入", "其中：教育收费")}
    document = attrs.evolve(document, tables=(_with_headers(table, business),))
    lines = _text(document)
    bottom = _header(lines)[-1]
    words = [position for position, cell in enumerate(lines[bottom]) if cell and position > 1]
    assert [lines[bottom][position] for position in words] == ["小计", "其中：教育收费"]
    displaced = [list(cells) for cells in lines]
    displaced[bottom] = [cell if position not in words else "" for position, cell in enumerate(lines[bottom])]
    displaced[bottom] += [lines[bottom][position] for position in words]
    _assert_same_headers(lines, displaced)
    parsed = _parse(displaced)
    headers = {column.id: column.header for column in parsed.tables[0].columns}
    assert headers["business"] == ("事业收入", "小计")
