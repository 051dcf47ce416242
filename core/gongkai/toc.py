"""The table of contents (目录): which lines list the document's parts and tables.

Two forms are printed. Entries with dot leaders (``一、收入决算表……3``) are contents wherever they
stand, as long as the leader ends the line or only a page number follows it and the title is no
sentence (an ellipsis in running text, ``占XX%；……``, is none). Without leaders, a 目录 heading
opens the contents and the lines after it are entries as long as they are shaped like entries
(short, no sentence, numbered, a part heading or a table title), with or without a page number at
the end or in a column of its own, and with the number in the title (``公开01表 收入支出决算总表``,
``一、收入支出决算总表``) or in a column of its own (序号 or 表号); the contents end at the first line
that is not, or where the body starts by printing again a heading the contents listed (with or
without a leader). Such lines name tables; they never open one.

Each entry keeps the number it prints (:func:`printed_number`: a table number such as 公开05表,
表5 or 公开表五, else an ordinal such as 五、, （五） or 5.) and its page number, if any.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Optional

import attrs

from . import settings
from .layout import Line, LineKind
from .titles import compact, number_line, read_title, split_number
from .vocabulary import ORDINAL, PART, numeral_value

_LEADER = re.compile(r"(\.{3,}|…{2,}|·{3,}|-{4,}|_{4,})")
_HEADING = re.compile(r"^目\s*录$|^目次$")
_PAGE = re.compile(r"\d{1,3}$")
_SENTENCE = re.compile(r"[。；;，,]")
_COLUMN_WORDS = frozenset({"序号", "报表名称", "表名", "表号", "页码", "名称", "内容", "目录"})
_FURNITURE = (LineKind.PAGE_NUMBER, LineKind.FURNITURE)
# what may follow a dot leader: nothing, or a page number (- 3 -, 3-4)
_AFTER_LEADER = re.compile(r"^[\s\-－—]*(\d{1,3})?(?:\s*[-－—~～]\s*\d{1,3})?[\s\-－—]*$")
# an ordinal before a year the compacted text runs into (1. 2023年部门… is 1.2023年部门…)
_YEAR_ORDINAL = re.compile(r"^\d{1,2}[.．、](?=20\d\d年)")
_NOT_NUMERAL = re.compile(r"[^\d〇零一二三四五六七八九十]")


def printed_number(text: str) -> tuple[Optional[str], Optional[int], str]:
    """``text`` (white space removed) split into the number printed before its words, that
    number's value and the rest: a table number (``公开05表``, ``表5``, ``公开表五``, also after an
    ordinal), else an ordinal (``五、``, ``（五）``, ``5.``); (None, None, text) when it starts with
    neither. 公开05表, 表五 and 五、 all have the value 5."""
    number, value, rest = split_number(text)
    if number is not None:
        return number, value, rest
    found = ORDINAL.match(text) or _YEAR_ORDINAL.match(text)
    if found is None:
        return None, None, text
    return found.group(0), numeral_value(_NOT_NUMERAL.sub("", found.group(0))), text[found.end() :]


@attrs.frozen
class TocEntry:
    """A line of the document's 目录: the title it lists and where.

    ``title`` is the listed text as printed, white space, dot leader and page number removed (it
    keeps a number printed with its words: ``一、收入决算表``, ``公开03表支出决算表``); ``number`` is
    the table number or ordinal the entry prints, in its title or in a column of its own, and
    ``number_value`` its value; ``page`` the page number it prints, if any.
    """

    title: str
    line: Line
    number: Optional[str] = None
    number_value: Optional[int] = None
    page: Optional[int] = None

    @property
    def words(self) -> str:
        """The listed title without the number printed before it (``收入决算表``)."""
        number, _, rest = printed_number(self.title)
        return rest if number is not None and number == self.number else self.title


def _entry(title: str, line: Line, number: Optional[str] = None, page: Optional[int] = None) -> TocEntry:
    """The entry listing ``title``; its number is ``number`` (printed in a column of its own),
    else the one the title starts with."""
    if number is None:
        number, value, _ = printed_number(title)
    else:
        value = int(number) if number.isdigit() else printed_number(number)[1]  # 序号 1, or 公开02表
    return TocEntry(title=title, line=line, number=number, number_value=value, page=page)


def line_text(line: Line) -> str:
    """The line's printed text with spaces and tab separators removed."""
    return _squeezed(tuple(line.cells))  # a tuple already, unless a plugin built the line


