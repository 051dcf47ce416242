"""Accounting identities declared as data (``spec/identities.toml``) and their evaluation.

An :class:`Identity` says that one printed amount equals a signed sum of others. Five kinds cover
the standard tables:

* ``hierarchy``: in a classified table every code equals the sum of the codes one level below
  it that the table prints (类 = Σ款, 款 = Σ项), and the total row (``total``: a label pattern)
  equals the sum of the 类 rows; column by column.
* ``columns``: in every row, column ``total`` equals the signed sum of the ``parts`` columns. A
  part ending in ``?`` may be absent from the printed table; the identity applies only when the
  table prints ``total`` and every other part.
* ``rows``: in every column, the row matching ``total`` equals the sum of the rows matching
  ``parts`` (label patterns, or ``code:REGEX``); ``items-above`` means the 一、二、… items above the
  total row, ``items-below`` those just below it.
* ``equal``: the sum of the ``left`` cells equals the sum of the ``right`` cells (within a table
  or across tables).
* ``classes``: each 一、二、… item of ``left`` (a summary side) equals the 类 row of the same name
  in ``right``.

Label patterns are regular expressions matched against the whole label after numbering, white
space and bracket variants are removed (:func:`gongkai.checks.labels.plain`).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from typing import Any, Optional

import attrs

from ..canonical import load_spec
from ..schema import Document, Finding, Row, Severity, Table
from ..specfiles import parse_toml, spec_text
from .compare import Place, Sum, add, compare, not_checked, row_name, table_name
from .labels import first, group_index, is_enumerated, matches, plain, rows_of

KINDS = ("hierarchy", "columns", "rows", "equal", "classes")
_TOTALISH = re.compile(r"总计|.*合计|.*结转和结余.*|结余分配|")


@attrs.frozen
class Selector:
    """Cells an identity names: a table, optionally a side-by-side group, a row pattern, a column.

    Example::

        >>> from gongkai.plugin import Selector
        >>> carried = Selector(table="summary", row="年末结转和结余", column="expenditure", sign=-1)
        >>> carried.sign, carried.group, carried.optional
        (-1, None, False)
    """

    table: Optional[str] = None
    group: Optional[str] = None
    row: Optional[str] = None
    column: Optional[str] = None
    sign: int = 1
    optional: bool = False  # a cell the document may not print; absent, it adds nothing


@attrs.frozen
class Identity:
    """One accounting identity; see the module documentation for the kinds.

    Example::

        >>> from gongkai.plugin import Identity
        >>> identity = Identity(id="hainan.columns", kind="columns", tables=("expenditure",),
        ...                     description="合计 = 基本支出 + 项目支出", total="total", parts=("basic", "project"))
        >>> identity.across_tables, identity.kinds
        (False, ('final', 'budget'))
    """

    id: str
    kind: str = attrs.field(validator=attrs.validators.in_(KINDS))
    tables: tuple[str, ...]
    description: str
    total: Optional[str] = None
    parts: tuple[str, ...] = ()
    group: Optional[str] = None
    left: tuple[Selector, ...] = ()
    right: tuple[Selector, ...] = ()
    kinds: tuple[str, ...] = ("final", "budget")

    @property
    def across_tables(self) -> bool:
        """True for a relation between cells of different tables (勾稽关系)."""
        return len({selector.table for selector in self.left + self.right}) > 1


def _selector(raw: dict[str, Any], table: Optional[str]) -> Selector:
    sign = -1 if raw.get("sign") == "-" else 1
    return Selector(
        table=raw.get("table", table),
        group=raw.get("group"),
        row=raw.get("row"),
        column=raw.get("column"),
        sign=sign,
        optional=bool(raw.get("optional", False)),
    )


def _tuple(value: Any) -> tuple[str, ...]:
    return tuple(value) if isinstance(value, list) else (value,) if isinstance(value, str) else ()


def parse_identities(text: str) -> tuple[Identity, ...]:
    """The identities of a TOML text shaped like ``spec/identities.toml``.

    Example::

        >>> from gongkai.plugin import parse_identities
        >>> (identity,) = parse_identities(
        ...     'identity = [{id = "hainan.columns", kind = "columns", table = "expenditure", total = "total",'
        ...     ' parts = ["basic", "project"], description = "合计 = 基本支出 + 项目支出"}]')
        >>> identity.tables, identity.parts, identity.kinds
        (('expenditure',), ('basic', 'project'), ('final', 'budget'))
    """
    identities = []
    for raw in parse_toml(text).get("identity", []):
        tables = _tuple(raw.get("table", ()))
        single = tables[0] if len(tables) == 1 else None
        identities.append(
            Identity(
                id=raw["id"],
                kind=raw["kind"],
                tables=tables,
                description=raw["description"],
                total=raw.get("total"),
                parts=_tuple(raw.get("parts", ())),
                group=raw.get("group"),
                left=tuple(_selector(s, single) for s in raw.get("left", ())),
                right=tuple(_selector(s, single) for s in raw.get("right", ())),
                kinds=_tuple(raw.get("kinds", ["final", "budget"])),
            )
        )
    return tuple(identities)


@functools.cache
def load_identities() -> tuple[Identity, ...]:
    """The identities of ``spec/identities.toml`` shipped with the package.

    Example::

        >>> from gongkai.plugin import load_identities
        >>> identities = load_identities()
        >>> "hierarchy" in {identity.kind for identity in identities}
        True
    """
    return parse_identities(spec_text("identities.toml"))


# -- evaluation ------------------------------------------------------------------------------


@attrs.frozen
class Evaluation:
    """How to report: the check's id and severity and the tolerance per addend."""

    check: str
    severity: Severity
    tolerance: Decimal


