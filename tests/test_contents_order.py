"""The 目录 against the body: every listed table present, in the listed order, under its number.

A 目录 is read whether or not it prints page numbers or dot leaders, and whether its numbers are
table numbers (公开05表, 表5) or ordinals (五、), in the title or in a column of their own; what it
lists is ``Document.contents``. ``completeness.toc`` reports a listed table the body does not
print, ``completeness.toc-order`` the first listed table the body prints out of the listed order,
``completeness.toc-number`` a listed number (compared by value) the body prints otherwise.

The properties print a consistent generated document with its 目录 in each style
(:mod:`gongkai.testing.contents`) in every format and parse it back: nothing is found; two
entries swapped give exactly one toc-order finding; one entry renumbered gives a toc-number
finding; a listed table left out of the body gives completeness.toc. The seeds and the real
documents give no toc-order or toc-number finding but the one real disorder of the corpus.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Optional

import attrs
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import gongkai
from gongkai import Document, Finding, Provenance, Region, Severity, Table
from gongkai.checks.engine import context_for
from gongkai.layout import Line, LineKind
from gongkai.manager import Registry, default_plugin_manager
from gongkai.schema import ContentsEntry
from gongkai.testing import FORMATS, documents, profile_of
from gongkai.testing.contents import (
    LEADER,
    Listing,
    contents_lines,
    listings,
    number_like,
    print_contents,
    renumbered,
    swapped,
    with_contents,
)
from gongkai.testing.narrative import narrated_documents
from gongkai.toc import find_contents, printed_number

from .seeds import FACTS, FIXTURES

REGIONS = ("national", "fujian", "yunnan", "hubei")
NUMBERED_REGIONS = ("fujian", "yunnan", "hubei")  # their tables print 公开NN表
NEEDS = {"text": (), "markdown": (), "html": ("lxml",), "pdf": ("pdfminer", "reportlab")}
SHARED = Path(__file__).resolve().parents[2] / "shared"
TOC_CHECKS = ("completeness.toc", "completeness.toc-order", "completeness.toc-number")


def _format(to: str) -> Any:
    missing = [module for module in NEEDS[to] if importlib.util.find_spec(module) is None]
    marks: list[Any] = [getattr(pytest.mark, to)]
    if missing:
        marks.append(pytest.mark.skip(reason=f"the {to} format needs {', '.join(missing)}"))
    return pytest.param(to, marks=marks, id=to)


FORMAT_PARAMS = [_format(to) for to in FORMATS]


def _settings(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


def found(document: Document, check: str) -> list[Finding]:
    return [finding for finding in document.findings if finding.check == check]


# -- reading a 目录, in each style ------------------------------------------------------------------


def text_lines(texts: Sequence[str]) -> list[Line]:
    return [Line(index, LineKind.TEXT, (text,), 1) for index, text in enumerate(texts, start=1)]


@pytest.mark.parametrize(
    ("printed", "title", "number", "value", "page"),
    [
        ("一、收入支出决算总表", "一、收入支出决算总表", "一、", 1, None),
        ("公开01表 收入支出决算总表", "公开01表收入支出决算总表", "公开01表", 1, None),
        ("公开05表 一般公共预算财政拨款支出决算表 7", "公开05表一般公共预算财政拨款支出决算表", "公开05表", 5, 7),
        ("表五 一般公共预算财政拨款支出决算表", "表五一般公共预算财政拨款支出决算表", "表五", 5, None),
        ("（四）高等学校财政拨款支出决算表", "（四）高等学校财政拨款支出决算表", "（四）", 4, None),
        ("1. 2023年部门财务收支预算总表", "1.2023年部门财务收支预算总表", "1.", 1, None),
        ("十一、一般公共预算机关运行经费支出预算表 12", "十一、一般公共预算机关运行经费支出预算表", "十一、", 11, 12),
        ("收入支出决算总表", "收入支出决算总表", None, None, None),
    ],
)
def test_an_entry_without_leaders_keeps_its_number_and_page(
    printed: str, title: str, number: Optional[str], value: Optional[int], page: Optional[int]
) -> None:
    entries = find_contents(text_lines(["目录", printed, "第一部分 部门概况。本部门负责全市有关工作。"]))
    assert [(e.title, e.number, e.number_value, e.page) for e in entries] == [(title, number, value, page)]


@pytest.mark.parametrize(
    ("printed", "number", "value", "page"),
    [
        ("一、收入支出决算总表……………………3", "一、", 1, 3),
        ("公开03表 支出决算表 ·························· 5", "公开03表", 3, 5),
        ("二、收入决算表 .................................. - 4 -", "二、", 2, 4),
        ("收入决算表……………………", None, None, None),
    ],
)
def test_a_leader_entry_keeps_its_number_and_page(
    printed: str, number: Optional[str], value: Optional[int], page: Optional[int]
) -> None:
    (entry,) = find_contents(text_lines([printed]))
    assert (entry.number, entry.number_value, entry.page) == (number, value, page)


def test_page_numbers_and_numbers_in_columns_of_their_own() -> None:
    lines = [
        Line(1, LineKind.TEXT, ("目录",)),
        Line(2, LineKind.CELLS, ("序号", "报表名称", "页码")),
        Line(3, LineKind.CELLS, ("1", "收支预算总表", "3")),
        Line(4, LineKind.CELLS, ("公开02表", "收入预算总表", "4")),
        Line(5, LineKind.CELLS, ("支出预算总表……………", "5")),
        Line(6, LineKind.TEXT, ("一、部门主要职能。负责全区民政工作。",)),
    ]
    entries = find_contents(lines)
    assert [(e.title, e.number, e.number_value, e.page) for e in entries] == [
        ("收支预算总表", "1", 1, 3),
        ("收入预算总表", "公开02表", 2, 4),
        ("支出预算总表", None, None, 5),
    ]


def test_an_ellipsis_in_running_text_is_no_entry() -> None:
    """Only a page number may follow a leader, and the title before it is no sentence."""
    lines = text_lines(
        [
            "XX%；事业收入XXX万元，占XX%；经营收入XXX万元，占XX%……",
            "括：办公费、印刷费……其他资本性支出（不涉及的不列）。",
            "度名称）……，建立了XXXX的预算绩效管理工作机制",
        ]
    )
    assert find_contents(lines) == []


@pytest.mark.parametrize(
    ("number", "value"), [("公开05表", 5), ("表5", 5), ("表五", 5), ("五、", 5), ("公开表十二", 12)]
)
def test_numbers_are_read_by_value(number: str, value: int) -> None:
    assert printed_number(number + "一般公共预算财政拨款支出决算表")[1] == value


# -- the checks on documents built by hand -----------------------------------------------------------


def _table(table_id: str, line: int, number: Optional[str] = None, title: str = "") -> Table:
    return Table(
        id=table_id, title=title or table_id, columns=(), rows=(), number=number, provenance=Provenance(line=line)
    )


def _entry(table_id: Optional[str], line: int, number: Optional[str] = None) -> ContentsEntry:
    value = printed_number(number)[1] if number else None
    title = f"{table_id or '部门概况'}表"
    return ContentsEntry(
        title=title, number=number, number_value=value, table=table_id, provenance=Provenance(line=line)
    )


def _checked(tables: Sequence[Table], contents: Sequence[ContentsEntry], **more: Any) -> Document:
    document = Document(
        source="hand.txt", format="text", sha256="", region=Region(), plugin="national", entity=None, year=2023,
        kind="final", scope="department", unit="万元", tables=tuple(tables), contents=tuple(contents), **more,
    )  # fmt: skip
    manager = default_plugin_manager()
    context = context_for(document, manager)
    findings = [
        finding
        for registered in Registry.collect(manager).checks
        if registered.record.id in TOC_CHECKS
        for finding in registered.record.run(document, context)
    ]
    return attrs.evolve(document, findings=tuple(findings))


BODY = (_table("summary", 20, "公开01表"), _table("income", 40, "公开02表"), _table("expenditure", 60, "公开03表"))


def test_the_listed_order_kept_and_numbers_spelt_otherwise_find_nothing() -> None:
    contents = [_entry(None, 2), _entry("summary", 3, "一、"), _entry("income", 4, "表2"), _entry("expenditure", 5)]
    assert _checked(BODY, contents).findings == ()


def test_the_first_entry_out_of_order_names_both_tables_and_its_line() -> None:
    contents = [_entry("summary", 3), _entry("expenditure", 4), _entry("income", 5)]
    (finding,) = _checked(BODY, contents).findings
    assert finding.check == "completeness.toc-order" and finding.severity is Severity.WARNING
    assert finding.table == "income" and finding.provenance.line == 5
    assert "第5行" in finding.message and "incomeincome" not in finding.message
    assert "expenditure" in finding.message and "income" in finding.message


def test_a_table_printed_twice_is_in_order_where_one_printing_is() -> None:
    body = (*BODY, _table("summary", 80, "公开01表"))
    contents = [_entry("summary", 3), _entry("income", 4), _entry("expenditure", 5)]
    assert _checked(body, contents).findings == ()
    body = (_table("income", 10), *BODY)
    assert _checked(body, contents).findings == ()


def test_a_contents_listing_some_tables_or_tables_not_read_asserts_nothing_about_the_others() -> None:
    contents = [_entry("summary", 3, "一、"), _entry("expenditure", 4, "三、")]
    assert _checked(BODY, contents).findings == ()
    unread = (gongkai.UnreadTable(title="收入决算表", table="income", provenance=Provenance(line=50)),)
    contents = [_entry("summary", 3), _entry("expenditure", 4), _entry("income", 5)]
    body = (BODY[0], BODY[2])
    assert _checked(body, contents, unread=unread).findings == ()


def test_an_entry_naming_a_table_twice_asserts_nothing_more() -> None:
    contents = [_entry("summary", 3), _entry("income", 4), _entry("summary", 5), _entry("expenditure", 6)]
    assert _checked(BODY, contents).findings == ()


def test_a_number_is_compared_by_value_and_only_where_both_sides_print_one() -> None:
    contents = [_entry("summary", 3, "公开01表"), _entry("income", 4, "三、"), _entry("expenditure", 5, "表3")]
    (finding,) = _checked(BODY, contents).findings
    assert (finding.check, finding.table, finding.printed, finding.expected) == (
        "completeness.toc-number",
        "income",
        "三、",
        "公开02表",
    )
    assert "第4行" in finding.message
    unnumbered = (_table("summary", 20), _table("income", 40), _table("expenditure", 60))
    assert _checked(unnumbered, contents).findings == ()


def test_a_body_title_printing_an_ordinal_is_numbered_by_it() -> None:
    body = (_table("summary", 20, title="一、收支预算总表"), _table("income", 40, title="二、收入预算总表"))
    contents = [_entry("summary", 3, "一、"), _entry("income", 4, "公开03表")]
    (finding,) = _checked(body, contents).findings
    assert (finding.check, finding.expected) == ("completeness.toc-number", "二、")


# -- the generator -------------------------------------------------------------------------------------


def test_entries_print_as_real_contents_do() -> None:
    entry = Listing(title="支出决算表", number="公开03表", page=5, table="expenditure")
    assert entry.text(leaders=True) == f"公开03表 支出决算表{LEADER}5"
    assert entry.text(leaders=False) == "公开03表 支出决算表 5"
    assert attrs.evolve(entry, number="三、", page=None).text(leaders=False) == "三、支出决算表"
    assert number_like("公开05表", 12) == "公开12表" and number_like("五、", 12) == "十二、"
    assert number_like("表5", 7) == "表7" and number_like("公开表五", 21) == "公开表二十一"


# -- generated documents in every format --------------------------------------------------------------


@attrs.frozen
class Style:
    page_numbers: bool
    leaders: bool
    numbered: bool
    ordinals: bool


@st.composite
def styles(draw: st.DrawFn, numbered: Optional[bool] = None) -> Style:
    numbers = draw(st.booleans()) if numbered is None else numbered
    return Style(draw(st.booleans()), draw(st.booleans()), numbers, numbers and draw(st.booleans()))


def _entries(document: Document, style: Style) -> tuple[Listing, ...]:
    return listings(document, numbered=style.numbered, ordinals=style.ordinals, page_numbers=style.page_numbers)


def parse_back(document: Document, entries: Sequence[Listing], style: Style, to: str) -> Document:
    printed = with_contents(document, print_contents(entries, leaders=style.leaders))
    return gongkai.parse(gongkai.render(printed, to), name=f"{document.entity}.{to}")


def _problems(document: Document) -> list[str]:
    """The completeness findings of a consistent document with its 目录: none, but the warnings
    that a generated document holds six tables, not its region's whole set."""
    return [
        f"{finding.check}: {finding.message}"
        for finding in document.findings
        if finding.check.startswith("completeness.")
        and finding.severity is not Severity.INFO
        and finding.check != "completeness.standard"
    ]


