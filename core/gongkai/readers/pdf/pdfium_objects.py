"""A PDFium page's objects in content-stream order, as pdfminer's interpreter meets them: the
rulings its paths draw, the images it shows, and its text objects (:class:`TextRun`) with what
placing their glyphs needs. Form XObjects are entered, their matrices applied to what they hold.
"""

from __future__ import annotations

import ctypes
from typing import Optional

import attrs
import pypdfium2.raw as pdfium_c

from ...registrations import DEFAULT_LIMITS, Limits
from . import pdfium_api as api
from .content import Area, Segment, rulings
from .engines import forms_too_deep, too_many_objects

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_TEXT, _PATH, _IMAGE, _FORM = (
    pdfium_c.FPDF_PAGEOBJ_TEXT,
    pdfium_c.FPDF_PAGEOBJ_PATH,
    pdfium_c.FPDF_PAGEOBJ_IMAGE,
    pdfium_c.FPDF_PAGEOBJ_FORM,
)
_MOVETO, _BEZIERTO = pdfium_c.FPDF_SEGMENT_MOVETO, pdfium_c.FPDF_SEGMENT_BEZIERTO


def multiply(m: Matrix, n: Matrix) -> Matrix:
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


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    """The point (x, y) mapped by ``m``."""
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def invert(m: Matrix) -> Optional[Matrix]:
    """The inverse of ``m``; None for a matrix that flattens the plane."""
    a, b, c, d, e, f = m
    det = a * d - b * c
    if abs(det) < 1e-12:
        return None
    return (d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det)


def page_matrix(box: tuple[float, float, float, float], rotate: int) -> Matrix:
    """The matrix pdfminer's interpreter starts a page with: its /Rotate about its media box."""
    x0, y0, x1, y1 = box
    if rotate == 90:
        return (0, -1, 1, 0, -y0, x1)
    if rotate == 180:
        return (-1, 0, 0, -1, x1, y1)
    if rotate == 270:
        return (0, 1, -1, 0, y1, -x0)
    return (1, 0, 0, 1, -x0, -y0)


@attrs.define(slots=True)
class TextRun:
    """A text object: its handle, the matrix from its text space to the device, ``forms`` (the
    matrices of the forms it sits in, mapping their space to the page's), its font (an address,
    0 for none) and type size, and its clipping area in the device's space (None: nothing clips
    it)."""

    handle: api.Handle
    matrix: Matrix
    forms: Matrix
    font: int
    size: float
    clip: Optional[Area]


class _Out:
    """The output parameters of the calls, allocated once, with the references passed for them."""

    def __init__(self) -> None:
        self.matrix = pdfium_c.FS_MATRIX()
        self.x, self.y, self.size = ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
        self.mode, self.stroke = ctypes.c_int(), ctypes.c_int()
        self.rgba = [ctypes.c_uint() for _ in range(4)]
        self.at_matrix = ctypes.byref(self.matrix)
        self.at_x, self.at_y, self.at_size = (ctypes.byref(value) for value in (self.x, self.y, self.size))
        self.at_mode, self.at_stroke = ctypes.byref(self.mode), ctypes.byref(self.stroke)
        self.at_rgba = [ctypes.byref(value) for value in self.rgba]

    def matrix_of(self, obj: api.Handle) -> Matrix:
        """An object's own matrix (a text object's text matrix, a form's /Matrix, a path's CTM)."""
        if not api.get_matrix(obj, self.at_matrix):
            return IDENTITY
        m = self.matrix
        return (m.a, m.b, m.c, m.d, m.e, m.f)

    def white(self, getter: object, obj: api.Handle) -> bool:
        """True when the object's fill or stroke colour (``getter``) is the paper's white."""
        if not getter(obj, *self.at_rgba):  # type: ignore[operator]
            return False
        r, g, b, _ = self.rgba
        return r.value == g.value == b.value == 255


