"""PDFs a reader must refuse, each for one reason: password-protected, scanned (pages that are
only pictures), text that does not decode (glyphs with no Unicode mapping), and any PDF written
object by object (:func:`raw_pdf`) to damage as a test needs (needs ``gongkai[pdf]``).

Text is drawn by the one PDF writer, :mod:`gongkai.rendering.pdf`; the pictures with reportlab's
own canvas, and the undecodable text object by object, as no writer would print it.

    >>> import gongkai
    >>> from gongkai.errors import EncryptedError
    >>> from gongkai.testing.broken import text_pdf
    >>> try:
    ...     gongkai.parse(text_pdf([["2024年度 样例局 部门决算"], ["第二页"]], encrypt="secret"), name="locked.pdf")
    ... except EncryptedError:
    ...     print("refused")
    refused
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Optional

from ..rendering.pdf import PdfStyle
from ..rendering.pdf.page import A4_LONG, A4_SHORT, Page

__all__ = ["garbled_pdf", "raw_pdf", "scanned_pdf", "text_pdf"]


def text_pdf(pages: Sequence[Sequence[str]], *, encrypt: Optional[str] = None) -> bytes:
    """A PDF of plain lines of text, one list of lines per page (a page of no lines is no page of
    its own), from the top of each page down; password-protected with ``encrypt`` if given (a
    reader may not open it without the password)."""
    page = Page("", PdfStyle())
    if encrypt is not None:
        page.canvas.setEncrypt(encrypt)
    for lines in pages:
        page.new_page()
        for line in lines:
            page.text(line)
    return page.save()


def scanned_pdf(pages: int = 2) -> bytes:
    """A PDF of ``pages`` pages that are each only a picture (a scan): no text layer at all."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    picture = Image.new("L", (400, 560), 255)
    ImageDraw.Draw(picture).rectangle((40, 60, 360, 500), outline=0)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(A4_SHORT, A4_LONG))
    for _ in range(pages):
        canvas.drawImage(ImageReader(picture), 0, 0, width=A4_SHORT, height=A4_LONG)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def raw_pdf(objects: Sequence[bytes]) -> bytes:
    """A PDF file of ``objects``, numbered from 1 in order (object 1 the catalog), with a correct
    cross-reference table: each object's body is written as given, so that it may be anything
    a damaged or odd file holds."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def garbled_pdf() -> bytes:
    """A one-page PDF whose text is drawn with a CID font that has no ToUnicode map and an
    Identity ordering: the glyphs are there, but nothing says which characters they are."""
    text = "".join(f"{cid:04X}" for cid in range(300, 360)).encode()
    content = b"BT /F1 12 Tf 72 720 Td <" + text + b"> Tj 0 -20 Td <" + text + b"> Tj ET"
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >>"
            b" /Contents 4 0 R >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
            b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun"
            b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
        ]
    )
