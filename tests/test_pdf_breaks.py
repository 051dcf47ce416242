"""Rows cut by a page break (:mod:`gongkai.assembly.breaks`): the rest of a name opening a page is
joined to its row; a row of its own opening a page, its amounts blank, never is."""

from __future__ import annotations

import pytest

from gongkai.assembly.breaks import rejoined
from gongkai.layout import Line, LineKind


def _pages(last: tuple[str, ...], first: tuple[str, ...]) -> list[Line]:
    """The last table line of page 1 and the first of page 2."""
    return [Line(1, LineKind.CELLS, last, page=1), Line(2, LineKind.CELLS, first, page=2)]


@pytest.mark.parametrize(
    ("last", "first", "joined"),
    [
        pytest.param(
            ("", "", "八、社会保障和就", "1,608.51"),
            ("", "", "业支出", ""),
            ("", "", "八、社会保障和就业支出", "1,608.51"),
            id="a-name-cut-midway",
        ),
        pytest.param(
            ("当年收入", "13,649.07", "当年支出小计", "13,649.07"),
            ("小计", "", "", ""),
            ("当年收入小计", "13,649.07", "当年支出小计", "13,649.07"),
            id="a-name-cut-before-its-total-word",
        ),
    ],
)
def test_the_rest_of_a_name_opening_a_page_is_joined_to_its_row(
    last: tuple[str, ...], first: tuple[str, ...], joined: tuple[str, ...]
) -> None:
    (line,) = rejoined(_pages(last, first))
    assert line.cells == joined and line.page == 1


@pytest.mark.parametrize(
    ("last", "first"),
    [
        pytest.param(
            ("一、一般公共预算财政拨款收入", "0.01", "一、一般公共服务支出", "0.01"),
            ("本年收入合计", "", "本年支出合计", ""),
            id="totals-named-by-what-they-total",
        ),
        pytest.param(
            ("使用非财政拨款结余", "", "结余分配", ""),
            ("年初结转和结余", "", "年末结转和结余", ""),
            id="balances-named-by-their-period",
        ),
        pytest.param(
            ("三、其他资金", "", "二十、其他支出", ""),
            ("上年结转资金", "", "结转下年资金", ""),
            id="carry-overs",
        ),
        pytest.param(("本年收入合计", "", "本年支出合计", ""), ("其他", "", "其他", ""), id="after-a-whole-total"),
        pytest.param(("二、外交支出", ""), ("三、国防支出", ""), id="an-ordinal"),
        pytest.param(("外交支出", ""), ("20101", ""), id="a-code"),
    ],
)
def test_a_row_of_its_own_opening_a_page_stays_a_row(last: tuple[str, ...], first: tuple[str, ...]) -> None:
    assert [line.cells for line in rejoined(_pages(last, first))] == [last, first]
