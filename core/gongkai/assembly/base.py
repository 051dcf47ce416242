"""What both building strategies share: positions and groups of a table, rows being assembled,
and the builder's state (the block, its canonical table, the column mapping, the findings)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Optional

import attrs

from ..canonical import CanonicalColumn, CanonicalTable, normalise_header
from ..layout import Line
from ..registrations import HeaderCell
from ..schema import COLUMN_BY_FALLBACK, COLUMN_BY_HEADER, Finding, Provenance, Severity
from ..segment import TableBlock

MapColumn = Callable[[CanonicalTable, HeaderCell], Optional[str]]

ORDINAL_LABELS = frozenset({"栏次"})  # the label of a 栏次 row: column numbers, not a body row


# the header over the names of a table's rows (项目, 科目名称, 单位名称)
LABEL_HEADER = re.compile(r"^(?:项目(?:[(（].*[)）])?|.*名称)$")
# header words that say where the names, codes and numbers stand, never part of an amount
# column's header path
STRUCTURAL_HEADER = re.compile(
    r"^(?:项目(?:[(（].*[)）])?|.*科目编码|.*科目代码|科目名称|类|款|项|栏次|行次|其中[:：]?)$"
)


@attrs.frozen
class Slot:
    """One position of a delimited table and what it holds."""

    position: int
    role: str  # "code" | "label" | "line_number" | "amount"
    column: Optional[str] = None
    header: tuple[str, ...] = ()
    by: str = COLUMN_BY_HEADER  # how the column's meaning was read (``Column.by``)


@attrs.frozen
class Group:
    """A side-by-side group of positions: code cells, a label, a 行次 and amount columns."""

    slots: tuple[Slot, ...]
    name: Optional[str] = None
    # the slots of each role, sorted once: every line of the table asks for them
    _by_role: dict[str, tuple[Slot, ...]] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        by_role: dict[str, list[Slot]] = {}
        for slot in self.slots:
            by_role.setdefault(slot.role, []).append(slot)
        object.__setattr__(self, "_by_role", {role: tuple(slots) for role, slots in by_role.items()})

    def of(self, role: str) -> list[Slot]:
        """The group's slots of ``role``, in printed order."""
        return list(self._by_role.get(role, ()))


@attrs.define
class Draft:
    """A row being assembled from one group of one line (or of a token stream)."""

    group: int
    line: Line
    code_parts: list[str] = attrs.Factory(list)
    label: str = ""
    line_number: Optional[str] = None
    cells: list[tuple[Slot, str, Line]] = attrs.Factory(list)
    spans: bool = False  # the label's cell is merged over the group's own amount columns

    @property
    def empty(self) -> bool:
        return not (self.code_parts or self.label) and not any(raw.strip() for _, raw, _ in self.cells)


class BuilderBase:
    """A table being built: its block, canonical table and column mapping; the findings so far."""

    def __init__(
        self, block: TableBlock, canonical: CanonicalTable, map_column: MapColumn, kind: Optional[str] = None
    ) -> None:
        self.block = block
        self.canonical = canonical
        self.map_column = map_column
        self.kind = kind
        self.findings: list[Finding] = []
        self.unread_cells = 0  # texts in amount positions that were not amounts, left out
        # the header the 栏次 numbers were last read from, and what they are
        self._ordinals_read: Optional[tuple[tuple[Line, ...], dict[int, str]]] = None

    # -- shared ---------------------------------------------------------------------------

    def _finding(self, check: str, message: str, line: Optional[Line], severity: Severity = Severity.WARNING) -> None:
        self.findings.append(
            Finding(
                check=check,
                severity=severity,
                message=message,
                table=self.canonical.id,
                provenance=provenance_of(line),
            )
        )

    def _group_names(self, headers: list[str]) -> list[Optional[str]]:
        """The name of each side-by-side group, given the header text over each: the group its
        header words name, else the table's groups in printed order."""
        groups = self.canonical.groups
        if not groups or self.canonical.repeated_groups:
            return [None] * len(headers)
        named = [self.canonical.group_named(header) for header in headers]
        if len(headers) == len(groups) and not all(named):
            return list(groups)
        if len(set(filter(None, named))) < len([name for name in named if name]):
            return list(groups) if len(headers) == len(groups) else [None] * len(headers)
        return named

    def _map(self, header: HeaderCell) -> tuple[Optional[str], str]:
        """The canonical column a plugin maps ``header`` to, and how it was read (``Column.by``);
        None (and a finding) for an unknown id.

        An amount under a header that names none of the table's columns is the column the table
        keeps for amounts of the document's kind, if it has one (``default_for``): a fallback."""
        column, by = self.map_column(self.canonical, header), COLUMN_BY_HEADER
        if column is None and header.path and not any("数" in part for part in header.path):
            column, by = self.canonical.default_column(self.kind), COLUMN_BY_FALLBACK
        if column is not None and column not in {c.id for c in self.canonical.columns}:
            self._finding(
                "parse.unknown-column",
                f"{self.block.title}：插件把表头“{'/'.join(header.path)}”"
                f"对应到{self.canonical.name}没有的栏目 {column}",
                self.block.title_line,
            )
            return None, by
        return column, by


def provenance_of(line: Optional[Line], position: Optional[int] = None) -> Provenance:
    """Where ``line`` was printed; with ``position``, the box of that cell too (if known)."""
    if line is None:
        return Provenance()
    box = None
    if position is not None:
        box = line.box(position)
    elif line.boxes:
        known = [b for b in line.boxes if b is not None]
        if known:
            box = (
                min(b[0] for b in known),
                min(b[1] for b in known),
                max(b[2] for b in known),
                max(b[3] for b in known),
            )
    return Provenance(page=line.page, line=line.number, bbox=box)


def names_column(column: CanonicalColumn, path: tuple[str, ...]) -> bool:
    """True if one of the column's header paths is printed as the innermost levels of ``path``
    (each level a whole header word: no word joined or cut)."""
    parts = tuple(normalise_header(part) for part in path)
    return any(len(alias) <= len(parts) and parts[len(parts) - len(alias) :] == alias for alias in column.aliases)
