"""Building form tables (绩效目标表): label–amount pairs wherever the form prints them.

A performance-target form is not a grid of rows under column headers: it prints the project's
name and department, then its money as pairs (资金总额： 279.80, 其中：财政拨款 2112.00, 上年结转
0.76) beside the targets and indicators, which are text. Every amount printed after a label on
the same line, with nothing but blank cells between them, is read as a row of that label with
one cell under the table's ``amount`` column, up to where the form turns to its targets and
indicators (whose values and scores are not money).
"""

from __future__ import annotations

import re
from typing import Optional

from ..amounts import looks_like_amount, normalise_number_text
from ..canonical import compact
from ..layout import Line, LineKind
from .base import BuilderBase, Draft, Slot

# Labels of scores, rates, counts, dates and codes: the number after them is not an amount of money.
_NOT_MONEY = re.compile(r"分值|得分|权重|指标|率|数量|次数|人数|个数|(?:年度|年份|日期|期限|代码|编码|序号)[:：]?$")
# Where a form turns from its money to its targets and indicators: no amount of money follows.
_TARGETS = re.compile(r"一级指标|二级指标|三级指标|绩效指标|指标值|总体目标|年度目标|绩效目标")


class FormBuilder(BuilderBase):
    """The form strategy of :class:`~gongkai.assembly.TableBuilder`."""

    def _form_drafts(self) -> list[Draft]:
        column = self.canonical.columns[0].id if self.canonical.columns else None
        slot = Slot(position=-1, role="amount", column=column, header=())  # no header prints over a form's amounts
        drafts: list[Draft] = []
        for line in self.block.header + self.block.body + self.block.notes:
            if _TARGETS.search(line.text) and drafts:
                break
            for label, raw, position in _pairs(line):
                draft = Draft(group=0, line=line, label=label)
                draft.cells = [(Slot(position, "amount", slot.column, slot.header), raw, line)]
                drafts.append(draft)
        return drafts


def _pairs(line: Line) -> list[tuple[str, str, int]]:
    """The (label, printed amount, position of the amount) pairs a form line prints."""
    cells = list(line.cells) if line.kind is LineKind.CELLS else line.text.split()
    pairs: list[tuple[str, str, int]] = []
    label: Optional[str] = None
    for position, cell in enumerate(cells):
        text = compact(cell)
        if not text:
            continue
        if label is not None and _money(text):
            pairs.append((label, cell.strip(), position))
            label = None
        elif _money(text):
            label = None
        else:
            label = None if _NOT_MONEY.search(text) else text
    return pairs


def _money(text: str) -> bool:
    """True for a printed amount of money: a number, thousands separators allowed; no dash (a
    form prints no not-applicable mark) and no unit or comparison (≥95%, 12 件)."""
    number = normalise_number_text(text)
    return looks_like_amount(number) and any(char.isdigit() for char in number)
