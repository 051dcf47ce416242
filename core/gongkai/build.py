"""Building a canonical :class:`~gongkai.schema.Table` from a segmented table block.

Two strategies, one per kind of layout:

* delimited lines (tabs, pipes): every cell has a position; positions get roles (code, label,
  行次, amount) from the body and the header, side-by-side groups are split at label positions,
  and each amount position is mapped to a canonical column through ``gongkai_map_column``;
* space-aligned text (pdftotext): there are no positions, so the body is read as a stream of
  tokens (code, name words, 行次, amounts) that fills the groups' columns in order, names wrapped
  over several lines included.

Nothing printed is altered: labels lose only white space, amounts keep their printed text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Optional

import attrs

from . import codes
from .amounts import NOT_APPLICABLE_MARKS, make_cell, normalise_number_text
from .canonical import CanonicalTable, compact, normalise_header
from .layout import Line, LineKind
from .registrations import HeaderCell
from .schema import Cell, Column, Finding, Provenance, Row, Severity, Table
from .segment import TableBlock, is_amount_text, is_integer_amount, line_text

MapColumn = Callable[[CanonicalTable, HeaderCell], Optional[str]]

_ORDINAL_LABELS = frozenset({"栏次"})
_LINE_NUMBER_HEADERS = ("行次",)
_CODE_HEADERS = ("编码", "代码")
_CODE_PART_HEADERS = frozenset({"类", "款", "项"})
_LABEL_HEADER = re.compile(r"^(?:项目(?:[(（].*[)）])?|.*名称)$")
_STRUCTURAL = re.compile(r"^(?:项目(?:[(（].*[)）])?|.*科目编码|.*科目代码|科目名称|类|款|项|栏次|行次|其中[:：]?)$")
_SMALL_INT = re.compile(r"^\d{1,3}$")
_LEADING_HEADER_TOKENS = frozenset({"类", "款", "项", "栏次"})


@attrs.frozen
class Slot:
    """One position of a delimited table and what it holds."""

    position: int
    role: str  # "code" | "label" | "line_number" | "amount"
    column: Optional[str] = None
    header: tuple[str, ...] = ()


@attrs.frozen
class Group:
    """A side-by-side group of positions: code cells, a label, a 行次 and amount columns."""

    slots: tuple[Slot, ...]
    name: Optional[str] = None

    def of(self, role: str) -> list[Slot]:
        return [slot for slot in self.slots if slot.role == role]


@attrs.define
class _Draft:
    """A row being assembled from one group of one line (or of a token stream)."""

    group: int
    line: Line
    code_parts: list[str] = attrs.Factory(list)
    label: str = ""
    line_number: Optional[str] = None
    cells: list[tuple[Slot, str, Line]] = attrs.Factory(list)

    @property
    def empty(self) -> bool:
        return not (self.code_parts or self.label) and not any(raw.strip() for _, raw, _ in self.cells)


class TableBuilder:
    """Builds one table; collects the findings its building produced in ``findings``."""

    def __init__(self, block: TableBlock, canonical: CanonicalTable, map_column: MapColumn) -> None:
        self.block = block
        self.canonical = canonical
        self.map_column = map_column
        self.findings: list[Finding] = []

    # -- shared ---------------------------------------------------------------------------

    def _finding(self, check: str, message: str, line: Optional[Line], severity: Severity = Severity.WARNING) -> None:
        self.findings.append(
            Finding(
                check=check,
                severity=severity,
                message=message,
                table=self.canonical.id,
                provenance=_provenance(line),
            )
        )

    def _group_name(self, index: int, count: int) -> Optional[str]:
        groups = self.canonical.groups
        if groups and not self.canonical.repeated_groups and count == len(groups):
            return groups[index]
        return None

    def build(self) -> Table:
        """The table as printed, mapped to canonical columns."""
        if self.block.tabular:
            groups = self._delimited_groups()
            drafts = self._delimited_drafts(groups)
        else:
            groups = self._stream_groups()
            drafts = self._stream_drafts(groups)
        rows = [row for draft in drafts if (row := self._row(draft)) is not None]
        columns: dict[str, Column] = {}
        for group in groups:
            for slot in group.of("amount"):
                if slot.column and slot.column not in columns:
                    columns[slot.column] = Column(id=slot.column, header=slot.header, ordinal=self._ordinal(slot))
        order = [column.id for column in self.canonical.columns]
        return Table(
            id=self.canonical.id,
            title=compact(self.block.title),
            number=self.block.printed_number,
            columns=tuple(sorted(columns.values(), key=lambda c: order.index(c.id) if c.id in order else len(order))),
            rows=tuple(rows),
            pages=self.block.pages,
            notes=tuple(compact(line.text) for line in self.block.notes),
            provenance=_provenance(self.block.title_line),
        )

    def _ordinal(self, slot: Slot) -> Optional[str]:
        return self._ordinals().get(slot.position)

    def _row(self, draft: _Draft) -> Optional[Row]:
        code = codes.join_code(draft.code_parts) if draft.code_parts else None
        label = draft.label
        if draft.code_parts and code is None:
            label = compact("".join(draft.code_parts)) + label
        if label in _ORDINAL_LABELS or draft.empty:
            return None
        cells: list[Cell] = []
        for slot, raw, line in draft.cells:
            if slot.column is None:
                continue
            try:
                cell = make_cell(slot.column, raw, _provenance(line))
            except ValueError:
                self._finding(
                    "parse.not-an-amount",
                    f"{self.block.title} 第{line.number}行：“{raw.strip()}”不是金额，已略去",
                    line,
                )
                continue
            cells.append(attrs.evolve(cell, header=slot.header))
        return Row(
            label=label,
            cells=tuple(cells),
            code=code,
            level=codes.level(code) if code else None,
            parent=codes.parent(code) if code else None,
            line_number=draft.line_number,
            group=draft.group,
            provenance=_provenance(draft.line),
        )

    # -- delimited tables -------------------------------------------------------------------

    def _ordinals(self) -> dict[int, str]:
        """The 栏次 number printed under each position, from the header's 栏次 row."""
        for line in self.block.header:
            if line.kind is LineKind.CELLS and _is_ordinal_row(line):
                return {p: cell.strip() for p, cell in enumerate(line.cells) if _SMALL_INT.match(cell.strip())}
        return {}

    def _text_rows(self, *, ordinal_words: bool) -> list[tuple[str, ...]]:
        """Header rows as compact text. The 栏次 row is left out, or with ``ordinal_words`` kept
        for its words (类/款/项 over the code columns) but not its numbers."""
        rows = []
        for line in self.block.header:
            if line.kind is not LineKind.CELLS or not line.filled:
                continue
            cells = tuple(compact(cell) for cell in line.cells)
            if _is_ordinal_row(line):
                if not ordinal_words:
                    continue
                cells = tuple("" if _SMALL_INT.match(cell) else cell for cell in cells)
            rows.append(cells)
        return rows

    def _roles(self, width: int, text_rows: list[tuple[str, ...]]) -> list[Optional[str]]:
        """Each position's role, from what the body prints there and the header above it.

        Rows printed one cell to the right (a label standing in an amount column) are left out of
        the vote once the first vote has found them.
        """
        body = [line.cells for line in self.block.body if line.kind is LineKind.CELLS]
        ordinals = self._ordinals()
        roles = self._vote(width, text_rows, body, ordinals)
        regular = [cells for cells in body if not _is_shifted(cells, roles)]
        return self._vote(width, text_rows, regular, ordinals) if len(regular) < len(body) else roles

    @staticmethod
    def _vote(
        width: int, text_rows: list[tuple[str, ...]], body: list[tuple[str, ...]], ordinals: dict[int, str]
    ) -> list[Optional[str]]:
        roles: list[Optional[str]] = []
        for position in range(width):
            headers = [row[position] for row in text_rows if position < len(row) and row[position]]
            values = [compact(cells[position]) for cells in body if position < len(cells) and cells[position].strip()]
            values = [value for value in values if value not in NOT_APPLICABLE_MARKS]
            n_code = sum(1 for value in values if codes.is_code(value))
            n_amount = sum(1 for value in values if is_amount_text(value))
            n_whole = sum(1 for value in values if is_integer_amount(value))
            n_text = len(values) - n_code - n_amount - n_whole
            if any(h.startswith(_LINE_NUMBER_HEADERS) for h in headers) and n_amount == 0:
                roles.append("line_number")
            elif not n_amount and (n_code or any(_is_code_header(h) for h in headers)):
                roles.append("code")
            elif n_text > n_amount + n_whole:
                roles.append("label")
            elif position in ordinals:
                roles.append("amount")
            elif not n_amount and any(_LABEL_HEADER.match(h) for h in headers):
                roles.append("label")
            elif n_amount or n_whole or (headers and (not ordinals or position in ordinals)):
                roles.append("amount")
            else:
                roles.append(None)
        return roles

    def _paths(self, width: int, text_rows: list[tuple[str, ...]], roles: list[Optional[str]]) -> list[tuple[str, ...]]:
        filled_rows = []
        for index, row in enumerate(text_rows):
            cells = list(row) + [""] * (width - len(row))
            if index < len(text_rows) - 1:
                for position in range(1, width):
                    if not cells[position] and roles[position] == "amount":
                        cells[position] = cells[position - 1]
            filled_rows.append(cells)
        paths = []
        for position in range(width):
            path: list[str] = []
            for cells in filled_rows:
                part = cells[position]
                if part and not _STRUCTURAL.match(part) and (not path or path[-1] != part):
                    path.append(part)
            paths.append(tuple(path))
        return paths

    def _delimited_groups(self) -> list[Group]:
        lines = [line for line in self.block.header + self.block.body if line.kind is LineKind.CELLS]
        width = max((len(line.cells) for line in lines), default=0)
        roles = self._roles(width, self._text_rows(ordinal_words=True))
        paths = self._paths(width, self._text_rows(ordinal_words=False), roles)
        spans: list[list[int]] = []
        for position, role in enumerate(roles):
            if role is None:
                continue
            current = spans[-1] if spans else None
            current_roles = [roles[p] for p in current] if current else []
            starts = role in ("code", "label") and (
                current is None
                or "amount" in current_roles
                or "line_number" in current_roles
                or (role == "label" and "label" in current_roles)
                or (role == "code" and "label" in current_roles)
            )
            if starts or current is None:
                spans.append([position])
            else:
                current.append(position)
        ordinals = self._ordinals()
        groups = []
        for index, span in enumerate(spans):
            name = self._group_name(index, len(spans))
            slots = []
            for position in span:
                role = roles[position]
                assert role is not None
                column, header_path = None, paths[position]
                if role == "amount":
                    column = self._map(HeaderCell(paths[position], ordinals.get(position), position, name))
                    if column is not None:
                        header_path = _printed_header(self.canonical, column, paths, position)
                    elif self._has_values(position):
                        self._finding(
                            "parse.unmapped-column",
                            f"{self.block.title}：表头“{'/'.join(paths[position]) or '（空）'}”（第{position + 1}列）"
                            f"对应不到{self.canonical.name}的标准栏目，该列金额未读取",
                            self.block.header[0] if self.block.header else self.block.title_line,
                        )
                slots.append(Slot(position=position, role=role, column=column, header=header_path))
            groups.append(Group(slots=tuple(slots), name=name))
        return groups

    def _map(self, header: HeaderCell) -> Optional[str]:
        """The canonical column a plugin maps ``header`` to; None (and a finding) for an unknown id."""
        column = self.map_column(self.canonical, header)
        if column is not None and column not in {c.id for c in self.canonical.columns}:
            self._finding(
                "parse.unknown-column",
                f"{self.block.title}：插件把表头“{'/'.join(header.path)}”"
                f"对应到{self.canonical.name}没有的栏目 {column}",
                self.block.title_line,
            )
            return None
        return column

    def _has_values(self, position: int) -> bool:
        return any(
            position < len(line.cells) and line.cells[position].strip()
            for line in self.block.body
            if line.kind is LineKind.CELLS
        )

    def _delimited_drafts(self, groups: list[Group]) -> list[_Draft]:
        drafts: list[_Draft] = []
        for line in self.block.body:
            if line.kind is not LineKind.CELLS:
                continue
            cells = list(line.cells)
            line_drafts = [self._group_draft(index, group, cells, line) for index, group in enumerate(groups)]
            drafts.extend(draft for draft in _merge_orphans(line_drafts) if not draft.empty)
        return drafts

    def _group_draft(self, index: int, group: Group, cells: list[str], line: Line) -> _Draft:
        def cell(position: int) -> str:
            return cells[position] if position < len(cells) else ""

        draft = _Draft(group=index, line=line)
        parts = [cell(slot.position).strip() for slot in group.of("code")]
        parts = [part for part in parts if part not in NOT_APPLICABLE_MARKS]
        if parts and codes.join_code(parts):
            draft.code_parts = [part for part in parts if part]
        else:
            draft.label = compact("".join(parts))
        for slot in group.of("label"):
            draft.label += compact(cell(slot.position))
        numbers = [cell(slot.position).strip() for slot in group.of("line_number")]
        draft.line_number = next((n for n in numbers if n), None)
        amounts = group.of("amount")
        raws = [cell(slot.position) for slot in amounts]
        if not draft.label and not draft.code_parts and amounts:
            first = next((raw for raw in raws if raw.strip()), "")
            if first and not _amount_like(first):
                # printed one cell to the right: the label stands in the first amount column and
                # the amounts follow it in order, up to the end of the line
                start = amounts[raws.index(first)].position
                draft.label = compact(first)
                tail = [cells[p] for p in range(start + 1, len(cells))]
                raws = (tail + [""] * len(amounts))[: len(amounts)]
        draft.cells = [(slot, raw, line) for slot, raw in zip(amounts, raws)]
        return draft

    # -- space-aligned text -----------------------------------------------------------------

    def _stream_groups(self) -> list[Group]:
        header_text = "".join(normalise_header(line_text(line)) for line in self.block.header)
        tokens = _scan_aliases(header_text, self.canonical)
        names: Sequence[Optional[str]]
        if self.canonical.groups and not self.canonical.repeated_groups:
            names = self.canonical.groups
        else:
            names = [None]
        order = [column.id for column in self.canonical.columns]
        groups = []
        has_line_number = "行次" in header_text
        for name in names:
            found: dict[str, str] = {}
            for token in tokens:
                column = self._map(HeaderCell(path=(token,), group=name))
                if column and column not in found:
                    found[column] = token
            slots = [Slot(position=-1, role="label")]
            if has_line_number:
                slots.append(Slot(position=-1, role="line_number"))
            for column in sorted(found, key=order.index):
                slots.append(Slot(position=-1, role="amount", column=column, header=(found[column],)))
            groups.append(Group(slots=tuple(slots), name=name))
        return groups

    def _stream_drafts(self, groups: list[Group]) -> list[_Draft]:
        """Read the body as a token stream; a name may wrap over lines, a line may skip groups."""
        drafts: list[_Draft] = []
        repeated = self.canonical.repeated_groups or len(groups) == 1
        current: Optional[_Draft] = None
        group_index = 0
        started_on_line = 0
        first = True

        def finish() -> None:
            nonlocal current, group_index
            if current is None:
                return
            slots = groups[0 if repeated else group_index].of("amount")
            count = len(current.cells)
            aligned_left = bool(current.label or current.code_parts)
            placed = slots[:count] if aligned_left else slots[len(slots) - count :]
            if 0 < count < len(slots):
                self._finding(
                    "parse.short-row",
                    f"{self.block.title} 第{current.line.number}行：{count}个金额少于{len(slots)}栏，"
                    f"按{'左' if aligned_left else '右'}对齐读取",
                    current.line,
                    Severity.INFO,
                )
            current.cells = [(slot, raw, line) for slot, (_, raw, line) in zip(placed, current.cells)]
            if not current.empty:
                drafts.append(current)
            current = None
            if not repeated:
                group_index = (group_index + 1) % len(groups)

        for line in self.block.body:
            if line.kind is LineKind.PAGE_NUMBER:
                continue
            tokens = line.text.split()
            if first:
                while tokens and tokens[0] in _LEADING_HEADER_TOKENS:
                    tokens.pop(0)
                first = False
            if not tokens:
                continue
            at_row_start = current is None
            indented = len(line.text) - len(line.text.lstrip()) >= 2
            if at_row_start and not repeated:
                group_index = 1 if indented and len(groups) > 1 and _groups_on_line(tokens) < len(groups) else 0
            if current is None:
                started_on_line = 1 if indented and repeated else 0
            else:
                # the line goes on with a row begun above (a wrapped name): the rows it starts
                # stand to the right of that one
                started_on_line = current.group + 1
            for token in tokens:
                slots = groups[0 if repeated else group_index].of("amount")
                amount = is_amount_text(token) or (
                    current is not None
                    and bool(current.label or current.code_parts)
                    and normalise_number_text(token).isdigit()
                    and not codes.is_code(token)
                )
                if current is not None and amount:
                    if (
                        current.line_number is None
                        and groups[0 if repeated else group_index].of("line_number")
                        and not current.cells
                        and _SMALL_INT.match(token)
                    ):
                        current.line_number = token
                        continue
                    current.cells.append((Slot(-1, "amount"), token, line))
                    if len(current.cells) >= len(slots):
                        finish()
                    continue
                if current is None and amount:
                    current = _Draft(group=group_index if not repeated else started_on_line, line=line)
                    current.cells.append((Slot(-1, "amount"), token, line))
                    if len(current.cells) >= len(slots):
                        finish()
                    continue
                if current is not None and current.cells:
                    finish()
                if current is None:
                    current = _Draft(group=group_index if not repeated else started_on_line, line=line)
                    started_on_line += 1
                    if codes.is_code(token):
                        current.code_parts = [token]
                        continue
                current.label += compact(token)
        finish()
        return drafts


