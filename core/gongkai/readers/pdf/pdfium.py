"""pypdfium2 reading a PDF's pages into the same records as pdfminer does (:mod:`.content`).

PDFium (C++) parses the file and its content streams; this module only asks it, through
pypdfium2's raw API, for each character's origin, matrix, font size and descent, and for each
painted path's points, and computes from them what :mod:`.interpret` computes from pdfminer:

* a glyph's box is its font's box as pdfminer draws it (the advance across, from the font's
  descent up to the type size), not PDFium's tight or loose boxes, so that both engines agree;
* coordinates are turned by the page's /Rotate about its media box as pdfminer turns them, and
  y is measured down from the top;
* rulings come from the same :func:`~.content.rulings`, fed with the subpaths' points (the end
  points of curves only), leaving out paint in the paper's white;
* a glyph outside its text object's clipping area (the box of its clipping paths, intersected)
  is left out, as pdfminer's device leaves it out.
"""

from __future__ import annotations

import ctypes
import math
from typing import Any, Optional

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ...errors import CorruptError, EncryptedError
from .content import Area, Glyph, RawPage, Segment, inside, rulings, writing_rotation
from .engines import check_page_count, encrypted, why
from .glyphs import unify

Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _multiply(m: Matrix, n: Matrix) -> Matrix:
    """``m`` then ``n`` (PDF's row-vector convention, as pdfminer's mult_matrix)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def _page_matrix(box: tuple[float, float, float, float], rotate: int) -> Matrix:
    """The matrix pdfminer's interpreter starts a page with: its /Rotate about its media box."""
    x0, y0, x1, y1 = box
    if rotate == 90:
        return (0, -1, 1, 0, -y0, x1)
    if rotate == 180:
        return (-1, 0, 0, -1, x1, y1)
    if rotate == 270:
        return (0, 1, -1, 0, y1, -x0)
    return (1, 0, 0, 1, -x0, -y0)


def _matrix(struct: Any) -> Matrix:
    return (struct.a, struct.b, struct.c, struct.d, struct.e, struct.f)


def _white(getter: Any, handle: Any) -> bool:
    """True when the object's fill or stroke colour (``getter``) is the paper's white."""
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not getter(handle, r, g, b, a):
        return False
    return r.value == g.value == b.value == 255


