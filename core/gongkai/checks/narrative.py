"""The claims of the 情况说明 beyond restated amounts, judged against the tables and each other.

* ``text.zero``: an item the text says was nothing (未发生…, …为零) holds no amount in its table.
* ``text.share``: a share (占 N%) is the part over the whole it names, within rounding.
* ``text.rate``: a rate of the budget (完成预算的 N%, 预算执行率 N%) is the figure over its budget.
* ``text.direction``: a comparison's word (增加/减少/持平/超支/节约/大于/小于…) and printed
  difference agree with the two figures: both printed in the sentence, or the other read from
  the table row the first restates (its 预算数). A word that rounding could make true is no
  error; 增加 or 减少 between two figures printed the same is a warning.
* ``text.year``: the years the text gives to its part headings, to a year-end (截至…12月31日) and
  to what it compares with agree with the document's year.

A claim is judged only where each side is identified; where it is not, an info finding says
why it was not checked (a share of a whole that is neither printed nor named).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Optional

from ..amounts import amount_text
from ..hookspecs import hookimpl
from ..phrases import Phrases, load_phrases
from ..registrations import Check, CheckContext
from ..schema import CellStatus, Document, Finding, Severity
from .claims import Comparison, DateClaim, Nothing, Ratio, Sentence, comparisons, dates, names_a_total, nothings, ratios
from .compare import Place, cell_name, judged, last_digit, not_checked
from .numbers import YUAN, half_unit
from .restatements import Measure, Restatement, first_place, quantities_named, restatements
from .statements import Statement, quoted, where

ZERO = "text.zero"
SHARE = "text.share"
RATE = "text.rate"
DIRECTION = "text.direction"
YEAR = "text.year"

_FUND_TABLES = ("government_fund", "state_capital")  # fund.empty judges what the text says of them
_HUNDRED = Decimal(100)


def _finding(
    check: str,
    severity: Severity,
    message: str,
    sentence: Sentence,
    offset: int,
    printed: Optional[str],
    expected: Optional[str],
    place: Optional[Place] = None,
    places: Sequence[Place] = (),
) -> Finding:
    provenance = sentence.provenance(offset)
    confidence = 1.0
    if places:
        severity, message, confidence = judged(severity, message, places)
    return Finding(
        check=check,
        severity=severity,
        message=message,
        confidence=confidence,
        table=None if place is None else place.table.id,
        row=None if place is None else place.row.code or place.row.label,
        column=None if place is None else place.cell.column,
        provenance=provenance,
        printed=printed,
        expected=expected,
        sentence=" ".join(sentence.text.split()),
    )


# -- text.zero ----------------------------------------------------------------------------------------


def _zeros(document: Document, context: CheckContext) -> Iterator[Finding]:
    phrases = context.phrases
    for claim, scope in nothings(document, phrases):
        if scope is None:
            continue
        quantities = quantities_named(document, scope, claim.item, phrases)
        for refs in quantities or ():
            place = first_place(document, refs, Measure.ACTUAL if document.kind == "final" else Measure.BUDGET)
            if place is None or place.table.id in _FUND_TABLES:
                continue
            yield from _nothing_held(claim, place)


def _nothing_held(claim: Nothing, place: Place) -> Iterator[Finding]:
    cell = place.cell
    if cell.status is not CellStatus.VALUE or cell.value is None or cell.value == 0:
        return
    said = f"{where(claim.sentence.provenance(claim.offset))}{quoted(claim.sentence.text)}说{claim.item}“{claim.words}”"
    message = f"{said}，但{cell_name(place)}印有 {cell.raw}"
    yield _finding(ZERO, Severity.ERROR, message, claim.sentence, claim.offset, claim.words, cell.raw, place, (place,))


# -- text.share and text.rate -------------------------------------------------------------------------


def _in_unit(statement: Statement, unit: str) -> Decimal:
    return statement.figure.value * YUAN[statement.figure.unit] / YUAN[unit]


def _ratios(document: Document, context: CheckContext, kind: str) -> Iterator[Finding]:
    phrases = context.phrases
    unit = document.unit if document.unit in YUAN else "万元"
    assert unit is not None
    by_statement = _by_statement(document, phrases)
    for ratio in ratios(document, phrases):
        if ratio.kind != kind:
            continue
        whole = _whole(document, ratio, phrases, unit, by_statement)
        if isinstance(whole, str):
            yield not_checked(
                (kind == "share" and SHARE) or RATE,
                f"{where(ratio.sentence.provenance(ratio.percent.start))}{quoted(ratio.sentence.text)}中的"
                f"{ratio.percent.printed}：{whole}",
                provenance=ratio.sentence.provenance(ratio.percent.start),
            )
            continue
        value, slack, named, places = whole
        yield from _judge_ratio(ratio, unit, value, slack, named, places)


def identified_ratios(document: Document, phrases: Optional[Phrases] = None) -> list[tuple[Ratio, Decimal]]:
    """The shares and rates ``text.share`` and ``text.rate`` judge (their whole is identified),
    each with that whole in the document's unit."""
    phrases = phrases or load_phrases()
    unit = document.unit if document.unit in YUAN else "万元"
    assert unit is not None
    by_statement = _by_statement(document, phrases)
    found = []
    for ratio in ratios(document, phrases):
        whole = _whole(document, ratio, phrases, unit, by_statement)
        if not isinstance(whole, str):
            found.append((ratio, whole[0]))
    return found


