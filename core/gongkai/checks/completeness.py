"""Completeness: the tables a document lists, and the tables its kind and region require.

An empty table is present: a fund table printed with only its 合计 row, or with a note that the
body spent no such money, is not missing. A table whose title is printed but whose body gongkai
could not read is present too, and reported as not read. Only a table absent from the body is
missing.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..canonical import load_spec
from ..hookspecs import hookimpl
from ..registrations import Check, CheckContext, RegionProfile
from ..schema import Document, Finding, Provenance, Severity
from .compare import not_checked

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
