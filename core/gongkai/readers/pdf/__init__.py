"""Reading PDF disclosures into a :class:`~gongkai.layout.Layout` (the ``gongkai[pdf]`` extra).

The reader interprets each page once, with no text-box layout analysis, into the glyphs and rulings
it prints (:mod:`.content`), by one of two engines that read the same (:mod:`.engines`); then it
does its own grouping:

* :mod:`.interpret` — pdfminer's interpreter feeding a lean device: glyphs and ruling segments;
* :mod:`.pdfium` — the same from pypdfium2 (PDFium): the page's objects (:mod:`.pdfium_objects`),
  their glyphs through its text page (:mod:`.pdfium_text`, :mod:`.pdfium_spaces`);
* :mod:`.glyphs` — CJK text as printed: radicals unified, fake-bold overprints removed, no spaces
  invented between Chinese characters;
* :mod:`.rows` — glyphs grouped into printed lines and into segments split at wide gaps;
* :mod:`.grid` — ruled tables from lines and rectangles, merged cells included;
* :mod:`.columns` — tables without rules, from the positions of their words;
* :mod:`.page` — a page as lines in reading order: table rows as cells, the rest as text;
* :mod:`.furniture` — page numbers, running headers and footers kept out of tables and text;
* :mod:`.document` — opening the file, the errors a PDF can raise, and the whole layout.

This module is the reader plugin: it is registered always and imports the modules above (and
the engine's package) only when a PDF is read, so that the core works without the extra.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...errors import InputError
from ...hookspecs import hookimpl
from ...layout import Layout
from ...registrations import Limits, Reader


def sniff_pdf(data: bytes, name: str) -> float:
    """A PDF starts with ``%PDF-`` (some writers put a little junk before it)."""
    return 1.0 if b"%PDF-" in data[:1024] else 0.0


def read_pdf(data: bytes, source: str, limits: Limits) -> Layout:
    """Read a PDF with the engine ``limits`` name; an InputError says how to install the extra
    when the engine's package is missing."""
    try:
        from .document import read_pdf as read
    except ImportError as error:
        raise InputError(
            source, f"reading PDF needs the pdf extra: pip install 'gongkai[pdf]' ({error.name} is missing)"
        ) from None
    return read(data, source, limits)


@hookimpl
def gongkai_readers() -> Sequence[Reader]:
    return [
        Reader(
            name="pdf",
            sniff=sniff_pdf,
            read=read_pdf,
            extensions=(".pdf",),
            description="PDF with a text layer: ruled and unruled tables, via pdfminer.six or pypdfium2",
        )
    ]
