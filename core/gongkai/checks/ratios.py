"""``text.share`` and ``text.rate``: a share (占 N%) is the part over the whole it names, and a
rate of the budget (完成预算的 N%, 预算执行率 N%) the figure over its budget, within rounding."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Optional

from ..phrases import Phrases, load_phrases
from ..registrations import CheckContext
from ..schema import Document, Finding, Severity
from .claims import Ratio, names_a_total, ratios
from .compare import Place, cell_name, last_digit, not_checked
from .figures import RestatedFigures, budget_of, in_unit, restated_by_figure, rounding_of, scale_of, unit_of
from .findings import claim_finding
from .quoting import quoted, where
from .restatements import Measure, first_place, quantities_named

SHARE = "text.share"
RATE = "text.rate"
_HUNDRED = Decimal(100)


def _ratios(document: Document, context: CheckContext, kind: str) -> Iterator[Finding]:
    phrases = context.phrases
    unit = unit_of(document)
    by_statement = restated_by_figure(document, phrases)
    for ratio in ratios(document, phrases):
        if ratio.kind != kind:
            continue
        whole = _whole(document, ratio, phrases, unit, by_statement)
        if isinstance(whole, str):
            yield not_checked(
                (kind == "share" and SHARE) or RATE,
                f"{where(ratio.sentence.provenance(ratio.percent.start))}{quoted(ratio.sentence.tail)}中的"
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
    unit = unit_of(document)
    by_statement = restated_by_figure(document, phrases)
    found = []
    for ratio in ratios(document, phrases):
        whole = _whole(document, ratio, phrases, unit, by_statement)
        if not isinstance(whole, str):
            found.append((ratio, whole[0]))
    return found


def _whole(
    document: Document,
    ratio: Ratio,
    phrases: Phrases,
    unit: str,
    by_statement: RestatedFigures,
) -> tuple[Decimal, Decimal, str, tuple[Place, ...]] | str:
    """The whole a ratio is of, in ``unit``, with the rounding it may hide, its name and the cells
    it was read from; or why it cannot be told."""
    if ratio.kind == "rate":
        if ratio.budgets:
            # the sentence prints the budget(s): the rate must be of one of them (年初 or 全年)
            # a budget of nothing has no rate to speak of (年初预算为0万元, raised during the year)
            budgets = [b for b in ratio.budgets if in_unit(b, unit) > rounding_of(b, unit)]
            if not budgets:
                return "句中印出的预算数为零，无所谓完成率"
            fitting = [b for b in budgets if _fits(ratio, unit, in_unit(b, unit), rounding_of(b, unit))]
            chosen = fitting[0] if fitting else budgets[-1]
            return in_unit(chosen, unit), rounding_of(chosen, unit), chosen.figure.printed, ()
        restated = by_statement.get((ratio.part.sentence, ratio.part.offset))
        if restated is None:
            return "句中没有预算数，其决算数也未能对应到表格的一行"
        budget = budget_of(restated.place)
        if budget is None:
            return f"{cell_name(restated.place)}所在行没有预算数"
        scale = scale_of(budget, unit, document)
        value = (budget.cell.value or Decimal(0)) * scale
        return value, last_digit(budget.cell) / 2 * scale, cell_name(budget), (budget,)
    if ratio.whole_by_name and ratio.whole is not None:
        return in_unit(ratio.whole, unit), rounding_of(ratio.whole, unit), ratio.whole.figure.printed, ()
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
                scale = scale_of(place, unit, document)
                return place.cell.value * scale, last_digit(place.cell) / 2 * scale, cell_name(place), (place,)
        if ratio.whole is None or not names_a_total(ratio.whole_words):
            return f"“占{ratio.whole_words}”所指的总数在句中没有印出，也未能对应到表格"
    if ratio.whole is None:
        return "句中只有一个金额，占比的分母不明"
    return in_unit(ratio.whole, unit), rounding_of(ratio.whole, unit), ratio.whole.figure.printed, ()


def _fits(ratio: Ratio, unit: str, whole: Decimal, whole_slack: Decimal) -> bool:
    """True if the printed percentage is the part over ``whole``, within the rounding of all three."""
    if whole <= whole_slack:
        return True  # a whole of nothing: no percentage to speak of
    part = in_unit(ratio.part, unit)
    part_slack = rounding_of(ratio.part, unit)
    computed = part / whole * _HUNDRED
    # the parts were rounded before the percentage was taken; the percentage is rounded again
    slack = (part_slack / whole + (part + part_slack) * whole_slack / (whole * (whole - whole_slack))) * _HUNDRED
    return abs(ratio.percent.value - computed) <= slack + ratio.percent.half_unit() + Decimal("0.01")


def _judge_ratio(
    ratio: Ratio, unit: str, whole: Decimal, whole_slack: Decimal, named: str, places: Sequence[Place]
) -> Iterator[Finding]:
    if _fits(ratio, unit, whole, whole_slack):
        return
    computed = in_unit(ratio.part, unit) / whole * _HUNDRED
    check = SHARE if ratio.kind == "share" else RATE
    shown = computed.quantize(Decimal("0.01"))
    what = "占比" if ratio.kind == "share" else "预算完成率"
    message = (
        f"{where(ratio.sentence.provenance(ratio.percent.start))}{quoted(ratio.sentence.tail)}所述{what}"
        f" {ratio.percent.printed}，但 {ratio.part.figure.printed} ÷ {named} = {shown}%"
    )
    yield claim_finding(
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


def shares(document: Document, context: CheckContext) -> Iterator[Finding]:
    """``text.share``: the shares the text gives that are not the part over their whole."""
    return _ratios(document, context, "share")


def rates(document: Document, context: CheckContext) -> Iterator[Finding]:
    """``text.rate``: the rates of the budget the text gives that are not the figure over its budget."""
    return _ratios(document, context, "rate")
