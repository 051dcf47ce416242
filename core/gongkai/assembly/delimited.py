"""Building delimited tables (tabs, pipes): every cell has a position; positions get roles (code,
label, 行次, amount) from the body and the header, side-by-side groups are split at label
positions, and each amount position is mapped to a canonical column through ``gongkai_map_column``."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Optional

from .. import codes
from ..amounts import NOT_APPLICABLE_MARKS
from ..canonical import CanonicalTable, compact
from ..celltext import is_amount_text, is_integer_amount
from ..layout import Line, LineKind
from ..registrations import HeaderCell
from ..schema import COLUMN_BY_HEADER, COLUMN_PRINTED, Severity
from ..vocabulary import LINE_NUMBER
from .base import (
    LABEL_HEADER,
    ORDINAL_LABELS,
    STRUCTURAL_HEADER,
    BuilderBase,
    Draft,
    Group,
    Slot,
    names_column,
)
from .orphans import merge_orphans
from .realign import realigned

_LINE_NUMBER_HEADERS = ("行次",)
_CODE_HEADERS = ("编码", "代码")
_CODE_PART_HEADERS = frozenset({"类", "款", "项"})
_TOTALS = frozenset({"合计", "总计"})


class DelimitedBuilder(BuilderBase):
    """The delimited strategy of :class:`~gongkai.assembly.TableBuilder`."""

    def _ordinals(self) -> dict[int, str]:
        """The 栏次 number printed under each position, from the header's 栏次 row (read once
        per header: every column asks)."""
        header = self.block.header
        if self._ordinals_read is None or self._ordinals_read[0] is not header:
            self._ordinals_read = (header, _ordinals_of(header))
        return self._ordinals_read[1]

    def _text_rows(self, width: int, *, ordinal_words: bool) -> list[tuple[str, ...]]:
        """Header rows as compact text, put back over their columns where a text extract printed
        them off (:mod:`.realign`). The 栏次 row is left out, or with ``ordinal_words`` kept for
        its words (类/款/项 over the code columns) but not its numbers."""
        rows = []
        for line in self.block.header:
            if line.kind is not LineKind.CELLS or not line.filled:
                continue
            cells = tuple(compact(cell) for cell in line.cells)
            if _is_ordinal_row(line):
                if not ordinal_words:
                    continue
                cells = tuple("" if LINE_NUMBER.match(cell) else cell for cell in cells)
            rows.append(cells)
        # where the columns are is what the body and the 栏次 numbers say, not the header
        body = [line.cells for line in self.block.body if line.kind is LineKind.CELLS]
        return realigned(rows, self._vote(width, [], body, self._ordinals()), self._last_column())

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

    def _vote(
        self, width: int, text_rows: list[tuple[str, ...]], body: list[tuple[str, ...]], ordinals: dict[int, str]
    ) -> list[Optional[str]]:
        roles: list[Optional[str]] = []
        for position in range(width):
            headers = [row[position] for row in text_rows if position < len(row) and row[position]]
            values = [kinds for cells in body if position < len(cells) and (kinds := _kinds(cells[position]))]
            n_code = sum(1 for is_code, _, _ in values if is_code)
            n_amount = sum(1 for _, is_amount, _ in values if is_amount)
            n_whole = sum(1 for _, _, is_whole in values if is_whole)
            n_text = len(values) - n_code - n_amount - n_whole
            if any(h.startswith(_LINE_NUMBER_HEADERS) for h in headers) and n_amount == 0:
                roles.append("line_number")
            elif not n_amount and (
                any(_is_code_header(h) for h in headers) or (n_code and not self._names_an_amount(headers))
            ):
                # whole 元 printed without separators can look like codes (1000000, 21015): under
                # a header naming an amount column they are amounts
                roles.append("code")
            elif n_text > n_amount + n_whole:
                roles.append("label")
            elif position in ordinals:
                roles.append("amount")
            elif not n_amount and any(LABEL_HEADER.match(h) for h in headers):
                roles.append("label")
            elif n_amount or n_whole or (headers and (not ordinals or position in ordinals)):
                roles.append("amount")
            else:
                roles.append(None)
        return roles

    def _names_an_amount(self, headers: Sequence[str]) -> bool:
        """True if one of the header words names an amount column of the table (本年支出合计)."""
        return any(names_column(column, (header,)) for header in headers for column in self.canonical.columns)

    def _paths(self, width: int, text_rows: list[tuple[str, ...]], roles: list[Optional[str]]) -> list[tuple[str, ...]]:
        filled_rows: list[list[str]] = []
        for index, row in enumerate(text_rows):
            cells = list(row) + [""] * (width - len(row))
            filled = [position for position, cell in enumerate(cells) if cell]
            if index < len(text_rows) - 1 and filled == [0]:
                cells = [cells[0]] * width  # a line of one word over the header heads every column (项目经费)
            elif index < len(text_rows) - 1 or filled_rows:
                # a header over several columns is written once, in its first: it reaches the
                # amounts on its right, across a blank 行次 column too, but not past the end of
                # the header over it. In the innermost row too: a header cell is a rectangle, so
                # a blank under the header that also spans the column on its left is the same
                # cell as that column's (基本支出 over 栏次 8-10 without sub-headers). A header
                # of one row is never filled: a blank there is a column whose header is not read.
                above = filled_rows[-1] if filled_rows else None
                for position in range(1, width):
                    if cells[position] or not (roles[position] == "amount" or _feeds_amount(roles, position)):
                        continue
                    if above is None or above[position] == above[position - 1]:
                        cells[position] = cells[position - 1]
            filled_rows.append(cells)
        paths = []
        for position in range(width):
            path: list[str] = []
            for cells in filled_rows:
                part = cells[position]
                if part and not STRUCTURAL_HEADER.match(part) and (not path or path[-1] != part):
                    path.append(part)
            paths.append(tuple(path))
        return paths

    def _last_column(self) -> int:
        """The last position the table prints in: a body cell or a 栏次 number."""
        printed = [
            position
            for line in self.block.body
            if line.kind is LineKind.CELLS
            for position, cell in enumerate(line.cells)
            if cell.strip()
        ]
        return max(printed + list(self._ordinals()), default=-1)

    def _delimited_groups(self) -> list[Group]:
        lines = [line for line in self.block.header + self.block.body if line.kind is LineKind.CELLS]
        width = max((len(line.cells) for line in lines), default=0)
        roles = self._roles(width, self._text_rows(width, ordinal_words=True))
        paths = self._paths(width, self._text_rows(width, ordinal_words=False), roles)
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
                or (role == "code" and "label" in current_roles)
            )
            # a label next to a label is a second level of the same row's label (一般公共预算资金 |
            # 小计), not a new group: groups are set apart by their amounts
            if starts or current is None:
                spans.append([position])
            else:
                current.append(position)
        if self.canonical.repeated_groups and len(spans) > 1:
            paths = _shared_levels(paths, spans, roles)
        ordinals = self._ordinals()
        groups = []
        names = self._group_names(["".join("".join(paths[position]) for position in span) for span in spans])
        for span, name in zip(spans, names):
            slots = []
            for position in span:
                role = roles[position]
                assert role is not None
                column, header_path, by = None, paths[position], COLUMN_BY_HEADER
                if role == "amount":
                    column, by = self._map(HeaderCell(paths[position], ordinals.get(position), position, name))
                    if column is not None:
                        header_path = _printed_header(self.canonical, column, paths, position)
                    elif self._has_values(position):
                        # kept as printed: the amounts are the document's even where the
                        # catalogue does not say what they are; checks that need to know skip it
                        column, by = f"printed_{position + 1}", COLUMN_PRINTED
                        self._finding(
                            "parse.unmapped-column",
                            f"{self.block.title}：表头“{'/'.join(paths[position]) or '（空）'}”（第{position + 1}列）"
                            f"对应不到{self.canonical.name}的标准栏目，该列金额按印出的表头保留，不参与栏目间的核对",
                            self.block.header[0] if self.block.header else self.block.title_line,
                            Severity.INFO,
                        )
                slots.append(Slot(position=position, role=role, column=column, header=header_path, by=by))
            groups.append(Group(slots=tuple(slots), name=name))
        return groups

    def _has_values(self, position: int) -> bool:
        return any(
            position < len(line.cells) and line.cells[position].strip()
            for line in self.block.body
            if line.kind is LineKind.CELLS
        )

    def _delimited_drafts(self, groups: list[Group]) -> list[Draft]:
        drafts: list[Draft] = []
        total = self._total_among_headers(groups)
        if total is not None:
            drafts.append(total)
        for line in self.block.body:
            if line.kind is not LineKind.CELLS:
                continue
            cells = list(line.cells)
            line_drafts = [self._group_draft(index, group, cells, line) for index, group in enumerate(groups)]
            drafts.extend(draft for draft in merge_orphans(line_drafts) if not draft.empty)
        return drafts

    def _total_among_headers(self, groups: list[Group]) -> Optional[Draft]:
        """The 合计 row of an empty table that prints it in its last header row (合计 | 合计 |
        基本支出 | 项目支出, the amount cells holding the innermost headers): a row of blanks."""
        headers = [line for line in self.block.header if line.kind is LineKind.CELLS]
        if self.block.body or not headers or not groups:
            return None
        first = next((compact(cell) for cell in headers[-1].cells if cell.strip()), "")
        if first not in _TOTALS:
            return None
        amounts = groups[0].of("amount")
        draft = Draft(group=0, line=headers[-1], label=first)
        draft.cells = [(slot, "", headers[-1]) for slot in amounts]
        return draft

    def _group_draft(self, index: int, group: Group, cells: list[str], line: Line) -> Draft:
        def cell(position: int) -> str:
            return cells[position] if position < len(cells) else ""

        draft = Draft(group=index, line=line)
        parts = [cell(slot.position).strip() for slot in group.of("code")]
        # the 合计 row may print the code columns' own words (类 | 款 | 项) in its code cells
        parts = [part for part in parts if part not in NOT_APPLICABLE_MARKS and compact(part) not in _CODE_PART_HEADERS]
        if parts and codes.join_code(parts):
            draft.code_parts = [part for part in parts if part]
        else:
            draft.label = compact("".join(parts))
        levels = [compact(cell(slot.position)) for slot in group.of("label")]
        levels = [level for level in levels if level]
        if draft.label and levels:
            draft.label += levels.pop(0)  # the name printed after a code cell that held text
        draft.label += "/".join(levels)
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
        draft.spans = _spans_amounts(line, group)
        return draft


@functools.lru_cache(maxsize=1 << 16)  # the vote reads every body cell several times, table after table
def _kinds(cell: str) -> Optional[tuple[bool, bool, bool]]:
    """Whether a printed body cell is a code, a decimal amount, a whole amount; None for a blank
    or a not-applicable mark, which no vote counts."""
    value = compact(cell)
    if not value or value in NOT_APPLICABLE_MARKS:
        return None
    return codes.is_code(value), is_amount_text(value), is_integer_amount(value)


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


def _shared_levels(
    paths: list[tuple[str, ...]], spans: list[list[int]], roles: Sequence[Optional[str]]
) -> list[tuple[str, ...]]:
    """``paths`` with only the levels every repeat of a group prints over its amounts: in a table
    printing one (code, name, amount) group several times side by side, a word over some of the
    repeats (人员经费 | 公用经费) names the rows under it, not the amount column; a word over them
    all is a level of every repeat's amounts."""
    amounts = [[position for position in span if roles[position] == "amount"] for span in spans]
    shared = list(paths)
    for span in amounts:
        for index, position in enumerate(span):
            others = [paths[group[index]] for group in amounts if index < len(group)]
            shared[position] = tuple(level for level in paths[position] if all(level in other for other in others))
    return shared


