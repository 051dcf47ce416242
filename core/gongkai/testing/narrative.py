"""A consistent 情况说明 for a generated document: the sentences real disclosures print, with the
document's own figures.

:func:`narrate` writes, from a document's tables, the narrative a department prints before them:
a part heading with the year, a section per table (收入支出总体情况, 收入, 支出, 一般公共预算财政拨款
支出 with its 科目, 基本支出, “三公”经费), each restating totals and items, giving shares (占 N%),
the change over last year (增加 N 万元，增长 N%), the “三公” figures against their budget (完成预算的
N%, 比预算减少 N 万元) or last year's, statements that an item was not spent (未发生…), and a
year-end date (截至 2023 年 12 月 31 日); half of them print a 目录 first. The wording of each
sentence is drawn from the ways real documents put it. Every claim agrees with the tables, so the
text checks find nothing on it; :mod:`gongkai.testing.mutations` plants errors in it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Optional

import attrs
from hypothesis import strategies as st

from ..canonical import load_spec
from ..checks.labels import first, group_index
from ..registrations import RegionProfile
from ..schema import Document, Provenance, Row, Table, TextLine
from ..vocabulary import chinese_numeral
from .contents import contents_lines, with_contents
from .strategies import TABLES, documents

_CENT = Decimal("0.01")
_KIND = {"final": "决算", "budget": "预算"}


def _money(value: Decimal) -> str:
    return f"{value.quantize(_CENT, ROUND_HALF_UP):,.2f}" if abs(value) >= 1000 else f"{value.quantize(_CENT)}"


def _percent(part: Decimal, whole: Decimal) -> str:
    return f"{(part / whole * 100).quantize(_CENT, ROUND_HALF_UP)}%"


@attrs.frozen
class _Tables:
    """Reading a generated document's cells by table, row label pattern and column."""

    document: Document

    def value(self, table_id: str, row: str, column: str, group: Optional[str] = None) -> Optional[Decimal]:
        table = self.document.table(table_id)
        if table is None:
            return None
        found = first(table, row, group_index(load_spec().table(table_id).groups, group))
        cell = None if found is None else found.cell(column)
        if cell is None:
            return None
        return cell.value if cell.value is not None else Decimal(0)

    def table(self, table_id: str) -> Optional[Table]:
        return self.document.table(table_id)


class _Writer:
    """Sentences, collected as narrative lines in printed order."""

    def __init__(self, draw: st.DrawFn) -> None:
        self.draw = draw
        self.lines: list[str] = []

    def heading(self, text: str) -> None:
        self.lines.append(text)

    def say(self, *clauses: Optional[str]) -> None:
        text = "，".join(clause for clause in clauses if clause)
        if text:
            self.lines.append(text + "。")

    def pick(self, *options: str) -> str:
        return self.draw(st.sampled_from(options))


def _change(draw: st.DrawFn, value: Decimal, what: str = "") -> Optional[str]:
    """A change over last year, drawn: "与上年相比增加 N 万元，增长 P%" with a last year's figure
    that makes both agree (None when this year's figure is nothing)."""
    if value <= 0:
        return None
    factor = Decimal(draw(st.integers(50, 150))) / 100
    last = (value * factor).quantize(_CENT)
    if last <= 0 or last == value:
        return None
    delta = value - last
    rising = delta > 0
    lead = draw(st.sampled_from(("与上年相比", "比上年", "较上年", "与上年度相比")))
    amount = f"{what}{'增加' if rising else '减少'}{_money(abs(delta))}万元"
    percent = f"{'增长' if rising else '下降'}{_percent(abs(delta), last)}"
    return f"{lead}{amount}，{percent}"


def _section(writer: _Writer, number: int, words: str) -> None:
    writer.heading(f"{chinese_numeral(number + 1)}、{words}")


def _overall(writer: _Writer, tables: _Tables, year: int, kind: str) -> None:
    grand = tables.value("summary", "总计|收入总计", "income", "income")
    if grand is None:
        return
    word = _KIND[kind]
    writer.say(
        f"{year}年度收入、支出总计均为{_money(grand)}万元"
        if writer.pick("both", "apart") == "both"
        else f"{year}年度收入总计{_money(grand)}万元，支出总计{_money(grand)}万元",
        _change(writer.draw, grand) if kind == "final" else None,
    )
    income = tables.value("summary", "本年收入合计", "income", "income")
    if income is not None:
        writer.say(f"本年收入合计{_money(income)}万元，本年支出合计{_money(income)}万元", f"均为{year}年{word}数")


