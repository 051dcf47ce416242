"""Ruled tables: grids from the page's rulings (stroked lines and rectangle edges), with their
merged cells.

Rulings that touch each other form one grid. The grid's column and row boundaries are the
positions of its vertical and horizontal rulings; two neighbouring grid positions belong to one
merged cell where no ruling separates them.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ... import settings
from .content import Segment


@attrs.frozen
class Span:
    """A cell of a grid: its first row and column, how many of each it covers, and its box."""

    row: int
    column: int
    rows: int
    columns: int
    x0: float
    top: float
    x1: float
    bottom: float


@attrs.frozen
class Grid:
    """A ruled table: column boundaries ``xs``, row boundaries ``ys`` and the cells they make.

    ``owner[r][c]`` is the index in ``spans`` of the cell covering row ``r`` and column ``c``.
    """

    xs: tuple[float, ...]
    ys: tuple[float, ...]
    spans: tuple[Span, ...]
    owner: tuple[tuple[int, ...], ...]

    @property
    def x0(self) -> float:
        return self.xs[0]

    @property
    def x1(self) -> float:
        return self.xs[-1]

    @property
    def top(self) -> float:
        return self.ys[0]

    @property
    def bottom(self) -> float:
        return self.ys[-1]

    def contains(self, x: float, y: float) -> bool:
        return self.x0 <= x <= self.x1 and self.top <= y <= self.bottom


@attrs.frozen
class _Rule:
    at: float  # y of a horizontal rule, x of a vertical one
    start: float
    end: float


def _merge(rules: list[_Rule]) -> list[_Rule]:
    """Collinear rulings (within the tolerance) that overlap or nearly meet, merged into one."""
    tolerance = settings.current().ruling_tolerance
    merged: list[_Rule] = []
    for rule in sorted(rules, key=lambda r: (r.at, r.start)):
        joined = False
        for index in range(len(merged) - 1, -1, -1):
            other = merged[index]
            if rule.at - other.at > tolerance:
                break
            if rule.start <= other.end + tolerance and other.start <= rule.end + tolerance:
                merged[index] = _Rule(other.at, min(other.start, rule.start), max(other.end, rule.end))
                joined = True
                break
        if not joined:
            merged.append(rule)
    return merged


def _positions(values: Sequence[float]) -> list[float]:
    """Distinct positions: values closer than the tolerance to the previous one are one position."""
    tolerance = settings.current().ruling_tolerance
    positions: list[float] = []
    for value in sorted(values):
        if not positions or value - positions[-1] > tolerance:
            positions.append(value)
    return positions


def _components(horizontal: list[_Rule], vertical: list[_Rule]) -> list[tuple[list[_Rule], list[_Rule]]]:
    """The groups of rulings that touch one another, each as (horizontal, vertical) rulings."""
    tolerance = settings.current().ruling_tolerance
    parent = list(range(len(horizontal) + len(vertical)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for h_index, h in enumerate(horizontal):
        for v_index, v in enumerate(vertical):
            if h.start - tolerance <= v.at <= h.end + tolerance and v.start - tolerance <= h.at <= v.end + tolerance:
                parent[find(h_index)] = find(len(horizontal) + v_index)
    groups: dict[int, tuple[list[_Rule], list[_Rule]]] = {}
    for h_index, h in enumerate(horizontal):
        groups.setdefault(find(h_index), ([], []))[0].append(h)
    for v_index, v in enumerate(vertical):
        groups.setdefault(find(len(horizontal) + v_index), ([], []))[1].append(v)
    return list(groups.values())


def _covered(rules: list[_Rule], at: float, start: float, end: float) -> bool:
    """True if a rule at ``at`` covers most of ``start``–``end``."""
    tolerance = settings.current().ruling_tolerance
    need = (end - start) * settings.current().rule_cover
    return any(abs(rule.at - at) <= tolerance and min(rule.end, end) - max(rule.start, start) >= need for rule in rules)


def _grid(horizontal: list[_Rule], vertical: list[_Rule]) -> Grid:
    tolerance = settings.current().ruling_tolerance
    overhang = settings.current().grid_overhang * tolerance
    xs = _positions([v.at for v in vertical])
    ys = _positions([h.at for h in horizontal])
    # rulings of an open table (no outer border) reach past the outermost perpendicular rule
    left, right = min(h.start for h in horizontal), max(h.end for h in horizontal)
    top, bottom = min(v.start for v in vertical), max(v.end for v in vertical)
    if left < xs[0] - overhang:
        xs.insert(0, left)
    if right > xs[-1] + overhang:
        xs.append(right)
    if top < ys[0] - overhang:
        ys.insert(0, top)
    if bottom > ys[-1] + overhang:
        ys.append(bottom)
    n_rows, n_columns = len(ys) - 1, len(xs) - 1
    parent = list(range(n_rows * n_columns))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r in range(n_rows):
        for c in range(n_columns):
            here = r * n_columns + c
            if c + 1 < n_columns and not _covered(vertical, xs[c + 1], ys[r], ys[r + 1]):
                parent[find(here + 1)] = find(here)
            if r + 1 < n_rows and not _covered(horizontal, ys[r + 1], xs[c], xs[c + 1]):
                parent[find(here + n_columns)] = find(here)
    members: dict[int, list[int]] = {}
    for index in range(n_rows * n_columns):
        members.setdefault(find(index), []).append(index)
    spans: list[Span] = []
    owner = [[0] * n_columns for _ in range(n_rows)]
    for cells in sorted(members.values()):
        rows = [index // n_columns for index in cells]
        columns = [index % n_columns for index in cells]
        r0, r1, c0, c1 = min(rows), max(rows), min(columns), max(columns)
        for index in cells:
            owner[index // n_columns][index % n_columns] = len(spans)
        spans.append(Span(r0, c0, r1 - r0 + 1, c1 - c0 + 1, xs[c0], ys[r0], xs[c1 + 1], ys[r1 + 1]))
    return Grid(tuple(xs), tuple(ys), tuple(spans), tuple(tuple(row) for row in owner))


def find_grids(segments: Sequence[Segment]) -> list[Grid]:
    """The ruled tables drawn by ``segments``, top to bottom: groups of touching rulings with at
    least two vertical rules and two row boundaries."""
    horizontal = _merge([_Rule(s.top, s.x0, s.x1) for s in segments if s.horizontal])
    vertical = _merge([_Rule(s.x0, s.top, s.bottom) for s in segments if not s.horizontal])
    grids = [_grid(h, v) for h, v in _components(horizontal, vertical) if h and len(_positions([r.at for r in v])) >= 2]
    # a grid needs two row boundaries: two rules, or one and vertical rules reaching past it (a
    # table continued from the page before, whose top rule was printed there)
    return sorted((grid for grid in grids if len(grid.ys) >= 2), key=lambda grid: (grid.top, grid.x0))
