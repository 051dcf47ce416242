"""The PDFium functions the pdfium engine calls once per object or per character, declared anew
without argument types: ctypes then converts nothing on the way in, which makes a call about a
third cheaper than through pypdfium2's prototypes (the same functions, at the same addresses).

The contract of every function here, unchecked: a handle or an out-parameter is passed as a
ctypes instance (a :class:`Handle`, a ``byref`` of a number, a string buffer), a float as a
``ctypes.c_float``, an integer as a Python int that fits a C int. A function that gives back a
handle gives a :class:`Handle` (false when null; ``.value`` its address, to key a dict), except
:data:`char_object`, which gives the text object's address as an int (0 for none).
"""

from __future__ import annotations

import ctypes
from typing import Any

import pypdfium2.raw as pdfium_c


class Handle(ctypes.c_void_p):
    """A PDFium handle as a ctypes instance, passed back to PDFium as it is (a subclass, so that
    ctypes does not turn it into an int)."""


_INT = ctypes.c_int
_SIZE = ctypes.c_size_t


def address(handle: Any) -> int:
    """A handle of pypdfium2's raw API (a ctypes pointer) as an address."""
    return ctypes.cast(handle, ctypes.c_void_p).value or 0


def handle(raw: Any) -> Handle:
    """A handle of pypdfium2's raw API as the :class:`Handle` these functions take."""
    return Handle(address(raw))


def _declare(function: Any, restype: Any) -> Any:
    return ctypes.CFUNCTYPE(restype)(address(function))


# objects
count_objects = _declare(pdfium_c.FPDFPage_CountObjects, _INT)
get_object = _declare(pdfium_c.FPDFPage_GetObject, Handle)
count_form_objects = _declare(pdfium_c.FPDFFormObj_CountObjects, _INT)
get_form_object = _declare(pdfium_c.FPDFFormObj_GetObject, Handle)
object_type = _declare(pdfium_c.FPDFPageObj_GetType, _INT)
get_matrix = _declare(pdfium_c.FPDFPageObj_GetMatrix, _INT)
set_matrix = _declare(pdfium_c.FPDFPageObj_SetMatrix, _INT)
get_clip_path = _declare(pdfium_c.FPDFPageObj_GetClipPath, Handle)
count_marks = _declare(pdfium_c.FPDFPageObj_CountMarks, _INT)
get_mark = _declare(pdfium_c.FPDFPageObj_GetMark, Handle)
remove_mark = _declare(pdfium_c.FPDFPageObj_RemoveMark, _INT)
set_stroke_width = _declare(pdfium_c.FPDFPageObj_SetStrokeWidth, _INT)
# text objects and fonts
font_size = _declare(pdfium_c.FPDFTextObj_GetFontSize, _INT)
text_font = _declare(pdfium_c.FPDFTextObj_GetFont, Handle)
set_render_mode = _declare(pdfium_c.FPDFTextObj_SetTextRenderMode, _INT)
font_name = _declare(pdfium_c.FPDFFont_GetBaseFontName, _SIZE)
font_descent = _declare(pdfium_c.FPDFFont_GetDescent, _INT)
glyph_width = _declare(pdfium_c.FPDFFont_GetGlyphWidth, _INT)
# the text page's characters
count_chars = _declare(pdfium_c.FPDFText_CountChars, _INT)
char_unicode = _declare(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint)
char_object = _declare(pdfium_c.FPDFText_GetTextObject, _SIZE)
char_origin = _declare(pdfium_c.FPDFText_GetCharOrigin, _INT)
char_generated = _declare(pdfium_c.FPDFText_IsGenerated, _INT)
char_unmapped = _declare(pdfium_c.FPDFText_HasUnicodeMapError, _INT)
char_hyphen = _declare(pdfium_c.FPDFText_IsHyphen, _INT)
char_box = _declare(pdfium_c.FPDFText_GetCharBox, _INT)
# paths and clipping paths
draw_mode = _declare(pdfium_c.FPDFPath_GetDrawMode, _INT)
fill_color = _declare(pdfium_c.FPDFPageObj_GetFillColor, _INT)
stroke_color = _declare(pdfium_c.FPDFPageObj_GetStrokeColor, _INT)
count_segments = _declare(pdfium_c.FPDFPath_CountSegments, _INT)
get_segment = _declare(pdfium_c.FPDFPath_GetPathSegment, Handle)
segment_type = _declare(pdfium_c.FPDFPathSegment_GetType, _INT)
segment_point = _declare(pdfium_c.FPDFPathSegment_GetPoint, _INT)
segment_closes = _declare(pdfium_c.FPDFPathSegment_GetClose, _INT)
count_clip_paths = _declare(pdfium_c.FPDFClipPath_CountPaths, _INT)
count_clip_segments = _declare(pdfium_c.FPDFClipPath_CountPathSegments, _INT)
get_clip_segment = _declare(pdfium_c.FPDFClipPath_GetPathSegment, Handle)
get_bounds = _declare(pdfium_c.FPDFPageObj_GetBounds, _INT)
