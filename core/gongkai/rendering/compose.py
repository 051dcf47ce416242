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

#: The word a budget and a final print in their titles.
KIND_WORDS = {"final": "决算", "budget": "预算"}


def region_title(profile: RegionProfile, table_id: str, kind: Optional[str]) -> str:
    """The title ``profile``'s region prints over the table ``table_id`` in a budget or final
    (``kind``), else the national one."""
    word = KIND_WORDS.get(kind or "final", "决算")
    for printed, mapped in profile.titles.items():
        if mapped == table_id and word in printed:
            return printed
    titles = load_spec().table(table_id).titles
    national = titles.get(kind or "final") or next(iter(titles.values()), (table_id,))
    return national[0]


def region_number(profile: RegionProfile, table_id: str, kind: Optional[str]) -> Optional[str]:
    """The 公开NN表 number ``profile``'s region prints over the table ``table_id``, if any."""
    for number, mapped in profile.numbering.get(kind or "final", {}).items():
        if mapped == table_id:
            return f"公开{number}表"
    return None


def _title(table: Table, profile: RegionProfile, own: bool, kind: Optional[str]) -> str:
    if own and table.title:
        return table.title
    return region_title(profile, table.id, kind)


def _number(table: Table, profile: RegionProfile, own: bool, kind: Optional[str]) -> Optional[str]:
    return table.number if own else region_number(profile, table.id, kind)


def title_parts(document: Document) -> tuple[str, str]:
    """The year (2023年度, or nothing) and the words (部门决算, 单位预算) of a document's title."""
    scope = "单位" if document.scope == "unit" else "部门"
    year = f"{document.year}年度" if document.year else ""
    return year, scope + KIND_WORDS.get(document.kind or "final", "决算")


def document_title(document: Document) -> str:
    """The document's title line: who, which year, budget or final accounts."""
    return (document.entity or "") + "".join(title_parts(document))


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
