"""What the 情况说明 text states: its figures, the words that name each one, and stated changes.

The narrative (the document's lines outside its tables) is read section by section. A heading
(``一、…`` / ``（一）…``) says what its section is about, its *scope*, so that "支出总计" under
财政拨款收入支出决算总体情况说明 is told apart from the same words under 收入支出决算总体情况说明.
Lines wrapped by the converter are joined back into paragraphs. Every amount printed with a unit
(万元 or 元) is a :class:`Figure`; the words before it, back to the previous punctuation or figure,
are its *subject* (``收入总计``, ``2101599-其他医疗保障管理事务支出``). A phrase such as
"比上年减少122.21万元，下降4.83%" after a figure is a :class:`Change` of that figure.

This module only reads the text; which table cell a subject names is decided by
:mod:`gongkai.checks.text`.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Optional

import attrs

from ..phrases import Phrases, load_phrases
from ..schema import Document, Provenance, TextLine
from ..vocabulary import CODE_DIGITS, LEVEL_ONE, LEVEL_TWO, ORDINAL, ORDINAL_WORDS, PART
from . import marks
from .halfwidth import half_width_digits
from .labels import plain
from .memo import once
from .numbers import AMOUNT, NUMBER, half_unit, read_number

# Scopes: what a section of the 情况说明 is about.
SUMMARY = "summary"  # 收入支出决算总体情况 / 预算收支总体情况
INCOME = "income"  # 收入决算情况
EXPENDITURE = "expenditure"  # 支出决算情况
FISCAL_GRANT = "fiscal_grant"  # 财政拨款收入支出决算总体情况
GENERAL_BUDGET = "general_budget"  # 一般公共预算财政拨款支出决算情况
BASIC = "basic"  # 一般公共预算财政拨款基本支出决算情况
THREE_PUBLIC = "three_public"  # “三公”经费支出决算情况
OPERATING = "operating"  # 机关运行经费
GOVERNMENT_FUND = "government_fund"  # 政府性基金预算财政拨款支出决算情况
STATE_CAPITAL = "state_capital"  # 国有资本经营预算财政拨款支出决算情况

_HEADING_MAX = 50  # a longer numbered line is a paragraph, not a heading
_NOT_A_YEAR = re.compile(r"\d(?!\d*年)")
_LINE_GAP = 4  # more lines than this between two narrative lines: something (a table) stood between them

_CLAUSE_END = re.compile(r"[，,；;。：:！!？?\t\n]")
_SENTENCE_END = re.compile(r"[。！!？?\n]")
_DELTA_VERB = re.compile(r"(?:增加|减少|增长|下降|降低|上升|增|减)了?$")
RISING = ("增加", "增长", "上升", "增幅", "增")

# "（比上年）减少 122.21 万元，下降 4.83%": the change and its percentage.
_CHANGE = re.compile(
    rf"(?P<verb>净增加|净减少|增加|减少|增长|下降|降低|上升)了?\s*(?P<number>{NUMBER})\s*(?P<unit>万元|元)"
    r"\s*[，,、]?\s*(?:同比)?(?P<pverb>增长|下降|增幅为?|降幅为?|上升|降低)了?\s*"
    r"(?P<percent>\d+(?:\.\d+)?)\s*[%％]"
)
_COMPARISON = re.compile(r"上年|上一年|去年|同比|相比|[比较]\s*\d{4}\s*年")
# Words around a change clause's subject that say "compared with last year", not what changed.
_COMPARED_WITH = re.compile(
    r"^(?:同比|(?:与|比|较)?(?:上一?年度?|去年|\d{4}年度?)?(?:同期)?(?:决算数?|预算数?)?(?:相比)?)"
)
_EACH = re.compile(r"(?:各|均|净|同比)+$")

_ENTITY_WORDS = ("本单位", "本部门", "我单位", "我部门", "我局", "我中心", "本局", "本中心", "本机关")
# "1.2080502-…": an item's number before a 科目 code, not a decimal number
_NUMBERED_CODE = re.compile(rf"^\d{{1,2}}[、.．](?=(?:{CODE_DIGITS})(?!\d))")
_SUBJECT_MARKS = str.maketrans({"、": "", "－": "-", "—": "-", "–": "-", "‘": "", "’": ""})


@attrs.frozen
class Figure:
    """An amount the text prints with its unit: ``number`` as printed, its exact ``value``."""

    number: str
    unit: str  # "亿元" | "万元" | "元"
    value: Decimal
    provenance: Provenance

    @property
    def printed(self) -> str:
        """The figure as the text states it, without white space (``2407.03万元``)."""
        return f"{self.number}{self.unit}"

    def half_unit(self) -> Decimal:
        """Half a unit of the last printed digit (0.005 for ``2407.03``): what rounding may hide."""
        return half_unit(self.value)


@attrs.frozen
class Statement:
    """A figure and the words before it that name what it is.

    ``subject`` is those words normalised (white space, numbering, the year, "本单位"/the
    publishing body, quotes and 、 removed; brackets half-width); ``excerpt`` is the clause as
    printed. ``sentence`` identifies the sentence within the narrative; ``delta`` is True for a
    figure that is itself a change ("减少 122.21 万元"). ``scope`` and ``topic`` come from the
    section's heading (``topic``: the heading's own words, plain).
    """

    figure: Figure
    subject: str
    excerpt: str
    scope: Optional[str]
    topic: str
    sentence: tuple[int, int]
    delta: bool = False
    offset: int = 0  # where the figure starts in its paragraph's text
    lead: str = ""  # the words of the paragraph's first sentence when it states no figure (a 科目's name)


@attrs.frozen
class Change:
    """A stated change of ``base`` over last year: ``amount`` with its direction, and the percentage.

    ``rising`` is the direction of the amount (增加), ``percent_rising`` that of the percentage
    (增长); ``printed_percent`` is the percentage phrase as printed (``下降4.83%``).
    """

    base: Figure
    amount: Figure
    rising: bool
    percent: Decimal
    percent_rising: bool
    printed_percent: str
    excerpt: str
    provenance: Provenance
    paragraph: Optional[Paragraph] = None  # where it was printed; ``offset``: its percentage there
    offset: int = 0


@attrs.frozen
class Paragraph:
    """Narrative lines joined into one text; ``starts`` holds where each line begins in it.

    ``scope`` and ``topic`` are those of the section the paragraph stands in.
    """

    text: str
    starts: tuple[int, ...]
    lines: tuple[TextLine, ...]
    scope: Optional[str]
    topic: str

    def provenance(self, offset: int) -> Provenance:
        """Where the character at ``offset`` was printed (its line's provenance)."""
        return self.lines[bisect.bisect_right(self.starts, offset) - 1].provenance

    def sentence(self, offset: int) -> tuple[int, int]:
        """The start and end of the sentence holding ``offset`` (end after its 。)."""
        start = marks.last_end(_SENTENCE_END, self.text, 0, offset)
        end = marks.next_end(_SENTENCE_END, self.text, offset)
        return start or 0, end if end is not None else len(self.text)


@attrs.frozen
class _Heading:
    level: int  # 0 for 第X部分, 1 for 一、, 2 for （一）
    words: str  # plain text after the numbering


def heading_scope(words: str, phrases: Optional[Phrases] = None) -> Optional[str]:
    """The scope a heading's plain words name (``spec/phrases.toml`` [[scope]]), or None."""
    for scope in (phrases or load_phrases()).scopes:
        if re.search(scope.pattern, words):
            return scope.id
    return None


def _heading(text: str) -> Optional[_Heading]:
    """The heading ``text`` is, or None: a short numbered line with no digits but a year's.

    A numbered line with a code or a number ("（二）2080505-…支出" wrapped before its amount) is
    the start of a paragraph, not a heading.
    """
    compact = half_width_digits("".join(text.split()))
    if len(compact) > _HEADING_MAX or _NOT_A_YEAR.search(compact):
        return None
    for level, pattern in ((0, PART), (1, LEVEL_ONE), (2, LEVEL_TWO)):
        found = pattern.match(compact)
        if found:
            return _Heading(level=level, words=plain(compact[found.end() :]).rstrip("。."))
    return None


def paragraphs(document: Document, phrases: Optional[Phrases] = None) -> tuple[Paragraph, ...]:
    """The narrative's paragraphs in printed order, each with its section's scope and topic."""
    phrases = phrases or load_phrases()
    return once("paragraphs", document, phrases, lambda: tuple(_paragraphs(document.narrative, phrases)))


def _paragraphs(narrative: Sequence[TextLine], phrases: Phrases) -> Iterator[Paragraph]:
    """The narrative's paragraphs, each with the scope and topic of the section it stands in.

    A level-one heading sets the scope (only if it is a 情况/说明 heading: the table part's titles
    name tables, not sections); a level-two heading narrows it when it names a scope and keeps
    the parent's otherwise; 第X部分 ends every section.
    """
    parent: Optional[str] = None
    scope: Optional[str] = None
    topic = ""
    pending: list[TextLine] = []

    def flush() -> Iterator[Paragraph]:
        if pending:
            yield _join(pending, scope, topic)
            pending.clear()

    for line in narrative:
        text = line.text.strip()
        if not text:
            continue
        heading = _heading(text)
        if heading is not None:
            yield from flush()
            named = heading_scope(heading.words, phrases)
            if heading.level == 0:
                parent = scope = None
            elif heading.level == 1:
                parent = scope = named if re.search(r"情况|说明", heading.words) else None
            else:
                scope = named or parent
            topic = heading.words
            continue
        if pending and _starts_paragraph(pending[-1], line):
            yield from flush()
        pending.append(line)
    yield from flush()


def _starts_paragraph(previous: TextLine, line: TextLine) -> bool:
    if previous.text.rstrip().endswith(("。", "！", "？", "!", "?")):
        return True
    if ORDINAL.match("".join(line.text.split())):
        return True
    before, after = previous.provenance.line, line.provenance.line
    if _runs_on(previous, line):
        return False
    return before is not None and after is not None and after - before > _LINE_GAP


def _runs_on(previous: TextLine, line: TextLine) -> bool:
    """True if ``line`` goes on with ``previous``'s unfinished sentence on the next page (the lines
    between were the page's footer and the next one's header)."""
    before, after = previous.provenance.page, line.provenance.page
    return before is not None and after == before + 1 and not previous.text.rstrip().endswith(("。", "：", ":"))


def _join(lines: Sequence[TextLine], scope: Optional[str], topic: str) -> Paragraph:
    """Wrapped lines joined as printed: no separator, except a space between two digits."""
    text = ""
    starts = []
    for line in lines:
        piece = half_width_digits(line.text.strip())
        if text and text[-1].isdigit() and piece[:1].isdigit():
            text += " "
        starts.append(len(text))
        text += piece
    return Paragraph(text=text, starts=tuple(starts), lines=tuple(lines), scope=scope, topic=topic)


@functools.lru_cache(maxsize=1 << 14)  # the checks normalise the same clauses and subjects again and again
def normalise_subject(raw: str, entity: Optional[str] = None) -> str:
    """The words naming a figure without what does not name it: white space, numbering, 其中,
    the year (``2023年度``), the publishing body (``本单位`` or its name), quotes and 、."""
    text = plain(_NUMBERED_CODE.sub("", "".join(raw.split()).translate(_SUBJECT_MARKS)))
    return text[_lead(entity).match(text).end() :]  # type: ignore[union-attr]  # matches, if only ""


@functools.lru_cache(maxsize=256)
def _lead(entity: Optional[str]) -> re.Pattern[str]:
    """What may stand before a subject's words, in any order and number, in one pass (stripped
    one at a time, a clause of a thousand years took a thousand passes over itself)."""
    words = "|".join(re.escape(word) for word in (*_ENTITY_WORDS, *((entity,) if entity else ())))
    return re.compile(rf"(?:\d{{4}}年度?|其中[:：]?|{ORDINAL_WORDS}|{words})*")


def _statements(paragraph: Paragraph, index: int, entity: Optional[str]) -> Iterator[tuple[Statement, int]]:
    """The paragraph's statements, each with the offset where its figure ends."""
    boundary = 0
    sentences, counted = 0, 0  # sentence ends before ``counted``, counted once: long paragraphs stay linear
    first = re.match(r"[^。：:]*", paragraph.text)
    lead = "" if first is None or AMOUNT.search(first.group(0)) else normalise_subject(first.group(0), entity)
    for found in AMOUNT.finditer(paragraph.text):
        clause_end = marks.last_end(_CLAUSE_END, paragraph.text, boundary, found.start())
        start = clause_end if clause_end is not None else boundary
        raw = paragraph.text[start : found.start()]
        sentences += len(_SENTENCE_END.findall(paragraph.text, counted, found.start()))
        counted = found.start()
        figure = Figure(
            number=found["number"],
            unit=found["unit"],
            value=read_number(found["number"]),
            provenance=paragraph.provenance(found.start("number")),
        )
        statement = Statement(
            figure=figure,
            subject=normalise_subject(raw, entity),
            excerpt=paragraph.text[start : found.end()].strip(" 、，,"),
            scope=paragraph.scope,
            topic=paragraph.topic,
            sentence=(index, sentences),
            delta=bool(_DELTA_VERB.search("".join(raw.split()))),
            offset=found.start(),
            lead=lead,
        )
        yield statement, found.end()
        boundary = found.end()


def statements_of(paragraph: Paragraph, index: int, entity: Optional[str]) -> list[tuple[Statement, int]]:
    """The statements of the ``index``-th paragraph, each with the offset where its figure ends."""
    return list(_statements(paragraph, index, entity))


def stated_paragraphs(
    document: Document, phrases: Optional[Phrases] = None
) -> tuple[tuple[Paragraph, tuple[tuple[Statement, int], ...]], ...]:
    """Each paragraph of the narrative with its statements (:func:`statements_of`), read once
    per document for every check that asks."""
    phrases = phrases or load_phrases()
    return once(
        "stated-paragraphs",
        document,
        phrases,
        lambda: tuple(
            (paragraph, tuple(_statements(paragraph, index, document.entity)))
            for index, paragraph in enumerate(paragraphs(document, phrases))
        ),
    )


def statements(document: Document, phrases: Optional[Phrases] = None) -> tuple[Statement, ...]:
    """Every figure the narrative states, in printed order, with the words that name it."""
    phrases = phrases or load_phrases()
    return once(
        "statements",
        document,
        phrases,
        lambda: tuple(statement for _, stated in stated_paragraphs(document, phrases) for statement, _ in stated),
    )


def changes(document: Document, phrases: Optional[Phrases] = None) -> tuple[Change, ...]:
    """Every stated change with its percentage whose base (this year's figure) can be told.

    The base is the nearest figure before the change, in the same or the previous sentence, that is
    not itself a change; the change clause may repeat what changed ("收入合计增加…") but must not
    name something else ("项目支出较上年增加…" after 基本支出 is skipped).
    """
    found: list[Change] = []
    for paragraph, statements_there in stated_paragraphs(document, phrases):
        stated = marks.Stated(statements_there)
        for match in _CHANGE.finditer(paragraph.text):
            change = _change(paragraph, match, stated, document.entity)
            if change is not None:
                found.append(change)
    return tuple(found)


def _change(
    paragraph: Paragraph, match: re.Match[str], stated: marks.Stated, entity: Optional[str]
) -> Optional[Change]:
    text = paragraph.text
    sentence_start = marks.last_end(_SENTENCE_END, text, 0, match.start()) or 0
    if not _COMPARISON.search(text, sentence_start, match.start()):
        return None
    here = marks.count(_SENTENCE_END, text, 0, match.start())
    base_and_end = stated.last_until(match.start(), lambda statement: not statement.delta)
    if base_and_end is None or here - base_and_end[0].sentence[1] > 1:
        return None
    base, base_end = base_and_end
    clause_start = marks.last_end(_CLAUSE_END, text, 0, match.start()) or 0
    named = _EACH.sub("", _COMPARED_WITH.sub("", normalise_subject(text[clause_start : match.start()], entity)))
    if named and not base.subject.startswith(named):
        return None
    return Change(
        base=base.figure,
        amount=Figure(
            number=match["number"],
            unit=match["unit"],
            value=read_number(match["number"]),
            provenance=paragraph.provenance(match.start("number")),
        ),
        rising=match["verb"].lstrip("净").startswith(RISING),
        percent=Decimal(match["percent"]),
        percent_rising=match["pverb"].startswith(RISING),
        printed_percent=f"{match['pverb']}{match['percent']}%",
        excerpt=text[base_end - len(base.excerpt) : match.end()].strip(),
        provenance=paragraph.provenance(match.start("percent")),
        paragraph=paragraph,
        offset=match.start("percent"),
    )
