"""A grid printed as space-aligned text, as pdftotext prints a PDF's table (seed 001).

Cells are separated by spaces only, so a cell printing nothing cannot be shown: a line whose first
group prints nothing is indented instead, and zero amounts are printed (never blank). Long names
may wrap onto the next line (:class:`Wrap`), header words may be broken over lines with the code
headers on the first body line, a page number may stand between blank lines where a page breaks.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Optional

import attrs

from ..canonical import load_spec
from ..rendering.sheet import Grid
from ..schema import Table

if TYPE_CHECKING:
    from .texts import TextStyle

#: How a wrapped name is printed: "A" puts the code alone on a line, the name's two parts on
#: lines of their own and the amounts on the next (seed 001's 30108); "B" keeps the code with
#: the name's first part and the amounts with its second.
WRAP_STYLES = ("A", "B")


@attrs.frozen
class Wrap:
    """Names of coded rows at least six characters long, every ``every``-th of them (the last
    row of its line), cut after ``at`` characters (leaving two at least on the second line) and
    printed in wrap style ``style``; a class's row (a three-digit code, which alone on a line
    reads as a page number) always in style B."""

    every: int = attrs.field(validator=attrs.validators.ge(1))
    at: int = attrs.field(validator=attrs.validators.ge(2))
    style: str = attrs.field(validator=attrs.validators.in_(WRAP_STYLES))


def _pieces(word: str) -> tuple[str, ...]:
    """A header word broken over lines as seed 001 breaks them: a long word before its last four
    characters, an expenditure word before its 支出."""
    if len(word) >= 8:
        return word[:-4], word[-4:]
    if len(word) >= 4 and word.endswith("支出"):
        return word[:-2], word[-2:]
    return (word,)


def _header_lines(grid: Grid, style: TextStyle, broken: bool) -> list[str]:
    """The header's words, a row to a line; ``broken``: the first word alone, the next three on
    a line, every other word broken over lines of its own."""
    rows = [[span.text for span in spans if span.text] for spans in grid.header]
    if not broken:
        return [style.separator.join(words) for words in rows if words]
    words = [word for row in rows for word in row]
    return [words[0], style.separator.join(words[1:4])] + [piece for word in words[4:] for piece in _pieces(word)]


def _is_code(token: str) -> bool:
    return token.isdigit() and len(token) in (3, 5, 7)


class _Wrapper:
    """Decides which rows' names wrap: every ``every``-th eligible one."""

    def __init__(self, wrap: Optional[Wrap]) -> None:
        self.wrap = wrap
        self.seen = 0

    def cut(self, tokens: Sequence[str]) -> Optional[tuple[int, str]]:
        """Where the name of a row printing ``tokens`` is cut and the wrap style, or None."""
        if self.wrap is None or len(tokens) < 2 or not _is_code(tokens[0]) or len(tokens[1]) < 6:
            return None
        self.seen += 1
        if (self.seen - 1) % self.wrap.every:
            return None
        style = "B" if len(tokens[0]) == 3 else self.wrap.style
        return min(self.wrap.at, len(tokens[1]) - 2), style


def _body_line(row: Sequence[str], width: int, wrapper: _Wrapper, style: TextStyle) -> list[str]:
    """One body line of the grid as printed lines: its groups' tokens, the last group's name
    perhaps wrapped; indented when its first group prints nothing."""
    chunks = [[cell for cell in row[start : start + width] if cell] for start in range(0, len(row), width)]
    present = [index for index, tokens in enumerate(chunks) if tokens]
    physical: list[list[str]] = [[]]
    for index in present:
        tokens = chunks[index]
        cut = wrapper.cut(tokens) if index == present[-1] else None
        if cut is None:
            physical[-1] += tokens
            continue
        at, how = cut
        code, name, amounts = tokens[0], tokens[1], tokens[2:]
        if how == "A":
            physical[-1].append(code)
            physical += [[name[:at]], [name[at:]], amounts]
        else:
            physical[-1] += [code, name[:at]]
            physical.append([name[at:], *amounts])
    texts = [style.separator.join(tokens) for tokens in physical if tokens]
    if present and present[0] > 0:
        texts[0] = style.indent + texts[0]
    return texts


def spaced_lines(grid: Grid, table: Table, style: TextStyle) -> list[str]:
    """``grid`` (of ``table``) as space-aligned lines, as ``style`` says."""
    canonical = load_spec().table(table.id)
    if canonical.repeated_groups:
        groups = max((row.group for row in table.rows), default=0) + 1
    else:
        groups = len(canonical.groups) or 1
    broken = style.broken_header and canonical.classification == "function"
    header = _header_lines(grid, style, broken)
    wrapper = _Wrapper(style.wrap)
    lines: list[str] = []
    for index, row in enumerate(grid.body):
        if index and index in style.breaks:
            lines += ["", f" {2 + style.breaks.index(index)} ", ""]  # a page number between blank lines
        texts = _body_line(row, grid.width // groups, wrapper, style)
        if index == 0 and broken:
            texts[0] = "类  款  项 " + texts[0]  # seed 001: the code headers share the first body line
        lines += texts
    if style.blank_lines:
        header = [text for line in header for text in (line, "")]
        lines = [text for line in lines for text in ((line + " ", "") if line.strip() else (line,))]
    return header + lines
