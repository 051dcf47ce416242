"""Header rows from header paths: columns that share an outer header print it once, spanning."""

from __future__ import annotations

from collections.abc import Sequence

from .sheet import Span


def header_spans(paths: Sequence[tuple[str, ...]]) -> tuple[tuple[Span, ...], ...]:
    """Header rows for columns with header ``paths`` (outer to inner, one path per column).

    Neighbouring columns whose paths share an outer part print it once over all of them; a
    column's innermost part reaches down to the last header row, so every position is covered
    exactly once.
    """
    depth = max((len(path) for path in paths), default=0)
    rows: list[list[Span]] = [[] for _ in range(depth)]
    for level in range(depth):
        column = 0
        while column < len(paths):
            path = paths[column]
            if level >= len(path):  # covered by this column's innermost header, from above
                column += 1
                continue
            innermost = level == len(path) - 1
            width = 1
            if not innermost:
                while (
                    column + width < len(paths)
                    and len(paths[column + width]) > level + 1
                    and paths[column + width][: level + 1] == path[: level + 1]
                ):
                    width += 1
            height = depth - level if innermost else 1
            rows[level].append(Span(path[level], column, width, height))
            column += width
    return tuple(tuple(row) for row in rows)


def ordinal_row(texts: Sequence[str]) -> tuple[Span, ...]:
    """A 栏次 row: one span per position, holding ``texts`` (blank where a column has no number)."""
    return tuple(Span(text, column) for column, text in enumerate(texts))