def evaluate(identity: Identity, document: Document, how: Evaluation) -> Iterator[Finding]:
    """The findings of one identity on ``document``: nothing where it holds or cannot be judged."""
    if document.kind is not None and document.kind not in identity.kinds:
        return
    evaluate_kind = {
        "hierarchy": _hierarchy,
        "columns": _columns,
        "rows": _rows,
        "equal": _equal,
        "classes": _classes,
    }[identity.kind]
    for finding in evaluate_kind(identity, document, how):
        if finding is not None:
            yield finding


def _tables(identity: Identity, document: Document) -> Iterator[Table]:
    return (table for table in document.tables if table.id in identity.tables)


def _place(table: Table, row: Row, column: str) -> Optional[Place]:
    cell = row.cell(column)
    return None if cell is None else Place(table, row, cell)


def _hierarchy(identity: Identity, document: Document, how: Evaluation) -> Iterator[Optional[Finding]]:
    for table in _tables(identity, document):
        coded: dict[str, Row] = {}
        for row in table.rows:
            if row.code is not None:
                coded.setdefault(row.code, row)
        under = _codes_under(list(coded))
        for code, parent in coded.items():
            below = under(code)
            if not below:
                continue
            nearest = min(len(c) for c in below)
            children = [coded[c] for c in below if len(c) == nearest]
            explanation = (
                f"其下级科目（{'、'.join(c.code or '' for c in children[:4])}{'等' if len(children) > 4 else ''}）之和"
            )
            yield from _sum_rows(table, parent, children, explanation, how)
        if identity.total:
            classes = [row for row in coded.values() if len(row.code or "") == 3]
            for row in table.rows:
                if classes and matches(row, identity.total):
                    yield from _sum_rows(table, row, classes, "各类级科目之和", how)


def _codes_under(codes: Sequence[str]) -> Callable[[str], list[str]]:
    """For a code of ``codes``, the other codes of ``codes`` that start with it, in their order
    in ``codes``: found among the codes sorted (those sharing a prefix stand together), not by
    scanning them all for every code."""
    order = {code: index for index, code in enumerate(codes)}
    ranked = sorted(codes)

    def under(code: str) -> list[str]:
        first = bisect.bisect_right(ranked, code)
        last = first
        while last < len(ranked) and ranked[last].startswith(code):
            last += 1
        return sorted(ranked[first:last], key=order.__getitem__)

    return under


def _sum_rows(
    table: Table, target: Row, addends: Sequence[Row], explanation: str, how: Evaluation
) -> Iterator[Optional[Finding]]:
    """Each cell of ``target`` against the sum of the same column over ``addends``."""
    for cell in target.cells:
        places = [(1, place) for row in addends if (place := _place(table, row, cell.column)) is not None]
        total = add(places) if places else None
        if total is not None:
            yield compare(how.check, how.severity, Place(table, target, cell), total, explanation, how.tolerance)


