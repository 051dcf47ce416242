"""Yunnan (云南省): cities, 公开01–12 numbering and titles, columns by 栏次, and 公开02's split rows.

Yunnan's final-accounts tables carry 行次 and 栏次 numbers, and several print many more columns
than the national layout (公开05 and 08 have sixteen, 公开12 nineteen) under headers that text
extraction misaligns. The 栏次 number printed under each column is reliable, so this plugin maps
columns by it. In 公开02 each classification code is printed on one line and its name on the next;
the plugin joins them. Yunnan's 公开10 adds 机关运行经费 and its parts to the “三公” table; the
plugin adds that identity to the ones the checks verify.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Optional

from gongkai.plugin import (
    CanonicalTable,
    Conventions,
    HeaderCell,
    Identity,
    RegionProfile,
    Table,
    hookimpl,
    join_code_and_name_rows,
    national_numbering,
    parse_identities,
)

_FUND_COLUMNS = (
    "carry_in_total", "carry_in_basic", "carry_in_project",
    "income_total", "income_basic", "income_project",
    "total", "basic", "basic_personnel", "basic_public", "project",
    "carry_out_total", "carry_out_basic", "carry_out_project",
    "carry_out_project_carryover", "carry_out_project_surplus",
)  # fmt: skip

# Canonical column of each 栏次 number (1-based), per canonical table.
COLUMNS_BY_ORDINAL: dict[str, tuple[str, ...]] = {
    "income": (
        "total", "fiscal_grant", "superior_subsidy", "business", "business_tuition",
        "operating", "subsidiary_remit", "other",
    ),
    "expenditure": ("total", "basic", "project", "remit_superior", "operating", "subsidiary"),
    "general_budget_expenditure": _FUND_COLUMNS,
    "government_fund": _FUND_COLUMNS,
    "three_public": ("budget", "full_year_budget", "final"),
    "three_public_operating": ("budget", "full_year_budget", "final"),
    "state_assets": (
        "asset_total", "original_total", "current", "fixed_original", "fixed_net",
        "building_original", "building_net", "vehicle_original", "vehicle_net",
        "equipment_original", "equipment_net", "other_fixed_original", "other_fixed_net",
        "investment", "construction", "intangible_original", "intangible_net",
        "other_assets_original", "other_assets_net",
    ),
}  # fmt: skip


PROFILE = RegionProfile(
    name="yunnan",
    province="云南省",
    cities=(
        "昆明市",
        "曲靖市",
        "玉溪市",
        "保山市",
        "昭通市",
        "丽江市",
        "普洱市",
        "临沧市",
        "楚雄彝族自治州",
        "楚雄州",
        "红河哈尼族彝族自治州",
        "红河州",
        "文山壮族苗族自治州",
        "文山州",
        "西双版纳傣族自治州",
        "西双版纳州",
        "大理白族自治州",
        "大理州",
        "德宏傣族景颇族自治州",
        "德宏州",
        "怒江傈僳族自治州",
        "怒江州",
        "迪庆藏族自治州",
        "迪庆州",
    ),
    numbering={
        "final": national_numbering(
            "final",
            {
                "07": "project_expenditure_economic",
                "10": "three_public_operating",
                "11": "three_public",
                "12": "state_assets",
            },
        ),
    },
    titles={
        "收入支出决算表": "summary",
        "财政拨款收入支出决算表": "fiscal_grant_summary",
        "一般公共预算财政拨款收入支出决算表": "general_budget_expenditure",
        "财政拨款“三公”经费、行政参公单位机关运行经费情况表": "three_public_operating",
        "一般公共预算财政拨款“三公”经费情况表": "three_public",
    },
    description="云南省: 公开01–12 with 行次/栏次, 16-column 公开05/08, 公开12 国有资产",
    conventions=Conventions(
        line_numbers=True, column_numbers=True, zero="", economic_groups=3, column_order=COLUMNS_BY_ORDINAL
    ),
)


@hookimpl
def gongkai_regions() -> Sequence[RegionProfile]:
    return [PROFILE]


@hookimpl
def gongkai_map_column(table: CanonicalTable, header: HeaderCell) -> Optional[str]:
    if header.ordinal is None or table.id not in COLUMNS_BY_ORDINAL:
        return None
    columns = COLUMNS_BY_ORDINAL[table.id]
    index = int(header.ordinal) - 1
    return columns[index] if 0 <= index < len(columns) else None


@hookimpl
def gongkai_repair_table(table: Table) -> Optional[Table]:
    if table.id != "income":
        return None
    return join_code_and_name_rows(table)


# 公开10 prints 机关运行经费 under the “三公” items, split by the kind of body that spends it
OPERATING_FUNDS = parse_identities(
    """
[[identity]]
id = "yunnan.operating-funds"
kind = "rows"
table = "three_public_operating"
total = "机关运行经费"
parts = ["行政单位", "参照公务员法管理事业单位", "事业单位"]
description = "机关运行经费 = 行政单位 + 参照公务员法管理事业单位 + 事业单位"
"""
)


@hookimpl
def gongkai_adjust_identities(identities: Sequence[Identity]) -> list[Identity]:
    return [*identities, *OPERATING_FUNDS]
