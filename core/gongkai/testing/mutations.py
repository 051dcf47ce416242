"""The mutation kit: plant one typical error of the 情况说明 in a consistent document and see that
the check named for it finds it, and nothing else new.

:data:`CLASSES` names each class of error and the check that must find it. :func:`mutate` plants
one in a parsed or generated document (editing a claim the text makes, or adding a sentence
where the document makes none of that kind) and returns a :class:`Mutant`; :func:`plant` prints
it in a format (the source text itself for text and markdown documents, else through gongkai's
renderers); :func:`verdict` compares the findings before and after. ``benchmarks/mutations.py``
runs every class on the seeds and on generated documents in every format.
"""

from __future__ import annotations

import bisect
import random
import re
from collections import Counter
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Optional

import attrs

from ..checks.claims import comparisons, dates
from ..checks.labels import plain
from ..checks.narrative import identified_comparisons, identified_ratios
from ..checks.restatements import Restatement, restatements
from ..checks.statements import Paragraph, changes
from ..checks.text import compare_amount
from ..phrases import load_phrases
from ..rendering import render
from ..schema import CellStatus, Document, Finding, Provenance, Severity, TextLine
from .contents import listings, print_contents
from .contents import swapped as swapped_listings

# class of error → the check that must find it (a “三公” table of nothing: text.amount finds the
# amount the text gives it; the check a mutant names is in Mutant.check)
CLASSES: dict[str, str] = {
    "amount": "text.amount",
    "zero-total": "text.amount",
    "unit": "text.unit",
    "change": "text.change",
    "direction": "text.direction",
    "share": "text.share",
    "rate": "text.rate",
    "year": "text.year",
    "three-public": "text.zero",
    "placeholder": "meta.placeholder",
    "punctuation": "text.punctuation",
    "toc": "completeness.toc-order",
}


@attrs.frozen
class Mutant:
    """A document with one planted error: its class, the check that must find it, and the line
    of the narrative changed (``before`` → ``after``; ``before`` is None for an added line), or,
    for two entries of the 目录 changing places, the source lines they are printed on
    (``swapped``; ``line`` is then -1)."""

    kind: str
    check: str
    document: Document
    line: int
    before: Optional[str]
    after: str
    swapped: Optional[tuple[int, int]] = None


def _edit(document: Document, index: int, text: str, kind: str) -> Mutant:
    lines = list(document.narrative)
    before = lines[index].text
    lines[index] = attrs.evolve(lines[index], text=text)
    return Mutant(kind, CLASSES[kind], attrs.evolve(document, narrative=tuple(lines)), index, before, text)


def _insert(document: Document, index: int, text: str, kind: str) -> Mutant:
    """``text`` (lines separated by newlines) added after narrative line ``index``."""
    lines = list(document.narrative)
    anchor = lines[index].provenance if lines else Provenance()
    lines[index + 1 : index + 1] = [TextLine(part, anchor) for part in text.split("\n")]
    return Mutant(kind, CLASSES[kind], attrs.evolve(document, narrative=tuple(lines)), index + 1, None, text)


def _line_of(document: Document, provenance: Provenance, printed: str) -> Optional[int]:
    """The narrative line printed at ``provenance`` that holds ``printed`` whole."""
    for index, line in enumerate(document.narrative):
        if line.provenance == provenance and printed in line.text.replace(" ", ""):
            return index
    return None


_AMOUNT_UNIT = r"\s*(?:亿元|万元|元)"
_PERCENT_SIGN = r"\s*[%％]"


def _at(document: Document, paragraph: Paragraph, offset: int) -> Optional[tuple[int, int]]:
    """The narrative line and the column in it where ``paragraph``'s character ``offset`` was printed."""
    line = bisect.bisect_right(paragraph.starts, offset) - 1
    printed = paragraph.lines[line]
    index = next((i for i, candidate in enumerate(document.narrative) if candidate is printed), None)
    return None if index is None else (index, offset - paragraph.starts[line])


def _replace_at(text: str, column: int, number: str, new: str) -> Optional[str]:
    """``text`` with ``number``, printed at ``column``, replaced by ``new``; None if it is not there."""
    if text[column : column + len(number)] != number:
        return None
    return text[:column] + new + text[column + len(number) :]


