"""Comparing a printed amount with what other printed amounts say it should be, within rounding.

Tables in 万元 are rounded from 元, so a total may differ from the sum of its rounded addends by
up to half a unit of the last printed digit per addend ("尾数误差"). The allowance per addend is
``context.tolerance`` (0.01 by default), or one unit of the last digit the amounts are printed
to when that is coarser (a table printed in whole 元 is rounded to 1 元 per addend); a tolerance
of 0 allows no rounding at all (``--tolerance 0``: every difference is reported). A difference
within it is reported at info level, a larger one at the check's severity; no difference, no
finding.

A difference is an error only where the inputs were read off the document as printed: where a
table was identified by its structure or place in the 目录 rather than its title, a column was
assigned by a fallback rather than its header, or some printed amount of the table was not read,
the finding is a warning that says so, with a confidence below 1 (:func:`doubts`).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Optional

import attrs

from ..amounts import amount_text
from ..identification import BY_CONTENTS, BY_STRUCTURE, INFERRED
from ..schema import COLUMN_BY_FALLBACK, Cell, CellStatus, Finding, Provenance, Row, Severity, Table


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
    column = table.column(cell.column)
    header = cell.header or (column.header if column is not None else ())
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


_HOW_INFERRED = {BY_STRUCTURE: "按表头和科目结构识别", BY_CONTENTS: "按目录中的位置识别"}
FALLBACK_CONFIDENCE = 0.6  # a column no printed header named
UNREAD_CONFIDENCE = 0.5  # a table some of whose printed amounts were not read


def doubts(places: Sequence[Place]) -> tuple[tuple[str, ...], float]:
    """Why a comparison of ``places`` is not sure, and how sure it is (1.0: read as printed).

    A table identified by structure or by the 目录 (:data:`gongkai.schema.INFERRED`) is as sure
    as its identification; a column assigned by a fallback is :data:`FALLBACK_CONFIDENCE` sure;
    a table with printed amounts that were not read, :data:`UNREAD_CONFIDENCE`.
    """
    reasons: dict[str, None] = {}
    confidence = 1.0
    for place in places:
        found = place.table.identification
        if found is not None and found.by in INFERRED:
            reasons[f"{table_name(place.table)}是{_HOW_INFERRED[found.by]}的"] = None
            confidence = min(confidence, found.confidence)
        if place.table.unread_cells:
            # the amount left out may be one of the addends: the sum is not what was printed
            reasons[f"{table_name(place.table)}有{place.table.unread_cells}处印出的金额未能读取"] = None
            confidence = min(confidence, UNREAD_CONFIDENCE)
        column = place.table.column(place.cell.column)
        if column is not None and column.by == COLUMN_BY_FALLBACK:
            reasons[f"{table_name(place.table)}的“{column_name(place.table, place.cell)}”栏不是按表头识别的"] = None
            confidence = min(confidence, FALLBACK_CONFIDENCE)
    return tuple(reasons), confidence


def judged(severity: Severity, message: str, places: Sequence[Place]) -> tuple[Severity, str, float]:
    """The severity, message and confidence of an inequality among ``places``: an error whose
    inputs are in doubt is a warning that says why."""
    reasons, confidence = doubts(places)
    if reasons and severity is Severity.ERROR:
        return Severity.WARNING, f"{message}（{'；'.join(reasons)}，不作为错误报告）", confidence
    return severity, message, confidence


def not_checked(
    check: str, reason: str, table: Optional[Table] = None, provenance: Optional[Provenance] = None
) -> Finding:
    """An info finding that ``check`` was not checked and why: its inputs were not read."""
    return Finding(
        check=check,
        severity=Severity.INFO,
        message=f"未核对：{reason}",
        table=table.id if table is not None else None,
        provenance=provenance if provenance is not None else table.provenance if table is not None else Provenance(),
        checked=False,
    )


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
    severity, message, confidence = judged(Severity.INFO if within else severity, message, (target, *expected.places))
    return Finding(
        check=check,
        severity=severity,
        message=message,
        confidence=confidence,
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
