"""The conformance kit of gongkai.testing, run against the Anhui plugin, and two tests of its own."""

from __future__ import annotations

import gongkai_anhui
from gongkai.plugin import HeaderCell, load_spec
from gongkai.testing import TABLES, RegionConformance, profile_of


class TestAnhui(RegionConformance):
    region = "anhui"
    kinds = ("final",)  # the profile describes Anhui's final accounts (决算) only
    examples = 10


def test_numbering_covers_every_generated_table() -> None:
    profile = profile_of("anhui")  # the installed entry point registered it
    assert profile == gongkai_anhui.PROFILE
    numbered = set(profile.numbering["final"].values())
    assert set(TABLES) <= numbered, f"not numbered: {sorted(set(TABLES) - numbered)}"


def test_each_alias_is_needed() -> None:
    """The national aliases map each header to no column or the wrong one; the plugin maps it to
    its column (other regions' documents never reach it: the kit checks they come out unchanged)."""
    spec = load_spec()
    for table_id, aliases in gongkai_anhui.HEADER_ALIASES.items():
        table = spec.table(table_id)
        for printed, column in aliases.items():
            header = HeaderCell(path=tuple(printed.split("/")))
            assert table.match_column(header.path) != column, f"{printed!r} is a national alias of {column!r}"
            assert gongkai_anhui.gongkai_map_column(table=table, header=header) == column
