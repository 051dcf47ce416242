"""The last space of a text object, where PDFium's text page left it out.

Within a text object the text page keeps the first space of a run of them and drops the rest
(pdfminer keeps every one). Between other characters that changes nothing the reader uses (a run
of spaces reads as one, and gaps are measured between printed glyphs), but a line ending in
spaces ends sooner. Where the last space stood can be told: a parked object's box ends where its
last glyph begins (a space has no outline), plus half the width of its outline; unless a glyph's
ink reaches that far, which is then where the box ends. So when an object's last character is a
space and its box ends further on than that space and than any ink, its last space is put back
there. How many spaces stood in between cannot be told (word and character spacing are not to be
had); they are left out.
"""

from __future__ import annotations

import ctypes
from collections.abc import Sequence

from . import pdfium_api as api
from .pdfium_objects import TextRun

#: A character of the text page: its run's number, its index, its code, its origin on its
#: parked line (along, across) and its text.
Char = tuple[int, int, int, float, float, "str | None"]
_SPACE = 0x20
_SLACK = 0.01  # points


class _Edges:
    """The numbers PDFium fills in with a box, and the references passed for them: an object's
    bounds (single precision) and a character's box (double)."""

    def __init__(self) -> None:
        self.bounds = [ctypes.c_float() for _ in range(4)]
        self.at = [ctypes.byref(value) for value in self.bounds]
        self.char = [ctypes.c_double() for _ in range(4)]
        self.at_char = [ctypes.byref(value) for value in self.char]


def restore_last_spaces(
    textpage: api.Handle, chars: Sequence[Char], runs: Sequence[TextRun], outline: float
) -> list[Char]:
    """``chars`` (in text page order, those of a run together) with the last space of each run
    that ends in spaces put back; ``outline`` is the width the parked objects are outlined with."""
    out: list[Char] = []
    edges = _Edges()
    for position, char in enumerate(chars):
        out.append(char)
        if char[2] != _SPACE or (position + 1 < len(chars) and chars[position + 1][0] == char[0]):
            continue
        end = _box_end(runs[char[0]], outline, edges)
        if end > char[3] + _SLACK and end > _ink_end(textpage, chars, position, edges) + _SLACK:
            number, index, code, _, across, text = char
            out.append((number, index, code, end, across, text))
    return out


def _box_end(run: TextRun, outline: float, edges: _Edges) -> float:
    """Where the parked object's box ends along its line, its outline taken off."""
    if not api.get_bounds(run.handle, *edges.at):
        return float("-inf")
    return edges.bounds[2].value - outline / 2  # left, bottom, right, top


def _ink_end(textpage: api.Handle, chars: Sequence[Char], last: int, edges: _Edges) -> float:
    """How far along its line the ink of the run's characters before ``last`` reaches."""
    end = float("-inf")
    position = last - 1
    while position >= 0 and chars[position][0] == chars[last][0]:
        if chars[position][2] != _SPACE and api.char_box(textpage, chars[position][1], *edges.at_char):
            end = max(end, edges.char[1].value)  # left, right, bottom, top
        position -= 1
    return end
