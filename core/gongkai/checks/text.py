"""Text against tables: the figures the 情况说明 restates must be the tables' figures.

* ``text.amount``: a figure the text states for a quantity the tables print (收入总计, 基本支出, a
  科目's amount, a “三公” item, …) equals that table cell, within rounding.
* ``text.change``: a stated change over last year and its percentage agree with each other.

A figure is compared only when the words before it name exactly one table cell
(:mod:`gongkai.checks.restatements`); anything else is skipped, never guessed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal, localcontext
from typing import Optional

from ..amounts import amount_text
from ..hookspecs import hookimpl
from ..registrations import Check, CheckContext
from ..schema import CellStatus, Document, Finding, Severity
from .claims import Points, points
from .compare import cell_name, judged, last_digit
from .findings import sentence_around
from .numbers import YUAN
from .quoting import quoted, where
from .restatements import Restatement, on_empty_tables, restatements
from .statements import Change, Figure, changes

AMOUNT_CHECK = "text.amount"
CHANGE_CHECK = "text.change"
UNIT_CHECK = "text.unit"
_SHOWN = 4  # decimals at most of a percentage the text.change check computes

# -- the checks --------------------------------------------------------------------------------------


def _in(figure: Figure, unit: str) -> Decimal:
    """The figure's value in ``unit``."""
    return figure.value * YUAN[figure.unit] / YUAN[unit]


def compare_amount(restatement: Restatement, unit: str, tolerance: Decimal) -> Optional[Finding]:
    """A ``text.amount`` finding if the stated figure differs from the cell it restates.

    The figure must equal the cell (a blank cell counting as nothing) within ``tolerance`` in the
    document's ``unit``, or within half a unit of the figure's last printed digit if the text
    rounds more coarsely ("0.5万元"); a difference within that is reported at info level.
    """
    figure, place = restatement.statement.figure, restatement.place
    cell = place.cell
    if cell.status is CellStatus.NOT_APPLICABLE:
        return None
    stated = _in(figure, unit)
    difference = stated - (cell.value if cell.value is not None else Decimal(0))
    if difference == 0:
        return None
    # the cell may be printed more coarsely than the text states it (a table in whole 万元)
    allowed = max(tolerance, figure.half_unit() * YUAN[figure.unit] / YUAN[unit], last_digit(cell) / 2)
    within = abs(difference) <= allowed
    converted = "" if figure.unit == unit else f"（折合 {amount_text(stated)} {unit}）"
    table_value = cell.raw if cell.status is CellStatus.VALUE else "空白"
    named = cell_name(place)
    said = f"{where(figure.provenance)}{quoted(restatement.statement.excerpt)}所述 {figure.printed}{converted}"
    if within:
        message = (
            f"{said}，与{named}的 {table_value} 相差 {amount_text(difference)} {unit}，"
            f"在尾数误差允许范围内（{amount_text(allowed)} {unit}）"
        )
    else:
        message = f"{said}，与{named}的 {table_value} 不符，相差 {amount_text(difference)} {unit}"
    check = AMOUNT_CHECK
    slip = None if within or cell.value is None else _unit_slip(stated, cell.value, allowed)
    if slip is not None:
        check = UNIT_CHECK
        message = f"{said}，是{named}的 {table_value} 的{slip}，单位写错（元与万元）"
    severity, message, confidence = judged(Severity.INFO if within else Severity.ERROR, message, (place,))
    return Finding(
        check=check,
        severity=severity,
        message=message,
        confidence=confidence,
        table=place.table.id,
        row=place.row.code or place.row.label,
        column=cell.column,
        provenance=figure.provenance,
        printed=figure.printed,
        expected=None if cell.value is None else amount_text(cell.value),
        sentence=restatement.statement.excerpt,
    )


def _unit_slip(stated: Decimal, value: Decimal, allowed: Decimal) -> Optional[str]:
    """ "1万倍" or "万分之一" when ``stated`` is ``value`` in the wrong unit (元 for 万元 or the other
    way round): the same number under the other unit, within the cell's rounding; else None."""
    if stated == 0 or abs(value) <= 100 * allowed:
        return None  # a figure too small beside its rounding: a factor of 10000 cannot be told
    if abs(stated * 10000 - value) <= allowed:
        return "万分之一"
    if abs(stated - value * 10000) <= allowed * 10000:
        return "1万倍"
    return None


def _compared(document: Document, context: CheckContext, check: str) -> Iterator[Finding]:
    for restatement in restatements(document, context.phrases):
        unit = restatement.place.table.unit or document.unit
        if unit not in YUAN:
            continue  # the table's unit is unknown: a figure in 万元 cannot be set against it
        assert unit is not None
        finding = compare_amount(restatement, unit, context.tolerance)
        if finding is not None and finding.check == check:
            yield finding


def _amounts(document: Document, context: CheckContext) -> Iterator[Finding]:
    yield from _compared(document, context, AMOUNT_CHECK)
    for statement, table in on_empty_tables(document, context.phrases):
        figure = statement.figure
        if figure.value == 0:
            continue
        yield Finding(
            check=AMOUNT_CHECK,
            severity=Severity.ERROR,
            message=(
                f"{where(figure.provenance)}{quoted(statement.excerpt)}所述 {figure.printed}，"
                f"但{table.number or ''}{table.title}是空表（没有数据）"
            ),
            table=table.id,
            provenance=figure.provenance,
            printed=figure.printed,
            expected="0",
            sentence=statement.excerpt,
        )


def _units(document: Document, context: CheckContext) -> Iterator[Finding]:
    return _compared(document, context, UNIT_CHECK)


