"""Segmentation: finding the printed tables of a layout and cutting each into title, meta, header,
body and notes.

A table starts at a line shaped like a table title (:mod:`gongkai.titles`: …决算表, 表1：…收支
总表, 2023年部门…预算表（按功能分类）), a title wrapped over two lines, a title printed inside the
table's frame, or, where no title is printed, at the first row of a delimited table. It ends at
the next title, at a part heading (第三部分 …), at any other heading, at a sentence before its
body starts (the title was mentioned in the text, not printed over a table) or after its notes.
A table number printed alone on the line above or below the title is the table's. Which blocks
are standard tables is decided later (:mod:`gongkai.identify`). The lines of the 目录
(:mod:`gongkai.toc`) are collected separately: they say which tables the document claims to
contain, and never open one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Optional

import attrs

from . import settings
from .amounts import NOT_APPLICABLE_MARKS, normalise_number_text
from .canonical import compact, normalise_title
from .celltext import TOTAL_LABELS, is_amount_text, is_data_cells, is_data_text
from .codes import is_code
from .layout import Layout, Line, LineKind
from .titlelines import FURNITURE, number_above, number_before_title, plain_text, title_at
from .titles import number_line
from .toc import TocEntry, find_contents, leader_entry, line_text
from .vocabulary import PART, YEAR

__all__ = [
    "TableBlock",
    "TocEntry",
    "line_text",
    "most_common",
    "narrative",
    "segment",
    "toc_entry",
]

_NUMBER = re.compile(r"公开(\d{1,2})表?")  # also where a number is broken over lines (公开 06 / 表)
_UNIT = re.compile(r"单位[:：](万元|千元|元)")
_ENTITY_LABEL = re.compile(r"(?:编制单位|编制部门|单位名称|部门名称|(?<!金额)单位|部门)[:：]")
_ENTITY_END = re.compile(r"金额单位|(?:单位|部门)(?:名称)?[:：]|编制(?:单位|部门)[:：]|公开\d|20\d\d年")
_NOTE = re.compile(r"^[-*•]?(?:注|说明|备注)")
# A numbered heading of the running text (三、决算报表说明, （一）…): no amounts on its line.
_SECTION_HEADING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十]+\s*[)）])[^\d]*$"
)
_META_LINE = re.compile(
    r"公开\d|单位[:：]|部门[:：]|(?:单位|部门)名称[:：]|编制(?:单位|部门)[:：]|^(?:20\d\d年度?|表|元|万元|\(?20\d\d年度?\)?)$"
)
_SENTENCE = re.compile(r"[。；]")
# the header over the names of a table's rows
_NAME_HEADER = re.compile(r"(?:^|[^目])项目(?:[(（].*[)）])?$|名称|科目")


@attrs.frozen
class TableBlock:
    """A printed table as segmentation found it, before it is mapped to a canonical table.

    ``title`` is the printed title (white space and the table number removed; "" for a table
    printed without one), ``number`` the value of its printed number as two digits (``"01"``
    for 公开01表, 表1 or 公开表一) and ``number_text`` the number as printed.

    Example::

        >>> from gongkai.plugin import Line, LineKind, TableBlock
        >>> title = Line(number=5, kind=LineKind.TEXT, cells=("公开03表 支出决算表",), page=2)
        >>> row = Line(number=8, kind=LineKind.CELLS, cells=("201", "一般公共服务支出", "10.00"), page=2)
        >>> block = TableBlock(title="支出决算表", title_line=title, number="03", body=(row,))
        >>> block.title, block.printed_number, block.tabular, block.pages
        ('支出决算表', '公开03表', True, (2,))
    """

    title: str
    title_line: Line
    number: Optional[str] = None
    heading: Optional[str] = None
    meta: tuple[Line, ...] = ()
    header: tuple[Line, ...] = ()
    body: tuple[Line, ...] = ()
    notes: tuple[Line, ...] = ()
    repeated: tuple[Line, ...] = ()  # header lines printed again where the table runs onto a new page
    number_text: Optional[str] = None
    title_lines: tuple[Line, ...] = ()  # further lines of a title wrapped over several

    @property
    def tabular(self) -> bool:
        """True if the format delimits the table's cells (tabs, pipes); False for space-aligned text."""
        return any(line.kind is LineKind.CELLS for line in self.header + self.body)

    @property
    def printed_number(self) -> Optional[str]:
        """The printed table number normalised without spaces (``公开01表``, ``表1``), or None."""
        if self.number_text:
            return self.number_text
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
        found = YEAR.search(self.title + self._meta_text())
        return int(found.group(1)) if found else None


