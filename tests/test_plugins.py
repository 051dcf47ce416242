"""The plugin API at work: a region defined only in this test, discovered and used without any
change to the core, plus the manager's rules for broken plugins."""

from __future__ import annotations

import io
import sys
import textwrap
import types
from collections.abc import Sequence
from pathlib import Path
from typing import Optional

import attrs
import pytest

import gongkai
from gongkai import RegionClaim, RegionProfile, Table, hookimpl
from gongkai.canonical import CanonicalTable
from gongkai.checks.identities import Identity, load_identities, parse_identities
from gongkai.dispatch import region_hooks
from gongkai.errors import PluginError
from gongkai.layout import Layout, Line, LineKind
from gongkai.manager import Registry, create_plugin_manager
from gongkai.registrations import Exporter, HeaderCell, Limits, Reader
from gongkai.segment import TableBlock
from gongkai.settings import Settings
from gongkai.settings import current as current_settings

# A made-up region that numbers its tables 公开11/公开12, calls its summary 收支情况总表, heads its
# amounts 实支数 and prints the 合计 row last.
FAKE_DOCUMENT = textwrap.dedent(
    """\
    测试省样例市卫生局2023年度部门决算

    收支情况总表
    公开11表
    部门：样例市卫生局\t金额单位：万元
    收入\t\t支出\t
    项目\t决算数\t项目\t决算数
    一、一般公共预算财政拨款收入\t100.00\t一、一般公共服务支出\t100.00
    本年收入合计\t100.00\t本年支出合计\t100.00

    支出决算表
    公开12表
    部门：样例市卫生局\t金额单位：万元
    科目编码\t科目名称\t实支数\t基本支出\t项目支出
    201\t一般公共服务支出\t100.00\t60.00\t40.00
    20101\t人大事务\t100.00\t60.00\t40.00
    合计\t\t100.00\t60.00\t40.00
    """
).encode("utf-8")


class Testland:
    """The fake region plugin: a profile plus the two quirks data cannot say."""

    PROFILE = RegionProfile(
        name="testland",
        province="测试省",
        cities=("样例市",),
        numbering={"final": {"11": "summary", "12": "expenditure"}},
        titles={"收支情况总表": "summary"},
    )

    @hookimpl
    def gongkai_regions(self) -> Sequence[RegionProfile]:
        return [self.PROFILE]

    @hookimpl
    def gongkai_map_column(self, table: CanonicalTable, header: HeaderCell) -> Optional[str]:
        if header.path and header.path[-1] == "实支数":
            return "total"
        return None

    @hookimpl
    def gongkai_repair_table(self, table: Table) -> Optional[Table]:
        totals = [row for row in table.rows if row.label == "合计"]
        return attrs.evolve(table, rows=tuple(totals + [row for row in table.rows if row not in totals]))


def test_a_region_defined_in_a_test_is_used_without_changing_the_core() -> None:
    manager = create_plugin_manager(plugins=[Testland()])
    document = gongkai.parse(FAKE_DOCUMENT, name="fake.txt", plugin_manager=manager)
    assert document.plugin == "testland"
    assert document.region.path() == "测试省/样例市"
    assert [(t.id, t.number) for t in document.tables] == [("summary", "公开11表"), ("expenditure", "公开12表")]
    expenditure = document.table("expenditure")
    assert expenditure is not None
    assert [row.label for row in expenditure.rows] == ["合计", "一般公共服务支出", "人大事务"]
    total = expenditure.rows[0].cell("total")
    assert total is not None and str(total.value) == "100.00" and total.provenance.line == 17


def test_without_the_plugin_the_national_baseline_reads_what_it_knows() -> None:
    manager = create_plugin_manager(entry_points=False)
    document = gongkai.parse(FAKE_DOCUMENT, name="fake.txt", plugin_manager=manager)
    assert document.plugin == "national"
    assert document.region.city == "样例市"
    # 收支情况总表 is no national title, but its words name the summary (spec/titles.toml)
    assert [(t.id, t.identification and t.identification.by) for t in document.tables] == [
        ("summary", "title-variant"),
        ("expenditure", "title"),
    ]
    assert any(f.check == "parse.unmapped-column" and "实支数" in f.message for f in document.findings)