def _printed_header(
    canonical: CanonicalTable, column: str, paths: list[tuple[str, ...]], position: int, reach: int = 3
) -> tuple[str, ...]:
    """The printed header of a column a plugin mapped (by its 栏次 number, say).

    Text extraction sometimes shifts a header row a cell or two off the body; when the header
    printed at ``position`` does not name ``column`` but one printed up to ``reach`` cells away
    does, that one is the column's header.
    """
    wanted = canonical.column(column)
    if wanted.match(paths[position]):
        return paths[position]
    for distance in range(1, reach + 1):
        for near in (position - distance, position + distance):
            if 0 <= near < len(paths) and wanted.match(paths[near]):
                return paths[near]
    return paths[position]


def _is_code_header(header: str) -> bool:
    """True for a header over code cells: 类, 款, 项, or …科目编码/代码."""
    return header in _CODE_PART_HEADERS or header.endswith(_CODE_HEADERS)


def _is_shifted(cells: Sequence[str], roles: list[Optional[str]]) -> bool:
    """True if a row's first printed cell is text standing in an amount position."""
    for position, cell in enumerate(cells):
        if cell.strip():
            return position < len(roles) and roles[position] == "amount" and not _amount_like(cell)
    return False


def _amount_like(text: str) -> bool:
    return is_amount_text(text) or is_integer_amount(text)