def _by_statement(document: Document, phrases: Phrases) -> dict[tuple[tuple[int, int], int], Restatement]:
    """The cell each figure of the narrative restates, by the figure's sentence and offset."""
    return {(r.statement.sentence, r.statement.offset): r for r in restatements(document, phrases)}


def _whole(
    document: Document,
    ratio: Ratio,
    phrases: Phrases,
    unit: str,
    by_statement: dict[tuple[tuple[int, int], int], Restatement],
) -> tuple[Decimal, Decimal, str, tuple[Place, ...]] | str:
    """The whole a ratio is of, in ``unit``, with the rounding it may hide, its name and the cells
    it was read from; or why it cannot be told."""
    if ratio.kind == "rate":
        if ratio.budgets:
            # the sentence prints the budget(s): the rate must be of one of them (年初 or 全年)
            # a budget of nothing has no rate to speak of (年初预算为0万元, raised during the year)
            budgets = [b for b in ratio.budgets if _in_unit(b, unit) > _half(b, unit)]
            if not budgets:
                return "句中印出的预算数为零，无所谓完成率"
            fitting = [b for b in budgets if _fits(ratio, unit, _in_unit(b, unit), _half(b, unit))]
            chosen = fitting[0] if fitting else budgets[-1]
            return _in_unit(chosen, unit), _half(chosen, unit), chosen.figure.printed, ()
        restated = by_statement.get((ratio.part.sentence, ratio.part.offset))
        if restated is None:
            return "句中没有预算数，其决算数也未能对应到表格的一行"
        budget = _budget_of(restated.place)
        if budget is None:
            return f"{cell_name(restated.place)}所在行没有预算数"
        scale = _scale(budget, unit, document)
        value = (budget.cell.value or Decimal(0)) * scale
        return value, last_digit(budget.cell) / 2 * scale, cell_name(budget), (budget,)
    if ratio.whole_by_name and ratio.whole is not None:
        return _in_unit(ratio.whole, unit), _half(ratio.whole, unit), ratio.whole.figure.printed, ()
    if ratio.whole_words:
        # a whole is named in the words of its section, or as the whole document names it
        scopes = [scope for scope in (ratio.part.scope, "summary") if scope]
        quantities = next(
            (found for scope in scopes if (found := quantities_named(document, scope, ratio.whole_words, phrases))),
            None,
        )
        if quantities:
            place = first_place(document, quantities[0], Measure.ACTUAL if document.kind == "final" else Measure.BUDGET)
            if place is not None and place.cell.value is not None:
                scale = _scale(place, unit, document)
                return place.cell.value * scale, last_digit(place.cell) / 2 * scale, cell_name(place), (place,)
        if ratio.whole is None or not names_a_total(ratio.whole_words):
            return f"“占{ratio.whole_words}”所指的总数在句中没有印出，也未能对应到表格"
    if ratio.whole is None:
        return "句中只有一个金额，占比的分母不明"
    return _in_unit(ratio.whole, unit), _half(ratio.whole, unit), ratio.whole.figure.printed, ()


def _scale(place: Place, unit: str, document: Document) -> Decimal:
    """What one unit of ``place``'s table is in ``unit`` (a table may state its own unit)."""
    own = place.table.unit or document.unit
    return YUAN[own] / YUAN[unit] if own in YUAN and unit in YUAN else Decimal(1)


def _half(statement: Statement, unit: str) -> Decimal:
    return statement.figure.half_unit() * YUAN[statement.figure.unit] / YUAN[unit]


def _budget_of(place: Place, words: str = "") -> Optional[Place]:
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


def _fits(ratio: Ratio, unit: str, whole: Decimal, whole_slack: Decimal) -> bool:
    """True if the printed percentage is the part over ``whole``, within the rounding of all three."""
    if whole <= whole_slack:
        return True  # a whole of nothing: no percentage to speak of
    part = _in_unit(ratio.part, unit)
    part_slack = _half(ratio.part, unit)
    computed = part / whole * _HUNDRED
    # the parts were rounded before the percentage was taken; the percentage is rounded again
    slack = (part_slack / whole + (part + part_slack) * whole_slack / (whole * (whole - whole_slack))) * _HUNDRED
    return abs(ratio.percent.value - computed) <= slack + ratio.percent.half_unit() + Decimal("0.01")