@pytest.mark.parametrize("to", FORMAT_PARAMS)
def test_a_consistent_contents_is_read_and_finds_nothing(to: str) -> None:
    @_settings(8)
    @given(region=st.sampled_from(REGIONS), style=styles(), narrated=st.booleans(), data=st.data())
    def check(region: str, style: Style, narrated: bool, data: st.DataObject) -> None:
        profile = profile_of(region)
        document = data.draw(narrated_documents(profile, contents=False) if narrated else documents(profile))
        lines = contents_lines(
            document,
            page_numbers=style.page_numbers,
            leaders=style.leaders,
            numbered=style.numbered,
            ordinals=style.ordinals,
        )
        parsed = gongkai.parse(gongkai.render(with_contents(document, lines), to), name=f"x.{to}")
        listed = [entry for entry in parsed.contents if entry.table is not None]
        assert [entry.table for entry in listed] == [table.id for table in document.tables], parsed.contents
        if style.page_numbers:
            assert all(entry.page is not None for entry in parsed.contents)
        if style.numbered:
            assert all(entry.number_value is not None for entry in listed)
        assert _problems(parsed) == []

    check()


@pytest.mark.parametrize("to", FORMAT_PARAMS)
def test_two_entries_swapped_are_one_toc_order_finding(to: str) -> None:
    @_settings(5)
    @given(region=st.sampled_from(REGIONS), style=styles(), data=st.data())
    def check(region: str, style: Style, data: st.DataObject) -> None:
        document = data.draw(documents(profile_of(region)))
        entries = _entries(document, style)
        first, second = sorted(
            data.draw(st.lists(st.integers(0, len(entries) - 1), min_size=2, max_size=2, unique=True))
        )
        parsed = parse_back(document, swapped(entries, first, second), style, to)
        (finding,) = found(parsed, "completeness.toc-order")
        assert finding.severity is Severity.WARNING and finding.provenance.line is not None
        assert found(parsed, "completeness.toc-number") == found(parsed, "completeness.toc") == []

    check()


