"""The national baseline: standard tables recognised by their national titles, columns by the
aliases of ``spec/tables.toml``. Asked last, so every region plugin can answer first."""

from __future__ import annotations

from typing import Optional

from ..canonical import CanonicalTable, load_spec
from ..hookspecs import hookimpl
from ..registrations import HeaderCell, RegionClaim
from ..segment import TableBlock

NAME = "national"


@hookimpl(trylast=True)
def gongkai_identify_table(block: TableBlock, region: RegionClaim, kind: Optional[str]) -> Optional[str]:
    spec = load_spec()
    return spec.by_title(block.title, kind) or spec.by_title(block.title)


@hookimpl(trylast=True)
def gongkai_map_column(table: CanonicalTable, header: HeaderCell, region: RegionClaim) -> Optional[str]:
    return table.match_column(header.path, header.group)
