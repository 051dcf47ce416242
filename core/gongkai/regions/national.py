"""The national baseline: standard tables recognised by their titles (the national titles of
``spec/tables.toml``, then the title vocabulary of ``spec/titles.toml``) or, without a title that
names one, by their structure; columns by the aliases of ``spec/tables.toml``. Asked last, so
every region plugin can answer first."""

from __future__ import annotations

import re
from typing import Optional

from ..canonical import CanonicalTable
from ..hookspecs import hookimpl
from ..identification import Identification
from ..identify import by_structure, by_title
from ..registrations import HeaderCell, RegionClaim
from ..repairs import transpose_items
from ..schema import Table
from ..segment import TableBlock

NAME = "national"


@hookimpl(trylast=True)
def gongkai_identify_table(block: TableBlock, region: RegionClaim, kind: Optional[str]) -> Optional[Identification]:
    for title in (block.title, block.heading):
        found = by_title(title or "", kind)
        if found is not None:
            return found
    return by_structure(block.header, block.body)


# What a “三公” table's column measures, by the words of its header (“三公”经费预算数, 决算数 …).
_MEASURES = (
    ("全年预算", "full_year_budget"),
    ("调整预算", "full_year_budget"),
    ("预算", "budget"),
    ("决算", "final"),
    ("实际支出", "final"),
)
_THREE_PUBLIC = frozenset({"three_public", "three_public_operating"})


@hookimpl(trylast=True)
def gongkai_map_column(table: CanonicalTable, header: HeaderCell, region: RegionClaim) -> Optional[str]:
    column = table.match_column(header.path, header.group)
    if column is None and table.id in _THREE_PUBLIC:
        # a wide “三公” table names its measure over the items: “三公”经费预算数/合计
        for part in header.path:
            for word, measure in _MEASURES:
                if word in part:
                    return measure
    return column


_MEASURE_WORD = re.compile(r"(?:全年|调整|年初)?(?:预算|决算|统计|实际支出)数?$")


def _wide_item(path: tuple[str, ...]) -> str:
    """The item a column of a wide “三公” table stands for: its header without the measure
    (预算数, 决算数) printed above or below it, the group's name over a 小计."""
    parts = [_MEASURE_WORD.sub("", part) for part in path]
    parts = [part for part in parts if part]
    if not parts:
        return path[-1] if path else ""  # no header words: the column names no item
    if len(parts) > 1 and parts[-1] in ("小计",):
        return parts[-2]
    return parts[-1]


@hookimpl(trylast=True)
def gongkai_repair_table(table: Table, block: TableBlock, region: RegionClaim) -> Optional[Table]:
    """A “三公” table printed wide, as the national final-accounts 表样 lays it out (one line of
    amounts under 合计, 因公出国（境）费, …, each over 预算数 and 决算数), becomes one row per item."""
    if table.id not in _THREE_PUBLIC or not any(not row.label and not row.code for row in table.rows):
        return None
    return transpose_items(table, _wide_item)
