"""Turning untrusted bytes into text, with one clear error when they are not text."""

from __future__ import annotations

import codecs
from typing import Optional

from ..errors import InputError

# Control characters other than tab, newline, carriage return and form feed never occur in text.
_CONTROL = bytes(set(range(32)) - {9, 10, 12, 13})
_BOM = b"\xef\xbb\xbf"


# UTF-32's little-endian mark starts with UTF-16's: it is looked for first
_WIDE = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
SNIFFED = 262144  # bytes of the start of a file that sniffing looks at


def wide_encoding(data: bytes) -> Optional[str]:
    """``utf-16`` or ``utf-32`` when ``data`` starts with the byte-order mark of one, else None
    (Notepad's "Unicode" saves text as UTF-16 with a mark)."""
    return next((encoding for mark, encoding in _WIDE if data.startswith(mark)), None)


def sniffed(data: bytes) -> bytes:
    """The start of ``data`` as a text reader's sniffing reads it: UTF-16 or UTF-32 text (with
    its mark) as UTF-8, other bytes as they are."""
    head = data[:SNIFFED]
    encoding = wide_encoding(head)
    return head if encoding is None else head.decode(encoding, errors="ignore").encode("utf-8")


def is_blank(data: bytes) -> bool:
    """True if ``data`` holds nothing but whitespace, after an optional UTF-8 byte-order mark."""
    return not data.removeprefix(_BOM).strip()


def looks_binary(data: bytes) -> bool:
    """True if ``data`` has NUL bytes or more than 1 % other control characters in its first 64 KiB."""
    head = data[:65536]
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL))  # one pass, not one per character
    return controls > len(head) / 100


def decode_text(data: bytes, source: str) -> str:
    """Decode text as UTF-8 (with or without BOM), else GB18030, or as UTF-16 or UTF-32 where its
    byte-order mark says so; InputError if it is not text."""
    wide = wide_encoding(data)
    if wide is not None:
        try:
            data = data.decode(wide).encode("utf-8")
        except UnicodeError:
            raise InputError(source, f"not a text document (its mark says {wide.upper()}, its bytes are not)") from None
    if is_blank(data):
        raise InputError(source, "the file is empty")
    if looks_binary(data):
        raise InputError(source, "not a text document (binary content)")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(source, "not a text document (neither UTF-8 nor GB18030)")
