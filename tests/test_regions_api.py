"""Every region plugin (plugins/ and the example in examples/) is written against gongkai's public
API only, as a third party's plugin would be, and the plugins claim the documents of their regions.

A region plugin that reaches into ``gongkai.<submodule>`` breaks whenever the core is
reorganised, and shows a third party an API that is not there: every module of these plugins may
import ``gongkai`` and ``gongkai.plugin`` and the names they export (``__all__``); their tests
may also use the conformance kit, ``gongkai.testing``.
"""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import gongkai
import gongkai.plugin
import gongkai.testing
from gongkai import Document
from gongkai.testing import documents, profile_of

ROOT = Path(__file__).resolve().parent.parent
PLUGINS = ROOT / "plugins"
PLUGIN_DIRS = sorted([*PLUGINS.iterdir(), *(ROOT / "examples").iterdir()])
PUBLIC = {
    "gongkai": frozenset(gongkai.__all__),
    "gongkai.plugin": frozenset(gongkai.plugin.__all__),
    "gongkai.testing": frozenset(gongkai.testing.__all__),
}

REGION_DOCUMENTS = settings(
    max_examples=3, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck)
)


def private_uses(source: str, kit: bool = False) -> list[str]:
    """What ``source`` uses of gongkai beyond its public API (``gongkai`` and ``gongkai.plugin``,
    and with ``kit`` ``gongkai.testing``): ``import gongkai.x``, ``from gongkai.x import …``,
    ``from gongkai import <not exported>``, ``gongkai.<not exported>`` and ``"gongkai.x"``
    module names (importlib)."""
    public = {name: names for name, names in PUBLIC.items() if kit or name != "gongkai.testing"}
    found: list[str] = []
    aliases = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "gongkai":
                    aliases.add(alias.asname or "gongkai")
                elif alias.name not in public:
                    found += [f"line {node.lineno}: import {alias.name}"] if alias.name.startswith("gongkai.") else []
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module in public:
                found += [
                    f"line {node.lineno}: from {node.module} import {alias.name}"
                    for alias in node.names
                    if alias.name not in public[node.module]
                ]
            elif node.module.startswith("gongkai.") or node.module == "gongkai":
                found.append(f"line {node.lineno}: from {node.module} import …")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.startswith("gongkai."):
            found.append(f"line {node.lineno}: module name {node.value!r}")
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in aliases
            and node.attr not in PUBLIC["gongkai"]
            and node.attr not in {"plugin", "testing"}
        ):
            found.append(f"line {node.lineno}: {node.value.id}.{node.attr}")
    return found


@pytest.mark.parametrize("plugin", PLUGIN_DIRS, ids=lambda path: path.name)
def test_the_region_plugin_uses_only_gongkais_public_api(plugin: Path) -> None:
    modules = sorted(plugin.rglob("*.py"))
    assert modules, f"no modules under {plugin}"
    uses = {
        str(module.relative_to(ROOT)): private
        for module in modules
        if (private := private_uses(module.read_text(encoding="utf-8"), kit="tests" in module.parts))
    }
    assert uses == {}


@pytest.mark.parametrize(
    "source",
    [
        "from gongkai.segment import TableBlock",
        "import gongkai.regions.profiles",
        "from gongkai import segment",
        "import gongkai\nclaim = gongkai.regions.profiles.claim_from_text",
        "import gongkai as g\ng.identify.by_title('x', None)",
        "import importlib\nimportlib.import_module('gongkai.titles')",
        "if True:\n    from gongkai.titles import read_title",
    ],
)
def test_the_check_finds_a_private_use(source: str) -> None:
    assert private_uses(source) != []


def test_the_check_allows_the_public_api() -> None:
    source = textwrap.dedent(
        """\
        import gongkai
        from gongkai import Conventions, RegionClaim, RegionProfile, hookimpl
        from . import tables

        def parse(data):
            return gongkai.parse(data, name="x.txt")
        """
    )
    assert private_uses(source) == []


def _claimed(document: Document) -> Document:
    data = gongkai.render(document, "text")
    return gongkai.parse(data, name=f"{document.entity}.txt")


