"""The tidy rows of a document: one record per amount cell, the contract of ``--format csv``."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from .amounts import amount_text
from .schema import Document

FIELDS = (
    "document",
    "region",
    "entity",
    "year",
    "doc_kind",
    "table",
    "table_number",
    "table_title",
    "page",
    "code",
    "label",
    "column",
    "column_label",
    "value",
    "raw",
    "unit",
)


@attrs.frozen
class Record:
    """One amount cell with everything needed to read it alone (see DESIGN's tidy CSV)."""

    document: str
    region: str
    entity: str
    year: str
    doc_kind: str
    table: str
    table_number: str
    table_title: str
    page: str
    code: str
    label: str
    column: str
    column_label: str
    value: str
    raw: str
    unit: str

    def as_row(self) -> tuple[str, ...]:
        """The record's fields in :data:`FIELDS` order."""
        return attrs.astuple(self)


def records(document: Document) -> Iterator[Record]:
    """Every amount cell of ``document`` as a tidy record, in printed order.

    ``value`` is the exact decimal without thousands separators, empty for a blank or
    not-applicable cell; ``raw`` is the printed text.
    """
    for table, row, cell in document.cells():
        column = next((c for c in table.columns if c.id == cell.column), None)
        header = cell.header or (column.header if column else ())
        yield Record(
            document=document.source,
            region=document.region.path(),
            entity=document.entity or "",
            year="" if document.year is None else str(document.year),
            doc_kind=document.kind or "",
            table=table.id,
            table_number=table.number or "",
            table_title=table.title,
            page="" if cell.provenance.page is None else str(cell.provenance.page),
            code=row.code or "",
            label=row.label,
            column=cell.column,
            column_label="/".join(header),
            value="" if cell.value is None else amount_text(cell.value),
            raw=cell.raw,
            unit=document.unit or "",
        )