class _Page:
    """One page read through PDFium: its glyphs, rulings and images, in pdfminer's conventions."""

    def __init__(self, page: pdfium.PdfPage) -> None:
        self.page = page
        box = page.get_mediabox()
        self.ctm = _page_matrix(box, page.get_rotation())
        xs = [_apply(self.ctm, x, y)[0] for x in (box[0], box[2]) for y in (box[1], box[3])]
        ys = [_apply(self.ctm, x, y)[1] for x in (box[0], box[2]) for y in (box[1], box[3])]
        self.width, self.height = max(xs) - min(xs), max(ys) - min(ys)
        self.glyphs: list[Glyph] = []
        self.segments: list[Segment] = []
        self.images = 0
        self.clips: dict[Optional[int], Optional[Area]] = {}

    def read(self) -> RawPage:
        handle = self.page.raw
        for index in range(pdfium_c.FPDFPage_CountObjects(handle)):
            self._object(pdfium_c.FPDFPage_GetObject(handle, index), self.ctm)
        textpage = self.page.get_textpage()
        try:
            self._text(textpage.raw)
        finally:
            textpage.close()
        return RawPage(self.width, self.height, tuple(self.glyphs), tuple(self.segments), self.images)

    # -- paths and images ----------------------------------------------------------------------

    def _object(self, obj: Any, outer: Matrix) -> None:
        """Rulings of a path, images counted, and a form's objects in turn (``outer`` maps the
        object's container to device space)."""
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            self.images += 1
        elif kind in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM):
            matrix = pdfium_c.FS_MATRIX()
            own = _matrix(matrix) if pdfium_c.FPDFPageObj_GetMatrix(obj, matrix) else _IDENTITY
            if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                self._path(obj, _multiply(own, outer))
            else:
                for index in range(pdfium_c.FPDFFormObj_CountObjects(obj)):
                    self._object(pdfium_c.FPDFFormObj_GetObject(obj, index), _multiply(own, outer))

    def _path(self, obj: Any, matrix: Matrix) -> None:
        mode, stroke = ctypes.c_int(), ctypes.c_int()
        if not pdfium_c.FPDFPath_GetDrawMode(obj, mode, stroke):
            return
        filled = mode.value != 0 and not _white(pdfium_c.FPDFPageObj_GetFillColor, obj)
        stroked = bool(stroke.value) and not _white(pdfium_c.FPDFPageObj_GetStrokeColor, obj)
        if not (filled or stroked):
            return
        x, y = ctypes.c_float(), ctypes.c_float()
        points: list[tuple[float, float]] = []
        start: Optional[tuple[float, float]] = None
        straight, curve = True, 0
        for index in range(pdfium_c.FPDFPath_CountSegments(obj)):
            segment = pdfium_c.FPDFPath_GetPathSegment(obj, index)
            kind = pdfium_c.FPDFPathSegment_GetType(segment)
            pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
            point = _apply(matrix, x.value, y.value)
            if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
                if len(points) > 1:
                    self.segments += rulings(points, straight, self.width, self.height)
                points, start, straight, curve = [point], point, True, 0
            elif kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
                # PDFium lists a curve's two control points before its end: pdfminer keeps the end
                curve += 1
                straight = False
                if curve % 3 == 0:
                    points.append(point)
            else:
                points.append(point)
            if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
                points.append(start)
        if len(points) > 1:
            self.segments += rulings(points, straight, self.width, self.height)

    # -- text ----------------------------------------------------------------------------------

    def _text(self, textpage: Any) -> None:
        count = pdfium_c.FPDFText_CountChars(textpage)
        index = 0
        while index < count:
            code = pdfium_c.FPDFText_GetUnicode(textpage, index)
            step = 1
            if 0xD800 <= code < 0xDC00 and index + 1 < count:
                low = pdfium_c.FPDFText_GetUnicode(textpage, index + 1)
                if 0xDC00 <= low < 0xE000:
                    code, step = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00), 2
            if pdfium_c.FPDFText_IsGenerated(textpage, index) != 1:
                self._glyph(textpage, index, code)
            index += step

    def _glyph(self, textpage: Any, index: int, code: int) -> None:
        """The glyph of character ``index`` as pdfminer boxes it, unless clipped away."""
        obj = pdfium_c.FPDFText_GetTextObject(textpage, index)
        if not obj:
            return
        text: Optional[str] = None
        if pdfium_c.FPDFText_HasUnicodeMapError(textpage, index) != 1 and code:
            text = unify(chr(code))
        size_c, descent_c = ctypes.c_float(), ctypes.c_float()
        pdfium_c.FPDFTextObj_GetFontSize(obj, size_c)
        fontsize = size_c.value
        pdfium_c.FPDFFont_GetDescent(pdfium_c.FPDFTextObj_GetFont(obj), ctypes.c_float(1.0), descent_c)
        struct = pdfium_c.FS_MATRIX()
        pdfium_c.FPDFText_GetMatrix(textpage, index, struct)
        ox, oy = ctypes.c_double(), ctypes.c_double()
        pdfium_c.FPDFText_GetCharOrigin(textpage, index, ox, oy)
        a, b, c, d, _, _ = _multiply(_matrix(struct), self.ctm)
        e, f = _apply(self.ctm, ox.value, oy.value)
        advance = self._advance(textpage, index, obj, _matrix(struct), (ox.value, oy.value))
        low = descent_c.value * fontsize
        corners = [(a * u + c * v + e, b * u + d * v + f) for u in (0.0, advance) for v in (low, low + fontsize)]
        x0, x1 = min(p[0] for p in corners), max(p[0] for p in corners)
        y0, y1 = min(p[1] for p in corners), max(p[1] for p in corners)
        clip = self._clip(obj)
        if clip is not None and not inside(((x0 + x1) / 2, (y0 + y1) / 2), clip):
            return  # drawn, but clipped away: not printed
        if b == 0 and c == 0:
            size, rotation = fontsize * abs(d), 0 if a > 0 else 180
        else:
            size, rotation = fontsize * math.hypot(c, d), writing_rotation(a, b)
        self.glyphs.append(Glyph(text, x0, self.height - y1, x1, self.height - y0, size, rotation))

    @staticmethod
    def _advance(textpage: Any, index: int, obj: Any, matrix: Matrix, origin: tuple[float, float]) -> float:
        """The glyph's advance in text space. PDFium's loose box spans it along the writing
        direction (``matrix`` maps text space to the page), but measured in the font it renders
        with, which for a font not embedded is a substitute; the next character of the same text
        object starts where the PDF's own widths end this one (plus any kerning), so the nearer
        of the two is the advance."""
        rect = pdfium_c.FS_RECTF()
        if not pdfium_c.FPDFText_GetLooseCharBox(textpage, index, rect):
            return 0.0
        a, b = matrix[0], matrix[1]
        across = abs(a) >= abs(b)
        scale = abs(a) if across else abs(b)
        if not scale:
            return 0.0
        advance = (abs(rect.right - rect.left) if across else abs(rect.top - rect.bottom)) / scale
        following = index + 1
        if (
            following < pdfium_c.FPDFText_CountChars(textpage)
            and pdfium_c.FPDFText_IsGenerated(textpage, following) != 1
            and ctypes.cast(pdfium_c.FPDFText_GetTextObject(textpage, following), ctypes.c_void_p).value
            == ctypes.cast(obj, ctypes.c_void_p).value
        ):
            x, y = ctypes.c_double(), ctypes.c_double()
            pdfium_c.FPDFText_GetCharOrigin(textpage, following, x, y)
            step = abs(x.value - origin[0]) if across else abs(y.value - origin[1])
            advance = min(advance, step / scale) if step > 0 else advance
        return advance

    def _clip(self, obj: Any) -> Optional[Area]:
        """The clipping area of a text object in device space: the boxes of its clipping paths
        intersected (paths under a point across clip nothing one could tell), None if none."""
        key = ctypes.cast(obj, ctypes.c_void_p).value
        if key in self.clips:
            return self.clips[key]
        area: Optional[Area] = None
        clip = pdfium_c.FPDFPageObj_GetClipPath(obj)
        x, y = ctypes.c_float(), ctypes.c_float()
        for path in range(pdfium_c.FPDFClipPath_CountPaths(clip) if clip else 0):
            points = []
            for index in range(pdfium_c.FPDFClipPath_CountPathSegments(clip, path)):
                segment = pdfium_c.FPDFClipPath_GetPathSegment(clip, path, index)
                if pdfium_c.FPDFPathSegment_GetPoint(segment, x, y):
                    points.append(_apply(self.ctm, x.value, y.value))
            if not points:
                continue
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            box = (min(xs), min(ys), max(xs), max(ys))
            if box[2] - box[0] < 1 or box[3] - box[1] < 1:
                continue
            if area is not None:
                box = (max(area[0], box[0]), max(area[1], box[1]), min(area[2], box[2]), min(area[3], box[3]))
            area = box
        self.clips[key] = area
        return area


def read_pages(data: bytes, source: str, max_pages: int) -> list[RawPage]:
    """What each page of the PDF prints, read with PDFium; raises the errors of a corrupt or
    encrypted PDF and of one over ``max_pages`` pages."""
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if getattr(error, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise EncryptedError(source, encrypted(error)) from None
        raise CorruptError(source, f"the PDF is corrupt ({why(error)})") from None
    try:
        check_page_count(len(document), source, max_pages)
        raw: list[RawPage] = []
        for index in range(len(document)):
            try:
                page = document[index]
                try:
                    raw.append(_Page(page).read())
                finally:
                    page.close()
            except pdfium.PdfiumError as error:
                raise CorruptError(source, f"page {index + 1} of the PDF cannot be read ({why(error)})") from None
        return raw
    finally:
        document.close()
