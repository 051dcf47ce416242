"""Errors in the claims the narrative makes of its figures: a change's percentage, a
comparison's word, a share or rate, a year, an item of the “三公” table said not to be spent."""

from __future__ import annotations

import random
import re
from decimal import Decimal
from typing import Optional

import attrs

from ...checks.claims import comparisons, dates
from ...checks.narrative import identified_comparisons, identified_ratios
from ...checks.statements import changes
from ...phrases import load_phrases
from ...schema import Document
from .edits import printed_at, replace_at, sentence_end, sentence_slot, wrong_percent
from .figures import restated
from .mutant import Mutant, edited, inserted


def wrong_change(document: Document, rng: random.Random) -> Optional[Mutant]:
    """A change's percentage printed wrong, where last year's figure is large enough to tell."""
    options = []
    for change in changes(document):
        last_year = (
            change.base.value - change.amount.value if change.rising else change.base.value + change.amount.value
        )
        if change.paragraph is None or last_year < 1:
            continue
        at = printed_at(document, change.paragraph, change.offset)
        if at is not None:
            options.append((change, at))
    if not options:
        return None
    change, (index, column) = rng.choice(options)
    text = replace_at(document.narrative[index].text, column, f"{change.percent}", wrong_percent(change.percent, rng))
    return None if text is None else edited(document, index, text, "change")


_FLIP = {"增加": "减少", "减少": "增加", "持平": "增加", "超支": "节约", "节约": "超支", "大于": "小于", "小于": "大于"}


def wrong_direction(document: Document, rng: random.Random) -> Optional[Mutant]:
    """A comparison's word turned round where both sides are identified (the other figure printed,
    or the budget the table prints in the row); else a sentence setting a figure against a printed
    last year's figure, with the wrong word."""
    identified = {(c.left.sentence, c.offset) for c in identified_comparisons(document)}
    options = []
    for comparison in comparisons(document, load_phrases()):
        if comparison.word not in _FLIP or (comparison.left.sentence, comparison.offset) not in identified:
            continue
        at = printed_at(document, comparison.sentence.paragraph, comparison.offset)
        if at is not None:
            options.append((comparison, at))
    if options:
        comparison, (index, column) = rng.choice(options)
        text = replace_at(document.narrative[index].text, column, comparison.word, _FLIP[comparison.word])
        return None if text is None else edited(document, index, text, "direction")
    figures = [(r, i) for r, i in restated(document, nonzero=True) if r.statement.figure.value >= 1]
    if not figures:
        return None
    restatement, line = rng.choice(figures)
    # in the restatement's own section, where its words name the same cell
    slot = sentence_end(document, line)
    if slot is None:
        return None
    figure = restatement.statement.figure
    # last year's figure printed to the places of this year's, as a document prints its figures
    last = (figure.value + max(Decimal(1), figure.value / 5)).quantize(figure.value)
    unit = figure.unit
    said = f"{restatement.statement.subject}{figure.number}{unit}，比上年{last}{unit}增加{last - figure.value}{unit}。"
    return inserted(document, slot, said, "direction")


def wrong_ratio(document: Document, rng: random.Random, kind: str) -> Optional[Mutant]:
    """A share or rate printed wrong, where its whole is identified and its figures are large
    enough that rounding cannot hide it."""
    options = []
    for ratio, whole in identified_ratios(document):
        if ratio.kind != kind or ratio.part.figure.value < 1 or whole < 1:
            continue
        at = printed_at(document, ratio.sentence.paragraph, ratio.percent.start)
        if at is not None:
            options.append((ratio, at))
    if not options:
        return None
    ratio, (index, column) = rng.choice(options)
    text = replace_at(
        document.narrative[index].text, column, ratio.percent.number, wrong_percent(ratio.percent.value, rng)
    )
    return None if text is None else edited(document, index, text, kind)


def wrong_year(document: Document, rng: random.Random) -> Optional[Mutant]:
    """A part heading's or a year-end's year printed wrong; else a year-end sentence of a wrong year."""
    options = []
    for claim in dates(document):
        if claim.role == "compared":
            continue
        found = re.search(str(claim.year), claim.printed)
        at = printed_at(document, claim.sentence.paragraph, claim.offset + found.start()) if found else None
        if at is not None:
            options.append((claim, at))
    year = document.year
    if options:
        claim, (index, column) = rng.choice(options)
        wrong = str(claim.year + rng.choice((1, 2, -2)))
        text = replace_at(document.narrative[index].text, column, str(claim.year), wrong)
        return None if text is None else edited(document, index, text, "year")
    slot = sentence_slot(document)
    if year is None or slot is None or document.kind not in ("final", "budget"):
        return None
    wrong_year = year + rng.choice((1, 2, -2)) if document.kind == "final" else year + rng.choice((0, 1, -3))
    return inserted(document, slot, f"截至{wrong_year}年12月31日，本部门共有车辆0辆。", "year")


_THREE_PUBLIC_ITEMS = ("因公出国（境）费", "公务用车购置费", "公务用车运行维护费", "公务接待费")


def three_public(document: Document, rng: random.Random) -> Optional[Mutant]:
    """A sentence that an item of the “三公” table with an amount was not spent, in its section."""
    table = document.table("three_public") or document.table("three_public_operating")
    if table is None:
        return None
    column = "final" if document.kind == "final" else "budget"
    spent = []
    for name in _THREE_PUBLIC_ITEMS:
        key = name.replace("（", "(").replace("）", ")")
        for row in table.rows:
            cell = row.cell(column)
            label = "".join(row.label.split()).replace("（", "(").replace("）", ")")
            if key in label and cell is not None and cell.value:
                spent.append(name)
    headings = [i for i, line in enumerate(document.narrative) if "三公" in line.text and "情况" in line.text]
    if not headings:
        return None
    heading = headings[-1]  # the section of the 情况说明, not a line of the 目录
    if spent:
        return inserted(document, heading, f"本年度未发生{rng.choice(spent)}支出。", "three-public")
    # a table of nothing: the text states an amount for it
    word = "决算" if document.kind == "final" else "预算"
    said = f"“三公”经费财政拨款支出{word}为{Decimal(rng.randint(100, 9999)) / 100}万元。"
    return attrs.evolve(inserted(document, heading, said, "three-public"), check="text.amount")
