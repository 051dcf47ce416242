"""The national baseline: standard tables recognised by their national titles, columns by the
aliases of ``spec/tables.toml``. Asked last, so every region plugin can answer first."""

from __future__ import annotations

from typing import Optional

from ..canonical import CanonicalTable, load_spec
from ..hookspecs import hookimpl
from ..registrations import HeaderCell, RegionClaim
from ..repairs import item_of_header, transpose_items
from ..schema import Table
from ..segment import TableBlock

NAME = "national"


@hookimpl(trylast=True)
def gongkai_identify_table(block: TableBlock, region: RegionClaim, kind: Optional[str]) -> Optional[str]:
    spec = load_spec()
    return spec.by_title(block.title, kind) or spec.by_title(block.title)


@hookimpl(trylast=True)
def gongkai_map_column(table: CanonicalTable, header: HeaderCell, region: RegionClaim) -> Optional[str]:
    return table.match_column(header.path, header.group)


def _wide_item(path: tuple[str, ...]) -> str:
    """The item a column of a wide “三公” table stands for: the header above its 预算数/决算数."""
    return item_of_header(path[:-1]) if len(path) > 2 else item_of_header(path)


@hookimpl(trylast=True)
def gongkai_repair_table(table: Table, block: TableBlock, region: RegionClaim) -> Optional[Table]:
    """A “三公” table printed wide, as the national final-accounts 表样 lays it out (one line of
    amounts under 合计, 因公出国（境）费, …, each over 预算数 and 决算数), becomes one row per item."""
    if table.id != "three_public" or not any(not row.label and not row.code for row in table.rows):
        return None
    return transpose_items(table, _wide_item)