def _feeds_amount(roles: Sequence[Optional[str]], position: int) -> bool:
    """True for a 行次 position directly before an amount position."""
    return roles[position] == "line_number" and position + 1 < len(roles) and roles[position + 1] == "amount"


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


def _ordinals_of(header: Sequence[Line]) -> dict[int, str]:
    """The 栏次 number printed under each position, from the 栏次 row among ``header``."""
    for line in header:
        if line.kind is LineKind.CELLS and _is_ordinal_row(line):
            return {p: cell.strip() for p, cell in enumerate(line.cells) if LINE_NUMBER.match(cell.strip())}
    return {}


def _is_ordinal_row(line: Line) -> bool:
    """True for a header row of 栏次 numbers (with or without the word 栏次)."""
    filled = [compact(cell) for cell in line.filled]
    numbers = [cell for cell in filled if LINE_NUMBER.match(cell)]
    return bool(numbers) and (any(cell in ORDINAL_LABELS for cell in filled) or len(numbers) == len(filled))


def _spans_amounts(line: Line, group: Group) -> bool:
    """True if the group's label cell is printed merged over the group's amount columns (a
    total's label across the summary's expenditure columns), as the boxes of the line show."""
    labels, amounts = group.of("label"), group.of("amount")
    if not labels or not amounts:
        return False
    label, amount = line.box(labels[-1].position), line.box(amounts[0].position)
    return label is not None and amount is not None and label[2] > (amount[0] + amount[2]) / 2 + 1
