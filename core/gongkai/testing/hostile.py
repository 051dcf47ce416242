"""PDFs built to hurt a reader, each written object by object (:func:`~.broken.raw_pdf`): a page
tree thousands of levels deep, one that contains itself, an object that refers to itself, a page
box of a five-thousand-digit number, a cross-reference table claiming a billion objects, a form
that draws itself, a stream that inflates to 200 MiB, and forms that draw each other fifty
times five levels down (six million drawings from three kilobytes).

:func:`hostile_pdfs` returns them by name. Some a reader refuses from their structure; the others
(the inflating stream, the fan-out, a reference loop pdfminer follows forever) only the time and
memory limits stop."""

from __future__ import annotations

import zlib

from .broken import raw_pdf

_CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
_KIDS = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
_TEXT = b"BT /F1 12 Tf 72 720 Td (2024 budget) Tj ET"
_RESOURCES = b"/Resources << /Font << /F1 5 0 R >> /XObject << /X 6 0 R >> >>"


def _stream(data: bytes, entries: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(data), entries) + data + b"\nendstream"


def _page(box: bytes = b"[0 0 595 842]") -> bytes:
    return b"<< /Type /Page /Parent 2 0 R /MediaBox %s /Contents 4 0 R %s >>" % (box, _RESOURCES)


def _form(content: bytes) -> bytes:
    entries = b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] " + _RESOURCES.replace(b"6 0 R", b"7 0 R")
    return _stream(content, entries)


def _deep_tree(levels: int = 3000) -> bytes:
    objects = [_CATALOG]
    for level in range(levels):
        parent = b"/Parent %d 0 R" % (level + 1) if level else b""
        objects.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1 %s >>" % (level + 3, parent))
    objects.append(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] >>" % (levels + 1))
    return raw_pdf(objects)


def _fan_out(width: int = 50, depth: int = 5) -> bytes:
    objects = [_CATALOG, _KIDS, _page(), _stream(b"/X Do"), _FONT]
    for level in range(depth):
        entries = b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] "
        entries += b"/Resources << /Font << /F1 5 0 R >> /XObject << /X %d 0 R >> >>" % (level + 7)
        objects.append(_stream(b"/X Do " * width if level < depth - 1 else _TEXT, entries))
    return raw_pdf(objects)


def hostile_pdfs() -> dict[str, bytes]:
    """Every hostile PDF by name."""
    plain = raw_pdf([_CATALOG, _KIDS, _page(), _stream(_TEXT), _FONT, _form(_TEXT)])
    return {
        "deep-page-tree": _deep_tree(),
        "page-tree-cycle": raw_pdf([_CATALOG, b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"]),
        "self-reference": raw_pdf([_CATALOG, _KIDS, b"<< /Type /Page /Parent 2 0 R /MediaBox 4 0 R >>", b"4 0 R"]),
        "huge-page-box": raw_pdf(
            [_CATALOG, _KIDS, _page(b"[0 0 1e999999 " + b"9" * 5000 + b"]"), _stream(_TEXT), _FONT]
        ),
        "huge-xref-size": plain.replace(b"/Size 7", b"/Size 999999999"),
        "recursive-form": raw_pdf([_CATALOG, _KIDS, _page(), _stream(b"/X Do"), _FONT, _form(b"/X Do")]).replace(
            b"7 0 R", b"6 0 R"
        ),
        "inflating-stream": raw_pdf(
            [_CATALOG, _KIDS, _page(), _stream(zlib.compress(b"\0" * (200 << 20), 9), b"/Filter /FlateDecode"), _FONT]
        ),
        "form-fan-out": _fan_out(),
    }
