"""pypdfium2 reading a PDF's pages into the same records as pdfminer does (:mod:`.content`).

PDFium (C++) parses the file and its content streams; this engine asks it, through pypdfium2's
raw API, for what pdfminer's interpreter hands :mod:`.interpret`'s device, and computes from it
the same records:

* the page's objects in content-stream order, form XObjects entered (:mod:`.pdfium_objects`):
  rulings from the same :func:`~.content.rulings`, fed with the subpaths' points (the end points
  of curves only), paint in the paper's white left out; images counted; each text object's
  matrix, font, type size and clipping area;
* the glyphs of the text objects, split into characters by PDFium's text page once every object
  is set where the text page keeps all its characters in order (:mod:`.pdfium_text`), each boxed
  as pdfminer boxes it (its font's width across, from the font's descent up by the type size)
  and left out where its clipping area hides it; the spaces the text page drops put back where
  a line ends with them (:mod:`.pdfium_spaces`);
* coordinates turned by the page's /Rotate about its media box as pdfminer turns them, y
  measured down from the top.

Where the engines still part, pdfminer is the one that strays from the PDF reference: a form
XObject starts with the text state of the page that draws it (pdfminer resets it), a code a CID
font's CMap does not map is drawn as the font's notdef glyph with its width (pdfminer skips it),
and ZapfDingbats' glyphs are its symbols (pdfminer reads the letters of their codes).
"""

from __future__ import annotations

from collections.abc import Iterator

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ...errors import CorruptError, EncryptedError
from ...registrations import DEFAULT_LIMITS, Limits
from .content import Glyph, RawPage
from .engines import check_page_count, encrypted, why
from .pdfium_api import handle
from .pdfium_objects import PageObjects, apply, page_matrix
from .pdfium_text import park, read_glyphs


def read_page(page: pdfium.PdfPage, limits: Limits = DEFAULT_LIMITS, where: tuple[str, int] = ("", 0)) -> RawPage:
    """What one page prints, in pdfminer's conventions (see the module's note), within the
    objects and form depth ``limits`` allow; ``where`` (file, page number) names it in their errors."""
    box = page.get_mediabox()
    ctm = page_matrix(box, page.get_rotation())
    xs = [apply(ctm, x, y)[0] for x in (box[0], box[2]) for y in (box[1], box[3])]
    ys = [apply(ctm, x, y)[1] for x in (box[0], box[2]) for y in (box[1], box[3])]
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    objects = PageObjects(ctm, width, height, limits, where)
    objects.walk(handle(page.raw))
    glyphs: list[Glyph] = []
    if objects.texts:
        lines = park(objects.texts)
        textpage = page.get_textpage()
        try:
            glyphs = read_glyphs(handle(textpage.raw), objects.texts, lines, height)
        finally:
            textpage.close()
    return RawPage(width, height, tuple(glyphs), tuple(objects.segments), objects.images)


def read_pages(data: bytes, source: str, limits: Limits) -> Iterator[RawPage]:
    """What each page of the PDF prints, read with PDFium one page at a time; raises the errors
    of a corrupt or encrypted PDF and of one over the pages ``limits`` allow."""
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if getattr(error, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise EncryptedError(source, encrypted(error)) from None
        raise CorruptError(source, f"the PDF is corrupt ({why(error)})") from None
    try:
        check_page_count(len(document), source, limits.max_pages)
        for index in range(len(document)):
            try:
                page = document[index]
                try:
                    read = read_page(page, limits, (source, index + 1))
                finally:
                    page.close()
            except pdfium.PdfiumError as error:
                raise CorruptError(source, f"page {index + 1} of the PDF cannot be read ({why(error)})") from None
            yield read
    finally:
        document.close()
