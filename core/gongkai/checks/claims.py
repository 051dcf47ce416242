"""What the sentences of the 情况说明 claim beyond restating an amount.

* :class:`Nothing`: an item was not spent (未发生因公出国（境）费支出, 公务接待费为零);
* :class:`Ratio`: a share (占本年支出合计的 45.6%) or a rate of the budget (完成预算的 98.5%);
* :class:`Comparison`: a figure set against another (比预算减少 3.20 万元, 决算数小于预算数,
  比上年预算 12.00 万元增加 1.00 万元) with its direction word and the difference, if printed;
* :class:`DateClaim`: a year the text gives to the document (第二部分 2023 年度…情况说明), to a
  year-end (截至 2023 年 12 月 31 日) or to what it compares with (比 2022 年预算增加).

This module only reads; :mod:`gongkai.checks.narrative` judges the claims against the tables. The
words are those of ``spec/phrases.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Optional

import attrs

from ..phrases import Phrases
from ..schema import Document, Provenance, TextLine
from ..vocabulary import YEAR_END
from . import marks
from .memo import once
from .numbers import NUMBER, Number, has_number, last_number_end, numbers
from .statements import Paragraph, Statement, normalise_subject, paragraphs, stated_paragraphs

_CLAUSE = re.compile(r"[，,；;。：:！!？?]")
_SEGMENT = re.compile(r"[；;]")
# words after a total that enumerate its parts: the sentence's first figure is their whole
_ENUMERATES = re.compile(r"其中|[：:]")


@attrs.frozen
class Sentence:
    """A sentence of a paragraph: its text as printed and where it starts."""

    paragraph: Paragraph
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.paragraph.text[self.start : self.end]

    @property
    def tail(self) -> str:
        """The sentence's last thousand characters: what a message quotes of it (its end), read
        without copying a sentence that may be a whole paragraph long."""
        return self.paragraph.text[max(self.start, self.end - 1000) : self.end]

    def provenance(self, offset: int) -> Provenance:
        return self.paragraph.provenance(offset)


@attrs.frozen
class Nothing:
    """A claim that ``item`` (the words naming it) was nothing this year."""

    item: str
    words: str  # the words saying so, as printed
    sentence: Sentence
    offset: int


@attrs.frozen
class Ratio:
    """A percentage that is ``part`` over ``whole``: ``kind`` is ``share`` or ``rate``.

    ``part`` is the statement whose figure the percentage is of; ``whole`` the statement giving
    the whole in the same sentence, if any; ``whole_words`` the words naming the whole (占 *本年
    支出合计* 的) if printed.
    """

    kind: str
    percent: Number
    part: Statement
    whole: Optional[Statement]
    whole_words: str
    sentence: Sentence
    budgets: tuple[Statement, ...] = ()  # the budget figures the sentence prints before the percentage
    whole_by_name: bool = False  # the whole is a figure the paragraph printed under ``whole_words``


@attrs.frozen
class Comparison:
    """A figure (``left``) set against another: its budget, last year's, or a printed figure.

    ``against`` is ``budget`` or ``last_year``; ``right`` the statement printing the other figure
    (None if the text only names it); ``direction`` is ``more``, ``less`` or ``same`` as the
    words say; ``difference`` the printed difference, if any.
    """

    left: Statement
    against: str
    right: Optional[Statement]
    direction: str
    word: str
    difference: Optional[Number]
    sentence: Sentence
    offset: int
    budget_words: str = ""  # the words naming the budget compared with (年初预算, 全年预算数)


@attrs.frozen
class Points:
    """A percentage said to move from ``before`` to ``after`` by ``points`` 个百分点
    (由 45.0% 提高到 47.5%，提高 2.5 个百分点), ``rising`` as its words say."""

    before: Number
    after: Number
    points: Number
    rising: bool
    word: str
    sentence: Sentence


@attrs.frozen
class DateClaim:
    """A year the text prints: ``role`` is ``heading`` (the document's year), ``year_end``
    (截至…年12月31日) or ``compared`` (the year a figure is compared with)."""

    role: str
    year: int
    printed: str
    measure: str  # for ``compared``: 预算 when the other figure is a budget, else ""
    sentence: Sentence
    offset: int


def sentences(paragraph: Paragraph) -> Iterator[Sentence]:
    """The sentences of ``paragraph`` (ending at 。！？ or the paragraph's end)."""
    start = 0
    for found in re.finditer(r"[。！!？?]", paragraph.text):
        yield Sentence(paragraph, start, found.end())
        start = found.end()
    if start < len(paragraph.text):
        yield Sentence(paragraph, start, len(paragraph.text))


# -- claims of nothing --------------------------------------------------------------------------------


def nothings(document: Document, phrases: Phrases) -> Iterator[tuple[Nothing, Optional[str]]]:
    """Every clause that says an item was nothing, with the scope of its section.

    The clause must consist of the item's name and the words saying it was nothing
    (``未发生…``, ``…为零``), besides the year, the publishing body and filler words.
    """
    nothing = phrases.pattern("nothing")
    filler = phrases.pattern("nothing_filler")
    said = re.compile(nothing)  # what both patterns need somewhere in the words
    before = re.compile(rf"^(?:{filler})*(?P<words>{nothing})(?P<item>.+?)(?:支出|费用)?$")
    after = re.compile(rf"^(?:{filler})*(?P<item>.+?)(?:支出)?(?:决算|预算)?(?:数)?(?P<words>{nothing})$")
    for paragraph in paragraphs(document, phrases):
        for sentence in sentences(paragraph):
            start = sentence.start
            for clause_end in [
                *(m.start() for m in _CLAUSE.finditer(paragraph.text, start, sentence.end)),
                sentence.end,
            ]:
                clause = paragraph.text[start:clause_end]
                start = clause_end + 1
                if has_number(clause):
                    continue  # a clause stating an amount says what it was (text.amount judges it)
                words = normalise_subject(clause, document.entity)
                if said.search(words) is None:
                    continue
                found = before.match(words) or after.match(words)
                if found is None or not found["item"]:
                    continue
                yield Nothing(found["item"], found["words"], sentence, clause_end), paragraph.scope


# -- shares and rates ---------------------------------------------------------------------------------


def ratios(document: Document, phrases: Phrases) -> Iterator[Ratio]:
    """Every share (占 N%) and rate of the budget (完成预算的 N%) with the figures it is of."""
    return iter(once("ratios", document, phrases, lambda: tuple(_ratios(document, phrases))))


def _ratios(document: Document, phrases: Phrases) -> Iterator[Ratio]:
    share = re.compile(rf"^(?:{phrases.pattern('share')})(?P<whole>[^，,；;。%％\d]*?)(?:的)?(?:比重|比例)?(?:为)?$")
    rate = re.compile(rf"^(?:{phrases.pattern('rate')})$")
    for paragraph, statements_there in stated_paragraphs(document, phrases):
        stated = marks.Stated(statements_there)
        for sentence in sentences(paragraph):
            yield from _sentence_ratios(sentence, stated, share, rate, document.entity)


def _sentence_ratios(
    sentence: Sentence, stated: marks.Stated, share: re.Pattern[str], rate: re.Pattern[str], entity: Optional[str]
) -> Iterator[Ratio]:
    """The ratios of one sentence, its figures taken in one pass as its percentages come (a
    sentence of thousands of figures, each percentage looking back over all, was quadratic)."""
    text = sentence.paragraph.text
    figures = [s for s in stated.starting_in(sentence.start, sentence.end) if not s.delta]
    seen = _Before()
    for number in numbers(text, sentence.start, sentence.end):
        if number.kind != "percent":
            continue
        while len(seen.all) < len(figures) and figures[len(seen.all)].offset < number.start:
            seen.add(figures[len(seen.all)])
        lead = _lead(text, sentence.start, number.start)
        kind, whole_words, by_name = None, "", False
        found_share = share.search(lead)
        if rate.search(lead) is not None:
            kind = "rate"
        elif found_share is not None:
            kind, whole_words = "share", normalise_subject(found_share["whole"], entity)
        if kind is None:
            continue
        # a rate is of the final figure, never of the budget it is measured by
        before, first_total = (seen.plain, seen.plain_total) if kind == "rate" else (seen.all, seen.all_total)
        # the part is stated in the percentage's own segment of the sentence (up to ；)
        segment = marks.last_end(_SEGMENT, text, sentence.start, number.start) or 0
        if not before or before[-1].offset < segment:
            continue
        part = before[-1]
        whole = before[first_total] if first_total is not None and first_total < len(before) - 1 else None
        if whole is None and len(before) > 1 and marks.count(_ENUMERATES, text, before[0].offset, part.offset):
            whole = before[0]  # "…307.82万元，主要用于以下方面：A 264.87万元，占86.05%"
        if whole_words:
            # "占授予中小企业合同金额的49.90%": the whole is the figure the paragraph gave those words
            named = stated.last_of(_named_by(whole_words), part.offset)
            whole = named if named is not None else whole
            by_name = named is not None
        budgets = tuple(seen.budgets[-_BUDGETS_KEPT:])
        yield Ratio(kind, number, part, whole, whole_words, sentence, budgets, by_name)


_BUDGETS_KEPT = 8  # a sentence prints one or two budgets (年初, 全年); a rate is of one of the last


class _Before:
    """The figures of a sentence before its next percentage, gathered as the scan moves on: all
    of them, those that are not budgets (what a rate may be of), the budgets, and where the first
    figure naming a total stands among all and among those not budgets."""

    def __init__(self) -> None:
        self.all: list[Statement] = []
        self.plain: list[Statement] = []
        self.budgets: list[Statement] = []
        self.all_total: Optional[int] = None
        self.plain_total: Optional[int] = None

    def add(self, statement: Statement) -> None:
        total = names_a_total(statement.subject)
        self.all.append(statement)
        if total and self.all_total is None:
            self.all_total = len(self.all) - 1
        if is_budget(statement.subject):
            self.budgets.append(statement)
            return
        self.plain.append(statement)
        if total and self.plain_total is None:
            self.plain_total = len(self.plain) - 1


_TOTAL = re.compile(
    r"合计|总计|总额|总(?:收入|支出)|^(?:部门|单位)?(?:本年度?)?(?:各项)?(?:收入|支出|收支)(?:预算|决算)?(?:数)?(?:为|是|共计)?$"
)


_BUDGET = re.compile(r"预算(?:数|安排|金额)?(?:为|是|共计)?$")


def is_budget(subject: str) -> bool:
    """True if a figure's words say it is a budget (年初预算为, 全年预算数), not an outturn."""
    return bool(_BUDGET.search(subject))


def names_a_total(subject: str) -> bool:
    """True if a figure's words name a total (本年收入合计, 收入总计, 支出预算), which the
    shares after it in the sentence may be of."""
    return bool(_TOTAL.search(subject))


def _named_by(words: str) -> frozenset[str]:
    """The words of a figure that ``words`` name: themselves, perhaps with a measure word (为, 共计)
    after them."""
    return frozenset(words + measure for measure in ("", "为", "是", "共计", "合计", "达"))


def _lead(text: str, start: int, end: int) -> str:
    """The words before ``end`` back to the last figure or clause mark, white space removed."""
    clause_end = marks.last_end(_CLAUSE, text, start, end)
    cut = clause_end if clause_end is not None else start
    last = last_number_end(text, cut, end)
    return "".join(text[last if last is not None else cut : end].split())


# -- comparisons --------------------------------------------------------------------------------------


def comparisons(document: Document, phrases: Phrases) -> Iterator[Comparison]:
    """Every clause comparing the figure before it with its budget or last year's figure.

    ``比年初预算减少3.20万元``, ``与预算持平``, ``决算数小于预算数``, ``比上年预算12.00万元增加1.00
    万元``: the word must follow the words naming the other figure. The left figure is the last
    figure of the sentence before the clause that is not itself a change.
    """
    more, less, same = (phrases.pattern(name) for name in ("more", "less", "same"))
    budget, last_year = phrases.pattern("budget"), phrases.pattern("last_year")
    clause = re.compile(
        rf"(?:比|较|与|同)(?:(?P<budget>{budget})|(?P<last>{last_year})|(?P<year>\d{{4}})年度?(?P<year_budget>预算数?)?)"
        rf"(?:数)?(?P<right>{NUMBER}\s*(?:亿元|万元|元))?(?:相比|比较)?[,，]?"
        rf"(?P<word>{more}|{less}|{same})了?(?P<difference>{NUMBER}\s*(?:亿元|万元|元))?"
    )
    for paragraph, statements_there in stated_paragraphs(document, phrases):
        stated = marks.Stated(statements_there)
        for found in clause.finditer(paragraph.text):
            sentence_start, _ = paragraph.sentence(found.start())
            before = [s for s, _ in stated.from_until(sentence_start, found.start()) if not s.delta]
            if not before:
                continue
            against = "budget" if found["budget"] or found["year_budget"] else "last_year"
            right = stated.at(found.start("right")) if found["right"] else None
            word = found["word"]
            direction = "more" if re.fullmatch(more, word) else "less" if re.fullmatch(less, word) else "same"
            difference = (
                next(numbers(paragraph.text, found.start("difference"), found.end())) if found["difference"] else None
            )
            yield Comparison(
                left=before[-1],
                against=against,
                right=right,
                direction=direction,
                word=word,
                difference=difference,
                sentence=Sentence(paragraph, sentence_start, paragraph.sentence(found.start())[1]),
                offset=found.start("word"),
                budget_words=found["budget"] or "",
            )


# -- percentage points ----------------------------------------------------------------------------

_POINTS = re.compile(
    rf"由\s*(?P<before>{NUMBER}\s*[%％])\s*(?:提高|上升|增加|增长|下降|降低|减少)(?:到|至)\s*(?P<after>{NUMBER}\s*[%％])"
    rf"[，,]?\s*(?:同比)?(?P<word>提高|上升|增加|增长|下降|降低|减少)了?\s*(?P<points>{NUMBER}\s*个百分点)"
)


def points(document: Document, phrases: Phrases) -> Iterator[Points]:
    """Every percentage said to move between two printed percentages by a number of points."""
    for paragraph in paragraphs(document, phrases):
        for found in _POINTS.finditer(paragraph.text):
            start, end = paragraph.sentence(found.start())
            before, after, moved = (
                next(numbers(paragraph.text, found.start(name), found.end(name)))
                for name in ("before", "after", "points")
            )
            rising = found["word"] in ("提高", "上升", "增加", "增长")
            yield Points(before, after, moved, rising, found["word"], Sentence(paragraph, start, end))


# -- dates --------------------------------------------------------------------------------------------

_HEADING_YEAR = re.compile(r"^第\s*[一二三四五六七八九十]+\s*部分\s*(?P<year>\d{4})\s*年度?.*(?:情况说明|决算|预算)")
_COMPARED = re.compile(
    r"(?:比|较|与|同)\s*(?P<year>\d{4})\s*年度?(?:同期)?(?P<measure>预算|决算)?(?:数)?\s*(?:相比|比较)?\s*[,，]?\s*"
    r"(?:增加|减少|增长|下降|持平|上升|降低|基本持平|减|增)"
)


def dates(document: Document) -> Iterator[DateClaim]:
    """Every year the narrative (and its 目录) gives to the document's part headings, a year-end,
    or a comparison."""
    listed = [TextLine(entry.printed, entry.provenance) for entry in document.contents]
    for line in (*document.narrative, *listed):
        text = line.text.strip()
        found = _HEADING_YEAR.match(text)
        if found:
            paragraph = Paragraph(text=text, starts=(0,), lines=(line,), scope=None, topic="")
            yield DateClaim("heading", int(found["year"]), found.group(0), "", Sentence(paragraph, 0, len(text)), 0)
    for paragraph in paragraphs(document):
        text = paragraph.text
        for found in YEAR_END.finditer(text):
            start, end = paragraph.sentence(found.start())
            year = int(found["year"] or found["end"])
            yield DateClaim("year_end", year, found.group(0), "", Sentence(paragraph, start, end), found.start())
        for found in _COMPARED.finditer(text):
            start, end = paragraph.sentence(found.start())
            yield DateClaim(
                "compared",
                int(found["year"]),
                found.group(0),
                found["measure"] or "",
                Sentence(paragraph, start, end),
                found.start(),
            )
