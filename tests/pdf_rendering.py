"""Generated disclosures printed as PDF with reportlab, the way WPS and Excel print them.

The tables are those of :mod:`tests.rendering` (header rows and body rows of cells); this module
only draws them: a CJK CID font (STSong-Light, built into reportlab and every PDF viewer, so no
font file is needed), ruled grids with merged header cells or tables without rules, long names
wrapped inside their cell, total rows in fake bold (each glyph drawn twice, a fraction of a point
apart), a table continued on the next page with or without its header repeated, landscape pages,
pages turned with /Rotate, page numbers and a running header.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Optional

import pytest

reportlab = pytest.importorskip("reportlab")

from reportlab.lib.pagesizes import A3, A4, landscape  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from .rendering import GenDocument, GenTable, _grid, meta_lines, printed_title  # noqa: E402

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

SIZE = 9.0
LEADING = 11.0
PAD = 3.0
MARGIN = 36.0
TOP = 56.0  # the top margin: room for a running header above it
LABEL_WIDTH = 96.0  # names wider than this wrap inside a ruled cell


@dataclass(frozen=True)
class PdfStyle:
    """How a generated document is printed.

    ``ruled``: grids of rules (else columns by position only); ``rotate``: 0, or 90 for pages
    printed portrait and turned by /Rotate, or ``sideways`` for a table printed turned on an
    unturned page; ``repeat_header``: the header printed again where a table runs onto a new
    page; ``furniture``: page numbers and a running header on every page; ``rects``: rules drawn
    as thin filled rectangles (Excel) rather than lines.
    """

    ruled: bool = True
    landscape: bool = False
    rotate: object = 0
    repeat_header: bool = False
    furniture: bool = False
    rects: bool = False


def width_of(text: str, size: float = SIZE) -> float:
    return pdfmetrics.stringWidth(text, FONT, size)


def wrap(text: str, width: float) -> list[str]:
    """``text`` cut into lines no wider than ``width`` (Chinese text breaks between any characters)."""
    lines = [""]
    for char in text:
        if lines[-1] and width_of(lines[-1] + char) > width:
            lines.append("")
        lines[-1] += char
    return lines


def spans(header: Sequence[Sequence[str]]) -> list[list[tuple[int, int]]]:
    """The owner (row, column) of each header position: an empty header cell belongs to the cell
    above it when that one is printed (a column header over two rows), else to the cell on its
    left (a group header over several columns)."""
    owner: list[list[tuple[int, int]]] = []
    for r, row in enumerate(header):
        owner.append([])
        for c, text in enumerate(row):
            if text or (r == 0 and c == 0):
                owner[r].append((r, c))
            elif r > 0 and (header[r - 1][c] or owner[r - 1][c] != (r - 1, c)) and owner[r - 1][c][1] == c:
                owner[r].append(owner[r - 1][c])
            elif c > 0:
                owner[r].append(owner[r][c - 1])
            else:
                owner[r].append((r, c))
    return owner


class _Drawer:
    """Draws one document page by page."""

    def __init__(self, style: PdfStyle, width_needed: float, title: str) -> None:
        self.style = style
        # a table wider than a landscape A4 page is printed on A3, as producers do: nothing is
        # drawn past the page's edge
        portrait = A4 if width_needed <= landscape(A4)[0] - 2 * MARGIN else A3
        self.landscape = style.landscape or width_needed > portrait[0] - 2 * MARGIN
        self.page_size = landscape(portrait) if self.landscape else portrait
        self.buffer = io.BytesIO()
        media = self.page_size
        if style.rotate == "sideways":
            media = (self.page_size[1], self.page_size[0])  # the paper is turned, the print is not
        # with rotate=90, reportlab writes the MediaBox turned back and /Rotate 90: the viewer
        # turns the page to ``page_size``, and the content is drawn turned to read upright
        self.canvas = Canvas(self.buffer, pagesize=media)
        self.canvas.setTitle(title)
        self.page = 0
        self.title = title
        self._start_page()

    def _start_page(self) -> None:
        self.page += 1
        c = self.canvas
        width, height = self.page_size
        if self.style.rotate == 90:
            c.setPageRotation(90)
            # content drawn turned so that the page reads upright once the viewer turns it
            c.translate(height, 0)
            c.rotate(90)
        elif self.style.rotate == "sideways":
            c.translate(height, 0)
            c.rotate(90)
        self.y = height - TOP
        if self.style.furniture:
            c.setFont(FONT, 8)
            c.drawCentredString(width / 2, height - 20, f"{self.title}公开")
            c.drawCentredString(width / 2, 18, f"- {self.page} -")

    def new_page(self) -> None:
        self.canvas.showPage()
        self._start_page()

    def text(self, text: str, *, centre: bool = False, size: float = SIZE + 1) -> None:
        if self.y < MARGIN + 3 * LEADING:
            self.new_page()
        self.canvas.setFont(FONT, size)
        width = self.page_size[0]
        if centre:
            self.canvas.drawCentredString(width / 2, self.y - size, text)
        else:
            self.canvas.drawString(MARGIN, self.y - size, text)
        self.y -= size + 6

    def rule(self, x0: float, y0: float, x1: float, y1: float) -> None:
        if self.style.rects:
            self.canvas.rect(min(x0, x1) - 0.25, min(y0, y1) - 0.25, abs(x1 - x0) + 0.5, abs(y1 - y0) + 0.5, 0, 1)
        else:
            self.canvas.line(x0, y0, x1, y1)

    def cell_text(self, lines: list[str], x0: float, x1: float, top: float, bottom: float, align: str, bold: bool):
        c = self.canvas
        pad = PAD if self.style.ruled else PAD + SIZE  # without rules, a margin of white space
        c.setFont(FONT, SIZE)
        block = len(lines) * LEADING
        y = top - (top - bottom - block) / 2 - SIZE
        for line in lines:
            if align == "right":
                x = x1 - pad - width_of(line)
            elif align == "centre":
                x = (x0 + x1 - width_of(line)) / 2
            else:
                x = x0 + pad
            c.drawString(x, y, line)
            if bold:
                c.drawString(x + 0.3, y, line)  # fake bold: the same glyphs again, overprinted
            y -= LEADING

    def save(self) -> bytes:
        self.canvas.showPage()
        self.canvas.save()
        return self.buffer.getvalue()


def _widths(header: list[list[str]], body: list[list[str]], roles: list[str], ruled: bool) -> list[float]:
    widths = []
    for c, role in enumerate(roles):
        texts = [row[c] for row in body if c < len(row)] + [h[c] for h in header if h[c]]
        widest = max((width_of(text) for text in texts), default=0) + 2 * PAD
        if role == "label" and ruled:
            widest = min(widest, LABEL_WIDTH)
        if not ruled:
            widest += 2.5 * SIZE  # without rules, only white space tells the columns apart
        widths.append(max(widest, 24.0))
    return widths


def _roles(header: list[list[str]], body: list[list[str]]) -> list[str]:
    roles = []
    for c in range(len(header[0])):
        values = [row[c] for row in body if c < len(row) and row[c]]
        numeric = sum(1 for v in values if (v[:1].isdigit() and "." in v) or v in ("—", "-", "－", "–"))
        roles.append("amount" if values and numeric * 2 >= len(values) else "label")
    return roles


def draw_table(drawer: _Drawer, table: GenTable) -> None:
    """One generated table at the drawer's position, ruled or not, split where its layout breaks."""
    header, body_rows = _grid(table)
    width = max(len(row) for row in header + [cells for cells, _ in body_rows])
    header = [row + [""] * (width - len(row)) for row in header]
    body = [(cells + [""] * (width - len(cells)), bold) for cells, bold in body_rows]
    roles = _roles(header, [cells for cells, _ in body])
    ruled = drawer.style.ruled
    widths = _widths(header, [cells for cells, _ in body], roles, ruled)
    xs = [MARGIN]
    for w in widths:
        xs.append(xs[-1] + w)
    owner = spans(header)
    breaks = table.layout.get("page_break")

    def draw_header() -> None:
        heights = [LEADING + 2 * PAD] * len(header)
        top = drawer.y
        ys = [top]
        for h in heights:
            ys.append(ys[-1] - h)
        done = set()
        for r in range(len(header)):
            for c in range(width):
                key = owner[r][c]
                if key in done:
                    continue
                done.add(key)
                cells = [(rr, cc) for rr in range(len(header)) for cc in range(width) if owner[rr][cc] == key]
                r1 = max(rr for rr, _ in cells)
                c1 = max(cc for _, cc in cells)
                x0, x1, y0, y1 = xs[key[1]], xs[c1 + 1], ys[key[0]], ys[r1 + 1]
                text = header[key[0]][key[1]]
                lines = wrap(text, x1 - x0 - 2 * PAD) if ruled else [text]
                drawer.cell_text(lines, x0, x1, y0, y1, "centre", False)
        if ruled:
            for r in range(len(header) + 1):
                for c in range(width):
                    if r in (0, len(header)) or owner[r - 1][c] != owner[r][c]:
                        drawer.rule(xs[c], ys[r], xs[c + 1], ys[r])
            for c in range(width + 1):
                for r in range(len(header)):
                    if c in (0, width) or owner[r][c - 1] != owner[r][c]:
                        drawer.rule(xs[c], ys[r], xs[c], ys[r + 1])
        drawer.y = ys[-1]

    draw_header()
    for index, (cells, bold) in enumerate(body):
        wrapped = [
            wrap(text, xs[c + 1] - xs[c] - 2 * PAD) if ruled and roles[c] == "label" and text else [text]
            for c, text in enumerate(cells)
        ]
        height = max(len(lines) for lines in wrapped) * LEADING + 2 * PAD
        if drawer.y - height < MARGIN + LEADING:
            drawer.new_page()
            if drawer.style.repeat_header:
                draw_header()
        top, bottom = drawer.y, drawer.y - height
        for c, lines in enumerate(wrapped):
            if lines != [""]:
                align = "right" if roles[c] == "amount" else "left"
                drawer.cell_text(lines, xs[c], xs[c + 1], top, bottom, align, bold)
        if ruled:
            drawer.rule(xs[0], bottom, xs[-1], bottom)
            for x in xs:
                drawer.rule(x, top, x, bottom)
        drawer.y = bottom
        if breaks == index + 1 and index + 1 < len(body):
            drawer.new_page()
            if drawer.style.repeat_header:
                draw_header()
    drawer.y -= 4