def _replace_number(text: str, number: str, new: str, unit: str = _AMOUNT_UNIT) -> Optional[str]:
    """``text`` with the printed ``number`` (spaces inside it allowed) followed by ``unit``
    replaced once by ``new`` (the unit kept)."""
    pattern = r"\s*".join(re.escape(char) for char in number)
    found = re.search(rf"(?<![\d.,])({pattern})(?=\d*(?:{unit}))(?![\d.])", text)
    return None if found is None else text[: found.start()] + new + text[found.end() :]


def _shifted(value: Decimal, rng: random.Random) -> str:
    """A figure clearly not ``value``: at least 1 and about a tenth off, printed to two decimals."""
    delta = max(Decimal(1), abs(value) / 10) + Decimal(rng.randint(1, 99)) / 100
    changed = value + delta if rng.random() < 0.5 or value - delta <= 0 else value - delta
    return f"{changed.quantize(Decimal('0.01'))}"


def _percent(value: Decimal, rng: random.Random) -> str:
    delta = Decimal(rng.randint(300, 900)) / 100
    changed = value + delta if value + delta <= 100 or value - delta < 0 else value - delta
    return f"{changed.quantize(Decimal('0.01'))}"


# -- the classes --------------------------------------------------------------------------------------


def _restated(document: Document, nonzero: bool, totals: bool = False) -> list[tuple[Restatement, int]]:
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
        index = _line_of(document, restatement.statement.figure.provenance, restatement.statement.figure.printed)
        if index is not None:
            found.append((restatement, index))
    return found


def _restated_figure(
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
        for restatement, index in _restated(document, nonzero=nonzero, totals=totals)
        if restatement.statement.figure.value >= least
    ]
    if not options:
        return None
    restatement, index = rng.choice(options)
    figure = restatement.statement.figure
    text = _replace_number(document.narrative[index].text, figure.number, new(figure.value))
    return None if text is None else _edit(document, index, text, kind)


def _amount(document: Document, rng: random.Random) -> Optional[Mutant]:
    return _restated_figure(document, rng, "amount", lambda value: _shifted(value, rng), nonzero=False)


def _zero_total(document: Document, rng: random.Random) -> Optional[Mutant]:
    """A total stated as 0 where the table prints one of a unit or more (a total of 0.01 stated as 0
    is within the rounding the checks allow)."""
    return _restated_figure(document, rng, "zero-total", lambda value: "0", nonzero=True, totals=True, least=Decimal(1))


