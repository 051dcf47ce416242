"""Writing slips of the printed text: template text left in, doubled punctuation.

* ``meta.placeholder``: no template text is left in the 情况说明 or in the tables' titles, notes
  and row labels: placeholders (XX, ××, 某某, ○○, 【单位名称】, 【…填写…】: the word list
  ``placeholder`` of ``spec/phrases.toml``), instructions to whoever fills the template in
  (（如持平作持平表述）, （不涉及的不列）, 此处填写…, 请根据实际情况填写: ``instruction``) and the
  alternatives a template offers to choose from (增加（减少）, 大于（小于）: a word of ``more`` with
  one of ``less`` in brackets after it, or the other way round). A template that was not filled in
  has a placeholder on nearly every line, so findings are grouped: one per printed line (or
  table title, note, row label) and kind, quoting the first of them and counting the others. A
  match inside a match of an earlier kind (请填写 inside 【请填写单位名称】) is not counted again.
* ``text.punctuation``: no two punctuation marks of the 情况说明 stand together (。。 ，， ；； 、、
  ：： ，。 。， …, full-width or half-width: ``punctuation``), one finding per place. A run
  holding three dots or more is an ellipsis or a 目录's dot leader (``ellipsis``), not a doubled
  mark; a point before a digit is a decimal point (or ends a dot leader before its page number),
  a point after a Latin letter an abbreviation (Co., Ltd.); …… and —— are not marks it reads.

Texts are read as the phrases are written: white space removed, full-width round brackets made
half-width. The lines of the 情况说明 are read as one text, so that words wrapped onto the next
line are found; a finding names the line its match begins on (page, line and bbox) and quotes
it from its sentence as printed. A document without a 情况说明 gives ``text.punctuation`` nothing
to read and no finding.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Optional

import attrs

from ..hookspecs import hookimpl
from ..phrases import Phrases
from ..registrations import Check, CheckContext
from ..schema import Document, Finding, Provenance, Severity, Table
from .compare import row_name, table_name
from .halfwidth import half_width_brackets
from .memo import once

PLACEHOLDER = "meta.placeholder"
PUNCTUATION = "text.punctuation"

_SENTENCE_END = frozenset("。！？；!?;")
# a line that opens a part, a section or an item opens a sentence, though the line before it
# (a heading) ends without a mark
_NUMERAL = "[一二三四五六七八九十]+"
_OPENING = re.compile(rf"第{_NUMERAL}部分|{_NUMERAL}、|\({_NUMERAL}\)|\d{{1,2}}[、.．](?!\d)")
_INNER_MARKS = frozenset("。，；：、,;:！？!?")
_QUOTED = 15  # characters quoted on either side of a slip
_SENTENCE_LIMIT = 100  # characters a sentence is sought on either side of a slip


def _ends_a_block(line: str) -> bool:
    """True if the line after ``line`` (white space removed) opens a sentence though ``line``
    ends without a sentence mark: ``line`` is a heading, or ends in a colon that introduces a block."""
    if line.endswith((":", "：")):
        return True
    number = _OPENING.match(line)
    return number is not None and not _INNER_MARKS.intersection(line[number.end() :])


@attrs.frozen
class Text:
    """Printed lines read as one text.

    ``plain`` is the lines' characters without white space and with full-width round brackets
    made half-width (what the phrases match); ``printed`` the same characters as printed, so a
    span of one is the same span of the other; ``lines`` the index of the line each character
    comes from; ``openings`` the positions where a line opens a part, section or item, or
    follows a heading (a line opening one, with no mark after its number) or a line ending in a
    colon.
    """

    plain: str
    printed: str
    lines: tuple[int, ...]
    openings: frozenset[int]

    @classmethod
    def of(cls, lines: Sequence[str]) -> Text:
        pieces: list[str] = []
        owners: list[int] = []
        starts: list[int] = []
        for index, line in enumerate(lines):
            starts.append(len(owners))
            kept = "".join(line.split())
            pieces.append(kept)
            owners += [index] * len(kept)
        printed = "".join(pieces)
        plain = half_width_brackets(printed)
        ends = [*starts[1:], len(plain)]
        openings = frozenset(
            start
            for index, start in enumerate(starts)
            if _OPENING.match(plain, start)
            or (index > 0 and starts[index - 1] < start and _ends_a_block(plain[starts[index - 1] : ends[index - 1]]))
        )
        return cls(plain, printed, tuple(owners), openings)

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """The span of the sentence holding ``start:end``: from after the last sentence mark (or
        the opening of a part, section or item) before it to its next sentence mark, at most
        ``_SENTENCE_LIMIT`` characters away on either side."""
        first = start
        while first > max(0, start - _SENTENCE_LIMIT) and first not in self.openings:
            if self.plain[first - 1] in _SENTENCE_END:
                break
            first -= 1
        last = end
        while last < min(len(self.plain), end + _SENTENCE_LIMIT) and last not in self.openings:
            last += 1
            if self.plain[last - 1] in _SENTENCE_END:
                break
        return first, last

    def excerpt(self, start: int, end: int) -> str:
        """``start:end`` as printed with up to ``_QUOTED`` characters of its sentence on either
        side, … marking where the sentence goes on."""
        first, last = self.sentence(start, end)
        left, right = max(first, start - _QUOTED), min(last, end + _QUOTED)
        return ("…" if left > first else "") + self.printed[left:right] + ("…" if right < last else "")


@attrs.frozen
class Kind:
    """A kind of template text: how a message names it and the pattern that finds it."""

    name: str
    regex: re.Pattern[str]


def template_kinds(phrases: Phrases) -> tuple[Kind, ...]:
    """The kinds of template text ``meta.placeholder`` reports, in the order they claim text."""
    more, less = phrases.pattern("more"), phrases.pattern("less")
    choice = re.compile(rf"(?:{more})\((?:{less})\)|(?:{less})\((?:{more})\)")
    return (
        Kind("模板占位符", phrases.regex("placeholder")),
        Kind("模板填写说明", phrases.regex("instruction")),
        Kind("模板备选用语", choice),
    )


@attrs.frozen
class Slips:
    """The matches of one kind that begin on one line: their spans, in printed order."""

    line: int
    kind: Kind
    spans: tuple[tuple[int, int], ...]


def template_slips(text: Text, kinds: Sequence[Kind]) -> list[Slips]:
    """The template text of ``text`` grouped by the line each match begins on and its kind
    (lines in order, kinds in ``kinds`` order); a match inside one of an earlier kind is left out."""
    claimed: list[tuple[int, int]] = []
    grouped: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for order, kind in enumerate(kinds):
        spans = [match.span() for match in kind.regex.finditer(text.plain) if match.end() > match.start()]
        kept = [(start, end) for start, end in spans if not any(a <= start and end <= b for a, b in claimed)]
        for start, end in kept:
            grouped.setdefault((text.lines[start], order), []).append((start, end))
        claimed += kept
    return [Slips(line, kinds[order], tuple(spans)) for (line, order), spans in sorted(grouped.items())]


def doubled_marks(text: Text, phrases: Phrases) -> Iterator[tuple[int, int]]:
    """The spans of ``text`` where two or more punctuation marks stand together, ellipses and dot
    leaders left out."""
    ellipsis = phrases.regex("ellipsis")
    for run in re.finditer(rf"(?:{phrases.pattern('punctuation')}){{2,}}", text.plain):
        if ellipsis.search(run.group()) is None:
            yield run.span()


def narrative_place(provenance: Provenance) -> str:
    """How a message names a line of the 情况说明 (``情况说明第3页第12行``)."""
    page = f"第{provenance.page}页" if provenance.page is not None else ""
    line = f"第{provenance.line}行" if provenance.line is not None else ""
    return f"情况说明{page}{line}"


# -- meta.placeholder ------------------------------------------------------------------------------


def _template_finding(
    place: str,
    text: Text,
    slips: Slips,
    provenance: Provenance,
    table: Optional[Table] = None,
    row: Optional[str] = None,
) -> Finding:
    start, end = slips.spans[0]
    printed = text.printed[start:end]
    count = f"（共{len(slips.spans)}处）" if len(slips.spans) > 1 else ""
    first, last = text.sentence(start, end)
    excerpt = text.excerpt(start, end)
    # an instruction is often its sentence: it is quoted once
    quoted = "" if excerpt.strip("…") == printed else f"“{excerpt}”"
    return Finding(
        check=PLACEHOLDER,
        severity=Severity.WARNING,
        message=f"{place}{quoted}留有{slips.kind.name}“{printed}”{count}",
        table=table.id if table is not None else None,
        row=row,
        provenance=provenance,
        printed=printed,
        sentence=text.printed[first:last],
    )


def _table_texts(table: Table) -> Iterator[tuple[str, str, Optional[str], Provenance]]:
    """Every text a table prints besides its amounts: (how a message names it, the text, the
    finding's row, where it is)."""
    yield "的标题", table.title, None, table.provenance
    for note in table.notes:
        yield "的表注", note, None, table.provenance
    for row in table.rows:
        yield f"“{row_name(row)}”行", row.label, row.code or row.label, row.provenance


def _narrative_text(document: Document, phrases: Phrases) -> Text:
    """The 情况说明 as one :class:`Text`, read once for both checks."""
    return once("writing-text", document, phrases, lambda: Text.of([line.text for line in document.narrative]))


def _placeholders(document: Document, context: CheckContext) -> Iterator[Finding]:
    kinds = template_kinds(context.phrases)
    text = _narrative_text(document, context.phrases)
    for slips in template_slips(text, kinds):
        provenance = document.narrative[slips.line].provenance
        yield _template_finding(narrative_place(provenance), text, slips, provenance)
    for table in document.tables:
        for part, printed, row, provenance in _table_texts(table):
            plain = half_width_brackets("".join(printed.split()))  # Text.of(...).plain, read quickly
            if not any(kind.regex.search(plain) for kind in kinds):
                continue
            cell_text = Text.of([printed])
            for slips in template_slips(cell_text, kinds):
                yield _template_finding(f"{table_name(table)}{part}", cell_text, slips, provenance, table, row)


# -- text.punctuation ------------------------------------------------------------------------------


def _punctuation(document: Document, context: CheckContext) -> Iterator[Finding]:
    text = _narrative_text(document, context.phrases)
    for start, end in doubled_marks(text, context.phrases):
        provenance = document.narrative[text.lines[start]].provenance
        first, last = text.sentence(start, end)
        marks = text.printed[start:end]
        yield Finding(
            check=PUNCTUATION,
            severity=Severity.WARNING,
            message=f"{narrative_place(provenance)}“{text.excerpt(start, end)}”有重复标点“{marks}”",
            provenance=provenance,
            printed=marks,
            sentence=text.printed[first:last],
        )


@hookimpl
def gongkai_checks() -> Sequence[Check]:
    return (
        Check(
            id=PLACEHOLDER,
            severity=Severity.WARNING,
            description=(
                "正文和表格中没有遗留模板内容：占位符（XX、××、某某、【单位名称】等）、"
                "填写说明（如持平作持平表述、此处填写等）和备选用语（增加（减少）等）；每行每类报告一次。"
            ),
            run=_placeholders,
        ),
        Check(
            id=PUNCTUATION,
            severity=Severity.WARNING,
            description="情况说明中没有重复或连用的标点（。。，，；；，。等；省略号、目录引导点和小数点除外）。",
            run=_punctuation,
        ),
    )