def _income(writer: _Writer, tables: _Tables) -> None:
    total = tables.value("summary", "本年收入合计", "income", "income")
    table = tables.table("summary")
    if total is None or table is None:
        return
    clauses = [f"本年收入合计{_money(total)}万元"]
    items = [row for row in table.rows if row.group == 0 and re.match(r"[一二三四五六七八九十]+、", row.label)]
    stated = [(row, row.cell("income")) for row in items]
    parts = [f"{_plain(row.label)}{_money(cell.value)}万元" for row, cell in stated if cell and cell.value]
    if total > 0:
        parts = [
            f"{_plain(row.label)}{_money(cell.value)}万元，占{_percent(cell.value, total)}"
            for row, cell in stated
            if cell and cell.value
        ]
    if parts:
        clauses.append("其中：" + "；".join(parts))
    writer.say(*clauses)


def _plain(label: str) -> str:
    return re.sub(r"^(?:[一二三四五六七八九十]+、|其中[:：]|[(（]\d[)）]|\d\.)", "", label)


def _expenditure(writer: _Writer, tables: _Tables) -> None:
    total = tables.value("expenditure", "合计", "total")
    basic = tables.value("expenditure", "合计", "basic")
    project = tables.value("expenditure", "合计", "project")
    if total is None or basic is None or project is None:
        return
    if total > 0:
        writer.say(
            f"本年支出合计{_money(total)}万元",
            f"其中：基本支出{_money(basic)}万元，占{_percent(basic, total)}；"
            f"项目支出{_money(project)}万元，占{_percent(project, total)}",
        )
    else:
        writer.say(f"本年支出合计{_money(total)}万元")


def _general_budget(writer: _Writer, tables: _Tables, year: int, kind: str) -> None:
    table = tables.table("general_budget_expenditure")
    total = tables.value("general_budget_expenditure", "合计", "total")
    if table is None or total is None:
        return
    writer.heading("（一）一般公共预算财政拨款支出总体情况")
    overall = tables.value("expenditure", "合计", "total")
    share = f"占本年支出合计的{_percent(total, overall)}" if overall else None
    writer.say(f"{year}年度一般公共预算财政拨款支出{_money(total)}万元", share, _change(writer.draw, total))
    writer.heading("（二）一般公共预算财政拨款支出具体情况")
    leaves = [row for row in table.rows if row.code is not None and len(row.code) == 7]
    for number, row in enumerate(leaves, start=1):
        cell = row.cell("total")
        value = cell.value if cell is not None and cell.value is not None else Decimal(0)
        name = f"{row.code}-{row.label}" if writer.pick("code", "path") == "code" else _path(table, row)
        writer.say(f"{number}.{name}{_money(value)}万元")


def _path(table: Table, row: Row) -> str:
    assert row.code is not None
    names = {other.code: other.label for other in table.rows if other.code is not None}
    return f"{names[row.code[:3]]}（类）{names[row.code[:5]]}（款）{row.label}（项）支出"


def _basic(writer: _Writer, tables: _Tables, year: int) -> None:
    basic = tables.value("general_budget_expenditure", "合计", "basic")
    personnel = tables.value("basic_expenditure_economic", "人员经费合计", "amount")
    public = tables.value("basic_expenditure_economic", "公用经费合计", "amount")
    if basic is None or personnel is None or public is None:
        return
    writer.say(
        f"{year}年度一般公共预算财政拨款基本支出{_money(basic)}万元",
        f"其中：人员经费{_money(personnel)}万元",
        f"公用经费{_money(public)}万元",
    )


_THREE_PUBLIC_ITEMS = (
    ("因公出国（境）费", r"因公出国\(境\)费"),
    ("公务用车购置费", "公务用车购置费"),
    ("公务用车运行维护费", "公务用车运行维护费"),
    ("公务接待费", "公务接待费"),
)


