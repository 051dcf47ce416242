"""Segmentation: finding the printed tables of a layout and cutting each into title, meta, header,
body and notes.

A table starts at a line whose text is a known table title (after removing ordinals, years,
quotes and spaces) or is shaped like one (…决算表, …情况表), and ends at the next title, at a part
heading (第三部分 …), at any other heading, or after its notes. Which blocks are standard tables is
decided later, by the ``gongkai_identify_table`` hook. Lines of a 目录 (dot leaders before a page
number) are collected separately: they say which tables the document claims to contain.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Optional

import attrs

from .amounts import NOT_APPLICABLE_MARKS, normalise_number_text
from .canonical import compact, normalise_title
from .codes import is_code
from .layout import Layout, Line, LineKind

_TOC_LEADER = re.compile(r"(\.{3,}|…{2,}|·{3,}|-{4,})")
_PART = re.compile(r"^第[一二三四五六七八九十]+部分")
_NUMBER = re.compile(r"公开(\d{1,2})表?")
_UNIT = re.compile(r"单位[:：](万元|千元|元)")
_ENTITY_LABEL = re.compile(r"(?:编制单位|编制部门|单位名称|部门名称|(?<!金额)单位|部门)[:：]")
_ENTITY_END = re.compile(r"金额单位|(?:单位|部门)[:：]|公开\d|20\d\d年")
_YEAR = re.compile(r"(20\d\d)年度?")
_DECIMAL = re.compile(r"^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+$|^[-+]?\d{1,3}(?:,\d{3})+$")
_NOTE = re.compile(r"^[-*•]?(?:注|说明|备注)")
_META_LINE = re.compile(r"公开\d|单位[:：]|部门[:：]|^(?:20\d\d年度?|表|元|万元|\(?20\d\d年度?\)?)$")
_GENERIC_TITLE = re.compile(r"(?:决算|预算|绩效|情况|明细|目标)[^:：]{0,12}表[)）]?$")
_ENUMERATED = re.compile(r"^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])")
_TOTAL_LABELS = frozenset({"合计", "总计", "小计", "本年合计"})
_HEADER_WORDS = frozenset(
    {"项目", "类", "款", "项", "栏次", "行次", "收入", "支出", "金额", "科目编码", "科目代码", "科目名称"}
)
_MAX_NOTES = 12
_FURNITURE = (LineKind.PAGE_NUMBER, LineKind.FURNITURE)  # never part of a table or the text


@attrs.frozen
class TableBlock:
    """A printed table as segmentation found it, before it is mapped to a canonical table."""

    title: str
    title_line: Line
    number: Optional[str] = None
    heading: Optional[str] = None
    meta: tuple[Line, ...] = ()
    header: tuple[Line, ...] = ()
    body: tuple[Line, ...] = ()
    notes: tuple[Line, ...] = ()
    repeated: tuple[Line, ...] = ()  # header lines printed again where the table runs onto a new page

    @property
    def tabular(self) -> bool:
        """True if the format delimits the table's cells (tabs, pipes); False for space-aligned text."""
        return any(line.kind is LineKind.CELLS for line in self.header + self.body)

    @property
    def printed_number(self) -> Optional[str]:
        """The printed table number normalised without spaces (``公开01表``), or None."""
        return None if self.number is None else f"公开{self.number}表"

    @property
    def pages(self) -> tuple[int, ...]:
        """Pages the table's lines are on (empty when the format has no pages)."""
        lines = (self.title_line,) + self.body
        return tuple(sorted({line.page for line in lines if line.page is not None}))

    def _meta_text(self) -> str:
        return "".join(compact(line.text) for line in self.meta)

    @property
    def unit(self) -> Optional[str]:
        """The amount unit its meta lines state (``万元``/``元``), or None."""
        found = _UNIT.search(self._meta_text())
        return found.group(1) if found else None

    @property
    def entity(self) -> Optional[str]:
        """The publishing body its 编制单位/部门/单位 line names, or None."""
        text = self._meta_text()
        for found in _ENTITY_LABEL.finditer(text):
            rest = text[found.end() :]
            end = _ENTITY_END.search(rest)
            name = rest[: end.start()] if end else rest
            if name and name not in {"万元", "元", "千元"}:
                return name
        return None

    @property
    def year(self) -> Optional[int]:
        """The fiscal year its title or meta lines state, or None."""
        found = _YEAR.search(compact(self.title_line.text) + self._meta_text())
        return int(found.group(1)) if found else None


