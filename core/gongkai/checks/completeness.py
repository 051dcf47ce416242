"""Completeness: the tables a document lists, and the tables its kind and region require.

An empty table is present: a fund table printed with only its 合计 row, or with a note that the
body spent no such money, is not missing. Only a table absent from the body is.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..canonical import load_spec
from ..hookspecs import hookimpl
from ..registrations import Check, CheckContext, RegionProfile
from ..schema import Document, Finding, Provenance, Severity


def _listed_but_absent(document: Document, context: CheckContext) -> Iterator[Finding]:
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


def _standard_set(document: Document, context: CheckContext) -> Iterator[Finding]:
    spec = load_spec()
    present = {spec.standard(table.id) for table in document.tables} | {m.table for m in document.missing if m.table}
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
            id="completeness.standard",
            severity=Severity.WARNING,
            description="文件包含其类别（预算或决算）和地区的公开表样要求的每张表；空表也算在内。",
            run=_standard_set,
        ),
    )
