"""Turning untrusted bytes into text, with one clear error when they are not text."""

from __future__ import annotations

from ..errors import InputError

# Control characters other than tab, newline, carriage return and form feed never occur in text.
_CONTROL = bytes(set(range(32)) - {9, 10, 12, 13})
_BOM = b"\xef\xbb\xbf"


def is_blank(data: bytes) -> bool:
    """True if ``data`` holds nothing but whitespace, after an optional UTF-8 byte-order mark."""
    return not data.removeprefix(_BOM).strip()


def looks_binary(data: bytes) -> bool:
    """True if ``data`` has NUL bytes or more than 1 % other control characters in its first 64 KiB."""
    head = data[:65536]
    if b"\x00" in head:
        return True
    controls = sum(head.count(bytes([c])) for c in _CONTROL)
    return controls > len(head) / 100


def decode_text(data: bytes, source: str) -> str:
    """Decode text as UTF-8 (with or without BOM), else GB18030; InputError if it is not text."""
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
