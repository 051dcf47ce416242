"""Comparing a printed amount with what other printed amounts say it should be, within rounding.

Tables in 万元 are rounded from 元, so a total may differ from the sum of its rounded addends by
up to half a unit of the last printed digit per addend ("尾数误差"). The allowance per addend is
``context.tolerance`` (0.01 by default), or one unit of the last digit the amounts are printed
to when that is coarser (a table printed in whole 元 is rounded to 1 元 per addend); a tolerance
of 0 allows no rounding at all (``--tolerance 0``: every difference is reported). A difference
within it is reported at info level, a larger one at the check's severity; no difference, no
finding.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Optional

import attrs

from ..amounts import amount_text
from ..schema import Cell, CellStatus, Finding, Row, Severity, Table


@attrs.frozen
class Place:
    """A cell and where it stands: its table and row (for messages and provenance)."""

    table: Table
    row: Row
    cell: Cell


@attrs.frozen
class Sum:
    """What the addends say: their total, how many printed a value, whether any printed at all,
    and where they stand."""

    total: Decimal
    count: int
    any_value: bool
    places: tuple[Place, ...] = ()


def add(places: Sequence[tuple[int, Place]]) -> Optional[Sum]:
    """The signed sum of ``(sign, place)`` addends; None when every addend is not applicable (—).

    Blank addends count as nothing; not-applicable ones are left out.
    """
    applicable = [(sign, place) for sign, place in places if place.cell.status is not CellStatus.NOT_APPLICABLE]
    if not applicable:
        return None
    values = [(sign, place.cell.value) for sign, place in applicable if place.cell.value is not None]
    total = sum((sign * value for sign, value in values), Decimal(0))
    return Sum(total=total, count=len(values), any_value=bool(values), places=tuple(p for _, p in applicable))


def table_name(table: Table) -> str:
    """How a message names a table: its printed number and title (``公开03表支出决算表``)."""
    return f"{table.number or ''}{table.title}"


def row_name(row: Row) -> str:
    """How a message names a row: code and label (``2101501 行政运行``), or the label."""
    return " ".join(part for part in (row.code, row.label) if part) or "（无名称行）"


def column_name(table: Table, cell: Cell) -> str:
    """How a message names a column: its printed header path, else its canonical id."""
    header = cell.header or next((column.header for column in table.columns if column.id == cell.column), ())
    return "/".join(header) or cell.column


def cell_name(place: Place) -> str:
    """How a message names a cell: ``公开03表支出决算表“210 卫生健康支出”行“基本支出”栏``."""
    return f"{table_name(place.table)}“{row_name(place.row)}”行“{column_name(place.table, place.cell)}”栏"


def last_digit(cell: Cell) -> Decimal:
    """The unit of the last digit ``cell`` is printed to (0.01 for 2,304.44, 1 for 154,369,326);
    0 for a cell printing no value."""
    if cell.value is None:
        return Decimal(0)
    exponent = cell.value.as_tuple().exponent
    return Decimal(1).scaleb(exponent) if isinstance(exponent, int) else Decimal(0)


def printed(cell: Cell) -> str:
    return cell.raw if cell.status is CellStatus.VALUE else "空白" if cell.status is CellStatus.BLANK else cell.raw


def compare(
    check: str,
    severity: Severity,
    target: Place,
    expected: Sum,
    explanation: str,
    tolerance: Decimal,
) -> Optional[Finding]:
    """A finding if ``target`` disagrees with ``expected`` (None if it agrees or cannot be judged).

    ``explanation`` names where the expected value comes from (``其下级科目之和``, ``按“…”计算``).
    """
    cell = target.cell
    if cell.status is CellStatus.NOT_APPLICABLE:
        return None
    if cell.value is None:
        if not expected.any_value or expected.total == 0:
            return None  # blank where the addends hold nothing, or zero
        value = Decimal(0)
    else:
        value = cell.value
    difference = value - expected.total
    if difference == 0:
        return None
    if tolerance > 0:  # 0 asks for exact sums
        tolerance = max([tolerance] + [last_digit(place.cell) for place in (target, *expected.places)])
    allowed = tolerance * max(expected.count, 1)
    within = abs(difference) <= allowed
    place = cell_name(target)
    expected_text = amount_text(expected.total)
    if within:
        message = (
            f"{place}印 {printed(cell)}，{explanation}为 {expected_text}，相差 {amount_text(difference)}，"
            f"在尾数误差允许范围内（每个加数 {amount_text(tolerance)}）"
        )
    else:
        message = f"{place}印 {printed(cell)}，但{explanation}为 {expected_text}，相差 {amount_text(difference)}"
    return Finding(
        check=check,
        severity=Severity.INFO if within else severity,
        message=message,
        table=target.table.id,
        row=target.row.code or target.row.label,
        column=cell.column,
        provenance=cell.provenance,
        printed=cell.raw,
        expected=expected_text,
        addends=tuple(
            dict.fromkeys(
                place.row.code or place.row.label for place in expected.places if place.table.id == target.table.id
            )
        ),
    )
