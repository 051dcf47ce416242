"""``text.direction``: a comparison's word (增加/减少/持平/超支/节约/大于/小于…) and printed
difference agree with the two figures: both printed in the sentence, or the other read from the
table row the first restates (its 预算数). A word that rounding could make true is no error;
增加 or 减少 between two figures printed the same is a warning."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Optional

from ..amounts import amount_text
from ..phrases import Phrases, load_phrases
from ..registrations import CheckContext
from ..schema import CellStatus, Document, Finding, Severity
from .claims import Comparison, comparisons
from .compare import Place, cell_name, last_digit
from .figures import RestatedFigures, budget_of, in_unit, restated_by_figure, rounding_of, scale_of, unit_of
from .findings import claim_finding
from .numbers import YUAN, half_unit
from .quoting import quoted, where

DIRECTION = "text.direction"
_WORDS = {"more": "大于", "less": "小于", "same": "等于"}


def directions(document: Document, context: CheckContext) -> Iterator[Finding]:
    """The comparisons whose word or stated difference the two figures compared contradict."""
    phrases = context.phrases
    unit = unit_of(document)
    by_statement = restated_by_figure(document, phrases)
    for comparison in comparisons(document, phrases):
        other = _other_side(document, comparison, unit, by_statement)
        if other is None:
            continue
        value, slack, named, places = other
        yield from _judge_comparison(comparison, unit, value, slack, named, places)


def identified_comparisons(document: Document, phrases: Optional[Phrases] = None) -> list[Comparison]:
    """The comparisons of the narrative whose two sides are identified, which ``text.direction`` judges."""
    phrases = phrases or load_phrases()
    unit = unit_of(document)
    by_statement = restated_by_figure(document, phrases)
    return [c for c in comparisons(document, phrases) if _other_side(document, c, unit, by_statement) is not None]


def _other_side(
    document: Document, comparison: Comparison, unit: str, by_statement: RestatedFigures
) -> Optional[tuple[Decimal, Decimal, str, tuple[Place, ...]]]:
    """The figure the left side is compared with: printed in the clause, or the budget of the row
    the left figure restates. None where it is not identified (a last year the tables do not hold)."""
    if comparison.right is not None:
        return in_unit(comparison.right, unit), rounding_of(comparison.right, unit), comparison.right.figure.printed, ()
    if comparison.against != "budget":
        return None
    restated = by_statement.get((comparison.left.sentence, comparison.left.offset))
    if restated is None or restated.place.cell.column in ("budget", "full_year_budget"):
        return None
    budget = budget_of(restated.place, comparison.budget_words)
    if budget is None or budget.cell.status is CellStatus.NOT_APPLICABLE:
        return None
    scale = scale_of(budget, unit, document)
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
    left = in_unit(comparison.left, unit)
    slack = rounding_of(comparison.left, unit) + other_slack
    difference = left - other
    actual = "same" if abs(difference) <= slack else "more" if difference > 0 else "less"
    said = (
        f"{where(comparison.sentence.provenance(comparison.offset))}{quoted(comparison.sentence.tail)}："
        f"{comparison.left.figure.printed}与{named}相比"
    )
    if _contradicts(comparison.direction, difference, slack):
        message = (
            f"{said}，文字写“{comparison.word}”，但前者{_WORDS[actual]}后者（相差 {amount_text(difference)} {unit}）"
        )
        yield claim_finding(
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
        yield claim_finding(
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
        yield claim_finding(
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
