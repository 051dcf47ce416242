"""A printed 目录 (table of contents) for a generated document, the ways real disclosures print one.

:func:`contents_lines` prints the 目录 of a document (:func:`gongkai.testing.documents`, with or
without its 情况说明 from :mod:`gongkai.testing.narrative`): a "目录" heading, then a line per part
of the text (第二部分 …, from the narrative's part headings) and per table, in printed order, each
with its number or none (``公开05表 一般公共预算财政拨款支出决算表``, ``五、一般公共预算…``), with or
without a dot leader, with or without a page number. :func:`with_contents` puts the lines in the
document's narrative before everything else, so that :func:`gongkai.render` prints the 目录 first
in every format.

The entries are :class:`Listing` records (:func:`listings`) before they are printed
(:func:`print_contents`), so a test or the mutation kit can change what the 目录 says — two
entries swapped (:func:`swapped`), an entry under another number (:func:`renumbered`) — and
print it again. An unchanged 目录 agrees with the body: the checks ``completeness.toc``,
``completeness.toc-order`` and ``completeness.toc-number`` find nothing on it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Optional, Union

import attrs

from ..schema import Document, Provenance, Table, TextLine
from ..toc import printed_number
from ..vocabulary import chinese_numeral

HEADING = "目录"
LEADER = "…" * 12
FIRST_PAGE = 2  # the page after the cover and the 目录

_PART = re.compile(r"^第[一二三四五六七八九十]+部分")


@attrs.frozen
class Listing:
    """One entry of a generated 目录: its number as printed (None: none), its title, the page it
    prints (None: none) and the canonical table it lists (None for a part of the text)."""

    title: str
    number: Optional[str] = None
    page: Optional[int] = None
    table: Optional[str] = None

    def text(self, leaders: bool) -> str:
        """The entry's line: number and title (a table number set apart by a space, an ordinal
        not), then the leader and the page number, or the page number after a space."""
        head = self.title
        if self.number:
            head = f"{self.number}{self.title}" if _is_ordinal(self.number) else f"{self.number} {self.title}"
        if leaders:
            return f"{head}{LEADER}{self.page if self.page is not None else ''}"
        return head if self.page is None else f"{head} {self.page}"


def _is_ordinal(number: str) -> bool:
    return number.endswith(("、", ".", "．"))


def ordinal(value: int) -> str:
    """The ordinal 一、二、… of ``value``."""
    return f"{chinese_numeral(value)}、"


def number_like(number: str, value: int) -> str:
    """``value`` printed the way ``number`` is: 公开05表 → 公开{value:02}表, 表5 → 表{value},
    公开表五 → 公开表{numeral}, 五、 → {numeral}、."""
    if _is_ordinal(number):
        return ordinal(value)
    found = re.search(r"\d+|[一二三四五六七八九十]+", number)
    if found is None:
        raise ValueError(f"{number!r} prints no number")
    digits = found.group(0)
    if digits.isdigit():
        text = f"{value:0{len(digits)}d}"
    else:
        text = chinese_numeral(value)
    return number[: found.start()] + text + number[found.end() :]


def _table_number(table: Table, position: int, numbered: bool, ordinals: bool) -> Optional[str]:
    """How the 目录 numbers ``table`` (the ``position``-th table, from 1): its own printed number,
    or as an ordinal of that number's value; an ordinal of its position when it prints none."""
    if not numbered:
        return None
    value = printed_number(table.number)[1] if table.number else None
    if table.number and not ordinals:
        return table.number
    return ordinal(value if value is not None else position)


def _place(item: Union[Table, TextLine]) -> tuple[int, int]:
    return (item.provenance.page or 0, item.provenance.line or 0)


def listings(
    document: Document, *, numbered: bool, ordinals: bool = False, page_numbers: bool = True
) -> tuple[Listing, ...]:
    """The entries of ``document``'s 目录 in printed order: a part heading of its narrative
    (第二部分 …) where it stands, and every table with its printed title. ``numbered``: each table
    with its own printed number (``公开05表``), or with ``ordinals`` as the ordinal of that number
    (``五、``); a table printing no number gets the ordinal of its place among the tables.
    ``page_numbers``: each entry with a page (from :data:`FIRST_PAGE`, one a table)."""
    parts = [line for line in document.narrative if _PART.match(line.text.replace(" ", ""))]
    items: list[Union[Table, TextLine]] = [*parts, *document.tables]
    if any(item.provenance.line for item in items):
        items.sort(key=_place)
    entries: list[Listing] = []
    position = 0
    for page, item in enumerate(items, start=FIRST_PAGE):
        shown = page if page_numbers else None
        if isinstance(item, TextLine):
            entries.append(Listing(title=item.text, page=shown))
            continue
        position += 1
        number = _table_number(item, position, numbered, ordinals)
        entries.append(Listing(title=item.title, number=number, page=shown, table=item.id))
    return tuple(entries)


def print_contents(entries: Sequence[Listing], *, leaders: bool) -> tuple[TextLine, ...]:
    """The 目录 printed: the heading, then a line per entry (provenance lines 1, 2, …)."""
    texts = [HEADING, *(entry.text(leaders) for entry in entries)]
    return tuple(TextLine(text, Provenance(line=number)) for number, text in enumerate(texts, start=1))


def contents_lines(
    document: Document, *, page_numbers: bool, leaders: bool, numbered: bool, ordinals: bool = False
) -> tuple[TextLine, ...]:
    """The 目录 of ``document`` as printed lines (see :func:`listings` and :func:`print_contents`)."""
    entries = listings(document, numbered=numbered, ordinals=ordinals, page_numbers=page_numbers)
    return print_contents(entries, leaders=leaders)


def with_contents(document: Document, lines: Sequence[TextLine]) -> Document:
    """``document`` with ``lines`` (a printed 目录) first in its narrative, before its text and
    tables: the lines keep their provenance lines (1…k), the narrative and the tables follow in
    their order (lines shifted by k; tables with no line after the narrative)."""
    shift = max((line.provenance.line or 0 for line in lines), default=0)

    def moved(provenance: Provenance, line: int) -> Provenance:
        return attrs.evolve(provenance, line=line)

    narrative = tuple(
        attrs.evolve(line, provenance=moved(line.provenance, shift + (line.provenance.line or index)))
        for index, line in enumerate(document.narrative, start=1)
    )
    last = max((line.provenance.line or 0 for line in narrative), default=shift)
    tables = tuple(
        attrs.evolve(
            table,
            provenance=moved(
                table.provenance, shift + table.provenance.line if table.provenance.line else last + index
            ),
        )
        for index, table in enumerate(document.tables, start=1)
    )
    return attrs.evolve(document, narrative=(*lines, *narrative), tables=tables)


def swapped(entries: Sequence[Listing], first: int, second: int) -> tuple[Listing, ...]:
    """``entries`` with the entries at ``first`` and ``second`` changing places (pages stay with
    the places: the 目录 still counts its pages up)."""
    changed = list(entries)
    a, b = changed[first], changed[second]
    changed[first] = attrs.evolve(b, page=a.page)
    changed[second] = attrs.evolve(a, page=b.page)
    return tuple(changed)


def renumbered(entries: Sequence[Listing], index: int, value: int) -> tuple[Listing, ...]:
    """``entries`` with the entry at ``index`` printed under the number ``value``, spelt the way
    its own number is (公开05表 → 公开07表, 五、 → 七、)."""
    entry = entries[index]
    if entry.number is None:
        raise ValueError(f"the entry {entry.title!r} prints no number")
    changed = list(entries)
    changed[index] = attrs.evolve(entry, number=number_like(entry.number, value))
    return tuple(changed)