@functools.lru_cache(maxsize=1 << 14)  # segmentation and the contents ask of a line again and again
def _squeezed(cells: tuple[str, ...]) -> str:
    return "".join("".join(cells).split())


def _page(text: str) -> Optional[int]:
    """The page number in what follows a dot leader, None if it prints none."""
    found = _AFTER_LEADER.match(text)
    return int(found.group(1)) if found and found.group(1) else None


def leader_entry(line: Line) -> Optional[TocEntry]:
    """The entry on ``line`` if it prints one with a dot leader (``一、收入决算表……3``): the leader
    ends the line's first cell, or only a page number follows it there or in the next cell, and
    the title before it is no sentence."""
    cells = line.filled
    first = cells[0] if cells else ""
    parts = _LEADER.split(first, maxsplit=1)
    rest = parts[2].lstrip(" .．…·\u3000") if len(parts) == 3 else ""
    if len(parts) < 3 or not _AFTER_LEADER.match(rest):
        return None
    title = compact(re.sub(r"\d+\s*$", "", parts[0]))
    if not title or _SENTENCE.search(title):
        return None
    return _entry(title, line, page=_page(rest.strip() or (cells[1] if len(cells) > 1 else "")))


def _column_entry(line: Line, cells: list[str]) -> Optional[TocEntry]:
    """The entry of a contents printed as a table: a number or ordinal (序号, 表号), a title, maybe
    a page number, each in a cell of its own; None unless exactly one cell is the title."""
    numbers = [index for index, cell in enumerate(cells) if cell.isdigit() or number_line(cell) is not None]
    titles = [index for index in range(len(cells)) if index not in numbers]
    if len(titles) != 1:
        return None
    before = [cells[index] for index in numbers if index < titles[0]]
    after = [cells[index] for index in numbers if index > titles[0] and cells[index].isdigit()]
    page = int(after[-1]) if after else None
    return _entry(cells[titles[0]], line, number=before[0] if before else None, page=page)


def _plain_entry(line: Line) -> Optional[TocEntry]:
    """The entry ``line`` lists if it is shaped like an entry of a contents without leaders, an
    entry with title "" for a line of the contents' own column headings (序号, 报表名称), None
    otherwise."""
    max_entry = settings.current().max_contents_entry
    cells = [compact(cell) for cell in line.cells if cell.strip()]
    if not cells:
        return None
    if all(cell in _COLUMN_WORDS for cell in cells):
        return TocEntry(title="", line=line)
    entry = _column_entry(line, cells) if line.kind is LineKind.CELLS else None
    if line.kind is LineKind.CELLS and entry is None:
        return None
    text = (entry.title if entry is not None else "".join(cells)).rstrip("。")
    page = entry.page if entry is not None else None
    found = _PAGE.search(text) if not text.endswith("表") else None
    if found is not None:
        text, page = text[: found.start()], int(found.group(0))
    if not text or len(text) > max_entry or _SENTENCE.search(text):
        return None
    if ORDINAL.match(text) or PART.match(text) or split_number(text)[0] or read_title(text):
        return _entry(text, line, number=entry.number if entry is not None else None, page=page)
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
        listed_entry = _plain_entry(line)
        if listed_entry is None and entries and _continues(entries[-1], text):
            # an entry wrapped onto the next line (…培训费支出预算 / 表)
            entries[-1] = attrs.evolve(entries[-1], title=entries[-1].title + text)
            listed.add(_key(entries[-1].title))
            continue
        if listed_entry is None or (listed_entry.title and _key(listed_entry.title) in listed):
            open_ = False
            continue
        if listed_entry.title:
            entries.append(listed_entry)
            listed.add(_key(listed_entry.title))
    return entries