def compare_change(change: Change, unit: str, tolerance: Decimal) -> Optional[Finding]:
    """A ``text.change`` finding if the stated percentage is not the change over last year's figure.

    Last year's figure is this year's minus the change. Each amount may be off by ``tolerance``
    (in the document's ``unit``) or half its last printed digit, whichever is more; the printed
    percentage may be off by half its last digit plus 0.01 percentage point. No finding when last
    year's figure may be nothing (no percentage to speak of).
    """
    sign = 1 if change.rising else -1
    base, amount = _in(change.base, "元"), _in(change.amount, "元")
    slack = tolerance * YUAN[unit]
    base_slack = max(slack, change.base.half_unit() * YUAN[change.base.unit])
    amount_slack = max(slack, change.amount.half_unit() * YUAN[change.amount.unit])
    corners = [
        (this_year, delta)
        for this_year in (max(base - base_slack, Decimal(0)), base + base_slack)
        for delta in (max(amount - amount_slack, Decimal(0)), amount + amount_slack)
    ]
    if any(this_year - sign * delta <= 0 for this_year, delta in corners):
        return None
    possible = [sign * delta / (this_year - sign * delta) * 100 for this_year, delta in corners]
    printed = change.percent if change.percent_rising else -change.percent
    exponent = change.percent.as_tuple().exponent
    assert isinstance(exponent, int)
    margin = Decimal(5).scaleb(exponent - 1) + Decimal("0.01")
    if min(possible) - margin <= printed <= max(possible) + margin:
        return None
    last_year = base - sign * amount
    # shown to the printed percentage's decimals, two at least and at most _SHOWN: beyond that
    # they are noise under the 0.01-point margin, and a hostile figure prints thousands
    computed = sign * amount / last_year * 100
    with localcontext() as exact:
        exact.prec = max(exact.prec, computed.adjusted() + _SHOWN + 2)
        computed = computed.quantize(Decimal(1).scaleb(max(min(exponent, -2), -_SHOWN)))
    said = f"{'增长' if computed >= 0 else '下降'}{abs(computed)}%"
    base_unit = change.base.unit
    message = (
        f"{where(change.provenance)}{quoted(change.excerpt)}：本年 {change.base.printed}，"
        f"{'增加' if change.rising else '减少'} {change.amount.printed}，则上年为 "
        f"{amount_text(last_year / YUAN[base_unit])}{base_unit}，应{said}，但文字写作{change.printed_percent}"
    )
    return Finding(
        check=CHANGE_CHECK,
        severity=Severity.ERROR,
        message=message,
        provenance=change.provenance,
        printed=change.printed_percent,
        expected=said,
    )


def compare_points(claim: Points) -> Optional[Finding]:
    """A ``text.change`` finding if a move between two printed percentages is not the stated
    number of points in the stated direction (each printed figure may hide half its last digit)."""
    moved = claim.after.value - claim.before.value
    slack = claim.after.half_unit() + claim.before.half_unit() + claim.points.half_unit()
    direction_ok = (moved > -slack) if claim.rising else (moved < slack)
    if direction_ok and abs(abs(moved) - claim.points.value) <= slack:
        return None
    said = f"{'提高' if moved >= 0 else '下降'}{abs(moved)}个百分点"
    return Finding(
        check=CHANGE_CHECK,
        severity=Severity.ERROR,
        message=(
            f"{where(claim.sentence.provenance(claim.points.start))}{quoted(claim.sentence.tail)}：由"
            f"{claim.before.printed}到{claim.after.printed}是{said}，文字写{claim.word}{claim.points.printed}"
        ),
        provenance=claim.sentence.provenance(claim.points.start),
        printed=f"{claim.word}{claim.points.printed}",
        expected=said,
        sentence=sentence_around(claim.sentence, claim.points.start),
    )


def _changes(document: Document, context: CheckContext) -> Iterator[Finding]:
    unit = document.unit if document.unit in YUAN else "万元"
    assert unit is not None
    for change in changes(document, context.phrases):
        finding = compare_change(change, unit, context.tolerance)
        if finding is not None:
            yield finding
    for claim in points(document, context.phrases):
        moved = compare_points(claim)
        if moved is not None:
            yield moved


@hookimpl
def gongkai_checks() -> Sequence[Check]:
    return (
        Check(
            id=AMOUNT_CHECK,
            severity=Severity.ERROR,
            description="情况说明文字复述的金额（收支总计、基本支出、科目金额、“三公”经费等）与其所对应的表格数一致。",
            run=_amounts,
            tolerance=(
                "允许 0.01（万元尾数误差，可用 --tolerance 调整），文字只写到较少位小数时允许其末位的半个单位；"
                "范围内的差额以 info 报告；只比较能确定对应唯一表格单元格的数字"
            ),
        ),
        Check(
            id=UNIT_CHECK,
            severity=Severity.ERROR,
            description="情况说明复述的金额与表格数相差一万倍（元与万元写错）。",
            run=_units,
            tolerance="文字金额换算后与表格数之差在较大单位的舍入误差之内（此时不再报 text.amount）",
        ),
        Check(
            id=CHANGE_CHECK,
            severity=Severity.ERROR,
            description=(
                "情况说明中“比上年增加（减少）…万元，增长（下降）…%”的变动额与百分比相互一致；"
                "“由…%提高（下降）到…%，提高（下降）…个百分点”与两个百分比相符。"
            ),
            run=_changes,
            tolerance=(
                "百分比 = 变动额 ÷（本年数 − 变动额）；金额各允许 0.01 的尾数误差，"
                "百分比允许末位舍入再加 0.01 个百分点；上年数可能为零时不判断"
            ),
        ),
    )