def toc_entry(line: Line) -> Optional[TocEntry]:
    """The 目录 entry on ``line`` if it prints one with a dot leader, else None."""
    return leader_entry(line)


def _total_in_header(line: Line, header: Sequence[Line]) -> bool:
    """True for a header line holding only a total word (合计, 小计) under a header over several
    amount columns: the line above prints a header at its place but no name or item header
    (项目, 科目名称), as a total row's name would stand under."""
    filled = [(position, compact(cell)) for position, cell in enumerate(line.cells) if cell.strip()]
    if len(filled) != 1 or filled[0][1] not in TOTAL_LABELS or not header:
        return False
    position = filled[0][0]
    above = [compact(h.cells[position]) for h in header if h.kind is LineKind.CELLS and position < len(h.cells)]
    return any(above) and not any(_NAME_HEADER.search(text) for text in above if text)


def _sentence(line: Line, text: str) -> bool:
    """True for a line of running text: a sentence, not a table's meta or header line."""
    long = len(text) > settings.current().sentence_chars
    return line.kind is not LineKind.CELLS and (bool(_SENTENCE.search(text)) or long)


def _table_row(line: Line) -> bool:
    """True for a delimited line that can start a table printed without a title: two cells or
    more, each short and none a sentence."""
    max_cell = settings.current().max_cell
    filled = line.filled
    return (
        line.kind is LineKind.CELLS
        and len(filled) >= 2
        and all(len(cell) <= max_cell and not _SENTENCE.search(cell) for cell in filled)
    )


def _a_table(block: _Open) -> bool:
    """True if an open block is a printed table: it prints figures, or has a title over column
    headers or a note (an empty table says it is empty). A title over nothing but text is a
    section heading (五、项目绩效目标表 over the forms that follow)."""
    if _prints_figures(block.body):
        return True
    return bool(block.title) and bool(block.header or block.notes)


def _prints_figures(lines: Sequence[Line]) -> bool:
    """True if some of ``lines`` print an amount or a classification code: a table's body."""
    return any(
        is_code(compact(cell)) or (is_amount_text(cell) and normalise_number_text(cell) not in NOT_APPLICABLE_MARKS)
        for line in lines
        for cell in line.cells
    )


def _ends_block(line: Line, text: Optional[str]) -> bool:
    return line.kind is LineKind.HEADING or (text is not None and bool(PART.match(text)))


@attrs.define
class _Open:
    title: str
    title_line: Line
    heading: Optional[str]
    number: Optional[tuple[str, Optional[int]]] = None
    title_lines: tuple[Line, ...] = ()
    meta: list[Line] = attrs.Factory(list)
    header: list[Line] = attrs.Factory(list)
    body: list[Line] = attrs.Factory(list)
    notes: list[Line] = attrs.Factory(list)
    repeated: list[Line] = attrs.Factory(list)
    state: str = "meta"
    tabular: bool = False  # whether a body line prints cells: kept as lines come, not counted again

    @property
    def empty(self) -> bool:
        return not (self.header or self.body or self.notes)

    def add(self, line: Line) -> bool:
        """File ``line`` into the block; False when the line ends the block."""
        max_notes = settings.current().max_notes
        text = line_text(line)
        if self.state == "notes":
            if line.kind is LineKind.CELLS or len(self.notes) >= max_notes or not self._notes_go_on(line, text):
                return False
            self.notes.append(line)
            return True
        plain = plain_text(line)
        if self.state == "meta":
            number = number_line(plain) if plain is not None else None
            if number is not None and self.number is None:
                self.number = number
                self.meta.append(line)
                return True
            if _META_LINE.search(plain if plain is not None else text) or plain == self.title:
                self.meta.append(line)
                return True
        if self.state in ("meta", "header") and not self.body and _sentence(line, text):
            return False  # running text: the title was mentioned, not printed over a table
        if not self.title and line.kind is LineKind.CELLS and not _table_row(line) and len(line.filled) > 1:
            return False  # a table without a title ends where cells turn into text
        if self.state == "body" and self._repeats_header(line):
            self.repeated.append(line)
            return True
        if line.kind is LineKind.CELLS:
            if self.state == "body" or (is_data_cells(line.cells) and not _total_in_header(line, self.header)):
                self.state = "body"
                self._to_body(line)
            else:
                self.state = "header"
                self.header.append(line)
            return True
        if self.state == "body" and self.tabular and not self._notes_go_on(line, text):
            return False
        if _NOTE.match(text) or (self.state == "body" and self.tabular):
            self.state = "notes"
            self.notes.append(line)
            return True
        if self.state == "body" or is_data_text(line.text):
            self.state = "body"
            self._to_body(line)
        else:
            self.state = "header"
            self.header.append(line)
        return True

    def _notes_go_on(self, line: Line, text: str) -> bool:
        """True if ``line`` may be a note of the table: a section heading (三、… / （一）…) ends
        the notes, and so does a line on a later page that does not say it is a note (注：…)."""
        if _SECTION_HEADING.match(text):
            return False
        last = (self.notes or self.body)[-1:] if (self.notes or self.body) else []
        return not last or line.page == last[0].page or bool(_NOTE.match(text))

    def _repeats_header(self, line: Line) -> bool:
        """True for a header line printed again on a new page the table runs onto."""
        text = line_text(line)
        return bool(text) and any(line.page != header.page and line_text(header) == text for header in self.header)

    def _to_body(self, line: Line) -> None:
        self.body.append(line)
        self.tabular = self.tabular or line.kind is LineKind.CELLS

    def freeze(self) -> TableBlock:
        number, number_text = None, None
        if self.number is not None:
            number_text, value = self.number
            number = f"{value:02d}" if value is not None else None
            if number is not None and re.fullmatch(r"公开\d{1,2}表?", number_text):
                number_text = f"公开{number}表"  # 公开 1 表, 公开06 (表 on the next line): 公开01表, 公开06表
        else:
            # a 公开NN表 number broken over the meta lines (公开 06 / 表)
            numbers = _NUMBER.findall("".join(line_text(line) for line in self.meta))
            number = numbers[0].zfill(2) if numbers else None
        return TableBlock(
            title=self.title,
            title_line=self.title_line,
            number=number,
            number_text=number_text,
            title_lines=self.title_lines,
            heading=self.heading,
            meta=tuple(self.meta),
            header=tuple(self.header),
            body=tuple(self.body),
            notes=tuple(self.notes),
            repeated=tuple(self.repeated),
        )


