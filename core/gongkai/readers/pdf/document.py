"""A whole PDF as a :class:`~gongkai.layout.Layout`, and the errors a PDF can raise.

Every error is one line naming the file and the reason, with its own exit code: encrypted,
no text layer (scanned), text that does not decode, truncated or corrupt, too many pages.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Sequence

from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError
from pdfminer.pdfexceptions import PDFException
from pdfminer.pdfinterp import PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.psexceptions import PSException

from ... import settings
from ...errors import CorruptError, EncryptedError, GarbledTextError, LimitError, NoTextError
from ...layout import Layout, Line
from .furniture import mark_furniture
from .interpret import RawPage, interpret
from .page import PageLine, page_lines

# The exceptions a damaged file raises inside pdfminer (besides its own).
_DAMAGE = (PDFException, PSException, ValueError, KeyError, TypeError, IndexError, AssertionError, AttributeError)


def _why(error: BaseException) -> str:
    """An exception as a short phrase on one line, for the one-line error message."""
    text = " ".join(str(error).split())
    text = text if len(text) <= 100 else text[:99] + "…"
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def _encrypted(error: Exception) -> str:
    detail = f" ({' '.join(str(error).split())})" if str(error).strip() else ""
    return f"the PDF is encrypted and needs a password{detail}; save a decrypted copy first"


def _open(data: bytes, source: str) -> PDFDocument:
    if b"%%EOF" not in data[-2048:]:
        raise CorruptError(source, "the PDF is truncated (it does not end with %%EOF)")
    try:
        return PDFDocument(PDFParser(io.BytesIO(data)))
    except PDFEncryptionError as error:
        raise EncryptedError(source, _encrypted(error)) from None
    except _DAMAGE as error:
        raise CorruptError(source, f"the PDF is corrupt ({_why(error)})") from None


def _pages(document: PDFDocument, source: str, max_pages: int) -> list[PDFPage]:
    try:
        pages = list(PDFPage.create_pages(document))
    except PDFEncryptionError as error:
        raise EncryptedError(source, _encrypted(error)) from None
    except _DAMAGE as error:
        raise CorruptError(source, f"the PDF's page tree is corrupt ({_why(error)})") from None
    if not pages:
        raise CorruptError(source, "the PDF has no pages")
    if len(pages) > max_pages:
        raise LimitError(
            source, f"the PDF has {len(pages)} pages, over the limit of {max_pages} (raise it with --max-pages)"
        )
    return pages


def _interpreted(pages: Sequence[PDFPage], source: str) -> list[RawPage]:
    raw: list[RawPage] = []
    try:
        for page in interpret(iter(pages), PDFResourceManager(caching=True)):
            raw.append(page)
    except _DAMAGE as error:
        raise CorruptError(source, f"page {len(raw) + 1} of the PDF cannot be read ({_why(error)})") from None
    return raw


def _undecodable(char: str | None) -> bool:
    return char is None or any(unicodedata.category(c) in ("Co", "Cc", "Cs", "Cn") and c not in "\t\n\r" for c in char)


def _check_text(raw: Sequence[RawPage], source: str) -> None:
    garbled_share = settings.current().garbled_share
    glyphs = [glyph.text for page in raw for glyph in page.glyphs if glyph.text is None or not glyph.text.isspace()]
    if not glyphs:
        scanned = sum(page.images for page in raw)
        detail = f"its {len(raw)} pages are images (scanned)" if scanned else "it prints no text"
        raise NoTextError(source, f"the PDF has no text layer: {detail}; it needs OCR first")
    bad = sum(1 for text in glyphs if _undecodable(text))
    if bad > garbled_share * len(glyphs):
        raise GarbledTextError(
            source,
            f"the PDF's text does not decode ({bad} of {len(glyphs)} characters have no Unicode mapping in their "
            "fonts); it needs OCR or a better export",
        )


def read_pdf(data: bytes, source: str, max_pages: int) -> Layout:
    """Read a PDF into a layout: table rows as cell lines with boxes, the rest as text lines."""
    document = _open(data, source)
    raw = _interpreted(_pages(document, source, max_pages), source)
    _check_text(raw, source)
    laid: list[tuple[Sequence[PageLine], float]] = []
    open_lines: tuple[PageLine, ...] = ()
    carried = None
    for page in raw:
        result = page_lines(page, carried)
        if result.previous_lines is not None:
            # the table this page continues, in the columns both pages' rows show
            lines, height = laid[-1]
            kept = [line for line in lines if line not in open_lines]
            laid[-1] = (sorted(kept + list(result.previous_lines), key=lambda line: (line.top, line.bottom)), height)
        laid.append((result.lines, result.height))
        carried, open_lines = result.open_table, result.open_lines
    out: list[Line] = []
    for page_number, lines in enumerate(mark_furniture(laid), start=1):
        for line in lines:
            out.append(Line(len(out) + 1, line.kind, line.cells, page_number, boxes=line.boxes))
    return Layout(source=source, format="pdf", lines=tuple(out), pages=len(raw))
