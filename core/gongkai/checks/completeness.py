"""Completeness: the tables a document lists, and the tables its kind and region require.

An empty table is present: a fund table printed with only its 合计 row, or with a note that the
body spent no such money, is not missing. A table whose title is printed but whose body gongkai
could not read is present too, and reported as not read. Only a table absent from the body is
missing.

The 目录 (``Document.contents``) is also held against the body's order and numbering. Only entries
whose title names a standard table the body prints as read are compared: a part or section of
the text, a title naming no known table, a table printed but not read or not printed at all
(reported by ``completeness.toc``) assert nothing. A table printed twice is in order if one of its
printings is; a 目录 listing some of the tables says nothing about the others. Numbers are compared
by value, not spelling (公开05表 = 表5 = 五、); a side printing no number asserts nothing.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Optional

import attrs

from ..canonical import compact, load_spec
from ..hookspecs import hookimpl
from ..registrations import Check, CheckContext, RegionProfile
from ..schema import ContentsEntry, Document, Finding, Provenance, Severity, Table
from ..toc import printed_number
from .compare import not_checked, table_name

_NO_TABLES = "文件中没有读到任何表格（只有情况说明？其表格另册公开时，可与表格文件合并检查：--together）"


def _listed_but_absent(document: Document, context: CheckContext) -> Iterator[Finding]:
    if not document.tables and document.missing:
        # a 情况说明 published apart from its tables lists them in its 目录
        yield not_checked("completeness.toc", f"目录列出{len(document.missing)}张表，" + _NO_TABLES)
        return
    for missing in document.missing:
        yield Finding(
            check="completeness.toc",
            severity=Severity.ERROR,
            message=f"目录列出的“{missing.title}”在正文中没有",
            table=missing.table,
            provenance=missing.provenance,
        )


def _at(provenance: Provenance) -> str:
    """Where a message says something is printed: （第3页第45行）, （第45行）, or nothing."""
    page = f"第{provenance.page}页" if provenance.page is not None else ""
    line = f"第{provenance.line}行" if provenance.line is not None else ""
    return f"（{page}{line}）" if page or line else ""


def printings(document: Document) -> dict[str, list[int]]:
    """Where the body prints each standard table it prints as read: its positions among
    ``document.tables``, in printed order."""
    spec = load_spec()
    places: dict[str, list[int]] = {}
    for index, table in enumerate(document.tables):
        places.setdefault(spec.standard(table.id), []).append(index)
    return places


@attrs.frozen
class _Placed:
    """A 目录 entry and the printing of its table the body's order was matched to."""

    entry: ContentsEntry
    index: int


def _first_out_of_order(document: Document) -> Optional[tuple[_Placed, _Placed, int]]:
    """The first entry of the 目录 whose table the body prints only before the table of an entry
    listed above it: (that earlier entry, the entry, where its table is printed); None when the
    body prints the listed tables in the listed order. Each entry is matched to the first printing
    of its table at or after the previous entry's, so a table printed twice is in order if one of
    its printings is; an entry naming a table an earlier entry named asserts nothing more."""
    places = printings(document)
    last: Optional[_Placed] = None
    seen: set[str] = set()
    for entry in document.contents:
        found = places.get(entry.table, []) if entry.table is not None else []
        if entry.table is None or not found:
            continue
        later = [index for index in found if last is None or index >= last.index]
        if later:
            last = _Placed(entry, later[0])
        elif entry.table not in seen and last is not None:
            return last, _Placed(entry, found[0]), found[0]
        seen.add(entry.table)
    return None


def _out_of_order(document: Document, context: CheckContext) -> Iterator[Finding]:
    found = _first_out_of_order(document)
    if found is None:
        return
    before, entry, index = found
    table, other = document.tables[index], document.tables[before.index]
    yield Finding(
        check="completeness.toc-order",
        severity=Severity.WARNING,
        message=(
            f"目录{_at(entry.entry.provenance)}把“{entry.entry.printed}”列在“{before.entry.printed}”之后，"
            f"但正文中{table_name(table)}{_at(table.provenance)}印在{table_name(other)}{_at(other.provenance)}之前"
        ),
        table=table.id,
        provenance=entry.entry.provenance,
    )


