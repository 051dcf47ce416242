"""pdfminer's interpreter feeding a lean device that keeps only what table and text finding need.

Each page is interpreted exactly once, within the reader's limits: the objects a page draws (a
form's counted each time it is drawn), forms drawn by forms, and, through :mod:`.bounded`, what
the streams inflate to, the characters a font's tables name and chains of references. The
device records every visible glyph (text, box, size, writing direction) and every straight
axis-aligned stroke or rectangle edge; it builds none of pdfminer's layout objects and runs no
layout analysis. What the page does not show is left out:
paint in the paper's own white, and glyphs outside the clipping area in force (Excel and WPS
clip a cell's text at its borders, so a wrapped word that does not fit is drawn but not seen).
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterator, Sequence
from typing import Any, Optional

from pdfminer.pdfdevice import PDFTextDevice
from pdfminer.pdfdocument import PDFEncryptionError
from pdfminer.pdfexceptions import PDFException
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFGraphicState, PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.psexceptions import PSException
from pdfminer.utils import apply_matrix_pt, apply_matrix_rect

from ...errors import CorruptError, EncryptedError
from ...registrations import DEFAULT_LIMITS, DEFAULT_MAX_DEPTH, DEFAULT_MAX_OBJECTS, Limits
from .bounded import BoundedDocument, reading
from .content import Area, Glyph, RawPage, Segment, inside, rulings, writing_rotation
from .engines import check_page_count, encrypted, forms_too_deep, too_many_objects, why
from .glyphs import unify

# The exceptions a damaged file raises inside pdfminer (besides its own).
# what pdfminer raises on a damaged or hostile file; RecursionError: a page tree or objects
# nested thousands deep (or referring to themselves), which pdfminer follows by recursion
_DAMAGE = (
    PDFException,
    PSException,
    ValueError,
    KeyError,
    TypeError,
    IndexError,
    AssertionError,
    AttributeError,
    OverflowError,
    RecursionError,
)


def _white(color: Any, space: Any) -> bool:
    """True for the colour of the paper: gray 1, RGB (1, 1, 1) or CMYK (0, 0, 0, 0).

    Word and WPS paint every table cell's background white under its borders; such a fill is
    invisible and draws no ruling.
    """
    name = getattr(space, "name", "")
    values = color if isinstance(color, (tuple, list)) else (color,)
    try:
        numbers = [float(value) for value in values]
    except (TypeError, ValueError):
        return False  # a pattern or a named colour: not known to be white
    if name == "DeviceCMYK" or len(numbers) == 4:
        return all(value == 0 for value in numbers)
    return bool(numbers) and all(value >= 1 for value in numbers)


class _Device(PDFTextDevice):
    """Collects glyphs and rulings of the page being interpreted."""

    def __init__(self, rsrcmgr: PDFResourceManager, source: str = "", max_objects: int = DEFAULT_MAX_OBJECTS) -> None:
        super().__init__(rsrcmgr)
        self.source, self.max_objects = source, max_objects
        self.page_number = 0
        self.drawn = 0  # objects drawn on the page: glyphs, paths, images and forms
        self.width = 0.0
        self.height = 0.0
        self.glyphs: list[Glyph] = []
        self.segments: list[Segment] = []
        self.images = 0
        self.clip: Optional[Area] = None  # the clipping area in force, set by the interpreter

    def begin_page(self, page: PDFPage, ctm: Any) -> None:
        x0, y0, x1, y1 = apply_matrix_rect(ctm, page.mediabox)
        self.width, self.height = abs(x1 - x0), abs(y1 - y0)
        self.glyphs, self.segments, self.images = [], [], 0
        self.page_number += 1
        self.drawn = 0

    def count(self) -> None:
        """One more object drawn on the page; LimitError past ``max_objects``."""
        self.drawn += 1
        if self.drawn > self.max_objects:
            raise too_many_objects(self.source, self.page_number, self.max_objects)

    def render_image(self, name: str, stream: Any) -> None:
        self.count()
        self.images += 1

    def render_char(
        self,
        matrix: Any,
        font: PDFFont,
        fontsize: float,
        scaling: float,
        rise: float,
        cid: int,
        ncs: Any,
        graphicstate: PDFGraphicState,
    ) -> float:
        self.count()
        try:
            text: Optional[str] = unify(font.to_unichr(cid))
        except PDFUnicodeNotDefined:
            text = None
        adv = font.char_width(cid) * fontsize * scaling
        a, b, c, d, e, f = matrix
        if font.is_vertical():
            # the box pdfminer's LTChar gives a vertically written glyph
            vx, vy = font.char_disp(cid)  # type: ignore[misc]
            vx = fontsize * 0.5 if vx is None else vx * fontsize * 0.001
            vy = (1000 - vy) * fontsize * 0.001
            x0, y0, x1, y1 = apply_matrix_rect(matrix, (-vx, vy + rise + adv, -vx + fontsize, vy + rise))
            size, rotation = fontsize * math.hypot(a, b), writing_rotation(a, b)
        elif b == 0 and c == 0:
            # upright or upside down: no need for the general transformation
            low = font.get_descent() * fontsize + rise
            x0, x1 = e, a * adv + e
            y0, y1 = d * low + f, d * (low + fontsize) + f
            size, rotation = fontsize * abs(d), 0 if a > 0 else 180
        else:
            low = font.get_descent() * fontsize + rise
            x0, y0, x1, y1 = apply_matrix_rect(matrix, (0.0, low, adv, low + fontsize))
            size, rotation = fontsize * math.hypot(c, d), writing_rotation(a, b)
        if x1 < x0:
            x0, x1 = x1, x0
        if y1 < y0:
            y0, y1 = y1, y0
        if self.clip is not None and not inside(((x0 + x1) / 2, (y0 + y1) / 2), self.clip):
            return adv  # drawn, but clipped away: not printed
        self.glyphs.append(Glyph(text, x0, self.height - y1, x1, self.height - y0, size, rotation))
        return adv

    def paint_path(
        self, gstate: PDFGraphicState, stroke: bool, fill: bool, evenodd: bool, path: Sequence[tuple[Any, ...]]
    ) -> None:
        self.count()
        if stroke and _white(gstate.scolor, gstate.scs):
            stroke = False
        if fill and _white(gstate.ncolor, gstate.ncs):
            fill = False
        if not (stroke or fill):
            return
        ctm = self.ctm
        assert ctm is not None  # the interpreter sets it before any painting
        points: list[tuple[float, float]] = []
        start: Optional[tuple[float, float]] = None
        current: Optional[tuple[float, float]] = None
        straight = True
        for operation in path:
            op = operation[0]
            if op == "m":
                if len(points) > 1:
                    self.segments += rulings(points, straight, self.width, self.height)
                current = start = apply_matrix_pt(ctm, (float(operation[1]), float(operation[2])))
                points, straight = [current], True
            elif op == "l" and current is not None:
                current = apply_matrix_pt(ctm, (float(operation[1]), float(operation[2])))
                points.append(current)
            elif op == "h" and start is not None:
                points.append(start)
                current = start
            elif op in ("c", "v", "y") and current is not None:
                current = apply_matrix_pt(ctm, (float(operation[-2]), float(operation[-1])))
                points.append(current)
                straight = False
        if len(points) > 1:
            self.segments += rulings(points, straight, self.width, self.height)


class _Interpreter(PDFPageInterpreter):
    """pdfminer's interpreter that also keeps the clipping area (as the box of the clipping
    paths, intersected) in the graphics state, for the device to leave out what it hides; and
    refuses forms drawn by forms more than ``max_depth`` deep."""

    device: _Device

    def __init__(
        self,
        rsrcmgr: PDFResourceManager,
        device: _Device,
        clip: Optional[Area] = None,
        depth: int = 0,
        max_depth: int = DEFAULT_MAX_DEPTH,
    ) -> None:
        super().__init__(rsrcmgr, device)
        self.inherited_clip = clip
        self.depth, self.max_depth = depth, max_depth

    def dup(self) -> _Interpreter:
        # pdfminer calls dup() for every form it draws
        if self.depth >= self.max_depth:
            raise forms_too_deep(self.device.source, self.device.page_number, self.max_depth)
        return _Interpreter(self.rsrcmgr, self.device, self.device.clip, self.depth + 1, self.max_depth)

    def init_state(self, ctm: Any) -> None:
        super().init_state(ctm)
        self.device.clip = self.inherited_clip

    def get_current_state(self) -> Any:
        return (*super().get_current_state(), self.device.clip)

    def set_current_state(self, state: Any) -> None:
        super().set_current_state(state[:3])
        self.device.clip = state[3] if len(state) > 3 else self.device.clip

    def do_Do(self, xobjid_arg: Any) -> None:
        self.device.count()
        clip = self.device.clip
        try:
            super().do_Do(xobjid_arg)
        finally:
            self.device.clip = clip  # a form's clipping ends with the form

    def do_W(self) -> None:
        self._clip()

    def do_W_a(self) -> None:
        self._clip()

    def _clip(self) -> None:
        points = [apply_matrix_pt(self.ctm, (float(op[-2]), float(op[-1]))) for op in self.curpath if len(op) >= 3]
        if not points:
            return
        xs, ys = [x for x, _ in points], [y for _, y in points]
        area = (min(xs), min(ys), max(xs), max(ys))
        if area[2] - area[0] < 1 or area[3] - area[1] < 1:
            return  # a degenerate path clips nothing we could tell
        clip = self.device.clip
        if clip is not None:
            area = (max(area[0], clip[0]), max(area[1], clip[1]), min(area[2], clip[2]), min(area[3], clip[3]))
        self.device.clip = area


def interpret(
    pages: Iterator[PDFPage], rsrcmgr: PDFResourceManager, source: str = "", limits: Limits = DEFAULT_LIMITS
) -> Iterator[RawPage]:
    """Interpret each page once, yielding what it printed; LimitError for a page over the
    objects or the form depth of ``limits``."""
    device = _Device(rsrcmgr, source, limits.max_objects)
    interpreter = _Interpreter(rsrcmgr, device, max_depth=limits.max_depth)
    for page in pages:
        interpreter.process_page(page)
        yield RawPage(
            width=device.width,
            height=device.height,
            glyphs=tuple(device.glyphs),
            segments=tuple(device.segments),
            images=device.images,
        )


def read_pages(data: bytes, source: str, limits: Limits) -> Iterator[RawPage]:
    """What each page of the PDF prints, read with pdfminer one page at a time within
    ``limits``; raises the errors of a corrupt or encrypted PDF and of one over a limit."""
    with reading(source, limits):
        try:
            document = BoundedDocument(PDFParser(io.BytesIO(data)), source, limits.max_depth)
        except PDFEncryptionError as error:
            raise EncryptedError(source, encrypted(error)) from None
        except _DAMAGE as error:
            raise CorruptError(source, f"the PDF is corrupt ({why(error)})") from None
        try:
            pages = list(PDFPage.create_pages(document))
        except PDFEncryptionError as error:
            raise EncryptedError(source, encrypted(error)) from None
        except _DAMAGE as error:
            raise CorruptError(source, f"the PDF's page tree is corrupt ({why(error)})") from None
        if not pages:
            return
        check_page_count(len(pages), source, limits.max_pages)
        read = 0
        try:
            for page in interpret(iter(pages), PDFResourceManager(caching=True), source, limits):
                read += 1
                yield page
        except _DAMAGE as error:
            raise CorruptError(source, f"page {read + 1} of the PDF cannot be read ({why(error)})") from None
