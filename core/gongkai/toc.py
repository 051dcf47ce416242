"""The table of contents (目录): which lines list the document's parts and tables.

Two forms are printed. Entries with dot leaders and page numbers (``一、收入决算表……3``) are
contents wherever they stand. Without leaders or page numbers, a 目录 heading opens the contents
and the lines after it are entries as long as they are shaped like entries (short, no sentence,
numbered, a part heading or a table title); the contents end at the first line that is not, or
where the body starts by printing again a heading the contents listed (with or without a
leader). Such lines name tables; they never open one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Optional

import attrs

from . import settings
from .layout import Line, LineKind
from .titles import compact, number_line, read_title, split_number
from .vocabulary import ORDINAL

_LEADER = re.compile(r"(\.{3,}|…{2,}|·{3,}|-{4,}|_{4,})")
_HEADING = re.compile(r"^目\s*录$|^目次$")
_PART = re.compile(r"^第[一二三四五六七八九十]+部分")
_PAGE = re.compile(r"\d{1,3}$")
_SENTENCE = re.compile(r"[。；;，,]")
_COLUMN_WORDS = frozenset({"序号", "报表名称", "表名", "表号", "页码", "名称", "内容", "目录"})
_FURNITURE = (LineKind.PAGE_NUMBER, LineKind.FURNITURE)


@attrs.frozen
class TocEntry:
    """A line of the document's 目录: a title it lists and where."""

    title: str
    line: Line


def line_text(line: Line) -> str:
    """The line's printed text with spaces and tab separators removed."""
    return "".join(compact(cell) for cell in line.cells)


def leader_entry(line: Line) -> Optional[TocEntry]:
    """The entry on ``line`` if it prints one with a dot leader (``一、收入决算表……3``)."""
    first = line.filled[0] if line.filled else ""
    if not _LEADER.search(first):
        return None
    title = _LEADER.split(first)[0]
    title = re.sub(r"\d+\s*$", "", title).strip()
    return TocEntry(title=compact(title), line=line) if title else None


def _entry_text(line: Line) -> Optional[str]:
    """The title ``line`` lists if it is shaped like an entry of a contents without leaders,
    "" for a line of the contents' own column headings (序号, 报表名称), None otherwise."""
    max_entry = settings.current().max_contents_entry
    cells = [compact(cell) for cell in line.cells if cell.strip()]
    if not cells:
        return None
    if all(cell in _COLUMN_WORDS for cell in cells):
        return ""
    if line.kind is LineKind.CELLS:
        # a contents printed as a table: a number or ordinal, a title, maybe a page number
        cells = [cell for cell in cells if not cell.isdigit() and number_line(cell) is None]
        if len(cells) != 1:
            return None
    text = "".join(cells).rstrip("。")
    text = _PAGE.sub("", text) if not text.endswith("表") else text
    if not text or len(text) > max_entry or _SENTENCE.search(text):
        return None
    if ORDINAL.match(text) or _PART.match(text) or split_number(text)[0] or read_title(text):
        return text
    return None


def _key(text: str) -> str:
    """What two printings of one heading share: the words without number, ordinal or spaces."""
    title = read_title(text)
    if title is not None:
        return title.words
    return ORDINAL.sub("", split_number(text)[2])


def _continues(entry: TocEntry, text: str) -> bool:
    """True if ``text`` is the end of ``entry``'s title wrapped onto a line of its own."""
    return len(text) <= 12 and read_title(entry.title) is None and read_title(entry.title + text) is not None


def find_contents(lines: Sequence[Line]) -> list[TocEntry]:
    """The 目录 entries among ``lines``, in printed order."""
    entries: list[TocEntry] = []
    listed: set[str] = set()
    open_ = False
    for line in lines:
        if line.blank or line.kind in _FURNITURE:
            continue
        entry = leader_entry(line)
        if entry is not None:
            # listed too: the body printing the heading or title again ends the contents
            entries.append(entry)
            listed.add(_key(entry.title))
            continue
        text = line_text(line)
        if _HEADING.match(text):
            open_, listed = True, set()
            continue
        if not open_:
            continue
        listed_text = _entry_text(line)
        if listed_text is None and entries and _continues(entries[-1], text):
            # an entry wrapped onto the next line (…培训费支出预算 / 表)
            entries[-1] = TocEntry(title=entries[-1].title + text, line=entries[-1].line)
            listed.add(_key(entries[-1].title))
            continue
        if listed_text is None or (listed_text and _key(listed_text) in listed):
            open_ = False
            continue
        if listed_text:
            entries.append(TocEntry(title=listed_text, line=line))
            listed.add(_key(listed_text))
    return entries
