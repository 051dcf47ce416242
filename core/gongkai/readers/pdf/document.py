"""A whole PDF as a :class:`~gongkai.layout.Layout`, and the errors a PDF can raise.

Every error is one line naming the file and the reason, with its own exit code: encrypted,
no text layer (scanned), text that does not decode, truncated or corrupt, too many pages.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator, Sequence

import attrs

from ... import settings
from ...errors import CorruptError, GarbledTextError, InputError, NoTextError
from ...layout import Layout, Line
from ...registrations import Limits
from .content import RawPage
from .engines import resolve
from .furniture import mark_furniture
from .page import PageLine, page_lines


def _undecodable(char: str | None) -> bool:
    return char is None or any(unicodedata.category(c) in ("Co", "Cc", "Cs", "Cn") and c not in "\t\n\r" for c in char)


@attrs.define
class _TextTally:
    """What the pages printed as text, counted page by page: whether the PDF has a text layer
    and whether its text decodes, judged once every page is read."""

    pages: int = 0
    images: int = 0
    glyphs: int = 0
    undecodable: int = 0

    def add(self, page: RawPage) -> None:
        self.pages += 1
        self.images += page.images
        for glyph in page.glyphs:
            if glyph.text is None or not glyph.text.isspace():
                self.glyphs += 1
                self.undecodable += _undecodable(glyph.text)

    def check(self, source: str) -> None:
        """Raise NoTextError for a PDF without text, GarbledTextError for one whose text does not decode."""
        if not self.glyphs:
            detail = f"its {self.pages} pages are images (scanned)" if self.images else "it prints no text"
            raise NoTextError(source, f"the PDF has no text layer: {detail}; it needs OCR first")
        if self.undecodable > settings.current().garbled_share * self.glyphs:
            raise GarbledTextError(
                source,
                f"the PDF's text does not decode ({self.undecodable} of {self.glyphs} characters have no Unicode "
                "mapping in their fonts); it needs OCR or a better export",
            )


def _engine(engine: str, source: str) -> Callable[[bytes, str, Limits], Iterator[RawPage]]:
    """The ``read_pages`` of the engine ``engine`` resolves to; an InputError saying how to
    install it when its package is missing."""
    chosen = resolve(engine)
    try:
        if chosen == "pdfium":
            from .pdfium import read_pages
        else:
            from .interpret import read_pages
    except ImportError as error:
        package = "pypdfium2" if chosen == "pdfium" else "pdfminer.six"
        raise InputError(
            source,
            f"reading PDF with {chosen} needs {package}: pip install 'gongkai[pdf]' ({error.name} is missing)",
        ) from None
    return read_pages


def read_pages(data: bytes, source: str, limits: Limits) -> Iterator[RawPage]:
    """What each page of the PDF prints, read by the engine ``limits`` name (see :mod:`.engines`)
    one page at a time, within the limits; raises the errors of a PDF that is truncated,
    corrupt, encrypted, has no pages or goes over a limit."""
    if b"%%EOF" not in data[-2048:]:
        raise CorruptError(source, "the PDF is truncated (it does not end with %%EOF)")
    pages = 0
    for page in _engine(limits.pdf_engine, source)(data, source, limits):
        pages += 1
        yield page
    if not pages:
        raise CorruptError(source, "the PDF has no pages")


def read_pdf(data: bytes, source: str, limits: Limits) -> Layout:
    """Read a PDF into a layout within ``limits``, with the engine they name: table rows as cell
    lines with boxes, the rest as text lines. Each page's glyphs are let go once its lines are
    read, so that memory grows with the lines of a long document, not with its glyphs."""
    tally = _TextTally()
    laid: list[tuple[Sequence[PageLine], float]] = []
    open_lines: tuple[PageLine, ...] = ()
    carried = None
    for page in read_pages(data, source, limits):
        tally.add(page)
        result = page_lines(page, carried)
        if result.previous_lines is not None:
            # the table this page continues, in the columns both pages' rows show
            lines, height = laid[-1]
            kept = [line for line in lines if line not in open_lines]
            laid[-1] = (sorted(kept + list(result.previous_lines), key=lambda line: (line.top, line.bottom)), height)
        laid.append((result.lines, result.height))
        carried, open_lines = result.open_table, result.open_lines
    tally.check(source)
    out: list[Line] = []
    for page_number, lines in enumerate(mark_furniture(laid), start=1):
        for line in lines:
            out.append(Line(len(out) + 1, line.kind, line.cells, page_number, boxes=line.boxes))
    return Layout(source=source, format="pdf", lines=tuple(out), pages=tally.pages)
