"""The glyphs of a page's text objects, read through PDFium's text page, all of them, in
content-stream order and boxed as pdfminer boxes them.

PDFium's text page is made for selecting text on screen, and it leaves out glyphs pdfminer keeps:
a text object whose box is under a hundredth of a point across (a Chinese font neither embedded
nor installed has empty glyph boxes, so that a single character, or a line turned by 90 degrees,
goes), a text object repeating one of the few before it nearly where it stands (fake bold), a
character repeating one of the few before it nearly where it stands; and it reorders the objects
of a line from left to right. So before the text page is made, every text object is *parked*
(:func:`park`): set upright at unit scale, each on a line of its own away from the others, in
content-stream order, and outlined, so that its box has a width whatever its font. The text page
then only splits the objects into characters; where each character is printed is its offset on
its parked line mapped by its object's own matrix, and its advance is its font's width for it.
The page is read once and never saved.

Of a run of spaces within a text object the text page keeps the first: :mod:`.pdfium_spaces`
puts back the last one where it ends its object.
"""

from __future__ import annotations

import ctypes
import math
from collections.abc import Sequence
from operator import itemgetter

import pypdfium2.raw as pdfium_c

from . import pdfium_api as api
from .content import Glyph, writing_rotation
from .glyphs import unify
from .pdfium_objects import IDENTITY, TextRun, invert, multiply
from .pdfium_spaces import Char, restore_last_spaces

_OUTLINE = 1.0  # the width of the parked objects' outline, in points
_UNIT = ctypes.c_float(1.0)  # a type size of one, as PDFium takes a float
_STROKE = pdfium_c.FPDF_TEXTRENDERMODE_STROKE
_SPACE, _HYPHENATED = 0x20, 0x2  # the text page's code for a hyphen it takes to end a line
# pdfminer's descents (per unit size) of the fonts it has metrics of, which it takes over the
# font's own; PDFium takes the font's, or for a standard font its built-in stand-in's.
_HELVETICA, _TIMES, _COURIER = -0.207, -0.217, -0.194
STANDARD_DESCENTS = {
    **dict.fromkeys(("Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique"), _HELVETICA),
    **dict.fromkeys(("Arial", "Arial,Bold", "Arial,Italic", "Arial,BoldItalic"), _HELVETICA),
    **dict.fromkeys(("Times-Roman", "Times-Bold", "Times-Italic", "Times-BoldItalic"), _TIMES),
    **dict.fromkeys(("TimesNewRoman", "TimesNewRoman,Bold", "TimesNewRoman,Italic"), _TIMES),
    "TimesNewRoman,BoldItalic": _TIMES,
    **dict.fromkeys(("Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique"), _COURIER),
    **dict.fromkeys(("CourierNew", "CourierNew,Bold", "CourierNew,Italic", "CourierNew,BoldItalic"), _COURIER),
    "Symbol": 0.0,
    "ZapfDingbats": 0.0,
}


