"""A whole document laid out as a :class:`~gongkai.rendering.sheet.Sheet` in a region's conventions.

Each table prints as a disclosure prints it: its title, its 公开NN表 number, the publishing body
and the amount unit, the table, its notes. The text outside the tables (the 情况说明) and the
entries of the 目录 keep their place between the tables. Rendered in the document's own region,
tables keep their printed titles and numbers; rendered in another region's conventions, they take
that region's numbering and titles (the national titles where the region has none of its own).
"""

from __future__ import annotations

from typing import Optional, Union

from ..canonical import compact, load_spec
from ..registrations import RegionProfile
from ..schema import Document, Table, TextLine
from .grids import grid_of
from .sheet import Block, Heading, Paragraph, Sheet

_KIND_WORDS = {"final": "决算", "budget": "预算"}


def _title(table: Table, profile: RegionProfile, own: bool, kind: Optional[str]) -> str:
    if own and table.title:
        return table.title
    word = _KIND_WORDS.get(kind or "final", "决算")
    for printed, table_id in profile.titles.items():
        if table_id == table.id and word in printed:
            return printed
    titles = load_spec().table(table.id).titles
    national = titles.get(kind or "final") or next(iter(titles.values()), (table.title,))
    return national[0]


def _number(table: Table, profile: RegionProfile, own: bool, kind: Optional[str]) -> Optional[str]:
    if own:
        return table.number
    for number, table_id in profile.numbering.get(kind or "final", {}).items():
        if table_id == table.id:
            return f"公开{number}表"
    return None


def document_title(document: Document) -> str:
    """The document's title line: who, which year, budget or final accounts."""
    scope = "单位" if document.scope == "unit" else "部门"
    year = f"{document.year}年度" if document.year else ""
    return f"{document.entity or ''}{year}{scope}{_KIND_WORDS.get(document.kind or 'final', '决算')}"


def table_blocks(document: Document, table: Table, profile: RegionProfile, own: bool) -> list[Block]:
    """The blocks of one table: title, number and meta lines, the grid, the notes."""
    title = _title(table, profile, own, document.kind)
    blocks: list[Block] = [Heading(title, 2)]
    number = _number(table, profile, own, document.kind)
    if number:
        blocks.append(Paragraph(number))
    if table.year and str(table.year) not in title:
        blocks.append(Paragraph(f"{table.year}年度"))
    entity = table.entity if own else table.entity or document.entity
    if entity:
        blocks.append(Paragraph(f"编制单位：{entity}"))
    if document.unit:
        blocks.append(Paragraph(f"单位：{document.unit}"))
    blocks.append(grid_of(table, profile.conventions, own))
    blocks += [Paragraph(note) for note in table.notes]
    return blocks


def _place(item: Union[Table, TextLine]) -> tuple[int, int]:
    provenance = item.provenance
    return (provenance.page or 0, provenance.line or 0)


def compose(document: Document, profile: RegionProfile, own: bool = True) -> Sheet:
    """``document`` laid out in ``profile``'s conventions; ``own`` says the profile is the
    document's own region (its printed titles and numbers are kept)."""
    title = document_title(document)
    blocks: list[Block] = [Heading(title, 1)]
    # the 目录's entries print where they were read, with their page numbers
    contents = [
        TextLine(entry.printed + (f"……{entry.page}" if entry.page is not None else ""), entry.provenance)
        for entry in document.contents
    ]
    items: list[Union[Table, TextLine]] = [*document.tables, *document.narrative, *contents]
    if any(item.provenance.line for item in items):
        items.sort(key=_place)
    for item in items:
        if isinstance(item, Table):
            blocks += table_blocks(document, item, profile, own)
        elif compact(item.text) != compact(title):
            blocks.append(Paragraph(item.text))
    return Sheet(title, tuple(blocks))