def _columns(identity: Identity, document: Document, how: Evaluation) -> Iterator[Optional[Finding]]:
    assert identity.total is not None
    for table in _tables(identity, document):
        printed = {column.id for column in table.columns}
        parts = [(part.rstrip("?"), part.endswith("?")) for part in identity.parts]
        if identity.total not in printed or any(p.lstrip("-") not in printed for p, optional in parts if not optional):
            continue
        present = [p for p, _ in parts if p.lstrip("-") in printed]
        unknown = table.coverage.not_understood
        if unknown:
            # a printed column the catalogue does not know may be one of the parts (or not):
            # judged without it, a consistent row could fail
            yield not_checked(
                how.check,
                f"{table_name(table)}印有标准表样之外的栏目“{'”“'.join(unknown)}”，"
                f"不知其是否计入“{identity.description}”",
                table,
            )
            continue
        for row in table.rows:
            target = _place(table, row, identity.total)
            if target is None:
                continue
            places = []
            for part in present:
                place = _place(table, row, part.lstrip("-"))
                if place is not None:
                    places.append((-1 if part.startswith("-") else 1, place))
            total = add(places) if places else None
            if total is not None:
                yield compare(how.check, how.severity, target, total, f"按“{identity.description}”计算", how.tolerance)


def _rows(identity: Identity, document: Document, how: Evaluation) -> Iterator[Optional[Finding]]:
    assert identity.total is not None
    for table in _tables(identity, document):
        group = group_index(load_spec().table(table.id).groups, identity.group)
        # ``total`` may name several rows, "a || b": the first that the table prints is the total
        target = next(
            (row for pattern in identity.total.split("||") if (row := first(table, pattern, group)) is not None), None
        )
        if target is None:
            continue
        if identity.parts == ("items-above",):
            addends = _items_above(table, target, group)
        elif identity.parts == ("items-below",):
            addends = _items_below(table, target, group)
        else:
            addends = [row for part in identity.parts if (row := first(table, part, group)) is not None]
        if addends:
            yield from _sum_rows(table, target, addends, f"按“{identity.description}”计算", how)


def _items_above(table: Table, target: Row, group: Optional[int]) -> list[Row]:
    rows = list(rows_of(table, group))
    above = rows[: rows.index(target)]
    return [row for row in above if is_enumerated(row)]


def _items_below(table: Table, target: Row, group: Optional[int]) -> list[Row]:
    """The rows just below ``target`` in its group, up to the next total (总计, …合计, …结转和结余).

    Their numbering is not required: Hubei prints the 年初结转 breakdown without 一、二、三、.
    """
    rows = list(rows_of(table, group))
    items = []
    for row in rows[rows.index(target) + 1 :]:
        if row.code is not None or _TOTALISH.fullmatch(plain(row.label)):
            break
        items.append(row)
    return items


def _select(selector: Selector, document: Document) -> Optional[Place]:
    table = document.table(selector.table or "")
    if table is None or selector.row is None or selector.column is None:
        return None
    row = first(table, selector.row, group_index(load_spec().table(table.id).groups, selector.group))
    return None if row is None else _place(table, row, selector.column)


def _equal(identity: Identity, document: Document, how: Evaluation) -> Iterator[Optional[Finding]]:
    left = [_select(selector, document) for selector in identity.left]
    right = [(selector.sign, _select(selector, document), selector.optional) for selector in identity.right]
    if len(left) != 1 or left[0] is None or any(place is None and not optional for _, place, optional in right):
        return
    right = [(sign, place, optional) for sign, place, optional in right if place is not None]
    places = [(sign, place) for sign, place, _ in right if place is not None]
    expected = add(places)
    if expected is not None:
        where = "、".join(f"{table_name(p.table)}“{row_name(p.row)}”" for _, p in places)
        yield compare(how.check, how.severity, left[0], expected, f"按“{identity.description}”，{where}", how.tolerance)


def _classes(identity: Identity, document: Document, how: Evaluation) -> Iterator[Optional[Finding]]:
    (left,), (right,) = identity.left, identity.right
    summary, detail = document.table(left.table or ""), document.table(right.table or "")
    if summary is None or detail is None or left.column is None or right.column is None:
        return
    classes = {plain(row.label): row for row in detail.rows if row.code is not None and len(row.code) == 3}
    if not classes:
        return  # the detail table lists no classes (a one-line 支出预算总表): nothing to compare with
    group = group_index(load_spec().table(summary.id).groups, left.group)
    for row in rows_of(summary, group):
        if not is_enumerated(row):
            continue
        target = _place(summary, row, left.column)
        if target is None:
            continue
        match = classes.get(plain(row.label))
        source = _place(detail, match, right.column) if match is not None else None
        if source is not None:
            expected = add([(1, source)])
            explanation = f"{table_name(detail)}“{row_name(source.row)}”行"
        else:
            expected = Sum(total=Decimal(0), count=0, any_value=True)
            explanation = f"{table_name(detail)}未列出该类科目，其金额"
        if expected is not None:
            yield compare(how.check, how.severity, target, expected, explanation, how.tolerance)
