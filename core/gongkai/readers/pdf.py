"""The PDF reader (the ``gongkai[pdf]`` extra): registered always, importing pdfminer.six only
when a PDF is read, so that the core works without it."""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import InputError
from ..hookspecs import hookimpl
from ..layout import Layout
from ..registrations import Limits, Reader


def sniff_pdf(data: bytes, name: str) -> float:
    """A PDF starts with ``%PDF-`` (some writers put a little junk before it)."""
    return 1.0 if b"%PDF-" in data[:1024] else 0.0


def read_pdf(data: bytes, source: str, limits: Limits) -> Layout:
    """Read a PDF; an InputError says how to install the extra when pdfminer.six is missing."""
    try:
        from ..pdf.document import read_pdf as read
    except ImportError as error:
        raise InputError(
            source, f"reading PDF needs the pdf extra: pip install 'gongkai[pdf]' ({error.name} is missing)"
        ) from None
    return read(data, source, limits.max_pages)


@hookimpl
def gongkai_readers() -> Sequence[Reader]:
    return [
        Reader(
            name="pdf",
            sniff=sniff_pdf,
            read=read_pdf,
            extensions=(".pdf",),
            description="PDF with a text layer: ruled and unruled tables, via pdfminer.six",
        )
    ]