def _judge_ratio(
    ratio: Ratio, unit: str, whole: Decimal, whole_slack: Decimal, named: str, places: Sequence[Place]
) -> Iterator[Finding]:
    if _fits(ratio, unit, whole, whole_slack):
        return
    computed = _in_unit(ratio.part, unit) / whole * _HUNDRED
    check = SHARE if ratio.kind == "share" else RATE
    shown = computed.quantize(Decimal("0.01"))
    what = "占比" if ratio.kind == "share" else "预算完成率"
    message = (
        f"{where(ratio.sentence.provenance(ratio.percent.start))}{quoted(ratio.sentence.text)}所述{what}"
        f" {ratio.percent.printed}，但 {ratio.part.figure.printed} ÷ {named} = {shown}%"
    )
    yield _finding(
        check,
        Severity.ERROR,
        message,
        ratio.sentence,
        ratio.percent.start,
        ratio.percent.printed,
        f"{shown}%",
        places[0] if places else None,
        places,
    )


def _shares(document: Document, context: CheckContext) -> Iterator[Finding]:
    return _ratios(document, context, "share")


def _rates(document: Document, context: CheckContext) -> Iterator[Finding]:
    return _ratios(document, context, "rate")


# -- text.direction -----------------------------------------------------------------------------------

_WORDS = {"more": "大于", "less": "小于", "same": "等于"}


def _directions(document: Document, context: CheckContext) -> Iterator[Finding]:
    phrases = context.phrases
    unit = document.unit if document.unit in YUAN else "万元"
    assert unit is not None
    by_statement = _by_statement(document, phrases)
    for comparison in comparisons(document, phrases):
        other = _other_side(document, comparison, unit, by_statement)
        if other is None:
            continue
        value, slack, named, places = other
        yield from _judge_comparison(comparison, unit, value, slack, named, places)


def identified_comparisons(document: Document, phrases: Optional[Phrases] = None) -> list[Comparison]:
    """The comparisons of the narrative whose two sides are identified, which ``text.direction`` judges."""
    phrases = phrases or load_phrases()
    unit = document.unit if document.unit in YUAN else "万元"
    assert unit is not None
    by_statement = _by_statement(document, phrases)
    return [c for c in comparisons(document, phrases) if _other_side(document, c, unit, by_statement) is not None]


def _other_side(
    document: Document, comparison: Comparison, unit: str, by_statement: dict[tuple[tuple[int, int], int], Restatement]
) -> Optional[tuple[Decimal, Decimal, str, tuple[Place, ...]]]:
    """The figure the left side is compared with: printed in the clause, or the budget of the row
    the left figure restates. None where it is not identified (a last year the tables do not hold)."""
    if comparison.right is not None:
        return _in_unit(comparison.right, unit), _half(comparison.right, unit), comparison.right.figure.printed, ()
    if comparison.against != "budget":
        return None
    restated = by_statement.get((comparison.left.sentence, comparison.left.offset))
    if restated is None or restated.place.cell.column in ("budget", "full_year_budget"):
        return None
    budget = _budget_of(restated.place, comparison.budget_words)
    if budget is None or budget.cell.status is CellStatus.NOT_APPLICABLE:
        return None
    scale = _scale(budget, unit, document)
    value = (budget.cell.value or Decimal(0)) * scale
    return value, last_digit(budget.cell) / 2 * scale, cell_name(budget), (restated.place, budget)


def _contradicts(direction: str, difference: Decimal, slack: Decimal) -> bool:
    """True if no difference within ``slack`` of the printed one goes the way the word says.

    "持平" (the same) also stands for a change within twice the rounding (基本持平)."""
    if direction == "more":
        return difference + slack <= 0
    if direction == "less":
        return difference - slack >= 0
    return abs(difference) > slack * 2