@attrs.frozen
class TocEntry:
    """A line of the document's 目录: a title it lists and where."""

    title: str
    line: Line


def line_text(line: Line) -> str:
    """The line's printed text with spaces and tab separators removed."""
    return "".join(compact(cell) for cell in line.cells)


def is_amount_text(text: str) -> bool:
    """True for a printed decimal amount or a not-applicable dash (integers are ambiguous)."""
    text = normalise_number_text(text)
    return bool(_DECIMAL.match(text)) or text in NOT_APPLICABLE_MARKS


def is_integer_amount(text: str) -> bool:
    """True for a printed whole number that cannot be a classification code (``0``, ``12``)."""
    text = normalise_number_text(text)
    return text.isdigit() and not is_code(text)


def _starts_a_row(first: str, rest: Sequence[str]) -> bool:
    """True if a line whose first cell is ``first`` is a body row whatever else it prints: an
    enumerated item (一、…, （一）…), or a total followed by nothing but amounts, whole ones too."""
    if _ENUMERATED.match(first):
        return True
    return first in _TOTAL_LABELS and all(is_amount_text(cell) or is_integer_amount(cell) for cell in rest)


def is_data_cells(cells: Iterable[str]) -> bool:
    """True if a delimited line is a table body row rather than a header row."""
    filled = [compact(cell) for cell in cells if cell.strip()]
    if not filled or filled[0] in _HEADER_WORDS:
        return False
    if is_code(filled[0]) or any(is_amount_text(cell) for cell in filled):
        return True
    return _starts_a_row(filled[0], filled[1:])


def is_data_text(text: str) -> bool:
    """True if a space-aligned text line holds a table row (an amount, a code and a name, a total)."""
    tokens = text.split()
    if not tokens:
        return False
    if any(is_amount_text(token) for token in tokens):
        return True
    if len(tokens) >= 2 and is_code(tokens[0]) and not tokens[1].isdigit():
        return True
    return _starts_a_row(tokens[0], tokens[1:])


def toc_entry(line: Line) -> Optional[TocEntry]:
    """The 目录 entry on ``line``, or None if the line is not one (it has no dot leader)."""
    first = line.filled[0] if line.filled else ""
    if not _TOC_LEADER.search(first):
        return None
    title = _TOC_LEADER.split(first)[0]
    title = re.sub(r"\d+\s*$", "", title).strip()
    return TocEntry(title=compact(title), line=line) if title else None


def _title_text(line: Line) -> Optional[str]:
    if line.kind is LineKind.CELLS and len(line.filled) != 1:
        return None
    text = line_text(line)
    return text if 2 <= len(text) <= 60 else None


def _generic_title(text: Optional[str]) -> bool:
    """True for a line shaped like a table title (…决算表, …情况表) that is not a meta line."""
    return (
        text is not None
        and len(text) <= 40
        and bool(_GENERIC_TITLE.search(text))
        and not _META_LINE.search(text)
        and not _NOTE.match(text)
    )


def _ends_block(line: Line, text: Optional[str]) -> bool:
    return line.kind is LineKind.HEADING or (text is not None and bool(_PART.match(text)))