def _is_ordinal_row(line: Line) -> bool:
    """True for a header row of 栏次 numbers (with or without the word 栏次)."""
    filled = [compact(cell) for cell in line.filled]
    numbers = [cell for cell in filled if _SMALL_INT.match(cell)]
    return bool(numbers) and (any(cell in _ORDINAL_LABELS for cell in filled) or len(numbers) == len(filled))


def _groups_on_line(tokens: list[str]) -> int:
    """How many groups a line of tokens starts (a name or code after an amount starts one)."""
    count, previous_amount = 0, True
    for token in tokens:
        amount = is_amount_text(token)
        if not amount and previous_amount:
            count += 1
        previous_amount = amount
    return count


def _scan_aliases(text: str, canonical: CanonicalTable) -> list[str]:
    """Header words of ``canonical`` found in ``text`` left to right, longest first at each place."""
    words = sorted(
        {alias[0] for column in canonical.columns for alias in column.aliases if len(alias) == 1}, key=len, reverse=True
    )
    found, position = [], 0
    while position < len(text):
        for word in words:
            if text.startswith(word, position):
                found.append(word)
                position += len(word)
                break
        else:
            position += 1
    return found


def _merge_orphans(drafts: list[_Draft]) -> list[_Draft]:
    """Give a group's amounts to the labelled group before it when that group printed none.

    A total such as 公用经费合计 spans several groups' columns: its label stands in one group and
    its amount in the last column of the line.
    """
    merged: list[_Draft] = []
    for draft in drafts:
        orphan = not draft.label and not draft.code_parts and any(raw.strip() for _, raw, _ in draft.cells)
        previous = merged[-1] if merged else None
        if (
            orphan
            and previous is not None
            and (previous.label or previous.code_parts)
            and not any(raw.strip() for _, raw, _ in previous.cells)
        ):
            values = [raw for _, raw, _ in draft.cells if raw.strip()]
            slots = [slot for slot, _, _ in previous.cells]
            if len(values) <= len(slots):
                padded = [""] * (len(slots) - len(values)) + values
                previous.cells = [(slot, raw, draft.line) for slot, raw in zip(slots, padded)]
                continue
        merged.append(draft)
    return merged


def _provenance(line: Optional[Line]) -> Provenance:
    return Provenance() if line is None else Provenance(page=line.page, line=line.number)