def test_a_region_is_discovered_through_its_entry_point(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "gongkai_testland.py").write_text(
        textwrap.dedent(
            """\
            from gongkai import RegionProfile, hookimpl

            @hookimpl
            def gongkai_regions():
                return [RegionProfile(name="testland", province="测试省", cities=("样例市",),
                                      numbering={"final": {"11": "summary", "12": "expenditure"}},
                                      titles={"收支情况总表": "summary"})]
            """
        ),
        encoding="utf-8",
    )
    info = tmp_path / "gongkai_testland-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: gongkai-testland\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[gongkai]\ntestland = gongkai_testland\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    manager = create_plugin_manager()
    registry = Registry.collect(manager)
    testland = [r for r in registry.regions if r.record.name == "testland"]
    assert testland and testland[0].distribution == "gongkai-testland 0.1"
    document = gongkai.parse(FAKE_DOCUMENT, name="fake.txt", plugin_manager=manager)
    assert document.plugin == "testland"
    assert [t.id for t in document.tables] == ["summary", "expenditure"]
    sys.modules.pop("gongkai_testland", None)


def test_the_region_plugins_are_installed_as_entry_points() -> None:
    registry = Registry.collect(create_plugin_manager())
    origins = {r.record.name: (r.plugin, r.distribution) for r in registry.regions}
    assert set(origins) >= {"fujian", "yunnan", "hubei"}
    for name in ("fujian", "yunnan", "hubei"):
        plugin, distribution = origins[name]
        assert plugin == name and distribution is not None and distribution.startswith("gongkai ")


def test_a_hook_implementation_matching_no_hook_is_rejected() -> None:
    broken = types.SimpleNamespace(gongkai_bogus=hookimpl(lambda: None))
    with pytest.raises(PluginError, match="gongkai_bogus"):
        create_plugin_manager(entry_points=False, plugins=[broken])


def test_two_regions_with_one_name_are_rejected() -> None:
    class Impostor:
        @hookimpl
        def gongkai_regions(self) -> Sequence[RegionProfile]:
            return [RegionProfile(name="fujian", province="福建省")]

    with pytest.raises(PluginError, match="fujian"):
        create_plugin_manager(plugins=[Impostor()])


def test_a_reader_plugin_is_chosen_by_content() -> None:
    def read(data: bytes, source: str, limits: Limits) -> Layout:
        rows = data.decode("utf-8").splitlines()[1:]
        lines = tuple(Line(n, LineKind.CELLS, tuple(row.split(";"))) for n, row in enumerate(rows, start=2))
        return Layout(source=source, format="semicolon", lines=lines)

    class Semicolon:
        @hookimpl
        def gongkai_readers(self) -> Sequence[Reader]:
            return [Reader(name="semicolon", sniff=lambda d, n: 0.9 if d.startswith(b"#SEMICOLON") else 0.0, read=read)]

    data = "#SEMICOLON\n" + FAKE_DOCUMENT.decode("utf-8").replace("\t", ";")
    manager = create_plugin_manager(entry_points=False, plugins=[Semicolon()])
    document = gongkai.parse(data.encode("utf-8"), name="x.dat", plugin_manager=manager)
    assert document.format == "semicolon"
    assert document.table("expenditure") is not None


def test_an_exporter_plugin_is_registered_by_name() -> None:
    def write(documents: Sequence[gongkai.Document], stream: io.TextIOBase) -> None:  # type: ignore[override]
        stream.write(str(sum(1 for d in documents for _ in d.cells())))

    class Count:
        @hookimpl
        def gongkai_exporters(self) -> Sequence[Exporter]:
            return [Exporter(name="count", write=write, extension=".txt")]  # type: ignore[arg-type]

    manager = create_plugin_manager(entry_points=False, plugins=[Count()])
    document = gongkai.parse(FAKE_DOCUMENT, name="fake.txt", plugin_manager=manager)
    buffer = io.StringIO()
    Registry.collect(manager).exporter("count").write([document], buffer)
    assert buffer.getvalue() == str(sum(1 for _ in document.cells()))


def test_a_claim_with_a_higher_score_wins() -> None:
    class Greedy:
        @hookimpl
        def gongkai_detect_region(self, context, profiles):  # type: ignore[no-untyped-def]
            if context.entity and "样例市" in context.entity:
                return RegionClaim(plugin="greedy", region=gongkai.Region(province="贪心省"), score=1000)
            return None

    manager = create_plugin_manager(plugins=[Testland(), Greedy()])
    document = gongkai.parse(FAKE_DOCUMENT, name="fake.txt", plugin_manager=manager)
    assert (document.plugin, document.region.province) == ("greedy", "贪心省")


