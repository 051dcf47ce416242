"""Errors in the figures the narrative restates from the tables: an amount, a total stated as
0, the wrong unit, a placeholder left for the figure."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Optional

from ...checks.restatements import Restatement, restatements
from ...checks.text import compare_amount
from ...schema import CellStatus, Document
from .edits import line_of, replace_number, shifted
from .mutant import Mutant, edited


def restated(document: Document, nonzero: bool, totals: bool = False) -> list[tuple[Restatement, int]]:
    """The figures that restate a table cell and agree with it (a claim already wrong is no
    place to plant an error), each with its narrative line."""
    found = []
    unit = document.unit if document.unit in ("万元", "元") else "万元"
    for restatement in restatements(document):
        cell = restatement.place.cell
        if cell.status is not CellStatus.VALUE or (nonzero and not cell.value):
            continue
        if compare_amount(restatement, unit, Decimal("0.01")) is not None:
            continue
        if totals and not re.search(r"合计|总计", restatement.place.row.label):
            continue
        index = line_of(document, restatement.statement.figure.provenance, restatement.statement.figure.printed)
        if index is not None:
            found.append((restatement, index))
    return found


def restated_figure(
    document: Document,
    rng: random.Random,
    kind: str,
    new: Callable[[Decimal], str],
    nonzero: bool,
    totals: bool = False,
    least: Decimal = Decimal(0),
) -> Optional[Mutant]:
    """A figure that restates a cell (a total's, if ``totals``; of at least ``least``), printed
    as ``new(value)`` instead."""
    options = [
        (restatement, index)
        for restatement, index in restated(document, nonzero=nonzero, totals=totals)
        if restatement.statement.figure.value >= least
    ]
    if not options:
        return None
    restatement, index = rng.choice(options)
    figure = restatement.statement.figure
    text = replace_number(document.narrative[index].text, figure.number, new(figure.value))
    return None if text is None else edited(document, index, text, kind)


def wrong_amount(document: Document, rng: random.Random) -> Optional[Mutant]:
    """A restated figure printed wrong."""
    return restated_figure(document, rng, "amount", lambda value: shifted(value, rng), nonzero=False)


def zero_total(document: Document, rng: random.Random) -> Optional[Mutant]:
    """A total stated as 0 where the table prints one of a unit or more (a total of 0.01 stated as 0
    is within the rounding the checks allow)."""
    return restated_figure(document, rng, "zero-total", lambda value: "0", nonzero=True, totals=True, least=Decimal(1))


def wrong_unit(document: Document, rng: random.Random) -> Optional[Mutant]:
    """A restated figure of a few units or more printed in the other unit (元 for 万元, 万元 for 元)."""
    if document.unit not in ("万元", "元"):
        return None
    # a figure of a few units or more: a factor of 10000 on it cannot hide in the rounding
    options = [
        (r, i)
        for r, i in restated(document, nonzero=True)
        if r.statement.figure.unit == document.unit and r.statement.figure.value >= 2
    ]
    if not options:
        return None
    restatement, index = rng.choice(options)
    figure = restatement.statement.figure
    other = "元" if figure.unit == "万元" else "万元"
    pattern = r"\s*".join(re.escape(char) for char in figure.number) + r"\s*" + re.escape(figure.unit)
    line = document.narrative[index].text
    found = re.search(rf"(?<![\d.,]){pattern}", line)
    if found is None:
        return None
    text = line[: found.start()] + figure.number + other + line[found.end() :]
    return edited(document, index, text, "unit")


def placeholder(document: Document, rng: random.Random) -> Optional[Mutant]:
    """A restated figure left as the placeholder XXX."""
    return restated_figure(document, rng, "placeholder", lambda value: "XXX", nonzero=False)
