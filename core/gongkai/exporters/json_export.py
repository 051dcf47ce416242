"""The JSON exporter: the whole document, valid against ``spec/document.schema.json``.

Amounts are JSON strings holding the exact decimal (``"2304.44"``) so that no reader turns them
into floats.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Optional, TextIO

from .. import __version__
from ..amounts import amount_text
from ..hookspecs import hookimpl
from ..registrations import Exporter
from ..schema import Cell, ContentsEntry, Document, Finding, Provenance, Row, Table


def _provenance(provenance: Provenance) -> dict[str, Any]:
    box = None if provenance.bbox is None else [round(value, 2) for value in provenance.bbox]
    return {"page": provenance.page, "line": provenance.line, "bbox": box, "file": provenance.file}


def _cell(cell: Cell) -> dict[str, Any]:
    return {
        "column": cell.column,
        "status": cell.status.value,
        "value": None if cell.value is None else amount_text(cell.value),
        "raw": cell.raw,
        "header": list(cell.header),
        "provenance": _provenance(cell.provenance),
    }


def _row(row: Row) -> dict[str, Any]:
    return {
        "code": row.code,
        "label": row.label,
        "level": row.level,
        "parent": row.parent,
        "line_number": row.line_number,
        "group": row.group,
        "provenance": _provenance(row.provenance),
        "cells": [_cell(cell) for cell in row.cells],
    }


def _table(table: Table) -> dict[str, Any]:
    return {
        "id": table.id,
        "number": table.number,
        "title": table.title,
        "pages": list(table.pages),
        "columns": [{"id": c.id, "header": list(c.header), "ordinal": c.ordinal, "by": c.by} for c in table.columns],
        "notes": list(table.notes),
        "entity": table.entity,
        "year": table.year,
        "unit": table.unit,
        "identification": _identification(table),
        "coverage": _coverage(table),
        "provenance": _provenance(table.provenance),
        "rows": [_row(row) for row in table.rows],
    }


def _coverage(table: Table) -> dict[str, Any]:
    coverage = table.coverage
    return {
        "columns": list(coverage.columns),
        "fallback": list(coverage.fallback),
        "not_understood": list(coverage.not_understood),
        "rows": coverage.rows,
        "cells": coverage.cells,
        "unread_cells": coverage.unread_cells,
        "identified_by": coverage.identified_by,
        "confidence": coverage.confidence,
        "complete": coverage.complete,
    }


def _identification(table: Table) -> Optional[dict[str, Any]]:
    found = table.identification
    if found is None:
        return None
    return {"by": found.by, "confidence": found.confidence}


def _contents_entry(entry: ContentsEntry) -> dict[str, Any]:
    return {
        "title": entry.title,
        "number": entry.number,
        "number_value": entry.number_value,
        "page": entry.page,
        "table": entry.table,
        "provenance": _provenance(entry.provenance),
    }


def finding_to_json(finding: Finding) -> dict[str, Any]:
    """``finding`` as plain JSON data."""
    return {
        "check": finding.check,
        "severity": finding.severity.value,
        "message": finding.message,
        "table": finding.table,
        "row": finding.row,
        "column": finding.column,
        "provenance": _provenance(finding.provenance),
        "printed": finding.printed,
        "expected": finding.expected,
        "addends": list(finding.addends),
        "confidence": finding.confidence,
        "checked": finding.checked,
        "sentence": finding.sentence,
    }


def document_to_json(document: Document) -> dict[str, Any]:
    """``document`` as plain JSON data."""
    region = document.region
    return {
        "gongkai": __version__,
        "source": document.source,
        "format": document.format,
        "sha256": document.sha256,
        "plugin": document.plugin,
        "region": {"province": region.province, "city": region.city, "county": region.county, "path": region.path()},
        "entity": document.entity,
        "year": document.year,
        "kind": document.kind,
        "scope": document.scope,
        "unit": document.unit,
        "tables": [_table(table) for table in document.tables],
        "missing": [
            {"title": m.title, "table": m.table, "provenance": _provenance(m.provenance)} for m in document.missing
        ],
        "unread": [
            {"title": u.title, "table": u.table, "provenance": _provenance(u.provenance)} for u in document.unread
        ],
        "findings": [finding_to_json(finding) for finding in document.findings],
        "narrative": [{"text": line.text, "provenance": _provenance(line.provenance)} for line in document.narrative],
        "contents": [_contents_entry(entry) for entry in document.contents],
    }


def write_json(documents: Sequence[Document], stream: TextIO) -> None:
    """One document as a JSON object; several as a JSON array of them."""
    data: Any = [document_to_json(d) for d in documents]
    json.dump(data[0] if len(data) == 1 else data, stream, ensure_ascii=False, indent=1)
    stream.write("\n")


@hookimpl
def gongkai_exporters() -> Sequence[Exporter]:
    return [
        Exporter(
            name="json",
            write=write_json,
            extension=".json",
            media_type="application/json",
            description="the whole document (one object, or an array for several files)",
        )
    ]