def test_a_plugin_identifies_a_table_the_national_titles_do_not_know() -> None:
    class Extra:
        @hookimpl
        def gongkai_identify_table(self, block: TableBlock, region: RegionClaim, kind: Optional[str]) -> Optional[str]:
            return "three_public" if block.title == "本级公务活动经费决算表" else None

    data = textwrap.dedent(
        """\
        样例市卫生局2023年度部门决算
        本级公务活动经费决算表
        公开07表
        项目\t决算数
        合计\t0.48
        公务接待费\t0.48
        """
    ).encode("utf-8")
    # the cover says it is a disclosure, so it is parsed; but no table in it is read
    without = gongkai.parse(data, name="x.txt", plugin_manager=create_plugin_manager(entry_points=False))
    assert without.kind == "final" and without.tables == ()

    manager = create_plugin_manager(entry_points=False, plugins=[Extra()])
    document = gongkai.parse(data, name="x.txt", plugin_manager=manager)
    table = document.table("three_public")
    assert table is not None and [row.label for row in table.rows] == ["合计", "公务接待费"]
    assert [str(row.cells[0].value) for row in table.rows] == ["0.48", "0.48"]


@pytest.mark.parametrize(
    ("municipality", "publisher", "county"),
    [
        ("上海市", "上海市普陀区民政局", "普陀区"),
        ("重庆市", "重庆市渝中区财政局", "渝中区"),
        ("北京市", "北京市海淀区教育委员会", "海淀区"),
    ],
)
def test_a_municipality_is_its_own_city(municipality: str, publisher: str, county: str) -> None:
    """A 直辖市 has no cities between it and its districts: a district body's region names the
    municipality as province and city and the district as county, whether or not the profile
    lists its districts."""
    from gongkai.regions.profiles import claim_from_text
    from gongkai.schema import Region

    for counties in ((), (county,)):
        profile = RegionProfile(name="municipality", province=municipality, counties=counties)
        claim = claim_from_text(profile, publisher, 100)
        assert claim is not None
        assert claim.region == Region(province=municipality, city=municipality, county=county)


class Spy:
    """A region plugin that notes every document its decision hooks are asked about."""

    PROFILE = RegionProfile(name="spyland", province="谍省", cities=("谍市",))

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.registered = 0

    @hookimpl
    def gongkai_regions(self) -> Sequence[RegionProfile]:
        self.registered += 1
        return [self.PROFILE]

    @hookimpl
    def gongkai_map_column(self, region: RegionClaim) -> Optional[str]:
        self.asked.append(region.plugin)
        return None

    @hookimpl
    def gongkai_repair_table(self, region: RegionClaim) -> None:
        self.asked.append(region.plugin)

    @hookimpl
    def gongkai_adjust_identities(self, document: gongkai.Document) -> None:
        self.asked.append(document.plugin)


def test_a_regions_decision_hooks_see_only_the_documents_it_claimed() -> None:
    spy = Spy()
    manager = create_plugin_manager(plugins=[Testland(), spy])
    assert gongkai.parse(FAKE_DOCUMENT, name="fake.txt", plugin_manager=manager).plugin == "testland"
    assert spy.asked == []
    theirs = FAKE_DOCUMENT.decode("utf-8").replace("样例市", "谍市").encode("utf-8")
    assert gongkai.parse(theirs, name="spy.txt", plugin_manager=manager).plugin == "spyland"
    assert spy.asked and set(spy.asked) == {"spyland"}


def test_registrations_are_gathered_once_per_plugin_manager() -> None:
    spy = Spy()
    manager = create_plugin_manager(entry_points=False, plugins=[spy])
    gongkai.parse(FAKE_DOCUMENT, name="fake.txt", plugin_manager=manager)
    gongkai.parse(FAKE_DOCUMENT, name="fake.txt", plugin_manager=manager)
    assert spy.registered == 1
    manager.register(Testland())  # a new plugin: gathered again
    assert gongkai.parse(FAKE_DOCUMENT, name="fake.txt", plugin_manager=manager).plugin == "testland"
    assert spy.registered == 2