@pytest.mark.parametrize("to", FORMAT_PARAMS)
def test_an_entry_renumbered_is_a_toc_number_finding(to: str) -> None:
    @_settings(5)
    @given(region=st.sampled_from(NUMBERED_REGIONS), style=styles(numbered=True), data=st.data())
    def check(region: str, style: Style, data: st.DataObject) -> None:
        document = data.draw(documents(profile_of(region)))
        entries = _entries(document, style)
        numbered = [
            index
            for index, entry in enumerate(entries)
            if entry.number and entry.table and (document.table(entry.table) or Table("", "", (), ())).number
        ]
        assume(numbered)
        index = data.draw(st.sampled_from(numbered))
        value = printed_number(entries[index].number or "")[1]
        new = data.draw(st.integers(1, 30).filter(lambda other: other != value))
        parsed = parse_back(document, renumbered(entries, index, new), style, to)
        findings = found(parsed, "completeness.toc-number")
        assert [finding.table for finding in findings] == [entries[index].table]
        assert findings[0].severity is Severity.WARNING and findings[0].printed == number_like(
            entries[index].number or "", new
        )
        assert found(parsed, "completeness.toc-order") == found(parsed, "completeness.toc") == []

    check()


@pytest.mark.parametrize("to", FORMAT_PARAMS)
def test_a_listed_table_left_out_of_the_body_is_missing(to: str) -> None:
    @_settings(5)
    @given(region=st.sampled_from(REGIONS), style=styles(), data=st.data())
    def check(region: str, style: Style, data: st.DataObject) -> None:
        document = data.draw(documents(profile_of(region)))
        entries = _entries(document, style)
        left_out = data.draw(st.sampled_from(document.tables))
        body = attrs.evolve(document, tables=tuple(table for table in document.tables if table is not left_out))
        parsed = parse_back(body, entries, style, to)
        missing = found(parsed, "completeness.toc")
        assert [(finding.table, finding.severity) for finding in missing] == [(left_out.id, Severity.ERROR)]
        assert found(parsed, "completeness.toc-order") == found(parsed, "completeness.toc-number") == []

    check()


