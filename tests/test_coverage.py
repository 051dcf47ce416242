"""Saying what was not read: columns outside the catalogue are kept and not judged, identities on
inferred inputs are warnings, printed-but-unread tables are not missing, and every table says
what of it was read (its coverage record)."""

from __future__ import annotations

import random
from decimal import ROUND_HALF_UP, Decimal

import attrs
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import gongkai
from gongkai import Column, Document, Identification, Severity, Table
from gongkai.identification import BY_STRUCTURE
from gongkai.schema import COLUMN_BY_FALLBACK, COLUMN_PRINTED
from gongkai.testing import change_one_amount, documents
from gongkai.testing.compare import differences

EXTRA = "待分配支出"  # a column no 表样 has: what it holds, the catalogue cannot say


def _with_extra_column(document: Document) -> tuple[Document, Table]:
    """``document`` with a column headed :data:`EXTRA` printed last in its 支出决算表/预算表,
    printing what the row's 基本支出 prints (a part of it, as a “其中” column would: consistent
    with every sum down the columns)."""
    table = document.table("expenditure")
    assert table is not None
    column = Column(id="printed_99", header=(EXTRA,), by=COLUMN_PRINTED)
    rows = []
    for row in table.rows:
        basic = row.cell("basic")
        assert basic is not None
        rows.append(attrs.evolve(row, cells=row.cells + (attrs.evolve(basic, column=column.id, header=(EXTRA,)),)))
    extended = attrs.evolve(table, columns=table.columns + (column,), rows=tuple(rows))
    return attrs.evolve(document, tables=tuple(extended if t is table else t for t in document.tables)), extended


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=documents(kinds=("final",), tables=("expenditure",)))
def test_a_column_outside_the_catalogue_is_kept_as_printed_and_not_judged(document: Document) -> None:
    """Its amounts are kept under their printed header; the row formula it might enter is not
    checked (and says so) rather than failed."""
    with_extra, table = _with_extra_column(document)
    parsed = gongkai.parse(gongkai.render(with_extra, "text"), name="extra.txt")
    read = parsed.table("expenditure")
    assert read is not None
    kept = read.column(next(c.id for c in read.columns if not c.understood))
    assert kept is not None and kept.header == (EXTRA,) and kept.by == COLUMN_PRINTED
    assert read.coverage.not_understood == (EXTRA,) and not read.coverage.complete
    printed = [[c.raw for c in row.cells if c.column == kept.id] for row in read.rows]
    assert printed == [[c.raw for c in row.cells if c.column == "printed_99"] for row in table.rows]
    understood = attrs.evolve(read, columns=tuple(c for c in read.columns if c.understood))
    understood = attrs.evolve(
        understood,
        rows=tuple(attrs.evolve(r, cells=tuple(c for c in r.cells if c.column != kept.id)) for r in read.rows),
    )
    assert differences(document, attrs.evolve(parsed, tables=(understood,))) == []
    assert not [f for f in parsed.findings if f.severity is Severity.ERROR]
    skipped = [f for f in parsed.findings if f.check == "table.columns" and not f.checked]
    assert skipped and EXTRA in skipped[0].message and skipped[0].severity is Severity.INFO


def _errors(document: Document) -> list[gongkai.Finding]:
    return [f for f in gongkai.check(document) if f.severity is Severity.ERROR]


@settings(max_examples=15, deadline=None)
@given(document=documents(kinds=("final", "budget")), seed=st.integers(0, 2**16))
def test_an_inequality_on_a_table_identified_by_structure_is_a_warning_that_says_so(
    document: Document, seed: int
) -> None:
    changed, table, _, _ = change_one_amount(document, random.Random(seed))
    errors = [f for f in _errors(changed) if f.table == table.id]
    assume(errors)  # else the changed amount enters identities with other tables only
    inferred = attrs.evolve(table, identification=Identification(table.id, BY_STRUCTURE))
    doubtful = attrs.evolve(changed, tables=tuple(inferred if t is table else t for t in changed.tables))
    findings = gongkai.check(doubtful)
    assert not [f for f in findings if f.severity is Severity.ERROR and f.table == table.id]
    warned = [f for f in findings if f.table == table.id and f.severity is Severity.WARNING and f.confidence < 1]
    assert warned and all("按表头和科目结构识别" in f.message for f in warned)
    assert {(f.check, f.row, f.column) for f in warned} >= {(f.check, f.row, f.column) for f in errors}


@settings(max_examples=15, deadline=None)
@given(document=documents(kinds=("budget",), tables=("summary", "three_public")), seed=st.integers(0, 2**16))
def test_an_inequality_on_a_column_no_header_named_is_a_warning(document: Document, seed: int) -> None:
    table = document.table("three_public")
    assert table is not None
    changed, changed_table, _, _ = change_one_amount(attrs.evolve(document, tables=(table,)), random.Random(seed))
    assume([f for f in _errors(changed) if f.table == table.id])
    fallback = attrs.evolve(
        changed_table, columns=tuple(attrs.evolve(c, by=COLUMN_BY_FALLBACK) for c in changed_table.columns)
    )
    findings = gongkai.check(attrs.evolve(changed, tables=(fallback,)))
    assert not [f for f in findings if f.severity is Severity.ERROR]
    assert [f for f in findings if f.severity is Severity.WARNING and "不是按表头识别的" in f.message]


