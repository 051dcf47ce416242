"""Anhui (安徽省): an example of a third-party gongkai region plugin.

A region plugin tells gongkai two kinds of things about a province's disclosures:

* **What data can say**, in a :class:`~gongkai.plugin.RegionProfile` returned by ``gongkai_regions``: the
  cities that name the publishing body (a document from ``合肥市财政局`` is claimed for Anhui), the
  公开NN numbering of the final-accounts tables (公开07表 is the “三公” table), and how the tables
  are printed (:class:`~gongkai.plugin.Conventions`): Anhui prints 行次 and 栏次 numbers, classification
  codes in three 类/款/项 columns, amounts with thousands separators (``1,234.56``), zero amounts
  blank, and the economic-classification table in two side-by-side groups.
* **What data cannot say**, in decision hooks. Anhui prints three column headers that the national
  aliases of ``spec/tables.toml`` do not recognise: ``本年支出决算合计`` over the total of 公开03
  (national: ``本年支出合计``), ``本年执行数`` over the final amounts of the “三公” table
  (national: ``决算数``), and ``小计`` under ``年末结转和结余`` in 公开05 (national: ``合计``),
  which the national aliases would even take for the wrong column, the year's spending total
  (a bare ``小计`` is one of its aliases), instead of the carry-over.
  :data:`HEADER_ALIASES` lists them; ``gongkai_map_column`` answers with them. gongkai asks a
  region's decision hooks only about the documents that region claimed, so the plugin needs no
  guard: other regions' headers are left to their own plugins and to the national baseline.

``Conventions.headers`` says the same thing the other way round: what Anhui prints over which
column. It is written out on purpose, not derived from :data:`HEADER_ALIASES`: the test documents
that :mod:`gongkai.testing` generates for the region print these headers, and the conformance kit
(``tests/test_conformance.py``) fails, naming the header and the column, when the plugin does not
map one of them back.

It imports from :mod:`gongkai.plugin` only. The distribution registers this module in the ``gongkai`` entry-point group
(``pyproject.toml``: ``[project.entry-points.gongkai] anhui = "gongkai_anhui"``); once installed,
``gongkai plugins`` lists the region and ``gongkai.parse`` uses it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Optional

from gongkai.plugin import (
    CanonicalTable,
    Conventions,
    HeaderCell,
    RegionProfile,
    hookimpl,
    national_numbering,
    normalise_header,
)

# Canonical table id -> printed header path ("outer/inner") -> canonical column id, for the headers
# Anhui prints that the national aliases miss or mistake.
HEADER_ALIASES: dict[str, dict[str, str]] = {
    "expenditure": {"本年支出决算合计": "total"},
    "general_budget_expenditure": {"年末结转和结余/小计": "carry_out_total"},
    "three_public": {"本年执行数": "final"},
}

PROFILE = RegionProfile(
    name="anhui",
    province="安徽省",
    cities=(
        "合肥市",
        "芜湖市",
        "蚌埠市",
        "淮南市",
        "马鞍山市",
        "淮北市",
        "铜陵市",
        "安庆市",
        "黄山市",
        "滁州市",
        "阜阳市",
        "宿州市",
        "六安市",
        "亳州市",
        "池州市",
        "宣城市",
    ),
    numbering={
        "final": national_numbering("final"),
    },
    description="安徽省: 公开01–09 (三公 07) with 行次/栏次, 类/款/项 columns, 1,234.56, blank zeros",
    conventions=Conventions(
        line_numbers=True,
        column_numbers=True,
        split_codes=True,
        thousands=True,
        zero="",
        economic_groups=2,
        # what Anhui prints over these columns where it is not the canonical label (the facts;
        # HEADER_ALIASES is how to read them back, and the conformance kit checks the two agree)
        headers={
            "expenditure": {"total": "本年支出决算合计"},
            "general_budget_expenditure": {"carry_out_total": "年末结转和结余/小计"},
            "three_public": {"final": "本年执行数"},
        },
    ),
)


@hookimpl
def gongkai_regions() -> Sequence[RegionProfile]:
    return [PROFILE]


@hookimpl
def gongkai_map_column(table: CanonicalTable, header: HeaderCell) -> Optional[str]:
    if table.id not in HEADER_ALIASES:
        return None
    printed = "/".join(part for part in map(normalise_header, header.path) if part)
    return HEADER_ALIASES[table.id].get(printed)
