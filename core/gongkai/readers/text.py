"""The plain-text reader: tab-separated tables and space-aligned (pdftotext-style) text.

Tab-separated lines become CELLS lines. Other lines stay TEXT lines with their leading spaces,
which segmentation reads token by token. A form feed starts a new page; a number standing alone
between blank lines is a printed page number and is marked so that it never enters a table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..hookspecs import hookimpl
from ..layout import Layout, Line, LineKind
from ..registrations import DEFAULT_LIMITS, Limits, Reader
from .decoding import decode_text, looks_binary, sniffed

_PAGE_NUMBER = re.compile(r"^[-—]?\s*\d{1,4}\s*[-—]?$")  # on the stripped line: linear


def split_lines(text: str) -> list[tuple[str, int | None]]:
    """The text's lines with their page (counted from form feeds; None if there are none)."""
    paged = "\f" in text
    page = 1
    lines: list[tuple[str, int | None]] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        parts = raw.split("\f")
        for index, part in enumerate(parts):
            if index:
                page += 1
                if not part:
                    continue
            lines.append((part, page if paged else None))
    return lines


def mark_page_numbers(lines: list[Line]) -> list[Line]:
    """Mark lines holding only a small number between blank lines as printed page numbers."""
    marked = list(lines)
    for index, line in enumerate(lines):
        if line.kind is not LineKind.TEXT or not _PAGE_NUMBER.match(line.text.strip()):
            continue
        before = lines[index - 1] if index else None
        after = lines[index + 1] if index + 1 < len(lines) else None
        if (before is None or before.blank) and (after is None or after.blank):
            marked[index] = Line(line.number, LineKind.PAGE_NUMBER, line.cells, line.page)
    return marked


def text_line(number: int, raw: str, page: int | None) -> Line:
    """A line of plain text: CELLS if tab-separated, else TEXT with its leading spaces kept."""
    if "\t" in raw:
        return Line(number, LineKind.CELLS, tuple(cell.strip() for cell in raw.split("\t")), page)
    return Line(number, LineKind.TEXT, (raw.rstrip(),), page)


def read_text(data: bytes, source: str, limits: Limits = DEFAULT_LIMITS) -> Layout:
    """Read plain text into a layout (text has no pages to limit)."""
    text = decode_text(data, source)
    pairs = split_lines(text)
    lines = [text_line(number, raw, page) for number, (raw, page) in enumerate(pairs, start=1)]
    pages = max((page for _, page in pairs if page), default=None)
    return Layout(source=source, format="text", lines=tuple(mark_page_numbers(lines)), pages=pages)


def sniff_text(data: bytes, name: str) -> float:
    """Any decodable non-binary input is plain text, with low confidence."""
    data = sniffed(data)
    if not data.strip() or looks_binary(data):
        return 0.0
    return 0.3 if name.lower().endswith((".txt", ".text", ".tsv")) else 0.2


@hookimpl
def gongkai_readers() -> Sequence[Reader]:
    return [
        Reader(
            name="text",
            sniff=sniff_text,
            read=read_text,
            extensions=(".txt", ".tsv"),
            description="plain text: tab-separated or space-aligned (pdftotext) tables",
        )
    ]