class NoRows:
    """A plugin of no region that drops the row identities, after every other plugin's adjustment."""

    @hookimpl(trylast=True)
    def gongkai_adjust_identities(self, identities: Sequence[Identity]) -> list[Identity]:
        return [identity for identity in identities if identity.kind != "rows"]


class Reverse:
    """A plugin of no region: reverses each table's rows, after whatever was done before."""

    @hookimpl
    def gongkai_repair_table(self, table: Table) -> Table:
        return attrs.evolve(table, rows=tuple(reversed(table.rows)))

    @hookimpl
    def gongkai_adjust_identities(self, identities: Sequence[Identity]) -> list[Identity]:
        return [*identities, *EXTRA]


EXTRA = parse_identities(
    """
[[identity]]
id = "test.expenditure-total"
kind = "equal"
table = "expenditure"
left = [{ table = "expenditure", row = "合计", column = "total" }]
right = [{ table = "summary", row = "本年支出合计", column = "expenditure" }]
description = "支出决算表合计 = 本年支出合计"
"""
)


def test_repairs_and_identity_adjustments_of_several_plugins_chain() -> None:
    manager = create_plugin_manager(plugins=[Testland(), Reverse()])
    document = gongkai.parse(FAKE_DOCUMENT, name="fake.txt", plugin_manager=manager)
    expenditure = document.table("expenditure")
    assert expenditure is not None
    # Reverse (registered later) repairs first; Testland then moves 合计 to the top
    assert [row.label for row in expenditure.rows] == ["合计", "人大事务", "一般公共服务支出"]
    hooks = region_hooks(manager, "testland")
    identities = hooks.gongkai_adjust_identities(document=document, identities=load_identities())
    assert [i.id for i in identities][-1] == "test.expenditure-total"
    both = create_plugin_manager(plugins=[Testland(), Reverse(), NoRows()])
    adjusted = region_hooks(both, "testland").gongkai_adjust_identities(document=document, identities=load_identities())
    assert "test.expenditure-total" in {i.id for i in adjusted} and all(i.kind != "rows" for i in adjusted)


class Roomy:
    """A region whose documents are read with wider layout settings; notes the settings in force
    whenever it is asked about a column."""

    SETTINGS = Settings(max_title_line=100, row_gap=3.5)
    PROFILE = RegionProfile(name="roomy", province="宽省", cities=("样例市",), settings=SETTINGS)

    def __init__(self) -> None:
        self.seen: list[Settings] = []

    @hookimpl
    def gongkai_regions(self) -> Sequence[RegionProfile]:
        return [self.PROFILE]

    @hookimpl
    def gongkai_map_column(self) -> None:
        self.seen.append(current_settings())


def test_a_region_reads_its_documents_with_its_own_layout_settings() -> None:
    roomy = Roomy()
    manager = create_plugin_manager(entry_points=False, plugins=[roomy])
    assert gongkai.parse(FAKE_DOCUMENT, name="fake.txt", plugin_manager=manager).plugin == "roomy"
    assert roomy.seen and set(roomy.seen) == {Roomy.SETTINGS}
    roomy.seen.clear()  # a caller's choice for one parse wins over the region's
    chosen = Settings(row_gap=2.0)
    gongkai.parse(FAKE_DOCUMENT, name="fake.txt", plugin_manager=manager, settings=chosen)
    assert set(roomy.seen) == {chosen}
    other = FAKE_DOCUMENT.decode("utf-8").replace("样例市", "别市").encode("utf-8")
    roomy.seen.clear()
    assert gongkai.parse(other, name="other.txt", plugin_manager=manager).plugin == "national"
    assert roomy.seen == []  # another region's (here: no region's) document never reaches it


def test_a_chained_hook_implemented_as_a_wrapper_is_a_broken_plugin() -> None:
    class Wrapper:
        @hookimpl(wrapper=True)
        def gongkai_repair_table(self, table: Table):  # type: ignore[no-untyped-def]
            return (yield)

    manager = create_plugin_manager(entry_points=False, plugins=[Wrapper()])
    with pytest.raises(PluginError, match="gongkai_repair_table is chained"):
        gongkai.parse(FAKE_DOCUMENT, name="fake.txt", plugin_manager=manager)
