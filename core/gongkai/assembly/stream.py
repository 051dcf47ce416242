"""Building space-aligned tables (pdftotext): there are no positions, so the body is read as a
stream of tokens (code, name words, 行次, amounts) that fills the groups' columns in order, names
wrapped over several lines included."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Optional

from ..canonical import CanonicalTable, normalise_header
from ..layout import Line
from ..registrations import HeaderCell
from ..schema import Severity
from ..toc import line_text
from .base import BuilderBase, Draft, Group, Slot
from .tokens import TokenStream


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
        repeated = self.canonical.repeated_groups or len(groups) == 1
        return TokenStream(groups, repeated, self._place_amounts).read(self.block.body)

    def _place_amounts(self, draft: Draft, slots: Sequence[Slot]) -> None:
        """Put ``draft``'s amounts in ``slots``: from the left after a name or code, else from the
        right; a row of fewer amounts than columns is reported, one of more loses the extra."""
        count = len(draft.cells)
        aligned_left = bool(draft.label or draft.code_parts)
        placed = slots[:count] if aligned_left else slots[len(slots) - count :]
        if 0 < count < len(slots):
            self._finding(
                "parse.short-row",
                f"{self.block.title} 第{draft.line.number}行：{count}个金额少于{len(slots)}栏，"
                f"按{'左' if aligned_left else '右'}对齐读取",
                draft.line,
                Severity.INFO,
            )
        if count > len(slots):
            self.unread_cells += count - len(slots)
            self._finding(
                "parse.unread-amounts",
                f"{self.block.title} 第{draft.line.number}行：{count}个金额多于表头能识别的{len(slots)}栏，"
                f"多出的金额未读取",
                draft.line,
            )
        draft.cells = [(slot, raw, line) for slot, (_, raw, line) in zip(placed, draft.cells)]


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