def table_number(table: Table) -> tuple[Optional[str], Optional[int]]:
    """The number the body prints over ``table`` and its value: its table number (公开05表, 表5),
    else the ordinal its printed title starts with (五、); (None, None) if it prints neither."""
    if table.number:
        number, value, _ = printed_number(compact(table.number))
        if value is not None:
            return number, value
    number, value, _ = printed_number(compact(table.title))
    return (number, value) if value is not None else (None, None)


def _misnumbered(document: Document, context: CheckContext) -> Iterator[Finding]:
    places = printings(document)
    for entry in document.contents:
        if entry.table is None or entry.number_value is None:
            continue
        printed = [document.tables[index] for index in places.get(entry.table, ())]
        numbered = [(table, *table_number(table)) for table in printed]
        numbered = [(table, number, value) for table, number, value in numbered if value is not None]
        if not numbered or any(value == entry.number_value for _, _, value in numbered):
            continue
        table, number, _ = numbered[0]
        yield Finding(
            check="completeness.toc-number",
            severity=Severity.WARNING,
            message=(
                f"目录{_at(entry.provenance)}“{entry.printed}”的编号为{entry.number}，"
                f"正文中这张表{_at(table.provenance)}印的编号是{number}"
            ),
            table=table.id,
            provenance=entry.provenance,
            printed=entry.number,
            expected=number,
        )


def required_tables(document: Document, profiles: Sequence[RegionProfile]) -> tuple[str, ...]:
    """The canonical tables a document of its kind and region must print, in printed order: the
    region's numbered set, else the national set of ``spec/tables.toml``."""
    if document.kind not in ("budget", "final"):
        return ()
    for profile in profiles:
        if profile.name == document.plugin and document.kind in profile.numbering:
            numbering = profile.numbering[document.kind]
            return tuple(numbering[number] for number in sorted(numbering))
    return load_spec().sets.get(document.kind, ())


def _unread(document: Document, context: CheckContext) -> Iterator[Finding]:
    for unread in document.unread:
        yield not_checked(
            "completeness.unread",
            f"正文印有“{unread.title}”，但未能读取该表：它不是缺表，依赖它的核对都没有做",
            provenance=unread.provenance,
        )


def _standard_set(document: Document, context: CheckContext) -> Iterator[Finding]:
    if not document.tables:
        yield not_checked("completeness.standard", _NO_TABLES)
        return
    spec = load_spec()
    present = {spec.standard(table.id) for table in document.tables}
    present |= {m.table for m in document.missing if m.table} | {u.table for u in document.unread if u.table}
    names = {table.id: table.name for table in load_spec().tables}
    province = next((p.province for p in context.profiles if p.name == document.plugin), None)
    who = province or "全国统一"
    kind = "预算" if document.kind == "budget" else "决算"
    for table_id in required_tables(document, context.profiles):
        if table_id not in present:
            yield Finding(
                check="completeness.standard",
                severity=Severity.WARNING,
                message=f"按{who}的{kind}公开表样应有“{names.get(table_id, table_id)}”，文件中没有这张表",
                table=table_id,
                provenance=Provenance(),
            )


@hookimpl
def gongkai_checks() -> Sequence[Check]:
    return (
        Check(
            id="completeness.toc",
            severity=Severity.ERROR,
            description="目录列出的每张表都在正文中出现。",
            run=_listed_but_absent,
        ),
        Check(
            id="completeness.toc-order",
            severity=Severity.WARNING,
            description="正文按目录列出的顺序印出目录中的表（只比较正文中读到并识别的表；同一张表印了两次时，有一处合乎顺序即可）。",
            run=_out_of_order,
        ),
        Check(
            id="completeness.toc-number",
            severity=Severity.WARNING,
            description="目录中带编号的表（公开05表、表5、五、）在正文中印的是同一编号；比较编号的数值而不是写法，任一方未印编号时不作判断。",
            run=_misnumbered,
        ),
        Check(
            id="completeness.unread",
            severity=Severity.INFO,
            description="正文印有标题而未能读取的表：不算缺表，报告为未核对。",
            run=_unread,
        ),
        Check(
            id="completeness.standard",
            severity=Severity.WARNING,
            description="文件包含其类别（预算或决算）和地区的公开表样要求的每张表；空表也算在内。",
            run=_standard_set,
        ),
    )
