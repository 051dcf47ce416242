"""Building space-aligned tables (pdftotext): there are no positions, so the body is read as a
stream of tokens (code, name words, 行次, amounts) that fills the groups' columns in order, names
wrapped over several lines included."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Optional

from .. import codes
from ..amounts import normalise_number_text
from ..canonical import CanonicalTable, compact, normalise_header
from ..layout import Line, LineKind
from ..registrations import HeaderCell
from ..schema import Severity
from ..segment import is_amount_text, line_text
from ..vocabulary import LINE_NUMBER
from .base import BuilderBase, Draft, Group, Slot

_LEADING_HEADER_TOKENS = frozenset({"类", "款", "项", "栏次"})


class StreamBuilder(BuilderBase):
    """The space-aligned strategy of :class:`~gongkai.assembly.TableBuilder`."""

    def _stream_groups(self) -> list[Group]:
        header_text = "".join(normalise_header(line_text(line)) for line in self.block.header)
        tokens = _scan_aliases(header_text, self.canonical)
        names: Sequence[Optional[str]]
        if self.canonical.groups and not self.canonical.repeated_groups:
            optional = tuple(
                group
                for group in self.canonical.optional_groups
                if any(word in header_text for word in self.canonical.group_words.get(group, ()))
            )
            names = self.canonical.groups + optional
        else:
            names = [None]
        order = [column.id for column in self.canonical.columns]
        groups = []
        has_line_number = "行次" in header_text
        if self.canonical.repeated_groups and _several_groups(tokens, self.canonical):
            # the header names each group (人员经费 | 公用经费 over code, name, 决算数): only the
            # amount column repeats
            tokens = [token for token in tokens if self.canonical.columns[0].match((token,))]
        side_by_side = len(names) > 1
        printed_groups = _group_words_line(self.block.header, names, self.canonical) if side_by_side else {}
        start = 0
        for name in names:
            found: dict[str, list[int]] = {}
            read_by: dict[str, str] = {}
            for index, token in enumerate(tokens):
                column, by = self._map(HeaderCell(path=(token,), group=name))
                if column:
                    found.setdefault(column, []).append(index)
                    read_by.setdefault(column, by)
            # side-by-side groups are printed left to right: a group's header words come after
            # those of the groups on its left
            own = {column: [i for i in indexes if i >= start] or indexes for column, indexes in found.items()}
            if side_by_side and own:
                start = max(indexes[0] for indexes in own.values()) + 1
            outer = (printed_groups[name],) if name in printed_groups else ()
            headers = _stream_headers(own, tokens, self.canonical)
            slots = [Slot(position=-1, role="label")]
            if has_line_number:
                slots.append(Slot(position=-1, role="line_number"))
            for column in sorted(own, key=order.index):
                slots.append(
                    Slot(position=-1, role="amount", column=column, header=outer + headers[column], by=read_by[column])
                )
            groups.append(Group(slots=tuple(slots), name=name))
        return groups

    def _stream_drafts(self, groups: list[Group]) -> list[Draft]:
        """Read the body as a token stream; a name may wrap over lines, a line may skip groups."""
        drafts: list[Draft] = []
        repeated = self.canonical.repeated_groups or len(groups) == 1
        current: Optional[Draft] = None
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
            if count > len(slots):
                self.unread_cells += count - len(slots)
                self._finding(
                    "parse.unread-amounts",
                    f"{self.block.title} 第{current.line.number}行：{count}个金额多于表头能识别的{len(slots)}栏，"
                    f"多出的金额未读取",
                    current.line,
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
                        and LINE_NUMBER.match(token)
                    ):
                        current.line_number = token
                        continue
                    current.cells.append((Slot(-1, "amount"), token, line))
                    if len(current.cells) >= len(slots):
                        finish()
                    continue
                if current is None and amount:
                    current = Draft(group=group_index if not repeated else started_on_line, line=line)
                    current.cells.append((Slot(-1, "amount"), token, line))
                    if len(current.cells) >= len(slots):
                        finish()
                    continue
                if current is not None and current.cells:
                    finish()
                if current is None:
                    current = Draft(group=group_index if not repeated else started_on_line, line=line)
                    started_on_line += 1
                    if codes.is_code(token):
                        current.code_parts = [token]
                        continue
                current.label += compact(token)
        finish()
        return drafts


def _group_words_line(
    lines: Sequence[Line], names: Sequence[Optional[str]], canonical: CanonicalTable
) -> dict[Optional[str], str]:
    """The word printed over each side-by-side group, from a header line printing nothing but
    the groups' words in order (收入 支出, 收     入 支     出); empty if no line does."""
    for line in lines:
        text = normalise_header(line_text(line))
        printed: dict[Optional[str], str] = {}
        position = 0
        for name in names:
            word = next((w for w in canonical.group_words.get(name or "", ()) if text.startswith(w, position)), None)
            if word is None:
                break
            printed[name] = word
            position += len(word)
        if len(printed) > 1 and position == len(text):
            return printed
    return {}


def _stream_headers(
    found: dict[str, list[int]], tokens: list[str], canonical: CanonicalTable
) -> dict[str, tuple[str, ...]]:
    """Each column's header path from the header words naming it (their places among ``tokens``).

    A column's header is the first word naming it, but for a word printed over several columns
    (本年支出 over 小计 基本支出 项目支出): when a column is named by that word and by a later
    one, and other columns have the two as a header path of theirs (本年支出/基本支出), the word
    is the outer level of all of them.
    """
    headers: dict[str, tuple[str, ...]] = {column: (tokens[indexes[0]],) for column, indexes in found.items()}
    for column, indexes in found.items():
        if len(indexes) < 2:
            continue
        over = indexes[0]
        word = tokens[over]
        spanned = {
            other: (word, tokens[others[0]])
            for other, others in found.items()
            if other != column and others[0] > over and _is_alias(canonical, other, (word, tokens[others[0]]))
        }
        if spanned:
            headers[column] = (word, tokens[indexes[1]])
            headers.update(spanned)
    return headers


def _is_alias(canonical: CanonicalTable, column: str, path: tuple[str, ...]) -> bool:
    """True if ``path`` is, level for level, one of the printed header paths of ``column``."""
    return tuple(normalise_header(part) for part in path) in canonical.column(column).aliases


def _several_groups(tokens: list[str], canonical: CanonicalTable) -> bool:
    """True if the header prints the table's first (amount) column more than once."""
    return sum(1 for token in tokens if canonical.columns[0].match((token,))) > 1


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