def render_pdf(document: GenDocument, style: PdfStyle = PdfStyle()) -> bytes:
    """The generated document printed as a PDF: a cover, then each table on a page of its own."""
    needed = 0.0
    for table in document.tables:
        header, body = _grid(table)
        roles = _roles(header, [cells for cells, _ in body])
        needed = max(needed, sum(_widths(header, [c for c, _ in body], roles, style.ruled)))
    cover = f"{document.year}年度 {document.entity} 部门决算"
    drawer = _Drawer(style, needed, cover)
    drawer.text(cover, centre=True, size=16)
    if document.part_heading:
        drawer.text(f"第二部分 {document.year}年度部门决算表")
    for table in document.tables:
        drawer.new_page()
        drawer.text(table.heading)
        drawer.text(printed_title(document, table), centre=True, size=12)
        for line in meta_lines(document, table):
            drawer.text(line)
        draw_table(drawer, table)
        drawer.text(table.note)
    return drawer.save()


def simple_pdf(pages: Sequence[Sequence[str]], *, encrypt: Optional[str] = None) -> bytes:
    """A PDF of plain lines of text, one list of lines per page (optionally password-protected)."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, encrypt=encrypt)
    for lines in pages:
        canvas.setFont(FONT, 11)
        y = A4[1] - MARGIN
        for line in lines:
            canvas.drawString(MARGIN, y, line)
            y -= 16
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def scanned_pdf(pages: int = 2) -> bytes:
    """A PDF whose pages are only pictures (a scan): no text layer at all."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    picture = Image.new("L", (400, 560), 255)
    ImageDraw.Draw(picture).rectangle((40, 60, 360, 500), outline=0)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    for _ in range(pages):
        canvas.drawImage(ImageReader(picture), 0, 0, width=A4[0], height=A4[1])
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def raw_pdf(objects: Sequence[bytes]) -> bytes:
    """A PDF file of ``objects`` (object 1 the catalog), with a correct cross-reference table."""
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
    """A PDF whose text is drawn with a CID font that has no ToUnicode map and an Identity
    ordering: the glyphs are there, but nothing says which characters they are."""
    text = "".join(f"{cid:04X}" for cid in range(300, 360))
    content = b"BT /F1 12 Tf 72 720 Td <" + text.encode() + b"> Tj 0 -20 Td <" + text.encode() + b"> Tj ET"
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