def segment(layout: Layout, is_title: Callable[[str], bool]) -> tuple[list[TableBlock], list[TocEntry]]:
    """Cut ``layout`` into table blocks; ``is_title(text)`` says whether a line is a title that
    :func:`gongkai.titles.read_title` does not know (a region's own titles).

    Returns the blocks in printed order and the 目录 entries.
    """
    toc = find_contents(layout.lines)
    in_toc = {entry.line.number for entry in toc}
    lines = [line for line in layout.lines if not line.blank and line.kind not in FURNITURE]
    blocks: list[TableBlock] = []
    current: Optional[_Open] = None
    skip_to = 0

    def close() -> None:
        nonlocal current
        if current is not None and not current.empty and _a_table(current):
            blocks.append(current.freeze())
        current = None

    for index, line in enumerate(lines):
        if index < skip_to:
            continue
        if line.number in in_toc:
            close()
            continue
        found = title_at(lines, index, is_title)
        if found is not None:
            skip_to = index + len(found.lines)
            text = found.printed.text
            if found.printed.continued and current is not None and not current.empty:
                current.repeated.extend(found.lines)
                continue  # 收入决算表（续）: the table goes on
            if current is not None and current.empty and normalise_title(current.title) == normalise_title(text):
                current = _Open(title=text, title_line=line, heading=current.title, meta=current.meta)
                continue
            close()
            number = None
            if found.printed.number is not None:
                number = (found.printed.number, found.printed.number_value)
            above = number_above(lines, index) if number is None else None
            current = _Open(title=text, title_line=line, heading=None, number=number, title_lines=found.lines[1:])
            if above is not None:
                current.number = above[0]
                current.meta.append(above[1])
            continue
        if number_before_title(lines, index, is_title):
            continue  # taken by the title below it
        ends = _ends_block(line, plain_text(line))
        if current is not None and (ends or not current.add(line)):
            close()
            if ends:
                continue
        if current is None and _table_row(line):
            # a table printed without a title: identified by its structure, if at all
            current = _Open(title="", title_line=line, heading=None)
            current.add(line)
    close()
    return blocks, toc


def narrative(layout: Layout, blocks: Sequence[TableBlock], toc: Sequence[TocEntry]) -> list[Line]:
    """The lines of ``layout`` outside every table block and the 目录: the document's running text."""
    taken = {entry.line.number for entry in toc}
    for block in blocks:
        taken.add(block.title_line.number)
        parts = (block.title_lines, block.meta, block.header, block.body, block.notes, block.repeated)
        taken.update(line.number for part in parts for line in part)
    return [line for line in layout.lines if line.number not in taken and not line.blank and line.kind not in FURNITURE]


def most_common(values: Iterable[Optional[object]]) -> Optional[object]:
    """The most frequent non-None value (the first seen among equals), or None."""
    counts = Counter(value for value in values if value is not None)
    return counts.most_common(1)[0][0] if counts else None
