"""Findings for people and for machines: a report grouped by table, and JSON and CSV rows."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Sequence
from typing import Any, Optional, TextIO

import attrs

from ..canonical import load_spec
from ..exporters.json_export import finding_to_json
from ..schema import Document, Finding, Severity

FINDING_FIELDS = (
    "document",
    "check",
    "severity",
    "table",
    "table_number",
    "table_title",
    "row",
    "column",
    "page",
    "line",
    "printed",
    "expected",
    "message",
)

_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
_LABEL = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}


def counts(findings: Sequence[Finding]) -> dict[Severity, int]:
    """How many findings of each severity."""
    return {severity: sum(1 for f in findings if f.severity is severity) for severity in Severity}


def _table_heading(document: Document, table_id: Optional[str]) -> str:
    if table_id is None:
        return "全文"
    table = document.table(table_id)
    if table is None:
        known = {canonical.id: canonical.name for canonical in load_spec().tables}
        return f"{known.get(table_id, table_id)}（正文中没有此表）"
    return " ".join(part for part in (table.number, table.title) if part)


def _groups(document: Document) -> Iterator[tuple[str, list[Finding]]]:
    """Findings grouped by table, in the document's table order, document-wide ones first."""
    order = [None] + [table.id for table in document.tables]
    appearance = list(dict.fromkeys(f.table for f in document.findings))
    tables = sorted(appearance, key=lambda t: (order.index(t) if t in order else len(order), appearance.index(t)))
    for table_id in tables:
        found = [f for f in document.findings if f.table == table_id]
        yield (
            _table_heading(document, table_id),
            sorted(found, key=lambda f: (_ORDER[f.severity], f.provenance.line or 0)),
        )


def _where(finding: Finding) -> str:
    parts = []
    if finding.provenance.page is not None:
        parts.append(f"第{finding.provenance.page}页")
    if finding.provenance.line is not None:
        parts.append(f"第{finding.provenance.line}行")
    return "".join(parts)


def write_report(documents: Sequence[Document], stream: TextIO, *, minimum: Severity = Severity.INFO) -> None:
    """A readable report: per document a summary line, then its findings grouped by table."""
    for document in documents:
        shown = [f for f in document.findings if _ORDER[f.severity] <= _ORDER[minimum]]
        tally = counts(document.findings)
        summary = "，".join(f"{_LABEL[s]} {tally[s]}" for s in Severity)
        stream.write(
            f"{document.source}：{document.entity or '（未识别单位）'} {document.year or ''}年度 — {summary}\n"
        )
        if not document.findings:
            stream.write("  没有发现问题\n")
        for heading, findings in _groups(attrs.evolve(document, findings=tuple(shown))):
            stream.write(f"\n  {heading}\n")
            for finding in findings:
                where = _where(finding)
                stream.write(f"    [{_LABEL[finding.severity]}] {finding.check} {where}：{finding.message}\n")
        stream.write("\n")


def write_json(documents: Sequence[Document], stream: TextIO) -> None:
    """Per document its source, entity, year and findings, as a JSON array."""
    data: list[dict[str, Any]] = [
        {
            "source": d.source,
            "entity": d.entity,
            "year": d.year,
            "kind": d.kind,
            "counts": {severity.value: count for severity, count in counts(d.findings).items()},
            "findings": [finding_to_json(f) for f in d.findings],
        }
        for d in documents
    ]
    json.dump(data, stream, ensure_ascii=False, indent=1)
    stream.write("\n")


def write_csv(documents: Sequence[Document], stream: TextIO) -> None:
    """One CSV row per finding, with a header row (``FINDING_FIELDS``)."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(FINDING_FIELDS)
    for document in documents:
        for finding in document.findings:
            table = document.table(finding.table) if finding.table else None
            writer.writerow(
                (
                    document.source,
                    finding.check,
                    finding.severity.value,
                    finding.table or "",
                    (table.number or "") if table else "",
                    table.title if table else "",
                    finding.row or "",
                    finding.column or "",
                    "" if finding.provenance.page is None else finding.provenance.page,
                    "" if finding.provenance.line is None else finding.provenance.line,
                    finding.printed or "",
                    finding.expected or "",
                    finding.message,
                )
            )
