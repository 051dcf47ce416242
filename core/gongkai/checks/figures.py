"""The figures a claim of the 情况说明 is judged by, in one unit: a printed figure and the
rounding it may hide, a table cell scaled to the unit, the budget printed in a cell's row, and
the cell each figure of the text restates."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Optional

from ..phrases import Phrases
from ..schema import Document
from .compare import Place
from .numbers import YUAN
from .restatements import Restatement, restatements
from .statements import Statement

# the restatement of each figure of the text, by the figure's sentence and offset
RestatedFigures = dict[tuple[tuple[int, int], int], Restatement]


def unit_of(document: Document) -> str:
    """The unit the narrative checks compare in: the document's, else 万元."""
    unit = document.unit if document.unit in YUAN else "万元"
    assert unit is not None
    return unit


def in_unit(statement: Statement, unit: str) -> Decimal:
    """The statement's figure in ``unit``."""
    return statement.figure.value * YUAN[statement.figure.unit] / YUAN[unit]


def rounding_of(statement: Statement, unit: str) -> Decimal:
    """Half a unit of the last digit the statement's figure is printed to, in ``unit``: its rounding."""
    return statement.figure.half_unit() * YUAN[statement.figure.unit] / YUAN[unit]


def scale_of(place: Place, unit: str, document: Document) -> Decimal:
    """What one unit of ``place``'s table is in ``unit`` (a table may state its own unit)."""
    own = place.table.unit or document.unit
    return YUAN[own] / YUAN[unit] if own in YUAN and unit in YUAN else Decimal(1)


def budget_of(place: Place, words: str = "") -> Optional[Place]:
    """The budget printed in ``place``'s row: the 全年 (adjusted) or 年初 one as ``words`` say,
    else the 预算数 column, else the 全年预算数 one."""
    columns: tuple[str, ...] = ("budget", "full_year_budget")
    if re.search("全年|调整", words):
        columns = ("full_year_budget",)
    elif "年初" in words:
        columns = ("budget",)
    for column in columns:
        cell = place.row.cell(column)
        if cell is not None and column != place.cell.column:
            return Place(place.table, place.row, cell)
    return None


def restated_by_figure(document: Document, phrases: Phrases) -> RestatedFigures:
    """The cell each figure of the narrative restates, by the figure's sentence and offset."""
    return {(r.statement.sentence, r.statement.offset): r for r in restatements(document, phrases)}