@attrs.define
class _Open:
    title: str
    title_line: Line
    heading: Optional[str]
    meta: list[Line] = attrs.Factory(list)
    header: list[Line] = attrs.Factory(list)
    body: list[Line] = attrs.Factory(list)
    notes: list[Line] = attrs.Factory(list)
    repeated: list[Line] = attrs.Factory(list)
    state: str = "meta"

    @property
    def empty(self) -> bool:
        return not (self.header or self.body or self.notes)

    def add(self, line: Line) -> bool:
        """File ``line`` into the block; False when the line ends the block."""
        text = line_text(line)
        if self.state == "notes":
            if line.kind is LineKind.CELLS or len(self.notes) >= _MAX_NOTES:
                return False
            self.notes.append(line)
            return True
        if self.state == "meta" and (_META_LINE.search(text) or text == self.title):
            self.meta.append(line)
            return True
        if self.state == "body" and self._repeats_header(line):
            self.repeated.append(line)
            return True
        if line.kind is LineKind.CELLS:
            if self.state == "body" or is_data_cells(line.cells):
                self.state = "body"
                self.body.append(line)
            else:
                self.state = "header"
                self.header.append(line)
            return True
        if _NOTE.match(text) or (self.state == "body" and self._tabular):
            self.state = "notes"
            self.notes.append(line)
            return True
        if self.state == "body" or is_data_text(line.text):
            self.state = "body"
            self.body.append(line)
        else:
            self.state = "header"
            self.header.append(line)
        return True

    def _repeats_header(self, line: Line) -> bool:
        """True for a header line printed again on a new page the table runs onto."""
        text = line_text(line)
        return bool(text) and any(line.page != header.page and line_text(header) == text for header in self.header)

    @property
    def _tabular(self) -> bool:
        return any(line.kind is LineKind.CELLS for line in self.body)

    def freeze(self) -> TableBlock:
        numbers = _NUMBER.findall("".join(line_text(line) for line in self.meta + [self.title_line]))
        return TableBlock(
            title=self.title,
            title_line=self.title_line,
            number=numbers[0].zfill(2) if numbers else None,
            heading=self.heading,
            meta=tuple(self.meta),
            header=tuple(self.header),
            body=tuple(self.body),
            notes=tuple(self.notes),
            repeated=tuple(self.repeated),
        )


def segment(layout: Layout, is_title: Callable[[str], bool]) -> tuple[list[TableBlock], list[TocEntry]]:
    """Cut ``layout`` into table blocks; ``is_title(text)`` says whether a line is a table title.

    Returns the blocks in printed order and the 目录 entries.
    """
    blocks: list[TableBlock] = []
    toc: list[TocEntry] = []
    current: Optional[_Open] = None

    def close() -> None:
        nonlocal current
        if current is not None and not current.empty:
            blocks.append(current.freeze())
        current = None

    for line in layout.lines:
        if line.blank or line.kind in _FURNITURE:
            continue
        entry = toc_entry(line)
        if entry is not None:
            toc.append(entry)
            continue
        text = _title_text(line)
        if text is not None and (is_title(text) or _generic_title(text)):
            if current is not None and current.empty and normalise_title(current.title) == normalise_title(text):
                current = _Open(title=text, title_line=line, heading=current.title, meta=current.meta)
                continue
            close()
            current = _Open(title=text, title_line=line, heading=None)
            continue
        if current is None:
            continue
        if _ends_block(line, text) or not current.add(line):
            close()
    close()
    return blocks, toc


def narrative(layout: Layout, blocks: Sequence[TableBlock], toc: Sequence[TocEntry]) -> list[Line]:
    """The lines of ``layout`` outside every table block and the 目录: the document's running text."""
    taken = {entry.line.number for entry in toc}
    for block in blocks:
        taken.add(block.title_line.number)
        parts = (block.meta, block.header, block.body, block.notes, block.repeated)
        taken.update(line.number for part in parts for line in part)
    return [
        line for line in layout.lines if line.number not in taken and not line.blank and line.kind not in _FURNITURE
    ]


def most_common(values: Iterable[Optional[object]]) -> Optional[object]:
    """The most frequent non-None value (the first seen among equals), or None."""
    counts = Counter(value for value in values if value is not None)
    return counts.most_common(1)[0][0] if counts else None