def _unit(document: Document, rng: random.Random) -> Optional[Mutant]:
    if document.unit not in ("万元", "元"):
        return None
    # a figure of a few units or more: a factor of 10000 on it cannot hide in the rounding
    options = [
        (r, i)
        for r, i in _restated(document, nonzero=True)
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
    return _edit(document, index, text, "unit")


def _change(document: Document, rng: random.Random) -> Optional[Mutant]:
    """A change's percentage printed wrong, where last year's figure is large enough to tell."""
    options = []
    for change in changes(document):
        last_year = (
            change.base.value - change.amount.value if change.rising else change.base.value + change.amount.value
        )
        if change.paragraph is None or last_year < 1:
            continue
        at = _at(document, change.paragraph, change.offset)
        if at is not None:
            options.append((change, at))
    if not options:
        return None
    change, (index, column) = rng.choice(options)
    text = _replace_at(document.narrative[index].text, column, f"{change.percent}", _percent(change.percent, rng))
    return None if text is None else _edit(document, index, text, "change")


_FLIP = {"增加": "减少", "减少": "增加", "持平": "增加", "超支": "节约", "节约": "超支", "大于": "小于", "小于": "大于"}


def _direction(document: Document, rng: random.Random) -> Optional[Mutant]:
    """A comparison's word turned round where both sides are identified (the other figure printed,
    or the budget the table prints in the row); else a sentence setting a figure against a printed
    last year's figure, with the wrong word."""
    identified = {(c.left.sentence, c.offset) for c in identified_comparisons(document)}
    options = []
    for comparison in comparisons(document, load_phrases()):
        if comparison.word not in _FLIP or (comparison.left.sentence, comparison.offset) not in identified:
            continue
        at = _at(document, comparison.sentence.paragraph, comparison.offset)
        if at is not None:
            options.append((comparison, at))
    if options:
        comparison, (index, column) = rng.choice(options)
        text = _replace_at(document.narrative[index].text, column, comparison.word, _FLIP[comparison.word])
        return None if text is None else _edit(document, index, text, "direction")
    figures = [(r, i) for r, i in _restated(document, nonzero=True) if r.statement.figure.value >= 1]
    if not figures:
        return None
    restatement, line = rng.choice(figures)
    # in the restatement's own section, where its words name the same cell
    slot = _sentence_end(document, line)
    if slot is None:
        return None
    figure = restatement.statement.figure
    # last year's figure printed to the places of this year's, as a document prints its figures
    last = (figure.value + max(Decimal(1), figure.value / 5)).quantize(figure.value)
    unit = figure.unit
    said = f"{restatement.statement.subject}{figure.number}{unit}，比上年{last}{unit}增加{last - figure.value}{unit}。"
    return _insert(document, slot, said, "direction")


def _sentence_end(document: Document, index: int) -> Optional[int]:
    """The line, from narrative line ``index`` on, that ends the sentence begun there."""
    for at in range(index, len(document.narrative)):
        if document.narrative[at].text.rstrip().endswith("。"):
            return at
    return None


def _sentence_slot(document: Document) -> Optional[int]:
    """A narrative line that ends a sentence, after which a sentence may be added."""
    ends = [i for i, line in enumerate(document.narrative) if line.text.rstrip().endswith("。")]
    return ends[len(ends) // 2] if ends else None


def _ratio(document: Document, rng: random.Random, kind: str) -> Optional[Mutant]:
    """A share or rate printed wrong, where its whole is identified and its figures are large
    enough that rounding cannot hide it."""
    options = []
    for ratio, whole in identified_ratios(document):
        if ratio.kind != kind or ratio.part.figure.value < 1 or whole < 1:
            continue
        at = _at(document, ratio.sentence.paragraph, ratio.percent.start)
        if at is not None:
            options.append((ratio, at))
    if not options:
        return None
    ratio, (index, column) = rng.choice(options)
    text = _replace_at(document.narrative[index].text, column, ratio.percent.number, _percent(ratio.percent.value, rng))
    return None if text is None else _edit(document, index, text, kind)


def _year(document: Document, rng: random.Random) -> Optional[Mutant]:
    """A part heading's or a year-end's year printed wrong; else a year-end sentence of a wrong year."""
    options = []
    for claim in dates(document):
        if claim.role == "compared":
            continue
        found = re.search(str(claim.year), claim.printed)
        at = _at(document, claim.sentence.paragraph, claim.offset + found.start()) if found else None
        if at is not None:
            options.append((claim, at))
    year = document.year
    if options:
        claim, (index, column) = rng.choice(options)
        wrong = str(claim.year + rng.choice((1, 2, -2)))
        text = _replace_at(document.narrative[index].text, column, str(claim.year), wrong)
        return None if text is None else _edit(document, index, text, "year")
    slot = _sentence_slot(document)
    if year is None or slot is None or document.kind not in ("final", "budget"):
        return None
    wrong_year = year + rng.choice((1, 2, -2)) if document.kind == "final" else year + rng.choice((0, 1, -3))
    return _insert(document, slot, f"截至{wrong_year}年12月31日，本部门共有车辆0辆。", "year")


_THREE_PUBLIC_ITEMS = ("因公出国（境）费", "公务用车购置费", "公务用车运行维护费", "公务接待费")


def _three_public(document: Document, rng: random.Random) -> Optional[Mutant]:
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
        return _insert(document, heading, f"本年度未发生{rng.choice(spent)}支出。", "three-public")
    # a table of nothing: the text states an amount for it
    word = "决算" if document.kind == "final" else "预算"
    said = f"“三公”经费财政拨款支出{word}为{Decimal(rng.randint(100, 9999)) / 100}万元。"
    return attrs.evolve(_insert(document, heading, said, "three-public"), check="text.amount")


def _placeholder(document: Document, rng: random.Random) -> Optional[Mutant]:
    return _restated_figure(document, rng, "placeholder", lambda value: "XXX", nonzero=False)


def _punctuation(document: Document, rng: random.Random) -> Optional[Mutant]:
    options = [i for i, line in enumerate(document.narrative) if re.search(r"[\u4e00-\u9fff]。", line.text)]
    if not options:
        return None
    index = rng.choice(options)
    line = document.narrative[index].text
    doubled = rng.choice(("。。", "，，"))
    at = line.index("。")
    return _edit(document, index, line[:at] + doubled + line[at + 1 :], "punctuation")


def _toc(document: Document, rng: random.Random) -> Optional[Mutant]:
    """Two tables of the 目录 listed in each other's place; a 目录 so printed added where the
    document has none."""
    listed = [
        (index, entry)
        for index, entry in enumerate(document.contents)
        if entry.table is not None and document.table(entry.table) is not None
    ]
    if len(listed) >= 2:
        at = rng.randrange(len(listed) - 1)
        (first, one), (second, other) = listed[at], listed[at + 1]
        contents = list(document.contents)
        contents[first] = attrs.evolve(other, provenance=one.provenance, page=one.page)
        contents[second] = attrs.evolve(one, provenance=other.provenance, page=other.page)
        lines = (one.provenance.line, other.provenance.line)
        swapped = (lines[0], lines[1]) if lines[0] is not None and lines[1] is not None else None
        return Mutant(
            "toc",
            CLASSES["toc"],
            attrs.evolve(document, contents=tuple(contents)),
            -1,
            one.printed,
            other.printed,
            swapped,
        )
    if len(document.tables) < 2 or not document.narrative:
        return None
    entries = listings(document, numbered=False, page_numbers=False)
    tables = [index for index, entry in enumerate(entries) if entry.table is not None]
    at = rng.randrange(len(tables) - 1)
    printed = print_contents(swapped_listings(entries, tables[at], tables[at + 1]), leaders=False)
    return _insert(document, 0, "\n".join(line.text for line in printed), "toc")


_MUTATORS: dict[str, Callable[[Document, random.Random], Optional[Mutant]]] = {
    "amount": _amount,
    "zero-total": _zero_total,
    "unit": _unit,
    "change": _change,
    "direction": _direction,
    "share": lambda document, rng: _ratio(document, rng, "share"),
    "rate": lambda document, rng: _ratio(document, rng, "rate"),
    "year": _year,
    "three-public": _three_public,
    "placeholder": _placeholder,
    "punctuation": _punctuation,
    "toc": _toc,
}


def mutate(document: Document, kind: str, rng: Optional[random.Random] = None) -> Optional[Mutant]:
    """``document`` with one error of class ``kind`` planted in a claim its 情况说明 makes, or in
    a section added to it when it makes none of that kind; None if neither can be done (no
    summary table to write the section from)."""
    rng = rng or random.Random(0)
    return _MUTATORS[kind](document, rng) or _added(document, kind, rng)


def _added(document: Document, kind: str, rng: random.Random) -> Optional[Mutant]:
    """A 收入支出总体情况 section written from the summary table, with one error of ``kind`` in it."""
    table = document.table("summary")
    totals = ("本年收入合计", "收入合计", "收入总计", "总计")
    rows = [] if table is None else [r for r in table.rows if r.group in (0, None) and plain(r.label) in totals]
    row = min(rows, key=lambda r: totals.index(plain(r.label)), default=None)
    cell = None if row is None or not row.cells else row.cells[0]
    if row is None or cell is None or not cell.value or cell.value < 10 or document.unit != "万元":
        return None
    assert table is not None
    income = cell.value.quantize(Decimal("0.01"))
    name = "收入总计" if plain(row.label) == "总计" else plain(row.label)
    item = next((r for r in table.rows if r.group == 0 and r.cells and r.cells[0].value and r.cells[0].value > 1), None)
    last = (income * Decimal("0.8")).quantize(Decimal("0.01"))
    rise = income - last
    wrong = _percent(rise / last * 100, rng)
    budget = (income * Decimal("1.25")).quantize(Decimal("0.01"))
    sentences = {
        "amount": f"{name}{_shifted(income, rng)}万元。",
        "zero-total": f"{name}0万元。",
        "unit": f"{name}{income}元。",
        "placeholder": f"{name}XXX万元。",
        "change": f"{name}{income}万元，比上年增加{rise}万元，增长{wrong}%。",
        "direction": f"{name}{income}万元，比上年{budget}万元增加{budget - income}万元。",
    }
    if document.kind == "final":  # a budget's own figures are the budget: it states no rate of it
        sentences["rate"] = f"{name}预算为{budget}万元，决算为{income}万元，完成预算的{wrong}%。"
    if item is not None and item.cells[0].value is not None:
        part = item.cells[0].value
        label = re.sub(r"^[一二三四五六七八九十]+、", "", "".join(item.label.split()))
        sentences["share"] = f"{name}{income}万元，其中：{label}{part}万元，占{_percent(part / income * 100, rng)}%。"
    if kind not in sentences:
        return None
    word = "预算" if document.kind == "budget" else "决算"
    return _insert(document, len(document.narrative) - 1, f"一、收入支出{word}总体情况说明\n{sentences[kind]}", kind)


# -- printing and judging -----------------------------------------------------------------------------


def plant(mutant: Mutant, to: str, source: Optional[bytes] = None) -> bytes:
    """The mutant printed as format ``to``: ``source`` (the unmutated document's own text or
    markdown file) with the changed line edited in place, or else through gongkai's renderers."""
    if source is not None and to in ("text", "markdown") and mutant.document.format == to:
        patched = _patch(source.decode("utf-8"), mutant)
        if patched is not None:
            return patched.encode("utf-8")
    return render(mutant.document, to)


def _patch(source: str, mutant: Mutant) -> Optional[str]:
    """``source`` with the mutant's line changed where it was printed, or None if it cannot be found."""
    lines = source.split("\n")
    if mutant.swapped is not None:
        first, second = mutant.swapped
        if not (0 < first <= len(lines) and 0 < second <= len(lines)):
            return None
        lines[first - 1], lines[second - 1] = lines[second - 1], lines[first - 1]
        return "\n".join(lines)
    anchor = mutant.document.narrative[mutant.line].provenance.line
    if anchor is None or not 0 < anchor <= len(lines):
        return None
    if mutant.before is None:
        lines.insert(anchor, mutant.after)
        return "\n".join(lines)
    printed = lines[anchor - 1]
    if mutant.before not in printed:
        return None
    lines[anchor - 1] = printed.replace(mutant.before, mutant.after, 1)
    return "\n".join(lines)


def _key(finding: Finding) -> tuple:
    return (finding.check, finding.severity, finding.table, finding.row, finding.column, finding.printed)


def new_findings(before: Sequence[Finding], after: Sequence[Finding]) -> list[Finding]:
    """The findings of ``after`` that ``before`` does not have (as many times as they are new)."""
    left = Counter(_key(finding) for finding in before)
    fresh = []
    for finding in after:
        key = _key(finding)
        if left[key]:
            left[key] -= 1
        else:
            fresh.append(finding)
    return fresh


@attrs.frozen
class Verdict:
    """What the checks said of a mutant: ``found`` if the named check reported a warning or error
    that the unmutated document did not have; ``others`` the other new warnings and errors."""

    found: bool
    others: tuple[Finding, ...]


def verdict(mutant: Mutant, before: Sequence[Finding], after: Sequence[Finding]) -> Verdict:
    """Judge a mutant by the findings of the unmutated (``before``) and mutated (``after``) parse."""
    fresh = [f for f in new_findings(before, after) if f.severity in (Severity.WARNING, Severity.ERROR)]
    return Verdict(
        found=any(f.check == mutant.check for f in fresh),
        others=tuple(f for f in fresh if f.check != mutant.check),
    )