@pytest.mark.text
@REGION_DOCUMENTS
@given(documents(region=profile_of("shanghai"), kinds=("budget", "final")))
def test_a_shanghai_district_body_is_claimed_by_shanghai(document: Document) -> None:
    """A district body (黄浦区…局) names no 上海市: its district says where it is."""
    district = next(name for name in profile_of("shanghai").counties if document.entity.startswith(name))
    parsed = _claimed(document)
    assert (parsed.plugin, parsed.region.province, parsed.region.county) == ("shanghai", "上海市", district)


@pytest.mark.text
@REGION_DOCUMENTS
@given(documents(region=profile_of("jiangsu"), kinds=("budget",)))
def test_a_jiangsu_city_body_is_claimed_by_jiangsu(document: Document) -> None:
    parsed = _claimed(document)
    assert (parsed.plugin, parsed.region.province, parsed.region.city) == ("jiangsu", "江苏省", document.region.city)
    assert [table.id for table in parsed.tables] == [table.id for table in document.tables]


def _university_final(entity: str, introduction: str, summary_title: str = "收入支出决算总表") -> bytes:
    """A tiny final-accounts text document of ``entity`` in the central template (表1–表3)."""
    return textwrap.dedent(
        f"""\
        {entity}2023年度部门决算

        {introduction}

        表1
        {summary_title}
        部门：{entity}\t金额单位：万元
        收入\t\t支出\t
        项目\t决算数\t项目\t决算数
        一、财政拨款收入\t100.00\t一、教育支出\t100.00
        本年收入合计\t100.00\t本年支出合计\t100.00

        表3
        支出决算表
        部门：{entity}\t金额单位：万元
        科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出
        205\t教育支出\t100.00\t60.00\t40.00
        20502\t普通教育\t100.00\t60.00\t40.00
        合计\t\t100.00\t60.00\t40.00
        """
    ).encode("utf-8")


@pytest.mark.text
@pytest.mark.parametrize(
    ("entity", "introduction", "summary_title"),
    [
        # directly under the Ministry of Education, in a Jiangsu city: central outranks the city
        ("南京大学", "南京大学是教育部直属的全国重点大学。", "收入支出决算总表"),
        ("西南大学", "西南大学是教育部直属高校。", "收入支出决算总表"),
        # the template's own 高等学校… titles
        ("某某学院", "本单位概况。", "高等学校收支决算总表"),
    ],
)
def test_a_university_under_a_ministry_is_claimed_by_central(
    entity: str, introduction: str, summary_title: str
) -> None:
    document = gongkai.parse(_university_final(entity, introduction, summary_title), name=f"{entity}.txt")
    assert (document.plugin, document.region.province) == ("central", "中央")
    assert [(table.id, table.number) for table in document.tables] == [("summary", "表1"), ("expenditure", "表3")]


@pytest.mark.text
@pytest.mark.parametrize(
    ("entity", "introduction"),
    [
        ("南京市财政局", "南京市财政局负责全市财政工作。"),
        ("南京某某职业学院", "本单位是市属高等职业院校。"),  # a college, but not under a ministry
    ],
)
def test_a_city_body_is_not_claimed_by_central(entity: str, introduction: str) -> None:
    document = gongkai.parse(_university_final(entity, introduction), name=f"{entity}.txt")
    assert (document.plugin, document.region.city) == ("jiangsu", "南京市")


def test_every_region_plugin_is_registered() -> None:
    regions = [path.name for path in PLUGINS.iterdir()]
    assert {region: profile_of(region).name for region in regions} == {region: region for region in regions}


@pytest.mark.text
def test_an_exact_national_title_outranks_the_regions_numbering() -> None:
    """The central template's 表2 is its 收入 table; a university that numbers its 支出决算表 表2
    (having left 收入决算表 out) still has an expenditure table, as the title says."""
    text = (
        _university_final("南京大学", "南京大学是教育部直属的全国重点大学。").decode("utf-8").replace("表3\n", "表2\n")
    )
    document = gongkai.parse(text.encode("utf-8"), name="南京大学.txt")
    assert document.plugin == "central"
    assert [(table.id, table.number) for table in document.tables] == [("summary", "表1"), ("expenditure", "表2")]
