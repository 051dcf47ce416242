"""A section added to a 情况说明 that makes no claim of a kind: written from the summary
table, with one error in it."""

from __future__ import annotations

import random
import re
from decimal import Decimal
from typing import Optional

from ...checks.labels import plain
from ...schema import Document
from .edits import shifted, wrong_percent
from .mutant import Mutant, inserted


def added_section(document: Document, kind: str, rng: random.Random) -> Optional[Mutant]:
    """A 收入支出总体情况 section written from the summary table, with one error of ``kind`` in it."""
    table = document.table("summary")
    totals = ("本年收入合计", "收入合计", "收入总计", "总计")
    rows = [] if table is None else [r for r in table.rows if r.group in (0, None) and plain(r.label) in totals]
    row = min(rows, key=lambda r: totals.index(plain(r.label)), default=None)
    cell = None if row is None or not row.cells else row.cells[0]
    if row is None or cell is None or not cell.value or cell.value < 10 or document.unit != "万元":
        return None
    assert table is not None
    income = cell.value.quantize(Decimal("0.01"))
    name = "收入总计" if plain(row.label) == "总计" else plain(row.label)
    item = next((r for r in table.rows if r.group == 0 and r.cells and r.cells[0].value and r.cells[0].value > 1), None)
    last = (income * Decimal("0.8")).quantize(Decimal("0.01"))
    rise = income - last
    wrong = wrong_percent(rise / last * 100, rng)
    budget = (income * Decimal("1.25")).quantize(Decimal("0.01"))
    sentences = {
        "amount": f"{name}{shifted(income, rng)}万元。",
        "zero-total": f"{name}0万元。",
        "unit": f"{name}{income}元。",
        "placeholder": f"{name}XXX万元。",
        "change": f"{name}{income}万元，比上年增加{rise}万元，增长{wrong}%。",
        "direction": f"{name}{income}万元，比上年{budget}万元增加{budget - income}万元。",
    }
    if document.kind == "final":  # a budget's own figures are the budget: it states no rate of it
        sentences["rate"] = f"{name}预算为{budget}万元，决算为{income}万元，完成预算的{wrong}%。"
    if item is not None and item.cells[0].value is not None:
        part = item.cells[0].value
        label = re.sub(r"^[一二三四五六七八九十]+、", "", "".join(item.label.split()))
        sentences["share"] = (
            f"{name}{income}万元，其中：{label}{part}万元，占{wrong_percent(part / income * 100, rng)}%。"
        )
    if kind not in sentences:
        return None
    word = "预算" if document.kind == "budget" else "决算"
    return inserted(document, len(document.narrative) - 1, f"一、收入支出{word}总体情况说明\n{sentences[kind]}", kind)