def _judge_comparison(
    comparison: Comparison, unit: str, other: Decimal, other_slack: Decimal, named: str, places: Sequence[Place]
) -> Iterator[Finding]:
    left = _in_unit(comparison.left, unit)
    slack = _half(comparison.left, unit) + other_slack
    difference = left - other
    actual = "same" if abs(difference) <= slack else "more" if difference > 0 else "less"
    said = (
        f"{where(comparison.sentence.provenance(comparison.offset))}{quoted(comparison.sentence.text)}："
        f"{comparison.left.figure.printed}与{named}相比"
    )
    if _contradicts(comparison.direction, difference, slack):
        message = (
            f"{said}，文字写“{comparison.word}”，但前者{_WORDS[actual]}后者（相差 {amount_text(difference)} {unit}）"
        )
        yield _finding(
            DIRECTION,
            Severity.ERROR,
            message,
            comparison.sentence,
            comparison.offset,
            comparison.word,
            _WORDS[actual],
            places[-1] if places else None,
            places,
        )
        return
    if difference == 0 and comparison.direction != "same" and comparison.difference is None:
        # the figures print the same: rounding may hide a difference, but the page shows none
        message = f"{said}，两数印出相同，文字却写“{comparison.word}”"
        yield _finding(
            DIRECTION,
            Severity.WARNING,
            message,
            comparison.sentence,
            comparison.offset,
            comparison.word,
            _WORDS["same"],
            places[-1] if places else None,
            places,
        )
        return
    stated = comparison.difference
    if stated is None or actual == "same":
        return
    stated_value = stated.in_yuan() / YUAN[unit]
    allowed = slack + half_unit(stated.value) * YUAN[stated.unit] / YUAN[unit] + Decimal("0.01")
    if abs(stated_value - abs(difference)) > allowed:
        message = f"{said}，相差 {amount_text(abs(difference))} {unit}，但文字写{comparison.word}{stated.printed}"
        yield _finding(
            DIRECTION,
            Severity.ERROR,
            message,
            comparison.sentence,
            stated.start,
            stated.printed,
            f"{amount_text(abs(difference))}{unit}",
            places[-1] if places else None,
            places,
        )


# -- text.year ----------------------------------------------------------------------------------------


def _years(document: Document, context: CheckContext) -> Iterator[Finding]:
    year = document.year
    if year is None:
        return
    for claim in dates(document):
        expected = _expected_years(claim, year, document.kind)
        if expected is None or claim.year in expected:
            continue
        wanted = "或".join(f"{y}年" for y in sorted(expected))
        role = {"heading": "标题", "year_end": "年末时点", "compared": "比较的年度"}[claim.role]
        message = (
            f"{where(claim.sentence.provenance(claim.offset))}{quoted(claim.sentence.text)}的{role}写作"
            f"“{claim.printed}”，{year}年度{'预算' if document.kind == 'budget' else '决算'}应为{wanted}"
        )
        yield _finding(YEAR, Severity.ERROR, message, claim.sentence, claim.offset, claim.printed, wanted)


def _expected_years(claim: DateClaim, year: int, kind: Optional[str]) -> Optional[set[int]]:
    """The years a claim may give, or None if any may be right."""
    if claim.role == "heading":
        return {year}
    if claim.role == "year_end":
        # a final reports the year's end; a budget, drawn up before its year, the last one's
        return {year} if kind == "final" else {year - 1} if kind == "budget" else None
    if claim.year < year:
        return None  # a comparison with any earlier year may be meant
    # a budget compares with earlier years only; a final with its own year's budget too
    return {year} if kind == "final" and claim.measure == "预算" and claim.year == year else {year - 1}


@hookimpl
def gongkai_checks() -> Sequence[Check]:
    rounding = "按文字和表格印出的位数允许舍入误差（各数末位的半个单位），另加 0.01 个百分点"
    return (
        Check(
            id=ZERO,
            severity=Severity.ERROR,
            description="情况说明说某项支出“未发生”“无”或“为零”时，表格中该项没有金额。",
            run=_zeros,
            tolerance="exact：表格印有非零金额即不符；只判断能对应到唯一表格单元格的项目",
        ),
        Check(
            id=SHARE,
            severity=Severity.ERROR,
            description="情况说明所述占比（占…%、比重…%）等于该项金额除以其所占的总数。",
            run=_shares,
            tolerance=rounding + "；总数既未在句中印出、也未能对应到表格时不判断（info 报告未核对）",
        ),
        Check(
            id=RATE,
            severity=Severity.ERROR,
            description="情况说明所述预算完成率、执行率（完成预算的…%）等于决算数除以预算数。",
            run=_rates,
            tolerance=rounding + "；预算数既未在句中印出、也不在表格同一行时不判断（info 报告未核对）",
        ),
        Check(
            id=DIRECTION,
            severity=Severity.ERROR,
            description=(
                "情况说明比较两个数（决算与预算、本年与上年或两个项目）时，增加/减少/持平、大于/小于、"
                "超支/节约等用词及所述差额与两数相符。"
            ),
            run=_directions,
            tolerance="两数各允许末位半个单位的舍入误差，差额另加 0.01；只判断两边都能确定的比较",
        ),
        Check(
            id=YEAR,
            severity=Severity.ERROR,
            description=(
                "情况说明的部分标题年度、年末时点（截至…年12月31日：决算为本年，预算为上年）"
                "和比较年度（预算只与以前年度比较）与文件年度一致。"
            ),
            run=_years,
            tolerance="exact",
        ),
    )
