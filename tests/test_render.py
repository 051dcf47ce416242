"""Rendering: header spans, a region's conventions in the printed grid, and ``gongkai render``.

The round trips through every format are in test_roundtrip_formats.py; these tests pin what a
reader of the rendered output sees and the command line's contract (one error line, documented
exit codes, no half-written output).
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import gongkai
from gongkai import Conventions, Document, Renderer, hookimpl
from gongkai.errors import PluginError
from gongkai.manager import create_plugin_manager
from gongkai.rendering import lay_out
from gongkai.rendering.grids import grid_of
from gongkai.rendering.headers import header_spans
from gongkai.rendering.sheet import Grid, Heading, Paragraph
from gongkai.testing import differences, documents, profile_of

from .seeds import FACTS, FIXTURES

GONGKAI = [sys.executable, "-m", "gongkai"]
WORDS = st.sampled_from(["项目", "本年支出", "合计", "基本支出", "人员经费", "公用经费", "年末结转和结余"])


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*GONGKAI, *args], capture_output=True, cwd=cwd, check=False)


def _seed(seed: str) -> Path:
    return FIXTURES / FACTS[seed].file


@given(st.lists(st.lists(WORDS, min_size=1, max_size=3).map(tuple), min_size=1, max_size=12))
def test_header_spans_cover_every_position_exactly_once(paths: list[tuple[str, ...]]) -> None:
    rows = header_spans(paths)
    depth = max(len(path) for path in paths)
    covered = [[0] * len(paths) for _ in range(depth)]
    for r, spans in enumerate(rows):
        for span in spans:
            for rr in range(r, r + span.height):
                for cc in range(span.column, span.column + span.width):
                    covered[rr][cc] += 1
    assert covered == [[1] * len(paths) for _ in range(depth)]
    # reading down a column gives back its header path
    for column, path in enumerate(paths):
        read = [s.text for r, spans in enumerate(rows) for s in spans if s.column <= column < s.column + s.width]
        assert tuple(read) == path


def test_shared_outer_headers_print_once_over_their_columns() -> None:
    rows = header_spans(
        [("本年支出", "合计"), ("本年支出", "基本支出", "人员经费"), ("本年支出", "基本支出", "公用经费")]
    )
    assert [(s.text, s.width, s.height) for s in rows[0]] == [("本年支出", 3, 1)]
    assert [(s.text, s.width, s.height) for s in rows[1]] == [("合计", 1, 2), ("基本支出", 2, 1)]


def test_a_region_that_splits_codes_prints_class_kuan_and_xiang_columns(parsed: dict[str, Document]) -> None:
    table = parsed["003"].table("expenditure")
    assert table is not None
    grid = grid_of(table, Conventions(split_codes=True))
    texts = [row for row in grid.header_texts() if row[0] != "栏次"]  # the 栏次 row the seed prints
    assert texts[-1][:4] == ["类", "款", "项", ""]
    row = next(cells for cells in grid.body if cells[3] == "机关事业单位基本养老保险缴费支出")
    assert row[:3] == ("208", "05", "05")


def test_column_numbers_follow_the_regions_own_column_order(parsed: dict[str, Document]) -> None:
    table = parsed["001"].table("income")  # Fujian prints no 栏次 and no 事业收入/教育收费 column
    assert table is not None
    order = {"income": ("total", "fiscal_grant", "superior_subsidy", "business", "business_tuition", "operating")}
    grid = grid_of(table, Conventions(column_numbers=True, column_order=order), own=False)
    ordinals = dict(zip(grid.header_texts()[0], grid.header_texts()[-1]))
    assert ordinals["经营收入"] == "6"  # its place in the region's order, though 教育收费 is not printed


def test_the_document_keeps_its_place_between_text_and_tables(parsed: dict[str, Document]) -> None:
    sheet = lay_out(parsed["003"])
    kinds = [type(block) for block in sheet.blocks]
    assert kinds[0] is Heading and sheet.title == "曲靖市沾益区医疗保障局2023年度部门决算"
    first_grid = kinds.index(Grid)
    assert [b.text for b in sheet.blocks[first_grid - 4 : first_grid]] == [
        "收入支出决算表",
        "公开01表",
        "编制单位：曲靖市沾益区医疗保障局",
        "单位：万元",
    ]
    texts = [b.text for b in sheet.blocks if isinstance(b, Paragraph)]
    assert texts.index("公开01表") < next(i for i, text in enumerate(texts) if "部门基本情况" in text)


def test_rendering_never_alters_a_printed_amount(parsed: dict[str, Document]) -> None:
    document = parsed["004"]  # Hubei: thousands separators, 0.00
    text = gongkai.render(document, "text").decode("utf-8")
    for _, _, cell in document.cells():
        if cell.raw:
            assert cell.raw in text


@pytest.mark.markdown
def test_render_converts_a_disclosure_to_markdown_that_parses_the_same(tmp_path: Path) -> None:
    out = tmp_path / "003.md"
    result = _run("render", str(_seed("003")), "--to", "markdown", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    assert differences(gongkai.parse(_seed("003")), gongkai.parse(out)) == []


@pytest.mark.html
def test_render_writes_html_to_standard_output() -> None:
    pytest.importorskip("lxml")
    result = _run("render", str(_seed("001")), "--to", "html")
    assert result.returncode == 0, result.stderr
    page = result.stdout.decode("utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<th colspan="3">收入</th>' not in page
    assert differences(gongkai.parse(_seed("001")), gongkai.parse(result.stdout, name="001.html")) == []


@pytest.mark.pdf
def test_render_converts_a_disclosure_to_pdf(tmp_path: Path) -> None:
    pytest.importorskip("reportlab")
    pytest.importorskip("pdfminer")
    out = tmp_path / "004.pdf"
    result = _run("render", str(_seed("004")), "--to", "pdf", "--region", "hubei", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert differences(gongkai.parse(_seed("004")), gongkai.parse(out)) == []


@pytest.mark.pdf
def test_render_converts_a_real_pdf_disclosure_to_markdown(tmp_path: Path) -> None:
    pytest.importorskip("pdfminer")
    source = Path(__file__).parents[2] / "shared" / "pdf"
    pdfs = sorted(source.glob("*.pdf")) if source.is_dir() else []
    if not pdfs:
        pytest.skip("../shared/pdf is not present")
    for pdf in pdfs:
        first = gongkai.parse(pdf)
        again = gongkai.parse(gongkai.render(first, "markdown"), name=f"{pdf.stem}.md")
        assert differences(first, again) == [], pdf.name


def test_render_names_an_unknown_region_as_a_usage_error(tmp_path: Path) -> None:
    result = _run("render", str(_seed("003")), "--region", "atlantis", "-o", str(tmp_path / "x.html"))
    assert result.returncode == 2
    assert b"atlantis" in result.stderr and b"Traceback" not in result.stderr
    assert not (tmp_path / "x.html").exists()


def test_render_takes_one_file(tmp_path: Path) -> None:
    result = _run("render", str(_seed("003")), str(_seed("004")))
    assert result.returncode == 2
    assert result.stderr.decode("utf-8").strip() == "gongkai: render: give exactly one FILE (or --sample)"


def test_render_of_a_file_that_is_not_a_disclosure_is_one_line_and_no_output(tmp_path: Path) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("购物清单：苹果、梨。\n", encoding="utf-8")
    out = tmp_path / "out.md"
    result = _run("render", str(bad), "--to", "markdown", "-o", str(out))
    assert result.returncode == 4
    lines = result.stderr.decode("utf-8").splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"gongkai: {bad}: ")
    assert not out.exists()


@pytest.mark.skipif(importlib.util.find_spec("reportlab") is not None, reason="reportlab is installed")
def test_render_to_pdf_without_reportlab_says_which_extra_to_install(tmp_path: Path) -> None:
    result = _run("render", str(_seed("003")), "--to", "pdf", "-o", str(tmp_path / "x.pdf"))
    assert result.returncode == 3
    assert result.stderr.decode("utf-8").strip().endswith("pip install 'gongkai[pdf]'")
    assert not (tmp_path / "x.pdf").exists()


def test_plugins_lists_the_renderers() -> None:
    listing = _run("plugins").stdout.decode("utf-8")
    section = listing.split("renderers:")[1].split("exporters:")[0]
    assert {line.split()[0] for line in section.strip().splitlines()} == {"text", "markdown", "html", "pdf"}


class _OutlinePlugin:
    """A third party's renderer: the document's outline, one line per heading and table."""

    @hookimpl
    def gongkai_renderers(self) -> list[Renderer]:
        def outline(sheet: object) -> bytes:
            blocks = getattr(sheet, "blocks", ())
            lines = [
                b.text if isinstance(b, Heading) else f"[{b.width} columns]"
                for b in blocks
                if not isinstance(b, Paragraph)
            ]
            return "\n".join(lines).encode("utf-8")

        return [Renderer(name="outline", render=outline, extension=".txt", description="headings and tables")]


def test_a_plugin_adds_a_format_through_gongkai_renderers(parsed: dict[str, Document]) -> None:
    manager = create_plugin_manager(entry_points=False, plugins=[_OutlinePlugin()])
    outline = gongkai.render(parsed["003"], "outline", plugin_manager=manager).decode("utf-8").splitlines()
    assert outline[:3] == ["曲靖市沾益区医疗保障局2023年度部门决算", "收入支出决算表", "[6 columns]"]
    assert len([line for line in outline if line.endswith("columns]")]) == len(parsed["003"].tables)


def test_two_renderers_with_one_name_are_a_broken_plugin() -> None:
    class Clash:
        @hookimpl
        def gongkai_renderers(self) -> list[Renderer]:
            return [Renderer(name="html", render=lambda sheet: b"", extension=".html")]

    with pytest.raises(PluginError, match="renderer 'html' is registered twice"):
        create_plugin_manager(entry_points=False, plugins=[Clash()])


@pytest.mark.parametrize("to", ["text", "markdown", "html"])
@given(document=documents(tables=("three_public",)))
@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_an_empty_table_under_a_header_of_three_levels_keeps_no_rows(to: str, document: Document) -> None:
    """A table printed empty (a template, 本表无数据) whose header puts 合计 under a header over
    several columns: the 合计 of the header is no row, and the columns keep their printed paths."""
    if to == "html":
        pytest.importorskip("lxml")
    table = document.tables[0]
    header = {"budget": ("财政拨款“三公”经费", "合计", "预算数"), "final": ("财政拨款“三公”经费", "合计", "决算数")}
    columns = tuple(attrs.evolve(column, header=header[column.id]) for column in table.columns if column.id in header)
    empty = attrs.evolve(document, tables=(attrs.evolve(table, rows=(), columns=columns),))
    again = gongkai.parse(gongkai.render(empty, to), name=f"empty.{ {'text': 'txt', 'markdown': 'md'}.get(to, to) }")
    assert differences(empty, again) == []


@given(document=documents(tables=("basic_expenditure_economic",)))
@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_one_word_over_a_whole_header_heads_every_column(document: Document) -> None:
    """A line printing one word above the header (项目经费 over side-by-side groups, written once
    at the start of the line by a text extract) is the outer level of every column."""
    text = gongkai.render(document, "text").decode("utf-8")
    header = next(line for line in text.splitlines() if line.startswith("科目编码\t"))
    over = "项目经费" + "\t" * header.count("\t")  # the merged cell's other positions left empty
    again = gongkai.parse(text.replace(header, f"{over}\n{header}", 1).encode("utf-8"), name="economic.txt")
    table = document.tables[0]
    columns = tuple(attrs.evolve(column, header=("项目经费", *column.header)) for column in table.columns)
    expected = attrs.evolve(document, tables=(attrs.evolve(table, columns=columns),))
    assert differences(expected, again) == []


@given(document=documents(profile_of("yunnan"), tables=("income",)))
@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_sub_headers_printed_under_a_group_survive_a_text_round_trip(document: Document) -> None:
    """事业收入 printed over 小计 and 其中：教育收费 (text writes the merged 事业收入 once): each
    column comes back under its printed path, and 经营收入 right of them under its own only."""
    table = document.tables[0]
    ids = [column.id for column in table.columns]
    assume("business_tuition" in ids and ids.index("business_tuition") < len(ids) - 1)
    printed = {"business": ("事业收入", "小计"), "business_tuition": ("事业收入", "其中：教育收费")}
    columns = tuple(attrs.evolve(column, header=printed.get(column.id, column.header)) for column in table.columns)
    expected = attrs.evolve(document, tables=(attrs.evolve(table, columns=columns),))
    again = gongkai.parse(gongkai.render(expected, "text"), name="income.txt")
    assert differences(expected, again) == []
