"""The tidy CSV exporter: one row per amount cell, columns as DESIGN's contract lists them."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from typing import TextIO

from ..hookspecs import hookimpl
from ..registrations import Exporter
from ..schema import Document
from ..tidy import FIELDS, records


def write_csv(documents: Sequence[Document], stream: TextIO) -> None:
    """Write the tidy records of ``documents`` as CSV with a header row."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(FIELDS)
    for document in documents:
        for record in records(document):
            writer.writerow(record.as_row())


@hookimpl
def gongkai_exporters() -> Sequence[Exporter]:
    return [
        Exporter(
            name="csv",
            write=write_csv,
            extension=".csv",
            media_type="text/csv",
            description="tidy CSV: one row per amount cell",
        )
    ]