class PageObjects:
    """Walks a page's objects, form XObjects entered, in content-stream order; ``ctm`` maps the
    page to pdfminer's device space (its /Rotate applied), the page ``width`` by ``height``."""

    def __init__(
        self,
        ctm: Matrix,
        width: float,
        height: float,
        limits: Limits = DEFAULT_LIMITS,
        where: tuple[str, int] = ("", 0),
    ) -> None:
        self.ctm = ctm
        self.width, self.height = width, height
        self._limits = limits
        self._source, self._page = where  # the file and the page's number, for a LimitError
        self._drawn = 0
        self.segments: list[Segment] = []
        self.images = 0
        self.texts: list[TextRun] = []
        self._out = _Out()

    def walk(self, page: api.Handle) -> None:
        """Read every object of the page (its handle); LimitError past the objects or the depth
        of forms within forms the limits allow."""
        for index in range(api.count_objects(page)):
            self._object(api.get_object(page, index), IDENTITY, self.ctm)

    def _object(self, obj: api.Handle, forms: Matrix, outer: Matrix, depth: int = 0) -> None:
        """Read one object, drawn ``depth`` forms deep; ``forms`` maps the space it is drawn in to
        the page's, ``outer`` to the device's."""
        self._drawn += 1
        if self._drawn > self._limits.max_objects:
            raise too_many_objects(self._source, self._page, self._limits.max_objects)
        kind = api.object_type(obj)
        if kind == _TEXT:
            out = self._out
            api.font_size(obj, out.at_size)
            matrix = multiply(out.matrix_of(obj), outer)
            clip_path = api.get_clip_path(obj)
            clip = self._clip(clip_path, outer) if clip_path and api.count_clip_paths(clip_path) > 0 else None
            self.texts.append(TextRun(obj, matrix, forms, api.text_font(obj).value or 0, out.size.value, clip))
        elif kind == _PATH:
            self._path(obj, multiply(self._out.matrix_of(obj), outer))
        elif kind == _IMAGE:
            self.images += 1
        elif kind == _FORM:
            if depth >= self._limits.max_depth:
                raise forms_too_deep(self._source, self._page, self._limits.max_depth)
            own = self._out.matrix_of(obj)
            inner_forms, inner = multiply(own, forms), multiply(own, outer)
            for index in range(api.count_form_objects(obj)):
                self._object(api.get_form_object(obj, index), inner_forms, inner, depth + 1)

    def _path(self, obj: api.Handle, matrix: Matrix) -> None:
        out = self._out
        if not api.draw_mode(obj, out.at_mode, out.at_stroke):
            return
        filled = out.mode.value != 0 and not out.white(api.fill_color, obj)
        stroked = bool(out.stroke.value) and not out.white(api.stroke_color, obj)
        if not (filled or stroked):
            return
        points: list[tuple[float, float]] = []
        start: Optional[tuple[float, float]] = None
        straight, curve = True, 0
        for index in range(api.count_segments(obj)):
            segment = api.get_segment(obj, index)
            kind = api.segment_type(segment)
            api.segment_point(segment, out.at_x, out.at_y)
            point = apply(matrix, out.x.value, out.y.value)
            if kind == _MOVETO:
                if len(points) > 1:
                    self.segments += rulings(points, straight, self.width, self.height)
                points, start, straight, curve = [point], point, True, 0
            elif kind == _BEZIERTO:
                # PDFium lists a curve's two control points before its end: pdfminer keeps the end
                curve += 1
                straight = False
                if curve % 3 == 0:
                    points.append(point)
            else:
                points.append(point)
            if api.segment_closes(segment) and start is not None:
                points.append(start)
        if len(points) > 1:
            self.segments += rulings(points, straight, self.width, self.height)

    def _clip(self, clip: api.Handle, outer: Matrix) -> Optional[Area]:
        """An object's clipping area in device space from its clipping path ``clip``: the boxes of
        its paths (given in the space of the form the object sits in) intersected, leaving out
        paths under a point across, which clip nothing one could tell; None if none."""
        area: Optional[Area] = None
        out = self._out
        for path in range(api.count_clip_paths(clip)):
            points = []
            for index in range(api.count_clip_segments(clip, path)):
                if api.segment_point(api.get_clip_segment(clip, path, index), out.at_x, out.at_y):
                    points.append(apply(outer, out.x.value, out.y.value))
            if not points:
                continue
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            box = (min(xs), min(ys), max(xs), max(ys))
            if box[2] - box[0] < 1 or box[3] - box[1] < 1:
                continue
            if area is not None:
                box = (max(area[0], box[0]), max(area[1], box[1]), min(area[2], box[2]), min(area[3], box[3]))
            area = box
        return area
