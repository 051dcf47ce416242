"""Building a canonical :class:`~gongkai.schema.Table` from a segmented table block.

Three strategies, one per kind of layout, each in its own module (:mod:`.delimited`, :mod:`.stream`,
:mod:`.form`; :mod:`.base` holds what they share):

* delimited lines (tabs, pipes): every cell has a position; positions get roles (code, label,
  行次, amount) from the body and the header, side-by-side groups are split at label positions,
  and each amount position is mapped to a canonical column through ``gongkai_map_column``;
* space-aligned text (pdftotext): there are no positions, so the body is read as a stream of
  tokens (code, name words, 行次, amounts) that fills the groups' columns in order, names wrapped
  over several lines included;
* forms (绩效目标表, a table whose canonical layout is "form"): label–amount pairs wherever printed.

Nothing printed is altered: labels lose only white space, amounts keep their printed text.
"""

from __future__ import annotations

import re
from typing import Optional

import attrs

from .. import codes
from ..amounts import make_cell
from ..canonical import CanonicalColumn, compact
from ..celltext import is_amount_text
from ..layout import LineKind
from ..schema import Cell, Column, Row, Table
from .align import aligned
from .base import ORDINAL_LABELS, Draft, Group, MapColumn, Slot, names_column, provenance_of
from .breaks import rejoined
from .delimited import DelimitedBuilder
from .form import FormBuilder
from .stream import StreamBuilder

__all__ = ["MapColumn", "TableBuilder"]

# a decimal figure inside a line of text, wherever its words end (合计0.00: no space between)
_FIGURE = re.compile(r"(?<![\d.,])[-+]?\d[\d,]*\.\d+(?![\d.])")


class TableBuilder(DelimitedBuilder, StreamBuilder, FormBuilder):
    """Builds one table; collects the findings its building produced in ``findings``."""

    def build(self) -> Table:
        """The table as printed, mapped to canonical columns."""
        if self.canonical.layout == "form":
            groups = []
            drafts = self._form_drafts()
        elif self.block.tabular:
            self._report_lines_of_text()
            header, body = aligned(self.block.header, self.block.body)
            self.block = attrs.evolve(self.block, header=tuple(header), body=tuple(rejoined(body)))
            groups = [self._with_words_rejoined(group) for group in self._delimited_groups()]
            drafts = self._delimited_drafts(groups)
        else:
            groups = self._stream_groups()
            drafts = self._stream_drafts(groups)
        rows = [row for draft in drafts if (row := self._row(draft)) is not None]
        columns: dict[str, Column] = {}
        slots = [slot for group in groups for slot in group.of("amount")]
        slots += [slot for draft in drafts for slot, _, _ in draft.cells if not groups]
        for slot in slots:
            if slot.column and slot.column not in columns:
                columns[slot.column] = Column(
                    id=slot.column, header=slot.header, ordinal=self._ordinal(slot), by=slot.by
                )
        order = [column.id for column in self.canonical.columns]
        return Table(
            id=self.canonical.id,
            title=compact(self.block.title),
            number=self.block.printed_number,
            columns=tuple(sorted(columns.values(), key=lambda c: order.index(c.id) if c.id in order else len(order))),
            rows=tuple(rows),
            pages=self.block.pages,
            notes=tuple(compact(line.text) for line in self.block.notes),
            provenance=provenance_of(self.block.title_line),
            entity=self.block.entity,
            year=self.block.year,
            unread_cells=self.unread_cells,
            unit=self.block.unit,
        )

    def _report_lines_of_text(self) -> None:
        """A finding for each line among a delimited table's header and body that was read as
        text, not cells, and prints amounts: a row the reader did not understand as one (a page
        showing a table's header and one row, its columns not told apart). Only cells are read
        as rows, so its amounts are counted as unread rather than left out silently."""
        for line in self.block.header + self.block.body:
            if line.kind is LineKind.CELLS:
                continue
            figures = [figure for figure in _FIGURE.findall(line.text) if is_amount_text(figure)]
            if figures:
                self.unread_cells += len(figures)
                self._finding(
                    "parse.unread-row",
                    f"{self.block.title} 第{line.number}行：“{compact(line.text)}”印有金额，"
                    f"却未能读成表中的一行，其{len(figures)}个金额未读取",
                    line,
                )

    def _with_words_rejoined(self, group: Group) -> Group:
        """The group with each amount column's header words broken over two header rows (基本支
        above 出) joined back, where only the joined word is a header of the column."""
        known = {column.id for column in self.canonical.columns}
        slots = []
        for slot in group.slots:
            if slot.column is not None and slot.column in known:
                slot = attrs.evolve(slot, header=_rejoined(self.canonical.column(slot.column), slot.header))
            slots.append(slot)
        return attrs.evolve(group, slots=tuple(slots))

    def _ordinal(self, slot: Slot) -> Optional[str]:
        return self._ordinals().get(slot.position)

    def _row(self, draft: Draft) -> Optional[Row]:
        code = codes.join_code(draft.code_parts) if draft.code_parts else None
        label = draft.label
        if draft.code_parts and code is None:
            label = compact("".join(draft.code_parts)) + label
        if label in ORDINAL_LABELS or draft.empty:
            return None
        cells: list[Cell] = []
        for slot, raw, line in draft.cells:
            if slot.column is None:
                continue
            try:
                cell = make_cell(slot.column, raw, provenance_of(line, slot.position), slot.header)
            except ValueError:
                self.unread_cells += 1
                self._finding(
                    "parse.not-an-amount",
                    f"{self.block.title} 第{line.number}行：“{raw.strip()}”不是金额，已略去",
                    line,
                )
                continue
            cells.append(cell)
        return Row(
            label=label,
            cells=tuple(cells),
            code=code,
            level=codes.level(code) if code else None,
            parent=codes.parent(code) if code else None,
            line_number=draft.line_number,
            group=draft.group,
            provenance=provenance_of(draft.line),
        )


def _rejoined(column: CanonicalColumn, path: tuple[str, ...]) -> tuple[str, ...]:
    """``path`` with its innermost levels joined into one where they are a header word of
    ``column`` broken over header rows (基本支 above 出), and printed apart name no header of it."""
    if len(path) < 2 or names_column(column, path):
        return path
    for start in range(len(path) - 2, -1, -1):
        joined = path[:start] + ("".join(path[start:]),)
        if names_column(column, joined):
            return joined
    return path
