"""PDFs built to hurt a reader, each written object by object (:func:`~.broken.raw_pdf`): a page
tree thousands of levels deep, one that contains itself, an object that refers to itself, a page
box of a five-thousand-digit number, a cross-reference table claiming a billion objects, a form
that draws itself, a stream that inflates to 1 GiB, forms that draw each other fifty
times five levels down (six million drawings from three kilobytes), forms within forms 400
deep, a chain of 400 references to references, and fonts whose widths or ToUnicode map name
every code from 0 to 2³² (billions of entries from a few bytes).

:func:`hostile_pdfs` returns them by name. Some a reader refuses from their structure; the others only
a limit stops: the reader's limits on objects, depth and inflated bytes where the engine lets
gongkai count them (pdfminer), the time and memory limits always."""

from __future__ import annotations

import zlib
from collections.abc import Sequence

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


def _deep_forms(levels: int = 400) -> bytes:
    """A page drawing a form that draws a form ... ``levels`` deep, the last printing text."""
    objects = [_CATALOG, _KIDS, _page(), _stream(b"/X Do"), _FONT]
    for level in range(levels):
        entries = b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] "
        entries += b"/Resources << /Font << /F1 5 0 R >> /XObject << /X %d 0 R >> >>" % (level + 7)
        objects.append(_stream(b"/X Do" if level < levels - 1 else _TEXT, entries))
    return raw_pdf(objects)


def _reference_chain(length: int = 400) -> bytes:
    """A page whose media box is a reference to a reference ... ``length`` long, then a box."""
    objects = [_CATALOG, _KIDS, b"<< /Type /Page /Parent 2 0 R /MediaBox 4 0 R >>"]
    objects += [b"%d 0 R" % (number + 1) for number in range(4, length + 4)]
    objects.append(b"[0 0 595 842]")
    return raw_pdf(objects)


def _cid_font_page(font_entries: bytes = b"", descendant_entries: bytes = b"", extra: Sequence[bytes] = ()) -> bytes:
    """A page of text in a Type0 (CID) font, with ``font_entries`` in the font, ``descendant_entries``
    in its CIDFont and ``extra`` objects from number 7 on (a ToUnicode stream, say)."""
    font = b"<< /Type /Font /Subtype /Type0 /BaseFont /Song /Encoding /Identity-H /DescendantFonts [6 0 R] %s >>"
    descendant = (
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Song "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> %s >>"
    )
    content = _stream(b"BT /F1 12 Tf 72 720 Td <0001000200030004> Tj ET")
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
    page += b"/Resources << /Font << /F1 5 0 R >> >> >>"
    return raw_pdf([_CATALOG, _KIDS, page, content, font % font_entries, descendant % descendant_entries, *extra])


def _zeros_deflated(mebibytes: int) -> bytes:
    """A zlib stream of ``mebibytes`` MiB of zero bytes, made in milliseconds: after a full flush
    deflate starts afresh, so one mebibyte's block repeats, and the checksum of zeros is known."""
    deflater = zlib.compressobj(9)
    chunk = bytes(1 << 20)
    first = deflater.compress(chunk) + deflater.flush(zlib.Z_FULL_FLUSH)
    block = deflater.compress(chunk) + deflater.flush(zlib.Z_FULL_FLUSH)
    adler32 = ((mebibytes << 20) % 65521) << 16 | 1  # zeros leave the sum at 1; the second sum counts bytes
    return first + block * (mebibytes - 1) + b"\x03\x00" + adler32.to_bytes(4, "big")  # 03 00: the last block, empty


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
            [_CATALOG, _KIDS, _page(), _stream(_zeros_deflated(1024), b"/Filter /FlateDecode"), _FONT]
        ),
        "form-fan-out": _fan_out(),
        "deep-forms": _deep_forms(),
        "reference-chain": _reference_chain(),
        "widths-bomb": _cid_font_page(descendant_entries=b"/W [0 4294967295 500]"),
        "to-unicode-bomb": _cid_font_page(
            b"/ToUnicode 7 0 R", extra=[_stream(b"1 beginbfrange <00000000> <FFFFFFFF> <00000000> endbfrange")]
        ),
    }