@settings(max_examples=10, deadline=None)
@given(document=documents(kinds=("final",)))
def test_every_table_says_what_of_it_was_read(document: Document) -> None:
    parsed = gongkai.parse(gongkai.render(document, "text"), name="generated.txt")
    for table in parsed.tables:
        coverage = table.coverage
        assert coverage.rows == len(table.rows)
        assert coverage.cells == sum(len(row.cells) for row in table.rows)
        assert set(coverage.columns) == {c.id for c in table.columns}, "every column read by its header"
        assert coverage.complete and coverage.identified_by is not None and coverage.confidence


def _without_body(text: str, title: str) -> str:
    """``text`` with the table under ``title`` printed as a picture: its title, then no cells."""
    lines = text.split("\n")
    start = lines.index(title)
    end = next(
        k
        for k in range(start + 1, len(lines))
        if lines[k] and "\t" not in lines[k] and not lines[k].startswith(("编制单位", "单位："))
    )
    return "\n".join(lines[: start + 1] + ["", "（本表以图片形式公开）", ""] + lines[end:])


@settings(max_examples=10, deadline=None)
@given(document=documents(kinds=("final",)))
def test_a_table_whose_title_is_printed_but_body_not_read_is_not_missing(document: Document) -> None:
    """It is reported as not read (info, not checked), never as a missing table, and the
    identities that need it are not run on nothing."""
    expenditure = document.table("expenditure")
    assert expenditure is not None
    text = _without_body(gongkai.render(document, "text").decode("utf-8"), expenditure.title)
    parsed = gongkai.parse(text.encode("utf-8"), name="picture.txt")
    assert parsed.table("expenditure") is None
    assert [(u.table, u.title) for u in parsed.unread] == [("expenditure", expenditure.title)]
    standard = [f for f in parsed.findings if f.check == "completeness.standard" and f.table == "expenditure"]
    assert standard == [], "a table printed but not read is not a missing table"
    unread = [f for f in parsed.findings if f.check == "completeness.unread"]
    assert len(unread) == 1 and not unread[0].checked and unread[0].severity is Severity.INFO
    assert not [f for f in parsed.findings if f.severity is Severity.ERROR]
    assert "1 printed but not read" in gongkai.summary_line(parsed)


_WHOLE_YUAN = """样例市卫生健康委员会2023年度部门决算
支出决算表
编制单位：样例市卫生健康委员会
单位：元
科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出
\t合计\t{total}\t{total}\t0
210\t卫生健康支出\t{total}\t{total}\t0
21011\t行政事业单位医疗\t{a}\t{a}\t0
21015\t医疗保障管理事务\t{b}\t{b}\t0
"""


def _yuan(fen: int) -> int:
    return int((Decimal(fen) / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


@settings(max_examples=25, deadline=None)
@given(x=st.integers(10**4, 10**10), y=st.integers(10**4, 10**10), planted=st.integers(4, 10**5))
def test_a_table_in_whole_yuan_is_allowed_one_yuan_per_addend(x: int, y: int, planted: int) -> None:
    """Each amount rounded to whole 元 on its own: the total may differ from the sum of its printed
    parts by up to 1 元 per part, which is rounding (info), never an error; a larger difference (an
    addend raised by 4 元 or more: 2 parts allow 2 元, rounding alone makes at most 1) is."""
    total, a, b = _yuan(x + y), _yuan(x), _yuan(y)
    text = _WHOLE_YUAN.format(total=total, a=a, b=b)
    findings = gongkai.parse(text.encode("utf-8"), name="yuan.txt").findings
    assert not [f.message for f in findings if f.check.startswith("table.") and f.severity is not Severity.INFO]
    wrong = _WHOLE_YUAN.format(total=total, a=a + planted, b=b)
    found = gongkai.parse(wrong.encode("utf-8"), name="yuan.txt").findings
    assert [f for f in found if f.severity is Severity.ERROR and f.check == "table.hierarchy" and f.row == "210"]


def test_a_seven_digit_whole_yuan_amount_is_an_amount_not_a_code() -> None:
    """A whole-元 amount of three, five or seven digits printed without separators looks like a
    classification code: under an amount header, and after a total's label, it is an amount."""
    text = _WHOLE_YUAN.format(total=1000000, a=1000, b=999000)
    table = gongkai.parse(text.encode("utf-8"), name="yuan.txt").table("expenditure")
    assert table is not None and [c.id for c in table.columns] == ["total", "basic", "project"]
    assert [c.raw for c in table.rows[0].cells] == ["1000000", "1000000", "0"]


@settings(max_examples=10, deadline=None)
@given(document=documents(kinds=("final",), tables=("expenditure",)), pick=st.integers(0, 2**16))
def test_an_amount_that_was_not_read_never_makes_a_sum_an_error(document: Document, pick: int) -> None:
    """A 项 row whose 本年支出合计 prints words where the amount should be: that cell is left out
    (and counted unread), so its 款 and 类 no longer add up, which is a warning that says why,
    never an error against the document."""
    lines = gongkai.render(document, "text").decode("utf-8").split("\n")
    items = [index for index, line in enumerate(lines) if len(line.split("\t")[0]) == 7]
    index = items[pick % len(items)]
    cells = lines[index].split("\t")
    cells[2] = "见说明"  # code, name, then 本年支出合计
    lines[index] = "\t".join(cells)
    parsed = gongkai.parse("\n".join(lines).encode("utf-8"), name="unread.txt")
    table = parsed.table("expenditure")
    assert table is not None and table.coverage.unread_cells == 1 and not table.coverage.complete
    assert not [f.message for f in parsed.findings if f.severity is Severity.ERROR]
    doubted = [f for f in parsed.findings if f.check.startswith("table.") and f.severity is Severity.WARNING]
    assert all("未能读取" in f.message and f.confidence < 1 for f in doubted)
