"""Hainan (海南省): a region plugin in one file, the tutorial of ``docs/plugins.md``.

A region plugin says two kinds of things about a province's disclosures.

1. **What data can say**, in a :class:`~gongkai.plugin.RegionProfile`: the cities and counties
   whose names place a publishing body in the province (a document from ``海口市财政局`` is claimed
   for Hainan), the 公开NN numbering of each kind of document, and how the tables are printed
   (:class:`~gongkai.plugin.Conventions`). Hainan numbers its final-accounts tables as the
   national set does, except that it prints the “三公” table last, as 公开09.
2. **What data cannot say**, in decision hooks. Hainan prints ``年度执行数`` over the “三公”
   table's final amounts, where the national 表样 prints ``决算数``; no alias of
   ``spec/tables.toml`` reads it, so ``gongkai_map_column`` maps it. Its 情况说明 also writes
   ``较上年多支出`` for 增加, which the narrative checks learn through ``gongkai_adjust_phrases``.

gongkai asks these hooks only about documents Hainan claimed, so they need no guard against other
regions' documents. To install the plugin, declare it in your distribution's ``pyproject.toml``::

    [project.entry-points.gongkai]
    hainan = "gongkai_hainan"

and test it with the conformance kit (``tests/test_tutorial.py`` does exactly this)::

    from gongkai.testing import RegionConformance

    class TestHainan(RegionConformance):
        region = "hainan"
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Optional

from gongkai.plugin import (
    CanonicalTable,
    Conventions,
    HeaderCell,
    Phrases,
    RegionProfile,
    hookimpl,
    national_numbering,
)

# -- 1. the region as data ----------------------------------------------------------------------

PROFILE = RegionProfile(
    name="hainan",
    province="海南省",
    cities=("海口市", "三亚市", "三沙市", "儋州市"),
    counties=("五指山市", "琼海市", "文昌市", "万宁市", "东方市", "定安县", "屯昌县", "澄迈县", "临高县"),
    numbering={
        # the national 公开01–09, the “三公” table moved to the end
        "final": national_numbering(
            "final",
            {"07": "government_fund", "08": "state_capital", "09": "three_public"},
        ),
    },
    description="海南省: 公开01–09 (政府性基金 07, 国有资本经营 08, 三公 09)",
    conventions=Conventions(
        thousands=True,
        zero="0.00",
        # what Hainan prints over a column where it is not the national header; the kit's
        # documents print it, and the kit checks that gongkai_map_column maps it back
        headers={"three_public": {"final": "年度执行数"}},
    ),
)


@hookimpl
def gongkai_regions() -> Sequence[RegionProfile]:
    return [PROFILE]


# -- 2. what data cannot say --------------------------------------------------------------------

#: Headers Hainan prints that no national alias reads, by canonical table.
HEADER_ALIASES = {"three_public": {"年度执行数": "final"}}


@hookimpl
def gongkai_map_column(table: CanonicalTable, header: HeaderCell) -> Optional[str]:
    """The canonical column under one of Hainan's own headers; None leaves the header to the
    national aliases."""
    return HEADER_ALIASES.get(table.id, {}).get(header.path[-1]) if header.path else None


@hookimpl
def gongkai_adjust_phrases(phrases: Phrases) -> Phrases:
    """Hainan's 情况说明 writes 较上年多支出 where others write 增加."""
    return phrases.with_words("more", "多支出")
