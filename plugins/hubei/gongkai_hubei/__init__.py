"""Hubei (湖北省): its cities, its 公开NN numbering, and its transposed “三公” table.

Hubei prints 公开09 (财政拨款“三公”经费支出决算表) as one line of twelve amounts under a two-level
header — 预算数 and 决算数, each split into 合计, 因公出国（境）费, 公务用车购置及运行维护费 (小计,
购置费, 运行维护费) and 公务接待费. This plugin maps the outer header to the canonical columns
``budget`` and ``final`` and turns the line into one row per item.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Optional

from gongkai.plugin import (
    CanonicalTable,
    Conventions,
    HeaderCell,
    RegionProfile,
    Table,
    hookimpl,
    national_numbering,
    transpose_items,
)

PROFILE = RegionProfile(
    name="hubei",
    province="湖北省",
    cities=(
        "武汉市",
        "黄石市",
        "十堰市",
        "宜昌市",
        "襄阳市",
        "鄂州市",
        "荆门市",
        "孝感市",
        "荆州市",
        "黄冈市",
        "咸宁市",
        "随州市",
        "恩施土家族苗族自治州",
        "恩施州",
        "仙桃市",
        "潜江市",
        "天门市",
        "神农架林区",
    ),
    numbering={
        "final": national_numbering(
            "final",
            {
                "07": "government_fund",
                "08": "state_capital",
                "09": "three_public",
            },
        ),
    },
    titles={"一般公共预算财政拨款基本支出决算明细表": "basic_expenditure_economic"},
    description="湖北省: 公开01–09 (政府性基金 07, 国有资本经营 08, 三公 09 transposed)",
    conventions=Conventions(line_numbers=True, column_numbers=True, thousands=True, zero="0.00", economic_groups=3),
)

_OUTER = {"预算数": "budget", "决算数": "final"}


@hookimpl
def gongkai_regions() -> Sequence[RegionProfile]:
    return [PROFILE]


@hookimpl
def gongkai_map_column(table: CanonicalTable, header: HeaderCell) -> Optional[str]:
    if table.id != "three_public" or len(header.path) < 2:
        return None
    return _OUTER.get(header.path[0])


@hookimpl
def gongkai_repair_table(table: Table) -> Optional[Table]:
    if table.id != "three_public":
        return None
    if not any(not row.label and not row.code for row in table.rows):
        return None
    return transpose_items(table)