def _three_public(writer: _Writer, tables: _Tables, year: int, kind: str) -> None:
    column = "final" if kind == "final" else "budget"
    total = tables.value("three_public", "合计", column)
    if total is None:
        return
    budget = tables.value("three_public", "合计", "budget")
    if kind == "final" and budget is not None:
        clauses = [f"{year}年度“三公”经费财政拨款支出预算为{_money(budget)}万元", f"支出决算为{_money(total)}万元"]
        if budget > 0:
            clauses.append(f"完成预算的{_percent(total, budget)}")
        clauses.append(_against(total, budget, "预算"))
        writer.say(*clauses)
    else:
        last = (total * Decimal(writer.draw(st.integers(60, 140))) / 100).quantize(_CENT)
        writer.say(
            f"{year}年“三公”经费财政拨款预算为{_money(total)}万元",
            f"比上年预算{_money(last)}万元{_direction(total, last)}" + _difference(total, last),
        )
    for name, pattern in _THREE_PUBLIC_ITEMS:
        value = tables.value("three_public", pattern, column)
        if value is None:
            continue
        if value == 0:
            writer.say(writer.pick(f"本年度未发生{name}支出", f"{name}支出{_KIND[kind]}为0万元", f"{name}为零"))
        else:
            item_budget = tables.value("three_public", pattern, "budget") if kind == "final" else None
            against = _against(value, item_budget, "预算") if item_budget is not None else None
            writer.say(f"{name}支出{_KIND[kind]}{_money(value)}万元", against)


def _direction(value: Decimal, other: Decimal) -> str:
    return "增加" if value > other else "减少" if value < other else "持平"


def _difference(value: Decimal, other: Decimal) -> str:
    return f"{_money(abs(value - other))}万元" if value != other else ""


def _against(value: Decimal, other: Decimal, what: str) -> str:
    """ "决算数比预算减少 N 万元" (or 持平): ``value`` set against ``other``."""
    return f"比{what}{_direction(value, other)}{_difference(value, other)}"


def narrate(draw: st.DrawFn, document: Document, contents: Optional[bool] = None) -> Document:
    """``document`` with a 情况说明 written from its tables (each claim agreeing with them), and a
    目录 before it if ``contents`` (None: drawn)."""
    year = document.year or 2023
    kind = document.kind or "final"
    tables = _Tables(document)
    writer = _Writer(draw)
    word = _KIND[kind]
    writer.heading(f"第二部分 {year}年度部门{word}情况说明")
    sections = (
        ("summary", f"收入支出{word}总体情况说明", lambda: _overall(writer, tables, year, kind)),
        ("summary", f"收入{word}情况说明", lambda: _income(writer, tables)),
        ("expenditure", f"支出{word}情况说明", lambda: _expenditure(writer, tables)),
        (
            "general_budget_expenditure",
            f"一般公共预算财政拨款支出{word}情况说明",
            lambda: _general_budget(writer, tables, year, kind),
        ),
        (
            "basic_expenditure_economic",
            f"一般公共预算财政拨款基本支出{word}情况说明",
            lambda: _basic(writer, tables, year),
        ),
        ("three_public", f"“三公”经费支出{word}情况说明", lambda: _three_public(writer, tables, year, kind)),
    )
    number = 0
    for table_id, words, write in sections:
        if document.table(table_id) is None:
            continue
        _section(writer, number, words)
        write()
        number += 1
    closing = year if kind == "final" else year - 1
    _section(writer, number, "其他重要事项的情况说明")
    writer.say(f"截至{closing}年12月31日，本部门共有车辆{draw(st.integers(0, 30))}辆")
    writer.heading(f"第三部分 {year}年度部门{word}表")
    lines = tuple(TextLine(text, Provenance(line=index)) for index, text in enumerate(writer.lines, start=1))
    offset = len(lines) + 1
    moved = tuple(
        attrs.evolve(table, provenance=attrs.evolve(table.provenance, line=offset + index))
        for index, table in enumerate(document.tables)
    )
    narrated = attrs.evolve(document, narrative=lines, tables=moved)
    if not (draw(st.booleans()) if contents is None else contents):
        return narrated
    printed = contents_lines(
        narrated, page_numbers=draw(st.booleans()), leaders=draw(st.booleans()), numbered=draw(st.booleans())
    )
    return with_contents(narrated, printed)


@st.composite
def narrated_documents(
    draw: st.DrawFn,
    region: Optional[RegionProfile] = None,
    kinds: Sequence[str] = ("final", "budget"),
    tables: Sequence[str] = TABLES,
    contents: Optional[bool] = None,
) -> Document:
    """A consistent generated disclosure (:func:`gongkai.testing.documents`) with its 情况说明,
    and its 目录 if ``contents`` (None: drawn)."""
    return narrate(draw, draw(documents(region=region, kinds=kinds, tables=tables)), contents)
