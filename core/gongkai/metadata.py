"""Document-level facts read from the document's own text: entity, year, kind, scope and unit.

The cover (the text before the 目录 or the first part heading) is trusted first, then what the
tables' meta lines say most often, then the body text. The file name is never used.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Optional

import attrs

from .layout import Layout, LineKind
from .segment import TableBlock, line_text, most_common
from .vocabulary import YEAR

_COVER_END = re.compile(r"^(?:目录|目\s*录|第[一二三四五六七八九十]+部分)")
_KIND_WORDS = {
    "final": re.compile(r"(?:部门|单位|年度)决算|决算(?:公开|$)"),
    "budget": re.compile(r"(?:部门|单位|年度)预算|预算(?:公开|$)"),
}
_TABLE_KIND = {"final": re.compile(r"决算(?:总|明细)?表"), "budget": re.compile(r"预算(?:总)?表")}
_SCOPE = {
    "department": re.compile(r"部门(?:决算|预算)|本表反映部门|部门[:：]"),
    "unit": re.compile(r"单位(?:决算|预算)|本表反映单位|编制单位[:：]"),
}
_COVER_ENTITY = re.compile(r"^(?:20\d\d年度?)?(.+?)(?:20\d\d年度?)?(?:部门|单位)?(?:决算|预算)(?:公开)?")
_MAX_COVER_LINES = 12


@attrs.frozen
class Facts:
    """What the document says about itself."""

    entity: Optional[str]
    year: Optional[int]
    kind: Optional[str]
    scope: Optional[str]
    cover: str
    text: str

    @property
    def disclosure(self) -> bool:
        """True if the cover says the document is a budget or final-accounts disclosure of a
        known year (部门预算公开, 2019年度单位决算): a 情况说明 published without its tables is one."""
        return self.year is not None and any(pattern.search(self.cover) for pattern in _KIND_WORDS.values())


def cover_text(layout: Layout) -> str:
    """The document's opening lines (up to the 目录 or first part), white space removed."""
    parts: list[str] = []
    for line in layout.lines:
        if line.blank or line.kind is LineKind.PAGE_NUMBER:
            continue
        text = line_text(line)
        if _COVER_END.match(text) or len(parts) >= _MAX_COVER_LINES:
            break
        parts.append(text)
    return "".join(parts)


def whole_text(layout: Layout) -> str:
    """All text of the layout, white space removed, lines joined by newlines."""
    return "\n".join(line_text(line) for line in layout.lines if not line.blank)


def _cover_entity(cover: str) -> Optional[str]:
    if len(cover) > 80:
        return None
    found = _COVER_ENTITY.match(cover)
    return found.group(1) if found and len(found.group(1)) >= 4 else None


def _kind(cover: str, titles: str, text: str) -> Optional[str]:
    for source, patterns in ((titles, _TABLE_KIND), (cover, _KIND_WORDS), (text, _TABLE_KIND)):
        counts = {kind: len(pattern.findall(source)) for kind, pattern in patterns.items()}
        if counts["final"] != counts["budget"]:
            return max(counts, key=lambda kind: counts[kind])
    return None


def _scope(cover: str, text: str) -> Optional[str]:
    for source in (cover, text):
        counts = {scope: len(pattern.findall(source)) for scope, pattern in _SCOPE.items()}
        if counts["department"] != counts["unit"]:
            return max(counts, key=lambda scope: counts[scope])
    return None


def _year(cover: str, blocks: Sequence[TableBlock], text: str) -> Optional[int]:
    found = YEAR.search(cover)
    if found:
        return int(found.group(1))
    from_tables = most_common(block.year for block in blocks)
    if isinstance(from_tables, int):
        return from_tables
    counts = Counter(int(year) for year in YEAR.findall(text))
    return counts.most_common(1)[0][0] if counts else None


def read_facts(layout: Layout, blocks: Sequence[TableBlock] = ()) -> Facts:
    """Entity, year, kind and scope of the document, from its cover, tables and text."""
    cover = cover_text(layout)
    text = whole_text(layout)
    entity = most_common(block.entity for block in blocks)
    return Facts(
        entity=str(entity) if entity else _cover_entity(cover),
        year=_year(cover, blocks, text),
        kind=_kind(cover, "\n".join(block.title for block in blocks), text),
        scope=_scope(cover, text),
        cover=cover,
        text=text,
    )


def document_unit(blocks: Sequence[TableBlock]) -> Optional[str]:
    """The amount unit most tables state."""
    unit = most_common(block.unit for block in blocks)
    return str(unit) if unit else None
