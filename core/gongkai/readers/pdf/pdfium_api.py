"""The PDFium functions the pdfium engine calls once per object or per character, declared anew
to take and give handles as plain addresses (ints): a call converts less, and a handle given
back can key a dict as it is. They are the very functions of pypdfium2's raw API (the same
addresses), only their ctypes prototypes differ.
"""

from __future__ import annotations

import ctypes
from typing import Any

import pypdfium2.raw as pdfium_c

_HANDLE = ctypes.c_void_p
_INT = ctypes.c_int
_FLOAT = ctypes.c_float


def address(handle: Any) -> int:
    """A handle of pypdfium2's raw API (a ctypes pointer) as the address these functions take."""
    return ctypes.cast(handle, ctypes.c_void_p).value or 0


def _declare(function: Any, restype: Any, *argtypes: Any) -> Any:
    return ctypes.CFUNCTYPE(restype, *argtypes)(address(function))


# objects
count_objects = _declare(pdfium_c.FPDFPage_CountObjects, _INT, _HANDLE)
get_object = _declare(pdfium_c.FPDFPage_GetObject, _HANDLE, _HANDLE, _INT)
count_form_objects = _declare(pdfium_c.FPDFFormObj_CountObjects, _INT, _HANDLE)
get_form_object = _declare(pdfium_c.FPDFFormObj_GetObject, _HANDLE, _HANDLE, ctypes.c_ulong)
object_type = _declare(pdfium_c.FPDFPageObj_GetType, _INT, _HANDLE)
get_matrix = _declare(pdfium_c.FPDFPageObj_GetMatrix, _INT, _HANDLE, _HANDLE)
set_matrix = _declare(pdfium_c.FPDFPageObj_SetMatrix, _INT, _HANDLE, _HANDLE)
get_clip_path = _declare(pdfium_c.FPDFPageObj_GetClipPath, _HANDLE, _HANDLE)
count_marks = _declare(pdfium_c.FPDFPageObj_CountMarks, _INT, _HANDLE)
get_mark = _declare(pdfium_c.FPDFPageObj_GetMark, _HANDLE, _HANDLE, ctypes.c_ulong)
remove_mark = _declare(pdfium_c.FPDFPageObj_RemoveMark, _INT, _HANDLE, _HANDLE)
set_stroke_width = _declare(pdfium_c.FPDFPageObj_SetStrokeWidth, _INT, _HANDLE, _FLOAT)
# text objects and fonts
font_size = _declare(pdfium_c.FPDFTextObj_GetFontSize, _INT, _HANDLE, _HANDLE)
text_font = _declare(pdfium_c.FPDFTextObj_GetFont, _HANDLE, _HANDLE)
set_render_mode = _declare(pdfium_c.FPDFTextObj_SetTextRenderMode, _INT, _HANDLE, _INT)
font_name = _declare(pdfium_c.FPDFFont_GetBaseFontName, ctypes.c_size_t, _HANDLE, ctypes.c_char_p, ctypes.c_size_t)
font_descent = _declare(pdfium_c.FPDFFont_GetDescent, _INT, _HANDLE, _FLOAT, _HANDLE)
glyph_width = _declare(pdfium_c.FPDFFont_GetGlyphWidth, _INT, _HANDLE, ctypes.c_uint32, _FLOAT, _HANDLE)
# the text page's characters
count_chars = _declare(pdfium_c.FPDFText_CountChars, _INT, _HANDLE)
char_unicode = _declare(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint, _HANDLE, _INT)
char_object = _declare(pdfium_c.FPDFText_GetTextObject, _HANDLE, _HANDLE, _INT)
char_origin = _declare(pdfium_c.FPDFText_GetCharOrigin, _INT, _HANDLE, _INT, _HANDLE, _HANDLE)
char_generated = _declare(pdfium_c.FPDFText_IsGenerated, _INT, _HANDLE, _INT)
char_unmapped = _declare(pdfium_c.FPDFText_HasUnicodeMapError, _INT, _HANDLE, _INT)
char_hyphen = _declare(pdfium_c.FPDFText_IsHyphen, _INT, _HANDLE, _INT)
# paths and clipping paths
draw_mode = _declare(pdfium_c.FPDFPath_GetDrawMode, _INT, _HANDLE, _HANDLE, _HANDLE)
fill_color = _declare(pdfium_c.FPDFPageObj_GetFillColor, _INT, _HANDLE, _HANDLE, _HANDLE, _HANDLE, _HANDLE)
stroke_color = _declare(pdfium_c.FPDFPageObj_GetStrokeColor, _INT, _HANDLE, _HANDLE, _HANDLE, _HANDLE, _HANDLE)
count_segments = _declare(pdfium_c.FPDFPath_CountSegments, _INT, _HANDLE)
get_segment = _declare(pdfium_c.FPDFPath_GetPathSegment, _HANDLE, _HANDLE, _INT)
segment_type = _declare(pdfium_c.FPDFPathSegment_GetType, _INT, _HANDLE)
segment_point = _declare(pdfium_c.FPDFPathSegment_GetPoint, _INT, _HANDLE, _HANDLE, _HANDLE)
segment_closes = _declare(pdfium_c.FPDFPathSegment_GetClose, _INT, _HANDLE)
count_clip_paths = _declare(pdfium_c.FPDFClipPath_CountPaths, _INT, _HANDLE)
count_clip_segments = _declare(pdfium_c.FPDFClipPath_CountPathSegments, _INT, _HANDLE, _INT)
get_clip_segment = _declare(pdfium_c.FPDFClipPath_GetPathSegment, _HANDLE, _HANDLE, _INT, _INT)
get_bounds = _declare(pdfium_c.FPDFPageObj_GetBounds, _INT, _HANDLE, _HANDLE, _HANDLE, _HANDLE, _HANDLE)
char_box = _declare(pdfium_c.FPDFText_GetCharBox, _INT, _HANDLE, _INT, _HANDLE, _HANDLE, _HANDLE, _HANDLE)