def park(runs: Sequence[TextRun]) -> list[float]:
    """Park every text object of ``runs`` (see the module's note); the height of each one's
    parked line, as PDFium keeps it (in single precision, so that its characters are found
    exactly on it); NaN for one that is not parked, being in a form that flattens the plane."""
    step = 10.0 * max((abs(run.size) for run in runs), default=1.0) + 10.0 * _OUTLINE
    lines: list[float] = []
    struct = pdfium_c.FS_MATRIX(1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    at = ctypes.byref(struct)
    outline = ctypes.c_float(_OUTLINE)
    set_render_mode, set_stroke_width, count_marks, set_matrix = (
        api.set_render_mode,
        api.set_stroke_width,
        api.count_marks,
        api.set_matrix,
    )
    for index, run in enumerate(runs):
        struct.f = index * step
        line = struct.f  # as single precision has it
        if run.forms is not IDENTITY:
            # the text page maps a text object with the matrices of its forms: undo them
            back = invert(run.forms)
            if back is None:
                lines.append(math.nan)  # in a form that flattens the plane: nothing of it shows
                continue
            struct.a, struct.b, struct.c, struct.d, struct.e, struct.f = multiply((1.0, 0.0, 0.0, 1.0, 0.0, line), back)
        lines.append(line)
        handle = run.handle
        set_render_mode(handle, _STROKE)
        set_stroke_width(handle, outline)
        if count_marks(handle):
            _unmark(handle)
        set_matrix(handle, at)
        if run.forms is not IDENTITY:
            struct.a, struct.b, struct.c, struct.d, struct.e = 1.0, 0.0, 0.0, 1.0, 0.0
    return lines


def _unmark(handle: api.Handle) -> None:
    """Remove the marks of a text object: a marked ActualText would stand in for the glyphs the
    text page reports."""
    for mark in reversed(range(api.count_marks(handle))):
        api.remove_mark(handle, api.get_mark(handle, mark))


class _Fonts:
    """What boxing a glyph needs of its font, asked once: its descent at unit size, and the width
    of each character (the font's own, as pdfminer reads it: PDFium's loose box would widen it to
    the glyph of the font it draws with, for a font not embedded a stand-in). Kept for one page:
    a font PDFium lets go of with its page may leave its address to another."""

    def __init__(self) -> None:
        self.descents: dict[int, float] = {}
        self.metrics: dict[tuple[int, int], tuple[float, float]] = {}
        self._out = ctypes.c_float()
        self._at = ctypes.byref(self._out)

    def of(self, font: int, code: int) -> tuple[float, float]:
        """The width and descent (see :meth:`width`, :meth:`descent`) of the character the font
        (its address) maps to ``code``."""
        key = (font, code)
        found = self.metrics.get(key)
        if found is None:
            found = self.metrics[key] = (self.width(api.Handle(font), code), self.descent(font))
        return found

    def descent(self, font: int) -> float:
        """The font's (its address) descent as pdfminer takes it: below the baseline (a positive
        one in the font's descriptor is a writer's slip), a standard font's from its metrics."""
        found = self.descents.get(font)
        if found is None:
            name = ctypes.create_string_buffer(128)
            api.font_name(api.Handle(font), name, ctypes.c_size_t(len(name)))
            found = STANDARD_DESCENTS.get(name.value.decode("latin-1"))
            if found is None:
                api.font_descent(api.Handle(font), _UNIT, self._at)
                found = -abs(self._out.value)
            self.descents[font] = found
        return found

    def width(self, font: api.Handle, code: int) -> float:
        """The advance of the character the font maps to ``code`` (a code point), at unit size;
        negative in a font written downwards."""
        return self._out.value if api.glyph_width(font, code, _UNIT, self._at) else 0.0


def read_glyphs(textpage: api.Handle, runs: Sequence[TextRun], lines: Sequence[float], height: float) -> list[Glyph]:
    """The glyphs of the parked ``runs`` (on ``lines``, see :func:`park`) that the text page
    ``textpage`` (a handle) splits, in content-stream order and page coordinates (``height``
    the page's); those clipped away left out."""
    fonts = _Fonts()
    chars = restore_last_spaces(textpage, _characters(textpage, runs, lines), runs, _OUTLINE)
    found: list[tuple[int, int, Glyph]] = []
    for number, index, code, along, across, text in chars:
        run = runs[number]
        width, descent = fonts.of(run.font, code)
        a, b, c, d, e, f = run.matrix
        if b == 0 and c == 0 and width >= 0:  # nearly every glyph: _glyph's first case, without a call
            size = run.size
            v0 = across + descent * size
            xa, xb, ya, yb = a * along + e, a * (along + width * size) + e, d * v0 + f, d * (v0 + size) + f
            x0, y0, x1, y1 = min(xa, xb), min(ya, yb), max(xa, xb), max(ya, yb)
            size, rotation = size * abs(d), 0 if a > 0 else 180
        else:
            x0, y0, x1, y1, size, rotation = _glyph(run, along, across, width, descent)
        clip = run.clip
        if clip is not None:
            middle_x, middle_y = (x0 + x1) / 2, (y0 + y1) / 2
            if not (clip[0] - 1 <= middle_x <= clip[2] + 1 and clip[1] - 1 <= middle_y <= clip[3] + 1):
                continue  # drawn, but clipped away: not printed (as content.inside has it)
        found.append((number, index, Glyph(text and unify(text), x0, height - y1, x1, height - y0, size, rotation)))
    found.sort(key=itemgetter(0, 1))
    return [glyph for _, _, glyph in found]


def _characters(textpage: api.Handle, runs: Sequence[TextRun], lines: Sequence[float]) -> list[Char]:
    """The text page's characters of the parked ``runs``: run, index, code, origin on the run's
    parked line and text (None where the font maps the glyph to none). Pieces of one glyph (a
    ligature, a character the font maps to several) are one character."""
    order = {run.handle.value: index for index, (run, line) in enumerate(zip(runs, lines)) if not math.isnan(line)}.get
    x, y = ctypes.c_double(), ctypes.c_double()
    at_x, at_y = ctypes.byref(x), ctypes.byref(y)
    char_object, char_unicode, char_origin, char_unmapped = (
        api.char_object,
        api.char_unicode,
        api.char_origin,
        api.char_unmapped,
    )
    chars: list[Char] = []
    last: tuple[int, float, float] | None = None  # the run and origin of the last character
    for index in range(api.count_chars(textpage)):
        number = order(char_object(textpage, index))
        if number is None:
            continue  # a line break the text page makes
        code = char_unicode(textpage, index)
        if code == _SPACE and api.char_generated(textpage, index) == 1:
            continue  # a space it puts in a gap
        char_origin(textpage, index, at_x, at_y)
        along, parked = x.value, y.value
        text = None if not code or char_unmapped(textpage, index) == 1 else chr(code)
        if code == _HYPHENATED and text is not None and api.char_hyphen(textpage, index) == 1:
            text = "-"  # the text page marks a hyphen it takes to end a line: it was printed as one
        if last == (number, along, parked) and chars:
            chars[-1] = (*chars[-1][:5], _joined(chars[-1][5], text))
            continue
        last = (number, along, parked)
        chars.append((number, index, code, along, parked - lines[number], text))
    return chars


def _joined(text: str | None, more: str | None) -> str | None:
    if text is None or more is None:
        return text if more is None else more
    if "\ud800" <= text[-1] < "\udc00" and "\udc00" <= more < "\ue000":
        return text[:-1] + chr(0x10000 + ((ord(text[-1]) - 0xD800) << 10) + (ord(more) - 0xDC00))
    return text + more


def _glyph(
    run: TextRun, along: float, across: float, width: float, descent: float
) -> tuple[float, float, float, float, float, int]:
    """The box (device space, y up), type size and writing direction of the glyph whose origin
    is (``along``, ``across``) in its run's text space, as pdfminer boxes it: its ``width`` across
    (at unit size), from the font's ``descent`` up by the type size; in a font written downwards
    (whose width PDFium gives as negative), a square of the type size centred on the line."""
    a, b, c, d, e, f = run.matrix
    size = run.size
    if width < 0:
        u0, v0, u1, v1 = -size / 2, across, size / 2, across + size
    else:
        u0, v0 = along, across + descent * size
        u1, v1 = u0 + width * size, v0 + size
    if b == 0 and c == 0 and width >= 0:
        xa, xb, ya, yb = a * u0 + e, a * u1 + e, d * v0 + f, d * v1 + f
        return min(xa, xb), min(ya, yb), max(xa, xb), max(ya, yb), size * abs(d), 0 if a > 0 else 180
    xs = (a * u0 + c * v0 + e, a * u0 + c * v1 + e, a * u1 + c * v0 + e, a * u1 + c * v1 + e)
    ys = (b * u0 + d * v0 + f, b * u0 + d * v1 + f, b * u1 + d * v0 + f, b * u1 + d * v1 + f)
    printed = size * math.hypot(a, b) if width < 0 else size * math.hypot(c, d)
    return min(xs), min(ys), max(xs), max(ys), printed, writing_rotation(a, b)
