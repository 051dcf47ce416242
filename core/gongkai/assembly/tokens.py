"""The body of a space-aligned table read as a stream of tokens: a code or name word starts a
row, amounts fill its group's columns in order, a name may wrap over several lines and a line
may skip groups."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Optional

import attrs

from .. import codes
from ..amounts import normalise_number_text
from ..canonical import compact
from ..celltext import is_amount_text
from ..layout import Line, LineKind
from ..vocabulary import LINE_NUMBER
from .base import Draft, Group, Slot

_LEADING_HEADER_TOKENS = frozenset({"类", "款", "项", "栏次"})

# places a finished row's amounts in its group's amount slots (reporting a short or long row)
Place = Callable[[Draft, Sequence[Slot]], None]


@attrs.define
class TokenStream:
    """The rows read so far and the row being read. ``repeated``: every row is of the first
    group (one group, or groups that repeat down the page); else rows go through the groups
    left to right. ``place`` settles a finished row's amounts in its group's columns."""

    # mutable: the reading state a token changes (the row being read, the group it is in)
    groups: Sequence[Group]
    repeated: bool
    place: Place
    drafts: list[Draft] = attrs.Factory(list)
    current: Optional[Draft] = None
    group_index: int = 0
    started_on_line: int = 0

    def read(self, body: Sequence[Line]) -> list[Draft]:
        """The rows of ``body``, each from its first token to its last amount."""
        first = True
        for line in body:
            if line.kind is LineKind.PAGE_NUMBER:
                continue
            tokens = line.text.split()
            if first:
                while tokens and tokens[0] in _LEADING_HEADER_TOKENS:
                    tokens.pop(0)
                first = False
            if not tokens:
                continue
            self._begin_line(line, tokens)
            for token in tokens:
                self._take(token, line)
        self._finish()
        return self.drafts

    @property
    def _group(self) -> Group:
        return self.groups[0 if self.repeated else self.group_index]

    def _begin_line(self, line: Line, tokens: Sequence[str]) -> None:
        """Where the line's rows stand: an indented line starts with the second group (or, for
        repeated groups, its rows are the right-hand ones); a line going on with a row begun
        above (a wrapped name) starts its rows to the right of that one."""
        indented = len(line.text) - len(line.text.lstrip()) >= 2
        if self.current is None:
            if not self.repeated:
                several = len(self.groups) > 1 and _groups_on_line(tokens) < len(self.groups)
                self.group_index = 1 if indented and several else 0
            self.started_on_line = 1 if indented and self.repeated else 0
        else:
            self.started_on_line = self.current.group + 1

    def _take(self, token: str, line: Line) -> None:
        """Add ``token`` to the row being read: an amount (a whole number too, after a name) to
        its cells, else a code or name word, which ends a row that has amounts and starts one."""
        current = self.current
        amount = is_amount_text(token) or (
            current is not None
            and bool(current.label or current.code_parts)
            and normalise_number_text(token).isdigit()
            and not codes.is_code(token)
        )
        if amount:
            self._take_amount(token, line)
            return
        if current is not None and current.cells:
            self._finish()
        if self.current is None:
            self.current = self._draft(line)
            self.started_on_line += 1
            if codes.is_code(token):
                self.current.code_parts = [token]
                return
        self.current.label += compact(token)

    def _take_amount(self, token: str, line: Line) -> None:
        """An amount: the row's 行次 if it is a small whole number before any amount of a group
        that prints one; the row ends once every amount column of its group is filled."""
        if self.current is None:
            self.current = self._draft(line)
        elif (
            self.current.line_number is None
            and self._group.of("line_number")
            and not self.current.cells
            and LINE_NUMBER.match(token)
        ):
            self.current.line_number = token
            return
        self.current.cells.append((Slot(-1, "amount"), token, line))
        if len(self.current.cells) >= len(self._group.of("amount")):
            self._finish()

    def _draft(self, line: Line) -> Draft:
        return Draft(group=self.group_index if not self.repeated else self.started_on_line, line=line)

    def _finish(self) -> None:
        """End the row being read: its amounts placed, kept unless empty; the next row is of the
        next group."""
        if self.current is None:
            return
        self.place(self.current, self._group.of("amount"))
        if not self.current.empty:
            self.drafts.append(self.current)
        self.current = None
        if not self.repeated:
            self.group_index = (self.group_index + 1) % len(self.groups)


def _groups_on_line(tokens: Sequence[str]) -> int:
    """How many groups a line of tokens starts (a name or code after an amount starts one)."""
    count, previous_amount = 0, True
    for token in tokens:
        amount = is_amount_text(token)
        if not amount and previous_amount:
            count += 1
        previous_amount = amount
    return count
