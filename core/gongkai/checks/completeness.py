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

# The national set of final-accounts tables (the "九张表"), for documents no region plugin claims.
NATIONAL_FINAL = (
    "summary",
    "income",
    "expenditure",
    "fiscal_grant_summary",
    "general_budget_expenditure",
    "basic_expenditure_economic",
    "three_public",
    "government_fund",
    "state_capital",
)


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
    """The canonical tables a document of its kind and region must print, in printed order."""
    if document.kind == "budget":
        return tuple(table.id for table in load_spec().tables if table.titles.get("budget"))
    if document.kind != "final":
        return ()
    for profile in profiles:
        if profile.name == document.plugin and "final" in profile.numbering:
            numbering = profile.numbering["final"]
            return tuple(numbering[number] for number in sorted(numbering))
    return NATIONAL_FINAL


def _standard_set(document: Document, context: CheckContext) -> Iterator[Finding]:
    present = {table.id for table in document.tables} | {m.table for m in document.missing if m.table}
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