# -- real documents -------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", sorted(FACTS))
def test_the_seeds_contents_agree_with_their_bodies(seed: str, parsed: dict[str, Document]) -> None:
    """000 lists 02–05, which its body lacks (completeness.toc); none lists a table out of order
    or under another number."""
    document = parsed[seed]
    assert found(document, "completeness.toc-order") == found(document, "completeness.toc-number") == []
    listed = [entry for entry in document.contents if entry.table is not None]
    assert len(listed) == {"000": 9, "001": 0, "002": 10, "003": 0, "004": 9}[seed]


@pytest.mark.text
def test_seed_000_lists_its_tables_with_ordinals_and_pages() -> None:
    document = gongkai.parse(FIXTURES / FACTS["000"].file)
    entry = next(entry for entry in document.contents if entry.table == "general_budget_expenditure")
    assert (entry.title, entry.number, entry.number_value, entry.page) == (
        "一般公共预算财政拨款支出决算表",
        "五、",
        5,
        12,
    )


def _real(name: str) -> Path:
    for folder in ("corpus", "pdf"):
        if (SHARED / folder / name).exists():
            return SHARED / folder / name
    pytest.skip(f"{name} is not here (the shared documents live beside the project)")


# the one real document whose 目录 disagrees with its body: it lists 四、财政拨款收支预算总表 before
# 五、财政拨款支出预算表, and prints the 支出 table on page 11 before the 收支总表 on page 12
OUT_OF_ORDER = {"js2017_rd_budget.pdf": ("fiscal_grant_expenditure", 14)}
REAL = (
    "cq_swu2023_final.pdf", "js2017_jcy_budget.pdf", "js2017_rd_budget.pdf", "js2018_jcy_budget.pdf",
    "js2018_rd_budget.pdf", "sh2023_wanli_budget.pdf", "sh2025_qfb_unit_budget.pdf",
    "shanghai-putuo-2024-final-shehui-gongzuobu.pdf", "shanghai-putuo-2024-final-template.pdf",
)  # fmt: skip


@pytest.mark.pdf
@pytest.mark.parametrize("name", REAL)
def test_real_contents_find_only_the_real_disorder(name: str) -> None:
    pytest.importorskip("pdfminer")
    document = gongkai.parse(_real(name))
    listed = [entry for entry in document.contents if entry.table is not None]
    assert listed, f"{name}: no entry of its 目录 names a table"
    order = [(f.table, f.provenance.line) for f in found(document, "completeness.toc-order")]
    assert order == ([OUT_OF_ORDER[name]] if name in OUT_OF_ORDER else [])
    assert found(document, "completeness.toc-number") == []
